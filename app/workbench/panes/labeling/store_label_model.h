#pragma once
// The timeline's label model on the project's label store (core/labeling): one annotator's
// segment labels on one recording, written through the LabelRepository on every call. The
// store applies its overlap rule (a new or moved segment trims or splits the annotator's
// segments it covers), so every write hands the widget's undo commands the store's invertible
// SegmentEdit (takeLastEdit) and undo/redo go through revert/reapply.

#include <QCoreApplication>
#include <QString>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "app/workbench/panes/labeling/timeline_model.h"
#include "core/labeling/label_repository.h"

namespace edgewise::gui {

class StoreLabelModel : public TimelineLabelModel {
  Q_DECLARE_TR_FUNCTIONS(edgewise::gui::StoreLabelModel)

 public:
  // annotatorId 0: no annotator yet (an empty name, or one the project does not know): the
  // model shows no labels and creates the annotator on the first write (refused without a
  // name).
  StoreLabelModel(labeling::LabelRepository& repository, int64_t recordingId,
                  std::optional<int64_t> streamId, int64_t annotatorId, QString annotatorName,
                  std::vector<TimelineClass> classes);

  void setClasses(std::vector<TimelineClass> classes) { m_classes = std::move(classes); }
  int64_t annotatorId() const { return m_annotatorId; }
  // The last write's error (empty after a write that succeeded); reading errors included.
  QString lastError() const { return m_lastError; }

  std::vector<TimelineClass> classes() const override { return m_classes; }
  std::vector<TimelineSegment> segments() const override { return m_segments; }
  std::vector<TimelineSuggestion> suggestions() const override { return {}; }
  Result<int64_t> addSegment(int64_t startUs, int64_t endUs, int classId) override;
  Result<void> restoreSegment(const TimelineSegment& segment) override;
  Result<void> updateSegment(const TimelineSegment& segment) override;
  Result<void> removeSegment(int64_t id) override;
  std::shared_ptr<TimelineEdit> takeLastEdit() override;
  Result<void> revertEdit(const TimelineEdit& edit) override;
  Result<void> reapplyEdit(const TimelineEdit& edit) override;

  // Re-reads the annotator's segments: after a write (failed or not) the view shows exactly
  // what the store holds, so a refused edit is rolled back on screen too; also after another
  // view (the active-learning queue) wrote segments of this recording.
  void reload();

 private:
  Result<int64_t> annotatorForWrite();
  template <typename T>
  Result<T> finish(Result<T> r);

  labeling::LabelRepository& m_repo;
  int64_t m_recordingId;
  std::optional<int64_t> m_streamId;
  int64_t m_annotatorId;
  QString m_annotatorName;
  std::vector<TimelineClass> m_classes;
  std::vector<TimelineSegment> m_segments;
  std::vector<labeling::SegmentEdit> m_pending;  // what the current call did, for takeLastEdit
  QString m_lastError;
};

}  // namespace edgewise::gui
