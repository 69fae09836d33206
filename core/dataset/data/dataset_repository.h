#pragma once
// Datasets in the project file (tables datasets, dataset_samples, dataset_versions; schema 3).
// Not thread-safe: use it on the thread that owns the Project.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/dataset/data/dataset_types.h"
#include "core/util/result.h"

namespace edgewise::store {
class Project;
}

namespace edgewise::dataset {

struct StoredSample {
  int64_t id = 0;
  int64_t idx = 0;
  int label = 0;
  std::string source;
  std::vector<uint8_t> blob;
  int64_t datasetId = 0;
};

struct SampleLabel {
  int64_t id = 0;
  int label = 0;
};

struct SplitParams {
  double trainFraction = 0.7;
  double valFraction = 0.15;
  double testFraction = 0.15;
  uint64_t seed = 42;
};

enum class Split : uint8_t { Train = 0, Val = 1, Test = 2 };

struct DatasetVersion {
  int64_t id = 0;
  int64_t datasetId = 0;
  std::string snapshotId;  // 64 hex digits
  int64_t createdUs = 0;
  SplitParams params;
  std::vector<uint8_t> assignment;  // a Split per sample, in idx order
};

class DatasetRepository {
 public:
  explicit DatasetRepository(store::Project& project);
  ~DatasetRepository();
  DatasetRepository(const DatasetRepository&) = delete;
  DatasetRepository& operator=(const DatasetRepository&) = delete;

  // Writes a dataset and all its samples atomically (its own transaction, or a savepoint in
  // the caller's): on any error nothing of it stays. Refuses an existing name, an empty
  // sample list, labels outside classNames and blobs of the wrong size. Returns the new id.
  Result<int64_t> create(const DatasetInfo& info, const std::vector<ParsedSample>& samples);

  Result<std::vector<DatasetInfo>> list() const;
  Result<DatasetInfo> get(int64_t id) const;
  Result<DatasetInfo> findByName(const std::string& name) const;
  Result<void> remove(int64_t id);

  Result<std::vector<StoredSample>> samples(int64_t datasetId) const;
  // One sample by its id (any dataset).
  Result<StoredSample> sample(int64_t sampleId) const;
  Result<std::vector<SampleLabel>> labels(int64_t datasetId) const;  // in idx order

  // Stores a version unless one with the same snapshot id exists; returns the stored one.
  Result<DatasetVersion> saveVersion(const DatasetVersion& version);
  Result<std::vector<DatasetVersion>> versions(int64_t datasetId) const;
  Result<DatasetVersion> version(const std::string& snapshotId) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace edgewise::dataset
