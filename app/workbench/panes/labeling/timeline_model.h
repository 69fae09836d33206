#pragma once
// What the timeline edits: a small abstract model of label segments, so the widget works the
// same against an in-memory model (tests, unsaved sessions) and against the project's label
// store (core/labeling) through an adapter.

#include <QColor>
#include <QString>
#include <cstdint>
#include <map>
#include <memory>
#include <vector>

#include "core/util/result.h"

namespace edgewise::gui {

struct TimelineClass {
  int id = 0;
  QString name;
  QColor color;
  int key = 0;  // 1..9: the shortcut that assigns the class; 0 = none
};

struct TimelineSegment {
  int64_t id = 0;
  int64_t startUs = 0;  // inclusive
  int64_t endUs = 0;    // exclusive, > startUs
  int classId = 0;
  bool operator==(const TimelineSegment& o) const {
    return id == o.id && startUs == o.startUs && endUs == o.endUs && classId == o.classId;
  }
  bool operator!=(const TimelineSegment& o) const { return !(*this == o); }
};

// A span the model proposes (e.g. active learning's most informative window, or a model's
// pre-annotation); classId < 0 when it proposes no class.
struct TimelineSuggestion {
  int64_t startUs = 0;
  int64_t endUs = 0;
  int classId = -1;
};

// What one model call changed, for models whose edits reach beyond the segment named (the
// project store trims or splits segments a new or moved one overlaps): the undo commands keep
// it and hand it back to undo and redo that call exactly.
class TimelineEdit {
 public:
  virtual ~TimelineEdit() = default;
};

class TimelineLabelModel {
 public:
  virtual ~TimelineLabelModel() = default;

  virtual std::vector<TimelineClass> classes() const = 0;
  // Sorted by startUs.
  virtual std::vector<TimelineSegment> segments() const = 0;
  virtual std::vector<TimelineSuggestion> suggestions() const = 0;

  // Returns the new segment's id.
  virtual Result<int64_t> addSegment(int64_t startUs, int64_t endUs, int classId) = 0;
  // Puts back a segment exactly as it was (same id): the inverse of removeSegment.
  virtual Result<void> restoreSegment(const TimelineSegment& segment) = 0;
  // Changes start, end and class of the segment with segment.id.
  virtual Result<void> updateSegment(const TimelineSegment& segment) = 0;
  virtual Result<void> removeSegment(int64_t id) = 0;

  // The edit the last successful add/update/remove made (taken once), or nullptr when the
  // segment named is all it changed: then undo is the inverse call.
  virtual std::shared_ptr<TimelineEdit> takeLastEdit() { return nullptr; }
  virtual Result<void> revertEdit(const TimelineEdit&) { return Error("edit not supported"); }
  virtual Result<void> reapplyEdit(const TimelineEdit&) { return Error("edit not supported"); }
};

// Segments in memory (the widget's tests); the pane uses StoreLabelModel.
class MemoryLabelModel : public TimelineLabelModel {
 public:
  MemoryLabelModel() = default;
  explicit MemoryLabelModel(std::vector<TimelineClass> classes) : m_classes(std::move(classes)) {}

  void setClasses(std::vector<TimelineClass> classes) { m_classes = std::move(classes); }
  void setSuggestions(std::vector<TimelineSuggestion> s) { m_suggestions = std::move(s); }
  void clearSegments() { m_segments.clear(); }

  std::vector<TimelineClass> classes() const override { return m_classes; }
  std::vector<TimelineSegment> segments() const override;
  std::vector<TimelineSuggestion> suggestions() const override { return m_suggestions; }
  Result<int64_t> addSegment(int64_t startUs, int64_t endUs, int classId) override;
  Result<void> restoreSegment(const TimelineSegment& segment) override;
  Result<void> updateSegment(const TimelineSegment& segment) override;
  Result<void> removeSegment(int64_t id) override;

 private:
  std::vector<TimelineClass> m_classes;
  std::vector<TimelineSuggestion> m_suggestions;
  std::map<int64_t, TimelineSegment> m_segments;
  int64_t m_nextId = 1;
};

// Timestamp sanity of a recording's stream (computed from the timestamps themselves).
struct TimestampReport {
  int64_t samples = 0;
  int64_t gaps = 0;        // intervals longer than gapFactor x the median interval
  int64_t duplicates = 0;  // intervals of exactly 0
  int64_t backwards = 0;   // intervals < 0 (non-monotonic)
  int64_t medianIntervalUs = 0;
  int64_t longestGapUs = 0;
  bool ok() const { return gaps == 0 && duplicates == 0 && backwards == 0; }
};

TimestampReport checkTimestamps(const std::vector<int64_t>& timestampsUs, double gapFactor = 3.0);

}  // namespace edgewise::gui
