#include "core/fleet/imu_mounting.h"

#include <cmath>

namespace edgewise::fleet {

Mat3 randomMounting(Rng& rng) {
  constexpr double kPi = 3.141592653589793;
  const double yaw = rng.uniform(0.0, 2.0 * kPi);
  const double axisAngle = rng.uniform(0.0, 2.0 * kPi);
  const double tilt = rng.uniform(0.0, 15.0) * kPi / 180.0;
  const Mat3 rz = {
      {{std::cos(yaw), -std::sin(yaw), 0.0}, {std::sin(yaw), std::cos(yaw), 0.0}, {0.0, 0.0, 1.0}}};
  // Rodrigues' formula for the tilt about the horizontal unit axis (ux, uy, 0).
  const double ux = std::cos(axisAngle), uy = std::sin(axisAngle);
  const double c = std::cos(tilt), sn = std::sin(tilt), t = 1.0 - c;
  const Mat3 rt = {{{c + ux * ux * t, ux * uy * t, uy * sn},
                    {ux * uy * t, c + uy * uy * t, -ux * sn},
                    {-uy * sn, ux * sn, c}}};
  Mat3 r{};
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      for (int k = 0; k < 3; ++k) r[i][j] += rt[i][k] * rz[k][j];
  return r;
}

Mat3 deviceMounting(uint64_t seed, int deviceIndex) {
  Rng rng(deviceSeed(seed, deviceIndex, 4));
  return randomMounting(rng);
}

void rotateVector(const Mat3& r, double v[3]) {
  const double x = v[0], y = v[1], z = v[2];
  for (int i = 0; i < 3; ++i) v[i] = r[i][0] * x + r[i][1] * y + r[i][2] * z;
}

void rotateImuSamples(float* samples, int n, const Mat3& r) {
  for (int s = 0; s < n; ++s) {
    float* p = samples + static_cast<size_t>(s) * 6;
    for (int base : {0, 3}) {
      double v[3] = {p[base], p[base + 1], p[base + 2]};
      rotateVector(r, v);
      for (int i = 0; i < 3; ++i) p[base + i] = static_cast<float>(v[i]);
    }
  }
}

}  // namespace edgewise::fleet
