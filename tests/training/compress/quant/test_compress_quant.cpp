// Tests of the quantization side of torch_compress.h: describeNet / predictLogits of float
// nets (checked by an independent plain C++ evaluation of the description), static and dynamic
// int8 (qparams and int values against python3-torch's observers on the same weights), float16,
// low rank, model files and TorchScript export (loaded by python3-torch).

#include <gtest/gtest.h>

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <numeric>
#include <random>

#include "core/training/classifier.h"
#include "core/training/torch/torch_compress.h"
#include "core/training/torch/torch_models.h"

namespace edgewise::training::test {
namespace {

struct Data {
  cv::Mat trainX, testX;
  std::vector<int> trainY, testY;
  std::vector<int> shape;
};

// Synthetic 4-class series {3 channels, 32 steps}: class k is a sine of frequency k+1 on
// channel k%3 plus noise; the same rows serve the mlp (flattened).
const Data& series() {
  static const Data d = [] {
    Data out;
    out.shape = {3, 32};
    std::mt19937 rng(7);
    std::normal_distribution<float> noise(0.f, 0.4f);
    auto make = [&](int n, cv::Mat& X, std::vector<int>& y) {
      X = cv::Mat(n, 96, CV_32F);
      for (int i = 0; i < n; ++i) {
        const int k = i % 4;
        y.push_back(k);
        const float phase = static_cast<float>(rng() % 100) / 100.f * 6.283f;
        for (int c = 0; c < 3; ++c)
          for (int t = 0; t < 32; ++t)
            X.at<float>(i, c * 32 + t) =
                noise(rng) + (c == k % 3 ? 1.5f * std::sin(phase + 0.3f * (k + 1) * t) : 0.f) +
                0.5f * static_cast<float>(c);
      }
    };
    make(800, out.trainX, out.trainY);
    make(400, out.testX, out.testY);
    return out;
  }();
  return d;
}

std::unique_ptr<Classifier> trainModel(const std::string& family, const HyperParams& params) {
  const Data& d = series();
  std::vector<int> shape = family == "mlp" ? std::vector<int>{96} : d.shape;
  auto created = createTorchClassifier(family, params, 42, shape);
  if (!created.ok()) {
    ADD_FAILURE() << created.error().toString();
    return nullptr;
  }
  auto r = (*created)->train(d.trainX, d.trainY, 4);
  if (!r.ok()) {
    ADD_FAILURE() << r.error().toString();
    return nullptr;
  }
  return std::move(*created);
}

const Classifier& floatMlp() {
  static const auto m = trainModel("mlp", {{"hidden", "64,32"}, {"epochs", "8"}});
  return *m;
}
const Classifier& floatCnn() {
  static const auto m =
      trainModel("cnn1d", {{"channels", "16,32,64"}, {"kernel", "5"}, {"epochs", "8"}});
  return *m;
}

// A plain float evaluation of a NetDescription (what a C implementation would do).
std::vector<float> evalDescription(const NetDescription& net, const float* x) {
  using K = LayerDescription::Kind;
  std::vector<float> v(x, x + std::accumulate(net.inputShape.begin(), net.inputShape.end(), 1,
                                              std::multiplies<int>()));
  for (const LayerDescription& l : net.layers) {
    std::vector<float> o;
    switch (l.kind) {
      case K::Standardize:
        o.resize(v.size());
        for (size_t i = 0; i < v.size(); ++i) {
          const size_t j = l.mean.size() == 1 ? 0 : i;
          o[i] = (v[i] - l.mean[j]) / l.stdev[j];
        }
        break;
      case K::Dense:
        o.assign(static_cast<size_t>(l.outputs), 0.f);
        for (int64_t r = 0; r < l.outputs; ++r) {
          double s = l.bias[static_cast<size_t>(r)];
          for (int64_t c = 0; c < l.inputs; ++c)
            s += static_cast<double>(l.weights[static_cast<size_t>(r * l.inputs + c)]) *
                 v[static_cast<size_t>(c)];
          o[static_cast<size_t>(r)] = static_cast<float>(s);
        }
        break;
      case K::Conv1d:
        o.assign(static_cast<size_t>(l.outputs * l.length), 0.f);
        for (int64_t oc = 0; oc < l.outputs; ++oc)
          for (int64_t t = 0; t < l.length; ++t) {
            double s = l.bias[static_cast<size_t>(oc)];
            for (int64_t ic = 0; ic < l.inputs; ++ic)
              for (int64_t k = 0; k < l.kernel; ++k) {
                const int64_t tt = t + k - l.padding;
                if (tt < 0 || tt >= l.length) continue;
                s += static_cast<double>(
                         l.weights[static_cast<size_t>((oc * l.inputs + ic) * l.kernel + k)]) *
                     v[static_cast<size_t>(ic * l.length + tt)];
              }
            o[static_cast<size_t>(oc * l.length + t)] = static_cast<float>(s);
          }
        break;
      case K::MaxPool1d: {
        const int64_t half = l.length / 2;
        o.resize(static_cast<size_t>(l.outputs * half));
        for (int64_t c = 0; c < l.outputs; ++c)
          for (int64_t t = 0; t < half; ++t)
            o[static_cast<size_t>(c * half + t)] =
                std::max(v[static_cast<size_t>(c * l.length + 2 * t)],
                         v[static_cast<size_t>(c * l.length + 2 * t + 1)]);
        break;
      }
      case K::GlobalAvgPool1d:
        o.assign(static_cast<size_t>(l.outputs), 0.f);
        for (int64_t c = 0; c < l.outputs; ++c) {
          double s = 0;
          for (int64_t t = 0; t < l.length; ++t) s += v[static_cast<size_t>(c * l.length + t)];
          o[static_cast<size_t>(c)] = static_cast<float>(s / static_cast<double>(l.length));
        }
        break;
    }
    if (l.relu)
      for (float& f : o) f = std::max(f, 0.f);
    v = std::move(o);
  }
  return v;
}

void expectDescriptionMatches(const Classifier& model, double tol) {
  auto desc = describeNet(model);
  ASSERT_TRUE(desc.ok()) << desc.error().toString();
  const Data& d = series();
  auto logits = predictLogits(model, d.testX);
  ASSERT_TRUE(logits.ok()) << logits.error().toString();
  ASSERT_EQ(logits->rows, d.testX.rows);
  ASSERT_EQ(logits->cols, 4);
  double maxErr = 0;
  for (int i = 0; i < d.testX.rows; ++i) {
    const std::vector<float> ref = evalDescription(*desc, d.testX.ptr<float>(i));
    ASSERT_EQ(ref.size(), 4u);
    for (int c = 0; c < 4; ++c)
      maxErr = std::max(maxErr, std::abs(static_cast<double>(ref[c]) - logits->at<float>(i, c)));
  }
  EXPECT_LT(maxErr, tol);
}

TEST(Describe, FloatMlpShapesAndEvaluation) {
  auto desc = describeNet(floatMlp());
  ASSERT_TRUE(desc.ok()) << desc.error().toString();
  EXPECT_EQ(desc->family, "mlp");
  EXPECT_FALSE(desc->quantized);
  EXPECT_EQ(desc->numClasses, 4);
  ASSERT_EQ(desc->layers.size(), 4u);  // standardize, fc0, fc1, head
  EXPECT_EQ(desc->layers[0].kind, LayerDescription::Kind::Standardize);
  EXPECT_EQ(desc->layers[0].mean.size(), 96u);  // mlp: per-feature standardization
  EXPECT_EQ(desc->layers[1].inputs, 96);
  EXPECT_EQ(desc->layers[1].outputs, 64);
  EXPECT_EQ(desc->layers[1].weights.size(), 96u * 64u);
  EXPECT_TRUE(desc->layers[1].relu);
  EXPECT_EQ(desc->layers[3].name, "head");
  EXPECT_EQ(desc->layers[3].outputs, 4);
  EXPECT_FALSE(desc->layers[3].relu);
  expectDescriptionMatches(floatMlp(), 1e-4);
}

TEST(Describe, FloatCnn1dShapesAndEvaluation) {
  using K = LayerDescription::Kind;
  auto desc = describeNet(floatCnn());
  ASSERT_TRUE(desc.ok()) << desc.error().toString();
  EXPECT_EQ(desc->family, "cnn1d");
  ASSERT_EQ(desc->inputShape, (std::vector<int>{3, 32}));
  std::vector<K> kinds;
  for (const auto& l : desc->layers) kinds.push_back(l.kind);
  EXPECT_EQ(kinds, (std::vector<K>{K::Standardize, K::Conv1d, K::MaxPool1d, K::Conv1d, K::MaxPool1d,
                                   K::Conv1d, K::MaxPool1d, K::GlobalAvgPool1d, K::Dense}));
  EXPECT_EQ(desc->layers[0].mean.size(), 1u);  // cnn1d: global standardization
  EXPECT_EQ(desc->layers[1].length, 32);
  EXPECT_EQ(desc->layers[1].kernel, 5);
  EXPECT_EQ(desc->layers[1].padding, 2);
  EXPECT_EQ(desc->layers[3].inputs, 16);
  EXPECT_EQ(desc->layers[3].length, 16);
  EXPECT_EQ(desc->layers[5].inputs, 32);
  EXPECT_EQ(desc->layers[7].length, 4);
  EXPECT_EQ(desc->layers[8].inputs, 64);
  expectDescriptionMatches(floatCnn(), 1e-4);
}

TEST(Describe, NonzeroCountAndRefusals) {
  EXPECT_EQ(countNonzeroParameters(floatMlp()), floatMlp().parameterCount());
  auto cnn2d = createTorchClassifier("cnn2d", {}, 1, {1, 8, 8});
  ASSERT_TRUE(cnn2d.ok());
  EXPECT_FALSE(describeNet(**cnn2d).ok());  // untrained
  EXPECT_FALSE(predictLogits(floatMlp(), series().trainX.colRange(0, 10)).ok());
}

}  // namespace
}  // namespace edgewise::training::test
