#pragma once
// Audio blocks: "logmel" (log-mel spectrogram) and "mfcc" (DCT-II of the log-mel).

#include "core/dataset/features/feature_block.h"

namespace edgewise::features {

// Parameters (lengths in samples): frame_length L (256), hop (128), n_fft (256, >= L),
// n_mels (20), fmin (0 Hz), fmax (0 = rate/2; must be <= rate/2).
// Per channel: frames start at t*hop and are taken while t*hop + L <= samples; a window
// shorter than L is zero-padded to L and gives one frame. Each frame is multiplied by a
// periodic Hann(L), zero-padded to n_fft, power = |rfft|^2 (n_fft/2+1 bins, unnormalized).
// Mel: HTK scale (2595 log10(1 + f/700)), triangular filters of peak 1 (no Slaney area
// normalization) with n_mels+2 edges equally spaced in mel over [fmin, fmax].
// Value = ln(filter . power + 1e-10). Dims {channels, frames, n_mels} (a row per frame).
class LogMelBlock : public FeatureBlock {
 public:
  LogMelBlock();
  std::string id() const override { return "logmel"; }
  Result<std::vector<int>> outputDims(int samples, int channels, double rateHz) const override;
  Result<std::vector<float>> compute(const float* window, int samples, int channels,
                                     double rateHz) const override;
  // Grid of channel 0: rows = mel bands (low first), cols = frames.
  Result<Preview> preview(const float* window, int samples, int channels,
                          double rateHz) const override;

 protected:
  explicit LogMelBlock(Params params) : FeatureBlock(std::move(params)) {}
  Result<void> validate() const override;
  int frameCount(int samples) const;
  // [channel][frame][mel] log-mel values.
  Result<std::vector<std::vector<std::vector<double>>>> logMel(const float* window, int samples,
                                                               int channels, double rateHz) const;
};

// Same parameters as logmel plus n_mfcc (13, <= n_mels): per frame, the first n_mfcc
// coefficients of the orthonormal DCT-II of the log-mel row (scipy.fft.dct(type=2,
// norm='ortho')). Dims {channels, frames, n_mfcc}.
class MfccBlock : public LogMelBlock {
 public:
  MfccBlock();
  std::string id() const override { return "mfcc"; }
  Result<std::vector<int>> outputDims(int samples, int channels, double rateHz) const override;
  Result<std::vector<float>> compute(const float* window, int samples, int channels,
                                     double rateHz) const override;
  // Grid of channel 0: rows = coefficients, cols = frames.
  Result<Preview> preview(const float* window, int samples, int channels,
                          double rateHz) const override;

 protected:
  Result<void> validate() const override;
};

}  // namespace edgewise::features
