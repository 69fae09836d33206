// Qt Test for the Fleet pane with a real Mosquitto broker, real edgewise-agent processes and a
// real project: the inventory fills from the agents' retained status (one agent stopped shows
// offline), class/tags edited in the project appear, stored telemetry is plotted, an open drift
// alarm is flagged; the deploy dialog plans per device class (best effort vs low latency),
// runs a canary rollout to 100 % on every device, a second rollout is rolled back as a group
// and every device reports its previous model's sha again. Screenshots under
// $EDGEWISE_SCREENSHOT_DIR. The Placement page runs the paper's Figure 3 sweeps as a job and plots
// exactly what core/placement computes for the same seed.

#include <QApplication>
#include <QColor>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QProcess>
#include <QProgressBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <random>

#include "app/workbench/jobs/job_manager.h"
#include "app/workbench/language.h"
#include "app/workbench/panes/fleet/deploy_dialog.h"
#include "app/workbench/panes/fleet/fleet_pane.h"
#include "app/workbench/panes/fleet/fleet_table_model.h"
#include "app/workbench/panes/fleet/placement_view.h"
#include "app/workbench/panes/fleet/requirements_dialog.h"
#include "app/workbench/widgets/qcustomplot_include.h"
#include "app/workbench/workspace.h"
#include "core/deploy/deployer.h"
#include "core/deploy/signing.h"
#include "core/inventory/inventory_repository.h"
#include "core/inventory/rollout_runner.h"
#include "core/placement/simulation.h"
#include "core/store/project.h"
#include "core/training/service/model_factory.h"
#include "core/training/service/model_registry.h"
#include "core/util/clock.h"
#include "core/util/local_broker.h"
#include "tests/app/gui_test_util.h"
#include "tests/deploy/agent_fixture.h"

#include <sqlite3.h>

using namespace edgewise;
using namespace edgewise::gui;
using edgewise::test::screenshotDir;

namespace {

int64_t storeModel(store::Project& project, const QString& dir, const std::string& name,
                   uint64_t seed, double accuracy, double p50Us, std::optional<int64_t> parent,
                   const std::string& details) {
  auto model = training::createClassifier("knn", {{"k", "3"}}, seed, {8});
  if (!model) return 0;
  std::mt19937 rng(static_cast<uint32_t>(seed));
  std::normal_distribution<float> normal;
  cv::Mat X(60, 8, CV_32F);
  std::vector<int> y(60);
  for (int r = 0; r < 60; ++r) {
    y[static_cast<size_t>(r)] = r % 3;
    for (int c = 0; c < 8; ++c) X.at<float>(r, c) = normal(rng) + (c == r % 3 ? 2.0f : 0.0f);
  }
  if (!(*model)->train(X, y, 3).ok()) return 0;
  const std::string path =
      QString(dir + QStringLiteral("/") + QString::fromStdString(name)).toStdString();
  if (!(*model)->save(path).ok()) return 0;
  training::ModelRecord rec;
  rec.name = name;
  rec.family = "knn";
  rec.inputShape = {8};
  rec.classNames = {"walk", "run", "sit"};
  rec.metrics.accuracy = accuracy;
  rec.latencyP50Us = p50Us;
  rec.latencyP99Us = p50Us * 2.5;
  rec.parentId = parent;
  if (parent) rec.origin = "compressed";
  rec.details = details;
  training::ModelRegistry registry(project);
  auto id = registry.add(rec, path);
  return id.valueOr(0);
}

void grab(QWidget* w, const QString& name) {
  QApplication::processEvents();
  QTest::qWait(300);
  QApplication::processEvents();
  const QString path = screenshotDir() + QStringLiteral("/") + name;
  QVERIFY2(w->grab().save(path), qPrintable(path));
}

std::map<std::string, std::string> reportedSha(const std::string& broker) {
  std::map<std::string, std::string> out;
  auto devices = deploy::discoverDevices(broker, 0.5);
  if (devices)
    for (const auto& d : *devices) out[d.id] = inventory::sha256Of(d.modelJson);
  return out;
}

}  // namespace

class FleetPaneTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initTestCase();
  void cleanupTestCase();
  void inventoryDeployAndRollback();
  void identityKeyChange();
  void placementSimulation();
  void placementNumbersFollowTheLanguage();

 private:
  QTemporaryDir m_dir;
  std::unique_ptr<QTemporaryDir> m_settingsDir;
  util::LocalBroker m_broker;
  QString m_projectPath;
  int64_t m_modelA = 0, m_variant = 0, m_modelB = 0;
  std::vector<std::unique_ptr<QProcess>> m_agents;
};

void FleetPaneTest::initTestCase() {
  m_settingsDir = std::make_unique<QTemporaryDir>();
  QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir->path());
  QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir->path());
  QVERIFY(m_broker.start().ok());
  m_projectPath = m_dir.filePath(QStringLiteral("fleet.edgewise"));
  auto project = store::Project::open(m_projectPath.toStdString());
  QVERIFY(project.ok());
  m_modelA = storeModel(**project, m_dir.path(), "mlp-imu", 1, 0.95, 2400, std::nullopt, "{}");
  QVERIFY(m_modelA > 0);
  m_variant = storeModel(
      **project, m_dir.path(), "mlp-imu-int8", 2, 0.91, 300, m_modelA,
      R"({"recipe":"int8","accuracy":0.91,"latency_us":{"p50":300,"p99":650},"peak_rss_bytes":9437184,"size_bytes":40000})");
  QVERIFY(m_variant > 0);
  m_modelB = storeModel(**project, m_dir.path(), "cnn-imu", 3, 0.96, 1500, std::nullopt, "{}");
  QVERIFY(m_modelB > 0);
  inventory::InventoryRepository repo(**project);
  inventory::Requirement gw;
  gw.deviceClass = "imu-gateway";
  gw.maxLatencyMs = 10;
  gw.minAccuracy = 0.9;
  QVERIFY(repo.upsertRequirement(gw).ok());
  inventory::Requirement pi;
  pi.deviceClass = "imu-pi";
  pi.objective = "low_latency";
  pi.maxRamKb = 32 * 1024;
  QVERIFY(repo.upsertRequirement(pi).ok());
  auto key = deploy::loadOrCreateProjectKey(m_projectPath.toStdString());
  QVERIFY(key.ok());
  const QString pub =
      QString::fromStdString(deploy::projectKeyPath(m_projectPath.toStdString()) + ".pub");
  auto agents = deploy_test::startDeployAgents(m_broker.url(), QStringLiteral("imu-"), 4,
                                               m_dir.filePath(QStringLiteral("state")), pub);
  QVERIFY(agents);
  m_agents.push_back(std::move(agents));
  auto gone = deploy_test::startDeployAgents(m_broker.url(), QStringLiteral("cam-"), 1,
                                             m_dir.filePath(QStringLiteral("state")), pub);
  QVERIFY(gone);
  m_agents.push_back(std::move(gone));
  QVERIFY(deploy_test::waitForOnline(m_broker.url(), 5));
}

void FleetPaneTest::cleanupTestCase() {
  for (auto& a : m_agents) {
    a->terminate();
    a->waitForFinished(15000);
  }
}

void FleetPaneTest::inventoryDeployAndRollback() {
  JobManager jobs;
  Workspace workspace;
  QVERIFY(workspace.openProject(m_projectPath, false).ok());
  FleetPane pane(workspace);
  pane.resize(1280, 820);
  pane.setBrokerUrl(QString::fromStdString(m_broker.url()));
  pane.show();
  pane.connectBroker();
  QVERIFY2(pane.isMonitoring(), qPrintable(pane.statusText()));
  FleetTableModel* model = pane.model();
  const auto onlineCount = [&] {
    int n = 0;
    for (const auto& r : model->rows()) n += r.online ? 1 : 0;
    return n;
  };
  QTRY_COMPARE_WITH_TIMEOUT(onlineCount(), 5, 10000);

  // A device that stops cleanly says so in its retained status: offline at once.
  m_agents[1]->terminate();
  QVERIFY(m_agents[1]->waitForFinished(15000));
  QTRY_COMPARE_WITH_TIMEOUT(onlineCount(), 4, 10000);
  const FleetRow* cam = model->row(model->rowOf(QStringLiteral("cam-0001")));
  QVERIFY(cam && !cam->online);

  // The user's classes and tags, stored telemetry and an open drift alarm.
  {
    store::Project& p = *workspace.project();
    inventory::InventoryRepository repo(p);
    QTRY_COMPARE_WITH_TIMEOUT(static_cast<int>(repo.devices()->size()), 5, 5000);
    for (const char* id : {"imu-0001", "imu-0002", "imu-0004"}) {
      QVERIFY(repo.setDeviceClass(id, "imu-gateway").ok());
      QVERIFY(repo.setTags(id, {"line-1", "hall-a"}).ok());
    }
    QVERIFY(repo.setDeviceClass("imu-0003", "imu-pi").ok());
    QVERIFY(repo.setTags("imu-0003", {"line-2"}).ok());
    QVERIFY(repo.setDeviceClass("cam-0001", "cam-pi").ok());
    std::vector<inventory::TelemetryRow> rows;
    std::mt19937 rng(7);
    std::normal_distribution<double> noise;
    const int64_t now = util::wallClockUs();
    for (int i = 0; i < 120; ++i) {
      inventory::TelemetryRow t;
      t.deviceId = "imu-0001";
      t.tsUs = now - (120 - i) * 5'000'000LL;
      const double load = i > 80 ? 1.6 : 1.0;  // a busier last quarter
      t.latencyP50Us = (180 + 10 * noise(rng)) * load;
      t.latencyP99Us = (420 + 40 * noise(rng)) * load;
      t.cpuPct = (3.0 + 0.4 * noise(rng)) * load;
      t.rssKb = 41000;
      t.predictionsPerS = 50;
      t.queueDepth = 0;
      rows.push_back(t);
    }
    QVERIFY(repo.insertTelemetry(rows).ok());
    QCOMPARE(
        sqlite3_exec(p.handle(),
                     "INSERT INTO drift_alarms(device_id, feature, test, statistic, p_value, "
                     "window_start_us, window_end_us, created_us) VALUES('imu-0002', 'ax_mean', "
                     "'ks', 0.41, 0.0001, 1, 2, 3)",
                     nullptr, nullptr, nullptr),
        SQLITE_OK);
  }
  workspace.notifyFleetChanged();
  const int row2 = model->rowOf(QStringLiteral("imu-0002"));
  QVERIFY(row2 >= 0);
  QCOMPARE(model->data(model->index(row2, FleetTableModel::Drift), Qt::DisplayRole).toString(),
           QStringLiteral("1"));
  QCOMPARE(model->data(model->index(row2, FleetTableModel::Class), Qt::DisplayRole).toString(),
           QStringLiteral("imu-gateway"));
  QCOMPARE(model->data(model->index(row2, FleetTableModel::Tags), Qt::DisplayRole).toString(),
           QStringLiteral("line-1, hall-a"));
  pane.selectDevice(QStringLiteral("imu-0001"));
  QCOMPARE(pane.latencyPlot()->graph(0)->dataCount(), 120);
  QCOMPARE(pane.latencyPlot()->graph(2)->dataCount(), 120);
  // The table shows the latest heartbeat of a device the monitor has no heartbeat of.
  const int row1 = model->rowOf(QStringLiteral("imu-0001"));
  QVERIFY(!model->data(model->index(row1, FleetTableModel::P50), Qt::DisplayRole)
               .toString()
               .isEmpty() ||
          model->row(row1)->live);
  // Filter: tags, classes and ids.
  auto* filter = pane.findChild<QLineEdit*>(QStringLiteral("fleetFilter"));
  filter->setText(QStringLiteral("line-2"));
  QCOMPARE(pane.proxy()->rowCount(), 1);
  filter->setText(QStringLiteral("gateway"));
  QCOMPARE(pane.proxy()->rowCount(), 3);
  filter->clear();
  QCOMPARE(pane.proxy()->rowCount(), 5);
  pane.selectDevice(QStringLiteral("imu-0001"));
  QCOMPARE(pane.currentDevice(), QStringLiteral("imu-0001"));
  QVERIFY2(pane.latencyPlot()->graph(0)->dataCount() >= 120, qPrintable(pane.statusText()));
  grab(&pane, QStringLiteral("fleet_pane.png"));

  // Deploy: the plan picks per class; the camera is offline.
  DeployDialog* dialog = pane.openDeployDialog();
  QVERIFY(dialog);
  auto* modelCombo = dialog->findChild<QComboBox*>(QStringLiteral("deployModel"));
  modelCombo->setCurrentIndex(modelCombo->findData(QVariant::fromValue<qint64>(m_modelA)));
  QVERIFY(modelCombo->currentIndex() >= 0);
  dialog->plan();
  const inventory::Plan& plan = dialog->currentPlan();
  QCOMPARE(static_cast<int>(plan.entries.size()), 5);
  QCOMPARE(plan.deployCount(), 4);
  for (const auto& e : plan.entries) {
    if (e.device == "cam-0001") {
      QCOMPARE(QString::fromStdString(e.reason), QStringLiteral("not online"));
    } else if (e.device == "imu-0003") {  // imu-pi: low latency -> the int8 variant
      QCOMPARE(*e.modelId, m_variant);
    } else {  // imu-gateway: best effort within 10 ms -> the float model
      QCOMPARE(*e.modelId, m_modelA);
    }
  }
  dialog->resize(1100, 520);
  grab(dialog, QStringLiteral("fleet_deploy_plan.png"));
  dialog->findChild<QSpinBox*>(QStringLiteral("deployCanary"))->setValue(25);
  dialog->findChild<QDoubleSpinBox*>(QStringLiteral("deployHealthWait"))->setValue(0.5);
  QVERIFY(dialog->startRollout());
  QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 90000);
  QVERIFY2(dialog->statusText().contains(QStringLiteral("succeeded, 4 succeeded")),
           qPrintable(dialog->statusText()));
  auto* planTable = dialog->findChild<QTableWidget*>(QStringLiteral("deployPlanTable"));
  int full = 0;
  for (int r = 0; r < planTable->rowCount(); ++r) {
    auto* bar = qobject_cast<QProgressBar*>(planTable->cellWidget(r, 4));
    if (bar && bar->value() == 100 &&
        planTable->item(r, 5)->text().contains(QStringLiteral("succeeded")))
      ++full;
  }
  QCOMPARE(full, 4);
  grab(dialog, QStringLiteral("fleet_deploy_done.png"));
  const QString first = dialog->deploymentId();
  dialog->close();
  const auto shaAfterFirst = reportedSha(m_broker.url());
  QVERIFY(!shaAfterFirst.at("imu-0001").empty());
  QVERIFY(shaAfterFirst.at("imu-0003") != shaAfterFirst.at("imu-0001"));  // the variant

  // A second model to the gateways, then "Roll back group": they run the first one again.
  QTRY_VERIFY_WITH_TIMEOUT(onlineCount() == 4, 5000);
  dialog = pane.openDeployDialog();
  QVERIFY(dialog);
  modelCombo = dialog->findChild<QComboBox*>(QStringLiteral("deployModel"));
  modelCombo->setCurrentIndex(modelCombo->findData(QVariant::fromValue<qint64>(m_modelB)));
  dialog->findChild<QComboBox*>(QStringLiteral("deployClass"))
      ->setCurrentText(QStringLiteral("imu-gateway"));
  dialog->plan();
  QCOMPARE(dialog->currentPlan().deployCount(), 3);
  dialog->findChild<QSpinBox*>(QStringLiteral("deployCanary"))->setValue(0);
  QVERIFY(dialog->startRollout());
  QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 90000);
  const QString second = dialog->deploymentId();
  QVERIFY(second != first);
  dialog->close();
  const auto shaB = reportedSha(m_broker.url());
  QVERIFY(shaB.at("imu-0001") != shaAfterFirst.at("imu-0001"));
  QCOMPARE(shaB.at("imu-0003"), shaAfterFirst.at("imu-0003"));  // not selected

  QCOMPARE(pane.rollbackTarget(), second);
  QVERIFY(pane.rollBackGroup(false));
  QTRY_VERIFY_WITH_TIMEOUT(pane.rollbackJob() == 0, 90000);
  QVERIFY2(pane.statusText().contains(QStringLiteral("3 devices back")),
           qPrintable(pane.statusText()));
  const auto shaBack = reportedSha(m_broker.url());
  for (const char* id : {"imu-0001", "imu-0002", "imu-0004"})
    QCOMPARE(shaBack.at(id), shaAfterFirst.at(id));

  // History of one gateway: deploy, deploy, rollback (newest first).
  pane.selectDevice(QStringLiteral("imu-0002"));
  QTRY_COMPARE_WITH_TIMEOUT(pane.historyTable()->rowCount(), 3, 5000);
  QCOMPARE(pane.historyTable()->item(0, 1)->text(), QStringLiteral("rollback"));
  QCOMPARE(pane.historyTable()->item(0, 3)->text(), QStringLiteral("succeeded"));
  QCOMPARE(pane.historyTable()->item(2, 1)->text(), QStringLiteral("deploy"));
  QCOMPARE(pane.historyTable()->item(2, 2)->text(),
           QStringLiteral("rest"));  // imu-0001 was the canary
  auto* tabs = pane.findChild<QTabWidget*>();
  tabs->setCurrentIndex(1);
  grab(&pane, QStringLiteral("fleet_history.png"));
  tabs->setCurrentIndex(0);
  pane.selectDevice(QStringLiteral("imu-0001"));
  grab(&pane, QStringLiteral("fleet_pane_detail.png"));

  RequirementsDialog requirements(*workspace.project(), &pane);
  QCOMPARE(requirements.table()->rowCount(), 2);
  requirements.show();
  grab(&requirements, QStringLiteral("fleet_requirements.png"));
  requirements.addRow();
  requirements.table()->item(2, 0)->setText(QStringLiteral("cam-pi"));
  requirements.table()->item(2, 1)->setText(QStringLiteral("not a number"));
  QVERIFY(!requirements.save());
  requirements.table()->item(2, 1)->setText(QStringLiteral("0.8"));
  QVERIFY(requirements.save());
  inventory::InventoryRepository repo(*workspace.project());
  QCOMPARE(static_cast<int>(repo.requirements()->size()), 3);
}

// A device that announces another identity key than the pinned one is shown as a warning
// (red id, tooltip, detail) until the user accepts the key (docs/deploy_protocol.md, "Trust").
void FleetPaneTest::identityKeyChange() {
  Workspace workspace;
  QVERIFY(workspace.openProject(m_projectPath, false).ok());
  FleetPane pane(workspace);
  pane.resize(1280, 820);
  pane.show();
  inventory::InventoryRepository repo(*workspace.project());
  auto before = repo.device("cam-0001");
  QVERIFY(before.ok() && before->has_value());
  const std::string pinned = (*before)->publicKey;
  QCOMPARE(static_cast<int>(pinned.size()), 64);  // pinned from its status by the monitor
  QCOMPARE(QString::fromStdString((*before)->changedKey), QString());
  // The status of a device that came back with a new key (the monitor stores it so).
  inventory::DeviceRecord seen = **before;
  seen.publicKey = std::string(64, 'e');
  QVERIFY(repo.upsertDevice(seen).ok());
  workspace.notifyFleetChanged();
  pane.refresh();
  FleetTableModel* model = pane.model();
  const int row = model->rowOf(QStringLiteral("cam-0001"));
  QVERIFY(row >= 0);
  QCOMPARE(model->row(row)->changedKeyId, QStringLiteral("eeeeeeeeeeeeeeee"));
  QCOMPARE(model->row(row)->keyId, QString::fromStdString(pinned.substr(0, 16)));
  const QString tip =
      model->data(model->index(row, FleetTableModel::Device), Qt::ToolTipRole).toString();
  QVERIFY2(tip.startsWith(QStringLiteral("Identity key changed: the device now announces key "
                                         "eeeeeeeeeeeeeeee instead of ") +
                          QString::fromStdString(pinned.substr(0, 16))),
           qPrintable(tip));
  QCOMPARE(
      model->data(model->index(row, FleetTableModel::Device), Qt::ForegroundRole).value<QColor>(),
      QColor(0xc0, 0x39, 0x2b));
  pane.selectDevice(QStringLiteral("cam-0001"));
  auto* title = pane.findChild<QLabel*>(QStringLiteral("fleetDetailTitle"));
  QVERIFY(title);
  QVERIFY2(title->text().contains(QStringLiteral("Identity key changed")),
           qPrintable(title->text()));
  grab(&pane, QStringLiteral("fleet_key_changed.png"));

  QVERIFY(pane.acceptNewIdentityKey(QStringLiteral("cam-0001")));
  auto after = repo.device("cam-0001");
  QVERIFY(after.ok() && after->has_value());
  QCOMPARE(QString::fromStdString((*after)->publicKey), QString(64, QLatin1Char('e')));
  QCOMPARE(QString::fromStdString((*after)->changedKey), QString());
  const int row2 = model->rowOf(QStringLiteral("cam-0001"));
  QCOMPARE(model->row(row2)->changedKeyId, QString());
  QVERIFY(!title->text().contains(QStringLiteral("Identity key changed")));
  QVERIFY(!pane.acceptNewIdentityKey(QStringLiteral("cam-0001")));  // nothing left to accept
}

namespace {

// Runs the view's simulation as a job and waits for it.
bool runPlacement(PlacementView& view) {
  QSignalSpy done(&view, &PlacementView::finished);
  if (view.run() == 0) return false;
  if (!done.wait(60000)) return false;
  return done.first().first().toBool();
}

}  // namespace

void FleetPaneTest::placementSimulation() {
  JobManager jobs;
  Workspace workspace;
  FleetPane pane(workspace);
  PlacementView* view = pane.placementView();
  QVERIFY(view);
  pane.pages()->setCurrentWidget(view);
  auto profiles = builtinPlacementProfiles();
  QVERIFY2(profiles.ok(), profiles.ok() ? "" : profiles.error().toString().c_str());
  QCOMPARE(profiles->size(), size_t{18});

  // A small instance: 5 servers saturate well before 120 tasks, so the algorithms differ.
  PlacementSweepSpec small;
  small.tasks = 120;
  small.edgeCounts = {3, 5, 7};
  small.edges = 5;
  small.taskCounts = {40, 80, 120};
  small.seeds = {3};
  view->setSpec(small);
  QCOMPARE(view->spec().edgeCounts, small.edgeCounts);
  QCOMPARE(view->spec().taskCounts, small.taskCounts);
  QVERIFY(runPlacement(*view));
  QVERIFY(view->hasResult());

  const std::vector<std::string> plotted = {"offline", "online",  "fixed-1", "fixed-2", "fixed-3",
                                            "fixed-4", "fixed-5", "fifo",    "lbf"};
  const auto check = [&](QCustomPlot* plot, const std::vector<int>& xs, bool sweepEdges) {
    QCOMPARE(plot->graphCount(), static_cast<int>(plotted.size()));
    bool anyDifference = false;
    for (size_t p = 0; p < xs.size(); ++p) {
      placement::SimulationConfig config;
      config.tasks = sweepEdges ? small.tasks : xs[p];
      config.edges = sweepEdges ? xs[p] : small.edges;
      config.seed = 3;
      auto direct = placement::simulate(config, *profiles);
      QVERIFY(direct.ok());
      for (size_t g = 0; g < plotted.size(); ++g) {
        const auto* a = direct->find(plotted[g]);
        QVERIFY(a);
        const auto data = plot->graph(static_cast<int>(g))->data();
        QCOMPARE(data->size(), static_cast<int>(xs.size()));
        QCOMPARE(data->at(static_cast<int>(p))->key, double(xs[p]));
        QCOMPARE(data->at(static_cast<int>(p))->value, double(a->deployed));
      }
      const int offline = direct->find("offline")->deployed;
      for (int k = 1; k <= 5; ++k)
        QVERIFY2(offline >= direct->find("fixed-" + std::to_string(k))->deployed,
                 qPrintable(QStringLiteral("fixed-%1 beats offline at %2").arg(k).arg(xs[p])));
      if (offline != direct->find("fifo")->deployed) anyDifference = true;
      // The table row of this point: offline is column 2.
      const int row = static_cast<int>(sweepEdges ? p : small.edgeCounts.size() + p);
      QCOMPARE(view->table()->item(row, 2)->text(), QLocale().toString(offline));
    }
    QVERIFY2(anyDifference, "offline and FIFO never differ: the instance is too easy to test");
  };
  check(view->edgesPlot(), small.edgeCounts, true);
  check(view->tasksPlot(), small.taskCounts, false);
  QCOMPARE(view->table()->rowCount(), 6);

  // Cancel: a long run ends Cancelled and keeps the previous result.
  PlacementSweepSpec big;
  big.tasks = 1000;
  big.edgeCounts = {20, 30, 40, 50, 60, 70, 80, 90};
  big.taskCounts = {200, 400, 600, 800, 1000};
  big.seeds = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
  view->setSpec(big);
  QSignalSpy ended(view, &PlacementView::finished);
  const int id = view->run();
  QVERIFY(id > 0);
  QTRY_VERIFY_WITH_TIMEOUT(JobManager::jobs().job(id)->state == JobState::Running, 20000);
  view->cancel();
  QVERIFY(ended.wait(60000));
  QCOMPARE(ended.first().first().toBool(), false);
  QCOMPARE(JobManager::jobs().job(id)->state, JobState::Cancelled);
  QCOMPARE(view->result().tasks, 120);

  // The defaults reproduce the figure in one click: 1,000 tasks, 20-90 servers, seed 1.
  view->setSpec(PlacementSweepSpec{});
  QVERIFY(runPlacement(*view));
  const PlacementSweepResult& r = view->result();
  for (size_t p = 0; p < r.edgeCounts.size(); ++p)
    for (int k = 1; k <= 5; ++k)
      QVERIFY(r.byEdges.at("offline")[p] >= r.byEdges.at("fixed-" + std::to_string(k))[p]);
  for (size_t p = 0; p < r.taskCounts.size(); ++p)
    if (r.taskCounts[p] >= 600) {
      QVERIFY(r.byTasks.at("online")[p] > r.byTasks.at("fifo")[p]);
      QVERIFY(r.byTasks.at("online")[p] > r.byTasks.at("lbf")[p]);
    }
  pane.resize(1400, 900);
  pane.show();
  QVERIFY(QTest::qWaitForWindowExposed(&pane));
  grab(&pane, QStringLiteral("fleet_placement.png"));

  // German: every string translated, the page still lays out (longer labels).
  QTranslator german;
  if (german.load(QStringLiteral(":/i18n/edgewise_de"))) {
    QApplication::installTranslator(&german);
    QApplication::processEvents();
    QCOMPARE(pane.pages()->tabText(1), QStringLiteral("Platzierung"));
    grab(&pane, QStringLiteral("fleet_placement_de.png"));
    QApplication::removeTranslator(&german);
  }
}

// The Placement page's numbers follow the UI language, not the system locale: 1.000 in German
// in the spin boxes, the table, the plot titles and tick labels and the summary.
void FleetPaneTest::placementNumbersFollowTheLanguage() {
  JobManager jobs;
  Workspace workspace;
  FleetPane pane(workspace);
  PlacementView* view = pane.placementView();
  pane.pages()->setCurrentWidget(view);
  PlacementSweepSpec spec;
  spec.tasks = 1000;
  spec.edgeCounts = {4};
  spec.edges = 4;
  spec.taskCounts = {1000};
  spec.seeds = {2};
  view->setSpec(spec);
  QVERIFY(runPlacement(*view));
  auto* tasks = view->findChild<QSpinBox*>(QStringLiteral("placementTasks"));
  QVERIFY(tasks);
  auto* title = qobject_cast<QCPTextElement*>(view->edgesPlot()->plotLayout()->element(0, 0));
  QVERIFY(title);
  QCOMPARE(view->table()->item(0, 0)->text(), QStringLiteral("1,000"));

  LanguageManager language;
  QVERIFY(language.setLanguage(QStringLiteral("de")));
  QApplication::processEvents();
  QCOMPARE(view->table()->item(0, 0)->text(), QStringLiteral("1.000"));
  QCOMPARE(view->table()->item(1, 0)->text(), QStringLiteral("1.000"));
  QCOMPARE(tasks->text(), QStringLiteral("1.000"));
  QVERIFY2(title->text().contains(QStringLiteral("(1.000 ")), qPrintable(title->text()));
  QVERIFY2(view->statusText().contains(QStringLiteral(" 1.000 ")), qPrintable(view->statusText()));
  QCOMPARE(view->tasksPlot()->locale().groupSeparator(), QStringLiteral("."));
  view->tasksPlot()->replot(QCustomPlot::rpImmediateRefresh);
  const QStringList ticks = view->tasksPlot()->xAxis->tickVectorLabels();
  QVERIFY2(ticks.contains(QStringLiteral("1.000")), qPrintable(ticks.join(u' ')));
  pane.resize(1400, 900);
  pane.show();
  QVERIFY(QTest::qWaitForWindowExposed(&pane));
  grab(&pane, QStringLiteral("fleet_placement_numbers_de.png"));

  QVERIFY(language.setLanguage(QStringLiteral("en")));
  QApplication::processEvents();
  QCOMPARE(view->table()->item(0, 0)->text(), QStringLiteral("1,000"));
  QCOMPARE(tasks->text(), QStringLiteral("1,000"));
}

QTEST_MAIN(FleetPaneTest)
#include "fleet_pane_test.moc"
