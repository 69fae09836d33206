#pragma once
// The Drift tab's live view: the fleet's predictions (edgewise/+/predictions) scored per device
// against the picked model's training features (or, "Reference: each device's first N", against
// each device's own first predictions) by an audit::LiveDriftWatcher, which also
// writes the alarms into the project's drift_alarms table. Shows, for the device picked: which
// features moved in its latest window (the drift table), the drift score per window with the
// alarms marked (timeline), the reference-vs-live histogram of the selected feature. "Inject
// drift" sends the simulator's inject_drift / clear_drift command to the device so the loop can
// be demonstrated; "Create labeling task" saves the device's drifted windows as a recording
// and asks the Labeling pane to open it (Workspace::requestLabeling).
//
// Threads: the reference is computed and the broker connected in a JobManager job; the watcher
// scores on its own worker; this view pulls a snapshot on a 4 Hz timer.

#include <QString>
#include <QWidget>
#include <memory>
#include <optional>

#include "app/workbench/panes/audit/audit_data.h"
#include "core/audit/live_drift_watcher.h"
#include "core/training/service/model_registry.h"

class QComboBox;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;
class QTimer;

namespace edgewise::gui {

class DriftTableModel;
class JobStrip;
class Workspace;

class LiveDriftView : public QWidget {
  Q_OBJECT
 public:
  explicit LiveDriftView(Workspace& workspace, QWidget* parent = nullptr);
  ~LiveDriftView() override;

  void setModel(const std::optional<training::ModelRecord>& model);
  void setBrokerUrl(const QString& url);
  void setWindowRows(int rows);
  void setAlpha(double alpha);
  // What each device is compared with: the model's training features (0) or the device's own
  // first `rows` predictions (LiveDriftOptions::baselineRows). A change while watching restarts
  // the watcher with the picked model (the devices learn their baseline again).
  void setBaselineRows(int rows);
  // 0 in the training-data mode, else the number of predictions of the own baseline.
  int baselineRows() const;

  // Computes the picked model's reference and connects (a job); false with the reason in
  // statusText() when no model is picked or a job runs.
  bool startWatching();
  // Uses a watcher that is already set up (tests, the demo): the view only reads it.
  void watch(std::shared_ptr<audit::LiveDriftWatcher> watcher);
  void stopWatching();
  bool isWatching() const { return m_watcher != nullptr; }
  audit::LiveDriftWatcher* watcher() const { return m_watcher.get(); }

  // Pulls a snapshot now (the timer does it 4 times a second).
  void refresh();
  bool selectDevice(const QString& device);
  QString selectedDevice() const;
  void selectFeature(int feature);
  QStringList devices() const;

  // Scores a recording's samples as the predictions of one device "<device>@rec<id>" (every
  // stream whose channels are the reference's features, e.g. a recording of drifted windows
  // saved here): live data from a recording instead of the broker. Needs the watcher (with an
  // empty broker field it runs without MQTT). False with the reason in statusText().
  bool replayRecording(int64_t recordingId);
  void refreshRecordings();

  // Sends inject_drift (kind bias/gain, channel, amount) or clear_drift to the selected device.
  bool injectDrift(const QString& kind, const QString& channel, double amount);
  bool clearDrift();
  // Saves the selected device's drifted windows as a recording and requests labeling.
  bool createLabelingTask();

  // What the plots show for the selected device (for the report and tests).
  const std::optional<DriftAnalysis>& analysis() const { return m_analysis; }
  // Every device of the last snapshot for the report, devices with alarms first.
  std::vector<LiveDriftData> reportDevices() const;
  QString statusText() const;
  QTableView* table() const { return m_table; }
  QCustomPlot* histogramPlot() const { return m_histogram; }
  QCustomPlot* timelinePlot() const { return m_timeline; }

 Q_SIGNALS:
  void watchingChanged(bool watching);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslateUi();
  void setStatus(const QString& text, bool error = false);
  void showDevice();
  // Restarts a running watcher whose baselineRows differs from the controls'.
  void applyReferenceMode();
  bool sendCommand(const std::string& payload, const QString& what);

  Workspace& m_workspace;
  std::optional<training::ModelRecord> m_model;
  std::shared_ptr<audit::LiveDriftWatcher> m_watcher;
  audit::LiveDriftSnapshot m_snapshot;
  std::optional<DriftAnalysis> m_analysis;
  int m_feature = -1;
  QString m_lastStatus;

  QLabel* m_brokerLabel = nullptr;
  QLineEdit* m_broker = nullptr;
  QComboBox* m_recording = nullptr;
  QPushButton* m_replay = nullptr;
  QLabel* m_windowLabel = nullptr;
  QSpinBox* m_window = nullptr;
  QLabel* m_alphaLabel = nullptr;
  QDoubleSpinBox* m_alpha = nullptr;
  QLabel* m_referenceLabel = nullptr;
  QComboBox* m_reference = nullptr;
  QSpinBox* m_baseline = nullptr;
  QTimer* m_applyReference = nullptr;
  JobStrip* m_job = nullptr;
  QPushButton* m_stop = nullptr;
  QLabel* m_deviceLabel = nullptr;
  QComboBox* m_device = nullptr;
  QLabel* m_summary = nullptr;
  QLabel* m_injectLabel = nullptr;
  QComboBox* m_injectKind = nullptr;
  QComboBox* m_injectChannel = nullptr;
  QDoubleSpinBox* m_injectAmount = nullptr;
  QPushButton* m_inject = nullptr;
  QPushButton* m_clear = nullptr;
  QPushButton* m_label = nullptr;
  DriftTableModel* m_model_ = nullptr;
  QSortFilterProxyModel* m_proxy = nullptr;
  QTableView* m_table = nullptr;
  QCustomPlot* m_histogram = nullptr;
  QCustomPlot* m_timeline = nullptr;
  QTimer* m_timer = nullptr;
};

// A device's state as the drift analysis the plots and the report draw: the reference, the
// device's recent rows as the live table, its latest window's report, its windows as the
// timeline.
std::optional<DriftAnalysis> liveDriftAnalysis(const audit::LiveDeviceState& device,
                                               const audit::FeatureTable& reference, double alpha,
                                               size_t windowRows);

}  // namespace edgewise::gui
