// readRecordings and `edgewise-cli import --format recording`: recordings written through
// RecordingRepository into a real project file, cut into windows and compared value by value.

#include <nlohmann/json.hpp>

#include <QFileInfo>
#include <cmath>
#include <functional>
#include <memory>

#include "core/dataset/data/dataset_repository.h"
#include "core/dataset/data/importers.h"
#include "core/store/project.h"
#include "core/store/recording_repository.h"
#include "tests/dataset/data/dataset_test_util.h"

namespace edgewise::dataset::test {
namespace {

using namespace Qt::StringLiterals;

// The value written for sample i, channel ch of recording tag: distinct everywhere, exact in
// float32.
float valueOf(int tag, int64_t i, int ch) {
  return static_cast<float>(tag * 100000 + i * 8 + ch) + 0.25f;
}

struct StreamWrite {
  std::string device = "dev1";
  std::string topic = "imu";
  int channels = 3;
  int64_t samples = 0;
  double storedRateHz = 0;     // the spec's nominal rate (0: unknown)
  int64_t intervalUs = 10000;  // timestamp step
  int tag = 1;                 // value pattern
  store::StreamKind kind = store::StreamKind::TimeSeries;
};

// A time-series stream of dev1/imu with 3 channels unless changed afterwards.
StreamWrite ts(int64_t samples, double storedRateHz, int tag = 1) {
  StreamWrite w;
  w.samples = samples;
  w.storedRateHz = storedRateHz;
  w.tag = tag;
  return w;
}
StreamWrite named(StreamWrite w, const std::string& device, const std::string& topic,
                  int channels) {
  w.device = device;
  w.topic = topic;
  w.channels = channels;
  return w;
}
StreamWrite withInterval(StreamWrite w, int64_t intervalUs) {
  w.intervalUs = intervalUs;
  return w;
}
StreamWrite imageStream(const std::string& device, const std::string& topic) {
  StreamWrite w = named(ts(0, 0), device, topic, 1);
  w.kind = store::StreamKind::Image;
  return w;
}

class RecordingImport : public DatasetTest {
 protected:
  void SetUp() override {
    DatasetTest::SetUp();
    m_file = path("rec.edgewise");
    auto p = store::Project::open(m_file, store::OpenMode::CreateIfMissing);
    ASSERT_TRUE(p.ok()) << p.error().toString();
    m_project = std::move(*p);
  }

  // A finished recording holding the given streams, samples written in chunks of 64 from
  // t = 5 s; returns its id.
  int64_t record(const std::vector<StreamWrite>& streams) {
    store::RecordingRepository& recs = m_project->recordings();
    auto rec = recs.create("r", 1);
    EXPECT_TRUE(rec.ok());
    for (const StreamWrite& w : streams) {
      store::StreamSpec spec;
      spec.deviceId = w.device;
      spec.topic = w.topic;
      spec.kind = w.kind;
      spec.sampleRateHz = w.storedRateHz;
      for (int c = 0; c < w.channels; ++c) spec.channelNames.push_back("c" + std::to_string(c));
      auto sid = recs.addStream(*rec, spec);
      EXPECT_TRUE(sid.ok()) << sid.error().toString();
      auto r = m_project->transaction([&]() -> Result<void> {
        for (int64_t start = 0; start < w.samples; start += 64) {
          store::ChunkData chunk;
          chunk.streamId = *sid;
          chunk.channelCount = w.channels;
          const int64_t end = std::min<int64_t>(w.samples, start + 64);
          for (int64_t i = start; i < end; ++i) {
            chunk.timestampsUs.push_back(5'000'000 + i * w.intervalUs);
            for (int c = 0; c < w.channels; ++c) chunk.values.push_back(valueOf(w.tag, i, c));
          }
          chunk.messageCount = end - start;
          EW_TRY(recs.appendChunk(chunk));
        }
        return okResult();
      });
      EXPECT_TRUE(r.ok()) << r.error().toString();
    }
    EXPECT_TRUE(recs.finish(*rec).ok());
    return *rec;
  }

  std::string m_file;
  std::unique_ptr<store::Project> m_project;
};

TEST_F(RecordingImport, WindowCountAndExactValues) {
  // 1050 samples at a stored 100 Hz: 200-sample windows every 100 samples -> starts 0..800.
  const int64_t id = record({ts(1050, 100, 3)});
  auto parsed = readRecordings(*m_project, {{id, "walk", ""}}, {2000, 1000});
  EW_ASSERT_OK(parsed);
  EXPECT_TRUE(parsed->rejected.empty()) << rejectionText(parsed->rejected);
  EXPECT_EQ(parsed->info.kind, DatasetKind::Timeseries);
  EXPECT_EQ(parsed->info.seriesChannels, 3);
  EXPECT_EQ(parsed->info.seriesLength, 200);
  EXPECT_DOUBLE_EQ(parsed->info.seriesRateHz, 100.0);
  ASSERT_EQ(parsed->samples.size(), 9u);
  EXPECT_EQ(parsed->info.classNames, std::vector<std::string>{"walk"});
  for (size_t w = 0; w < parsed->samples.size(); ++w) {
    const ParsedSample& s = parsed->samples[w];
    EXPECT_EQ(s.label, 0);
    EXPECT_EQ(s.source,
              "recording " + std::to_string(id) + " dev1/imu @" + std::to_string(w * 1000));
    const std::vector<float> v = floatsOf(s.blob);
    ASSERT_EQ(v.size(), 600u);
    for (int64_t t = 0; t < 200; ++t)
      for (int c = 0; c < 3; ++c)
        ASSERT_EQ(v[static_cast<size_t>(t * 3 + c)],
                  valueOf(3, static_cast<int64_t>(w) * 100 + t, c))
            << "window " << w << " t " << t << " ch " << c;
  }
  // A 1500 ms window every 700 ms: 150 samples every 70 -> starts 0, 70, ..., 840 (13).
  auto other = readRecordings(*m_project, {{id, "walk", ""}}, {1500, 700});
  EW_ASSERT_OK(other);
  EXPECT_EQ(other->info.seriesLength, 150);
  EXPECT_EQ(other->samples.size(), 13u);
  // Exactly one window long -> one window.
  const int64_t exact = record({ts(200, 100)});
  auto one = readRecordings(*m_project, {{exact, "x", ""}}, {2000, 1000});
  EW_ASSERT_OK(one);
  EXPECT_EQ(one->samples.size(), 1u);
}

TEST_F(RecordingImport, RateFromMedianTimestampIntervalWhenNotStored) {
  // No stored rate, 20 ms steps (50 Hz): 100-sample windows every 50 -> (260-100)/50+1 = 4.
  const int64_t id = record({withInterval(named(ts(260, 0), "dev1", "imu", 2), 20000)});
  auto parsed = readRecordings(*m_project, {{id, "idle", ""}});
  EW_ASSERT_OK(parsed);
  EXPECT_DOUBLE_EQ(parsed->info.seriesRateHz, 50.0);
  EXPECT_EQ(parsed->info.seriesLength, 100);
  EXPECT_EQ(parsed->info.seriesChannels, 2);
  ASSERT_EQ(parsed->samples.size(), 4u);
  EXPECT_EQ(floatsOf(parsed->samples[3].blob).front(), valueOf(1, 150, 0));
}

TEST_F(RecordingImport, TwoRecordingsTwoClassesInFirstAppearanceOrder) {
  const int64_t a = record({ts(300, 100, 1)});
  const int64_t b = record({ts(400, 100, 2)});
  const int64_t c = record({ts(200, 100.5, 4)});  // within 1 %
  auto parsed = readRecordings(*m_project, {{b, "run", ""}, {a, "idle", ""}, {c, "run", ""}});
  EW_ASSERT_OK(parsed);
  EXPECT_TRUE(parsed->rejected.empty()) << rejectionText(parsed->rejected);
  EXPECT_EQ(parsed->info.classNames, (std::vector<std::string>{"run", "idle"}));
  // b: 3 windows, a: 2, c: 1.
  ASSERT_EQ(parsed->samples.size(), 6u);
  const std::vector<int> labels = {0, 0, 0, 1, 1, 0};
  for (size_t i = 0; i < labels.size(); ++i) EXPECT_EQ(parsed->samples[i].label, labels[i]) << i;
  EXPECT_EQ(floatsOf(parsed->samples[3].blob)[0], valueOf(1, 0, 0));
  EXPECT_EQ(floatsOf(parsed->samples[2].blob)[0], valueOf(2, 200, 0));
}

TEST_F(RecordingImport, PicksTheNamedStream) {
  const int64_t id = record({imageStream("dev1", "img"), named(ts(250, 100, 5), "dev1", "acc", 3),
                             named(ts(300, 100, 6), "dev2", "acc", 2)});
  auto first = readRecordings(*m_project, {{id, "a", ""}});  // first time-series stream
  EW_ASSERT_OK(first);
  EXPECT_EQ(first->info.seriesChannels, 3);
  EXPECT_EQ(first->samples.size(), 1u);
  EXPECT_EQ(first->samples[0].source, "recording " + std::to_string(id) + " dev1/acc @0");
  auto named = readRecordings(*m_project, {{id, "a", "dev2/acc"}});
  EW_ASSERT_OK(named);
  EXPECT_EQ(named->info.seriesChannels, 2);
  ASSERT_EQ(named->samples.size(), 2u);
  EXPECT_EQ(floatsOf(named->samples[1].blob)[1], valueOf(6, 100, 1));
}

TEST_F(RecordingImport, RejectsWithReasons) {
  const int64_t good = record({ts(300, 100)});
  const int64_t images = record({imageStream("cam", "img")});
  const int64_t shortRec = record({ts(150, 100)});
  const int64_t twoCh = record({named(ts(300, 100), "dev1", "imu", 2)});
  const int64_t slow = record({ts(300, 50)});
  auto parsed = readRecordings(*m_project, {{good, "a", ""},
                                            {999, "a", ""},
                                            {images, "b", ""},
                                            {images, "b", "cam/img"},
                                            {good, "a", "dev9/x"},
                                            {shortRec, "c", ""},
                                            {twoCh, "d", ""},
                                            {slow, "e", ""},
                                            {good, "", ""}});
  EW_ASSERT_OK(parsed);
  EXPECT_EQ(parsed->samples.size(), 2u);
  EXPECT_EQ(parsed->info.classNames, std::vector<std::string>{"a"});
  const std::string g = std::to_string(good);
  const std::string expected =
      "recording 999: no such recording\n"
      "recording " +
      std::to_string(images) +
      ": has only image streams, no time series\n"
      "recording " +
      std::to_string(images) +
      " cam/img: is an image stream, not a time series\n"
      "recording " +
      g +
      " dev9/x: no stream dev9/x (it has: dev1/imu)\n"
      "recording " +
      std::to_string(shortRec) +
      " dev1/imu: 150 samples, shorter than one window of 200 samples (2000 ms)\n"
      "recording " +
      std::to_string(twoCh) +
      " dev1/imu: 2 channels, the dataset's is 3\n"
      "recording " +
      std::to_string(slow) +
      " dev1/imu: sample rate 50 Hz, the dataset's is 100 Hz\n"
      "recording " +
      g + ": no label\n";
  EXPECT_EQ(rejectionText(parsed->rejected), expected);

  // Nothing usable: an error that carries the reasons.
  auto none = readRecordings(*m_project, {{999, "a", ""}, {shortRec, "c", ""}});
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.error().toString().find("no usable window"), std::string::npos);
  EXPECT_NE(none.error().toString().find("recording 999: no such recording"), std::string::npos)
      << none.error().toString();
  EXPECT_FALSE(readRecordings(*m_project, {{good, "a", ""}}, {0, 1000}).ok());
  EXPECT_FALSE(readRecordings(*m_project, {}).ok());
}

TEST_F(RecordingImport, StoredDatasetReadsTheWindowsBack) {
  const int64_t a = record({ts(350, 100, 7)});
  const int64_t b = record({ts(200, 100, 8)});
  auto parsed = readRecordings(*m_project, {{a, "on", ""}, {b, "off", ""}});
  EW_ASSERT_OK(parsed);
  auto report = importDataset(*m_project, "recs", *parsed);
  EW_ASSERT_OK(report);
  EXPECT_EQ(report->samplesPerClass, (std::vector<int64_t>{2, 1}));
  DatasetRepository repo(*m_project);
  auto info = repo.findByName("recs");
  EW_ASSERT_OK(info);
  EXPECT_EQ(info->kind, DatasetKind::Timeseries);
  EXPECT_EQ(info->seriesLength, 200);
  EXPECT_EQ(info->seriesChannels, 3);
  EXPECT_DOUBLE_EQ(info->seriesRateHz, 100.0);
  EXPECT_EQ(info->sampleCount, 3);
  auto samples = repo.samples(info->id);
  EW_ASSERT_OK(samples);
  ASSERT_EQ(samples->size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ((*samples)[i].blob, parsed->samples[i].blob) << i;
    EXPECT_EQ((*samples)[i].label, parsed->samples[i].label) << i;
    EXPECT_EQ((*samples)[i].source, parsed->samples[i].source) << i;
  }
  EXPECT_EQ(floatsOf((*samples)[1].blob)[5], valueOf(7, 101, 2));
}

TEST_F(RecordingImport, CliImportsRecordingsAsJson) {
  const int64_t a = record({ts(300, 100)});
  const int64_t b = record({named(ts(250, 100), "d2", "t", 3)});
  m_project.reset();  // the CLI opens the file itself
  const QString file = QString::fromStdString(m_file);
  CliRun r = runCli({u"import"_s,
                     u"--project"_s,
                     file,
                     u"--name"_s,
                     u"ds"_s,
                     u"--format"_s,
                     u"recording"_s,
                     u"--recording"_s,
                     QString::number(a),
                     u"--label"_s,
                     u"x"_s,
                     u"--recording"_s,
                     QString::number(b),
                     u"--label"_s,
                     u"y"_s,
                     u"--recording"_s,
                     u"999"_s,
                     u"--label"_s,
                     u"y"_s,
                     u"--window-ms"_s,
                     u"1000"_s,
                     u"--stride-ms"_s,
                     u"500"_s,
                     u"--json"_s});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString() << r.out.toStdString();
  const auto j = nlohmann::json::parse(r.out.toStdString());
  EXPECT_EQ(j.at("kind"), "timeseries");
  // a: (300-100)/50+1 = 5 windows, b: (250-100)/50+1 = 4.
  EXPECT_EQ(j.at("samples"), 9);
  EXPECT_EQ(j.at("per_class").at("x"), 5);
  EXPECT_EQ(j.at("per_class").at("y"), 4);
  EXPECT_EQ(j.at("series").at("length"), 100);
  EXPECT_EQ(j.at("series").at("channels"), 3);
  ASSERT_EQ(j.at("rejected").size(), 1u);
  EXPECT_EQ(j.at("rejected")[0].at("reason"), "no such recording");

  CliRun bad = runCli({u"import"_s, u"--project"_s, file, u"--name"_s, u"e"_s, u"--format"_s,
                       u"recording"_s, u"--recording"_s, QString::number(a)});
  EXPECT_EQ(bad.exitCode, 2) << bad.out.toStdString();
  CliRun missing = runCli({u"import"_s, u"--project"_s, QString::fromStdString(path("no.edgewise")),
                           u"--name"_s, u"e"_s, u"--format"_s, u"recording"_s, u"--recording"_s,
                           u"1"_s, u"--label"_s, u"x"_s});
  EXPECT_EQ(missing.exitCode, 1);
  EXPECT_FALSE(QFileInfo::exists(QString::fromStdString(path("no.edgewise"))));
}

}  // namespace
}  // namespace edgewise::dataset::test
