#pragma once
// Two-sample comparisons of one feature: the Kolmogorov-Smirnov test (statistic and p-value as
// scipy.stats.ks_2samp, method='auto', two-sided) and the Wasserstein-1 distance
// (scipy.stats.wasserstein_distance).
//
// The reference side is a SortedSample: sorted once, with prefix sums. A live window is then
// compared in O(n log(m/n)) for a window of n against a reference of m: both the KS statistic
// and the area between the two empirical CDFs only need, at each distinct live value, the
// number of reference values below it (found by galloping forward from the previous one) and
// prefix sums of the reference. Inputs must be finite numbers.

#include <cstdint>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace edgewise::audit {

class SortedSample {
 public:
  SortedSample() = default;
  explicit SortedSample(std::vector<double> values);

  size_t size() const { return m_values.size(); }
  bool empty() const { return m_values.empty(); }
  const std::vector<double>& values() const { return m_values; }
  // Sum of (value - shift()) over the sorted positions [lo, hi); shifting by the median keeps
  // the prefix sums small, so differences of them lose little precision.
  double shiftedSum(size_t lo, size_t hi) const { return m_prefix[hi] - m_prefix[lo]; }
  double shift() const { return m_shift; }

 private:
  std::vector<double> m_values;
  std::vector<double> m_prefix;  // m_prefix[i] = sum of the first i shifted values
  double m_shift = 0.0;
};

enum class KsMethod { Exact, Asymptotic };

struct KsResult {
  double statistic = 0.0;  // sup |F_reference - F_live|
  double pValue = 1.0;
  KsMethod method = KsMethod::Exact;
};

struct TwoSampleComparison {
  KsResult ks;
  double wasserstein = 0.0;
};

// Memo of exact two-sample KS p-values. The p-value depends only on (n1, n2, h) with
// D = h / lcm(n1, n2), so monitors that score many windows of one size against references of
// one size see the same few hundred h values again and again. Thread-safe; bounded.
class KsPValueCache {
 public:
  explicit KsPValueCache(size_t maxEntries = 1 << 16) : m_maxEntries(maxEntries) {}
  // The process-wide memo the drift monitors share.
  static KsPValueCache& shared();
  double exactSf(int64_t n1, int64_t n2, int64_t h);
  void clear();  // e.g. to measure a cold start
  size_t hits() const { return m_hits; }
  size_t misses() const { return m_misses; }

 private:
  struct Key {
    int64_t n1, n2, h;
    bool operator==(const Key& o) const { return n1 == o.n1 && n2 == o.n2 && h == o.h; }
  };
  struct KeyHash {
    size_t operator()(const Key& k) const;
  };
  std::mutex m_mutex;
  std::unordered_map<Key, double, KeyHash> m_map;
  size_t m_maxEntries;
  size_t m_hits = 0;
  size_t m_misses = 0;
};

// The KS test's p-value for statistic d between samples of n1 and n2 values, as ks_2samp
// computes it: exact when max(n1, n2) <= 10000 (d is then snapped to h / lcm), otherwise (or
// when the exact sum is unusable) kstwo.sf(d, round(n1 n2 / (n1 + n2))). cache may be null.
KsResult ksPValue(double d, int64_t n1, int64_t n2, KsPValueCache* cache = nullptr);

// Compares a live sample, sorted ascending and non-empty, with the reference.
TwoSampleComparison compareSorted(const SortedSample& reference,
                                  const std::vector<double>& liveSorted,
                                  KsPValueCache* cache = nullptr);

// Convenience forms on unsorted samples; both must be non-empty.
KsResult ksTwoSample(const std::vector<double>& a, const std::vector<double>& b);
double wasserstein1(const std::vector<double>& a, const std::vector<double>& b);

}  // namespace edgewise::audit
