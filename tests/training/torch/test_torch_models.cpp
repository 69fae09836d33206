// Tests of the LibTorch families: accuracy floors on digits and synthetic series, save/load,
// batch == single, corrupt files, reproducibility, cancel, early stopping, and TorchScript
// interop checked by python3-torch (torch_script_check.py).

#include <gtest/gtest.h>

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <atomic>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <random>

#include <nlohmann/json.hpp>

#include "core/dataset/data/dataset_version.h"
#include "core/dataset/data/importers.h"
#include "core/training/metrics.h"
#include "core/training/model_file.h"
#include "core/training/opencv/cv_classifiers.h"
#include "core/training/torch/torch_classifier.h"
#include "core/training/torch/torch_models.h"

namespace edgewise::training::test {
namespace {

using json = nlohmann::json;

struct Split {
  cv::Mat trainX, valX, testX;
  std::vector<int> trainY, valY, testY;
};

// digits.png (5,000 20x20 images), pixels / 255, stratifiedSplit 70/15/15 with seed 42.
const Split& digits() {
  static const Split d = [] {
    Split out;
    const std::string file =
        qEnvironmentVariable("EDGEWISE_TEST_DATA").toStdString() + "/digits.png";
    auto parsed = dataset::readDigitsPng(file);
    if (!parsed.ok()) {
      ADD_FAILURE() << parsed.error().toString();
      return out;
    }
    std::vector<int> labels;
    for (const auto& s : parsed->samples) labels.push_back(s.label);
    dataset::SplitParams params;
    params.trainFraction = 0.70;
    params.valFraction = 0.15;
    params.testFraction = 0.15;
    params.seed = 42;
    const std::vector<uint8_t> split = dataset::stratifiedSplit(labels, params);
    for (size_t i = 0; i < parsed->samples.size(); ++i) {
      const auto& blob = parsed->samples[i].blob;
      cv::Mat row(1, static_cast<int>(blob.size()), CV_8U, const_cast<uint8_t*>(blob.data()));
      cv::Mat f;
      row.convertTo(f, CV_32F, 1.0 / 255.0);
      const auto s = static_cast<dataset::Split>(split[i]);
      cv::Mat& X = s == dataset::Split::Train ? out.trainX
                   : s == dataset::Split::Val ? out.valX
                                              : out.testX;
      std::vector<int>& y = s == dataset::Split::Train ? out.trainY
                            : s == dataset::Split::Val ? out.valY
                                                       : out.testY;
      X.push_back(f);
      y.push_back(labels[i]);
    }
    return out;
  }();
  return d;
}

// Multi-channel series whose class is the frequency of a sinusoid (2, 5 or 9 cycles per
// window) with a random phase and amplitude per channel plus Gaussian noise.
Split series(int perClass, uint64_t seed) {
  constexpr int kChannels = 3, kLength = 64;
  const double cycles[] = {2.0, 5.0, 9.0};
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> phase(0.0, 2.0 * M_PI), amp(0.5, 1.5);
  std::normal_distribution<double> noise(0.0, 0.3);
  Split out;
  for (int part = 0; part < 3; ++part) {
    cv::Mat& X = part == 0 ? out.trainX : part == 1 ? out.valX : out.testX;
    std::vector<int>& y = part == 0 ? out.trainY : part == 1 ? out.valY : out.testY;
    const int n = part == 0 ? perClass : perClass / 2;
    for (int c = 0; c < 3; ++c) {
      for (int i = 0; i < n; ++i) {
        cv::Mat row(1, kChannels * kLength, CV_32F);
        for (int ch = 0; ch < kChannels; ++ch) {
          const double p = phase(rng), a = amp(rng);
          for (int t = 0; t < kLength; ++t)
            row.at<float>(ch * kLength + t) = static_cast<float>(
                a * std::sin(2.0 * M_PI * cycles[c] * t / kLength + p) + noise(rng));
        }
        X.push_back(row);
        y.push_back(c);
      }
    }
  }
  return out;
}

std::unique_ptr<Classifier> create(const std::string& id, const HyperParams& params,
                                   const std::vector<int>& shape, uint64_t seed = 42) {
  auto c = createTorchClassifier(id, params, seed, shape);
  EXPECT_TRUE(c.ok()) << c.error().toString();
  return c.ok() ? std::move(*c) : nullptr;
}

double accuracy(const Classifier& c, const cv::Mat& X, const std::vector<int>& y) {
  auto m = computeMetrics(y, c.predictBatch(X), c.numClasses());
  EXPECT_TRUE(m.ok());
  return m.ok() ? m->accuracy : 0.0;
}

std::string readBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}
void writeBytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// The MLP of the digits test, trained once and shared by the tests that need a good model.
// Augmentation by +-1 pixel shifts is what lifts it from ~0.93 to ~0.97 (ref_torch.py shows
// the same); global standardization beats per-pixel here (border pixels are ~constant), and
// restoring the weights of the best validation epoch (patience) steadies it across seeds.
const HyperParams kDigitsMlp = {{"epochs", "30"},          {"augment_shift", "1"},
                                {"standardize", "global"}, {"dropout", "0.2"},
                                {"patience", "10"},        {"threads", "2"}};

struct Trained {
  std::unique_ptr<Classifier> model;
  double seconds = 0.0;
};
Trained& digitsMlp() {
  static Trained t = [] {
    Trained out;
    out.model = create("mlp", kDigitsMlp, {1, 20, 20});
    if (!out.model) return out;
    const Split& d = digits();
    TrainContext ctx;
    ctx.valX = &d.valX;
    ctx.valY = &d.valY;
    ctx.progress = [&out](const TrainProgress& p) { out.seconds = p.seconds; };
    auto r = out.model->train(d.trainX, d.trainY, 10, ctx);
    EXPECT_TRUE(r.ok()) << r.error().toString();
    return out;
  }();
  return t;
}

// A small, quickly trained MLP for the structural tests (save/load, batch == single, corrupt
// files, export): ctest runs every case in its own process, so only the accuracy test pays
// for the full digits MLP.
Trained& smallMlp() {
  static Trained t = [] {
    Trained out;
    out.model = create(
        "mlp", {{"epochs", "3"}, {"hidden", "64,32"}, {"threads", "2"}, {"standardize", "global"}},
        {1, 20, 20});
    if (!out.model) return out;
    const Split& d = digits();
    auto r = out.model->train(d.trainX, d.trainY, 10);
    EXPECT_TRUE(r.ok()) << r.error().toString();
    return out;
  }();
  return t;
}

// Runs torch_script_check.py; returns its exit code (77: python3-torch missing).
int runPython(const QStringList& args, std::string* output) {
  const QString python = qEnvironmentVariable("EDGEWISE_PYTHON3");
  const QString script = qEnvironmentVariable("EDGEWISE_TORCH_SCRIPT_CHECK");
  if (python.isEmpty() || script.isEmpty()) return 77;
  QProcess p;
  p.setProcessChannelMode(QProcess::MergedChannels);
  p.start(python, QStringList{script} + args);
  if (!p.waitForFinished(120000)) return -1;
  if (output) *output = p.readAll().toStdString();
  return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

TEST(TorchModels, IdsAndBadConfigurations) {
  EXPECT_EQ(torchClassifierIds(), (std::vector<std::string>{"mlp", "cnn1d", "cnn2d"}));
  EXPECT_FALSE(createTorchClassifier("lstm", {}, 1, {4}).ok());
  EXPECT_FALSE(createTorchClassifier("cnn2d", {}, 1, {20, 20}).ok());
  EXPECT_FALSE(createTorchClassifier("cnn1d", {}, 1, {64}).ok());
  EXPECT_FALSE(createTorchClassifier("mlp", {}, 1, {0}).ok());
  auto bad = createTorchClassifier("mlp", {{"optimizer", "rmsprop"}}, 1, {4});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().toString().find("optimizer"), std::string::npos);
  EXPECT_FALSE(createTorchClassifier("mlp", {{"hidden", "64,x"}}, 1, {4}).ok());
  EXPECT_FALSE(createTorchClassifier("mlp", {{"epochs", "0"}}, 1, {4}).ok());
  EXPECT_FALSE(createTorchClassifier("cnn2d", {{"kernel", "4"}}, 1, {1, 8, 8}).ok());

  auto mlp = create("mlp", {{"hidden", "32, 16"}, {"lr", "0.01"}}, {1, 4, 4});
  ASSERT_TRUE(mlp);
  const HyperParams hp = mlp->hyperParams();
  EXPECT_EQ(hp.at("hidden"), "32,16");
  EXPECT_EQ(hp.at("lr"), "0.01");
  EXPECT_EQ(hp.at("optimizer"), "adam");
  EXPECT_EQ(hp.at("epochs"), "30");
  EXPECT_EQ(mlp->dims(), 16);
  EXPECT_FALSE(mlp->isTrained());
  EXPECT_EQ(mlp->predict(std::vector<float>(16, 0.f).data(), 16), -1);
}

TEST(TorchModels, MlpOnDigitsReachesFloor) {
  // EDGEWISE_TORCH_DUMP_DIR=dir writes the split as raw float32/int32 for bench/ref_torch.py.
  const QString dump = qEnvironmentVariable("EDGEWISE_TORCH_DUMP_DIR");
  if (!dump.isEmpty()) {
    const Split& s = digits();
    const std::pair<const cv::Mat*, const std::vector<int>*> parts[] = {
        {&s.trainX, &s.trainY}, {&s.valX, &s.valY}, {&s.testX, &s.testY}};
    const char* names[] = {"train", "val", "test"};
    for (int i = 0; i < 3; ++i) {
      const std::string base = dump.toStdString() + "/" + names[i];
      writeBytes(base + "_X.f32", std::string(reinterpret_cast<const char*>(parts[i].first->data),
                                              parts[i].first->total() * sizeof(float)));
      writeBytes(base + "_y.i32",
                 std::string(reinterpret_cast<const char*>(parts[i].second->data()),
                             parts[i].second->size() * sizeof(int)));
    }
  }
  Trained& t = digitsMlp();
  ASSERT_TRUE(t.model && t.model->isTrained());
  const Split& d = digits();
  const double acc = accuracy(*t.model, d.testX, d.testY);
  std::cout << "[ digits mlp ] test accuracy " << acc << ", training loop " << t.seconds
            << " s (train " << d.trainX.rows << ", test " << d.testX.rows << ")\n";
  EXPECT_GE(acc, 0.97);
  // 400*256 + 256 + 256*128 + 128 + 128*10 + 10 weights and biases.
  EXPECT_EQ(t.model->parameterCount(), 400 * 256 + 256 + 256 * 128 + 128 + 128 * 10 + 10);
  EXPECT_GT(t.model->sizeBytes(), t.model->parameterCount() * 4);
  EXPECT_EQ(t.model->numClasses(), 10);
  EXPECT_EQ(t.model->dims(), 400);
}

// Not a test: times the digits MLP with hyper-params from EDGEWISE_TORCH_TIME_PARAMS (a JSON
// object) for comparisons with bench/ref_torch.py. Run with --gtest_also_run_disabled_tests.
TEST(TorchModels, DISABLED_TimeDigitsMlp) {
  HyperParams params = kDigitsMlp;
  const QString text = qEnvironmentVariable("EDGEWISE_TORCH_TIME_PARAMS");
  if (!text.isEmpty()) {
    const json j = json::parse(text.toStdString());
    for (auto it = j.begin(); it != j.end(); ++it) params[it.key()] = it.value().get<std::string>();
  }
  const Split& d = digits();
  auto c = create("mlp", params, {1, 20, 20});
  double seconds = 0.0;
  TrainContext ctx;
  ctx.valX = &d.valX;
  ctx.valY = &d.valY;
  ctx.progress = [&](const TrainProgress& p) { seconds = p.seconds; };
  ASSERT_TRUE(c->train(d.trainX, d.trainY, 10, ctx).ok());
  std::cout << "[ time ] " << json(params).dump() << " accuracy " << accuracy(*c, d.testX, d.testY)
            << " seconds " << seconds << "\n";
}

TEST(TorchModels, BatchEqualsSingleAndSaveLoadKeepsPredictions) {
  Trained& t = smallMlp();
  ASSERT_TRUE(t.model && t.model->isTrained());
  const Split& d = digits();
  const std::vector<int> batch = t.model->predictBatch(d.testX);
  for (int i = 0; i < d.testX.rows; ++i)
    ASSERT_EQ(t.model->predict(d.testX.ptr<float>(i), d.testX.cols), batch[size_t(i)]) << i;
  EXPECT_EQ(t.model->predict(d.testX.ptr<float>(0), 399), -1);

  QTemporaryDir dir;
  const std::string path = dir.filePath(QStringLiteral("mlp.ewm")).toStdString();
  ASSERT_TRUE(t.model->save(path).ok());
  EXPECT_EQ(static_cast<int64_t>(readBytes(path).size()), t.model->sizeBytes());
  EXPECT_TRUE(isTorchModelFile(path));
  auto loaded = loadTorchClassifier(path);
  ASSERT_TRUE(loaded.ok()) << loaded.error().toString();
  EXPECT_EQ((*loaded)->id(), "mlp");
  EXPECT_EQ((*loaded)->predictBatch(d.testX), batch);
  EXPECT_EQ((*loaded)->hyperParams(), t.model->hyperParams());
  EXPECT_EQ((*loaded)->parameterCount(), t.model->parameterCount());
  // load() into a fresh classifier of the same family as well.
  auto fresh = create("mlp", {}, {400});
  ASSERT_TRUE(fresh->load(path).ok());
  EXPECT_EQ(fresh->predictBatch(d.testX), batch);
  auto other = create("cnn2d", {}, {1, 20, 20});
  EXPECT_FALSE(other->load(path).ok());
}

TEST(TorchModels, CorruptTruncatedAndForeignFilesAreRefused) {
  Trained& t = smallMlp();
  ASSERT_TRUE(t.model && t.model->isTrained());
  QTemporaryDir dir;
  const std::string path = dir.filePath(QStringLiteral("m.ewm")).toStdString();
  ASSERT_TRUE(t.model->save(path).ok());
  const std::string good = readBytes(path);

  std::string flipped = good;
  flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x5a);
  writeBytes(path, flipped);
  auto r1 = loadTorchClassifier(path);
  ASSERT_FALSE(r1.ok());
  std::cout << "[ corrupt ] " << r1.error().toString() << "\n";

  writeBytes(path, good.substr(0, good.size() - 100));
  auto r2 = loadTorchClassifier(path);
  ASSERT_FALSE(r2.ok());
  std::cout << "[ truncated ] " << r2.error().toString() << "\n";
  EXPECT_FALSE(isTorchModelFile(path));

  // A valid container whose weights part is garbage (checksums match, content does not).
  auto decoded = decodeModelFile(good);
  ASSERT_TRUE(decoded.ok());
  ModelFile bad = *decoded;
  bad.parts[1] = std::string(1000, 'x');
  ASSERT_TRUE(writeModelFile(path, bad).ok());
  auto r3 = loadTorchClassifier(path);
  ASSERT_FALSE(r3.ok());
  EXPECT_NE(r3.error().toString().find("weights"), std::string::npos) << r3.error().toString();

  // An OpenCV model is not a torch model.
  auto knn = createOpenCvClassifier("knn", 1);
  ASSERT_TRUE(knn.ok());
  const Split& d = digits();
  ASSERT_TRUE((*knn)->train(d.valX, d.valY, 10).ok());
  ASSERT_TRUE((*knn)->save(path).ok());
  EXPECT_FALSE(isTorchModelFile(path));
  auto r4 = loadTorchClassifier(path);
  ASSERT_FALSE(r4.ok());
  EXPECT_NE(r4.error().toString().find("knn"), std::string::npos);
}

TEST(TorchModels, Cnn1dSeparatesSeriesByFrequency) {
  const Split s = series(60, 5);
  auto c = create("cnn1d", {{"epochs", "25"}, {"threads", "2"}, {"batch_size", "32"}}, {3, 64});
  ASSERT_TRUE(c);
  std::vector<TrainProgress> progress;
  TrainContext ctx;
  ctx.valX = &s.valX;
  ctx.valY = &s.valY;
  ctx.progress = [&](const TrainProgress& p) { progress.push_back(p); };
  ASSERT_TRUE(c->train(s.trainX, s.trainY, 3, ctx).ok());
  const double acc = accuracy(*c, s.testX, s.testY);
  std::cout << "[ cnn1d series ] test accuracy " << acc << ", " << progress.back().seconds
            << " s\n";
  EXPECT_GE(acc, 0.95);
  ASSERT_EQ(progress.size(), 25u);
  EXPECT_EQ(progress.front().epoch, 1);
  EXPECT_EQ(progress.back().epochs, 25);
  EXPECT_LT(progress.back().trainLoss, progress.front().trainLoss);
  EXPECT_FALSE(std::isnan(progress.back().valLoss));
  // conv 3->16 k5, 16->32 k5, 32->64 k5, head 64->3.
  EXPECT_EQ(c->parameterCount(),
            (3 * 16 * 5 + 16) + (16 * 32 * 5 + 32) + (32 * 64 * 5 + 64) + (64 * 3 + 3));
}

TEST(TorchModels, SgdWithStepAndCosineSchedulesTrain) {
  const Split s = series(40, 21);
  for (const std::string schedule : {"step", "cosine"}) {
    SCOPED_TRACE(schedule);
    auto c = create("cnn1d",
                    {{"optimizer", "sgd"},
                     {"lr", "0.05"},
                     {"momentum", "0.9"},
                     {"weight_decay", "0.0001"},
                     {"schedule", schedule},
                     {"epochs", "12"},
                     {"batch_size", "16"},
                     {"threads", "2"},
                     {"channels", "8,16"}},
                    {3, 64});
    ASSERT_TRUE(c->train(s.trainX, s.trainY, 3).ok());
    EXPECT_EQ(c->hyperParams().at("schedule"), schedule);
    EXPECT_EQ(c->hyperParams().at("optimizer"), "sgd");
    EXPECT_GE(accuracy(*c, s.testX, s.testY), 0.9);
  }
}

TEST(TorchModels, Cnn2dOnDigits) {
  const Split& d = digits();
  auto c = create("cnn2d", {{"epochs", "8"}, {"threads", "2"}}, {1, 20, 20});
  ASSERT_TRUE(c);
  double seconds = 0.0;
  TrainContext ctx;
  ctx.progress = [&](const TrainProgress& p) { seconds = p.seconds; };
  ASSERT_TRUE(c->train(d.trainX, d.trainY, 10, ctx).ok());
  const double acc = accuracy(*c, d.testX, d.testY);
  std::cout << "[ digits cnn2d ] test accuracy " << acc << ", " << seconds << " s\n";
  EXPECT_GE(acc, 0.95);
}

// hyperParams() prints doubles as the shortest text that reads back to the same value.
TEST(TorchModels, HyperParamsPrintShortestRoundTripDoubles) {
  auto c = create("mlp", {{"dropout", "0.2"}, {"lr", "3e-4"}, {"weight_decay", "0.0001"}}, {16});
  const HyperParams p = c->hyperParams();
  EXPECT_EQ(p.at("dropout"), "0.2");
  EXPECT_EQ(std::stod(p.at("lr")), 3e-4);
  EXPECT_LE(p.at("lr").size(), 6u) << p.at("lr");
  EXPECT_EQ(std::stod(p.at("weight_decay")), 1e-4);
  auto d = create("mlp", {{"dropout", "0.123456789012345"}}, {16});
  EXPECT_EQ(std::stod(d->hyperParams().at("dropout")), 0.123456789012345);
}

TEST(TorchModels, SameSeedSameModelOtherSeedOtherModel) {
  const Split s = series(20, 9);
  const HyperParams p = {{"epochs", "3"}, {"threads", "2"}, {"hidden", "32"}, {"dropout", "0.2"}};
  auto a = create("mlp", p, {3, 64}, 7);
  auto b = create("mlp", p, {3, 64}, 7);
  auto c = create("mlp", p, {3, 64}, 8);
  ASSERT_TRUE(a->train(s.trainX, s.trainY, 3).ok());
  ASSERT_TRUE(b->train(s.trainX, s.trainY, 3).ok());
  ASSERT_TRUE(c->train(s.trainX, s.trainY, 3).ok());
  torchimpl::Net na = torchimpl::trainedNet(*a), nb = torchimpl::trainedNet(*b),
                 nc = torchimpl::trainedNet(*c);
  ASSERT_TRUE(na && nb && nc);
  torch::NoGradGuard g;
  const torch::Tensor x = torch::from_blob(s.testX.data, {s.testX.rows, s.testX.cols});
  EXPECT_TRUE(torch::equal(na->forward(x), nb->forward(x)));
  EXPECT_FALSE(torch::equal(na->forward(x), nc->forward(x)));
  EXPECT_EQ(a->predictBatch(s.testX), b->predictBatch(s.testX));
}

TEST(TorchModels, CancelLeavesUntrainedAndWritesNothing) {
  const Split& d = digits();
  QTemporaryDir dir;
  auto c = create("mlp", {{"epochs", "50"}, {"threads", "2"}}, {400});
  std::atomic<bool> cancel{false};
  int epochs = 0;
  TrainContext ctx;
  ctx.cancel = &cancel;
  ctx.progress = [&](const TrainProgress&) {
    ++epochs;
    cancel = true;  // after the first epoch
  };
  auto r = c->train(d.trainX, d.trainY, 10, ctx);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, kCancelledMessage);
  EXPECT_EQ(epochs, 1);
  EXPECT_FALSE(c->isTrained());
  EXPECT_EQ(c->predict(d.testX.ptr<float>(0), 400), -1);
  const std::string path = dir.filePath(QStringLiteral("x.ewm")).toStdString();
  EXPECT_FALSE(c->save(path).ok());
  EXPECT_TRUE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());
}

TEST(TorchModels, EarlyStoppingStopsAndRestoresBestWeights) {
  // Random labels: the validation loss stops improving after a few epochs of memorising.
  std::mt19937_64 rng(11);
  std::normal_distribution<float> g;
  cv::Mat X(200, 10, CV_32F), vX(100, 10, CV_32F);
  std::vector<int> y, vy;
  for (int i = 0; i < X.rows; ++i) {
    for (int j = 0; j < 10; ++j) X.at<float>(i, j) = g(rng);
    y.push_back(static_cast<int>(rng() % 2));
  }
  for (int i = 0; i < vX.rows; ++i) {
    for (int j = 0; j < 10; ++j) vX.at<float>(i, j) = g(rng);
    vy.push_back(static_cast<int>(rng() % 2));
  }
  auto c = create(
      "mlp",
      {{"epochs", "200"}, {"patience", "3"}, {"lr", "0.01"}, {"threads", "2"}, {"dropout", "0"}},
      {10});
  std::vector<TrainProgress> progress;
  TrainContext ctx;
  ctx.valX = &vX;
  ctx.valY = &vy;
  ctx.progress = [&](const TrainProgress& p) { progress.push_back(p); };
  ASSERT_TRUE(c->train(X, y, 2, ctx).ok());
  ASSERT_FALSE(progress.empty());
  EXPECT_LT(progress.size(), 50u);
  EXPECT_NE(progress.back().message.find("early stop"), std::string::npos);
  double best = 1e9;
  for (const auto& p : progress) best = std::min(best, p.valLoss);
  // The restored model has the best validation loss seen.
  torch::NoGradGuard noGrad;
  torchimpl::Net net = torchimpl::trainedNet(*c);
  const torch::Tensor logits = net->forward(torch::from_blob(vX.data, {vX.rows, vX.cols}));
  const double restored = torch::nn::functional::cross_entropy(
                              logits, torch::tensor(std::vector<int64_t>(vy.begin(), vy.end())))
                              .item<double>();
  EXPECT_NEAR(restored, best, 1e-6);
}

TEST(TorchModels, ClassWeightsRaiseMinorityRecall) {
  // 90/10 imbalance with overlapping classes: inverse-frequency weights move the boundary
  // towards the majority class, so more of the minority class is found.
  std::mt19937_64 rng(4);
  std::normal_distribution<float> g;
  cv::Mat X(1000, 2, CV_32F);
  std::vector<int> y;
  for (int i = 0; i < X.rows; ++i) {
    const int c = i % 10 == 0 ? 1 : 0;
    X.at<float>(i, 0) = g(rng) + (c ? 1.0f : 0.0f);
    X.at<float>(i, 1) = g(rng);
    y.push_back(c);
  }
  auto recall = [&](const std::string& weights) {
    auto c = create("mlp",
                    {{"epochs", "15"},
                     {"hidden", "16"},
                     {"class_weights", weights},
                     {"threads", "2"},
                     {"lr", "0.01"}},
                    {2});
    EXPECT_TRUE(c->train(X, y, 2).ok());
    auto m = computeMetrics(y, c->predictBatch(X), 2);
    EXPECT_TRUE(m.ok());
    return m.ok() ? m->perClass[1].recall : 0.0;
  };
  const double plain = recall("0"), weighted = recall("1");
  std::cout << "[ class weights ] minority recall " << plain << " -> " << weighted << "\n";
  EXPECT_GT(weighted, plain + 0.2);
}

TEST(TorchScript, ExportLoadsInPythonWithSameLogits) {
  Trained& t = smallMlp();
  ASSERT_TRUE(t.model && t.model->isTrained());
  auto cnn = create("cnn2d", {{"epochs", "1"}, {"threads", "2"}, {"channels", "4,8"}}, {1, 20, 20});
  const Split& d = digits();
  ASSERT_TRUE(cnn->train(d.valX, d.valY, 10).ok());
  const Split s = series(10, 3);
  auto c1 = create("cnn1d", {{"epochs", "1"}, {"threads", "2"}}, {3, 64});
  ASSERT_TRUE(c1->train(s.trainX, s.trainY, 3).ok());

  struct Case {
    const Classifier* model;
    const cv::Mat* X;
  };
  for (const Case& k :
       {Case{t.model.get(), &d.testX}, Case{cnn.get(), &d.testX}, Case{c1.get(), &s.testX}}) {
    SCOPED_TRACE(k.model->id());
    QTemporaryDir dir;
    const std::string base = dir.path().toStdString();
    ASSERT_TRUE(exportTorchScript(*k.model, base + "/model.pt").ok());
    const cv::Mat X = k.X->rowRange(0, std::min(100, k.X->rows)).clone();
    torch::NoGradGuard noGrad;
    const torch::Tensor logits = torchimpl::trainedNet(*k.model)
                                     ->forward(torch::from_blob(X.data, {X.rows, X.cols}))
                                     .contiguous();
    writeBytes(base + "/inputs.f32",
               std::string(reinterpret_cast<const char*>(X.data), X.total() * sizeof(float)));
    writeBytes(base + "/logits.f32",
               std::string(reinterpret_cast<const char*>(logits.data_ptr<float>()),
                           size_t(logits.numel()) * sizeof(float)));
    writeBytes(base + "/meta.json",
               json{{"rows", X.rows}, {"dims", X.cols}, {"classes", k.model->numClasses()}}.dump());
    std::string out;
    const int code = runPython({QStringLiteral("check"), dir.path()}, &out);
    if (code == 77) GTEST_SKIP() << "python3 with torch not available";
    EXPECT_EQ(code, 0) << out;
    std::cout << "[ export " << k.model->id() << " ] " << out;
  }
  auto untrained = create("mlp", {}, {4});
  EXPECT_FALSE(exportTorchScript(*untrained, "/tmp/never-written.pt").ok());
}

TEST(TorchScript, ImportsPythonScriptedModel) {
  QTemporaryDir dir;
  std::string out;
  const int code = runPython({QStringLiteral("make"), dir.path()}, &out);
  if (code == 77) GTEST_SKIP() << "python3 with torch not available";
  ASSERT_EQ(code, 0) << out;
  const std::string base = dir.path().toStdString();
  const json meta = json::parse(readBytes(base + "/preds.json"));
  const std::vector<int> want = meta.at("preds").get<std::vector<int>>();
  const std::string raw = readBytes(base + "/inputs.f32");
  ASSERT_EQ(raw.size(), 50u * 16u * sizeof(float));
  cv::Mat X(50, 16, CV_32F);
  std::memcpy(X.data, raw.data(), raw.size());

  auto imported = importTorchScript(base + "/model.pt", 3, {2, 8});
  ASSERT_TRUE(imported.ok()) << imported.error().toString();
  Classifier& c = **imported;
  EXPECT_EQ(c.id(), "torchscript");
  EXPECT_EQ(c.dims(), 16);
  EXPECT_EQ(c.parameterCount(), (2 * 4 * 3 + 4) + (4 * 3 + 3));
  EXPECT_EQ(c.predictBatch(X), want);
  EXPECT_EQ(c.predict(X.ptr<float>(7), 16), want[7]);
  EXPECT_FALSE(c.train(X, want, 3).ok());

  // Save/load through our container keeps the module.
  const std::string saved = base + "/imported.ewm";
  ASSERT_TRUE(c.save(saved).ok());
  EXPECT_TRUE(isTorchModelFile(saved));
  auto loaded = loadTorchClassifier(saved);
  ASSERT_TRUE(loaded.ok()) << loaded.error().toString();
  EXPECT_EQ((*loaded)->id(), "torchscript");
  EXPECT_EQ((*loaded)->predictBatch(X), want);

  // Wrong class count or shape, or not TorchScript at all: clear errors.
  auto wrongClasses = importTorchScript(base + "/model.pt", 5, {2, 8});
  ASSERT_FALSE(wrongClasses.ok());
  EXPECT_NE(wrongClasses.error().toString().find("expected [2, 5]"), std::string::npos)
      << wrongClasses.error().toString();
  EXPECT_FALSE(importTorchScript(base + "/model.pt", 3, {3, 8}).ok());
  auto notScript = importTorchScript(base + "/preds.json", 3, {2, 8});
  ASSERT_FALSE(notScript.ok());
  EXPECT_NE(notScript.error().toString().find("not a TorchScript file"), std::string::npos);
  EXPECT_FALSE(importTorchScript(base + "/missing.pt", 3, {2, 8}).ok());
}

}  // namespace
}  // namespace edgewise::training::test
