#pragma once
// Seeded synthetic feature windows for tests and `edgewise-cli bench drift`: independent
// standard normal features f0, f1, ..., optionally one of them shifted (a drift of known
// size). Box-Muller on a Mersenne Twister, so the same seed gives the same tables on every
// platform.

#include <cstdint>
#include <limits>
#include <random>

#include "core/audit/feature_table.h"

namespace edgewise::audit {

class GaussianTables {
 public:
  static constexpr size_t kNoShift = std::numeric_limits<size_t>::max();

  explicit GaussianTables(uint64_t seed) : m_rng(seed) {}

  double next();
  // rows x cols standard normal values; column shiftedColumn gets + shift.
  FeatureTable table(size_t rows, size_t cols, size_t shiftedColumn = kNoShift, double shift = 0.0);

 private:
  std::mt19937_64 m_rng;
  double m_spare = 0.0;
  bool m_haveSpare = false;
};

}  // namespace edgewise::audit
