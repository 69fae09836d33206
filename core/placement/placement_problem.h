#pragma once
// The edge/cloud placement problem of Li, Ota and Dong, "Learning IoT in Edge: Deep Learning
// for the Internet of Things with Edge Computing" (IEEE Network 32(1), 2018): deep learning
// tasks whose first layers run on an edge server and whose remaining layers run in the cloud,
// the intermediate data crossing the task's link in between. Torch-free; the per-layer costs
// come from training::profileLayers (measured on real LibTorch models) through simulation.h.
// See docs/placement.md for the model, its assumptions and the algorithms.
//
// One request of task i with k layers at the edge takes
//   sum_{j<k} edgeSeconds_j                      (edge server)
// + bytes(k) * 8 / bandwidthBps                  (the link to the cloud)
// + sum_{j>=k} edgeSeconds_j / cloudSpeedup      (cloud)
// with bytes(0) = inputBytes and bytes(k) = layers[k-1].outputBytes. A task is "deployed at
// the edge" when k >= 1; it then reserves requestRate * sum_{j<k} edgeSeconds_j of its
// server's capacity (edge-seconds of compute per second, i.e. cores), and its latency must
// not exceed the bound.

#include <string>
#include <vector>

#include "core/util/result.h"

namespace edgewise::placement {

struct Layer {
  double edgeSeconds = 0.0;  // compute time of this layer for one request on an edge server
  double outputBytes = 0.0;  // what it hands to the next layer
};

struct Task {
  int id = 0;
  std::string model;  // the profiled model it runs ("cnn2d-7")
  double inputBytes = 0.0;
  std::vector<Layer> layers;
  double bandwidthBps = 0.0;  // the task's link from its edge server to the cloud
  double requestRate = 1.0;   // requests per second
};

struct EdgeServer {
  int id = 0;
  double capacity = 0.0;  // edge-seconds of compute per second (cores)
};

struct Problem {
  std::vector<Task> tasks;  // in arrival order (the online algorithms see them this way)
  std::vector<EdgeServer> servers;
  double latencyBound = 0.2;   // seconds, per request
  double cloudSpeedup = 10.0;  // a cloud server runs a layer this many times faster
};

// Seconds of one request of `task` with `edgeLayers` (0..L) layers at the edge.
double latencySeconds(const Problem& problem, const Task& task, int edgeLayers);
// Capacity the task reserves on its server with `edgeLayers` layers at the edge.
double edgeDemand(const Task& task, int edgeLayers);
// Bytes crossing the link with `edgeLayers` layers at the edge.
double transferBytes(const Task& task, int edgeLayers);

// Checks sizes, rates and capacities are positive and finite; the message names the task.
Result<void> validateProblem(const Problem& problem);

struct Placement {
  std::string algorithm;
  std::vector<int> server;      // per task: index into Problem::servers, -1 = cloud only
  std::vector<int> edgeLayers;  // per task: layers at the edge, 0 when in the cloud
  int deployed() const;         // tasks with a server
};

// Every broken constraint of `placement` (server over capacity, a deployed task over the
// latency bound or with 0 or more than L layers, wrong sizes); empty when it is feasible.
std::vector<std::string> violations(const Problem& problem, const Placement& placement);

}  // namespace edgewise::placement
