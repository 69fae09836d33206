#include <gtest/gtest.h>

#include <cmath>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "core/fleet/audio_simulator.h"
#include "core/fleet/camera_simulator.h"

using namespace edgewise::fleet;

TEST(CameraSimulator, PngFramesDecodeToTheSceneSize) {
  CameraSimulator cam(0, 1, "cam-0001");
  auto a = cam.nextFrame(0.0, ImageFormat::Png);
  auto b = cam.nextFrame(0.5, ImageFormat::Png);
  ASSERT_TRUE(a.ok()) << a.error().toString();
  ASSERT_TRUE(b.ok()) << b.error().toString();
  // PNG signature.
  ASSERT_GE(a->size(), 8u);
  EXPECT_EQ((*a)[0], 0x89);
  EXPECT_EQ((*a)[1], 'P');
  const cv::Mat img = cv::imdecode(*a, cv::IMREAD_COLOR);
  ASSERT_FALSE(img.empty());
  EXPECT_EQ(img.cols, 160);
  EXPECT_EQ(img.rows, 120);
  const cv::Mat img2 = cv::imdecode(*b, cv::IMREAD_COLOR);
  // The ball moved: the frames differ by more than sensor noise somewhere.
  cv::Mat diff;
  cv::absdiff(img, img2, diff);
  double maxDiff = 0;
  cv::minMaxLoc(diff.reshape(1), nullptr, &maxDiff);
  EXPECT_GT(maxDiff, 50);
  EXPECT_EQ(cam.framesProduced(), 2);
}

TEST(CameraSimulator, JpegFrames) {
  CameraSimulator cam(1, 1, "cam-0002", 320, 240);
  auto a = cam.nextFrame(1.0, ImageFormat::Jpeg);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ((*a)[0], 0xFF);
  EXPECT_EQ((*a)[1], 0xD8);
  const cv::Mat img = cv::imdecode(*a, cv::IMREAD_COLOR);
  EXPECT_EQ(img.cols, 320);
  EXPECT_EQ(img.rows, 240);
}

TEST(AudioSimulator, Pcm16ChunkHasSignalAndIsDeterministic) {
  AudioSimulator mic(0, 5);
  AudioSimulator same(0, 5);
  const std::string chunk = mic.nextPcm16Le(1600);
  ASSERT_EQ(chunk.size(), 3200u);
  EXPECT_EQ(chunk, same.nextPcm16Le(1600));
  double sq = 0;
  for (size_t i = 0; i < 1600; ++i) {
    const auto lo = static_cast<uint8_t>(chunk[2 * i]);
    const auto hi = static_cast<uint8_t>(chunk[2 * i + 1]);
    const auto v = static_cast<int16_t>(lo | (hi << 8));
    sq += (v / 32768.0) * (v / 32768.0);
  }
  const double rms = std::sqrt(sq / 1600);
  EXPECT_GT(rms, 0.1);
  EXPECT_LT(rms, 0.5);
  EXPECT_GE(mic.fundamentalHz(), 200);
  EXPECT_LE(mic.fundamentalHz(), 600);
  EXPECT_NE(AudioSimulator(1, 5).nextPcm16Le(1600), chunk);
}

TEST(AudioSimulator, FundamentalDominatesTheSpectrum) {
  AudioSimulator mic(2, 9);
  // 0.5 s starting at t = 0.5 s, after the chirp (which runs 0..0.3 s of each 2 s).
  mic.next(8000);
  const auto x = mic.next(8000);
  auto power = [&](double f) {
    double re = 0;
    double im = 0;
    for (size_t i = 0; i < x.size(); ++i) {
      re += x[i] * std::cos(2 * M_PI * f * static_cast<double>(i) / 16000);
      im += x[i] * std::sin(2 * M_PI * f * static_cast<double>(i) / 16000);
    }
    return re * re + im * im;
  };
  const double f0 = mic.fundamentalHz();
  EXPECT_GT(power(f0), 10 * power(f0 * 1.37));
  EXPECT_GT(power(f0), power(2 * f0));
}
