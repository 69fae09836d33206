#include "core/fleet/audio_simulator.h"

#include <algorithm>
#include <cmath>

namespace edgewise::fleet {

namespace {
constexpr double kTwoPi = 6.283185307179586;
}

AudioSimulator::AudioSimulator(int deviceIndex, uint64_t seed, double sampleRateHz)
    : m_rate(sampleRateHz > 0 ? sampleRateHz : 16000),
      m_rng(deviceSeed(seed, deviceIndex, 20)),
      m_f0(m_rng.uniform(200, 600)) {}

std::vector<int16_t> AudioSimulator::next(int n) {
  std::vector<int16_t> out(static_cast<size_t>(std::max(n, 0)));
  const double nyquist = m_rate / 2;
  for (auto& s : out) {
    const double t = static_cast<double>(m_index) / m_rate;
    m_phase = std::fmod(m_phase + kTwoPi * m_f0 / m_rate, kTwoPi);
    // A machine hum: fundamental plus two harmonics, slowly amplitude-modulated.
    double v = (0.25 * std::sin(m_phase) + 0.10 * std::sin(2 * m_phase + 0.4) +
                0.05 * std::sin(3 * m_phase + 1.3)) *
               (0.8 + 0.2 * std::sin(kTwoPi * 0.5 * t));
    // A 300 ms chirp (1 -> 3 kHz) every 2 s: an event for classifiers to find.
    const double inCycle = std::fmod(t, 2.0);
    if (inCycle < 0.3) {
      const double f = std::min(1000.0 + 2000.0 * inCycle / 0.3, nyquist * 0.9);
      m_chirpPhase = std::fmod(m_chirpPhase + kTwoPi * f / m_rate, kTwoPi);
      v += 0.2 * std::sin(m_chirpPhase) * std::sin(kTwoPi * inCycle / 0.6);
    }
    v += 0.02 * m_rng.normal();
    s = static_cast<int16_t>(std::clamp(v, -1.0, 1.0) * 32767.0);
    ++m_index;
  }
  return out;
}

std::string AudioSimulator::nextPcm16Le(int n) {
  const std::vector<int16_t> samples = next(n);
  std::string out(samples.size() * 2, '\0');
  for (size_t i = 0; i < samples.size(); ++i) {
    const auto u = static_cast<uint16_t>(samples[i]);
    out[2 * i] = static_cast<char>(u & 0xFF);
    out[2 * i + 1] = static_cast<char>(u >> 8);
  }
  return out;
}

}  // namespace edgewise::fleet
