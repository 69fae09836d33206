// Ensemble: the weighted vote (values worked out by hand), OpenCV members on digits, lazy
// training while serving, save/load through a member loader, corrupt files.

#include <gtest/gtest.h>

#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <atomic>
#include <chrono>
#include <fstream>
#include <future>
#include <thread>

#include "core/training/ensemble/ensemble.h"
#include "core/training/opencv/cv_classifiers.h"
#include "core/training/model_file.h"
#include "tests/training/ensemble/test_data.h"

namespace edgewise::training::test {
namespace {

// A complete little classifier: answers table[x[0]] (x[0] rounded, clamped to the table),
// -1 for an entry of -1. It has its own model file (family "lookup") so the member-loader path
// of Ensemble::load is exercised with a family the default loader does not know.
class LookupClassifier : public Classifier {
 public:
  explicit LookupClassifier(std::vector<int> table = {}, int numClasses = 3)
      : m_table(std::move(table)), m_numClasses(numClasses) {}
  std::string id() const override { return "lookup"; }
  Result<void> train(const cv::Mat&, const std::vector<int>&, int) override {
    return Error("a lookup table is not trained");
  }
  int predict(const float* x, int dims) const override {
    if (m_table.empty() || dims != 1) return -1;
    const int i =
        std::clamp(static_cast<int>(std::lround(x[0])), 0, static_cast<int>(m_table.size()) - 1);
    return m_table[static_cast<size_t>(i)];
  }
  std::vector<int> predictBatch(const cv::Mat& X) const override {
    std::vector<int> out;
    for (int r = 0; r < X.rows; ++r) out.push_back(predict(X.ptr<float>(r), X.cols));
    return out;
  }
  Result<void> save(const std::string& path) const override {
    ModelFile f;
    f.familyId = "lookup";
    f.numClasses = m_numClasses;
    f.dims = 1;
    std::string table;
    for (int v : m_table) table += std::to_string(v) + " ";
    f.parts = {table};
    return writeModelFile(path, f);
  }
  Result<void> load(const std::string& path) override {
    auto f = readModelFile(path);
    if (!f.ok()) return f.error();
    if (f->familyId != "lookup") return Error("not a lookup table");
    std::istringstream in(f->parts.at(0));
    m_table.clear();
    for (int v; in >> v;) m_table.push_back(v);
    m_numClasses = f->numClasses;
    return okResult();
  }
  bool isTrained() const override { return !m_table.empty(); }
  int numClasses() const override { return m_numClasses; }
  int dims() const override { return 1; }
  int64_t parameterCount() const override { return static_cast<int64_t>(m_table.size()); }
  int64_t sizeBytes() const override { return 0; }

 private:
  std::vector<int> m_table;
  int m_numClasses;
};

Result<std::unique_ptr<Classifier>> loadLookup(const std::string& path) {
  auto c = std::make_unique<LookupClassifier>();
  EW_TRY(c->load(path));
  return std::unique_ptr<Classifier>(std::move(c));
}

std::unique_ptr<Classifier> lookup(std::vector<int> table) {
  return std::make_unique<LookupClassifier>(std::move(table));
}

std::unique_ptr<Classifier> trained(const std::string& family, const HyperParams& params,
                                    const SplitData& d) {
  auto c = createOpenCvClassifier(family, params, 42);
  EXPECT_TRUE(c.ok()) << c.error().toString();
  if (!c.ok()) return nullptr;
  auto r = (*c)->train(d.trainX, d.trainY, d.numClasses);
  EXPECT_TRUE(r.ok()) << r.error().toString();
  return std::move(*c);
}

// Inputs 0..4 of a one-feature model.
cv::Mat inputs() {
  cv::Mat X(5, 1, CV_32F);
  for (int i = 0; i < 5; ++i) X.at<float>(i) = static_cast<float>(i);
  return X;
}

TEST(EnsembleVote, WeightedArgmaxWithTiesToLowestClassAndAbstentions) {
  Ensemble e;
  EXPECT_FALSE(e.isTrained());
  EXPECT_EQ(e.predictBatch(inputs()), std::vector<int>(5, -1));
  // Answers per input 0..4 of members A (w 0.5), B (w 0.3), C (w 0.3):
  //   x=0: A0 B1 C1  -> class 0: 0.5, class 1: 0.6           -> 1
  //   x=1: A2 B2 C0  -> class 2: 0.8, class 0: 0.3           -> 2
  //   x=2: A1 B0 C-1 -> class 1: 0.5, class 0: 0.3 (C abstains) -> 1
  //   x=3: A-1 B2 C1 -> class 2: 0.3, class 1: 0.3 (tie)     -> 1 (lowest index)
  //   x=4: A-1 B-1 C-1 -> no vote                            -> -1
  ASSERT_TRUE(e.addMember(lookup({0, 2, 1, -1, -1}), 0.5).ok());
  ASSERT_TRUE(e.addMember(lookup({1, 2, 0, 2, -1}), 0.3).ok());
  ASSERT_TRUE(e.addMember(lookup({1, 0, -1, 1, -1}), 0.3).ok());
  EXPECT_EQ(e.predictBatch(inputs()), (std::vector<int>{1, 2, 1, 1, -1}));
  const cv::Mat X = inputs();
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(e.predict(X.ptr<float>(i), 1), e.predictBatch(X)[static_cast<size_t>(i)]);
  EXPECT_EQ(e.memberVotes(X.ptr<float>(0), 1), (std::vector<int>{0, 1, 1}));
  EXPECT_EQ(e.predict(X.ptr<float>(0), 2), -1);  // wrong dims
  EXPECT_EQ(e.memberCount(), 3);
  EXPECT_EQ(e.numClasses(), 3);
  EXPECT_EQ(e.parameterCount(), 15);
  EXPECT_EQ(e.hyperParams().at("members"), "lookup,lookup,lookup");

  // A heavier member alone outvotes the other two: x=0 -> class 0 (1.0 vs 0.6).
  ASSERT_TRUE(e.addMember(lookup({0, 0, 0, 0, 0}), 0.5).ok());
  EXPECT_EQ(e.predictBatch(inputs()), (std::vector<int>{0, 0, 0, 0, 0}));
}

TEST(EnsembleVote, RefusesBadMembers) {
  Ensemble e;
  EXPECT_FALSE(e.addMember(nullptr, 1.0).ok());
  EXPECT_FALSE(e.addMember(lookup({}), 1.0).ok());  // untrained
  EXPECT_FALSE(e.addMember(lookup({0}), -1.0).ok());
  EXPECT_FALSE(e.addMember(lookup({0}), std::nan("")).ok());
  ASSERT_TRUE(e.addMember(lookup({0}), 1.0).ok());
  auto other = std::make_unique<LookupClassifier>(std::vector<int>{0}, 4);  // 4 classes
  auto r = e.addMember(std::move(other), 1.0);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("4 classes"), std::string::npos) << r.error().message;
}

TEST(EnsembleVote, SaveLoadThroughMemberLoader) {
  QTemporaryDir dir;
  const std::string path = dir.filePath(QStringLiteral("e.ewm")).toStdString();
  Ensemble e;
  ASSERT_TRUE(e.addMember(lookup({0, 2, 1, -1, -1}), 0.5).ok());
  ASSERT_TRUE(e.addMember(lookup({1, 2, 0, 2, -1}), 0.3).ok());
  ASSERT_TRUE(e.save(path).ok());
  // The default loader knows no "lookup" family: a clear error, not a crash.
  Ensemble noLoader;
  auto refused = noLoader.load(path);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().toString().find("member 1 (lookup)"), std::string::npos)
      << refused.error().toString();
  Ensemble back(loadLookup);
  auto r = back.load(path);
  ASSERT_TRUE(r.ok()) << r.error().toString();
  EXPECT_EQ(back.weights(), (std::vector<double>{0.5, 0.3}));
  EXPECT_EQ(back.predictBatch(inputs()), e.predictBatch(inputs()));
}

class DigitsEnsemble : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_data = new SplitData(subsample(digits7015(), 2));  // 1,750 train, 375 val, 375 test
    s_members = new std::vector<std::unique_ptr<Classifier>>();
    s_members->push_back(trained("knn", {{"k", "1"}}, *s_data));
    s_members->push_back(trained("svm-rbf", {}, *s_data));
    s_members->push_back(trained("rf", {{"trees", "50"}}, *s_data));
    s_members->push_back(trained("svm-linear", {}, *s_data));
    s_members->push_back(trained("logreg", {{"iterations", "200"}}, *s_data));
  }
  static void TearDownTestSuite() {
    delete s_members;
    delete s_data;
  }
  static SplitData* s_data;
  static std::vector<std::unique_ptr<Classifier>>* s_members;
};
SplitData* DigitsEnsemble::s_data = nullptr;
std::vector<std::unique_ptr<Classifier>>* DigitsEnsemble::s_members = nullptr;

// Members through save/load, so the ensemble owns copies and the fixture keeps the originals.
std::unique_ptr<Classifier> copyOf(const Classifier& c) {
  auto bytes = classifierBytes(c);
  EXPECT_TRUE(bytes.ok()) << bytes.error().toString();
  auto back = classifierFromBytes(*bytes, {});
  EXPECT_TRUE(back.ok()) << back.error().toString();
  return back.ok() ? std::move(*back) : nullptr;
}

// knn (k = 1), svm-rbf and rf: the three strongest families on digits. (All five, weighted
// by validation accuracy, vote 1 point below svm-rbf alone: the two linear models agree with
// each other too often; see SelectionByValidation.)
TEST_F(DigitsEnsemble, MatchesOrBeatsItsBestMemberAndRoundTrips) {
  const SplitData& d = *s_data;
  Ensemble e;
  double best = 0.0;
  std::string bestId;
  for (size_t k = 0; k < 3; ++k) {
    const auto& m = (*s_members)[k];
    ASSERT_TRUE(m && m->isTrained());
    const double w = weightFromValidation(*m, d.valX, d.valY);
    EXPECT_DOUBLE_EQ(w, accuracy(m->predictBatch(d.valX), d.valY));
    ASSERT_TRUE(e.addMember(copyOf(*m), w).ok());
    const double test = accuracy(m->predictBatch(d.testX), d.testY);
    std::printf("[ measured ] member %s: val %.4f test %.4f\n", m->id().c_str(), w, test);
    if (test > best) {
      best = test;
      bestId = m->id();
    }
  }
  const std::vector<int> predicted = e.predictBatch(d.testX);
  const double ours = accuracy(predicted, d.testY);
  std::printf("[ measured ] ensemble of %d: test %.4f (best member %s %.4f)\n", e.memberCount(),
              ours, bestId.c_str(), best);
  EXPECT_GE(ours, best);
  // The vote, recomputed here from the members' own answers.
  const std::vector<double> w = e.weights();
  for (int i = 0; i < d.testX.rows; i += 7) {
    std::vector<double> score(10, 0.0);
    for (size_t m = 0; m < 3; ++m)
      score[static_cast<size_t>((*s_members)[m]->predict(d.testX.ptr<float>(i), 400))] += w[m];
    const int expected =
        static_cast<int>(std::max_element(score.begin(), score.end()) - score.begin());
    EXPECT_EQ(predicted[static_cast<size_t>(i)], expected) << "row " << i;
    EXPECT_EQ(e.predict(d.testX.ptr<float>(i), 400), expected);
  }

  QTemporaryDir dir;
  const std::string path = dir.filePath(QStringLiteral("ensemble.ewm")).toStdString();
  ASSERT_TRUE(e.save(path).ok());
  EXPECT_EQ(QFile(QString::fromStdString(path)).size(), e.sizeBytes());
  auto loaded = loadDefaultMember(path);
  ASSERT_TRUE(loaded.ok()) << loaded.error().toString();
  EXPECT_EQ((*loaded)->id(), "ensemble");
  EXPECT_EQ((*loaded)->predictBatch(d.testX), predicted);
  EXPECT_EQ(static_cast<Ensemble&>(**loaded).weights(), e.weights());
  EXPECT_EQ((*loaded)->parameterCount(), e.parameterCount());

  // Corrupt copies are refused and leave a loaded ensemble as it was.
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  auto write = [&](const std::string& name, const std::string& content) {
    const std::string p = dir.filePath(QString::fromStdString(name)).toStdString();
    std::ofstream(p, std::ios::binary) << content;
    return p;
  };
  std::string flipped = bytes;
  flipped[flipped.size() / 2] ^= 0x20;
  Ensemble target;
  ASSERT_TRUE(target.load(path).ok());
  for (const std::string& bad :
       {write("flip.ewm", flipped), write("cut.ewm", bytes.substr(0, bytes.size() / 3)),
        write("empty.ewm", "")}) {
    auto r = target.load(bad);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_NE(r.error().toString().find("loading ensemble"), std::string::npos);
    }
    EXPECT_EQ(target.predictBatch(d.testX), predicted);
  }
  // A valid container whose member bytes are garbage: refused naming the member.
  auto file = readModelFile(path);
  ASSERT_TRUE(file.ok());
  file->parts[2] = "not a model";
  ASSERT_TRUE(
      writeModelFile(dir.filePath(QStringLiteral("garbage.ewm")).toStdString(), *file).ok());
  auto garbage = target.load(dir.filePath(QStringLiteral("garbage.ewm")).toStdString());
  ASSERT_FALSE(garbage.ok());
  EXPECT_NE(garbage.error().toString().find("member 2 (svm-rbf)"), std::string::npos)
      << garbage.error().toString();
  // Another family's file.
  const std::string knnPath = dir.filePath(QStringLiteral("knn.ewm")).toStdString();
  ASSERT_TRUE((*s_members)[0]->save(knnPath).ok());
  auto other = target.load(knnPath);
  ASSERT_FALSE(other.ok());
  EXPECT_NE(other.error().message.find("'knn' model, not 'ensemble'"), std::string::npos);
}

TEST_F(DigitsEnsemble, SelectionByValidation) {
  const SplitData& d = *s_data;
  Ensemble e;
  double bestVal = 0.0, bestTest = 0.0;
  for (const auto& m : *s_members) {
    const double w = weightFromValidation(*m, d.valX, d.valY);
    ASSERT_TRUE(e.addMember(copyOf(*m), w).ok());
    bestVal = std::max(bestVal, w);
    bestTest = std::max(bestTest, accuracy(m->predictBatch(d.testX), d.testY));
  }
  const double allTest = accuracy(e.predictBatch(d.testX), d.testY);
  const std::vector<int> kept = e.selectByValidation(d.valX, d.valY);
  ASSERT_FALSE(kept.empty());
  EXPECT_EQ(e.memberCount(), static_cast<int>(kept.size()));
  EXPECT_TRUE(std::is_sorted(kept.begin(), kept.end()));
  // By construction at least as good as the best member on validation data.
  const double val = accuracy(e.predictBatch(d.valX), d.valY);
  EXPECT_GE(val, bestVal);
  std::string ids;
  for (const std::string& id : e.memberIds()) ids += id + " ";
  std::printf(
      "[ measured ] all 5 vote: test %.4f; selected %s: val %.4f (best member %.4f), "
      "test %.4f (best member %.4f)\n",
      allTest, ids.c_str(), val, bestVal, accuracy(e.predictBatch(d.testX), d.testY), bestTest);
  // The first member chosen is the best on validation (svm-rbf here).
  EXPECT_NE(std::find(kept.begin(), kept.end(), 1), kept.end());
}

TEST_F(DigitsEnsemble, RetrainSetsValidationWeights) {
  const SplitData small = subsample(*s_data, 3);
  Ensemble e;
  ASSERT_TRUE(e.addMember(copyOf(*(*s_members)[0]), 1.0).ok());
  ASSERT_TRUE(e.addMember(copyOf(*(*s_members)[3]), 1.0).ok());
  int steps = 0;
  TrainContext context;
  context.valX = &small.valX;
  context.valY = &small.valY;
  context.progress = [&](const TrainProgress& p) {
    ++steps;
    EXPECT_EQ(p.epochs, 2);
  };
  ASSERT_TRUE(e.train(small.trainX, small.trainY, 10, context).ok());
  EXPECT_EQ(steps, 2);
  const std::vector<double> w = e.weights();
  // Each weight is that member's validation accuracy after retraining on the small set.
  auto knn = trained("knn", {{"k", "1"}}, small);
  auto lin = trained("svm-linear", {}, small);
  EXPECT_DOUBLE_EQ(w[0], accuracy(knn->predictBatch(small.valX), small.valY));
  EXPECT_DOUBLE_EQ(w[1], accuracy(lin->predictBatch(small.valX), small.valY));
  Ensemble empty;
  EXPECT_FALSE(empty.train(small.trainX, small.trainY, 10).ok());
}

MemberFactory factoryOf(const std::string& family, HyperParams params = {}) {
  return [family, params]() { return createOpenCvClassifier(family, params, 42); };
}

TEST_F(DigitsEnsemble, LazyTrainerServesAfterTheFirstMemberAndEndsWithAll) {
  const SplitData& d = *s_data;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::vector<MemberFactory> factories{
      factoryOf("knn", {{"k", "1"}}),
      // The second member cannot start before the test has checked the served ensemble.
      [released]() {
        released.wait();
        return createOpenCvClassifier("svm-linear", {}, 42);
      },
      []() -> Result<std::unique_ptr<Classifier>> { return Error("no such family here"); },
      factoryOf("rf", {{"trees", "20"}}),
  };
  LazyEnsembleTrainer trainer(factories, d.trainX, d.trainY, d.valX, d.valY, 10);
  std::vector<LazyEnsembleTrainer::Progress> progress;
  std::mutex progressMutex;
  trainer.setProgressCallback([&](const LazyEnsembleTrainer::Progress& p) {
    std::lock_guard lock(progressMutex);
    progress.push_back(p);
  });
  auto started = trainer.start();
  ASSERT_TRUE(started.ok()) << started.error().toString();
  std::shared_ptr<Ensemble> e = *started;
  EXPECT_FALSE(trainer.start().ok());  // only once
  ASSERT_EQ(e->memberCount(), 1);
  EXPECT_FALSE(trainer.finished());
  // Serving now answers like the first member alone.
  const std::vector<int> first = e->predictBatch(d.testX);
  EXPECT_EQ(first, (*s_members)[0]->predictBatch(d.testX));

  // Predictions keep flowing from another thread while members arrive.
  std::atomic<bool> stop{false};
  std::atomic<int> bad{0}, served{0};
  std::thread client([&] {
    while (!stop.load()) {
      for (int i = 0; i < 20; ++i) {
        const int label = e->predict(d.testX.ptr<float>(i), 400);
        if (label < 0 || label > 9) ++bad;
        ++served;
      }
    }
  });
  release.set_value();
  ASSERT_TRUE(trainer.wait().ok());
  stop = true;
  client.join();
  EXPECT_TRUE(trainer.finished());
  EXPECT_EQ(bad.load(), 0);
  EXPECT_GT(served.load(), 0);
  EXPECT_EQ(e->memberIds(), (std::vector<std::string>{"knn", "svm-linear", "rf"}));
  ASSERT_EQ(trainer.errors().size(), 1u);
  EXPECT_NE(trainer.errors()[0].find("member 3: no such family here"), std::string::npos)
      << trainer.errors()[0];
  ASSERT_EQ(progress.size(), 4u);
  EXPECT_EQ(progress.back().finished, 4);
  EXPECT_EQ(progress.back().failed, 1);
  EXPECT_EQ(progress[0].member, "knn");
  EXPECT_DOUBLE_EQ(progress[0].weight, e->weights()[0]);
  EXPECT_DOUBLE_EQ(e->weights()[0], weightFromValidation(*(*s_members)[0], d.valX, d.valY));
}

TEST_F(DigitsEnsemble, LazyTrainerCancelAndNothingTrainable) {
  const SplitData& d = *s_data;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  {
    LazyEnsembleTrainer trainer({factoryOf("knn"),
                                 [released]() {
                                   released.wait();
                                   return createOpenCvClassifier("rf", {}, 42);
                                 },
                                 factoryOf("svm-rbf")},
                                d.trainX, d.trainY, d.valX, d.valY, 10);
    auto started = trainer.start();
    ASSERT_TRUE(started.ok());
    trainer.cancel();
    release.set_value();
    auto r = trainer.wait();
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message, kCancelledMessage);
    // rf saw the cancel flag (or never started); svm-rbf never ran.
    EXPECT_LE((*started)->memberCount(), 2);
    EXPECT_EQ((*started)->memberIds().front(), "knn");
  }
  LazyEnsembleTrainer none({factoryOf("knn", {{"k", "0"}})}, d.trainX, d.trainY, d.valX, d.valY,
                           10);
  auto r = none.start();
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("no ensemble member could be trained"), std::string::npos);
  EXPECT_NE(r.error().message.find("k must be in [1, 1000]"), std::string::npos)
      << r.error().message;
}

}  // namespace
}  // namespace edgewise::training::test
