#include "core/audit/drift_monitor.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "core/audit/fdr.h"
#include "core/audit/mmd.h"

namespace edgewise::audit {

namespace {

// The first k entries of a seeded Fisher-Yates shuffle of 0..n-1, sorted.
std::vector<size_t> sampleRows(size_t n, size_t k, uint64_t seed) {
  std::vector<size_t> idx(n);
  std::iota(idx.begin(), idx.end(), size_t{0});
  if (k >= n) return idx;
  std::mt19937_64 rng(seed);
  for (size_t i = 0; i < k; ++i) {
    const uint64_t span = n - i;
    const uint64_t limit = UINT64_MAX - UINT64_MAX % span;
    uint64_t r = rng();
    while (r >= limit) r = rng();
    std::swap(idx[i], idx[i + r % span]);
  }
  idx.resize(k);
  std::sort(idx.begin(), idx.end());
  return idx;
}

}  // namespace

Result<DriftMonitor> DriftMonitor::create(const FeatureTable& reference,
                                          const DriftOptions& options) {
  const size_t cols = reference.columns();
  if (cols == 0) return Error("the reference has no feature columns");
  if (reference.rows < 2) return Error("the reference needs at least 2 rows");
  if (reference.values.size() != reference.rows * cols) {
    return Error("the reference's values do not match rows x columns");
  }
  if (!(options.alpha > 0 && options.alpha < 1)) return Error("alpha must lie in (0, 1)");
  if (options.psiBins < 2) return Error("PSI needs at least 2 bins");

  DriftMonitor m;
  m.m_options = options;
  m.m_names = reference.names;
  m.m_referenceRows = reference.rows;
  std::vector<double> column(reference.rows);
  for (size_t c = 0; c < cols; ++c) {
    for (size_t r = 0; r < reference.rows; ++r) column[r] = reference.at(r, c);
    const double mean =
        std::accumulate(column.begin(), column.end(), 0.0) / static_cast<double>(reference.rows);
    double ss = 0.0;
    for (double v : column) ss += (v - mean) * (v - mean);
    const double sd = std::sqrt(ss / static_cast<double>(reference.rows));
    m.m_mean.push_back(mean);
    m.m_scale.push_back(sd > 0 ? sd : 1.0);
    m.m_sorted.emplace_back(column);
    m.m_bins.emplace_back(m.m_sorted.back(), options.psiBins);
  }
  if (options.multivariate) {
    const std::vector<size_t> rows = sampleRows(reference.rows, options.mmdMaxRows, options.seed);
    m.m_mmdReferenceRows = rows.size();
    m.m_mmdReference.reserve(rows.size() * cols);
    for (size_t r : rows) {
      for (size_t c = 0; c < cols; ++c) {
        m.m_mmdReference.push_back((reference.at(r, c) - m.m_mean[c]) / m.m_scale[c]);
      }
    }
  }
  return m;
}

Result<DriftReport> DriftMonitor::score(const FeatureTable& live) const {
  std::vector<size_t> source(m_names.size());
  std::vector<std::string> missing;
  for (size_t c = 0; c < m_names.size(); ++c) {
    auto it = std::find(live.names.begin(), live.names.end(), m_names[c]);
    if (it == live.names.end()) {
      missing.push_back(m_names[c]);
    } else {
      source[c] = static_cast<size_t>(it - live.names.begin());
    }
  }
  std::vector<std::string> extra;
  for (const std::string& name : live.names) {
    if (std::find(m_names.begin(), m_names.end(), name) == m_names.end()) extra.push_back(name);
  }
  if (!missing.empty() || !extra.empty()) {
    const auto join = [](const std::vector<std::string>& v) {
      std::string s;
      for (const std::string& x : v) s += (s.empty() ? "'" : ", '") + x + "'";
      return s.empty() ? std::string("none") : s;
    };
    return Error("the live header does not match the reference: missing " + join(missing) +
                 "; not in the reference " + join(extra));
  }
  std::vector<double> ordered(live.rows * m_names.size());
  for (size_t r = 0; r < live.rows; ++r) {
    for (size_t c = 0; c < m_names.size(); ++c)
      ordered[r * m_names.size() + c] = live.at(r, source[c]);
  }
  return score(ordered, live.rows);
}

Result<DriftReport> DriftMonitor::score(const std::vector<double>& live, size_t rows) const {
  const size_t cols = m_names.size();
  if (rows == 0) return Error("the live window has no rows");
  if (live.size() != rows * cols) {
    return Error("the live window has " + std::to_string(live.size()) + " values, expected " +
                 std::to_string(rows) + " rows x " + std::to_string(cols) + " features");
  }
  DriftReport report;
  report.alpha = m_options.alpha;
  report.referenceRows = m_referenceRows;
  report.liveRows = rows;
  report.features.resize(cols);
  std::vector<double> column(rows);
  std::vector<double> pValues(cols);
  for (size_t c = 0; c < cols; ++c) {
    for (size_t r = 0; r < rows; ++r) column[r] = live[r * cols + c];
    std::sort(column.begin(), column.end());
    const TwoSampleComparison cmp = compareSorted(m_sorted[c], column, &KsPValueCache::shared());
    FeatureDrift& f = report.features[c];
    f.feature = m_names[c];
    f.ksStatistic = cmp.ks.statistic;
    f.ksPValue = cmp.ks.pValue;
    f.ksMethod = cmp.ks.method;
    f.wasserstein = cmp.wasserstein;
    f.psi = m_bins[c].psi(column);
    f.psiThreshold = m_bins[c].threshold(static_cast<int64_t>(rows), m_options.alpha);
    pValues[c] = f.ksPValue;
  }
  const FdrResult fdr = benjaminiHochberg(pValues, m_options.alpha);
  for (size_t c = 0; c < cols; ++c) {
    report.features[c].ksPAdjusted = fdr.adjusted[c];
    report.features[c].drift = fdr.rejected[c];
    report.drift = report.drift || fdr.rejected[c];
  }

  if (m_options.multivariate && rows >= 2 && m_mmdReferenceRows >= 2) {
    const std::vector<size_t> pick = sampleRows(rows, m_options.mmdMaxRows, m_options.seed + 1);
    std::vector<double> y;
    y.reserve(pick.size() * cols);
    for (size_t r : pick) {
      for (size_t c = 0; c < cols; ++c) y.push_back((live[r * cols + c] - m_mean[c]) / m_scale[c]);
    }
    MmdOptions mo;
    mo.permutations = m_options.mmdPermutations;
    mo.seed = m_options.seed;
    auto mmd = mmdTest(m_mmdReference, m_mmdReferenceRows, y, pick.size(), cols, mo);
    if (!mmd.ok()) return mmd.error().wrap("multivariate MMD");
    MultivariateDrift mv;
    mv.mmd2 = mmd->mmd2;
    mv.bandwidth = mmd->bandwidth;
    mv.pValue = mmd->pValue;
    mv.permutations = mmd->permutations;
    mv.referenceRows = m_mmdReferenceRows;
    mv.liveRows = pick.size();
    mv.drift = mmd->permutations > 0 && mmd->pValue < m_options.alpha;
    report.multivariate = mv;
  }
  return report;
}

}  // namespace edgewise::audit
