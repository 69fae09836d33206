#include "app/workbench/panes/audit/fleet_latency_view.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include "app/workbench/panes/audit/audit_plots.h"
#include "app/workbench/widgets/qcustomplot_include.h"
#include "app/workbench/workspace.h"
#include "core/store/project.h"

namespace edgewise::gui {

FleetLatencyView::FleetLatencyView(Workspace& workspace, QWidget* parent)
    : QWidget(parent), m_workspace(workspace) {
  setObjectName(QStringLiteral("auditFleetLatencyView"));
  m_deviceLabel = new QLabel(this);
  m_device = new QComboBox(this);
  m_device->setObjectName(QStringLiteral("fleetLatencyDevice"));
  m_device->setMinimumContentsLength(14);
  m_refresh = new QPushButton(this);
  m_refresh->setObjectName(QStringLiteral("fleetLatencyRefresh"));
  m_summary = new QLabel(this);
  m_summary->setObjectName(QStringLiteral("fleetLatencySummary"));
  m_summary->setWordWrap(true);
  m_table = new QTableWidget(this);
  m_table->setObjectName(QStringLiteral("fleetLatencyTable"));
  m_table->setColumnCount(6);
  m_table->verticalHeader()->setVisible(false);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  m_table->horizontalHeader()->setStretchLastSection(true);
  m_timeline = new QCustomPlot(this);
  m_timeline->setObjectName(QStringLiteral("fleetLatencyTimeline"));
  m_histogram = new QCustomPlot(this);
  m_histogram->setObjectName(QStringLiteral("fleetLatencyHistogram"));
  m_stages = new QCustomPlot(this);
  m_stages->setObjectName(QStringLiteral("fleetLatencyStages"));
  for (QCustomPlot* p : {m_timeline, m_histogram, m_stages}) p->setMinimumHeight(180);

  auto* top = new QHBoxLayout;
  top->addWidget(m_deviceLabel);
  top->addWidget(m_device);
  top->addWidget(m_refresh);
  top->addStretch(1);
  auto* lower = new QSplitter(Qt::Horizontal, this);
  lower->addWidget(m_histogram);
  lower->addWidget(m_stages);
  auto* right = new QSplitter(Qt::Vertical, this);
  right->addWidget(m_timeline);
  right->addWidget(lower);
  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(m_table);
  split->addWidget(right);
  split->setStretchFactor(0, 2);
  split->setStretchFactor(1, 3);
  split->setSizes({520, 880});
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(m_summary);
  layout->addWidget(split, 1);

  connect(m_refresh, &QPushButton::clicked, this, [this] { refresh(); });
  connect(m_device, &QComboBox::currentIndexChanged, this, [this] { showDevice(); });
  connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) {
    if (row >= 0 && m_table->item(row, 0)) selectDevice(m_table->item(row, 0)->text());
  });
  connect(&m_workspace, &Workspace::fleetChanged, this, [this] { refresh(); });
  connect(&m_workspace, &Workspace::projectChanged, this, [this] { refresh(); });
  retranslateUi();
  refresh();
}

void FleetLatencyView::retranslateUi() {
  m_deviceLabel->setText(tr("Device:"));
  m_refresh->setText(tr("Refresh"));
  m_refresh->setToolTip(tr("Read the devices' heartbeats from the project again"));
  m_table->setHorizontalHeaderLabels({tr("Device"), tr("Heartbeats"), tr("p50 (\u00b5s)"),
                                      tr("p99 (\u00b5s)"), tr("Worst p99 (\u00b5s)"),
                                      tr("Last version change")});
  if (m_device->count() > 0) m_device->setItemText(0, tr("All devices"));
  showData();
}

void FleetLatencyView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(event);
}

void FleetLatencyView::refresh() {
  m_data.reset();
  if (store::Project* project = m_workspace.project()) {
    auto rows = audit::loadTelemetry(project->handle());
    if (rows.ok()) {
      FleetLatencyData d;
      d.rows = std::move(rows.value());
      d.analysis = audit::analyzeFleetLatency(d.rows);
      m_data = std::move(d);
    } else {
      m_summary->setText(
          tr("Cannot read the telemetry: %1").arg(QString::fromStdString(rows.error().toString())));
    }
  }
  const QString keep = m_device->currentIndex() > 0 ? m_device->currentText() : QString();
  {
    const QSignalBlocker block(m_device);
    m_device->clear();
    m_device->addItem(tr("All devices"));
    if (m_data)
      for (const auto& d : m_data->analysis.devices)
        m_device->addItem(QString::fromStdString(d.device));
    const int i = keep.isEmpty() ? 0 : m_device->findText(keep);
    m_device->setCurrentIndex(std::max(0, i));
  }
  showData();
}

bool FleetLatencyView::selectDevice(const QString& device) {
  const int i = device.isEmpty() ? 0 : m_device->findText(device);
  if (i < 0) return false;
  m_device->setCurrentIndex(i);
  showDevice();
  return true;
}

QString FleetLatencyView::summaryText() const {
  return m_summary->text();
}

void FleetLatencyView::showData() {
  m_table->setRowCount(0);
  if (!m_data || m_data->rows.empty()) {
    if (m_data || m_workspace.project() == nullptr)
      m_summary->setText(
          tr("No heartbeats yet: devices report their latency every few seconds on "
             "edgewise/<device>/telemetry once the Fleet pane watches them."));
    m_summary->setStyleSheet(QString());
    showDevice();
    return;
  }
  const audit::FleetLatency& f = m_data->analysis;
  m_table->setRowCount(static_cast<int>(f.devices.size()));
  for (size_t i = 0; i < f.devices.size(); ++i) {
    const audit::DeviceLatency& d = f.devices[i];
    const audit::LatencyRegression* change = nullptr;
    for (const auto& c : f.versionChanges)
      if (c.device == d.device) change = &c;
    auto cell = [&](int col, const QString& text) {
      auto* item = new QTableWidgetItem(text);
      if (col > 0 && col < 5) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      if (change && change->regression) {
        item->setForeground(QColor(0x8b, 0x1a, 0x1a));
        QFont font = item->font();
        font.setBold(true);
        item->setFont(font);
      }
      m_table->setItem(static_cast<int>(i), col, item);
    };
    cell(0, QString::fromStdString(d.device));
    cell(1, QString::number(d.heartbeats));
    cell(2, QString::number(d.p50Us, 'f', 1));
    cell(3, QString::number(d.p99Us, 'f', 1));
    cell(4, QString::number(d.p99MaxUs, 'f', 1));
    cell(5, !change              ? tr("none")
            : change->regression ? tr("\u00d7%1 slower").arg(change->ratio, 0, 'f', 2)
                                 : tr("\u00d7%1, no regression").arg(change->ratio, 0, 'f', 2));
    if (change)
      m_table->item(static_cast<int>(i), 5)
          ->setToolTip(tr("p50 %1 \u2192 %2 \u00b5s, Mann-Whitney p = %3")
                           .arg(change->beforeP50Us, 0, 'f', 1)
                           .arg(change->afterP50Us, 0, 'f', 1)
                           .arg(change->pValue, 0, 'g', 2));
  }
  const auto regressions = f.regressions();
  QStringList names;
  for (const auto* r : regressions) names << QString::fromStdString(r->device);
  m_summary->setText(
      regressions.empty()
          ? tr("%1 devices, %2 heartbeats; no model version is slower than the one before it "
               "(rule: median p50 over %3 heartbeats +%4 % and Mann-Whitney p < %5).")
                .arg(f.devices.size())
                .arg(m_data->rows.size())
                .arg(f.rule.heartbeats)
                .arg(f.rule.minIncrease * 100.0, 0, 'f', 0)
                .arg(f.rule.alpha)
          : tr("Latency regression on %1: the new model version is slower than the previous one "
               "on the same device.")
                .arg(names.join(QStringLiteral(", "))));
  m_summary->setStyleSheet(regressions.empty()
                               ? QString()
                               : QStringLiteral("QLabel { color: #8b1a1a; font-weight: bold; }"));
  AuditPlots::stageBreakdown(m_stages, *m_data);
  showDevice();
}

void FleetLatencyView::showDevice() {
  const QString device = m_device->currentIndex() > 0 ? m_device->currentText() : QString();
  const FleetLatencyData empty;
  const FleetLatencyData& d = m_data ? *m_data : empty;
  AuditPlots::fleetLatencyTimeline(m_timeline, d, device);
  AuditPlots::fleetLatencyHistogram(m_histogram, d, device);
  if (!m_data) AuditPlots::stageBreakdown(m_stages, d);
}

}  // namespace edgewise::gui
