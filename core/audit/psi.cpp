#include "core/audit/psi.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <mutex>
#include <random>
#include <tuple>

#include "core/audit/special_functions.h"

namespace edgewise::audit {

PsiBinning::PsiBinning(const SortedSample& reference, int bins)
    : m_referenceSize(static_cast<int64_t>(reference.size())) {
  const std::vector<double>& v = reference.values();
  if (v.empty()) return;
  bins = std::max(bins, 2);
  const double last = static_cast<double>(v.size() - 1);
  for (int k = 1; k < bins; ++k) {
    // numpy.quantile(v, k / bins), method "linear".
    const double pos = last * static_cast<double>(k) / static_cast<double>(bins);
    const auto lo = static_cast<size_t>(std::floor(pos));
    const size_t hi = std::min(lo + 1, v.size() - 1);
    const double edge = v[lo] + (v[hi] - v[lo]) * (pos - static_cast<double>(lo));
    if (m_edges.empty() || edge > m_edges.back()) m_edges.push_back(edge);
  }
  m_referenceCounts = countSorted(v);
}

std::vector<int64_t> PsiBinning::countSorted(const std::vector<double>& sorted) const {
  std::vector<int64_t> counts(m_edges.size() + 1, 0);
  size_t bin = 0;
  for (double x : sorted) {
    while (bin < m_edges.size() && m_edges[bin] <= x) ++bin;
    ++counts[bin];
  }
  return counts;
}

double PsiBinning::psi(const std::vector<double>& liveSorted) const {
  return psiFromCounts(m_referenceCounts, countSorted(liveSorted));
}

double PsiBinning::threshold(int64_t liveSize, double alpha) const {
  return psiNullQuantile(m_referenceCounts, liveSize, alpha);
}

double psiFromCounts(const std::vector<int64_t>& reference, const std::vector<int64_t>& live) {
  int64_t m = 0;
  int64_t n = 0;
  for (int64_t c : reference) m += c;
  for (int64_t c : live) n += c;
  if (m == 0 || n == 0 || reference.size() != live.size()) return std::nan("");
  double psi = 0.0;
  for (size_t b = 0; b < reference.size(); ++b) {
    const double e = std::max(static_cast<double>(reference[b]), 0.5) / static_cast<double>(m);
    const double a = std::max(static_cast<double>(live[b]), 0.5) / static_cast<double>(n);
    psi += (a - e) * std::log(a / e);
  }
  return psi;
}

namespace {

double simulateNullQuantile(const std::vector<int64_t>& referenceCounts, int64_t liveSize,
                            double alpha, int draws, uint64_t seed) {
  const size_t bins = referenceCounts.size();
  std::mt19937_64 rng(seed);
  std::vector<std::gamma_distribution<double>> gammas;
  for (int64_t c : referenceCounts) {
    gammas.emplace_back(std::max(static_cast<double>(c), 0.5), 1.0);
  }
  std::vector<double> mass(bins);
  std::vector<int64_t> live(bins);
  std::vector<double> values(static_cast<size_t>(draws));
  for (double& value : values) {
    double total = 0.0;
    for (size_t b = 0; b < bins; ++b) total += mass[b] = gammas[b](rng);
    // Multinomial(n, mass / total) by successive binomials.
    int64_t left = liveSize;
    double massLeft = total;
    for (size_t b = 0; b < bins; ++b) {
      if (b + 1 == bins || left == 0) {
        live[b] = left;
      } else {
        const double p = std::clamp(mass[b] / massLeft, 0.0, 1.0);
        live[b] = std::binomial_distribution<int64_t>(left, p)(rng);
      }
      left -= live[b];
      massLeft -= mass[b];
    }
    value = psiFromCounts(referenceCounts, live);
  }
  // The upper empirical quantile: at most alpha of the draws lie above it.
  const auto k = static_cast<size_t>(std::ceil((1.0 - alpha) * static_cast<double>(draws))) - 1;
  std::nth_element(values.begin(), values.begin() + static_cast<ptrdiff_t>(k), values.end());
  return values[k];
}

// Memo of simulated thresholds: every continuous feature of a reference of m rows has the same
// counts, so a fleet of monitors needs one simulation per window size.
struct NullQuantileKey {
  std::vector<int64_t> counts;
  int64_t liveSize;
  double alpha;
  int draws;
  uint64_t seed;
  bool operator<(const NullQuantileKey& o) const {
    return std::tie(liveSize, alpha, draws, seed, counts) <
           std::tie(o.liveSize, o.alpha, o.draws, o.seed, o.counts);
  }
};

std::mutex& memoMutex() {
  static std::mutex mutex;
  return mutex;
}

std::map<NullQuantileKey, double>& memo() {
  static std::map<NullQuantileKey, double> map;
  return map;
}

}  // namespace

void clearPsiNullQuantileMemo() {
  std::lock_guard<std::mutex> lock(memoMutex());
  memo().clear();
}

double psiNullQuantile(const std::vector<int64_t>& referenceCounts, int64_t liveSize, double alpha,
                       int draws, uint64_t seed) {
  if (referenceCounts.size() < 2 || liveSize <= 0 || draws <= 0 || !(alpha > 0 && alpha < 1)) {
    return std::nan("");
  }
  NullQuantileKey key{referenceCounts, liveSize, alpha, draws, seed};
  {
    std::lock_guard<std::mutex> lock(memoMutex());
    auto it = memo().find(key);
    if (it != memo().end()) return it->second;
  }
  const double q = simulateNullQuantile(referenceCounts, liveSize, alpha, draws, seed);
  std::lock_guard<std::mutex> lock(memoMutex());
  if (memo().size() >= 4096) memo().clear();
  memo().emplace(std::move(key), q);
  return q;
}

double psiThresholdAsymptotic(int64_t bins, int64_t liveSize, int64_t referenceSize, double alpha) {
  if (bins < 2 || liveSize <= 0 || referenceSize <= 0) return std::nan("");
  const double scale =
      1.0 / static_cast<double>(liveSize) + 1.0 / static_cast<double>(referenceSize);
  return scale * chiSquareIsf(alpha, static_cast<double>(bins - 1));
}

}  // namespace edgewise::audit
