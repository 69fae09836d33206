#include "core/inventory/inventory_repository.h"

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>

#include <sqlite3.h>

#include "core/store/project.h"
#include "core/store/sqlite_util.h"

namespace edgewise::inventory {

using json = nlohmann::json;
using store::detail::Statement;

namespace {

template <typename T>
void bindOptional(Statement& s, int index, const std::optional<T>& v) {
  if (v)
    s.bind(index, *v);
  else
    s.bindNull(index);
}

std::optional<double> optReal(const Statement& s, int c) {
  return s.isNull(c) ? std::nullopt : std::optional<double>(s.real(c));
}
std::optional<int64_t> optInt(const Statement& s, int c) {
  return s.isNull(c) ? std::nullopt : std::optional<int64_t>(s.int64(c));
}

DeviceRecord readDevice(const Statement& s) {
  DeviceRecord d;
  d.id = s.text(0);
  d.deviceClass = s.text(1);
  d.tags = tagsFromJson(s.text(2));
  d.hardwareJson = s.text(3);
  d.agentVersion = s.text(4);
  d.firstSeenUs = s.int64(5);
  d.lastSeenUs = s.int64(6);
  d.modelJson = s.text(7);
  d.publicKey = s.text(8);
  d.changedKey = s.text(9);
  return d;
}
constexpr const char* kDeviceColumns =
    "id, device_class, tags, hardware, agent_version, first_seen_us, last_seen_us, model, "
    "public_key, changed_key";

TelemetryRow readTelemetry(const Statement& s) {
  TelemetryRow t;
  t.deviceId = s.text(0);
  t.tsUs = s.int64(1);
  t.modelSha256 = s.text(2);
  t.cpuPct = optReal(s, 3);
  t.rssKb = optInt(s, 4);
  t.latencyP50Us = optReal(s, 5);
  t.latencyP99Us = optReal(s, 6);
  t.predictionsPerS = optReal(s, 7);
  t.queueDepth = optInt(s, 8);
  t.stagesJson = s.text(9);
  return t;
}
constexpr const char* kTelemetryColumns =
    "device_id, ts_us, model_sha256, cpu_pct, rss_kb, latency_p50_us, latency_p99_us, "
    "predictions_per_s, queue_depth, stages";

DeploymentRecord readDeployment(const Statement& s) {
  DeploymentRecord d;
  d.id = s.text(0);
  d.kind = s.text(1);
  d.modelId = optInt(s, 2);
  d.selector = s.text(3);
  d.canaryPct = s.real(4);
  d.startedUs = s.int64(5);
  d.finishedUs = optInt(s, 6);
  d.state = s.text(7);
  d.summaryJson = s.text(8);
  return d;
}
constexpr const char* kDeploymentColumns =
    "d.id, d.kind, d.model_id, d.selector, d.canary_pct, d.started_us, d.finished_us, d.state, "
    "d.summary";

DeploymentDeviceRecord readOutcome(const Statement& s, int o) {
  DeploymentDeviceRecord r;
  r.deploymentId = s.text(o + 0);
  r.deviceId = s.text(o + 1);
  r.stage = s.text(o + 2);
  r.state = s.text(o + 3);
  r.reason = s.text(o + 4);
  r.modelBefore = s.text(o + 5);
  r.modelAfter = s.text(o + 6);
  r.seconds = optReal(s, o + 7);
  return r;
}
constexpr const char* kOutcomeColumns =
    "x.deployment_id, x.device_id, x.stage, x.state, x.reason, x.model_before, x.model_after, "
    "x.seconds";

ModelCandidate readModel(const Statement& s) {
  ModelCandidate m;
  m.id = s.int64(0);
  m.name = s.text(1);
  m.family = s.text(2);
  m.parentId = optInt(s, 3);
  m.sizeBytes = s.int64(4);
  m.latencyP50Us = s.real(5);
  m.latencyP99Us = s.real(6);
  const json metrics = json::parse(s.text(7), nullptr, false);
  if (metrics.is_object() && metrics.contains("accuracy") && metrics["accuracy"].is_number())
    m.accuracy = metrics["accuracy"].get<double>();
  // A compressed variant's details hold what was measured when it was made (compress_service).
  const json details = json::parse(s.text(8), nullptr, false);
  if (details.is_object()) {
    if (details.contains("accuracy") && details["accuracy"].is_number())
      m.accuracy = details["accuracy"].get<double>();
    if (details.contains("latency_us") && details["latency_us"].is_object()) {
      const json& l = details["latency_us"];
      if (l.contains("p50") && l["p50"].is_number()) m.latencyP50Us = l["p50"].get<double>();
      if (l.contains("p99") && l["p99"].is_number()) m.latencyP99Us = l["p99"].get<double>();
    }
    if (details.contains("peak_rss_bytes") && details["peak_rss_bytes"].is_number())
      m.peakRssBytes = details["peak_rss_bytes"].get<int64_t>();
    if (details.contains("recipe") && details["recipe"].is_string())
      m.recipe = details["recipe"].get<std::string>();
  }
  return m;
}
constexpr const char* kModelColumns =
    "SELECT id, name, family, parent_id, size_bytes, latency_p50_us, latency_p99_us, metrics, "
    "details FROM models";

}  // namespace

std::string tagsToJson(const std::vector<std::string>& tags) {
  return json(tags).dump();
}

std::vector<std::string> tagsFromJson(const std::string& text) {
  std::vector<std::string> out;
  const json j = json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& t : j)
    if (t.is_string()) out.push_back(t.get<std::string>());
  return out;
}

std::vector<std::string> splitTags(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    std::string item = text.substr(start, end - start);
    item.erase(0, item.find_first_not_of(" \t"));
    item.erase(item.find_last_not_of(" \t") + 1);
    if (!item.empty() && std::find(out.begin(), out.end(), item) == out.end()) out.push_back(item);
    start = end + 1;
  }
  return out;
}

InventoryRepository::InventoryRepository(store::Project& project) : m_project(project) {}

Result<void> InventoryRepository::upsertDevice(const DeviceRecord& d) {
  auto s = Statement::prepare(
      m_project.handle(),
      "INSERT INTO devices(id, device_class, tags, hardware, agent_version, first_seen_us, "
      "last_seen_us, model, public_key) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7, ?8) "
      "ON CONFLICT(id) DO UPDATE SET "
      "device_class = CASE WHEN devices.device_class = '' THEN excluded.device_class "
      "ELSE devices.device_class END, "
      "tags = CASE WHEN devices.tags = '[]' THEN excluded.tags ELSE devices.tags END, "
      "hardware = CASE WHEN excluded.hardware = '{}' THEN devices.hardware "
      "ELSE excluded.hardware END, "
      "agent_version = CASE WHEN excluded.agent_version = '' THEN devices.agent_version "
      "ELSE excluded.agent_version END, "
      "last_seen_us = max(devices.last_seen_us, excluded.last_seen_us), "
      "model = excluded.model, "
      "changed_key = CASE WHEN excluded.public_key = '' THEN devices.changed_key "
      "WHEN devices.public_key = '' OR excluded.public_key = devices.public_key THEN '' "
      "ELSE excluded.public_key END, "
      "public_key = CASE WHEN devices.public_key = '' THEN excluded.public_key "
      "ELSE devices.public_key END");
  if (!s) return s.error().wrap("storing device " + d.id);
  const int64_t seen = d.lastSeenUs > 0 ? d.lastSeenUs : d.firstSeenUs;
  s->bind(1, d.id)
      .bind(2, d.deviceClass)
      .bind(3, tagsToJson(d.tags))
      .bind(4, d.hardwareJson.empty() ? std::string("{}") : d.hardwareJson)
      .bind(5, d.agentVersion)
      .bind(6, seen)
      .bind(7, d.modelJson.empty() ? std::string("null") : d.modelJson)
      .bind(8, d.publicKey);
  if (auto r = s->run(); !r) return r.error().wrap("storing device " + d.id);
  return okResult();
}

Result<bool> InventoryRepository::acceptChangedKey(const std::string& id) {
  auto s = Statement::prepare(m_project.handle(),
                              "UPDATE devices SET public_key = changed_key, changed_key = '' "
                              "WHERE id = ?1 AND changed_key != ''");
  if (!s) return s.error().wrap("accepting the new key of device " + id);
  s->bind(1, id);
  if (auto r = s->run(); !r) return r.error().wrap("accepting the new key of device " + id);
  return sqlite3_changes(m_project.handle()) > 0;
}

Result<void> InventoryRepository::setDeviceModel(const std::string& id,
                                                 const std::string& modelJson) {
  auto s = Statement::prepare(m_project.handle(), "UPDATE devices SET model = ?2 WHERE id = ?1");
  if (!s) return s.error().wrap("storing the model of device " + id);
  s->bind(1, id).bind(2, modelJson);
  if (auto r = s->run(); !r) return r.error().wrap("storing the model of device " + id);
  return okResult();
}

Result<std::vector<DeviceRecord>> InventoryRepository::devices() const {
  auto s = Statement::prepare(
      m_project.handle(), std::string("SELECT ") + kDeviceColumns + " FROM devices ORDER BY id");
  if (!s) return s.error();
  std::vector<DeviceRecord> out;
  for (;;) {
    auto row = s->step();
    if (!row) return row.error().wrap("listing devices");
    if (!*row) break;
    out.push_back(readDevice(*s));
  }
  return out;
}

Result<std::optional<DeviceRecord>> InventoryRepository::device(const std::string& id) const {
  auto s = Statement::prepare(
      m_project.handle(), std::string("SELECT ") + kDeviceColumns + " FROM devices WHERE id = ?1");
  if (!s) return s.error();
  s->bind(1, id);
  auto row = s->step();
  if (!row) return row.error();
  if (!*row) return std::optional<DeviceRecord>();
  return std::optional<DeviceRecord>(readDevice(*s));
}

Result<void> InventoryRepository::setTags(const std::string& id,
                                          const std::vector<std::string>& tags) {
  auto s = Statement::prepare(m_project.handle(), "UPDATE devices SET tags = ?1 WHERE id = ?2");
  if (!s) return s.error();
  s->bind(1, tagsToJson(tags)).bind(2, id);
  if (auto r = s->run(); !r) return r.error().wrap("setting the tags of " + id);
  if (sqlite3_changes(m_project.handle()) == 0) return Error("no device " + id, "setting tags");
  return okResult();
}

Result<void> InventoryRepository::setDeviceClass(const std::string& id,
                                                 const std::string& deviceClass) {
  auto s =
      Statement::prepare(m_project.handle(), "UPDATE devices SET device_class = ?1 WHERE id = ?2");
  if (!s) return s.error();
  s->bind(1, deviceClass).bind(2, id);
  if (auto r = s->run(); !r) return r.error().wrap("setting the class of " + id);
  if (sqlite3_changes(m_project.handle()) == 0)
    return Error("no device " + id, "setting the device class");
  return okResult();
}

Result<void> InventoryRepository::insertTelemetry(const std::vector<TelemetryRow>& rows) {
  if (rows.empty()) return okResult();
  store::detail::WriteScope scope(m_project.handle());
  EW_TRY(scope.begin());
  auto s = Statement::prepare(
      m_project.handle(),
      "INSERT OR IGNORE INTO telemetry(device_id, ts_us, model_sha256, cpu_pct, rss_kb, "
      "latency_p50_us, latency_p99_us, predictions_per_s, queue_depth, stages) "
      "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  if (!s) return s.error();
  for (const TelemetryRow& t : rows) {
    s->bind(1, t.deviceId).bind(2, t.tsUs).bind(3, t.modelSha256);
    bindOptional(*s, 4, t.cpuPct);
    bindOptional(*s, 5, t.rssKb);
    bindOptional(*s, 6, t.latencyP50Us);
    bindOptional(*s, 7, t.latencyP99Us);
    bindOptional(*s, 8, t.predictionsPerS);
    bindOptional(*s, 9, t.queueDepth);
    s->bind(10, t.stagesJson.empty() ? std::string("{}") : t.stagesJson);
    if (auto r = s->run(); !r) return r.error().wrap("storing telemetry of " + t.deviceId);
    s->reset();
  }
  return scope.commit();
}

Result<std::vector<TelemetryRow>> InventoryRepository::telemetry(const std::string& deviceId,
                                                                 int64_t fromUs, int64_t toUs,
                                                                 int limit) const {
  auto s = Statement::prepare(
      m_project.handle(), std::string("SELECT * FROM (SELECT ") + kTelemetryColumns +
                              " FROM telemetry WHERE device_id = ?1 AND ts_us >= ?2 AND ts_us < ?3 "
                              "ORDER BY ts_us DESC LIMIT ?4) ORDER BY ts_us");
  if (!s) return s.error();
  s->bind(1, deviceId).bind(2, fromUs).bind(3, toUs).bind(4, static_cast<int64_t>(limit));
  std::vector<TelemetryRow> out;
  for (;;) {
    auto row = s->step();
    if (!row) return row.error().wrap("reading telemetry of " + deviceId);
    if (!*row) break;
    out.push_back(readTelemetry(*s));
  }
  return out;
}

Result<std::optional<TelemetryRow>> InventoryRepository::latestTelemetry(
    const std::string& deviceId) const {
  auto rows = telemetry(deviceId, INT64_MIN, INT64_MAX, 1);
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<TelemetryRow>();
  return std::optional<TelemetryRow>(rows->back());
}

Result<std::vector<Requirement>> InventoryRepository::requirements() const {
  auto s = Statement::prepare(m_project.handle(),
                              "SELECT id, device_class, min_accuracy, max_latency_ms, max_ram_kb, "
                              "max_flash_kb, objective FROM requirements ORDER BY device_class");
  if (!s) return s.error();
  std::vector<Requirement> out;
  for (;;) {
    auto row = s->step();
    if (!row) return row.error().wrap("listing requirements");
    if (!*row) break;
    Requirement r;
    r.id = s->int64(0);
    r.deviceClass = s->text(1);
    r.minAccuracy = optReal(*s, 2);
    r.maxLatencyMs = optReal(*s, 3);
    r.maxRamKb = optInt(*s, 4);
    r.maxFlashKb = optInt(*s, 5);
    r.objective = s->text(6);
    out.push_back(r);
  }
  return out;
}

Result<int64_t> InventoryRepository::upsertRequirement(const Requirement& r) {
  if (r.deviceClass.empty())
    return Error("a requirement needs a device class ('*' for every class)", "requirements");
  if (r.objective != "best_effort" && r.objective != "low_latency")
    return Error("objective must be best_effort or low_latency, not '" + r.objective + "'",
                 "requirements");
  if (r.minAccuracy && (*r.minAccuracy < 0 || *r.minAccuracy > 1))
    return Error("minimum accuracy must be between 0 and 1", "requirements");
  auto s = Statement::prepare(
      m_project.handle(),
      "INSERT INTO requirements(device_class, min_accuracy, max_latency_ms, max_ram_kb, "
      "max_flash_kb, objective) VALUES(?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(device_class) DO "
      "UPDATE SET min_accuracy = excluded.min_accuracy, max_latency_ms = "
      "excluded.max_latency_ms, max_ram_kb = excluded.max_ram_kb, max_flash_kb = "
      "excluded.max_flash_kb, objective = excluded.objective");
  if (!s) return s.error();
  s->bind(1, r.deviceClass);
  bindOptional(*s, 2, r.minAccuracy);
  bindOptional(*s, 3, r.maxLatencyMs);
  bindOptional(*s, 4, r.maxRamKb);
  bindOptional(*s, 5, r.maxFlashKb);
  s->bind(6, r.objective);
  if (auto run = s->run(); !run) return run.error().wrap("storing requirements");
  auto id =
      Statement::prepare(m_project.handle(), "SELECT id FROM requirements WHERE device_class = ?1");
  if (!id) return id.error();
  id->bind(1, r.deviceClass);
  auto row = id->step();
  if (!row) return row.error();
  return id->int64(0);
}

Result<void> InventoryRepository::removeRequirement(const std::string& deviceClass) {
  auto s =
      Statement::prepare(m_project.handle(), "DELETE FROM requirements WHERE device_class = ?1");
  if (!s) return s.error();
  s->bind(1, deviceClass);
  return s->run();
}

Result<void> InventoryRepository::beginDeployment(const DeploymentRecord& d) {
  auto s = Statement::prepare(
      m_project.handle(),
      "INSERT INTO deployments(id, kind, model_id, selector, canary_pct, started_us, "
      "finished_us, state, summary) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  if (!s) return s.error();
  s->bind(1, d.id).bind(2, d.kind);
  bindOptional(*s, 3, d.modelId);
  s->bind(4, d.selector).bind(5, d.canaryPct).bind(6, d.startedUs);
  bindOptional(*s, 7, d.finishedUs);
  s->bind(8, d.state).bind(9, d.summaryJson);
  if (auto r = s->run(); !r) return r.error().wrap("recording deployment " + d.id);
  return okResult();
}

Result<void> InventoryRepository::recordDeviceOutcome(const DeploymentDeviceRecord& r) {
  auto s = Statement::prepare(
      m_project.handle(),
      "INSERT OR REPLACE INTO deployment_devices(deployment_id, device_id, stage, state, "
      "reason, model_before, model_after, seconds) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  if (!s) return s.error();
  s->bind(1, r.deploymentId)
      .bind(2, r.deviceId)
      .bind(3, r.stage)
      .bind(4, r.state)
      .bind(5, r.reason)
      .bind(6, r.modelBefore)
      .bind(7, r.modelAfter);
  bindOptional(*s, 8, r.seconds);
  if (auto run = s->run(); !run)
    return run.error().wrap("recording the outcome of " + r.deviceId + " in " + r.deploymentId);
  return okResult();
}

Result<void> InventoryRepository::finishDeployment(const std::string& id, const std::string& state,
                                                   const std::string& summaryJson,
                                                   int64_t finishedUs) {
  auto s = Statement::prepare(
      m_project.handle(),
      "UPDATE deployments SET state = ?1, summary = ?2, finished_us = ?3 WHERE id = ?4");
  if (!s) return s.error();
  s->bind(1, state).bind(2, summaryJson).bind(3, finishedUs).bind(4, id);
  if (auto r = s->run(); !r) return r.error().wrap("finishing deployment " + id);
  return okResult();
}

Result<std::vector<DeploymentRecord>> InventoryRepository::deployments(int limit) const {
  auto s = Statement::prepare(m_project.handle(),
                              std::string("SELECT ") + kDeploymentColumns +
                                  " FROM deployments d ORDER BY d.started_us DESC LIMIT ?1");
  if (!s) return s.error();
  s->bind(1, static_cast<int64_t>(limit));
  std::vector<DeploymentRecord> out;
  for (;;) {
    auto row = s->step();
    if (!row) return row.error();
    if (!*row) break;
    out.push_back(readDeployment(*s));
  }
  return out;
}

Result<std::optional<DeploymentRecord>> InventoryRepository::deployment(
    const std::string& id) const {
  auto s = Statement::prepare(m_project.handle(), std::string("SELECT ") + kDeploymentColumns +
                                                      " FROM deployments d WHERE d.id = ?1");
  if (!s) return s.error();
  s->bind(1, id);
  auto row = s->step();
  if (!row) return row.error();
  if (!*row) return std::optional<DeploymentRecord>();
  return std::optional<DeploymentRecord>(readDeployment(*s));
}

Result<std::vector<DeploymentDeviceRecord>> InventoryRepository::deploymentDevices(
    const std::string& id) const {
  auto s = Statement::prepare(m_project.handle(),
                              std::string("SELECT ") + kOutcomeColumns +
                                  " FROM deployment_devices x WHERE x.deployment_id = ?1 "
                                  "ORDER BY x.device_id");
  if (!s) return s.error();
  s->bind(1, id);
  std::vector<DeploymentDeviceRecord> out;
  for (;;) {
    auto row = s->step();
    if (!row) return row.error();
    if (!*row) break;
    out.push_back(readOutcome(*s, 0));
  }
  return out;
}

Result<std::vector<std::pair<DeploymentRecord, DeploymentDeviceRecord>>>
InventoryRepository::deviceHistory(const std::string& deviceId, int limit) const {
  auto s = Statement::prepare(m_project.handle(),
                              std::string("SELECT ") + kDeploymentColumns + ", " + kOutcomeColumns +
                                  " FROM deployment_devices x JOIN deployments d ON d.id = "
                                  "x.deployment_id WHERE x.device_id = ?1 "
                                  "ORDER BY d.started_us DESC LIMIT ?2");
  if (!s) return s.error();
  s->bind(1, deviceId).bind(2, static_cast<int64_t>(limit));
  std::vector<std::pair<DeploymentRecord, DeploymentDeviceRecord>> out;
  for (;;) {
    auto row = s->step();
    if (!row) return row.error();
    if (!*row) break;
    out.emplace_back(readDeployment(*s), readOutcome(*s, 9));
  }
  return out;
}

Result<std::vector<ModelCandidate>> InventoryRepository::models() const {
  auto s = Statement::prepare(m_project.handle(),
                              std::string(kModelColumns) + " ORDER BY created_us DESC, id DESC");
  if (!s) return s.error();
  std::vector<ModelCandidate> out;
  for (;;) {
    auto row = s->step();
    if (!row) return row.error().wrap("listing models");
    if (!*row) break;
    out.push_back(readModel(*s));
  }
  return out;
}

Result<std::vector<ModelCandidate>> InventoryRepository::modelFamily(int64_t rootId) const {
  auto all = models();
  if (!all) return all.error();
  std::vector<ModelCandidate> out;
  for (const auto& m : *all)
    if (m.id == rootId) out.push_back(m);
  if (out.empty()) return Error("no model with id " + std::to_string(rootId), "planning");
  std::set<int64_t> inFamily{rootId};
  // Breadth first over parent links; a variant of a variant belongs to the family too.
  for (size_t i = 0; i < out.size(); ++i) {
    std::vector<ModelCandidate> children;
    for (const auto& m : *all)
      if (m.parentId && *m.parentId == out[i].id && inFamily.insert(m.id).second)
        children.push_back(m);
    std::sort(children.begin(), children.end(),
              [](const ModelCandidate& a, const ModelCandidate& b) { return a.id < b.id; });
    out.insert(out.end(), children.begin(), children.end());
  }
  return out;
}

Result<std::map<std::string, int>> InventoryRepository::openDriftAlarms() const {
  auto s = Statement::prepare(m_project.handle(),
                              "SELECT device_id, count(*) FROM drift_alarms WHERE acknowledged = 0 "
                              "GROUP BY device_id");
  if (!s) return s.error();
  std::map<std::string, int> out;
  for (;;) {
    auto row = s->step();
    if (!row) return row.error();
    if (!*row) break;
    out[s->text(0)] = static_cast<int>(s->int64(1));
  }
  return out;
}

}  // namespace edgewise::inventory
