#pragma once
// The drift reference of a stored model: the input features of its training split, computed
// exactly as training computed them (training::prepareVersion on the model's dataset version
// and effective feature spec). Columns are the model's input vector, named f0, f1, ...; the
// live drift watcher takes the agents' feature_names for them.

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

#include "core/audit/feature_table.h"
#include "core/util/result.h"

namespace edgewise::store {
class Project;
}

namespace edgewise::audit {

struct ModelReference {
  int64_t modelId = 0;
  std::string modelName;
  std::string datasetName;
  std::string snapshotId;
  FeatureTable table;       // training split, one row per sample
  std::vector<int> labels;  // the class of each row (index into classNames)
  std::vector<std::string> classNames;
};

// Errors: unknown model, a model without dataset lineage (imported), a dataset version that is
// gone or changed. maxRows > 0: an evenly spaced subset of at most that many rows.
Result<ModelReference> modelReference(store::Project& project, int64_t modelId, size_t maxRows = 0,
                                      const std::function<void(double)>& progress = {},
                                      const std::atomic<bool>* cancel = nullptr);

}  // namespace edgewise::audit
