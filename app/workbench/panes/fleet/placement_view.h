#pragma once
// The Fleet pane's "Placement" page (issue 6): the simulation of Li, Ota and Dong's evaluation
// (IEEE Network 2018, Figure 3) on core/placement. Two sweeps, tasks deployed at the edge vs
// the number of edge servers and vs the number of tasks, for the offline and online algorithms
// against a fixed 1-5 layers at the edge, FIFO and low-bandwidth-first; plotted and tabled.
// The sweeps run as a JobManager job (progress, cancel). The layer profiles are the saved
// measurement of tests/data/placement_profiles.json, built in, or a file of the same format
// (edgewise-cli plan placement --save-profiles). See docs/placement.md.

#include <QString>
#include <QWidget>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/placement/simulation.h"
#include "core/util/result.h"

class QComboBox;
class QCustomPlot;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace edgewise::gui {

struct PlacementSweepSpec {
  int tasks = 1000;  // the sweep over edge servers runs at this many tasks
  std::vector<int> edgeCounts = {20, 30, 40, 50, 60, 70, 80, 90};
  int edges = 50;  // the sweep over tasks runs on this many edge servers
  std::vector<int> taskCounts = {200, 400, 600, 800, 1000};
  std::vector<uint64_t> seeds = {1};  // the plotted values are the mean over the seeds
};

struct PlacementSweepResult {
  std::vector<std::string> algorithms;  // placement::algorithmNames()
  std::vector<int> edgeCounts, taskCounts;
  int tasks = 0, edges = 0;
  std::vector<uint64_t> seeds;
  // algorithm -> one value per sweep point: tasks deployed at the edge, mean over the seeds
  std::map<std::string, std::vector<double>> byEdges, byTasks;
  std::vector<double> deployableByEdges, deployableByTasks;
};

// The profiles measured once on the bench machine (tests/data/placement_profiles.json,
// compiled in).
Result<std::vector<placement::ModelProfile>> builtinPlacementProfiles();

// Both sweeps. `progress(fraction)` returns false to cancel (the result is then an error).
Result<PlacementSweepResult> runPlacementSweeps(
    const PlacementSweepSpec& spec, const std::vector<placement::ModelProfile>& profiles,
    const std::function<bool(double)>& progress = {});

class PlacementView : public QWidget {
  Q_OBJECT
 public:
  explicit PlacementView(QWidget* parent = nullptr);
  ~PlacementView() override;

  PlacementSweepSpec spec() const;  // from the parameter fields
  void setSpec(const PlacementSweepSpec& spec);
  // Empty: the built-in profiles.
  void setProfilesFile(const QString& path);
  QString profilesFile() const { return m_profilesFile; }

  int jobId() const { return m_job; }
  bool hasResult() const { return m_hasResult; }
  const PlacementSweepResult& result() const { return m_result; }
  QCustomPlot* edgesPlot() const { return m_edgesPlot; }
  QCustomPlot* tasksPlot() const { return m_tasksPlot; }
  QTableWidget* table() const { return m_table; }
  QString statusText() const { return m_lastStatus; }

 public Q_SLOTS:
  // Starts the sweeps as a job; returns its id (0 when the parameters are invalid).
  int run();
  void cancel();

 Q_SIGNALS:
  void finished(bool ok);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslateUi();
  void showResult();
  void setStatus(const QString& text, bool error = false);
  QString resultSummary() const;  // the status line after a run, in the current language
  void setRunning(bool running);
  void chooseProfiles(int index);

  QLabel* m_tasksLabel = nullptr;
  QSpinBox* m_tasks = nullptr;
  QLabel* m_edgesLabel = nullptr;
  QSpinBox* m_edgesFrom = nullptr;
  QSpinBox* m_edgesTo = nullptr;
  QSpinBox* m_edgesStep = nullptr;
  QLabel* m_taskSweepLabel = nullptr;
  QSpinBox* m_tasksFrom = nullptr;
  QSpinBox* m_tasksTo = nullptr;
  QSpinBox* m_tasksStep = nullptr;
  QLabel* m_atEdgesLabel = nullptr;
  QSpinBox* m_atEdges = nullptr;
  QLabel* m_seedsLabel = nullptr;
  QLineEdit* m_seeds = nullptr;
  QLabel* m_profilesLabel = nullptr;
  QComboBox* m_profiles = nullptr;
  QPushButton* m_run = nullptr;
  QPushButton* m_cancel = nullptr;
  QProgressBar* m_progress = nullptr;
  QCustomPlot* m_edgesPlot = nullptr;
  QCustomPlot* m_tasksPlot = nullptr;
  QTableWidget* m_table = nullptr;
  QLabel* m_status = nullptr;
  QString m_lastStatus;
  QString m_profilesFile;
  int m_job = 0;
  QMetaObject::Connection m_jobFinished;  // to the running job's end
  bool m_hasResult = false;
  bool m_showingSummary = false;
  PlacementSweepResult m_result;
};

}  // namespace edgewise::gui
