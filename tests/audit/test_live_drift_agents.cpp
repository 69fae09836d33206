// The injected-drift loop end to end (issue 7): a real broker, real edgewise-agent processes
// running a model deployed by `edgewise-cli deploy`, the LiveDriftWatcher with the model's
// own first predictions as the baseline (LiveDriftOptions::baselineRows). No alarm at all before
// the injection; after `cmd` inject_drift (a bias on ax) on one device, an ax alarm for that
// device within a bounded time, alarms on ax only, and no alarm on the other device.

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include <mqtt/async_client.h>

#include "core/audit/live_drift_watcher.h"
#include "core/audit/model_reference.h"
#include "core/deploy/deployer.h"
#include "core/store/project.h"
#include "core/store/sqlite_util.h"
#include "core/util/local_broker.h"
#include "tests/cli/cli_test_util.h"

namespace edgewise::audit {
namespace {

using namespace Qt::StringLiterals;
using json = nlohmann::json;
using cli::test::runCli;
using cli::test::RunResult;

bool waitOnline(const std::string& url, size_t expected, int seconds) {
  QElapsedTimer t;
  t.start();
  while (t.elapsed() < seconds * 1000) {
    auto devices = deploy::discoverDevices(url, 0.25);
    size_t online = 0;
    if (devices)
      for (const auto& d : *devices) online += d.online ? 1 : 0;
    if (online >= expected) return true;
  }
  return false;
}

size_t countAlarms(const std::string& path, const std::string& device) {
  auto project = store::Project::open(path, store::OpenMode::OpenExisting);
  if (!project.ok()) return 0;
  auto st = store::detail::Statement::prepare(
      (*project)->handle(), "SELECT count(*) FROM drift_alarms WHERE device_id = ?");
  if (!st.ok()) return 0;
  st->bind(1, device);
  if (!st->step().ok()) return 0;
  return static_cast<size_t>(st->int64(0));
}

TEST(LiveDriftAgents, InjectedBiasAlarmsOnlyThatDeviceAndChannel) {
  util::LocalBroker broker;
  ASSERT_TRUE(broker.start().ok());
  QTemporaryDir tmp;
  const QString project = tmp.filePath(u"p.edgewise"_s);
  // 1-s windows at 20 Hz (120 raw inputs: 6 channels x 20 samples, channel-major), recorded
  // from the simulated wearers 0..7 of seed 7: the agents below (seed 7, wearers 0 and 1) are
  // two of them. They only walk (the simulator's activity mix): a simulated fall is followed by
  // lying still, which no training window contains.
  RunResult r = runCli({u"import"_s, u"--project"_s, project, u"--name"_s, u"imu"_s, u"--format"_s,
                        u"imu-sim"_s, u"--per-class"_s, u"60"_s, u"--rate"_s, u"20"_s,
                        u"--window-ms"_s, u"1000"_s, u"--seed"_s, u"7"_s, u"--json"_s},
                       120000);
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  r = runCli({u"train"_s, u"--project"_s, project, u"--dataset"_s, u"imu"_s, u"--model"_s, u"mlp"_s,
              u"--epochs"_s, u"60"_s, u"--param"_s, u"hidden=32"_s, u"--latency-seconds"_s,
              u"0.05"_s, u"--quiet"_s, u"--json"_s},
             180000);
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const int64_t model = json::parse(r.out.toStdString()).at("model_id").get<int64_t>();
  r = runCli({u"deploy"_s, u"--project"_s, project, u"--init-key"_s});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QString key = QString::fromUtf8(r.out).trimmed();

  auto agents = cli::test::startProcess(cli::test::agentPath(),
                                        {u"--simulate"_s,      u"imu"_s,
                                         u"--rate"_s,          u"20"_s,
                                         u"--count"_s,         u"2"_s,
                                         u"--prefix"_s,        u"drift-"_s,
                                         u"--broker"_s,        QString::fromStdString(broker.url()),
                                         u"--state-dir"_s,     tmp.filePath(u"state"_s),
                                         u"--trusted-key"_s,   key,
                                         u"--predict-every"_s, u"0.5"_s,
                                         u"--telemetry-s"_s,   u"2"_s,
                                         u"--inject-drift"_s,  u"mix:walk:1.0"_s,
                                         u"--seed"_s,          u"7"_s});
  ASSERT_TRUE(agents);
  struct Stop {
    QProcess* p;
    ~Stop() {
      p->terminate();
      if (!p->waitForFinished(15000)) p->kill();
    }
  } stopAgents{agents.get()};
  ASSERT_TRUE(waitOnline(broker.url(), 2, 20)) << "agents did not come online";
  r = runCli({u"deploy"_s, u"--project"_s, project, u"--model"_s, QString::number(model),
              u"--devices"_s, u"drift-*"_s, u"--broker"_s, QString::fromStdString(broker.url()),
              u"--timeout"_s, u"60"_s, u"--json"_s},
             120000);
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString() << r.out.toStdString();
  ASSERT_EQ(json::parse(r.out.toStdString()).at("totals").at("succeeded").get<int>(), 2);

  // The reference: the model's training split.
  auto p = store::Project::open(project.toStdString(), store::OpenMode::OpenExisting);
  ASSERT_TRUE(p.ok()) << p.error().toString();
  auto reference = modelReference(**p, model);
  ASSERT_TRUE(reference.ok()) << reference.error().toString();
  EXPECT_EQ(reference->table.columns(), 120u);
  p->reset();

  // Each device against its own first 120 predictions (60 s), not the training split: with the
  // population reference a single wearer differs from the dataset (docs/audit_drift.md,
  // "Population or own baseline": a 5-epoch model that called 71 of 81 walking windows idle made
  // every device alarm on 45-50 az/gyro inputs per window).
  LiveDriftOptions options;
  options.brokerUrl = broker.url();
  options.baselineRows = 120;
  options.windowRows = 40;  // 20 s per window at 2 predictions/s
  options.drift.alpha = 0.001;
  options.projectPath = project.toStdString();
  LiveDriftWatcher watcher(options);
  ASSERT_TRUE(watcher.addReference({model, "", reference->table, reference->labels}).ok());
  ASSERT_TRUE(watcher.start().ok());

  // The baseline, then two clean windows per device: no alarm.
  QElapsedTimer clock;
  clock.start();
  auto windowsOf = [&](const std::string& device) -> size_t {
    const LiveDriftSnapshot now = watcher.snapshot();
    for (const auto& d : now.devices)
      if (d.device == device) return d.windows.size();
    return 0;
  };
  while (clock.elapsed() < 150000 && (windowsOf("drift-0001") < 2 || windowsOf("drift-0002") < 2))
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  LiveDriftSnapshot before = watcher.snapshot();
  ASSERT_EQ(before.devices.size(), 2u) << before.lastError;
  EXPECT_EQ(before.rejected, 0u) << before.lastError;
  // ax is inputs 0..19 (channel-major); named "ax..." once the agents' feature_names arrived.
  auto isAx = [](const std::string& f) {
    if (f.rfind("ax", 0) == 0) return true;
    return f.size() > 1 && f[0] == 'f' && std::stoi(f.substr(1)) < 20;
  };
  auto axAlarms = [&](const LiveDeviceState& d) {
    size_t n = 0;
    for (const auto& a : d.alarms) n += isAx(a.feature) ? 1 : 0;
    return n;
  };
  // Before the injection: no alarm at all (any feature, any test) on either device.
  const std::string target = "drift-0002", control = "drift-0001";
  auto ksAlarms = [](const LiveDeviceState& d) {
    size_t n = 0;
    for (const auto& a : d.alarms) n += a.test == "ks" ? 1 : 0;
    return n;
  };
  for (const auto& d : before.devices) {
    ASSERT_TRUE(d.baselineReady) << d.device;
    EXPECT_EQ(d.baselineRows, 120u) << d.device;
    ASSERT_GE(d.windows.size(), 2u) << d.device;
    EXPECT_EQ(d.alarms.size(), 0u) << d.device << ": alarms before the injection, the first on "
                                   << (d.alarms.empty() ? "" : d.alarms[0].feature);
    ASSERT_EQ(d.featureNames.size(), 120u);
    std::cout << "[          ] before the injection " << d.device << ": baseline of "
              << d.baselineRows << " predictions, " << d.windows.size() << " windows, "
              << d.alarms.size() << " alarms\n";
  }

  // A sensor bias on the target's ax.
  mqtt::async_client pub(broker.url(), "drift-test-cmd", nullptr);
  ASSERT_TRUE(pub.connect()->wait_for(std::chrono::seconds(5)));
  const std::string cmd =
      json{{"cmd", "inject_drift"}, {"kind", "bias"}, {"channel", "ax"}, {"amount", 6.0}}.dump();
  ASSERT_TRUE(
      pub.publish("edgewise/" + target + "/cmd", cmd, 1, false)->wait_for(std::chrono::seconds(5)));
  const qint64 injectedMs = clock.elapsed();

  // An ax alarm for the target within two windows (40 s) plus a margin.
  size_t alarmed = 0;
  while (clock.elapsed() - injectedMs < 60000) {
    alarmed = 0;
    const LiveDriftSnapshot now = watcher.snapshot();
    for (const auto& d : now.devices)
      if (d.device == target) alarmed = axAlarms(d);
    if (alarmed > 0) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  const double detectS = double(clock.elapsed() - injectedMs) / 1000.0;
  pub.disconnect()->wait_for(std::chrono::seconds(2));
  watcher.stop();
  ASSERT_GT(alarmed, 0u) << "no alarm 60 s after the injection";
  std::cout << "[          ] alarm " << detectS << " s after the injection\n";

  const LiveDriftSnapshot s = watcher.snapshot();
  for (const auto& d : s.devices) {
    if (d.device == control) {
      EXPECT_EQ(ksAlarms(d), 0u) << "feature alarms on the device without injection";
      std::cout << "[          ] control device: " << d.windows.size() << " windows, "
                << d.alarms.size() << " alarms\n";
      continue;
    }
    ASSERT_GT(axAlarms(d), 0u);
    EXPECT_EQ(axAlarms(d), ksAlarms(d)) << "feature alarms on other channels than ax";
    for (const auto& a : d.alarms) {
      if (a.test != "ks") continue;
      EXPECT_EQ(a.test, "ks") << a.feature;
      EXPECT_EQ(a.modelId, std::optional<int64_t>(model));
      EXPECT_LE(a.pValue, 0.001);
      EXPECT_GE(a.windowEndUs, a.windowStartUs);
    }
  }
  EXPECT_GE(countAlarms(project.toStdString(), target), alarmed);  // written to drift_alarms
}

}  // namespace
}  // namespace edgewise::audit
