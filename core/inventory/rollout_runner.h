#pragma once
// A staged rollout of a plan around deploy::Deployer, recorded in the project: one row in
// deployments (id: the deployment id of the first manifest; a plan with several variants sends
// one signed manifest per variant) and one row per device in deployment_devices (stage, final
// state, reason, the model before and after as the device reported it).
//
// Canary: the first ceil(canaryPercent % of the targets) devices (in plan order) go first;
// after them the runner waits healthWaitS and checks that every canary device that succeeded
// is still online and reports the new model's sha256 (an unhealthy one counts as a failure);
// when more than maxFailurePercent of the canary failed the rest are skipped ("halted after
// canary"). Cancel stops at once: devices in flight end "failed" ("cancelled"), devices not
// yet started are "skipped" ("cancelled").
//
// Group rollback: the devices that succeeded in a deployment get their model_before again, as
// a new deployment of kind 'rollback' (the previous model's artifact re-signed from the
// project; the protocol has no rollback command, and a device's `previous` link is only used
// by the device itself when a self-test fails).

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/deploy/deployer.h"
#include "core/inventory/rollout_planner.h"
#include "core/util/result.h"

namespace edgewise::inventory {

struct RolloutAssignment {
  std::string device;
  int64_t modelId = 0;
  std::string modelBefore = "null";  // the device's report before the rollout
};

struct DeviceProgress {
  std::string device;
  std::string stage;  // canary or rest
  std::string state;  // queued, sending, receiving, verifying, installing, self_test, terminal
  double fraction = 0;
  std::string reason;
};

struct RolloutRunOptions {
  std::string projectPath;
  std::string brokerUrl = "tcp://127.0.0.1:1883";
  double canaryPercent = 0;
  double maxFailurePercent = 0;
  double healthWaitS = 0;
  double deviceTimeoutS = 60;
  int chunkSize = 65536;
  std::string selector;            // recorded in deployments.selector
  std::string kind = "deploy";     // or rollback
  std::optional<int64_t> modelId;  // recorded in deployments.model_id (the chosen model)
  // Called on the runner's thread for every device state change.
  std::function<void(const DeviceProgress&)> progress;
};

struct RolloutResult {
  deploy::RolloutReport report;  // deployment = the recorded id
  std::string state;             // succeeded, partial, halted, cancelled, failed
};

// The assignments of a plan's devices that get a model (modelBefore from `before`, by device)
// and, in *skipped, the devices it skips plus its unknown ids ("not online").
std::vector<RolloutAssignment> assignmentsFromPlan(const Plan& plan,
                                                   const std::map<std::string, std::string>& before,
                                                   std::vector<PlanEntry>* skipped);

// Deploys the assignments (skipped entries are recorded as skipped with their reason).
Result<RolloutResult> runRollout(const std::vector<RolloutAssignment>& assignments,
                                 const std::vector<PlanEntry>& skipped,
                                 const RolloutRunOptions& options,
                                 const std::atomic<bool>* cancel = nullptr);

// The assignments that undo a deployment: each device that succeeded gets its model_before;
// devices without a previous model are returned in *skipped.
Result<std::vector<RolloutAssignment>> rollbackAssignments(const std::string& projectPath,
                                                           const std::string& deploymentId,
                                                           std::vector<PlanEntry>* skipped);

Result<RolloutResult> rollbackDeployment(const std::string& deploymentId, RolloutRunOptions options,
                                         const std::atomic<bool>* cancel = nullptr);

// The model id in a device's model report ({"model_id":"3",...}), if any.
std::optional<int64_t> modelIdOf(const std::string& modelJson);
std::string sha256Of(const std::string& modelJson);

}  // namespace edgewise::inventory
