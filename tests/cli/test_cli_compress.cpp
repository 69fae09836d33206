// edgewise-cli compress / export --model as child processes on a real project file (imported
// simulated IMU windows, a small trained mlp): the contract's JSON fields, the stored variant,
// the C99 and TorchScript exports, usage errors.

#include <gtest/gtest.h>

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include "tests/cli/cli_test_util.h"

namespace edgewise::cli::test {
namespace {

using namespace Qt::StringLiterals;
using nlohmann::json;

class CliCompress : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(m_dir.isValid());
    m_project = m_dir.filePath(u"c.edgewise"_s);
    RunResult r = runCli({u"import"_s, u"--project"_s, m_project, u"--name"_s, u"imu"_s,
                          u"--format"_s, u"imu-sim"_s, u"--per-class"_s, u"30"_s, u"--json"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    RunResult t =
        runCli({u"train"_s, u"--project"_s, m_project, u"--dataset"_s, u"imu"_s, u"--model"_s,
                u"mlp"_s, u"--epochs"_s, u"8"_s, u"--param"_s, u"hidden=32"_s,
                u"--latency-seconds"_s, u"0.05"_s, u"--quiet"_s, u"--json"_s});
    ASSERT_EQ(t.exitCode, 0) << t.err.toStdString();
    m_parent = json::parse(t.out.toStdString()).at("model_id").get<int64_t>();
  }
  QTemporaryDir m_dir;
  QString m_project;
  int64_t m_parent = 0;
};

TEST_F(CliCompress, CompressPrintsTheContractAndStoresTheVariant) {
  RunResult c =
      runCli({u"compress"_s, u"--project"_s, m_project, u"--model"_s, QString::number(m_parent),
              u"--method"_s, u"fp16"_s, u"--latency-seconds"_s, u"0.05"_s, u"--json"_s},
             120000);
  if (c.exitCode != 0 && c.err.contains("not implemented")) GTEST_SKIP() << c.err.toStdString();
  ASSERT_EQ(c.exitCode, 0) << c.err.toStdString();
  EXPECT_TRUE(c.err.contains("[100%] done")) << c.err.toStdString();
  const json j = json::parse(c.out.toStdString());
  for (const json* m : {&j, &j.at("parent")}) {
    for (const char* k : {"size_bytes", "params_nonzero", "accuracy", "macro_f1"})
      EXPECT_TRUE(m->at(k).is_number()) << k;
    for (const char* k : {"p50", "p90", "p99", "max"})
      EXPECT_GT(m->at("latency_us").at(k).get<double>(), 0.0) << k;
  }
  const int64_t variant = j.at("variant_id");
  EXPECT_GT(variant, m_parent);
  EXPECT_EQ(j.at("parent").at("model_id").get<int64_t>(), m_parent);
  EXPECT_LT(j.at("size_bytes").get<int64_t>(), j.at("parent").at("size_bytes").get<int64_t>());
  EXPECT_TRUE(j.at("warnings").is_array());
  // The probe ran next to the CLI: a real peak RSS.
  EXPECT_GT(j.at("peak_rss_bytes").get<int64_t>(), 1 << 20);

  RunResult m = runCli({u"models"_s, u"--project"_s, m_project, u"--json"_s});
  ASSERT_EQ(m.exitCode, 0) << m.err.toStdString();
  bool found = false;
  for (const json& r : json::parse(m.out.toStdString())) {
    if (r.at("model_id") != variant) continue;
    found = true;
    EXPECT_EQ(r.at("origin"), "compressed");
    EXPECT_EQ(r.at("parent_id").get<int64_t>(), m_parent);
    EXPECT_EQ(r.at("size_bytes"), j.at("size_bytes"));
  }
  EXPECT_TRUE(found);
}

TEST_F(CliCompress, ExportC99AndTorchScript) {
  const QString c99 = m_dir.filePath(u"c99"_s);
  RunResult e =
      runCli({u"export"_s, u"--project"_s, m_project, u"--model"_s, QString::number(m_parent),
              u"--format"_s, u"c99"_s, u"--out"_s, c99, u"--json"_s});
  if (e.exitCode != 0 && e.err.contains("not part of this build"))
    GTEST_SKIP() << e.err.toStdString();
  ASSERT_EQ(e.exitCode, 0) << e.err.toStdString();
  const json j = json::parse(e.out.toStdString());
  EXPECT_EQ(j.at("format"), "c99");
  EXPECT_TRUE(QFileInfo::exists(c99 + u"/edgewise_model.c"_s));
  EXPECT_TRUE(QFileInfo::exists(c99 + u"/edgewise_model.h"_s));
  EXPECT_GE(j.at("files").size(), 3u);

  const QString ts = m_dir.filePath(u"ts"_s);
  RunResult t =
      runCli({u"export"_s, u"--project"_s, m_project, u"--model"_s, QString::number(m_parent),
              u"--format"_s, u"torchscript"_s, u"--out"_s, ts});
  ASSERT_EQ(t.exitCode, 0) << t.err.toStdString();
  EXPECT_GT(QFileInfo(ts + u"/model.pt"_s).size(), 1000);
}

TEST_F(CliCompress, UsageErrors) {
  RunResult bad = runCli({u"compress"_s, u"--project"_s, m_project, u"--model"_s,
                          QString::number(m_parent), u"--method"_s, u"int8+prune:0.5"_s});
  EXPECT_EQ(bad.exitCode, 2);
  EXPECT_TRUE(bad.err.contains("nothing can follow 'int8'")) << bad.err.toStdString();
  RunResult fmt =
      runCli({u"export"_s, u"--project"_s, m_project, u"--model"_s, QString::number(m_parent),
              u"--format"_s, u"onnx"_s, u"--out"_s, m_dir.filePath(u"x"_s)});
  EXPECT_EQ(fmt.exitCode, 2);
  // The recording export keeps its own contract.
  RunResult rec = runCli({u"export"_s, u"--project"_s, m_project, u"--out"_s, u"x.csv"_s});
  EXPECT_EQ(rec.exitCode, 2);
  EXPECT_TRUE(rec.err.contains("--recording")) << rec.err.toStdString();
  RunResult usage = runCli({u"--help"_s});
  EXPECT_TRUE(usage.out.contains("compress")) << usage.out.toStdString();
}

}  // namespace
}  // namespace edgewise::cli::test
