// Tests of the C99 export (core/training/export_c): the generated code compiles with the host
// C compiler in strict C99 mode (-Wall -Wextra -Werror -pedantic); hand-built float and int8
// networks give the outputs of an independent C++ evaluation of the NetDescription; the feature
// code agrees with the desktop feature blocks; unsupported cases are refused; the MCU estimate
// counts what it says. No LibTorch here: test_c_export_torch.cpp checks real trained models.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <set>
#include <sstream>

#include <unistd.h>

#include "core/dataset/features/feature_block.h"
#include "core/training/export_c/c_export.h"
#include "tests/training/compress/export_c/c_export_test_common.h"

#ifndef EW_TEST_C_COMPILER
#define EW_TEST_C_COMPILER "cc"
#endif

namespace edgewise::training::test {
namespace {

// ---- hand-built networks ------------------------------------------------------------------

std::vector<float> randomVector(std::mt19937& rng, size_t n, float scale) {
  std::normal_distribution<float> d(0.0f, scale);
  std::vector<float> v(n);
  for (float& x : v) x = d(rng);
  return v;
}

LayerDescription dense(std::mt19937& rng, const std::string& name, int in, int out, bool relu) {
  LayerDescription l;
  l.kind = Kind::Dense;
  l.name = name;
  l.inputs = in;
  l.outputs = out;
  l.relu = relu;
  l.weights = randomVector(rng, static_cast<size_t>(in * out), 1.0f / std::sqrt(float(in)));
  l.bias = randomVector(rng, static_cast<size_t>(out), 0.1f);
  return l;
}

LayerDescription conv(std::mt19937& rng, const std::string& name, int in, int out, int k, int len) {
  LayerDescription l;
  l.kind = Kind::Conv1d;
  l.name = name;
  l.inputs = in;
  l.outputs = out;
  l.kernel = k;
  l.padding = k / 2;
  l.length = len;
  l.relu = true;
  l.weights = randomVector(rng, static_cast<size_t>(in * out * k), 1.0f / std::sqrt(float(in * k)));
  l.bias = randomVector(rng, static_cast<size_t>(out), 0.1f);
  return l;
}

LayerDescription pool(Kind kind, int ch, int len) {
  LayerDescription l;
  l.kind = kind;
  l.name = kind == Kind::MaxPool1d ? "pool" : "mean";
  l.inputs = l.outputs = ch;
  l.length = len;
  return l;
}

LayerDescription standardize(std::mt19937& rng, int n, bool perFeature) {
  LayerDescription l;
  l.kind = Kind::Standardize;
  l.name = "standardize";
  l.inputs = l.outputs = n;
  const size_t m = perFeature ? static_cast<size_t>(n) : 1;
  l.mean = randomVector(rng, m, 0.3f);
  l.stdev.resize(m);
  std::uniform_real_distribution<float> u(0.5f, 2.0f);
  for (float& s : l.stdev) s = u(rng);
  return l;
}

NetDescription handMlp(uint64_t seed) {
  std::mt19937 rng(static_cast<unsigned>(seed));
  NetDescription n;
  n.family = "mlp";
  n.inputShape = {12};
  n.numClasses = 4;
  n.layers = {standardize(rng, 12, true), dense(rng, "fc0", 12, 16, true),
              dense(rng, "fc1", 16, 8, true), dense(rng, "head", 8, 4, false)};
  return n;
}

NetDescription handCnn(uint64_t seed) {
  std::mt19937 rng(static_cast<unsigned>(seed));
  NetDescription n;
  n.family = "cnn1d";
  n.inputShape = {3, 20};
  n.numClasses = 5;
  n.layers = {standardize(rng, 60, false),    conv(rng, "conv0", 3, 6, 5, 20),
              pool(Kind::MaxPool1d, 6, 20),   conv(rng, "conv1", 6, 8, 3, 10),
              pool(Kind::MaxPool1d, 8, 10),   pool(Kind::GlobalAvgPool1d, 8, 5),
              dense(rng, "head", 8, 5, false)};
  return n;
}

// Static int8 version of a float net: per-channel symmetric int8 weights, uint8 activations
// whose ranges come from running `calib` rows through the float net (min/max observer).
NetDescription quantize(const NetDescription& f, const std::vector<std::vector<float>>& calib) {
  NetDescription q = f;
  q.quantized = true;
  auto qparams = [](float lo, float hi) {
    lo = std::min(lo, 0.0f);
    hi = std::max(hi, 0.0f);
    QuantParams p;
    p.scale = std::max(1e-8, static_cast<double>(hi - lo) / 255.0);
    p.zeroPoint = std::clamp(static_cast<int>(std::lround(-lo / p.scale)), 0, 255);
    return p;
  };
  // Ranges of every layer's input/output on the calibration rows (float net, prefix by prefix).
  for (size_t li = 0; li < q.layers.size(); ++li) {
    LayerDescription& l = q.layers[li];
    if (l.kind != Kind::Dense && l.kind != Kind::Conv1d) continue;
    NetDescription prefix = f;
    prefix.layers.assign(f.layers.begin(), f.layers.begin() + static_cast<long>(li));
    NetDescription upto = f;
    upto.layers.assign(f.layers.begin(), f.layers.begin() + static_cast<long>(li) + 1);
    float inLo = 0, inHi = 0, outLo = 0, outHi = 0;
    for (const auto& row : calib) {
      for (float v : referenceLogits(prefix, row))
        inLo = std::min(inLo, v), inHi = std::max(inHi, v);
      for (float v : referenceLogits(upto, row))
        outLo = std::min(outLo, v), outHi = std::max(outHi, v);
    }
    l.inputQuant = qparams(inLo, inHi);
    l.outputQuant = qparams(outLo, outHi);
    const int64_t per = static_cast<int64_t>(l.weights.size()) / l.outputs;
    l.qweights.resize(l.weights.size());
    l.weightScales.resize(static_cast<size_t>(l.outputs));
    for (int64_t o = 0; o < l.outputs; ++o) {
      float mx = 1e-8f;
      for (int64_t i = 0; i < per; ++i) mx = std::max(mx, std::abs(l.weights[o * per + i]));
      l.weightScales[o] = mx / 127.0;
      for (int64_t i = 0; i < per; ++i) {
        const int v = static_cast<int>(std::nearbyint(l.weights[o * per + i] / l.weightScales[o]));
        l.qweights[o * per + i] = static_cast<int8_t>(std::clamp(v, -127, 127));
        l.weights[o * per + i] = static_cast<float>(l.qweights[o * per + i] * l.weightScales[o]);
      }
    }
  }
  return q;
}

CFeatureSpec tabularSpec(int d) {
  CFeatureSpec s;
  s.kind = "tabular";
  s.length = d;
  return s;
}

void expectMatches(const NetDescription& net, const std::vector<std::vector<float>>& rows,
                   const CRun& c, double tol, const std::string& what) {
  ASSERT_EQ(c.classes.size(), rows.size()) << what;
  double maxErr = 0.0;
  int sameClass = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    const std::vector<float> ref = referenceLogits(net, rows[i]);
    for (size_t k = 0; k < ref.size(); ++k)
      maxErr = std::max(maxErr, static_cast<double>(std::abs(ref[k] - c.logits[i][k])));
    sameClass += argmax(ref) == c.classes[i];
  }
  std::cout << "[ " << what << " ] " << rows.size() << " rows, same class " << sameClass
            << ", max |logit error| " << maxErr << "\n";
  EXPECT_EQ(sameClass, static_cast<int>(rows.size())) << what;
  EXPECT_LE(maxErr, tol) << what;
}

TEST(CExport, FloatMlpMatchesReference) {
  const NetDescription net = handMlp(1);
  std::mt19937 rng(7);
  std::vector<std::vector<float>> rows;
  for (int i = 0; i < 200; ++i) rows.push_back(randomVector(rng, 12, 1.5f));
  const fs::path dir = makeTempDir("float-mlp");
  const CRun c = exportCompileRun(net, tabularSpec(12), dir, rows, /*rawMode=*/true);
  expectMatches(net, rows, c, 1e-5, "hand float mlp");
  // The reference is not trivially constant: several classes occur.
  std::set<int> classes(c.classes.begin(), c.classes.end());
  EXPECT_GE(classes.size(), 3u);
}

TEST(CExport, FloatCnn1dFromRawSeriesMatchesReference) {
  const NetDescription net = handCnn(2);
  std::mt19937 rng(8);
  std::vector<std::vector<float>> raws, rows;
  for (int i = 0; i < 150; ++i) {
    raws.push_back(randomVector(rng, 60, 1.0f));
    rows.push_back(transpose(raws.back(), 3, 20));
  }
  const fs::path dir = makeTempDir("float-cnn");
  const CRun c = exportCompileRun(net, seriesSpec(3, 20), dir, raws, /*rawMode=*/true);
  expectMatches(net, rows, c, 1e-5, "hand float cnn1d (raw series, features in C)");
}

TEST(CExport, Int8MlpAndCnn1dMatchReferenceExactly) {
  std::mt19937 rng(9);
  {
    const NetDescription f = handMlp(3);
    std::vector<std::vector<float>> rows, calib;
    for (int i = 0; i < 64; ++i) calib.push_back(randomVector(rng, 12, 1.5f));
    for (int i = 0; i < 300; ++i) rows.push_back(randomVector(rng, 12, 1.5f));
    const NetDescription q = quantize(f, calib);
    const CRun c = exportCompileRun(q, tabularSpec(12), makeTempDir("int8-mlp"), rows, false);
    // Same uint8 arithmetic: identical classes and logits (both dequantize the same uint8).
    expectMatches(q, rows, c, 1e-6, "hand int8 mlp");
    // And int8 stays close to the float net it came from.
    int agree = 0;
    for (size_t i = 0; i < rows.size(); ++i)
      agree += argmax(referenceLogits(f, rows[i])) == c.classes[i];
    std::cout << "[ hand int8 mlp ] agrees with its float net on " << agree << "/" << rows.size()
              << "\n";
    EXPECT_GE(agree, static_cast<int>(rows.size() * 0.9));
  }
  {
    const NetDescription f = handCnn(4);
    std::vector<std::vector<float>> raws, rows, calib;
    for (int i = 0; i < 64; ++i) calib.push_back(randomVector(rng, 60, 1.0f));
    for (int i = 0; i < 200; ++i) {
      raws.push_back(randomVector(rng, 60, 1.0f));
      rows.push_back(transpose(raws.back(), 3, 20));
    }
    const NetDescription q = quantize(f, calib);
    const CRun c = exportCompileRun(q, seriesSpec(3, 20), makeTempDir("int8-cnn"), raws, true);
    expectMatches(q, rows, c, 1e-6, "hand int8 cnn1d");
  }
}

TEST(CExport, StatsAndImageFeaturesMatchTheDesktopBlocks) {
  // stats block: C (double precision) vs the desktop block, whose values are checked
  // against NumPy in tests/dataset/features.
  std::mt19937 rng(10);
  const int channels = 3, length = 40;
  std::mt19937 wr(11);
  NetDescription net;
  net.family = "mlp";
  net.inputShape = {channels * 6};
  net.numClasses = channels * 6;
  LayerDescription id;
  id.kind = Kind::Dense;
  id.name = "identity";
  id.inputs = id.outputs = channels * 6;
  id.weights.assign(static_cast<size_t>(36 * channels * channels), 0.0f);
  for (int i = 0; i < channels * 6; ++i) id.weights[i * channels * 6 + i] = 1.0f;
  id.bias.assign(static_cast<size_t>(channels * 6), 0.0f);
  net.layers = {id};
  auto block = features::BlockRegistry::instance().create("stats");
  ASSERT_TRUE(block.ok());
  std::vector<std::vector<float>> raws;
  for (int i = 0; i < 20; ++i) raws.push_back(randomVector(rng, channels * length, 2.0f));
  raws[0].assign(raws[0].size(), 0.7f);  // a constant window: std 0, no crossings
  const CRun c = exportCompileRun(net, seriesSpec(channels, length, "stats"), makeTempDir("stats"),
                                  raws, true);
  ASSERT_EQ(c.logits.size(), raws.size());
  for (size_t i = 0; i < raws.size(); ++i) {
    auto ref = block.value()->compute(raws[i].data(), length, channels, 50.0);
    ASSERT_TRUE(ref.ok());
    for (int k = 0; k < channels * 6; ++k)
      EXPECT_EQ(c.logits[i][k], (*ref)[k]) << "row " << i << " value " << k;
  }
  EXPECT_EQ(c.logits[0][1], 0.0f);
  EXPECT_EQ(c.logits[0][5], 0.0f);

  // Default image features: BGR interleaved bytes -> pixel / 255, channel-major.
  CFeatureSpec img;
  img.kind = "image";
  img.channels = 3;
  img.height = 4;
  img.width = 5;
  NetDescription inet = net;
  inet.inputShape = {3, 4, 5};
  inet.numClasses = 60;
  inet.layers[0].inputs = inet.layers[0].outputs = 60;
  inet.layers[0].weights.assign(3600, 0.0f);
  for (int i = 0; i < 60; ++i) inet.layers[0].weights[i * 60 + i] = 1.0f;
  inet.layers[0].bias.assign(60, 0.0f);
  std::vector<std::vector<uint8_t>> pix(3, std::vector<uint8_t>(60));
  for (auto& p : pix)
    for (auto& v : p) v = static_cast<uint8_t>(wr() % 256);
  const CRun ci = exportCompileRun(inet, img, makeTempDir("image"), pix, true);
  ASSERT_EQ(ci.logits.size(), 3u);
  for (int n = 0; n < 3; ++n)
    for (int p = 0; p < 20; ++p)
      for (int ch = 0; ch < 3; ++ch)
        EXPECT_EQ(ci.logits[n][ch * 20 + p], static_cast<float>(pix[n][p * 3 + ch]) / 255.0f);
}

TEST(CExport, RefusesWhatItCannotExport) {
  NetDescription net = handMlp(5);
  const fs::path dir = makeTempDir("refuse");
  CFeatureSpec logmel = seriesSpec(1, 12, "logmel");
  auto r = exportC99(net, logmel, dir.string());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().toString().find("logmel"), std::string::npos) << r.error().toString();

  CFeatureSpec audio;
  audio.kind = "audio";
  audio.rateHz = 12;
  r = exportC99(net, audio, dir.string());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().toString().find("mfcc"), std::string::npos) << r.error().toString();

  NetDescription cnn2d = net;
  cnn2d.family = "cnn2d";
  r = exportC99(cnn2d, tabularSpec(12), dir.string());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().toString().find("cnn2d"), std::string::npos) << r.error().toString();

  r = exportC99(net, tabularSpec(13), dir.string());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().toString().find("13"), std::string::npos) << r.error().toString();

  NetDescription broken = net;
  broken.layers[1].weights.pop_back();
  r = exportC99(broken, tabularSpec(12), dir.string());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().toString().find("fc0"), std::string::npos) << r.error().toString();
  EXPECT_FALSE(fs::exists(dir / "edgewise_model.c"));
}

TEST(CExport, EstimateCountsWeightsBuffersAndMeasuredCode) {
  const NetDescription f = handMlp(6);
  // Weights: standardize 12 + 12 floats, dense 12*16+16, 16*8+8, 8*4+4 floats.
  const int64_t floatBytes = 4 * (24 + 12 * 16 + 16 + 16 * 8 + 8 + 8 * 4 + 4);
  McuEstimate e = estimateMcu(f, tabularSpec(12), EW_TEST_C_COMPILER);
  EXPECT_EQ(e.weightBytes, floatBytes);
  // Activations: f0 holds 12 then 8 floats, f1 16 then 4; plus the 4 logits.
  EXPECT_EQ(e.activationBytes, 4 * (12 + 16 + 4));
  EXPECT_EQ(e.featureBytes, 4 * (12 + 12));
  EXPECT_EQ(e.ramBytes, e.activationBytes + e.featureBytes);
  EXPECT_NE(e.codeMethod.find("measured"), std::string::npos) << e.codeMethod;
  EXPECT_GT(e.codeBytes, 200);
  EXPECT_LT(e.codeBytes, 20000);
  EXPECT_EQ(e.flashBytes, e.weightBytes + e.codeBytes);
  std::cout << "[ estimate hand float mlp ] flash " << e.flashBytes << " (weights " << e.weightBytes
            << ", code " << e.codeBytes << "), ram " << e.ramBytes << "\n";

  std::mt19937 rng(1);
  std::vector<std::vector<float>> calib;
  for (int i = 0; i < 32; ++i) calib.push_back(randomVector(rng, 12, 1.5f));
  const NetDescription q = quantize(f, calib);
  McuEstimate eq = estimateMcu(q, tabularSpec(12), EW_TEST_C_COMPILER);
  // int8: 1 byte per weight + int32 bias + float multiplier per output; float standardize.
  const int64_t qBytes = 4 * 24 + (12 * 16 + 16 * 8 + 8 * 4) + 8 * (16 + 8 + 4);
  EXPECT_EQ(eq.weightBytes, qBytes);
  // uint8 buffers q0 (12 standardized+quantized inputs, then 8) and q1 (16, then 4); float f0
  // for the 4 dequantized logits, plus the 4 logits.
  EXPECT_EQ(eq.activationBytes, 12 + 16 + 4 * (4 + 4));
  std::cout << "[ estimate hand int8 mlp ] flash " << eq.flashBytes << " (weights "
            << eq.weightBytes << ", code " << eq.codeBytes << "), ram " << eq.ramBytes << "\n";

  McuEstimate none = estimateMcu(f, tabularSpec(12), "none");
  EXPECT_EQ(none.codeBytes, kCodeBytesConstant);
}

}  // namespace
}  // namespace edgewise::training::test
