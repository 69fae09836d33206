#include "core/dataset/features/time_blocks.h"

#include <algorithm>
#include <cmath>

#include "core/dataset/features/dsp.h"

namespace edgewise::features {

Result<std::vector<int>> RawBlock::outputDims(int samples, int channels, double) const {
  if (samples <= 0 || channels <= 0) return Error("raw block needs a non-empty window");
  return std::vector<int>{samples, channels};
}

Result<std::vector<float>> RawBlock::compute(const float* window, int samples, int channels,
                                             double) const {
  EW_TRY(checkWindow(window, samples, channels, id()));
  return std::vector<float>(window, window + static_cast<size_t>(samples) * channels);
}

Result<Preview> RawBlock::preview(const float* window, int samples, int channels,
                                  double rateHz) const {
  EW_TRY(checkWindow(window, samples, channels, id()));
  Preview p;
  p.title = "Raw window";
  p.xLabel = rateHz > 0 ? "time (s)" : "sample";
  p.yLabel = "value";
  for (int i = 0; i < samples; ++i) p.x.push_back(rateHz > 0 ? i / rateHz : i);
  for (int c = 0; c < channels; ++c) p.series.push_back(dsp::channel(window, samples, channels, c));
  return p;
}

Result<std::vector<int>> StatsBlock::outputDims(int samples, int channels, double) const {
  if (samples <= 0 || channels <= 0) return Error("stats block needs a non-empty window");
  return std::vector<int>{channels, kPerChannel};
}

Result<std::vector<float>> StatsBlock::compute(const float* window, int samples, int channels,
                                               double) const {
  EW_TRY(checkWindow(window, samples, channels, id()));
  std::vector<float> out;
  out.reserve(static_cast<size_t>(channels) * kPerChannel);
  for (int c = 0; c < channels; ++c) {
    const std::vector<double> x = dsp::channel(window, samples, channels, c);
    double sum = 0.0, sumSq = 0.0;
    for (double v : x) {
      sum += v;
      sumSq += v * v;
    }
    const double mean = sum / samples;
    // Two-pass variance: a constant signal gives exactly 0 instead of a cancellation residue.
    double var = 0.0;
    int crossings = 0;
    for (size_t i = 0; i < x.size(); ++i) {
      const double d = x[i] - mean;
      var += d * d;
      if (i > 0 && (x[i - 1] - mean) * d < 0) ++crossings;
    }
    const auto [mn, mx] = std::minmax_element(x.begin(), x.end());
    out.push_back(static_cast<float>(mean));
    out.push_back(static_cast<float>(std::sqrt(var / samples)));
    out.push_back(static_cast<float>(*mn));
    out.push_back(static_cast<float>(*mx));
    out.push_back(static_cast<float>(std::sqrt(sumSq / samples)));
    out.push_back(static_cast<float>(crossings));
  }
  return out;
}

Result<Preview> StatsBlock::preview(const float* window, int samples, int channels,
                                    double rateHz) const {
  auto values = compute(window, samples, channels, rateHz);
  if (!values.ok()) return values.error();
  Preview p;
  p.title = "Statistics per channel (mean, std, min, max, rms, zero crossings)";
  p.xLabel = "statistic";
  p.yLabel = "value";
  for (int i = 0; i < kPerChannel; ++i) p.x.push_back(i);
  for (int c = 0; c < channels; ++c)
    p.series.emplace_back(values->begin() + c * kPerChannel,
                          values->begin() + (c + 1) * kPerChannel);
  return p;
}

}  // namespace edgewise::features
