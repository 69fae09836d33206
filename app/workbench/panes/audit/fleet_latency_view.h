#pragma once
// The Latency tab's fleet view: the agents' heartbeats (telemetry table, written by the fleet
// monitor) per device: p50 / p99 over time with the model version changes marked, a histogram
// of a device's heartbeat p50, the end-to-end stage breakdown (decode, features, inference,
// publish) per device, and the regressions (a new model version slower than the previous one on
// the same device: core/audit/fleet_latency.h states the rule). Reads the project on the GUI
// thread (a few thousand rows); refreshed when the fleet changes.

#include <QString>
#include <QWidget>
#include <optional>

#include "app/workbench/panes/audit/audit_data.h"

class QComboBox;
class QCustomPlot;
class QLabel;
class QPushButton;
class QTableWidget;

namespace edgewise::gui {

class Workspace;

class FleetLatencyView : public QWidget {
  Q_OBJECT
 public:
  explicit FleetLatencyView(Workspace& workspace, QWidget* parent = nullptr);

  // Re-reads the telemetry table.
  void refresh();
  bool selectDevice(const QString& device);  // "" = all devices
  const std::optional<FleetLatencyData>& data() const { return m_data; }
  QString summaryText() const;
  QTableWidget* table() const { return m_table; }
  QCustomPlot* timelinePlot() const { return m_timeline; }
  QCustomPlot* histogramPlot() const { return m_histogram; }
  QCustomPlot* stagesPlot() const { return m_stages; }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslateUi();
  void showData();
  void showDevice();

  Workspace& m_workspace;
  std::optional<FleetLatencyData> m_data;
  QLabel* m_deviceLabel = nullptr;
  QComboBox* m_device = nullptr;
  QPushButton* m_refresh = nullptr;
  QLabel* m_summary = nullptr;
  QTableWidget* m_table = nullptr;
  QCustomPlot* m_timeline = nullptr;
  QCustomPlot* m_histogram = nullptr;
  QCustomPlot* m_stages = nullptr;
};

}  // namespace edgewise::gui
