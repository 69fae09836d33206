// labelWindow: a window takes the class covering more than half of it; else it is skipped as
// unresolved (an unresolved disagreement overlaps it) or unlabeled.

#include <gtest/gtest.h>

#include "core/dataset/data/window_labels.h"

namespace edgewise::dataset::test {
namespace {

using State = WindowLabel::State;

// walk [0, 240), unresolved [240, 300), run [300, 600), nothing [600, 800), idle [800, 1000).
RecordingLabels labels() {
  RecordingLabels l;
  l.segments = {{0, 240, "walk"}, {300, 600, "run"}, {800, 1000, "idle"}};
  l.unresolved = {{240, 300}};
  return l;
}

TEST(WindowLabels, MoreThanHalfElseUnresolvedOrUnlabeled) {
  const RecordingLabels l = labels();
  struct Case {
    int64_t start, end;
    State state;
    const char* label;
  };
  const Case cases[] = {
      {0, 100, State::Labeled, "walk"},     // inside one segment
      {150, 250, State::Labeled, "walk"},   // 90 walk, 10 unresolved: walk either way
      {200, 300, State::Unresolved, ""},    // 40 walk, 60 unresolved
      {250, 350, State::Unresolved, ""},    // 50 unresolved, 50 run: not more than half
      {260, 400, State::Labeled, "run"},    // 100 of 140 run
      {550, 650, State::Unlabeled, ""},     // exactly half run, no disagreement
      {560, 660, State::Unlabeled, ""},     // 40 run
      {600, 800, State::Unlabeled, ""},     // nothing
      {700, 1000, State::Labeled, "idle"},  // 200 of 300 idle
      {550, 850, State::Unlabeled, ""},     // 50 run, 50 idle of 300
      {230, 310, State::Unresolved, ""},    // 10 walk, 60 unresolved, 10 run
      {1000, 1100, State::Unlabeled, ""},   // after the labels (touching is no overlap)
      {100, 100, State::Unlabeled, ""},     // empty
  };
  for (const Case& c : cases) {
    const WindowLabel w = labelWindow(l, c.start, c.end);
    EXPECT_EQ(w.state, c.state) << c.start << ".." << c.end;
    EXPECT_EQ(w.label, c.label) << c.start << ".." << c.end;
  }
  // Two segments of one class add up.
  RecordingLabels split;
  split.segments = {{0, 30, "a"}, {30, 40, "b"}, {40, 70, "a"}};
  EXPECT_EQ(labelWindow(split, 0, 100).label, "a");               // 60 of 100
  EXPECT_EQ(labelWindow(split, 0, 120).state, State::Unlabeled);  // 60 of 120
}

}  // namespace
}  // namespace edgewise::dataset::test
