#include "core/audit/two_sample.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>

#include "core/audit/ks_distribution.h"

namespace edgewise::audit {

namespace {

// ks_2samp uses the exact distribution up to this many values per side.
constexpr int64_t kMaxExactN = 10000;

// First index i >= from with v[i] >= x (v[from-1] < x), by galloping then bisection: cheap
// when consecutive queries land close together, O(log n) in the worst case.
size_t lowerFrom(const std::vector<double>& v, size_t from, double x) {
  const size_t n = v.size();
  if (from >= n || v[from] >= x) return from;
  size_t lo = from;  // v[lo] < x
  size_t step = 1;
  size_t hi = from + 1;
  while (hi < n && v[hi] < x) {
    lo = hi;
    step *= 2;
    hi = from + step;
  }
  hi = std::min(hi, n);
  return static_cast<size_t>(std::lower_bound(v.begin() + static_cast<ptrdiff_t>(lo) + 1,
                                              v.begin() + static_cast<ptrdiff_t>(hi), x) -
                             v.begin());
}

// First index i >= from with v[i] > x (v[from-1] <= x).
size_t upperFrom(const std::vector<double>& v, size_t from, double x) {
  const size_t n = v.size();
  if (from >= n || v[from] > x) return from;
  size_t lo = from;  // v[lo] <= x
  size_t step = 1;
  size_t hi = from + 1;
  while (hi < n && v[hi] <= x) {
    lo = hi;
    step *= 2;
    hi = from + step;
  }
  hi = std::min(hi, n);
  return static_cast<size_t>(std::upper_bound(v.begin() + static_cast<ptrdiff_t>(lo) + 1,
                                              v.begin() + static_cast<ptrdiff_t>(hi), x) -
                             v.begin());
}

double roundHalfEven(double x) {
  return std::nearbyint(x);  // the default rounding mode is to nearest, ties to even
}

}  // namespace

SortedSample::SortedSample(std::vector<double> values) : m_values(std::move(values)) {
  std::sort(m_values.begin(), m_values.end());
  m_shift = m_values.empty() ? 0.0 : m_values[m_values.size() / 2];
  m_prefix.resize(m_values.size() + 1);
  m_prefix[0] = 0.0;
  for (size_t i = 0; i < m_values.size(); ++i) {
    m_prefix[i + 1] = m_prefix[i] + (m_values[i] - m_shift);
  }
}

size_t KsPValueCache::KeyHash::operator()(const Key& k) const {
  uint64_t h = static_cast<uint64_t>(k.n1) * 0x9E3779B97F4A7C15ULL;
  h ^= static_cast<uint64_t>(k.n2) + 0x632BE59BD9B4E019ULL + (h << 6) + (h >> 2);
  h ^= static_cast<uint64_t>(k.h) + 0x94D049BB133111EBULL + (h << 6) + (h >> 2);
  return static_cast<size_t>(h);
}

KsPValueCache& KsPValueCache::shared() {
  static KsPValueCache cache;
  return cache;
}

void KsPValueCache::clear() {
  std::lock_guard<std::mutex> lock(m_mutex);
  m_map.clear();
  m_hits = m_misses = 0;
}

double KsPValueCache::exactSf(int64_t n1, int64_t n2, int64_t h) {
  const Key key{std::min(n1, n2), std::max(n1, n2), h};  // symmetric in n1, n2
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_map.find(key);
    if (it != m_map.end()) {
      ++m_hits;
      return it->second;
    }
    ++m_misses;
  }
  const double p = ksExactTwoSampleSf(n1, n2, h);  // computed outside the lock
  std::lock_guard<std::mutex> lock(m_mutex);
  if (m_map.size() >= m_maxEntries) m_map.clear();
  m_map.emplace(key, p);
  return p;
}

KsResult ksPValue(double d, int64_t n1, int64_t n2, KsPValueCache* cache) {
  if (std::max(n1, n2) <= kMaxExactN) {
    const int64_t g = std::gcd(n1, n2);
    const int64_t lcm = (n1 / g) * n2;
    const auto h = static_cast<int64_t>(roundHalfEven(d * static_cast<double>(lcm)));
    d = static_cast<double>(h) / static_cast<double>(lcm);
    if (h == 0) return {d, 1.0, KsMethod::Exact};
    const double p = cache ? cache->exactSf(n1, n2, h) : ksExactTwoSampleSf(n1, n2, h);
    if (!std::isnan(p)) return {d, p, KsMethod::Exact};
  }
  const double m = static_cast<double>(std::max(n1, n2));
  const double n = static_cast<double>(std::min(n1, n2));
  const auto en = static_cast<int64_t>(roundHalfEven(m * n / (m + n)));
  return {d, std::clamp(ksOneSampleSf(en, d), 0.0, 1.0), KsMethod::Asymptotic};
}

TwoSampleComparison compareSorted(const SortedSample& reference,
                                  const std::vector<double>& liveSorted, KsPValueCache* cache) {
  const std::vector<double>& r = reference.values();
  const size_t m = r.size();
  const size_t n = liveSorted.size();
  const double dm = static_cast<double>(m);
  const double dn = static_cast<double>(n);
  const double s = reference.shift();
  // ks_2samp's differences F_reference - F_live, with the same arithmetic.
  const auto diff = [&](size_t cRef, size_t cLive) {
    return static_cast<double>(cRef) / dm - static_cast<double>(cLive) / dn;
  };
  // Integral of F_reference over [a, b), a <= b: values <= a count the whole width, values
  // inside count from themselves on. lo = #ref <= a, hi = #ref < b.
  const auto integral = [&](double a, double b, size_t lo, size_t hi) {
    return (static_cast<double>(lo) * (b - a) + static_cast<double>(hi - lo) * (b - s) -
            reference.shiftedSum(lo, hi)) /
           dm;
  };

  double maxDiff = 0.0;  // the empty prefix (both CDFs 0) is a difference of 0 as well
  double minDiff = 0.0;
  double area = 0.0;
  size_t refLess = 0;  // #reference < z
  size_t refLe = 0;    // #reference <= z
  size_t liveLe = 0;   // #live <= previous z
  double prevZ = 0.0;
  for (size_t i = 0; i < n;) {
    const double z = liveSorted[i];
    size_t j = i + 1;
    while (j < n && liveSorted[j] == z) ++j;
    refLess = lowerFrom(r, refLe, z);
    // Just below z: both CDFs as at the largest data point under z.
    const double below = diff(refLess, liveLe);
    maxDiff = std::max(maxDiff, below);
    minDiff = std::min(minDiff, below);
    if (i == 0) {
      // Before the first live value F_live = 0: the area under F_reference.
      area += (static_cast<double>(refLess) * (z - s) - reference.shiftedSum(0, refLess)) / dm;
    } else {
      // [prevZ, z): F_live = c; F_reference rises through c at its q-th value.
      const double a = prevZ;
      const double b = z;
      const size_t lo = refLe;
      const size_t hi = refLess;
      const double c = static_cast<double>(liveLe) / dn;
      const size_t q = (liveLe * m + n - 1) / n;  // ceil(c m), 1 <= q <= m
      const double t = r[q - 1];
      if (t <= a) {
        area += integral(a, b, lo, hi) - c * (b - a);
      } else if (t >= b) {
        area += c * (b - a) - integral(a, b, lo, hi);
      } else {
        area += c * (t - a) - integral(a, t, lo, q - 1);
        area += integral(t, b, q, hi) - c * (b - t);
      }
    }
    refLe = upperFrom(r, refLess, z);
    liveLe = j;
    const double at = diff(refLe, liveLe);
    maxDiff = std::max(maxDiff, at);
    minDiff = std::min(minDiff, at);
    prevZ = z;
    i = j;
  }
  // After the last live value F_live = 1: the area above F_reference.
  area += (reference.shiftedSum(refLe, m) - static_cast<double>(m - refLe) * (prevZ - s)) / dm;

  const double minS = std::clamp(-minDiff, 0.0, 1.0);
  const double d = minS > maxDiff ? minS : maxDiff;
  TwoSampleComparison out;
  out.ks = ksPValue(d, static_cast<int64_t>(m), static_cast<int64_t>(n), cache);
  out.wasserstein = area;
  return out;
}

KsResult ksTwoSample(const std::vector<double>& a, const std::vector<double>& b) {
  std::vector<double> live = b;
  std::sort(live.begin(), live.end());
  return compareSorted(SortedSample(a), live).ks;
}

double wasserstein1(const std::vector<double>& a, const std::vector<double>& b) {
  std::vector<double> live = b;
  std::sort(live.begin(), live.end());
  return compareSorted(SortedSample(a), live).wasserstein;
}

}  // namespace edgewise::audit
