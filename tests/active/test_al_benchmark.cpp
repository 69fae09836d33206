// The active-learning benchmark on a digits subset stored in a real project: curve structure
// (label counts initial, initial + batch, ..., budget), means and stds of the per-seed runs,
// labels_to_target consistent with the mean curve, the timed round, the JSON, bad options and
// cancel.

#include <gtest/gtest.h>

#include <QTemporaryDir>

#include <atomic>
#include <cmath>
#include <numeric>

#include "core/active/al_benchmark.h"
#include "core/dataset/data/importers.h"
#include "core/store/project.h"
#include "core/training/service/data_prep.h"

namespace edgewise::active {
namespace {

#define EW_ASSERT_OK(r) ASSERT_TRUE((r).ok()) << (r).error().toString()

std::string digitsPng() {
  return qEnvironmentVariable("EDGEWISE_TEST_DATA").toStdString() + "/digits.png";
}

// The first 40 images of each digit, prepared as the training service does (70/15/15): a pool
// of 280 rows, 60 test rows, 400 pixels each.
class Benchmark : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = new QTemporaryDir;
    ASSERT_TRUE(s_dir->isValid());
    auto project =
        store::Project::open(s_dir->filePath(QStringLiteral("al.edgewise")).toStdString());
    EW_ASSERT_OK(project);
    auto parsed = dataset::readDigitsPng(digitsPng());
    EW_ASSERT_OK(parsed);
    std::vector<int> taken(parsed->info.classNames.size(), 0);
    std::vector<dataset::ParsedSample> keep;
    for (auto& s : parsed->samples)
      if (taken[static_cast<size_t>(s.label)]++ < 40) keep.push_back(std::move(s));
    parsed->samples = std::move(keep);
    auto imported = dataset::importDataset(**project, "digits", *parsed);
    EW_ASSERT_OK(imported);
    auto data = training::prepareData(**project, "digits", {});
    EW_ASSERT_OK(data);
    s_data = new training::PreparedData(std::move(data.value()));
  }
  static void TearDownTestSuite() {
    delete s_data;
    delete s_dir;
    s_data = nullptr;
    s_dir = nullptr;
  }
  void SetUp() override { ASSERT_NE(s_data, nullptr); }

  static BenchmarkOptions small() {
    BenchmarkOptions o;
    o.strategies = {Strategy::Margin, Strategy::KCenter};
    o.initial = 20;
    o.batch = 10;
    o.budget = 55;  // not a multiple of the batch: the last round is 5 labels
    o.seeds = 2;
    o.timingPool = 600;
    return o;
  }

  static QTemporaryDir* s_dir;
  static training::PreparedData* s_data;
};

QTemporaryDir* Benchmark::s_dir = nullptr;
training::PreparedData* Benchmark::s_data = nullptr;

TEST_F(Benchmark, CurvesHaveTheLabelCountsAndStatisticsOfTheRuns) {
  ASSERT_EQ(s_data->train.rows(), 280);
  ASSERT_EQ(s_data->test.rows(), 60);
  BenchmarkOptions o = small();
  int progressLines = 0;
  o.progress = [&](const std::string&) { ++progressLines; };
  auto r = runActiveLearningBenchmark(*s_data, o);
  EW_ASSERT_OK(r);
  EXPECT_EQ(r->dataset, "digits");
  EXPECT_EQ(r->poolRows, 280);
  EXPECT_EQ(r->testRows, 60);
  EXPECT_EQ(r->dims, 400);
  EXPECT_EQ(r->numClasses, 10);
  // Whole pool once per seed; target = 0.95 x its mean.
  ASSERT_EQ(r->fullPoolAccuracyRuns.size(), 2u);
  EXPECT_NEAR(r->fullPoolAccuracy, (r->fullPoolAccuracyRuns[0] + r->fullPoolAccuracyRuns[1]) / 2.0,
              1e-12);
  EXPECT_GT(r->fullPoolAccuracy, 0.6);  // logreg on 280 digits
  EXPECT_NEAR(r->target, 0.95 * r->fullPoolAccuracy, 1e-12);

  // Random is added as the baseline, first.
  ASSERT_EQ(r->strategies.size(), 3u);
  EXPECT_EQ(r->strategies[0].strategy, Strategy::Random);
  EXPECT_EQ(r->strategies[1].strategy, Strategy::Margin);
  EXPECT_EQ(r->strategies[2].strategy, Strategy::KCenter);
  const std::vector<int> labels = {20, 30, 40, 50, 55};
  for (const StrategyResult& s : r->strategies) {
    SCOPED_TRACE(strategyName(s.strategy));
    ASSERT_EQ(s.curve.size(), labels.size());
    for (size_t p = 0; p < labels.size(); ++p) {
      const CurvePoint& c = s.curve[p];
      EXPECT_EQ(c.labels, labels[p]);
      ASSERT_EQ(c.runs.size(), 2u);
      for (double a : c.runs) {
        EXPECT_GE(a, 0.0);
        EXPECT_LE(a, 1.0);
        // Accuracy on 60 test rows is a multiple of 1/60.
        EXPECT_NEAR(a * 60, std::round(a * 60), 1e-9);
      }
      EXPECT_NEAR(c.mean, (c.runs[0] + c.runs[1]) / 2, 1e-12);
      EXPECT_NEAR(c.std, std::fabs(c.runs[0] - c.runs[1]) / std::sqrt(2.0), 1e-12);
    }
    EXPECT_DOUBLE_EQ(s.finalAccuracy, s.curve.back().mean);
    // labels_to_target: the first point of the mean curve at or above the target.
    int first = -1;
    for (const CurvePoint& c : s.curve)
      if (first < 0 && c.mean >= r->target) first = c.labels;
    EXPECT_EQ(s.labelsToTarget, first);
    ASSERT_EQ(s.labelsToTargetRuns.size(), 2u);
    for (size_t k = 0; k < 2; ++k) {
      int firstRun = -1;
      for (const CurvePoint& c : s.curve)
        if (firstRun < 0 && c.runs[k] >= r->target) firstRun = c.labels;
      EXPECT_EQ(s.labelsToTargetRuns[k], firstRun);
    }
    EXPECT_GT(s.seconds, 0.0);
  }
  // Every strategy starts from the same initial labels and the same model seed.
  for (size_t k = 1; k < 3; ++k)
    EXPECT_EQ(r->strategies[k].curve[0].runs, r->strategies[0].curve[0].runs);
  // The learner learns: more labels, better than the 20-label start (mean over strategies).
  double start = 0, end = 0;
  for (const StrategyResult& s : r->strategies) {
    start += s.curve.front().mean;
    end += s.curve.back().mean;
  }
  EXPECT_GT(end, start);

  // One timed round per strategy on 600 rows tiled from the 280-row pool, with 55 labels.
  EXPECT_EQ(r->timingPoolRows, 600);
  EXPECT_TRUE(r->timingPoolTiled);
  EXPECT_EQ(r->timingLabels, 55);
  ASSERT_EQ(r->rounds.size(), 3u);
  for (size_t k = 0; k < 3; ++k) {
    const RoundTiming& t = r->rounds[k];
    EXPECT_EQ(t.strategy, r->strategies[k].strategy);
    EXPECT_TRUE(t.error.empty()) << t.error;
    EXPECT_GT(t.trainSeconds, 0.0);
    EXPECT_GE(t.totalSeconds, t.trainSeconds + t.scoreSeconds);
    // The first round had 45 random labels, the annotator labeled the 10 queued rows.
    EXPECT_EQ(t.labels, 55);
    EXPECT_GT(t.firstRoundSeconds, 0.0);
  }
  // whole pool + 3 strategies x 2 seeds + 3 timed rounds
  EXPECT_EQ(progressLines, 1 + 6 + 3);

  // The JSON carries the same numbers.
  const nlohmann::json j = benchmarkToJson(*r);
  EXPECT_EQ(j.at("benchmark"), "active-learning");
  EXPECT_EQ(j.at("dataset"), "digits");
  EXPECT_EQ(j.at("pool_rows"), 280);
  EXPECT_EQ(j.at("test_rows"), 60);
  EXPECT_EQ(j.at("model"), "logreg");
  EXPECT_EQ(j.at("initial"), 20);
  EXPECT_EQ(j.at("batch"), 10);
  EXPECT_EQ(j.at("budget"), 55);
  EXPECT_EQ(j.at("seeds"), 2);
  EXPECT_DOUBLE_EQ(j.at("target_fraction").get<double>(), 0.95);
  EXPECT_DOUBLE_EQ(j.at("target_accuracy").get<double>(), r->target);
  EXPECT_TRUE(j.at("model_params").is_object());
  ASSERT_EQ(j.at("strategies").size(), 3u);
  const int randomLabels = r->strategies[0].labelsToTarget;
  for (size_t k = 0; k < 3; ++k) {
    const nlohmann::json& s = j.at("strategies")[k];
    const StrategyResult& sr = r->strategies[k];
    EXPECT_EQ(s.at("strategy"), strategyName(sr.strategy));
    if (sr.labelsToTarget < 0) {
      EXPECT_TRUE(s.at("labels_to_target").is_null());
    } else {
      EXPECT_EQ(s.at("labels_to_target"), sr.labelsToTarget);
    }
    if (sr.labelsToTarget > 0 && randomLabels > 0)
      EXPECT_DOUBLE_EQ(s.at("labels_to_target_vs_random").get<double>(),
                       static_cast<double>(sr.labelsToTarget) / randomLabels);
    else
      EXPECT_TRUE(s.at("labels_to_target_vs_random").is_null());
    ASSERT_EQ(s.at("curve").size(), labels.size());
    for (size_t p = 0; p < labels.size(); ++p) {
      EXPECT_EQ(s.at("curve")[p].at("labels"), labels[p]);
      EXPECT_DOUBLE_EQ(s.at("curve")[p].at("mean").get<double>(), sr.curve[p].mean);
      EXPECT_EQ(s.at("curve")[p].at("runs").size(), 2u);
    }
  }
  const nlohmann::json& t = j.at("round_timing");
  EXPECT_EQ(t.at("pool_rows"), 600);
  EXPECT_EQ(t.at("pool_tiled_from_train_split"), true);
  EXPECT_EQ(t.at("labels"), 55);
  ASSERT_EQ(t.at("rounds").size(), 3u);
  EXPECT_EQ(t.at("rounds")[0].at("round_labels"), 55);
  for (const char* key : {"strategy", "train_seconds", "score_seconds", "select_seconds",
                          "round_seconds", "round_labels", "first_round_seconds"})
    EXPECT_TRUE(t.at("rounds")[0].contains(key)) << key;
}

TEST_F(Benchmark, TheSameOptionsGiveTheSameCurves) {
  BenchmarkOptions o = small();
  o.strategies = {Strategy::Random, Strategy::Hybrid};
  o.budget = 40;
  o.seeds = 1;
  o.timingPool = 0;  // no timed round
  auto a = runActiveLearningBenchmark(*s_data, o);
  auto b = runActiveLearningBenchmark(*s_data, o);
  EW_ASSERT_OK(a);
  EW_ASSERT_OK(b);
  EXPECT_TRUE(a->rounds.empty());
  EXPECT_EQ(a->timingPoolRows, 0);
  EXPECT_FALSE(benchmarkToJson(*a).contains("round_timing"));
  ASSERT_EQ(a->strategies.size(), 2u);
  for (size_t k = 0; k < 2; ++k) {
    ASSERT_EQ(a->strategies[k].curve.size(), 3u);  // 20, 30, 40
    for (size_t p = 0; p < 3; ++p)
      EXPECT_EQ(a->strategies[k].curve[p].runs, b->strategies[k].curve[p].runs);
    EXPECT_EQ(a->strategies[k].curve.back().std, 0.0);  // one seed
  }
}

TEST_F(Benchmark, BadOptionsAndCancelAreErrors) {
  auto expectError = [&](BenchmarkOptions o, const std::string& text) {
    o.timingPool = 0;
    auto r = runActiveLearningBenchmark(*s_data, o);
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_NE(r.error().toString().find(text), std::string::npos) << r.error().toString();
  };
  BenchmarkOptions o = small();
  o.initial = 1;
  expectError(o, "initial >= 2");
  o = small();
  o.batch = 0;
  expectError(o, "batch >= 1");
  o = small();
  o.seeds = 0;
  expectError(o, "seeds >= 1");
  o = small();
  o.budget = 10;
  expectError(o, "budget >= initial");
  o = small();
  o.initial = 281;
  o.budget = 300;
  expectError(o, "exceeds the pool of 280");
  o = small();
  o.family = "no-such-family";
  expectError(o, "no-such-family");
  o = small();
  std::atomic<bool> cancel{true};
  o.cancel = &cancel;
  expectError(o, "cancelled");
  // A dataset without a test split cannot be scored.
  training::PreparedData noTest = *s_data;
  noTest.test = {};
  auto r = runActiveLearningBenchmark(noTest, small());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("test split"), std::string::npos);
}

}  // namespace
}  // namespace edgewise::active
