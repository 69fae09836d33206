#pragma once
// The Labeling pane (pane id "labeling"): pick a recording of the project and one of its
// time-series streams, choose channels and their layout, and label segments on the timeline
// against a palette of classes (keys 1-9) under an annotator's name.
//
// Storage: the project's label store (core/labeling). Opening a recording loads the
// annotator's segment labels and the project's classes; every edit, undo and redo is written
// through at once, and a write the store refuses is shown in red and taken back on screen.
// "Review" shows the agreement of all annotators on the recording below the timeline
// (review_view.h): kappa, disagreements, adjudication.

#include <QWidget>
#include <memory>

#include "app/workbench/panes/labeling/timeline_model.h"

namespace edgewise::labeling {
class LabelRepository;
struct LabelClass;
}  // namespace edgewise::labeling

class QButtonGroup;
class QComboBox;
class QFrame;
class QTabWidget;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QToolButton;
class QMenu;

namespace edgewise::gui {

class ActiveQueueView;
class ElidedLabel;
class ImageGridView;
class ReviewView;
class StoreLabelModel;
class TimelineWidget;
class Workspace;

void registerLabelingPane();

class LabelingPane : public QWidget {
  Q_OBJECT
 public:
  explicit LabelingPane(Workspace& workspace, QWidget* parent = nullptr);
  ~LabelingPane() override;

  TimelineWidget* timeline() const { return m_timeline; }
  enum Tab { TimelineTab = 0, QueueTab = 1, GridTab = 2 };
  QTabWidget* tabs() const { return m_tabs; }
  // The active-learning queue and the image grid (tabs next to the timeline).
  ActiveQueueView* queue() const { return m_queue; }
  ImageGridView* grid() const { return m_grid; }
  // Workspace::labelingRequested: opens the recording on the timeline, zooms to the range
  // (with some context) and shows the reason in a banner above the tabs.
  void showLabelingRequest(qint64 recordingId, qint64 startUs, qint64 endUs, const QString& reason);
  QFrame* requestBanner() const { return m_banner; }
  QString requestText() const;
  // The agreement review / adjudication view below the timeline (hidden until "Review").
  ReviewView* review() const { return m_review; }
  void setReviewVisible(bool on);
  // Re-reads the project's recordings (keeps the current one when it still exists).
  void refreshRecordings();
  // Selects a recording by id (and its first time-series stream); false when unknown.
  bool openRecording(int64_t recordingId);
  // Adds a class to the project's label schema and the palette (next free key 1-9); returns
  // its id, or -1 when the store refused it (the status line says why).
  int addClass(const QString& name, const QColor& color = QColor());
  // Edits a class of the schema: name, color and shortcut key (0 = none, 1-9). Every label
  // of the class shows the new name and color (labels refer to the class by id). One undo
  // step; false when the store refused it (duplicate name, key of another class; the status
  // line says why, nothing changes).
  bool editClass(int classId, const QString& name, const QColor& color, int key);
  // Opens the class editor dialog (right-click or double-click a class in the palette).
  void showClassEditor(int classId);
  // Writes a class row back as it was (the undo/redo of editClass); false on a store error.
  bool applyClassRow(const labeling::LabelClass& row);
  QString annotator() const;
  // Selects the annotator by name (created in the project when missing) and shows their labels.
  void setAnnotator(const QString& name);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void buildUi();
  void retranslateUi();
  void loadStream();
  void rebuildPalette();
  void reloadClasses();  // m_classes from the store, then the model, palette and timeline
  void updateStatus();
  void setCurrentClass(int classId);
  void bindProject();
  void applyAnnotator();
  void attachModel();
  void setError(const QString& message);
  void updateReview();
  void updateItemViews();  // the queue's and the grid's project, store and annotator

  Workspace& m_workspace;
  TimelineWidget* m_timeline = nullptr;
  ReviewView* m_review = nullptr;
  QToolButton* m_reviewButton = nullptr;
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
  QToolButton* m_spectrogram = nullptr;
  QLabel* m_classesLabel = nullptr;
  QHBoxLayout* m_paletteLayout = nullptr;
  QButtonGroup* m_paletteGroup = nullptr;
  QLineEdit* m_newClass = nullptr;
  QToolButton* m_addClass = nullptr;
  ElidedLabel* m_status = nullptr;
  ElidedLabel* m_hint = nullptr;
  QTabWidget* m_tabs = nullptr;
  ActiveQueueView* m_queue = nullptr;
  ImageGridView* m_grid = nullptr;
  QFrame* m_banner = nullptr;
  QLabel* m_bannerText = nullptr;
  QToolButton* m_bannerClose = nullptr;

  std::vector<TimelineClass> m_classes;
  int m_currentClass = -1;
  std::unique_ptr<labeling::LabelRepository> m_repo;  // on the workspace's project
  std::unique_ptr<StoreLabelModel> m_model;           // the open recording's labels
  int64_t m_annotatorId = 0;                          // 0: none selected yet
  QString m_error;  // a refused class or annotator edit, until the next edit
  int64_t m_recordingId = -1;
  int64_t m_streamId = -1;
  QString m_loadError;
};

}  // namespace edgewise::gui
