#pragma once
// Labels in the project file (schema 6): the project's label schema (classes), annotators and
// their annotation sessions, segment labels on recordings and item labels on dataset samples
// (one set per annotator, never overwritten by another), and adjudications.
//
// Every edit returns what its inverse needs, so the GUI can wrap it in a QUndoCommand:
// SegmentEdit / ItemEdit hold the affected rows before and after the edit; revert() restores
// the "before" rows exactly (same ids, times, confidence, source) and reapply() the "after"
// rows. Class edits return the previous state (ClassRemoval for remove, the old value for
// rename / recolor / reorder / shortcut).
//
// Overlap rule (one annotator, one recording): the segment being added, moved or resized
// wins. A segment of the same annotator it covers completely is removed, one it covers
// partly is trimmed, and one that contains it is split in two (the left part keeps its id,
// the right part is a new row). revert() undoes all of that in one step. Segments of other
// annotators are never touched. Touching segments (end == start) do not overlap.
//
// Not thread-safe: use it on the thread that owns the Project.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/util/result.h"

namespace edgewise::store {
class Project;
}

namespace edgewise::labeling {

struct LabelClass {
  int64_t id = 0;
  std::string name;
  std::string color = "#1f77b4";  // #rrggbb, lower case
  int shortcut = 0;               // 1..9, 0 = none
  int order = 0;                  // position in the schema (0-based)
  bool operator==(const LabelClass& o) const {
    return id == o.id && name == o.name && color == o.color && shortcut == o.shortcut &&
           order == o.order;
  }
};

struct Annotator {
  int64_t id = 0;
  std::string name;
  int64_t createdUs = 0;
};

struct AnnotationSession {
  int64_t id = 0;
  int64_t annotatorId = 0;
  int64_t startedUs = 0;
  std::optional<int64_t> endedUs;  // empty while the session runs
  int64_t labelsMade = 0;          // set by endSession
};

struct AnnotatorStats {
  int64_t annotatorId = 0;
  std::string name;
  int sessions = 0;
  double secondsSpent = 0;  // sum of finished sessions' durations
  int64_t labelsMade = 0;   // sum over finished sessions
  double labelsPerHour = 0;
};

// "manual", "suggestion", "model", "import" as stored.
enum class LabelSource { Manual, Suggestion, Model, Import };
const char* sourceName(LabelSource s);
std::optional<LabelSource> sourceFromName(const std::string& name);

struct SegmentLabel {
  int64_t id = 0;
  int64_t recordingId = 0;
  std::optional<int64_t> streamId;
  int64_t startUs = 0;
  int64_t endUs = 0;  // exclusive
  int64_t classId = 0;
  int64_t annotatorId = 0;
  int64_t createdUs = 0;  // 0: now (on add)
  int64_t updatedUs = 0;  // 0: now (on add)
  std::optional<double> confidence;
  LabelSource source = LabelSource::Manual;
  bool operator==(const SegmentLabel& o) const {
    return id == o.id && recordingId == o.recordingId && streamId == o.streamId &&
           startUs == o.startUs && endUs == o.endUs && classId == o.classId &&
           annotatorId == o.annotatorId && createdUs == o.createdUs && updatedUs == o.updatedUs &&
           confidence == o.confidence && source == o.source;
  }
};

struct ItemLabel {
  int64_t id = 0;
  int64_t sampleId = 0;
  int64_t classId = 0;
  int64_t annotatorId = 0;
  int64_t createdUs = 0;
  int64_t updatedUs = 0;
  std::optional<double> confidence;
  LabelSource source = LabelSource::Manual;
  bool operator==(const ItemLabel& o) const {
    return id == o.id && sampleId == o.sampleId && classId == o.classId &&
           annotatorId == o.annotatorId && createdUs == o.createdUs && updatedUs == o.updatedUs &&
           confidence == o.confidence && source == o.source;
  }
};

// The rows an edit changed: `before` in their state before the edit (rows that existed),
// `after` in their state after it (rows that exist now). `target` is the id of the segment the
// caller added or edited (0 for a removal).
struct SegmentEdit {
  std::vector<SegmentLabel> before;
  std::vector<SegmentLabel> after;
  int64_t target = 0;
};

struct ItemEdit {
  std::optional<ItemLabel> before;
  std::optional<ItemLabel> after;
};

struct ClassRemoval {
  LabelClass removed;
  std::vector<LabelClass> orderBefore;  // every class as it was (orders)
  int64_t reassignedTo = 0;             // 0 when nothing was reassigned
  std::vector<int64_t> segmentIds;      // labels moved to reassignedTo
  std::vector<int64_t> itemIds;
  std::vector<int64_t> adjudicationIds;
};

struct Adjudication {
  int64_t id = 0;
  std::optional<int64_t> sampleId;     // an item ...
  std::optional<int64_t> recordingId;  // ... or a time range of a recording
  int64_t startUs = 0;
  int64_t endUs = 0;
  int64_t classId = 0;
  int64_t adjudicatorId = 0;
  std::optional<int64_t> acceptedAnnotatorId;  // set when one annotator's label was accepted
  int64_t createdUs = 0;
};

class LabelRepository {
 public:
  explicit LabelRepository(store::Project& project);
  ~LabelRepository();
  LabelRepository(const LabelRepository&) = delete;
  LabelRepository& operator=(const LabelRepository&) = delete;

  store::Project& project() const;

  // --- label schema ---
  // Appends a class (order = last). Refuses an empty or existing name, a bad color and a
  // shortcut used by another class.
  Result<LabelClass> addClass(const std::string& name, const std::string& color = {},
                              int shortcut = 0);
  Result<std::vector<LabelClass>> classes() const;  // in schema order
  Result<LabelClass> classById(int64_t id) const;
  Result<LabelClass> classByName(const std::string& name) const;
  // Each returns the class as it was before, for undo (apply it back with restoreClassRow).
  Result<LabelClass> renameClass(int64_t id, const std::string& name);
  Result<LabelClass> recolorClass(int64_t id, const std::string& color);
  Result<LabelClass> setClassShortcut(int64_t id, int shortcut);
  // Writes name, color, shortcut and order of an existing class (undo of the edits above).
  Result<void> restoreClassRow(const LabelClass& c);
  // New order: every class id exactly once. Returns the ids in their previous order.
  Result<std::vector<int64_t>> reorderClasses(const std::vector<int64_t>& ids);
  // Refused while labels or adjudications use the class, unless reassignTo names another
  // class: then they move to it first. The inverse is restoreClass().
  Result<ClassRemoval> removeClass(int64_t id, std::optional<int64_t> reassignTo = {});
  Result<void> restoreClass(const ClassRemoval& removal);
  // How many segment labels, item labels and adjudications use the class.
  Result<int64_t> classUsage(int64_t id) const;

  // --- annotators and sessions ---
  Result<Annotator> addAnnotator(const std::string& name);
  // The annotator with this name, created when missing.
  Result<Annotator> ensureAnnotator(const std::string& name);
  Result<std::vector<Annotator>> annotators() const;
  Result<Annotator> annotatorByName(const std::string& name) const;
  Result<Annotator> annotatorById(int64_t id) const;
  Result<int64_t> startSession(int64_t annotatorId, int64_t startedUs = 0);
  // Ends the session and counts the labels the annotator created (segment and item labels,
  // by created time) between its start and end.
  Result<AnnotationSession> endSession(int64_t sessionId, int64_t endedUs = 0);
  Result<std::vector<AnnotationSession>> sessions(int64_t annotatorId) const;
  Result<std::vector<AnnotatorStats>> annotatorStats() const;

  // --- segment labels ---
  // Adds a segment (id ignored; created/updated 0 = now) applying the overlap rule.
  Result<SegmentEdit> addSegment(const SegmentLabel& segment);
  // Moves / resizes a segment (same annotator), applying the overlap rule.
  Result<SegmentEdit> moveSegment(int64_t id, int64_t startUs, int64_t endUs);
  Result<SegmentEdit> setSegmentClass(int64_t id, int64_t classId);
  Result<SegmentEdit> removeSegment(int64_t id);
  // Inverse and redo of any SegmentEdit.
  Result<void> revert(const SegmentEdit& edit);
  Result<void> reapply(const SegmentEdit& edit);
  // Inserts a row exactly as given (its id must be free).
  Result<void> restoreSegment(const SegmentLabel& row);
  Result<SegmentLabel> segment(int64_t id) const;
  // In start order; annotatorId 0 = every annotator.
  Result<std::vector<SegmentLabel>> segments(int64_t recordingId, int64_t annotatorId = 0) const;
  Result<std::vector<SegmentLabel>> allSegments() const;

  // --- item labels (dataset samples) ---
  // Sets the annotator's label of the sample (replacing only that annotator's own label).
  Result<ItemEdit> setItemLabel(int64_t sampleId, int64_t classId, int64_t annotatorId,
                                LabelSource source = LabelSource::Manual,
                                std::optional<double> confidence = {});
  Result<ItemEdit> removeItemLabel(int64_t sampleId, int64_t annotatorId);
  Result<void> revert(const ItemEdit& edit);
  Result<void> reapply(const ItemEdit& edit);
  // Inserts a row exactly as given (id 0: a new id). Refused when the annotator already has a
  // label on the sample.
  Result<void> restoreItem(const ItemLabel& row);
  // Item labels of a dataset's samples; annotatorId 0 = every annotator.
  Result<std::vector<ItemLabel>> itemLabels(int64_t datasetId, int64_t annotatorId = 0) const;
  Result<std::vector<ItemLabel>> allItemLabels() const;

  // --- adjudication ---
  Result<Adjudication> adjudicateItem(int64_t sampleId, int64_t classId, int64_t adjudicatorId,
                                      std::optional<int64_t> acceptedAnnotatorId = {});
  Result<Adjudication> adjudicateRange(int64_t recordingId, int64_t startUs, int64_t endUs,
                                       int64_t classId, int64_t adjudicatorId,
                                       std::optional<int64_t> acceptedAnnotatorId = {});
  // Accepts one annotator's label: for an item its class; for a range the class that
  // annotator's segment has at the range's midpoint (error when there is none).
  Result<Adjudication> acceptItemLabel(int64_t sampleId, int64_t annotatorId,
                                       int64_t adjudicatorId);
  Result<Adjudication> acceptRangeLabel(int64_t recordingId, int64_t startUs, int64_t endUs,
                                        int64_t annotatorId, int64_t adjudicatorId);
  Result<void> removeAdjudication(int64_t id);
  // Inserts an adjudication exactly as given (id 0: a new id); the inverse of a removal.
  Result<void> restoreAdjudication(const Adjudication& a);
  // The sample's adjudication, if any (read it before adjudicateItem to undo a replacement).
  Result<std::optional<Adjudication>> itemAdjudicationOf(int64_t sampleId) const;
  Result<std::vector<Adjudication>> itemAdjudications(int64_t datasetId) const;
  // In creation order (a later one wins where ranges overlap).
  Result<std::vector<Adjudication>> rangeAdjudications(int64_t recordingId) const;
  Result<std::vector<Adjudication>> allAdjudications() const;  // in creation order

  struct Impl;

 private:
  std::unique_ptr<Impl> m_impl;
};

// Parses "#rrggbb" (any case) into the stored lower-case form; empty when invalid.
std::optional<std::string> normalizeColor(const std::string& color);
// A distinct default color for the n-th class (matplotlib's tab10 cycle).
std::string defaultColor(int n);

}  // namespace edgewise::labeling
