#pragma once
// How a wearable sits on its wearer: a rotation from the body frame (z up when the wearer
// stands) to the sensor frame. One implementation for the dataset importer (imu-sim: a new
// mounting per window) and the simulated agents (one fixed mounting per device), so both
// produce physically the same signals.

#include <array>
#include <cstdint>

#include "core/fleet/random.h"

namespace edgewise::fleet {

using Mat3 = std::array<std::array<double, 3>, 3>;

inline constexpr Mat3 kIdentityMounting = {{{1.0, 0.0, 0.0}, {0.0, 1.0, 0.0}, {0.0, 0.0, 1.0}}};

// Any heading (yaw) and a tilt of up to 15 degrees about a random horizontal axis, drawn from
// rng (three uniform draws: yaw, tilt axis, tilt angle). Real wearables are never mounted the
// same way twice, so a model must not rely on which horizontal axis the gait shows up on.
Mat3 randomMounting(Rng& rng);

// The fixed mounting of simulated device deviceIndex of a fleet with this seed (its own random
// stream, so it does not shift the device's calibration, noise or schedule).
Mat3 deviceMounting(uint64_t seed, int deviceIndex);

// v <- r * v for one 3-vector.
void rotateVector(const Mat3& r, double v[3]);

// Rotates the accelerometer (0..2) and gyroscope (3..5) vectors of n interleaved 6-channel
// samples by r.
void rotateImuSamples(float* samples, int n, const Mat3& r);

}  // namespace edgewise::fleet
