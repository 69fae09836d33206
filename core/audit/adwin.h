#pragma once
// ADWIN, adaptive windowing (Bifet & Gavalda 2007, the ADWIN2 variant): keeps a window of
// the most recent values of a stream (e.g. 1 = correct prediction, 0 = wrong, or a
// confidence in [0, 1]) compressed into an exponential histogram, and drops its older part
// whenever two sub-windows have means further apart than
//   eps_cut = sqrt(2 sigma^2 L / m) + 2 L / (3 m),  m = 1 / (1/n0 + 1/n1),
//   L = ln(2 ln(W) / delta),
// sigma^2 the window's variance, W its length. A drop is a detected drift.

#include <cstdint>
#include <deque>
#include <vector>

namespace edgewise::audit {

struct AdwinOptions {
  double delta = 0.002;  // confidence: smaller = fewer false alarms, later detections
  int maxBuckets = 5;    // buckets kept per size (M); memory and cost O(M log W)
  int clock = 32;        // look for a cut every this many values
  int minSubWindow = 5;  // each sub-window has at least this many values
  int gracePeriod = 10;  // no check before this many values
};

class Adwin {
 public:
  explicit Adwin(AdwinOptions options = {});

  // Adds one value; true when the window shrank (a drift was detected at this value).
  bool update(double x);
  void reset();

  int64_t width() const { return m_width; }
  double mean() const { return m_width > 0 ? m_total / static_cast<double>(m_width) : 0.0; }
  double variance() const { return m_width > 0 ? m_variance / static_cast<double>(m_width) : 0.0; }
  int64_t detections() const { return m_detections; }

 private:
  struct Bucket {
    double total = 0.0;
    double variance = 0.0;  // sum of squared deviations from the bucket's mean
  };
  // m_rows[i]: buckets of 2^i values, newest first.
  void compress();
  bool detectCut();
  void dropOldest();

  AdwinOptions m_options;
  std::vector<std::deque<Bucket>> m_rows;
  int64_t m_width = 0;
  double m_total = 0.0;
  double m_variance = 0.0;  // sum of squared deviations from the window's mean
  int64_t m_ticks = 0;
  int64_t m_detections = 0;
};

}  // namespace edgewise::audit
