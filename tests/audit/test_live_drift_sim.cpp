// The drift watcher against the simulator without a broker or a model (issue 7): the reference
// is the imu-sim dataset (the model's input: 1-s windows at 20 Hz, raw, channel-major), the
// live rows are windows of a simulated agent device cut like the agent cuts them. Measures
// where a device differs from the dataset and checks that a clean device does not alarm.

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/audit/live_drift_watcher.h"
#include "core/dataset/data/simulated_dataset.h"
#include "core/fleet/imu_mounting.h"
#include "core/fleet/imu_simulator.h"

namespace edgewise::audit {
namespace {

using json = nlohmann::json;

constexpr int kRate = 20, kLen = 20, kHop = 10;  // 1-s windows, a prediction every 0.5 s
constexpr uint64_t kSeed = 7;

struct Reference {
  FeatureTable table;
  std::vector<int> labels;
};

Reference datasetReference(int perClass) {
  auto ds = dataset::simulateImuActivityDataset(perClass, 1.0, kRate, kSeed);
  EXPECT_TRUE(ds.ok());
  Reference r;
  for (int c = 0; c < fleet::kImuChannels; ++c)
    for (int t = 0; t < kLen; ++t)
      r.table.names.push_back(std::string(fleet::imuChannelName(c)) + "[" + std::to_string(t) +
                              "]");
  for (const auto& s : ds->samples) {
    const float* f = reinterpret_cast<const float*>(s.blob.data());
    for (int c = 0; c < fleet::kImuChannels; ++c)
      for (int t = 0; t < kLen; ++t) r.table.values.push_back(f[t * fleet::kImuChannels + c]);
    r.labels.push_back(s.label);
    ++r.table.rows;
  }
  return r;
}

// `rows` channel-major windows of device `device` walking, after `warmupS` seconds.
std::vector<std::vector<double>> deviceRows(fleet::ImuSimulator& sim, int rows) {
  std::vector<std::vector<double>> out;
  std::vector<fleet::ImuSample> ring;
  while (static_cast<int>(out.size()) < rows) {
    for (const auto& s : sim.next(kHop)) ring.push_back(s);
    if (ring.size() > static_cast<size_t>(kLen)) ring.erase(ring.begin(), ring.end() - kLen);
    if (ring.size() < static_cast<size_t>(kLen)) continue;
    std::vector<double> f;
    for (int c = 0; c < fleet::kImuChannels; ++c)
      for (int t = 0; t < kLen; ++t) f.push_back(ring[static_cast<size_t>(t)][c]);
    out.push_back(std::move(f));
  }
  return out;
}

std::unique_ptr<fleet::ImuSimulator> walker(int device, bool mounted) {
  auto sim = std::make_unique<fleet::ImuSimulator>(device, kSeed, kRate);
  if (mounted) sim->setMounting(fleet::deviceMounting(kSeed, device));
  sim->injectMix(fleet::Activity::Walk, 1.0);
  sim->next(kRate * 30);  // past the first (scheduled) segment and the bias's start
  return sim;
}

struct Scored {
  size_t windows = 0, alarmedWindows = 0;
  std::map<std::string, size_t> byChannel;
};

Scored score(const Reference& ref, const std::vector<std::vector<double>>& rows, int cls,
             size_t windowRows, size_t baselineRows = 0) {
  LiveDriftOptions options;
  options.windowRows = windowRows;
  options.baselineRows = baselineRows;
  options.drift.alpha = 0.001;
  LiveDriftWatcher watcher(options);
  EXPECT_TRUE(watcher.addReference({1, "", ref.table, ref.labels}).ok());
  EXPECT_TRUE(watcher.start().ok());
  int64_t seq = 0;
  for (const auto& f : rows) {
    const int64_t ts = 1796000000000000 + seq * 500000;
    watcher.post("edgewise/d/predictions", json{{"seq", seq++},
                                                {"ts", ts},
                                                {"window_start_us", ts},
                                                {"window_end_us", ts + 1000000},
                                                {"class", cls},
                                                {"confidence", 0.9},
                                                {"model_sha256", "m"},
                                                {"features", f}}
                                               .dump());
  }
  EXPECT_TRUE(watcher.waitIdle(20000));
  watcher.stop();
  Scored s;
  for (const auto& d : watcher.snapshot().devices) {
    s.windows = d.windows.size();
    for (const auto& w : d.windows) s.alarmedWindows += w.driftedFeatures.empty() ? 0 : 1;
    for (const auto& a : d.alarms)
      if (a.test == "ks") ++s.byChannel[a.feature.substr(0, 2)];
  }
  return s;
}

std::string describe(const Scored& s) {
  std::string out =
      std::to_string(s.alarmedWindows) + "/" + std::to_string(s.windows) + " windows alarmed;";
  for (const auto& [c, n] : s.byChannel) out += " " + c + ":" + std::to_string(n);
  return out;
}

// Per channel: mean over its 20 time steps of |mean difference| / reference sd and of
// live sd / reference sd, class walk.
void printMoments(const char* what, const Reference& ref,
                  const std::vector<std::vector<double>>& rows) {
  const size_t cols = ref.table.columns();
  std::printf("[          ] %s\n", what);
  for (int c = 0; c < fleet::kImuChannels; ++c) {
    double dMean = 0, ratio = 0, refMean = 0, liveMean = 0;
    for (int t = 0; t < kLen; ++t) {
      const size_t col = static_cast<size_t>(c * kLen + t);
      double m = 0, v = 0, n = 0;
      for (size_t r = 0; r < ref.table.rows; ++r)
        if (ref.labels[r] == 1) m += ref.table.at(r, col), ++n;
      m /= n;
      for (size_t r = 0; r < ref.table.rows; ++r)
        if (ref.labels[r] == 1) v += std::pow(ref.table.at(r, col) - m, 2);
      const double sd = std::sqrt(v / (n - 1));
      double lm = 0, lv = 0;
      for (const auto& f : rows) lm += f[col];
      lm /= double(rows.size());
      for (const auto& f : rows) lv += std::pow(f[col] - lm, 2);
      const double lsd = std::sqrt(lv / double(rows.size() - 1));
      dMean += std::fabs(lm - m) / sd / kLen;
      ratio += lsd / sd / kLen;
      refMean += m / kLen;
      liveMean += lm / kLen;
    }
    std::printf("[          ]   %s: ref mean %6.2f live mean %6.2f |dmean|/sd %.2f sd ratio %.2f\n",
                std::string(fleet::imuChannelName(c)).c_str(), refMean, liveMean, dMean, ratio);
  }
  (void)cols;
}

// The mounting (core/fleet/imu_mounting.h) as the agents would use it: identity changes
// nothing, a rotation keeps the magnitude of gravity, an injected bias is added after it.
TEST(LiveDriftSim, MountingBeforeDrift) {
  fleet::ImuSimulator plain(0, kSeed, kRate), identity(0, kSeed, kRate);
  identity.setMounting(fleet::kIdentityMounting);
  const auto p = plain.next(200), q = identity.next(200);
  for (size_t i = 0; i < p.size(); ++i) ASSERT_EQ(p[i], q[i]) << i;

  fleet::ImuSimulator mounted(1, kSeed, kRate), biased(1, kSeed, kRate);
  const fleet::Mat3 r = fleet::deviceMounting(kSeed, 1);
  mounted.setMounting(r);
  biased.setMounting(r);
  mounted.forceActivity(fleet::Activity::Idle);
  biased.forceActivity(fleet::Activity::Idle);
  biased.injectBias(0, 6.0);
  double norm = 0;
  const auto m = mounted.next(400), b = biased.next(400);
  for (size_t i = 0; i < m.size(); ++i) {
    EXPECT_NEAR(b[i][0] - m[i][0], 6.0, 1e-5);
    EXPECT_EQ(b[i][1], m[i][1]);
    norm += std::sqrt(m[i][0] * m[i][0] + m[i][1] * m[i][1] + m[i][2] * m[i][2]) / 400.0;
  }
  EXPECT_NEAR(norm, 9.81, 0.15);
  EXPECT_GT(std::fabs(m[0][0]) + std::fabs(m[0][1]), 0.3);  // tilted: gravity leaks
}

// Walking devices 0 and 1 of seed 7 (wearers of the dataset), rows labelled walk (the truth:
// a model's errors are left out here), windows of 40 rows, alpha 0.001. Against the dataset
// (population) the unmounted simulator barely alarms and a device with its own fixed mounting
// always does (gravity leaks into ax/ay by up to 9.81 sin 15 deg = 2.5 m/s^2, a constant for one
// device but spread over the whole population); against the device's own baseline (120 rows)
// neither alarms, and a bias of 6 on ax alarms on ax only.
TEST(LiveDriftSim, PopulationAndOwnBaseline) {
  const Reference ref = datasetReference(60);
  for (int device : {0, 1}) {
    for (bool mounted : {false, true}) {
      auto sim = walker(device, mounted);
      const auto rows = deviceRows(*sim, 400);
      const std::string what = "device " + std::to_string(device) +
                               (mounted ? " mounted" : " unmounted") + " vs imu-sim walk";
      printMoments(what.c_str(), ref, rows);
      std::printf("[          ]   population reference: %s\n",
                  describe(score(ref, rows, 1, 40)).c_str());
      const Scored own = score(ref, rows, 1, 40, 120);
      std::printf("[          ]   own baseline (120 rows): %s\n", describe(own).c_str());
      EXPECT_EQ(own.windows, 7u);
      EXPECT_EQ(own.alarmedWindows, 0u) << what;
      auto biased = rows;
      for (size_t r = 120; r < biased.size(); ++r)
        for (int t = 0; t < kLen; ++t) biased[r][static_cast<size_t>(t)] += 6.0;
      Scored ownBiased = score(ref, biased, 1, 40, 120);
      std::printf("[          ]   own baseline, ax+6: %s; population, ax+6: %s\n",
                  describe(ownBiased).c_str(), describe(score(ref, biased, 1, 40)).c_str());
      EXPECT_EQ(ownBiased.alarmedWindows, 7u) << what;
      EXPECT_EQ(ownBiased.byChannel.size(), 1u) << what;
      EXPECT_GT(ownBiased.byChannel["ax"], 0u) << what;
    }
  }
}

}  // namespace
}  // namespace edgewise::audit
