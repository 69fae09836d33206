#include "core/audit/model_reference.h"

#include "core/store/project.h"
#include "core/training/service/data_prep.h"
#include "core/training/service/model_registry.h"

namespace edgewise::audit {

Result<ModelReference> modelReference(store::Project& project, int64_t modelId, size_t maxRows,
                                      const std::function<void(double)>& progress,
                                      const std::atomic<bool>* cancel) {
  training::ModelRegistry registry(project);
  auto record = registry.get(modelId);
  if (!record.ok())
    return record.error().wrap("drift reference of model " + std::to_string(modelId));
  if (record->snapshotId.empty())
    return Error("model " + std::to_string(modelId) + " (" + record->name +
                 ") has no dataset lineage (imported?): give a reference CSV instead");
  auto prepared =
      training::prepareVersion(project, record->snapshotId, record->features, progress, cancel);
  if (!prepared.ok())
    return prepared.error().wrap("training features of model " + std::to_string(modelId));
  const cv::Mat& x = prepared->train.X;
  if (x.rows < 2 || x.cols < 1)
    return Error("the training split of model " + std::to_string(modelId) + " has " +
                 std::to_string(x.rows) + " rows");
  ModelReference out;
  out.modelId = modelId;
  out.modelName = record->name;
  out.datasetName = record->datasetName;
  out.snapshotId = record->snapshotId;
  const size_t rows = static_cast<size_t>(x.rows);
  const size_t take = maxRows > 0 && maxRows < rows ? maxRows : rows;
  const size_t cols = static_cast<size_t>(x.cols);
  for (size_t c = 0; c < cols; ++c) out.table.names.push_back("f" + std::to_string(c));
  out.table.rows = take;
  out.table.values.resize(take * cols);
  for (size_t r = 0; r < take; ++r) {
    const size_t src = take == rows ? r : r * rows / take;
    const float* row = x.ptr<float>(static_cast<int>(src));
    for (size_t c = 0; c < cols; ++c) out.table.values[r * cols + c] = row[c];
    out.labels.push_back(src < prepared->train.y.size() ? prepared->train.y[src] : -1);
  }
  out.classNames = record->classNames;
  return out;
}

}  // namespace edgewise::audit
