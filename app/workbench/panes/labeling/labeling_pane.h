#pragma once
// The Labeling pane (pane id "labeling"): pick a recording of the project and one of its
// time-series streams, choose channels and their layout, and label segments on the timeline
// against a palette of classes (keys 1-9) under an annotator's name.
//
// Storage: until the project label store (core/labeling) is bound, labels live in memory per
// (recording, stream) for the session; the pane says so in its status line.

#include <QWidget>
#include <map>
#include <memory>

#include "app/workbench/panes/labeling/timeline_model.h"

class QButtonGroup;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QToolButton;
class QMenu;

namespace edgewise::gui {

class ElidedLabel;
class TimelineWidget;
class Workspace;

void registerLabelingPane();

class LabelingPane : public QWidget {
  Q_OBJECT
 public:
  explicit LabelingPane(Workspace& workspace, QWidget* parent = nullptr);
  ~LabelingPane() override;

  TimelineWidget* timeline() const { return m_timeline; }
  // Re-reads the project's recordings (keeps the current one when it still exists).
  void refreshRecordings();
  // Selects a recording by id (and its first time-series stream); false when unknown.
  bool openRecording(int64_t recordingId);
  // Adds a class to the palette (next free key 1-9); returns its id.
  int addClass(const QString& name, const QColor& color = QColor());
  QString annotator() const;
  void setAnnotator(const QString& name);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void buildUi();
  void retranslateUi();
  void loadStream();
  void rebuildPalette();
  void updateStatus();
  void setCurrentClass(int classId);
  TimelineLabelModel* modelFor(int64_t recordingId, int64_t streamId);

  Workspace& m_workspace;
  TimelineWidget* m_timeline = nullptr;
  QLabel* m_recordingLabel = nullptr;
  QComboBox* m_recording = nullptr;
  QLabel* m_streamLabel = nullptr;
  QComboBox* m_stream = nullptr;
  QToolButton* m_channels = nullptr;
  QMenu* m_channelMenu = nullptr;
  QComboBox* m_layout = nullptr;
  QLabel* m_annotatorLabel = nullptr;
  QLineEdit* m_annotator = nullptr;
  QToolButton* m_undo = nullptr;
  QToolButton* m_redo = nullptr;
  QToolButton* m_fit = nullptr;
  QLabel* m_classesLabel = nullptr;
  QHBoxLayout* m_paletteLayout = nullptr;
  QButtonGroup* m_paletteGroup = nullptr;
  QLineEdit* m_newClass = nullptr;
  QToolButton* m_addClass = nullptr;
  ElidedLabel* m_status = nullptr;
  ElidedLabel* m_hint = nullptr;

  std::vector<TimelineClass> m_classes;
  int m_currentClass = -1;
  // Labels per (recording, stream) for this session.
  std::map<std::pair<int64_t, int64_t>, std::unique_ptr<MemoryLabelModel>> m_models;
  int64_t m_recordingId = -1;
  int64_t m_streamId = -1;
  QString m_loadError;
};

}  // namespace edgewise::gui
