#pragma once
// The Fleet pane (issue 6): the device inventory (live from the broker through a
// FleetMonitor, merged with the project's devices, tags, classes and open drift alarms), a
// device detail (deployment history, latency and CPU plots from the stored telemetry), the
// deploy flow (DeployDialog), group rollback and the requirements editor; a second page holds
// the placement planner's simulation (PlacementView).

#include <QPointer>
#include <QString>
#include <QWidget>
#include <memory>

class QCustomPlot;
class QPoint;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTableWidget;
class QTabWidget;
class QTimer;

namespace edgewise::inventory {
class FleetMonitor;
}

namespace edgewise::gui {

class DeployDialog;
class FleetTableModel;
class PlacementView;
class StatusDot;
class Workspace;

void registerFleetPane();

class FleetPane : public QWidget {
  Q_OBJECT
 public:
  explicit FleetPane(Workspace& workspace, QWidget* parent = nullptr);
  ~FleetPane() override;

  // The broker the inventory and deployments use (the Capture pane's profile by default).
  void setBrokerUrl(const QString& url);
  QString brokerUrl() const;
  bool isMonitoring() const;

  FleetTableModel* model() const { return m_model; }
  QSortFilterProxyModel* proxy() const { return m_proxy; }
  QTableView* table() const { return m_table; }
  QCustomPlot* latencyPlot() const { return m_plot; }
  QTableWidget* historyTable() const { return m_history; }
  // The "Placement" page: the placement planner's simulation (paper's Figure 3).
  PlacementView* placementView() const { return m_placement; }
  QTabWidget* pages() const { return m_pages; }
  QString currentDevice() const { return m_currentDevice; }
  QString statusText() const { return m_lastStatus; }
  DeployDialog* deployDialog() const;
  // The deployment "Roll back group" undoes: the history row selected, else the latest one.
  QString rollbackTarget() const;
  int rollbackJob() const { return m_rollbackJob; }

 public Q_SLOTS:
  void connectBroker();
  void refresh();
  void selectDevice(const QString& id);
  DeployDialog* openDeployDialog();
  bool rollBackGroup(bool confirm = true);
  void editRequirements();
  void editTagsAndClass();
  // Trusts the identity key the device announced instead of its pinned one (the table's
  // context menu); false when the device has no changed key.
  bool acceptNewIdentityKey(const QString& id);

 protected:
  void changeEvent(QEvent* event) override;
  // The first time the pane is shown it connects by itself to a broker on this machine
  // (instant to succeed or fail); a remote one waits for Connect.
  void showEvent(QShowEvent* event) override;

 private:
  void retranslateUi();
  void restartMonitor();
  void showDetail();
  void showTableMenu(const QPoint& pos);
  void setStatus(const QString& text, bool error = false);

  Workspace& m_workspace;
  std::unique_ptr<inventory::FleetMonitor> m_monitor;
  quint64 m_seenGeneration = ~0ull;
  bool m_dirty = true;

  QLabel* m_brokerLabel = nullptr;
  QLineEdit* m_broker = nullptr;
  QPushButton* m_connect = nullptr;
  StatusDot* m_connection = nullptr;
  QLineEdit* m_filter = nullptr;
  QPushButton* m_deploy = nullptr;
  QPushButton* m_rollback = nullptr;
  QPushButton* m_requirements = nullptr;
  QPushButton* m_tags = nullptr;
  QLabel* m_emptyState = nullptr;
  FleetTableModel* m_model = nullptr;
  QSortFilterProxyModel* m_proxy = nullptr;
  QTableView* m_table = nullptr;
  QLabel* m_detailTitle = nullptr;
  QTabWidget* m_tabs = nullptr;
  QCustomPlot* m_plot = nullptr;
  QTableWidget* m_history = nullptr;
  QLabel* m_status = nullptr;
  QTabWidget* m_pages = nullptr;
  PlacementView* m_placement = nullptr;
  QString m_lastStatus;
  QTimer* m_poll = nullptr;
  QString m_currentDevice;
  QPointer<DeployDialog> m_deployDialog;
  int m_rollbackJob = 0;
  bool m_autoConnectTried = false;
  int m_onlineCount = 0;
  bool m_quietConnect = false;
};

}  // namespace edgewise::gui
