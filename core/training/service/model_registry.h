#pragma once
// Trained models in the project file (table models, schema 4): the model file itself as a
// blob plus its lineage (dataset version, features, hyper-parameters, seed), test metrics,
// training history, size and latency. Not thread-safe: one registry per Project connection; a
// worker thread opens its own connection (Project::openAnotherConnection()).

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/training/classifier.h"
#include "core/training/metrics.h"
#include "core/training/service/data_prep.h"
#include "core/util/result.h"

namespace edgewise::store {
class Project;
}

namespace edgewise::training {

struct ModelRecord {
  int64_t id = 0;  // set by ModelRegistry::add
  std::string name;
  std::string family;     // Classifier::id(): "mlp", "knn", "ensemble", "torchscript", ...
  int64_t createdUs = 0;  // set by add() when 0

  // Lineage: the data it was trained on. datasetId becomes nullopt when the dataset is
  // removed; datasetName and snapshotId stay.
  std::optional<int64_t> datasetId;
  std::string datasetName;
  std::string snapshotId;
  FeatureSpec features;
  std::vector<int> inputShape;
  std::vector<std::string> classNames;
  HyperParams hyperParams;
  uint64_t seed = 0;

  // Test-split metrics and per-epoch history (one entry for families without epochs).
  Metrics metrics;
  std::vector<TrainProgress> history;

  int64_t parameterCount = 0;
  int64_t sizeBytes = 0;  // of the model file
  double trainSeconds = 0.0;
  double latencyP50Us = 0.0;  // single-sample predict on this machine
  double latencyP99Us = 0.0;

  std::optional<int64_t> parentId;  // the model this one was derived from (compression)
  std::string origin = "trained";   // "trained", "imported", "compressed", ...
  // JSON object (schema 5): how a derived variant was made and measured, e.g. the
  // compression report; "{}" for trained models.
  std::string details = "{}";

  int numClasses() const { return static_cast<int>(classNames.size()); }
};

// Metrics <-> JSON ({"accuracy":..,"macro_f1":..,"confusion":[[..]],"per_class":[{"precision",
// "recall","f1","support"}]}), the form stored in models.metrics and printed by the CLI.
std::string metricsToJson(const Metrics& metrics);
Result<Metrics> metricsFromJson(const std::string& json);

class ModelRegistry {
 public:
  explicit ModelRegistry(store::Project& project);
  ~ModelRegistry();
  ModelRegistry(const ModelRegistry&) = delete;
  ModelRegistry& operator=(const ModelRegistry&) = delete;

  // Stores the record and the bytes of modelFilePath in one transaction (or a savepoint of
  // the caller's); returns the new id. Refuses an unreadable or empty file, a parentId that
  // does not exist.
  Result<int64_t> add(const ModelRecord& record, const std::string& modelFilePath);

  // Every model, newest first, without file bytes.
  Result<std::vector<ModelRecord>> list() const;
  Result<ModelRecord> get(int64_t id) const;

  // Writes the stored file to a temporary file and loads it with loadClassifier(): a corrupt
  // blob is an error naming the model.
  Result<std::unique_ptr<Classifier>> load(int64_t id) const;
  // Writes the stored model file (atomically) to path.
  Result<void> exportFile(int64_t id, const std::string& path) const;

  Result<void> rename(int64_t id, const std::string& name);
  // Models derived from this one keep existing with parentId cleared.
  Result<void> remove(int64_t id);

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace edgewise::training
