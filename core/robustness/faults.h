#pragma once
// IoT faults applied to test rows, and a model's accuracy under each as a curve over
// severity. No gradients: any Classifier (OpenCV ml, ensembles, torch, TorchScript) works.
//
// A row is seen as a signal of `channels` x `length` samples (SignalLayout): a timeseries
// window {C, L} is C channels of L time steps; an image {C, H, W} is C*H rows read along W
// (as the cnn1d family reads images); a feature vector {D} is D channels of one sample, on
// which the time faults (stuck-at, skew, jitter, packet loss) do not apply.

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "core/training/classifier.h"
#include "core/util/result.h"

namespace edgewise::robustness {

enum class FaultKind {
  GaussianNoise,   // severity: noise sigma in units of `scale` per column
  ChannelDropout,  // severity: probability that a channel reads 0 for the whole window
  StuckAt,         // severity: probability that a channel freezes at its value at a random time
  ClockSkew,       // severity: relative clock error (0.05 = 5 % fast or slow, sign at random)
  Jitter,          // severity: std of the sampling instants, in sample periods
  PacketLossZero,  // severity: probability a packet is lost; lost samples read 0
  PacketLossHold,  // severity: the same; lost samples hold the last received value
};

// "gaussian_noise", "channel_dropout", "stuck_at", "clock_skew", "jitter",
// "packet_loss_zero", "packet_loss_hold".
std::string faultName(FaultKind kind);
Result<FaultKind> parseFaultKind(const std::string& text);
std::vector<FaultKind> allFaults();
// What a severity value means, for plots and reports ("sigma (eps units)", ...).
std::string severityUnit(FaultKind kind);
// Six or seven severities per fault, the first 0.
std::vector<double> defaultSeverities(FaultKind kind);
// Whether the fault changes anything on rows of this layout (time faults need length >= 2).
bool faultApplies(FaultKind kind, int length);

struct SignalLayout {
  int channels = 1;
  int length = 1;
};
// {D} -> (D, 1); {C, L} -> (C, L); {C, H, W} -> (C*H, W); anything else -> (product, 1).
SignalLayout layoutOf(const std::vector<int>& inputShape);

struct FaultOptions {
  std::vector<float> scale;  // unit of the Gaussian noise per column (empty: 1)
  float clipMin = -std::numeric_limits<float>::infinity();  // valid range (images: [0, 1])
  float clipMax = std::numeric_limits<float>::infinity();
  int packetSamples = 0;  // samples per packet; 0 = max(1, length / 10)
  uint64_t seed = 42;     // the same seed gives the same faulty rows
};

// X with the fault applied to every row (CV_32F, layout.channels * layout.length columns).
// Severity 0 returns an exact copy. Bad severities (negative; probabilities above 1) and a
// layout that does not match X are errors.
Result<cv::Mat> applyFault(const cv::Mat& X, const SignalLayout& layout, FaultKind kind,
                           double severity, const FaultOptions& options = {});

struct FaultCurve {
  FaultKind kind = FaultKind::GaussianNoise;
  bool applicable = true;        // false: the layout has no time axis for this fault
  std::vector<double> severity;  // ascending
  std::vector<double> accuracy;  // plain accuracy of the model on the faulty rows
};

// Accuracy of `model` on X/y under the fault at each severity (sorted ascending).
Result<FaultCurve> faultCurve(const training::Classifier& model, const cv::Mat& X,
                              const std::vector<int>& y, const SignalLayout& layout, FaultKind kind,
                              const std::vector<double>& severities,
                              const FaultOptions& options = {});

// Fraction of rows where predicted == y (0 for no rows).
double accuracyOf(const std::vector<int>& predicted, const std::vector<int>& y);

}  // namespace edgewise::robustness
