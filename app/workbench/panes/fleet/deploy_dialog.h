#pragma once
// One-click deploy: choose a model (the planner picks among it and its compressed variants)
// and a device selection -> the plan (each device's variant and fit, or why it is skipped)
// -> a staged rollout (canary %, health wait, halt threshold) run as a job, with a progress
// bar and the final state per device, and Cancel at any time.

#include <QDialog>
#include <QString>
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/inventory/rollout_planner.h"
#include "core/inventory/rollout_runner.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimer;

namespace edgewise::gui {

class Workspace;

class DeployDialog : public QDialog {
  Q_OBJECT
 public:
  // devices: the inventory as the pane knows it (online from the live monitor); modelBefore:
  // each device's current model report.
  DeployDialog(Workspace& workspace, QString brokerUrl, std::vector<inventory::PlanDevice> devices,
               std::map<std::string, std::string> modelBefore, QWidget* parent = nullptr);
  ~DeployDialog() override;

  // For tests and the pane: the current plan (after plan()).
  const inventory::Plan& currentPlan() const { return m_plan; }
  bool isRunning() const { return m_jobId != 0; }
  QString statusText() const;
  QString deploymentId() const { return m_deploymentId; }

 public Q_SLOTS:
  void plan();
  bool startRollout();
  void cancelRollout();

 Q_SIGNALS:
  void rolloutFinished(const QString& deploymentId);

 protected:
  void reject() override;
  void changeEvent(QEvent* event) override;

 private:
  void retranslateUi();
  void fillModels();
  void drainProgress();
  void setStatus(const QString& text, bool error = false);
  void onJobFinished(int id, int state, const QString& message);

  Workspace& m_workspace;
  QString m_brokerUrl;
  std::vector<inventory::PlanDevice> m_devices;
  std::map<std::string, std::string> m_modelBefore;
  inventory::Plan m_plan;

  QLabel* m_modelLabel = nullptr;
  QComboBox* m_model = nullptr;
  QLabel* m_selectorLabel = nullptr;
  QLineEdit* m_selector = nullptr;
  QLabel* m_tagLabel = nullptr;
  QComboBox* m_tag = nullptr;
  QLabel* m_classLabel = nullptr;
  QComboBox* m_class = nullptr;
  QLabel* m_filterLabel = nullptr;
  QLineEdit* m_filter = nullptr;
  QPushButton* m_planButton = nullptr;
  QTableWidget* m_table = nullptr;
  QLabel* m_canaryLabel = nullptr;
  QSpinBox* m_canary = nullptr;
  QLabel* m_haltLabel = nullptr;
  QSpinBox* m_halt = nullptr;
  QLabel* m_healthLabel = nullptr;
  QDoubleSpinBox* m_health = nullptr;
  QPushButton* m_start = nullptr;
  QPushButton* m_cancel = nullptr;
  QPushButton* m_close = nullptr;
  QLabel* m_status = nullptr;
  QTimer* m_drain = nullptr;

  struct Shared {
    std::mutex mutex;
    std::vector<inventory::DeviceProgress> events;
    std::atomic<bool> cancel{false};
    std::optional<inventory::RolloutResult> result;
  };
  std::shared_ptr<Shared> m_shared;
  int m_jobId = 0;
  QString m_deploymentId;
};

}  // namespace edgewise::gui
