#pragma once
#include <algorithm>
#include <cmath>
#include <vector>

namespace edgewise::util {

// Percentile by linear interpolation between closest ranks (NumPy's default "linear").
// q in [0, 100]. Sorts a copy; returns NaN for an empty input.
template <typename T>
double percentile(std::vector<T> values, double q) {
  if (values.empty()) return std::nan("");
  std::sort(values.begin(), values.end());
  const double pos = (q / 100.0) * static_cast<double>(values.size() - 1);
  const auto lo = static_cast<size_t>(std::floor(pos));
  const auto hi = static_cast<size_t>(std::ceil(pos));
  const double frac = pos - static_cast<double>(lo);
  return static_cast<double>(values[lo]) +
         (static_cast<double>(values[hi]) - static_cast<double>(values[lo])) * frac;
}

}  // namespace edgewise::util
