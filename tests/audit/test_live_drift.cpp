// LiveDriftWatcher against a real Mosquitto broker (util::LocalBroker) with a publisher of
// contract-shaped prediction messages (docs/mqtt_conventions.md), alarms read back from the
// project's drift_alarms table; the fleet latency statistics on hand-made telemetry rows, the
// Mann-Whitney p-values against SciPy.

#include <gtest/gtest.h>

#include <QTemporaryDir>
#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include <mqtt/async_client.h>

#include "core/audit/fleet_latency.h"
#include "core/audit/live_drift_watcher.h"
#include "core/audit/synthetic.h"
#include "core/store/project.h"
#include "core/store/recording_repository.h"
#include "core/store/sqlite_util.h"
#include "core/util/local_broker.h"

namespace edgewise::audit {
namespace {

using json = nlohmann::json;

const std::vector<std::string> kNames{"ax_mean", "ay_mean", "az_mean", "ax_std", "gz_rms"};

FeatureTable namedReference(uint64_t seed, size_t rows) {
  GaussianTables g(seed);
  FeatureTable t = g.table(rows, kNames.size());
  t.names = kNames;
  return t;
}

std::string prediction(const std::string& device, int64_t seq, const std::vector<double>& f,
                       double confidence) {
  json j{{"device", device},
         {"seq", seq},
         {"ts", 1796000000000000 + seq * 100000},
         {"window_start_us", 1796000000000000 + seq * 100000},
         {"window_end_us", 1796000000000000 + seq * 100000 + 100000},
         {"class", 1},
         {"label", "walk"},
         {"confidence", confidence},
         {"model_sha256", "aa11"},
         {"features", f},
         {"truth", "walk"}};
  if (seq % 100 == 0) j["feature_names"] = kNames;
  return j.dump();
}

struct AlarmRow {
  std::string device, feature, test;
  double p = 1.0;
  std::optional<int64_t> modelId;
};

std::vector<AlarmRow> readAlarms(const std::string& path) {
  auto project = store::Project::open(path, store::OpenMode::OpenExisting);
  EXPECT_TRUE(project.ok());
  std::vector<AlarmRow> out;
  auto st =
      store::detail::Statement::prepare((*project)->handle(),
                                        "SELECT device_id, feature, test, p_value, model_id FROM "
                                        "drift_alarms ORDER BY id");
  EXPECT_TRUE(st.ok());
  while (*st->step()) {
    AlarmRow a{st->text(0), st->text(1), st->text(2), st->real(3), std::nullopt};
    if (!st->isNull(4)) a.modelId = st->int64(4);
    out.push_back(a);
  }
  return out;
}

TEST(LiveDrift, DeviceOfTopic) {
  EXPECT_EQ(deviceOfPredictionsTopic("edgewise/imu-0007/predictions", "edgewise"), "imu-0007");
  EXPECT_EQ(deviceOfPredictionsTopic("edgewise/imu-0007/telemetry", "edgewise"), "");
  EXPECT_EQ(deviceOfPredictionsTopic("edgewise/a/b/predictions", "edgewise"), "");
  EXPECT_EQ(deviceOfPredictionsTopic("other/x/predictions", "edgewise"), "");
  EXPECT_EQ(deviceOfPredictionsTopic("edgewise//predictions", "edgewise"), "");
}

// Three devices publish 2 windows of reference-like features through a real broker: no alarm.
// Then dev-1's ax_mean gets a bias of 1.5 standard deviations: the next window of dev-1 alarms
// on ax_mean only (and no other device alarms), the alarm row carries the model id.
TEST(LiveDrift, RealBrokerAlarmsOnlyTheBiasedDeviceAndFeature) {
  util::LocalBroker broker;
  auto started = broker.start();
  if (!started.ok()) GTEST_SKIP() << started.error().toString();
  QTemporaryDir dir;
  const std::string path = dir.filePath(QStringLiteral("p.edgewise")).toStdString();
  {
    auto project = store::Project::open(path);
    ASSERT_TRUE(project.ok()) << project.error().toString();
    ASSERT_TRUE(
        store::detail::exec((*project)->handle(),
                            "INSERT INTO models(id, name, family, created_us, file) VALUES(7, 'm', "
                            "'mlp', 1, x'00')")
            .ok());
  }

  LiveDriftOptions options;
  options.brokerUrl = broker.url();
  options.windowRows = 100;
  options.drift.alpha = 0.001;
  options.projectPath = path;
  LiveDriftWatcher watcher(options);
  ASSERT_TRUE(watcher.addReference({7, "aa11", namedReference(1, 2000), {}}).ok());
  ASSERT_TRUE(watcher.start().ok());

  mqtt::async_client pub(broker.url(), "test-publisher", nullptr);
  ASSERT_TRUE(pub.connect()->wait_for(std::chrono::seconds(5)));
  GaussianTables g(99);
  const std::vector<std::string> devices{"dev-0", "dev-1", "dev-2"};
  int64_t seq = 0;
  auto publishWindow = [&](double bias) {
    for (int r = 0; r < 100; ++r) {
      for (const std::string& d : devices) {
        std::vector<double> f(kNames.size());
        for (double& v : f) v = g.next();
        if (d == "dev-1") f[0] += bias;
        pub.publish("edgewise/" + d + "/predictions", prediction(d, seq, f, 0.9), 0, false)->wait();
      }
      ++seq;
    }
  };
  auto waitWindows = [&](uint64_t n) {
    for (int i = 0; i < 200 && watcher.snapshot().windowsScored < n; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    watcher.waitIdle(5000);
    return watcher.snapshot().windowsScored;
  };
  publishWindow(0.0);
  publishWindow(0.0);
  ASSERT_EQ(waitWindows(6), 6u);
  EXPECT_EQ(watcher.snapshot().alarms, 0u);

  publishWindow(1.5);
  ASSERT_EQ(waitWindows(9), 9u);
  watcher.stop();
  pub.disconnect()->wait();

  const LiveDriftSnapshot s = watcher.snapshot();
  EXPECT_EQ(s.messages, 900u);
  EXPECT_EQ(s.rejected, 0u);
  ASSERT_EQ(s.devices.size(), 3u);
  const LiveDeviceState& d1 = s.devices[1];
  EXPECT_EQ(d1.device, "dev-1");
  ASSERT_EQ(d1.windows.size(), 3u);
  EXPECT_FALSE(d1.windows[0].alarm);
  EXPECT_FALSE(d1.windows[1].alarm);
  EXPECT_TRUE(d1.windows[2].alarm);
  EXPECT_EQ(d1.windows[2].driftedFeatures, std::vector<std::string>{"ax_mean"});
  EXPECT_GT(d1.windows[2].score, 3.0);
  EXPECT_EQ(d1.featureNames, kNames);

  const std::vector<AlarmRow> alarms = readAlarms(path);
  ASSERT_EQ(alarms.size(), 1u);
  EXPECT_EQ(alarms[0].device, "dev-1");
  EXPECT_EQ(alarms[0].feature, "ax_mean");
  EXPECT_EQ(alarms[0].test, "ks");
  EXPECT_LE(alarms[0].p, 0.001);
  EXPECT_EQ(alarms[0].modelId, std::optional<int64_t>(7));
  EXPECT_EQ(s.alarmsWritten, 1u);
  ASSERT_TRUE(d1.lastReport.has_value());
  EXPECT_EQ(d1.lastReport->features[0].feature, "ax_mean");
  EXPECT_TRUE(d1.lastReport->features[0].drift);

  // The drifted window's 100 rows become a recording for a labeling task.
  auto project = store::Project::open(path, store::OpenMode::OpenExisting);
  ASSERT_TRUE(project.ok());
  auto saved = saveDriftedWindows(**project, d1, 5);
  ASSERT_TRUE(saved.ok()) << saved.error().toString();
  EXPECT_EQ(saved->rows, 100u);
  EXPECT_EQ(saved->windows, 1u);
  EXPECT_EQ(saved->startUs, d1.windows[2].startUs);
  auto streams = (*project)->recordings().streams(saved->recordingId);
  ASSERT_TRUE(streams.ok());
  ASSERT_EQ(streams->size(), 1u);
  EXPECT_EQ((*streams)[0].spec.channelNames, kNames);
  auto data = (*project)->recordings().readStream((*streams)[0].id);
  ASSERT_TRUE(data.ok());
  ASSERT_EQ(data->timestampsUs.size(), 100u);
  // The biased feature of the saved rows has a mean near 1.5.
  double mean = 0.0;
  for (size_t r = 0; r < 100; ++r) mean += data->values[r * kNames.size()] / 100.0;
  EXPECT_NEAR(mean, 1.5, 0.35);
  // Devices without a drifted window have nothing to save.
  EXPECT_FALSE(saveDriftedWindows(**project, s.devices[0], 5).ok());
}

// Bad payloads are counted per device, never crash, and do not fill the window.
TEST(LiveDrift, RejectsBadPayloads) {
  LiveDriftOptions options;
  options.windowRows = 10;
  LiveDriftWatcher watcher(options);
  ASSERT_TRUE(watcher.addReference({std::nullopt, "", namedReference(2, 500), {}}).ok());
  ASSERT_TRUE(watcher.start().ok());
  watcher.post("edgewise/d/predictions", "not json");
  watcher.post("edgewise/d/predictions", R"({"features":[1,2]})");
  watcher.post("edgewise/d/predictions", R"({"confidence":0.5})");
  watcher.post("edgewise/d/predictions", R"({"features":[1,2,3,4,"x"]})");
  watcher.post("edgewise/d/predictions", R"({"features":[1,2,3,4,5]})");
  ASSERT_TRUE(watcher.waitIdle(5000));
  const auto s = watcher.snapshot();
  EXPECT_EQ(s.messages, 5u);
  EXPECT_EQ(s.rejected, 4u);
  ASSERT_EQ(s.devices.size(), 1u);
  EXPECT_EQ(s.devices[0].pendingRows, 1u);
  EXPECT_NE(s.devices[0].lastError.find("not a finite number"), std::string::npos);
}

// A confidence drop from 0.9 to 0.5 (features unchanged) raises a Page-Hinkley alarm; a
// stationary confidence stream of 3000 values does not.
TEST(LiveDrift, ConfidenceDropAlarms) {
  LiveDriftOptions options;
  options.windowRows = 1000000;  // no feature windows: only the streaming detectors
  LiveDriftWatcher watcher(options);
  ASSERT_TRUE(watcher.addReference({std::nullopt, "", namedReference(3, 500), {}}).ok());
  ASSERT_TRUE(watcher.start().ok());
  GaussianTables g(5);
  for (int i = 0; i < 3000; ++i)
    watcher.post("edgewise/c/predictions",
                 prediction("c", i, {0, 0, 0, 0, 0}, std::clamp(0.9 + 0.05 * g.next(), 0.0, 1.0)));
  ASSERT_TRUE(watcher.waitIdle(10000));
  EXPECT_EQ(watcher.snapshot().alarms, 0u);
  for (int i = 3000; i < 3200; ++i)
    watcher.post("edgewise/c/predictions",
                 prediction("c", i, {0, 0, 0, 0, 0}, std::clamp(0.5 + 0.05 * g.next(), 0.0, 1.0)));
  ASSERT_TRUE(watcher.waitIdle(10000));
  const auto s = watcher.snapshot();
  ASSERT_EQ(s.devices.size(), 1u);
  bool pageHinkley = false;
  for (const auto& a : s.devices[0].alarms) {
    EXPECT_EQ(a.feature, "confidence");
    pageHinkley = pageHinkley || a.test == "page_hinkley";
  }
  EXPECT_TRUE(pageHinkley);
}

// Values computed with SciPy 1.10.1:
//   scipy.stats.mannwhitneyu(b, a, alternative="greater", method="asymptotic")
TEST(FleetLatency, MannWhitneyMatchesScipy) {
  // b = [5, 6, 7, 8, 9, 10], a = [1, 2, 3, 4, 5, 6, 7]: U = 37.5, p = 0.010861059910256148
  const MannWhitney r = mannWhitneyGreater({5, 6, 7, 8, 9, 10}, {1, 2, 3, 4, 5, 6, 7});
  EXPECT_DOUBLE_EQ(r.u, 37.5);
  EXPECT_NEAR(r.pValue, 0.010861059910256148, 1e-12);
  const MannWhitney s = mannWhitneyGreater({1.0, 2.0, 2.0, 3.0}, {2.0, 2.0, 4.0, 5.0, 6.0});
  EXPECT_DOUBLE_EQ(s.u, 4.0);  // ties: p = 0.9518403379441637
  EXPECT_NEAR(s.pValue, 0.9518403379441637, 1e-12);
}

std::vector<TelemetryRow> telemetry(const std::string& device, const std::string& sha, int64_t t0,
                                    int n, double p50, double jitter, uint64_t seed) {
  GaussianTables g(seed);
  std::vector<TelemetryRow> rows;
  for (int i = 0; i < n; ++i) {
    TelemetryRow r;
    r.device = device;
    r.tsUs = t0 + int64_t{i} * 5000000;
    r.modelSha256 = sha;
    r.latencyP50Us = p50 + jitter * g.next();
    r.latencyP99Us = r.latencyP50Us * 2.0;
    r.cpuPct = 3.0;
    r.stagesUs = {{"decode", 10}, {"features", 90}, {"inference", r.latencyP50Us}, {"publish", 20}};
    rows.push_back(r);
  }
  return rows;
}

// Hand-made heartbeats: dev-a goes 200 -> 260 us (30 % slower, jitter 5 us): regression;
// dev-b 200 -> 205 us (2.5 %, significant but small): none; dev-c 205 -> 235 us on
// 6 very noisy heartbeats per side (15 % on the medians but inside the noise): none; dev-d gets a
// faster model: none; dev-e has 3 heartbeats of the new version: too few.
TEST(FleetLatency, RegressionRule) {
  std::vector<TelemetryRow> rows;
  auto add = [&](std::vector<TelemetryRow> more) {
    rows.insert(rows.end(), more.begin(), more.end());
  };
  add(telemetry("dev-a", "v1", 0, 30, 200, 5, 1));
  add(telemetry("dev-a", "v2", 30 * 5000000, 30, 260, 5, 2));
  add(telemetry("dev-b", "v1", 0, 30, 200, 1, 3));
  add(telemetry("dev-b", "v2", 30 * 5000000, 30, 205, 1, 4));
  {
    // Medians 205 -> 235 (+14.6 %), but U = 23, p = 0.2340 (SciPy mannwhitneyu): noise.
    const std::vector<double> before{120, 300, 180, 260, 150, 230},
        after{150, 330, 210, 300, 180, 260};
    for (size_t i = 0; i < 12; ++i) {
      auto r = telemetry("dev-c", i < 6 ? "v1" : "v2", int64_t(i) * 5000000, 1, 0, 0, 5);
      r[0].latencyP50Us = i < 6 ? before[i] : after[i - 6];
      add(r);
    }
  }
  add(telemetry("dev-d", "v2", 0, 20, 260, 5, 7));
  add(telemetry("dev-d", "v1", 20 * 5000000, 20, 200, 5, 8));
  add(telemetry("dev-e", "v1", 0, 20, 200, 5, 9));
  // A heartbeat without a model in between is skipped over.
  add(telemetry("dev-e", "", 20 * 5000000, 1, 0, 0, 10));
  add(telemetry("dev-e", "v2", 21 * 5000000, 3, 400, 5, 11));

  const FleetLatency f = analyzeFleetLatency(rows);
  ASSERT_EQ(f.devices.size(), 5u);
  ASSERT_EQ(f.versionChanges.size(), 5u);
  std::map<std::string, const LatencyRegression*> by;
  for (const auto& c : f.versionChanges) by[c.device] = &c;
  EXPECT_TRUE(by["dev-a"]->regression);
  EXPECT_NEAR(by["dev-a"]->ratio, 1.3, 0.03);
  EXPECT_EQ(by["dev-a"]->beforeHeartbeats, 20u);
  EXPECT_EQ(by["dev-a"]->afterHeartbeats, 20u);
  EXPECT_LT(by["dev-a"]->pValue, 1e-6);
  EXPECT_FALSE(by["dev-b"]->regression);
  EXPECT_LT(by["dev-b"]->pValue, 0.01);
  EXPECT_FALSE(by["dev-c"]->regression);
  EXPECT_GT(by["dev-c"]->ratio, 1.1);
  EXPECT_NEAR(by["dev-c"]->pValue, 0.23402080295020827, 1e-12);
  EXPECT_FALSE(by["dev-d"]->regression);
  EXPECT_FALSE(by["dev-e"]->regression);
  EXPECT_EQ(by["dev-e"]->afterHeartbeats, 3u);
  ASSERT_EQ(f.regressions().size(), 1u);

  const DeviceLatency& a = f.devices[0];
  EXPECT_EQ(a.device, "dev-a");
  EXPECT_EQ(a.modelSha256, "v2");
  EXPECT_EQ(a.heartbeats, 30u);
  EXPECT_NEAR(a.p50Us, 260, 6);
  EXPECT_NEAR(a.p99Us, 520, 12);
  EXPECT_DOUBLE_EQ(a.stagesUs.at("decode"), 10.0);
  EXPECT_DOUBLE_EQ(a.stagesUs.at("publish"), 20.0);
}

// Rows written to the telemetry table come back by device and time, stages parsed.
TEST(FleetLatency, LoadsTelemetryTable) {
  QTemporaryDir dir;
  auto project = store::Project::open(dir.filePath(QStringLiteral("t.edgewise")).toStdString());
  ASSERT_TRUE(project.ok());
  ASSERT_TRUE(
      store::detail::exec((*project)->handle(),
                          "INSERT INTO telemetry(device_id, ts_us, model_sha256, cpu_pct, "
                          "latency_p50_us, latency_p99_us, predictions_per_s, queue_depth, stages) "
                          "VALUES ('b', 2, 's', 1.5, 180, 420, 50, 0, "
                          "'{\"decode\":12,\"features\":95,\"inference\":180,\"publish\":20}'),"
                          "('a', 9, '', NULL, NULL, NULL, NULL, NULL, '{}'),"
                          "('b', 1, 's', 1.0, 170, 400, 50, 0, '{}')")
          .ok());
  auto rows = loadTelemetry((*project)->handle());
  ASSERT_TRUE(rows.ok()) << rows.error().toString();
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].device, "a");
  EXPECT_EQ((*rows)[1].tsUs, 1);
  EXPECT_DOUBLE_EQ((*rows)[2].latencyP99Us, 420.0);
  EXPECT_DOUBLE_EQ((*rows)[2].stagesUs.at("features"), 95.0);
  auto onlyB = loadTelemetry((*project)->handle(), "b", 2);
  ASSERT_TRUE(onlyB.ok());
  EXPECT_EQ(onlyB->size(), 1u);
}

}  // namespace
}  // namespace edgewise::audit
