#pragma once
// The bridge from the layer profiler (core/training/torch/layer_profile.h, LibTorch inside
// edgewise::training_torch) to the torch-free placement simulation. Header-only so that
// edgewise::placement itself does not link LibTorch; include it where both are linked (the
// CLI, the tests).

#include <string>
#include <utility>
#include <vector>

#include "core/placement/simulation.h"
#include "core/training/torch/layer_profile.h"

namespace edgewise::placement {

// "cnn2d-7": the family and the number of layers (head included).
inline std::string profileName(const training::ModelLayerProfile& measured) {
  return measured.family + "-" + std::to_string(measured.layers.size());
}

inline ModelProfile toModelProfile(const training::ModelLayerProfile& measured) {
  ModelProfile p;
  p.name = profileName(measured);
  p.inputBytes = static_cast<double>(measured.inputBytes);
  for (const training::LayerCost& l : measured.layers)
    p.layers.push_back({l.seconds, static_cast<double>(l.outputBytes)});
  return p;
}

// Profiles the standard models (mlp, cnn1d, cnn2d at minLayers..maxLayers layers) now.
inline Result<std::vector<ModelProfile>> measureStandardProfiles(int minLayers = 5,
                                                                 int maxLayers = 10) {
  auto measured = training::profileStandardModels(minLayers, maxLayers);
  if (!measured.ok()) return measured.error();
  std::vector<ModelProfile> out;
  for (const auto& m : *measured) out.push_back(toModelProfile(m));
  return out;
}

}  // namespace edgewise::placement
