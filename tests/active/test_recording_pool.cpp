// The active-learning pool made of recordings (core/active/recording_pool.h) and the windowing
// it shares with the recordings import (dataset::windowRecordings): recordings written through
// RecordingRepository into a real project file, windows checked for count, exact start / end
// times and values, the rows of the training feature pipeline, the coverage by label segments
// and the defaults taken from the project's datasets and models.

#include <gtest/gtest.h>

#include <QTemporaryDir>
#include <cstring>

#include "core/active/recording_pool.h"
#include "core/dataset/data/dataset_repository.h"
#include "core/dataset/data/importers.h"
#include "core/store/project.h"
#include "core/store/recording_repository.h"
#include "core/training/service/model_registry.h"

namespace edgewise::active {
namespace {

#define EW_ASSERT_OK(r) ASSERT_TRUE((r).ok()) << (r).error().toString()

constexpr int64_t kT0 = 7'000'000;   // the first sample's timestamp
constexpr int64_t kStepUs = 20'000;  // 50 Hz

float valueAt(int tag, int64_t i, int c) {
  return static_cast<float>(tag * 10000 + i * 4 + c) + 0.5f;
}

class RecordingPoolTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(m_dir.isValid());
    auto p = store::Project::open(m_dir.filePath(QStringLiteral("pool.edgewise")).toStdString(),
                                  store::OpenMode::CreateIfMissing);
    ASSERT_TRUE(p.ok()) << p.error().toString();
    m_project = std::move(*p);
  }

  // A finished recording with one 2-channel stream of `samples` at 50 Hz (stored rate), or an
  // image stream only when samples < 0.
  int64_t record(int64_t samples, int tag, const std::string& topic = "imu") {
    store::RecordingRepository& recs = m_project->recordings();
    auto rec = recs.create("r" + std::to_string(tag), 1);
    EXPECT_TRUE(rec.ok());
    store::StreamSpec spec;
    spec.deviceId = "dev";
    spec.topic = topic;
    spec.channelNames = {"x", "y"};
    spec.sampleRateHz = 50;
    if (samples < 0) spec.kind = store::StreamKind::Image;
    auto sid = recs.addStream(*rec, spec);
    EXPECT_TRUE(sid.ok());
    if (samples > 0) {
      store::ChunkData chunk;
      chunk.streamId = *sid;
      chunk.channelCount = 2;
      for (int64_t i = 0; i < samples; ++i) {
        chunk.timestampsUs.push_back(kT0 + i * kStepUs);
        for (int c = 0; c < 2; ++c) chunk.values.push_back(valueAt(tag, i, c));
      }
      chunk.messageCount = samples;
      EXPECT_TRUE(recs.appendChunk(chunk).ok());
    }
    EXPECT_TRUE(recs.finish(*rec).ok());
    return *rec;
  }

  QTemporaryDir m_dir;
  std::unique_ptr<store::Project> m_project;
};

TEST_F(RecordingPoolTest, WindowsHaveExactTimesAndValues) {
  // 260 samples (5.2 s), 1 s windows every 0.5 s: 50 samples every 25 -> starts 0..200 (9).
  const int64_t id = record(260, 1);
  auto w = dataset::windowRecordings(*m_project, {{id, ""}}, {1000, 500});
  EW_ASSERT_OK(w);
  EXPECT_TRUE(w->rejected.empty());
  EXPECT_EQ(w->length, 50);
  EXPECT_EQ(w->stride, 25);
  EXPECT_EQ(w->channels, 2);
  ASSERT_EQ(w->windows.size(), 9u);
  ASSERT_EQ(w->streams.size(), 1u);
  EXPECT_EQ(w->streams[0].name, "dev/imu");
  for (size_t k = 0; k < w->windows.size(); ++k) {
    const dataset::RecordingWindow& win = w->windows[k];
    EXPECT_EQ(win.startUs, kT0 + static_cast<int64_t>(k) * 500'000) << k;
    EXPECT_EQ(win.endUs, win.startUs + 1'000'000) << k;  // the next sample's time
    EXPECT_EQ(w->valuesOf(win)[0], valueAt(1, static_cast<int64_t>(k) * 25, 0));
    EXPECT_EQ(w->valuesOf(win)[99], valueAt(1, static_cast<int64_t>(k) * 25 + 49, 1));
    EXPECT_EQ(w->sourceOf(win),
              "recording " + std::to_string(id) + " dev/imu @" + std::to_string(k * 500));
  }
  // The last window ends at the recording's end: its last sample plus one period.
  const int64_t exact = record(100, 2);
  auto two = dataset::windowRecordings(*m_project, {{exact, ""}}, {1000, 1000});
  EW_ASSERT_OK(two);
  ASSERT_EQ(two->windows.size(), 2u);
  EXPECT_EQ(two->windows[1].endUs, kT0 + 99 * kStepUs + kStepUs);
}

TEST_F(RecordingPoolTest, PoolRowsComeFromTheTrainingFeaturePipeline) {
  const int64_t a = record(150, 1);  // 3 s: 1 s windows every 1 s -> 3
  const int64_t b = record(100, 2);  // 2
  RecordingPoolOptions o;
  o.streams = {{a, ""}, {b, "dev/imu"}};
  o.windowing = {1000, 1000};
  o.classNames = {"rest", "walk"};
  o.features = {};  // the raw window, channel-major (C, L)
  auto pool = prepareRecordingPool(*m_project, o);
  EW_ASSERT_OK(pool);
  ASSERT_EQ(pool->windows.windows.size(), 5u);
  EXPECT_EQ(pool->data.train.rows(), 5);
  EXPECT_EQ(pool->data.val.rows(), 0);
  EXPECT_EQ(pool->data.inputShape, (std::vector<int>{2, 50}));
  EXPECT_EQ(pool->data.dataset.classNames, o.classNames);
  // Row 4 = recording b's second window: channel 1 of its sample 10 is at column 50 + 10.
  EXPECT_EQ(pool->data.train.X.at<float>(4, 60), valueAt(2, 50 + 10, 1));
  EXPECT_EQ(pool->data.train.sampleIds[4], 4);

  o.features = {"stats", {}};
  auto stats = prepareRecordingPool(*m_project, o);
  EW_ASSERT_OK(stats);
  EXPECT_EQ(stats->data.train.rows(), 5);
  EXPECT_EQ(stats->data.features.blockId, "stats");
  EXPECT_EQ(stats->data.inputShape.size(), 1u);
}

TEST_F(RecordingPoolTest, ClearErrors) {
  const int64_t images = record(-1, 1, "cam");
  const int64_t shortRec = record(40, 2);  // 0.8 s
  RecordingPoolOptions o;
  o.windowing = {1000, 500};
  o.classNames = {"a", "b"};
  auto none = prepareRecordingPool(*m_project, o);
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.error().toString().find("no recording chosen"), std::string::npos);

  o.streams = {{images, ""}, {shortRec, ""}};
  auto bad = prepareRecordingPool(*m_project, o);
  ASSERT_FALSE(bad.ok());
  const std::string msg = bad.error().toString();
  EXPECT_NE(
      msg.find("recording " + std::to_string(images) + ": has only image streams, no time series"),
      std::string::npos)
      << msg;
  EXPECT_NE(msg.find("recording " + std::to_string(shortRec) +
                     " dev/imu: 40 samples, shorter than one window of 50 samples (1000 ms)"),
            std::string::npos)
      << msg;

  const int64_t good = record(100, 3);
  o.streams = {{good, ""}, {images, ""}};
  auto partly = prepareRecordingPool(*m_project, o);
  EW_ASSERT_OK(partly);
  EXPECT_EQ(partly->data.train.rows(), 3);
  ASSERT_EQ(partly->rejected.size(), 1u);
  EXPECT_EQ(partly->rejected[0].reason, "has only image streams, no time series");

  o.classNames = {"a"};
  auto oneClass = prepareRecordingPool(*m_project, o);
  ASSERT_FALSE(oneClass.ok());
  EXPECT_NE(oneClass.error().toString().find("at least two classes"), std::string::npos);
}

TEST_F(RecordingPoolTest, CoveringClasses) {
  const int64_t a = record(250, 1);  // 5 s, 1 s windows every 1 s at 7.0, 8.0, ... 11.0 s
  const int64_t b = record(100, 2);  // 2 windows
  auto w = dataset::windowRecordings(*m_project, {{a, ""}, {b, ""}}, {1000, 1000});
  EW_ASSERT_OK(w);
  ASSERT_EQ(w->windows.size(), 7u);
  const int64_t s = 1'000'000;
  const std::vector<LabeledSpan> spans = {
      {a, kT0, kT0 + s, 11},                          // window 0 exactly
      {a, kT0 + s, kT0 + s + s / 2, 12},              // window 1: only half covered
      {a, kT0 + 2 * s, kT0 + 2 * s + s / 4, 13},      // window 2: 13 a quarter, 14 the rest
      {a, kT0 + 2 * s + s / 4, kT0 + 4 * s + 7, 14},  // ... and all of window 3
      {b, kT0 + s - 10, kT0 + 3 * s, 15},             // b's window 1 (its window 0 is not covered)
  };
  const std::vector<int64_t> got = coveringClasses(*w, spans);
  EXPECT_EQ(got, (std::vector<int64_t>{11, 0, 14, 14, 0, 0, 15}));
}

TEST_F(RecordingPoolTest, DefaultsFromTheProject) {
  RecordingPoolDefaults none = recordingPoolDefaults(*m_project);
  EXPECT_EQ(none.windowMs, 2000);
  EXPECT_EQ(none.strideMs, 1000);
  EXPECT_EQ(none.features.blockId, "stats");
  EXPECT_EQ(none.fromModel, 0);
  EXPECT_EQ(none.fromDataset, "");

  // A recordings dataset imported with 1500 / 500 ms.
  const int64_t id = record(300, 1);
  auto parsed = dataset::readRecordings(*m_project, {{id, "walk", ""}}, {1500, 500});
  EW_ASSERT_OK(parsed);
  EW_ASSERT_OK(dataset::importDataset(*m_project, "walks", *parsed));
  RecordingPoolDefaults fromDataset = recordingPoolDefaults(*m_project);
  EXPECT_EQ(fromDataset.windowMs, 1500);
  EXPECT_EQ(fromDataset.strideMs, 500);
  EXPECT_EQ(fromDataset.fromModel, 0);
  EXPECT_EQ(fromDataset.fromDataset, "walks");
}

}  // namespace
}  // namespace edgewise::active
