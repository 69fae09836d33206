#pragma once
// The active-learning queue of the Labeling pane (issue 4): pick a pool (a dataset of the
// project, or "Recordings…": windows of the project's recordings, cut and featurised like a
// recordings dataset, see core/active/recording_pool.h) and a strategy; the queue lists the rows to
// label next with the model's suggestion and confidence as a pre-annotation. Enter or A accepts the
// suggestion, 1-9 assign the class with that shortcut key, N (or Down) jumps to the next suggested
// item. Labels are item labels of the annotator (core/labeling) for a dataset's samples, and label
// segments of the recording (the window's start and end) for recording windows, so they show on the
// timeline; one undo step each on the pane's stack. A window an annotator's segments cover already
// counts as labeled when the session starts.
//
// After every `batch` labels the model is retrained and the pool re-scored as a JobManager job
// (core/active ActiveLearner on its worker; the GUI thread never waits); the plot shows labels
// -> accuracy on the dataset's validation split (its imported labels). Recordings have no true
// labels to validate on: there the plot shows how often the model's suggestion was what the
// annotator chose, per round.
//
// Corrective feedback: a label that differs from the model's suggestion is stored in the
// project's feedback table (predicted, corrected, confidence, the features, the annotator) so
// a retrain can include it (`edgewise-cli train --include-feedback`).

#include <QPointer>
#include <QWidget>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "core/active/active_learner.h"
#include "core/labeling/feedback_repository.h"
#include "core/labeling/label_repository.h"

class QComboBox;
class QCustomPlot;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QUndoStack;

namespace edgewise::store {
class Project;
}
namespace edgewise::training {
struct PreparedData;
}
namespace edgewise::active {
struct RecordingPool;
struct RecordingPoolOptions;
}  // namespace edgewise::active

namespace edgewise::gui {

class ElidedLabel;
class JobContext;

class ActiveQueueView : public QWidget {
  Q_OBJECT
 public:
  explicit ActiveQueueView(QWidget* parent = nullptr);
  ~ActiveQueueView() override;

  // The project, its label store and the annotator the labels go to (0: none: labeling is
  // refused with a hint). Any change of project or annotator ends the session.
  void setContext(store::Project* project, labeling::LabelRepository* repo, int64_t annotatorId);
  void setUndoStack(QUndoStack* stack) { m_undo = stack; }
  void refreshDatasets();

  // Starts a session on a dataset (prepared as a job; sessionReady() when the queue is up).
  // False when the dataset is unknown or no project is open.
  bool startSession(const QString& dataset, active::Strategy strategy, int batch = 10);
  // Starts a session on windows of recordings (windowed and featurised as a job). False, with
  // the reason in the status, when no project is open or fewer than two classes are given;
  // what the job finds wrong (no time-series stream, every recording shorter than a window)
  // ends it with the core's message in the status.
  bool startRecordingSession(const active::RecordingPoolOptions& options, active::Strategy strategy,
                             int batch = 10);
  // The pool chooser's "Recordings…": asks for the recordings, windowing and classes (modal),
  // then starts. False when cancelled or refused.
  bool chooseRecordingPool();
  bool isRecordingPool() const { return m_pool != nullptr; }
  void stopSession();
  bool hasSession() const { return m_learner != nullptr; }
  bool retraining() const { return m_retrainJob != 0; }

  // The queue as shown (rows of the pool, labeled rows left out) and the selected item.
  std::vector<active::QueueItem> queue() const { return m_items; }
  int currentIndex() const { return m_current; }
  void setCurrentIndex(int index);
  // Labels the current item with its suggestion / with a class (index into the dataset's
  // classes) / the class of shortcut key 1-9. False (status says why) when not possible.
  bool acceptCurrent();
  bool assignCurrent(int datasetClass);
  bool assignKey(int key);
  void nextItem();

  int labeledCount() const;
  int modelVersion() const;
  int poolSize() const;
  int64_t sampleIdOfRow(int row) const;
  // A recording pool's row: the window it labels (empty for dataset pools).
  struct Window {
    int64_t recordingId = 0;
    int64_t streamId = 0;
    int64_t startUs = 0;
    int64_t endUs = 0;  // exclusive
  };
  std::optional<Window> windowOfRow(int row) const;
  // How the queue names a row: the sample id, or "recording @ 12.0 s".
  QString itemText(int row) const;
  QString statusText() const;
  QString className(int datasetClass) const;
  // (labels, validation accuracy) after each finished retrain.
  const std::vector<std::pair<int, double>>& curve() const { return m_curve; }
  // Bumped by every start / stop: undo commands touch only their own session.
  int sessionId() const { return m_sessionId; }
  // Used by the undo commands: writes the label of a pool row back into the session.
  void applyRowLabel(int row, std::optional<int> datasetClass);

 Q_SIGNALS:
  void sessionReady();
  void queueChanged();
  void retrainFinished();
  // The session created project classes (the pane reloads its palette).
  void classesChanged();
  void labelsChanged();

 protected:
  void keyPressEvent(QKeyEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  void buildUi();
  void retranslateUi();
  // A prepared pool: the rows (and for recordings the windows they come from).
  struct PreparedPool {
    std::shared_ptr<training::PreparedData> data;
    std::shared_ptr<active::RecordingPool> recordings;
  };
  // Prepares the pool as a job on its own connection to the project, then onPrepared() on the
  // GUI thread.
  using PrepareFn = std::function<Result<PreparedPool>(store::Project&, JobContext&)>;
  void startPrepareJob(const QString& title, PrepareFn prepare, active::Strategy strategy,
                       int batch);
  void onPrepared(PreparedPool prepared, active::Strategy strategy, int batch);
  void labelEarlierWork();
  bool labelRow(int row, int datasetClass, bool accepted);
  void maybeRetrain(bool force = false);
  void rebuildQueue();
  void updatePreview();
  void updatePlot();
  void updateStatus();
  QImage rowImage(int row) const;
  bool plotRow(int row);
  std::optional<int> rowLabel(int row) const;
  QString recordingsEntryText() const;
  void setStatus(const QString& text);

  store::Project* m_project = nullptr;
  labeling::LabelRepository* m_repo = nullptr;
  int64_t m_annotatorId = 0;
  QUndoStack* m_undo = nullptr;

  QLabel* m_datasetLabel = nullptr;
  QComboBox* m_dataset = nullptr;
  QLabel* m_strategyLabel = nullptr;
  QComboBox* m_strategy = nullptr;
  QLabel* m_batchLabel = nullptr;
  QSpinBox* m_batch = nullptr;
  QPushButton* m_start = nullptr;
  QTableWidget* m_table = nullptr;
  QLabel* m_preview = nullptr;
  QCustomPlot* m_signal = nullptr;  // the preview of a window or series sample
  QLabel* m_suggestion = nullptr;
  QCustomPlot* m_plot = nullptr;
  ElidedLabel* m_status = nullptr;
  ElidedLabel* m_keys = nullptr;

  std::shared_ptr<training::PreparedData> m_data;
  std::shared_ptr<active::ActiveLearner> m_learner;
  std::shared_ptr<active::RecordingPool> m_pool;                // set for a recording pool
  std::shared_ptr<active::RecordingPoolOptions> m_poolOptions;  // what Restart starts again
  std::map<int64_t, QString> m_recordingNames;
  // Recording pools: per row labeled since the last retrain, whether it was the suggestion.
  std::map<int, bool> m_judged;
  QString m_leftOut;  // sources of the recording pool that gave no window
  std::unique_ptr<labeling::FeedbackRepository> m_feedback;
  std::vector<int64_t> m_classIds;  // dataset class -> project label class id
  std::vector<int> m_keyClass;      // key 1..9 -> dataset class (-1: none), index key - 1
  std::vector<active::QueueItem> m_items;
  int m_current = -1;
  int m_sinceRetrain = 0;
  int m_batchSize = 10;
  int m_prepareJob = 0;
  int m_retrainJob = 0;
  bool m_retrainAgain = false;
  std::shared_ptr<double> m_lastAccuracy;  // written by the retrain job
  std::vector<std::pair<int, double>> m_curve;
  QString m_error;
  int m_sessionId = 0;
};

}  // namespace edgewise::gui
