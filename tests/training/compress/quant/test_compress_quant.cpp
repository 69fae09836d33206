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
#include <iostream>
#include <numeric>
#include <random>

#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>

#include "core/training/classifier.h"
#include "core/training/model_file.h"
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

// ---- helpers for the variants ---------------------------------------------------------------

double accuracy(const Classifier& m, const cv::Mat& X, const std::vector<int>& y) {
  const std::vector<int> p = m.predictBatch(X);
  int ok = 0;
  for (size_t i = 0; i < y.size(); ++i) ok += p[i] == y[i];
  return static_cast<double>(ok) / static_cast<double>(y.size());
}

cv::Mat calibRows(int n) {
  return series().trainX.rowRange(0, n).clone();
}

std::string readBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}
void writeBytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}
template <typename T>
void writeArray(const std::string& path, const std::vector<T>& v) {
  writeBytes(path, std::string(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T)));
}

QString python() {
  return qEnvironmentVariable("EDGEWISE_PYTHON3", QStringLiteral("/usr/bin/python3"));
}

// Runs quant_reference.py and parses its JSON output.
nlohmann::json runReference(const QStringList& args) {
  QProcess p;
  p.start(python(), QStringList{qEnvironmentVariable("EDGEWISE_QUANT_REFERENCE")} + args);
  if (!p.waitForFinished(120000) || p.exitCode() != 0) {
    ADD_FAILURE() << "quant_reference.py failed: " << p.readAllStandardError().toStdString();
    return {};
  }
  return nlohmann::json::parse(p.readAllStandardOutput().toStdString());
}

double maxAbsDiff(const cv::Mat& a, const cv::Mat& b) {
  return cv::norm(a, b, cv::NORM_INF);
}

// Saves the variant, checks the size ratio against the parent's file, reloads it through
// loadTorchClassifier and checks identical predictions and logits.
void checkSaveLoad(const Classifier& variant, const Classifier& parent, double maxRatio) {
  QTemporaryDir dir;
  const std::string vPath = dir.filePath(QStringLiteral("v.ewm")).toStdString();
  const std::string pPath = dir.filePath(QStringLiteral("p.ewm")).toStdString();
  ASSERT_TRUE(variant.save(vPath).ok());
  ASSERT_TRUE(parent.save(pPath).ok());
  const double vSize = static_cast<double>(readBytes(vPath).size());
  const double pSize = static_cast<double>(readBytes(pPath).size());
  EXPECT_EQ(variant.sizeBytes(), static_cast<int64_t>(vSize));
  EXPECT_LE(vSize / pSize, maxRatio) << variant.id() << " " << vSize << " vs parent " << pSize;
  std::cout << "[measure] " << variant.id() << " file " << vSize << " B, parent " << pSize
            << " B, ratio 1/" << pSize / vSize << "\n";
  auto loaded = loadTorchClassifier(vPath);
  ASSERT_TRUE(loaded.ok()) << loaded.error().toString();
  EXPECT_EQ((*loaded)->id(), variant.id());
  EXPECT_EQ((*loaded)->parameterCount(), variant.parameterCount());
  const cv::Mat& X = series().testX;
  EXPECT_EQ((*loaded)->predictBatch(X), variant.predictBatch(X));
  auto a = predictLogits(variant, X);
  auto b = predictLogits(**loaded, X);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(maxAbsDiff(*a, *b), 0.0);
}

// Median single-row latency in microseconds over the first rows of the test split.
double medianLatencyUs(const Classifier& m) {
  const cv::Mat& X = series().testX;
  for (int i = 0; i < 20; ++i) m.predict(X.ptr<float>(i), X.cols);
  std::vector<double> t;
  for (int i = 0; i < 200; ++i) {
    const auto start = std::chrono::steady_clock::now();
    m.predict(X.ptr<float>(i % X.rows), X.cols);
    t.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
                    .count());
  }
  std::nth_element(t.begin(), t.begin() + 100, t.end());
  return t[100];
}

// ---- static int8 --------------------------------------------------------------------------

TEST(Quant, EnginesListed) {
  const auto engines = quantizedEngines();
  ASSERT_FALSE(engines.empty());
  EXPECT_NE(std::find(engines.begin(), engines.end(), "qnnpack"), engines.end());
  QuantizeOptions o;
  o.engine = "no-such-engine";
  EXPECT_FALSE(quantizeStaticInt8(floatMlp(), calibRows(16), o).ok());
}

// The int8 weights, weight scales and activation qparams of fc0 against python3-torch's
// observers on the same weights and calibration rows.
TEST(Quant, MatchesTorchObservers) {
  const cv::Mat calib = calibRows(256);
  auto q = quantizeStaticInt8(floatMlp(), calib);
  ASSERT_TRUE(q.ok()) << q.error().toString();
  auto fdesc = describeNet(floatMlp());
  auto qdesc = describeNet(*q->model);
  ASSERT_TRUE(fdesc.ok() && qdesc.ok());
  ASSERT_TRUE(qdesc->quantized);
  const LayerDescription& f = fdesc->layers[1];
  const LayerDescription& l = qdesc->layers[1];
  ASSERT_EQ(l.name, "fc0");
  ASSERT_EQ(l.qweights.size(), f.weights.size());
  ASSERT_EQ(l.weightScales.size(), static_cast<size_t>(f.outputs));

  QTemporaryDir dir;
  const std::string d = dir.path().toStdString();
  writeArray(d + "/w.bin", f.weights);
  writeArray(d + "/b.bin", f.bias);
  writeArray(d + "/mean.bin", fdesc->layers[0].mean);
  writeArray(d + "/std.bin", fdesc->layers[0].stdev);
  writeArray(d + "/x.bin",
             std::vector<float>(calib.ptr<float>(), calib.ptr<float>() + calib.total()));
  writeBytes(d + "/meta.json", nlohmann::json{{"w_shape", {f.outputs, f.inputs}},
                                              {"x_shape", {calib.rows, calib.cols}},
                                              {"norm", fdesc->layers[0].mean.size()}}
                                   .dump());
  const auto ref = runReference({QStringLiteral("qparams"), dir.path()});
  ASSERT_TRUE(ref.contains("w_scales"));
  for (size_t c = 0; c < l.weightScales.size(); ++c)
    EXPECT_NEAR(l.weightScales[c], ref["w_scales"][c].get<double>(),
                1e-6 * ref["w_scales"][c].get<double>())
        << "channel " << c;
  int mismatches = 0;
  for (size_t i = 0; i < l.qweights.size(); ++i)
    mismatches += l.qweights[i] != ref["w_int"][i].get<int>();
  EXPECT_EQ(mismatches, 0);
  EXPECT_NEAR(l.inputQuant.scale, ref["in_scale"].get<double>(), 1e-6 * l.inputQuant.scale);
  EXPECT_EQ(l.inputQuant.zeroPoint, ref["in_zp"].get<int>());
  // The output range comes from a matrix product (summation order may differ): 1e-5.
  EXPECT_NEAR(l.outputQuant.scale, ref["out_scale"].get<double>(), 1e-5 * l.outputQuant.scale);
  EXPECT_EQ(l.outputQuant.zeroPoint, ref["out_zp"].get<int>());
  // The dequantized weights are what the int8 values represent.
  for (size_t i = 0; i < 50; ++i)
    EXPECT_FLOAT_EQ(
        l.weights[i],
        static_cast<float>(l.qweights[i] * static_cast<float>(l.weightScales[i / l.inputs])));
}

void checkStaticInt8(const Classifier& parent, const char* expectedId, size_t layers) {
  const Data& d = series();
  auto q = quantizeStaticInt8(parent, calibRows(256));
  ASSERT_TRUE(q.ok()) << q.error().toString();
  const Classifier& v = *q->model;
  EXPECT_EQ(v.id(), expectedId);
  EXPECT_EQ(v.parameterCount(), parent.parameterCount());
  EXPECT_GT(q->paramsNonzero, v.parameterCount() * 9 / 10);
  const double fAcc = accuracy(parent, d.testX, d.testY);
  const double qAcc = accuracy(v, d.testX, d.testY);
  std::cout << "[measure] " << expectedId << " accuracy float " << fAcc << " int8 " << qAcc
            << ", p50 single-row latency float " << medianLatencyUs(parent) << " us, int8 "
            << medianLatencyUs(v) << " us\n";
  EXPECT_GE(qAcc, fAcc - 0.01);
  EXPECT_GT(fAcc, 0.8);
  ASSERT_EQ(q->layerErrors.size(), layers);
  for (const auto& e : q->layerErrors) {
    std::cout << "[measure] " << expectedId << " " << e.layer << " SQNR " << e.sqnrDb << " dB\n";
    EXPECT_GT(e.sqnrDb, 20.0) << e.layer;
  }
  auto scores = v.predictScores(d.testX.rowRange(0, 5));
  ASSERT_TRUE(scores.ok());
  for (int i = 0; i < 5; ++i) EXPECT_NEAR(cv::sum(scores->row(i))[0], 1.0, 1e-5);
  checkSaveLoad(v, parent, 1.0 / 3.8);
  EXPECT_FALSE(quantizeStaticInt8(v, calibRows(8)).ok());  // a variant is not a parent
}

TEST(Quant, StaticInt8Mlp) {
  checkStaticInt8(floatMlp(), "mlp-int8", 3);
}

TEST(Quant, StaticInt8Cnn1d) {
  checkStaticInt8(floatCnn(), "cnn1d-int8", 4);
}

TEST(Quant, DynamicInt8AndFloat16) {
  const Data& d = series();
  for (const Classifier* parent : {&floatMlp(), &floatCnn()}) {
    auto fl = predictLogits(*parent, d.testX);
    ASSERT_TRUE(fl.ok());
    auto dq = quantizeDynamicInt8(*parent);
    ASSERT_TRUE(dq.ok()) << dq.error().toString();
    EXPECT_EQ(dq->model->id(), parent->id() + "-dint8");
    EXPECT_GE(accuracy(*dq->model, d.testX, d.testY), accuracy(*parent, d.testX, d.testY) - 0.01);
    EXPECT_FALSE(describeNet(*dq->model).ok());
    checkSaveLoad(*dq->model, *parent, parent->id() == "mlp" ? 1.0 / 3.5 : 1.0);

    auto h = convertFloat16(*parent);
    ASSERT_TRUE(h.ok()) << h.error().toString();
    EXPECT_EQ(h->model->id(), parent->id() + "-fp16");
    auto hl = predictLogits(*h->model, d.testX);
    ASSERT_TRUE(hl.ok());
    EXPECT_LT(maxAbsDiff(*fl, *hl), 1e-2);
    EXPECT_GT(maxAbsDiff(*fl, *hl), 0.0);  // really rounded
    checkSaveLoad(*h->model, *parent, 0.6);
    expectDescriptionMatches(*h->model, 1e-4);
  }
}

TEST(Quant, LowRank) {
  const Data& d = series();
  auto r = lowRankFactorize(floatMlp(), 8, 0.0, {});
  ASSERT_TRUE(r.ok()) << r.error().toString();
  EXPECT_EQ(r->model->id(), "mlp-lowrank");
  // fc0 64x96 -> 8x96 + 64x8, fc1 32x64 -> 8x64 + 32x8, head 4x32 kept (rank 8 is not smaller).
  const int64_t expected = (8 * 96 + 64 * 8 + 64) + (8 * 64 + 32 * 8 + 32) + (4 * 32 + 4);
  EXPECT_EQ(r->model->parameterCount(), expected);
  EXPECT_LT(r->model->parameterCount(), floatMlp().parameterCount());
  auto desc = describeNet(*r->model);
  ASSERT_TRUE(desc.ok());
  ASSERT_EQ(desc->layers.size(), 6u);
  EXPECT_EQ(desc->layers[1].name, "fc0_a");
  EXPECT_EQ(desc->layers[1].outputs, 8);
  EXPECT_FALSE(desc->layers[1].relu);
  EXPECT_EQ(desc->layers[2].inputs, 8);
  EXPECT_TRUE(desc->layers[2].relu);
  expectDescriptionMatches(*r->model, 1e-4);
  checkSaveLoad(*r->model, floatMlp(), 0.6);
  std::cout << "[measure] mlp-lowrank rank 8 accuracy " << accuracy(*r->model, d.testX, d.testY)
            << " (float " << accuracy(floatMlp(), d.testX, d.testY) << ")\n";
  // Full energy keeps the function: logits equal to float rounding.
  auto full = lowRankFactorize(floatMlp(), 0, 0.5, {});
  ASSERT_TRUE(full.ok()) << full.error().toString();
  EXPECT_FALSE(lowRankFactorize(floatMlp(), 200, 0.0, {}).ok());  // nothing gets smaller
  EXPECT_FALSE(lowRankFactorize(floatMlp(), 0, 1.5, {}).ok());
}

// ---- TorchScript ----------------------------------------------------------------------------

TEST(Quant, TorchScriptOfVariantsInPython) {
  const Data& d = series();
  QTemporaryDir dir;
  const std::string xPath = dir.filePath(QStringLiteral("x.bin")).toStdString();
  writeArray(xPath,
             std::vector<float>(d.testX.ptr<float>(), d.testX.ptr<float>() + d.testX.total()));
  auto qm = quantizeStaticInt8(floatMlp(), calibRows(256));
  auto qc = quantizeStaticInt8(floatCnn(), calibRows(256));
  auto dm = quantizeDynamicInt8(floatMlp());
  auto lr = lowRankFactorize(floatMlp(), 8, 0.0, {});
  ASSERT_TRUE(qm.ok() && qc.ok() && dm.ok() && lr.ok());
  for (const Classifier* v : {qm->model.get(), qc->model.get(), dm->model.get(), lr->model.get()}) {
    const std::string path = dir.filePath(QString::fromStdString(v->id() + ".pt")).toStdString();
    auto r = exportTorchScript(*v, path);
    ASSERT_TRUE(r.ok()) << r.error().toString();
    const auto ref = runReference({QStringLiteral("script"), QString::fromStdString(path),
                                   QString::fromStdString(xPath), QString::number(d.testX.cols)});
    ASSERT_TRUE(ref.contains("classes")) << v->id();
    const std::vector<int> py = ref["classes"].get<std::vector<int>>();
    const std::vector<int> ours = v->predictBatch(d.testX);
    ASSERT_EQ(py.size(), ours.size());
    int same = 0;
    for (size_t i = 0; i < py.size(); ++i) same += py[i] == ours[i];
    std::cout << "[measure] " << v->id() << " TorchScript in python3-torch ("
              << ref["engine"].get<std::string>() << "): " << same << "/" << py.size()
              << " same class\n";
    EXPECT_GE(same, static_cast<int>(py.size() * 99 / 100)) << v->id();
  }
}

// ---- bad files ------------------------------------------------------------------------------

TEST(Quant, CorruptTruncatedAndWrongFamilyFilesRefused) {
  auto q = quantizeStaticInt8(floatCnn(), calibRows(64));
  auto h = convertFloat16(floatCnn());
  ASSERT_TRUE(q.ok() && h.ok());
  QTemporaryDir dir;
  const std::string path = dir.filePath(QStringLiteral("v.ewm")).toStdString();
  ASSERT_TRUE(q->model->save(path).ok());
  const std::string bytes = readBytes(path);

  const std::string truncated = dir.filePath(QStringLiteral("t.ewm")).toStdString();
  writeBytes(truncated, bytes.substr(0, bytes.size() * 2 / 3));
  auto t = loadTorchClassifier(truncated);
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.error().toString().find(truncated), std::string::npos) << t.error().toString();

  std::string flipped = bytes;
  flipped[flipped.size() - 100] ^= 0x5a;
  const std::string corrupt = dir.filePath(QStringLiteral("c.ewm")).toStdString();
  writeBytes(corrupt, flipped);
  EXPECT_FALSE(loadTorchClassifier(corrupt).ok());

  // A consistent container whose arrays part is one layer short: refused by the layer table.
  auto file = readModelFile(path);
  ASSERT_TRUE(file.ok());
  file->parts[1].resize(file->parts[1].size() - 8);
  const std::string shortPath = dir.filePath(QStringLiteral("s.ewm")).toStdString();
  ASSERT_TRUE(writeModelFile(shortPath, *file).ok());
  auto s = loadTorchClassifier(shortPath);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().toString().find("shorter than its layer table"), std::string::npos)
      << s.error().toString();

  // A cnn1d-fp16 file into a cnn1d-int8 variant: refused, the variant stays as it was.
  const std::string fp16Path = dir.filePath(QStringLiteral("h.ewm")).toStdString();
  ASSERT_TRUE(h->model->save(fp16Path).ok());
  auto w = q->model->load(fp16Path);
  ASSERT_FALSE(w.ok());
  EXPECT_NE(w.error().toString().find("cnn1d-fp16"), std::string::npos) << w.error().toString();
  EXPECT_EQ(q->model->id(), "cnn1d-int8");
  EXPECT_FALSE(q->model->train(series().trainX, series().trainY, 4).ok());
}

}  // namespace
}  // namespace edgewise::training::test
