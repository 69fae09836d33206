#include "core/dataset/data/simulated_dataset.h"

#include <array>
#include <cmath>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "core/fleet/imu_mounting.h"
#include "core/fleet/imu_simulator.h"
#include "core/fleet/random.h"

namespace edgewise::dataset {

Result<ParsedDataset> simulateImuActivityDataset(int windowsPerClass, double windowSeconds,
                                                 double rateHz, uint64_t seed) {
  const std::string ctx = "simulating the IMU activity dataset";
  if (windowsPerClass < 1) return Error("need at least one window per class", ctx);
  if (!(rateHz > 0.0) || rateHz > 10000.0)
    return Error("rate must be in (0, 10000] Hz, got " + std::to_string(rateHz), ctx);
  const int length = static_cast<int>(std::lround(windowSeconds * rateHz));
  if (!(windowSeconds > 0.0) || length < 4)
    return Error("a window must hold at least 4 samples (window " + std::to_string(windowSeconds) +
                     " s at " + std::to_string(rateHz) + " Hz)",
                 ctx);

  const std::vector<fleet::Activity> classes = {fleet::Activity::Idle, fleet::Activity::Walk,
                                                fleet::Activity::Run, fleet::Activity::Stairs,
                                                fleet::Activity::Fall};
  ParsedDataset out;
  out.info.kind = DatasetKind::Timeseries;
  out.info.seriesChannels = fleet::kImuChannels;
  out.info.seriesLength = length;
  out.info.seriesRateHz = rateHz;
  for (fleet::Activity a : classes) out.info.classNames.emplace_back(fleet::activityName(a));
  out.info.source = "imu-sim per-class=" + std::to_string(windowsPerClass) +
                    " window-ms=" + std::to_string(std::lround(windowSeconds * 1000.0)) +
                    " rate=" + std::to_string(rateHz) + " seed=" + std::to_string(seed);

  // Fresh simulators and lead-in draws per class: a class's windows do not depend on how many
  // windows the other classes have, and a wearer's calibration is the same in every class.
  std::vector<float> buf;
  const size_t windowFloats = static_cast<size_t>(length) * fleet::kImuChannels;
  out.samples.reserve(static_cast<size_t>(windowsPerClass) * classes.size());
  for (size_t c = 0; c < classes.size(); ++c) {
    fleet::Rng rng((seed ^ 0x494D5553494Dull) + 0x9E3779B97F4A7C15ull * c);  // "IMUSIM"
    std::vector<std::unique_ptr<fleet::ImuSimulator>> sims;
    for (int d = 0; d < kImuSimDevices; ++d) {
      sims.push_back(std::make_unique<fleet::ImuSimulator>(d, seed, rateHz));
    }
    for (int w = 0; w < windowsPerClass; ++w) {
      const int device = w % kImuSimDevices;
      fleet::ImuSimulator& sim = *sims[static_cast<size_t>(device)];
      ParsedSample s;
      s.label = static_cast<int>(c);
      s.source = std::string(fleet::activityName(classes[c])) + " device " +
                 std::to_string(device) + " window " + std::to_string(w);
      s.blob.resize(windowFloats * sizeof(float));
      buf.assign(windowFloats, 0.0f);
      if (classes[c] == fleet::Activity::Fall) {
        const fleet::Activity before =
            rng.uniform() < 0.5 ? fleet::Activity::Walk : fleet::Activity::Idle;
        sim.forceActivity(before);
        const int leadIn = static_cast<int>(std::lround(rng.uniform(0.5, 1.5) * rateHz));
        std::vector<float> discard(static_cast<size_t>(leadIn) * fleet::kImuChannels);
        if (leadIn > 0) sim.nextInto(discard.data(), leadIn);
        const int pre = static_cast<int>(std::lround(rng.uniform(0.1, 0.5) * length));
        if (pre > 0) sim.nextInto(buf.data(), pre);
        sim.forceActivity(fleet::Activity::Fall);
        sim.nextInto(buf.data() + static_cast<size_t>(pre) * fleet::kImuChannels, length - pre);
      } else {
        sim.forceActivity(classes[c]);
        const int leadIn = static_cast<int>(std::lround(rng.uniform(0.2, 1.2) * rateHz));
        std::vector<float> discard(static_cast<size_t>(leadIn) * fleet::kImuChannels);
        if (leadIn > 0) sim.nextInto(discard.data(), leadIn);
        sim.nextInto(buf.data(), length);
      }
      // How the wearer put the device on this time (core/fleet/imu_mounting.h).
      fleet::rotateImuSamples(buf.data(), length, fleet::randomMounting(rng));
      std::memcpy(s.blob.data(), buf.data(), s.blob.size());
      out.samples.push_back(std::move(s));
    }
  }
  return out;
}

}  // namespace edgewise::dataset
