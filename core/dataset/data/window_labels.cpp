#include "core/dataset/data/window_labels.h"

#include <algorithm>
#include <map>

namespace edgewise::dataset {

namespace {

int64_t overlap(int64_t a0, int64_t a1, int64_t b0, int64_t b1) {
  return std::max<int64_t>(0, std::min(a1, b1) - std::max(a0, b0));
}

// The first element of a start-sorted, non-overlapping list that ends after t.
template <typename T>
typename std::vector<T>::const_iterator firstEndingAfter(const std::vector<T>& v, int64_t t) {
  return std::partition_point(v.begin(), v.end(), [t](const T& x) { return x.endUs <= t; });
}

}  // namespace

WindowLabel labelWindow(const RecordingLabels& labels, int64_t startUs, int64_t endUs) {
  WindowLabel out;
  if (endUs <= startUs) return out;
  std::map<std::string, int64_t> covered;
  for (auto it = firstEndingAfter(labels.segments, startUs);
       it != labels.segments.end() && it->startUs < endUs; ++it) {
    covered[it->label] += overlap(it->startUs, it->endUs, startUs, endUs);
  }
  for (const auto& [label, us] : covered) {
    // More than half: at most one class can.
    if (2 * us > endUs - startUs) {
      out.state = WindowLabel::State::Labeled;
      out.label = label;
      return out;
    }
  }
  auto u = firstEndingAfter(labels.unresolved, startUs);
  if (u != labels.unresolved.end() && u->startUs < endUs)
    out.state = WindowLabel::State::Unresolved;
  return out;
}

}  // namespace edgewise::dataset
