// DriftMonitor: the per-feature figures equal the standalone functions, no-drift windows
// alarm at most at the configured level (while "PSI > 0.1" fires on most small windows), a
// 1-sigma shift in one feature is caught in one window of 200, MMD reacts to a joint shift,
// header checks; the feature CSV reader's errors.

#include <gtest/gtest.h>

#include <cmath>

#include "core/audit/drift_monitor.h"
#include "core/audit/feature_table.h"
#include "core/audit/psi.h"
#include "core/audit/synthetic.h"
#include "core/audit/two_sample.h"

namespace edgewise::audit {
namespace {

using Gaussian = GaussianTables;

std::vector<double> column(const FeatureTable& t, size_t c) {
  std::vector<double> v;
  for (size_t r = 0; r < t.rows; ++r) v.push_back(t.at(r, c));
  return v;
}

TEST(DriftMonitor, FiguresEqualTheStandaloneFunctions) {
  Gaussian g(1);
  const FeatureTable ref = g.table(500, 4);
  const FeatureTable live = g.table(120, 4, 2, 0.5);
  auto monitor = DriftMonitor::create(ref);
  ASSERT_TRUE(monitor.ok()) << monitor.error().toString();
  auto report = monitor->score(live);
  ASSERT_TRUE(report.ok()) << report.error().toString();
  ASSERT_EQ(report->features.size(), 4u);
  for (size_t c = 0; c < 4; ++c) {
    const FeatureDrift& f = report->features[c];
    EXPECT_EQ(f.feature, "f" + std::to_string(c));
    const KsResult ks = ksTwoSample(column(ref, c), column(live, c));
    EXPECT_EQ(f.ksStatistic, ks.statistic);
    EXPECT_EQ(f.ksPValue, ks.pValue);
    EXPECT_NEAR(f.wasserstein, wasserstein1(column(ref, c), column(live, c)), 1e-12);
    std::vector<double> sorted = column(live, c);
    std::sort(sorted.begin(), sorted.end());
    EXPECT_DOUBLE_EQ(f.psi, PsiBinning(SortedSample(column(ref, c)), 10).psi(sorted));
    const PsiBinning bins(SortedSample(column(ref, c)), 10);
    EXPECT_EQ(f.psiThreshold, psiNullQuantile(bins.referenceCounts(), 120, 0.05));
    EXPECT_GT(f.psiThreshold, 0.0);
    EXPECT_GE(f.ksPAdjusted, f.ksPValue);
  }
  EXPECT_TRUE(report->features[2].drift);
  EXPECT_TRUE(report->drift);
  ASSERT_TRUE(report->multivariate.has_value());
  EXPECT_EQ(report->multivariate->referenceRows, 200u);  // mmdMaxRows
  EXPECT_EQ(report->multivariate->liveRows, 120u);
  // Scoring again gives the same result (seeded MMD, memoised KS p-values).
  auto again = monitor->score(live);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->multivariate->pValue, report->multivariate->pValue);
  EXPECT_GT(monitor->ksCache().hits(), 0u);
}

// The calibration target at a modest size: 600 windows of 100 rows x 5 features without
// drift, 10 per reference of 1,000 rows (60 references). The window alarms (some feature flagged
// after BH) must stay at the 5 % level (binomial slack: 2.5 standard errors, 2.2 points);
// the naive rule "some feature has PSI > 0.1" fires on most windows.
TEST(DriftMonitor, NoDriftAlarmRateStaysAtTheLevel) {
  constexpr int kWindows = 600;
  DriftOptions options;
  options.multivariate = false;
  int alarms = 0;
  int naivePsiAlarms = 0;
  int featureTests = 0;
  int psiThresholdAlarms = 0;
  Gaussian g(7);
  Result<DriftMonitor> monitor = Error("no reference yet");
  for (int w = 0; w < kWindows; ++w) {
    if (w % 10 == 0) monitor = DriftMonitor::create(g.table(1000, 5), options);
    ASSERT_TRUE(monitor.ok());
    auto report = monitor->score(g.table(100, 5));
    ASSERT_TRUE(report.ok());
    alarms += report->drift ? 1 : 0;
    bool naive = false;
    for (const FeatureDrift& f : report->features) {
      naive = naive || f.psi > 0.1;
      psiThresholdAlarms += f.psi > f.psiThreshold ? 1 : 0;
      ++featureTests;
    }
    naivePsiAlarms += naive ? 1 : 0;
  }
  const double rate = static_cast<double>(alarms) / kWindows;
  EXPECT_LE(rate, 0.05 + 0.022) << alarms << " alarms";
  EXPECT_GT(static_cast<double>(naivePsiAlarms) / kWindows, 0.5) << naivePsiAlarms;
  EXPECT_LE(static_cast<double>(psiThresholdAlarms) / featureTests, 0.05 + 0.01)
      << psiThresholdAlarms << " of " << featureTests;
}

TEST(DriftMonitor, DetectsAOneSigmaShiftInOneFeatureWithinAWindowOf200) {
  Gaussian g(3);
  auto monitor = DriftMonitor::create(g.table(5000, 30));
  ASSERT_TRUE(monitor.ok());
  int otherFlags = 0;
  for (int w = 0; w < 20; ++w) {
    auto report = monitor->score(g.table(200, 30, 17, 1.0));
    ASSERT_TRUE(report.ok());
    EXPECT_TRUE(report->features[17].drift) << "window " << w;
    EXPECT_LT(report->features[17].ksPValue, 1e-6);
    for (size_t c = 0; c < 30; ++c) otherFlags += (c != 17 && report->features[c].drift) ? 1 : 0;
    ASSERT_TRUE(report->multivariate.has_value());
    EXPECT_TRUE(report->multivariate->drift) << "window " << w;
  }
  EXPECT_LE(otherFlags, 3);
}

TEST(DriftMonitor, MmdQuietWithoutDrift) {
  Gaussian g(5);
  auto monitor = DriftMonitor::create(g.table(400, 6));
  ASSERT_TRUE(monitor.ok());
  int alarms = 0;
  for (int w = 0; w < 20; ++w) {
    auto report = monitor->score(g.table(100, 6));
    ASSERT_TRUE(report.ok());
    EXPECT_GT(report->multivariate->bandwidth, 0.0);
    alarms += report->multivariate->drift ? 1 : 0;
  }
  EXPECT_LE(alarms, 4);
}

TEST(DriftMonitor, MatchesLiveColumnsByName) {
  Gaussian g(9);
  const FeatureTable ref = g.table(300, 3);
  FeatureTable live = g.table(50, 3, 0, 2.0);
  auto monitor = DriftMonitor::create(ref);
  ASSERT_TRUE(monitor.ok());
  auto inOrder = monitor->score(live);
  ASSERT_TRUE(inOrder.ok());
  // The same window with its columns reversed.
  FeatureTable reversed;
  reversed.names = {"f2", "f1", "f0"};
  reversed.rows = live.rows;
  for (size_t r = 0; r < live.rows; ++r) {
    for (size_t c = 3; c-- > 0;) reversed.values.push_back(live.at(r, c));
  }
  auto byName = monitor->score(reversed);
  ASSERT_TRUE(byName.ok());
  for (size_t c = 0; c < 3; ++c) {
    EXPECT_EQ(byName->features[c].feature, inOrder->features[c].feature);
    EXPECT_EQ(byName->features[c].ksStatistic, inOrder->features[c].ksStatistic);
  }
  EXPECT_TRUE(byName->features[0].drift);

  FeatureTable other = live;
  other.names = {"f0", "f1", "gyro"};
  auto mismatch = monitor->score(other);
  ASSERT_FALSE(mismatch.ok());
  EXPECT_EQ(mismatch.error().message,
            "the live header does not match the reference: missing 'f2'; not in the reference "
            "'gyro'");
  EXPECT_FALSE(monitor->score(std::vector<double>(5, 0.0), 2).ok());
}

TEST(DriftMonitor, RefusesUnusableOptionsAndReferences) {
  Gaussian g(2);
  DriftOptions bad;
  bad.alpha = 1.5;
  EXPECT_FALSE(DriftMonitor::create(g.table(10, 2), bad).ok());
  EXPECT_FALSE(DriftMonitor::create(g.table(1, 2)).ok());
  EXPECT_FALSE(DriftMonitor::create(FeatureTable{}).ok());
}

TEST(FeatureCsv, ParsesHeaderAndRows) {
  auto t = parseFeatureCsv("ax,\"ay\", az\r\n1,2,3\n\n-4.5,1e-3,  7 \n", "mem");
  ASSERT_TRUE(t.ok()) << t.error().toString();
  EXPECT_EQ(t->names, (std::vector<std::string>{"ax", "ay", "az"}));
  EXPECT_EQ(t->rows, 2u);
  EXPECT_EQ(t->values, (std::vector<double>{1, 2, 3, -4.5, 1e-3, 7}));
}

TEST(FeatureCsv, ErrorsSayWhere) {
  auto err = [](const std::string& text) {
    auto t = parseFeatureCsv(text, "live.csv");
    return t.ok() ? std::string("ok") : t.error().toString();
  };
  EXPECT_EQ(err("a,b\n1,2\n3,x\n"), "live.csv: line 3, column 2 ('b'): 'x' is not a finite number");
  EXPECT_EQ(err("a,b\n1,nan\n"), "live.csv: line 2, column 2 ('b'): 'nan' is not a finite number");
  EXPECT_EQ(err("a,b\n1,\n"), "live.csv: line 2, column 2 ('b'): '' is not a finite number");
  EXPECT_EQ(err("a,b\n1,2,3\n"), "live.csv: line 2 has 3 cells, the header has 2");
  EXPECT_EQ(err("a,a\n1,2\n"), "live.csv: the header names column 'a' twice");
  EXPECT_EQ(err("a,,c\n1,2,3\n"), "live.csv: column 2 of the header has no name");
  EXPECT_EQ(err("\n\n"), "live.csv: the file is empty; expected a header row of feature names");
  EXPECT_EQ(err("a,b\n"), "live.csv: the file has a header but no data rows");
  auto missing = readFeatureCsv("/nonexistent/reference.csv");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().toString(),
            "/nonexistent/reference.csv: cannot open the file (does it exist?)");
}

}  // namespace
}  // namespace edgewise::audit
