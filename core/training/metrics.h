#pragma once
// Classification metrics over true and predicted labels, defined like scikit-learn's
// (labels = 0..numClasses-1, zero_division = 0): tests compare against sklearn's values.

#include <cstdint>
#include <vector>

#include "core/util/result.h"

namespace edgewise::training {

struct ClassMetrics {
  double precision = 0.0;  // 0 when the class is never predicted
  double recall = 0.0;     // 0 when the class never occurs
  double f1 = 0.0;         // 0 when precision + recall is 0
  int64_t support = 0;     // how many true samples of the class
};

struct Metrics {
  double accuracy = 0.0;
  double macroF1 = 0.0;  // unweighted mean of every class's F1, absent classes included
  std::vector<std::vector<int64_t>> confusion;  // confusion[true][predicted]
  std::vector<ClassMetrics> perClass;
};

// yPred may hold -1 ("no prediction"): it counts as wrong and is left out of the confusion
// matrix. Any other label outside [0, numClasses) is an error.
Result<Metrics> computeMetrics(const std::vector<int>& yTrue, const std::vector<int>& yPred,
                               int numClasses);

}  // namespace edgewise::training
