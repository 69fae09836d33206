// edgewise-cli bench active-learning as a child process: the built-in digits set (--file) and
// a project's dataset (imported with edgewise-cli import), tiny budgets, the JSON fields and
// the curve's label counts; usage errors.

#include <gtest/gtest.h>

#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include "tests/cli/cli_test_util.h"

namespace edgewise::cli::test {
namespace {

using namespace Qt::StringLiterals;
using nlohmann::json;

QString digitsPng() {
  return qEnvironmentVariable("EDGEWISE_TEST_DATA") + u"/digits.png"_s;
}

std::vector<std::string> strategyNames(const json& j) {
  std::vector<std::string> out;
  for (const json& s : j.at("strategies")) out.push_back(s.at("strategy"));
  return out;
}

void expectCurves(const json& j, const std::vector<int>& labels, size_t seeds) {
  for (const json& s : j.at("strategies")) {
    SCOPED_TRACE(s.at("strategy").get<std::string>());
    for (const char* key : {"labels_to_target", "labels_to_target_runs",
                            "labels_to_target_vs_random", "final_accuracy", "seconds", "curve"})
      EXPECT_TRUE(s.contains(key)) << key;
    const json& l = s.at("labels_to_target");
    EXPECT_TRUE(l.is_null() || l.is_number_integer()) << l.dump();
    EXPECT_EQ(s.at("labels_to_target_runs").size(), seeds);
    const json& curve = s.at("curve");
    ASSERT_EQ(curve.size(), labels.size());
    for (size_t p = 0; p < labels.size(); ++p) {
      EXPECT_EQ(curve[p].at("labels"), labels[p]);
      const double mean = curve[p].at("mean");
      EXPECT_GE(mean, 0.0);
      EXPECT_LE(mean, 1.0);
      EXPECT_GE(curve[p].at("std").get<double>(), 0.0);
      ASSERT_EQ(curve[p].at("runs").size(), seeds);
      for (const json& a : curve[p].at("runs")) {
        EXPECT_GE(a.get<double>(), 0.0);
        EXPECT_LE(a.get<double>(), 1.0);
      }
    }
    EXPECT_DOUBLE_EQ(s.at("final_accuracy").get<double>(), curve.back().at("mean").get<double>());
  }
}

TEST(CliActiveLearning, BuiltinDigitsFromAFile) {
  RunResult r = runCli(
      {u"bench"_s, u"active-learning"_s, u"--dataset"_s, u"digits"_s, u"--file"_s, digitsPng(),
       u"--strategy"_s, u"margin,kcenter"_s, u"--initial"_s, u"20"_s, u"--batch"_s, u"10"_s,
       u"--budget"_s, u"40"_s, u"--seeds"_s, u"2"_s, u"--timing-pool"_s, u"1000"_s, u"--json"_s},
      240000);
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  EXPECT_TRUE(r.err.contains("bench active-learning: whole pool: accuracy")) << r.err.toStdString();
  const json j = json::parse(r.out.toStdString());
  EXPECT_EQ(j.at("benchmark"), "active-learning");
  EXPECT_EQ(j.at("dataset"), "digits");
  EXPECT_EQ(j.at("source").at("builtin"), "digits");
  // digits.png: 5,000 20x20 images, 500 per digit; the 70/15/15 split per class.
  EXPECT_EQ(j.at("pool_rows"), 3500);
  EXPECT_EQ(j.at("test_rows"), 750);
  EXPECT_EQ(j.at("dims"), 400);
  EXPECT_EQ(j.at("num_classes"), 10);
  EXPECT_EQ(j.at("model"), "logreg");
  EXPECT_EQ(j.at("initial"), 20);
  EXPECT_EQ(j.at("batch"), 10);
  EXPECT_EQ(j.at("budget"), 40);
  EXPECT_EQ(j.at("seeds"), 2);
  EXPECT_EQ(j.at("first_seed"), 42);
  EXPECT_EQ(j.at("hybrid_factor"), 2);
  EXPECT_EQ(j.at("hybrid_diversity"), "cluster");
  EXPECT_DOUBLE_EQ(j.at("target_fraction").get<double>(), 0.95);
  ASSERT_EQ(j.at("full_pool_accuracy_runs").size(), 2u);
  const double full = j.at("full_pool_accuracy");
  EXPECT_GT(full, 0.8);  // logreg on the whole digits pool
  EXPECT_LE(full, 1.0);
  EXPECT_NEAR(j.at("target_accuracy").get<double>(), 0.95 * full, 1e-12);
  EXPECT_EQ(strategyNames(j), (std::vector<std::string>{"random", "margin", "kcenter"}));
  expectCurves(j, {20, 30, 40}, 2);
  const json& t = j.at("round_timing");
  EXPECT_EQ(t.at("pool_rows"), 1000);
  EXPECT_EQ(t.at("pool_tiled_from_train_split"), false);
  EXPECT_EQ(t.at("labels"), 40);
  ASSERT_EQ(t.at("rounds").size(), 3u);
  for (const json& round : t.at("rounds")) {
    EXPECT_FALSE(round.contains("error")) << round.dump();
    EXPECT_GT(round.at("round_seconds").get<double>(), 0.0);
    EXPECT_GT(round.at("first_round_seconds").get<double>(), 0.0);
    EXPECT_EQ(round.at("round_labels"), 40);
  }
  const json& s = j.at("summary");
  for (const char* key :
       {"random_labels_to_target", "best_strategy", "best_labels_to_target", "best_vs_random",
        "uncertainty_strategies_beat_random", "max_round_seconds"})
    EXPECT_TRUE(s.contains(key)) << key;
  EXPECT_TRUE(j.contains("date"));
  EXPECT_GE(j.at("machine").at("nproc").get<int>(), 1);
}

class CliActiveProject : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(m_dir.isValid());
    m_project = m_dir.filePath(u"a.edgewise"_s);
    RunResult r =
        runCli({u"import"_s, u"--project"_s, m_project, u"--name"_s, u"imu"_s, u"--format"_s,
                u"imu-sim"_s, u"--per-class"_s, u"40"_s, u"--seed"_s, u"5"_s, u"--json"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  }
  QTemporaryDir m_dir;
  QString m_project;
};

TEST_F(CliActiveProject, ADatasetOfTheProject) {
  RunResult r = runCli({u"bench"_s,         u"active-learning"_s,
                        u"--project"_s,     m_project,
                        u"--dataset"_s,     u"imu"_s,
                        u"--strategy"_s,    u"entropy"_s,
                        u"--initial"_s,     u"10"_s,
                        u"--batch"_s,       u"5"_s,
                        u"--budget"_s,      u"22"_s,
                        u"--seeds"_s,       u"1"_s,
                        u"--timing-pool"_s, u"0"_s,
                        u"--quiet"_s,       u"--json"_s},
                       120000);
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  EXPECT_TRUE(r.err.isEmpty()) << r.err.toStdString();  // --quiet
  const json j = json::parse(r.out.toStdString());
  EXPECT_EQ(j.at("dataset"), "imu");
  EXPECT_EQ(j.at("source").at("project"), m_project.toStdString());
  EXPECT_EQ(j.at("pool_rows"), 140);  // 40 per class: 28 train, 6 val, 6 test
  EXPECT_EQ(j.at("test_rows"), 30);
  EXPECT_EQ(j.at("num_classes"), 5);
  EXPECT_EQ(j.at("dims"), 600);  // 6 channels x 100 samples
  EXPECT_EQ(strategyNames(j), (std::vector<std::string>{"random", "entropy"}));
  expectCurves(j, {10, 15, 20, 22}, 1);
  EXPECT_FALSE(j.contains("round_timing"));
  EXPECT_FALSE(j.at("summary").contains("max_round_seconds"));

  // The table for people.
  r = runCli(
      {u"bench"_s, u"active-learning"_s, u"--project"_s, m_project, u"--dataset"_s, u"imu"_s,
       u"--strategy"_s, u"kcenter"_s, u"--initial"_s, u"10"_s, u"--batch"_s, u"10"_s, u"--budget"_s,
       u"20"_s, u"--seeds"_s, u"1"_s, u"--timing-pool"_s, u"200"_s, u"--quiet"_s},
      120000);
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  EXPECT_TRUE(r.out.contains("labels_to_target")) << r.out.toStdString();
  EXPECT_TRUE(r.out.contains("kcenter")) << r.out.toStdString();
  EXPECT_TRUE(r.out.contains("one round on 200 rows with 20 labels")) << r.out.toStdString();

  r = runCli({u"bench"_s, u"active-learning"_s, u"--project"_s, m_project, u"--dataset"_s,
              u"nope"_s, u"--quiet"_s});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains("no dataset named 'nope'")) << r.err.toStdString();
}

TEST(CliActiveLearning, UsageErrors) {
  RunResult r = runCli({u"bench"_s, u"active-learning"_s, u"--strategy"_s, u"margin,foo"_s});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_TRUE(r.err.contains("unknown active-learning strategy 'foo'")) << r.err.toStdString();
  EXPECT_TRUE(r.err.contains("least-confidence")) << r.err.toStdString();
  r = runCli({u"bench"_s, u"active-learning"_s, u"--project"_s, u"/nonexistent.edgewise"_s});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_TRUE(r.err.contains("--dataset NAME is required")) << r.err.toStdString();
  r = runCli({u"bench"_s, u"active-learning"_s, u"--dataset"_s, u"mnist"_s});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_TRUE(r.err.contains("digits or imu")) << r.err.toStdString();
  r = runCli({u"bench"_s, u"active-learning"_s, u"--initial"_s, u"30"_s, u"--budget"_s, u"20"_s});
  EXPECT_EQ(r.exitCode, 2);
  r = runCli({u"bench"_s, u"active-learning"_s, u"--batch"_s, u"0"_s});
  EXPECT_EQ(r.exitCode, 2);
  r = runCli({u"bench"_s, u"active-learning"_s, u"--param"_s, u"reg"_s});
  EXPECT_EQ(r.exitCode, 2);
  r = runCli({u"bench"_s, u"active-learning"_s, u"--project"_s, u"/nonexistent.edgewise"_s,
              u"--dataset"_s, u"x"_s, u"--quiet"_s});
  EXPECT_EQ(r.exitCode, 1);
  r = runCli({u"bench"_s, u"--help"_s});
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_TRUE(r.out.contains("active-learning")) << r.out.toStdString();
}

}  // namespace
}  // namespace edgewise::cli::test
