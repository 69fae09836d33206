// The simulator's IMU payloads (core/fleet, what edgewise-agent --simulate publishes) through
// the JSON fast path and the tree path: identical batches; and the decode rate of each path on
// one core, printed (a measurement, not a timed assertion).

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "core/fleet/imu_simulator.h"
#include "core/fleet/payload_encoder.h"
#include "tests/plugins/test_json_fast_path_util.h"

namespace edgewise::decoders::test {
namespace {

constexpr int64_t kTsUs = 1'763'800'000'000'000;

std::string simulatorPayload(fleet::ImuSimulator& sim, int device, int64_t seq, int samples) {
  std::vector<float> values(static_cast<size_t>(samples) * fleet::kImuChannels);
  sim.nextInto(values.data(), samples);
  const std::string name = "imu-" + std::to_string(device);
  fleet::ImuMessage m;
  m.device = name;
  m.seq = seq;
  m.tsUs = kTsUs + seq * 100'000;
  m.pubUs = m.tsUs + 95'000;
  m.rateHz = sim.rateHz();
  m.activity = fleet::activityName(sim.currentActivity());
  m.samples = values.data();
  m.sampleCount = samples;
  std::string out;
  fleet::appendImuJson(m, out);
  return out;
}

TEST(JsonFastPathFleet, SimulatorCorpusIsIdenticalOnBothPaths) {
  int checked = 0;
  for (int device = 0; device < 40; ++device) {
    const double rate = device % 3 == 0 ? 100.0 : device % 3 == 1 ? 50.0 : 833.25;
    fleet::ImuSimulator sim(device, 42 + static_cast<uint64_t>(device), rate);
    if (device % 5 == 4) sim.forceActivity(fleet::Activity::Fall);  // impacts: large values
    for (int64_t seq = 0; seq < 25; ++seq) {
      const int samples = 1 + static_cast<int>((device * 7 + seq) % 40);
      const std::string payload = simulatorPayload(sim, device, seq, samples);
      SCOPED_TRACE(payload.substr(0, 120));
      ASSERT_TRUE(expectSameAsTree(payload, nullptr, true));
      ++checked;
      if (HasFailure()) return;
    }
  }
  EXPECT_EQ(checked, 1000);
}

// The rate of the bench capture payload (10 samples x 6 channels) on the calling thread.
TEST(JsonFastPathFleet, DecodeRateOfTheSimulatorPayloadPrinted) {
  fleet::ImuSimulator sim(7, 42, 100.0);
  std::vector<std::string> payloads;
  for (int64_t seq = 0; seq < 200; ++seq) payloads.push_back(simulatorPayload(sim, 7, seq, 10));
  const capture::DecodeContext ctx{"edgewise/imu-7/imu", kFastArrivalUs, nullptr};
  const JsonDecoder decoder;
  auto rate = [&](auto&& decodeOne) {
    size_t n = 0;
    double samples = 0;
    const auto start = std::chrono::steady_clock::now();
    std::chrono::duration<double> elapsed{};
    // CPU time would be fairer on a shared machine, but the loop never sleeps: wall ~ CPU.
    while (elapsed.count() < 1.0) {
      for (const auto& p : payloads) samples += static_cast<double>(decodeOne(p));
      n += payloads.size();
      elapsed = std::chrono::steady_clock::now() - start;
    }
    EXPECT_EQ(samples, static_cast<double>(n) * 10.0);
    return static_cast<double>(n) / elapsed.count();
  };
  const double tree = rate([&](const std::string& p) {
    auto r = JsonDecoder::decodeWithTree(p, ctx);
    return r.ok() ? r->sampleCount() : 0;
  });
  const double fast = rate([&](const std::string& p) {
    auto r = decoder.decode(p, ctx);
    return r.ok() ? r->sampleCount() : 0;
  });
  std::printf(
      "[ measure  ] JSON simulator payload (10 x 6, %zu bytes): tree %.0f msg/s, "
      "fast path %.0f msg/s, x%.2f\n",
      payloads[0].size(), tree, fast, fast / tree);
  EXPECT_GT(fast, 0.0);
}

}  // namespace
}  // namespace edgewise::decoders::test
