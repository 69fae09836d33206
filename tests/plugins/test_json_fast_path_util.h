#pragma once
// Compares the JSON fast path with the document-tree path field by field, bit for bit.

#include <gtest/gtest.h>

#include <cstring>
#include <optional>
#include <string_view>

#include "plugins/decoders/json_decoder.h"
#include "plugins/decoders/json_fast_path.h"

namespace edgewise::decoders::test {

inline constexpr int64_t kFastArrivalUs = 1'763'800'000'500'000;

template <typename T>
bool sameBits(const T& a, const T& b) {
  return std::memcmp(&a, &b, sizeof(T)) == 0;
}

inline void expectSameBatch(const capture::SampleBatch& fast, const capture::SampleBatch& tree) {
  EXPECT_EQ(fast.channelNames, tree.channelNames);
  EXPECT_EQ(fast.units, tree.units);
  EXPECT_EQ(fast.timestampsUs, tree.timestampsUs);
  ASSERT_EQ(fast.values.size(), tree.values.size());
  for (size_t i = 0; i < fast.values.size(); ++i) {
    EXPECT_TRUE(sameBits(fast.values[i], tree.values[i]))
        << "value " << i << ": fast " << fast.values[i] << " tree " << tree.values[i];
  }
  EXPECT_TRUE(sameBits(fast.sampleRateHz, tree.sampleRateHz))
      << fast.sampleRateHz << " vs " << tree.sampleRateHz;
  EXPECT_EQ(fast.sequence, tree.sequence);
  EXPECT_EQ(fast.publishedUs, tree.publishedUs);
  EXPECT_EQ(fast.deviceId, tree.deviceId);
  EXPECT_FALSE(fast.image.has_value());
  EXPECT_FALSE(tree.image.has_value());
}

// Decodes with both paths; returns whether the fast path took the payload. expectFast: the
// fast path must (true) or must not (false) take it; nullopt: either. JsonDecoder::decode()
// must always give what the tree gives (the same error message included).
inline bool expectSameAsTree(std::string_view payload, const capture::DecoderOptions* options,
                             std::optional<bool> expectFast) {
  const capture::DecodeContext ctx{"edgewise/topic-dev/imu", kFastArrivalUs, options};
  const auto fast = decodeSensorJsonFast(payload, ctx);
  const auto tree = JsonDecoder::decodeWithTree(payload, ctx);
  if (expectFast) {
    EXPECT_EQ(fast.has_value(), *expectFast);
  }
  if (fast) {
    EXPECT_TRUE(tree.ok()) << "the tree refuses what the fast path took: "
                           << (tree.ok() ? "" : tree.error().message);
    if (tree.ok()) expectSameBatch(*fast, *tree);
  }
  const auto viaDecoder = JsonDecoder().decode(payload, ctx);
  EXPECT_EQ(viaDecoder.ok(), tree.ok());
  if (viaDecoder.ok() && tree.ok()) {
    expectSameBatch(*viaDecoder, *tree);
  } else if (!viaDecoder.ok() && !tree.ok()) {
    EXPECT_EQ(viaDecoder.error().message, tree.error().message);
  }
  return fast.has_value();
}

}  // namespace edgewise::decoders::test
