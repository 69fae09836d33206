#pragma once
// Per-layer cost of the LibTorch families ("mlp", "cnn1d", "cnn2d"): the time of each layer's
// forward pass on one sample and the size of what it outputs. The placement planner
// (core/placement) splits a model after some layer and ships that layer's output to the
// cloud, so it needs both numbers per layer. Torch-free header, like attacks.h; the LibTorch
// code is in layer_profile.cpp.
//
// A "layer" is what a split can happen after: one Linear + ReLU (mlp), one Conv + ReLU + the
// max pooling that follows it (cnn1d/cnn2d), and the head (for conv nets: the global mean or
// flatten before it). The input standardization is counted in the first layer.

#include <cstdint>
#include <string>
#include <vector>

#include "core/training/classifier.h"
#include "core/util/result.h"

namespace edgewise::training {

struct LayerCost {
  std::string name;         // "fc0", "conv1", "head"
  double seconds = 0.0;     // median forward time of this layer on one sample
  int64_t outputBytes = 0;  // float32 output of this layer for one sample
  int64_t parameters = 0;   // learned parameters of the layer
};

struct ModelLayerProfile {
  std::string family;           // mlp | cnn1d | cnn2d
  std::vector<int> inputShape;  // per-sample input shape
  int64_t inputBytes = 0;       // float32 input of one sample
  std::vector<LayerCost> layers;
  double totalSeconds() const;
};

struct LayerProfileOptions {
  int warmup = 5;      // untimed full passes first
  int repeats = 30;    // timed passes; each layer's time is the median over them
  int threads = 1;     // torch intra-op threads while profiling (restored afterwards)
  uint64_t seed = 42;  // weight initialisation (the timing does not depend on the values)
};

// Both settings are process-wide in LibTorch (torch::set_num_threads, torch::manual_seed): do
// not profile while another thread of the same process trains a torch model.
//
// Profiles an untrained network of `family` built as the family would build it from `params`
// ("hidden" for mlp, "channels" and "kernel" for conv nets) on inputs of `inputShape`.
Result<ModelLayerProfile> profileLayers(const std::string& family,
                                        const std::vector<int>& inputShape, int numClasses,
                                        const HyperParams& params,
                                        const LayerProfileOptions& options = {});

// The models the placement simulation draws from: each family at 5..10 layers (head
// included) on a typical IoT input (mlp: 28x28 image rows, cnn1d: 6-axis IMU window of 512
// samples, cnn2d: 3x64x64 camera frame). 18 profiles, a few hundred milliseconds.
Result<std::vector<ModelLayerProfile>> profileStandardModels(
    int minLayers = 5, int maxLayers = 10, const LayerProfileOptions& options = {});

}  // namespace edgewise::training
