#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <set>
#include <vector>

#include "core/fleet/imu_simulator.h"

using edgewise::fleet::Activity;
using edgewise::fleet::ImuSample;
using edgewise::fleet::ImuSimulator;

namespace {

constexpr double kG = 9.80665;

double accNorm(const ImuSample& s) {
  return std::sqrt(s[0] * s[0] + s[1] * s[1] + s[2] * s[2]);
}

struct Stats {
  double mean = 0;
  double std = 0;
};

Stats stats(const std::vector<double>& v) {
  Stats s;
  s.mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
  double sq = 0;
  for (double x : v) sq += (x - s.mean) * (x - s.mean);
  s.std = std::sqrt(sq / static_cast<double>(v.size()));
  return s;
}

std::vector<double> norms(const std::vector<ImuSample>& samples) {
  std::vector<double> out;
  out.reserve(samples.size());
  for (const auto& s : samples) out.push_back(accNorm(s));
  return out;
}

std::vector<double> channel(const std::vector<ImuSample>& samples, int c) {
  std::vector<double> out;
  for (const auto& s : samples) out.push_back(s[static_cast<size_t>(c)]);
  return out;
}

// Frequency (Hz) of the largest DFT magnitude of the mean-removed signal within [lo, hi].
double dominantFrequency(const std::vector<double>& x, double rateHz, double lo, double hi) {
  const double mean = stats(x).mean;
  double bestF = 0;
  double bestMag = -1;
  for (double f = lo; f <= hi; f += 0.02) {
    double re = 0;
    double im = 0;
    for (size_t i = 0; i < x.size(); ++i) {
      const double phase = 2 * M_PI * f * static_cast<double>(i) / rateHz;
      re += (x[i] - mean) * std::cos(phase);
      im += (x[i] - mean) * std::sin(phase);
    }
    const double mag = re * re + im * im;
    if (mag > bestMag) {
      bestMag = mag;
      bestF = f;
    }
  }
  return bestF;
}

std::vector<ImuSample> forced(Activity a, int n, int device = 0, uint64_t seed = 42,
                              double rate = 100) {
  ImuSimulator sim(device, seed, rate);
  sim.forceActivity(a);
  return sim.next(n);
}

}  // namespace

TEST(ImuSimulator, IdleMeasuresGravityWithSmallSpread) {
  for (int device = 0; device < 5; ++device) {
    const auto s = stats(norms(forced(Activity::Idle, 1000, device)));
    EXPECT_NEAR(s.mean, kG, 0.3) << "device " << device;
    EXPECT_LT(s.std, 0.15) << "device " << device;
    EXPECT_GT(s.std, 0.005) << "device " << device << ": a real sensor is never noise-free";
  }
}

TEST(ImuSimulator, IdleGravityIsOnTheVerticalAxis) {
  const auto samples = forced(Activity::Idle, 500);
  EXPECT_NEAR(stats(channel(samples, 2)).mean, kG, 0.3);
  EXPECT_NEAR(stats(channel(samples, 0)).mean, 0.0, 0.3);
  EXPECT_NEAR(stats(channel(samples, 3)).mean, 0.0, 0.05);  // gyro: no rotation at rest
}

TEST(ImuSimulator, IntensityOrdersRunAboveWalkAboveIdle) {
  for (int device = 0; device < 3; ++device) {
    const double idle = stats(norms(forced(Activity::Idle, 1000, device))).std;
    const double walk = stats(norms(forced(Activity::Walk, 1000, device))).std;
    const double run = stats(norms(forced(Activity::Run, 1000, device))).std;
    EXPECT_GT(walk, 5 * idle) << "device " << device;
    EXPECT_GT(run, 2 * walk) << "device " << device;
    // Gyroscope too: running swings the trunk more than walking.
    EXPECT_GT(stats(channel(forced(Activity::Run, 1000, device), 3)).std,
              stats(channel(forced(Activity::Walk, 1000, device), 3)).std);
  }
}

TEST(ImuSimulator, GaitFrequenciesAreHumanCadences) {
  // 10 s at 100 Hz; the per-wearer cadence varies by +-8 % and per segment by a few %.
  const double walk = dominantFrequency(channel(forced(Activity::Walk, 1000), 2), 100, 0.5, 5);
  const double run = dominantFrequency(channel(forced(Activity::Run, 1000), 2), 100, 0.5, 5);
  EXPECT_NEAR(walk, 1.8, 0.3);
  EXPECT_NEAR(run, 2.8, 0.4);
}

TEST(ImuSimulator, StairsLeanForwardAndPushUp) {
  const auto stairs = forced(Activity::Stairs, 1000);
  const auto walk = forced(Activity::Walk, 1000);
  // Forward lean puts ~sin(10 deg) of gravity on the fore-aft axis.
  EXPECT_GT(stats(channel(stairs, 1)).mean, 1.0);
  EXPECT_LT(std::abs(stats(channel(walk, 1)).mean), 0.5);
  // Each step lifts the body: the mean vertical force is above that of level walking.
  EXPECT_GT(stats(channel(stairs, 2)).mean, stats(channel(walk, 2)).mean + 0.2);
}

TEST(ImuSimulator, FallHasFreeFallThenImpactThenLyingOnAnotherAxis) {
  for (double rate : {100.0, 50.0}) {
    const int n = static_cast<int>(3 * rate);
    const auto samples = forced(Activity::Fall, n, 3, 7, rate);
    const auto a = norms(samples);
    const auto peak = std::max_element(a.begin(), a.end());
    EXPECT_GT(*peak, 3 * kG) << "rate " << rate;
    // Near free fall (< 0.3 g) for at least 0.2 s, ending right before the impact.
    const auto peakIndex = static_cast<size_t>(peak - a.begin());
    size_t longest = 0;
    size_t run = 0;
    size_t runEnd = 0;
    for (size_t i = 0; i < peakIndex; ++i) {
      run = a[i] < 0.3 * kG ? run + 1 : 0;
      if (run > longest) {
        longest = run;
        runEnd = i;
      }
    }
    EXPECT_GE(static_cast<double>(longest) / rate, 0.2) << "rate " << rate;
    EXPECT_LE(static_cast<double>(peakIndex - runEnd) / rate, 0.1) << "rate " << rate;
    // Lying still afterwards: gravity has moved from z to x, and nothing moves.
    std::vector<ImuSample> lying(samples.end() - static_cast<long>(rate), samples.end());
    EXPECT_NEAR(std::abs(stats(channel(lying, 0)).mean), kG, 0.4);
    EXPECT_LT(std::abs(stats(channel(lying, 2)).mean), 1.5);
    EXPECT_LT(stats(norms(lying)).std, 0.15);
  }
}

TEST(ImuSimulator, SameSeedSameData) {
  ImuSimulator a(5, 1234, 100);
  ImuSimulator b(5, 1234, 100);
  const auto x = a.next(3000);
  const auto y = b.next(3000);
  ASSERT_EQ(x.size(), y.size());
  for (size_t i = 0; i < x.size(); ++i) ASSERT_EQ(x[i], y[i]) << "sample " << i;
  EXPECT_EQ(a.currentActivity(), b.currentActivity());
}

TEST(ImuSimulator, DifferentSeedOrDeviceDifferentData) {
  const auto base = ImuSimulator(5, 1234, 100).next(200);
  const auto otherSeed = ImuSimulator(5, 1235, 100).next(200);
  const auto otherDevice = ImuSimulator(6, 1234, 100).next(200);
  int sameSeedEqual = 0;
  int sameDeviceEqual = 0;
  for (size_t i = 0; i < base.size(); ++i) {
    sameSeedEqual += base[i] == otherSeed[i] ? 1 : 0;
    sameDeviceEqual += base[i] == otherDevice[i] ? 1 : 0;
  }
  EXPECT_EQ(sameSeedEqual, 0);
  EXPECT_EQ(sameDeviceEqual, 0);
}

TEST(ImuSimulator, ScheduleChangesActivityEveryFewSeconds) {
  ImuSimulator sim(0, 99, 100);
  std::set<Activity> seen;
  int changes = 0;
  int shortestRun = 1 << 30;
  int run = 0;
  Activity last = sim.currentActivity();
  for (int i = 0; i < 100 * 300; ++i) {  // 5 minutes
    const Activity now = sim.currentActivity();
    seen.insert(now);
    if (now != last) {
      ++changes;
      shortestRun = std::min(shortestRun, run);
      run = 0;
      last = now;
    }
    ++run;
    sim.next(1);
  }
  EXPECT_GE(seen.size(), 4u);
  // Segments last 3-8 s (consecutive equal activities merge), so 300 s holds 20-100 changes.
  EXPECT_GE(changes, 20);
  EXPECT_LE(changes, 100);
  EXPECT_GE(shortestRun, 299);  // 3 s at 100 Hz, rounding of the segment boundary aside
  EXPECT_NEAR(sim.elapsedSeconds(), 300.0, 1e-9);
}

TEST(ImuSimulator, NextIntoMatchesNext) {
  ImuSimulator a(2, 8, 100);
  ImuSimulator b(2, 8, 100);
  const auto x = a.next(50);
  std::vector<float> y(50 * 6);
  b.nextInto(y.data(), 50);
  for (size_t i = 0; i < 50; ++i)
    for (size_t c = 0; c < 6; ++c) ASSERT_EQ(x[i][c], y[i * 6 + c]);
}

// Drift (inject_drift): the drifted stream is gain * x + bias of the very same samples, since
// drift draws nothing from the noise generator.
TEST(ImuSimulatorDrift, BiasAndGainTransformTheSameSamples) {
  ImuSimulator plain(3, 11, 50);
  ImuSimulator drifted(3, 11, 50);
  drifted.injectBias(edgewise::fleet::imuChannelIndex("ax"), 2.0);
  drifted.injectGain(edgewise::fleet::imuChannelIndex("gz"), 1.5);
  drifted.injectBias(edgewise::fleet::imuChannelIndex("gz"), -0.25);
  EXPECT_TRUE(drifted.drift().active());
  const auto a = plain.next(1000);
  const auto b = drifted.next(1000);
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_NEAR(b[i][0], a[i][0] + 2.0, 1e-5) << i;
    EXPECT_NEAR(b[i][5], 1.5 * a[i][5] - 0.25, 1e-5) << i;
    for (int c : {1, 2, 3, 4})
      ASSERT_EQ(b[i][static_cast<size_t>(c)], a[i][static_cast<size_t>(c)]);
  }
}

TEST(ImuSimulatorDrift, RepeatedInjectionSetsRatherThanAccumulates) {
  ImuSimulator sim(0, 1, 100);
  sim.injectBias(0, 2.0);
  sim.injectBias(0, 2.0);  // a QoS 1 command delivered twice
  EXPECT_DOUBLE_EQ(sim.drift().bias[0], 2.0);
}

TEST(ImuSimulatorDrift, ClearDriftRestoresTheUndriftedStream) {
  ImuSimulator plain(1, 5, 100);
  ImuSimulator drifted(1, 5, 100);
  drifted.injectBias(2, -3.0);
  drifted.next(200);
  plain.next(200);
  drifted.clearDrift();
  EXPECT_FALSE(drifted.drift().active());
  const auto a = plain.next(300);
  const auto b = drifted.next(300);
  for (size_t i = 0; i < a.size(); ++i) ASSERT_EQ(a[i], b[i]) << i;
}

TEST(ImuSimulatorDrift, MixMakesTheActivityThatShareOfTheTime) {
  // Without drift run is drawn for ~15 % of the segments; with mix run 0.8 the share of
  // segments that are run is 0.8 + 0.2 * 0.15 = 0.83.
  ImuSimulator timed(2, 9, 20);
  timed.injectMix(Activity::Run, 0.8);
  int runSamples = 0;
  const int n = 20 * 3000;
  for (int i = 0; i < n; ++i) {
    runSamples += timed.currentActivity() == Activity::Run ? 1 : 0;
    timed.next(1);
  }
  const double share = static_cast<double>(runSamples) / n;
  // Segment lengths differ by activity (falls 3-5 s, others 3-8 s), so the time share is
  // close to but not exactly the segment share (3000 s hold ~550 segments).
  EXPECT_GT(share, 0.74);
  EXPECT_LT(share, 0.92);
  ImuSimulator normal(2, 9, 20);
  int normalRun = 0;
  for (int i = 0; i < n; ++i) {
    normalRun += normal.currentActivity() == Activity::Run ? 1 : 0;
    normal.next(1);
  }
  EXPECT_LT(static_cast<double>(normalRun) / n, 0.3);
}

TEST(ImuSimulatorDrift, ChannelAndActivityNamesRoundTrip) {
  for (int c = 0; c < edgewise::fleet::kImuChannels; ++c)
    EXPECT_EQ(edgewise::fleet::imuChannelIndex(edgewise::fleet::imuChannelName(c)), c);
  EXPECT_EQ(edgewise::fleet::imuChannelIndex("qq"), -1);
  Activity a = Activity::Idle;
  EXPECT_TRUE(edgewise::fleet::activityFromName("stairs", &a));
  EXPECT_EQ(a, Activity::Stairs);
  EXPECT_FALSE(edgewise::fleet::activityFromName("swim", &a));
}
