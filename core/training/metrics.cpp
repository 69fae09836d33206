#include "core/training/metrics.h"

#include <string>

namespace edgewise::training {

Result<Metrics> computeMetrics(const std::vector<int>& yTrue, const std::vector<int>& yPred,
                               int numClasses) {
  if (yTrue.size() != yPred.size())
    return Error("metrics need as many predictions as labels, got " + std::to_string(yPred.size()) +
                 " and " + std::to_string(yTrue.size()));
  if (yTrue.empty()) return Error("metrics need at least one sample");
  if (numClasses < 1) return Error("metrics need at least one class");
  const auto n = static_cast<size_t>(numClasses);
  Metrics m;
  m.confusion.assign(n, std::vector<int64_t>(n, 0));
  m.perClass.assign(n, ClassMetrics{});
  std::vector<int64_t> predictedCount(n, 0);
  int64_t correct = 0;
  for (size_t i = 0; i < yTrue.size(); ++i) {
    const int t = yTrue[i];
    const int p = yPred[i];
    if (t < 0 || t >= numClasses)
      return Error("true label " + std::to_string(t) + " of sample " + std::to_string(i) +
                   " is outside [0, " + std::to_string(numClasses) + ")");
    if (p < -1 || p >= numClasses)
      return Error("predicted label " + std::to_string(p) + " of sample " + std::to_string(i) +
                   " is outside [0, " + std::to_string(numClasses) + ")");
    ++m.perClass[static_cast<size_t>(t)].support;
    if (p < 0) continue;
    ++m.confusion[static_cast<size_t>(t)][static_cast<size_t>(p)];
    ++predictedCount[static_cast<size_t>(p)];
    if (p == t) ++correct;
  }
  m.accuracy = static_cast<double>(correct) / static_cast<double>(yTrue.size());
  double f1Sum = 0.0;
  for (size_t c = 0; c < n; ++c) {
    ClassMetrics& cm = m.perClass[c];
    const auto tp = static_cast<double>(m.confusion[c][c]);
    cm.precision = predictedCount[c] > 0 ? tp / static_cast<double>(predictedCount[c]) : 0.0;
    cm.recall = cm.support > 0 ? tp / static_cast<double>(cm.support) : 0.0;
    // sklearn's form 2tp / (2tp + fp + fn), exactly equal to 2PR/(P+R) but without its rounding.
    const double denom = static_cast<double>(predictedCount[c] + cm.support);
    cm.f1 = denom > 0 ? 2.0 * tp / denom : 0.0;
    f1Sum += cm.f1;
  }
  m.macroF1 = f1Sum / static_cast<double>(n);
  return m;
}

}  // namespace edgewise::training
