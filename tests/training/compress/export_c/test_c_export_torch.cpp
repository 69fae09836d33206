// The C99 export of real LibTorch models: an mlp trained on a digits subset and a cnn1d on
// synthetic series are described (describeNet), exported, compiled with the host C compiler
// and run on the RAW pixels / samples (features computed in C); the classes must equal those
// of predictLogits() on the prepared rows on >= 99.5 % of the test rows, with the max logit
// error printed and bounded. The same for the static int8 variants (quantizeStaticInt8).

#include "tests/training/compress/export_c/c_export_test_common.h"

#include "core/dataset/data/dataset_version.h"
#include "core/dataset/data/importers.h"
#include "core/training/torch/torch_compress.h"
#include "core/training/torch/torch_models.h"

namespace edgewise::training::test {
namespace {

// ---- the real thing: LibTorch models -----------------------------------------------------

struct Digits {
  std::vector<std::vector<uint8_t>> trainPix, testPix;
  cv::Mat trainX, testX;
  std::vector<int> trainY, testY;
};

// digits.png, stratified 70/15/15 split (seed 42) as in tests/training/torch; at most maxTrain
// rows of the training split (the file is ordered by class: a prefix is not a fair subset).
Digits loadDigits(int maxTrain) {
  Digits d;
  auto parsed =
      dataset::readDigitsPng(std::string(std::getenv("EDGEWISE_TEST_DATA")) + "/digits.png");
  if (!parsed.ok()) {
    ADD_FAILURE() << parsed.error().toString();
    return d;
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
    const auto s = static_cast<dataset::Split>(split[i]);
    const auto& blob = parsed->samples[i].blob;
    cv::Mat row(1, static_cast<int>(blob.size()), CV_8U, const_cast<uint8_t*>(blob.data()));
    cv::Mat f;
    row.convertTo(f, CV_32F, 1.0 / 255.0);
    if (s == dataset::Split::Train && static_cast<int>(d.trainY.size()) < maxTrain) {
      d.trainX.push_back(f);
      d.trainY.push_back(labels[i]);
      d.trainPix.push_back(blob);
    } else if (s == dataset::Split::Test) {
      d.testX.push_back(f);
      d.testY.push_back(labels[i]);
      d.testPix.push_back(blob);
    }
  }
  return d;
}

// Compares C logits with LibTorch's predictLogits on the prepared rows.
// int8: the same uint8 arithmetic gives identical logits; allow one quantum of the head's
// output (a rounding tie decided differently) as the bound.
double int8LogitBound(const NetDescription& d) {
  return 1.001 * d.layers.back().outputQuant.scale;
}

void compareWithTorch(const Classifier& model, const cv::Mat& rows, const std::vector<int>& labels,
                      const CRun& c, const std::string& what, double maxLogitErr) {
  auto logits = predictLogits(model, rows);
  ASSERT_TRUE(logits.ok()) << logits.error().toString();
  ASSERT_EQ(static_cast<int>(c.classes.size()), rows.rows);
  int same = 0, correct = 0;
  double maxErr = 0.0;
  for (int i = 0; i < rows.rows; ++i) {
    correct += c.classes[i] == labels[i];
    const float* l = logits->ptr<float>(i);
    std::vector<float> t(l, l + logits->cols);
    same += argmax(t) == c.classes[i];
    for (int k = 0; k < logits->cols; ++k)
      maxErr = std::max(maxErr, static_cast<double>(std::abs(t[k] - c.logits[i][k])));
  }
  const double frac = static_cast<double>(same) / rows.rows;
  std::cout << "[ " << what << " ] C vs LibTorch on " << rows.rows << " test rows: same class "
            << same << " (" << 100.0 * frac << " %), max |logit error| " << maxErr << " (bound "
            << maxLogitErr << "), C accuracy " << double(correct) / rows.rows << "\n";
  // The model learned something (a constant classifier would agree trivially).
  EXPECT_GE(static_cast<double>(correct) / rows.rows, 0.8) << what;
  EXPECT_GE(frac, 0.995) << what;
  EXPECT_LE(maxErr, maxLogitErr) << what;
}

TEST(CExportTorch, DigitsMlpAgreesWithLibTorch) {
  setTorchThreads(1);
  const Digits d = loadDigits(1 << 30);
  ASSERT_GT(d.testY.size(), 500u);
  HyperParams hp{{"hidden", "64"}, {"epochs", "10"}, {"standardize", "global"}, {"threads", "2"}};
  auto mlp = createTorchClassifier("mlp", hp, 42, {1, 20, 20});
  ASSERT_TRUE(mlp.ok()) << mlp.error().toString();
  ASSERT_TRUE((*mlp)->train(d.trainX, d.trainY, 10).ok());
  auto desc = describeNet(**mlp);
  if (!desc.ok()) GTEST_SKIP() << "describeNet is not available yet: " << desc.error().toString();

  CFeatureSpec img;
  img.kind = "image";
  img.channels = 1;
  img.height = 20;
  img.width = 20;
  CExportResult ex;
  const CRun c = exportCompileRun(*desc, img, makeTempDir("torch-mlp"), d.testPix, true, &ex);
  compareWithTorch(**mlp, d.testX, d.testY, c, "digits mlp float", 1e-4);
  std::cout << "[ digits mlp float ] estimate: flash " << ex.estimate.flashBytes << " (weights "
            << ex.estimate.weightBytes << ", code " << ex.estimate.codeBytes << "), ram "
            << ex.estimate.ramBytes << "\n";

  // Static int8 variant when quantizeStaticInt8 is there.
  auto q = quantizeStaticInt8(**mlp, d.trainX.rowRange(0, 256));
  if (!q.ok()) {
    std::cout << "[ digits mlp int8 ] skipped: " << q.error().toString() << "\n";
  } else {
    auto qdesc = describeNet(*q->model);
    ASSERT_TRUE(qdesc.ok()) << qdesc.error().toString();
    EXPECT_TRUE(qdesc->quantized);
    CExportResult qex;
    const CRun qc =
        exportCompileRun(*qdesc, img, makeTempDir("torch-mlp-int8"), d.testPix, true, &qex);
    compareWithTorch(*q->model, d.testX, d.testY, qc, "digits mlp int8", int8LogitBound(*qdesc));
    std::cout << "[ digits mlp int8 ] estimate: flash " << qex.estimate.flashBytes << " (weights "
              << qex.estimate.weightBytes << ", code " << qex.estimate.codeBytes << "), ram "
              << qex.estimate.ramBytes << "\n";
  }
}

// Series whose class is the frequency of a sinusoid (2, 5 or 9 cycles per window), raw windows
// sample-major (as recorded) and the channel-major rows the desktop trains on.
void makeSeries(int perClass, uint64_t seed, std::vector<std::vector<float>>* raws, cv::Mat* rows,
                std::vector<int>* y) {
  constexpr int kC = 3, kL = 64;
  std::mt19937 rng(static_cast<unsigned>(seed));
  std::uniform_real_distribution<float> phase(0.0f, 6.2831853f), amp(0.5f, 1.5f);
  std::normal_distribution<float> noise(0.0f, 0.3f);
  const int cycles[3] = {2, 5, 9};
  for (int i = 0; i < perClass; ++i)
    for (int k = 0; k < 3; ++k) {
      std::vector<float> raw(kC * kL);
      for (int c = 0; c < kC; ++c) {
        const float p = phase(rng), a = amp(rng);
        for (int t = 0; t < kL; ++t)
          raw[t * kC + c] = a * std::sin(6.2831853f * cycles[k] * t / kL + p) + noise(rng);
      }
      const std::vector<float> row = transpose(raw, kC, kL);
      rows->push_back(cv::Mat(1, kC * kL, CV_32F, const_cast<float*>(row.data())).clone());
      raws->push_back(raw);
      y->push_back(k);
    }
}

TEST(CExportTorch, SeriesCnn1dAgreesWithLibTorch) {
  setTorchThreads(1);
  std::vector<std::vector<float>> trainRaw, testRaw;
  cv::Mat trainX, testX;
  std::vector<int> trainY, testY;
  makeSeries(100, 1, &trainRaw, &trainX, &trainY);
  makeSeries(100, 2, &testRaw, &testX, &testY);
  HyperParams hp{{"channels", "8,16"}, {"epochs", "25"}, {"batch_size", "32"}, {"threads", "2"}};
  auto cnn = createTorchClassifier("cnn1d", hp, 42, {3, 64});
  ASSERT_TRUE(cnn.ok()) << cnn.error().toString();
  ASSERT_TRUE((*cnn)->train(trainX, trainY, 3).ok());
  auto desc = describeNet(**cnn);
  if (!desc.ok()) GTEST_SKIP() << "describeNet is not available yet: " << desc.error().toString();
  CExportResult ex;
  const CRun c =
      exportCompileRun(*desc, seriesSpec(3, 64), makeTempDir("torch-cnn"), testRaw, true, &ex);
  compareWithTorch(**cnn, testX, testY, c, "series cnn1d float", 1e-4);
  std::cout << "[ series cnn1d float ] estimate: flash " << ex.estimate.flashBytes << " (weights "
            << ex.estimate.weightBytes << ", code " << ex.estimate.codeBytes << "), ram "
            << ex.estimate.ramBytes << "\n";

  auto q = quantizeStaticInt8(**cnn, trainX.rowRange(0, 256));
  if (!q.ok()) {
    std::cout << "[ series cnn1d int8 ] skipped: " << q.error().toString() << "\n";
    return;
  }
  auto qdesc = describeNet(*q->model);
  ASSERT_TRUE(qdesc.ok()) << qdesc.error().toString();
  CExportResult qex;
  const CRun qc = exportCompileRun(*qdesc, seriesSpec(3, 64), makeTempDir("torch-cnn-int8"),
                                   testRaw, true, &qex);
  compareWithTorch(*q->model, testX, testY, qc, "series cnn1d int8", int8LogitBound(*qdesc));
  std::cout << "[ series cnn1d int8 ] estimate: flash " << qex.estimate.flashBytes << " (weights "
            << qex.estimate.weightBytes << ", code " << qex.estimate.codeBytes << "), ram "
            << qex.estimate.ramBytes << "\n";
}

}  // namespace
}  // namespace edgewise::training::test
