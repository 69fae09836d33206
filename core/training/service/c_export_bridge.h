#pragma once
// Internal to the training service: the C99 export (core/training/export_c) fed from a stored
// model's lineage (dataset kind and shape, feature block). Kept in one place so that
// exportModel("c99") and the compression report's MCU estimate describe the features the same
// way. When the export library is not built, both return an error saying so.

#include <cstdint>
#include <string>
#include <vector>

#include "core/dataset/data/dataset_types.h"
#include "core/training/net_description.h"
#include "core/training/service/data_prep.h"
#include "core/util/result.h"

namespace edgewise::training {

struct McuFigures {
  int64_t flashBytes = 0;
  int64_t ramBytes = 0;
};

Result<McuFigures> estimateMcuFor(const NetDescription& net, const dataset::DatasetInfo& dataset,
                                  const FeatureSpec& features);

// Writes the C99 sources into outDir; returns the written file paths.
Result<std::vector<std::string>> exportC99For(const NetDescription& net,
                                              const dataset::DatasetInfo& dataset,
                                              const FeatureSpec& features,
                                              const std::string& outDir);

}  // namespace edgewise::training
