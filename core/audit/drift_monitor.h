#pragma once
// DriftMonitor: scores live windows of features against the reference the deployed model
// was trained on.
//
// Per feature: the two-sample Kolmogorov-Smirnov test (statistic, p-value as SciPy's
// ks_2samp), PSI on reference-quantile bins with its sample-size-aware threshold (reported,
// not used for the decision), and the Wasserstein-1 distance (in the feature's units).
// Decision: a feature drifted when its KS p-value survives Benjamini-Hochberg across the
// window's features at level alpha, so on data without drift a window raises an alarm with
// probability <= alpha, whatever the window size (measured by `edgewise-cli bench drift`).
// Multivariate: MMD^2 with an RBF kernel and a permutation p-value on features standardised
// by the reference (see mmd.h); drift when p < alpha. It costs O(N^2) per permutation, so it
// can be switched off for fleet-wide scoring and run on a slower cadence.
//
// The reference is sorted once per feature at creation; a window of n values costs
// O(n log n) per feature; exact KS p-values (KsPValueCache::shared()) and PSI thresholds
// (psi.h) are memoised process-wide, per (m, n, D) and per window size. score() is const and
// thread-safe.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/audit/feature_table.h"
#include "core/audit/psi.h"
#include "core/audit/two_sample.h"
#include "core/util/result.h"

namespace edgewise::audit {

struct DriftOptions {
  double alpha = 0.05;  // FDR level of the per-feature decision, level of the MMD test
  int psiBins = 10;
  bool multivariate = true;  // run the MMD test
  int mmdPermutations = 200;
  size_t mmdMaxRows = 200;  // rows per side for MMD (a seeded random subset beyond it)
  uint64_t seed = 42;
};

struct FeatureDrift {
  std::string feature;
  double ksStatistic = 0.0;
  double ksPValue = 1.0;
  double ksPAdjusted = 1.0;  // Benjamini-Hochberg across the window's features
  KsMethod ksMethod = KsMethod::Exact;
  double psi = 0.0;
  double psiThreshold = 0.0;  // for this window size, at level alpha (psi.h; not FDR-adjusted)
  double wasserstein = 0.0;
  bool drift = false;  // ksPAdjusted <= alpha
};

struct MultivariateDrift {
  double mmd2 = 0.0;  // unbiased MMD^2 on standardised features
  double bandwidth = 0.0;
  double pValue = 1.0;
  int permutations = 0;
  size_t referenceRows = 0;
  size_t liveRows = 0;
  bool drift = false;
};

struct DriftReport {
  std::vector<FeatureDrift> features;
  std::optional<MultivariateDrift> multivariate;
  bool drift = false;  // some feature drifted
  double alpha = 0.05;
  size_t referenceRows = 0;
  size_t liveRows = 0;
};

class DriftMonitor {
 public:
  // The reference needs at least 2 rows and one column.
  static Result<DriftMonitor> create(const FeatureTable& reference,
                                     const DriftOptions& options = {});

  // A window with the reference's columns in the reference's order, row-major.
  Result<DriftReport> score(const std::vector<double>& liveRowMajor, size_t rows) const;
  // A window with named columns: matched to the reference by name (any order).
  Result<DriftReport> score(const FeatureTable& live) const;

  const std::vector<std::string>& featureNames() const { return m_names; }
  const DriftOptions& options() const { return m_options; }
  size_t referenceRows() const { return m_referenceRows; }
  const KsPValueCache& ksCache() const { return KsPValueCache::shared(); }

 private:
  DriftMonitor() = default;

  DriftOptions m_options;
  std::vector<std::string> m_names;
  size_t m_referenceRows = 0;
  std::vector<SortedSample> m_sorted;  // per feature
  std::vector<PsiBinning> m_bins;      // per feature
  std::vector<double> m_mean;          // per feature, for standardising (MMD)
  std::vector<double> m_scale;
  std::vector<double> m_mmdReference;  // standardised rows, row-major
  size_t m_mmdReferenceRows = 0;
};

}  // namespace edgewise::audit
