#pragma once
// The label of a recording window from the recording's effective labels (what the Labeling
// pane's annotators and adjudications decided, labeling::effectiveRecordingLabels): the
// recordings import's "effective labels" source.
//
// Rule: a window [startUs, endUs) takes class C when C's segments cover MORE than half of it.
// Whatever the rest of the window turns out to be (unlabeled time labeled later, a disagreement
// adjudicated later), no other class could then cover as much, so the window's label does not
// depend on what is still open. A window no class covers more than half of is skipped: as
// Unresolved when an unresolved disagreement overlaps it (adjudicating that range may give it a
// label), else as Unlabeled.

#include <cstdint>
#include <string>
#include <vector>

namespace edgewise::dataset {

struct TimeLabel {
  int64_t startUs = 0;
  int64_t endUs = 0;  // exclusive
  std::string label;
};

struct TimeRange {
  int64_t startUs = 0;
  int64_t endUs = 0;  // exclusive
};

// A recording's effective labels. Both lists are sorted by start and do not overlap within
// themselves (as labeling::effectiveRecordingLabels gives them).
struct RecordingLabels {
  std::vector<TimeLabel> segments;
  std::vector<TimeRange> unresolved;  // annotators disagree, no adjudication decides
};

struct WindowLabel {
  enum class State { Labeled, Unlabeled, Unresolved };
  State state = State::Unlabeled;
  std::string label;  // set when Labeled
};

WindowLabel labelWindow(const RecordingLabels& labels, int64_t startUs, int64_t endUs);

}  // namespace edgewise::dataset
