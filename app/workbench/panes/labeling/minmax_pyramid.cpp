#include "app/workbench/panes/labeling/minmax_pyramid.h"

#include <algorithm>
#include <cmath>

namespace edgewise::gui {

void MinMaxPyramid::clear() {
  m_series = nullptr;
  m_levels.clear();
}

int64_t MinMaxPyramid::blockSize(int level) const {
  int64_t s = kFanout;
  for (int l = 0; l < level; ++l) s *= kFanout;
  return s;
}

void MinMaxPyramid::build(const TimelineSeries* series) {
  clear();
  m_series = series;
  if (!series || series->channels <= 0) return;
  const int channels = series->channels;
  const int64_t n = series->sampleCount();
  if (n < kFanout) return;

  // Level 0 from the raw samples, one sequential pass over the row-major values.
  {
    const int64_t blocks = n / kFanout;
    std::vector<float> level(static_cast<size_t>(blocks * channels * 2));
    const float* v = series->values.data();
    for (int64_t b = 0; b < blocks; ++b) {
      float* out = level.data() + b * channels * 2;
      const float* row = v + b * kFanout * channels;
      for (int c = 0; c < channels; ++c) out[c * 2] = out[c * 2 + 1] = row[c];
      for (int i = 1; i < kFanout; ++i) {
        row += channels;
        for (int c = 0; c < channels; ++c) {
          out[c * 2] = std::min(out[c * 2], row[c]);
          out[c * 2 + 1] = std::max(out[c * 2 + 1], row[c]);
        }
      }
    }
    m_levels.push_back(std::move(level));
  }
  // Higher levels from the one below, while at least one full block remains.
  for (;;) {
    const std::vector<float>& below = m_levels.back();
    const int64_t belowBlocks = static_cast<int64_t>(below.size()) / (channels * 2);
    const int64_t blocks = belowBlocks / kFanout;
    if (blocks < 1) break;
    std::vector<float> level(static_cast<size_t>(blocks * channels * 2));
    for (int64_t b = 0; b < blocks; ++b) {
      float* out = level.data() + b * channels * 2;
      const float* in = below.data() + b * kFanout * channels * 2;
      for (int c = 0; c < channels * 2; ++c) out[c] = in[c];
      for (int i = 1; i < kFanout; ++i) {
        in += channels * 2;
        for (int c = 0; c < channels; ++c) {
          out[c * 2] = std::min(out[c * 2], in[c * 2]);
          out[c * 2 + 1] = std::max(out[c * 2 + 1], in[c * 2 + 1]);
        }
      }
    }
    m_levels.push_back(std::move(level));
  }
}

void MinMaxPyramid::accumulate(int channel, int64_t begin, int64_t end, int level,
                               MinMax& acc) const {
  if (begin >= end) return;
  const int channels = m_series->channels;
  if (level < 0) {
    const float* v = m_series->values.data() + begin * channels + channel;
    float mn = acc.empty ? *v : acc.min;
    float mx = acc.empty ? *v : acc.max;
    for (int64_t i = begin; i < end; ++i, v += channels) {
      mn = std::min(mn, *v);
      mx = std::max(mx, *v);
    }
    acc = {mn, mx, false};
    return;
  }
  const int64_t s = blockSize(level);
  const int64_t levelBlocks = static_cast<int64_t>(m_levels[level].size()) / (channels * 2);
  const int64_t firstFull = (begin + s - 1) / s;
  const int64_t endFull = std::min(end / s, levelBlocks);
  if (firstFull >= endFull) {
    accumulate(channel, begin, end, level - 1, acc);
    return;
  }
  const float* lv = m_levels[level].data();
  for (int64_t b = firstFull; b < endFull; ++b) {
    const float mn = lv[(b * channels + channel) * 2];
    const float mx = lv[(b * channels + channel) * 2 + 1];
    if (acc.empty) {
      acc = {mn, mx, false};
    } else {
      acc.min = std::min(acc.min, mn);
      acc.max = std::max(acc.max, mx);
    }
  }
  accumulate(channel, begin, firstFull * s, level - 1, acc);
  accumulate(channel, endFull * s, end, level - 1, acc);
}

MinMax MinMaxPyramid::rangeMinMax(int channel, int64_t begin, int64_t end) const {
  MinMax acc;
  if (!m_series) return acc;
  begin = std::max<int64_t>(begin, 0);
  end = std::min(end, m_series->sampleCount());
  if (begin >= end) return acc;
  // Start at the highest level whose blocks fit the range; lower ones take the edges.
  int level = levelCount() - 1;
  while (level >= 0 && blockSize(level) > end - begin) --level;
  accumulate(channel, begin, end, level, acc);
  return acc;
}

int64_t MinMaxPyramid::lowerBound(double tUs) const {
  if (!m_series) return 0;
  const auto& ts = m_series->timestampsUs;
  // Samples at t >= tUs; timestamps are integers, so compare against ceil(tUs).
  const double c = std::ceil(tUs);
  if (c <= static_cast<double>(INT64_MIN) / 2) return 0;
  if (c >= static_cast<double>(INT64_MAX) / 2) return m_series->sampleCount();
  return std::lower_bound(ts.begin(), ts.end(), static_cast<int64_t>(c)) - ts.begin();
}

void MinMaxPyramid::columns(int64_t t0Us, int64_t t1Us, int columnCount,
                            std::vector<MinMax>& out) const {
  const int channels = m_series ? m_series->channels : 0;
  out.assign(static_cast<size_t>(std::max(columnCount, 0) * channels), MinMax{});
  if (!m_series || columnCount <= 0 || t1Us <= t0Us) return;
  const double w = static_cast<double>(t1Us - t0Us) / columnCount;
  int64_t begin = lowerBound(static_cast<double>(t0Us));
  for (int col = 0; col < columnCount; ++col) {
    const int64_t end = col + 1 == columnCount
                            ? lowerBound(static_cast<double>(t1Us))
                            : lowerBound(static_cast<double>(t0Us) + (col + 1) * w);
    for (int c = 0; c < channels; ++c) out[col * channels + c] = rangeMinMax(c, begin, end);
    begin = end;
  }
}

}  // namespace edgewise::gui
