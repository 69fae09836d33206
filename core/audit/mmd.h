#pragma once
// Multivariate two-sample test: maximum mean discrepancy (Gretton et al. 2012) with a
// Gaussian (RBF) kernel k(x, y) = exp(-|x - y|^2 / (2 sigma^2)).
//  - bandwidth sigma: the median heuristic, the median Euclidean distance over all distinct
//    pairs of the pooled sample (the mean of the two middle ones for an even count); 1 when
//    that median is 0;
//  - statistic: the unbiased estimate MMD^2_u (diagonal terms left out, so it can be slightly
//    negative when nothing changed);
//  - p-value: a permutation test, (1 + #{permuted MMD^2_u >= observed}) / (1 + permutations),
//    with a seeded Mersenne Twister and a portable Fisher-Yates shuffle (the same p-value on
//    every platform). Cost: O(N^2 d) for the kernel plus O(N^2) per permutation, N = n + m.
// Samples are row-major (rows x dims). Scale matters: the drift monitor standardises each
// feature by the reference's mean and standard deviation before calling this.

#include <cstdint>
#include <vector>

#include "core/util/result.h"

namespace edgewise::audit {

struct MmdOptions {
  int permutations = 200;  // 0: no p-value (reported as NaN)
  uint64_t seed = 42;
  double bandwidth = 0.0;  // > 0: use it instead of the median heuristic
};

struct MmdResult {
  double mmd2 = 0.0;  // MMD^2_u
  double bandwidth = 0.0;
  double pValue = 1.0;
  int permutations = 0;
};

// x: nx rows, y: ny rows, both with `dims` columns; nx, ny >= 2.
Result<MmdResult> mmdTest(const std::vector<double>& x, size_t nx, const std::vector<double>& y,
                          size_t ny, size_t dims, const MmdOptions& options = {});

}  // namespace edgewise::audit
