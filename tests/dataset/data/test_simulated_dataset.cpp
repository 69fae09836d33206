// The simulated IMU activity dataset: balanced, deterministic per seed, physically plausible.

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <numeric>

#include "core/dataset/data/simulated_dataset.h"
#include "tests/dataset/data/dataset_test_util.h"

namespace edgewise::dataset::test {
namespace {

TEST(SimulatedImu, BalancedShapedAndDeterministic) {
  auto a = simulateImuActivityDataset(12, 2.0, 50.0, 9);
  EW_ASSERT_OK(a);
  EXPECT_EQ(a->info.kind, DatasetKind::Timeseries);
  EXPECT_EQ(a->info.classNames,
            (std::vector<std::string>{"idle", "walk", "run", "stairs", "fall"}));
  EXPECT_EQ(a->info.seriesChannels, 6);
  EXPECT_EQ(a->info.seriesLength, 100);
  EXPECT_EQ(a->info.seriesRateHz, 50.0);
  EXPECT_EQ(expectedBlobSize(a->info), 100u * 6u * 4u);
  ASSERT_EQ(a->samples.size(), 60u);
  std::vector<int> perClass(5, 0);
  for (const ParsedSample& s : a->samples) {
    ASSERT_EQ(s.blob.size(), 2400u);
    ++perClass[static_cast<size_t>(s.label)];
  }
  EXPECT_EQ(perClass, (std::vector<int>{12, 12, 12, 12, 12}));
  EXPECT_EQ(a->samples[13].source, "walk device 1 window 1");

  auto b = simulateImuActivityDataset(12, 2.0, 50.0, 9);
  EW_ASSERT_OK(b);
  for (size_t i = 0; i < a->samples.size(); ++i) ASSERT_EQ(a->samples[i].blob, b->samples[i].blob);
  auto c = simulateImuActivityDataset(12, 2.0, 50.0, 10);
  EW_ASSERT_OK(c);
  size_t differ = 0;
  for (size_t i = 0; i < a->samples.size(); ++i) differ += a->samples[i].blob != c->samples[i].blob;
  EXPECT_EQ(differ, a->samples.size());
  // A class's windows do not depend on how many windows the other classes get.
  auto more = simulateImuActivityDataset(20, 2.0, 50.0, 9);
  EW_ASSERT_OK(more);
  EXPECT_EQ(more->samples[20].blob, a->samples[12].blob);  // first walk window
}

// Mean acceleration magnitude: about g when idle; falls reach an impact far above g; running
// moves more than walking (std of the magnitude).
TEST(SimulatedImu, ActivitiesLookPhysical) {
  auto d = simulateImuActivityDataset(16, 2.0, 100.0, 3);
  EW_ASSERT_OK(d);
  std::vector<double> meanMag(5, 0), stdMag(5, 0), peak(5, 0);
  for (const ParsedSample& s : d->samples) {
    const std::vector<float> f = floatsOf(s.blob);
    std::vector<double> mag;
    for (size_t t = 0; t + 5 < f.size(); t += 6)
      mag.push_back(std::sqrt(f[t] * f[t] + f[t + 1] * f[t + 1] + f[t + 2] * f[t + 2]));
    const double m = std::accumulate(mag.begin(), mag.end(), 0.0) / mag.size();
    double v = 0;
    for (double x : mag) v += (x - m) * (x - m);
    meanMag[static_cast<size_t>(s.label)] += m / 16;
    stdMag[static_cast<size_t>(s.label)] += std::sqrt(v / mag.size()) / 16;
    peak[static_cast<size_t>(s.label)] =
        std::max(peak[static_cast<size_t>(s.label)], *std::max_element(mag.begin(), mag.end()));
  }
  EXPECT_NEAR(meanMag[0], 9.81, 1.5);
  EXPECT_LT(stdMag[0], 0.5);
  EXPECT_GT(stdMag[2], stdMag[1]);
  EXPECT_GT(peak[4], 25.0);
}

TEST(SimulatedImu, RefusesBadArguments) {
  EXPECT_FALSE(simulateImuActivityDataset(0, 2.0, 50.0, 1).ok());
  EXPECT_FALSE(simulateImuActivityDataset(5, 0.02, 50.0, 1).ok());
  EXPECT_FALSE(simulateImuActivityDataset(5, 2.0, 0.0, 1).ok());
}

}  // namespace
}  // namespace edgewise::dataset::test
