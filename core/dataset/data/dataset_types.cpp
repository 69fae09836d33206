#include "core/dataset/data/dataset_types.h"

namespace edgewise::dataset {

const char* kindName(DatasetKind kind) {
  switch (kind) {
    case DatasetKind::Tabular:
      return "tabular";
    case DatasetKind::Image:
      return "image";
    case DatasetKind::Audio:
      return "audio";
    case DatasetKind::Timeseries:
      return "timeseries";
  }
  return "tabular";
}

std::optional<DatasetKind> kindFromName(const std::string& name) {
  for (DatasetKind k :
       {DatasetKind::Tabular, DatasetKind::Image, DatasetKind::Audio, DatasetKind::Timeseries}) {
    if (name == kindName(k)) return k;
  }
  return std::nullopt;
}

size_t expectedBlobSize(const DatasetInfo& info) {
  switch (info.kind) {
    case DatasetKind::Tabular:
      return static_cast<size_t>(info.featureDims) * sizeof(float);
    case DatasetKind::Image:
      return static_cast<size_t>(info.imageHeight) * info.imageWidth * info.imageChannels;
    case DatasetKind::Timeseries:
      return static_cast<size_t>(info.seriesLength) * info.seriesChannels * sizeof(float);
    case DatasetKind::Audio:
      return 0;
  }
  return 0;
}

}  // namespace edgewise::dataset
