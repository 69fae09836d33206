#include "core/audit/adwin.h"

#include <cmath>

namespace edgewise::audit {

Adwin::Adwin(AdwinOptions options) : m_options(options) {}

void Adwin::reset() {
  m_rows.clear();
  m_width = 0;
  m_total = 0.0;
  m_variance = 0.0;
  m_ticks = 0;
}

bool Adwin::update(double x) {
  ++m_width;
  if (m_width > 1) {
    const double oldMean = m_total / static_cast<double>(m_width - 1);
    m_variance += static_cast<double>(m_width - 1) * (x - oldMean) * (x - oldMean) /
                  static_cast<double>(m_width);
  }
  m_total += x;
  if (m_rows.empty()) m_rows.emplace_back();
  m_rows[0].push_front({x, 0.0});
  compress();
  ++m_ticks;
  if (m_width <= m_options.gracePeriod || m_ticks % m_options.clock != 0) return false;
  const bool drift = detectCut();
  if (drift) ++m_detections;
  return drift;
}

// Merges the two oldest buckets of a row into one of the next row while the row is over
// capacity (M + 1 buckets).
void Adwin::compress() {
  for (size_t level = 0; level < m_rows.size(); ++level) {
    if (m_rows[level].size() <= static_cast<size_t>(m_options.maxBuckets)) break;
    const Bucket b1 = m_rows[level].back();
    m_rows[level].pop_back();
    const Bucket b2 = m_rows[level].back();
    m_rows[level].pop_back();
    const double size = std::ldexp(1.0, static_cast<int>(level));
    const double diff = b1.total / size - b2.total / size;
    Bucket merged{b1.total + b2.total,
                  b1.variance + b2.variance + size * size * diff * diff / (2 * size)};
    if (level + 1 == m_rows.size()) m_rows.emplace_back();
    m_rows[level + 1].push_front(merged);
  }
}

void Adwin::dropOldest() {
  for (size_t level = m_rows.size(); level-- > 0;) {
    if (m_rows[level].empty()) continue;
    const Bucket b = m_rows[level].back();
    m_rows[level].pop_back();
    const double size = std::ldexp(1.0, static_cast<int>(level));
    const double rest = static_cast<double>(m_width) - size;
    const double bucketMean = b.total / size;
    const double restMean = (m_total - b.total) / rest;
    m_variance -= b.variance + size * rest * (bucketMean - restMean) * (bucketMean - restMean) /
                                   static_cast<double>(m_width);
    if (m_variance < 0) m_variance = 0;
    m_width -= static_cast<int64_t>(size);
    m_total -= b.total;
    while (!m_rows.empty() && m_rows.back().empty()) m_rows.pop_back();
    return;
  }
}

bool Adwin::detectCut() {
  bool shrank = false;
  bool again = true;
  while (again && m_width > 2 * m_options.minSubWindow) {
    again = false;
    const double w = static_cast<double>(m_width);
    const double variance = m_variance / w;
    const double logTerm = std::log(2.0 * std::log(w) / m_options.delta);
    double n0 = 0.0;  // the older part, growing from the oldest bucket on
    double total0 = 0.0;
    for (size_t level = m_rows.size(); level-- > 0 && !again;) {
      const double size = std::ldexp(1.0, static_cast<int>(level));
      for (auto it = m_rows[level].rbegin(); it != m_rows[level].rend(); ++it) {
        n0 += size;
        total0 += it->total;
        const double n1 = w - n0;
        if (n1 < m_options.minSubWindow) break;
        if (n0 < m_options.minSubWindow) continue;
        const double m = 1.0 / (1.0 / n0 + 1.0 / n1);
        const double eps = std::sqrt(2.0 * variance * logTerm / m) + 2.0 * logTerm / (3.0 * m);
        if (std::fabs(total0 / n0 - (m_total - total0) / n1) > eps) {
          dropOldest();
          shrank = true;
          again = true;
          break;
        }
      }
    }
  }
  return shrank;
}

}  // namespace edgewise::audit
