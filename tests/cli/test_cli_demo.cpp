// The demo behind ./run.sh (headless) and the CSV export, end to end with real processes.

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <nlohmann/json.hpp>

#include "core/store/project.h"
#include "core/store/recording_repository.h"
#include "tests/cli/cli_test_util.h"

namespace edgewise::cli::test {
namespace {

using namespace Qt::StringLiterals;

nlohmann::json readJson(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return nullptr;
  return nlohmann::json::parse(f.readAll().toStdString(), nullptr, false);
}

TEST(CliDemo, HeadlessRunRecordsTheFleetLosesNothingAndWritesTheReport) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString project = dir.filePath(u"demo.edgewise"_s);
  const QString report = dir.filePath(u"report"_s);
  RunResult r = runCli({u"demo"_s, u"--headless"_s, u"--project"_s, project, u"--report"_s, report,
                        u"--seconds"_s, u"3"_s, u"--devices"_s, u"2"_s},
                       90000);
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  EXPECT_TRUE(r.err.contains("embedded Mosquitto listening on tcp://127.0.0.1:")) << r.err.data();

  const nlohmann::json j = readJson(report + u".json"_s);
  ASSERT_TRUE(j.is_object()) << "report.json missing or not JSON";
  EXPECT_EQ(j["lost_messages"], 0);
  EXPECT_EQ(j["integrity_check"], "ok");
  // 2 IMU devices + 1 camera, each its own stream.
  ASSERT_EQ(j["devices"].size(), 3u) << j.dump(2);
  int imuStreams = 0;
  for (const auto& d : j["devices"]) {
    if (d["topic"].get<std::string>().find("/imu") == std::string::npos) continue;
    ++imuStreams;
    // 100 Hz, 10 samples per message, ~3 s: about 30 messages, no gap.
    EXPECT_GE(d["messages"].get<int64_t>(), 20) << d.dump();
    EXPECT_EQ(d["samples"].get<int64_t>(), 10 * d["messages"].get<int64_t>()) << d.dump();
    EXPECT_EQ(d["gaps"], 0);
    EXPECT_EQ(d["last_seq"].get<int64_t>() - d["first_seq"].get<int64_t>() + 1,
              d["messages"].get<int64_t>());
  }
  EXPECT_EQ(imuStreams, 2);
  EXPECT_TRUE(QFile::exists(report + u".md"_s));

  // The report agrees with the project file itself.
  auto p = store::Project::open(project.toStdString(), store::OpenMode::OpenExisting);
  ASSERT_TRUE(p.ok()) << p.error().toString();
  auto recs = (*p)->recordings().list();
  ASSERT_TRUE(recs.ok());
  ASSERT_EQ(recs->size(), 1u);
  EXPECT_EQ(recs->front().sampleCount, j["recording"]["samples"].get<int64_t>());
  EXPECT_EQ(recs->front().status, store::RecordingStatus::Complete);

  // The CSV export has one row per time-series sample plus the header (camera frames are
  // images: they stay in the project and are not flattened into CSV).
  int64_t seriesSamples = 0;
  for (const auto& d : j["devices"]) {
    if (d["kind"] == "series") seriesSamples += d["samples"].get<int64_t>();
  }
  EXPECT_GT(seriesSamples, 0);
  QFile csv(report + u"-recording.csv"_s);
  ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
  const auto lines = csv.readAll().count('\n');
  EXPECT_EQ(lines, seriesSamples + 1);

  // The training stage: a 5-class dataset and two models whose stored test accuracy an
  // independent `eval` of the project reproduces; both well above chance (0.2).
  const nlohmann::json& training = j["training"];
  ASSERT_TRUE(training.contains("models")) << training.dump(2);
  EXPECT_EQ(training["dataset"]["samples"], 300);
  EXPECT_EQ(training["dataset"]["classes"].size(), 5u);
  ASSERT_EQ(training["models"].size(), 2u);
  for (const auto& m : training["models"]) {
    EXPECT_GT(m["accuracy"].get<double>(), 0.6) << m.dump();
    RunResult ev = runCli({u"eval"_s, u"--project"_s, project, u"--model"_s,
                           QString::number(m["model_id"].get<int64_t>()), u"--json"_s});
    ASSERT_EQ(ev.exitCode, 0) << ev.err.toStdString();
    const auto e = nlohmann::json::parse(ev.out.toStdString(), nullptr, false);
    ASSERT_TRUE(e.is_object()) << ev.out.toStdString();
    EXPECT_DOUBLE_EQ(e["accuracy"].get<double>(), m["accuracy"].get<double>()) << m.dump();
  }
}

TEST(CliExport, WritesCsvAndRefusesUnknownRecording) {
  QTemporaryDir dir;
  const QString project = dir.filePath(u"p.edgewise"_s);
  {
    auto p = store::Project::open(project.toStdString());
    ASSERT_TRUE(p.ok());
    auto& repo = (*p)->recordings();
    auto id = repo.create("bench walk", 1);
    ASSERT_TRUE(id.ok());
    store::StreamSpec spec;
    spec.deviceId = "imu-0001";
    spec.topic = "edgewise/imu-0001/imu";
    spec.decoderId = "json";
    spec.channelNames = {"ax", "ay"};
    auto sid = repo.addStream(*id, spec);
    ASSERT_TRUE(sid.ok());
    store::ChunkData c;
    c.streamId = *sid;
    c.channelCount = 2;
    c.timestampsUs = {1000, 2000, 3000};
    c.values = {1.5f, -2.0f, 3.25f, 4.0f, 0.0f, 9.5f};
    c.messageCount = 1;
    ASSERT_TRUE((*p)->transaction([&] { return repo.appendChunk(c); }).ok());
    ASSERT_TRUE(repo.finish(*id).ok());
  }
  const QString out = dir.filePath(u"out.csv"_s);
  RunResult r =
      runCli({u"export"_s, u"--project"_s, project, u"--recording"_s, u"1"_s, u"--out"_s, out});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  EXPECT_TRUE(r.out.contains("3 samples")) << r.out.data();
  QFile f(out);
  ASSERT_TRUE(f.open(QIODevice::ReadOnly));
  const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
  ASSERT_EQ(lines.size(), 4);
  EXPECT_TRUE(lines[0].endsWith("ax,ay")) << lines[0].data();
  EXPECT_TRUE(lines[3].endsWith(",3000,0,9.5")) << lines[3].data();

  RunResult missing =
      runCli({u"export"_s, u"--project"_s, project, u"--recording"_s, u"42"_s, u"--out"_s, out});
  EXPECT_EQ(missing.exitCode, 1);
  EXPECT_TRUE(missing.err.contains("42")) << missing.err.data();
  RunResult usage = runCli({u"export"_s, u"--project"_s, project});
  EXPECT_EQ(usage.exitCode, 2);
}

}  // namespace
}  // namespace edgewise::cli::test
