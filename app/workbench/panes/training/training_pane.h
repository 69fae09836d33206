#pragma once
// The Training pane (pane id "training"): pick a dataset (its class balance shown), a feature
// block (parameters, a preview of one sample's features), a model family and its
// hyper-parameters; train as a JobManager job with live loss/accuracy curves; compare every
// model of the project in a sortable table; inspect one model's per-class metrics and its
// confusion matrix, and click a cell to see the samples of that (true, predicted) pair.
//
// A hyper-parameter search (Search..., Ctrl+Shift+Return) runs searchAndRegister() the same
// way; its trials fill a table and a scatter plot, and the best model joins the table.
//
// Threads: the job runs trainAndRegister() on a worker with its own Project connection
// (opened on the GUI thread, used only by the worker); epochs come back through a queued
// signal. Everything else (registry reads, sample views) uses the GUI thread's connection.

#include <QPointer>
#include <QString>
#include <QWidget>
#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "app/workbench/panes/training/search_dialog.h"
#include "core/training/service/search_service.h"
#include "core/training/service/train_service.h"

class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QAction;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QSplitter;
class QTableView;
class QTableWidget;
class QTabWidget;
class QCustomPlot;

namespace edgewise::gui {

class ConfusionMatrixWidget;
class ModelsTableModel;
class SearchTrialsView;
class Workspace;

void registerTrainingPane();

class TrainingPane : public QWidget {
  Q_OBJECT
 public:
  explicit TrainingPane(Workspace& workspace, QWidget* parent = nullptr);
  ~TrainingPane() override;

  // Re-reads datasets and models from the open project.
  void refresh();

  // Starts training with the current setup; false (reason in statusText()) when it cannot.
  bool startTraining();
  void cancelTraining();
  // Starts a hyper-parameter search of the current family and setup (the dialog's settings
  // without the dialog); false (reason in statusText()) when it cannot.
  bool startSearch(const SearchSettings& settings);
  // Asks for the settings, then starts the search.
  void searchWithDialog();
  // True while a training run or a search runs (one at a time; Cancel stops either).
  bool isTraining() const { return m_jobId != 0; }
  bool isSearching() const { return m_jobId != 0 && m_jobIsSearch; }
  SearchTrialsView* searchView() const { return m_searchView; }
  QString statusText() const;

  // Selection in the results table (tests, and after a training run).
  bool selectModel(int64_t modelId);
  int64_t selectedModelId() const { return m_selectedId; }
  // The samples currently listed for the clicked confusion cell, in list order.
  const std::vector<int64_t>& listedSampleIds() const { return m_listedIds; }
  bool hasEvaluation(int64_t modelId) const { return m_evaluations.count(modelId) > 0; }
  // Removes a model from the project (no confirmation; the action asks first).
  bool deleteModel(int64_t modelId);
  // Writes the stored model file to path.
  bool exportModel(int64_t modelId, const QString& path);

  ModelsTableModel* modelsModel() const { return m_models; }
  ConfusionMatrixWidget* confusionMatrix() const { return m_confusion; }

 Q_SIGNALS:
  void trainingFinished(bool ok, qint64 modelId);
  // A finished epoch of the running job reached the curves (live, through the queued relay).
  void epochReported(int epoch, int epochs);
  void evaluationReady(qint64 modelId);
  void samplesListed(int trueClass, int predicted, int count);
  // A finished trial reached the trials table (live); count = trials listed so far.
  void searchTrialReported(int count);
  // modelId: the registered best model (0 when the search failed or was cancelled).
  void searchFinished(bool ok, qint64 modelId, int trials);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  struct DatasetEntry {
    int64_t id = 0;
    QString name;
  };

  void buildUi();
  void retranslateUi();
  void reloadDatasets();
  void reloadModels(int64_t select = 0);
  void datasetChanged();
  void blockChanged();
  void familyChanged();
  void updatePreview();
  void updateBalancePlot();
  void updateEnabled();
  void showModel(int64_t id);
  void showHistory(const std::vector<training::TrainProgress>& history);
  void addEpoch(int epoch, int epochs, double trainLoss, double trainAcc, double valLoss,
                double valAcc);
  void startEvaluation(int64_t id);
  void addSearchTrial(const QString& params, double valScore, double seconds, double resource,
                      int rung, const QString& error);
  void searchProgressMessage(const QString& message);
  void listSamples(int trueClass, int predicted);
  features::Params blockOverrides() const;
  training::HyperParams hyperParams() const;

  Workspace& m_workspace;

  // Setup.
  QLabel* m_emptyState = nullptr;
  QGroupBox* m_dataBox = nullptr;
  QComboBox* m_dataset = nullptr;
  QPushButton* m_importButton = nullptr;
  QLabel* m_datasetInfo = nullptr;
  QCustomPlot* m_balancePlot = nullptr;
  QGroupBox* m_featuresBox = nullptr;
  QLabel* m_blockLabel = nullptr;
  QComboBox* m_block = nullptr;
  QTableWidget* m_blockParams = nullptr;
  QCustomPlot* m_previewPlot = nullptr;
  QGroupBox* m_modelBox = nullptr;
  QLabel* m_familyLabel = nullptr;
  QComboBox* m_family = nullptr;
  QLabel* m_epochsLabel = nullptr;
  QSpinBox* m_epochs = nullptr;
  QLabel* m_lrLabel = nullptr;
  QDoubleSpinBox* m_lr = nullptr;
  QLabel* m_batchLabel = nullptr;
  QSpinBox* m_batch = nullptr;
  QLabel* m_seedLabel = nullptr;
  QSpinBox* m_seed = nullptr;
  QLabel* m_nameLabel = nullptr;
  QLineEdit* m_name = nullptr;
  QPushButton* m_advancedToggle = nullptr;
  QTableWidget* m_advanced = nullptr;
  QPushButton* m_train = nullptr;
  QPushButton* m_search = nullptr;
  QPushButton* m_cancel = nullptr;
  QProgressBar* m_progress = nullptr;
  QLabel* m_status = nullptr;

  // Curves (or search trials) and results.
  QTabWidget* m_topTabs = nullptr;
  QWidget* m_curvesPage = nullptr;
  QCustomPlot* m_curves = nullptr;
  SearchTrialsView* m_searchView = nullptr;
  QGroupBox* m_resultsBox = nullptr;
  ModelsTableModel* m_models = nullptr;
  QSortFilterProxyModel* m_proxy = nullptr;
  QTableView* m_modelsView = nullptr;
  QLabel* m_modelsEmpty = nullptr;
  QAction* m_exportAction = nullptr;
  QAction* m_deleteAction = nullptr;
  QGroupBox* m_detailsBox = nullptr;
  QLabel* m_detailsTitle = nullptr;
  QTableWidget* m_perClass = nullptr;
  ConfusionMatrixWidget* m_confusion = nullptr;
  QLabel* m_samplesTitle = nullptr;
  QListWidget* m_samples = nullptr;

  std::vector<DatasetEntry> m_datasets;
  std::optional<dataset::DatasetInfo> m_datasetInfoValue;
  std::vector<int64_t> m_sampleIdsInOrder;  // of the current dataset, idx order
  std::vector<int64_t> m_classCounts;
  std::map<std::string, std::string> m_defaultParams;  // of the current family

  int m_generation = 0;  // bumped when the project changes: late results of the old one drop
  int m_jobId = 0;
  bool m_jobIsSearch = false;
  SearchSettings m_searchSettings;
  std::vector<std::string> m_searchedKeys;              // of the running search's space
  int m_searchSeen = 0;                                 // trials reported by progress messages
  bool m_searchLive = false;                            // the service reports each trial itself
  std::optional<training::SearchOutcome> m_lastSearch;  // of the open project
  std::shared_ptr<std::atomic<bool>> m_cancelFlag;
  int64_t m_selectedId = 0;
  std::map<int64_t, training::Evaluation> m_evaluations;
  std::map<int64_t, int> m_evaluationJobs;  // model id -> job id
  int m_pendingTrue = -1;
  int m_pendingPred = -1;
  std::vector<int64_t> m_listedIds;
  QString m_lastStatus;
};

}  // namespace edgewise::gui
