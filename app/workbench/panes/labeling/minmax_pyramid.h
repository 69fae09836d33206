#pragma once
// Min/max decimation for long multi-channel series: a pyramid of per-block minima and maxima
// (blocks of 64, 4096, 262144, ... samples) built once when a recording opens. Any index
// range's exact minimum and maximum then costs O(64 x levels) instead of a scan, so a redraw
// feeds the plot about two points per pixel column whatever the recording's length.

#include <cstdint>
#include <vector>

namespace edgewise::gui {

// Samples in time order: timestampsUs[i] with values[i * channels + c] (row-major).
struct TimelineSeries {
  std::vector<int64_t> timestampsUs;
  std::vector<float> values;
  int channels = 0;
  int64_t sampleCount() const { return static_cast<int64_t>(timestampsUs.size()); }
};

struct MinMax {
  float min = 0;
  float max = 0;
  bool empty = true;
};

class MinMaxPyramid {
 public:
  static constexpr int kFanout = 64;

  // Builds the levels from a series (values row-major). The series must outlive the pyramid
  // (it keeps a pointer for the raw scans at range edges).
  void build(const TimelineSeries* series);
  void clear();

  int levelCount() const { return static_cast<int>(m_levels.size()); }
  int64_t blockSize(int level) const;

  // Exact min and max of channel c over samples [begin, end).
  MinMax rangeMinMax(int channel, int64_t begin, int64_t end) const;

  // Per pixel column: the visible time span [t0, t1) cut into `columns` equal columns; out
  // receives one MinMax per column and channel (column-major: out[col * channels + c]), empty
  // where no sample falls in the column. Column k holds samples with
  // t0 + k*w <= t < t0 + (k+1)*w, w = (t1 - t0) / columns (computed in double microseconds).
  void columns(int64_t t0Us, int64_t t1Us, int columnCount, std::vector<MinMax>& out) const;

  // Index of the first sample at or after tUs (timestamps sorted).
  int64_t lowerBound(double tUs) const;

 private:
  void accumulate(int channel, int64_t begin, int64_t end, int level, MinMax& acc) const;

  const TimelineSeries* m_series = nullptr;
  // m_levels[l][(block * channels + c) * 2 + {0: min, 1: max}]
  std::vector<std::vector<float>> m_levels;
};

}  // namespace edgewise::gui
