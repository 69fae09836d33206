// Seeded random mutations of good payloads, decoded by every decoder: no crash, no exception,
// every failure an Error with a message, every success a consistent batch.

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <map>
#include <random>

#include "tests/plugins/test_payloads.h"

namespace edgewise::decoders::test {
namespace {

std::vector<std::string> seedPayloads() {
  return {
      simulatorJson(),
      R"({"device":"d","ts":"2025-11-22T09:00:00Z","data":[{"a":1,"b":{"c":2}},{"a":3,"b":{"c":4}}]})",
      R"({"accel":{"x":1.5,"x.raw":300},"sensor.temp":21.25,"values":[1,2,3]})",
      toCbor(simulatorJson()),
      "ts,ax,ay\n1763800000000,1,2\n1763800000010,3,4\n",
      "0.5,-1.25,3e2\n",
      f32Bytes({0.1f, 9.81f, -0.2f, 0.01f, 0.f, 0.02f}),
      i16Bytes({0, 1000, -1000, 32767, -32768, 5}),
      encodedImage(".png", 16, 12),
      encodedImage(".jpg", 16, 12)};
}

std::string mutate(const std::vector<std::string>& seeds, std::mt19937_64& rng) {
  std::string p = seeds[rng() % seeds.size()];
  const int ops = 1 + static_cast<int>(rng() % 4);
  for (int k = 0; k < ops; ++k) {
    switch (rng() % 6) {
      case 0:  // flip bits of a few bytes
        for (int j = 0; j < 3 && !p.empty(); ++j)
          p[rng() % p.size()] ^= static_cast<char>(1u << (rng() % 8));
        break;
      case 1:  // random byte
        if (!p.empty()) p[rng() % p.size()] = static_cast<char>(rng());
        break;
      case 2:  // truncate
        p.resize(p.empty() ? 0 : rng() % p.size());
        break;
      case 3: {  // splice a piece of another seed
        const std::string& other = seeds[rng() % seeds.size()];
        const size_t from = rng() % other.size();
        const size_t len = rng() % (other.size() - from + 1);
        p.insert(p.empty() ? 0 : rng() % p.size(), other.substr(from, len));
        break;
      }
      case 4:  // duplicate a range
        if (!p.empty()) {
          const size_t from = rng() % p.size();
          p.insert(rng() % p.size(), p.substr(from, rng() % 64));
        }
        break;
      default:  // interesting tokens
        static const char* kTokens[] = {"NaN",  "1e400", "-",
                                        "\"",   "[",     "{",
                                        "\xff", "\xbf",  "\x9b\xff\xff\xff\xff\xff\xff\xff\xff",
                                        ",",    "\n",    "\0"};
        p.insert(p.empty() ? 0 : rng() % p.size(), kTokens[rng() % 12]);
        break;
    }
  }
  return p;
}

// OpenCV's codecs print a warning per corrupt image; 20,000 of them drown the test log.
class SilenceStderr {
 public:
  SilenceStderr() {
    std::fflush(stderr);
    m_saved = dup(2);
    std::FILE* null = std::fopen("/dev/null", "w");
    if (null) {
      dup2(fileno(null), 2);
      std::fclose(null);
    }
  }
  ~SilenceStderr() {
    std::fflush(stderr);
    if (m_saved >= 0) {
      dup2(m_saved, 2);
      close(m_saved);
    }
  }

 private:
  int m_saved = -1;
};

TEST(DecoderMutations, TwentyThousandMutationsEveryDecoderReturnsAValueOrAnError) {
  const auto seeds = seedPayloads();
  std::mt19937_64 rng(20261122);
  constexpr int kMutations = 20000;
  capture::DecoderOptions options;
  std::map<std::string, int> ok, failed, emptyMessage, inconsistent;
  {
    SilenceStderr quiet;
    for (int i = 0; i < kMutations; ++i) {
      const std::string payload = mutate(seeds, rng);
      options.channelCount = 1 + static_cast<int>(i % 3);
      capture::DecodeContext ctx{"edgewise/dev/imu", kArrivalUs, &options};
      for (const auto& d : builtins()) {
        const int score = d->sniff(payload);
        if (score < 0 || score > 100) ++inconsistent[d->id()];
        auto r = d->decode(payload, ctx);
        if (r.ok()) {
          ++ok[d->id()];
          const auto& b = *r;
          if (b.values.size() != b.sampleCount() * b.channelCount() ||
              (!b.units.empty() && b.units.size() != b.channelCount())) {
            ++inconsistent[d->id()];
          }
        } else {
          ++failed[d->id()];
          if (r.error().message.empty()) ++emptyMessage[d->id()];
        }
      }
    }
  }
  for (const auto& d : builtins()) {
    const std::string id = d->id();
    std::printf("%-8s ok %6d  error %6d\n", id.c_str(), ok[id], failed[id]);
    EXPECT_EQ(ok[id] + failed[id], kMutations) << id;
    EXPECT_GT(failed[id], 0) << id;
    EXPECT_EQ(emptyMessage[id], 0) << id;
    EXPECT_EQ(inconsistent[id], 0) << id;
  }
  // Mutations are not all fatal: structured decoders still accept some of them.
  EXPECT_GT(ok["json"], 0);
  EXPECT_GT(ok["csv"], 0);
  EXPECT_GT(ok["raw-i16"], 0);
}

TEST(DecoderMutations, RandomBytesAndHugeRandomPayloads) {
  std::mt19937_64 rng(7);
  capture::DecodeContext ctx{"x", kArrivalUs, nullptr};
  SilenceStderr quiet;
  for (size_t size : {1ul, 7ul, 64ul, 4096ul, 16ul * 1024 * 1024}) {
    std::string p(size, '\0');
    for (auto& c : p) c = static_cast<char>(rng());
    for (const auto& d : builtins()) {
      auto r = d->decode(p, ctx);
      // Short random input can be valid by chance ("7" is JSON); long input cannot.
      const bool mustFail = d->id() == "raw-f32" ? size >= 4096 : size >= 64;
      if (mustFail && d->id() != "raw-i16" && d->id() != "pcm16") {
        EXPECT_FALSE(r.ok()) << d->id() << " accepted " << size << " random bytes";
      }
      if (!r.ok()) {
        EXPECT_FALSE(r.error().message.empty());
      }
    }
  }
}

}  // namespace
}  // namespace edgewise::decoders::test
