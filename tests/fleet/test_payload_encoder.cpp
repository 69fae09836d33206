#include <gtest/gtest.h>

#include <QByteArray>
#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <cstring>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/fleet/imu_simulator.h"
#include "core/fleet/payload_encoder.h"

using namespace edgewise::fleet;

namespace {

struct Fixture {
  std::vector<float> samples;
  ImuMessage message;
};

Fixture makeMessage(int k) {
  Fixture f;
  ImuSimulator sim(3, 77, 100);
  sim.forceActivity(Activity::Walk);
  f.samples.resize(static_cast<size_t>(k) * 6);
  sim.nextInto(f.samples.data(), k);
  f.message.device = "imu-0004";
  f.message.seq = 1234;
  f.message.tsUs = 1763800000000000;
  f.message.pubUs = 1763800000009000;
  f.message.rateHz = 100;
  f.message.activity = "walk";
  f.message.samples = f.samples.data();
  f.message.sampleCount = k;
  return f;
}

}  // namespace

TEST(PayloadEncoder, JsonFollowsTheConventions) {
  const auto f = makeMessage(10);
  std::string text;
  encodeImu(PayloadFormat::Json, f.message, text);
  const auto j = nlohmann::json::parse(text);
  EXPECT_EQ(j.at("device"), "imu-0004");
  EXPECT_EQ(j.at("seq").get<int64_t>(), 1234);
  EXPECT_EQ(j.at("ts").get<int64_t>(), 1763800000000000);
  EXPECT_EQ(j.at("pub").get<int64_t>(), 1763800000009000);
  EXPECT_TRUE(j.at("rate").is_number_integer());
  EXPECT_EQ(j.at("rate").get<int>(), 100);
  EXPECT_EQ(j.at("activity"), "walk");
  EXPECT_EQ(j.at("channels"), nlohmann::json({"ax", "ay", "az", "gx", "gy", "gz"}));
  EXPECT_EQ(j.at("units"), nlohmann::json({"m/s^2", "m/s^2", "m/s^2", "rad/s", "rad/s", "rad/s"}));
  const auto& samples = j.at("samples");
  ASSERT_EQ(samples.size(), 10u);
  for (size_t i = 0; i < 10; ++i) {
    ASSERT_EQ(samples[i].size(), 6u);
    for (size_t c = 0; c < 6; ++c) {
      // Shortest round-trip text: reading it back gives exactly the same float.
      EXPECT_EQ(static_cast<float>(samples[i][c].get<double>()), f.samples[i * 6 + c]);
    }
  }
  // Key order as documented (device first, samples last), which readers may rely on.
  EXPECT_EQ(text.rfind(R"({"device":"imu-0004","seq":1234,"ts":)", 0), 0u);
}

TEST(PayloadEncoder, JsonNonIntegerRateAndEscapedStrings) {
  auto f = makeMessage(1);
  f.message.rateHz = 12.5;
  f.message.device = "we\"ird\\dev\n";
  std::string text;
  appendImuJson(f.message, text);
  const auto j = nlohmann::json::parse(text);
  EXPECT_DOUBLE_EQ(j.at("rate").get<double>(), 12.5);
  EXPECT_EQ(j.at("device"), "we\"ird\\dev\n");
}

TEST(PayloadEncoder, CsvIsOneHeaderlessLinePerSample) {
  const auto f = makeMessage(4);
  std::string text;
  encodeImu(PayloadFormat::Csv, f.message, text);
  std::istringstream in(text);
  std::string line;
  size_t row = 0;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string field;
    size_t c = 0;
    while (std::getline(fields, field, ',')) {
      ASSERT_LT(c, 6u);
      EXPECT_EQ(std::stof(field), f.samples[row * 6 + c]);
      ++c;
    }
    EXPECT_EQ(c, 6u);
    ++row;
  }
  EXPECT_EQ(row, 4u);
}

TEST(PayloadEncoder, RawF32IsLittleEndianInterleaved) {
  const auto f = makeMessage(5);
  std::string bytes;
  encodeImu(PayloadFormat::RawF32, f.message, bytes);
  ASSERT_EQ(bytes.size(), 5u * 6u * 4u);
  for (size_t i = 0; i < 30; ++i) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data()) + 4 * i;
    const uint32_t bits = p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<uint32_t>(p[3]) << 24);
    float v;
    std::memcpy(&v, &bits, 4);
    EXPECT_EQ(v, f.samples[i]);
  }
}

TEST(PayloadEncoder, CborHasTheJsonKeys) {
  const auto f = makeMessage(3);
  std::string bytes;
  encodeImu(PayloadFormat::Cbor, f.message, bytes);
  QCborParserError error;
  const QCborValue v =
      QCborValue::fromCbor(QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size())), &error);
  ASSERT_EQ(error.error, QCborError::NoError);
  const QCborMap m = v.toMap();
  EXPECT_EQ(m.value(QStringLiteral("device")).toString(), QStringLiteral("imu-0004"));
  EXPECT_EQ(m.value(QStringLiteral("seq")).toInteger(), 1234);
  EXPECT_EQ(m.value(QStringLiteral("ts")).toInteger(), 1763800000000000);
  EXPECT_EQ(m.value(QStringLiteral("pub")).toInteger(), 1763800000009000);
  EXPECT_EQ(m.value(QStringLiteral("rate")).toInteger(), 100);
  EXPECT_EQ(m.value(QStringLiteral("activity")).toString(), QStringLiteral("walk"));
  EXPECT_EQ(m.value(QStringLiteral("channels")).toArray().size(), 6);
  const QCborArray samples = m.value(QStringLiteral("samples")).toArray();
  ASSERT_EQ(samples.size(), 3);
  EXPECT_EQ(static_cast<float>(samples.at(2).toArray().at(5).toDouble()), f.samples[17]);
}

TEST(PayloadEncoder, FormatNamesRoundTrip) {
  for (auto fmt :
       {PayloadFormat::Json, PayloadFormat::Csv, PayloadFormat::RawF32, PayloadFormat::Cbor}) {
    EXPECT_EQ(parsePayloadFormat(payloadFormatName(fmt)), fmt);
  }
  EXPECT_FALSE(parsePayloadFormat("xml").has_value());
}

TEST(PayloadEncoder, StatusJson) {
  const std::string text =
      encodeStatusJson({"imu-0007", "online", "0.1.0", "imu", 100, 1763800000000000});
  const auto j = nlohmann::json::parse(text);
  EXPECT_EQ(j.at("device"), "imu-0007");
  EXPECT_EQ(j.at("state"), "online");
  EXPECT_EQ(j.at("agent_version"), "0.1.0");
  EXPECT_EQ(j.at("sensor"), "imu");
  EXPECT_EQ(j.at("rate_hz").get<int>(), 100);
  EXPECT_EQ(j.at("ts").get<int64_t>(), 1763800000000000);
}
