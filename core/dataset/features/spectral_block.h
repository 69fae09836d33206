#pragma once
// "spectral": per channel, the FFT (cv::dft) of the mean-removed, Hann-windowed window.

#include "core/dataset/features/feature_block.h"

namespace edgewise::features {

// Parameters: bands (B, default 8), peaks (k, default 3).
// Per channel, with N = samples, d = x - mean(x), w = periodic Hann(N):
//   mag[j] = |DFT(d * w)[j]| for j = 0..N/2 (nb = N/2+1 bins, f_j = j * rate / N);
//   B band values: bin j belongs to band floor(j * B / nb); band = ln(mean(mag^2) + 1e-10);
//   k peak frequencies then k peak magnitudes: the bins j >= 1 with the largest mag among
//   those with mag > 1e-6; mags are compared after rounding to steps of 1e-9 * max(mag),
//   ties go to the lower j; missing peaks are 0 Hz / 0.
// Dims {channels, B + 2k}. Requires nb >= B.
class SpectralBlock : public FeatureBlock {
 public:
  SpectralBlock() : FeatureBlock({{"bands", 8}, {"peaks", 3}}) {}
  std::string id() const override { return "spectral"; }
  Result<std::vector<int>> outputDims(int samples, int channels, double rateHz) const override;
  Result<std::vector<float>> compute(const float* window, int samples, int channels,
                                     double rateHz) const override;
  // x = bin frequencies in Hz, one magnitude series per channel.
  Result<Preview> preview(const float* window, int samples, int channels,
                          double rateHz) const override;

 protected:
  Result<void> validate() const override;

 private:
  Result<std::vector<std::vector<double>>> magnitudes(const float* window, int samples,
                                                      int channels, double rateHz) const;
};

}  // namespace edgewise::features
