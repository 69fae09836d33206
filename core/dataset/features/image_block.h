#pragma once
// "image": grayscale conversion, resize (cv::resize INTER_AREA) and normalization.

#include "core/dataset/features/feature_block.h"

namespace edgewise::features {

// Parameters: in_width, in_height (the input image size; required, samples must equal
// in_width * in_height), width (28), height (28), grayscale (1: convert B,G,R input with
// cv::cvtColor BGR2GRAY = 0.114 B + 0.587 G + 0.299 R; a one-channel input is already gray),
// normalize (0: divide by 255 -> [0,1] for 8-bit ranges; 1: subtract the image mean and
// divide by its population std, per image over all pixels and channels).
// Order: grayscale, resize to width x height with INTER_AREA, normalize.
// Dims {height, width, channels_out}; output row-major, channels interleaved.
class ImageBlock : public FeatureBlock {
 public:
  ImageBlock();
  std::string id() const override { return "image"; }
  Result<std::vector<int>> outputDims(int samples, int channels, double rateHz) const override;
  Result<std::vector<float>> compute(const float* window, int samples, int channels,
                                     double rateHz) const override;
  // Grid = the output image (channel 0 when color), rows = height, cols = width.
  Result<Preview> preview(const float* window, int samples, int channels,
                          double rateHz) const override;

 protected:
  Result<void> validate() const override;
};

}  // namespace edgewise::features
