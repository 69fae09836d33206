#include <gtest/gtest.h>

#include "tests/plugins/test_payloads.h"

namespace edgewise::decoders::test {
namespace {

using capture::DecoderOptions;

std::string errorOf(std::string_view payload, const DecoderOptions* options = nullptr) {
  auto r = decodeWith("csv", payload, options);
  EXPECT_FALSE(r.ok()) << "decoded without error: " << payload.substr(0, 100);
  return r.ok() ? std::string() : r.error().message;
}

TEST(CsvDecoder, SingleLineOfNumbers) {
  auto r = decodeWith("csv", "0.5, -1.25,3e2 ,+4\n");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->channelNames, (std::vector<std::string>{"ch0", "ch1", "ch2", "ch3"}));
  EXPECT_EQ(r->values, (std::vector<float>{0.5f, -1.25f, 300.f, 4.f}));
  EXPECT_EQ(r->timestampsUs, std::vector<int64_t>{kArrivalUs});
}

TEST(CsvDecoder, HeaderAndTimestampColumn) {
  auto r = decodeWith("csv", "ts,ax,\"ay\"\r\n1763800000000,1,2\r\n1763800000010,3,4\r\n");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->channelNames, (std::vector<std::string>{"ax", "ay"}));
  EXPECT_EQ(r->values, (std::vector<float>{1, 2, 3, 4}));
  EXPECT_EQ(r->timestampsUs, (std::vector<int64_t>{1'763'800'000'000'000, 1'763'800'000'010'000}));

  DecoderOptions opt;
  opt.timestampPath = "[0]";
  opt.channelNames = {"temp"};
  auto first = decodeWith("csv", "1763800000.5,21.5\n1763800001.5,21.75", &opt);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->channelNames, std::vector<std::string>{"temp"});
  EXPECT_EQ(first->values, (std::vector<float>{21.5f, 21.75f}));
  EXPECT_EQ(first->timestampsUs,
            (std::vector<int64_t>{1'763'800'000'500'000, 1'763'800'001'500'000}));
}

TEST(CsvDecoder, MultipleLinesSpreadByRateAndOtherDelimiters) {
  DecoderOptions opt;
  opt.sampleRateHz = 10;
  auto r = decodeWith("csv", "1;2\n3;4\n\n5;6\n", &opt);  // ';' picked when no ',' is present
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->sampleCount(), 3u);
  EXPECT_EQ(r->values, (std::vector<float>{1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(r->timestampsUs,
            (std::vector<int64_t>{kArrivalUs - 200'000, kArrivalUs - 100'000, kArrivalUs}));
  opt.csvDelimiter = ' ';
  auto spaced = decodeWith("csv", "1 2 3", &opt);
  ASSERT_TRUE(spaced.ok());
  EXPECT_EQ(spaced->values, (std::vector<float>{1, 2, 3}));
}

TEST(CsvDecoder, MalformedPayloads) {
  EXPECT_EQ(errorOf(""), "empty payload, expected CSV lines");
  EXPECT_EQ(errorOf("\n\n"), "empty payload, expected CSV lines");
  EXPECT_EQ(errorOf("1,2,3\n4,5\n"), "line 2 has 2 values, expected 3");
  EXPECT_EQ(errorOf("a,b\n1,2\n3,x\n"), "line 3 column 2 is 'x', expected a number");
  EXPECT_EQ(errorOf("1,,3"), "line 1 column 2 is '', expected a number");
  EXPECT_EQ(errorOf("1,nan"), "line 1 column 2 = NaN is not a usable sample value");
  EXPECT_EQ(errorOf("1,-inf"), "line 1 column 2 = -Infinity is not a usable sample value");
  EXPECT_EQ(errorOf("1,1e31"),
            "line 1 column 2 = 1e+31 (|value| > 1e30) is not a usable sample value");
  EXPECT_EQ(errorOf("1,1e400"), "line 1 column 2 = Infinity is not a usable sample value");
  EXPECT_EQ(errorOf("a\xC3\x28,b\n1,2"), "the CSV header line is not valid UTF-8");
  auto utf8 = decodeWith("csv",
                         "temp \xC2\xB0"
                         "C,b\n1,2");
  ASSERT_TRUE(utf8.ok());
  EXPECT_EQ(utf8->channelNames[0],
            "temp \xC2\xB0"
            "C");
  EXPECT_EQ(errorOf("ax,ay\n"), "CSV payload has a header line but no data lines");
  EXPECT_EQ(errorOf(std::string("1,2\x01")),
            "byte 3 is a control character; CSV payloads are text");
  DecoderOptions opt;
  opt.timestampPath = "when";
  EXPECT_EQ(errorOf("ts,x\n1,2", &opt), "timestamp column 'when' is not in the CSV header");
  opt.timestampPath = "[5]";
  EXPECT_EQ(errorOf("1,2", &opt), "timestamp column 6 is beyond the 2 columns");
  EXPECT_NE(errorOf(std::string(16u * 1024u * 1024u + 1, '1')).find("16 MiB"), std::string::npos);
  std::string wide;
  for (int i = 0; i < 5000; ++i) wide += i ? ",1" : "1";
  EXPECT_EQ(errorOf(wide), "line 1 has 5000 values; at most 4096 channels are supported");
}

TEST(CsvDecoder, LargePayloadFinishesFast) {
  std::string big;
  big.reserve(16u * 1024u * 1024u);
  while (big.size() < 16u * 1024u * 1024u - 32) big += "1.25,2.5,-3\n";
  auto r = decodeWith("csv", big);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->channelCount(), 3u);
  EXPECT_GT(r->sampleCount(), 1'000'000u);
  EXPECT_FLOAT_EQ(r->at(r->sampleCount() - 1, 2), -3.f);
}

}  // namespace
}  // namespace edgewise::decoders::test
