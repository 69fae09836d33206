#include "core/audit/page_hinkley.h"

#include <algorithm>

namespace edgewise::audit {

PageHinkley::PageHinkley(PageHinkleyOptions options) : m_options(options) {}

void PageHinkley::reset() {
  m_count = 0;
  m_mean = 0.0;
  m_up = m_upMin = 0.0;
  m_down = m_downMax = 0.0;
}

bool PageHinkley::update(double x) {
  ++m_count;
  m_mean += (x - m_mean) / static_cast<double>(m_count);
  m_up = m_options.fading * m_up + (x - m_mean - m_options.delta);
  m_upMin = std::min(m_upMin, m_up);
  m_down = m_options.fading * m_down + (x - m_mean + m_options.delta);
  m_downMax = std::max(m_downMax, m_down);
  if (m_count < m_options.minInstances) return false;
  using Direction = PageHinkleyOptions::Direction;
  const bool up = m_options.direction != Direction::Decrease && m_up - m_upMin > m_options.lambda;
  const bool down =
      m_options.direction != Direction::Increase && m_downMax - m_down > m_options.lambda;
  if (!up && !down) return false;
  ++m_detections;
  reset();
  return true;
}

}  // namespace edgewise::audit
