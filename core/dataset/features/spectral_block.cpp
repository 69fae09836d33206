#include "core/dataset/features/spectral_block.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/dataset/features/dsp.h"

namespace edgewise::features {

namespace {
constexpr double kLogFloor = 1e-10;
constexpr double kPeakFloor = 1e-6;  // below this a "peak" is rounding noise (constant input)
constexpr double kTieStep = 1e-9;
}  // namespace

Result<void> SpectralBlock::validate() const {
  if (param("bands") < 1 || param("bands") != std::floor(param("bands")))
    return Error("'bands' must be a whole number >= 1");
  if (param("peaks") < 0 || param("peaks") != std::floor(param("peaks")))
    return Error("'peaks' must be a whole number >= 0");
  return okResult();
}

Result<std::vector<int>> SpectralBlock::outputDims(int samples, int channels, double) const {
  const int bands = static_cast<int>(param("bands"));
  if (samples <= 0 || channels <= 0) return Error("spectral block needs a non-empty window");
  if (samples / 2 + 1 < bands)
    return Error("a window of " + std::to_string(samples) + " samples has only " +
                 std::to_string(samples / 2 + 1) + " frequency bins, fewer than bands=" +
                 std::to_string(bands) + "; use fewer bands or a longer window");
  return std::vector<int>{channels, bands + 2 * static_cast<int>(param("peaks"))};
}

Result<std::vector<std::vector<double>>> SpectralBlock::magnitudes(const float* window, int samples,
                                                                   int channels,
                                                                   double rateHz) const {
  EW_TRY(checkWindow(window, samples, channels, id()));
  if (!(rateHz > 0)) return Error("spectral block needs a positive sample rate");
  EW_TRY(outputDims(samples, channels, rateHz));
  const std::vector<double> w = dsp::hann(samples);
  std::vector<std::vector<double>> out;
  for (int c = 0; c < channels; ++c) {
    std::vector<double> x = dsp::channel(window, samples, channels, c);
    const double mean = std::accumulate(x.begin(), x.end(), 0.0) / samples;
    for (size_t i = 0; i < x.size(); ++i) x[i] = (x[i] - mean) * w[i];
    auto mag = dsp::rfftMagnitude(x, samples);
    if (!mag.ok()) return mag.error().wrap("computing feature block 'spectral'");
    out.push_back(std::move(*mag));
  }
  return out;
}

Result<std::vector<float>> SpectralBlock::compute(const float* window, int samples, int channels,
                                                  double rateHz) const {
  auto mags = magnitudes(window, samples, channels, rateHz);
  if (!mags.ok()) return mags.error();
  const int bands = static_cast<int>(param("bands"));
  const int peaks = static_cast<int>(param("peaks"));
  std::vector<float> out;
  for (const std::vector<double>& mag : *mags) {
    const int nb = static_cast<int>(mag.size());
    std::vector<double> power(static_cast<size_t>(bands), 0.0);
    std::vector<int> count(static_cast<size_t>(bands), 0);
    for (int j = 0; j < nb; ++j) {
      const size_t b = static_cast<size_t>(static_cast<long long>(j) * bands / nb);
      power[b] += mag[static_cast<size_t>(j)] * mag[static_cast<size_t>(j)];
      ++count[b];
    }
    for (int b = 0; b < bands; ++b)
      out.push_back(static_cast<float>(
          std::log(power[static_cast<size_t>(b)] / count[static_cast<size_t>(b)] + kLogFloor)));

    std::vector<int> order;
    for (int j = 1; j < nb; ++j)
      if (mag[static_cast<size_t>(j)] > kPeakFloor) order.push_back(j);
    // Magnitudes equal to within 1e-9 of the largest count as ties (lower bin first): an
    // impulse has a flat spectrum whose bins differ only by rounding, which differs between
    // FFT implementations.
    const double step = kTieStep * std::max(*std::max_element(mag.begin(), mag.end()), 1e-300);
    std::vector<double> key(mag.size());
    for (size_t j = 0; j < mag.size(); ++j) key[j] = std::floor(mag[j] / step + 0.5);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      return key[static_cast<size_t>(a)] > key[static_cast<size_t>(b)];
    });
    order.resize(std::min<size_t>(order.size(), static_cast<size_t>(peaks)));
    for (int i = 0; i < peaks; ++i)
      out.push_back(i < static_cast<int>(order.size())
                        ? static_cast<float>(order[static_cast<size_t>(i)] * rateHz / samples)
                        : 0.0f);
    for (int i = 0; i < peaks; ++i)
      out.push_back(
          i < static_cast<int>(order.size())
              ? static_cast<float>(mag[static_cast<size_t>(order[static_cast<size_t>(i)])])
              : 0.0f);
  }
  return out;
}

Result<Preview> SpectralBlock::preview(const float* window, int samples, int channels,
                                       double rateHz) const {
  auto mags = magnitudes(window, samples, channels, rateHz);
  if (!mags.ok()) return mags.error();
  Preview p;
  p.title = "Spectrum (Hann window, mean removed)";
  p.xLabel = "frequency (Hz)";
  p.yLabel = "magnitude";
  for (int j = 0; j < samples / 2 + 1; ++j) p.x.push_back(j * rateHz / samples);
  p.series = std::move(*mags);
  return p;
}

}  // namespace edgewise::features
