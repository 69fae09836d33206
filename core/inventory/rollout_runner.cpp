#include "core/inventory/rollout_runner.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "core/deploy/model_artifact.h"
#include "core/deploy/signing.h"
#include "core/store/project.h"
#include "core/util/clock.h"

namespace edgewise::inventory {

using json = nlohmann::json;

namespace {

double fractionOf(const std::string& state) {
  if (state == "sending") return 0.05;
  if (state == "receiving") return 0.3;
  if (state == "verifying") return 0.6;
  if (state == "installing") return 0.75;
  if (state == "self_test") return 0.9;
  if (deploy::isFinalOutcome(state)) return 1.0;
  return 0.1;
}

std::string summaryJson(const deploy::RolloutReport& r) {
  return json({{"targeted", r.targeted},
               {"succeeded", r.succeeded},
               {"rolled_back", r.rolledBack},
               {"refused", r.refused},
               {"failed", r.failed},
               {"unverified", r.unverified},
               {"skipped", r.skipped},
               {"seconds", r.seconds},
               {"halted", r.halted}})
      .dump();
}

bool cancelled(const std::atomic<bool>* cancel) {
  return cancel && cancel->load();
}

}  // namespace

std::optional<int64_t> modelIdOf(const std::string& modelJson) {
  const json j = json::parse(modelJson, nullptr, false);
  if (!j.is_object() || !j.contains("model_id")) return std::nullopt;
  const json& id = j["model_id"];
  if (id.is_number_integer()) return id.get<int64_t>();
  if (id.is_string()) {
    const std::string s = id.get<std::string>();
    if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    return std::stoll(s);
  }
  return std::nullopt;
}

std::string sha256Of(const std::string& modelJson) {
  const json j = json::parse(modelJson, nullptr, false);
  if (!j.is_object() || !j.contains("sha256") || !j["sha256"].is_string()) return {};
  return j["sha256"].get<std::string>();
}

std::vector<RolloutAssignment> assignmentsFromPlan(const Plan& plan,
                                                   const std::map<std::string, std::string>& before,
                                                   std::vector<PlanEntry>* skipped) {
  std::vector<RolloutAssignment> out;
  for (const auto& e : plan.entries) {
    if (!e.deploy) {
      if (skipped) skipped->push_back(e);
      continue;
    }
    RolloutAssignment a;
    a.device = e.device;
    a.modelId = *e.modelId;
    const auto it = before.find(e.device);
    if (it != before.end()) a.modelBefore = it->second;
    out.push_back(a);
  }
  for (const auto& id : plan.unknown) {
    PlanEntry e;
    e.device = id;
    e.reason = "not online";
    if (skipped) skipped->push_back(e);
  }
  return out;
}

Result<RolloutResult> runRollout(const std::vector<RolloutAssignment>& assignments,
                                 const std::vector<PlanEntry>& skippedEntries,
                                 const RolloutRunOptions& options,
                                 const std::atomic<bool>* cancel) {
  const char* ctx = "rollout";
  const int64_t t0 = util::monotonicUs();
  auto key = deploy::loadOrCreateProjectKey(options.projectPath);
  if (!key) return key.error().wrap(ctx);

  // One signed artifact per distinct variant.
  std::map<int64_t, deploy::Artifact> artifacts;
  std::vector<int64_t> order;
  for (const auto& a : assignments) {
    if (artifacts.count(a.modelId)) continue;
    auto art = deploy::artifactFromProject(options.projectPath, a.modelId, *key, options.chunkSize);
    if (!art) return art.error().wrap("preparing model " + std::to_string(a.modelId));
    artifacts.emplace(a.modelId, std::move(*art));
    order.push_back(a.modelId);
  }

  auto project = store::Project::open(options.projectPath, store::OpenMode::OpenExisting);
  if (!project) return project.error().wrap(ctx);
  InventoryRepository repo(**project);
  // The identity keys the inventory pinned (a changed key stays untrusted until accepted).
  std::map<std::string, std::string> pinnedKeys;
  {
    auto known = repo.devices();
    if (!known) return known.error().wrap(ctx);
    for (const auto& d : *known)
      if (!d.publicKey.empty()) pinnedKeys[d.id] = d.publicKey;
  }
  {
    const std::string pub = deploy::toHex(key->publicKey.data(), key->publicKey.size());
    if ((*project)->meta("deploy.public_key").valueOr("") != pub)
      EW_TRY((*project)->setMeta("deploy.public_key", pub));
  }

  RolloutResult result;
  deploy::RolloutReport& report = result.report;
  report.deployment =
      order.empty() ? deploy::newDeploymentId() : artifacts.at(order.front()).manifest.deployment;
  DeploymentRecord rec;
  rec.id = report.deployment;
  rec.kind = options.kind;
  rec.modelId = options.modelId
                    ? options.modelId
                    : (order.empty() ? std::nullopt : std::optional<int64_t>(order.front()));
  rec.selector = options.selector;
  rec.canaryPct = options.canaryPercent;
  rec.startedUs = util::wallClockUs();
  rec.state = "running";
  EW_TRY(repo.beginDeployment(rec));

  std::map<std::string, std::string> before;
  for (const auto& a : assignments) before[a.device] = a.modelBefore;

  const auto emit = [&](const std::string& device, const std::string& stage,
                        const std::string& state, const std::string& reason) {
    if (!options.progress) return;
    DeviceProgress p;
    p.device = device;
    p.stage = stage;
    p.state = state;
    p.fraction = fractionOf(state);
    p.reason = reason;
    options.progress(p);
  };
  Result<void> writeError = okResult();
  const auto record = [&](const deploy::DeviceOutcome& o, const std::string& stage) {
    DeploymentDeviceRecord r;
    r.deploymentId = report.deployment;
    r.deviceId = o.device;
    r.stage = stage;
    r.state = o.state;
    r.reason = o.reason;
    const auto it = before.find(o.device);
    r.modelBefore = it != before.end() ? it->second : std::string("null");
    r.modelAfter = o.state == "skipped" ? r.modelBefore : o.modelJson;
    if (o.state != "skipped") r.seconds = o.seconds;
    if (auto w = repo.recordDeviceOutcome(r); !w && writeError) writeError = w;
    // The inventory shows what the device said it runs at the end (new, previous or
    // unchanged model); a device that never answered keeps its last known model.
    if (o.state != "skipped" && !o.modelJson.empty() && o.modelJson != "null")
      if (auto w = repo.setDeviceModel(o.device, o.modelJson); !w && writeError) writeError = w;
    report.devices.push_back(o);
    emit(o.device, stage, o.state, o.reason);
  };
  const auto skip = [&](const std::string& device, const std::string& stage,
                        const std::string& reason) {
    deploy::DeviceOutcome o;
    o.device = device;
    o.state = "skipped";
    o.reason = reason;
    record(o, stage);
  };
  for (const auto& e : skippedEntries) skip(e.device, "rest", e.reason);

  const size_t canaryCount = deploy::canaryCount(options.canaryPercent, assignments.size());
  const bool staged = canaryCount < assignments.size();
  for (size_t i = 0; i < assignments.size(); ++i)
    emit(assignments[i].device, staged && i < canaryCount ? "canary" : "rest", "queued", {});

  deploy::DeployOptions dopts;
  dopts.brokerUrl = options.brokerUrl;
  dopts.deviceTimeoutS = options.deviceTimeoutS;
  dopts.deviceKeys = pinnedKeys;
  std::string currentStage = "rest";
  dopts.progress = [&](const std::string& device, const std::string& state) {
    emit(device, currentStage, state, {});
  };
  deploy::Deployer deployer(dopts);
  if (!assignments.empty()) {
    if (auto c = deployer.connect(); !c) {
      for (const auto& a : assignments) skip(a.device, "rest", "broker: " + c.error().message);
      report.targeted = static_cast<int>(report.devices.size());
      report.skipped = report.targeted;
      (void)repo.finishDeployment(report.deployment, "failed", summaryJson(report),
                                  util::wallClockUs());
      return c.error().wrap(ctx);
    }
  }

  // Runs a group of assignments, one Deployer::run per variant.
  const auto runGroup = [&](size_t from, size_t to, const std::string& stage) {
    currentStage = stage;
    std::vector<deploy::DeviceOutcome> outcomes;
    for (int64_t modelId : order) {
      std::vector<std::string> devices;
      for (size_t i = from; i < to; ++i)
        if (assignments[i].modelId == modelId) devices.push_back(assignments[i].device);
      if (devices.empty()) continue;
      if (cancelled(cancel)) {
        for (const auto& d : devices) skip(d, stage, "cancelled");
        continue;
      }
      const deploy::Artifact& art = artifacts.at(modelId);
      for (const auto& d : devices) emit(d, stage, "sending", {});
      auto out = deployer.run(art.manifest, deploy::manifestToJson(art.manifest), art.bytes,
                              devices, cancel);
      for (const auto& o : out) {
        record(o, stage);
        outcomes.push_back(o);
      }
    }
    return outcomes;
  };

  if (staged) {
    auto canary = runGroup(0, canaryCount, "canary");
    int failures = 0;
    for (const auto& o : canary) failures += o.state == "succeeded" ? 0 : 1;
    if (options.healthWaitS > 0 && !cancelled(cancel)) {
      const int64_t until = util::monotonicUs() + static_cast<int64_t>(options.healthWaitS * 1e6);
      while (util::monotonicUs() < until && !cancelled(cancel))
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      auto known = deploy::discoverDevices(options.brokerUrl, 0.5);
      for (const auto& o : canary) {
        if (o.state != "succeeded" || !known) continue;
        const auto it = std::find_if(known->begin(), known->end(),
                                     [&](const deploy::DeviceInfo& d) { return d.id == o.device; });
        const std::string want = sha256Of(o.modelJson);
        if (it == known->end() || !it->online) {
          ++failures;
          emit(o.device, "canary", "failed", "offline after the canary");
        } else if (!want.empty() && sha256Of(it->modelJson) != want) {
          ++failures;
          emit(o.device, "canary", "failed", "runs another model after the canary");
        }
      }
    }
    const double pct = 100.0 * failures / static_cast<double>(std::max<size_t>(1, canaryCount));
    if (cancelled(cancel)) {
      for (size_t i = canaryCount; i < assignments.size(); ++i)
        skip(assignments[i].device, "rest", "cancelled");
    } else if (pct > options.maxFailurePercent) {
      report.halted = true;
      const std::string why = "halted after canary: " + std::to_string(failures) + " of " +
                              std::to_string(canaryCount) + " failed";
      for (size_t i = canaryCount; i < assignments.size(); ++i)
        skip(assignments[i].device, "rest", why);
    } else {
      runGroup(canaryCount, assignments.size(), "rest");
    }
  } else {
    runGroup(0, assignments.size(), "rest");
  }
  deployer.disconnect();

  deploy::countOutcomes(report);
  report.seconds = static_cast<double>(util::monotonicUs() - t0) / 1e6;
  const int attempted = report.targeted - report.skipped;
  if (cancelled(cancel))
    result.state = "cancelled";
  else if (report.halted)
    result.state = "halted";
  else if (attempted > 0 && report.succeeded == attempted)
    result.state = "succeeded";
  else if (report.succeeded == 0)
    result.state = "failed";
  else
    result.state = "partial";
  EW_TRY(repo.finishDeployment(report.deployment, result.state, summaryJson(report),
                               util::wallClockUs()));
  if (!writeError) return writeError.error().wrap(ctx);
  return result;
}

Result<std::vector<RolloutAssignment>> rollbackAssignments(const std::string& projectPath,
                                                           const std::string& deploymentId,
                                                           std::vector<PlanEntry>* skipped) {
  auto project = store::Project::open(projectPath, store::OpenMode::OpenExisting);
  if (!project) return project.error();
  InventoryRepository repo(**project);
  auto dep = repo.deployment(deploymentId);
  if (!dep) return dep.error();
  if (!*dep) return Error("no deployment " + deploymentId, "rolling back");
  auto rows = repo.deploymentDevices(deploymentId);
  if (!rows) return rows.error();
  std::vector<RolloutAssignment> out;
  for (const auto& r : *rows) {
    if (r.state != "succeeded") continue;  // the others still run their previous model
    const auto previous = modelIdOf(r.modelBefore);
    if (!previous) {
      if (skipped) {
        PlanEntry e;
        e.device = r.deviceId;
        e.reason = "no previous model to go back to";
        skipped->push_back(e);
      }
      continue;
    }
    RolloutAssignment a;
    a.device = r.deviceId;
    a.modelId = *previous;
    a.modelBefore = r.modelAfter;
    out.push_back(a);
  }
  return out;
}

Result<RolloutResult> rollbackDeployment(const std::string& deploymentId, RolloutRunOptions options,
                                         const std::atomic<bool>* cancel) {
  std::vector<PlanEntry> skipped;
  auto assignments = rollbackAssignments(options.projectPath, deploymentId, &skipped);
  if (!assignments) return assignments.error();
  if (assignments->empty() && skipped.empty())
    return Error("no device of " + deploymentId + " succeeded, nothing to roll back",
                 "rolling back");
  options.kind = "rollback";
  options.canaryPercent = 0;
  options.selector = "rollback of " + deploymentId;
  options.modelId.reset();
  return runRollout(*assignments, skipped, options, cancel);
}

}  // namespace edgewise::inventory
