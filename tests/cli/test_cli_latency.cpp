// edgewise-cli audit latency as a child process on a real project file (simulated IMU windows,
// a small trained mlp): the JSON fields and the relations between them, the at-least-1-s and
// at-least-50-runs floor, the human-readable form and the errors a user meets.

#include <gtest/gtest.h>

#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include "core/store/project.h"
#include "core/store/sqlite_util.h"
#include "tests/cli/cli_test_util.h"

namespace edgewise::cli::test {
namespace {

using namespace Qt::StringLiterals;
using nlohmann::json;

class CliAuditLatency : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = new QTemporaryDir;
    ASSERT_TRUE(s_dir->isValid());
    s_project = new QString(s_dir->filePath(u"l.edgewise"_s));
    RunResult r = runCli({u"import"_s, u"--project"_s, *s_project, u"--name"_s, u"imu"_s,
                          u"--format"_s, u"imu-sim"_s, u"--per-class"_s, u"20"_s, u"--json"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    RunResult t =
        runCli({u"train"_s, u"--project"_s, *s_project, u"--dataset"_s, u"imu"_s, u"--model"_s,
                u"mlp"_s, u"--epochs"_s, u"3"_s, u"--param"_s, u"hidden=16"_s,
                u"--latency-seconds"_s, u"0.05"_s, u"--quiet"_s, u"--json"_s},
               120000);
    ASSERT_EQ(t.exitCode, 0) << t.err.toStdString();
    s_model = json::parse(t.out.toStdString()).at("model_id").get<int64_t>();
  }
  static void TearDownTestSuite() {
    delete s_project;
    delete s_dir;
  }
  static RunResult latency(const QStringList& extra) {
    return runCli(QStringList{u"audit"_s, u"latency"_s, u"--project"_s, *s_project} + extra,
                  120000);
  }
  static QTemporaryDir* s_dir;
  static QString* s_project;
  static int64_t s_model;
};
QTemporaryDir* CliAuditLatency::s_dir = nullptr;
QString* CliAuditLatency::s_project = nullptr;
int64_t CliAuditLatency::s_model = 0;

TEST_F(CliAuditLatency, JsonFieldsAndTheirRelations) {
  RunResult r = latency({u"--model"_s, QString::number(s_model), u"--json"_s, u"--samples"_s});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  EXPECT_TRUE(r.err.contains("[100%] done")) << r.err.toStdString();
  const json j = json::parse(r.out.toStdString());
  EXPECT_EQ(j.at("model_id").get<int64_t>(), s_model);
  EXPECT_EQ(j.at("family"), "mlp");
  const json& l = j.at("latency_us");
  const double p50 = l.at("p50"), p90 = l.at("p90"), p99 = l.at("p99"), mx = l.at("max");
  EXPECT_GT(p50, 0.0);
  EXPECT_LE(p50, p90);
  EXPECT_LE(p90, p99);
  EXPECT_LE(p99, mx);
  const double mean = l.at("mean"), sd = l.at("std");
  EXPECT_GT(mean, 0.0);
  EXPECT_LE(mean, mx);
  EXPECT_GE(sd, 0.0);
  EXPECT_NEAR(j.at("cv").get<double>(), sd / mean, 1e-9);
  // At least 1 s and 50 runs, every run in the samples.
  const int runs = j.at("runs");
  EXPECT_GE(runs, 50);
  EXPECT_EQ(l.at("runs").get<int>(), runs);
  EXPECT_GE(j.at("seconds").get<double>(), 1.0);
  ASSERT_EQ(j.at("samples_us").size(), size_t(runs));
  double maxSample = 0.0;
  for (const json& s : j.at("samples_us")) maxSample = std::max(maxSample, s.get<double>());
  EXPECT_DOUBLE_EQ(maxSample, mx);
  // Init, first inference and warm-up are measured apart from the timed runs.
  EXPECT_GT(j.at("init_ms").get<double>(), 0.0);
  EXPECT_GT(j.at("first_inference_us").get<double>(), 0.0);
  EXPECT_EQ(j.at("warmup_runs"), 10);
  EXPECT_GT(j.at("warmup_mean_us").get<double>(), 0.0);
  // The probe runs next to the CLI: a real peak RSS (the process holds LibTorch).
  EXPECT_GT(j.at("peak_rss_bytes").get<int64_t>(), 1 << 20);
  EXPECT_GT(j.at("size_bytes").get<int64_t>(), 0);
  const double acc = j.at("accuracy");
  EXPECT_GE(acc, 0.0);
  EXPECT_LE(acc, 1.0);
  EXPECT_GT(j.at("rows").get<int>(), 0);
}

TEST_F(CliAuditLatency, HumanReadable) {
  RunResult r = latency({u"--model"_s, QString::number(s_model), u"--no-rss"_s, u"--quiet"_s});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  for (const char* text : {"init (load)", "first inference", "p50", "p99", "cv", "peak RSS"})
    EXPECT_TRUE(r.out.contains(text)) << text << "\n" << r.out.toStdString();
  EXPECT_TRUE(r.err.isEmpty()) << r.err.toStdString();
}

TEST_F(CliAuditLatency, ClearErrors) {
  RunResult unknown = latency({u"--model"_s, u"999"_s, u"--json"_s});
  EXPECT_EQ(unknown.exitCode, 1);
  EXPECT_TRUE(unknown.err.contains("no model with id 999")) << unknown.err.toStdString();
  EXPECT_TRUE(unknown.out.isEmpty());
  RunResult noModel = latency({});
  EXPECT_EQ(noModel.exitCode, 2);
  EXPECT_TRUE(noModel.err.contains("--model ID is required")) << noModel.err.toStdString();
  // Below the floor of the benchmark: a usage error, not a silently shorter run.
  RunResult shortRun = latency({u"--model"_s, QString::number(s_model), u"--seconds"_s, u"0.1"_s});
  EXPECT_EQ(shortRun.exitCode, 2);
  EXPECT_TRUE(shortRun.err.contains("seconds")) << shortRun.err.toStdString();
  RunResult missing = runCli({u"audit"_s, u"latency"_s, u"--project"_s,
                              s_dir->filePath(u"missing.edgewise"_s), u"--model"_s, u"1"_s});
  EXPECT_EQ(missing.exitCode, 1);
  EXPECT_FALSE(missing.err.isEmpty());
  RunResult help = runCli({u"audit"_s, u"--help"_s});
  EXPECT_EQ(help.exitCode, 0);
  EXPECT_TRUE(help.out.contains("latency"));
}

// --fleet on hand-made heartbeats: dev-a's model v2 answers in 260 us where v1 took 200 us
// (jitter +-4 us, 20 heartbeats per side): a regression; dev-b stays at 200 us: none.
TEST(CliAuditLatencyFleet, PercentilesStagesAndRegressions) {
  QTemporaryDir dir;
  const QString path = dir.filePath(u"f.edgewise"_s);
  {
    auto project = store::Project::open(path.toStdString());
    ASSERT_TRUE(project.ok()) << project.error().toString();
    ASSERT_TRUE((*project)->begin().ok());
    auto st = store::detail::Statement::prepare(
        (*project)->handle(),
        "INSERT INTO telemetry(device_id, ts_us, model_sha256, cpu_pct, latency_p50_us, "
        "latency_p99_us, predictions_per_s, queue_depth, stages) VALUES(?,?,?,2.0,?,?,50,0,?)");
    ASSERT_TRUE(st.ok());
    for (const char* device : {"dev-a", "dev-b"}) {
      for (int i = 0; i < 40; ++i) {
        const bool v2 = i >= 20;
        const double jitter = (i % 5) * 2.0 - 4.0;  // -4, -2, 0, 2, 4
        const double p50 = (v2 && device[4] == 'a' ? 260.0 : 200.0) + jitter;
        st->bind(1, std::string(device)).bind(2, int64_t{1000000} * (i + 1));
        st->bind(3, std::string(v2 ? "v2" : "v1")).bind(4, p50).bind(5, 2 * p50);
        st->bind(6, std::string(R"({"decode":10,"features":90,"inference":)") +
                        std::to_string(p50) + R"(,"publish":20})");
        ASSERT_TRUE(st->run().ok());
        st->reset();
      }
    }
    ASSERT_TRUE((*project)->commit().ok());
  }
  RunResult r =
      runCli({u"audit"_s, u"latency"_s, u"--fleet"_s, u"--project"_s, path, u"--json"_s}, 60000);
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const json j = json::parse(r.out.toStdString());
  ASSERT_EQ(j.at("devices").size(), 2u);
  const json& a = j.at("devices")[0];
  EXPECT_EQ(a.at("device"), "dev-a");
  EXPECT_EQ(a.at("model_sha256"), "v2");
  EXPECT_EQ(a.at("heartbeats").get<int>(), 20);
  EXPECT_DOUBLE_EQ(a.at("p50_us").get<double>(), 260.0);
  EXPECT_DOUBLE_EQ(a.at("p99_us").get<double>(), 520.0);
  EXPECT_DOUBLE_EQ(a.at("p99_max_us").get<double>(), 528.0);
  EXPECT_DOUBLE_EQ(a.at("stages_us").at("features").get<double>(), 90.0);
  EXPECT_DOUBLE_EQ(a.at("stages_us").at("inference").get<double>(), 260.0);
  ASSERT_EQ(j.at("version_changes").size(), 2u);
  ASSERT_EQ(j.at("regressions").size(), 1u);
  const json& reg = j.at("regressions")[0];
  EXPECT_EQ(reg.at("device"), "dev-a");
  EXPECT_DOUBLE_EQ(reg.at("ratio").get<double>(), 1.3);
  EXPECT_LT(reg.at("p_value").get<double>(), 1e-6);
  EXPECT_FALSE(j.at("version_changes")[1].at("regression").get<bool>());
  EXPECT_EQ(j.at("rule").at("min_increase").get<double>(), 0.10);

  RunResult text = runCli({u"audit"_s, u"latency"_s, u"--fleet"_s, u"--project"_s, path}, 60000);
  ASSERT_EQ(text.exitCode, 0);
  EXPECT_TRUE(text.out.contains("dev-a: v1 -> v2: p50 200.0 -> 260.0 us (x1.300"))
      << text.out.toStdString();
  EXPECT_TRUE(text.out.contains("REGRESSION"));
}

}  // namespace
}  // namespace edgewise::cli::test
