// LiveBuffer storage that grows on demand and a session-wide budget: the footprint of a new
// stream is small, and the ring semantics (cursor, skipped, wrap) are those of a buffer that
// reserved its capacity up front.

#include <gtest/gtest.h>

#include <numeric>

#include "core/capture/live_buffer.h"

using namespace edgewise::capture;

namespace {

// count samples of 3 channels; sample k of the stream has ts 1000 + k and values k, -k, 2k.
SampleBatch rampBatch(uint64_t firstIndex, size_t count) {
  SampleBatch b;
  b.channelNames = {"a", "b", "c"};
  for (size_t i = 0; i < count; ++i) {
    const auto k = static_cast<int64_t>(firstIndex + i);
    b.timestampsUs.push_back(1000 + k);
    b.values.push_back(static_cast<float>(k));
    b.values.push_back(-static_cast<float>(k));
    b.values.push_back(2.f * static_cast<float>(k));
  }
  return b;
}

// The slice holds exactly samples [from, to) of the ramp.
void expectRamp(const LiveBuffer::Slice& s, uint64_t from, uint64_t to) {
  ASSERT_EQ(s.timestampsUs.size(), to - from);
  ASSERT_EQ(s.values.size(), 3 * (to - from));
  for (uint64_t k = from; k < to; ++k) {
    const size_t i = static_cast<size_t>(k - from);
    ASSERT_EQ(s.timestampsUs[i], static_cast<int64_t>(1000 + k)) << k;
    ASSERT_EQ(s.values[3 * i], static_cast<float>(k)) << k;
    ASSERT_EQ(s.values[3 * i + 1], -static_cast<float>(k)) << k;
    ASSERT_EQ(s.values[3 * i + 2], 2.f * static_cast<float>(k)) << k;
  }
}

}  // namespace

TEST(LiveBufferGrowth, NewBufferIsSmallAndGrowsByDoubling) {
  LiveBuffer buf({"dev", "edgewise/dev/imu"}, {"a", "b", "c"}, 30000);
  EXPECT_EQ(buf.capacity(), 30000u);
  EXPECT_EQ(buf.ringSamples(), 30000u);
  EXPECT_EQ(buf.reservedSamples(), 0u);  // nothing until the first sample
  EXPECT_EQ(buf.bytesPerSample(), 8u + 3u * 4u);

  buf.append(rampBatch(0, 10));
  EXPECT_EQ(buf.reservedSamples(), LiveBuffer::kInitialSamples);
  buf.append(rampBatch(10, 60));  // 70 samples: doubles once
  EXPECT_EQ(buf.reservedSamples(), 2 * LiveBuffer::kInitialSamples);
  expectRamp(buf.readSince(0), 0, 70);

  // 1,000 samples in 10-sample messages: 64 -> 128 -> ... -> 1024, never the full 30,000.
  for (uint64_t k = 70; k < 1000; k += 10) buf.append(rampBatch(k, 10));
  EXPECT_EQ(buf.reservedSamples(), 1024u);
  auto s = buf.readSince(0);
  EXPECT_EQ(s.skipped, 0u);
  EXPECT_EQ(s.cursor, 1000u);
  expectRamp(s, 0, 1000);
}

TEST(LiveBufferGrowth, WrapsAtCapacityLikeAPreallocatedRing) {
  // 1,000 slots, reached through 64, 128, ..., 512, 1000; then two full wraps.
  LiveBuffer buf({"dev", "edgewise/dev/imu"}, {"a", "b", "c"}, 1000);
  uint64_t cursor = 0;
  uint64_t k = 0;
  for (; k < 990; k += 30) {
    buf.append(rampBatch(k, 30));
    auto s = buf.readSince(cursor);
    EXPECT_EQ(s.skipped, 0u);
    expectRamp(s, cursor, k + 30);
    cursor = s.cursor;
  }
  EXPECT_EQ(buf.reservedSamples(), 1000u);  // capped at the capacity, not 1024
  for (; k < 3000; k += 30) buf.append(rampBatch(k, 30));
  EXPECT_EQ(buf.totalSamples(), 3000u);
  EXPECT_EQ(buf.reservedSamples(), 1000u);
  // The reader fell behind: it gets the last 1,000 and is told how many it missed.
  auto s = buf.readSince(cursor);
  EXPECT_EQ(s.skipped, 3000u - 1000u - cursor);
  EXPECT_EQ(s.cursor, 3000u);
  expectRamp(s, 2000, 3000);
  // A cursor from the future restarts at the oldest sample held.
  auto f = buf.readSince(5000);
  EXPECT_EQ(f.skipped, 0u);
  expectRamp(f, 2000, 3000);
}

TEST(LiveBufferGrowth, LargeFirstBatchTakesOnlyWhatItNeeds) {
  LiveBuffer buf({"dev", "t"}, {"a", "b", "c"}, 500);
  buf.append(rampBatch(0, 300));  // more than 64 x 2 x 2: the exact need
  EXPECT_EQ(buf.reservedSamples(), 300u);
  buf.append(rampBatch(300, 700));  // beyond the capacity: keeps the last 500
  EXPECT_EQ(buf.reservedSamples(), 500u);
  auto s = buf.readSince(0);
  EXPECT_EQ(s.skipped, 500u);
  expectRamp(s, 500, 1000);
}

TEST(LiveBufferGrowth, BudgetCapsTheSessionAndBuffersStillWrap) {
  // Room for 1,000 samples of 3 channels (20 bytes each) across all buffers.
  auto budget = std::make_shared<LiveBudget>(1000 * 20);
  auto first = std::make_unique<LiveBuffer>(StreamKey{"d1", "t1"},
                                            std::vector<std::string>{"a", "b", "c"}, 30000, budget);
  for (uint64_t k = 0; k < 1000; k += 10) first->append(rampBatch(k, 10));
  // 64 .. 512 fit, 1024 does not: what is left (488 more) is taken instead.
  EXPECT_EQ(first->reservedSamples(), 1000u);
  EXPECT_EQ(budget->usedBytes(), 1000u * 20u);
  first->append(rampBatch(1000, 10));  // nothing left: the ring stops at 1,000
  EXPECT_EQ(first->ringSamples(), 1000u);
  EXPECT_EQ(first->reservedSamples(), 1000u);
  for (uint64_t k = 1010; k < 2500; k += 10) first->append(rampBatch(k, 10));
  auto s = first->readSince(0);
  EXPECT_EQ(s.skipped, 1500u);
  expectRamp(s, 1500, 2500);

  // A second stream still gets its floor, over the budget, and wraps there.
  LiveBuffer second({"d2", "t2"}, {"a", "b", "c"}, 30000, budget);
  for (uint64_t k = 0; k < 400; k += 10) second.append(rampBatch(k, 10));
  EXPECT_EQ(second.ringSamples(), LiveBuffer::kFloorSamples);
  EXPECT_EQ(second.reservedSamples(), LiveBuffer::kFloorSamples);
  auto s2 = second.readSince(100);
  EXPECT_EQ(s2.skipped, 400u - LiveBuffer::kFloorSamples - 100u);
  expectRamp(s2, 400 - LiveBuffer::kFloorSamples, 400);
  EXPECT_EQ(budget->usedBytes(), (1000u + LiveBuffer::kFloorSamples) * 20u);

  // A buffer that goes away returns its bytes: a new stream can grow again.
  first.reset();
  EXPECT_EQ(budget->usedBytes(), LiveBuffer::kFloorSamples * 20u);
  LiveBuffer third({"d3", "t3"}, {"a", "b", "c"}, 30000, budget);
  for (uint64_t k = 0; k < 600; k += 10) third.append(rampBatch(k, 10));
  // 64 .. 512, then the 232 samples the budget has left in one step (not 10 at a time).
  EXPECT_EQ(third.ringSamples(), 30000u);
  EXPECT_EQ(third.reservedSamples(), 744u);
  EXPECT_EQ(budget->usedBytes(), budget->limitBytes());
  for (uint64_t k = 600; k < 2000; k += 10) third.append(rampBatch(k, 10));
  EXPECT_EQ(third.ringSamples(), 744u);
  EXPECT_EQ(third.reservedSamples(), 744u);
  auto s3 = third.readSince(0);
  EXPECT_EQ(s3.skipped, 2000u - 744u);
  expectRamp(s3, 2000 - 744, 2000);
}
