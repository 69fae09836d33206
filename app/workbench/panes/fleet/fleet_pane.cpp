#include "app/workbench/panes/fleet/fleet_pane.h"

#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>
#include <map>
#include <nlohmann/json.hpp>

#include "app/workbench/jobs/job_manager.h"
#include "app/workbench/pane_factory.h"
#include "app/workbench/panes/fleet/deploy_dialog.h"
#include "app/workbench/panes/fleet/fleet_table_model.h"
#include "app/workbench/panes/fleet/placement_view.h"
#include "app/workbench/panes/fleet/requirements_dialog.h"
#include "app/workbench/widgets/qcustomplot_include.h"
#include "app/workbench/widgets/status_dot.h"
#include "app/workbench/workspace.h"
#include "core/deploy/deployer.h"
#include "core/inventory/fleet_monitor.h"
#include "core/inventory/inventory_repository.h"
#include "core/inventory/rollout_planner.h"
#include "core/inventory/rollout_runner.h"
#include "core/store/project.h"
#include "core/util/clock.h"
#ifdef EDGEWISE_HAVE_CAPTURE_PANE
#include "app/workbench/panes/capture/broker_settings_dialog.h"
#endif

namespace edgewise::gui {

using json = nlohmann::json;

namespace {

QString qs(const std::string& s) {
  return QString::fromStdString(s);
}

QString hardwareText(const std::string& hardwareJson) {
  const json hw = json::parse(hardwareJson, nullptr, false);
  if (!hw.is_object() || hw.empty()) return {};
  QStringList parts;
  if (hw.contains("arch") && hw["arch"].is_string()) parts << qs(hw["arch"].get<std::string>());
  if (hw.contains("cores") && hw["cores"].is_number())
    parts << FleetPane::tr("%n core(s)", nullptr, hw["cores"].get<int>());
  if (hw.contains("ram_mb") && hw["ram_mb"].is_number())
    parts << FleetPane::tr("%1 MB").arg(hw["ram_mb"].get<int64_t>());
  if (hw.contains("os") && hw["os"].is_string()) parts << qs(hw["os"].get<std::string>());
  return parts.join(QStringLiteral(", "));
}

QString modelText(const std::string& modelJson) {
  const json m = json::parse(modelJson, nullptr, false);
  if (!m.is_object()) return {};
  const std::string name = m.value("model_name", m.value("variant", std::string()));
  const std::string id = m.contains("model_id") && m["model_id"].is_string()
                             ? m["model_id"].get<std::string>()
                             : std::string();
  const std::string sha = m.value("sha256", std::string());
  QString text = qs(name.empty() ? std::string("model") : name);
  if (!id.empty()) text += QStringLiteral(" #") + qs(id);
  if (sha.size() >= 8) text += QStringLiteral(" (") + qs(sha.substr(0, 8)) + QStringLiteral(")");
  return text;
}

QString defaultBrokerUrl() {
#ifdef EDGEWISE_HAVE_CAPTURE_PANE
  return ConnectionProfile::load().url();
#else
  return QStringLiteral("tcp://127.0.0.1:1883");
#endif
}

}  // namespace

void registerFleetPane() {
  PaneFactory factory;
  factory.id = QStringLiteral("fleet");
  factory.title = [] { return FleetPane::tr("Fleet"); };
  factory.area = Qt::RightDockWidgetArea;
  factory.order = 50;
  factory.create = [](Workspace& workspace, QWidget* parent) -> QWidget* {
    return new FleetPane(workspace, parent);
  };
  PaneRegistry::add(std::move(factory));
}

FleetPane::FleetPane(Workspace& workspace, QWidget* parent)
    : QWidget(parent), m_workspace(workspace) {
  setObjectName(QStringLiteral("fleetPane"));
  m_brokerLabel = new QLabel(this);
  m_broker = new QLineEdit(defaultBrokerUrl(), this);
  m_broker->setObjectName(QStringLiteral("fleetBroker"));
  m_connect = new QPushButton(this);
  m_connect->setObjectName(QStringLiteral("fleetConnect"));
  m_connection = new StatusDot(this);
  m_filter = new QLineEdit(this);
  m_filter->setObjectName(QStringLiteral("fleetFilter"));
  m_filter->setClearButtonEnabled(true);
  m_deploy = new QPushButton(this);
  m_deploy->setObjectName(QStringLiteral("fleetDeploy"));
  m_rollback = new QPushButton(this);
  m_rollback->setObjectName(QStringLiteral("fleetRollback"));
  m_requirements = new QPushButton(this);
  m_requirements->setObjectName(QStringLiteral("fleetRequirements"));
  m_tags = new QPushButton(this);
  m_tags->setObjectName(QStringLiteral("fleetTags"));

  auto* top = new QHBoxLayout;
  top->addWidget(m_brokerLabel);
  top->addWidget(m_broker, 1);
  top->addWidget(m_connect);
  top->addWidget(m_connection);
  top->addSpacing(12);
  top->addWidget(m_filter, 1);
  auto* actions = new QHBoxLayout;
  actions->addWidget(m_deploy);
  actions->addWidget(m_rollback);
  actions->addWidget(m_tags);
  actions->addWidget(m_requirements);
  actions->addStretch(1);

  m_emptyState = new QLabel(this);
  m_emptyState->setObjectName(QStringLiteral("fleetEmptyState"));
  m_emptyState->setWordWrap(true);
  m_emptyState->setAlignment(Qt::AlignCenter);

  m_model = new FleetTableModel(this);
  m_proxy = new QSortFilterProxyModel(this);
  m_proxy->setSourceModel(m_model);
  m_proxy->setSortRole(FleetTableModel::SortRole);
  m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
  m_proxy->setFilterKeyColumn(-1);
  m_table = new QTableView(this);
  m_table->setObjectName(QStringLiteral("fleetTable"));
  m_table->setModel(m_proxy);
  m_table->setSortingEnabled(true);
  m_table->sortByColumn(FleetTableModel::Device, Qt::AscendingOrder);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
  m_table->verticalHeader()->setVisible(false);
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  m_table->horizontalHeader()->setStretchLastSection(true);
  m_table->setAlternatingRowColors(true);
  m_table->setContextMenuPolicy(Qt::CustomContextMenu);

  m_detailTitle = new QLabel(this);
  m_detailTitle->setObjectName(QStringLiteral("fleetDetailTitle"));
  // A long warning (a changed identity key) wraps instead of widening the pane.
  m_detailTitle->setWordWrap(true);
  m_tabs = new QTabWidget(this);
  m_plot = new QCustomPlot(this);
  m_plot->setObjectName(QStringLiteral("fleetTelemetryPlot"));
  m_plot->setMinimumHeight(180);
  m_plot->addGraph();                               // p50
  m_plot->addGraph();                               // p99
  m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);  // CPU
  m_plot->graph(0)->setPen(QPen(QColor(0x1f, 0x77, 0xb4), 1.6));
  m_plot->graph(1)->setPen(QPen(QColor(0xd6, 0x27, 0x28), 1.6));
  m_plot->graph(2)->setPen(QPen(QColor(0x7f, 0x7f, 0x7f), 1.2, Qt::DashLine));
  auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
  ticker->setDateTimeFormat(QStringLiteral("HH:mm:ss"));
  m_plot->xAxis->setTicker(ticker);
  m_plot->yAxis2->setVisible(true);
  m_plot->legend->setVisible(true);
  m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
  m_history = new QTableWidget(0, 7, this);
  m_history->setObjectName(QStringLiteral("fleetHistory"));
  m_history->verticalHeader()->setVisible(false);
  m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_history->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_history->setSelectionMode(QAbstractItemView::SingleSelection);
  m_history->horizontalHeader()->setStretchLastSection(true);
  m_tabs->addTab(m_plot, QString());
  m_tabs->addTab(m_history, QString());

  auto* detail = new QWidget(this);
  auto* detailLayout = new QVBoxLayout(detail);
  detailLayout->setContentsMargins(0, 0, 0, 0);
  detailLayout->addWidget(m_detailTitle);
  detailLayout->addWidget(m_tabs, 1);
  auto* split = new QSplitter(Qt::Vertical, this);
  auto* tableBox = new QWidget(this);
  auto* tableLayout = new QVBoxLayout(tableBox);
  tableLayout->setContentsMargins(0, 0, 0, 0);
  tableLayout->addWidget(m_emptyState);
  tableLayout->addWidget(m_table, 1);
  split->addWidget(tableBox);
  split->addWidget(detail);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 2);

  m_status = new QLabel(this);
  m_status->setObjectName(QStringLiteral("fleetStatus"));
  m_status->setWordWrap(true);
  m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

  // Two pages: the devices (inventory, detail, deployments) and the placement simulation.
  auto* devices = new QWidget(this);
  auto* devicesLayout = new QVBoxLayout(devices);
  devicesLayout->setContentsMargins(0, 4, 0, 0);
  devicesLayout->addLayout(top);
  devicesLayout->addLayout(actions);
  devicesLayout->addWidget(split, 1);
  devicesLayout->addWidget(m_status);
  m_placement = new PlacementView(this);
  m_pages = new QTabWidget(this);
  m_pages->setObjectName(QStringLiteral("fleetPages"));
  m_pages->setDocumentMode(true);
  m_pages->addTab(devices, QString());
  m_pages->addTab(m_placement, QString());
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(m_pages, 1);

  const auto shortcut = [this](QKeySequence key, auto slot) {
    auto* s = new QShortcut(key, this);
    s->setContext(Qt::WidgetWithChildrenShortcut);
    connect(s, &QShortcut::activated, this, slot);
  };
  shortcut(QKeySequence::Find, [this] {
    m_filter->setFocus();
    m_filter->selectAll();
  });
  shortcut(QKeySequence(Qt::CTRL | Qt::Key_D), [this] { openDeployDialog(); });
  shortcut(QKeySequence(Qt::Key_F5), [this] {
    m_dirty = true;
    refresh();
  });
  shortcut(QKeySequence(Qt::CTRL | Qt::Key_T), [this] { editTagsAndClass(); });

  connect(m_connect, &QPushButton::clicked, this, &FleetPane::connectBroker);
  connect(m_broker, &QLineEdit::returnPressed, this, &FleetPane::connectBroker);
  connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
  connect(m_deploy, &QPushButton::clicked, this, [this] { openDeployDialog(); });
  connect(m_rollback, &QPushButton::clicked, this, [this] { rollBackGroup(true); });
  connect(m_requirements, &QPushButton::clicked, this, &FleetPane::editRequirements);
  connect(m_tags, &QPushButton::clicked, this, &FleetPane::editTagsAndClass);
  connect(m_table, &QTableView::customContextMenuRequested, this, &FleetPane::showTableMenu);
  connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) {
            const FleetRow* row = m_model->row(m_proxy->mapToSource(current).row());
            if (row && row->id != m_currentDevice) {
              m_currentDevice = row->id;
              showDetail();
            }
          });
  connect(&m_workspace, &Workspace::projectChanged, this, [this] {
    m_currentDevice.clear();
    restartMonitor();
    m_dirty = true;
    refresh();
  });
  connect(&m_workspace, &Workspace::fleetChanged, this, [this] {
    m_dirty = true;
    refresh();
    showDetail();
  });
  connect(&m_workspace, &Workspace::modelsChanged, this, [this] { m_dirty = true; });
  connect(&JobManager::jobs(), &JobManager::jobFinished, this,
          [this](int id, JobState state, const QString& message) {
            if (id != m_rollbackJob) {
              // A rollout whose dialog was closed still ends here: show its history.
              m_dirty = true;
              showDetail();
              return;
            }
            m_rollbackJob = 0;
            m_rollback->setEnabled(true);
            setStatus(state == JobState::Succeeded ? tr("Rollback: %1").arg(message)
                                                   : tr("Rollback failed: %1").arg(message),
                      state != JobState::Succeeded);
            m_workspace.notifyFleetChanged();
          });

  m_poll = new QTimer(this);
  m_poll->setInterval(1000);
  connect(m_poll, &QTimer::timeout, this, &FleetPane::refresh);
  m_poll->start();
  retranslateUi();
  refresh();
  showDetail();
}

FleetPane::~FleetPane() = default;

DeployDialog* FleetPane::deployDialog() const {
  return m_deployDialog;
}

void FleetPane::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(event);
}

void FleetPane::retranslateUi() {
  m_brokerLabel->setText(tr("&Broker:"));
  m_brokerLabel->setBuddy(m_broker);
  m_broker->setToolTip(tr("The broker the devices report to (from the Capture pane's settings)"));
  m_connect->setText(isMonitoring() ? tr("Reconnect") : tr("&Connect"));
  m_filter->setPlaceholderText(tr("Filter devices, classes, tags, models (Ctrl+F)"));
  m_deploy->setText(tr("&Deploy…"));
  m_deploy->setToolTip(tr("Plan and run a staged rollout (Ctrl+D)"));
  m_rollback->setText(tr("&Roll back group"));
  m_rollback->setToolTip(
      tr("Give every device that got the model in the selected (or latest) deployment its "
         "previous model again"));
  m_requirements->setText(tr("Re&quirements…"));
  m_requirements->setToolTip(tr("Limits and objective per device class, used by the plan"));
  m_tags->setText(tr("&Tags and class…"));
  m_tags->setToolTip(tr("Edit the tags and class of the selected devices (Ctrl+T)"));
  m_pages->setTabText(0, tr("Devices"));
  m_pages->setTabText(1, tr("Placement"));
  m_pages->setTabToolTip(1,
                         tr("Simulate where deep learning tasks run: edge servers or the cloud"));
  m_tabs->setTabText(0, tr("Telemetry"));
  m_tabs->setTabText(1, tr("Deployments"));
  m_history->setHorizontalHeaderLabels({tr("Started"), tr("Kind"), tr("Stage"), tr("State"),
                                        tr("Model before → after"), tr("Deployment"),
                                        tr("Reason")});
  m_plot->graph(0)->setName(tr("latency p50 (ms)"));
  m_plot->graph(1)->setName(tr("latency p99 (ms)"));
  m_plot->graph(2)->setName(tr("CPU (%)"));
  m_plot->yAxis->setLabel(tr("latency (ms)"));
  m_plot->yAxis2->setLabel(tr("CPU (%)"));
  m_dirty = true;
  refresh();
  showDetail();
}

void FleetPane::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  if (m_autoConnectTried || m_monitor) return;
  m_autoConnectTried = true;
  const QUrl url(brokerUrl());
  const QString host = url.host();
  if (host == QLatin1String("127.0.0.1") || host == QLatin1String("localhost") ||
      host == QLatin1String("::1")) {
    QTimer::singleShot(0, this, [this] {
      if (m_monitor) return;
      m_quietConnect = true;
      connectBroker();
      m_quietConnect = false;
    });
  }
}

void FleetPane::setStatus(const QString& text, bool error) {
  m_lastStatus = text;
  m_status->setText(
      error ? QStringLiteral("<b style='color:#b00020'>%1</b>").arg(text.toHtmlEscaped())
            : text.toHtmlEscaped());
}

void FleetPane::setBrokerUrl(const QString& url) {
  m_broker->setText(url);
}

QString FleetPane::brokerUrl() const {
  return m_broker->text().trimmed();
}

bool FleetPane::isMonitoring() const {
  return m_monitor != nullptr;
}

void FleetPane::connectBroker() {
  restartMonitor();
  retranslateUi();
}

void FleetPane::restartMonitor() {
  const bool wanted =
      m_monitor != nullptr || sender() == m_connect || sender() == m_broker || sender() == nullptr;
  m_monitor.reset();
  m_seenGeneration = ~0ull;
  if (!wanted || brokerUrl().isEmpty()) return;
  inventory::FleetMonitorOptions o;
  o.brokerUrl = brokerUrl().toStdString();
  o.projectPath = m_workspace.project() ? m_workspace.projectPath().toStdString() : std::string();
  auto monitor = std::make_unique<inventory::FleetMonitor>(o);
  if (auto started = monitor->start(); !started) {
    m_connection->setStatus(QColor(0xb0, 0x00, 0x20), tr("not connected"));
    if (m_quietConnect)
      setStatus(tr("No broker at %1 yet; press Connect when it runs.").arg(brokerUrl()));
    else
      setStatus(qs(started.error().toString()), true);
    return;
  }
  m_monitor = std::move(monitor);
  m_connection->setStatus(QColor(0x2e, 0xa0, 0x43), tr("live"));
  setStatus(tr("Listening to device status and telemetry on %1").arg(brokerUrl()));
  m_dirty = true;
}

void FleetPane::refresh() {
  if (m_monitor) {
    const quint64 g = m_monitor->generation();
    if (g != m_seenGeneration) {
      m_seenGeneration = g;
      m_dirty = true;
    }
    if (!m_monitor->isConnected())
      m_connection->setStatus(QColor(0xd9, 0x7b, 0x00), tr("reconnecting"));
    else
      m_connection->setStatus(
          QColor(0x2e, 0xa0, 0x43),
          tr("live: %1 of %n device(s) online", nullptr, m_model->rowCount()).arg(m_onlineCount));
  } else {
    m_connection->setStatus(QColor(0xb0, 0xb0, 0xb0), tr("not connected"));
  }
  if (!m_dirty) {
    // Only "last seen" moves: repaint that column.
    if (m_model->rowCount() > 0)
      Q_EMIT m_model->dataChanged(
          m_model->index(0, FleetTableModel::LastSeen),
          m_model->index(m_model->rowCount() - 1, FleetTableModel::LastSeen));
    return;
  }
  m_dirty = false;
  store::Project* project = m_workspace.project();
  std::map<std::string, FleetRow> rows;
  std::map<std::string, inventory::LiveDevice> live;
  if (m_monitor)
    for (auto& d : m_monitor->snapshot()) live[d.record.id] = d;
  std::map<std::string, int> drift;
  if (project) {
    inventory::InventoryRepository repo(*project);
    if (auto alarms = repo.openDriftAlarms()) drift = *alarms;
    auto devices = repo.devices();
    if (!devices) {
      setStatus(qs(devices.error().toString()), true);
    } else {
      for (const auto& d : *devices) {
        FleetRow r;
        r.id = qs(d.id);
        r.deviceClass = qs(d.deviceClass);
        for (const auto& t : d.tags) r.tags << qs(t);
        r.lastSeenUs = d.lastSeenUs;
        r.hardware = hardwareText(d.hardwareJson);
        r.modelJson = qs(d.modelJson);
        r.model = modelText(d.modelJson);
        r.agentVersion = qs(d.agentVersion);
        r.keyId = qs(d.publicKey.substr(0, 16));
        r.changedKeyId = qs(d.changedKey.substr(0, 16));
        r.offlineReason = tr("not heard in this session");
        if (!live.count(d.id)) {
          if (auto t = repo.latestTelemetry(d.id); t && *t) {
            r.p50Us = (*t)->latencyP50Us;
            r.p99Us = (*t)->latencyP99Us;
            r.cpuPct = (*t)->cpuPct;
          }
        }
        rows[d.id] = r;
      }
    }
  }
  for (const auto& [id, d] : live) {
    FleetRow& r = rows[id];
    if (r.id.isEmpty()) {
      r.id = qs(id);
      r.deviceClass = qs(d.record.deviceClass);
      for (const auto& t : d.record.tags) r.tags << qs(t);
      r.hardware = hardwareText(d.record.hardwareJson);
    }
    r.live = true;
    r.online = d.online;
    r.offlineReason = qs(d.offlineReason);
    r.lastSeenUs = std::max<qint64>(r.lastSeenUs, d.lastHeardUs);
    if (d.record.modelJson != "null" || r.modelJson.isEmpty()) {
      r.modelJson = qs(d.record.modelJson);
      r.model = modelText(d.record.modelJson);
    }
    if (r.hardware.isEmpty()) r.hardware = hardwareText(d.record.hardwareJson);
    if (d.telemetry) {
      r.p50Us = d.telemetry->latencyP50Us;
      r.p99Us = d.telemetry->latencyP99Us;
      r.cpuPct = d.telemetry->cpuPct;
    }
  }
  std::vector<FleetRow> out;
  for (auto& [id, r] : rows) {
    const auto it = drift.find(id);
    r.driftAlarms = it == drift.end() ? 0 : it->second;
    out.push_back(std::move(r));
  }
  m_onlineCount = static_cast<int>(
      std::count_if(out.begin(), out.end(), [](const FleetRow& r) { return r.online; }));
  m_model->setRows(std::move(out));
  if (m_monitor && m_monitor->isConnected())
    m_connection->setStatus(
        QColor(0x2e, 0xa0, 0x43),
        tr("live: %1 of %n device(s) online", nullptr, m_model->rowCount()).arg(m_onlineCount));
  if (!project) {
    m_emptyState->setText(tr("Open a project to keep an inventory of devices and deploy to them."));
  } else if (m_model->rowCount() == 0) {
    m_emptyState->setText(
        m_monitor
            ? tr("No device has reported yet. Start edgewise-agent against %1.").arg(brokerUrl())
            : tr("Connect to the broker (Enter in the address field) to see devices live."));
  }
  m_emptyState->setVisible(!project || m_model->rowCount() == 0);
  m_deploy->setEnabled(project != nullptr);
  m_rollback->setEnabled(project != nullptr && m_rollbackJob == 0);
  m_requirements->setEnabled(project != nullptr);
  m_tags->setEnabled(project != nullptr && m_model->rowCount() > 0);
  if (!m_currentDevice.isEmpty()) {
    const int row = m_model->rowOf(m_currentDevice);
    if (row >= 0) {
      const FleetRow* r = m_model->row(row);
      m_detailTitle->setText(
          tr("<b>%1</b> — %2, agent %3, %4")
              .arg(r->id.toHtmlEscaped(),
                   r->online ? tr("online") : r->offlineReason.toHtmlEscaped(),
                   r->agentVersion.isEmpty() ? tr("unknown") : r->agentVersion.toHtmlEscaped(),
                   r->model.isEmpty() ? tr("no model") : r->model.toHtmlEscaped()) +
          (r->changedKeyId.isEmpty()
               ? QString()
               : QStringLiteral("<br><span style=\"color:#c0392b\">⚠ %1</span>")
                     .arg(FleetTableModel::keyChangedText(*r).toHtmlEscaped())));
    }
  }
}

void FleetPane::selectDevice(const QString& id) {
  const int row = m_model->rowOf(id);
  if (row < 0) return;
  const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, FleetTableModel::Device));
  m_table->selectionModel()->setCurrentIndex(
      index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  m_currentDevice = id;
  m_dirty = true;
  refresh();
  showDetail();
}

void FleetPane::showDetail() {
  store::Project* project = m_workspace.project();
  if (m_currentDevice.isEmpty() || !project) {
    m_detailTitle->setText(tr("Select a device to see its telemetry and deployments."));
    for (int g = 0; g < 3; ++g) m_plot->graph(g)->data()->clear();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    m_history->setRowCount(0);
    return;
  }
  inventory::InventoryRepository repo(*project);
  const int64_t now = util::wallClockUs();
  auto telemetry = repo.telemetry(m_currentDevice.toStdString(), now - 3600LL * 1000000,
                                  now + 60LL * 1000000, 3600);
  QVector<double> x, p50, p99, cpu;
  if (telemetry) {
    for (const auto& t : *telemetry) {
      const double sec = static_cast<double>(t.tsUs) / 1e6;
      if (t.latencyP50Us) {
        x.push_back(sec);
        p50.push_back(*t.latencyP50Us / 1000.0);
        p99.push_back(t.latencyP99Us.value_or(*t.latencyP50Us) / 1000.0);
      }
      if (t.cpuPct) cpu.push_back(*t.cpuPct);
    }
  }
  m_plot->graph(0)->setData(x, p50, true);
  m_plot->graph(1)->setData(x, p99, true);
  QVector<double> cpuX;
  if (telemetry)
    for (const auto& t : *telemetry)
      if (t.cpuPct) cpuX.push_back(static_cast<double>(t.tsUs) / 1e6);
  m_plot->graph(2)->setData(cpuX, cpu, true);
  if (x.isEmpty() && cpuX.isEmpty()) {
    m_plot->xAxis->setRange(static_cast<double>(now) / 1e6 - 600, static_cast<double>(now) / 1e6);
    m_plot->yAxis->setRange(0, 1);
    m_plot->yAxis2->setRange(0, 100);
  } else {
    m_plot->rescaleAxes();
    m_plot->yAxis->setRangeLower(0);
    m_plot->yAxis->scaleRange(1.1, m_plot->yAxis->range().center());
    m_plot->yAxis->setRangeLower(0);
    m_plot->yAxis2->setRange(0, std::max(10.0, m_plot->yAxis2->range().upper * 1.2));
  }
  m_plot->replot(QCustomPlot::rpQueuedReplot);

  m_history->setRowCount(0);
  auto history = repo.deviceHistory(m_currentDevice.toStdString());
  if (!history) {
    setStatus(qs(history.error().toString()), true);
    return;
  }
  m_history->setRowCount(static_cast<int>(history->size()));
  for (int r = 0; r < static_cast<int>(history->size()); ++r) {
    const auto& [dep, dev] = (*history)[static_cast<size_t>(r)];
    const auto item = [&](int c, const QString& text) {
      auto* it = new QTableWidgetItem(text);
      it->setData(Qt::UserRole, qs(dep.id));
      it->setToolTip(text);
      m_history->setItem(r, c, it);
    };
    item(0, QDateTime::fromMSecsSinceEpoch(dep.startedUs / 1000)
                .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    item(1, dep.kind == "rollback" ? tr("rollback") : tr("deploy"));
    item(2, dev.stage == "canary" ? tr("canary") : tr("rest"));
    item(3, qs(dev.state));
    const QString before = modelText(dev.modelBefore), after = modelText(dev.modelAfter);
    item(4, (before.isEmpty() ? tr("none") : before) + QStringLiteral(" → ") +
                (after.isEmpty() ? tr("none") : after));
    item(5, qs(dep.id));
    item(6, qs(dev.reason));
    const bool bad = deploy::isFailedOutcome(dev.state);
    if (bad) m_history->item(r, 3)->setForeground(QColor(0xb0, 0x00, 0x20));
    if (dev.state == "succeeded") m_history->item(r, 3)->setForeground(QColor(0x2e, 0x7d, 0x32));
  }
  m_history->resizeColumnsToContents();
}

QString FleetPane::rollbackTarget() const {
  if (auto* item = m_history->currentItem(); item && m_history->selectionModel()->hasSelection())
    return item->data(Qt::UserRole).toString();
  store::Project* project = m_workspace.project();
  if (!project) return {};
  inventory::InventoryRepository repo(*project);
  auto all = repo.deployments(50);
  if (!all) return {};
  for (const auto& d : *all)
    if (d.kind == "deploy") return qs(d.id);
  return {};
}

DeployDialog* FleetPane::openDeployDialog() {
  store::Project* project = m_workspace.project();
  if (!project) {
    setStatus(tr("Open a project first: deployments are signed with its key and recorded in it."),
              true);
    return nullptr;
  }
  if (m_deployDialog && m_deployDialog->isVisible()) {
    m_deployDialog->raise();
    m_deployDialog->activateWindow();
    return m_deployDialog;
  }
  std::vector<inventory::PlanDevice> devices;
  std::map<std::string, std::string> before;
  for (const FleetRow& r : m_model->rows()) {
    inventory::DeviceRecord rec;
    rec.id = r.id.toStdString();
    rec.deviceClass = r.deviceClass.toStdString();
    for (const auto& t : r.tags) rec.tags.push_back(t.toStdString());
    rec.agentVersion = r.agentVersion.toStdString();
    rec.modelJson = r.modelJson.isEmpty() ? std::string("null") : r.modelJson.toStdString();
    if (auto stored = inventory::InventoryRepository(*project).device(rec.id); stored && *stored)
      rec.hardwareJson = (*stored)->hardwareJson;
    devices.push_back(inventory::planDeviceFrom(rec, r.online));
    before[rec.id] = rec.modelJson;
  }
  if (!m_monitor)
    setStatus(tr("Not connected: every device counts as offline. Connect to the broker first."),
              true);
  m_deployDialog = new DeployDialog(m_workspace, brokerUrl(), devices, before, this);
  m_deployDialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(m_deployDialog, &DeployDialog::rolloutFinished, this, [this](const QString& id) {
    setStatus(tr("Rollout %1 finished; see each device's Deployments tab.").arg(id));
    m_workspace.notifyFleetChanged();
  });
  m_deployDialog->show();
  return m_deployDialog;
}

bool FleetPane::rollBackGroup(bool confirm) {
  if (m_rollbackJob != 0) return false;
  const QString target = rollbackTarget();
  if (target.isEmpty()) {
    setStatus(tr("Nothing to roll back: no deployment recorded yet."), true);
    return false;
  }
  std::vector<inventory::PlanEntry> skipped;
  auto assignments = inventory::rollbackAssignments(m_workspace.projectPath().toStdString(),
                                                    target.toStdString(), &skipped);
  if (!assignments) {
    setStatus(qs(assignments.error().toString()), true);
    return false;
  }
  if (assignments->empty()) {
    setStatus(tr("Nothing to roll back in %1: no device got the model, or none had a previous "
                 "one.")
                  .arg(target),
              true);
    return false;
  }
  if (confirm &&
      QMessageBox::question(this, tr("Roll back group"),
                            tr("Give %n device(s) of deployment %1 their previous model again?",
                               nullptr, static_cast<int>(assignments->size()))
                                .arg(target)) != QMessageBox::Yes)
    return false;
  inventory::RolloutRunOptions o;
  o.projectPath = m_workspace.projectPath().toStdString();
  o.brokerUrl = brokerUrl().toStdString();
  const std::string id = target.toStdString();
  m_rollbackJob = JobManager::jobs().start(
      tr("Roll back %1").arg(target), [o, id](JobContext& context) -> Result<QString> {
        std::atomic<bool> cancel{false};
        auto opts = o;
        opts.progress = [&](const inventory::DeviceProgress& p) {
          if (context.isCancelled()) cancel = true;
          context.setProgress(p.fraction, QString::fromStdString(p.device + ": " + p.state));
        };
        auto r = inventory::rollbackDeployment(id, opts, &cancel);
        if (!r) return r.error();
        return FleetPane::tr("%1 (%2): %3 devices back on their previous model, %4 not")
            .arg(QString::fromStdString(r->report.deployment), QString::fromStdString(r->state))
            .arg(r->report.succeeded)
            .arg(r->report.targeted - r->report.succeeded);
      });
  m_rollback->setEnabled(false);
  setStatus(tr("Rolling back %1…").arg(target));
  return true;
}

void FleetPane::editRequirements() {
  store::Project* project = m_workspace.project();
  if (!project) return;
  RequirementsDialog dialog(*project, this);
  if (dialog.exec() == QDialog::Accepted) {
    setStatus(tr("Requirements saved; the next plan uses them."));
    m_workspace.notifyFleetChanged();
  }
}

void FleetPane::editTagsAndClass() {
  store::Project* project = m_workspace.project();
  if (!project) return;
  QStringList ids;
  for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
    if (const FleetRow* r = m_model->row(m_proxy->mapToSource(index).row())) ids << r->id;
  if (ids.isEmpty() && !m_currentDevice.isEmpty()) ids << m_currentDevice;
  if (ids.isEmpty()) {
    setStatus(tr("Select one or more devices first."), true);
    return;
  }
  const FleetRow* first = m_model->row(m_model->rowOf(ids.first()));
  QDialog dialog(this);
  dialog.setWindowTitle(tr("Tags and class of %n device(s)", nullptr, ids.size()));
  auto* cls = new QLineEdit(first ? first->deviceClass : QString(), &dialog);
  auto* tags = new QLineEdit(first ? first->tags.join(QStringLiteral(", ")) : QString(), &dialog);
  tags->setPlaceholderText(tr("comma separated, e.g. line-1, canary"));
  auto* form = new QFormLayout(&dialog);
  form->addRow(tr("Device class:"), cls);
  form->addRow(tr("Tags:"), tags);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
  form->addRow(buttons);
  connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  if (dialog.exec() != QDialog::Accepted) return;
  inventory::InventoryRepository repo(*project);
  const auto tagList = inventory::splitTags(tags->text().toStdString());
  auto written = project->transaction([&]() -> Result<void> {
    for (const QString& id : ids) {
      if (auto d = repo.device(id.toStdString()); d && !*d) {
        inventory::DeviceRecord rec;  // heard live but not stored yet
        rec.id = id.toStdString();
        rec.firstSeenUs = rec.lastSeenUs = util::wallClockUs();
        EW_TRY(repo.upsertDevice(rec));
      }
      EW_TRY(repo.setDeviceClass(id.toStdString(), cls->text().trimmed().toStdString()));
      EW_TRY(repo.setTags(id.toStdString(), tagList));
    }
    return okResult();
  });
  if (!written) {
    setStatus(qs(written.error().toString()), true);
    return;
  }
  m_workspace.notifyFleetChanged();
}

void FleetPane::showTableMenu(const QPoint& pos) {
  const QModelIndex index = m_table->indexAt(pos);
  const FleetRow* row = index.isValid() ? m_model->row(m_proxy->mapToSource(index).row()) : nullptr;
  QMenu menu(this);
  if (row) {
    const QString id = row->id;
    QAction* accept = menu.addAction(tr("Accept the new identity key of %1").arg(id));
    accept->setEnabled(!row->changedKeyId.isEmpty());
    accept->setToolTip(row->changedKeyId.isEmpty() ? tr("The device's identity key is unchanged")
                                                   : FleetTableModel::keyChangedText(*row));
    connect(accept, &QAction::triggered, this, [this, id] { acceptNewIdentityKey(id); });
  }
  QAction* tags = menu.addAction(m_tags->text());
  tags->setEnabled(m_tags->isEnabled());
  connect(tags, &QAction::triggered, this, &FleetPane::editTagsAndClass);
  menu.exec(m_table->viewport()->mapToGlobal(pos));
}

bool FleetPane::acceptNewIdentityKey(const QString& id) {
  store::Project* project = m_workspace.project();
  if (!project) return false;
  const int r = m_model->rowOf(id);
  const QString newKey = r >= 0 ? m_model->row(r)->changedKeyId : QString();
  auto accepted = inventory::InventoryRepository(*project).acceptChangedKey(id.toStdString());
  if (!accepted) {
    setStatus(qs(accepted.error().toString()), true);
    return false;
  }
  if (!*accepted) {
    setStatus(tr("%1 has no changed identity key to accept.").arg(id), true);
    return false;
  }
  setStatus(tr("Accepted the new identity key %1 of %2: its deploy states are checked against "
               "it from now on.")
                .arg(newKey, id));
  m_workspace.notifyFleetChanged();
  m_dirty = true;
  refresh();
  return true;
}

}  // namespace edgewise::gui
