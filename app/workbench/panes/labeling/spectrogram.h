#pragma once
// Short-time Fourier transform for the Labeling pane's spectrogram: Hann-windowed frames of a
// mono signal, magnitude in dB. No Qt widgets and no third-party FFT: a radix-2 FFT of its
// own, so the function is testable on its own (tests/app/labeling_timeline_test.cpp checks it
// against tests/app/spectrogram_reference.py, the definition scipy.signal.stft uses).
//
// Definition (the same as scipy.signal.stft(x, fs, window="hann", nperseg=W, noverlap=W-hop,
// boundary="zeros", padded=True), then 20*log10(|Z|)): frame j is centred at sample
// centers[j] and covers samples [centers[j] - W/2, centers[j] + W/2), zero outside the signal;
// w is the periodic Hann window w[n] = 0.5 - 0.5 cos(2 pi n / W); bin k (0..W/2) holds
// |sum_n x[n] w[n] e^{-2 pi i k n / W}| / sum(w), in dB (floored at kFloorDb).

#include <cstdint>
#include <vector>

namespace edgewise::gui {

struct Spectrogram {
  int frames = 0;
  int bins = 0;                  // window / 2 + 1
  double binHz = 0;              // sampleRateHz / window
  std::vector<float> db;         // frames * bins, db[frame * bins + bin]
  std::vector<int64_t> centers;  // the sample index each frame is centred at
};

constexpr float kSpectrogramFloorDb = -200.f;

// window must be a power of two >= 2. Empty result for an invalid window.
Spectrogram computeSpectrogram(const float* samples, int64_t sampleCount, double sampleRateHz,
                               const std::vector<int64_t>& centers, int window = 512);

// Frames centred at 0, hop, 2 hop, ... up to and including the last sample's frame
// (scipy.signal.stft's frame positions with boundary="zeros", padded=True).
Spectrogram computeSpectrogram(const std::vector<float>& samples, double sampleRateHz,
                               int window = 512, int hop = 256);

// Whether a stream gets a spectrogram, decided from its metadata: audio streams
// (StreamKind::Audio) and any single-channel stream sampled at >= kSpectrogramMinRateHz.
// The rate is the stream's nominal sampleRateHz, or 1e6 / medianIntervalUs when that is 0.
// Returns the sample rate to use, 0 for no spectrogram.
constexpr double kSpectrogramMinRateHz = 4000;
double spectrogramRateFor(bool audio, int channels, double nominalRateHz, int64_t medianIntervalUs);

// In-place radix-2 FFT (n = re.size() a power of two).
void fftRadix2(std::vector<double>& re, std::vector<double>& im);

}  // namespace edgewise::gui
