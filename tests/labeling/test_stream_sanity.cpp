// Timestamp sanity on synthetic vectors and on a real recording written through
// RecordingRepository (chunks arriving out of order).
#include "core/labeling/stream_sanity.h"
#include "test_labeling_common.h"

namespace edgewise::labeling::test {
namespace {

TEST(TimestampScan, CountsGapsDuplicatesAndDisorder) {
  // 10 ms steps; a 50 ms gap after index 5; a duplicate at 8; a step back at 11.
  std::vector<int64_t> ts = {0, 10, 20, 30, 40, 50, 100, 110, 110, 120, 130, 125, 140};
  for (auto& t : ts) t *= 1000;
  const TimestampReport r = scanTimestamps(ts, 3.0);
  EXPECT_EQ(r.samples, 13);
  EXPECT_EQ(r.medianIntervalUs, 10'000);
  EXPECT_EQ(r.gapCount, 1);
  ASSERT_EQ(r.firstGaps.size(), 1u);
  EXPECT_EQ(r.firstGaps[0].index, 6);
  EXPECT_EQ(r.firstGaps[0].previousUs, 50'000);
  EXPECT_EQ(r.gapTotalUs, 40'000);
  EXPECT_EQ(r.duplicateCount, 1);
  EXPECT_EQ(r.firstDuplicates[0].index, 8);
  EXPECT_EQ(r.nonMonotonicCount, 1);
  EXPECT_EQ(r.firstNonMonotonic[0].index, 11);
  EXPECT_FALSE(r.clean());
  EXPECT_NE(r.summary().find("1 gaps"), std::string::npos) << r.summary();
  EXPECT_NE(r.summary().find("out of order"), std::string::npos);
  // 30 ms is not a gap at factor 3 (must be above 3 x median).
  EXPECT_TRUE(scanTimestamps({0, 10'000, 20'000, 50'000, 60'000}, 3.0).clean());
  EXPECT_TRUE(scanTimestamps({}, 3.0).clean());
  // maxExamples caps the positions, not the counts.
  std::vector<int64_t> dups(50, 7);
  const TimestampReport d = scanTimestamps(dups, 3.0, 5);
  EXPECT_EQ(d.duplicateCount, 49);
  EXPECT_EQ(d.firstDuplicates.size(), 5u);
}

TEST_F(LabelTest, RealRecordingWithGapDuplicateAndLateChunk) {
  auto& recs = m_project->recordings();
  auto id = recs.create("glitchy", 1);
  EW_ASSERT_OK(id);
  store::StreamSpec spec;
  spec.deviceId = "d";
  spec.topic = "t";
  spec.decoderId = "json";
  spec.channelNames = {"v"};
  auto sid = recs.addStream(*id, spec);
  EW_ASSERT_OK(sid);
  auto chunk = [&](std::vector<int64_t> ts) {
    store::ChunkData c;
    c.streamId = *sid;
    c.channelCount = 1;
    c.timestampsUs = ts;
    c.values.assign(ts.size(), 1.0f);
    c.messageCount = 1;
    return recs.appendChunk(c);
  };
  // Chunk 1: 0..90 ms every 10 ms; chunk 2 after a 200 ms hole with a duplicate; chunk 3 arrives
  // late and holds older samples (non-monotonic at its first sample).
  std::vector<int64_t> a, b = {300'000, 310'000, 310'000, 320'000, 330'000}, c = {95'000};
  for (int i = 0; i < 10; ++i) a.push_back(i * 10'000);
  EW_ASSERT_OK(chunk(a));
  EW_ASSERT_OK(chunk(b));
  EW_ASSERT_OK(chunk(c));
  EW_ASSERT_OK(recs.finish(*id));
  auto r = scanStream(*m_project, *sid);
  EW_ASSERT_OK(r);
  EXPECT_EQ(r->samples, 16);
  EXPECT_EQ(r->medianIntervalUs, 10'000);
  EXPECT_EQ(r->gapCount, 1);
  EXPECT_EQ(r->firstGaps[0].index, 10);
  EXPECT_EQ(r->duplicateCount, 1);
  EXPECT_EQ(r->firstDuplicates[0].index, 12);
  EXPECT_EQ(r->nonMonotonicCount, 1);
  EXPECT_EQ(r->firstNonMonotonic[0].index, 15);
  EXPECT_EQ(r->firstNonMonotonic[0].timestampUs, 95'000);
  // The readStream view is in time order: no disorder there, but the gap and duplicate remain.
  auto merged = recs.readStream(*sid);
  EW_ASSERT_OK(merged);
  const TimestampReport m = scanTimestamps(merged->timestampsUs);
  EXPECT_EQ(m.nonMonotonicCount, 0);
  EXPECT_EQ(m.duplicateCount, 1);
  EXPECT_FALSE(scanStream(*m_project, 9999)->samples);  // unknown stream: nothing to scan
}

}  // namespace
}  // namespace edgewise::labeling::test
