#pragma once
// Data poisoning by label flipping: a fraction of the training (and validation) labels is
// changed to another class drawn at random, a fresh model of the same family, hyper-parameters
// and seed is trained on them, and its accuracy on the clean test split is measured. The test
// labels are never touched (they stand for the engineer's trusted hold-out set).

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "core/training/classifier.h"
#include "core/util/result.h"

namespace edgewise::robustness {

// Exactly round(fraction * y.size()) labels, chosen at random without repetition, each set to
// a uniformly drawn different class. fraction 0 returns y unchanged. Seeded.
std::vector<int> flipLabels(const std::vector<int>& y, int numClasses, double fraction,
                            uint64_t seed);

// A new untrained classifier (same family, hyper-parameters and seed every call).
using ClassifierFactory = std::function<Result<std::unique_ptr<training::Classifier>>()>;

struct PoisonData {
  const cv::Mat* trainX = nullptr;
  const std::vector<int>* trainY = nullptr;
  const cv::Mat* valX = nullptr;  // optional (early stopping); its labels are flipped alike
  const std::vector<int>* valY = nullptr;
  const cv::Mat* testX = nullptr;
  const std::vector<int>* testY = nullptr;
  int numClasses = 0;
};

struct PoisonCurve {
  std::vector<double> fraction;  // ascending
  std::vector<int> flipped;      // training labels flipped at each fraction
  std::vector<double> accuracy;  // clean test accuracy of the model trained on them
  std::vector<double> trainSeconds;
};

// Default fractions: 0, 1, 5, 10, 20, 30 %.
std::vector<double> defaultPoisonFractions();

// Retrains one model per fraction (in [0, 1), sorted ascending). The flips of a larger
// fraction are not a superset of a smaller one's; each fraction is drawn from `seed` alone.
// cancel is polled before each retraining (Error("cancelled")).
Result<PoisonCurve> labelFlipCurve(const ClassifierFactory& make, const PoisonData& data,
                                   const std::vector<double>& fractions, uint64_t seed,
                                   const std::function<void(int done, int total)>& progress = {},
                                   const std::atomic<bool>* cancel = nullptr);

}  // namespace edgewise::robustness
