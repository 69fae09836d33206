// Hyper-parameters of the OpenCV families: they change the model, bad ones are refused, the
// effective values survive save/load, and logreg files of OpenCV's LogisticRegression (before
// the softmax rewrite) still load.

#include <gtest/gtest.h>

#include <QString>
#include <QTemporaryDir>
#include <opencv2/core.hpp>
#include <opencv2/ml.hpp>

#include "core/training/opencv/cv_classifiers.h"
#include "core/training/model_file.h"
#include "tests/training/ensemble/test_data.h"

namespace edgewise::training::test {
namespace {

std::unique_ptr<Classifier> trainedOn(const SplitData& d, const std::string& id,
                                      const HyperParams& p) {
  auto c = createOpenCvClassifier(id, p, 42);
  EXPECT_TRUE(c.ok()) << c.error().toString();
  if (!c.ok()) return nullptr;
  auto r = (*c)->train(d.trainX, d.trainY, d.numClasses);
  EXPECT_TRUE(r.ok()) << r.error().toString();
  return std::move(*c);
}

TEST(CvParams, EffectiveValuesAndDefaults) {
  const std::map<std::string, HyperParams> defaults{
      {"knn", {{"k", "3"}}},
      {"svm-linear", {{"C", "1"}}},
      {"svm-rbf", {{"C", "10"}, {"gamma", "scale"}}},
      {"rf", {{"trees", "100"}, {"max_depth", "25"}, {"min_samples", "1"}}},
      {"logreg", {{"iterations", "1000"}, {"lr", "1"}, {"reg", "1"}}},
      {"boost", {{"rounds", "50"}, {"depth", "2"}}}};
  for (const std::string& id : openCvClassifierIds()) {
    auto c = createOpenCvClassifier(id, HyperParams{}, 1);
    ASSERT_TRUE(c.ok());
    EXPECT_EQ((*c)->hyperParams(), defaults.at(id)) << id;
    auto old = createOpenCvClassifier(id, 1);  // the overload without params
    EXPECT_EQ((*old)->hyperParams(), defaults.at(id)) << id;
  }
  auto knn = createOpenCvClassifier("knn", {{"k", "7"}}, 1);
  EXPECT_EQ((*knn)->hyperParams().at("k"), "7");
  auto rbf = createOpenCvClassifier("svm-rbf", {{"gamma", "0.05"}}, 1);
  EXPECT_EQ((*rbf)->hyperParams(), (HyperParams{{"C", "10"}, {"gamma", "0.05"}}));
}

TEST(CvParams, BadParamsRefused) {
  struct Case {
    std::string id;
    HyperParams params;
    std::string needle;
  };
  const std::vector<Case> cases{
      {"knn", {{"k", "0"}}, "k must be in [1, 1000], got 0"},
      {"knn", {{"k", "2.5"}}, "k must be an integer"},
      {"knn", {{"C", "1"}}, "unknown hyper-parameter 'C' for knn (known: k)"},
      {"svm-linear", {{"gamma", "1"}}, "unknown hyper-parameter 'gamma' for svm-linear"},
      {"svm-linear", {{"C", "-1"}}, "C must be > 0"},
      {"svm-rbf", {{"gamma", "auto"}}, "gamma must be \"scale\" or a number > 0"},
      {"svm-rbf", {{"C", "abc"}}, "C must be a number"},
      {"rf", {{"trees", "0"}}, "trees must be in [1, 10000]"},
      {"rf", {{"max_depth", "0"}}, "max_depth must be in [1, 1000]"},
      {"logreg", {{"reg", "-0.1"}}, "reg must be >= 0"},
      {"logreg", {{"lr", "0"}}, "lr must be > 0"},
      {"boost", {{"rounds", "0"}}, "rounds must be in [1, 10000]"},
      {"boost", {{"depth", "x"}}, "depth must be a number"},
  };
  for (const Case& c : cases) {
    auto r = createOpenCvClassifier(c.id, c.params, 1);
    ASSERT_FALSE(r.ok()) << c.id;
    EXPECT_NE(r.error().toString().find(c.needle), std::string::npos) << r.error().toString();
  }
  // k larger than the training set: refused at train().
  const SplitData d = subsample(digits7015(), 50);
  auto knn = createOpenCvClassifier("knn", {{"k", "500"}}, 1);
  ASSERT_TRUE(knn.ok());
  auto r = (*knn)->train(d.trainX, d.trainY, 10);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("only 70 training samples"), std::string::npos)
      << r.error().message;
}

TEST(CvParams, ParamsChangeTheModelAndSurviveSaveLoad) {
  const SplitData d = subsample(digits7015(), 4);
  QTemporaryDir dir;
  struct Pair {
    std::string id;
    HyperParams a, b;
  };
  const std::vector<Pair> pairs{
      {"knn", {{"k", "1"}}, {{"k", "7"}}},
      {"svm-linear", {{"C", "0.001"}}, {{"C", "1"}}},
      {"svm-rbf", {{"C", "0.1"}}, {{"C", "10"}, {"gamma", "0.01"}}},
      {"rf", {{"trees", "5"}, {"max_depth", "3"}}, {{"trees", "20"}}},
      {"logreg", {{"iterations", "3"}}, {{"reg", "0.01"}}},
      {"boost", {{"rounds", "3"}, {"depth", "1"}}, {{"rounds", "10"}}},
  };
  for (const Pair& p : pairs) {
    auto a = trainedOn(d, p.id, p.a);
    auto b = trainedOn(d, p.id, p.b);
    ASSERT_TRUE(a && b);
    const std::vector<int> pa = a->predictBatch(d.testX), pb = b->predictBatch(d.testX);
    size_t differ = 0;
    for (size_t i = 0; i < pa.size(); ++i) differ += pa[i] != pb[i];
    EXPECT_GT(differ, 0u) << p.id;
    const std::string path = dir.filePath(QString::fromStdString(p.id + ".ewm")).toStdString();
    ASSERT_TRUE(a->save(path).ok());
    auto back = loadOpenCvClassifier(path);
    ASSERT_TRUE(back.ok()) << back.error().toString();
    EXPECT_EQ((*back)->hyperParams(), a->hyperParams()) << p.id;
    EXPECT_EQ((*back)->predictBatch(d.testX), pa) << p.id;
    EXPECT_EQ((*back)->sizeBytes(), a->sizeBytes()) << p.id;
  }
  // knn: k = 1 answers every training sample with its own label; k = 7 does not.
  auto k1 = trainedOn(d, "knn", {{"k", "1"}});
  auto k7 = trainedOn(d, "knn", {{"k", "7"}});
  EXPECT_DOUBLE_EQ(accuracy(k1->predictBatch(d.trainX), d.trainY), 1.0);
  EXPECT_LT(accuracy(k7->predictBatch(d.trainX), d.trainY), 1.0);
}

// A file as the previous logreg wrote it: one part, OpenCV's LogisticRegression, no
// hyper-parameter part. (Batch rather than the old mini-batch descent: same file format,
// 15x faster here.)
TEST(CvParams, OldOpenCvLogRegFileStillLoads) {
  const SplitData d = subsample(digits7015(), 20);  // OpenCV's LR is slow: keep it small
  auto model = cv::ml::LogisticRegression::create();
  model->setLearningRate(5.0);
  model->setIterations(30);
  model->setRegularization(cv::ml::LogisticRegression::REG_L2);
  model->setTrainMethod(cv::ml::LogisticRegression::BATCH);
  cv::Mat responses;
  cv::Mat(d.trainY).convertTo(responses, CV_32F);
  ASSERT_TRUE(model->train(d.trainX, cv::ml::ROW_SAMPLE, responses));
  cv::Mat expected;
  model->predict(d.testX, expected);
  cv::FileStorage fs(".yml",
                     cv::FileStorage::WRITE | cv::FileStorage::MEMORY | cv::FileStorage::BASE64);
  fs << model->getDefaultName() << "{";
  model->write(fs);
  fs << "}";
  ModelFile file;
  file.familyId = "logreg";
  file.numClasses = 10;
  file.dims = 400;
  file.parameterCount = static_cast<int64_t>(model->get_learnt_thetas().total());
  file.parts = {fs.releaseAndGetString()};
  QTemporaryDir dir;
  const std::string path = dir.filePath(QStringLiteral("old.ewm")).toStdString();
  ASSERT_TRUE(writeModelFile(path, file).ok());
  auto loaded = loadOpenCvClassifier(path);
  ASSERT_TRUE(loaded.ok()) << loaded.error().toString();
  const std::vector<int> got = (*loaded)->predictBatch(d.testX);
  cv::Mat expectedInt;
  expected.convertTo(expectedInt, CV_32S);
  EXPECT_EQ(got, std::vector<int>(expectedInt.begin<int>(), expectedInt.end<int>()));
  EXPECT_GT(accuracy(got, d.testY), 0.2);  // chance is 0.1
  EXPECT_EQ((*loaded)->parameterCount(), file.parameterCount);
  // Saved again (still the old model inside), it loads again with the same answers.
  const std::string again = dir.filePath(QStringLiteral("again.ewm")).toStdString();
  ASSERT_TRUE((*loaded)->save(again).ok());
  auto reloaded = loadOpenCvClassifier(again);
  ASSERT_TRUE(reloaded.ok()) << reloaded.error().toString();
  EXPECT_EQ((*reloaded)->predictBatch(d.testX), got);
}

}  // namespace
}  // namespace edgewise::training::test
