// record + recordings end to end, and a clean stop on SIGINT/SIGTERM.

#include <gtest/gtest.h>

#include <QTemporaryDir>
#include <csignal>
#include <map>

#include "core/store/project.h"
#include "core/store/recording_repository.h"
#include "core/util/local_broker.h"
#include "tests/cli/cli_test_util.h"

namespace edgewise::cli::test {
namespace {

constexpr int kSamplesPerMessage = 5;

TEST(CliRecord, RecordThenListMatchesWhatTheFleetPublished) {
  util::LocalBroker broker;
  ASSERT_TRUE(broker.start().ok());
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString project = dir.filePath(QStringLiteral("e2e.edgewise"));

  QStringList args = {QStringLiteral("record"),
                      QStringLiteral("--project"),
                      project,
                      QStringLiteral("--broker"),
                      QString::fromStdString(broker.url()),
                      QStringLiteral("--topic"),
                      QStringLiteral("edgewise/+/imu"),
                      QStringLiteral("--qos"),
                      QStringLiteral("1")};
  args << QStringLiteral("--seconds") << QStringLiteral("5") << QStringLiteral("--name")
       << QStringLiteral("e2e run") << QStringLiteral("--json");
  auto record = startProcess(cliPath(), args);
  ASSERT_TRUE(record);
  QByteArray recordErr;
  ASSERT_TRUE(waitForStderr(*record, &recordErr, "record: recording", 15000))
      << recordErr.toStdString();

  auto agent = startProcess(agentPath(), agentArgs(broker.url(), 3, 50, kSamplesPerMessage, 3));
  ASSERT_TRUE(agent) << "edgewise-agent missing in " << binDir().toStdString();
  ASSERT_TRUE(agent->waitForFinished(30000));
  ASSERT_EQ(agent->exitCode(), 0) << agent->readAllStandardError().toStdString();
  const QByteArray agentOut = agent->readAllStandardOutput();
  const auto summary = agentSummary(agentOut);
  ASSERT_TRUE(summary) << agentOut.toStdString();

  ASSERT_TRUE(record->waitForFinished(30000));
  recordErr += record->readAllStandardError();
  ASSERT_EQ(record->exitStatus(), QProcess::NormalExit);
  ASSERT_EQ(record->exitCode(), 0) << recordErr.toStdString();
  EXPECT_TRUE(recordErr.contains("record: messages=")) << recordErr.toStdString();
  const auto recordJson = nlohmann::json::parse(record->readAllStandardOutput().toStdString());
  EXPECT_EQ(recordJson["status"], "complete");
  EXPECT_EQ(recordJson["name"], "e2e run");

  const RunResult list = runCli({QStringLiteral("recordings"), QStringLiteral("--project"), project,
                                 QStringLiteral("--json")});
  ASSERT_EQ(list.exitCode, 0) << list.err.toStdString();
  const auto j = nlohmann::json::parse(list.out.toStdString());
  ASSERT_EQ(j["recordings"].size(), 1u) << j.dump(2);
  const auto& rec = j["recordings"][0];
  EXPECT_EQ(rec["name"], "e2e run");
  EXPECT_EQ(rec["status"], "complete");
  ASSERT_EQ(rec["streams"].size(), 3u) << rec.dump(2);

  std::map<std::string, nlohmann::json> streams;
  for (const auto& s : rec["streams"]) streams[s["device"].get<std::string>()] = s;
  ASSERT_EQ((*summary)["per_device"].size(), 3u) << summary->dump();
  int64_t totalSamples = 0;
  int64_t totalPublished = 0;
  for (const auto& d : (*summary)["per_device"]) {
    const std::string device = d["device"];
    const int64_t published = d["published"];
    ASSERT_TRUE(streams.count(device)) << device << " not recorded: " << rec.dump(2);
    const auto& s = streams[device];
    EXPECT_GT(published, 0);
    EXPECT_EQ(s["topic"], "edgewise/" + device + "/imu");
    EXPECT_EQ(s["first_seq"], 0) << s.dump();
    EXPECT_EQ(s["last_seq"], published - 1) << s.dump();
    EXPECT_EQ(s["gaps"], 0) << s.dump();
    EXPECT_EQ(s["missing"], 0) << s.dump();
    EXPECT_EQ(s["messages"], published) << s.dump();
    EXPECT_EQ(s["samples"], published * kSamplesPerMessage) << s.dump();
    totalSamples += s["samples"].get<int64_t>();
    totalPublished += published;
  }
  EXPECT_EQ((*summary)["published"], totalPublished);
  EXPECT_EQ(rec["samples"], totalSamples);
  EXPECT_EQ(rec["messages"], totalPublished);
  EXPECT_GT(rec["size_bytes"].get<int64_t>(), 0);
  // 3 s of publishing at 50 Hz: the recording spans about that long.
  EXPECT_NEAR(rec["duration_s"].get<double>(), 3.0, 0.6);

  // The human-readable listing names the same devices.
  const RunResult human =
      runCli({QStringLiteral("recordings"), QStringLiteral("--project"), project});
  ASSERT_EQ(human.exitCode, 0);
  EXPECT_TRUE(human.out.contains("e2e run"));
  for (const auto& [device, s] : streams) EXPECT_TRUE(human.out.contains(device.c_str()));
}

class CliRecordSignal : public ::testing::TestWithParam<int> {};

TEST_P(CliRecordSignal, StopsCleanlyAndCompletesTheRecording) {
  util::LocalBroker broker;
  ASSERT_TRUE(broker.start().ok());
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString project = dir.filePath(QStringLiteral("sig.edgewise"));

  auto agent = startProcess(agentPath(), agentArgs(broker.url(), 2, 100, 4, 30));
  ASSERT_TRUE(agent) << "edgewise-agent missing in " << binDir().toStdString();
  auto record =
      startProcess(cliPath(), {QStringLiteral("record"), QStringLiteral("--project"), project,
                               QStringLiteral("--broker"), QString::fromStdString(broker.url()),
                               QStringLiteral("--topic"), QStringLiteral("edgewise/+/imu"),
                               QStringLiteral("--progress-ms"), QStringLiteral("200")});
  ASSERT_TRUE(record);
  QByteArray err;
  ASSERT_TRUE(waitForStderr(*record, &err, "record: recording", 15000)) << err.toStdString();
  record->waitForFinished(2000);  // ~2 s of recording
  ASSERT_EQ(record->state(), QProcess::Running) << err.toStdString();
  ::kill(static_cast<pid_t>(record->processId()), GetParam());
  ASSERT_TRUE(record->waitForFinished(20000));
  err += record->readAllStandardError();
  agent->kill();
  agent->waitForFinished(5000);

  EXPECT_EQ(record->exitStatus(), QProcess::NormalExit);
  EXPECT_EQ(record->exitCode(), 0) << err.toStdString();
  EXPECT_TRUE(err.contains("stopping on signal")) << err.toStdString();
  const auto printed = lastKeyValue(err, "stored_samples");
  ASSERT_TRUE(printed) << err.toStdString();

  auto opened = store::Project::open(project.toStdString(), store::OpenMode::OpenExisting);
  ASSERT_TRUE(opened.ok()) << opened.error().toString();
  auto list = (*opened)->recordings().list();
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  const store::RecordingSummary& r = list->front();
  EXPECT_EQ(r.status, store::RecordingStatus::Complete);
  EXPECT_GT(r.sampleCount, 0);
  // The final progress line is printed after the last commit: it is exactly what is stored.
  EXPECT_EQ(r.sampleCount, *printed);
  // ~2 s of 2 devices at 100 Hz (x4 if the agent's rate counts messages): more than half a
  // second's worth, less than 10 s worth.
  EXPECT_GE(r.sampleCount, 100);
  EXPECT_LE(r.sampleCount, 2 * 100 * 4 * 10);
}

INSTANTIATE_TEST_SUITE_P(Signals, CliRecordSignal, ::testing::Values(SIGINT, SIGTERM),
                         [](const ::testing::TestParamInfo<int>& info) {
                           return std::string(info.param == SIGINT ? "SIGINT" : "SIGTERM");
                         });

}  // namespace
}  // namespace edgewise::cli::test

namespace edgewise::cli::test {
namespace {

// A small bench capture run: the JSON has every documented field and the numbers agree with
// the fleet's own summary (no loss on a lightly loaded loopback broker).
TEST(CliBench, CaptureReportsConsistentFigures) {
  const RunResult r =
      runCli({QStringLiteral("bench"), QStringLiteral("capture"), QStringLiteral("--devices"),
              QStringLiteral("3"), QStringLiteral("--rate"), QStringLiteral("50"),
              QStringLiteral("--samples-per-message"), QStringLiteral("5"),
              QStringLiteral("--seconds"), QStringLiteral("2"), QStringLiteral("--json")},
             180000);
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const auto j = nlohmann::json::parse(r.out.toStdString());
  for (const char* key : {"published", "received", "stored", "lost", "msgs_per_s", "samples_per_s",
                          "baseline_msgs_per_s", "ratio_to_baseline", "p99_store_latency_ms",
                          "ingest_cpu_percent", "peak_rss_mb", "devices", "rate_hz",
                          "samples_per_message", "seconds", "qos", "machine", "date"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  const int64_t published = j["published"];
  // 3 devices x 50 Hz / 5 samples per message x 2 s = 60 messages.
  EXPECT_NEAR(static_cast<double>(published), 60.0, 6.0);
  EXPECT_EQ(j["received"], published);
  EXPECT_EQ(j["stored"], published);
  EXPECT_EQ(j["stored_samples"], published * 5);
  EXPECT_EQ(j["lost"], 0);
  EXPECT_EQ(j["baseline_received"], j["baseline_published"]);
  EXPECT_EQ(j["devices"], 3);
  EXPECT_EQ(j["qos"], 1);
  EXPECT_GT(j["msgs_per_s"].get<double>(), 0);
  EXPECT_GT(j["baseline_msgs_per_s"].get<double>(), 0);
  EXPECT_GT(j["p99_store_latency_ms"].get<double>(), 0);
  EXPECT_LT(j["p99_store_latency_ms"].get<double>(), 5000);
  EXPECT_GT(j["peak_rss_mb"].get<double>(), 1);
}

}  // namespace
}  // namespace edgewise::cli::test
