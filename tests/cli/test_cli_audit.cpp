// edgewise-cli audit drift as a child process: per-feature figures of two small CSV files
// against SciPy, the JSON contract, and the errors a user meets (missing file, header
// mismatch, a cell that is not a number, usage).

#include <gtest/gtest.h>

#include <QFile>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include "tests/cli/cli_test_util.h"

namespace edgewise::cli::test {
namespace {

using namespace Qt::StringLiterals;
using nlohmann::json;

class CliAuditDrift : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(m_dir.isValid());
    m_reference = write(u"reference.csv"_s,
                        "a,b\n0.1,10\n0.4,12\n0.35,11\n0.8,13\n1.2,9\n0.9,10.5\n0.05,11.5\n"
                        "0.6,12.5\n0.7,9.5\n0.3,10.2\n1.1,11.1\n0.5,12.2\n");
    // b moved up by about 4: every live value lies above the reference.
    m_live = write(u"live.csv"_s,
                   "b,a\n14,0.2\n15.5,0.45\n13.8,0.3\n16,0.75\n14.2,1.0\n15,0.65\n13.9,0.15\n"
                   "14.8,0.55\n15.2,0.95\n");
  }

  QString write(const QString& name, const char* text) {
    const QString path = m_dir.filePath(name);
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(text);
    return path;
  }

  QTemporaryDir m_dir;
  QString m_reference;
  QString m_live;
};

TEST_F(CliAuditDrift, FiguresMatchScipy) {
  RunResult r = runCli(
      {u"audit"_s, u"drift"_s, u"--reference"_s, m_reference, u"--live"_s, m_live, u"--json"_s});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const json j = json::parse(r.out.toStdString());
  EXPECT_EQ(j.at("reference_rows"), 12);
  EXPECT_EQ(j.at("live_rows"), 9);
  EXPECT_DOUBLE_EQ(j.at("alpha").get<double>(), 0.05);
  const json& f = j.at("features");
  ASSERT_EQ(f.size(), 2u);  // in the reference's column order
  for (const json& x : f) {
    for (const char* key : {"feature", "ks_stat", "ks_p", "psi", "wasserstein", "drift"})
      EXPECT_TRUE(x.contains(key)) << key;
    EXPECT_EQ(x.at("ks_method"), "exact");
  }
  // scipy.stats.ks_2samp and wasserstein_distance (SciPy 1.10.1) on the same columns.
  EXPECT_EQ(f[0].at("feature"), "a");
  EXPECT_NEAR(f[0].at("ks_stat").get<double>(), 0.16666666666666666, 1e-9);
  EXPECT_NEAR(f[0].at("ks_p").get<double>(), 0.9941210492294085, 1e-6);
  EXPECT_NEAR(f[0].at("wasserstein").get<double>(), 0.08055555555555555, 1e-9);
  EXPECT_FALSE(f[0].at("drift").get<bool>());
  EXPECT_EQ(f[1].at("feature"), "b");
  EXPECT_NEAR(f[1].at("ks_stat").get<double>(), 1.0, 1e-9);
  EXPECT_NEAR(f[1].at("ks_p").get<double>(), 6.804341169666247e-06, 1e-6);
  EXPECT_NEAR(f[1].at("wasserstein").get<double>(), 3.6694444444444443, 1e-9);
  EXPECT_TRUE(f[1].at("drift").get<bool>());
  // BH over two tests: the smaller p doubled.
  EXPECT_NEAR(f[1].at("ks_p_adjusted").get<double>(), 2 * 6.804341169666247e-06, 1e-9);
  EXPECT_EQ(j.at("drifted_features"), json::array({"b"}));
  EXPECT_TRUE(j.at("drift").get<bool>());
  const json& mv = j.at("multivariate");
  for (const char* key : {"mmd", "p_value", "drift", "bandwidth", "permutations"})
    EXPECT_TRUE(mv.contains(key)) << key;
  EXPECT_EQ(mv.at("permutations"), 200);
  EXPECT_GT(mv.at("mmd").get<double>(), 0.0);
  EXPECT_LT(mv.at("p_value").get<double>(), 0.05);
  EXPECT_TRUE(mv.at("drift").get<bool>());

  // The table for people, and MMD switched off.
  r = runCli({u"audit"_s, u"drift"_s, u"--reference"_s, m_reference, u"--live"_s, m_live,
              u"--permutations"_s, u"0"_s});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  EXPECT_TRUE(r.out.contains("DRIFT")) << r.out.toStdString();
  EXPECT_TRUE(r.out.contains("drift: yes")) << r.out.toStdString();
  EXPECT_FALSE(r.out.contains("multivariate")) << r.out.toStdString();
}

TEST_F(CliAuditDrift, ClearErrors) {
  const QString missing = m_dir.filePath(u"missing.csv"_s);
  RunResult r = runCli({u"audit"_s, u"drift"_s, u"--reference"_s, missing, u"--live"_s, m_live});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains("missing.csv: cannot open the file")) << r.err.toStdString();

  const QString renamed = write(u"renamed.csv"_s, "a,c\n1,2\n3,4\n");
  r = runCli({u"audit"_s, u"drift"_s, u"--reference"_s, m_reference, u"--live"_s, renamed});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(
      r.err.contains("the live header does not match the reference: missing 'b'; not "
                     "in the reference 'c'"))
      << r.err.toStdString();

  const QString bad = write(u"bad.csv"_s, "a,b\n1,2\n3,four\n");
  r = runCli({u"audit"_s, u"drift"_s, u"--reference"_s, m_reference, u"--live"_s, bad});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains("bad.csv: line 3, column 2 ('b'): 'four' is not a finite number"))
      << r.err.toStdString();

  r = runCli({u"audit"_s, u"drift"_s, u"--live"_s, m_live});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_TRUE(r.err.contains("--reference FILE is required")) << r.err.toStdString();

  r = runCli({u"audit"_s, u"drift"_s, u"--reference"_s, m_reference, u"--live"_s, m_live,
              u"--alpha"_s, u"2"_s});
  EXPECT_EQ(r.exitCode, 2);

  r = runCli({u"audit"_s, u"nonsense"_s});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_TRUE(r.err.contains("unknown subcommand 'nonsense'")) << r.err.toStdString();
}

TEST(CliBenchDrift, SmallRun) {
  RunResult r = runCli({u"bench"_s,
                        u"drift"_s,
                        u"--windows"_s,
                        u"50,300"_s,
                        u"--trials"_s,
                        u"40"_s,
                        u"--reference-rows"_s,
                        u"500"_s,
                        u"--features"_s,
                        u"5"_s,
                        u"--detection-trials"_s,
                        u"10"_s,
                        u"--mmd-trials"_s,
                        u"3"_s,
                        u"--devices"_s,
                        u"5"_s,
                        u"--cpu-rounds"_s,
                        u"2"_s,
                        u"--quiet"_s,
                        u"--json"_s},
                       120000);
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const json j = json::parse(r.out.toStdString());
  EXPECT_EQ(j.at("benchmark"), "drift");
  ASSERT_EQ(j.at("false_alarm").size(), 2u);
  for (const json& a : j.at("false_alarm")) {
    EXPECT_EQ(a.at("trials"), 40);
    for (const char* key : {"window_alarm_rate", "naive_psi_window_alarm_rate",
                            "psi_threshold_feature_rate", "ks_feature_rejection_rate"}) {
      EXPECT_GE(a.at(key).get<double>(), 0.0) << key;
      EXPECT_LE(a.at(key).get<double>(), 1.0) << key;
    }
  }
  EXPECT_GE(j.at("detection").at("detection_rate").get<double>(), 0.9);
  EXPECT_GT(j.at("cpu").at("round_cpu_s_median").get<double>(), 0.0);
  EXPECT_TRUE(j.at("summary").contains("targets_met"));
}

}  // namespace
}  // namespace edgewise::cli::test
