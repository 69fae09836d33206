#include "app/workbench/panes/labeling/timeline_model.h"

#include <algorithm>

namespace edgewise::gui {

std::vector<TimelineSegment> MemoryLabelModel::segments() const {
  std::vector<TimelineSegment> out;
  out.reserve(m_segments.size());
  for (const auto& [id, s] : m_segments) out.push_back(s);
  std::stable_sort(out.begin(), out.end(), [](const TimelineSegment& a, const TimelineSegment& b) {
    return a.startUs < b.startUs;
  });
  return out;
}

Result<int64_t> MemoryLabelModel::addSegment(int64_t startUs, int64_t endUs, int classId) {
  if (endUs <= startUs) return Error("a segment must end after it starts");
  const int64_t id = m_nextId++;
  m_segments[id] = TimelineSegment{id, startUs, endUs, classId};
  return id;
}

Result<void> MemoryLabelModel::restoreSegment(const TimelineSegment& segment) {
  if (segment.endUs <= segment.startUs) return Error("a segment must end after it starts");
  if (m_segments.count(segment.id)) return Error("segment already exists");
  m_segments[segment.id] = segment;
  m_nextId = std::max(m_nextId, segment.id + 1);
  return {};
}

Result<void> MemoryLabelModel::updateSegment(const TimelineSegment& segment) {
  auto it = m_segments.find(segment.id);
  if (it == m_segments.end()) return Error("no such segment");
  if (segment.endUs <= segment.startUs) return Error("a segment must end after it starts");
  it->second = segment;
  return {};
}

Result<void> MemoryLabelModel::removeSegment(int64_t id) {
  if (!m_segments.erase(id)) return Error("no such segment");
  return {};
}

TimestampReport checkTimestamps(const std::vector<int64_t>& ts, double gapFactor) {
  TimestampReport r;
  r.samples = static_cast<int64_t>(ts.size());
  if (ts.size() < 2) return r;
  std::vector<int64_t> positive;
  positive.reserve(ts.size());
  for (size_t i = 1; i < ts.size(); ++i) {
    const int64_t d = ts[i] - ts[i - 1];
    if (d > 0) positive.push_back(d);
  }
  if (!positive.empty()) {
    auto mid = positive.begin() + static_cast<std::ptrdiff_t>(positive.size() / 2);
    std::nth_element(positive.begin(), mid, positive.end());
    r.medianIntervalUs = *mid;
  }
  const double limit = gapFactor * static_cast<double>(r.medianIntervalUs);
  for (size_t i = 1; i < ts.size(); ++i) {
    const int64_t d = ts[i] - ts[i - 1];
    if (d == 0) {
      ++r.duplicates;
    } else if (d < 0) {
      ++r.backwards;
    } else if (r.medianIntervalUs > 0 && static_cast<double>(d) > limit) {
      ++r.gaps;
      r.longestGapUs = std::max(r.longestGapUs, d);
    }
  }
  return r;
}

}  // namespace edgewise::gui
