// The payloads edgewise-agent --simulate publishes (core/fleet encoders and simulators),
// auto-detected and decoded by the built-in decoders: the two sides must agree.

#include <gtest/gtest.h>

#include <cmath>

#include "core/capture/decoder_registry.h"
#include "core/fleet/audio_simulator.h"
#include "core/fleet/camera_simulator.h"
#include "core/fleet/imu_simulator.h"
#include "core/fleet/payload_encoder.h"
#include "plugins/decoders/builtin_decoders.h"

namespace edgewise::decoders::test {
namespace {

constexpr int64_t kTsUs = 1'763'800'000'000'000;
constexpr int64_t kArrivalUs = kTsUs + 150'000;

class SimulatorPayloads : public ::testing::Test {
 protected:
  void SetUp() override {
    registerBuiltinDecoders(m_registry);
    fleet::ImuSimulator imu(3, 42, 100.0);
    m_samples.resize(10 * fleet::kImuChannels);
    imu.nextInto(m_samples.data(), 10);
    m_message.device = "imu-0003";
    m_message.seq = 17;
    m_message.tsUs = kTsUs;
    m_message.pubUs = kTsUs + 95'000;
    m_message.rateHz = 100;
    m_message.activity = "walk";
    m_message.samples = m_samples.data();
    m_message.sampleCount = 10;
  }

  // Detects, checks the detected id, decodes with options.
  capture::SampleBatch detectAndDecode(const std::string& payload, const std::string& expectedId,
                                       const capture::DecoderOptions* options) {
    const auto* d = m_registry.detect(payload);
    EXPECT_NE(d, nullptr);
    if (!d) return {};
    EXPECT_EQ(d->id(), expectedId);
    auto r =
        d->decode(payload, capture::DecodeContext{"edgewise/imu-0003/imu", kArrivalUs, options});
    EXPECT_TRUE(r.ok()) << expectedId << ": " << (r.ok() ? "" : r.error().message);
    return r.ok() ? std::move(*r) : capture::SampleBatch{};
  }

  void expectSamples(const capture::SampleBatch& b) {
    ASSERT_EQ(b.channelCount(), 6u);
    ASSERT_EQ(b.sampleCount(), 10u);
    for (size_t i = 0; i < b.values.size(); ++i) {
      EXPECT_NEAR(b.values[i], m_samples[i], 1e-5 * std::max(1.0f, std::fabs(m_samples[i]))) << i;
    }
  }

  capture::DecoderRegistry m_registry;
  std::vector<float> m_samples;
  fleet::ImuMessage m_message;
};

TEST_F(SimulatorPayloads, JsonAndCborCarryEverything) {
  for (auto format : {fleet::PayloadFormat::Json, fleet::PayloadFormat::Cbor}) {
    std::string payload;
    fleet::encodeImu(format, m_message, payload);
    const std::string id(fleet::payloadFormatName(format));
    const auto b = detectAndDecode(payload, id, nullptr);
    expectSamples(b);
    EXPECT_EQ(b.channelNames, (std::vector<std::string>{"ax", "ay", "az", "gx", "gy", "gz"})) << id;
    EXPECT_EQ(b.units.size(), 6u) << id;
    EXPECT_EQ(b.deviceId, "imu-0003") << id;
    EXPECT_EQ(b.sequence, 17) << id;
    EXPECT_EQ(b.publishedUs, kTsUs + 95'000) << id;
    ASSERT_EQ(b.timestampsUs.size(), 10u) << id;
    EXPECT_EQ(b.timestampsUs.front(), kTsUs) << id;
    EXPECT_EQ(b.timestampsUs.back(), kTsUs + 90'000) << id;
  }
}

TEST_F(SimulatorPayloads, CsvAndRawF32WithSixChannels) {
  capture::DecoderOptions options;
  options.channelCount = 6;
  options.sampleRateHz = 100;
  for (auto format : {fleet::PayloadFormat::Csv, fleet::PayloadFormat::RawF32}) {
    std::string payload;
    fleet::encodeImu(format, m_message, payload);
    const std::string id(fleet::payloadFormatName(format));
    const auto b = detectAndDecode(payload, id, &options);
    expectSamples(b);
    ASSERT_EQ(b.timestampsUs.size(), 10u) << id;
    EXPECT_EQ(b.timestampsUs.back(), kArrivalUs) << id;
    EXPECT_EQ(b.timestampsUs.front(), kArrivalUs - 90'000) << id;
    EXPECT_EQ(b.deviceId, "imu-0003") << id;  // from the topic
  }
}

TEST_F(SimulatorPayloads, AudioChunksArePcm16) {
  fleet::AudioSimulator audio(2, 42);
  for (int chunk = 0; chunk < 20; ++chunk) {
    const std::string payload = audio.nextPcm16Le(1600);
    const auto b = detectAndDecode(payload, "pcm16", nullptr);
    ASSERT_EQ(b.sampleCount(), 1600u);
    EXPECT_DOUBLE_EQ(b.sampleRateHz, 16000.0);
    for (float v : b.values) ASSERT_TRUE(v >= -1.f && v < 1.f);
  }
}

TEST_F(SimulatorPayloads, CameraFramesAreImages) {
  fleet::CameraSimulator camera(1, 42, "cam-0001", 160, 120);
  for (auto format : {fleet::ImageFormat::Png, fleet::ImageFormat::Jpeg}) {
    auto frame = camera.nextFrame(0.5, format);
    ASSERT_TRUE(frame.ok()) << frame.error().message;
    const std::string payload(frame->begin(), frame->end());
    const auto b = detectAndDecode(payload, "image", nullptr);
    ASSERT_TRUE(b.image.has_value());
    EXPECT_EQ(b.image->width, 160);
    EXPECT_EQ(b.image->height, 120);
    EXPECT_EQ(b.image->format, format == fleet::ImageFormat::Png ? "png" : "jpeg");
    EXPECT_GT(b.at(0, 2), 0.f);  // mean intensity of a rendered scene
  }
}

}  // namespace
}  // namespace edgewise::decoders::test
