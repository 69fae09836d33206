#pragma once
// Simulated datasets: labelled windows from the device simulators in core/fleet, so that
// training, the CLI and the benchmarks have a realistic time-series dataset without hardware.

#include <cstdint>

#include "core/dataset/data/dataset_types.h"
#include "core/util/result.h"

namespace edgewise::dataset {

// Number of simulated wearers windows are drawn from (calibration, gait and intensity differ).
inline constexpr int kImuSimDevices = 8;

// A timeseries dataset of 6-axis IMU windows (ax, ay, az in m/s^2, gx, gy, gz in rad/s) with
// classes idle, walk, run, stairs, fall and windowsPerClass windows each. Window j of a class
// comes from wearer j % kImuSimDevices after a random lead-in (0.2..1.2 s of the activity, so
// the gait phase varies); a fall window holds 10..50 % of the window of walking or idling
// before the fall starts. Same arguments give the same bytes on every machine.
// Errors: windowsPerClass < 1, a window shorter than 4 samples, rate outside (0, 10 kHz].
Result<ParsedDataset> simulateImuActivityDataset(int windowsPerClass, double windowSeconds,
                                                 double rateHz, uint64_t seed);

}  // namespace edgewise::dataset
