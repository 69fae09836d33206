#pragma once
// The simulation of Li, Ota and Dong's evaluation (IEEE Network 2018, Figure 3): 1,000 deep
// learning tasks on 20-90 edge servers, inputs of 100 kB-1 MB, models of 5-10 layers, links
// of 10 Mb/s-1 Gb/s and a 0.2 s latency bound, every algorithm of scheduling.h on the same
// seeded instance. The tasks' layers are scaled from profiles measured on real LibTorch
// models (training::profileStandardModels, converted by the caller: this library is
// torch-free). See docs/placement.md for the scaling and the defaults.

#include <cstdint>
#include <string>
#include <vector>

#include "core/placement/placement_problem.h"
#include "core/placement/scheduling.h"
#include "core/util/result.h"

namespace edgewise::placement {

// A profiled model: per-layer compute seconds and output bytes for one input of inputBytes.
struct ModelProfile {
  std::string name;  // "cnn2d-7": family and number of layers
  double inputBytes = 0.0;
  std::vector<Layer> layers;  // edgeSeconds = the measured time on the profiling machine
};

struct SimulationConfig {
  int tasks = 1000;
  int edges = 50;
  uint64_t seed = 1;
  double minInputBytes = 100e3, maxInputBytes = 1e6;
  int minLayers = 5, maxLayers = 10;
  double minBandwidthBps = 10e6, maxBandwidthBps = 1e9;
  // The range spans two decades; drawn uniformly in log space so that every decade holds as
  // many links (uniform draws would put 90% of them above 100 Mb/s). false: uniform.
  bool logUniformBandwidth = true;
  double latencyBound = 0.2;
  double cloudSpeedup = 10.0;
  // Edge compute of a whole model on a 1 MB input, averaged over the profiles: the measured
  // seconds per input byte of each profile are scaled so that their mean gives this. Keeps the
  // measured ratios between layers and models, and makes the instance independent of the
  // speed of the machine that profiled them.
  double edgeSecondsPerMegabyte = 0.1;
  double requestRate = 1.0;                     // requests per second of every task
  double minCapacity = 0.1, maxCapacity = 0.3;  // per edge server, cores (uniform)
  // What the online algorithms know ahead: the demands of a history workload of
  // calibrationTasks tasks drawn from the same distribution with another seed (the operator's
  // past periods), and the number of tasks to expect (config.tasks). The competitive variant
  // takes these quantiles of the history's deployable demands as its range.
  int calibrationTasks = 2000;
  double onlineLowQuantile = 0.01, onlineHighQuantile = 0.99;
};

Result<void> validateConfig(const SimulationConfig& config);

// The instance: tasks in arrival order and servers from separate streams of `seed`, so the
// first N tasks of a larger instance are the N tasks of a smaller one with the same seed.
Result<Problem> generateProblem(const SimulationConfig& config,
                                const std::vector<ModelProfile>& profiles);

struct AlgorithmResult {
  std::string algorithm;        // offline, online, fixed-1..fixed-5, fifo, lbf, online-competitive
  int deployed = 0;             // tasks deployed at the edge
  double meanEdgeLayers = 0.0;  // over the deployed tasks
  double utilization = 0.0;     // used / total capacity
  int violations = 0;           // constraints broken (always 0; checked, not assumed)
};

struct SimulationResult {
  SimulationConfig config;
  int deployable = 0;                    // tasks with at least one split within the latency bound
  OnlineOptions online;                  // what the online algorithm knew
  CompetitiveOnlineOptions competitive;  // the range the competitive variant used
  std::vector<AlgorithmResult> algorithms;
  const AlgorithmResult* find(const std::string& algorithm) const;
};

Result<SimulationResult> simulate(const SimulationConfig& config,
                                  const std::vector<ModelProfile>& profiles);

// Every algorithm on `problem`, with violations counted.
std::vector<AlgorithmResult> runAllAlgorithms(const Problem& problem, const OnlineOptions& online,
                                              const CompetitiveOnlineOptions& competitive);

// Names in output order.
std::vector<std::string> algorithmNames();

}  // namespace edgewise::placement
