// edgewise-cli audit robustness as a child process on a real project file (simulated IMU
// windows, a small mlp and an OpenCV random forest): the contract's JSON (clean accuracy and
// robust accuracy per epsilon), the text report, and the errors for an unknown model, a model
// without input gradients, a bad epsilon list and an unknown attack.

#include <gtest/gtest.h>

#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include "tests/cli/cli_test_util.h"

namespace edgewise::cli::test {
namespace {

using namespace Qt::StringLiterals;
using nlohmann::json;

class CliRobustness : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = new QTemporaryDir;
    ASSERT_TRUE(s_dir->isValid());
    s_project = new QString(s_dir->filePath(u"r.edgewise"_s));
    RunResult r = runCli({u"import"_s, u"--project"_s, *s_project, u"--name"_s, u"imu"_s,
                          u"--format"_s, u"imu-sim"_s, u"--per-class"_s, u"40"_s, u"--json"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    for (const QString& family : {u"mlp"_s, u"rf"_s}) {
      QStringList args = {u"train"_s, u"--project"_s, *s_project, u"--dataset"_s,
                          u"imu"_s,   u"--model"_s,   family,     u"--latency-seconds"_s,
                          u"0.02"_s,  u"--quiet"_s,   u"--json"_s};
      if (family == u"mlp") args << u"--epochs"_s << u"10"_s << u"--param"_s << u"hidden=32"_s;
      RunResult t = runCli(args, 120000);
      ASSERT_EQ(t.exitCode, 0) << t.err.toStdString();
      (family == u"mlp" ? s_mlp : s_rf) =
          json::parse(t.out.toStdString()).at("model_id").get<int64_t>();
    }
  }
  static void TearDownTestSuite() {
    delete s_project;
    delete s_dir;
  }
  static RunResult audit(const QStringList& extra) {
    return runCli(QStringList{u"audit"_s, u"robustness"_s, u"--project"_s, *s_project} + extra,
                  120000);
  }
  static QTemporaryDir* s_dir;
  static QString* s_project;
  static int64_t s_mlp, s_rf;
};
QTemporaryDir* CliRobustness::s_dir = nullptr;
QString* CliRobustness::s_project = nullptr;
int64_t CliRobustness::s_mlp = 0;
int64_t CliRobustness::s_rf = 0;

TEST_F(CliRobustness, JsonHasCleanAndRobustAccuracyPerEpsilon) {
  RunResult r = audit({u"--model"_s, QString::number(s_mlp), u"--attack"_s, u"pgd"_s, u"--eps"_s,
                       u"0.5,0.1,1"_s, u"--json"_s});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const json j = json::parse(r.out.toStdString());
  EXPECT_EQ(j.at("attack"), "pgd");
  EXPECT_EQ(j.at("norm"), "linf");
  EXPECT_EQ(j.at("eps_unit"), "std");
  const double clean = j.at("clean_accuracy").get<double>();
  EXPECT_GT(clean, 0.5);
  const json& curve = j.at("curve");
  ASSERT_EQ(curve.size(), 3u);
  const std::vector<double> sorted = {0.1, 0.5, 1.0};
  double previous = clean;
  for (size_t i = 0; i < curve.size(); ++i) {
    EXPECT_DOUBLE_EQ(curve[i].at("eps").get<double>(), sorted[i]);
    const double a = curve[i].at("robust_accuracy").get<double>();
    EXPECT_LE(a, previous + 0.01);
    previous = a;
  }
  EXPECT_GE(j.at("sanity").at("checks").size(), 4u);
  EXPECT_TRUE(j.at("sanity").at("gradient_masking_suspected").is_boolean());
  EXPECT_FALSE(j.at("examples").empty());
}

TEST_F(CliRobustness, TextReportAndFaults) {
  RunResult r = audit({u"--model"_s, QString::number(s_mlp), u"--attack"_s, u"deepfool"_s,
                       u"--faults"_s, u"--quiet"_s});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QString out = QString::fromUtf8(r.out);
  EXPECT_TRUE(out.contains(u"clean accuracy"_s)) << r.out.toStdString();
  EXPECT_TRUE(out.contains(u"deepfool (l2)"_s)) << r.out.toStdString();
  EXPECT_TRUE(out.contains(u"fault clock_skew"_s)) << r.out.toStdString();
  EXPECT_TRUE(out.contains(u"sanity PASS"_s) || out.contains(u"sanity FAIL"_s));
}

TEST_F(CliRobustness, ErrorsSayWhatIsWrong) {
  RunResult rf = audit({u"--model"_s, QString::number(s_rf), u"--attack"_s, u"fgsm"_s});
  EXPECT_EQ(rf.exitCode, 1);
  EXPECT_TRUE(rf.err.contains("not a LibTorch model")) << rf.err.toStdString();
  // The same OpenCV model gets its fault curves.
  RunResult faults = audit({u"--model"_s, QString::number(s_rf), u"--faults"_s, u"--json"_s});
  ASSERT_EQ(faults.exitCode, 0) << faults.err.toStdString();
  EXPECT_EQ(json::parse(faults.out.toStdString()).at("faults").size(), 7u);

  RunResult unknown = audit({u"--model"_s, u"999"_s, u"--attack"_s, u"fgsm"_s});
  EXPECT_EQ(unknown.exitCode, 1);
  RunResult badEps = audit(
      {u"--model"_s, QString::number(s_mlp), u"--attack"_s, u"fgsm"_s, u"--eps"_s, u"0.1,abc"_s});
  EXPECT_EQ(badEps.exitCode, 2);
  EXPECT_TRUE(badEps.err.contains("--eps")) << badEps.err.toStdString();
  RunResult negative = audit(
      {u"--model"_s, QString::number(s_mlp), u"--attack"_s, u"fgsm"_s, u"--eps"_s, u"-0.1"_s});
  EXPECT_EQ(negative.exitCode, 2);
  RunResult attack = audit({u"--model"_s, QString::number(s_mlp), u"--attack"_s, u"jsma"_s});
  EXPECT_EQ(attack.exitCode, 2);
  EXPECT_TRUE(attack.err.contains("fgsm, pgd, deepfool, cw")) << attack.err.toStdString();
  RunResult cw =
      audit({u"--model"_s, QString::number(s_mlp), u"--attack"_s, u"cw"_s, u"--norm"_s, u"linf"_s});
  EXPECT_EQ(cw.exitCode, 2);
  RunResult nothing = audit({u"--model"_s, QString::number(s_mlp)});
  EXPECT_EQ(nothing.exitCode, 2);
}

}  // namespace
}  // namespace edgewise::cli::test
