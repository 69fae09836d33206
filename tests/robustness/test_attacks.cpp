// Evasion attacks (core/training/torch/attacks.cpp) on a digits MLP: FGSM and PGD against the
// python3-torch reference (tests/robustness/attack_ref.py) on the same TorchScript model and
// rows, within 1 point (issue 7's target); the sanity properties on a plain model; DeepFool
// and CW find small perturbations; a gradient-masked model is flagged; models without input
// gradients are refused.

#include <gtest/gtest.h>

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <cmath>
#include <iostream>

#include "core/dataset/data/importers.h"
#include "core/robustness/sanity.h"
#include "core/robustness/torch_reference.h"
#include "core/training/service/model_factory.h"
#include "core/training/torch/attacks.h"
#include "core/training/torch/torch_models.h"

namespace edgewise::robustness::test {
namespace {

using training::AttackKind;
using training::AttackNorm;
using training::AttackOptions;
using training::Classifier;
using training::RobustnessCurve;

struct Digits {
  cv::Mat trainX, testX;
  std::vector<int> trainY, testY;
  std::unique_ptr<Classifier> mlp;
  double accuracy = 0.0;
};

// digits.png as pixels / 255 (the file is ordered by class): every 5th row is a test row,
// 2 of the other 4 train (2,000 rows, every class). An mlp 64 trained 12 epochs on them, with
// global standardization as the training service's image defaults have it (per-pixel
// standardization divides near-constant border pixels by tiny deviations: FGSM at 2.5 grey
// levels then leaves 26 % of the rows).
const Digits& digits() {
  static const Digits d = [] {
    Digits out;
    auto parsed = dataset::readDigitsPng(qEnvironmentVariable("EDGEWISE_TEST_DATA").toStdString() +
                                         "/digits.png");
    if (!parsed.ok()) {
      ADD_FAILURE() << parsed.error().toString();
      return out;
    }
    for (size_t i = 0; i < parsed->samples.size(); ++i) {
      const auto& s = parsed->samples[i];
      cv::Mat row(1, static_cast<int>(s.blob.size()), CV_8U, const_cast<uint8_t*>(s.blob.data()));
      cv::Mat f;
      row.convertTo(f, CV_32F, 1.0 / 255.0);
      if (i % 5 == 0) {
        out.testX.push_back(f);
        out.testY.push_back(s.label);
      } else if (i % 5 <= 2) {
        out.trainX.push_back(f);
        out.trainY.push_back(s.label);
      }
    }
    auto c = training::createTorchClassifier(
        "mlp", {{"hidden", "64"}, {"epochs", "12"}, {"standardize", "global"}}, 7,
        {out.trainX.cols});
    if (!c.ok() || !(*c)->train(out.trainX, out.trainY, 10).ok()) {
      ADD_FAILURE() << "training the digits mlp failed";
      return out;
    }
    out.mlp = std::move(*c);
    const std::vector<int> p = out.mlp->predictBatch(out.testX);
    int hits = 0;
    for (size_t i = 0; i < p.size(); ++i) hits += p[i] == out.testY[i];
    out.accuracy = static_cast<double>(hits) / p.size();
    std::cout << "[ digits mlp 64 ] test accuracy " << out.accuracy << "\n";
    return out;
  }();
  return d;
}

// The first n test rows.
cv::Mat testRows(int n) {
  return digits().testX.rowRange(0, n).clone();
}
std::vector<int> testLabels(int n) {
  return {digits().testY.begin(), digits().testY.begin() + n};
}

AttackOptions pixelOptions(AttackKind kind, AttackNorm norm = AttackNorm::Linf) {
  AttackOptions o;
  o.kind = kind;
  o.norm = norm;
  o.clipMin = 0.0f;
  o.clipMax = 1.0f;
  return o;
}

QString python() {
  return qEnvironmentVariable("EDGEWISE_PYTHON3");
}
QString referenceScript() {
  return qEnvironmentVariable("EDGEWISE_ATTACK_REF");
}

void print(const char* what, const std::vector<double>& v) {
  std::cout << what;
  for (double x : v) std::cout << " " << x;
  std::cout << "\n";
}

// Issue 7's target, for L-inf and L2: |ours - python3-torch| <= 1 point at every epsilon.
TEST(Attacks, FgsmAndPgdMatchPythonTorchWithinOnePoint) {
  ASSERT_TRUE(digits().mlp);
  if (python().isEmpty()) GTEST_SKIP() << "no python3";
  for (AttackNorm norm : {AttackNorm::Linf, AttackNorm::L2}) {
    SCOPED_TRACE(training::normName(norm));
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    ReferenceCase c;
    c.norm = norm;
    c.eps = norm == AttackNorm::Linf ? std::vector<double>{0.01, 0.02, 0.05, 0.1, 0.2}
                                     : std::vector<double>{0.25, 0.5, 1.0, 2.0};
    c.steps = 10;
    c.stepRelative = 0.25;
    c.clip = true;
    const cv::Mat X = testRows(600);
    const std::vector<int> y = testLabels(600);
    auto r = compareWithTorchReference(*digits().mlp, X, y, c, python().toStdString(),
                                       referenceScript().toStdString(), dir.path().toStdString());
    ASSERT_TRUE(r.ok()) << r.error().toString();
    if (r->skipped) GTEST_SKIP() << "python3-torch is not installed";
    print("eps       ", r->eps);
    print("fgsm      ", r->fgsm);
    print("fgsm ref  ", r->refFgsm);
    print("pgd       ", r->pgd);
    print("pgd ref   ", r->refPgd);
    EXPECT_LE(r->maxDiffPoints, 1.0);
    // The attacks really bite (the comparison is not between two flat lines).
    EXPECT_LT(r->pgd.back(), 0.2);
    EXPECT_GT(r->fgsm.front(), 0.5);

    // The native model (Net) gives the same curve as its TorchScript export.
    AttackOptions o = pixelOptions(AttackKind::Pgd, norm);
    o.steps = c.steps;
    o.stepRelative = c.stepRelative;
    o.randomStart = false;
    auto native = training::attackCurve(*digits().mlp, X, y, c.eps, o, 0);
    ASSERT_TRUE(native.ok()) << native.error().toString();
    for (size_t i = 0; i < c.eps.size(); ++i) EXPECT_NEAR(native->accuracy[i], r->pgd[i], 0.01);
  }
}

TEST(Attacks, SanityPropertiesHoldOnAPlainModel) {
  ASSERT_TRUE(digits().mlp);
  const cv::Mat X = testRows(400);
  const std::vector<int> y = testLabels(400);
  const std::vector<double> eps = {0.0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3};
  auto fgsm = training::attackCurve(*digits().mlp, X, y, eps, pixelOptions(AttackKind::Fgsm), 3);
  auto pgd = training::attackCurve(*digits().mlp, X, y, eps, pixelOptions(AttackKind::Pgd), 3);
  ASSERT_TRUE(fgsm.ok()) << fgsm.error().toString();
  ASSERT_TRUE(pgd.ok()) << pgd.error().toString();
  print("fgsm", fgsm->accuracy);
  print("pgd ", pgd->accuracy);
  // eps 0 changes nothing.
  EXPECT_DOUBLE_EQ(fgsm->accuracy.front(), fgsm->cleanAccuracy);
  EXPECT_DOUBLE_EQ(pgd->accuracy.front(), pgd->cleanAccuracy);
  for (size_t i = 1; i < eps.size(); ++i) {
    EXPECT_LE(fgsm->accuracy[i], fgsm->accuracy[i - 1] + 0.01) << eps[i];
    EXPECT_LE(pgd->accuracy[i], pgd->accuracy[i - 1] + 0.01) << eps[i];
    EXPECT_LE(pgd->accuracy[i], fgsm->accuracy[i] + 0.01) << eps[i];
  }
  // A huge epsilon (the whole pixel range) breaks nearly every row.
  auto huge = training::attackCurve(*digits().mlp, X, y, {1.0}, pixelOptions(AttackKind::Pgd), 0);
  ASSERT_TRUE(huge.ok());
  EXPECT_LE(huge->accuracy.front(), 0.05);
  const SanityReport s = checkSanity({&*fgsm, &*pgd}, &*fgsm, &*pgd, 1.0, huge->accuracy.front());
  EXPECT_FALSE(s.gradientMaskingSuspected);
  EXPECT_TRUE(s.warnings.empty()) << s.warnings.front();
  EXPECT_EQ(s.checks.size(), 5u);  // 2 x monotone, pgd >= fgsm, huge eps, gradients

  // The examples: clean-correct rows with the perturbation inside the ball and the range.
  ASSERT_EQ(pgd->examples.size(), 3u);
  for (const training::AdversarialExample& e : pgd->examples) {
    EXPECT_EQ(e.cleanPrediction, e.label);
    ASSERT_EQ(e.original.size(), static_cast<size_t>(X.cols));
    for (size_t j = 0; j < e.original.size(); ++j) {
      EXPECT_LE(std::abs(e.perturbation[j]), e.eps + 1e-5);
      EXPECT_NEAR(e.adversarial[j] - e.original[j], e.perturbation[j], 1e-6);
      EXPECT_GE(e.adversarial[j], 0.0f);
      EXPECT_LE(e.adversarial[j], 1.0f);
    }
  }
}

TEST(Attacks, DeepFoolAndCarliniWagnerFindSmallPerturbations) {
  ASSERT_TRUE(digits().mlp);
  const cv::Mat X = testRows(150);
  const std::vector<int> y = testLabels(150);
  AttackOptions df = pixelOptions(AttackKind::DeepFool, AttackNorm::L2);
  auto rows = training::attackRows(*digits().mlp, X, y, 0.0, df);
  ASSERT_TRUE(rows.ok()) << rows.error().toString();
  const std::vector<int> clean = digits().mlp->predictBatch(X);
  int broken = 0, correct = 0;
  for (size_t i = 0; i < y.size(); ++i) {
    if (clean[i] != y[i]) continue;
    ++correct;
    if (rows->predicted[i] != y[i]) ++broken;
  }
  EXPECT_GE(broken, correct * 95 / 100);  // DeepFool breaks almost every row
  const std::vector<double> eps = {0.1, 0.25, 0.5, 1.0, 2.0, 4.0};
  auto dfCurve = training::attackCurve(*digits().mlp, X, y, eps, df, 2);
  ASSERT_TRUE(dfCurve.ok()) << dfCurve.error().toString();
  print("deepfool", dfCurve->accuracy);
  EXPECT_LT(dfCurve->unbrokenFraction, 0.05);
  EXPECT_GT(dfCurve->meanMinimalNorm, 0.0);
  EXPECT_LT(dfCurve->meanMinimalNorm, 3.0);  // digit images have L2 norms of ~3.5-8.8
  for (size_t i = 1; i < eps.size(); ++i) EXPECT_LE(dfCurve->accuracy[i], dfCurve->accuracy[i - 1]);
  EXPECT_LE(dfCurve->accuracy.back(), 0.05);

  AttackOptions cw = pixelOptions(AttackKind::CarliniWagner, AttackNorm::L2);
  cw.steps = 60;
  cw.cwSearchSteps = 4;
  cw.cwLearningRate = 0.05;
  auto cwCurve = training::attackCurve(*digits().mlp, X.rowRange(0, 60).clone(),
                                       {y.begin(), y.begin() + 60}, eps, cw, 2);
  ASSERT_TRUE(cwCurve.ok()) << cwCurve.error().toString();
  print("cw      ", cwCurve->accuracy);
  std::cout << "mean minimal L2: deepfool " << dfCurve->meanMinimalNorm << ", cw "
            << cwCurve->meanMinimalNorm << "\n";
  EXPECT_LT(cwCurve->unbrokenFraction, 0.1);
  EXPECT_LT(cwCurve->meanMinimalNorm, 1.5 * dfCurve->meanMinimalNorm);
  for (const training::AdversarialExample& e : cwCurve->examples) {
    EXPECT_NE(e.adversarialPrediction, e.label);
    double n = 0.0;
    for (float p : e.perturbation) n += static_cast<double>(p) * p;
    EXPECT_NEAR(std::sqrt(n), e.eps, 1e-3);
  }
}

// A model that rounds its input has a zero gradient everywhere: FGSM does nothing, PGD from
// the clean row does nothing even at a huge epsilon, and the sanity checks say so.
TEST(Attacks, GradientMaskingIsFlagged) {
  ASSERT_TRUE(digits().mlp);
  if (python().isEmpty()) GTEST_SKIP() << "no python3";
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  ASSERT_TRUE(training::exportTorchScript(*digits().mlp,
                                          dir.filePath(QStringLiteral("model.pt")).toStdString())
                  .ok());
  QProcess p;
  p.start(python(), {referenceScript(), QStringLiteral("mask"), dir.path()});
  ASSERT_TRUE(p.waitForFinished(120000));
  if (p.exitCode() == 77) GTEST_SKIP() << "python3-torch is not installed";
  ASSERT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
  auto masked = training::importTorchScript(dir.filePath(QStringLiteral("masked.pt")).toStdString(),
                                            10, {digits().testX.cols});
  ASSERT_TRUE(masked.ok()) << masked.error().toString();
  const cv::Mat X = testRows(300);
  const std::vector<int> y = testLabels(300);
  const std::vector<double> eps = {0.02, 0.05, 0.1, 0.2};
  AttackOptions o = pixelOptions(AttackKind::Fgsm);
  auto fgsm = training::attackCurve(**masked, X, y, eps, o, 0);
  ASSERT_TRUE(fgsm.ok()) << fgsm.error().toString();
  EXPECT_DOUBLE_EQ(fgsm->zeroGradientFraction, 1.0);
  for (double a : fgsm->accuracy) EXPECT_DOUBLE_EQ(a, fgsm->cleanAccuracy);
  o.kind = AttackKind::Pgd;
  o.randomStart = false;
  auto pgd = training::attackCurve(**masked, X, y, eps, o, 0);
  auto huge = training::attackCurve(**masked, X, y, {1.0}, o, 0);
  ASSERT_TRUE(pgd.ok() && huge.ok());
  const SanityReport s = checkSanity({&*fgsm, &*pgd}, &*fgsm, &*pgd, 1.0, huge->accuracy.front());
  EXPECT_TRUE(s.gradientMaskingSuspected);
  int failed = 0;
  for (const SanityCheck& c : s.checks) {
    if (c.name == "large_eps_breaks" || c.name == "nonzero_gradients") {
      EXPECT_FALSE(c.passed) << c.name;
      ++failed;
    }
  }
  EXPECT_EQ(failed, 2);
  EXPECT_FALSE(s.warnings.empty());
}

TEST(Attacks, ModelsWithoutInputGradientsAreRefused) {
  ASSERT_TRUE(digits().mlp);
  auto knn = training::createClassifier("knn", {}, 1, {digits().trainX.cols});
  ASSERT_TRUE(knn.ok());
  ASSERT_TRUE((*knn)->train(digits().trainX, digits().trainY, 10).ok());
  auto r = training::checkAttackable(**knn);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("not a LibTorch model"), std::string::npos) << r.error().message;
  auto curve = training::attackCurve(**knn, testRows(10), testLabels(10), {0.1},
                                     pixelOptions(AttackKind::Fgsm));
  EXPECT_FALSE(curve.ok());
  auto untrained = training::createTorchClassifier("mlp", {}, 1, {400});
  ASSERT_TRUE(untrained.ok());
  EXPECT_FALSE(training::checkAttackable(**untrained).ok());
}

TEST(Attacks, BadArgumentsAreErrors) {
  ASSERT_TRUE(digits().mlp);
  const Classifier& m = *digits().mlp;
  const cv::Mat X = testRows(10);
  const std::vector<int> y = testLabels(10);
  AttackOptions o = pixelOptions(AttackKind::Fgsm);
  EXPECT_FALSE(training::attackCurve(m, X, y, {-0.1}, o).ok());
  EXPECT_FALSE(training::attackCurve(m, X, y, {}, o).ok());
  EXPECT_FALSE(training::attackCurve(m, X.colRange(0, 10).clone(), y, {0.1}, o).ok());
  EXPECT_FALSE(training::attackCurve(m, X, {1, 2}, {0.1}, o).ok());
  o.scale = {1.0f, 2.0f};  // wrong length
  EXPECT_FALSE(training::attackCurve(m, X, y, {0.1}, o).ok());
  o = pixelOptions(AttackKind::CarliniWagner, AttackNorm::Linf);
  auto cw = training::attackCurve(m, X, y, {0.1}, o);
  ASSERT_FALSE(cw.ok());
  EXPECT_NE(cw.error().message.find("L2"), std::string::npos);
  EXPECT_FALSE(training::parseAttackKind("jsma").ok());
  EXPECT_EQ(*training::parseAttackKind("cw"), AttackKind::CarliniWagner);
}

// With a per-column scale the L-inf ball is |delta_j| <= eps * scale_j.
TEST(Attacks, ScaleSetsTheUnitOfEpsilon) {
  ASSERT_TRUE(digits().mlp);
  const cv::Mat X = testRows(20);
  const std::vector<int> y = testLabels(20);
  AttackOptions o;  // no clipping: the raw ball is visible
  o.kind = AttackKind::Fgsm;
  o.scale.assign(static_cast<size_t>(X.cols), 0.5f);
  for (size_t j = 0; j < o.scale.size(); j += 2) o.scale[j] = 0.1f;
  auto r = training::attackRows(*digits().mlp, X, y, 0.2, o);
  ASSERT_TRUE(r.ok()) << r.error().toString();
  for (int i = 0; i < X.rows; ++i) {
    for (int j = 0; j < X.cols; ++j) {
      const float d = std::abs(r->X.at<float>(i, j) - X.at<float>(i, j));
      EXPECT_LE(d, 0.2f * o.scale[static_cast<size_t>(j)] + 1e-6f);
    }
    EXPECT_NEAR(r->norms[static_cast<size_t>(i)], 0.2, 1e-5);
  }
}

}  // namespace
}  // namespace edgewise::robustness::test
