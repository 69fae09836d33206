#include "core/fleet/imu_simulator.h"

#include <algorithm>
#include <cmath>

namespace edgewise::fleet {

namespace {

constexpr double kG = 9.80665;
constexpr double kPi = 3.14159265358979323846;
constexpr double kTwoPi = 2 * kPi;

// White noise of a consumer MEMS IMU at ~100 Hz (e.g. BMI160-class datasheet figures).
constexpr double kAccNoise = 0.03;    // m/s^2
constexpr double kGyroNoise = 0.004;  // rad/s
// Bias instability: random walk per sqrt(s), pulled back with a long time constant so that
// hours of simulation do not drift without bound.
constexpr double kAccBiasWalk = 0.004;
constexpr double kGyroBiasWalk = 0.0005;
constexpr double kBiasTauS = 600;

// Fall phases, seconds from the start of the fall.
constexpr double kStumbleEnd = 0.20;
constexpr double kFreeFallEnd = 0.60;
constexpr double kImpactEnd = 0.68;
constexpr double kSettleEnd = 1.20;

}  // namespace

std::string_view activityName(Activity activity) {
  switch (activity) {
    case Activity::Idle:
      return "idle";
    case Activity::Walk:
      return "walk";
    case Activity::Run:
      return "run";
    case Activity::Stairs:
      return "stairs";
    case Activity::Fall:
      return "fall";
  }
  return "unknown";
}

bool activityFromName(std::string_view name, Activity* activity) {
  for (int i = 0; i < kActivityCount; ++i) {
    const auto a = static_cast<Activity>(i);
    if (activityName(a) == name) {
      if (activity) *activity = a;
      return true;
    }
  }
  return false;
}

namespace {
constexpr std::array<std::string_view, kImuChannels> kChannelNames = {"ax", "ay", "az",
                                                                      "gx", "gy", "gz"};
}  // namespace

std::string_view imuChannelName(int channel) {
  return channel >= 0 && channel < kImuChannels ? kChannelNames[static_cast<size_t>(channel)]
                                                : std::string_view();
}

int imuChannelIndex(std::string_view name) {
  for (int c = 0; c < kImuChannels; ++c)
    if (kChannelNames[static_cast<size_t>(c)] == name) return c;
  return -1;
}

bool ImuDrift::active() const {
  for (int c = 0; c < kImuChannels; ++c)
    if (bias[static_cast<size_t>(c)] != 0 || gain[static_cast<size_t>(c)] != 1) return true;
  return mixShare > 0;
}

void ImuSimulator::injectBias(int channel, double amount) {
  if (channel >= 0 && channel < kImuChannels) m_drift.bias[static_cast<size_t>(channel)] = amount;
}

void ImuSimulator::injectGain(int channel, double factor) {
  if (channel >= 0 && channel < kImuChannels) m_drift.gain[static_cast<size_t>(channel)] = factor;
}

void ImuSimulator::injectMix(Activity activity, double share) {
  m_drift.mixActivity = activity;
  m_drift.mixShare = std::clamp(share, 0.0, 1.0);
  if (!m_forced) pickNextSegment();
}

void ImuSimulator::setMounting(const Mat3& r) {
  m_mounting = r;
  m_mounted = r != kIdentityMounting;
}

ImuSimulator::ImuSimulator(int deviceIndex, uint64_t seed, double rateHz)
    : m_rateHz(rateHz > 0 ? rateHz : 100.0),
      m_dt(1.0 / m_rateHz),
      m_rng(deviceSeed(seed, deviceIndex, 1)),
      m_scheduleRng(deviceSeed(seed, deviceIndex, 2)) {
  Rng calib(deviceSeed(seed, deviceIndex, 3));
  for (int c = 0; c < kImuChannels; ++c) {
    const bool gyro = c >= 3;
    m_gain[c] = 1.0 + 0.01 * calib.normal();  // ~1 % scale factor error
    m_offset[c] = gyro ? 0.005 * calib.normal() : 0.06 * calib.normal();
  }
  m_gaitScale = calib.uniform(0.92, 1.08);
  m_ampScale = calib.uniform(0.85, 1.15);
  pickNextSegment();
}

void ImuSimulator::startSegment(Activity activity, double durationS) {
  m_activity = activity;
  m_segmentT = 0;
  m_segmentDuration = durationS;
  m_cadenceJitter = 0.04 * m_scheduleRng.normal();
  if (activity == Activity::Fall) {
    m_fallPeak = m_scheduleRng.uniform(35.0, 50.0);  // 3.6 .. 5.1 g
    m_fallAxisSign = m_scheduleRng.uniform() < 0.5 ? -1.0 : 1.0;
  }
}

void ImuSimulator::pickNextSegment() {
  // Weights of a day in the life of a wearer; falls are rare but frequent enough to learn.
  const double r = m_scheduleRng.uniform();
  Activity next;
  // A new activity mix (injected drift) draws once more, so without it the schedule is the
  // same as it always was.
  if (m_drift.mixShare > 0 && m_scheduleRng.uniform() < m_drift.mixShare) {
    next = m_drift.mixActivity;
  } else if (r < 0.30) {
    next = Activity::Idle;
  } else if (r < 0.60) {
    next = Activity::Walk;
  } else if (r < 0.75) {
    next = Activity::Run;
  } else if (r < 0.90) {
    next = Activity::Stairs;
  } else {
    next = Activity::Fall;
  }
  // A fall segment holds the fall itself plus lying still afterwards.
  const double duration =
      next == Activity::Fall ? m_scheduleRng.uniform(3.0, 5.0) : m_scheduleRng.uniform(3.0, 8.0);
  startSegment(next, duration);
}

void ImuSimulator::forceActivity(Activity activity) {
  m_forced = true;
  startSegment(activity, 1e300);
}

void ImuSimulator::resumeSchedule() {
  m_forced = false;
  pickNextSegment();
}

std::vector<ImuSample> ImuSimulator::next(int n) {
  std::vector<ImuSample> out(static_cast<size_t>(std::max(n, 0)));
  for (auto& s : out) sample(s.data());
  return out;
}

void ImuSimulator::nextInto(float* out, int n) {
  for (int i = 0; i < n; ++i) sample(out + static_cast<size_t>(i) * kImuChannels);
}

void ImuSimulator::sample(float* out) {
  if (!m_forced && m_segmentT >= m_segmentDuration) pickNextSegment();

  const double t = m_segmentT;
  // True specific force (what an accelerometer measures: gravity reaction plus motion) and
  // angular rate, in the device frame; z points up when the wearer stands.
  double a[3] = {0, 0, kG};
  double w[3] = {0, 0, 0};

  auto gait = [&](double cadenceHz, double amp, double h2, double h3, double gyroAmp) {
    const double f = cadenceHz * m_gaitScale * (1 + m_cadenceJitter);
    m_phase = std::fmod(m_phase + kTwoPi * f * m_dt, 2 * kTwoPi);
    const double p = m_phase;
    const double A = amp * m_ampScale;
    // Vertical: heel strikes at the step frequency with harmonics from the impact shape.
    a[2] += A * std::sin(p) + h2 * A * std::sin(2 * p + 0.6) + h3 * A * std::sin(3 * p + 1.1);
    // Fore-aft: braking and propulsion, a quarter cycle ahead of the vertical.
    a[1] += 0.55 * A * std::cos(p) + 0.2 * A * std::sin(2 * p + 0.3);
    // Lateral sway at the stride frequency (half the step frequency).
    a[0] += 0.35 * A * std::sin(0.5 * p + 0.2);
    w[0] += gyroAmp * std::sin(p + 0.3);              // pitch with each step
    w[1] += 0.4 * gyroAmp * std::sin(0.5 * p);        // roll with each stride
    w[2] += 0.6 * gyroAmp * std::sin(0.5 * p + 0.5);  // yaw of the trunk
  };

  switch (m_activity) {
    case Activity::Idle:
      // Standing or sitting: postural sway and breathing only.
      a[0] += 0.04 * std::sin(kTwoPi * 0.25 * t);
      a[1] += 0.03 * std::sin(kTwoPi * 0.31 * t + 1.0);
      w[0] += 0.01 * std::sin(kTwoPi * 0.25 * t);
      break;
    case Activity::Walk:
      gait(1.8, 2.2, 0.35, 0.15, 0.35);
      break;
    case Activity::Run:
      gait(2.8, 7.0, 0.50, 0.25, 1.0);
      break;
    case Activity::Stairs: {
      gait(1.5, 3.0, 0.45, 0.10, 0.5);
      // Climbing: the trunk leans forward and each step lifts the body (push-off upwards).
      constexpr double kLean = 0.17;  // ~10 degrees
      const double lift = 1.6 * m_ampScale * std::max(0.0, std::sin(m_phase));
      const double vertical = a[2] + lift;
      a[2] = vertical * std::cos(kLean);
      a[1] += vertical * std::sin(kLean);
      break;
    }
    case Activity::Fall: {
      const double s = m_fallAxisSign;
      if (t < kStumbleEnd) {
        a[2] += 3.0 * std::sin(kTwoPi * 3.0 * t);
        w[0] += 1.5 * t / kStumbleEnd;
      } else if (t < kFreeFallEnd) {
        // Free fall: the accelerometer reads (almost) nothing, the body rotates.
        a[0] = 0.15 * std::sin(kTwoPi * 2 * t);
        a[1] = 0.1;
        a[2] = 0.2;
        w[1] = s * 3.5;
        w[0] = 1.0;
      } else if (t < kImpactEnd) {
        const double pulse = std::sin(kPi * (t - kFreeFallEnd) / (kImpactEnd - kFreeFallEnd));
        a[0] = s * 0.8 * m_fallPeak * pulse;
        a[1] = 0.2 * m_fallPeak * pulse;
        a[2] = 0.56 * m_fallPeak * pulse;
        w[1] = s * 3.5 * (1 - pulse) - s * 6.0 * pulse;
        w[2] = 2.0 * pulse;
      } else if (t < kSettleEnd) {
        // Bounce and settle onto the side: gravity moves from z to x.
        const double u = t - kImpactEnd;
        const double decay = std::exp(-8.0 * u);
        a[0] = s * kG + 6.0 * decay * std::sin(kTwoPi * 7.0 * u);
        a[1] = 0.5 * decay;
        a[2] = 0.4 + 3.0 * decay * std::cos(kTwoPi * 7.0 * u);
        w[1] = 2.0 * decay * std::sin(kTwoPi * 5.0 * u);
      } else {
        // Lying still on the side; only breathing moves the sensor.
        a[0] = s * kG * std::cos(0.05) + 0.03 * std::sin(kTwoPi * 0.25 * t);
        a[1] = 0.0;
        a[2] = kG * std::sin(0.05);
      }
      break;
    }
  }

  if (m_mounted) {
    rotateVector(m_mounting, a);
    rotateVector(m_mounting, w);
  }

  const double biasDecay = m_dt / kBiasTauS;
  const double sqrtDt = std::sqrt(m_dt);
  for (int c = 0; c < kImuChannels; ++c) {
    const bool gyro = c >= 3;
    const double truth = gyro ? w[c - 3] : a[c];
    m_bias[c] +=
        -biasDecay * m_bias[c] + (gyro ? kGyroBiasWalk : kAccBiasWalk) * sqrtDt * m_rng.normal();
    const double noise = (gyro ? kGyroNoise : kAccNoise) * m_rng.normal();
    const double measured = m_gain[c] * truth + m_offset[c] + m_bias[c] + noise;
    out[c] = static_cast<float>(m_drift.gain[c] * measured + m_drift.bias[c]);
  }

  m_segmentT += m_dt;
  ++m_sampleIndex;
}

}  // namespace edgewise::fleet
