#include "core/dataset/data/dataset_repository.h"

#include <nlohmann/json.hpp>

#include "core/store/project.h"
#include "core/store/sqlite_util.h"
#include "core/util/clock.h"

namespace edgewise::dataset {

using store::detail::Statement;
using store::detail::StatementLease;

struct DatasetRepository::Impl {
  explicit Impl(store::Project& p) : project(p), cache(p.handle()) {}
  store::Project& project;
  store::detail::StatementCache cache;
};

namespace {

constexpr const char* kSelectDataset =
    "SELECT d.id, d.name, d.created_us, d.kind, d.feature_dims, d.image_height, d.image_width, "
    "d.image_channels, d.audio_rate_hz, d.class_names, d.source, "
    "(SELECT count(*) FROM dataset_samples s WHERE s.dataset_id = d.id), d.series_channels, "
    "d.series_length, d.series_rate_hz FROM datasets d ";

Result<DatasetInfo> readDataset(Statement& q) {
  DatasetInfo d;
  d.id = q.int64(0);
  d.name = q.text(1);
  d.createdUs = q.int64(2);
  const std::optional<DatasetKind> kind = kindFromName(q.text(3));
  if (!kind) return Error("unknown dataset kind '" + q.text(3) + "'", "reading dataset " + d.name);
  d.kind = *kind;
  d.featureDims = static_cast<int>(q.int64(4));
  d.imageHeight = static_cast<int>(q.int64(5));
  d.imageWidth = static_cast<int>(q.int64(6));
  d.imageChannels = static_cast<int>(q.int64(7));
  d.audioRateHz = static_cast<int>(q.int64(8));
  const nlohmann::json names = nlohmann::json::parse(q.text(9), nullptr, false);
  if (!names.is_array()) return Error("class names are not a JSON array", "reading " + d.name);
  for (const auto& n : names) d.classNames.push_back(n.is_string() ? n.get<std::string>() : "");
  d.source = q.text(10);
  d.sampleCount = q.int64(11);
  d.seriesChannels = static_cast<int>(q.int64(12));
  d.seriesLength = static_cast<int>(q.int64(13));
  d.seriesRateHz = q.real(14);
  return d;
}

Result<std::vector<DatasetInfo>> queryDatasets(store::detail::StatementCache& cache,
                                               const std::string& where, int64_t id,
                                               const std::string* name) {
  Result<StatementLease> s = cache.acquire((std::string(kSelectDataset) + where).c_str());
  if (!s.ok()) return s.error();
  StatementLease& q = *s;
  if (name)
    q->bind(1, std::string_view(*name));
  else if (id)
    q->bind(1, id);
  std::vector<DatasetInfo> out;
  for (;;) {
    Result<bool> row = q->step();
    if (!row.ok()) return row.error().wrap("reading datasets");
    if (!row.value()) break;
    Result<DatasetInfo> d = readDataset(*q);
    if (!d.ok()) return d.error();
    out.push_back(std::move(d.value()));
  }
  return out;
}

Result<DatasetVersion> readVersion(Statement& q) {
  DatasetVersion v;
  v.id = q.int64(0);
  v.datasetId = q.int64(1);
  v.snapshotId = q.text(2);
  v.createdUs = q.int64(3);
  v.params.seed = static_cast<uint64_t>(q.int64(4));
  v.params.trainFraction = q.real(5);
  v.params.valFraction = q.real(6);
  v.params.testFraction = q.real(7);
  const uint8_t* p = q.blobData(8);
  v.assignment.assign(p, p + q.blobSize(8));
  return v;
}

constexpr const char* kSelectVersion =
    "SELECT id, dataset_id, snapshot_id, created_us, seed, train_fraction, val_fraction, "
    "test_fraction, assignment FROM dataset_versions ";

}  // namespace

DatasetRepository::DatasetRepository(store::Project& project)
    : m_impl(std::make_unique<Impl>(project)) {}

DatasetRepository::~DatasetRepository() = default;

Result<int64_t> DatasetRepository::create(const DatasetInfo& info,
                                          const std::vector<ParsedSample>& samples) {
  const std::string ctx = "storing dataset '" + info.name + "'";
  if (info.name.empty()) return Error("a dataset needs a name", ctx);
  if (samples.empty()) return Error("no usable samples to store", ctx);
  if (info.classNames.empty()) return Error("a dataset needs at least one class", ctx);
  if (info.kind == DatasetKind::Timeseries &&
      (info.seriesChannels < 1 || info.seriesLength < 1 || !(info.seriesRateHz > 0.0))) {
    return Error("a timeseries dataset needs channels, window length and rate above 0", ctx);
  }
  const size_t blobSize = expectedBlobSize(info);

  store::detail::WriteScope scope(m_impl->project.handle());
  EW_TRY(scope.begin());
  if (Result<DatasetInfo> existing = findByName(info.name); existing.ok()) {
    return Error(
        "a dataset named '" + info.name + "' already exists in this project; choose another --name",
        ctx);
  }
  Result<StatementLease> ins = m_impl->cache.acquire(
      "INSERT INTO datasets(name, created_us, kind, feature_dims, image_height, image_width, "
      "image_channels, audio_rate_hz, class_names, source, series_channels, series_length, "
      "series_rate_hz) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
  if (!ins.ok()) return ins.error();
  const std::string names = nlohmann::json(info.classNames).dump();
  (*ins)
      ->bind(1, std::string_view(info.name))
      .bind(2, info.createdUs ? info.createdUs : util::wallClockUs())
      .bind(3, std::string_view(kindName(info.kind)))
      .bind(4, info.featureDims)
      .bind(5, info.imageHeight)
      .bind(6, info.imageWidth)
      .bind(7, info.imageChannels)
      .bind(8, info.audioRateHz)
      .bind(9, std::string_view(names))
      .bind(10, std::string_view(info.source))
      .bind(11, info.seriesChannels)
      .bind(12, info.seriesLength)
      .bind(13, info.seriesRateHz);
  if (Result<void> r = (*ins)->run(); !r.ok()) return r.error().wrap(ctx);
  const int64_t id = sqlite3_last_insert_rowid(m_impl->project.handle());

  Result<StatementLease> sIns = m_impl->cache.acquire(
      "INSERT INTO dataset_samples(dataset_id, idx, label, source, blob) "
      "VALUES(?1, ?2, ?3, ?4, ?5)");
  if (!sIns.ok()) return sIns.error();
  StatementLease& q = *sIns;
  for (size_t i = 0; i < samples.size(); ++i) {
    const ParsedSample& s = samples[i];
    // Checked while writing, so that a bad sample anywhere undoes the whole dataset.
    if (s.label < 0 || s.label >= static_cast<int>(info.classNames.size())) {
      return Error(s.source + ": label " + std::to_string(s.label) + " is not one of the " +
                       std::to_string(info.classNames.size()) + " classes",
                   ctx);
    }
    if (blobSize != 0 && s.blob.size() != blobSize) {
      return Error(s.source + ": " + std::to_string(s.blob.size()) + " bytes, expected " +
                       std::to_string(blobSize),
                   ctx);
    }
    q->bind(1, id)
        .bind(2, static_cast<int64_t>(i))
        .bind(3, s.label)
        .bind(4, std::string_view(s.source))
        .bindBlob(5, s.blob.data(), s.blob.size());
    Result<void> r = q->run();
    q->reset();
    if (!r.ok()) return r.error().wrap(ctx);
  }
  EW_TRY(scope.commit());
  return id;
}

Result<std::vector<DatasetInfo>> DatasetRepository::list() const {
  return queryDatasets(m_impl->cache, "ORDER BY d.id", 0, nullptr);
}

Result<DatasetInfo> DatasetRepository::get(int64_t id) const {
  Result<std::vector<DatasetInfo>> r = queryDatasets(m_impl->cache, "WHERE d.id = ?1", id, nullptr);
  if (!r.ok()) return r.error();
  if (r->empty()) return Error("no dataset with id " + std::to_string(id) + " in this project");
  return r->front();
}

Result<DatasetInfo> DatasetRepository::findByName(const std::string& name) const {
  Result<std::vector<DatasetInfo>> r = queryDatasets(m_impl->cache, "WHERE d.name = ?1", 0, &name);
  if (!r.ok()) return r.error();
  if (r->empty()) return Error("no dataset named '" + name + "' in this project");
  return r->front();
}

Result<void> DatasetRepository::remove(int64_t id) {
  Result<StatementLease> s = m_impl->cache.acquire("DELETE FROM datasets WHERE id = ?1");
  if (!s.ok()) return s.error();
  (*s)->bind(1, id);
  return (*s)->run();
}

Result<std::vector<StoredSample>> DatasetRepository::samples(int64_t datasetId) const {
  Result<StatementLease> s = m_impl->cache.acquire(
      "SELECT id, idx, label, source, blob, dataset_id FROM dataset_samples "
      "WHERE dataset_id = ?1 ORDER BY idx");
  if (!s.ok()) return s.error();
  StatementLease& q = *s;
  q->bind(1, datasetId);
  std::vector<StoredSample> out;
  for (;;) {
    Result<bool> row = q->step();
    if (!row.ok()) return row.error().wrap("reading dataset samples");
    if (!row.value()) break;
    StoredSample m;
    m.id = q->int64(0);
    m.idx = q->int64(1);
    m.label = static_cast<int>(q->int64(2));
    m.source = q->text(3);
    const uint8_t* p = q->blobData(4);
    m.blob.assign(p, p + q->blobSize(4));
    m.datasetId = q->int64(5);
    out.push_back(std::move(m));
  }
  return out;
}

Result<StoredSample> DatasetRepository::sample(int64_t sampleId) const {
  Result<StatementLease> s = m_impl->cache.acquire(
      "SELECT id, idx, label, source, blob, dataset_id FROM dataset_samples WHERE id = ?1");
  if (!s.ok()) return s.error();
  StatementLease& q = *s;
  q->bind(1, sampleId);
  Result<bool> row = q->step();
  if (!row.ok()) return row.error().wrap("reading a dataset sample");
  if (!row.value()) return Error("no dataset sample with id " + std::to_string(sampleId));
  StoredSample m;
  m.id = q->int64(0);
  m.idx = q->int64(1);
  m.label = static_cast<int>(q->int64(2));
  m.source = q->text(3);
  const uint8_t* p = q->blobData(4);
  m.blob.assign(p, p + q->blobSize(4));
  m.datasetId = q->int64(5);
  return m;
}

Result<std::vector<SampleLabel>> DatasetRepository::labels(int64_t datasetId) const {
  Result<StatementLease> s = m_impl->cache.acquire(
      "SELECT id, label FROM dataset_samples WHERE dataset_id = ?1 ORDER BY idx");
  if (!s.ok()) return s.error();
  StatementLease& q = *s;
  q->bind(1, datasetId);
  std::vector<SampleLabel> out;
  for (;;) {
    Result<bool> row = q->step();
    if (!row.ok()) return row.error().wrap("reading dataset labels");
    if (!row.value()) break;
    out.push_back({q->int64(0), static_cast<int>(q->int64(1))});
  }
  return out;
}

Result<DatasetVersion> DatasetRepository::saveVersion(const DatasetVersion& v) {
  if (Result<DatasetVersion> existing = version(v.snapshotId); existing.ok()) return existing;
  Result<StatementLease> s = m_impl->cache.acquire(
      "INSERT INTO dataset_versions(dataset_id, snapshot_id, created_us, seed, train_fraction, "
      "val_fraction, test_fraction, assignment) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  if (!s.ok()) return s.error();
  DatasetVersion stored = v;
  stored.createdUs = v.createdUs ? v.createdUs : util::wallClockUs();
  (*s)->bind(1, v.datasetId)
      .bind(2, std::string_view(v.snapshotId))
      .bind(3, stored.createdUs)
      .bind(4, static_cast<int64_t>(v.params.seed))
      .bind(5, v.params.trainFraction)
      .bind(6, v.params.valFraction)
      .bind(7, v.params.testFraction)
      .bindBlob(8, v.assignment.data(), v.assignment.size());
  if (Result<void> r = (*s)->run(); !r.ok()) return r.error().wrap("storing a dataset version");
  stored.id = sqlite3_last_insert_rowid(m_impl->project.handle());
  return stored;
}

Result<std::vector<DatasetVersion>> DatasetRepository::versions(int64_t datasetId) const {
  Result<StatementLease> s = m_impl->cache.acquire(
      (std::string(kSelectVersion) + "WHERE dataset_id = ?1 ORDER BY id").c_str());
  if (!s.ok()) return s.error();
  StatementLease& q = *s;
  q->bind(1, datasetId);
  std::vector<DatasetVersion> out;
  for (;;) {
    Result<bool> row = q->step();
    if (!row.ok()) return row.error().wrap("reading dataset versions");
    if (!row.value()) break;
    Result<DatasetVersion> v = readVersion(*q);
    if (!v.ok()) return v.error();
    out.push_back(std::move(v.value()));
  }
  return out;
}

Result<DatasetVersion> DatasetRepository::version(const std::string& snapshotId) const {
  Result<StatementLease> s =
      m_impl->cache.acquire((std::string(kSelectVersion) + "WHERE snapshot_id = ?1").c_str());
  if (!s.ok()) return s.error();
  StatementLease& q = *s;
  q->bind(1, std::string_view(snapshotId));
  Result<bool> row = q->step();
  if (!row.ok()) return row.error().wrap("reading a dataset version");
  if (!row.value()) return Error("no dataset version " + snapshotId + " in this project");
  return readVersion(*q);
}

}  // namespace edgewise::dataset
