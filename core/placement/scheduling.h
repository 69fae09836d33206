#pragma once
// The scheduling algorithms of the placement planner (see placement_problem.h and
// docs/placement.md): the offline layer scheduling and the online threshold algorithm of Li,
// Ota and Dong (IEEE Network 2018) as reconstructed in docs/placement.md, and the baselines of
// the paper's Figure 3: a fixed number of layers at the edge, FIFO and low-bandwidth-first.
//
// All of them return a Placement that violations() finds feasible: no server over capacity,
// every task at the edge within the latency bound.

#include <string>
#include <vector>

#include "core/placement/placement_problem.h"

namespace edgewise::placement {

// Layer scheduling of one task: the number of layers at the edge (1..L) with the least edge
// demand among those meeting the latency bound; 0 when no split meets it.
int cheapestEdgeLayers(const Problem& problem, const Task& task);

// Offline: every task gets its cheapest split, then the largest number of tasks is packed
// onto the servers. Because any feasible set of m tasks can be swapped rank by rank for the m
// tasks of least demand, the optimum is "the largest m whose m cheapest tasks fit"; fitting is
// decided exactly (branch and bound) for up to kExactPackingItems tasks and by best-fit
// decreasing above, after which leftover tasks are added wherever they still fit.
Placement scheduleOffline(const Problem& problem);
constexpr int kExactPackingItems = 14;

// Baseline: every task runs exactly k layers at the edge (clamped to its depth); tasks that
// miss the latency bound with k layers stay in the cloud; the rest are packed as the offline
// algorithm packs. Differs from the offline algorithm only in the layer decision.
Placement scheduleFixed(const Problem& problem, int k);

// Baseline: tasks in arrival order, each with its cheapest split, onto the first server it
// fits; a task that fits nowhere goes to the cloud.
Placement scheduleFifo(const Problem& problem);

// Baseline: low-bandwidth-first. Tasks with the slowest links are served first (they gain the
// most from cutting their data at the edge), each with its cheapest split, first fit.
Placement scheduleLowBandwidthFirst(const Problem& problem);

struct OnlineOptions {
  // Edge demands (cheapest split; +inf for a task that cannot meet the bound) of a past
  // workload: the operator's history, in any order. Empty = the problem's own tasks (an
  // oracle of the distribution, for tests).
  std::vector<double> demandHistory;
  // Tasks expected in this period (the algorithm knows how many, not which); 0 = the
  // problem's size.
  int expectedTasks = 0;
};

// Online threshold algorithm: tasks arrive one at a time and are decided at once, for good.
// Each gets its cheapest split and is admitted only if its edge demand is at most the
// threshold computed on arrival from what is left: the largest demand tau such that the
// arrivals still expected, drawn like the history, would just use the remaining capacity if
// all those with demand <= tau were admitted,
//   (remaining arrivals / H) * sum_{h in history, d_h <= tau} d_h <= remaining capacity.
// While capacity is plentiful tau is infinite (everything fitting is admitted, like FIFO); as
// it runs out, tau falls toward the cut the offline algorithm would make. Admitted tasks go to
// the fullest server they fit (best fit).
Placement scheduleOnline(const Problem& problem, const OnlineOptions& options = {});
// The threshold of scheduleOnline: sortedHistory ascending.
double onlineDemandCap(const std::vector<double>& sortedHistory, double remainingCapacity,
                       double remainingTasks);

struct CompetitiveOnlineOptions {
  // Range of the edge demand of a deployable task (capacity units); 0 = the problem's own.
  double minDemand = 0.0;
  double maxDemand = 0.0;
};

// The worst-case variant: no distribution, only a demand range. A task is admitted to a
// server only if its demand is at most the server's threshold, which falls exponentially with
// the server's utilization z:
//   threshold(z) = maxDemand                        for z < z0 = 1 / (1 + ln R)
//                = maxDemand * e * (R e)^(-z)       above (= minDemand at z = 1)
// with R = maxDemand / minDemand (the value-density threshold of Zhou, Chakrabarty and Lukose's
// online knapsack, every task worth 1). Among the servers that admit it, the least utilized
// after placing it is chosen. Competitive against any arrival order, but it turns tasks away
// while capacity is still plentiful.
Placement scheduleOnlineCompetitive(const Problem& problem,
                                    const CompetitiveOnlineOptions& options = {});
double onlineThreshold(double utilization, double minDemand, double maxDemand);

// Whether items of the given sizes can all be packed into bins of the given capacities
// (exactly for up to kExactPackingItems items, else best-fit decreasing), and if so where:
// binOf[i] is the bin of item i.
bool packItems(const std::vector<double>& sizes, const std::vector<double>& capacities,
               std::vector<int>* binOf);

}  // namespace edgewise::placement
