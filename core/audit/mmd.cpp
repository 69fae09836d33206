#include "core/audit/mmd.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>
#include <random>
#include <string>

namespace edgewise::audit {

namespace {

// Uniform integer in [0, bound) without modulo bias, independent of the standard library's
// distribution implementations.
uint64_t uniformBelow(std::mt19937_64& rng, uint64_t bound) {
  const uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
  uint64_t r = rng();
  while (r >= limit) r = rng();
  return r % bound;
}

double median(std::vector<double> v) {
  const size_t n = v.size();
  const size_t mid = n / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<ptrdiff_t>(mid), v.end());
  const double upper = v[mid];
  if (n % 2) return upper;
  const double lower = *std::max_element(v.begin(), v.begin() + static_cast<ptrdiff_t>(mid));
  return 0.5 * (lower + upper);
}

// Sum of K over all ordered pairs (a, b) of the listed points; K has a zero diagonal.
double blockSum(const std::vector<double>& k, size_t n, const size_t* idx, size_t count) {
  double sum = 0.0;
  for (size_t a = 0; a < count; ++a) {
    const double* row = &k[idx[a] * n];
    double rowSum = 0.0;
    for (size_t b = 0; b < count; ++b) rowSum += row[idx[b]];
    sum += rowSum;
  }
  return sum;
}

}  // namespace

Result<MmdResult> mmdTest(const std::vector<double>& x, size_t nx, const std::vector<double>& y,
                          size_t ny, size_t dims, const MmdOptions& options) {
  if (nx < 2 || ny < 2) return Error("MMD needs at least two rows on each side");
  if (dims == 0) return Error("MMD needs at least one column");
  if (x.size() != nx * dims || y.size() != ny * dims) {
    return Error("MMD: the sample sizes do not match rows x columns");
  }
  const size_t n = nx + ny;
  const auto point = [&](size_t i) { return i < nx ? &x[i * dims] : &y[(i - nx) * dims]; };
  // Squared distances of the pooled sample; the kernel matrix is built in place.
  std::vector<double> k(n * n, 0.0);
  std::vector<double> distances;
  distances.reserve(n * (n - 1) / 2);
  for (size_t i = 0; i < n; ++i) {
    const double* pi = point(i);
    for (size_t j = i + 1; j < n; ++j) {
      const double* pj = point(j);
      double d2 = 0.0;
      for (size_t c = 0; c < dims; ++c) d2 += (pi[c] - pj[c]) * (pi[c] - pj[c]);
      k[i * n + j] = d2;
      distances.push_back(std::sqrt(d2));
    }
  }
  MmdResult out;
  out.bandwidth = options.bandwidth > 0 ? options.bandwidth : median(std::move(distances));
  if (!(out.bandwidth > 0)) out.bandwidth = 1.0;
  const double gamma = 1.0 / (2.0 * out.bandwidth * out.bandwidth);
  double total = 0.0;
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      const double v = std::exp(-k[i * n + j] * gamma);
      k[i * n + j] = v;
      k[j * n + i] = v;
      total += 2 * v;
    }
  }
  const double dnx = static_cast<double>(nx);
  const double dny = static_cast<double>(ny);
  const auto statistic = [&](double sxx, double syy) {
    const double sxy = 0.5 * (total - sxx - syy);
    return sxx / (dnx * (dnx - 1)) + syy / (dny * (dny - 1)) - 2 * sxy / (dnx * dny);
  };
  std::vector<size_t> idx(n);
  std::iota(idx.begin(), idx.end(), size_t{0});
  out.mmd2 = statistic(blockSum(k, n, idx.data(), nx), blockSum(k, n, idx.data() + nx, ny));

  out.permutations = std::max(options.permutations, 0);
  if (out.permutations == 0) {
    out.pValue = std::nan("");
    return out;
  }
  std::mt19937_64 rng(options.seed);
  int atLeast = 0;
  for (int p = 0; p < out.permutations; ++p) {
    for (size_t i = n - 1; i > 0; --i) std::swap(idx[i], idx[uniformBelow(rng, i + 1)]);
    const double s = statistic(blockSum(k, n, idx.data(), nx), blockSum(k, n, idx.data() + nx, ny));
    if (s >= out.mmd2) ++atLeast;
  }
  out.pValue = static_cast<double>(1 + atLeast) / static_cast<double>(1 + out.permutations);
  return out;
}

}  // namespace edgewise::audit
