#include "core/robustness/poisoning.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <random>

#include "core/robustness/faults.h"

namespace edgewise::robustness {

std::vector<int> flipLabels(const std::vector<int>& y, int numClasses, double fraction,
                            uint64_t seed) {
  std::vector<int> out = y;
  const size_t n = static_cast<size_t>(std::llround(std::clamp(fraction, 0.0, 1.0) * y.size()));
  if (n == 0 || numClasses < 2) return out;
  std::mt19937_64 rng(seed);
  std::vector<size_t> order(y.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::shuffle(order.begin(), order.end(), rng);
  std::uniform_int_distribution<int> other(1, numClasses - 1);
  for (size_t i = 0; i < n; ++i) {
    int& label = out[order[i]];
    label = (label + other(rng)) % numClasses;
  }
  return out;
}

std::vector<double> defaultPoisonFractions() {
  return {0.0, 0.01, 0.05, 0.10, 0.20, 0.30};
}

Result<PoisonCurve> labelFlipCurve(const ClassifierFactory& make, const PoisonData& d,
                                   const std::vector<double>& fractions, uint64_t seed,
                                   const std::function<void(int, int)>& progress,
                                   const std::atomic<bool>* cancel) {
  const std::string where = "label-flip curve";
  if (!d.trainX || !d.trainY || !d.testX || !d.testY)
    return Error("training and test data are required", where);
  if ((d.valX == nullptr) != (d.valY == nullptr))
    return Error("validation rows and labels go together", where);
  PoisonCurve curve;
  curve.fraction = fractions;
  std::sort(curve.fraction.begin(), curve.fraction.end());
  for (double f : curve.fraction)
    if (!(f >= 0.0) || !(f < 1.0)) return Error("fractions must be in [0, 1)", where);
  const int total = static_cast<int>(curve.fraction.size());
  for (int i = 0; i < total; ++i) {
    if (cancel && cancel->load(std::memory_order_relaxed))
      return Error(training::kCancelledMessage);
    if (progress) progress(i, total);
    const double f = curve.fraction[static_cast<size_t>(i)];
    const std::vector<int> trainY = flipLabels(*d.trainY, d.numClasses, f, seed);
    std::vector<int> valY;
    training::TrainContext ctx;
    ctx.cancel = cancel;
    if (d.valX) {
      valY = flipLabels(*d.valY, d.numClasses, f, seed + 1);
      ctx.valX = d.valX;
      ctx.valY = &valY;
    }
    int flipped = 0;
    for (size_t j = 0; j < trainY.size(); ++j) flipped += trainY[j] != (*d.trainY)[j] ? 1 : 0;
    auto model = make();
    if (!model.ok()) return model.error().wrap(where);
    const auto start = std::chrono::steady_clock::now();
    auto trained = (*model)->train(*d.trainX, trainY, d.numClasses, ctx);
    if (!trained.ok()) {
      if (trained.error().message == training::kCancelledMessage) return trained.error();
      return trained.error().wrap(where + " at " + std::to_string(f));
    }
    curve.trainSeconds.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    curve.flipped.push_back(flipped);
    curve.accuracy.push_back(accuracyOf((*model)->predictBatch(*d.testX), *d.testY));
  }
  if (progress) progress(total, total);
  return curve;
}

}  // namespace edgewise::robustness
