#pragma once
// A simulated 6-axis IMU worn on the body: accelerometer (m/s^2, gravity included) and
// gyroscope (rad/s), with activities that change on a seeded schedule. The data is meant to
// look like a real wearable's so that windows, features and models built on it behave like
// they would on a device: gait fundamentals with harmonics, falls with free fall and impact,
// sensor noise with a drifting bias, and per-device calibration differences.

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/fleet/imu_mounting.h"
#include "core/fleet/random.h"

namespace edgewise::fleet {

enum class Activity { Idle, Walk, Run, Stairs, Fall };

// "idle", "walk", "run", "stairs", "fall".
std::string_view activityName(Activity activity);
// The inverse of activityName(); false for an unknown name.
bool activityFromName(std::string_view name, Activity* activity);
inline constexpr int kActivityCount = 5;

// ax, ay, az (m/s^2), gx, gy, gz (rad/s).
using ImuSample = std::array<float, 6>;
inline constexpr int kImuChannels = 6;
// "ax", "ay", "az", "gx", "gy", "gz".
std::string_view imuChannelName(int channel);
// The index of a channel name, or -1.
int imuChannelIndex(std::string_view name);

// Drift injected on command (docs/mqtt_conventions.md, inject_drift). The sensor's output
// becomes gain[c] * x + bias[c] for every channel c; with mixShare > 0 each new activity
// segment is mixActivity with probability mixShare, else drawn from the normal schedule.
struct ImuDrift {
  std::array<double, 6> bias{0, 0, 0, 0, 0, 0};
  std::array<double, 6> gain{1, 1, 1, 1, 1, 1};
  Activity mixActivity = Activity::Idle;
  double mixShare = 0;

  bool active() const;
};

class ImuSimulator {
 public:
  // deviceIndex and seed together pick the device's calibration, gait and schedule; the same
  // pair always produces the same samples.
  ImuSimulator(int deviceIndex, uint64_t seed, double rateHz);

  // The next n samples.
  std::vector<ImuSample> next(int n);
  // Writes n samples, interleaved (6 floats each), to out: the allocation-free variant used
  // by the agent at 100,000+ samples per second.
  void nextInto(float* out, int n);

  // The activity of the next sample to be produced.
  Activity currentActivity() const { return m_activity; }
  double rateHz() const { return m_rateHz; }
  // Seconds of simulated time produced so far.
  double elapsedSeconds() const { return static_cast<double>(m_sampleIndex) / m_rateHz; }

  // Replaces the random schedule by one activity held forever (tests, demos). Forcing Fall
  // starts a fall now: free fall, impact, then lying still.
  void forceActivity(Activity activity);
  // Back to the seeded schedule, starting a new segment now.
  void resumeSchedule();

  // Drift. Each call sets (does not accumulate) its part, so a command delivered twice has
  // the effect of one. injectMix starts a new segment now so that the new mix shows at once.
  void injectBias(int channel, double amount);
  void injectGain(int channel, double factor);
  void injectMix(Activity activity, double share);
  void clearDrift() { m_drift = ImuDrift{}; }
  const ImuDrift& drift() const { return m_drift; }

  // How the device sits on the wearer (core/fleet/imu_mounting.h): the true specific force and
  // angular rate are rotated by r before the sensor model (calibration, noise), and an injected
  // drift is a sensor fault added after it. Identity by default (the samples are then exactly
  // those of an unmounted simulator).
  void setMounting(const Mat3& r);
  const Mat3& mounting() const { return m_mounting; }

 private:
  void startSegment(Activity activity, double durationS);
  void pickNextSegment();
  void sample(float* out);

  double m_rateHz;
  double m_dt;
  Rng m_rng;          // noise
  Rng m_scheduleRng;  // schedule, separate so noise draws do not shift the schedule
  int64_t m_sampleIndex = 0;

  Activity m_activity = Activity::Idle;
  bool m_forced = false;
  double m_segmentT = 0;         // seconds since the segment started
  double m_segmentDuration = 0;  // seconds

  // Per-device calibration and gait.
  std::array<double, 6> m_gain{};
  std::array<double, 6> m_offset{};
  std::array<double, 6> m_bias{};
  double m_gaitScale = 1;  // cadence multiplier of this wearer
  double m_ampScale = 1;   // intensity multiplier of this wearer
  double m_phase = 0;      // gait phase (radians of the step cycle)
  double m_cadenceJitter = 0;
  double m_fallPeak = 40;  // m/s^2 of this fall's impact
  double m_fallAxisSign = 1;

  ImuDrift m_drift;
  Mat3 m_mounting = kIdentityMounting;
  bool m_mounted = false;
};

}  // namespace edgewise::fleet
