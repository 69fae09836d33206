// The placement algorithms on small instances solved by hand and by brute force: the offline
// algorithm finds the optimum, every algorithm respects capacity and the latency bound, and
// the baselines behave as specified.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <random>

#include "core/placement/placement_problem.h"
#include "core/placement/scheduling.h"

namespace edgewise::placement {
namespace {

// A task whose layer j takes seconds[j] at the edge and outputs bytes[j].
Task makeTask(int id, double inputBytes, double bandwidthBps, std::vector<double> seconds,
              std::vector<double> bytes) {
  Task t;
  t.id = id;
  t.inputBytes = inputBytes;
  t.bandwidthBps = bandwidthBps;
  for (size_t j = 0; j < seconds.size(); ++j) t.layers.push_back({seconds[j], bytes[j]});
  return t;
}

TEST(PlacementModel, LatencyAndDemandFollowTheFormula) {
  Problem p;
  p.cloudSpeedup = 10.0;
  // 1 MB input on 80 Mb/s: 0.1 s to ship it; layers 0.02 / 0.03 / 0.05 s at the edge.
  Task t = makeTask(0, 1e6, 80e6, {0.02, 0.03, 0.05}, {5e5, 1e5, 1e3});
  t.requestRate = 2.0;
  EXPECT_NEAR(latencySeconds(p, t, 0), 0.1 + 0.010, 1e-12);
  EXPECT_NEAR(latencySeconds(p, t, 1), 0.02 + 0.05 + 0.008, 1e-12);
  EXPECT_NEAR(latencySeconds(p, t, 2), 0.05 + 0.01 + 0.005, 1e-12);
  EXPECT_NEAR(latencySeconds(p, t, 3), 0.10 + 1e-4, 1e-12);
  EXPECT_DOUBLE_EQ(edgeDemand(t, 0), 0.0);
  EXPECT_NEAR(edgeDemand(t, 2), 2.0 * 0.05, 1e-12);
  EXPECT_DOUBLE_EQ(transferBytes(t, 0), 1e6);
  EXPECT_DOUBLE_EQ(transferBytes(t, 3), 1e3);
}

TEST(PlacementModel, CheapestSplitIsTheFirstWithinTheBound) {
  Problem p;
  p.latencyBound = 0.07;
  Task t = makeTask(0, 1e6, 80e6, {0.02, 0.03, 0.05}, {5e5, 1e5, 1e3});
  // k=1: 0.078 > 0.07; k=2: 0.065 ok; k=3: 0.1001 too slow.
  EXPECT_EQ(cheapestEdgeLayers(p, t), 2);
  p.latencyBound = 0.05;
  EXPECT_EQ(cheapestEdgeLayers(p, t), 0);
  p.latencyBound = 1.0;
  EXPECT_EQ(cheapestEdgeLayers(p, t), 1);
}

TEST(PlacementModel, ValidationNamesTheProblem) {
  Problem p;
  p.servers.push_back({0, 1.0});
  p.tasks.push_back(makeTask(7, 1e6, 0.0, {0.1}, {10}));
  auto r = validateProblem(p);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("task 7"), std::string::npos);
}

// Hand-solved: two servers of capacity 1.0 and 0.5, five tasks with a generous bound, so
// each task's cheapest split is 1 layer and its demand is its first layer's time. Demands
// 0.6, 0.5, 0.4, 0.3, 0.2 sum to 2.0 > 1.5, so not all five. The four smallest (1.4) pack as
// {0.5, 0.4} on the first server and {0.3, 0.2} on the second: the optimum is 4. FIFO in arrival
// order 0.6, 0.5, 0.4, ... puts 0.6 on server 0, 0.5 on server 1, 0.4 on server 0, then nothing
// fits: 3.
TEST(PlacementOffline, HandSolvedInstance) {
  Problem p;
  p.latencyBound = 10.0;
  p.servers = {{0, 1.0}, {1, 0.5}};
  const std::vector<double> first = {0.6, 0.5, 0.4, 0.3, 0.2};
  for (size_t i = 0; i < first.size(); ++i)
    p.tasks.push_back(makeTask(static_cast<int>(i), 1e5, 1e9, {first[i], 0.1}, {1e4, 10}));
  const Placement off = scheduleOffline(p);
  EXPECT_EQ(off.deployed(), 4);
  EXPECT_TRUE(violations(p, off).empty());
  EXPECT_EQ(off.server[0], -1) << "the largest task is the one left out";
  const Placement fifo = scheduleFifo(p);
  EXPECT_EQ(fifo.deployed(), 3);
  EXPECT_EQ(fifo.server[0], 0);
  EXPECT_EQ(fifo.server[1], 1);
  EXPECT_EQ(fifo.server[2], 0);
  EXPECT_TRUE(violations(p, fifo).empty());
}

// Hand-solved layer choice: one server of capacity 0.25. Task A ships 1 MB on 10 Mb/s
// (0.8 s) unless cut; its layer outputs shrink 1e6 -> 2e5 -> 1e4 bytes, so with bound 0.2 s
// it needs 2 layers (0.05 + 0.05 + 1e4*8/1e7 = 0.108 s + cloud) at demand 0.1. Task B on a
// fast link is fine with 1 layer at demand 0.05. Fixed-1 deploys only B (A misses the bound),
// fixed-3 deploys A at 0.15 and B at 0.15: over capacity together, so one. Offline: both.
TEST(PlacementOffline, LayerSchedulingBeatsFixedSplits) {
  Problem p;
  p.latencyBound = 0.2;
  p.servers = {{0, 0.25}};
  p.tasks.push_back(makeTask(0, 1e6, 10e6, {0.05, 0.05, 0.05}, {1e6, 1e4, 1e3}));
  p.tasks.push_back(makeTask(1, 1e6, 1e9, {0.05, 0.05, 0.05}, {1e6, 1e4, 1e3}));
  const Placement off = scheduleOffline(p);
  EXPECT_EQ(off.deployed(), 2);
  EXPECT_EQ(off.edgeLayers[0], 2);
  EXPECT_EQ(off.edgeLayers[1], 1);
  EXPECT_EQ(scheduleFixed(p, 1).deployed(), 1);
  EXPECT_EQ(scheduleFixed(p, 1).server[0], -1);
  EXPECT_EQ(scheduleFixed(p, 2).deployed(), 2);
  EXPECT_EQ(scheduleFixed(p, 3).deployed(), 1);
  for (const Placement& pl : {off, scheduleFixed(p, 1), scheduleFixed(p, 2), scheduleFixed(p, 3)})
    EXPECT_TRUE(violations(p, pl).empty()) << pl.algorithm;
}

// Low-bandwidth-first serves the slowest link first even when it is the most expensive.
TEST(PlacementBaselines, LowBandwidthFirstOrdersByBandwidth) {
  Problem p;
  p.latencyBound = 0.2;
  p.servers = {{0, 0.12}};
  p.tasks.push_back(makeTask(0, 1e6, 1e9, {0.05, 0.05, 0.05}, {1e6, 1e4, 1e3}));   // demand 0.05
  p.tasks.push_back(makeTask(1, 1e6, 10e6, {0.05, 0.05, 0.05}, {1e6, 1e4, 1e3}));  // 0.10
  const Placement lbf = scheduleLowBandwidthFirst(p);
  EXPECT_EQ(lbf.deployed(), 1);
  EXPECT_EQ(lbf.server[1], 0);
  const Placement fifo = scheduleFifo(p);
  EXPECT_EQ(fifo.deployed(), 1);
  EXPECT_EQ(fifo.server[0], 0);
}

TEST(PlacementOnlineCompetitive, ThresholdFallsFromMaxToMin) {
  const double lo = 0.01, hi = 0.5;
  const double z0 = 1.0 / (1.0 + std::log(hi / lo));
  EXPECT_DOUBLE_EQ(onlineThreshold(0.0, lo, hi), hi);
  EXPECT_DOUBLE_EQ(onlineThreshold(z0 * 0.999, lo, hi), hi);
  EXPECT_NEAR(onlineThreshold(z0, lo, hi), hi, 1e-12);
  EXPECT_NEAR(onlineThreshold(1.0, lo, hi), lo, 1e-12);
  double previous = hi;
  for (double z = 0.0; z <= 1.0; z += 0.01) {
    const double t = onlineThreshold(z, lo, hi);
    EXPECT_LE(t, previous + 1e-15);
    previous = t;
  }
  // No spread: admit anything that fits.
  EXPECT_DOUBLE_EQ(onlineThreshold(0.9, 0.2, 0.2), 0.2);
}

// One server of capacity 1, bounds [0.05, 0.5] -> z0 = 1 / (1 + ln 10) = 0.303. Arrivals
// 0.4 (z = 0: admitted), 0.45 (z = 0.4: threshold 0.5 e (10 e)^-0.4 = 0.41, rejected), then
// six of 0.1 (thresholds at z = 0.4..0.8 stay >= 0.1 until z = 0.7: 0.5e(10e)^-0.7 = 0.13,
// z = 0.8: 0.097 < 0.1, rejected). FIFO takes 0.4 and 0.45, then one 0.1: 3 tasks; online 5.
TEST(PlacementOnlineCompetitive, RejectsLargeTasksOnAFillingServer) {
  Problem p;
  p.latencyBound = 10.0;
  p.servers = {{0, 1.0}};
  std::vector<double> demand = {0.4, 0.45, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1};
  for (size_t i = 0; i < demand.size(); ++i)
    p.tasks.push_back(makeTask(static_cast<int>(i), 1e5, 1e9, {demand[i]}, {10}));
  CompetitiveOnlineOptions o;
  o.minDemand = 0.05;
  o.maxDemand = 0.5;
  const Placement on = scheduleOnlineCompetitive(p, o);
  EXPECT_EQ(on.server[0], 0);
  EXPECT_EQ(on.server[1], -1);
  EXPECT_EQ(on.deployed(), 5);
  EXPECT_TRUE(violations(p, on).empty());
  EXPECT_EQ(scheduleFifo(p).deployed(), 3);
  EXPECT_EQ(scheduleOffline(p).deployed(), 7);  // 0.4 + 6 x 0.1 = 1.0
}

TEST(PlacementOnline, ThresholdSharesWhatIsLeftAmongExpectedArrivals) {
  const double inf = std::numeric_limits<double>::infinity();
  // History 1, 2, 3, 4 (H = 4). Capacity 10 for 4 arrivals: all of them fit on average.
  EXPECT_EQ(onlineDemandCap({1, 2, 3, 4}, 10.0, 4.0), inf);
  // Capacity 5 for 4 arrivals: admitting demands <= 2 uses 4 * (1 + 2) / 4 = 3, <= 3 uses 6.
  EXPECT_EQ(onlineDemandCap({1, 2, 3, 4}, 5.0, 4.0), 2.0);
  EXPECT_EQ(onlineDemandCap({1, 2, 3, 4}, 5.0, 2.0), inf);
  EXPECT_EQ(onlineDemandCap({1, 2, 3, 4}, 0.5, 4.0), 0.0);
  // Tasks that cannot go to the edge (+inf) use nothing.
  EXPECT_EQ(onlineDemandCap({1, inf}, 1.0, 2.0), inf);
  EXPECT_EQ(onlineDemandCap({}, 1.0, 2.0), inf);
}

// One server of capacity 6, history {1, 2, 3, 4}, arrivals 4, 1, 2, 3. Online: the cap on
// arrival 0 is 3 (budget 6 * 4 / 4 = 6 covers 1 + 2 + 3), so 4 is turned away; then 1 (cap 3),
// 2 (budget 5 * 4 / 2 = 10: no cap) and 3 (budget 3 * 4 / 1 = 12) are admitted: 3 tasks, the
// offline optimum (1 + 2 + 3 = 6). FIFO takes 4 and 1 and then nothing fits: 2.
TEST(PlacementOnline, TurnsAwayLargeTasksWhenCapacityIsShort) {
  Problem p;
  p.latencyBound = 1000.0;
  p.servers = {{0, 6.0}};
  const std::vector<double> demand = {4, 1, 2, 3};
  for (size_t i = 0; i < demand.size(); ++i)
    p.tasks.push_back(makeTask(static_cast<int>(i), 1e5, 1e9, {demand[i]}, {10}));
  OnlineOptions o;
  o.demandHistory = {4, 3, 2, 1};
  const Placement on = scheduleOnline(p, o);
  EXPECT_EQ(on.server[0], -1);
  EXPECT_EQ(on.deployed(), 3);
  EXPECT_TRUE(violations(p, on).empty());
  EXPECT_EQ(scheduleFifo(p).deployed(), 2);
  EXPECT_EQ(scheduleOffline(p).deployed(), 3);
  // With room for everything it admits everything, like FIFO.
  p.servers = {{0, 10.0}};
  EXPECT_EQ(scheduleOnline(p, o).deployed(), 4);
}

// Brute force over every (server or cloud) x (layers) choice of every task.
int bruteForceOptimum(const Problem& p) {
  const int n = static_cast<int>(p.tasks.size());
  std::vector<double> used(p.servers.size(), 0.0);
  int best = 0;
  std::function<void(int, int)> go = [&](int i, int count) {
    if (count + (n - i) <= best) return;
    if (i == n) {
      best = std::max(best, count);
      return;
    }
    const Task& t = p.tasks[i];
    for (int k = 1; k <= static_cast<int>(t.layers.size()); ++k) {
      if (latencySeconds(p, t, k) > p.latencyBound) continue;
      const double d = edgeDemand(t, k);
      for (size_t s = 0; s < p.servers.size(); ++s) {
        if (used[s] + d > p.servers[s].capacity * (1.0 + 1e-12)) continue;
        used[s] += d;
        go(i + 1, count + 1);
        used[s] -= d;
      }
    }
    go(i + 1, count);
  };
  go(0, 0);
  return best;
}

Problem randomSmallProblem(std::mt19937_64& rng) {
  auto u = [&](double lo, double hi) {
    return lo + (hi - lo) * static_cast<double>(rng() >> 11) * 0x1.0p-53;
  };
  Problem p;
  p.latencyBound = 0.2;
  p.cloudSpeedup = 10.0;
  const int servers = 1 + static_cast<int>(rng() % 3);
  for (int s = 0; s < servers; ++s) p.servers.push_back({s, u(0.05, 0.3)});
  const int tasks = 3 + static_cast<int>(rng() % 5);
  for (int i = 0; i < tasks; ++i) {
    const int layers = 2 + static_cast<int>(rng() % 3);
    const double input = u(1e5, 1e6);
    std::vector<double> seconds, bytes;
    double size = input;
    for (int j = 0; j < layers; ++j) {
      seconds.push_back(u(0.005, 0.06));
      size *= u(0.1, 1.3);
      bytes.push_back(size);
    }
    p.tasks.push_back(makeTask(i, input, 10e6 * std::pow(100.0, u(0, 1)), seconds, bytes));
  }
  return p;
}

TEST(PlacementOffline, MatchesBruteForceOnRandomSmallInstances) {
  std::mt19937_64 rng(2018);
  int nonTrivial = 0;
  for (int trial = 0; trial < 300; ++trial) {
    const Problem p = randomSmallProblem(rng);
    const int optimum = bruteForceOptimum(p);
    const Placement off = scheduleOffline(p);
    ASSERT_EQ(off.deployed(), optimum) << "trial " << trial;
    nonTrivial += optimum > 0 && optimum < static_cast<int>(p.tasks.size());
    std::vector<Placement> all = {off, scheduleOnline(p), scheduleOnlineCompetitive(p),
                                  scheduleFifo(p), scheduleLowBandwidthFirst(p)};
    for (int k = 1; k <= 5; ++k) all.push_back(scheduleFixed(p, k));
    for (const Placement& pl : all) {
      EXPECT_LE(pl.deployed(), optimum) << pl.algorithm << " trial " << trial;
      const auto broken = violations(p, pl);
      EXPECT_TRUE(broken.empty()) << pl.algorithm << " trial " << trial << ": " << broken.front();
    }
  }
  EXPECT_GT(nonTrivial, 100) << "the instances should mostly be constrained";
}

TEST(PlacementPacking, ExactPackerFindsWhatBestFitMisses) {
  // Bins 10 and 10, items 5 4 4 3 2 2: best-fit decreasing puts 5+4 and 4+3+2, then the
  // last 2 does not fit (1 and 1 left); exact: 5+3+2 and 4+4+2.
  std::vector<int> bins;
  const std::vector<double> sizes = {5, 4, 4, 3, 2, 2};
  EXPECT_TRUE(packItems(sizes, {10, 10}, &bins));
  std::vector<double> load(2, 0.0);
  for (size_t i = 0; i < sizes.size(); ++i) load[bins[i]] += sizes[i];
  EXPECT_LE(load[0], 10.0);
  EXPECT_LE(load[1], 10.0);
  EXPECT_FALSE(packItems({6, 5, 5, 5}, {10, 10}, nullptr));
  EXPECT_TRUE(packItems({}, {1}, nullptr));
}

}  // namespace
}  // namespace edgewise::placement
