#include "core/dataset/features/dsp.h"

#include <algorithm>
#include <cmath>

#include <opencv2/core.hpp>

namespace edgewise::features::dsp {

namespace {
constexpr double kPi = 3.14159265358979323846;

double hzToMel(double f) {
  return 2595.0 * std::log10(1.0 + f / 700.0);
}
double melToHz(double m) {
  return 700.0 * (std::pow(10.0, m / 2595.0) - 1.0);
}
}  // namespace

std::vector<double> channel(const float* window, int samples, int channels, int c) {
  std::vector<double> out(static_cast<size_t>(samples));
  for (int i = 0; i < samples; ++i)
    out[static_cast<size_t>(i)] = window[static_cast<size_t>(i) * channels + c];
  return out;
}

std::vector<double> hann(int n) {
  std::vector<double> w(static_cast<size_t>(n));
  for (int k = 0; k < n; ++k) w[static_cast<size_t>(k)] = 0.5 - 0.5 * std::cos(2.0 * kPi * k / n);
  return w;
}

Result<std::vector<double>> rfftMagnitude(const std::vector<double>& x, int nfft) {
  if (nfft < static_cast<int>(x.size()) || nfft < 1)
    return Error("FFT length " + std::to_string(nfft) + " is shorter than the frame (" +
                 std::to_string(x.size()) + " samples)");
  try {
    cv::Mat in = cv::Mat::zeros(1, nfft, CV_64F);
    std::copy(x.begin(), x.end(), in.ptr<double>());
    cv::Mat spectrum;
    cv::dft(in, spectrum, cv::DFT_COMPLEX_OUTPUT);
    const auto* z = spectrum.ptr<cv::Vec2d>();
    std::vector<double> mag(static_cast<size_t>(nfft / 2 + 1));
    for (size_t k = 0; k < mag.size(); ++k) mag[k] = std::hypot(z[k][0], z[k][1]);
    return mag;
  } catch (const cv::Exception& e) {
    return Error(std::string("OpenCV dft failed: ") + e.what());
  }
}

std::vector<std::vector<double>> melFilterbank(double rateHz, int nfft, int nMels, double fmin,
                                               double fmax) {
  const double lo = hzToMel(fmin);
  const double hi = hzToMel(fmax);
  std::vector<double> hz(static_cast<size_t>(nMels + 2));
  for (int i = 0; i < nMels + 2; ++i)
    hz[static_cast<size_t>(i)] = melToHz(lo + (hi - lo) * i / (nMels + 1));
  const int bins = nfft / 2 + 1;
  std::vector<std::vector<double>> fb(static_cast<size_t>(nMels),
                                      std::vector<double>(static_cast<size_t>(bins), 0.0));
  for (int m = 0; m < nMels; ++m) {
    const double a = hz[static_cast<size_t>(m)], b = hz[static_cast<size_t>(m) + 1],
                 c = hz[static_cast<size_t>(m) + 2];
    for (int k = 0; k < bins; ++k) {
      const double f = k * rateHz / nfft;
      const double lower = (f - a) / (b - a);
      const double upper = (c - f) / (c - b);
      fb[static_cast<size_t>(m)][static_cast<size_t>(k)] = std::max(0.0, std::min(lower, upper));
    }
  }
  return fb;
}

std::vector<double> dctOrtho(const std::vector<double>& x, int count) {
  const int n = static_cast<int>(x.size());
  std::vector<double> out(static_cast<size_t>(count), 0.0);
  for (int k = 0; k < count && k < n; ++k) {
    double sum = 0.0;
    for (int i = 0; i < n; ++i)
      sum += x[static_cast<size_t>(i)] * std::cos(kPi * k * (2.0 * i + 1.0) / (2.0 * n));
    out[static_cast<size_t>(k)] = sum * std::sqrt((k == 0 ? 1.0 : 2.0) / n);
  }
  return out;
}

}  // namespace edgewise::features::dsp
