#include <gtest/gtest.h>

#include <QByteArray>
#include <QCborArray>
#include <QCborMap>
#include <QCborValue>

#include "tests/plugins/test_payloads.h"

namespace edgewise::decoders::test {
namespace {

using namespace Qt::StringLiterals;
using capture::DecoderOptions;

std::string bytes(std::initializer_list<int> b) {
  std::string s;
  for (int v : b) s += static_cast<char>(v);
  return s;
}

std::string fromQt(const QCborValue& v) {
  const QByteArray b = v.toCbor();
  return std::string(b.constData(), static_cast<size_t>(b.size()));
}

std::string errorOf(std::string_view payload, const DecoderOptions* options = nullptr) {
  auto r = decodeWith("cbor", payload, options);
  EXPECT_FALSE(r.ok()) << "decoded without error";
  return r.ok() ? std::string() : r.error().message;
}

TEST(CborDecoder, SimulatorPayloadMatchesJson) {
  const std::string json = simulatorJson(77);
  auto j = decodeWith("json", json);
  auto c = decodeWith("cbor", toCbor(json));
  ASSERT_TRUE(j.ok());
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->channelNames, j->channelNames);
  EXPECT_EQ(c->units, j->units);
  EXPECT_EQ(c->values, j->values);
  EXPECT_EQ(c->timestampsUs, j->timestampsUs);
  EXPECT_EQ(c->sequence, 77);
  EXPECT_EQ(c->deviceId, "imu-0007");
  EXPECT_EQ(c->publishedUs, j->publishedUs);
}

TEST(CborDecoder, QtEncodedMapWithFieldPathsAndFloatTypes) {
  QCborMap accel;
  accel.insert(u"x"_s, 1.5);
  accel.insert(u"x.raw"_s, 300);
  QCborMap root;
  root.insert(u"device"_s, u"cam-1"_s);
  root.insert(u"ts"_s, QCborValue(qint64(1763800000)));
  root.insert(u"accel"_s, accel);
  root.insert(u"sensor.temp"_s, -4.25);
  root.insert(u"blob"_s, QByteArray("\x01\x02", 2));  // byte strings are never channels
  const std::string payload = fromQt(root);

  auto all = decodeWith("cbor", payload);
  ASSERT_TRUE(all.ok()) << all.error().message;
  EXPECT_EQ(all->channelNames, (std::vector<std::string>{"accel.x", "accel.x.raw", "sensor.temp"}));
  EXPECT_EQ(all->values, (std::vector<float>{1.5f, 300.f, -4.25f}));
  EXPECT_EQ(all->timestampsUs, std::vector<int64_t>{1'763'800'000'000'000});
  EXPECT_EQ(all->deviceId, "cam-1");

  DecoderOptions opt;
  opt.fieldPaths = {R"(accel["x.raw"])", R"(["sensor.temp"])"};
  auto picked = decodeWith("cbor", payload, &opt);
  ASSERT_TRUE(picked.ok()) << picked.error().message;
  EXPECT_EQ(picked->values, (std::vector<float>{300.f, -4.25f}));

  // Half-precision, single and negative integers, an epoch-time tag, integer keys.
  const std::string tagged =
      bytes({0xA4, 0x61, 'h',  0xF9, 0x3E, 0x00,          // "h": f16 1.5
             0x61, 'f',  0xFA, 0x40, 0x20, 0x00, 0x00,    // "f": f32 2.5
             0x61, 'n',  0x38, 0x63,                      // "n": -100
             0x02, 0xC1, 0x1A, 0x69, 0x21, 0x81, 0x40});  // 2: tag 1 (epoch) 1763803456
  auto t = decodeWith("cbor", tagged);
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(t->channelNames, (std::vector<std::string>{"2", "f", "h", "n"}));
  EXPECT_EQ(t->values, (std::vector<float>{1763803456.f, 2.5f, 1.5f, -100.f}));
}

TEST(CborDecoder, SamplesArraysAndIndefiniteLengths) {
  // {_ "samples": [_ [1, 2], [3, 4] ], "channels": ["a", "b"]}
  const std::string payload = bytes(
      {0xBF, 0x67, 's', 'a', 'm', 'p', 'l', 'e', 's', 0x9F, 0x82, 0x01, 0x02, 0x82, 0x03, 0x04,
       0xFF, 0x68, 'c', 'h', 'a', 'n', 'n', 'e', 'l', 's',  0x82, 0x61, 'a',  0x61, 'b',  0xFF});
  EXPECT_GE(decoder("cbor").sniff(payload), 80);
  auto r = decodeWith("cbor", payload);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->channelNames, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(r->values, (std::vector<float>{1, 2, 3, 4}));
}

TEST(CborDecoder, MalformedPayloadsAreErrors) {
  EXPECT_EQ(errorOf(""), "empty payload, expected a CBOR document");
  const std::string good = toCbor(simulatorJson());
  for (size_t cut : {1ul, 5ul, good.size() / 2, good.size() - 1}) {
    EXPECT_NE(errorOf(good.substr(0, cut)).find("invalid CBOR"), std::string::npos) << cut;
  }
  EXPECT_NE(errorOf(good + "x").find("1 bytes after the end of the document"), std::string::npos);
  // NaN and huge values: same semantics as JSON.
  EXPECT_EQ(errorOf(bytes({0xA1, 0x61, 'x', 0xF9, 0x7E, 0x00})),
            "'x' = NaN is not a usable sample value");
  EXPECT_EQ(errorOf(bytes({0xA1, 0x61, 'x', 0xFB, 0x7F, 0xF0, 0, 0, 0, 0, 0, 0})),
            "'x' = Infinity is not a usable sample value");
  EXPECT_EQ(errorOf(toCbor(R"({"samples":[[1,2],[3]]})")), "samples[1] has 1 values, expected 2");
  // Bad UTF-8 in a text string.
  EXPECT_NE(errorOf(bytes({0xA1, 0x62, 0xC3, 0x28, 0x01})).find("invalid CBOR"), std::string::npos);
  // A map key that is an array.
  EXPECT_NE(errorOf(bytes({0xA1, 0x80, 0x01})).find("map key is not a text string"),
            std::string::npos);
  // A string claiming 4 GB.
  EXPECT_NE(
      errorOf(bytes({0xA1, 0x61, 'x', 0x7A, 0xFF, 0xFF, 0xFF, 0xFF, 'a'})).find("invalid CBOR"),
      std::string::npos);
  // An array claiming 2^63 elements.
  EXPECT_NE(errorOf(bytes({0x9B, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01}))
                .find("invalid CBOR"),
            std::string::npos);
  // Deep nesting: 100000 nested arrays.
  EXPECT_NE(errorOf(std::string(100000, '\x81') + '\x01').find("nesting deeper than 64"),
            std::string::npos);
  // Reserved additional information (28).
  EXPECT_NE(errorOf(bytes({0x1C})).find("invalid CBOR"), std::string::npos);
}

}  // namespace
}  // namespace edgewise::decoders::test
