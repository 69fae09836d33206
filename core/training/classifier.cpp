#include "core/training/classifier.h"

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace edgewise::training {

Result<double> paramDouble(const HyperParams& params, const std::string& key, double fallback) {
  auto it = params.find(key);
  if (it == params.end()) return fallback;
  const char* begin = it->second.c_str();
  char* end = nullptr;
  double value = std::strtod(begin, &end);
  if (end == begin || *end != '\0' || !std::isfinite(value))
    return Error("hyper-parameter " + key + " must be a number, got \"" + it->second + "\"");
  return value;
}

Result<int> paramInt(const HyperParams& params, const std::string& key, int fallback) {
  Result<double> parsed = paramDouble(params, key, fallback);
  if (!parsed.ok()) return parsed.error();
  const double value = *parsed;
  if (value != std::floor(value) || std::abs(value) > 2e9)
    return Error("hyper-parameter " + key + " must be an integer, got " + params.at(key));
  return static_cast<int>(value);
}

std::string paramString(const HyperParams& params, const std::string& key,
                        const std::string& fallback) {
  auto it = params.find(key);
  return it == params.end() ? fallback : it->second;
}

Result<void> Classifier::train(const cv::Mat& X, const std::vector<int>& y, int numClasses,
                               const TrainContext& context) {
  if (context.cancelled()) return Error(kCancelledMessage);
  const auto start = std::chrono::steady_clock::now();
  EW_TRY(train(X, y, numClasses));
  if (context.cancelled()) {
    // The caller discards a classifier whose train() failed (see classifier.h).
    return Error(kCancelledMessage);
  }
  if (context.progress) {
    TrainProgress step;
    step.epoch = step.epochs = 1;
    step.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    step.trainLoss = step.valLoss = std::numeric_limits<double>::quiet_NaN();
    // Scoring the whole training set again would cost as much as a kNN's test pass over
    // the training data (seconds on digits); families without epochs report NaN for it.
    step.trainAccuracy = std::numeric_limits<double>::quiet_NaN();
    step.valAccuracy = std::numeric_limits<double>::quiet_NaN();
    if (context.valX && context.valY && !context.valY->empty()) {
      std::vector<int> valPredicted = predictBatch(*context.valX);
      int64_t valCorrect = 0;
      for (size_t i = 0; i < context.valY->size(); ++i)
        valCorrect += valPredicted[i] == (*context.valY)[i];
      step.valAccuracy = static_cast<double>(valCorrect) / context.valY->size();
    }
    context.progress(step);
  }
  return okResult();
}

Result<cv::Mat> Classifier::predictScores(const cv::Mat& X) const {
  if (!isTrained()) return Error("the model is not trained", "scoring with " + id());
  if (X.cols != dims() || X.type() != CV_32FC1)
    return Error("the data has " + std::to_string(X.cols) + " float columns, the model needs " +
                     std::to_string(dims()),
                 "scoring with " + id());
  const std::vector<int> predicted = predictBatch(X);
  cv::Mat scores = cv::Mat::zeros(X.rows, numClasses(), CV_32F);
  for (int r = 0; r < X.rows; ++r) {
    const int c = predicted[static_cast<size_t>(r)];
    if (c < 0 || c >= numClasses())
      return Error("row " + std::to_string(r) + " could not be predicted", "scoring with " + id());
    scores.at<float>(r, c) = 1.0f;
  }
  return scores;
}

Result<void> validateTrainingData(const cv::Mat& X, const std::vector<int>& y, int numClasses) {
  if (X.empty()) return Error("no training samples");
  if (X.type() != CV_32FC1)
    return Error("training features must be one float32 channel (CV_32F), got type " +
                 std::to_string(X.type()));
  if (static_cast<size_t>(X.rows) != y.size())
    return Error("training features have " + std::to_string(X.rows) + " rows but there are " +
                 std::to_string(y.size()) + " labels");
  if (numClasses < 2)
    return Error("at least 2 classes are needed, got " + std::to_string(numClasses));
  for (size_t i = 0; i < y.size(); ++i) {
    if (y[i] < 0 || y[i] >= numClasses)
      return Error("label " + std::to_string(y[i]) + " of sample " + std::to_string(i) +
                   " is outside [0, " + std::to_string(numClasses) + ")");
  }
  return okResult();
}

}  // namespace edgewise::training
