#pragma once
// Small DSP helpers shared by the blocks. All arithmetic is double precision; blocks cast to
// float32 only at the output.

#include <vector>

#include "core/util/result.h"

namespace edgewise::features::dsp {

// Channel `c` of an interleaved samples x channels window, as doubles.
std::vector<double> channel(const float* window, int samples, int channels, int c);

// Periodic Hann window of length n: 0.5 - 0.5 cos(2 pi k / n), the same as
// scipy.signal.get_window('hann', n, fftbins=True).
std::vector<double> hann(int n);

// |DFT(x zero-padded to nfft)| of the first nfft/2+1 bins, via cv::dft (nfft >= x.size()).
// Errors carry cv::Exception's text.
Result<std::vector<double>> rfftMagnitude(const std::vector<double>& x, int nfft);

// HTK mel scale (2595 log10(1 + f/700)); triangular filters with peak 1 (no area
// normalization), centres equally spaced in mel between fmin and fmax; nMels x (nfft/2+1).
std::vector<std::vector<double>> melFilterbank(double rateHz, int nfft, int nMels, double fmin,
                                               double fmax);

// Orthonormal DCT-II (scipy.fft.dct(type=2, norm='ortho')), first `count` coefficients.
std::vector<double> dctOrtho(const std::vector<double>& x, int count);

}  // namespace edgewise::features::dsp
