#include "app/workbench/panes/labeling/store_label_model.h"

#include <QLoggingCategory>

namespace edgewise::gui {

Q_LOGGING_CATEGORY(lcStoreLabels, "edgewise.gui.labeling.store")

namespace {

// The edits one model call made, in order (an update can both move and relabel).
struct StoreEdit : TimelineEdit {
  std::vector<labeling::SegmentEdit> edits;
};

}  // namespace

StoreLabelModel::StoreLabelModel(labeling::LabelRepository& repository, int64_t recordingId,
                                 std::optional<int64_t> streamId, int64_t annotatorId,
                                 QString annotatorName, std::vector<TimelineClass> classes)
    : m_repo(repository),
      m_recordingId(recordingId),
      m_streamId(streamId),
      m_annotatorId(annotatorId),
      m_annotatorName(std::move(annotatorName)),
      m_classes(std::move(classes)) {
  reload();
}

void StoreLabelModel::reload() {
  m_segments.clear();
  if (m_annotatorId == 0) return;
  auto rows = m_repo.segments(m_recordingId, m_annotatorId);
  if (!rows.ok()) {
    m_lastError = QString::fromStdString(rows.error().toString());
    qCWarning(lcStoreLabels) << "reading labels failed:" << m_lastError;
    return;
  }
  m_segments.reserve(rows->size());
  for (const labeling::SegmentLabel& r : *rows)
    m_segments.push_back(TimelineSegment{r.id, r.startUs, r.endUs, static_cast<int>(r.classId)});
}

template <typename T>
Result<T> StoreLabelModel::finish(Result<T> r) {
  if (r.ok()) {
    m_lastError.clear();
  } else {
    m_lastError = QString::fromStdString(r.error().toString());
    m_pending.clear();
  }
  reload();
  return r;
}

Result<int64_t> StoreLabelModel::annotatorForWrite() {
  if (m_annotatorId != 0) return m_annotatorId;
  if (m_annotatorName.isEmpty())
    return Error(tr("Enter your name in the Annotator field to label.").toStdString());
  auto a = m_repo.ensureAnnotator(m_annotatorName.toStdString());
  if (!a.ok()) return a.error();
  m_annotatorId = a->id;
  return m_annotatorId;
}

Result<int64_t> StoreLabelModel::addSegment(int64_t startUs, int64_t endUs, int classId) {
  m_pending.clear();
  auto annotator = annotatorForWrite();
  if (!annotator.ok()) return finish(Result<int64_t>(annotator.error()));
  labeling::SegmentLabel row;
  row.recordingId = m_recordingId;
  row.streamId = m_streamId;
  row.startUs = startUs;
  row.endUs = endUs;
  row.classId = classId;
  row.annotatorId = *annotator;
  auto edit = m_repo.addSegment(row);
  if (!edit.ok()) return finish(Result<int64_t>(edit.error()));
  const int64_t id = edit->target;
  m_pending.push_back(std::move(edit.value()));
  return finish(Result<int64_t>(id));
}

Result<void> StoreLabelModel::restoreSegment(const TimelineSegment& segment) {
  m_pending.clear();
  auto annotator = annotatorForWrite();
  if (!annotator.ok()) return finish(Result<void>(annotator.error()));
  labeling::SegmentLabel row;
  row.id = segment.id;
  row.recordingId = m_recordingId;
  row.streamId = m_streamId;
  row.startUs = segment.startUs;
  row.endUs = segment.endUs;
  row.classId = segment.classId;
  row.annotatorId = *annotator;
  return finish(m_repo.restoreSegment(row));
}

Result<void> StoreLabelModel::updateSegment(const TimelineSegment& segment) {
  m_pending.clear();
  auto old = m_repo.segment(segment.id);
  if (!old.ok()) return finish(Result<void>(old.error()));
  if (old->startUs != segment.startUs || old->endUs != segment.endUs) {
    auto edit = m_repo.moveSegment(segment.id, segment.startUs, segment.endUs);
    if (!edit.ok()) return finish(Result<void>(edit.error()));
    m_pending.push_back(std::move(edit.value()));
  }
  if (old->classId != segment.classId) {
    auto edit = m_repo.setSegmentClass(segment.id, segment.classId);
    if (!edit.ok()) {
      // Keep the call all-or-nothing: take back the move made above.
      for (auto it = m_pending.rbegin(); it != m_pending.rend(); ++it) {
        if (auto r = m_repo.revert(*it); !r.ok())
          qCWarning(lcStoreLabels)
              << "taking back a move failed:" << QString::fromStdString(r.error().toString());
      }
      return finish(Result<void>(edit.error()));
    }
    m_pending.push_back(std::move(edit.value()));
  }
  return finish(okResult());
}

Result<void> StoreLabelModel::removeSegment(int64_t id) {
  m_pending.clear();
  auto edit = m_repo.removeSegment(id);
  if (!edit.ok()) return finish(Result<void>(edit.error()));
  m_pending.push_back(std::move(edit.value()));
  return finish(okResult());
}

std::shared_ptr<TimelineEdit> StoreLabelModel::takeLastEdit() {
  if (m_pending.empty()) return nullptr;
  auto edit = std::make_shared<StoreEdit>();
  edit->edits = std::move(m_pending);
  m_pending.clear();
  return edit;
}

Result<void> StoreLabelModel::revertEdit(const TimelineEdit& edit) {
  m_pending.clear();
  const auto* e = dynamic_cast<const StoreEdit*>(&edit);
  if (!e) return finish(Result<void>(Error("not an edit of the label store")));
  for (auto it = e->edits.rbegin(); it != e->edits.rend(); ++it) {
    if (auto r = m_repo.revert(*it); !r.ok()) return finish(r);
  }
  return finish(okResult());
}

Result<void> StoreLabelModel::reapplyEdit(const TimelineEdit& edit) {
  m_pending.clear();
  const auto* e = dynamic_cast<const StoreEdit*>(&edit);
  if (!e) return finish(Result<void>(Error("not an edit of the label store")));
  for (const labeling::SegmentEdit& s : e->edits) {
    if (auto r = m_repo.reapply(s); !r.ok()) return finish(r);
  }
  return finish(okResult());
}

}  // namespace edgewise::gui
