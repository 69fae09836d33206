#pragma once
// Time-domain blocks: "raw" (the window flattened) and "stats" (per-channel statistics).

#include "core/dataset/features/feature_block.h"

namespace edgewise::features {

// Output: the window as given, dims {samples, channels}. No parameters.
class RawBlock : public FeatureBlock {
 public:
  RawBlock() : FeatureBlock({}) {}
  std::string id() const override { return "raw"; }
  Result<std::vector<int>> outputDims(int samples, int channels, double rateHz) const override;
  Result<std::vector<float>> compute(const float* window, int samples, int channels,
                                     double rateHz) const override;
  // One series per channel over time in seconds.
  Result<Preview> preview(const float* window, int samples, int channels,
                          double rateHz) const override;

 protected:
  Result<void> validate() const override { return okResult(); }
};

// Per channel: mean, std (population, ddof=0), min, max, RMS (of the signal as given, not
// mean-removed), zero crossings (count of i with d[i-1]*d[i] < 0 where d = x - mean; a
// constant signal has none). Dims {channels, 6}. No parameters.
class StatsBlock : public FeatureBlock {
 public:
  static constexpr int kPerChannel = 6;
  StatsBlock() : FeatureBlock({}) {}
  std::string id() const override { return "stats"; }
  Result<std::vector<int>> outputDims(int samples, int channels, double rateHz) const override;
  Result<std::vector<float>> compute(const float* window, int samples, int channels,
                                     double rateHz) const override;
  // x = 0..5 (mean, std, min, max, rms, zc), one series per channel.
  Result<Preview> preview(const float* window, int samples, int channels,
                          double rateHz) const override;

 protected:
  Result<void> validate() const override { return okResult(); }
};

}  // namespace edgewise::features
