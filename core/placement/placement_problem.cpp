#include "core/placement/placement_problem.h"

#include <cmath>

namespace edgewise::placement {

namespace {

// Relative slack for sums of doubles compared against a capacity or bound.
constexpr double kSlack = 1e-9;

bool positiveFinite(double v) {
  return std::isfinite(v) && v > 0.0;
}

}  // namespace

double transferBytes(const Task& task, int edgeLayers) {
  return edgeLayers <= 0 ? task.inputBytes : task.layers[edgeLayers - 1].outputBytes;
}

double latencySeconds(const Problem& problem, const Task& task, int edgeLayers) {
  double edge = 0.0, cloud = 0.0;
  for (int j = 0; j < static_cast<int>(task.layers.size()); ++j)
    (j < edgeLayers ? edge : cloud) += task.layers[j].edgeSeconds;
  return edge + transferBytes(task, edgeLayers) * 8.0 / task.bandwidthBps +
         cloud / problem.cloudSpeedup;
}

double edgeDemand(const Task& task, int edgeLayers) {
  double edge = 0.0;
  for (int j = 0; j < edgeLayers && j < static_cast<int>(task.layers.size()); ++j)
    edge += task.layers[j].edgeSeconds;
  return task.requestRate * edge;
}

Result<void> validateProblem(const Problem& problem) {
  const std::string where = "checking the placement problem";
  if (!positiveFinite(problem.latencyBound))
    return Error("the latency bound must be positive", where);
  if (!positiveFinite(problem.cloudSpeedup))
    return Error("the cloud speed-up must be positive", where);
  for (const EdgeServer& s : problem.servers)
    if (!positiveFinite(s.capacity))
      return Error("edge server " + std::to_string(s.id) + " has no positive capacity", where);
  for (const Task& t : problem.tasks) {
    const std::string name = "task " + std::to_string(t.id);
    if (t.layers.empty()) return Error(name + " has no layers", where);
    if (!positiveFinite(t.inputBytes) || !positiveFinite(t.bandwidthBps) ||
        !positiveFinite(t.requestRate))
      return Error(name + " needs a positive input size, bandwidth and request rate", where);
    for (const Layer& l : t.layers)
      if (!std::isfinite(l.edgeSeconds) || l.edgeSeconds < 0.0 || !std::isfinite(l.outputBytes) ||
          l.outputBytes < 0.0)
        return Error(name + " has a layer with a negative or non-finite cost", where);
  }
  return okResult();
}

int Placement::deployed() const {
  int n = 0;
  for (int s : server) n += s >= 0 ? 1 : 0;
  return n;
}

std::vector<std::string> violations(const Problem& problem, const Placement& placement) {
  std::vector<std::string> out;
  const size_t n = problem.tasks.size();
  if (placement.server.size() != n || placement.edgeLayers.size() != n) {
    out.push_back("the placement does not have one entry per task");
    return out;
  }
  std::vector<double> used(problem.servers.size(), 0.0);
  for (size_t i = 0; i < n; ++i) {
    const Task& t = problem.tasks[i];
    const int s = placement.server[i], k = placement.edgeLayers[i];
    const std::string name = "task " + std::to_string(t.id);
    if (s < 0) {
      if (k != 0) out.push_back(name + " is in the cloud but has layers at the edge");
      continue;
    }
    if (s >= static_cast<int>(problem.servers.size())) {
      out.push_back(name + " is on a server that does not exist");
      continue;
    }
    if (k < 1 || k > static_cast<int>(t.layers.size())) {
      out.push_back(name + " is at the edge with " + std::to_string(k) + " layers");
      continue;
    }
    used[s] += edgeDemand(t, k);
    const double latency = latencySeconds(problem, t, k);
    if (latency > problem.latencyBound * (1.0 + kSlack))
      out.push_back(name + " takes " + std::to_string(latency) + " s, over the bound");
  }
  for (size_t s = 0; s < used.size(); ++s)
    if (used[s] > problem.servers[s].capacity * (1.0 + kSlack))
      out.push_back("edge server " + std::to_string(problem.servers[s].id) + " is over capacity (" +
                    std::to_string(used[s]) + " > " + std::to_string(problem.servers[s].capacity) +
                    ")");
  return out;
}

}  // namespace edgewise::placement
