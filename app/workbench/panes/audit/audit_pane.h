#pragma once
// The Audit pane (pane id "audit"): is the model still seeing the data it was trained on, how
// easily is it fooled, how fast does it answer. Three tabs, each running its work as a
// JobManager job with progress and cancel (Esc): Drift (drift_view.h), Robustness
// (robustness_view.h) and Latency (latency_view.h). The model picker at the top chooses the
// model version the Robustness and Latency tabs audit; "Export report..." (Ctrl+Shift+E)
// writes the one-page HTML report of that version with the plots as PNG (audit_report.h).
//
// Threads: jobs run on workers with their own Project connection; everything else uses the
// GUI thread's connection.

#include <QString>
#include <QWidget>
#include <optional>
#include <vector>

#include "app/workbench/panes/audit/audit_data.h"

class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;

namespace edgewise::gui {

class DriftView;
class FleetLatencyView;
class LatencyView;
class LiveDriftView;
class RobustnessView;
class Workspace;

void registerAuditPane();

class AuditPane : public QWidget {
  Q_OBJECT
 public:
  enum Tab { DriftTab, RobustnessTab, LatencyTab };

  explicit AuditPane(Workspace& workspace, QWidget* parent = nullptr);

  // Re-reads the project's models.
  void refresh();
  bool selectModel(int64_t modelId);
  int64_t modelId() const;

  // What the report of the selected model would contain now.
  std::optional<AuditReportData> reportData() const;
  // Writes the report (false: the reason in statusText()).
  bool exportReport(const QString& htmlPath);
  QString statusText() const { return m_lastStatus; }

  DriftView* driftView() const { return m_drift; }
  LiveDriftView* liveDriftView() const { return m_liveDrift; }
  FleetLatencyView* fleetLatencyView() const { return m_fleetLatency; }
  // The inner tabs of the Drift tab (CSV files, live devices) and the Latency tab (this
  // machine, fleet).
  QTabWidget* driftTabs() const { return m_driftTabs; }
  QTabWidget* latencyTabs() const { return m_latencyTabs; }
  RobustnessView* robustnessView() const { return m_robustness; }
  LatencyView* latencyView() const { return m_latency; }
  QTabWidget* tabs() const { return m_tabs; }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslateUi();
  void modelChanged();
  void exportWithDialog();
  void setStatus(const QString& text, bool error = false);

  Workspace& m_workspace;
  std::vector<training::ModelRecord> m_models;
  QLabel* m_modelLabel = nullptr;
  QComboBox* m_model = nullptr;
  QPushButton* m_export = nullptr;
  QLabel* m_emptyState = nullptr;
  QLabel* m_status = nullptr;
  QString m_lastStatus;
  QTabWidget* m_tabs = nullptr;
  DriftView* m_drift = nullptr;
  LiveDriftView* m_liveDrift = nullptr;
  FleetLatencyView* m_fleetLatency = nullptr;
  QTabWidget* m_driftTabs = nullptr;
  QTabWidget* m_latencyTabs = nullptr;
  RobustnessView* m_robustness = nullptr;
  LatencyView* m_latency = nullptr;
};

}  // namespace edgewise::gui
