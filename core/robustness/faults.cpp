#include "core/robustness/faults.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <random>

namespace edgewise::robustness {

namespace {

bool isTimeFault(FaultKind k) {
  return k != FaultKind::GaussianNoise && k != FaultKind::ChannelDropout;
}

bool isProbability(FaultKind k) {
  return k == FaultKind::ChannelDropout || k == FaultKind::StuckAt ||
         k == FaultKind::PacketLossZero || k == FaultKind::PacketLossHold;
}

// Linear interpolation of the clean channel at fractional sample position pos (clamped to the
// window: a clock running ahead of the data holds the last sample).
float sampleAt(const float* x, int length, double pos) {
  pos = std::clamp(pos, 0.0, static_cast<double>(length - 1));
  const int i = std::min(static_cast<int>(pos), length - 1);
  const double f = pos - i;
  if (f == 0.0 || i + 1 >= length) return x[i];
  return static_cast<float>((1.0 - f) * x[i] + f * x[i + 1]);
}

// Re-reads every channel of a row at the positions pos[t] (the resampling faults).
void resample(float* row, const SignalLayout& l, const std::vector<double>& pos) {
  std::vector<float> clean(static_cast<size_t>(l.length));
  for (int c = 0; c < l.channels; ++c) {
    float* ch = row + static_cast<size_t>(c) * l.length;
    std::copy(ch, ch + l.length, clean.begin());
    for (int t = 0; t < l.length; ++t) ch[t] = sampleAt(clean.data(), l.length, pos[t]);
  }
}

void faultRow(float* row, const SignalLayout& l, FaultKind kind, double s, const FaultOptions& o,
              std::mt19937_64& rng) {
  std::uniform_real_distribution<double> uni(0.0, 1.0);
  const size_t dims = static_cast<size_t>(l.channels) * l.length;
  switch (kind) {
    case FaultKind::GaussianNoise: {
      std::normal_distribution<double> normal(0.0, 1.0);
      for (size_t j = 0; j < dims; ++j) {
        const double unit = o.scale.empty() ? 1.0 : o.scale[j];
        row[j] = static_cast<float>(row[j] + s * unit * normal(rng));
      }
      return;
    }
    case FaultKind::ChannelDropout:
      for (int c = 0; c < l.channels; ++c)
        if (uni(rng) < s) std::fill_n(row + static_cast<size_t>(c) * l.length, l.length, 0.0f);
      return;
    case FaultKind::StuckAt:
      for (int c = 0; c < l.channels; ++c) {
        if (!(uni(rng) < s)) continue;
        float* ch = row + static_cast<size_t>(c) * l.length;
        const int onset = std::uniform_int_distribution<int>(0, l.length - 1)(rng);
        std::fill(ch + onset, ch + l.length, ch[onset]);
      }
      return;
    case FaultKind::ClockSkew: {
      const double rate = 1.0 + (uni(rng) < 0.5 ? -s : s);
      std::vector<double> pos(static_cast<size_t>(l.length));
      for (int t = 0; t < l.length; ++t) pos[t] = t * rate;
      resample(row, l, pos);
      return;
    }
    case FaultKind::Jitter: {
      std::normal_distribution<double> normal(0.0, s);
      std::vector<double> pos(static_cast<size_t>(l.length));
      for (int t = 0; t < l.length; ++t) pos[t] = t + normal(rng);
      resample(row, l, pos);
      return;
    }
    case FaultKind::PacketLossZero:
    case FaultKind::PacketLossHold: {
      // A packet carries `packet` consecutive samples of every channel.
      const int packet = o.packetSamples > 0 ? o.packetSamples : std::max(1, l.length / 10);
      for (int start = 0; start < l.length; start += packet) {
        if (!(uni(rng) < s)) continue;
        const int end = std::min(l.length, start + packet);
        for (int c = 0; c < l.channels; ++c) {
          float* ch = row + static_cast<size_t>(c) * l.length;
          // Nothing received before the first packet: a holding receiver has only zeros.
          const float held = kind == FaultKind::PacketLossHold && start > 0 ? ch[start - 1] : 0.0f;
          std::fill(ch + start, ch + end, held);
        }
      }
      return;
    }
  }
}

}  // namespace

std::string faultName(FaultKind kind) {
  switch (kind) {
    case FaultKind::GaussianNoise:
      return "gaussian_noise";
    case FaultKind::ChannelDropout:
      return "channel_dropout";
    case FaultKind::StuckAt:
      return "stuck_at";
    case FaultKind::ClockSkew:
      return "clock_skew";
    case FaultKind::Jitter:
      return "jitter";
    case FaultKind::PacketLossZero:
      return "packet_loss_zero";
    case FaultKind::PacketLossHold:
      return "packet_loss_hold";
  }
  return "?";
}

std::vector<FaultKind> allFaults() {
  return {FaultKind::GaussianNoise, FaultKind::ChannelDropout, FaultKind::StuckAt,
          FaultKind::ClockSkew,     FaultKind::Jitter,         FaultKind::PacketLossZero,
          FaultKind::PacketLossHold};
}

Result<FaultKind> parseFaultKind(const std::string& text) {
  std::string known;
  for (FaultKind k : allFaults()) {
    if (faultName(k) == text) return k;
    known += (known.empty() ? "" : ", ") + faultName(k);
  }
  return Error("unknown fault '" + text + "' (" + known + ")");
}

std::string severityUnit(FaultKind kind) {
  switch (kind) {
    case FaultKind::GaussianNoise:
      return "noise sigma (epsilon units)";
    case FaultKind::ChannelDropout:
    case FaultKind::StuckAt:
      return "probability per channel";
    case FaultKind::ClockSkew:
      return "relative clock error";
    case FaultKind::Jitter:
      return "sigma of sampling instants (sample periods)";
    case FaultKind::PacketLossZero:
    case FaultKind::PacketLossHold:
      return "packet loss probability";
  }
  return "";
}

std::vector<double> defaultSeverities(FaultKind kind) {
  switch (kind) {
    case FaultKind::GaussianNoise:
      return {0.0, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0};
    case FaultKind::ChannelDropout:
    case FaultKind::StuckAt:
      return {0.0, 0.1, 0.2, 0.3, 0.5, 0.75};
    case FaultKind::ClockSkew:
      return {0.0, 0.02, 0.05, 0.1, 0.2, 0.3};
    case FaultKind::Jitter:
      return {0.0, 0.5, 1.0, 2.0, 4.0, 8.0};
    case FaultKind::PacketLossZero:
    case FaultKind::PacketLossHold:
      return {0.0, 0.05, 0.1, 0.2, 0.3, 0.5};
  }
  return {0.0};
}

bool faultApplies(FaultKind kind, int length) {
  return !isTimeFault(kind) || length >= 2;
}

SignalLayout layoutOf(const std::vector<int>& shape) {
  const int total = std::accumulate(shape.begin(), shape.end(), 1, std::multiplies<int>());
  if (shape.size() == 2) return {shape[0], shape[1]};
  if (shape.size() == 3) return {shape[0] * shape[1], shape[2]};
  return {total, 1};
}

Result<cv::Mat> applyFault(const cv::Mat& X, const SignalLayout& layout, FaultKind kind,
                           double severity, const FaultOptions& o) {
  const std::string where = "applying " + faultName(kind);
  if (X.type() != CV_32FC1) return Error("expected CV_32F rows", where);
  if (layout.channels < 1 || layout.length < 1 || X.cols != layout.channels * layout.length)
    return Error("rows of " + std::to_string(X.cols) + " columns are not " +
                     std::to_string(layout.channels) + " channels x " +
                     std::to_string(layout.length) + " samples",
                 where);
  if (!(severity >= 0.0) || !std::isfinite(severity))
    return Error("the severity must be a finite number >= 0", where);
  if (isProbability(kind) && severity > 1.0)
    return Error("the severity is a probability and must not exceed 1", where);
  if (kind == FaultKind::ClockSkew && severity >= 1.0)
    return Error("a clock error of 100 % or more stops the clock", where);
  if (!o.scale.empty() && static_cast<int>(o.scale.size()) != X.cols)
    return Error("the noise scale has " + std::to_string(o.scale.size()) + " values for " +
                     std::to_string(X.cols) + " columns",
                 where);
  cv::Mat out = X.clone();
  if (severity == 0.0 || !faultApplies(kind, layout.length)) return out;
  // One generator per row, seeded by (seed, kind, row): a row's fault does not depend on how
  // many rows come before it.
  for (int r = 0; r < out.rows; ++r) {
    std::mt19937_64 rng(o.seed * 0x9E3779B97F4A7C15ull + static_cast<uint64_t>(kind) * 1000003ull +
                        static_cast<uint64_t>(r));
    float* row = out.ptr<float>(r);
    faultRow(row, layout, kind, severity, o, rng);
    if (std::isfinite(o.clipMin) && std::isfinite(o.clipMax))
      for (int j = 0; j < out.cols; ++j) row[j] = std::clamp(row[j], o.clipMin, o.clipMax);
  }
  return out;
}

double accuracyOf(const std::vector<int>& predicted, const std::vector<int>& y) {
  if (y.empty() || predicted.size() != y.size()) return 0.0;
  size_t hits = 0;
  for (size_t i = 0; i < y.size(); ++i) hits += predicted[i] == y[i] ? 1 : 0;
  return static_cast<double>(hits) / static_cast<double>(y.size());
}

Result<FaultCurve> faultCurve(const training::Classifier& model, const cv::Mat& X,
                              const std::vector<int>& y, const SignalLayout& layout, FaultKind kind,
                              const std::vector<double>& severities, const FaultOptions& options) {
  if (static_cast<size_t>(X.rows) != y.size())
    return Error("the rows and labels differ in number", faultName(kind) + " curve");
  FaultCurve curve;
  curve.kind = kind;
  curve.applicable = faultApplies(kind, layout.length);
  if (!curve.applicable) return curve;
  curve.severity = severities;
  std::sort(curve.severity.begin(), curve.severity.end());
  for (double s : curve.severity) {
    auto faulty = applyFault(X, layout, kind, s, options);
    if (!faulty.ok()) return faulty.error();
    curve.accuracy.push_back(accuracyOf(model.predictBatch(*faulty), y));
  }
  return curve;
}

}  // namespace edgewise::robustness
