// Tests of pruning and distillation (core/training/torch/prune_distill.cpp) and of the pieces
// of torch_classifier they rest on (fitNet hooks, wrapNet, predictScores, cnn1d on images):
// exact zero counts, masks that survive fine-tuning, layers that really shrink, structured
// pruning that is exact when the removed units carry nothing, the distillation loss against
// python3-torch, and accuracy of pruned / distilled models on a digits subset.

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

#include "core/dataset/data/dataset_version.h"
#include "core/dataset/data/importers.h"
#include "core/training/metrics.h"
#include "core/training/torch/torch_classifier.h"
#include "core/training/torch/torch_compress.h"
#include "core/training/torch/torch_models.h"

namespace edgewise::training::test {
namespace {

using torchimpl::Net;
using torchimpl::NetConfig;

struct Split {
  cv::Mat trainX, valX, testX;
  std::vector<int> trainY, valY, testY;
};

// digits.png, pixels / 255, stratifiedSplit 70/15/15 with seed 42 (as the torch tests), then
// 3 of every 7 training rows (1,500 rows).
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
    int trainSeen = 0;
    for (size_t i = 0; i < parsed->samples.size(); ++i) {
      const auto& blob = parsed->samples[i].blob;
      cv::Mat row(1, static_cast<int>(blob.size()), CV_8U, const_cast<uint8_t*>(blob.data()));
      cv::Mat f;
      row.convertTo(f, CV_32F, 1.0 / 255.0);
      const auto s = static_cast<dataset::Split>(split[i]);
      // digits.png is ordered by class: keep 3 of every 7 training rows (~1,500, all classes).
      if (s == dataset::Split::Train && trainSeen++ % 7 >= 3) continue;
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

double accuracy(const Classifier& c, const cv::Mat& X, const std::vector<int>& y) {
  auto m = computeMetrics(y, c.predictBatch(X), c.numClasses());
  EXPECT_TRUE(m.ok());
  return m.ok() ? m->accuracy : 0.0;
}

double secondsSince(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// The teacher / parent: mlp 128,64 on the digits subset, trained once.
struct Teacher {
  std::unique_ptr<Classifier> model;
  double accuracy = 0.0;
};
Teacher& teacher() {
  static Teacher t = [] {
    Teacher out;
    const Split& d = digits();
    auto c = createTorchClassifier("mlp", {{"hidden", "128,64"}, {"epochs", "20"}}, 7, {400});
    if (!c.ok()) {
      ADD_FAILURE() << c.error().toString();
      return out;
    }
    const auto start = std::chrono::steady_clock::now();
    auto r = (*c)->train(d.trainX, d.trainY, 10);
    if (!r.ok()) {
      ADD_FAILURE() << r.error().toString();
      return out;
    }
    out.model = std::move(*c);
    out.accuracy = accuracy(*out.model, d.testX, d.testY);
    std::cout << "[ teacher mlp 128,64 ] " << out.model->parameterCount() << " params, test acc "
              << out.accuracy << ", " << secondsSince(start) << " s\n";
    return out;
  }();
  return t;
}

FineTuneOptions fineTune(int epochs) {
  const Split& d = digits();
  FineTuneOptions o;
  o.X = &d.trainX;
  o.y = &d.trainY;
  o.epochs = epochs;
  o.seed = 3;
  return o;
}

// Conv/linear weights of a net (not biases), as the pruning sees them.
std::vector<torch::Tensor> weightsOf(const Net& net) {
  std::vector<torch::Tensor> w;
  for (auto& l : net->fc) w.push_back(l->weight.detach());
  for (auto& l : net->conv1) w.push_back(l->weight.detach());
  for (auto& l : net->conv2) w.push_back(l->weight.detach());
  w.push_back(net->head->weight.detach());
  return w;
}

int64_t countNonzeroParametersOf(const Classifier& c) {
  int64_t n = 0;
  for (const auto& p : torchimpl::trainedNet(c)->parameters()) n += p.ne(0).sum().item<int64_t>();
  return n;
}

torch::Tensor logitsOf(Net net, const torch::Tensor& x) {
  torch::NoGradGuard g;
  net->eval();
  return net->forward(x);
}

TEST(DistillationLoss, MatchesPythonTorch) {
  const QString python = qEnvironmentVariable("EDGEWISE_PYTHON3");
  const QString script = qEnvironmentVariable("EDGEWISE_DISTILL_REF");
  if (python.isEmpty() || script.isEmpty()) GTEST_SKIP() << "python3 with torch not configured";
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  std::mt19937_64 rng(11);
  std::normal_distribution<float> nd(0.0f, 3.0f);
  const int n = 16, c = 10;
  const torch::Tensor s = torch::empty({n, c}), t = torch::empty({n, c});
  std::vector<int64_t> labels;
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < c; ++j) {
      s[i][j] = nd(rng);
      t[i][j] = nd(rng);
    }
    labels.push_back(static_cast<int64_t>(rng() % c));
  }
  const torch::Tensor y = torch::tensor(labels, torch::kInt64);
  for (auto [temp, alpha] : {std::pair{4.0, 0.7}, std::pair{2.0, 0.3}, std::pair{1.0, 1.0}}) {
    const std::string path = dir.filePath(QStringLiteral("logits.txt")).toStdString();
    {
      std::ofstream f(path);
      f.precision(9);
      f << n << ' ' << c << ' ' << temp << ' ' << alpha << '\n';
      for (const torch::Tensor& m : {s, t})
        for (int i = 0; i < n; ++i) {
          for (int j = 0; j < c; ++j) f << m[i][j].item<float>() << ' ';
          f << '\n';
        }
      for (int64_t l : labels) f << l << ' ';
      f << '\n';
    }
    QProcess p;
    p.start(python, {script, QString::fromStdString(path)});
    ASSERT_TRUE(p.waitForFinished(60000));
    ASSERT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
    const double expected = std::stod(p.readAllStandardOutput().trimmed().toStdString());
    const double got = torchimpl::distillationLoss(s, t, y, temp, alpha).item<double>();
    EXPECT_NEAR(got, expected, 1e-5) << "T " << temp << " alpha " << alpha;
    EXPECT_GT(got, 0.0);
  }
}

TEST(MagnitudePruning, ZeroesExactlyTheSmallestFraction) {
  Teacher& t = teacher();
  ASSERT_TRUE(t.model);
  const Net parent = torchimpl::trainedNet(*t.model);
  auto r = pruneMagnitude(*t.model, 0.8, fineTune(0));
  ASSERT_TRUE(r.ok()) << r.error().toString();
  const Net net = torchimpl::trainedNet(*r->model);
  ASSERT_TRUE(net);
  EXPECT_EQ(r->model->id(), "mlp");
  const auto pw = weightsOf(parent), w = weightsOf(net);
  int64_t total = 0, zeros = 0;
  double maxZeroed = 0.0, minKept = 1e30;
  for (size_t i = 0; i < w.size(); ++i) {
    total += w[i].numel();
    const torch::Tensor z = w[i].eq(0);
    zeros += z.sum().item<int64_t>();
    const torch::Tensor a = pw[i].abs();
    if (z.any().item<bool>())
      maxZeroed = std::max(maxZeroed, a.masked_select(z).max().item<double>());
    if ((~z).any().item<bool>())
      minKept = std::min(minKept, a.masked_select(~z).min().item<double>());
    // Kept weights are the parent's, unchanged (no fine-tuning).
    EXPECT_TRUE(torch::equal(w[i].masked_select(~z), pw[i].masked_select(~z)));
  }
  EXPECT_EQ(zeros, std::llround(0.8 * static_cast<double>(total)));
  EXPECT_LE(maxZeroed, minKept);
  // Biases are kept: non-zero = parameters - zeroed weights.
  EXPECT_EQ(r->paramsNonzero, t.model->parameterCount() - zeros);
  EXPECT_TRUE(r->history.empty());
  EXPECT_FALSE(r->notes.empty());
  // The parent is untouched.
  for (const auto& p : pw) EXPECT_LT(p.eq(0).sum().item<int64_t>(), p.numel() / 10);
}

TEST(MagnitudePruning, MaskSurvivesFineTuningAndAccuracyHolds) {
  Teacher& t = teacher();
  ASSERT_TRUE(t.model);
  const Split& d = digits();
  const auto start = std::chrono::steady_clock::now();
  auto noTune = pruneMagnitude(*t.model, 0.8, fineTune(0));
  ASSERT_TRUE(noTune.ok());
  FineTuneOptions oneShot = fineTune(4);
  oneShot.gradualPruning = false;
  auto r = pruneMagnitude(*t.model, 0.8, oneShot);
  ASSERT_TRUE(r.ok()) << r.error().toString();
  const double seconds = secondsSince(start);
  EXPECT_EQ(r->history.size(), 4u);
  const auto w0 = weightsOf(torchimpl::trainedNet(*noTune->model));
  const auto w = weightsOf(torchimpl::trainedNet(*r->model));
  bool changed = false;
  for (size_t i = 0; i < w.size(); ++i) {
    // Same zero pattern after fine-tuning: the mask is held.
    EXPECT_TRUE(torch::equal(w[i].eq(0), w0[i].eq(0))) << "layer " << i;
    changed = changed || !torch::equal(w[i], w0[i]);
  }
  EXPECT_TRUE(changed) << "fine-tuning did not move any weight";
  const double before = t.accuracy, pruned = accuracy(*noTune->model, d.testX, d.testY),
               after = accuracy(*r->model, d.testX, d.testY);
  std::cout << "[ magnitude 80% ] test acc " << before << " -> " << pruned << " (no tuning) -> "
            << after << " (4 epochs), nonzero " << r->paramsNonzero << " of "
            << t.model->parameterCount() << ", " << seconds << " s\n";
  EXPECT_GE(after, before - 0.02);

  // Save / load keeps the zeros and the predictions.
  QTemporaryDir dir;
  const std::string path = dir.filePath(QStringLiteral("pruned.ewm")).toStdString();
  ASSERT_TRUE(r->model->save(path).ok());
  auto loaded = loadTorchClassifier(path);
  ASSERT_TRUE(loaded.ok()) << loaded.error().toString();
  EXPECT_EQ((*loaded)->id(), "mlp");
  EXPECT_EQ((*loaded)->predictBatch(d.testX), r->model->predictBatch(d.testX));
  EXPECT_EQ(countNonzeroParametersOf(**loaded), r->paramsNonzero);
}

TEST(MagnitudePruning, GradualScheduleEndsAtTheExactSparsity) {
  Teacher& t = teacher();
  ASSERT_TRUE(t.model);
  const Split& d = digits();
  FineTuneOptions ft = fineTune(6);
  ASSERT_TRUE(ft.gradualPruning) << "the gradual schedule is the default with fine-tuning";
  auto r = pruneMagnitude(*t.model, 0.8, ft);
  ASSERT_TRUE(r.ok()) << r.error().toString();
  EXPECT_EQ(r->history.size(), 6u);
  const auto w = weightsOf(torchimpl::trainedNet(*r->model));
  int64_t total = 0, zeros = 0;
  for (const auto& x : w) {
    total += x.numel();
    zeros += x.eq(0).sum().item<int64_t>();
  }
  EXPECT_EQ(zeros, std::llround(0.8 * static_cast<double>(total)));
  EXPECT_EQ(r->paramsNonzero, t.model->parameterCount() - zeros);
  bool saysSchedule = false;
  for (const auto& note : r->notes)
    saysSchedule = saysSchedule || note.find("cubic") != std::string::npos;
  EXPECT_TRUE(saysSchedule);
  const double after = accuracy(*r->model, d.testX, d.testY);
  std::cout << "[ magnitude 80% gradual ] test acc " << t.accuracy << " -> " << after << "\n";
  EXPECT_GE(after, t.accuracy - 0.02);
}

TEST(Distillation, WidestStudentUnderAParameterBudget) {
  Teacher& t = teacher();
  ASSERT_TRUE(t.model);
  // One hidden layer of W units on 400 inputs and 10 classes has (400 + 1) W + (W + 1) 10
  // parameters: the widest W within 20 % of the teacher's, by hand.
  const double budget = 0.2 * static_cast<double>(t.model->parameterCount());
  const int expected = static_cast<int>(std::floor((budget - 10.0) / (400.0 + 1.0 + 10.0)));
  auto w = widestStudent(*t.model, 1, 0.2);
  ASSERT_TRUE(w.ok()) << w.error().toString();
  EXPECT_EQ(*w, expected);
  // Depth 0 = the teacher's depth; a wider budget never gives a narrower student.
  auto same = widestStudent(*t.model, 0, 0.2);
  ASSERT_TRUE(same.ok());
  auto wider = widestStudent(*t.model, 0, 0.5);
  ASSERT_TRUE(wider.ok());
  EXPECT_GT(*wider, *same);
  // No student fits a budget of a few parameters: a clear error.
  auto none = widestStudent(*t.model, 1, 1e-4);
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.error().toString().find("no student"), std::string::npos);
}

TEST(StructuredPruning, ShrinksLayersOfMlpAndCnn1d) {
  Teacher& t = teacher();
  ASSERT_TRUE(t.model);
  const Split& d = digits();
  auto r = pruneStructured(*t.model, 0.5, fineTune(3));
  ASSERT_TRUE(r.ok()) << r.error().toString();
  const Net net = torchimpl::trainedNet(*r->model);
  ASSERT_TRUE(net);
  EXPECT_EQ(net->config().hidden, (std::vector<int64_t>{64, 32}));
  EXPECT_EQ(net->fc[0]->weight.sizes(), (std::vector<int64_t>{64, 400}));
  EXPECT_EQ(net->fc[1]->weight.sizes(), (std::vector<int64_t>{32, 64}));
  EXPECT_EQ(net->head->weight.sizes(), (std::vector<int64_t>{10, 32}));
  EXPECT_EQ(r->model->parameterCount(), 400 * 64 + 64 + 64 * 32 + 32 + 32 * 10 + 10);
  EXPECT_EQ(r->model->hyperParams().at("hidden"), "64,32");
  ASSERT_GE(r->notes.size(), 2u);
  EXPECT_EQ(r->notes[0], "fc0: 128 -> 64 neurons");
  EXPECT_EQ(r->notes[1], "fc1: 64 -> 32 neurons");
  const double after = accuracy(*r->model, d.testX, d.testY);
  std::cout << "[ structured 50% mlp ] test acc " << t.accuracy << " -> " << after << ", params "
            << t.model->parameterCount() << " -> " << r->model->parameterCount() << "\n";
  EXPECT_GE(after, t.accuracy - 0.05);

  // A 1-D CNN on the images ({1,20,20} = 20 channels of length 20), channels 16,32 -> 8,16.
  auto cnn =
      createTorchClassifier("cnn1d", {{"channels", "16,32"}, {"epochs", "3"}}, 5, {1, 20, 20});
  ASSERT_TRUE(cnn.ok()) << cnn.error().toString();
  ASSERT_TRUE((*cnn)->train(d.trainX, d.trainY, 10).ok());
  EXPECT_EQ(torchimpl::trainedNet(**cnn)->config().shape, (std::vector<int64_t>{20, 20}));
  auto rc = pruneStructured(**cnn, 0.5, fineTune(1));
  ASSERT_TRUE(rc.ok()) << rc.error().toString();
  const Net cn = torchimpl::trainedNet(*rc->model);
  EXPECT_EQ(cn->config().channels, (std::vector<int64_t>{8, 16}));
  EXPECT_EQ(cn->conv1[0]->weight.sizes(), (std::vector<int64_t>{8, 20, 5}));
  EXPECT_EQ(cn->conv1[1]->weight.sizes(), (std::vector<int64_t>{16, 8, 5}));
  EXPECT_EQ(cn->head->weight.sizes(), (std::vector<int64_t>{10, 16}));
  EXPECT_EQ(rc->notes[0], "conv0: 16 -> 8 channels");
  QTemporaryDir dir;
  const std::string path = dir.filePath(QStringLiteral("cnn.ewm")).toStdString();
  ASSERT_TRUE(rc->model->save(path).ok());
  auto loaded = loadTorchClassifier(path);
  ASSERT_TRUE(loaded.ok()) << loaded.error().toString();
  EXPECT_EQ((*loaded)->predictBatch(d.testX), rc->model->predictBatch(d.testX));
  EXPECT_EQ((*loaded)->parameterCount(), rc->model->parameterCount());
}

// A net with random weights where the units `dead[layer]` have all-zero incoming and
// outgoing weights: structured pruning must remove exactly those and keep the logits.
void checkExactRemoval(const std::string& family, const std::vector<int64_t>& shape,
                       const std::vector<int64_t>& widths,
                       const std::vector<std::vector<int64_t>>& dead, double fraction) {
  SCOPED_TRACE(family);
  NetConfig config;
  config.family = family;
  config.shape = shape;
  config.numClasses = 4;
  (family == "mlp" ? config.hidden : config.channels) = widths;
  config.kernel = 3;
  config.dropout = 0.0;
  config.standardize = "none";
  torch::manual_seed(21);
  Net net(config);
  {
    torch::NoGradGuard g;
    std::vector<torch::Tensor> w, b;
    for (auto& l : net->fc) w.push_back(l->weight), b.push_back(l->bias);
    for (auto& l : net->conv1) w.push_back(l->weight), b.push_back(l->bias);
    for (auto& l : net->conv2) w.push_back(l->weight), b.push_back(l->bias);
    for (auto& t : w)
      t.uniform_(0.2, 1.0).mul_(torch::randint(0, 2, t.sizes()).to(torch::kFloat32).mul(2).sub(1));
    for (auto& t : b) t.uniform_(-0.5, 0.5);
    int64_t headPerUnit = net->head->weight.size(1) / widths.back();
    for (size_t i = 0; i < dead.size(); ++i)
      for (int64_t u : dead[i]) {
        w[i][u].zero_();  // incoming
        if (i + 1 < w.size())
          w[i + 1].select(1, u).zero_();  // outgoing
        else
          net->head->weight.slice(1, u * headPerUnit, (u + 1) * headPerUnit).zero_();
      }
  }
  net->eval();
  HyperParams params = {{"standardize", "none"}, {"dropout", "0"}, {"kernel", "3"}};
  auto model = torchimpl::wrapNetChecked(net, params, 1);
  ASSERT_TRUE(model.ok()) << model.error().toString();
  auto r = pruneStructured(**model, fraction, fineTune(0));
  ASSERT_TRUE(r.ok()) << r.error().toString();
  const Net small = torchimpl::trainedNet(*r->model);
  std::vector<int64_t> expectWidths;
  for (size_t i = 0; i < widths.size(); ++i)
    expectWidths.push_back(widths[i] - static_cast<int64_t>(dead[i].size()));
  EXPECT_EQ(family == "mlp" ? small->config().hidden : small->config().channels, expectWidths);
  torch::manual_seed(5);
  const torch::Tensor x = torch::randn({32, net->config().dims()});
  const torch::Tensor a = logitsOf(net, x), b = logitsOf(small, x);
  EXPECT_LT((a - b).abs().max().item<double>(), 1e-5);
  EXPECT_GT(a.abs().max().item<double>(), 0.1);
  // Predictions through the Classifier agree too.
  cv::Mat X(32, static_cast<int>(net->config().dims()), CV_32F);
  std::memcpy(X.data, x.contiguous().data_ptr<float>(), X.total() * sizeof(float));
  EXPECT_EQ((*model)->predictBatch(X), r->model->predictBatch(X));
}

TEST(StructuredPruning, RemovesExactlyTheDeadUnitsAndKeepsLogits) {
  // mlp 8,6: 3 of 8 and round(0.375 * 6) = 2 of 6 removed.
  checkExactRemoval("mlp", {12}, {8, 6}, {{1, 4, 6}, {0, 5}}, 0.375);
  checkExactRemoval("cnn1d", {3, 16}, {8, 6}, {{2, 3, 7}, {1, 4}}, 0.375);
  checkExactRemoval("cnn2d", {1, 8, 8}, {4, 8}, {{0}, {3, 5}}, 0.25);
}

TEST(Distillation, SmallStudentStaysCloseToTeacher) {
  Teacher& t = teacher();
  ASSERT_TRUE(t.model);
  const Split& d = digits();
  DistillOptions o;
  o.width = 24;  // 128,64 -> 24,12 (6x fewer parameters)
  // 40 epochs without early stopping: on 1,500 rows the validation cross-entropy of a small
  // student turns up after ~10 epochs while its accuracy still climbs.
  FineTuneOptions ft = fineTune(40);
  int reported = 0;
  ft.context.progress = [&](const TrainProgress&) { ++reported; };
  const auto start = std::chrono::steady_clock::now();
  auto r = distill(*t.model, o, ft);
  ASSERT_TRUE(r.ok()) << r.error().toString();
  const double seconds = secondsSince(start);
  const Net s = torchimpl::trainedNet(*r->model);
  EXPECT_EQ(s->config().hidden, (std::vector<int64_t>{24, 12}));
  EXPECT_EQ(r->model->id(), "mlp");
  // Standardisation copied from the teacher.
  EXPECT_TRUE(torch::equal(s->mean, torchimpl::trainedNet(*t.model)->mean));
  const int64_t tp = t.model->parameterCount(), sp = r->model->parameterCount();
  EXPECT_GE(tp, 5 * sp);
  EXPECT_EQ(static_cast<int>(r->history.size()), reported);
  EXPECT_GE(reported, 1);
  EXPECT_EQ(reported, 40);
  const double acc = accuracy(*r->model, d.testX, d.testY);
  std::cout << "[ distill mlp 24,12 ] params " << tp << " -> " << sp << " (" << double(tp) / sp
            << "x), test acc " << t.accuracy << " -> " << acc << ", " << r->history.size()
            << " epochs, " << seconds << " s\n";
  // Stated drop on this 1,500-row subset: at most 3 points.
  EXPECT_GE(acc, t.accuracy - 0.03);
}

TEST(Compression, CancelAndBadInput) {
  Teacher& t = teacher();
  ASSERT_TRUE(t.model);
  std::atomic<bool> cancel{true};
  FineTuneOptions ft = fineTune(2);
  ft.context.cancel = &cancel;
  for (int method = 0; method < 3; ++method) {
    auto r = method == 0   ? pruneMagnitude(*t.model, 0.5, ft)
             : method == 1 ? pruneStructured(*t.model, 0.5, ft)
                           : distill(*t.model, DistillOptions{}, ft);
    ASSERT_FALSE(r.ok()) << method;
    EXPECT_EQ(r.error().message, kCancelledMessage) << method;
  }
  EXPECT_FALSE(pruneMagnitude(*t.model, 1.5, fineTune(0)).ok());
  EXPECT_FALSE(pruneStructured(*t.model, -0.1, fineTune(0)).ok());
  auto untrained = createTorchClassifier("mlp", {}, 1, {400});
  ASSERT_TRUE(untrained.ok());
  auto e = pruneMagnitude(**untrained, 0.5, fineTune(0));
  ASSERT_FALSE(e.ok());
  EXPECT_NE(e.error().message.find("trained"), std::string::npos) << e.error().message;
}

TEST(TorchClassifier, PredictScoresAreSoftmaxOfLogits) {
  Teacher& t = teacher();
  ASSERT_TRUE(t.model);
  const Split& d = digits();
  const cv::Mat X = d.testX.rowRange(0, 50);
  auto scores = t.model->predictScores(X);
  ASSERT_TRUE(scores.ok()) << scores.error().toString();
  ASSERT_EQ(scores->type(), CV_32F);
  ASSERT_EQ(scores->rows, 50);
  ASSERT_EQ(scores->cols, 10);
  const torch::Tensor x =
      torch::from_blob(const_cast<float*>(X.ptr<float>()), {50, 400}, torch::kFloat32);
  const torch::Tensor ref = torch::softmax(logitsOf(torchimpl::trainedNet(*t.model), x), 1);
  const auto pred = t.model->predictBatch(X);
  for (int i = 0; i < 50; ++i) {
    double sum = 0.0;
    int best = 0;
    for (int j = 0; j < 10; ++j) {
      sum += scores->at<float>(i, j);
      EXPECT_NEAR(scores->at<float>(i, j), ref[i][j].item<float>(), 1e-6);
      if (scores->at<float>(i, j) > scores->at<float>(i, best)) best = j;
    }
    EXPECT_NEAR(sum, 1.0, 1e-5);
    EXPECT_EQ(best, pred[static_cast<size_t>(i)]);
  }
  EXPECT_FALSE(t.model->predictScores(cv::Mat::zeros(2, 7, CV_32F)).ok());
}

}  // namespace
}  // namespace edgewise::training::test
