#pragma once
// Population stability index (PSI) of a live window against bins cut at the reference's
// quantiles.
//
// Binning: `bins` bins (default 10) with edges at the reference's k/bins quantiles, k = 1 ..
// bins-1 (NumPy's default linear interpolation); equal edges (a reference with ties) are
// merged, so a feature can end up with fewer bins. A value x falls into bin #edges <= x.
// Empty bins: a bin with no value counts as half a value (proportion 0.5/N), so the log
// ratio stays finite and an empty bin in a small window weighs like a rare one, not like a
// fixed epsilon of 1e-4 that turns every empty bin into ~0.7 of PSI.
// PSI = sum_b (live_b - ref_b) ln(live_b / ref_b), over proportions.
//
// Threshold: the fixed "PSI > 0.1" rule fires on most small windows of identical data, because
// PSI's spread without drift shrinks like 1/n + 1/m (n live, m reference values). The
// threshold here is the 1 - alpha quantile of PSI without drift for the window's size, by
// Monte Carlo: live counts ~ Multinomial(n, p) with the bins' true masses p ~ Dirichlet(the
// reference's counts) (the masses between quantiles of a sample are Dirichlet distributed),
// 10,000 seeded draws. Its large-sample limit, (1/n + 1/m) chi^2_{B-1} (PSI is a symmetrised
// KL divergence), alarms too often on small windows (9.7 % instead of 5 % at n = 50, measured
// by `edgewise-cli bench drift`), hence the simulation.

#include <cstdint>
#include <vector>

#include "core/audit/two_sample.h"

namespace edgewise::audit {

class PsiBinning {
 public:
  PsiBinning() = default;
  PsiBinning(const SortedSample& reference, int bins = 10);

  size_t binCount() const { return m_referenceCounts.size(); }
  const std::vector<double>& edges() const { return m_edges; }
  const std::vector<int64_t>& referenceCounts() const { return m_referenceCounts; }
  int64_t referenceSize() const { return m_referenceSize; }

  // Per-bin counts of a sample sorted ascending.
  std::vector<int64_t> countSorted(const std::vector<double>& sorted) const;
  double psi(const std::vector<double>& liveSorted) const;
  // The sample-size-aware alarm threshold for a live window of liveSize values at level alpha
  // (psiNullQuantile of the reference's counts).
  double threshold(int64_t liveSize, double alpha) const;

 private:
  std::vector<double> m_edges;
  std::vector<int64_t> m_referenceCounts;
  int64_t m_referenceSize = 0;
};

// PSI of two count vectors of equal length (empty bins as half a value, see above).
double psiFromCounts(const std::vector<int64_t>& reference, const std::vector<int64_t>& live);

// The 1 - alpha quantile of PSI without drift, by Monte Carlo (see above); deterministic for
// a seed, memoised process-wide (thread-safe) per (counts, liveSize, alpha, draws, seed).
double psiNullQuantile(const std::vector<int64_t>& referenceCounts, int64_t liveSize, double alpha,
                       int draws = 10000, uint64_t seed = 42);

// Forgets the memoised thresholds (e.g. to measure a cold start).
void clearPsiNullQuantileMemo();

// The large-sample approximation (1/n + 1/m) * chi2.isf(alpha, bins - 1).
double psiThresholdAsymptotic(int64_t bins, int64_t liveSize, int64_t referenceSize, double alpha);

}  // namespace edgewise::audit
