#pragma once
// A small, portable pseudo-random generator. The simulators must produce the same data for
// the same seed on every platform and standard library, which std::normal_distribution
// does not guarantee.

#include <cmath>
#include <cstdint>

namespace edgewise::fleet {

// SplitMix64: turns any 64-bit value (seed, device index) into well-mixed state words.
inline uint64_t splitMix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// xoshiro256** with Box-Muller normals.
class Rng {
 public:
  explicit Rng(uint64_t seed) {
    uint64_t s = seed;
    for (auto& word : m_s) word = splitMix64(s);
  }

  uint64_t nextU64() {
    const uint64_t result = rotl(m_s[1] * 5, 7) * 9;
    const uint64_t t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
  }

  // Uniform in [0, 1).
  double uniform() { return static_cast<double>(nextU64() >> 11) * 0x1.0p-53; }
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

  // Standard normal.
  double normal() {
    if (m_hasSpare) {
      m_hasSpare = false;
      return m_spare;
    }
    double u1 = uniform();
    while (u1 <= 1e-300) u1 = uniform();
    const double u2 = uniform();
    const double r = std::sqrt(-2.0 * std::log(u1));
    constexpr double kTwoPi = 6.283185307179586;
    m_spare = r * std::sin(kTwoPi * u2);
    m_hasSpare = true;
    return r * std::cos(kTwoPi * u2);
  }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

  uint64_t m_s[4];
  double m_spare = 0;
  bool m_hasSpare = false;
};

// A seed for one device of a fleet: distinct, well mixed, reproducible.
inline uint64_t deviceSeed(uint64_t seed, int deviceIndex, uint64_t stream = 0) {
  uint64_t s = seed ^ (0xD1B54A32D192ED03ull * static_cast<uint64_t>(deviceIndex + 1)) ^
               (stream * 0x8CB92BA72F3D8DD7ull);
  return splitMix64(s);
}

}  // namespace edgewise::fleet
