#include "core/audit/fdr.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace edgewise::audit {

FdrResult benjaminiHochberg(const std::vector<double>& pValues, double alpha) {
  const size_t m = pValues.size();
  FdrResult out;
  out.adjusted.assign(m, 1.0);
  out.rejected.assign(m, false);
  if (m == 0) return out;
  const auto p = [&](size_t i) { return std::isnan(pValues[i]) ? 1.0 : pValues[i]; };
  std::vector<size_t> order(m);
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return p(a) < p(b); });
  double running = 1.0;
  for (size_t rank = m; rank >= 1; --rank) {
    const size_t i = order[rank - 1];
    running = std::min(running, p(i) * static_cast<double>(m) / static_cast<double>(rank));
    out.adjusted[i] = std::min(running, 1.0);
  }
  for (size_t i = 0; i < m; ++i) out.rejected[i] = out.adjusted[i] <= alpha;
  return out;
}

}  // namespace edgewise::audit
