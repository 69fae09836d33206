#pragma once
// Dataset versions: an immutable, seeded, stratified train/val/test split of a dataset with a
// content hash (its snapshot id) so that a model can name exactly the data it was trained on.

#include <array>
#include <cstdint>
#include <vector>

#include "core/dataset/data/dataset_repository.h"
#include "core/util/result.h"

namespace edgewise::dataset {

// Per class: round(n * train) to train, round(n * val) to val, the rest to test, chosen by a
// seeded shuffle. Same labels and params give the same assignment on every machine.
std::vector<uint8_t> stratifiedSplit(const std::vector<int>& labels, const SplitParams& params);

// Checks fractions (each in [0, 1], summing to 1).
Result<void> validateSplitParams(const SplitParams& params);

// Builds (or finds) the version of a dataset for these params and stores it.
Result<DatasetVersion> buildVersion(DatasetRepository& repository, int64_t datasetId,
                                    const SplitParams& params);

// counts[class][split]: how many samples of each class each split holds.
Result<std::vector<std::array<int64_t, 3>>> classBalance(const DatasetRepository& repository,
                                                         const DatasetVersion& version);

}  // namespace edgewise::dataset
