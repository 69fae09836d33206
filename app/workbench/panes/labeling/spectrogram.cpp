#include "app/workbench/panes/labeling/spectrogram.h"

#include <algorithm>
#include <cmath>

namespace edgewise::gui {

double spectrogramRateFor(bool audio, int channels, double nominalRateHz,
                          int64_t medianIntervalUs) {
  if (channels < 1) return 0;
  double rate = nominalRateHz;
  if (rate <= 0 && medianIntervalUs > 0) rate = 1e6 / static_cast<double>(medianIntervalUs);
  if (rate <= 0) return 0;
  if (audio || (channels == 1 && rate >= kSpectrogramMinRateHz)) return rate;
  return 0;
}

void fftRadix2(std::vector<double>& re, std::vector<double>& im) {
  const size_t n = re.size();
  for (size_t i = 1, j = 0; i < n; ++i) {
    size_t bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      std::swap(re[i], re[j]);
      std::swap(im[i], im[j]);
    }
  }
  for (size_t len = 2; len <= n; len <<= 1) {
    const double ang = -2.0 * M_PI / static_cast<double>(len);
    for (size_t k = 0; k < len / 2; ++k) {
      const double wr = std::cos(ang * static_cast<double>(k));
      const double wi = std::sin(ang * static_cast<double>(k));
      for (size_t i = k; i < n; i += len) {
        const size_t j = i + len / 2;
        const double tr = re[j] * wr - im[j] * wi;
        const double ti = re[j] * wi + im[j] * wr;
        re[j] = re[i] - tr;
        im[j] = im[i] - ti;
        re[i] += tr;
        im[i] += ti;
      }
    }
  }
}

Spectrogram computeSpectrogram(const float* samples, int64_t sampleCount, double sampleRateHz,
                               const std::vector<int64_t>& centers, int window) {
  Spectrogram out;
  if (window < 2 || (window & (window - 1)) != 0) return out;
  out.frames = static_cast<int>(centers.size());
  out.bins = window / 2 + 1;
  out.binHz = sampleRateHz > 0 ? sampleRateHz / window : 0;
  out.centers = centers;
  out.db.assign(static_cast<size_t>(out.frames) * out.bins, kSpectrogramFloorDb);
  std::vector<double> w(static_cast<size_t>(window));
  double wsum = 0;
  for (int n = 0; n < window; ++n) {
    w[n] = 0.5 - 0.5 * std::cos(2.0 * M_PI * n / window);
    wsum += w[n];
  }
  std::vector<double> re(static_cast<size_t>(window)), im(static_cast<size_t>(window));
  for (int f = 0; f < out.frames; ++f) {
    const int64_t start = centers[f] - window / 2;
    for (int n = 0; n < window; ++n) {
      const int64_t i = start + n;
      re[n] = i >= 0 && i < sampleCount ? samples[i] * w[n] : 0.0;
      im[n] = 0.0;
    }
    fftRadix2(re, im);
    float* row = out.db.data() + static_cast<size_t>(f) * out.bins;
    for (int k = 0; k < out.bins; ++k) {
      const double mag = std::hypot(re[k], im[k]) / wsum;
      row[k] = mag > 0 ? std::max(static_cast<float>(20.0 * std::log10(mag)), kSpectrogramFloorDb)
                       : kSpectrogramFloorDb;
    }
  }
  return out;
}

Spectrogram computeSpectrogram(const std::vector<float>& samples, double sampleRateHz, int window,
                               int hop) {
  const auto n = static_cast<int64_t>(samples.size());
  std::vector<int64_t> centers;
  if (hop > 0 && n > 0) {
    // scipy pads the signal so that the frames cover it: ceil(n / hop) + 1 frames.
    const int64_t frames = (n + hop - 1) / hop + 1;
    for (int64_t j = 0; j < frames; ++j) centers.push_back(j * hop);
  }
  return computeSpectrogram(samples.data(), n, sampleRateHz, centers, window);
}

}  // namespace edgewise::gui
