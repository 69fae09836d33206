#include "core/training/classifier.h"

namespace edgewise::training {

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
