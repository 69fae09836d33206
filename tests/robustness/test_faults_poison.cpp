// IoT faults (core/robustness/faults.h) on hand-made signals, label flipping and the
// poisoning curve (poisoning.h), and the audit runner end to end on a real project file with
// the simulated IMU set: every fault curve starts at the clean accuracy and degrades, the
// label-flip curve at 0 % is the stored model's own accuracy, OpenCV models are refused for
// gradient attacks but get fault curves.

#include <gtest/gtest.h>

#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <numeric>
#include <random>

#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>

#include "core/dataset/data/importers.h"
#include "core/dataset/data/simulated_dataset.h"
#include "core/robustness/faults.h"
#include "core/robustness/poisoning.h"
#include "core/robustness/robustness_audit.h"
#include "core/store/project.h"
#include "core/training/service/model_factory.h"
#include "core/training/service/train_service.h"

namespace edgewise::robustness::test {
namespace {

// rows x (channels * length), channel c of row r at time t = 100 r + 10 c + t (a ramp).
cv::Mat ramps(int rows, const SignalLayout& l) {
  cv::Mat X(rows, l.channels * l.length, CV_32F);
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < l.channels; ++c)
      for (int t = 0; t < l.length; ++t)
        X.at<float>(r, c * l.length + t) = 100.f * r + 10.f * c + t;
  return X;
}

bool same(const cv::Mat& a, const cv::Mat& b) {
  return a.size() == b.size() && cv::norm(a, b, cv::NORM_INF) == 0.0;
}

TEST(Faults, SeverityZeroIsAnExactCopy) {
  const SignalLayout l{3, 20};
  const cv::Mat X = ramps(5, l);
  for (FaultKind k : allFaults()) {
    auto r = applyFault(X, l, k, 0.0);
    ASSERT_TRUE(r.ok()) << faultName(k);
    EXPECT_TRUE(same(*r, X)) << faultName(k);
    EXPECT_EQ(defaultSeverities(k).front(), 0.0);
    EXPECT_GE(defaultSeverities(k).size(), 6u);
    EXPECT_EQ(*parseFaultKind(faultName(k)), k);
  }
}

TEST(Faults, EachFaultDoesWhatItSays) {
  const SignalLayout l{4, 30};
  const cv::Mat X = ramps(6, l);
  // Dropout / packet loss at probability 1: every sample reads 0.
  for (FaultKind k :
       {FaultKind::ChannelDropout, FaultKind::PacketLossZero, FaultKind::PacketLossHold}) {
    auto r = applyFault(X, l, k, 1.0);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(cv::countNonZero(*r), 0) << faultName(k);
  }
  // Stuck-at: each channel keeps its ramp up to an onset, then holds the onset's value.
  auto stuck = applyFault(X, l, FaultKind::StuckAt, 1.0);
  ASSERT_TRUE(stuck.ok());
  for (int r = 0; r < X.rows; ++r)
    for (int c = 0; c < l.channels; ++c) {
      const float* in = X.ptr<float>(r) + c * l.length;
      const float* out = stuck->ptr<float>(r) + c * l.length;
      int t = 0;
      while (t < l.length && out[t] == in[t]) ++t;
      ASSERT_GT(t, 0);
      for (; t < l.length; ++t) EXPECT_EQ(out[t], out[t - 1]);
    }
  // Clock skew 10 %: a ramp sampled 10 % fast or slow (held at the window's end).
  auto skew = applyFault(X, l, FaultKind::ClockSkew, 0.1);
  ASSERT_TRUE(skew.ok());
  int fast = 0;
  for (int r = 0; r < X.rows; ++r) {
    const float* in = X.ptr<float>(r);
    const float* out = skew->ptr<float>(r);
    const double rate = out[10] - in[0] > 10.5 ? 1.1 : 0.9;
    fast += rate > 1.0;
    for (int c = 0; c < l.channels; ++c)
      for (int t = 0; t < l.length; ++t)
        EXPECT_NEAR(out[c * l.length + t],
                    in[c * l.length] + std::min(t * rate, static_cast<double>(l.length - 1)), 1e-3);
  }
  EXPECT_GT(fast, 0);
  EXPECT_LT(fast, X.rows);
  // Jitter: values stay on the ramp's range and the same seed gives the same rows.
  FaultOptions o;
  o.seed = 9;
  auto j1 = applyFault(X, l, FaultKind::Jitter, 0.5, o);
  auto j2 = applyFault(X, l, FaultKind::Jitter, 0.5, o);
  ASSERT_TRUE(j1.ok() && j2.ok());
  EXPECT_TRUE(same(*j1, *j2));
  EXPECT_FALSE(same(*j1, X));
  // Packet loss with holding: a lost packet repeats the sample before it.
  o.packetSamples = 5;
  auto hold = applyFault(X, l, FaultKind::PacketLossHold, 0.5, o);
  ASSERT_TRUE(hold.ok());
  int lost = 0;
  for (int r = 0; r < X.rows; ++r)
    for (int start = 5; start < l.length; start += 5) {
      const float* in = X.ptr<float>(r);
      const float* out = hold->ptr<float>(r);
      if (out[start] == in[start]) continue;
      ++lost;
      EXPECT_EQ(out[start], out[start - 1]);
      EXPECT_EQ(out[start + 4], out[start - 1]);
    }
  EXPECT_GT(lost, 0);
  // Gaussian noise: sigma = severity x scale per column, clipped to the valid range.
  const cv::Mat zeros = cv::Mat::zeros(2000, 2, CV_32F);
  FaultOptions n;
  n.scale = {1.0f, 4.0f};
  auto noisy = applyFault(zeros, {2, 1}, FaultKind::GaussianNoise, 0.5, n);
  ASSERT_TRUE(noisy.ok());
  cv::Scalar mean, sd;
  cv::meanStdDev(noisy->col(0), mean, sd);
  EXPECT_NEAR(sd[0], 0.5, 0.05);
  cv::meanStdDev(noisy->col(1), mean, sd);
  EXPECT_NEAR(sd[0], 2.0, 0.2);
  n.clipMin = 0.0f;
  n.clipMax = 1.0f;
  noisy = applyFault(zeros, {2, 1}, FaultKind::GaussianNoise, 0.5, n);
  double lo = 0, hi = 0;
  cv::minMaxLoc(*noisy, &lo, &hi);
  EXPECT_GE(lo, 0.0);
  EXPECT_LE(hi, 1.0);
}

TEST(Faults, TimeFaultsDoNotApplyToFeatureVectors) {
  const SignalLayout l = layoutOf({12});
  EXPECT_EQ(l.channels, 12);
  EXPECT_EQ(l.length, 1);
  EXPECT_EQ(layoutOf({1, 20, 20}).channels, 20);
  EXPECT_EQ(layoutOf({6, 100}).length, 100);
  const cv::Mat X = ramps(3, l);
  for (FaultKind k :
       {FaultKind::StuckAt, FaultKind::ClockSkew, FaultKind::Jitter, FaultKind::PacketLossZero}) {
    EXPECT_FALSE(faultApplies(k, 1));
    auto r = applyFault(X, l, k, 0.3);
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(same(*r, X));
  }
  EXPECT_TRUE(faultApplies(FaultKind::GaussianNoise, 1));
}

TEST(Faults, BadSeveritiesAreErrors) {
  const SignalLayout l{2, 10};
  const cv::Mat X = ramps(2, l);
  EXPECT_FALSE(applyFault(X, l, FaultKind::ChannelDropout, 1.5).ok());
  EXPECT_FALSE(applyFault(X, l, FaultKind::GaussianNoise, -0.1).ok());
  EXPECT_FALSE(applyFault(X, l, FaultKind::ClockSkew, 1.0).ok());
  EXPECT_FALSE(applyFault(X, {3, 10}, FaultKind::Jitter, 0.1).ok());
  EXPECT_FALSE(parseFaultKind("bitflip").ok());
}

TEST(Poisoning, FlipLabelsFlipsExactlyTheFraction) {
  std::vector<int> y(1000);
  for (size_t i = 0; i < y.size(); ++i) y[i] = static_cast<int>(i % 7);
  for (double f : {0.0, 0.01, 0.05, 0.1, 0.3}) {
    const std::vector<int> flipped = flipLabels(y, 7, f, 3);
    int changed = 0;
    for (size_t i = 0; i < y.size(); ++i) {
      EXPECT_GE(flipped[i], 0);
      EXPECT_LT(flipped[i], 7);
      changed += flipped[i] != y[i];
    }
    EXPECT_EQ(changed, static_cast<int>(std::lround(f * 1000))) << f;
    EXPECT_EQ(flipLabels(y, 7, f, 3), flipped);  // seeded
  }
}

void print(const RobustnessReport& r) {
  std::cout << "clean " << r.cleanAccuracy << "\n";
  for (const auto* c : {&*r.attack, &*r.fgsm}) {
    std::cout << training::attackName(c->kind) << ":";
    for (size_t i = 0; i < c->eps.size(); ++i)
      std::cout << " " << c->eps[i] << "->" << c->accuracy[i];
    std::cout << "\n";
  }
  for (const FaultCurve& f : r.faults) {
    std::cout << faultName(f.kind) << ":";
    for (size_t i = 0; i < f.severity.size(); ++i)
      std::cout << " " << f.severity[i] << "->" << f.accuracy[i];
    std::cout << "\n";
  }
  if (r.poison)
    for (size_t i = 0; i < r.poison->fraction.size(); ++i)
      std::cout << "flip " << r.poison->fraction[i] << " -> " << r.poison->accuracy[i] << "\n";
}

// A test split sorted by class, as stored splits often are: the examples still come from every
// class, exactly k per class for k times the classes, only eligible rows, none twice, by seed.
TEST(Examples, StratifiedRowsCoverEveryClassExactly) {
  std::vector<int> labels;
  for (int c = 0; c < 4; ++c)
    for (int i = 0; i < 5 + c; ++i) labels.push_back(c);  // 5, 6, 7, 8 rows
  std::vector<bool> eligible(labels.size(), true);
  eligible[0] = eligible[1] = eligible[2] = false;  // class 0: 2 eligible rows left
  const auto counts = [&](const std::vector<int>& rows) {
    std::vector<int> n(4, 0);
    for (int r : rows) ++n[static_cast<size_t>(labels[static_cast<size_t>(r)])];
    return n;
  };
  for (uint64_t seed : {1u, 42u, 7u}) {
    SCOPED_TRACE(seed);
    const std::vector<int> two = stratifiedRows(labels, eligible, 8, seed);
    EXPECT_EQ(counts(two), (std::vector<int>{2, 2, 2, 2}));
    for (int r : two) EXPECT_TRUE(eligible[static_cast<size_t>(r)]) << r;
    EXPECT_EQ(stratifiedRows(labels, eligible, 8, seed), two);  // deterministic
    // Fewer than the classes: distinct classes.
    const std::vector<int> three = stratifiedRows(labels, eligible, 3, seed);
    const std::vector<int> n3 = counts(three);
    EXPECT_EQ(std::count(n3.begin(), n3.end(), 1), 3);
    // More than class 0 has: the others fill up, every eligible row at most once.
    const std::vector<int> all = stratifiedRows(labels, eligible, 100, seed);
    EXPECT_EQ(counts(all), (std::vector<int>{2, 6, 7, 8}));
    std::vector<int> sorted = all;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(std::unique(sorted.begin(), sorted.end()), sorted.end());
  }
  EXPECT_NE(stratifiedRows(labels, {}, 8, 1), stratifiedRows(labels, {}, 8, 2));
  EXPECT_EQ(counts(stratifiedRows(labels, {}, 12, 3)), (std::vector<int>{3, 3, 3, 3}));
  EXPECT_TRUE(stratifiedRows(labels, eligible, 0, 1).empty());
}

// The audit on a real project: simulated IMU windows, an mlp trained by the training service.
class AuditProject : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = new QTemporaryDir;
    ASSERT_TRUE(s_dir->isValid());
    auto project =
        store::Project::open(s_dir->filePath(QStringLiteral("r.edgewise")).toStdString());
    ASSERT_TRUE(project.ok()) << project.error().toString();
    s_project = project->release();
    auto parsed = dataset::simulateImuActivityDataset(200, 2.0, 50.0, 42);
    ASSERT_TRUE(parsed.ok());
    ASSERT_TRUE(dataset::importDataset(*s_project, "imu", *parsed).ok());
    s_classes = static_cast<int>(parsed->info.classNames.size());
    training::TrainRequest tr;
    tr.datasetName = "imu";
    tr.family = "mlp";
    tr.params = {{"hidden", "64"}, {"epochs", "25"}, {"threads", "1"}};
    tr.latencySeconds = 0.01;
    auto mlp = training::trainAndRegister(*s_project, tr);
    ASSERT_TRUE(mlp.ok()) << mlp.error().toString();
    s_mlp = new training::ModelRecord(*mlp);
    tr.family = "rf";
    tr.params = {};
    auto rf = training::trainAndRegister(*s_project, tr);
    ASSERT_TRUE(rf.ok()) << rf.error().toString();
    s_rf = rf->id;
  }
  static void TearDownTestSuite() {
    delete s_mlp;
    delete s_project;
    delete s_dir;
  }
  static QTemporaryDir* s_dir;
  static store::Project* s_project;
  static training::ModelRecord* s_mlp;
  static int64_t s_rf;
  static int s_classes;
};
int AuditProject::s_classes = 0;
QTemporaryDir* AuditProject::s_dir = nullptr;
store::Project* AuditProject::s_project = nullptr;
training::ModelRecord* AuditProject::s_mlp = nullptr;
int64_t AuditProject::s_rf = 0;

TEST_F(AuditProject, AttackFaultsAndPoisonOnImu) {
  ASSERT_TRUE(s_mlp);
  RobustnessRequest req;
  req.modelId = s_mlp->id;
  req.attack = training::AttackKind::Pgd;
  req.faults = true;
  req.poison = true;
  req.poisonFractions = {0.0, 0.3};
  ASSERT_GT(s_classes, 1);
  req.examples = 2 * s_classes;  // two of every class
  std::vector<std::string> messages;
  auto r = auditRobustness(*s_project, req,
                           [&](double, const std::string& m) { messages.push_back(m); });
  ASSERT_TRUE(r.ok()) << r.error().toString();
  EXPECT_EQ(messages.back(), "done");
  EXPECT_EQ(r->epsUnit, "std");  // mixed-unit IMU windows: standard deviations per channel
  EXPECT_FALSE(r->clipped);
  EXPECT_EQ(r->cleanAccuracy, s_mlp->metrics.accuracy);
  ASSERT_TRUE(r->attack && r->fgsm && r->pgd);
  EXPECT_EQ(r->attack->eps.size(), 6u);
  print(*r);
  EXPECT_FALSE(r->sanity.gradientMaskingSuspected);
  EXPECT_LE(r->hugeAccuracy, 0.1);
  // Every fault applies to windows, starts at the clean accuracy and degrades.
  ASSERT_EQ(r->faults.size(), allFaults().size());
  for (const FaultCurve& f : r->faults) {
    SCOPED_TRACE(faultName(f.kind));
    ASSERT_TRUE(f.applicable);
    ASSERT_EQ(f.accuracy.size(), defaultSeverities(f.kind).size());
    EXPECT_DOUBLE_EQ(f.accuracy.front(), r->cleanAccuracy);
    EXPECT_LT(f.accuracy.back(), r->cleanAccuracy);
  }
  // Label flipping at 0 % retrains exactly the stored model (same family, params, seed).
  ASSERT_TRUE(r->poison);
  EXPECT_EQ(r->poison->flipped.front(), 0);
  EXPECT_DOUBLE_EQ(r->poison->accuracy.front(), s_mlp->metrics.accuracy);
  EXPECT_GT(r->poison->flipped.back(), 0);

  const auto j = nlohmann::json::parse(robustnessReportToJson(*r));
  EXPECT_EQ(j.at("attack"), "pgd");
  EXPECT_EQ(j.at("curve").size(), 6u);
  EXPECT_TRUE(j.at("curve")[0].at("robust_accuracy").is_number());
  EXPECT_EQ(j.at("faults").size(), allFaults().size());
  EXPECT_EQ(j.at("poison").at("curve").size(), 2u);
  EXPECT_EQ(j.at("sanity").at("checks").size(), 5u);
  EXPECT_FALSE(j.at("examples").empty());

  // The examples: two clean-correct rows of every class (not the split's first rows), per-class
  // figures that add up.
  ASSERT_EQ(static_cast<int>(r->perClass.size()), s_classes);
  int rows = 0;
  double correct = 0;
  for (const ClassFigures& c : r->perClass) {
    SCOPED_TRACE(c.label);
    EXPECT_EQ(c.examples, 2);
    rows += c.rows;
    correct += c.cleanAccuracy * c.rows;
  }
  EXPECT_EQ(rows, r->rows);
  EXPECT_NEAR(correct / rows, r->cleanAccuracy, 1e-9);
  ASSERT_EQ(static_cast<int>(r->attack->examples.size()), 2 * s_classes);
  std::vector<int> perLabel(static_cast<size_t>(s_classes), 0);
  for (const training::AdversarialExample& e : r->attack->examples) {
    EXPECT_EQ(e.cleanPrediction, e.label);
    ++perLabel[static_cast<size_t>(e.label)];
  }
  EXPECT_EQ(perLabel, std::vector<int>(static_cast<size_t>(s_classes), 2));
  EXPECT_EQ(j.at("per_class").size(), static_cast<size_t>(s_classes));
  EXPECT_EQ(j.at("per_class")[0].at("examples"), 2);
}

TEST_F(AuditProject, OpenCvModelsGetFaultsButNoGradientAttack) {
  RobustnessRequest req;
  req.modelId = s_rf;
  req.attack = training::AttackKind::Fgsm;
  auto refused = auditRobustness(*s_project, req);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().toString().find("not a LibTorch model"), std::string::npos)
      << refused.error().toString();
  req.attack.reset();
  req.faults = true;
  req.faultKinds = {FaultKind::GaussianNoise, FaultKind::ChannelDropout};
  auto faults = auditRobustness(*s_project, req);
  ASSERT_TRUE(faults.ok()) << faults.error().toString();
  EXPECT_EQ(faults->faults.size(), 2u);
  EXPECT_FALSE(faults->attack);
}

TEST_F(AuditProject, UnknownModelAndBadRequestsAreErrors) {
  RobustnessRequest req;
  req.modelId = 9999;
  EXPECT_FALSE(auditRobustness(*s_project, req).ok());
  req.modelId = s_mlp->id;
  req.eps = {0.1, -1.0};
  EXPECT_FALSE(auditRobustness(*s_project, req).ok());
  req.eps = {};
  req.epsUnit = "furlongs";
  EXPECT_FALSE(auditRobustness(*s_project, req).ok());
}

}  // namespace
}  // namespace edgewise::robustness::test
