// Two-stage serving: routing (background never reaches the main classifier), accuracy equal to
// the composition of gate and main, the serving comparison, the background-heavy stream and
// save/load.

#include <gtest/gtest.h>

#include <QString>
#include <QTemporaryDir>
#include <atomic>
#include <fstream>
#include <opencv2/core.hpp>

#include "core/training/ensemble/two_stage.h"
#include "core/training/model_file.h"
#include "core/training/opencv/cv_classifiers.h"
#include "tests/training/ensemble/test_data.h"

namespace edgewise::training::test {
namespace {

// Wraps a real classifier and counts the rows it is asked to predict (single and batch).
class Counting : public Classifier {
 public:
  explicit Counting(std::unique_ptr<Classifier> inner) : m_inner(std::move(inner)) {}
  std::string id() const override { return m_inner->id(); }
  using Classifier::train;
  Result<void> train(const cv::Mat& X, const std::vector<int>& y, int n) override {
    trainRows = X.rows;
    return m_inner->train(X, y, n);
  }
  int predict(const float* x, int dims) const override {
    ++rows;
    return m_inner->predict(x, dims);
  }
  std::vector<int> predictBatch(const cv::Mat& X) const override {
    rows += X.rows;
    return m_inner->predictBatch(X);
  }
  Result<void> save(const std::string& p) const override { return m_inner->save(p); }
  Result<void> load(const std::string& p) override { return m_inner->load(p); }
  HyperParams hyperParams() const override { return m_inner->hyperParams(); }
  bool isTrained() const override { return m_inner->isTrained(); }
  int numClasses() const override { return m_inner->numClasses(); }
  int dims() const override { return m_inner->dims(); }
  int64_t parameterCount() const override { return m_inner->parameterCount(); }
  int64_t sizeBytes() const override { return m_inner->sizeBytes(); }
  const Classifier& inner() const { return *m_inner; }

  mutable std::atomic<int64_t> rows{0};
  int trainRows = 0;

 private:
  std::unique_ptr<Classifier> m_inner;
};

std::unique_ptr<Classifier> make(const std::string& family, const HyperParams& params = {}) {
  auto c = createOpenCvClassifier(family, params, 42);
  EXPECT_TRUE(c.ok()) << c.error().toString();
  return c.ok() ? std::move(*c) : nullptr;
}

class TwoStage : public ::testing::Test {
 protected:
  // Digit 0 plays "background"; gate svm-linear, main svm-rbf, on half of the digits split.
  static void SetUpTestSuite() {
    s_data = new SplitData(subsample(digits7015(), 2));
    auto gate = std::make_unique<Counting>(make("svm-linear"));
    auto main = std::make_unique<Counting>(make("svm-rbf"));
    s_gate = gate.get();
    s_main = main.get();
    s_model = new TwoStageClassifier(std::move(gate), std::move(main), 0);
    auto r = s_model->train(s_data->trainX, s_data->trainY, 10);
    ASSERT_TRUE(r.ok()) << r.error().toString();
    s_oneStage = make("svm-rbf").release();
    ASSERT_TRUE(s_oneStage->train(s_data->trainX, s_data->trainY, 10).ok());
  }
  static void TearDownTestSuite() {
    delete s_model;
    delete s_oneStage;
    delete s_data;
  }
  void SetUp() override {
    s_gate->rows = 0;
    s_main->rows = 0;
    s_model->resetCounters();
  }
  static SplitData* s_data;
  static TwoStageClassifier* s_model;
  static Counting* s_gate;
  static Counting* s_main;
  static Classifier* s_oneStage;
};
SplitData* TwoStage::s_data = nullptr;
TwoStageClassifier* TwoStage::s_model = nullptr;
Counting* TwoStage::s_gate = nullptr;
Counting* TwoStage::s_main = nullptr;
Classifier* TwoStage::s_oneStage = nullptr;

TEST_F(TwoStage, TrainsGateOnBackgroundVsEventAndMainOnEverything) {
  EXPECT_EQ(s_model->gate()->numClasses(), 2);
  EXPECT_EQ(s_model->numClasses(), 10);
  EXPECT_EQ(s_model->dims(), 400);
  EXPECT_EQ(s_main->trainRows, s_data->trainX.rows);
  EXPECT_EQ(s_model->hyperParams().at("gate"), "svm-linear");
  EXPECT_EQ(s_model->hyperParams().at("main.C"), "10");
  // The gate's own answers: 1 exactly for the digits that are not 0, most of the time.
  const std::vector<int> gate = s_model->gate()->predictBatch(s_data->testX);
  std::vector<int> truth;
  for (int y : s_data->testY) truth.push_back(y != 0);
  EXPECT_GE(accuracy(gate, truth), 0.97);
}

TEST_F(TwoStage, BackgroundNeverReachesMain) {
  const SplitData& d = *s_data;
  const std::vector<int> gate =
      static_cast<const Counting*>(s_model->gate())->inner().predictBatch(d.testX);
  const int64_t events = std::count(gate.begin(), gate.end(), 1);
  ASSERT_GT(events, 0);
  ASSERT_LT(events, d.testX.rows);
  s_gate->rows = 0;
  s_main->rows = 0;

  // Single-sample serving: main sees exactly the rows the gate called "event".
  std::vector<int> single;
  for (int i = 0; i < d.testX.rows; ++i)
    single.push_back(s_model->predict(d.testX.ptr<float>(i), 400));
  EXPECT_EQ(s_main->rows.load(), events);
  EXPECT_EQ(s_gate->rows.load(), d.testX.rows);
  EXPECT_EQ(s_model->samplesSeen(), d.testX.rows);
  EXPECT_EQ(s_model->samplesToMain(), events);

  // Only rows the gate calls background: main is never asked.
  cv::Mat background;
  for (int i = 0; i < d.testX.rows; ++i)
    if (gate[static_cast<size_t>(i)] == 0) background.push_back(d.testX.row(i));
  s_main->rows = 0;
  const std::vector<int> bg = s_model->predictBatch(background);
  EXPECT_EQ(s_main->rows.load(), 0);
  EXPECT_EQ(bg, std::vector<int>(static_cast<size_t>(background.rows), 0));

  // Batch serving agrees with single-sample serving and passes main only the event rows.
  s_main->rows = 0;
  EXPECT_EQ(s_model->predictBatch(d.testX), single);
  EXPECT_EQ(s_main->rows.load(), events);
}

TEST_F(TwoStage, AccuracyIsTheCompositionOfGateAndMain) {
  const SplitData& d = *s_data;
  const std::vector<int> gate =
      static_cast<const Counting*>(s_model->gate())->inner().predictBatch(d.testX);
  const std::vector<int> main = s_main->inner().predictBatch(d.testX);
  std::vector<int> expected;
  for (size_t i = 0; i < gate.size(); ++i) expected.push_back(gate[i] == 0 ? 0 : main[i]);
  const std::vector<int> got = s_model->predictBatch(d.testX);
  EXPECT_EQ(got, expected);
  const double two = accuracy(got, d.testY);
  const double one = accuracy(s_oneStage->predictBatch(d.testX), d.testY);
  std::printf("[ measured ] two-stage %.4f, one-stage svm-rbf %.4f on %d digits\n", two, one,
              d.testX.rows);
  EXPECT_GE(two, one - 0.02);
}

TEST_F(TwoStage, ServingComparisonOnABackgroundHeavyStream) {
  const SplitData& d = *s_data;
  auto stream = makeBackgroundHeavyStream(d.testX, d.testY, 0, 0.8, 400, 7);
  ASSERT_TRUE(stream.ok()) << stream.error().toString();
  EXPECT_EQ(stream->X.rows, 400);
  EXPECT_EQ(std::count(stream->y.begin(), stream->y.end(), 0), 320);
  // Every row is a row of the source set with its label.
  for (int i = 0; i < stream->X.rows; i += 37) {
    bool found = false;
    for (int j = 0; j < d.testX.rows && !found; ++j)
      found = cv::norm(stream->X.row(i), d.testX.row(j), cv::NORM_INF) == 0 &&
              stream->y[static_cast<size_t>(i)] == d.testY[static_cast<size_t>(j)];
    EXPECT_TRUE(found) << "row " << i;
  }
  auto again = makeBackgroundHeavyStream(d.testX, d.testY, 0, 0.8, 400, 7);
  EXPECT_EQ(again->y, stream->y);

  const ServingComparison c = compareServing(*s_oneStage, *s_model, stream->X, stream->y);
  EXPECT_EQ(c.samples, 400);
  EXPECT_DOUBLE_EQ(c.oneStage.accuracy, accuracy(s_oneStage->predictBatch(stream->X), stream->y));
  EXPECT_DOUBLE_EQ(c.twoStage.accuracy, accuracy(s_model->predictBatch(stream->X), stream->y));
  for (const ServingStats& s : {c.oneStage, c.twoStage}) {
    EXPECT_GT(s.meanUs, 0.0);
    EXPECT_LE(s.p50Us, s.p99Us);
  }
  std::printf(
      "[ measured ] 80%% background stream: one-stage acc %.4f mean %.1f us p50 %.1f p99 "
      "%.1f; two-stage acc %.4f mean %.1f us p50 %.1f p99 %.1f\n",
      c.oneStage.accuracy, c.oneStage.meanUs, c.oneStage.p50Us, c.oneStage.p99Us,
      c.twoStage.accuracy, c.twoStage.meanUs, c.twoStage.p50Us, c.twoStage.p99Us);

  EXPECT_FALSE(makeBackgroundHeavyStream(d.testX, d.testY, 11, 0.8, 10, 1).ok());
  EXPECT_FALSE(makeBackgroundHeavyStream(d.testX, d.testY, 0, 1.5, 10, 1).ok());
  EXPECT_FALSE(makeBackgroundHeavyStream(d.testX, d.testY, 0, 0.5, 0, 1).ok());
}

TEST_F(TwoStage, SaveLoadAndCorruptFiles) {
  const SplitData& d = *s_data;
  QTemporaryDir dir;
  const std::string path = dir.filePath(QStringLiteral("two.ewm")).toStdString();
  ASSERT_TRUE(s_model->save(path).ok());
  auto loaded = loadDefaultMember(path);
  ASSERT_TRUE(loaded.ok()) << loaded.error().toString();
  EXPECT_EQ((*loaded)->id(), "two-stage");
  EXPECT_EQ((*loaded)->predictBatch(d.testX), s_model->predictBatch(d.testX));
  EXPECT_EQ(static_cast<TwoStageClassifier&>(**loaded).backgroundClass(), 0);
  EXPECT_EQ((*loaded)->sizeBytes(), s_model->sizeBytes());

  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  EXPECT_EQ(static_cast<int64_t>(bytes.size()), s_model->sizeBytes());
  const std::string cut = dir.filePath(QStringLiteral("cut.ewm")).toStdString();
  std::ofstream(cut, std::ios::binary) << bytes.substr(0, bytes.size() - 100);
  TwoStageClassifier target;
  EXPECT_FALSE(target.load(cut).ok());
  EXPECT_FALSE(target.isTrained());
  // Background class outside the classes: refused.
  auto file = readModelFile(path);
  ASSERT_TRUE(file.ok());
  file->parts[0] = "EWTWOSTAGE1\n12 0 svm-linear svm-rbf\n";
  const std::string bad = dir.filePath(QStringLiteral("bad.ewm")).toStdString();
  ASSERT_TRUE(writeModelFile(bad, *file).ok());
  auto r = target.load(bad);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("malformed"), std::string::npos) << r.error().message;
}

TEST(TwoStageErrors, RefusesWhatItCannotTrain) {
  const SplitData d = subsample(digits7015(), 10);
  TwoStageClassifier noBackground(make("knn"), make("knn"), 10);
  EXPECT_FALSE(noBackground.train(d.trainX, d.trainY, 10).ok());
  std::vector<int> allZero(d.trainY.size(), 0);
  TwoStageClassifier oneClass(make("knn"), make("knn"), 0);
  auto r = oneClass.train(d.trainX, allZero, 10);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("both background and event"), std::string::npos);
  EXPECT_EQ(oneClass.predict(d.testX.ptr<float>(0), 400), -1);
  // Main trained on events only: it never learns class 0.
  TwoStageClassifier eventsOnly(make("knn"), make("knn", {{"k", "1"}}), 0, true);
  ASSERT_TRUE(eventsOnly.train(d.trainX, d.trainY, 10).ok());
  const std::vector<int> mainAnswers = eventsOnly.mainClassifier()->predictBatch(d.testX);
  EXPECT_EQ(std::count(mainAnswers.begin(), mainAnswers.end(), 0), 0);
}

}  // namespace
}  // namespace edgewise::training::test

namespace edgewise::training::test {
namespace {

// chooseGate on the bench's IMU split (background = class 0): every candidate is scored on
// validation (accuracy recomputed here from the returned gate), a candidate that cannot be
// made is reported and skipped, and the choice follows the rule: the lowest latency among
// those reaching minAccuracy, else the most accurate.
TEST(ChooseGate, PicksTheCheapestAccurateCandidate) {
  const SplitData& d = imu7015();
  ASSERT_GT(d.trainX.rows, 0);
  std::vector<GateCandidate> candidates = {
      {"logreg", [] { return createOpenCvClassifier("logreg", {}, 42); }},
      {"rf:trees=10,max_depth=8",
       [] {
         return createOpenCvClassifier("rf", {{"trees", "10"}, {"max_depth", "8"}}, 42);
       }},
      {"nope", []() -> Result<std::unique_ptr<Classifier>> { return Error("no such family"); }},
      {"knn:k=1", [] {
         return createOpenCvClassifier("knn", {{"k", "1"}}, 42);
       }}};
  auto choice = chooseGate(candidates, d.trainX, d.trainY, d.valX, d.valY, 0, 0.99, 200);
  ASSERT_TRUE(choice.ok()) << choice.error().toString();
  ASSERT_EQ(choice->trials.size(), 4u);
  EXPECT_FALSE(choice->trials[2].error.empty());
  ASSERT_GE(choice->chosen, 0);
  ASSERT_TRUE(choice->gate && choice->gate->isTrained());
  const GateTrial& c = choice->trials[static_cast<size_t>(choice->chosen)];
  std::vector<int> valGate(d.valY.size());
  for (size_t i = 0; i < d.valY.size(); ++i) valGate[i] = d.valY[i] != 0 ? 1 : 0;
  EXPECT_DOUBLE_EQ(accuracy(choice->gate->predictBatch(d.valX), valGate), c.valAccuracy);
  for (const GateTrial& t : choice->trials) {
    if (!t.error.empty()) continue;
    EXPECT_GT(t.meanUs, 0.0) << t.name;
    EXPECT_GE(t.valAccuracy, 0.0);
    EXPECT_LE(t.valAccuracy, 1.0);
  }
  if (choice->metAccuracy) {
    EXPECT_GE(c.valAccuracy, 0.99);
    for (const GateTrial& t : choice->trials)
      if (t.error.empty() && t.valAccuracy >= 0.99) {
        EXPECT_LE(c.meanUs, t.meanUs) << t.name;
      }
  }
  // The IMU windows: a 10-tree forest separates idle from activity (measured 1.0 on this split).
  EXPECT_GE(choice->trials[1].valAccuracy, 0.99);
  EXPECT_TRUE(choice->metAccuracy);

  // Unreachable bar: the most accurate candidate, flagged.
  auto best = chooseGate(candidates, d.trainX, d.trainY, d.valX, d.valY, 0, 1.01, 50);
  ASSERT_TRUE(best.ok());
  EXPECT_FALSE(best->metAccuracy);
  for (const GateTrial& t : best->trials)
    if (t.error.empty()) {
      EXPECT_LE(t.valAccuracy, best->trials[static_cast<size_t>(best->chosen)].valAccuracy);
    }

  // No validation events: refused.
  std::vector<int> allBackground(d.valY.size(), 0);
  EXPECT_FALSE(chooseGate(candidates, d.trainX, d.trainY, d.valX, allBackground, 0).ok());
}

}  // namespace
}  // namespace edgewise::training::test
