#pragma once
// A trained classifier over float32 feature rows, whatever its family (OpenCV ml, LibTorch).
// Training, the trainer and ensembles, the CLI and the registry only talk to this interface.

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "core/util/result.h"

namespace edgewise::training {

// Hyper-parameters of any family by name ("epochs" -> "30", "optimizer" -> "adam", "k" -> "3").
// Text values keep them uniform for lineage (stored as JSON) and hyper-parameter search.
using HyperParams = std::map<std::string, std::string>;

// Reads a number from params, or `fallback` when absent; a value that is not a number is an
// error naming the key.
Result<double> paramDouble(const HyperParams& params, const std::string& key, double fallback);
Result<int> paramInt(const HyperParams& params, const std::string& key, int fallback);
std::string paramString(const HyperParams& params, const std::string& key,
                        const std::string& fallback);

// One step of training reported to the caller (a job's progress bar, live curves).
// Families without epochs report once with epoch = epochs = 1 and NaN losses.
struct TrainProgress {
  int epoch = 0;   // 1-based, the epoch just finished
  int epochs = 0;  // planned epochs (early stopping may end sooner)
  double trainLoss = 0.0;
  double trainAccuracy = 0.0;  // NaN for families without epochs (not scored again)
  double valLoss = 0.0;        // NaN when there is no validation set
  double valAccuracy = 0.0;    // NaN when there is no validation set
  double seconds = 0.0;        // since training started (training only, not the scoring)
  std::string message;         // e.g. "early stop: val loss did not improve for 5 epochs"
};

// Optional extras for train(): a validation split (early stopping, class weights, ensemble
// weights), a progress callback (called on the training thread) and a cancel flag. When
// cancel becomes true train() returns an error whose message is exactly "cancelled"; a
// classifier whose train() failed must be discarded by the caller (families that can, reset
// themselves to untrained). Nothing is written anywhere by train(), so a cancel never leaves
// half a model on disk.
struct TrainContext {
  const cv::Mat* valX = nullptr;
  const std::vector<int>* valY = nullptr;
  std::function<void(const TrainProgress&)> progress;
  const std::atomic<bool>* cancel = nullptr;

  bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
};

// The error message train() returns after a cancel.
inline constexpr const char* kCancelledMessage = "cancelled";

class Classifier {
 public:
  virtual ~Classifier() = default;

  // The family id: "knn", "svm-linear", "svm-rbf", "rf", "logreg", "boost", ...
  virtual std::string id() const = 0;

  // X: one CV_32F row per sample; y: labels in [0, numClasses). Replaces any earlier model.
  virtual Result<void> train(const cv::Mat& X, const std::vector<int>& y, int numClasses) = 0;
  // The same with validation data, progress and cancel. The default ignores the validation
  // data, checks cancel before and after, and reports one step.
  virtual Result<void> train(const cv::Mat& X, const std::vector<int>& y, int numClasses,
                             const TrainContext& context);

  // The effective hyper-parameters (defaults merged with what was given), for lineage.
  virtual HyperParams hyperParams() const { return {}; }

  // The predicted class, or -1 when the model is not trained or dims does not match.
  virtual int predict(const float* x, int dims) const = 0;
  // One prediction per row of X (CV_32F); all -1 when the model cannot predict X.
  virtual std::vector<int> predictBatch(const cv::Mat& X) const = 0;
  // Class scores, one CV_32F row of numClasses() values per row of X, each row summing to 1:
  // probabilities where the family has them (softmax for neural nets and logreg, vote
  // fractions for knn / rf / ensembles), else the default: one-hot of predictBatch().
  // Untrained model or wrong number of columns: an error. For active learning and audits.
  virtual Result<cv::Mat> predictScores(const cv::Mat& X) const;

  // Writes atomically (a failed save leaves any earlier file untouched).
  virtual Result<void> save(const std::string& path) const = 0;
  // Refuses a file of another family, a truncated or corrupt file with a message.
  virtual Result<void> load(const std::string& path) = 0;

  virtual bool isTrained() const = 0;
  virtual int numClasses() const = 0;
  virtual int dims() const = 0;
  // Learned numbers the model holds (stored samples for kNN, support vectors, tree nodes...).
  virtual int64_t parameterCount() const = 0;
  // Bytes of the model as save() writes it.
  virtual int64_t sizeBytes() const = 0;
};

// Checks X/y/numClasses before training: a message a user can act on, or ok.
Result<void> validateTrainingData(const cv::Mat& X, const std::vector<int>& y, int numClasses);

}  // namespace edgewise::training
