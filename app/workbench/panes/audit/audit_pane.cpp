#include "app/workbench/panes/audit/audit_pane.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QTabWidget>
#include <QUrl>
#include <QVBoxLayout>

#include "app/workbench/pane_factory.h"
#include "app/workbench/panes/audit/audit_report.h"
#include "app/workbench/panes/audit/drift_view.h"
#include "app/workbench/panes/audit/fleet_latency_view.h"
#include "app/workbench/panes/audit/latency_view.h"
#include "app/workbench/panes/audit/live_drift_view.h"
#include "app/workbench/panes/audit/robustness_view.h"
#include "app/workbench/workspace.h"
#include "core/store/project.h"
#include "core/training/service/model_registry.h"

namespace edgewise::gui {

void registerAuditPane() {
  PaneFactory factory;
  factory.id = QStringLiteral("audit");
  factory.title = [] { return AuditPane::tr("Audit"); };
  factory.area = Qt::RightDockWidgetArea;
  factory.order = 60;
  factory.create = [](Workspace& workspace, QWidget* parent) -> QWidget* {
    return new AuditPane(workspace, parent);
  };
  PaneRegistry::add(std::move(factory));
}

AuditPane::AuditPane(Workspace& workspace, QWidget* parent)
    : QWidget(parent), m_workspace(workspace) {
  setObjectName(QStringLiteral("auditPane"));
  m_modelLabel = new QLabel(this);
  m_model = new QComboBox(this);
  m_model->setObjectName(QStringLiteral("auditModel"));
  m_model->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  m_export = new QPushButton(this);
  m_export->setObjectName(QStringLiteral("auditExport"));
  m_emptyState = new QLabel(this);
  m_emptyState->setObjectName(QStringLiteral("auditEmptyState"));
  m_emptyState->setWordWrap(true);
  m_status = new QLabel(this);
  m_status->setObjectName(QStringLiteral("auditPaneStatus"));
  m_status->setWordWrap(true);
  m_status->setVisible(false);
  m_status->setTextInteractionFlags(Qt::TextBrowserInteraction);
  m_status->setOpenExternalLinks(true);

  m_drift = new DriftView(this);
  m_robustness = new RobustnessView(m_workspace, this);
  m_latency = new LatencyView(m_workspace, this);
  m_tabs = new QTabWidget(this);
  m_tabs->setObjectName(QStringLiteral("auditTabs"));
  m_liveDrift = new LiveDriftView(m_workspace, this);
  m_fleetLatency = new FleetLatencyView(m_workspace, this);
  m_driftTabs = new QTabWidget(this);
  m_driftTabs->setObjectName(QStringLiteral("auditDriftTabs"));
  m_driftTabs->setDocumentMode(true);
  m_driftTabs->addTab(m_drift, QString());
  m_driftTabs->addTab(m_liveDrift, QString());
  m_latencyTabs = new QTabWidget(this);
  m_latencyTabs->setObjectName(QStringLiteral("auditLatencyTabs"));
  m_latencyTabs->setDocumentMode(true);
  m_latencyTabs->addTab(m_latency, QString());
  m_latencyTabs->addTab(m_fleetLatency, QString());
  m_tabs->addTab(m_driftTabs, QString());
  m_tabs->addTab(m_robustness, QString());
  m_tabs->addTab(m_latencyTabs, QString());

  auto* top = new QHBoxLayout;
  top->addWidget(m_modelLabel);
  top->addWidget(m_model, 1);
  top->addWidget(m_export);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(m_emptyState);
  layout->addWidget(m_status);
  layout->addWidget(m_tabs, 1);

  connect(m_model, &QComboBox::currentIndexChanged, this, [this] { modelChanged(); });
  connect(m_export, &QPushButton::clicked, this, [this] { exportWithDialog(); });
  auto* exportShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), this);
  exportShortcut->setContext(Qt::WidgetWithChildrenShortcut);
  connect(exportShortcut, &QShortcut::activated, this, [this] { exportWithDialog(); });
  connect(&m_workspace, &Workspace::projectChanged, this, [this] { refresh(); });
  retranslateUi();
  refresh();
}

void AuditPane::retranslateUi() {
  m_modelLabel->setText(tr("Model:"));
  m_model->setToolTip(
      tr("The model version the robustness and latency audits and the report "
         "are about"));
  m_export->setText(tr("Export report..."));
  m_export->setToolTip(
      tr("Write the one-page HTML audit report of this model version with its "
         "plots as PNG files (Ctrl+Shift+E)"));
  m_tabs->setTabText(DriftTab, tr("Drift"));
  m_tabs->setTabToolTip(DriftTab,
                        tr("Has the data moved away from what the model was trained on?"));
  m_tabs->setTabText(RobustnessTab, tr("Robustness"));
  m_tabs->setTabToolTip(RobustnessTab,
                        tr("How easily is the model fooled by small perturbations and faults?"));
  m_tabs->setTabText(LatencyTab, tr("Latency"));
  m_tabs->setTabToolTip(LatencyTab,
                        tr("How fast does the model answer, on this machine and on the devices?"));
  m_driftTabs->setTabText(0, tr("Files"));
  m_driftTabs->setTabToolTip(0, tr("A reference CSV against a live CSV"));
  m_driftTabs->setTabText(1, tr("Live devices"));
  m_driftTabs->setTabToolTip(
      1, tr("The devices' predictions against the picked model's training features"));
  m_latencyTabs->setTabText(0, tr("This machine"));
  m_latencyTabs->setTabText(1, tr("Fleet"));
  m_latencyTabs->setTabToolTip(1, tr("Latency the devices report in their heartbeats"));
  m_emptyState->setText(m_workspace.project()
                            ? tr("No trained model in this project yet: the drift analysis works "
                                 "on CSV files; robustness and latency need a model from the "
                                 "Training pane.")
                            : tr("Open or create a project to audit its models. The drift "
                                 "analysis works on CSV files without one."));
}

void AuditPane::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(event);
}

void AuditPane::setStatus(const QString& text, bool error) {
  m_lastStatus = text;
  m_status->setText(text);
  m_status->setVisible(!text.isEmpty());
  m_status->setStyleSheet(error ? QStringLiteral("QLabel { color: #c62828; font-weight: bold; }")
                                : QString());
}

void AuditPane::refresh() {
  const int64_t keep = modelId();
  m_models.clear();
  if (store::Project* project = m_workspace.project()) {
    training::ModelRegistry registry(*project);
    auto list = registry.list();
    if (list.ok())
      m_models = std::move(list.value());
    else
      setStatus(
          tr("Cannot list the models: %1").arg(QString::fromStdString(list.error().toString())),
          true);
  }
  const QSignalBlocker block(m_model);
  m_model->clear();
  for (const training::ModelRecord& r : m_models) {
    QString text = tr("%1 (id %2, %3)")
                       .arg(QString::fromStdString(r.name))
                       .arg(r.id)
                       .arg(QString::fromStdString(r.family));
    if (r.parentId) text += QStringLiteral(" \u2190 %1").arg(*r.parentId);
    m_model->addItem(text, QVariant::fromValue<qlonglong>(r.id));
  }
  int index = m_model->findData(QVariant::fromValue<qlonglong>(keep));
  if (index < 0) index = m_model->count() - 1;  // the newest model
  m_model->setCurrentIndex(index);
  m_emptyState->setVisible(m_models.empty());
  m_export->setEnabled(!m_models.empty());
  retranslateUi();
  modelChanged();
}

bool AuditPane::selectModel(int64_t modelId) {
  const int index = m_model->findData(QVariant::fromValue<qlonglong>(modelId));
  if (index < 0) return false;
  m_model->setCurrentIndex(index);
  return true;
}

int64_t AuditPane::modelId() const {
  return m_model->currentIndex() >= 0 ? m_model->currentData().toLongLong() : 0;
}

void AuditPane::modelChanged() {
  std::optional<training::ModelRecord> record;
  const int64_t id = modelId();
  for (const training::ModelRecord& r : m_models)
    if (r.id == id) record = r;
  m_robustness->setModel(record);
  m_latency->setModel(record);
  m_liveDrift->setModel(record);
}

std::optional<AuditReportData> AuditPane::reportData() const {
  const int64_t id = modelId();
  AuditReportData data;
  bool found = false;
  for (const training::ModelRecord& r : m_models)
    if (r.id == id) {
      data.model = r;
      found = true;
    }
  if (!found) return std::nullopt;
  data.drift = m_drift->analysis();
  if (m_robustness->report() && m_robustness->report()->modelId == id)
    data.robustness = m_robustness->report();
  if (m_latency->benchmark() && m_latency->benchmark()->modelId == id)
    data.latency = m_latency->benchmark();
  if (m_fleetLatency->data() && !m_fleetLatency->data()->rows.empty())
    data.fleetLatency = m_fleetLatency->data();
  data.liveDrift = m_liveDrift->reportDevices();
  return data;
}

bool AuditPane::exportReport(const QString& htmlPath) {
  const std::optional<AuditReportData> data = reportData();
  if (!data) {
    setStatus(tr("Pick a model first: the report is about one model version."), true);
    return false;
  }
  auto files = AuditReport::write(*data, htmlPath);
  if (!files.ok()) {
    setStatus(tr("The report could not be written: %1")
                  .arg(QString::fromStdString(files.error().toString())),
              true);
    return false;
  }
  setStatus(tr("Report written: <a href=\"%1\">%2</a> and %n image(s)", nullptr,
               static_cast<int>(files->images.size()))
                .arg(QUrl::fromLocalFile(files->html).toString(), files->html.toHtmlEscaped()));
  return true;
}

void AuditPane::exportWithDialog() {
  const std::optional<AuditReportData> data = reportData();
  if (!data) {
    setStatus(tr("Pick a model first: the report is about one model version."), true);
    return;
  }
  QString name =
      QString::fromStdString(data->model.name)
          .replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]+")), QStringLiteral("_"));
  const QString suggested =
      QDir::home().filePath(QStringLiteral("audit_%1_model%2.html").arg(name).arg(data->model.id));
  const QString path = QFileDialog::getSaveFileName(this, tr("Export audit report"), suggested,
                                                    tr("HTML files (*.html)"));
  if (!path.isEmpty()) exportReport(path);
}

}  // namespace edgewise::gui
