#pragma once
// An active-learning session over one pool of unlabeled rows (windows of recordings or the
// samples of an imported dataset): keeps the labeled set, retrains the model in the
// background after each batch of labels, scores the pool and keeps the queue of rows to label
// next, each with the model's suggestion and confidence (the pre-annotation one key accepts).
//
// Threading: every public method may be called from any thread and returns at once (the GUI
// thread never waits for a model). One worker thread owns training and scoring; it works on
// a copy of the labeled set and publishes the new model, scores and queue together under a
// mutex. cancel() drops the retrain in flight (its result is never published) and any retrain
// still pending; the destructor cancels and joins.
//
// Corrective feedback (MLIoT): a label that contradicts the model's suggestion for that row
// is stored with source Correction, as is a sample added by addCorrection() (e.g. a wrong
// prediction reported by a device). LearnerOptions::includeCorrections decides whether a
// retrain uses them.
//
// Default model: logreg (multinomial logistic regression, L-BFGS). Its softmax gives graded
// probabilities for every strategy (knn's k = 3 vote fractions have 4 values, svm's are
// one-hot), it trains on a few hundred labels in tens of milliseconds and scores 50,000 rows
// in one matrix product, and on digits its accuracy (0.905 on the full pool) is close to the
// best non-neural families; see docs/active_learning.md for the measurements.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "core/active/selection.h"
#include "core/training/classifier.h"
#include "core/util/result.h"

namespace edgewise::active {

enum class LabelSource {
  Annotator,   // labeled by a person (the row had no suggestion, or it agreed)
  Accepted,    // the model's suggestion, accepted with one key
  Correction,  // the person overrode the model's suggestion (or a device's prediction)
};
std::string labelSourceName(LabelSource source);  // "annotator", "accepted", "correction"

struct LearnerOptions {
  std::string family = "logreg";  // any family of training::createClassifier
  training::HyperParams params;
  std::vector<int> inputShape;  // per-sample shape for the factory ({dims} when empty)
  uint64_t seed = 42;
  Strategy strategy = Strategy::Margin;
  int batch = 10;                  // labels per round: the retrain starts after this many
  int queueSize = 0;               // rows kept in the queue (0: batch)
  bool includeCorrections = true;  // retrain with Correction labels
  bool autoRetrain = true;         // retrain after each `batch` new labels
  SelectOptions select;
};

// One row to label next.
struct QueueItem {
  int row = -1;
  int suggestion = -1;       // the model's class, -1 before the first model
  double confidence = 0.0;   // its score for that class (0 before the first model)
  double uncertainty = 0.0;  // what the strategy ranked by (0 for random / kcenter)
};

struct LabeledRow {
  int row = -1;
  int label = -1;
  LabelSource source = LabelSource::Annotator;
};

// What the worker reports after each finished (not cancelled) round.
struct RoundReport {
  int version = 0;    // model version: 1 for the first model
  int trainedOn = 0;  // labels the model was trained with
  double trainSeconds = 0.0;
  double scoreSeconds = 0.0;
  double selectSeconds = 0.0;
  std::string error;  // non-empty when the round failed (the previous model stays)
};

class ActiveLearner {
 public:
  // pool: CV_32F, one row per sample (copied); numClasses >= 2.
  ActiveLearner(cv::Mat pool, int numClasses, LearnerOptions options = {});
  ~ActiveLearner();
  ActiveLearner(const ActiveLearner&) = delete;
  ActiveLearner& operator=(const ActiveLearner&) = delete;

  // Called on the worker thread after each round (a GUI posts it to its own thread).
  void setRoundCallback(std::function<void(const RoundReport&)> callback);

  // Labels pool row `row`. The source is Correction when the current model suggested another
  // class for it, Accepted when `source` says so and the label is the suggestion, else
  // Annotator. Relabeling a row replaces its label. Errors: row or label out of range.
  Result<void> addLabel(int row, int label, LabelSource source = LabelSource::Annotator);
  // Takes a pool row's label back (the undo of addLabel): the row is unlabeled again and may
  // be queued by the next round. Errors: row out of range or not labeled.
  Result<void> removeLabel(int row);
  // Accepts the model's suggestion for `row` (an error before the first model).
  Result<void> acceptSuggestion(int row);
  // A sample from outside the pool that the model got wrong (e.g. a device's prediction a
  // user corrected): kept as a training row with source Correction, not added to the pool
  // (it is labeled already). features: one CV_32F row of the pool's width. Returns how many
  // such rows there are.
  Result<int> addCorrection(const cv::Mat& features, int label);

  // Starts a retrain + score + select round on the worker thread and returns at once; while
  // one runs, the request is kept and served right after it (one pending round at most).
  // An error when fewer than 2 labels are available for training.
  Result<void> requestRetrain();
  // Drops the round in flight and the pending one; the published model stays as it was.
  void cancel();
  // Whether a round runs or is pending.
  bool busy() const;
  // Waits until no round runs or is pending; false on timeout.
  bool waitIdle(int timeoutMs) const;

  // The queue of the last round, minus rows labeled since, with suggestions from the current
  // model. Before the first model: a random queue (seeded) with no suggestions.
  std::vector<QueueItem> queue() const;
  // The model's suggestion and confidence for any pool row (-1 / 0 before the first model).
  QueueItem suggestion(int row) const;

  int poolSize() const;
  int labeledCount() const;
  int correctionCount() const;
  std::vector<LabeledRow> labels() const;
  std::vector<uint8_t> labeledMask() const;
  // 0 before the first model; +1 per published round.
  int modelVersion() const;
  // The current model (shared: stays valid while the worker publishes the next one).
  std::shared_ptr<const training::Classifier> model() const;
  // Rounds whose result was dropped by cancel().
  int cancelledRounds() const;
  RoundReport lastRound() const;

 private:
  void workerLoop();
  void runRound(uint64_t generation);
  Result<void> requestLocked();    // under m_mutex
  int trainingRowsLocked() const;  // under m_mutex

  const int m_numClasses;
  const LearnerOptions m_options;
  std::function<void(const RoundReport&)> m_callback;

  mutable std::mutex m_mutex;
  mutable std::condition_variable m_cv;
  cv::Mat m_pool;
  std::vector<int> m_label;  // -1 = unlabeled
  std::vector<LabelSource> m_source;
  std::vector<int> m_initialOrder;  // seeded permutation of the pool: the queue before a model
  cv::Mat m_extraX;                 // addCorrection() rows
  std::vector<int> m_extraY;
  int m_sinceRetrain = 0;
  std::shared_ptr<const training::Classifier> m_model;
  cv::Mat m_scores;  // pool rows at the time of the model (rows added later: none)
  std::vector<QueueItem> m_queue;
  RoundReport m_lastRound;
  int m_version = 0;
  int m_cancelled = 0;
  bool m_running = false;
  bool m_pending = false;
  bool m_stop = false;
  uint64_t m_generation = 0;    // bumped by cancel(): rounds of an older generation are dropped
  KCenterState m_kcenter;       // worker only
  bool m_resetKCenter = false;  // under m_mutex: removeLabel() asks the worker to start over
  std::mt19937_64 m_rng;        // worker only
  std::atomic<bool> m_cancelFlag{false};
  std::thread m_worker;
};

}  // namespace edgewise::active
