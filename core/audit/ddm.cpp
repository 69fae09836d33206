#include "core/audit/ddm.h"

#include <cmath>

namespace edgewise::audit {

Ddm::Ddm(DdmOptions options) : m_options(options) {}

void Ddm::reset() {
  m_count = 0;
  m_p = 0.0;
  m_pMin = std::numeric_limits<double>::infinity();
  m_sMin = std::numeric_limits<double>::infinity();
  m_warning = false;
}

bool Ddm::update(double error) {
  ++m_count;
  const double n = static_cast<double>(m_count);
  m_p += (error - m_p) / n;
  const double s = std::sqrt(m_p * (1 - m_p) / n);
  m_warning = false;
  if (m_count < m_options.minInstances) return false;
  if (m_p + s <= m_pMin + m_sMin) {
    m_pMin = m_p;
    m_sMin = s;
  }
  if (m_p + s >= m_pMin + m_options.driftLevel * m_sMin) {
    ++m_detections;
    reset();
    return true;
  }
  m_warning = m_p + s >= m_pMin + m_options.warningLevel * m_sMin;
  return false;
}

}  // namespace edgewise::audit
