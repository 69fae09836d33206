#pragma once
// Internal to the training service: the part of trainAndRegister after data preparation,
// shared with searchAndRegister (which retrains the best configuration on data it prepared).

#include <atomic>
#include <cstdint>
#include <string>

#include "core/training/service/train_service.h"

namespace edgewise::training {

struct PreparedTrainJob {
  std::string family;
  HyperParams params;  // overrides of withDataDefaults(family, inputShape, {})
  uint64_t seed = 42;
  std::string name;
  std::string origin = "trained";
  HyperParams extraParams;  // added to the record's hyper-parameters (lineage notes)
  double latencySeconds = 1.0;
};

// Creates, trains (with the val split), evaluates, times and stores one model. progress
// fractions run 0..1 over these steps. Cancel -> Error("cancelled"), nothing stored.
Result<ModelRecord> trainPrepared(store::Project& project, const PreparedData& data,
                                  const PreparedTrainJob& job, const TrainProgressFn& progress,
                                  const std::atomic<bool>* cancel);

}  // namespace edgewise::training
