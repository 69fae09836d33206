#pragma once
// A trained classifier over float32 feature rows, whatever its family (OpenCV ml, LibTorch).
// Training, the trainer and ensembles, the CLI and the registry only talk to this interface.

#include <cstdint>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "core/util/result.h"

namespace edgewise::training {

class Classifier {
 public:
  virtual ~Classifier() = default;

  // The family id: "knn", "svm-linear", "svm-rbf", "rf", "logreg", "boost", ...
  virtual std::string id() const = 0;

  // X: one CV_32F row per sample; y: labels in [0, numClasses). Replaces any earlier model.
  virtual Result<void> train(const cv::Mat& X, const std::vector<int>& y, int numClasses) = 0;

  // The predicted class, or -1 when the model is not trained or dims does not match.
  virtual int predict(const float* x, int dims) const = 0;
  // One prediction per row of X (CV_32F); all -1 when the model cannot predict X.
  virtual std::vector<int> predictBatch(const cv::Mat& X) const = 0;

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
