// edgewise-cli plan placement as a child process: the contract (the number of tasks
// deployed at the edge per algorithm, as JSON), its targets on the default instance, the
// sweep mode, the text report and usage errors.

#include <gtest/gtest.h>

#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include "tests/cli/cli_test_util.h"

namespace edgewise::cli::test {
namespace {

using namespace Qt::StringLiterals;
using nlohmann::json;

const std::vector<std::string> kAlgorithms = {
    "offline", "online",  "fixed-1", "fixed-2", "fixed-3",
    "fixed-4", "fixed-5", "fifo",    "lbf",     "online-competitive"};

TEST(CliPlacement, JsonContract) {
  RunResult r = runCli({u"plan"_s, u"placement"_s, u"--tasks"_s, u"1000"_s, u"--edges"_s, u"50"_s,
                        u"--seed"_s, u"7"_s, u"--json"_s});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const json j = json::parse(r.out.toStdString());
  EXPECT_EQ(j.at("tasks").get<int>(), 1000);
  EXPECT_EQ(j.at("edges").get<int>(), 50);
  EXPECT_EQ(j.at("seed").get<int>(), 7);
  EXPECT_DOUBLE_EQ(j.at("parameters").at("latency_bound_s").get<double>(), 0.2);
  const json& deployed = j.at("deployed");
  for (const std::string& a : kAlgorithms) {
    ASSERT_TRUE(deployed.contains(a)) << a;
    EXPECT_GE(deployed.at(a).get<int>(), 0);
    EXPECT_LE(deployed.at(a).get<int>(), j.at("deployable").get<int>()) << a;
  }
  for (int k = 1; k <= 5; ++k)
    EXPECT_GE(deployed.at("offline").get<int>(),
              deployed.at("fixed-" + std::to_string(k)).get<int>());
  EXPECT_GT(deployed.at("online").get<int>(), deployed.at("fifo").get<int>());
  EXPECT_GT(deployed.at("online").get<int>(), deployed.at("lbf").get<int>());
  ASSERT_EQ(j.at("algorithms").size(), kAlgorithms.size());
  for (const json& a : j.at("algorithms")) EXPECT_EQ(a.at("violations").get<int>(), 0);
  EXPECT_FALSE(j.contains("profiles"));
}

TEST(CliPlacement, SweepOverEdgesWithProfiles) {
  RunResult r = runCli({u"plan"_s, u"placement"_s, u"--tasks"_s, u"400"_s, u"--sweep-edges"_s,
                        u"20,50,90"_s, u"--profiles"_s, u"--json"_s});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const json j = json::parse(r.out.toStdString());
  EXPECT_EQ(j.at("sweep").get<std::string>(), "edges");
  EXPECT_EQ(j.at("tasks").get<int>(), 400);
  ASSERT_EQ(j.at("runs").size(), 3u);
  int previous = -1;
  for (const json& run : j.at("runs")) {
    EXPECT_EQ(run.at("tasks").get<int>(), 400);
    const int offline = run.at("deployed").at("offline").get<int>();
    EXPECT_GE(offline, previous) << "more servers never deploy fewer tasks";
    previous = offline;
  }
  ASSERT_EQ(j.at("profiles").size(), 18u);
  for (const json& p : j.at("profiles")) {
    EXPECT_GT(p.at("total_seconds").get<double>(), 0.0);
    EXPECT_GE(p.at("layers").size(), 5u);
  }
}

// Saved profiles make a run repeatable: two runs on the same file print the same numbers.
TEST(CliPlacement, SavedProfilesReproduceTheRun) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString file = dir.filePath(u"profiles.json"_s);
  RunResult first = runCli(
      {u"plan"_s, u"placement"_s, u"--tasks"_s, u"600"_s, u"--save-profiles"_s, file, u"--json"_s});
  ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
  const json measured = json::parse(first.out.toStdString());
  EXPECT_EQ(measured.at("profiles_source").get<std::string>(), "measured");
  std::vector<json> loaded;
  for (int run = 0; run < 2; ++run) {
    RunResult r = runCli({u"plan"_s, u"placement"_s, u"--tasks"_s, u"600"_s, u"--load-profiles"_s,
                          file, u"--json"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    loaded.push_back(json::parse(r.out.toStdString()));
  }
  EXPECT_EQ(loaded[0].at("deployed"), loaded[1].at("deployed"));
  EXPECT_EQ(loaded[0].at("deployed"), measured.at("deployed"))
      << "the saved profiles are the ones the first run used";
  RunResult missing =
      runCli({u"plan"_s, u"placement"_s, u"--load-profiles"_s, dir.filePath(u"none.json"_s)});
  EXPECT_EQ(missing.exitCode, 1);
  EXPECT_TRUE(missing.err.contains("none.json")) << missing.err.toStdString();
}

TEST(CliPlacement, TextSweepOverTasks) {
  RunResult r = runCli({u"plan"_s, u"placement"_s, u"--sweep-tasks"_s, u"200,1000"_s});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QString out = QString::fromUtf8(r.out);
  EXPECT_TRUE(out.contains(u"offline"_s)) << out.toStdString();
  EXPECT_TRUE(out.contains(u"fixed-5"_s));
  EXPECT_TRUE(out.contains(u"\n1000 "_s)) << out.toStdString();
}

TEST(CliPlacement, UsageErrors) {
  EXPECT_EQ(runCli({u"plan"_s}).exitCode, 2);
  EXPECT_EQ(runCli({u"plan"_s, u"nowhere"_s}).exitCode, 2);
  RunResult bad = runCli({u"plan"_s, u"placement"_s, u"--edges"_s, u"0"_s});
  EXPECT_EQ(bad.exitCode, 2);
  RunResult list = runCli({u"plan"_s, u"placement"_s, u"--sweep-tasks"_s, u"200,x"_s});
  EXPECT_EQ(list.exitCode, 2);
  EXPECT_TRUE(list.err.contains("'x'")) << list.err.toStdString();
  RunResult both = runCli(
      {u"plan"_s, u"placement"_s, u"--sweep-tasks"_s, u"200"_s, u"--sweep-edges"_s, u"20"_s});
  EXPECT_EQ(both.exitCode, 2);
}

}  // namespace
}  // namespace edgewise::cli::test
