#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "tests/plugins/test_payloads.h"

namespace edgewise::decoders::test {
namespace {

using capture::DecoderOptions;

std::string errorOf(std::string_view id, std::string_view payload,
                    const DecoderOptions* options = nullptr) {
  auto r = decodeWith(id, payload, options);
  EXPECT_FALSE(r.ok()) << id << " decoded without error";
  return r.ok() ? std::string() : r.error().message;
}

TEST(RawF32Decoder, InterleavedChannels) {
  DecoderOptions opt;
  opt.channelCount = 3;
  opt.sampleRateHz = 1000;
  opt.channelNames = {"x", "y", "z"};
  auto r = decodeWith("raw-f32", f32Bytes({1.5f, -2.f, 3.25f, 4.f, 5.f, -6.5f}), &opt);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->channelNames, opt.channelNames);
  EXPECT_EQ(r->values, (std::vector<float>{1.5f, -2.f, 3.25f, 4.f, 5.f, -6.5f}));
  EXPECT_EQ(r->timestampsUs, (std::vector<int64_t>{kArrivalUs - 1000, kArrivalUs}));
  auto mono = decodeWith("raw-f32", f32Bytes({0.25f}));
  ASSERT_TRUE(mono.ok());
  EXPECT_EQ(mono->channelNames, std::vector<std::string>{"ch"});
}

TEST(RawF32Decoder, Errors) {
  DecoderOptions opt;
  opt.channelCount = 3;
  EXPECT_EQ(errorOf("raw-f32", f32Bytes({1, 2, 3, 4}), &opt),
            "16 bytes is not a whole number of float32 samples of 3 channel(s) (12 bytes each)");
  EXPECT_EQ(errorOf("raw-f32", "abcde"),
            "5 bytes is not a whole number of float32 samples of 1 channel(s) (4 bytes each)");
  EXPECT_EQ(errorOf("raw-f32", ""), "empty payload, expected float32 samples");
  EXPECT_EQ(
      errorOf("raw-f32", f32Bytes({1, 2, 3, std::numeric_limits<float>::quiet_NaN(), 5, 6}), &opt),
      "sample 1 channel 0 = NaN is not a usable sample value (is the payload really float32?)");
  EXPECT_NE(errorOf("raw-f32", f32Bytes({INFINITY})).find("Infinity"), std::string::npos);
  opt.channelCount = 0;
  EXPECT_EQ(errorOf("raw-f32", f32Bytes({1}), &opt),
            "channel count 0 is invalid; set 1..4096 channels for float32 payloads");
}

TEST(RawI16Decoder, ValuesKeepTheirIntegerScale) {
  DecoderOptions opt;
  opt.channelCount = 2;
  auto r = decodeWith("raw-i16", i16Bytes({-32768, 32767, 1, -2}), &opt);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->channelNames, (std::vector<std::string>{"ch0", "ch1"}));
  EXPECT_EQ(r->values, (std::vector<float>{-32768.f, 32767.f, 1.f, -2.f}));
  EXPECT_EQ(r->sampleCount(), 2u);
  EXPECT_EQ(errorOf("raw-i16", i16Bytes({1, 2, 3}), &opt),
            "6 bytes is not a whole number of int16 samples of 2 channel(s) (4 bytes each)");
}

TEST(Pcm16Decoder, ScalesToUnitRangeAt16kHz) {
  auto r = decodeWith("pcm16", i16Bytes({0, 16384, -32768, 32767}));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->channelNames, std::vector<std::string>{"audio"});
  EXPECT_DOUBLE_EQ(r->sampleRateHz, 16000.0);
  EXPECT_EQ(r->values, (std::vector<float>{0.f, 0.5f, -1.f, 32767.f / 32768.f}));
  // 4 samples at 16 kHz end at arrival: 62.5 us apart.
  EXPECT_EQ(r->timestampsUs, (std::vector<int64_t>{kArrivalUs - 188, kArrivalUs - 125,
                                                   kArrivalUs - 63, kArrivalUs}));
  DecoderOptions opt;
  opt.sampleRateHz = 8000;
  opt.channelCount = 2;
  auto stereo = decodeWith("pcm16", i16Bytes({1, 2, 3, 4}), &opt);
  ASSERT_TRUE(stereo.ok());
  EXPECT_EQ(stereo->channelNames, (std::vector<std::string>{"audio0", "audio1"}));
  EXPECT_EQ(stereo->timestampsUs, (std::vector<int64_t>{kArrivalUs - 125, kArrivalUs}));
  EXPECT_EQ(errorOf("pcm16", "abc"),
            "3 bytes is not a whole number of PCM16 samples of 1 channel(s) (2 bytes each)");
  EXPECT_EQ(errorOf("pcm16", ""), "empty payload, expected PCM16 samples");
}

TEST(ImageDecoder, PngAndJpegDimensionsAndMean) {
  const std::string png = encodedImage(".png", 32, 24);
  auto r = decodeWith("image", png, nullptr, "edgewise/cam-3/camera");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_TRUE(r->image.has_value());
  EXPECT_EQ(r->image->format, "png");
  EXPECT_EQ(r->image->width, 32);
  EXPECT_EQ(r->image->height, 24);
  EXPECT_EQ(r->image->channels, 3);
  EXPECT_EQ(r->image->encoded, std::vector<uint8_t>(png.begin(), png.end()));
  EXPECT_EQ(r->channelNames, (std::vector<std::string>{"width", "height", "mean"}));
  EXPECT_EQ(r->deviceId, "cam-3");
  EXPECT_EQ(r->timestampsUs, std::vector<int64_t>{kArrivalUs});
  // Mean over B = 8x (x < 32, so 0..248: mean 124), G = 10y (mean 115), R = 128.
  EXPECT_NEAR(r->at(0, 2), (124.0 + 115.0 + 128.0) / 3.0, 1e-3);

  auto jpeg = decodeWith("image", encodedImage(".jpg", 40, 16, 1));
  ASSERT_TRUE(jpeg.ok()) << jpeg.error().message;
  EXPECT_EQ(jpeg->image->format, "jpeg");
  EXPECT_EQ(jpeg->image->channels, 1);
  EXPECT_FLOAT_EQ(jpeg->at(0, 0), 40.f);
  EXPECT_FLOAT_EQ(jpeg->at(0, 1), 16.f);
  EXPECT_NEAR(jpeg->at(0, 2), 104.8, 4.0);  // gray = 8x mod 256 over x < 40, JPEG-lossy
}

TEST(ImageDecoder, DecompressionBombsAndCorruptImagesAreRefused) {
  std::string png = encodedImage(".png", 8, 8);
  // IHDR width/height patched to 20000 x 20000 (400 Mpixel): refused from the header alone.
  std::string bomb = png;
  const unsigned char dims[8] = {0, 0, 0x4E, 0x20, 0, 0, 0x4E, 0x20};
  std::memcpy(bomb.data() + 16, dims, 8);
  EXPECT_EQ(errorOf("image", bomb),
            "image header says 20000x20000 pixels; images over 64 Mpixel are refused");
  std::string jpeg = encodedImage(".jpg", 8, 8);
  for (size_t i = 2; i + 9 < jpeg.size(); ++i) {
    const auto m = static_cast<unsigned char>(jpeg[i + 1]);
    if (static_cast<unsigned char>(jpeg[i]) == 0xFF && (m == 0xC0 || m == 0xC2)) {
      jpeg[i + 5] = jpeg[i + 7] = '\xFF';
      jpeg[i + 6] = jpeg[i + 8] = '\xFF';
      break;
    }
  }
  EXPECT_EQ(errorOf("image", jpeg),
            "image header says 65535x65535 pixels; images over 64 Mpixel are refused");
  EXPECT_EQ(errorOf("image", png.substr(0, 20)), "PNG is truncated or lacks its IHDR header");
  EXPECT_NE(errorOf("image", png.substr(0, png.size() / 2)).find("could not decode the PNG"),
            std::string::npos);
  EXPECT_EQ(errorOf("image", "\xFF\xD8\xFF"), "JPEG is truncated before its frame header");
  EXPECT_EQ(errorOf("image", ""), "empty payload, expected a JPEG or PNG image");
  EXPECT_EQ(errorOf("image", "GIF89a"), "not a JPEG or PNG image (starts with 'GIF89a')");
}

}  // namespace
}  // namespace edgewise::decoders::test
