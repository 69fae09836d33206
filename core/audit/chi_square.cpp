#include "core/audit/chi_square.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/audit/special_functions.h"

namespace edgewise::audit {

Result<ChiSquareResult> chiSquareHomogeneity(const std::vector<int64_t>& reference,
                                             const std::vector<int64_t>& live) {
  if (reference.size() != live.size()) {
    return Error("the reference has " + std::to_string(reference.size()) +
                 " categories and the live window " + std::to_string(live.size()));
  }
  std::vector<double> obs[2];
  for (size_t c = 0; c < reference.size(); ++c) {
    if (reference[c] < 0 || live[c] < 0) {
      return Error("category " + std::to_string(c) + " has a negative count");
    }
    if (reference[c] + live[c] == 0) continue;
    obs[0].push_back(static_cast<double>(reference[c]));
    obs[1].push_back(static_cast<double>(live[c]));
  }
  const size_t k = obs[0].size();
  if (k < 2) return Error("a chi-square test needs at least two non-empty categories");
  double rows[2] = {0, 0};
  std::vector<double> cols(k, 0.0);
  for (int r = 0; r < 2; ++r) {
    for (size_t c = 0; c < k; ++c) {
      rows[r] += obs[r][c];
      cols[c] += obs[r][c];
    }
  }
  if (rows[0] == 0 || rows[1] == 0) return Error("the reference or the live window is empty");
  const double total = rows[0] + rows[1];
  ChiSquareResult out;
  out.dof = static_cast<int>(k) - 1;
  for (int r = 0; r < 2; ++r) {
    for (size_t c = 0; c < k; ++c) {
      const double expected = rows[r] * cols[c] / total;
      double o = obs[r][c];
      if (out.dof == 1) {  // Yates: move each count up to 0.5 towards its expectation
        const double diff = expected - o;
        o += std::min(0.5, std::fabs(diff)) * (diff > 0 ? 1.0 : diff < 0 ? -1.0 : 0.0);
      }
      out.statistic += (o - expected) * (o - expected) / expected;
    }
  }
  out.pValue = chiSquareSf(out.statistic, out.dof);
  return out;
}

}  // namespace edgewise::audit
