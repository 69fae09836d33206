#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/store/sqlite_util.h"
#include "core/util/clock.h"
#include "test_store_common.h"

namespace edgewise::store::test {
namespace {

using detail::queryInt64;

StreamSpec imuSpec(const std::string& device) {
  StreamSpec s;
  s.deviceId = device;
  s.topic = "edgewise/" + device + "/imu";
  s.decoderId = "json";
  s.channelNames = {"ax", "ay", "az"};
  s.units = {"m/s^2", "m/s^2", "m/s^2"};
  s.sampleRateHz = 100;
  return s;
}

TEST_F(StoreTest, RoundTripKeepsValuesSpecsAndSequenceStatistics) {
  const std::string file = path("rt.edgewise");
  int64_t recId = 0, streamId = 0;
  std::vector<float> allValues;
  {
    auto p = Project::open(file);
    EW_ASSERT_OK(p);
    auto& recs = (*p)->recordings();
    recId = recs.create("walk 1", 1'000).valueOr(-1);
    streamId = recs.addStream(recId, imuSpec("imu-0007")).valueOr(-1);
    ASSERT_GT(streamId, 0);
    // Sequence numbers with known defects, one list per chunk:
    //   0 1 2 | 5 6 6 7 | 3 8 10
    // 2->5: gap (3,4 missing); 6->6: out of order; 7->3: out of order; 3->8: gap (4..7, four
    // numbers, since statistics compare with the previous number); 8->10: gap (9).
    const std::vector<std::vector<int64_t>> seqs = {{0, 1, 2}, {5, 6, 6, 7}, {3, 8, 10}};
    for (size_t i = 0; i < seqs.size(); ++i) {
      ChunkData c = makeChunk(streamId, 3, 4, 10'000 + i * 40'000, 10'000, i * 10.0f);
      c.sequences = seqs[i];
      c.publishedUs = {static_cast<int64_t>(i) * 7};
      c.messageCount = static_cast<int64_t>(seqs[i].size());
      allValues.insert(allValues.end(), c.values.begin(), c.values.end());
      EW_ASSERT_OK((*p)->transaction([&] { return recs.appendChunk(c); }));
    }
    EW_ASSERT_OK(recs.finish(recId));
  }
  auto p = Project::open(file, OpenMode::OpenExisting);
  EW_ASSERT_OK(p);
  auto& recs = (*p)->recordings();
  auto streams = recs.streams(recId);
  EW_ASSERT_OK(streams);
  ASSERT_EQ(streams->size(), 1u);
  const StreamSummary& s = streams->front();
  EXPECT_EQ(s.id, streamId);
  EXPECT_EQ(s.recordingId, recId);
  EXPECT_EQ(s.spec.deviceId, "imu-0007");
  EXPECT_EQ(s.spec.topic, "edgewise/imu-0007/imu");
  EXPECT_EQ(s.spec.decoderId, "json");
  EXPECT_EQ(s.spec.kind, StreamKind::TimeSeries);
  EXPECT_EQ(s.spec.channelNames, (std::vector<std::string>{"ax", "ay", "az"}));
  EXPECT_EQ(s.spec.units, (std::vector<std::string>{"m/s^2", "m/s^2", "m/s^2"}));
  EXPECT_DOUBLE_EQ(s.spec.sampleRateHz, 100.0);
  EXPECT_EQ(s.sampleCount, 12);
  EXPECT_EQ(s.messageCount, 10);
  EXPECT_EQ(s.chunkCount, 3);
  EXPECT_EQ(s.startUs, 10'000);
  EXPECT_EQ(s.endUs, 10'000 + 2 * 40'000 + 3 * 10'000);
  EXPECT_EQ(s.firstSeq, 0);
  EXPECT_EQ(s.lastSeq, 10);
  EXPECT_EQ(s.seqGaps, 3);
  EXPECT_EQ(s.seqMissing, 2 + 4 + 1);
  EXPECT_EQ(s.seqOutOfOrder, 2);

  auto rec = recs.get(recId);
  EW_ASSERT_OK(rec);
  EXPECT_EQ(rec->name, "walk 1");
  EXPECT_EQ(rec->status, RecordingStatus::Complete);
  EXPECT_EQ(rec->createdUs, 1'000);
  EXPECT_EQ(rec->startUs, 10'000);
  EXPECT_EQ(rec->endUs, 120'000);
  EXPECT_DOUBLE_EQ(rec->durationSeconds(), 0.11);
  EXPECT_EQ(rec->sampleCount, 12);
  EXPECT_EQ(rec->messageCount, 10);
  EXPECT_EQ(rec->streamCount, 1);
  EXPECT_EQ(rec->sizeBytes,
            queryInt64((*p)->handle(), "SELECT sum(length(blob)) FROM chunks").valueOr(-1));
  EXPECT_GT(rec->sizeBytes, 12 * 3 * 4);

  auto data = recs.readStream(streamId);
  EW_ASSERT_OK(data);
  EXPECT_EQ(data->streamId, streamId);
  EXPECT_EQ(data->channelCount, 3);
  EXPECT_EQ(data->values, allValues);
  ASSERT_EQ(data->timestampsUs.size(), 12u);
  for (size_t i = 0; i < 12; ++i) EXPECT_EQ(data->timestampsUs[i], 10'000 + 10'000 * int64_t(i));
  EXPECT_EQ(data->sequences, (std::vector<int64_t>{0, 1, 2, 5, 6, 6, 7, 3, 8, 10}));
  EXPECT_EQ(data->publishedUs, (std::vector<int64_t>{0, 7, 14}));
  EXPECT_EQ(data->messageCount, 10);

  auto list = recs.list();
  EW_ASSERT_OK(list);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->front().sampleCount, 12);
}

TEST_F(StoreTest, ReadStreamMergesLateChunksIntoTimeOrder) {
  auto p = Project::open(path("order.edgewise"));
  EW_ASSERT_OK(p);
  auto& recs = (*p)->recordings();
  const int64_t rec = recs.create("r", 0).valueOr(-1);
  const int64_t sid =
      recs.addStream(rec, StreamSpec{"d", "t", "csv", StreamKind::TimeSeries, {"v", "w"}, {}, 0})
          .valueOr(-1);
  ChunkData late = makeChunk(sid, 2, 2, 300, 100, 3.0f);   // t=300,400
  ChunkData early = makeChunk(sid, 2, 2, 100, 100, 1.0f);  // t=100,200
  EW_ASSERT_OK(recs.appendChunk(late));
  EW_ASSERT_OK(recs.appendChunk(early));
  auto data = recs.readStream(sid);
  EW_ASSERT_OK(data);
  EXPECT_EQ(data->timestampsUs, (std::vector<int64_t>{100, 200, 300, 400}));
  EXPECT_EQ(data->values, (std::vector<float>{1.0f, 1.25f, 1.5f, 1.75f, 3.0f, 3.25f, 3.5f, 3.75f}));
  auto s = recs.streams(rec);
  EXPECT_EQ(s->front().startUs, 100);
  EXPECT_EQ(s->front().endUs, 400);
}

TEST_F(StoreTest, ImageStreamRoundTrip) {
  auto p = Project::open(path("img.edgewise"));
  EW_ASSERT_OK(p);
  auto& recs = (*p)->recordings();
  const int64_t rec = recs.create("cam", 0).valueOr(-1);
  StreamSpec spec;
  spec.kind = StreamKind::Image;
  spec.topic = "edgewise/cam-1/camera";
  const int64_t sid = recs.addStream(rec, spec).valueOr(-1);
  ChunkData c;
  c.streamId = sid;
  c.timestampsUs = {5, 6};
  c.images = {{0xff, 0xd8, 0xff, 0x00}, {}};
  c.messageCount = 2;
  EW_ASSERT_OK(recs.appendChunk(c));
  auto data = recs.readStream(sid);
  EW_ASSERT_OK(data);
  EXPECT_EQ(data->images, c.images);
  EXPECT_EQ(recs.streams(rec)->front().spec.kind, StreamKind::Image);
}

TEST_F(StoreTest, AppendChunkRefusesInconsistentChunks) {
  auto p = Project::open(path("bad.edgewise"));
  EW_ASSERT_OK(p);
  auto& recs = (*p)->recordings();
  const int64_t rec = recs.create("r", 0).valueOr(-1);
  const int64_t sid = recs.addStream(rec, imuSpec("d")).valueOr(-1);
  ChunkData c = makeChunk(sid, 3, 2, 0, 1, 0);
  c.values.pop_back();
  auto r = recs.appendChunk(c);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("5 values for 2 samples of 3 channels"), std::string::npos);
  r = recs.appendChunk(makeChunk(sid, 2, 2, 0, 1, 0));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("stream has 3"), std::string::npos) << r.error().message;
  r = recs.appendChunk(makeChunk(999, 3, 2, 0, 1, 0));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("no stream with id 999"), std::string::npos);
  auto s = recs.addStream(12345, imuSpec("d"));
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("no recording with id 12345"), std::string::npos)
      << s.error().toString();
  // Nothing of the refused chunks was stored, and a failed append inside a transaction leaves
  // the transaction's earlier work intact.
  EXPECT_EQ(recs.streams(rec)->front().chunkCount, 0);
  EW_ASSERT_OK((*p)->begin());
  EW_ASSERT_OK(recs.appendChunk(makeChunk(sid, 3, 2, 0, 1, 0)));
  EXPECT_FALSE(recs.appendChunk(makeChunk(sid, 2, 2, 0, 1, 0)).ok());
  EW_ASSERT_OK((*p)->commit());
  EXPECT_EQ(recs.streams(rec)->front().chunkCount, 1);
  EXPECT_EQ(recs.streams(rec)->front().sampleCount, 2);
}

TEST_F(StoreTest, RenameAndRemoveCascade) {
  auto p = Project::open(path("edit.edgewise"));
  EW_ASSERT_OK(p);
  auto& recs = (*p)->recordings();
  const int64_t keep = recs.create("keep", 0).valueOr(-1);
  const int64_t gone = recs.create("gone", 1).valueOr(-1);
  for (int64_t rec : {keep, gone}) {
    const int64_t sid = recs.addStream(rec, imuSpec("d")).valueOr(-1);
    for (int i = 0; i < 3; ++i)
      EW_ASSERT_OK(recs.appendChunk(makeChunk(sid, 3, 5, i * 100, 10, 0)));
  }
  EW_ASSERT_OK(recs.rename(keep, "renamed, with comma"));
  EXPECT_EQ(recs.get(keep)->name, "renamed, with comma");
  auto bad = recs.rename(keep, "");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("cannot be empty"), std::string::npos);
  EXPECT_FALSE(recs.rename(777, "x").ok());

  EW_ASSERT_OK(recs.remove(gone));
  sqlite3* db = (*p)->handle();
  EXPECT_EQ(queryInt64(db, "SELECT count(*) FROM streams").valueOr(-1), 1);
  EXPECT_EQ(queryInt64(db, "SELECT count(*) FROM chunks").valueOr(-1), 3);
  auto again = recs.remove(gone);
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.error().message.find("no recording with id"), std::string::npos);
  auto list = recs.list();
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->front().id, keep);
  EXPECT_EQ(list->front().sampleCount, 15);
}

// A small RFC 4180 reader: enough to check what exportCsv wrote.
std::vector<std::vector<std::string>> parseCsv(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      rows.back().push_back(std::move(field));
      field.clear();
      rows.emplace_back();
    } else {
      field += c;
    }
  }
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

TEST_F(StoreTest, ExportCsvWithStreamsOfDifferentChannels) {
  auto p = Project::open(path("csv.edgewise"));
  EW_ASSERT_OK(p);
  auto& recs = (*p)->recordings();
  const int64_t rec = recs.create("walk, \"fast\"", 0).valueOr(-1);
  const int64_t imu = recs.addStream(rec, imuSpec("imu-1")).valueOr(-1);
  StreamSpec envSpec{"env-1",        "edgewise/env-1/env", "json", StreamKind::TimeSeries,
                     {"temp", "ax"}, {"C", "m/s^2"},       1};
  const int64_t env = recs.addStream(rec, envSpec).valueOr(-1);
  ChunkData a = makeChunk(imu, 3, 3, 1'763'800'000'000'000, 10'000, 0.1f);
  a.values[4] = -1.0e-7f;
  ChunkData b = makeChunk(env, 2, 2, 1'763'800'000'500'000, 1'000'000, 21.3f);
  EW_ASSERT_OK(recs.appendChunk(a));
  EW_ASSERT_OK(recs.appendChunk(b));
  const std::string csv = path("out.csv");
  EW_ASSERT_OK(recs.exportCsv(rec, csv));
  EXPECT_FALSE(std::filesystem::exists(csv + ".part"));

  const auto rows = parseCsv(csv);
  ASSERT_EQ(rows.size(), 1u + 3 + 2);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"recording", "device", "topic", "timestamp_us", "ax",
                                               "ay", "az", "temp"}));
  for (size_t r = 1; r < rows.size(); ++r) {
    ASSERT_EQ(rows[r].size(), 8u) << "row " << r;
    EXPECT_EQ(rows[r][0], "walk, \"fast\"");
  }
  for (size_t i = 0; i < 3; ++i) {
    const auto& row = rows[1 + i];
    EXPECT_EQ(row[1], "imu-1");
    EXPECT_EQ(row[2], "edgewise/imu-1/imu");
    EXPECT_EQ(std::stoll(row[3]), a.timestampsUs[i]);
    for (size_t ch = 0; ch < 3; ++ch) EXPECT_EQ(std::stof(row[4 + ch]), a.values[i * 3 + ch]);
    EXPECT_EQ(row[7], "");
  }
  for (size_t i = 0; i < 2; ++i) {
    const auto& row = rows[4 + i];
    EXPECT_EQ(row[1], "env-1");
    EXPECT_EQ(std::stoll(row[3]), b.timestampsUs[i]);
    EXPECT_EQ(std::stof(row[7]), b.values[i * 2]);      // temp
    EXPECT_EQ(std::stof(row[4]), b.values[i * 2 + 1]);  // ax, shared with the imu
    EXPECT_EQ(row[5], "");
    EXPECT_EQ(row[6], "");
  }
  auto missing = recs.exportCsv(4242, path("none.csv"));
  EXPECT_FALSE(missing.ok());
  EXPECT_FALSE(std::filesystem::exists(path("none.csv")));
}

TEST_F(StoreTest, CorruptChunkBlobIsRefusedWithAnError) {
  auto p = Project::open(path("corrupt.edgewise"));
  EW_ASSERT_OK(p);
  auto& recs = (*p)->recordings();
  const int64_t rec = recs.create("r", 0).valueOr(-1);
  const int64_t sid = recs.addStream(rec, imuSpec("d")).valueOr(-1);
  EW_ASSERT_OK(recs.appendChunk(makeChunk(sid, 3, 10, 0, 10, 0)));
  EW_ASSERT_OK(recs.appendChunk(makeChunk(sid, 3, 10, 100, 10, 0)));
  EW_ASSERT_OK(detail::exec((*p)->handle(),
                            "UPDATE chunks SET blob = substr(blob, 1, length(blob) - 9) "
                            "WHERE seq_no = 1"));
  auto data = recs.readStream(sid);
  ASSERT_FALSE(data.ok());
  EXPECT_NE(data.error().message.find("corrupt chunk data (values truncated)"), std::string::npos)
      << data.error().toString();
  EXPECT_NE(data.error().context.find("chunk 1"), std::string::npos) << data.error().toString();
  // A blob whose header claims ~4 billion samples is refused without allocating for them.
  EW_ASSERT_OK(detail::exec((*p)->handle(),
                            "UPDATE chunks SET blob = X'4557434B01000000030000000000FFFF"
                            "0000000000000000000000000000000000000000000000000000000000000000000000"
                            "0000000000' WHERE seq_no = 1"));
  data = recs.readStream(sid);
  ASSERT_FALSE(data.ok());
  EXPECT_NE(data.error().message.find("corrupt chunk data"), std::string::npos);
  const std::string csv = path("c.csv");
  EXPECT_FALSE(recs.exportCsv(rec, csv).ok());
  EXPECT_FALSE(std::filesystem::exists(csv));
  EXPECT_FALSE(std::filesystem::exists(csv + ".part"));
}

TEST_F(StoreTest, AppendThroughputAtRecorderLoad) {
  // The benchmark load: 1,000 devices, one chunk each per 100 ms transaction. Reported, not
  // asserted (timing belongs to bench/); the counts are asserted.
  auto p = Project::open(path("perf.edgewise"));
  EW_ASSERT_OK(p);
  auto& recs = (*p)->recordings();
  const int64_t rec = recs.create("load", 0).valueOr(-1);
  constexpr int kStreams = 1000, kTransactions = 100;
  std::vector<int64_t> ids;
  EW_ASSERT_OK((*p)->transaction([&]() -> Result<void> {
    for (int i = 0; i < kStreams; ++i) {
      StreamSpec s;
      s.deviceId = "imu-" + std::to_string(i);
      s.channelNames = {"ax", "ay", "az", "gx", "gy", "gz"};
      auto id = recs.addStream(rec, s);
      if (!id.ok()) return id.error();
      ids.push_back(id.value());
    }
    return okResult();
  }));
  std::vector<ChunkData> chunks;
  for (int i = 0; i < kStreams; ++i) {
    chunks.push_back(makeChunk(ids[i], 6, 10, 0, 10'000, i));
    chunks.back().sequences = {0};
  }
  const int64_t t0 = util::monotonicUs();
  for (int t = 0; t < kTransactions; ++t) {
    auto r = (*p)->transaction([&]() -> Result<void> {
      for (ChunkData& c : chunks) {
        c.sequences[0] = t;
        for (auto& ts : c.timestampsUs) ts += 100'000;
        EW_TRY(recs.appendChunk(c));
      }
      return okResult();
    });
    EW_ASSERT_OK(r);
  }
  const double seconds = (util::monotonicUs() - t0) / 1e6;
  const auto summary = recs.get(rec);
  EW_ASSERT_OK(summary);
  EXPECT_EQ(summary->sampleCount, int64_t{kStreams} * kTransactions * 10);
  EXPECT_EQ(summary->streamCount, kStreams);
  const auto streams = recs.streams(rec);
  EXPECT_EQ(streams->back().chunkCount, kTransactions);
  EXPECT_EQ(streams->back().seqGaps, 0);
  std::printf(
      "appendChunk: %d chunks (10 samples x 6 channels) in %d transactions: %.2f s, "
      "%.0f chunks/s, %.1f MB of blobs\n",
      kStreams * kTransactions, kTransactions, seconds, kStreams * kTransactions / seconds,
      summary->sizeBytes / 1e6);
}

}  // namespace
}  // namespace edgewise::store::test
