#include <gtest/gtest.h>

#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include "core/dataset/data/dataset_version.h"
#include "core/dataset/data/importers.h"
#include "core/training/metrics.h"
#include "core/training/opencv/cv_classifiers.h"
#include "core/training/model_file.h"

namespace edgewise::training::test {
namespace {

struct Digits {
  cv::Mat trainX, testX;
  std::vector<int> trainY, testY;
};

// digits.png, pixels scaled to [0, 1], a seeded stratified split: 2,000 train (200 per
// class) and 1,000 test samples (100 per class); the 2,000 "validation" samples are unused.
const Digits& digits() {
  static const Digits d = [] {
    Digits out;
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
    params.trainFraction = 0.4;
    params.valFraction = 0.4;
    params.testFraction = 0.2;
    params.seed = 7;
    const std::vector<uint8_t> split = dataset::stratifiedSplit(labels, params);
    for (size_t i = 0; i < parsed->samples.size(); ++i) {
      const auto& blob = parsed->samples[i].blob;
      cv::Mat row(1, static_cast<int>(blob.size()), CV_8U, const_cast<uint8_t*>(blob.data()));
      cv::Mat f;
      row.convertTo(f, CV_32F, 1.0 / 255.0);
      if (split[i] == static_cast<uint8_t>(dataset::Split::Train)) {
        out.trainX.push_back(f);
        out.trainY.push_back(labels[i]);
      } else if (split[i] == static_cast<uint8_t>(dataset::Split::Test)) {
        out.testX.push_back(f);
        out.testY.push_back(labels[i]);
      }
    }
    return out;
  }();
  return d;
}

std::unique_ptr<Classifier> create(const std::string& id, uint64_t seed = 42) {
  auto c = createOpenCvClassifier(id, seed);
  EXPECT_TRUE(c.ok()) << c.error().toString();
  return c.ok() ? std::move(*c) : nullptr;
}

std::string readBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}
void writeBytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

struct FloorCase {
  std::string id;
  double minAccuracy;
};

class EveryModel : public ::testing::TestWithParam<FloorCase> {};

TEST_P(EveryModel, AccuracyRoundTripAndBatchAgreement) {
  const FloorCase& fc = GetParam();
  const Digits& d = digits();
  ASSERT_EQ(d.trainX.rows, 2000);
  ASSERT_EQ(d.testX.rows, 1000);
  ASSERT_EQ(d.trainX.cols, 400);

  auto model = create(fc.id);
  ASSERT_TRUE(model);
  EXPECT_EQ(model->id(), fc.id);
  EXPECT_FALSE(model->isTrained());
  const auto t0 = std::chrono::steady_clock::now();
  auto trained = model->train(d.trainX, d.trainY, 10);
  ASSERT_TRUE(trained.ok()) << trained.error().toString();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_TRUE(model->isTrained());
  EXPECT_EQ(model->numClasses(), 10);
  EXPECT_EQ(model->dims(), 400);

  const std::vector<int> batch = model->predictBatch(d.testX);
  ASSERT_EQ(batch.size(), 1000u);
  auto metrics = computeMetrics(d.testY, batch, 10);
  ASSERT_TRUE(metrics.ok()) << metrics.error().toString();
  std::cout << "[ measured ] " << fc.id << ": test accuracy " << metrics->accuracy << ", macro-F1 "
            << metrics->macroF1 << ", train " << seconds << " s, params " << model->parameterCount()
            << ", bytes " << model->sizeBytes() << "\n";
  EXPECT_GE(metrics->accuracy, fc.minAccuracy);
  EXPECT_GT(model->parameterCount(), 0);

  // Single-sample predictions agree with the batch.
  for (int i = 0; i < d.testX.rows; ++i)
    ASSERT_EQ(model->predict(d.testX.ptr<float>(i), d.testX.cols), batch[static_cast<size_t>(i)])
        << "sample " << i;
  EXPECT_EQ(model->predict(d.testX.ptr<float>(0), 399), -1);  // wrong dims

  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const std::string path = dir.filePath(u"model.ewm"_qs).toStdString();
  auto saved = model->save(path);
  ASSERT_TRUE(saved.ok()) << saved.error().toString();
  EXPECT_EQ(static_cast<int64_t>(readBytes(path).size()), model->sizeBytes());

  // Round trip through a fresh object of the family and through the generic loader.
  auto fresh = create(fc.id, 999);
  auto loaded = fresh->load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.error().toString();
  EXPECT_EQ(fresh->predictBatch(d.testX), batch);
  EXPECT_EQ(fresh->parameterCount(), model->parameterCount());
  EXPECT_EQ(fresh->sizeBytes(), model->sizeBytes());
  auto generic = loadOpenCvClassifier(path);
  ASSERT_TRUE(generic.ok()) << generic.error().toString();
  EXPECT_EQ((*generic)->id(), fc.id);
  EXPECT_EQ((*generic)->predictBatch(d.testX), batch);
  EXPECT_EQ((*generic)->predict(d.testX.ptr<float>(5), 400), batch[5]);
}

// Floors sit 2-3 points under the test accuracy measured on this split (seed 42):
//   knn 0.923, svm-linear 0.926, svm-rbf 0.958, rf 0.938, logreg 0.914, boost 0.841
// (OpenCV 4.6, RelWithDebInfo, 2 cores, 2026-11-22; logreg is softmax + L-BFGS since then,
// 0.866 with OpenCV's LogisticRegression; boost Gentle, 0.813 with Real).
INSTANTIATE_TEST_SUITE_P(Digits, EveryModel,
                         ::testing::Values(FloorCase{"knn", 0.90}, FloorCase{"svm-linear", 0.90},
                                           FloorCase{"svm-rbf", 0.93}, FloorCase{"rf", 0.91},
                                           FloorCase{"logreg", 0.89}, FloorCase{"boost", 0.81}),
                         [](const auto& info) {
                           std::string name = info.param.id;
                           for (char& c : name)
                             if (c == '-') c = '_';
                           return name;
                         });

// A small kNN model for the file-format tests: quick to train and save.
class ModelFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(m_dir.isValid());
    const Digits& d = digits();
    m_model = create("knn");
    ASSERT_TRUE(m_model);
    auto r = m_model->train(d.trainX.rowRange(0, 300),
                            std::vector<int>(d.trainY.begin(), d.trainY.begin() + 300), 10);
    ASSERT_TRUE(r.ok()) << r.error().toString();
    m_path = path("good.ewm");
    auto s = m_model->save(m_path);
    ASSERT_TRUE(s.ok()) << s.error().toString();
    m_bytes = readBytes(m_path);
    ASSERT_GT(m_bytes.size(), 1000u);
  }
  std::string path(const char* name) const {
    return m_dir.filePath(QString::fromUtf8(name)).toStdString();
  }
  // Loads `file` into a trained kNN; expects a refusal containing `needle` and that the
  // model still predicts as before.
  void expectRefused(const std::string& file, const std::string& needle) {
    const Digits& d = digits();
    const std::vector<int> before = m_model->predictBatch(d.testX.rowRange(0, 50));
    auto r = m_model->load(file);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().toString().find(needle), std::string::npos) << r.error().toString();
    EXPECT_NE(r.error().toString().find(file), std::string::npos) << r.error().toString();
    EXPECT_EQ(m_model->predictBatch(d.testX.rowRange(0, 50)), before);
    auto generic = loadOpenCvClassifier(file);
    ASSERT_FALSE(generic.ok());
    EXPECT_NE(generic.error().toString().find(needle), std::string::npos)
        << generic.error().toString();
  }

  QTemporaryDir m_dir;
  std::unique_ptr<Classifier> m_model;
  std::string m_path;
  std::string m_bytes;
};

TEST_F(ModelFileTest, TruncatedFileRefused) {
  for (size_t keep : {size_t{4}, size_t{20}, m_bytes.size() / 2, m_bytes.size() - 1}) {
    SCOPED_TRACE(keep);
    writeBytes(path("cut.ewm"), m_bytes.substr(0, keep));
    expectRefused(path("cut.ewm"), keep < 8 ? "bad magic bytes" : "truncated");
  }
}

TEST_F(ModelFileTest, FlippedByteRefusedByChecksum) {
  std::string bad = m_bytes;
  bad[bad.size() / 2] = static_cast<char>(bad[bad.size() / 2] ^ 0x5a);
  writeBytes(path("flip.ewm"), bad);
  expectRefused(path("flip.ewm"), "checksum mismatch in model part 1 of 2");
}

TEST_F(ModelFileTest, ForeignAndTrailingBytesRefused) {
  writeBytes(path("png.ewm"),
             readBytes(qEnvironmentVariable("EDGEWISE_TEST_DATA").toStdString() + "/digits.png"));
  expectRefused(path("png.ewm"), "not an Edgewise OpenCV model file (bad magic bytes)");
  writeBytes(path("tail.ewm"), m_bytes + "xyz");
  expectRefused(path("tail.ewm"), "3 unexpected bytes after the last part");
  auto missing = m_model->load(path("missing.ewm"));
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().toString().find("missing.ewm"), std::string::npos);
}

TEST_F(ModelFileTest, ValidContainerWithGarbageModelRefusedByOpenCv) {
  ModelFile f;
  f.familyId = "knn";
  f.numClasses = 10;
  f.dims = 400;
  f.parameterCount = 1;
  f.parts = {"%YAML:1.0\nopencv_ml_knn: [ this is not a model"};
  writeBytes(path("garbage.ewm"), encodeModelFile(f));
  expectRefused(path("garbage.ewm"), "OpenCV could not read the model");
}

TEST_F(ModelFileTest, OtherFamilyRefused) {
  auto svm = create("svm-rbf");
  auto r = svm->load(m_path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "the file holds a 'knn' model, not 'svm-rbf'");
  EXPECT_FALSE(svm->isTrained());
  EXPECT_EQ(svm->predict(digits().testX.ptr<float>(0), 400), -1);
}

TEST(CvClassifiers, UnknownIdUntrainedAndBadDataRefused) {
  auto unknown = createOpenCvClassifier("xgboost");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().message,
            "unknown OpenCV model 'xgboost' (known: knn, svm-linear, svm-rbf, rf, logreg, boost)");
  auto rf = create("rf");
  EXPECT_EQ(rf->predict(digits().testX.ptr<float>(0), 400), -1);
  EXPECT_EQ(rf->predictBatch(digits().testX.rowRange(0, 3)), std::vector<int>(3, -1));
  EXPECT_FALSE(rf->save("/tmp/never-written.ewm").ok());
  auto bad = rf->train(digits().trainX.rowRange(0, 10), {0, 1, 2}, 10);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "training features have 10 rows but there are 3 labels");
  cv::Mat ints(4, 2, CV_32S, cv::Scalar(1));
  EXPECT_FALSE(rf->train(ints, {0, 1, 0, 1}, 2).ok());
  EXPECT_FALSE(rf->train(digits().trainX.rowRange(0, 2), {0, 5}, 2).ok());
}

// Every family but logreg, whose ~6 s of training would double the test time (its
// mini-batch descent draws no random numbers).
class EveryFastModel : public ::testing::TestWithParam<std::string> {};

TEST_P(EveryFastModel, SameModel) {
  const Digits& d = digits();
  cv::Mat X;
  std::vector<int> y;
  for (int i = 0; i < d.trainX.rows; i += 4) {  // 500 samples, every class
    X.push_back(d.trainX.row(i));
    y.push_back(d.trainY[static_cast<size_t>(i)]);
  }
  auto a = create(GetParam(), 5);
  auto b = create(GetParam(), 5);
  ASSERT_TRUE(a->train(X, y, 10).ok());
  ASSERT_TRUE(b->train(X, y, 10).ok());
  const std::vector<int> pa = a->predictBatch(d.testX);
  EXPECT_EQ(pa, b->predictBatch(d.testX));
  EXPECT_EQ(a->parameterCount(), b->parameterCount());
  EXPECT_EQ(a->sizeBytes(), b->sizeBytes());
  EXPECT_EQ(std::count(pa.begin(), pa.end(), -1), 0);
}

// The training split is in class order: its first 300 samples are classes 0 and 1 only. A
// model of 10 classes trained on them must still train, save, load and predict 0 or 1.
TEST_P(EveryFastModel, ClassesMissingFromTrainingData) {
  const Digits& d = digits();
  const std::vector<int> y(d.trainY.begin(), d.trainY.begin() + 300);
  ASSERT_EQ(std::set<int>(y.begin(), y.end()), (std::set<int>{0, 1}));
  auto model = create(GetParam());
  auto r = model->train(d.trainX.rowRange(0, 300), y, 10);
  ASSERT_TRUE(r.ok()) << r.error().toString();
  const std::vector<int> p = model->predictBatch(d.testX);
  for (int label : p) ASSERT_TRUE(label == 0 || label == 1) << label;
  EXPECT_GT(model->parameterCount(), 0);
  QTemporaryDir dir;
  const std::string path = dir.filePath(u"m.ewm"_qs).toStdString();
  ASSERT_TRUE(model->save(path).ok());
  auto loaded = loadOpenCvClassifier(path);
  ASSERT_TRUE(loaded.ok()) << loaded.error().toString();
  EXPECT_EQ((*loaded)->predictBatch(d.testX), p);
}

INSTANTIATE_TEST_SUITE_P(CvClassifiers, EveryFastModel,
                         ::testing::Values("knn", "svm-linear", "svm-rbf", "rf", "boost"),
                         [](const auto& info) {
                           std::string name = info.param;
                           for (char& c : name)
                             if (c == '-') c = '_';
                           return name;
                         });

}  // namespace
}  // namespace edgewise::training::test
