#include "core/audit/synthetic.h"

#include <cmath>
#include <string>

namespace edgewise::audit {

double GaussianTables::next() {
  if (m_haveSpare) {
    m_haveSpare = false;
    return m_spare;
  }
  const double u1 = (static_cast<double>(m_rng() >> 11) + 0.5) * 0x1.0p-53;  // never 0
  const double u2 = static_cast<double>(m_rng() >> 11) * 0x1.0p-53;
  const double r = std::sqrt(-2.0 * std::log(u1));
  m_spare = r * std::sin(2 * M_PI * u2);
  m_haveSpare = true;
  return r * std::cos(2 * M_PI * u2);
}

FeatureTable GaussianTables::table(size_t rows, size_t cols, size_t shiftedColumn, double shift) {
  FeatureTable t;
  for (size_t c = 0; c < cols; ++c) t.names.push_back("f" + std::to_string(c));
  t.rows = rows;
  t.values.resize(rows * cols);
  for (size_t r = 0; r < rows; ++r) {
    for (size_t c = 0; c < cols; ++c) {
      t.values[r * cols + c] = next() + (c == shiftedColumn ? shift : 0.0);
    }
  }
  return t;
}

}  // namespace edgewise::audit
