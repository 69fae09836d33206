#include "core/dataset/data/dataset_version.h"

#include <QCryptographicHash>
#include <cmath>
#include <map>
#include <random>

namespace edgewise::dataset {

namespace {

// Fisher-Yates with our own index draw: std::shuffle and std::uniform_int_distribution are
// implementation-defined, and a split must be the same on every machine and compiler.
void seededShuffle(std::vector<size_t>& v, std::mt19937_64& rng) {
  for (size_t i = v.size(); i > 1; --i) {
    const size_t j = static_cast<size_t>(rng() % i);
    std::swap(v[i - 1], v[j]);
  }
}

void addInt(QCryptographicHash& h, int64_t v) {
  uint8_t b[8];
  for (int i = 0; i < 8; ++i) b[i] = static_cast<uint8_t>(static_cast<uint64_t>(v) >> (8 * i));
  h.addData(QByteArrayView(reinterpret_cast<const char*>(b), 8));
}

}  // namespace

Result<void> validateSplitParams(const SplitParams& p) {
  for (double f : {p.trainFraction, p.valFraction, p.testFraction}) {
    if (!(f >= 0.0 && f <= 1.0)) return Error("split fractions must lie between 0 and 1");
  }
  if (std::abs(p.trainFraction + p.valFraction + p.testFraction - 1.0) > 1e-6) {
    return Error("split fractions must add up to 1 (train + val + test)");
  }
  return okResult();
}

std::vector<uint8_t> stratifiedSplit(const std::vector<int>& labels, const SplitParams& params) {
  std::map<int, std::vector<size_t>> byClass;
  for (size_t i = 0; i < labels.size(); ++i) byClass[labels[i]].push_back(i);
  std::vector<uint8_t> out(labels.size(), static_cast<uint8_t>(Split::Test));
  std::mt19937_64 rng(params.seed);
  for (auto& [label, members] : byClass) {
    seededShuffle(members, rng);
    const size_t n = members.size();
    const size_t nTrain = std::min(n, static_cast<size_t>(std::llround(n * params.trainFraction)));
    const size_t nVal =
        std::min(n - nTrain, static_cast<size_t>(std::llround(n * params.valFraction)));
    for (size_t k = 0; k < n; ++k) {
      const Split s = k < nTrain ? Split::Train : k < nTrain + nVal ? Split::Val : Split::Test;
      out[members[k]] = static_cast<uint8_t>(s);
    }
  }
  return out;
}

Result<DatasetVersion> buildVersion(DatasetRepository& repository, int64_t datasetId,
                                    const SplitParams& params) {
  EW_TRY(validateSplitParams(params));
  Result<std::vector<SampleLabel>> labels = repository.labels(datasetId);
  if (!labels.ok()) return labels.error();
  if (labels->empty()) {
    return Error("dataset " + std::to_string(datasetId) + " has no samples to split");
  }
  std::vector<int> plain;
  plain.reserve(labels->size());
  for (const SampleLabel& l : *labels) plain.push_back(l.label);

  DatasetVersion v;
  v.datasetId = datasetId;
  v.params = params;
  v.assignment = stratifiedSplit(plain, params);

  QCryptographicHash h(QCryptographicHash::Sha256);
  addInt(h, datasetId);
  for (const SampleLabel& l : *labels) {
    addInt(h, l.id);
    addInt(h, l.label);
  }
  // Fractions enter as integers (parts per billion) so the hash does not depend on how a
  // platform prints or rounds a double.
  addInt(h, std::llround(params.trainFraction * 1e9));
  addInt(h, std::llround(params.valFraction * 1e9));
  addInt(h, std::llround(params.testFraction * 1e9));
  addInt(h, static_cast<int64_t>(params.seed));
  h.addData(QByteArrayView(reinterpret_cast<const char*>(v.assignment.data()),
                           static_cast<qsizetype>(v.assignment.size())));
  v.snapshotId = h.result().toHex().toStdString();
  return repository.saveVersion(v);
}

Result<std::vector<std::array<int64_t, 3>>> classBalance(const DatasetRepository& repository,
                                                         const DatasetVersion& version) {
  Result<DatasetInfo> info = repository.get(version.datasetId);
  if (!info.ok()) return info.error();
  Result<std::vector<SampleLabel>> labels = repository.labels(version.datasetId);
  if (!labels.ok()) return labels.error();
  if (labels->size() != version.assignment.size()) {
    return Error("the version assigns " + std::to_string(version.assignment.size()) +
                 " samples but the dataset holds " + std::to_string(labels->size()));
  }
  std::vector<std::array<int64_t, 3>> counts(info->classNames.size(), {0, 0, 0});
  for (size_t i = 0; i < labels->size(); ++i) {
    const int label = (*labels)[i].label;
    const uint8_t split = version.assignment[i];
    if (label >= 0 && label < static_cast<int>(counts.size()) && split < 3) {
      ++counts[static_cast<size_t>(label)][split];
    }
  }
  return counts;
}

}  // namespace edgewise::dataset
