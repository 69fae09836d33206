#include "core/dataset/features/image_block.h"

#include <cmath>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

namespace edgewise::features {

ImageBlock::ImageBlock()
    : FeatureBlock({{"in_width", 0},
                    {"in_height", 0},
                    {"width", 28},
                    {"height", 28},
                    {"grayscale", 1},
                    {"normalize", 0}}) {}

Result<void> ImageBlock::validate() const {
  for (const char* key : {"in_width", "in_height", "width", "height"})
    if (param(key) < 1 || param(key) != std::floor(param(key)))
      return Error(std::string("'") + key + "' must be a whole number >= 1 (set in_width and " +
                   "in_height to the size of the input images)");
  if (param("grayscale") != 0 && param("grayscale") != 1)
    return Error("'grayscale' must be 0 or 1");
  if (param("normalize") != 0 && param("normalize") != 1)
    return Error("'normalize' must be 0 ([0,1] by /255) or 1 (mean/std)");
  return okResult();
}

Result<std::vector<int>> ImageBlock::outputDims(int samples, int channels, double) const {
  const int inW = static_cast<int>(param("in_width"));
  const int inH = static_cast<int>(param("in_height"));
  if (samples != inW * inH)
    return Error("image block expects " + std::to_string(inW) + " x " + std::to_string(inH) +
                 " = " + std::to_string(inW * inH) + " pixels, got " + std::to_string(samples));
  if (channels != 1 && channels != 3)
    return Error("image block takes 1 (gray) or 3 (B,G,R) channels, got " +
                 std::to_string(channels));
  const int outChannels = channels == 3 && param("grayscale") != 0 ? 1 : channels;
  return std::vector<int>{static_cast<int>(param("height")), static_cast<int>(param("width")),
                          outChannels};
}

Result<std::vector<float>> ImageBlock::compute(const float* window, int samples, int channels,
                                               double rateHz) const {
  EW_TRY(checkWindow(window, samples, channels, id()));
  const std::string context = "computing feature block 'image'";
  auto dims = outputDims(samples, channels, rateHz);
  if (!dims.ok()) return dims.error().wrap(context);
  try {
    // cv::Mat over the caller's buffer: no copy until cvtColor/resize write new images.
    cv::Mat img(static_cast<int>(param("in_height")), static_cast<int>(param("in_width")),
                CV_32FC(channels), const_cast<float*>(window));
    if (channels == 3 && param("grayscale") != 0) {
      cv::Mat gray;
      cv::cvtColor(img, gray, cv::COLOR_BGR2GRAY);
      img = gray;
    }
    cv::Mat resized;
    cv::resize(img, resized, cv::Size((*dims)[1], (*dims)[0]), 0, 0, cv::INTER_AREA);
    cv::Mat out = resized.isContinuous() ? resized : resized.clone();
    std::vector<float> values(out.ptr<float>(), out.ptr<float>() + out.total() * out.channels());
    if (param("normalize") == 0) {
      for (float& v : values) v = static_cast<float>(v / 255.0);
    } else {
      double sum = 0.0;
      for (float v : values) sum += v;
      const double mean = sum / static_cast<double>(values.size());
      double var = 0.0;
      for (float v : values) var += (v - mean) * (v - mean);
      const double sd = std::sqrt(var / static_cast<double>(values.size()));
      if (!(sd > 0))
        return Error(
            "image is constant after resizing: mean/std normalization would divide "
            "by zero; use normalize=0",
            context);
      for (float& v : values) v = static_cast<float>((v - mean) / sd);
    }
    return values;
  } catch (const cv::Exception& e) {
    return Error(std::string("OpenCV failed: ") + e.what(), context);
  }
}

Result<Preview> ImageBlock::preview(const float* window, int samples, int channels,
                                    double rateHz) const {
  auto values = compute(window, samples, channels, rateHz);
  if (!values.ok()) return values.error();
  const auto dims = outputDims(samples, channels, rateHz);
  Preview p;
  p.title = "Image after grayscale/resize/normalize";
  p.xLabel = "x";
  p.yLabel = "y";
  p.rows = (*dims)[0];
  p.cols = (*dims)[1];
  const int ch = (*dims)[2];
  for (size_t i = 0; i < values->size(); i += static_cast<size_t>(ch))
    p.grid.push_back((*values)[i]);
  return p;
}

}  // namespace edgewise::features
