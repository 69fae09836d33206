#include "app/workbench/panes/fleet/deploy_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <set>

#include "app/workbench/jobs/job_manager.h"
#include "app/workbench/workspace.h"
#include "core/deploy/deployer.h"
#include "core/inventory/inventory_repository.h"

namespace edgewise::gui {

namespace {
enum PlanColumn { ColDevice, ColClass, ColVariant, ColFit, ColProgress, ColState, ColCount };

QString qs(const std::string& s) {
  return QString::fromStdString(s);
}
}  // namespace

DeployDialog::DeployDialog(Workspace& workspace, QString brokerUrl,
                           std::vector<inventory::PlanDevice> devices,
                           std::map<std::string, std::string> modelBefore, QWidget* parent)
    : QDialog(parent),
      m_workspace(workspace),
      m_brokerUrl(std::move(brokerUrl)),
      m_devices(std::move(devices)),
      m_modelBefore(std::move(modelBefore)),
      m_shared(std::make_shared<Shared>()) {
  setObjectName(QStringLiteral("deployDialog"));
  m_modelLabel = new QLabel(this);
  m_model = new QComboBox(this);
  m_model->setObjectName(QStringLiteral("deployModel"));
  m_selectorLabel = new QLabel(this);
  m_selector = new QLineEdit(this);
  m_selector->setObjectName(QStringLiteral("deploySelector"));
  m_selector->setClearButtonEnabled(true);
  m_tagLabel = new QLabel(this);
  m_tag = new QComboBox(this);
  m_tag->setObjectName(QStringLiteral("deployTag"));
  m_tag->setEditable(true);
  m_classLabel = new QLabel(this);
  m_class = new QComboBox(this);
  m_class->setObjectName(QStringLiteral("deployClass"));
  m_class->setEditable(true);
  std::set<std::string> tags, classes;
  for (const auto& d : m_devices) {
    tags.insert(d.tags.begin(), d.tags.end());
    if (!d.deviceClass.empty()) classes.insert(d.deviceClass);
  }
  m_tag->addItem(QString());
  for (const auto& t : tags) m_tag->addItem(qs(t));
  m_class->addItem(QString());
  for (const auto& c : classes) m_class->addItem(qs(c));
  m_filterLabel = new QLabel(this);
  m_filter = new QLineEdit(this);
  m_filter->setObjectName(QStringLiteral("deployFilter"));
  m_filter->setClearButtonEnabled(true);
  m_planButton = new QPushButton(this);
  m_planButton->setObjectName(QStringLiteral("deployPlan"));
  m_planButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));

  auto* form = new QFormLayout;
  form->addRow(m_modelLabel, m_model);
  form->addRow(m_selectorLabel, m_selector);
  auto* tagRow = new QHBoxLayout;
  tagRow->addWidget(m_tag, 1);
  tagRow->addWidget(m_classLabel);
  tagRow->addWidget(m_class, 1);
  tagRow->addWidget(m_filterLabel);
  tagRow->addWidget(m_filter, 1);
  tagRow->addWidget(m_planButton);
  form->addRow(m_tagLabel, tagRow);

  m_table = new QTableWidget(0, ColCount, this);
  m_table->setObjectName(QStringLiteral("deployPlanTable"));
  m_table->verticalHeader()->setVisible(false);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->horizontalHeader()->setSectionResizeMode(ColFit, QHeaderView::Stretch);
  m_table->horizontalHeader()->setSectionResizeMode(ColDevice, QHeaderView::ResizeToContents);
  m_table->horizontalHeader()->setSectionResizeMode(ColVariant, QHeaderView::ResizeToContents);
  m_table->horizontalHeader()->setSectionResizeMode(ColState, QHeaderView::ResizeToContents);
  m_table->setColumnWidth(ColProgress, 120);

  m_canaryLabel = new QLabel(this);
  m_canary = new QSpinBox(this);
  m_canary->setObjectName(QStringLiteral("deployCanary"));
  m_canary->setRange(0, 100);
  m_canary->setValue(20);
  m_canary->setSuffix(QStringLiteral(" %"));
  m_haltLabel = new QLabel(this);
  m_halt = new QSpinBox(this);
  m_halt->setObjectName(QStringLiteral("deployHalt"));
  m_halt->setRange(0, 100);
  m_halt->setValue(0);
  m_halt->setSuffix(QStringLiteral(" %"));
  m_healthLabel = new QLabel(this);
  m_health = new QDoubleSpinBox(this);
  m_health->setObjectName(QStringLiteral("deployHealthWait"));
  m_health->setRange(0, 600);
  m_health->setDecimals(1);
  m_health->setValue(5);
  m_health->setSuffix(QStringLiteral(" s"));
  m_start = new QPushButton(this);
  m_start->setObjectName(QStringLiteral("deployStart"));
  m_start->setEnabled(false);
  m_cancel = new QPushButton(this);
  m_cancel->setObjectName(QStringLiteral("deployCancel"));
  m_cancel->setEnabled(false);
  m_close = new QPushButton(this);
  m_close->setObjectName(QStringLiteral("deployClose"));
  auto* run = new QHBoxLayout;
  run->addWidget(m_canaryLabel);
  run->addWidget(m_canary);
  run->addWidget(m_haltLabel);
  run->addWidget(m_halt);
  run->addWidget(m_healthLabel);
  run->addWidget(m_health);
  run->addStretch(1);
  run->addWidget(m_start);
  run->addWidget(m_cancel);
  run->addWidget(m_close);

  m_status = new QLabel(this);
  m_status->setObjectName(QStringLiteral("deployStatus"));
  m_status->setWordWrap(true);
  m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(m_table, 1);
  layout->addLayout(run);
  layout->addWidget(m_status);

  m_drain = new QTimer(this);
  m_drain->setInterval(100);
  connect(m_drain, &QTimer::timeout, this, &DeployDialog::drainProgress);
  connect(m_planButton, &QPushButton::clicked, this, &DeployDialog::plan);
  connect(m_start, &QPushButton::clicked, this, &DeployDialog::startRollout);
  connect(m_cancel, &QPushButton::clicked, this, &DeployDialog::cancelRollout);
  connect(m_close, &QPushButton::clicked, this, &DeployDialog::reject);
  connect(m_model, &QComboBox::currentIndexChanged, this, [this] { m_start->setEnabled(false); });
  connect(&JobManager::jobs(), &JobManager::jobFinished, this,
          [this](int id, JobState state, const QString& message) {
            onJobFinished(id, static_cast<int>(state), message);
          });
  fillModels();
  retranslateUi();
  resize(900, 560);
}

DeployDialog::~DeployDialog() {
  // A running rollout keeps running as a job (it records its outcome); only stop listening.
  m_drain->stop();
}

void DeployDialog::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QDialog::changeEvent(event);
}

void DeployDialog::retranslateUi() {
  setWindowTitle(tr("Deploy to the fleet"));
  m_modelLabel->setText(tr("&Model:"));
  m_modelLabel->setBuddy(m_model);
  m_model->setToolTip(
      tr("The model to deploy; the plan picks for each device the best of it and its "
         "compressed variants that meets the device class's requirements."));
  m_selectorLabel->setText(tr("&Devices:"));
  m_selectorLabel->setBuddy(m_selector);
  m_selector->setPlaceholderText(tr("ids and globs, e.g. imu-0001, imu-* (empty: all)"));
  m_tagLabel->setText(tr("&Tag:"));
  m_tagLabel->setBuddy(m_tag);
  m_classLabel->setText(tr("Class:"));
  m_filterLabel->setText(tr("Filter:"));
  m_planButton->setText(tr("&Plan"));
  m_planButton->setToolTip(tr("Check each selected device's fit (Ctrl+P)"));
  m_table->setHorizontalHeaderLabels({tr("Device"), tr("Class"), tr("Variant"),
                                      tr("Fit / reason skipped"), tr("Progress"), tr("State")});
  m_canaryLabel->setText(tr("Canary:"));
  m_canary->setToolTip(tr("Deploy to this share of the devices first; 0: all at once"));
  m_haltLabel->setText(tr("Halt above:"));
  m_halt->setToolTip(tr("Halt the rollout when more than this share of the canary fails"));
  m_healthLabel->setText(tr("Health wait:"));
  m_health->setToolTip(
      tr("After the canary, wait this long and check that its devices are still online and "
         "run the new model"));
  m_start->setText(tr("&Start rollout"));
  m_cancel->setText(tr("Cancel rollout"));
  m_close->setText(tr("Close"));
}

void DeployDialog::fillModels() {
  m_model->clear();
  store::Project* project = m_workspace.project();
  if (!project) return;
  inventory::InventoryRepository repo(*project);
  auto models = repo.models();
  if (!models) {
    setStatus(qs(models.error().toString()), true);
    return;
  }
  // Trained models first (their variants are found through the family); variants can be
  // chosen directly too, then the plan considers that variant and its own descendants.
  for (const auto& m : *models) {
    const QString text =
        m.parentId ? tr("%1 #%2 (variant of #%3)").arg(qs(m.name)).arg(m.id).arg(*m.parentId)
                   : tr("%1 #%2").arg(qs(m.name)).arg(m.id);
    if (m.parentId)
      m_model->addItem(text, QVariant::fromValue<qint64>(m.id));
    else
      m_model->insertItem(0, text, QVariant::fromValue<qint64>(m.id));
  }
  m_model->setCurrentIndex(0);
  if (m_model->count() == 0) setStatus(tr("The project has no models: train one first."), true);
}

void DeployDialog::setStatus(const QString& text, bool error) {
  m_status->setText(
      error ? QStringLiteral("<b style='color:#b00020'>%1</b>").arg(text.toHtmlEscaped())
            : text.toHtmlEscaped());
  m_status->setProperty("plainText", text);
}

QString DeployDialog::statusText() const {
  return m_status->property("plainText").toString();
}

void DeployDialog::plan() {
  if (isRunning()) return;
  store::Project* project = m_workspace.project();
  if (!project || m_model->currentIndex() < 0) {
    setStatus(tr("Choose a model first."), true);
    return;
  }
  inventory::InventoryRepository repo(*project);
  auto family = repo.modelFamily(m_model->currentData().toLongLong());
  if (!family) {
    setStatus(qs(family.error().toString()), true);
    return;
  }
  auto requirements = repo.requirements();
  if (!requirements) {
    setStatus(qs(requirements.error().toString()), true);
    return;
  }
  inventory::PlanSelection sel;
  sel.devices = m_selector->text().trimmed().toStdString();
  sel.tag = m_tag->currentText().trimmed().toStdString();
  sel.deviceClass = m_class->currentText().trimmed().toStdString();
  sel.filter = m_filter->text().trimmed().toStdString();
  m_plan = inventory::planRollout(*family, m_devices, *requirements, sel);
  m_table->setRowCount(0);
  m_table->setRowCount(static_cast<int>(m_plan.entries.size()));
  for (int r = 0; r < static_cast<int>(m_plan.entries.size()); ++r) {
    const auto& e = m_plan.entries[static_cast<size_t>(r)];
    m_table->setItem(r, ColDevice, new QTableWidgetItem(qs(e.device)));
    m_table->setItem(r, ColClass, new QTableWidgetItem(qs(e.deviceClass)));
    m_table->setItem(r, ColVariant, new QTableWidgetItem(e.deploy ? qs(e.variantName) : tr("—")));
    auto* fit = new QTableWidgetItem(qs(e.deploy ? e.fit : e.reason));
    fit->setToolTip(fit->text());
    if (!e.deploy) fit->setForeground(QColor(0x9a, 0x5b, 0x00));
    m_table->setItem(r, ColFit, fit);
    auto* bar = new QProgressBar;
    bar->setRange(0, 100);
    bar->setValue(0);
    bar->setTextVisible(true);
    bar->setEnabled(e.deploy);
    m_table->setCellWidget(r, ColProgress, bar);
    m_table->setItem(r, ColState, new QTableWidgetItem(e.deploy ? tr("planned") : tr("skipped")));
  }
  QString text = tr("%n device(s) get a model", nullptr, m_plan.deployCount()) +
                 QStringLiteral(", ") + tr("%n skipped", nullptr, m_plan.skipCount());
  if (!m_plan.unknown.empty()) {
    QStringList unknown;
    for (const auto& u : m_plan.unknown) unknown << qs(u);
    text += QStringLiteral("; ") + tr("unknown: %1").arg(unknown.join(QStringLiteral(", ")));
  }
  setStatus(text, m_plan.deployCount() == 0);
  m_start->setEnabled(m_plan.deployCount() > 0);
}

bool DeployDialog::startRollout() {
  if (isRunning() || m_plan.deployCount() == 0) return false;
  std::vector<inventory::PlanEntry> skipped;
  const auto assignments = inventory::assignmentsFromPlan(m_plan, m_modelBefore, &skipped);
  inventory::RolloutRunOptions o;
  o.projectPath = m_workspace.projectPath().toStdString();
  o.brokerUrl = m_brokerUrl.toStdString();
  o.canaryPercent = m_canary->value();
  o.maxFailurePercent = m_halt->value();
  o.healthWaitS = m_canary->value() > 0 ? m_health->value() : 0;
  o.modelId = m_model->currentData().toLongLong();
  QStringList sel;
  if (!m_selector->text().trimmed().isEmpty()) sel << m_selector->text().trimmed();
  if (!m_tag->currentText().isEmpty()) sel << QStringLiteral("tag:") + m_tag->currentText();
  if (!m_class->currentText().isEmpty()) sel << QStringLiteral("class:") + m_class->currentText();
  if (!m_filter->text().isEmpty()) sel << QStringLiteral("filter:") + m_filter->text();
  o.selector = sel.join(QLatin1Char(' ')).toStdString();
  m_shared = std::make_shared<Shared>();
  auto shared = m_shared;
  o.progress = [shared](const inventory::DeviceProgress& p) {
    std::lock_guard<std::mutex> lock(shared->mutex);
    shared->events.push_back(p);
  };
  const int total = static_cast<int>(assignments.size());
  m_jobId = JobManager::jobs().start(
      tr("Rollout of %1 to %n device(s)", nullptr, total).arg(m_model->currentText()),
      [assignments, skipped, o, shared, total](JobContext& context) -> Result<QString> {
        auto opts = o;
        auto inner = o.progress;
        int done = 0;
        opts.progress = [&, inner](const inventory::DeviceProgress& p) {
          if (context.isCancelled()) shared->cancel = true;
          if (p.fraction >= 1.0 && p.state != "queued") ++done;
          context.setProgress(total > 0 ? std::min(1.0, double(done) / total) : 1.0,
                              QString::fromStdString(p.device + ": " + p.state));
          inner(p);
        };
        auto r = inventory::runRollout(assignments, skipped, opts, &shared->cancel);
        if (!r) return r.error();
        {
          std::lock_guard<std::mutex> lock(shared->mutex);
          shared->result = *r;
        }
        return DeployDialog::tr("%1: %2, %3 succeeded, %4 failed or refused, %5 skipped")
            .arg(QString::fromStdString(r->report.deployment), QString::fromStdString(r->state))
            .arg(r->report.succeeded)
            .arg(r->report.failed + r->report.refused + r->report.rolledBack + r->report.unverified)
            .arg(r->report.skipped);
      });
  m_start->setEnabled(false);
  m_planButton->setEnabled(false);
  m_cancel->setEnabled(true);
  m_drain->start();
  setStatus(tr("Rollout running…"));
  return true;
}

void DeployDialog::cancelRollout() {
  if (!isRunning()) return;
  m_shared->cancel = true;
  JobManager::jobs().cancel(m_jobId);
  setStatus(tr("Cancelling: devices in flight end as failed, the rest are skipped…"));
}

void DeployDialog::reject() {
  // Closing does not cancel: the rollout goes on as a job and is recorded. Esc while running
  // asks explicitly through the Cancel button instead.
  QDialog::reject();
}

void DeployDialog::drainProgress() {
  std::vector<inventory::DeviceProgress> events;
  {
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    events.swap(m_shared->events);
  }
  for (const auto& p : events) {
    for (int r = 0; r < m_table->rowCount(); ++r) {
      if (m_table->item(r, ColDevice)->text() != qs(p.device)) continue;
      if (auto* bar = qobject_cast<QProgressBar*>(m_table->cellWidget(r, ColProgress)))
        bar->setValue(static_cast<int>(p.fraction * 100));
      QString state = qs(p.state);
      if (p.stage == "canary") state = tr("canary: %1").arg(state);
      auto* item = m_table->item(r, ColState);
      item->setText(state);
      if (!p.reason.empty()) {
        item->setToolTip(qs(p.reason));
        m_table->item(r, ColFit)->setText(qs(p.reason));
      }
      const bool bad = deploy::isFailedOutcome(p.state);
      const bool good = p.state == "succeeded";
      item->setForeground(bad    ? QColor(0xb0, 0x00, 0x20)
                          : good ? QColor(0x2e, 0x7d, 0x32)
                                 : palette().text().color());
    }
  }
}

void DeployDialog::onJobFinished(int id, int state, const QString& message) {
  if (id != m_jobId) return;
  drainProgress();
  m_drain->stop();
  m_jobId = 0;
  m_cancel->setEnabled(false);
  m_planButton->setEnabled(true);
  std::optional<inventory::RolloutResult> result;
  {
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    result = m_shared->result;
  }
  if (result) {
    m_deploymentId = qs(result->report.deployment);
    setStatus(message, result->state != "succeeded");
    Q_EMIT rolloutFinished(m_deploymentId);
  } else {
    setStatus(static_cast<JobState>(state) == JobState::Cancelled
                  ? tr("Cancelled.")
                  : tr("The rollout failed: %1").arg(message),
              true);
  }
}

}  // namespace edgewise::gui
