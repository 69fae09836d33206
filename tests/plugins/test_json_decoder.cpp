#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "core/util/clock.h"
#include "tests/plugins/test_payloads.h"

namespace edgewise::decoders::test {
namespace {

using capture::DecoderOptions;

std::string errorOf(std::string_view payload, const DecoderOptions* options = nullptr) {
  auto r = decodeWith("json", payload, options);
  EXPECT_FALSE(r.ok()) << "decoded without error: " << payload.substr(0, 200);
  return r.ok() ? std::string() : r.error().message;
}

TEST(JsonDecoder, SimulatorPayloadExactValues) {
  auto r = decodeWith("json", simulatorJson(), nullptr, "edgewise/other/imu");
  ASSERT_TRUE(r.ok()) << r.error().toString();
  const auto& b = *r;
  ASSERT_EQ(b.channelCount(), 6u);
  ASSERT_EQ(b.sampleCount(), 10u);
  EXPECT_EQ(b.channelNames, (std::vector<std::string>{"ax", "ay", "az", "gx", "gy", "gz"}));
  EXPECT_EQ(b.units[0], "m/s^2");
  EXPECT_EQ(b.units[5], "rad/s");
  EXPECT_EQ(b.deviceId, "imu-0007");  // the payload wins over the topic
  EXPECT_EQ(b.sequence, 1234);
  EXPECT_EQ(b.publishedUs, 1'763'800'000'009'000);
  EXPECT_DOUBLE_EQ(b.sampleRateHz, 100.0);
  for (size_t i = 0; i < 10; ++i) {
    EXPECT_EQ(b.timestampsUs[i], 1'763'800'000'000'000 + static_cast<int64_t>(i) * 10'000);
    for (size_t c = 0; c < 6; ++c) {
      EXPECT_FLOAT_EQ(b.at(i, c), static_cast<float>(i) + static_cast<float>(c) / 10.0f);
    }
  }
}

TEST(JsonDecoder, TimestampUnitsByMagnitude) {
  const int64_t expected = 1'763'800'000'123'000;
  for (const char* ts : {"1763800000.123", "1763800000123", "1763800000123000",
                         "1763800000123000000", "\"2025-11-22T08:26:40.123Z\""}) {
    auto r = decodeWith("json", std::string(R"({"ts":)") + ts + R"(,"x":1})");
    ASSERT_TRUE(r.ok()) << ts << ": " << r.error().message;
    EXPECT_EQ(r->timestampsUs.at(0), expected) << ts;
  }
  // Integer seconds and an ISO time with an offset.
  auto s = decodeWith("json", R"({"timestamp":1763800000,"x":1})");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->timestampsUs[0], 1'763'800'000'000'000);
  auto iso = decodeWith("json", R"({"time":"2025-11-22T09:26:40+01:00","x":1})");
  ASSERT_TRUE(iso.ok()) << iso.error().message;
  EXPECT_EQ(iso->timestampsUs[0], 1'763'800'000'000'000);
  EXPECT_NE(errorOf(R"({"ts":"yesterday","x":1})").find("ISO-8601"), std::string::npos);
  EXPECT_NE(errorOf(R"({"ts":[1],"x":1})").find("'ts' must be a number"), std::string::npos);
}

TEST(JsonDecoder, NoTimestampUsesArrivalSpreadBackwards) {
  DecoderOptions opt;
  opt.sampleRateHz = 50;
  auto r = decodeWith("json", R"({"samples":[[1],[2],[3]]})", &opt);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->timestampsUs,
            (std::vector<int64_t>{kArrivalUs - 40'000, kArrivalUs - 20'000, kArrivalUs}));
  auto one = decodeWith("json", R"({"temp":21.5})");
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->timestampsUs, std::vector<int64_t>{kArrivalUs});
}

TEST(JsonDecoder, AutoModeFlattensNumericLeavesAndSkipsMetadata) {
  auto r = decodeWith(
      "json",
      R"({"device":"d1","seq":3,"ts":1763800000,"state":"ok","label":"walk","rate_hz":10,)"
      R"("accel":{"x":1.5,"y":-2,"x.raw":300},"sensor.temp":21.25,"name":"kitchen","ok":true,)"
      R"("gyro":[0.5,0.25]})");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->channelNames, (std::vector<std::string>{"accel.x", "accel.x.raw", "accel.y",
                                                       "gyro[0]", "gyro[1]", "sensor.temp"}));
  EXPECT_EQ(r->values, (std::vector<float>{1.5f, 300.f, -2.f, 0.5f, 0.25f, 21.25f}));
  EXPECT_EQ(r->deviceId, "d1");
  EXPECT_EQ(r->sequence, 3);
  EXPECT_EQ(r->sampleCount(), 1u);
}

TEST(JsonDecoder, FieldPathsIncludingKeysWithDots) {
  DecoderOptions opt;
  opt.fieldPaths = {"accel.y", R"(accel["x.raw"])", R"(["sensor.temp"])", "gyro[1]", "ok"};
  auto r = decodeWith("json",
                      R"({"accel":{"x":1.5,"y":-2,"x.raw":300},"sensor.temp":21.25,)"
                      R"("sensor":{"temp":99},"ok":true,"gyro":[0.5,0.25]})",
                      &opt);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->channelNames, opt.fieldPaths);
  EXPECT_EQ(r->values, (std::vector<float>{-2.f, 300.f, 21.25f, 0.25f, 1.f}));

  opt.fieldPaths = {"sensor.temp"};  // without brackets the dot is a separator
  auto nested = decodeWith("json", R"({"sensor.temp":21.25,"sensor":{"temp":99}})", &opt);
  ASSERT_TRUE(nested.ok());
  EXPECT_EQ(nested->values, std::vector<float>{99.f});

  opt.fieldPaths = {"accel.z"};
  EXPECT_EQ(errorOf(R"({"accel":{"x":1}})", &opt), "field 'accel.z' not found in the payload");
  opt.fieldPaths = {"name"};
  EXPECT_EQ(errorOf(R"({"name":"kitchen"})", &opt), "field 'name' is string, expected a number");
  opt.fieldPaths = {R"(accel["x.raw)"};
  EXPECT_NE(errorOf(R"({"accel":{"x":1}})", &opt).find("unterminated quoted key"),
            std::string::npos);
  opt.fieldPaths = {"a..b"};
  EXPECT_NE(errorOf(R"({"a":1})", &opt).find("empty key"), std::string::npos);
}

TEST(JsonDecoder, FieldPathsSelectNamedColumnsOfSampleArrays) {
  DecoderOptions opt;
  opt.fieldPaths = {"gz", "ax", "[1]"};
  auto r = decodeWith("json", simulatorJson(), &opt);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->channelCount(), 3u);
  EXPECT_EQ(r->units, (std::vector<std::string>{"rad/s", "m/s^2", "m/s^2"}));
  EXPECT_FLOAT_EQ(r->at(3, 0), 3.5f);
  EXPECT_FLOAT_EQ(r->at(3, 1), 3.0f);
  EXPECT_FLOAT_EQ(r->at(3, 2), 3.1f);
  opt.fieldPaths = {"mag"};
  EXPECT_NE(errorOf(simulatorJson(), &opt).find("names no channel of the samples (ax, ay"),
            std::string::npos);
}

TEST(JsonDecoder, ArraysOfObjectsNumbersAndRootArrays) {
  auto objs = decodeWith(
      "json",
      R"({"data":[{"t":1763800000.5,"a":1,"b":{"c":2}},{"t":1763800001,"a":3,"b":{"c":4}}]})");
  ASSERT_TRUE(objs.ok()) << objs.error().message;
  EXPECT_EQ(objs->channelNames, (std::vector<std::string>{"a", "b.c"}));
  EXPECT_EQ(objs->values, (std::vector<float>{1, 2, 3, 4}));
  EXPECT_EQ(objs->timestampsUs,
            (std::vector<int64_t>{1'763'800'000'500'000, 1'763'800'001'000'000}));

  DecoderOptions opt;
  opt.fieldPaths = {"b.c"};
  auto picked = decodeWith("json", R"({"values":[{"a":1,"b":{"c":2}},{"a":3,"b":{"c":4}}]})", &opt);
  ASSERT_TRUE(picked.ok()) << picked.error().message;
  EXPECT_EQ(picked->values, (std::vector<float>{2, 4}));

  auto numbers = decodeWith("json", R"({"ts":1763800000000,"rate":4,"values":[1,2,3]})");
  ASSERT_TRUE(numbers.ok());
  EXPECT_EQ(numbers->channelNames, std::vector<std::string>{"value"});
  EXPECT_EQ(numbers->values, (std::vector<float>{1, 2, 3}));
  EXPECT_EQ(numbers->timestampsUs[2], 1'763'800'000'500'000);

  auto interleaved = decodeWith("json", R"({"channels":["l","r"],"samples":[1,2,3,4,5,6]})");
  ASSERT_TRUE(interleaved.ok());
  EXPECT_EQ(interleaved->sampleCount(), 3u);
  EXPECT_FLOAT_EQ(interleaved->at(2, 1), 6.f);

  auto root = decodeWith("json", "[[1,2],[3,4]]");
  ASSERT_TRUE(root.ok());
  EXPECT_EQ(root->channelNames, (std::vector<std::string>{"ch0", "ch1"}));
  EXPECT_EQ(root->values, (std::vector<float>{1, 2, 3, 4}));

  auto scalar = decodeWith("json", "42.5");
  ASSERT_TRUE(scalar.ok());
  EXPECT_EQ(scalar->values, std::vector<float>{42.5f});

  // Named positional channels from the options.
  opt = {};
  opt.channelNames = {"x", "y"};
  auto named = decodeWith("json", "[[1,2]]", &opt);
  ASSERT_TRUE(named.ok());
  EXPECT_EQ(named->channelNames, opt.channelNames);
}

TEST(JsonDecoder, StatusMessageHasNoSamples) {
  auto r = decodeWith("json",
                      R"({"device":"imu-0007","state":"online","agent_version":"0.1.0",)"
                      R"("sensor":"imu","rate_hz":100,"ts":1763800000000000})",
                      nullptr, "edgewise/imu-0007/status");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->sampleCount(), 0u);
  EXPECT_EQ(r->channelCount(), 0u);
  EXPECT_EQ(r->deviceId, "imu-0007");
  auto empty = decodeWith("json", R"({"samples":[]})");
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->sampleCount(), 0u);
}

TEST(JsonDecoder, DeviceFromTopicWhenPayloadHasNone) {
  auto r = decodeWith("json", R"({"x":1})", nullptr, "edgewise/imu-0042/imu");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->deviceId, "imu-0042");
}

TEST(JsonDecoder, MalformedPayloadsAreErrorsWithPreciseMessages) {
  EXPECT_EQ(errorOf(""), "empty payload, expected a JSON document");
  EXPECT_EQ(errorOf("  \n"), "empty payload, expected a JSON document");
  EXPECT_NE(errorOf(R"({"samples":[[1,2],[3)").find("invalid JSON"), std::string::npos);
  EXPECT_NE(errorOf(R"({"x":NaN})").find("NaN and Infinity are not JSON numbers"),
            std::string::npos);
  EXPECT_NE(errorOf(R"({"x":Infinity})").find("invalid JSON"), std::string::npos);
  EXPECT_NE(errorOf(R"({"x":1e400})").find("number overflow"), std::string::npos);
  EXPECT_EQ(errorOf(R"({"x":1e31})"), "'x' = 1e+31 (|value| > 1e30) is not a usable sample value");
  EXPECT_EQ(errorOf(R"({"samples":[[1,2,3,4,5,6],[1,2,3,4,5,6],[1,2,3,4,5,6],[1,2,3,4,5]]})"),
            "samples[3] has 5 values, expected 6");
  EXPECT_EQ(errorOf(R"({"channels":["a","b"],"samples":[[1,2,3]]})"),
            "samples[0] has 3 values, expected 2 (one per name in 'channels')");
  EXPECT_EQ(errorOf(R"({"samples":[[1,2],"x"]})"),
            "samples[1] is string, expected an array of 2 numbers");
  EXPECT_EQ(errorOf(R"({"samples":[[1,2],[1,null]]})"), "samples[1][1] is null, expected a number");
  EXPECT_EQ(errorOf(R"({"samples":[[1,2],[1,-2e38]]})"),
            "samples[1][1] = -2e+38 (|value| > 1e30) is not a usable sample value");
  EXPECT_EQ(errorOf(R"({"samples":["a"]})"),
            "samples[0] is string, expected an array of numbers, an object or a number");
  EXPECT_EQ(errorOf(R"({"samples":[{"a":1},{"b":1}]})"),
            "samples[1] has field 'b' where samples[0] has 'a'");
  EXPECT_EQ(errorOf(R"({"samples":[{"a":1},{"a":1,"b":2}]})"),
            "samples[1] has 2 numeric fields, expected 1 like samples[0]");
  EXPECT_EQ(errorOf(R"({"samples":[1,"2"]})"),
            "samples[1] is string, expected a number like samples[0]");
  EXPECT_EQ(errorOf(R"({"seq":"12","x":1})"), "'seq' must be a non-negative integer, got string");
  EXPECT_EQ(errorOf(R"({"seq":-1,"x":1})"), "'seq' must be a non-negative integer, got -1");
  EXPECT_NE(errorOf(R"({"rate":-5,"x":1})").find("'rate' must be a sample rate"),
            std::string::npos);
  EXPECT_EQ(errorOf(R"({"channels":"ax","x":1})"),
            "'channels' must be an array of strings, not string");
  EXPECT_EQ(errorOf(R"({"units":["m"],"x":1,"y":2})"),
            "'units' has 1 entries but there are 2 channels");
  EXPECT_EQ(errorOf(R"({"ts":1e300,"x":1})"),
            "'ts': timestamp 1e+300 is too large for s, ms, us or ns");
  // Bad UTF-8 inside a string.
  EXPECT_NE(errorOf(std::string("{\"name\":\"\xC3\x28\",\"x\":1}")).find("invalid JSON"),
            std::string::npos);
  EXPECT_NE(errorOf(R"({"x":1} trailing)").find("invalid JSON"), std::string::npos);
}

TEST(JsonDecoder, ChannelCountIsBounded) {
  std::string wide = R"({"samples":[[)";
  for (int i = 0; i < 5000; ++i) wide += i ? ",1" : "1";
  EXPECT_EQ(errorOf(wide + "]]}"),
            "samples[0] has 5000 values; at most 4096 channels are supported");
  std::string keys = "{";
  for (int i = 0; i < 5000; ++i) keys += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":1";
  EXPECT_EQ(errorOf(keys + "}"),
            "more than 4096 numeric fields; select the channels with field paths");
}

TEST(JsonDecoder, DeepNestingIsRefusedBeforeParsing) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_EQ(errorOf(deep), "JSON nesting is deeper than 64 levels; sensor payloads are flat");
  std::string objects;
  for (int i = 0; i < 70; ++i) objects += R"({"a":)";
  objects += "1" + std::string(70, '}');
  EXPECT_NE(errorOf(objects).find("deeper than 64"), std::string::npos);
  // Brackets inside strings do not count.
  auto r = decodeWith("json", R"({"name":")" + std::string(200, '[') + R"(","x":1})");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->values, std::vector<float>{1.f});
}

TEST(JsonDecoder, SixteenMegabytePayloadsFinishFast) {
  const auto start = std::chrono::steady_clock::now();
  std::string valid = R"({"values":[)";
  valid.reserve(16u * 1024u * 1024u);
  while (valid.size() < 16u * 1024u * 1024u - 16) valid += "1.5,";
  valid += "2]}";
  auto big = decodeWith("json", valid);
  ASSERT_TRUE(big.ok()) << big.error().message;
  EXPECT_GT(big->sampleCount(), 4'000'000u);
  EXPECT_FLOAT_EQ(big->values.back(), 2.f);

  std::string garbage(16u * 1024u * 1024u, '{');
  garbage[0] = '"';
  EXPECT_NE(errorOf(garbage).find("invalid JSON"), std::string::npos);
  EXPECT_NE(errorOf(std::string(16u * 1024u * 1024u + 1, ' ') + "1").find("exceeds the 16 MiB"),
            std::string::npos);
  const auto seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 20.0);  // generous for a loaded 2-core machine; typically < 2 s
}

TEST(JsonDecoder, SimulatorPayloadThroughput) {
  const std::string payload = simulatorJson();
  const auto& json = decoder("json");
  capture::DecodeContext ctx{"edgewise/imu-0007/imu", kArrivalUs, nullptr};
  const int n = 20000;
  size_t samples = 0;
  const int64_t start = util::monotonicUs();
  for (int i = 0; i < n; ++i) samples += json.decode(payload, ctx)->sampleCount();
  const double seconds = static_cast<double>(util::monotonicUs() - start) / 1e6;
  EXPECT_EQ(samples, static_cast<size_t>(n) * 10);
  RecordProperty("messages_per_second", static_cast<int>(n / seconds));
  std::printf("json: %.0f simulator messages/s\n", n / seconds);
}

}  // namespace
}  // namespace edgewise::decoders::test
