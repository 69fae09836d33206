// Rollouts and the live inventory end to end: real edgewise-agent processes against a real
// Mosquitto broker, models stored in a real project (OpenCV kNN trained here), history read
// back from the project's fleet tables.

#include <gtest/gtest.h>

#include <signal.h>

#include <mqtt/async_client.h>
#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "core/deploy/deployer.h"
#include "core/deploy/signing.h"
#include "core/inventory/fleet_monitor.h"
#include "core/inventory/inventory_repository.h"
#include "core/inventory/rollout_runner.h"
#include "core/store/project.h"
#include "core/training/service/model_factory.h"
#include "core/training/service/model_registry.h"
#include "core/util/clock.h"
#include "core/util/local_broker.h"
#include "tests/deploy/agent_fixture.h"

using namespace edgewise;
using namespace edgewise::inventory;
using json = nlohmann::json;

namespace {

// A kNN over random 8-dim rows of 3 classes stored in the project; returns its id.
int64_t storeModel(store::Project& project, const QTemporaryDir& tmp, const std::string& name,
                   uint64_t seed) {
  auto model = training::createClassifier("knn", {{"k", "3"}}, seed, {8});
  EXPECT_TRUE(model.ok());
  std::mt19937 rng(static_cast<uint32_t>(seed));
  std::normal_distribution<float> normal;
  const int rows = 60;
  cv::Mat X(rows, 8, CV_32F);
  std::vector<int> y(rows);
  for (int r = 0; r < rows; ++r) {
    y[static_cast<size_t>(r)] = r % 3;
    for (int c = 0; c < 8; ++c) X.at<float>(r, c) = normal(rng) + (c == r % 3 ? 2.0f : 0.0f);
  }
  EXPECT_TRUE((*model)->train(X, y, 3).ok());
  const std::string path = tmp.filePath(QString::fromStdString(name + ".bin")).toStdString();
  EXPECT_TRUE((*model)->save(path).ok());
  training::ModelRecord rec;
  rec.name = name;
  rec.family = "knn";
  rec.inputShape = {8};
  rec.classNames = {"a", "b", "c"};
  training::ModelRegistry registry(project);
  auto id = registry.add(rec, path);
  EXPECT_TRUE(id.ok()) << (id ? "" : id.error().toString());
  return id.valueOr(0);
}

class InventoryAgents : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(m_broker.start().ok());
    m_projectPath = m_tmp.filePath(QStringLiteral("p.edgewise")).toStdString();
    auto p = store::Project::open(m_projectPath);
    ASSERT_TRUE(p.ok());
    m_project = std::move(*p);
    m_modelA = storeModel(*m_project, m_tmp, "knn-a", 1);
    m_modelB = storeModel(*m_project, m_tmp, "knn-b", 2);
    auto key = deploy::loadOrCreateProjectKey(m_projectPath);
    ASSERT_TRUE(key.ok());
    m_pub = QString::fromStdString(deploy::projectKeyPath(m_projectPath) + ".pub");
  }

  void TearDown() override {
    for (auto& a : m_agents) {
      a->terminate();
      a->waitForFinished(15000);
    }
  }

  QProcess* startAgents(const QString& prefix, int count, const QString& keyFile,
                        const QStringList& extra = {}) {
    auto p = deploy_test::startDeployAgents(
        m_broker.url(), prefix, count, m_tmp.filePath(QStringLiteral("state")), keyFile, extra);
    EXPECT_TRUE(p);
    m_agents.push_back(std::move(p));
    m_online += count;
    EXPECT_TRUE(deploy_test::waitForOnline(m_broker.url(), m_online));
    return m_agents.back().get();
  }

  RolloutRunOptions options() const {
    RolloutRunOptions o;
    o.projectPath = m_projectPath;
    o.brokerUrl = m_broker.url();
    o.deviceTimeoutS = 30;
    return o;
  }

  // Every online device's model report, from the retained status.
  std::map<std::string, std::string> reports() const {
    std::map<std::string, std::string> out;
    auto devices = deploy::discoverDevices(m_broker.url(), 0.5);
    if (devices)
      for (const auto& d : *devices) out[d.id] = d.modelJson;
    return out;
  }

  std::vector<RolloutAssignment> assign(const std::vector<std::string>& ids, int64_t model) {
    const auto now = reports();
    std::vector<RolloutAssignment> out;
    for (const auto& id : ids) {
      RolloutAssignment a;
      a.device = id;
      a.modelId = model;
      const auto it = now.find(id);
      if (it != now.end()) a.modelBefore = it->second;
      out.push_back(a);
    }
    return out;
  }

  QTemporaryDir m_tmp;
  util::LocalBroker m_broker;
  std::string m_projectPath;
  std::unique_ptr<store::Project> m_project;
  int64_t m_modelA = 0, m_modelB = 0;
  QString m_pub;
  std::vector<std::unique_ptr<QProcess>> m_agents;
  int m_online = 0;
};

const std::vector<std::string> kGood = {"good-0001", "good-0002", "good-0003"};

TEST_F(InventoryAgents, HistoryCanaryAndGroupRollback) {
  startAgents(QStringLiteral("good-"), 3, m_pub);
  std::vector<DeviceProgress> progress;
  auto o = options();
  o.progress = [&](const DeviceProgress& p) { progress.push_back(p); };
  o.selector = "good-*";
  auto first = runRollout(assign(kGood, m_modelA), {}, o);
  ASSERT_TRUE(first.ok()) << first.error().toString();
  EXPECT_EQ(first->state, "succeeded");
  EXPECT_EQ(first->report.succeeded, 3);
  EXPECT_TRUE(std::any_of(progress.begin(), progress.end(), [](const DeviceProgress& p) {
    return p.state == "succeeded" && p.fraction == 1.0;
  }));
  const auto afterA = reports();
  const std::string shaA = sha256Of(afterA.at("good-0001"));
  ASSERT_EQ(shaA.size(), 64u);
  for (const auto& id : kGood) EXPECT_EQ(sha256Of(afterA.at(id)), shaA) << id;

  // Model B as a canary rollout (1 of 3 first, then a health check, then the rest).
  o.canaryPercent = 30;
  o.healthWaitS = 0.5;
  auto second = runRollout(assign(kGood, m_modelB), {}, o);
  ASSERT_TRUE(second.ok()) << second.error().toString();
  EXPECT_EQ(second->state, "succeeded");
  const auto afterB = reports();
  const std::string shaB = sha256Of(afterB.at("good-0002"));
  EXPECT_NE(shaB, shaA);

  InventoryRepository repo(*m_project);
  auto dep = repo.deployment(second->report.deployment);
  ASSERT_TRUE(dep.ok() && dep->has_value());
  EXPECT_EQ((*dep)->state, "succeeded");
  EXPECT_EQ((*dep)->kind, "deploy");
  EXPECT_EQ(*(*dep)->modelId, m_modelB);
  EXPECT_DOUBLE_EQ((*dep)->canaryPct, 30);
  EXPECT_EQ(json::parse((*dep)->summaryJson).at("succeeded"), 3);
  auto rows = repo.deploymentDevices(second->report.deployment);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].stage, "canary");
  EXPECT_EQ((*rows)[1].stage, "rest");
  for (const auto& r : *rows) {
    EXPECT_EQ(r.state, "succeeded");
    EXPECT_EQ(sha256Of(r.modelBefore), shaA) << r.deviceId;
    EXPECT_EQ(sha256Of(r.modelAfter), shaB) << r.deviceId;
    EXPECT_EQ(modelIdOf(r.modelBefore), m_modelA);
  }

  // Group rollback: every device runs model A again (its sha), recorded as kind rollback.
  auto back = rollbackDeployment(second->report.deployment, options());
  ASSERT_TRUE(back.ok()) << back.error().toString();
  EXPECT_EQ(back->state, "succeeded");
  EXPECT_EQ(back->report.succeeded, 3);
  const auto afterRollback = reports();
  for (const auto& id : kGood) EXPECT_EQ(sha256Of(afterRollback.at(id)), shaA) << id;
  auto rb = repo.deployment(back->report.deployment);
  ASSERT_TRUE(rb.ok() && rb->has_value());
  EXPECT_EQ((*rb)->kind, "rollback");
  auto history = repo.deviceHistory("good-0003");
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 3u);
  EXPECT_EQ((*history)[0].first.kind, "rollback");
  EXPECT_EQ(sha256Of((*history)[0].second.modelAfter), shaA);

  // The first deployment had no previous model: nothing to roll back to, said per device.
  auto none = rollbackDeployment(first->report.deployment, options());
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->report.skipped, 3);
  EXPECT_EQ(none->report.devices[0].reason, "no previous model to go back to");
}

TEST_F(InventoryAgents, CanaryOfWronglyKeyedAgentsHalts) {
  // Agents that trust another key refuse every manifest of this project.
  auto foreign = deploy::generateSigningKey();
  ASSERT_TRUE(foreign.ok());
  const std::string foreignPath = m_tmp.filePath(QStringLiteral("foreign.key")).toStdString();
  ASSERT_TRUE(deploy::saveSigningKey(*foreign, foreignPath).ok());
  startAgents(QStringLiteral("bad-"), 2, QString::fromStdString(foreignPath + ".pub"));
  startAgents(QStringLiteral("good-"), 3, m_pub);
  std::vector<std::string> ids = {"bad-0001", "bad-0002"};
  ids.insert(ids.end(), kGood.begin(), kGood.end());
  auto o = options();
  o.canaryPercent = 40;  // ceil(2) = the two wrongly keyed agents
  o.maxFailurePercent = 10;
  PlanEntry offline;
  offline.device = "gone-0001";
  offline.reason = "offline";
  auto r = runRollout(assign(ids, m_modelA), {offline}, o);
  ASSERT_TRUE(r.ok()) << r.error().toString();
  EXPECT_EQ(r->state, "halted");
  EXPECT_TRUE(r->report.halted);
  EXPECT_EQ(r->report.refused, 2);
  EXPECT_EQ(r->report.skipped, 4);
  EXPECT_EQ(r->report.succeeded, 0);
  InventoryRepository repo(*m_project);
  auto rows = repo.deploymentDevices(r->report.deployment);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 6u);
  std::map<std::string, DeploymentDeviceRecord> byId;
  for (const auto& row : *rows) byId[row.deviceId] = row;
  EXPECT_EQ(byId["bad-0001"].state, "refused");
  EXPECT_EQ(byId["bad-0001"].stage, "canary");
  EXPECT_NE(byId["bad-0001"].reason.find("signature"), std::string::npos)
      << byId["bad-0001"].reason;
  EXPECT_EQ(byId["good-0002"].state, "skipped");
  EXPECT_EQ(byId["good-0002"].reason, "halted after canary: 2 of 2 failed");
  EXPECT_EQ(byId["gone-0001"].reason, "offline");
  auto dep = repo.deployment(r->report.deployment);
  ASSERT_TRUE(dep.ok() && dep->has_value());
  EXPECT_EQ((*dep)->state, "halted");
  // Nobody runs a model: the good ones were never touched.
  for (const auto& [id, model] : reports()) EXPECT_EQ(model, "null") << id;
}

TEST_F(InventoryAgents, CancelSkipsTheRest) {
  startAgents(QStringLiteral("good-"), 3, m_pub);
  std::atomic<bool> cancel{false};
  auto o = options();
  o.canaryPercent = 30;
  o.progress = [&](const DeviceProgress& p) {
    if (p.stage == "canary" && p.state == "succeeded") cancel = true;
  };
  auto r = runRollout(assign(kGood, m_modelA), {}, o, &cancel);
  ASSERT_TRUE(r.ok()) << r.error().toString();
  EXPECT_EQ(r->state, "cancelled");
  EXPECT_EQ(r->report.succeeded, 1);
  EXPECT_EQ(r->report.skipped, 2);
  EXPECT_EQ(r->report.devices.back().reason, "cancelled");
}

TEST_F(InventoryAgents, MonitorKeepsInventoryAndSeesAKilledAgentGoOffline) {
  FleetMonitorOptions mo;
  mo.brokerUrl = m_broker.url();
  mo.projectPath = m_projectPath;
  mo.keepAliveS = 2;
  FleetMonitor monitor(mo);
  ASSERT_TRUE(monitor.start().ok());
  QProcess* agents = startAgents(QStringLiteral("kill-"), 2, m_pub,
                                 {QStringLiteral("--keep-alive"), QStringLiteral("2")});
  const auto onlineCount = [&] {
    int n = 0;
    for (const auto& d : monitor.snapshot()) n += d.online ? 1 : 0;
    return n;
  };
  for (int i = 0; i < 50 && onlineCount() < 2; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_EQ(onlineCount(), 2);
  auto live = monitor.device("kill-0001");
  ASSERT_TRUE(live.has_value());
  EXPECT_FALSE(live->record.agentVersion.empty());

  // kill -9: no clean disconnect; the broker publishes the last will after 1.5 x keep-alive.
  const int64_t killed = util::monotonicUs();
  agents->kill();
  agents->waitForFinished(5000);
  int64_t offlineAfterUs = -1;
  while (util::monotonicUs() - killed < 15'000'000) {
    const auto d = monitor.device("kill-0001");
    if (d && !d->online) {
      offlineAfterUs = util::monotonicUs() - killed;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_GT(offlineAfterUs, 0) << "still online 15 s after kill -9";
  // Keep-alive 2 s: the broker gives up after 3 s; allow the monitor's 200 ms flush and slack.
  EXPECT_LT(offlineAfterUs, 4'500'000) << offlineAfterUs / 1e6 << " s";
  EXPECT_EQ(monitor.device("kill-0001")->offlineReason, "offline (last will or stopped)");

  // The devices made it into the project.
  monitor.flushNow();
  InventoryRepository repo(*m_project);
  auto devices = repo.devices();
  ASSERT_TRUE(devices.ok());
  ASSERT_EQ(devices->size(), 2u);
  EXPECT_EQ((*devices)[0].id, "kill-0001");
  EXPECT_FALSE((*devices)[0].agentVersion.empty());
  EXPECT_TRUE(monitor.lastError().empty()) << monitor.lastError();
}

}  // namespace

TEST_F(InventoryAgents, MonitorSeesAFrozenAgentGoOfflineWithinTheKeepAliveWindow) {
  FleetMonitorOptions mo;
  mo.brokerUrl = m_broker.url();
  mo.keepAliveS = 2;
  FleetMonitor monitor(mo);
  ASSERT_TRUE(monitor.start().ok());
  QProcess* agents = startAgents(QStringLiteral("frozen-"), 1, m_pub,
                                 {QStringLiteral("--keep-alive"), QStringLiteral("2")});
  for (int i = 0;
       i < 50 && !(monitor.device("frozen-0001") && monitor.device("frozen-0001")->online); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  ASSERT_TRUE(monitor.device("frozen-0001") && monitor.device("frozen-0001")->online);
  // SIGSTOP: the TCP connection stays open, only the keep-alive can tell the device is gone.
  const int64_t stopped = util::monotonicUs();
  ASSERT_EQ(::kill(static_cast<pid_t>(agents->processId()), SIGSTOP), 0);
  int64_t offlineAfterUs = -1;
  while (util::monotonicUs() - stopped < 15'000'000) {
    const auto d = monitor.device("frozen-0001");
    if (d && !d->online) {
      offlineAfterUs = util::monotonicUs() - stopped;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ::kill(static_cast<pid_t>(agents->processId()), SIGCONT);
  ASSERT_GT(offlineAfterUs, 0) << "still online 15 s after SIGSTOP";
  // The broker waits 1.5 x keep-alive (3 s) from the last packet (the agent publishes at 10 Hz,
  // so that is the moment of the stop) and checks keep-alives about once a second; plus the
  // monitor's 200 ms flush: offline between 2.5 s and 5 s.
  EXPECT_GT(offlineAfterUs, 2'500'000) << offlineAfterUs / 1e6 << " s";
  EXPECT_LT(offlineAfterUs, 5'000'000) << offlineAfterUs / 1e6 << " s";
}

// edgewise-cli deploy: --device-class / --tag select from the project's inventory, --dry-run
// prints the plan, a real run records the rollout in the project.
TEST_F(InventoryAgents, CliSelectsByClassAndTagDryRunAndRecordsHistory) {
  startAgents(QStringLiteral("good-"), 3, m_pub);
  InventoryRepository repo(*m_project);
  for (const auto& id : kGood) {
    DeviceRecord d;
    d.id = id;
    d.deviceClass = id == "good-0003" ? "pi" : "gw";
    d.tags = {id == "good-0001" ? "line-1" : "line-2"};
    d.firstSeenUs = d.lastSeenUs = 1;
    ASSERT_TRUE(repo.upsertDevice(d).ok());
  }
  Requirement tight;
  tight.deviceClass = "pi";
  tight.maxFlashKb = 1;  // the kNN file is larger: good-0003 is skipped by the plan
  ASSERT_TRUE(repo.upsertRequirement(tight).ok());
  const auto cli = [&](QStringList args) {
    QProcess p;
    p.start(deploy_test::binaryPath("edgewise-cli"),
            QStringList{QStringLiteral("deploy"), QStringLiteral("--project"),
                        QString::fromStdString(m_projectPath), QStringLiteral("--model"),
                        QString::number(m_modelA), QStringLiteral("--broker"),
                        QString::fromStdString(m_broker.url()), QStringLiteral("--json")} +
                args);
    EXPECT_TRUE(p.waitForFinished(60000));
    return std::make_pair(p.exitCode(), p.readAllStandardOutput().toStdString());
  };
  auto [code, out] =
      cli({QStringLiteral("--tag"), QStringLiteral("line-2"), QStringLiteral("--dry-run")});
  ASSERT_EQ(code, 0) << out;
  json plan = json::parse(out);
  ASSERT_EQ(plan.at("devices").size(), 2u);
  EXPECT_EQ(plan.at("deploy"), 1);
  EXPECT_EQ(plan.at("devices")[0].at("device"), "good-0002");
  EXPECT_EQ(plan.at("devices")[0].at("model_id"), m_modelA);
  EXPECT_EQ(plan.at("devices")[1].at("device"), "good-0003");
  EXPECT_NE(plan.at("devices")[1].at("reason").get<std::string>().find("class allows 1 kB"),
            std::string::npos)
      << plan.dump();
  EXPECT_EQ(reports().at("good-0002"), "null");  // a dry run deploys nothing
  ASSERT_TRUE(repo.deployments()->empty());

  std::tie(code, out) = cli({QStringLiteral("--device-class"), QStringLiteral("gw")});
  ASSERT_EQ(code, 0) << out;
  const json r = json::parse(out);
  EXPECT_EQ(r.at("totals").at("targeted"), 2);
  EXPECT_EQ(r.at("totals").at("succeeded"), 2);
  auto deployments = repo.deployments();
  ASSERT_TRUE(deployments.ok());
  ASSERT_EQ(deployments->size(), 1u);
  EXPECT_EQ((*deployments)[0].id, r.at("deployment").get<std::string>());
  EXPECT_EQ((*deployments)[0].state, "succeeded");
  EXPECT_EQ((*deployments)[0].selector, " class:gw");
  auto rows = repo.deploymentDevices((*deployments)[0].id);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ(modelIdOf((*rows)[1].modelAfter), m_modelA);
  // The CLI recorded what the agents report (agent version) without undoing the user's class.
  auto d = repo.device("good-0001");
  ASSERT_TRUE(d.ok() && d->has_value());
  EXPECT_EQ((*d)->deviceClass, "gw");
  EXPECT_FALSE((*d)->agentVersion.empty());
  // ... and what it runs after the rollout (the devices row follows the outcome).
  EXPECT_EQ(sha256Of((*d)->modelJson), sha256Of((*rows)[1].modelAfter));
  EXPECT_EQ(sha256Of((*d)->modelJson).size(), 64u);
  auto skipped = repo.device("good-0003");  // not targeted: still no model
  ASSERT_TRUE(skipped.ok() && skipped->has_value());
  EXPECT_EQ((*skipped)->modelJson, "null");
}

// A device that sends heartbeats and then falls silent (its broker session still open, so no
// last will) is marked offline after 1.5 x keep-alive; a new heartbeat brings it back.
TEST_F(InventoryAgents, MonitorMarksASilentDeviceOffline) {
  FleetMonitorOptions mo;
  mo.brokerUrl = m_broker.url();
  mo.projectPath = m_projectPath;
  mo.keepAliveS = 1;
  mo.flushMs = 100;
  FleetMonitor monitor(mo);
  ASSERT_TRUE(monitor.start().ok());
  mqtt::async_client device(m_broker.url(), "fake-device");
  ASSERT_TRUE(device.connect()->wait_for(std::chrono::seconds(5)));
  const auto publish = [&](const std::string& topic, const std::string& payload, bool retained) {
    device.publish(topic, payload.data(), payload.size(), 1, retained)
        ->wait_for(std::chrono::seconds(5));
  };
  publish("edgewise/fake-0001/status",
          R"({"device":"fake-0001","state":"online","agent_version":"0.1.0","device_class":"x",)"
          R"("hardware":{"arch":"riscv64","cores":1,"ram_mb":64,"os":"zephyr"}})",
          true);
  const auto heartbeat = [&](double p50) {
    publish("edgewise/fake-0001/telemetry",
            R"({"device":"fake-0001","ts":)" + std::to_string(util::wallClockUs()) +
                R"(,"cpu_pct":2.5,"rss_kb":512,"latency_us":{"p50":)" + std::to_string(p50) +
                R"(,"p99":900.0},"predictions_per_s":10.0,"queue_depth":1})",
            false);
  };
  heartbeat(300);
  for (int i = 0;
       i < 30 && !(monitor.device("fake-0001") && monitor.device("fake-0001")->heartbeats); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  auto d = monitor.device("fake-0001");
  ASSERT_TRUE(d.has_value());
  EXPECT_TRUE(d->online);
  ASSERT_TRUE(d->telemetry.has_value());
  EXPECT_DOUBLE_EQ(*d->telemetry->latencyP50Us, 300.0);
  const int64_t last = util::monotonicUs();
  int64_t offlineAfterUs = -1;
  while (util::monotonicUs() - last < 5'000'000) {
    d = monitor.device("fake-0001");
    if (d && !d->online) {
      offlineAfterUs = util::monotonicUs() - last;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_GT(offlineAfterUs, 0);
  EXPECT_GE(offlineAfterUs, 1'400'000);  // 1.5 x 1 s, less the flush period
  EXPECT_LT(offlineAfterUs, 2'000'000);
  EXPECT_EQ(d->offlineReason.rfind("silent for", 0), 0u) << d->offlineReason;
  heartbeat(310);
  for (int i = 0; i < 30 && !monitor.device("fake-0001")->online; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_TRUE(monitor.device("fake-0001")->online);
  // Stored: the device (hardware from the status) and both heartbeats.
  monitor.flushNow();
  InventoryRepository repo(*m_project);
  auto rows = repo.telemetry("fake-0001", 0, INT64_MAX);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_DOUBLE_EQ(*(*rows)[1].latencyP50Us, 310.0);
  EXPECT_EQ(*(*rows)[1].queueDepth, 1);
  auto stored = repo.device("fake-0001");
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ(planDeviceFrom(**stored, true).ramMb, 64);
  EXPECT_EQ((*stored)->deviceClass, "x");
  device.publish("edgewise/fake-0001/status", "", 0, 1, true)->wait_for(std::chrono::seconds(5));
  device.disconnect()->wait_for(std::chrono::seconds(5));
}

// Trust on first use with a real agent (docs/deploy_protocol.md, "Trust"): the monitor pins the
// key of the device's first status; a rollout checks the device's signed terminal state against
// it. The agent comes back with a new identity key (its identity.key removed): the inventory
// flags it, a rollout does not trust the device's states ("unverified", a failure), and after
// the user accepts the new key the next rollout succeeds.
TEST_F(InventoryAgents, AChangedIdentityKeyIsFlaggedAndNotTrustedUntilAccepted) {
  FleetMonitorOptions mo;
  mo.brokerUrl = m_broker.url();
  mo.projectPath = m_projectPath;
  mo.flushMs = 50;
  FleetMonitor monitor(mo);
  ASSERT_TRUE(monitor.start().ok());
  const QString stateDir = m_tmp.filePath(QStringLiteral("keys"));
  auto agent =
      deploy_test::startDeployAgents(m_broker.url(), QStringLiteral("key-"), 1, stateDir, m_pub);
  ASSERT_TRUE(agent);
  ASSERT_TRUE(deploy_test::waitForOnline(m_broker.url(), 1));
  InventoryRepository repo(*m_project);
  const auto stored = [&](const std::function<bool(const DeviceRecord&)>& until) {
    for (int i = 0; i < 100; ++i) {
      monitor.flushNow();
      auto d = repo.device("key-0001");
      if (d && *d && until(**d)) return **d;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return DeviceRecord{};
  };
  const DeviceRecord first = stored([](const DeviceRecord& d) { return !d.publicKey.empty(); });
  ASSERT_EQ(first.publicKey.size(), 64u);
  EXPECT_EQ(first.changedKey, "");

  auto r1 = runRollout(assign({"key-0001"}, m_modelA), {}, options());
  ASSERT_TRUE(r1.ok()) << r1.error().toString();
  ASSERT_EQ(r1->report.devices.size(), 1u);
  EXPECT_EQ(r1->report.devices[0].state, "succeeded") << r1->report.devices[0].reason;
  EXPECT_EQ(r1->report.devices[0].signature, "verified");

  // A new identity: the same device id with another key.
  agent->terminate();
  ASSERT_TRUE(agent->waitForFinished(15000));
  ASSERT_TRUE(QFile::remove(stateDir + QStringLiteral("/key-0001/identity.key")));
  QFile::remove(stateDir + QStringLiteral("/key-0001/identity.key.pub"));
  agent =
      deploy_test::startDeployAgents(m_broker.url(), QStringLiteral("key-"), 1, stateDir, m_pub);
  ASSERT_TRUE(agent);
  ASSERT_TRUE(deploy_test::waitForOnline(m_broker.url(), 1));
  const DeviceRecord flagged = stored([](const DeviceRecord& d) { return !d.changedKey.empty(); });
  EXPECT_EQ(flagged.publicKey, first.publicKey);
  ASSERT_EQ(flagged.changedKey.size(), 64u);
  EXPECT_NE(flagged.changedKey, first.publicKey);

  auto r2 = runRollout(assign({"key-0001"}, m_modelB), {}, options());
  ASSERT_TRUE(r2.ok()) << r2.error().toString();
  ASSERT_EQ(r2->report.devices.size(), 1u);
  EXPECT_EQ(r2->state, "failed");
  EXPECT_EQ(r2->report.unverified, 1);
  EXPECT_EQ(r2->report.succeeded, 0);
  EXPECT_EQ(r2->report.devices[0].state, "unverified");
  EXPECT_NE(r2->report.devices[0].reason.find("announces another identity key"), std::string::npos)
      << r2->report.devices[0].reason;
  auto history = repo.deploymentDevices(r2->report.deployment);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ((*history)[0].state, "unverified");

  auto accept = repo.acceptChangedKey("key-0001");
  ASSERT_TRUE(accept.ok()) << accept.error().toString();
  EXPECT_TRUE(*accept);
  auto accepted = repo.device("key-0001");
  ASSERT_TRUE(accepted && *accepted);
  EXPECT_EQ((*accepted)->publicKey, flagged.changedKey);
  EXPECT_EQ((*accepted)->changedKey, "");
  auto r3 = runRollout(assign({"key-0001"}, m_modelA), {}, options());
  ASSERT_TRUE(r3.ok()) << r3.error().toString();
  ASSERT_EQ(r3->report.devices.size(), 1u);
  EXPECT_EQ(r3->state, "succeeded");
  EXPECT_EQ(r3->report.devices[0].signature, "verified");
  agent->terminate();
  agent->waitForFinished(15000);
}
