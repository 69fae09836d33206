#pragma once
// Chi-square test of homogeneity for categorical data (e.g. predicted classes): are the
// reference's and the live window's category counts drawn from the same distribution?
// Same as scipy.stats.chi2_contingency([reference, live]) (correction=True: Yates'
// continuity correction when there is one degree of freedom). Categories that are empty in
// both samples are dropped first (SciPy refuses them: their expected count is 0).

#include <cstdint>
#include <vector>

#include "core/util/result.h"

namespace edgewise::audit {

struct ChiSquareResult {
  double statistic = 0.0;
  double pValue = 1.0;
  int dof = 0;
};

Result<ChiSquareResult> chiSquareHomogeneity(const std::vector<int64_t>& reference,
                                             const std::vector<int64_t>& live);

}  // namespace edgewise::audit
