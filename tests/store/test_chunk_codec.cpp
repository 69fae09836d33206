#include <random>

#include "core/store/chunk_codec.h"
#include "test_store_common.h"

namespace edgewise::store::test {
namespace {

ChunkData sample() {
  ChunkData c;
  c.channelCount = 2;
  // Irregular, decreasing and extreme steps exercise the zigzag varint deltas.
  c.timestampsUs = {
      1'763'800'000'000'000, 1'763'800'000'010'000, 1'763'799'999'000'000, 0, INT64_MAX, INT64_MIN};
  for (size_t i = 0; i < c.timestampsUs.size() * 2; ++i) c.values.push_back(i * -1.5f + 0.1f);
  c.values[3] = std::numeric_limits<float>::infinity();
  c.sequences = {7, 8, 1LL << 40};
  c.publishedUs = {-5};
  c.images = {{1, 2, 3}, {}, {4}, {5, 6}, {}, {7}};
  c.messageCount = 3;
  return c;
}

TEST(ChunkCodec, RoundTripIsExact) {
  const ChunkData c = sample();
  const std::vector<uint8_t> blob = detail::encodeChunk(c);
  EXPECT_EQ(std::vector<uint8_t>(blob.begin(), blob.begin() + 6),
            (std::vector<uint8_t>{'E', 'W', 'C', 'K', 1, 0}));  // little-endian version
  auto d = detail::decodeChunk(blob.data(), blob.size());
  EW_ASSERT_OK(d);
  EXPECT_EQ(d->channelCount, 2);
  EXPECT_EQ(d->timestampsUs, c.timestampsUs);
  EXPECT_EQ(d->values, c.values);
  EXPECT_EQ(d->sequences, c.sequences);
  EXPECT_EQ(d->publishedUs, c.publishedUs);
  EXPECT_EQ(d->images, c.images);
  EXPECT_EQ(d->messageCount, 3);
}

TEST(ChunkCodec, RegularTimestampsAreCompact) {
  ChunkData c = makeChunk(1, 6, 10, 1'763'800'000'000'000, 10'000, 0);
  const auto blob = detail::encodeChunk(c);
  // header + first timestamp + 9 two-byte... three-byte deltas + 240 bytes of floats
  EXPECT_LE(blob.size(), detail::kChunkHeaderBytes + 8 + 9 * 3 + 240u);
}

TEST(ChunkCodec, EveryTruncationIsAnError) {
  const auto blob = detail::encodeChunk(sample());
  for (size_t n = 0; n < blob.size(); ++n) {
    auto d = detail::decodeChunk(blob.data(), n);
    ASSERT_FALSE(d.ok()) << "prefix of " << n << " bytes decoded";
    EXPECT_NE(d.error().message.find("corrupt chunk data"), std::string::npos);
  }
  std::vector<uint8_t> longer = blob;
  longer.push_back(0);
  auto d = detail::decodeChunk(longer.data(), longer.size());
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.error().message.find("1 unexpected trailing bytes"), std::string::npos);
}

TEST(ChunkCodec, RandomDamageNeverReadsOutOfBounds) {
  // Run under ASan to make this meaningful; without it, it still must not crash.
  const auto blob = detail::encodeChunk(sample());
  std::mt19937 rng(42);
  int refused = 0;
  for (int i = 0; i < 20000; ++i) {
    std::vector<uint8_t> bad = blob;
    const int flips = 1 + static_cast<int>(rng() % 4);
    for (int f = 0; f < flips; ++f) bad[rng() % bad.size()] = static_cast<uint8_t>(rng());
    auto d = detail::decodeChunk(bad.data(), bad.size());
    if (!d.ok()) {
      ++refused;
    } else {
      EXPECT_EQ(d->values.size(), d->timestampsUs.size() * d->channelCount);
    }
  }
  EXPECT_GT(refused, 1000);  // flips in counts or lengths are caught
}

TEST(ChunkCodec, NewerVersionIsRefusedWithAHint) {
  auto blob = detail::encodeChunk(sample());
  blob[4] = 9;
  auto d = detail::decodeChunk(blob.data(), blob.size());
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.error().message.find("chunk format version 9 is newer"), std::string::npos);
}

}  // namespace
}  // namespace edgewise::store::test
