// Feature blocks against reference values computed with NumPy/SciPy (make_reference.py),
// plus windowing, parameter validation, bad input and previews.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/dataset/features/feature_block.h"
#include "core/dataset/features/windowing.h"

using namespace edgewise;
using namespace edgewise::features;

namespace {

constexpr double kPi = 3.14159265358979323846;

// Same LCG and inputs as make_reference.py (make_input): keep both in sync.
std::vector<double> lcg(std::uint32_t seed, int count) {
  std::vector<double> out;
  std::uint32_t state = seed;
  for (int i = 0; i < count; ++i) {
    state = 1664525u * state + 1013904223u;  // mod 2^32 by unsigned wrap-around
    out.push_back(state / 4294967296.0 * 2.0 - 1.0);
  }
  return out;
}

struct Input {
  std::vector<float> data;  // samples x channels, interleaved
  int samples = 0;
  int channels = 0;
  double rate = 0;
};

Input makeInput(const std::string& name) {
  Input in;
  if (name == "sines") {
    in = {{}, 256, 2, 100.0};
    for (int n = 0; n < in.samples; ++n) {
      const double t = n / in.rate;
      in.data.push_back(
          static_cast<float>(std::sin(2 * kPi * 5 * t) + 0.5 * std::sin(2 * kPi * 12 * t)));
      in.data.push_back(static_cast<float>(0.3 * std::cos(2 * kPi * 20 * t) + 0.1));
    }
  } else if (name == "impulse") {
    in = {std::vector<float>(64, 0.0f), 64, 1, 50.0};
    in.data[10] = 1.0f;
  } else if (name == "constant") {
    in = {std::vector<float>(64, 0.7f), 64, 1, 50.0};
  } else if (name == "lcg") {
    in = {{}, 128, 2, 200.0};
    for (double v : lcg(12345, 256)) in.data.push_back(static_cast<float>(v));
  } else if (name == "audio" || name == "audio_short") {
    in = {{}, 1000, 1, 8000.0};
    const std::vector<double> noise = lcg(7, 1000);
    for (int n = 0; n < in.samples; ++n) {
      const double t = n / in.rate;
      in.data.push_back(static_cast<float>(std::sin(2 * kPi * 440 * t) +
                                           0.5 * std::sin(2 * kPi * 1500 * t) +
                                           0.05 * noise[static_cast<size_t>(n)]));
    }
    if (name == "audio_short") {
      in.samples = 150;
      in.data.resize(150);
    }
  } else if (name == "image_bgr") {
    in = {{}, 6 * 8, 3, 0.0};
    for (double v : lcg(99, 6 * 8 * 3))
      in.data.push_back(static_cast<float>(std::floor((v + 1.0) * 128.0)));
  } else if (name == "image_gray") {
    in = {{}, 9 * 6, 1, 0.0};
    for (double v : lcg(4242, 9 * 6))
      in.data.push_back(static_cast<float>(std::floor((v + 1.0) * 128.0)));
  } else {
    ADD_FAILURE() << "unknown input " << name;
  }
  return in;
}

nlohmann::json loadReference() {
  const char* src = std::getenv("EDGEWISE_SOURCE_DIR");
  const std::string path =
      std::string(src ? src : ".") + "/tests/dataset/features/reference_values.json";
  std::ifstream f(path);
  EXPECT_TRUE(f.good()) << "cannot open " << path;
  return nlohmann::json::parse(f);
}

std::unique_ptr<FeatureBlock> make(const std::string& id, const Params& params = {}) {
  auto block = BlockRegistry::instance().create(id, params);
  EXPECT_TRUE(block.ok()) << (block.ok() ? "" : block.error().toString());
  return block.ok() ? std::move(block.value()) : nullptr;
}

}  // namespace

TEST(FeatureReference, EveryCaseMatchesNumPySciPy) {
  const nlohmann::json ref = loadReference();
  ASSERT_GE(ref.at("cases").size(), 20u);
  std::set<std::string> blocksSeen;
  for (const auto& c : ref.at("cases")) {
    const std::string blockId = c.at("block");
    const std::string inputName = c.at("input");
    SCOPED_TRACE(blockId + " on " + inputName + " " + c.at("params").dump());
    blocksSeen.insert(blockId);
    Params params;
    for (const auto& [k, v] : c.at("params").items()) params[k] = v.get<double>();
    auto block = make(blockId, params);
    ASSERT_NE(block, nullptr);
    const Input in = makeInput(inputName);
    ASSERT_DOUBLE_EQ(in.rate, c.at("rate").get<double>());

    auto dims = block->outputDims(in.samples, in.channels, in.rate);
    ASSERT_TRUE(dims.ok()) << dims.error().toString();
    EXPECT_EQ(*dims, c.at("dims").get<std::vector<int>>());

    auto out = block->compute(in.data.data(), in.samples, in.channels, in.rate);
    ASSERT_TRUE(out.ok()) << out.error().toString();
    const std::vector<double> expected = c.at("output").get<std::vector<double>>();
    ASSERT_EQ(out->size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
      // Reference computed with NumPy/SciPy (make_reference.py) in float64; Edgewise
      // computes in double and returns float32, and the image path runs OpenCV in float32:
      // tolerance 1e-5 relative, 1e-5 absolute for values below 1 in magnitude.
      const double tol = 1e-5 * std::max(1.0, std::abs(expected[i]));
      EXPECT_NEAR((*out)[i], expected[i], tol) << "element " << i;
    }
  }
  EXPECT_EQ(blocksSeen.size(), BlockRegistry::instance().ids().size())
      << "every built-in block has reference cases";
}

TEST(FeatureEdgeCases, ConstantSignalHasZeroStdAndNoZeroCrossings) {
  const Input in = makeInput("constant");
  auto out = make("stats")->compute(in.data.data(), in.samples, in.channels, in.rate);
  ASSERT_TRUE(out.ok());
  // Exact: two-pass variance of identical values.
  EXPECT_FLOAT_EQ((*out)[0], 0.7f);  // mean
  EXPECT_EQ((*out)[1], 0.0f);        // std
  EXPECT_EQ((*out)[5], 0.0f);        // zero crossings
  auto spec = make("spectral", {{"bands", 4}, {"peaks", 2}})
                  ->compute(in.data.data(), in.samples, in.channels, in.rate);
  ASSERT_TRUE(spec.ok());
  for (int i = 4; i < 8; ++i) EXPECT_EQ((*spec)[static_cast<size_t>(i)], 0.0f) << "no peaks";
}

TEST(FeatureEdgeCases, ShortAudioWindowIsZeroPaddedToOneFrame) {
  Input in = makeInput("audio_short");
  auto block = make("logmel");
  auto dims = block->outputDims(in.samples, 1, in.rate);
  ASSERT_TRUE(dims.ok());
  EXPECT_EQ(*dims, (std::vector<int>{1, 1, 20}));
  // Padding means appending zeros changes nothing as long as the frame is not exceeded.
  auto a = block->compute(in.data.data(), in.samples, 1, in.rate);
  in.data.resize(256, 0.0f);
  auto b = block->compute(in.data.data(), 256, 1, in.rate);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
}

TEST(FeatureEdgeCases, NanInputIsAnErrorForEveryBlock) {
  Input in = makeInput("image_gray");  // 54 samples: fits every block's defaults below
  in.data[7] = std::numeric_limits<float>::quiet_NaN();
  for (const std::string& id : BlockRegistry::instance().ids()) {
    SCOPED_TRACE(id);
    Params p;
    if (id == "image") p = {{"in_width", 6}, {"in_height", 9}};
    if (id == "spectral") p = {{"bands", 4}};
    auto out = make(id, p)->compute(in.data.data(), in.samples, in.channels, 1000.0);
    ASSERT_FALSE(out.ok());
    EXPECT_NE(out.error().message.find("non-finite"), std::string::npos) << out.error().message;
    EXPECT_NE(out.error().message.find("sample 7"), std::string::npos) << out.error().message;
  }
  in.data[7] = std::numeric_limits<float>::infinity();
  EXPECT_FALSE(make("stats")->compute(in.data.data(), in.samples, 1, 1000.0).ok());
}

TEST(FeatureEdgeCases, ZeroLengthInputIsAnError) {
  const float dummy = 0.0f;
  for (const std::string& id : BlockRegistry::instance().ids()) {
    SCOPED_TRACE(id);
    auto block = make(id, id == "image" ? Params{{"in_width", 1}, {"in_height", 1}} : Params{});
    auto out = block->compute(&dummy, 0, 1, 100.0);
    ASSERT_FALSE(out.ok());
    EXPECT_NE(out.error().message.find("empty input"), std::string::npos);
    EXPECT_FALSE(block->compute(nullptr, 10, 1, 100.0).ok());
    EXPECT_FALSE(block->preview(&dummy, 0, 1, 100.0).ok());
  }
}

TEST(FeatureRegistry, UnknownBlocksParametersAndBadValuesAreRefused) {
  auto& reg = BlockRegistry::instance();
  EXPECT_EQ(reg.ids(),
            (std::vector<std::string>{"image", "logmel", "mfcc", "raw", "spectral", "stats"}));
  auto unknown = reg.create("wavelet");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("known: image, logmel"), std::string::npos);
  auto badKey = reg.create("spectral", {{"bins", 4}});
  ASSERT_FALSE(badKey.ok());
  EXPECT_NE(badKey.error().message.find("no parameter 'bins'"), std::string::npos);
  EXPECT_FALSE(reg.create("spectral", {{"bands", 0}}).ok());
  EXPECT_FALSE(reg.create("spectral", {{"bands", 2.5}}).ok());
  EXPECT_FALSE(reg.create("logmel", {{"n_fft", 128}, {"frame_length", 256}}).ok());
  EXPECT_FALSE(reg.create("mfcc", {{"n_mfcc", 30}, {"n_mels", 20}}).ok());
  EXPECT_FALSE(reg.create("image").ok()) << "in_width/in_height are required";
  EXPECT_FALSE(reg.create("stats", {{"x", std::nan("")}}).ok());

  auto spectral = reg.create("spectral");
  ASSERT_TRUE(spectral.ok());
  EXPECT_EQ((*spectral)->params(), (Params{{"bands", 8}, {"peaks", 3}}));
  // 8 samples give 5 bins, fewer than 8 bands.
  EXPECT_FALSE((*spectral)->outputDims(8, 1, 100.0).ok());
  const std::vector<float> eight(8, 1.0f);
  EXPECT_FALSE((*spectral)->compute(eight.data(), 8, 1, 100.0).ok());
  // fmax above Nyquist.
  auto mel = reg.create("logmel", {{"fmax", 5000}});
  ASSERT_TRUE(mel.ok());
  const Input audio = makeInput("audio");
  auto out = (*mel)->compute(audio.data.data(), audio.samples, 1, audio.rate);
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.error().message.find("Nyquist"), std::string::npos);
  // Image: wrong pixel count and a constant image with mean/std normalization.
  auto img = reg.create(
      "image", {{"in_width", 4}, {"in_height", 4}, {"normalize", 1}, {"width", 2}, {"height", 2}});
  ASSERT_TRUE(img.ok());
  const std::vector<float> flat(16, 3.0f);
  EXPECT_FALSE((*img)->compute(flat.data(), 15, 1, 0).ok());
  auto constant = (*img)->compute(flat.data(), 16, 1, 0);
  ASSERT_FALSE(constant.ok());
  EXPECT_NE(constant.error().message.find("constant"), std::string::npos);
}

TEST(FeaturePreview, SpectrumBinsAndFrequenciesMatchTheSines) {
  const Input in = makeInput("sines");
  auto p = make("spectral")->preview(in.data.data(), in.samples, in.channels, in.rate);
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->x.size(), 129u);
  EXPECT_DOUBLE_EQ(p->x[1], 100.0 / 256);
  EXPECT_DOUBLE_EQ(p->x.back(), 50.0);
  ASSERT_EQ(p->series.size(), 2u);
  // Channel 1 is 0.3 cos(2 pi 20 t) + 0.1: the strongest bin is the one nearest 20 Hz
  // (20 * 256 / 100 = 51.2 -> bin 51).
  const auto& ch1 = p->series[1];
  EXPECT_EQ(std::max_element(ch1.begin(), ch1.end()) - ch1.begin(), 51);
}

TEST(FeaturePreview, LogMelGridIsMelsByFramesAndMatchesCompute) {
  const Input in = makeInput("audio");
  auto block = make("logmel");
  auto p = block->preview(in.data.data(), in.samples, 1, in.rate);
  auto v = block->compute(in.data.data(), in.samples, 1, in.rate);
  ASSERT_TRUE(p.ok() && v.ok());
  EXPECT_EQ(p->rows, 20);
  EXPECT_EQ(p->cols, 6);  // 1 + (1000 - 256) / 128
  ASSERT_EQ(p->grid.size(), 120u);
  for (int f = 0; f < 6; ++f)
    for (int m = 0; m < 20; ++m)
      EXPECT_EQ(p->grid[static_cast<size_t>(m * 6 + f)], (*v)[static_cast<size_t>(f * 20 + m)]);

  auto mfcc = make("mfcc")->preview(in.data.data(), in.samples, 1, in.rate);
  ASSERT_TRUE(mfcc.ok());
  EXPECT_EQ(mfcc->rows, 13);
  EXPECT_EQ(mfcc->cols, 6);
}

TEST(FeaturePreview, RawStatsAndImagePreviews) {
  const Input in = makeInput("sines");
  auto raw = make("raw")->preview(in.data.data(), in.samples, in.channels, in.rate);
  ASSERT_TRUE(raw.ok());
  ASSERT_EQ(raw->series.size(), 2u);
  EXPECT_DOUBLE_EQ(raw->x[100], 1.0);  // sample 100 at 100 Hz
  EXPECT_FLOAT_EQ(static_cast<float>(raw->series[1][0]), 0.4f);
  auto stats = make("stats")->preview(in.data.data(), in.samples, in.channels, in.rate);
  ASSERT_TRUE(stats.ok());
  ASSERT_EQ(stats->series.size(), 2u);
  EXPECT_EQ(stats->series[0].size(), 6u);

  const Input img = makeInput("image_bgr");
  auto p = make("image", {{"in_width", 8}, {"in_height", 6}, {"width", 4}, {"height", 3}})
               ->preview(img.data.data(), img.samples, img.channels, 0);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->rows, 3);
  EXPECT_EQ(p->cols, 4);
  ASSERT_EQ(p->grid.size(), 12u);
  for (float v : p->grid) {
    EXPECT_GE(v, 0.0f);
    EXPECT_LE(v, 1.0f);
  }
}

TEST(Windowing, StartsStrideAndDroppedPartialWindow) {
  // 1 s at 100 Hz, 250 ms windows every 100 ms: 25-sample windows every 10 samples;
  // starts 0..70 fit (70 + 25 = 95 <= 100); 80 would end at 105 and is dropped.
  auto plan = planWindows(100, 100.0, 250.0, 100.0);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->windowSamples, 25u);
  EXPECT_EQ(plan->strideSamples, 10u);
  EXPECT_EQ(plan->starts, (std::vector<std::size_t>{0, 10, 20, 30, 40, 50, 60, 70}));
  // Exact fit keeps the last window.
  auto exact = planWindows(100, 100.0, 500.0, 250.0);
  ASSERT_TRUE(exact.ok());
  EXPECT_EQ(exact->starts, (std::vector<std::size_t>{0, 25, 50}));
  // Rounding: 10 ms at 8 kHz = 80 samples; 12.5 ms at 100 Hz = 1.25 -> 1 sample.
  EXPECT_EQ(planWindows(1000, 8000.0, 10.0, 10.0)->windowSamples, 80u);
  EXPECT_EQ(planWindows(10, 100.0, 12.5, 12.5)->strideSamples, 1u);
  // Shorter than one window: no windows, not an error.
  auto none = planWindows(10, 100.0, 250.0, 100.0);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->starts.empty());
  // Window or stride under one sample, bad rate: errors.
  EXPECT_FALSE(planWindows(100, 100.0, 2.0, 100.0).ok());
  EXPECT_FALSE(planWindows(100, 100.0, 100.0, 0.0).ok());
  EXPECT_FALSE(planWindows(100, 0.0, 100.0, 100.0).ok());
  EXPECT_FALSE(planWindows(100, std::nan(""), 100.0, 100.0).ok());
}
