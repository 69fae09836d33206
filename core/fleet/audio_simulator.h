#pragma once
// A simulated microphone: PCM16 little-endian mono chunks (16 kHz by default) holding a
// device-specific hum with harmonics, an occasional chirp and background noise.

#include <cstdint>
#include <string>
#include <vector>

#include "core/fleet/random.h"

namespace edgewise::fleet {

class AudioSimulator {
 public:
  AudioSimulator(int deviceIndex, uint64_t seed, double sampleRateHz = 16000);

  // The next n samples.
  std::vector<int16_t> next(int n);
  // The next n samples as a PCM16 little-endian payload (2n bytes).
  std::string nextPcm16Le(int n);

  double sampleRateHz() const { return m_rate; }
  double fundamentalHz() const { return m_f0; }

 private:
  double m_rate;
  Rng m_rng;
  double m_f0;
  double m_phase = 0;
  double m_chirpPhase = 0;
  int64_t m_index = 0;
};

}  // namespace edgewise::fleet
