#include "core/placement/simulation.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <random>

namespace edgewise::placement {

namespace {

// Independent streams of one seed: tasks, servers and the online calibration workload.
constexpr uint64_t kServerStream = 0x5EB7E5ULL;
constexpr uint64_t kCalibrationStream = 0xCA11B4A7EULL;

// Uniform in [0, 1) from the top 53 bits: the same numbers with every standard library
// (std::uniform_real_distribution is implementation-defined).
double unit(std::mt19937_64& rng) {
  return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}
double uniform(std::mt19937_64& rng, double lo, double hi) {
  return lo + (hi - lo) * unit(rng);
}
int uniformInt(std::mt19937_64& rng, int lo, int hi) {
  return lo + static_cast<int>(rng() % static_cast<uint64_t>(hi - lo + 1));
}

double quantile(std::vector<double> v, double q) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  const double pos = q * static_cast<double>(v.size() - 1);
  const size_t lo = static_cast<size_t>(std::floor(pos));
  const size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (pos - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

}  // namespace

std::vector<std::string> algorithmNames() {
  return {"offline", "online",  "fixed-1", "fixed-2", "fixed-3",
          "fixed-4", "fixed-5", "fifo",    "lbf",     "online-competitive"};
}

const AlgorithmResult* SimulationResult::find(const std::string& algorithm) const {
  for (const AlgorithmResult& a : algorithms)
    if (a.algorithm == algorithm) return &a;
  return nullptr;
}

Result<void> validateConfig(const SimulationConfig& c) {
  const std::string where = "checking the simulation settings";
  if (c.tasks < 0 || c.edges < 1) return Error("tasks must be >= 0 and edges >= 1", where);
  if (!(c.minInputBytes > 0.0) || c.maxInputBytes < c.minInputBytes)
    return Error("the input size range must be positive and ordered", where);
  if (c.minLayers < 1 || c.maxLayers < c.minLayers)
    return Error("the layer range must be positive and ordered", where);
  if (!(c.minBandwidthBps > 0.0) || c.maxBandwidthBps < c.minBandwidthBps)
    return Error("the bandwidth range must be positive and ordered", where);
  if (!(c.minCapacity > 0.0) || c.maxCapacity < c.minCapacity)
    return Error("the capacity range must be positive and ordered", where);
  if (!(c.latencyBound > 0.0) || !(c.cloudSpeedup > 0.0) || !(c.edgeSecondsPerMegabyte > 0.0) ||
      !(c.requestRate > 0.0))
    return Error("latency bound, cloud speed-up, compute scale and rate must be positive", where);
  if (!(c.onlineLowQuantile >= 0.0 && c.onlineLowQuantile < c.onlineHighQuantile &&
        c.onlineHighQuantile <= 1.0))
    return Error("the online quantiles must satisfy 0 <= low < high <= 1", where);
  return okResult();
}

Result<Problem> generateProblem(const SimulationConfig& config,
                                const std::vector<ModelProfile>& profiles) {
  EW_TRY(validateConfig(config));
  const std::string where = "generating the placement simulation";
  std::map<int, std::vector<const ModelProfile*>> byDepth;
  double perByte = 0.0;
  int used = 0;
  for (const ModelProfile& p : profiles) {
    const int depth = static_cast<int>(p.layers.size());
    if (depth < config.minLayers || depth > config.maxLayers) continue;
    if (!(p.inputBytes > 0.0)) return Error("profile " + p.name + " has no input size", where);
    double total = 0.0;
    for (const Layer& l : p.layers) total += l.edgeSeconds;
    if (!(total > 0.0)) return Error("profile " + p.name + " has no compute time", where);
    byDepth[depth].push_back(&p);
    perByte += total / p.inputBytes;
    ++used;
  }
  for (int d = config.minLayers; d <= config.maxLayers; ++d)
    if (byDepth[d].empty())
      return Error("no profiled model has " + std::to_string(d) + " layers", where);
  // Measured seconds per input byte, averaged over the profiles, become
  // edgeSecondsPerMegabyte / 1e6: a dimensionless factor on every measured time.
  const double scale = config.edgeSecondsPerMegabyte / 1e6 / (perByte / used);

  Problem problem;
  problem.latencyBound = config.latencyBound;
  problem.cloudSpeedup = config.cloudSpeedup;
  std::mt19937_64 rng(config.seed);
  for (int i = 0; i < config.tasks; ++i) {
    const int depth = uniformInt(rng, config.minLayers, config.maxLayers);
    const auto& choices = byDepth[depth];
    const ModelProfile& p = *choices[rng() % choices.size()];
    Task t;
    t.id = i;
    t.model = p.name;
    t.inputBytes = uniform(rng, config.minInputBytes, config.maxInputBytes);
    const double u = unit(rng);
    t.bandwidthBps =
        config.logUniformBandwidth
            ? config.minBandwidthBps * std::pow(config.maxBandwidthBps / config.minBandwidthBps, u)
            : config.minBandwidthBps + u * (config.maxBandwidthBps - config.minBandwidthBps);
    t.requestRate = config.requestRate;
    const double size = t.inputBytes / p.inputBytes;
    for (const Layer& l : p.layers)
      t.layers.push_back({l.edgeSeconds * size * scale, l.outputBytes * size});
    problem.tasks.push_back(std::move(t));
  }
  std::mt19937_64 servers(config.seed ^ kServerStream);
  for (int s = 0; s < config.edges; ++s)
    problem.servers.push_back({s, uniform(servers, config.minCapacity, config.maxCapacity)});
  return problem;
}

std::vector<AlgorithmResult> runAllAlgorithms(const Problem& problem, const OnlineOptions& online,
                                              const CompetitiveOnlineOptions& competitive) {
  std::vector<Placement> placements;
  placements.push_back(scheduleOffline(problem));
  placements.push_back(scheduleOnline(problem, online));
  for (int k = 1; k <= 5; ++k) placements.push_back(scheduleFixed(problem, k));
  placements.push_back(scheduleFifo(problem));
  placements.push_back(scheduleLowBandwidthFirst(problem));
  placements.push_back(scheduleOnlineCompetitive(problem, competitive));
  double capacity = 0.0;
  for (const EdgeServer& s : problem.servers) capacity += s.capacity;
  std::vector<AlgorithmResult> out;
  for (const Placement& p : placements) {
    AlgorithmResult r;
    r.algorithm = p.algorithm;
    r.deployed = p.deployed();
    double layers = 0.0, demand = 0.0;
    for (size_t i = 0; i < p.server.size(); ++i) {
      if (p.server[i] < 0) continue;
      layers += p.edgeLayers[i];
      demand += edgeDemand(problem.tasks[i], p.edgeLayers[i]);
    }
    r.meanEdgeLayers = r.deployed ? layers / r.deployed : 0.0;
    r.utilization = capacity > 0.0 ? demand / capacity : 0.0;
    r.violations = static_cast<int>(violations(problem, p).size());
    out.push_back(r);
  }
  return out;
}

Result<SimulationResult> simulate(const SimulationConfig& config,
                                  const std::vector<ModelProfile>& profiles) {
  auto problem = generateProblem(config, profiles);
  if (!problem.ok()) return problem.error();
  SimulationResult result;
  result.config = config;
  for (const Task& t : problem->tasks) result.deployable += cheapestEdgeLayers(*problem, t) > 0;

  SimulationConfig calibration = config;
  calibration.tasks = config.calibrationTasks;
  calibration.seed = config.seed ^ kCalibrationStream;
  auto history = generateProblem(calibration, profiles);
  if (!history.ok()) return history.error();
  std::vector<double> demands;
  for (const Task& t : history->tasks) {
    const int k = cheapestEdgeLayers(*history, t);
    result.online.demandHistory.push_back(k > 0 ? edgeDemand(t, k)
                                                : std::numeric_limits<double>::infinity());
    if (k > 0) demands.push_back(edgeDemand(t, k));
  }
  result.online.expectedTasks = config.tasks;
  result.competitive.minDemand = quantile(demands, config.onlineLowQuantile);
  result.competitive.maxDemand = quantile(demands, config.onlineHighQuantile);
  result.algorithms = runAllAlgorithms(*problem, result.online, result.competitive);
  return result;
}

}  // namespace edgewise::placement
