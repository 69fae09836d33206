// The JSON sensor-payload fast path (plugins/decoders/json_fast_path.h) against the general
// document-tree path: for every payload the fast path accepts, both batches must be identical
// in every field, bit for bit (a float compared with == would let -0 and +0 pass).

#include <gtest/gtest.h>

#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "plugins/decoders/json_decoder.h"
#include "plugins/decoders/json_fast_path.h"
#include "tests/plugins/test_json_fast_path_util.h"

namespace edgewise::decoders::test {
namespace {

using capture::DecoderOptions;

constexpr const char* kSim =
    R"({"device":"imu-0007","seq":1234,"ts":1763800000000000,"pub":1763800000009000,)"
    R"("rate":100,"activity":"walk","channels":["ax","ay","az","gx","gy","gz"],)"
    R"("units":["m/s^2","m/s^2","m/s^2","rad/s","rad/s","rad/s"],)"
    R"("samples":[[0.1,9.8,0.2,0.01,0.0,0.02],[-0.125,9.81,0.1875,-0.015,0.003,0.021]]})";

struct Case {
  const char* name;
  std::string payload;
  bool fast;  // the fast path must take it (true) or decline it (false)
};

std::vector<Case> acceptedCases() {
  return {
      {"simulator", kSim, true},
      {"exponents", R"({"samples":[[1e-3,1.5E+2,-2.5e-7,1e30,1E0,-1e-30,6.02214076e23,1e-45]]})",
       true},
      {"negative zero", R"({"samples":[[-0,-0.0,-0e0,0,0.0,-0.0e-5]]})", true},
      {"integers",
       R"({"samples":[[5,-7,9007199254740993,-9223372036854775808,18446744073709551615,)"
       R"(18446744073709551616,123456789012345678901234567890]]})",
       true},
      {"long mantissas",
       R"({"samples":[[0.30000000000000004441,9.99999999999999999e29,1.17549435e-38,)"
       R"(0.1000000000000000055511151231257827021181583404541015625,2.5000000000000001]]})",
       true},
      {"whitespace", "\n\t {  \"samples\" : [ [ 1 , 2 ] ,\r\n[3,4]] , \"rate\" :\t50 \r\n } \n",
       true},
      {"unicode device", R"({"device":"imu-Ω-传感器-😀","samples":[[1]]})", true},
      {"unicode channels", R"({"channels":["température","加速度"],"samples":[[1,2]]})", true},
      {"only samples", R"({"samples":[[1,2,3],[4,5,6]]})", true},
      {"no ts", R"({"device":"d","rate":10,"samples":[[1],[2],[3]]})", true},
      {"no rate", R"({"ts":1763800000000,"samples":[[1],[2]]})", true},
      {"no device", R"({"seq":0,"samples":[[1]]})", true},
      {"keys reordered",
       R"({"samples":[[1,2]],"units":[null,"V"],"channels":["a","b"],"rate_hz":25,)"
       R"("sequence":7,"published":1763800000.25,"timestamp":"2025-11-22T09:38:00.123+01:00",)"
       R"("device_id":"x","state":"online","label":3,"activity":null})",
       true},
      {"ts seconds float", R"({"t":1763800000.123456,"rate":3.5,"samples":[[1],[2],[3]]})", true},
      {"ts ns", R"({"time":1763800000123456789,"samples":[[1]]})", true},
      {"ts negative", R"({"ts":-5,"samples":[[1]]})", true},
      {"ts iso", R"({"ts":"2025-11-22T09:38:00Z","rate":1000,"samples":[[1],[2]]})", true},
      {"rate zero", R"({"rate":0,"samples":[[1],[2]]})", true},
      {"rate negative zero", R"({"rate":-0.0,"samples":[[1],[2]]})", true},
      {"empty channels", R"({"channels":[],"samples":[[1,2]]})", true},
      {"annotations", R"({"activity":"walk","label":true,"state":false,"samples":[[1]]})", true},
      {"escaped-free control chars", "{\"device\":\"a\x7f\",\"samples\":[[1]]}", true},
  };
}

std::vector<Case> declinedCases() {
  return {
      {"escapes in device", R"({"device":"imu-\u03a9","samples":[[1]]})", false},
      {"escaped quote", R"({"device":"a\"b","samples":[[1]]})", false},
      {"bom", "\xEF\xBB\xBF{\"samples\":[[1]]}", false},
      {"duplicate key", R"({"samples":[[1]],"samples":[[2]]})", false},
      {"two time keys", R"({"ts":1,"t":2,"samples":[[1]]})", false},
      {"device and device_id", R"({"device":"a","device_id":"b","samples":[[1]]})", false},
      {"data key", R"({"data":[[1]],"samples":[[2]]})", false},
      {"unknown key", R"({"extra":1,"samples":[[1]]})", false},
      {"nested object", R"({"accel":{"x":1},"samples":[[1]]})", false},
      {"object samples", R"({"samples":[{"x":1}]})", false},
      {"scalar samples", R"({"samples":[1,2,3]})", false},
      {"empty samples", R"({"samples":[]})", false},
      {"empty rows", R"({"samples":[[],[]]})", false},
      {"no samples", R"({"x":1})", false},
      {"empty object", "{}", false},
      {"array root", "[[1,2]]", false},
      {"ragged", R"({"samples":[[1,2],[3]]})", false},
      {"channel mismatch", R"({"channels":["a"],"samples":[[1,2]]})", false},
      {"units mismatch", R"({"units":["a"],"samples":[[1,2]]})", false},
      {"seq negative", R"({"seq":-1,"samples":[[1]]})", false},
      {"seq negative zero", R"({"seq":-0,"samples":[[1]]})", false},
      {"seq float", R"({"seq":5.0,"samples":[[1]]})", false},
      {"numeric device", R"({"device":7,"samples":[[1]]})", false},
      {"NaN", R"({"samples":[[NaN]]})", false},
      {"overflow", R"({"samples":[[1e400]]})", false},
      {"too large", R"({"samples":[[1e31]]})", false},
      {"leading zero", R"({"samples":[[01]]})", false},
      {"bare dot", R"({"samples":[[1.]]})", false},
      {"leading dot", R"({"samples":[[.5]]})", false},
      {"plus", R"({"samples":[[+1]]})", false},
      {"minus only", R"({"samples":[[-]]})", false},
      {"string value", R"({"samples":[["1"]]})", false},
      {"null value", R"({"samples":[[null]]})", false},
      {"trailing garbage", R"({"samples":[[1]]} x)", false},
      {"trailing comma", R"({"samples":[[1],]})", false},
      {"missing brace", R"({"samples":[[1]])", false},
      {"control char", "{\"device\":\"a\x01\",\"samples\":[[1]]}", false},
      {"invalid utf8", "{\"device\":\"a\xC0\xAF\",\"samples\":[[1]]}", false},
      {"bad ts", R"({"ts":"yesterday","samples":[[1]]})", false},
      {"rate negative", R"({"rate":-1,"samples":[[1]]})", false},
      {"field paths option", kSim, false},  // with options below
  };
}

TEST(JsonFastPath, AcceptsTheSensorShapeWithIdenticalResults) {
  for (const Case& c : acceptedCases()) {
    SCOPED_TRACE(c.name);
    expectSameAsTree(c.payload, nullptr, c.fast);
  }
}

TEST(JsonFastPath, DeclinesEverythingElseAndTheTreeDecides) {
  DecoderOptions paths;
  paths.fieldPaths = {"ax"};
  for (const Case& c : declinedCases()) {
    SCOPED_TRACE(c.name);
    const bool withPaths = std::string_view(c.name) == "field paths option";
    expectSameAsTree(c.payload, withPaths ? &paths : nullptr, c.fast);
  }
}

TEST(JsonFastPath, OptionsThatTheFastPathHonours) {
  DecoderOptions o;
  o.channelNames = {"x", "y"};
  o.sampleRateHz = 250;
  expectSameAsTree(R"({"samples":[[1,2],[3,4]]})", &o, true);
  expectSameAsTree(R"({"samples":[[1,2,3]]})", &o, true);  // names do not fit: ch0..ch2
  expectSameAsTree(R"({"rate":50,"samples":[[1,2]]})", &o, true);
  DecoderOptions ts;
  ts.timestampPath = "pub";
  expectSameAsTree(kSim, &ts, false);
  DecoderOptions sp;
  sp.samplesPath = "samples";
  expectSameAsTree(kSim, &sp, false);
}

// Denormals and similar corners: whichever way the fast path goes, the results agree.
TEST(JsonFastPath, CornersAgreeEitherWay) {
  for (const char* p : {R"({"samples":[[1e-310]]})", R"({"samples":[[4.9e-324]]})",
                        R"({"samples":[[1e-400]]})", R"({"samples":[[1.7976931348623157e308]]})",
                        R"({"ts":9223372036854775807,"samples":[[1]]})",
                        R"({"ts":9223372036854775808,"samples":[[1]]})",
                        R"({"seq":9223372036854775808,"samples":[[1]]})"}) {
    SCOPED_TRACE(p);
    expectSameAsTree(p, nullptr, std::nullopt);
  }
}

// Random payloads in the sensor shape: number spellings, key order, optional keys.
TEST(JsonFastPath, RandomSensorPayloadsAgree) {
  std::mt19937_64 rng(20261122);
  std::uniform_real_distribution<double> mag(-40, 29);  // |x| > 1e30 is refused
  auto number = [&](std::string& out) {
    char buf[64];
    const double v = (rng() % 2 ? -1 : 1) * std::pow(10.0, mag(rng)) * (rng() % 1000) / 997.0;
    switch (rng() % 7) {
      case 0:
        std::snprintf(buf, sizeof buf, "%.17g", v);
        break;
      case 1:
        std::snprintf(buf, sizeof buf, "%g", v);
        break;
      case 2:
        std::snprintf(buf, sizeof buf, "%.9e", v);
        break;
      case 3:
        std::snprintf(buf, sizeof buf, "%" PRId64, static_cast<int64_t>(rng() % 2000000) - 1000000);
        break;
      case 4:
        std::snprintf(buf, sizeof buf, "%s", rng() % 2 ? "-0" : "-0.0");
        break;
      case 5:
        std::snprintf(buf, sizeof buf, "%.3f", v / 1e30);
        break;
      default:
        std::snprintf(buf, sizeof buf, "%.25g", v);
        break;
    }
    out += buf;
  };
  int fastCount = 0;
  for (int iter = 0; iter < 3000; ++iter) {
    const size_t width = 1 + rng() % 8;
    const size_t rows = 1 + rng() % 12;
    std::vector<std::string> parts;
    std::string s = "\"samples\":[";
    for (size_t r = 0; r < rows; ++r) {
      s += r ? ",[" : "[";
      for (size_t c = 0; c < width; ++c) {
        if (c) s += rng() % 4 ? "," : " , ";
        number(s);
      }
      s += "]";
    }
    s += "]";
    parts.push_back(s);
    if (rng() % 2) parts.push_back("\"device\":\"dev-" + std::to_string(rng() % 100) + "\"");
    if (rng() % 2) parts.push_back("\"seq\":" + std::to_string(rng() % 100000));
    if (rng() % 2) parts.push_back("\"ts\":" + std::to_string(1763800000000000 + rng() % 1000000));
    if (rng() % 2) parts.push_back("\"pub\":" + std::to_string(1763800000000 + rng() % 1000));
    if (rng() % 2) parts.push_back("\"rate\":" + std::to_string(1 + rng() % 1000));
    if (rng() % 2) {
      std::string ch = "\"channels\":[";
      for (size_t c = 0; c < width; ++c) ch += (c ? ",\"c" : "\"c") + std::to_string(c) + "\"";
      parts.push_back(ch + "]");
    }
    std::shuffle(parts.begin(), parts.end(), rng);
    std::string payload = "{";
    for (size_t i = 0; i < parts.size(); ++i) payload += (i ? "," : "") + parts[i];
    payload += "}";
    SCOPED_TRACE(payload);
    fastCount += expectSameAsTree(payload, nullptr, true) ? 1 : 0;
    if (HasFatalFailure() || HasNonfatalFailure()) return;
  }
  EXPECT_EQ(fastCount, 3000);
}

// Mutated sensor payloads (byte flips, truncation, hostile tokens): the fast path may take a
// mutant only if the tree decodes it to the same batch.
TEST(JsonFastPath, MutantsAgreeOrAreDeclined) {
  std::mt19937 rng(7);
  const std::string base = kSim;
  const char* tokens[] = {"-", "0", "e",    "E+",    ".",  "\"",   "\\",   "]", "[",  "}",  "{",
                          ",", ":", "null", "1e999", "-0", "\xC3", "\xFF", " ", "\t", "01", "NaN"};
  int accepted = 0;
  for (int iter = 0; iter < 20000; ++iter) {
    std::string m = base;
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits && !m.empty(); ++e) {
      const size_t at = rng() % m.size();
      switch (rng() % 4) {
        case 0:
          m[at] = static_cast<char>(m[at] ^ (1 << (rng() % 8)));
          break;
        case 1:
          m.resize(at);
          break;
        case 2:
          m.insert(at, tokens[rng() % (sizeof tokens / sizeof *tokens)]);
          break;
        default:
          m.erase(at, 1 + rng() % 4);
          break;
      }
    }
    SCOPED_TRACE(m);
    accepted += expectSameAsTree(m, nullptr, std::nullopt) ? 1 : 0;
    if (HasFatalFailure() || HasNonfatalFailure()) return;
  }
  // Many mutants only change a digit: the fast path still takes those.
  EXPECT_GT(accepted, 1000);
}

}  // namespace
}  // namespace edgewise::decoders::test
