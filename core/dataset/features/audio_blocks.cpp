#include "core/dataset/features/audio_blocks.h"

#include <cmath>

#include "core/dataset/features/dsp.h"

namespace edgewise::features {

namespace {
constexpr double kLogFloor = 1e-10;

Params logMelDefaults() {
  return {{"frame_length", 256}, {"hop", 128}, {"n_fft", 256},
          {"n_mels", 20},        {"fmin", 0},  {"fmax", 0}};
}

bool isWhole(double v, double min) {
  return v >= min && v == std::floor(v);
}
}  // namespace

LogMelBlock::LogMelBlock() : FeatureBlock(logMelDefaults()) {}

Result<void> LogMelBlock::validate() const {
  for (const char* key : {"frame_length", "hop", "n_fft", "n_mels"})
    if (!isWhole(param(key), 1))
      return Error(std::string("'") + key + "' must be a whole number >= 1");
  if (param("n_fft") < param("frame_length"))
    return Error("'n_fft' must be >= 'frame_length' (frames are zero-padded to n_fft)");
  if (param("fmin") < 0 || param("fmax") < 0) return Error("'fmin' and 'fmax' must be >= 0");
  if (param("fmax") > 0 && param("fmax") <= param("fmin"))
    return Error("'fmax' must be above 'fmin'");
  return okResult();
}

int LogMelBlock::frameCount(int samples) const {
  const int length = static_cast<int>(param("frame_length"));
  const int hop = static_cast<int>(param("hop"));
  return samples < length ? 1 : 1 + (samples - length) / hop;
}

Result<std::vector<int>> LogMelBlock::outputDims(int samples, int channels, double) const {
  if (samples <= 0 || channels <= 0) return Error(id() + " block needs a non-empty window");
  return std::vector<int>{channels, frameCount(samples), static_cast<int>(param("n_mels"))};
}

Result<std::vector<std::vector<std::vector<double>>>> LogMelBlock::logMel(const float* window,
                                                                          int samples, int channels,
                                                                          double rateHz) const {
  EW_TRY(checkWindow(window, samples, channels, id()));
  const std::string context = "computing feature block '" + id() + "'";
  if (!(rateHz > 0)) return Error("a positive sample rate is needed", context);
  const double fmax = param("fmax") > 0 ? param("fmax") : rateHz / 2;
  if (fmax > rateHz / 2)
    return Error("fmax " + std::to_string(fmax) + " Hz is above the Nyquist frequency " +
                     std::to_string(rateHz / 2) + " Hz",
                 context);
  if (fmax <= param("fmin"))
    return Error("fmin must be below fmax (" + std::to_string(fmax) + " Hz)", context);
  const int length = static_cast<int>(param("frame_length"));
  const int hop = static_cast<int>(param("hop"));
  const int nfft = static_cast<int>(param("n_fft"));
  const int nMels = static_cast<int>(param("n_mels"));
  const auto fb = dsp::melFilterbank(rateHz, nfft, nMels, param("fmin"), fmax);
  const std::vector<double> w = dsp::hann(length);
  const int frames = frameCount(samples);

  std::vector<std::vector<std::vector<double>>> out;
  for (int c = 0; c < channels; ++c) {
    std::vector<double> x = dsp::channel(window, samples, channels, c);
    if (samples < length) x.resize(static_cast<size_t>(length), 0.0);
    std::vector<std::vector<double>> rows;
    for (int t = 0; t < frames; ++t) {
      std::vector<double> frame(static_cast<size_t>(length));
      for (int i = 0; i < length; ++i)
        frame[static_cast<size_t>(i)] =
            x[static_cast<size_t>(t) * hop + i] * w[static_cast<size_t>(i)];
      auto mag = dsp::rfftMagnitude(frame, nfft);
      if (!mag.ok()) return mag.error().wrap(context);
      std::vector<double> row(static_cast<size_t>(nMels));
      for (int m = 0; m < nMels; ++m) {
        double e = 0.0;
        for (size_t k = 0; k < mag->size(); ++k)
          e += fb[static_cast<size_t>(m)][k] * (*mag)[k] * (*mag)[k];
        row[static_cast<size_t>(m)] = std::log(e + kLogFloor);
      }
      rows.push_back(std::move(row));
    }
    out.push_back(std::move(rows));
  }
  return out;
}

Result<std::vector<float>> LogMelBlock::compute(const float* window, int samples, int channels,
                                                double rateHz) const {
  auto mel = logMel(window, samples, channels, rateHz);
  if (!mel.ok()) return mel.error();
  std::vector<float> out;
  for (const auto& rows : *mel)
    for (const auto& row : rows)
      for (double v : row) out.push_back(static_cast<float>(v));
  return out;
}

namespace {
// Transposes [frame][coef] into a coef-rows x frame-cols grid (frequency on the y axis).
Preview gridPreview(const std::vector<std::vector<double>>& rows, std::string title,
                    std::string yLabel) {
  Preview p;
  p.title = std::move(title);
  p.xLabel = "frame";
  p.yLabel = std::move(yLabel);
  p.cols = static_cast<int>(rows.size());
  p.rows = rows.empty() ? 0 : static_cast<int>(rows.front().size());
  p.grid.resize(static_cast<size_t>(p.rows) * p.cols);
  for (int f = 0; f < p.cols; ++f)
    for (int r = 0; r < p.rows; ++r)
      p.grid[static_cast<size_t>(r) * p.cols + f] =
          static_cast<float>(rows[static_cast<size_t>(f)][static_cast<size_t>(r)]);
  return p;
}
}  // namespace

Result<Preview> LogMelBlock::preview(const float* window, int samples, int channels,
                                     double rateHz) const {
  auto mel = logMel(window, samples, channels, rateHz);
  if (!mel.ok()) return mel.error();
  return gridPreview(mel->front(), "Log-mel spectrogram (channel 0)", "mel band");
}

MfccBlock::MfccBlock()
    : LogMelBlock([] {
        Params p = logMelDefaults();
        p["n_mfcc"] = 13;
        return p;
      }()) {}

Result<void> MfccBlock::validate() const {
  EW_TRY(LogMelBlock::validate());
  if (!isWhole(param("n_mfcc"), 1) || param("n_mfcc") > param("n_mels"))
    return Error("'n_mfcc' must be a whole number between 1 and n_mels");
  return okResult();
}

Result<std::vector<int>> MfccBlock::outputDims(int samples, int channels, double) const {
  if (samples <= 0 || channels <= 0) return Error("mfcc block needs a non-empty window");
  return std::vector<int>{channels, frameCount(samples), static_cast<int>(param("n_mfcc"))};
}

Result<std::vector<float>> MfccBlock::compute(const float* window, int samples, int channels,
                                              double rateHz) const {
  auto mel = logMel(window, samples, channels, rateHz);
  if (!mel.ok()) return mel.error();
  const int n = static_cast<int>(param("n_mfcc"));
  std::vector<float> out;
  for (const auto& rows : *mel)
    for (const auto& row : rows)
      for (double v : dsp::dctOrtho(row, n)) out.push_back(static_cast<float>(v));
  return out;
}

Result<Preview> MfccBlock::preview(const float* window, int samples, int channels,
                                   double rateHz) const {
  auto mel = logMel(window, samples, channels, rateHz);
  if (!mel.ok()) return mel.error();
  std::vector<std::vector<double>> rows;
  for (const auto& row : mel->front())
    rows.push_back(dsp::dctOrtho(row, static_cast<int>(param("n_mfcc"))));
  return gridPreview(rows, "MFCC (channel 0)", "coefficient");
}

}  // namespace edgewise::features
