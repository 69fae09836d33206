#include "core/placement/scheduling.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>

namespace edgewise::placement {

namespace {

// Branch-and-bound nodes before the exact packer gives up and keeps best-fit's answer.
constexpr long kExactNodeBudget = 2'000'000;

Placement emptyPlacement(const Problem& problem, const std::string& name) {
  Placement p;
  p.algorithm = name;
  p.server.assign(problem.tasks.size(), -1);
  p.edgeLayers.assign(problem.tasks.size(), 0);
  return p;
}

// Capacities with a relative 1e-12 of room, so that demands summing to exactly a capacity
// (0.1 * 6 + 0.4) are not refused over rounding; violations() allows 1e-9.
constexpr double kFitSlack = 1e-12;

std::vector<double> capacitiesOf(const Problem& problem) {
  std::vector<double> caps;
  for (const EdgeServer& s : problem.servers) caps.push_back(s.capacity * (1.0 + kFitSlack));
  return caps;
}

// Indices of `sizes`, largest first (ties in index order).
std::vector<int> largestFirst(const std::vector<double>& sizes) {
  std::vector<int> order(sizes.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return sizes[a] > sizes[b]; });
  return order;
}

// The fullest bin with room for `size`, -1 if none.
int bestFitBin(const std::vector<double>& left, double size) {
  int best = -1;
  for (size_t b = 0; b < left.size(); ++b)
    if (left[b] >= size && (best < 0 || left[b] < left[best])) best = static_cast<int>(b);
  return best;
}

// Best-fit decreasing: each item, largest first, into the fullest bin it fits.
bool bestFitDecreasing(const std::vector<double>& sizes, const std::vector<double>& capacities,
                       std::vector<int>* binOf) {
  const std::vector<int> order = largestFirst(sizes);
  std::vector<double> left = capacities;
  std::vector<int> bins(sizes.size(), -1);
  for (int i : order) {
    const int best = bestFitBin(left, sizes[i]);
    if (best < 0) return false;
    left[best] -= sizes[i];
    bins[i] = best;
  }
  if (binOf) *binOf = bins;
  return true;
}

// Exact: depth-first over the items, largest first; bins with equal room are tried once.
// Returns 1 packed, 0 impossible, -1 out of budget.
int exactPacking(const std::vector<double>& sizes, const std::vector<double>& capacities,
                 std::vector<int>* binOf) {
  const std::vector<int> order = largestFirst(sizes);
  std::vector<double> left = capacities;
  std::vector<int> bins(sizes.size(), -1);
  std::vector<double> suffix(order.size() + 1, 0.0);
  for (size_t i = order.size(); i-- > 0;) suffix[i] = suffix[i + 1] + sizes[order[i]];
  long nodes = 0;
  std::function<int(size_t)> place = [&](size_t pos) -> int {
    if (pos == order.size()) return 1;
    if (++nodes > kExactNodeBudget) return -1;
    double room = 0.0;
    for (double l : left) room += std::max(l, 0.0);
    if (room < suffix[pos]) return 0;
    const int item = order[pos];
    std::vector<double> tried;
    for (size_t b = 0; b < left.size(); ++b) {
      if (left[b] < sizes[item]) continue;
      if (std::find(tried.begin(), tried.end(), left[b]) != tried.end()) continue;
      tried.push_back(left[b]);
      left[b] -= sizes[item];
      bins[item] = static_cast<int>(b);
      const int r = place(pos + 1);
      left[b] += sizes[item];
      if (r != 0) return r;
    }
    return 0;
  };
  const int r = place(0);
  if (r == 1 && binOf) *binOf = bins;
  return r;
}

// Packs the largest number of tasks with the given demands (< 0: cannot go to the edge):
// the largest prefix of the tasks sorted by demand that fits, then leftovers best-fit.
std::vector<int> packMostTasks(const Problem& problem, const std::vector<double>& demand) {
  std::vector<int> server(problem.tasks.size(), -1);
  std::vector<int> cand;
  for (size_t i = 0; i < demand.size(); ++i)
    if (demand[i] >= 0.0) cand.push_back(static_cast<int>(i));
  std::stable_sort(cand.begin(), cand.end(), [&](int a, int b) { return demand[a] < demand[b]; });
  const std::vector<double> caps = capacitiesOf(problem);
  if (caps.empty()) return server;
  const double total = std::accumulate(caps.begin(), caps.end(), 0.0);
  const double largest = *std::max_element(caps.begin(), caps.end());
  size_t ub = 0;
  for (double sum = 0.0; ub < cand.size(); ++ub) {
    sum += demand[cand[ub]];
    if (sum > total || demand[cand[ub]] > largest) break;
  }
  std::vector<int> bins;
  size_t m = ub;
  for (;; --m) {
    std::vector<double> sizes;
    for (size_t i = 0; i < m; ++i) sizes.push_back(demand[cand[i]]);
    if (m == 0 || packItems(sizes, caps, &bins)) break;
  }
  std::vector<double> left = caps;
  for (size_t i = 0; i < m; ++i) {
    server[cand[i]] = bins[i];
    left[bins[i]] -= demand[cand[i]];
  }
  for (size_t i = m; i < cand.size(); ++i) {
    const double d = demand[cand[i]];
    const int best = bestFitBin(left, d);
    if (best < 0) continue;
    left[best] -= d;
    server[cand[i]] = best;
  }
  return server;
}

Placement packWithLayers(const Problem& problem, const std::string& name,
                         const std::vector<int>& layers) {
  Placement p = emptyPlacement(problem, name);
  std::vector<double> demand(problem.tasks.size(), -1.0);
  for (size_t i = 0; i < layers.size(); ++i)
    if (layers[i] > 0) demand[i] = edgeDemand(problem.tasks[i], layers[i]);
  p.server = packMostTasks(problem, demand);
  for (size_t i = 0; i < layers.size(); ++i) p.edgeLayers[i] = p.server[i] >= 0 ? layers[i] : 0;
  return p;
}

// Tasks in the given order, cheapest split, first server with room.
Placement firstFitInOrder(const Problem& problem, const std::string& name,
                          const std::vector<int>& order) {
  Placement p = emptyPlacement(problem, name);
  std::vector<double> left = capacitiesOf(problem);
  for (int i : order) {
    const Task& t = problem.tasks[i];
    const int k = cheapestEdgeLayers(problem, t);
    if (k == 0) continue;
    const double d = edgeDemand(t, k);
    for (size_t b = 0; b < left.size(); ++b) {
      if (left[b] < d) continue;
      left[b] -= d;
      p.server[i] = static_cast<int>(b);
      p.edgeLayers[i] = k;
      break;
    }
  }
  return p;
}

}  // namespace

bool packItems(const std::vector<double>& sizes, const std::vector<double>& capacities,
               std::vector<int>* binOf) {
  if (sizes.empty()) {
    if (binOf) binOf->clear();
    return true;
  }
  if (bestFitDecreasing(sizes, capacities, binOf)) return true;
  if (static_cast<int>(sizes.size()) > kExactPackingItems) return false;
  return exactPacking(sizes, capacities, binOf) == 1;
}

int cheapestEdgeLayers(const Problem& problem, const Task& task) {
  int best = 0;
  double bestDemand = std::numeric_limits<double>::infinity();
  for (int k = 1; k <= static_cast<int>(task.layers.size()); ++k) {
    if (latencySeconds(problem, task, k) > problem.latencyBound) continue;
    const double d = edgeDemand(task, k);
    if (d < bestDemand) {
      bestDemand = d;
      best = k;
    }
  }
  return best;
}

Placement scheduleOffline(const Problem& problem) {
  std::vector<int> layers;
  for (const Task& t : problem.tasks) layers.push_back(cheapestEdgeLayers(problem, t));
  return packWithLayers(problem, "offline", layers);
}

Placement scheduleFixed(const Problem& problem, int k) {
  std::vector<int> layers;
  for (const Task& t : problem.tasks) {
    const int kk = std::clamp(k, 1, static_cast<int>(t.layers.size()));
    layers.push_back(latencySeconds(problem, t, kk) <= problem.latencyBound ? kk : 0);
  }
  return packWithLayers(problem, "fixed-" + std::to_string(k), layers);
}

Placement scheduleFifo(const Problem& problem) {
  std::vector<int> order(problem.tasks.size());
  std::iota(order.begin(), order.end(), 0);
  return firstFitInOrder(problem, "fifo", order);
}

Placement scheduleLowBandwidthFirst(const Problem& problem) {
  std::vector<int> order(problem.tasks.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return problem.tasks[a].bandwidthBps < problem.tasks[b].bandwidthBps;
  });
  return firstFitInOrder(problem, "lbf", order);
}

double onlineThreshold(double utilization, double minDemand, double maxDemand) {
  if (!(minDemand > 0.0) || maxDemand <= minDemand) return maxDemand;
  const double ratio = maxDemand / minDemand;
  const double z0 = 1.0 / (1.0 + std::log(ratio));
  if (utilization < z0) return maxDemand;
  return maxDemand * std::exp(1.0) * std::pow(ratio * std::exp(1.0), -utilization);
}

Placement scheduleOnlineCompetitive(const Problem& problem,
                                    const CompetitiveOnlineOptions& options) {
  Placement p = emptyPlacement(problem, "online-competitive");
  double minDemand = options.minDemand, maxDemand = options.maxDemand;
  if (minDemand <= 0.0 || maxDemand <= 0.0) {
    minDemand = std::numeric_limits<double>::infinity();
    maxDemand = 0.0;
    for (const Task& t : problem.tasks) {
      const int k = cheapestEdgeLayers(problem, t);
      if (k == 0) continue;
      const double d = edgeDemand(t, k);
      if (d > 0.0) minDemand = std::min(minDemand, d);
      maxDemand = std::max(maxDemand, d);
    }
    if (!std::isfinite(minDemand)) minDemand = maxDemand;
  }
  std::vector<double> used(problem.servers.size(), 0.0);
  const std::vector<double> room = capacitiesOf(problem);
  for (size_t i = 0; i < problem.tasks.size(); ++i) {
    const Task& t = problem.tasks[i];
    const int k = cheapestEdgeLayers(problem, t);
    if (k == 0) continue;
    const double d = edgeDemand(t, k);
    int best = -1;
    double bestAfter = std::numeric_limits<double>::infinity();
    for (size_t b = 0; b < problem.servers.size(); ++b) {
      const double cap = problem.servers[b].capacity;
      if (room[b] - used[b] < d) continue;
      if (d > onlineThreshold(used[b] / cap, minDemand, maxDemand)) continue;
      const double after = (used[b] + d) / cap;
      if (after < bestAfter) {
        bestAfter = after;
        best = static_cast<int>(b);
      }
    }
    if (best < 0) continue;
    used[best] += d;
    p.server[i] = best;
    p.edgeLayers[i] = k;
  }
  return p;
}

double onlineDemandCap(const std::vector<double>& sortedHistory, double remainingCapacity,
                       double remainingTasks) {
  if (sortedHistory.empty() || remainingTasks <= 0.0)
    return std::numeric_limits<double>::infinity();
  // Largest j with (remainingTasks / H) * sum of the j smallest <= remainingCapacity.
  const double budget =
      remainingCapacity * static_cast<double>(sortedHistory.size()) / remainingTasks;
  double sum = 0.0;
  for (size_t j = 0; j < sortedHistory.size(); ++j) {
    if (!std::isfinite(sortedHistory[j])) return std::numeric_limits<double>::infinity();
    sum += sortedHistory[j];
    if (sum > budget) return j == 0 ? 0.0 : sortedHistory[j - 1];
  }
  return std::numeric_limits<double>::infinity();
}

Placement scheduleOnline(const Problem& problem, const OnlineOptions& options) {
  Placement p = emptyPlacement(problem, "online");
  std::vector<double> history = options.demandHistory;
  if (history.empty())
    for (const Task& t : problem.tasks) {
      const int k = cheapestEdgeLayers(problem, t);
      history.push_back(k > 0 ? edgeDemand(t, k) : std::numeric_limits<double>::infinity());
    }
  std::sort(history.begin(), history.end());
  const double expected =
      options.expectedTasks > 0 ? options.expectedTasks : static_cast<double>(problem.tasks.size());
  std::vector<double> left = capacitiesOf(problem);
  double remaining = std::accumulate(left.begin(), left.end(), 0.0);
  for (size_t i = 0; i < problem.tasks.size(); ++i) {
    const Task& t = problem.tasks[i];
    const int k = cheapestEdgeLayers(problem, t);
    if (k == 0) continue;
    const double d = edgeDemand(t, k);
    // This arrival and the ones still expected share what is left.
    if (d > onlineDemandCap(history, remaining, std::max(1.0, expected - static_cast<double>(i))))
      continue;
    const int best = bestFitBin(left, d);
    if (best < 0) continue;
    left[best] -= d;
    remaining -= d;
    p.server[i] = best;
    p.edgeLayers[i] = k;
  }
  return p;
}

}  // namespace edgewise::placement
