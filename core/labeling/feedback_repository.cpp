#include "core/labeling/feedback_repository.h"

#include <cstring>

#include "core/store/project.h"
#include "core/store/sqlite_util.h"
#include "core/util/clock.h"

namespace edgewise::labeling {

using store::detail::Statement;

std::vector<uint8_t> encodeFloat32Le(const std::vector<float>& values) {
  std::vector<uint8_t> out(values.size() * 4);
  for (size_t i = 0; i < values.size(); ++i) {
    uint32_t bits = 0;
    std::memcpy(&bits, &values[i], 4);
    for (int b = 0; b < 4; ++b) out[i * 4 + static_cast<size_t>(b)] = (bits >> (8 * b)) & 0xffu;
  }
  return out;
}

Result<std::vector<float>> decodeFloat32Le(const uint8_t* data, size_t size) {
  if (size % 4 != 0)
    return Error("a float32 blob of " + std::to_string(size) + " bytes (not a multiple of 4)");
  std::vector<float> out(size / 4);
  for (size_t i = 0; i < out.size(); ++i) {
    uint32_t bits = 0;
    for (int b = 0; b < 4; ++b)
      bits |= static_cast<uint32_t>(data[i * 4 + static_cast<size_t>(b)]) << (8 * b);
    std::memcpy(&out[i], &bits, 4);
  }
  return out;
}

struct FeedbackRepository::Impl {
  explicit Impl(store::Project& p) : project(p), cache(p.handle()) {}
  store::Project& project;
  store::detail::StatementCache cache;
};

namespace {

constexpr const char* kColumns =
    "id, device_id, model_id, model_sha256, ts_us, predicted, corrected, confidence, dims, "
    "features, annotator_id, created_us, origin, dataset_id, sample_id, model_family, "
    "model_version";

std::optional<int64_t> optionalInt64(const Statement& q, int column) {
  if (q.isNull(column)) return std::nullopt;
  return q.int64(column);
}

void bindOptional(Statement& s, int index, const std::optional<int64_t>& value) {
  if (value)
    s.bind(index, *value);
  else
    s.bindNull(index);
}

Result<Feedback> readRow(const Statement& q) {
  Feedback f;
  f.id = q.int64(0);
  f.deviceId = q.text(1);
  f.modelId = optionalInt64(q, 2);
  f.modelSha256 = q.text(3);
  f.tsUs = q.int64(4);
  f.predicted = q.text(5);
  f.corrected = q.text(6);
  if (!q.isNull(7)) f.confidence = q.real(7);
  const int64_t dims = q.int64(8);
  if (!q.isNull(9)) {
    auto values = decodeFloat32Le(q.blobData(9), q.blobSize(9));
    if (!values.ok()) return values.error().wrap("feedback " + std::to_string(f.id));
    f.features = std::move(values.value());
  }
  // A device may report dims without sending the features; keep what the blob holds.
  if (!f.features.empty() && static_cast<int64_t>(f.features.size()) != dims)
    return Error("feedback " + std::to_string(f.id) + ": dims " + std::to_string(dims) +
                 " but the features hold " + std::to_string(f.features.size()) + " values");
  f.annotatorId = optionalInt64(q, 10);
  f.createdUs = q.int64(11);
  f.origin = q.text(12);
  f.datasetId = optionalInt64(q, 13);
  f.sampleId = optionalInt64(q, 14);
  f.modelFamily = q.text(15);
  f.modelVersion = optionalInt64(q, 16);
  return f;
}

Result<void> insertRow(FeedbackRepository::Impl& m, const Feedback& f, bool withId) {
  const std::string sql =
      std::string("INSERT INTO feedback(") + kColumns +
      ") VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)";
  auto q = m.cache.acquire(sql.c_str());
  if (!q.ok()) return q.error();
  Statement& s = **q;
  if (withId)
    s.bind(1, f.id);
  else
    s.bindNull(1);
  s.bind(2, std::string_view(f.deviceId));
  bindOptional(s, 3, f.modelId);
  s.bind(4, std::string_view(f.modelSha256));
  s.bind(5, f.tsUs);
  s.bind(6, std::string_view(f.predicted));
  s.bind(7, std::string_view(f.corrected));
  if (f.confidence)
    s.bind(8, *f.confidence);
  else
    s.bindNull(8);
  s.bind(9, static_cast<int64_t>(f.features.size()));
  const std::vector<uint8_t> blob = encodeFloat32Le(f.features);
  if (blob.empty())
    s.bindNull(10);
  else
    s.bindBlob(10, blob.data(), blob.size());
  bindOptional(s, 11, f.annotatorId);
  s.bind(12, f.createdUs);
  s.bind(13, std::string_view(f.origin));
  bindOptional(s, 14, f.datasetId);
  bindOptional(s, 15, f.sampleId);
  s.bind(16, std::string_view(f.modelFamily));
  bindOptional(s, 17, f.modelVersion);
  return s.run();
}

}  // namespace

FeedbackRepository::FeedbackRepository(store::Project& project)
    : m_impl(std::make_unique<Impl>(project)) {}
FeedbackRepository::~FeedbackRepository() = default;

Result<Feedback> FeedbackRepository::add(const Feedback& row) {
  if (row.predicted.empty() || row.corrected.empty())
    return Error("feedback needs the predicted and the corrected class");
  if (row.sampleId) {
    // appendFeedback matches rows to prepared data by (dataset, sample): both must be right.
    if (!row.datasetId)
      return Error("feedback on sample " + std::to_string(*row.sampleId) + " needs its dataset");
    auto q = m_impl->cache.acquire("SELECT dataset_id FROM dataset_samples WHERE id = ?1");
    if (!q.ok()) return q.error();
    (*q)->bind(1, *row.sampleId);
    auto found = (*q)->step();
    if (!found.ok()) return found.error();
    if (!*found || (*q)->int64(0) != *row.datasetId)
      return Error("feedback: sample " + std::to_string(*row.sampleId) +
                   " is not a sample of dataset " + std::to_string(*row.datasetId));
  }
  Feedback f = row;
  const int64_t now = util::wallClockUs();
  if (f.tsUs == 0) f.tsUs = now;
  if (f.createdUs == 0) f.createdUs = now;
  auto r = insertRow(*m_impl, f, false);
  if (!r.ok()) return r.error().wrap("storing feedback");
  f.id = sqlite3_last_insert_rowid(m_impl->project.handle());
  return f;
}

Result<std::vector<Feedback>> FeedbackRepository::list(std::optional<int64_t> modelId) const {
  const std::string sql = std::string("SELECT ") + kColumns + " FROM feedback" +
                          (modelId ? " WHERE model_id = ?1" : "") + " ORDER BY id";
  auto q = m_impl->cache.acquire(sql.c_str());
  if (!q.ok()) return q.error();
  if (modelId) (*q)->bind(1, *modelId);
  std::vector<Feedback> out;
  for (;;) {
    auto more = (*q)->step();
    if (!more.ok()) return more.error();
    if (!*more) break;
    auto row = readRow(**q);
    if (!row.ok()) return row.error();
    out.push_back(std::move(row.value()));
  }
  return out;
}

Result<Feedback> FeedbackRepository::get(int64_t id) const {
  const std::string sql = std::string("SELECT ") + kColumns + " FROM feedback WHERE id = ?1";
  auto q = m_impl->cache.acquire(sql.c_str());
  if (!q.ok()) return q.error();
  (*q)->bind(1, id);
  auto more = (*q)->step();
  if (!more.ok()) return more.error();
  if (!*more) return Error("no feedback " + std::to_string(id));
  return readRow(**q);
}

Result<void> FeedbackRepository::remove(int64_t id) {
  auto q = m_impl->cache.acquire("DELETE FROM feedback WHERE id = ?1");
  if (!q.ok()) return q.error();
  (*q)->bind(1, id);
  EW_TRY((*q)->run());
  if (sqlite3_changes(m_impl->project.handle()) == 0)
    return Error("no feedback " + std::to_string(id));
  return okResult();
}

Result<void> FeedbackRepository::restore(const Feedback& row) {
  if (row.id <= 0) return Error("restoring feedback needs its id");
  return insertRow(*m_impl, row, true);
}

Result<int64_t> FeedbackRepository::count() const {
  return store::detail::queryInt64(m_impl->project.handle(), "SELECT COUNT(*) FROM feedback");
}

}  // namespace edgewise::labeling
