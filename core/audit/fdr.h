#pragma once
// Benjamini-Hochberg false discovery rate control across the per-feature tests of a window.

#include <vector>

namespace edgewise::audit {

struct FdrResult {
  // BH-adjusted p-values (q-values): min over j >= rank of min(1, m p_(j) / j), as
  // scipy.stats.false_discovery_control(p, method='bh') and statsmodels' fdr_bh compute them.
  std::vector<double> adjusted;
  // adjusted <= alpha: the hypotheses BH rejects at FDR level alpha. NaN p-values count as 1.
  std::vector<bool> rejected;
};

FdrResult benjaminiHochberg(const std::vector<double>& pValues, double alpha);

}  // namespace edgewise::audit
