#pragma once
// The fleet tables of migration 7 (devices, requirements, deployments, deployment_devices,
// telemetry) plus the read-only views the Fleet pane and the rollout planner need of models
// (a model and its compressed variants) and drift_alarms (unacknowledged alarms per device).
// One repository per Project connection, used on that connection's thread only.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/util/result.h"

namespace edgewise::store {
class Project;
}

namespace edgewise::inventory {

struct DeviceRecord {
  std::string id;
  std::string deviceClass;        // '' when unknown
  std::vector<std::string> tags;  // groups and tags
  std::string hardwareJson = "{}";
  std::string agentVersion;
  int64_t firstSeenUs = 0;
  int64_t lastSeenUs = 0;
  std::string modelJson = "null";  // what it ran at its last report
  // The identity key (hex) its deploy states are checked against: pinned when a status first
  // announced one (trust on first use). In an observed record: the key the status announces.
  std::string publicKey;
  // A different key a later status announced ('' when none): not trusted until accepted.
  std::string changedKey;
};

struct Requirement {
  int64_t id = 0;
  std::string deviceClass;            // '*' applies to every class without its own row
  std::optional<double> minAccuracy;  // 0..1
  std::optional<double> maxLatencyMs;
  std::optional<int64_t> maxRamKb;
  std::optional<int64_t> maxFlashKb;
  std::string objective = "best_effort";  // or low_latency
};

struct DeploymentRecord {
  std::string id;
  std::string kind = "deploy";  // or rollback
  std::optional<int64_t> modelId;
  std::string selector;
  double canaryPct = 0;
  int64_t startedUs = 0;
  std::optional<int64_t> finishedUs;
  std::string state = "running";  // running, succeeded, partial, halted, cancelled, failed
  std::string summaryJson = "{}";
};

struct DeploymentDeviceRecord {
  std::string deploymentId;
  std::string deviceId;
  std::string stage = "rest";  // canary or rest
  std::string state;           // succeeded, rolled_back, refused, failed, skipped
  std::string reason;
  std::string modelBefore = "null";
  std::string modelAfter = "null";
  std::optional<double> seconds;
};

struct TelemetryRow {
  std::string deviceId;
  int64_t tsUs = 0;
  std::string modelSha256;
  std::optional<double> cpuPct;
  std::optional<int64_t> rssKb;
  std::optional<double> latencyP50Us;
  std::optional<double> latencyP99Us;
  std::optional<double> predictionsPerS;
  std::optional<int64_t> queueDepth;
  std::string stagesJson = "{}";
};

// A model as the planner sees it: size, accuracy and latency as measured on the workbench
// (models.details of a compressed variant, else the model's own columns).
struct ModelCandidate {
  int64_t id = 0;
  std::string name;
  std::string family;
  std::optional<int64_t> parentId;
  int64_t sizeBytes = 0;
  std::optional<double> accuracy;  // 0..1
  double latencyP50Us = 0;         // 0: not measured
  double latencyP99Us = 0;
  int64_t peakRssBytes = 0;  // 0: not measured
  std::string recipe;        // compression recipe ("" for a trained model)
};

class InventoryRepository {
 public:
  explicit InventoryRepository(store::Project& project);

  // Devices. upsertDevice keeps the user's class and tags once set (a status fills them only
  // while they are empty), first_seen of the first report, and the latest of last_seen. The
  // observed publicKey is pinned when none is yet; a different one goes to changedKey (the
  // pinned key again clears it; a status without a key changes neither).
  Result<void> upsertDevice(const DeviceRecord& observed);
  Result<std::vector<DeviceRecord>> devices() const;
  Result<std::optional<DeviceRecord>> device(const std::string& id) const;
  Result<void> setTags(const std::string& id, const std::vector<std::string>& tags);
  Result<void> setDeviceClass(const std::string& id, const std::string& deviceClass);
  // Trust on first use: upsertDevice pins the first announced key and flags a different one
  // (changedKey); this makes the flagged key the pinned one. False when nothing was flagged.
  Result<bool> acceptChangedKey(const std::string& id);
  // What a known device runs after a deployment reported it (no-op for an unknown id).
  Result<void> setDeviceModel(const std::string& id, const std::string& modelJson);

  // Telemetry: a batch in one write (duplicates of (device, ts) are ignored).
  Result<void> insertTelemetry(const std::vector<TelemetryRow>& rows);
  // Oldest first, fromUs <= ts < toUs, at most limit rows (the newest ones when more).
  Result<std::vector<TelemetryRow>> telemetry(const std::string& deviceId, int64_t fromUs,
                                              int64_t toUs, int limit = 5000) const;
  Result<std::optional<TelemetryRow>> latestTelemetry(const std::string& deviceId) const;

  // Requirements, by device class (unique).
  Result<std::vector<Requirement>> requirements() const;
  Result<int64_t> upsertRequirement(const Requirement& r);
  Result<void> removeRequirement(const std::string& deviceClass);

  // Deployments and per-device outcomes.
  Result<void> beginDeployment(const DeploymentRecord& d);
  Result<void> recordDeviceOutcome(const DeploymentDeviceRecord& r);  // insert or replace
  Result<void> finishDeployment(const std::string& id, const std::string& state,
                                const std::string& summaryJson, int64_t finishedUs);
  Result<std::vector<DeploymentRecord>> deployments(int limit = 200) const;  // newest first
  Result<std::optional<DeploymentRecord>> deployment(const std::string& id) const;
  Result<std::vector<DeploymentDeviceRecord>> deploymentDevices(const std::string& id) const;
  // Every deployment that touched the device, newest first.
  Result<std::vector<std::pair<DeploymentRecord, DeploymentDeviceRecord>>> deviceHistory(
      const std::string& deviceId, int limit = 100) const;

  // Models: the model and every model derived from it (recursively), root first.
  Result<std::vector<ModelCandidate>> modelFamily(int64_t rootId) const;
  // Every stored model (id, name) newest first, with parent ids, for choosers.
  Result<std::vector<ModelCandidate>> models() const;

  // Unacknowledged drift alarms per device.
  Result<std::map<std::string, int>> openDriftAlarms() const;

 private:
  store::Project& m_project;
};

// JSON helpers shared with the monitor and the pane.
std::string tagsToJson(const std::vector<std::string>& tags);
std::vector<std::string> tagsFromJson(const std::string& json);
// "a, b ,c" -> {"a","b","c"}
std::vector<std::string> splitTags(const std::string& text);

}  // namespace edgewise::inventory
