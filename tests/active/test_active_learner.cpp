// ActiveLearner on a pool of three well separated 2-D blobs: labels, the background retrain
// after a batch, the queue and its pre-annotations, label sources (accepted, correction),
// corrective samples from outside the pool, failed rounds, cancel.

#include <gtest/gtest.h>

#include <opencv2/core.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>

#include "core/active/active_learner.h"

namespace edgewise::active {
namespace {

#define EW_ASSERT_OK(r) ASSERT_TRUE((r).ok()) << (r).error().toString()

constexpr int kClasses = 3;
constexpr int kPool = 120;
constexpr int kWaitMs = 60000;

// Row r belongs to class r % 3; centres (0,0), (6,0), (0,6), sd 0.5: any sensible model
// separates them after two labels per class.
cv::Mat blobs() {
  cv::Mat pool(kPool, 2, CV_32F);
  cv::RNG gen(1234);
  const float centre[kClasses][2] = {{0, 0}, {6, 0}, {0, 6}};
  for (int r = 0; r < kPool; ++r)
    for (int c = 0; c < 2; ++c)
      pool.at<float>(r, c) = centre[r % kClasses][c] + static_cast<float>(gen.gaussian(0.5));
  return pool;
}

int truth(int row) {
  return row % kClasses;
}

LearnerOptions options(int batch = 6) {
  LearnerOptions o;
  o.batch = batch;
  o.seed = 3;
  return o;
}

// Rows 0..5: two per class.
void labelFirstSix(ActiveLearner& learner) {
  for (int r = 0; r < 6; ++r) ASSERT_TRUE(learner.addLabel(r, truth(r)).ok()) << r;
}

LabelSource sourceOf(const ActiveLearner& learner, int row) {
  for (const LabeledRow& l : learner.labels())
    if (l.row == row) return l.source;
  ADD_FAILURE() << "row " << row << " is not labeled";
  return LabelSource::Annotator;
}

TEST(ActiveLearner, BeforeTheFirstModelTheQueueIsASeededPermutation) {
  ActiveLearner a(blobs(), kClasses, options(8));
  ActiveLearner b(blobs(), kClasses, options(8));
  EXPECT_EQ(a.poolSize(), kPool);
  EXPECT_EQ(a.modelVersion(), 0);
  EXPECT_EQ(a.model(), nullptr);
  const std::vector<QueueItem> q = a.queue();
  ASSERT_EQ(q.size(), 8u);
  std::set<int> rows;
  for (size_t i = 0; i < q.size(); ++i) {
    rows.insert(q[i].row);
    EXPECT_EQ(q[i].suggestion, -1);
    EXPECT_EQ(q[i].confidence, 0.0);
    EXPECT_EQ(b.queue()[i].row, q[i].row);  // same seed, same queue
  }
  EXPECT_EQ(rows.size(), 8u);
  EXPECT_EQ(a.suggestion(q[0].row).suggestion, -1);
  EXPECT_FALSE(a.acceptSuggestion(q[0].row).ok());
  // Labeling the head of the queue removes it; the next row moves up.
  EW_ASSERT_OK(a.addLabel(q[0].row, truth(q[0].row)));
  const std::vector<QueueItem> q2 = a.queue();
  ASSERT_EQ(q2.size(), 8u);
  EXPECT_EQ(q2[0].row, q[1].row);
  for (const QueueItem& item : q2) EXPECT_NE(item.row, q[0].row);
  // One label is not enough to train.
  auto r = a.requestRetrain();
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("at least 2 labeled rows"), std::string::npos);
  EXPECT_FALSE(a.busy());
}

TEST(ActiveLearner, LabelsOutOfRangeAreRefused) {
  ActiveLearner learner(blobs(), kClasses, options());
  EXPECT_FALSE(learner.addLabel(-1, 0).ok());
  EXPECT_FALSE(learner.addLabel(kPool, 0).ok());
  EXPECT_FALSE(learner.addLabel(0, kClasses).ok());
  EXPECT_FALSE(learner.addLabel(0, -1).ok());
  EXPECT_EQ(learner.labeledCount(), 0);
  // Relabeling replaces the label and counts once.
  EW_ASSERT_OK(learner.addLabel(4, 0));
  EW_ASSERT_OK(learner.addLabel(4, 1));
  EXPECT_EQ(learner.labeledCount(), 1);
  ASSERT_EQ(learner.labels().size(), 1u);
  EXPECT_EQ(learner.labels()[0].label, 1);
  const std::vector<uint8_t> mask = learner.labeledMask();
  ASSERT_EQ(mask.size(), static_cast<size_t>(kPool));
  EXPECT_EQ(std::count(mask.begin(), mask.end(), 1), 1);
  EXPECT_EQ(mask[4], 1);
}

TEST(ActiveLearner, ABatchOfLabelsRetrainsInTheBackground) {
  ActiveLearner learner(blobs(), kClasses, options(6));
  std::mutex m;
  std::vector<RoundReport> reports;
  learner.setRoundCallback([&](const RoundReport& r) {
    std::lock_guard lock(m);
    reports.push_back(r);
  });
  for (int r = 0; r < 5; ++r) EW_ASSERT_OK(learner.addLabel(r, truth(r)));
  EXPECT_FALSE(learner.busy());  // 5 < batch: no round yet
  EXPECT_EQ(learner.modelVersion(), 0);
  EW_ASSERT_OK(learner.addLabel(5, truth(5)));  // the sixth label starts a round
  ASSERT_TRUE(learner.waitIdle(kWaitMs));
  EXPECT_EQ(learner.modelVersion(), 1);
  ASSERT_NE(learner.model(), nullptr);
  EXPECT_EQ(learner.model()->id(), "logreg");
  const RoundReport last = learner.lastRound();
  EXPECT_EQ(last.version, 1);
  EXPECT_EQ(last.trainedOn, 6);
  EXPECT_TRUE(last.error.empty()) << last.error;
  EXPECT_GE(last.trainSeconds, 0.0);
  {
    std::lock_guard lock(m);
    ASSERT_EQ(reports.size(), 1u);
    EXPECT_EQ(reports[0].version, 1);
    EXPECT_EQ(reports[0].trainedOn, 6);
  }

  // The queue: batch rows, none labeled, each with the model's class and confidence, in
  // decreasing margin uncertainty (the default strategy).
  const std::vector<QueueItem> q = learner.queue();
  ASSERT_EQ(q.size(), 6u);
  const std::vector<uint8_t> mask = learner.labeledMask();
  std::set<int> rows;
  for (size_t i = 0; i < q.size(); ++i) {
    const QueueItem& item = q[i];
    rows.insert(item.row);
    ASSERT_GE(item.row, 0);
    ASSERT_LT(item.row, kPool);
    EXPECT_FALSE(mask[static_cast<size_t>(item.row)]) << item.row;
    EXPECT_GE(item.suggestion, 0);
    EXPECT_LT(item.suggestion, kClasses);
    EXPECT_GT(item.confidence, 1.0 / kClasses - 1e-9);  // the top of 3 probabilities
    EXPECT_LE(item.confidence, 1.0);
    EXPECT_GE(item.uncertainty, 0.0);
    EXPECT_LE(item.uncertainty, 1.0);
    if (i > 0) {
      EXPECT_LE(item.uncertainty, q[i - 1].uncertainty + 1e-12);
    }
    const QueueItem s = learner.suggestion(item.row);
    EXPECT_EQ(s.suggestion, item.suggestion);
    EXPECT_DOUBLE_EQ(s.confidence, item.confidence);
  }
  EXPECT_EQ(rows.size(), 6u);
  // The model has learned the blobs: its suggestions are right almost everywhere.
  int right = 0;
  for (int r = 0; r < kPool; ++r) right += learner.suggestion(r).suggestion == truth(r);
  EXPECT_GE(right, kPool * 95 / 100);
  EXPECT_EQ(learner.suggestion(-1).suggestion, -1);
  EXPECT_EQ(learner.suggestion(kPool).suggestion, -1);

  // Labeling a queued row takes it out of the queue; the other rows stay in order.
  EW_ASSERT_OK(learner.addLabel(q[2].row, truth(q[2].row)));
  const std::vector<QueueItem> q2 = learner.queue();
  ASSERT_EQ(q2.size(), 5u);
  for (const QueueItem& item : q2) EXPECT_NE(item.row, q[2].row);
  EXPECT_EQ(q2[2].row, q[3].row);

  // Six more labels: model version 2, trained on 12.
  int added = 1;
  for (int r = 6; added < 6; ++r)
    if (!learner.labeledMask()[static_cast<size_t>(r)]) {
      EW_ASSERT_OK(learner.addLabel(r, truth(r)));
      ++added;
    }
  ASSERT_TRUE(learner.waitIdle(kWaitMs));
  EXPECT_EQ(learner.modelVersion(), 2);
  EXPECT_EQ(learner.lastRound().trainedOn, 12);
}

TEST(ActiveLearner, AcceptedSuggestionsAndCorrectionsAreTold) {
  LearnerOptions o = options(6);
  o.autoRetrain = false;
  ActiveLearner learner(blobs(), kClasses, o);
  labelFirstSix(learner);
  EXPECT_FALSE(learner.busy());  // autoRetrain off
  EW_ASSERT_OK(learner.requestRetrain());
  ASSERT_TRUE(learner.waitIdle(kWaitMs));
  ASSERT_EQ(learner.modelVersion(), 1);
  // The first labels came before any model: annotator.
  for (int r = 0; r < 6; ++r) EXPECT_EQ(sourceOf(learner, r), LabelSource::Annotator) << r;

  // Rows the model gets right (checked above: nearly all), so "other" is a wrong label.
  std::vector<int> rows;
  for (int r = 6; r < kPool && rows.size() < 5; ++r)
    if (learner.suggestion(r).suggestion == truth(r)) rows.push_back(r);
  ASSERT_EQ(rows.size(), 5u);
  auto other = [](int row) { return (truth(row) + 1) % kClasses; };

  EW_ASSERT_OK(learner.acceptSuggestion(rows[0]));
  EXPECT_EQ(sourceOf(learner, rows[0]), LabelSource::Accepted);
  EW_ASSERT_OK(learner.addLabel(rows[1], truth(rows[1])));  // typed, agrees
  EXPECT_EQ(sourceOf(learner, rows[1]), LabelSource::Annotator);
  EW_ASSERT_OK(learner.addLabel(rows[2], other(rows[2])));  // typed, disagrees
  EXPECT_EQ(sourceOf(learner, rows[2]), LabelSource::Correction);
  EW_ASSERT_OK(learner.addLabel(rows[3], truth(rows[3]), LabelSource::Accepted));
  EXPECT_EQ(sourceOf(learner, rows[3]), LabelSource::Accepted);
  // "Accepted" with a label that is not the suggestion is a correction.
  EW_ASSERT_OK(learner.addLabel(rows[4], other(rows[4]), LabelSource::Accepted));
  EXPECT_EQ(sourceOf(learner, rows[4]), LabelSource::Correction);
  EXPECT_EQ(learner.correctionCount(), 2);
  for (const LabeledRow& l : learner.labels())
    if (l.row == rows[0]) {
      EXPECT_EQ(l.label, learner.suggestion(rows[0]).suggestion);
    }

  // Fixing a correction back to the model's class: annotator again, still one label.
  const int before = learner.labeledCount();
  EW_ASSERT_OK(learner.addLabel(rows[2], truth(rows[2])));
  EXPECT_EQ(sourceOf(learner, rows[2]), LabelSource::Annotator);
  EXPECT_EQ(learner.labeledCount(), before);
  EXPECT_EQ(learner.correctionCount(), 1);
  EXPECT_FALSE(learner.busy());

  EXPECT_EQ(labelSourceName(LabelSource::Annotator), "annotator");
  EXPECT_EQ(labelSourceName(LabelSource::Accepted), "accepted");
  EXPECT_EQ(labelSourceName(LabelSource::Correction), "correction");
}

// Six annotator labels, two pool rows labeled as corrections (e.g. from a device's report) and
// one correction from outside the pool: with includeCorrections all nine train, without only
// the annotator's six.
int trainedOnWithCorrections(bool include) {
  LearnerOptions o = options(6);
  o.autoRetrain = false;
  o.includeCorrections = include;
  ActiveLearner learner(blobs(), kClasses, o);
  for (int r = 0; r < 6; ++r) EXPECT_TRUE(learner.addLabel(r, truth(r)).ok());
  EXPECT_TRUE(learner.addLabel(6, truth(6), LabelSource::Correction).ok());
  EXPECT_TRUE(learner.addLabel(7, truth(7), LabelSource::Correction).ok());
  cv::Mat outside = (cv::Mat_<float>(1, 2) << 6.0f, 6.0f);
  auto n = learner.addCorrection(outside, 1);
  EXPECT_TRUE(n.ok());
  EXPECT_EQ(learner.correctionCount(), 3);
  EXPECT_TRUE(learner.requestRetrain().ok());
  EXPECT_TRUE(learner.waitIdle(kWaitMs));
  EXPECT_TRUE(learner.lastRound().error.empty()) << learner.lastRound().error;
  return learner.lastRound().trainedOn;
}

TEST(ActiveLearner, CorrectionsTrainOnlyWhenIncluded) {
  EXPECT_EQ(trainedOnWithCorrections(true), 9);   // 6 + 2 corrections + 1 outside row
  EXPECT_EQ(trainedOnWithCorrections(false), 6);  // the annotator's labels only
}

TEST(ActiveLearner, AddCorrectionKeepsOutsideSamples) {
  LearnerOptions o = options(6);
  o.autoRetrain = false;
  ActiveLearner learner(blobs(), kClasses, o);
  EXPECT_FALSE(learner.addCorrection(cv::Mat(1, 3, CV_32F, cv::Scalar(0)), 0).ok());  // width
  EXPECT_FALSE(learner.addCorrection(cv::Mat(2, 2, CV_32F, cv::Scalar(0)), 0).ok());  // rows
  EXPECT_FALSE(learner.addCorrection(cv::Mat(1, 2, CV_64F, cv::Scalar(0)), 0).ok());  // type
  EXPECT_FALSE(learner.addCorrection(cv::Mat(1, 2, CV_32F, cv::Scalar(0)), kClasses).ok());
  EXPECT_EQ(learner.correctionCount(), 0);
  // Two outside samples are enough to train on (they count towards the 2-row minimum).
  auto n = learner.addCorrection((cv::Mat_<float>(1, 2) << 0.1f, 0.2f), 0);
  EW_ASSERT_OK(n);
  EXPECT_EQ(*n, 1);
  n = learner.addCorrection((cv::Mat_<float>(1, 2) << 6.1f, 0.1f), 1);
  EW_ASSERT_OK(n);
  EXPECT_EQ(*n, 2);
  EXPECT_EQ(learner.correctionCount(), 2);
  EXPECT_EQ(learner.labeledCount(), 0);  // not pool rows
  EXPECT_TRUE(learner.labels().empty());
  EXPECT_EQ(learner.poolSize(), kPool);
  EW_ASSERT_OK(learner.requestRetrain());
  ASSERT_TRUE(learner.waitIdle(kWaitMs));
  EXPECT_EQ(learner.modelVersion(), 1);
  EXPECT_EQ(learner.lastRound().trainedOn, 2);
  EXPECT_EQ(learner.queue().size(), 6u);  // the whole pool is still unlabeled
}

TEST(ActiveLearner, AFailedRoundKeepsThePreviousModelAndSaysWhy) {
  LearnerOptions o = options(6);
  o.family = "cnn2d";  // cannot take 2-value rows
  ActiveLearner learner(blobs(), kClasses, o);
  std::atomic<int> calls{0};
  learner.setRoundCallback([&](const RoundReport&) { ++calls; });
  labelFirstSix(learner);  // starts a round
  ASSERT_TRUE(learner.waitIdle(kWaitMs));
  EXPECT_EQ(calls.load(), 1);
  EXPECT_EQ(learner.modelVersion(), 0);
  EXPECT_EQ(learner.model(), nullptr);
  const RoundReport r = learner.lastRound();
  EXPECT_EQ(r.version, 0);
  EXPECT_NE(r.error.find("cnn2d"), std::string::npos) << r.error;
  EXPECT_EQ(learner.queue().front().suggestion, -1);  // still the model-free queue
}

TEST(ActiveLearner, DiversityStrategiesQueueDistinctUnlabeledRows) {
  for (Strategy s : {Strategy::KCenter, Strategy::Hybrid, Strategy::Random, Strategy::Entropy,
                     Strategy::LeastConfidence}) {
    LearnerOptions o = options(6);
    o.strategy = s;
    o.queueSize = 10;
    ActiveLearner learner(blobs(), kClasses, o);
    EXPECT_EQ(learner.queue().size(), 10u);  // queueSize, not batch
    labelFirstSix(learner);
    ASSERT_TRUE(learner.waitIdle(kWaitMs)) << strategyName(s);
    ASSERT_EQ(learner.modelVersion(), 1) << strategyName(s) << ": " << learner.lastRound().error;
    const std::vector<QueueItem> q = learner.queue();
    ASSERT_EQ(q.size(), 10u) << strategyName(s);
    std::set<int> rows;
    for (const QueueItem& item : q) {
      rows.insert(item.row);
      EXPECT_GE(item.row, 6) << strategyName(s);  // rows 0..5 are labeled
      EXPECT_GE(item.suggestion, 0);
      if (!usesScores(s)) {
        EXPECT_EQ(item.uncertainty, 0.0) << strategyName(s);
      }
    }
    EXPECT_EQ(rows.size(), 10u) << strategyName(s);
  }
}

// A LibTorch mlp with a million epochs of batch 1: it trains until cancelled.
LearnerOptions endless() {
  LearnerOptions o = options(6);
  o.family = "mlp";
  o.params = {{"epochs", "1000000"}, {"batch_size", "1"}, {"threads", "1"}};
  o.autoRetrain = false;
  return o;
}

TEST(ActiveLearner, CancelDropsTheRoundInFlight) {
  ActiveLearner learner(blobs(), kClasses, endless());
  std::atomic<int> calls{0};
  learner.setRoundCallback([&](const RoundReport&) { ++calls; });
  labelFirstSix(learner);
  EW_ASSERT_OK(learner.requestRetrain());
  EXPECT_TRUE(learner.busy());
  // Let the worker pick the round up (it waits on a condition variable), then cancel it.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_TRUE(learner.busy());
  EW_ASSERT_OK(learner.requestRetrain());  // a pending request is dropped as well
  const auto t0 = std::chrono::steady_clock::now();
  learner.cancel();
  ASSERT_TRUE(learner.waitIdle(30000));
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_LT(seconds, 10.0);  // the mlp saw the flag within a batch
  EXPECT_FALSE(learner.busy());
  EXPECT_EQ(learner.cancelledRounds(), 1);
  EXPECT_EQ(learner.modelVersion(), 0);
  EXPECT_EQ(learner.model(), nullptr);
  EXPECT_EQ(learner.lastRound().trainedOn, 0);  // nothing was published
  EXPECT_EQ(calls.load(), 0);
  EXPECT_EQ(learner.labeledCount(), 6);  // labels are kept
}

TEST(ActiveLearner, DestroyingARunningLearnerReturnsPromptly) {
  const auto t0 = std::chrono::steady_clock::now();
  {
    ActiveLearner learner(blobs(), kClasses, endless());
    labelFirstSix(learner);
    EW_ASSERT_OK(learner.requestRetrain());
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), 10.0);
}

TEST(ActiveLearner, ACancelWhileIdleDoesNotSpoilTheNextRound) {
  LearnerOptions o = options(6);
  o.autoRetrain = false;
  ActiveLearner learner(blobs(), kClasses, o);
  labelFirstSix(learner);
  learner.cancel();  // nothing runs
  EW_ASSERT_OK(learner.requestRetrain());
  ASSERT_TRUE(learner.waitIdle(kWaitMs));
  EXPECT_EQ(learner.modelVersion(), 1);
  EXPECT_TRUE(learner.lastRound().error.empty()) << learner.lastRound().error;
  EXPECT_EQ(learner.cancelledRounds(), 0);
}

}  // namespace
}  // namespace edgewise::active
