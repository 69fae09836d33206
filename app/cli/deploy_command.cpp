// edgewise-cli deploy: put a stored model on devices over MQTT with the signed, verified,
// atomic deployment protocol (docs/deploy_protocol.md), optionally as a canary rollout.

#include <algorithm>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "core/deploy/deployer.h"
#include "core/deploy/model_artifact.h"
#include "core/deploy/signing.h"
#include "core/inventory/fleet_monitor.h"
#include "core/inventory/inventory_repository.h"
#include "core/inventory/rollout_planner.h"
#include "core/inventory/rollout_runner.h"
#include "core/store/project.h"

namespace edgewise::cli {

using namespace Qt::StringLiterals;

int runDeploy(const QStringList& args) {
  CommandLine cl(u"deploy"_s,
                 u"Deploy a stored model to devices running edgewise-agent --state-dir: a "
                 "manifest signed with the project's Ed25519 key (created on first use as "
                 "<project>.signing-key, public half in .signing-key.pub for the agents' "
                 "--trusted-key), chunked transfer with acknowledgements and resume, atomic "
                 "install, self-test with golden vectors, rollback. Exit 0 when every targeted "
                 "device succeeded. See docs/deploy_protocol.md."_s);
  cl.addOption({u"project"_s, u"Project file."_s, u"FILE"_s});
  cl.addOption({u"model"_s, u"Model id (any variant)."_s, u"ID"_s});
  cl.addOption({u"devices"_s,
                u"Comma list of device ids and globs (imu-0001,imu-0002 or imu-*); online "
                "devices from their retained status."_s,
                u"SELECTOR"_s});
  cl.addOption({u"tag"_s, u"Only devices with this tag (the project's tags, else the device's)."_s,
                u"TAG"_s});
  cl.addOption({u"device-class"_s, u"Only devices of this class."_s, u"CLASS"_s});
  cl.addOption({u"dry-run"_s,
                u"Print the plan (which devices would get the model, which are skipped and "
                "why, from the project's requirements) and deploy nothing."_s});
  cl.addOption(
      {u"canary"_s, u"Deploy to PCT % first, then the rest (0: all at once)."_s, u"PCT"_s});
  cl.addOption({u"max-failures"_s,
                u"Halt after the canary when more than PCT % of it failed (default 0)."_s,
                u"PCT"_s});
  cl.addOption({u"broker"_s, u"Broker URL (default tcp://127.0.0.1:1883)."_s, u"URL"_s});
  cl.addOption({u"timeout"_s, u"Seconds per device before it counts as failed (60)."_s, u"S"_s});
  cl.addOption({u"chunk-size"_s, u"Bytes per chunk (65536)."_s, u"B"_s});
  cl.addOption({u"discover"_s, u"Seconds to collect device status (1)."_s, u"S"_s});
  cl.addOption({u"init-key"_s,
                u"Only create the project's key pair if missing and print the path of the "
                "public key file (give it to the agents as --trusted-key)."_s});
  cl.addOption({u"json"_s, u"Print JSON."_s});
  if (auto exit = cl.parse(args)) return *exit;
  if (cl.value(u"project"_s).isEmpty()) return cl.usageError(u"--project FILE is required"_s);
  if (cl.isSet(u"init-key"_s)) {
    const std::string projectPath = cl.value(u"project"_s).toStdString();
    auto key = deploy::loadOrCreateProjectKey(projectPath);
    if (!key) return cl.failure(qs(key.error().toString()));
    printOut(qs(deploy::projectKeyPath(projectPath)) + u".pub\n"_s);
    return kExitOk;
  }
  auto id = cl.intValue(u"model"_s, -1, 1, INT64_MAX);
  if (!id.ok()) return cl.usageError(qs(id.error().toString()));
  if (*id < 0) return cl.usageError(u"--model ID is required"_s);
  const std::string selector = cl.value(u"devices"_s).toStdString();
  inventory::PlanSelection selection;
  selection.devices = selector;
  selection.tag = cl.value(u"tag"_s).toStdString();
  selection.deviceClass = cl.value(u"device-class"_s).toStdString();
  if (selector.empty() && selection.tag.empty() && selection.deviceClass.empty()) {
    return cl.usageError(u"--devices SELECTOR (or --tag / --device-class) is required"_s);
  }
  const bool dryRun = cl.isSet(u"dry-run"_s);
  auto canary = cl.doubleValue(u"canary"_s, 0, 0, 100);
  if (!canary.ok()) return cl.usageError(qs(canary.error().toString()));
  auto maxFailures = cl.doubleValue(u"max-failures"_s, 0, 0, 100);
  if (!maxFailures.ok()) return cl.usageError(qs(maxFailures.error().toString()));
  auto timeout = cl.doubleValue(u"timeout"_s, 60, 1, 86400);
  if (!timeout.ok()) return cl.usageError(qs(timeout.error().toString()));
  auto chunkSize = cl.intValue(u"chunk-size"_s, deploy::kDefaultChunkSize, 256, 16 << 20);
  if (!chunkSize.ok()) return cl.usageError(qs(chunkSize.error().toString()));
  auto discoverS = cl.doubleValue(u"discover"_s, 1, 0.1, 60);
  if (!discoverS.ok()) return cl.usageError(qs(discoverS.error().toString()));
  const std::string broker = cl.isSet(u"broker"_s) ? cl.value(u"broker"_s).toStdString()
                                                   : std::string("tcp://127.0.0.1:1883");
  const bool json = cl.isSet(u"json"_s);

  const std::string projectPath = cl.value(u"project"_s).toStdString();
  auto project = store::Project::open(projectPath, store::OpenMode::OpenExisting);
  if (!project) return cl.failure(qs(project.error().toString()));
  inventory::InventoryRepository repo(**project);
  auto models = repo.models();
  if (!models) return cl.failure(qs(models.error().toString()));
  std::vector<inventory::ModelCandidate> family;
  for (const auto& m : *models) {
    if (m.id == *id) family.push_back(m);
  }
  if (family.empty()) return cl.failure(u"no model with id %1 in the project"_s.arg(*id));

  // Devices from their retained status, recorded in the project (history and the Fleet pane);
  // the project's class and tags (edited by the user) select them.
  inventory::FleetMonitorOptions monitorOptions;
  monitorOptions.brokerUrl = broker;
  monitorOptions.projectPath = projectPath;
  inventory::FleetMonitor monitor(monitorOptions);
  if (auto started = monitor.start(); !started) {
    return cl.failure(qs(started.error().toString()));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(static_cast<int>(*discoverS * 1000)));
  monitor.flushNow();
  const auto live = monitor.snapshot();
  monitor.stop();
  auto stored = repo.devices();
  if (!stored) return cl.failure(qs(stored.error().toString()));
  std::vector<inventory::PlanDevice> devices;
  std::map<std::string, std::string> modelBefore;
  for (const auto& record : *stored) {
    const auto it = std::find_if(live.begin(), live.end(), [&](const inventory::LiveDevice& d) {
      return d.record.id == record.id;
    });
    const bool online = it != live.end() && it->online;
    devices.push_back(inventory::planDeviceFrom(record, online));
    if (it != live.end()) modelBefore[record.id] = it->record.modelJson;
  }
  auto requirements = repo.requirements();
  if (!requirements) return cl.failure(qs(requirements.error().toString()));
  selection.minAgentVersion = deploy::Manifest{}.minAgentVersion;
  const inventory::Plan plan = inventory::planRollout(family, devices, *requirements, selection);

  if (dryRun) {
    if (json) {
      printOut(qs(inventory::planToJson(plan)) + u"\n"_s);
    } else {
      for (const auto& e : plan.entries) {
        printOut(u"%1  %2  %3\n"_s.arg(qs(e.device), -12)
                     .arg(e.deploy ? qs(e.variantName) : u"skipped"_s, -16)
                     .arg(qs(e.deploy ? e.fit : e.reason)));
      }
      for (const auto& u : plan.unknown) printOut(u"%1  unknown device\n"_s.arg(qs(u), -12));
    }
    return kExitOk;
  }

  std::vector<inventory::PlanEntry> skipped;
  const auto assignments = inventory::assignmentsFromPlan(plan, modelBefore, &skipped);
  if (!json) {
    printErr(u"deploying model %1 to %2 devices (%3 skipped)\n"_s.arg(*id)
                 .arg(assignments.size())
                 .arg(skipped.size()));
  }

  inventory::RolloutRunOptions options;
  options.projectPath = projectPath;
  options.brokerUrl = broker;
  options.deviceTimeoutS = *timeout;
  options.chunkSize = static_cast<int>(*chunkSize);
  options.canaryPercent = *canary;
  options.maxFailurePercent = *maxFailures;
  options.modelId = *id;
  options.selector = selector;
  if (!selection.tag.empty()) options.selector += " tag:" + selection.tag;
  if (!selection.deviceClass.empty()) options.selector += " class:" + selection.deviceClass;
  if (!json) {
    options.progress = [](const inventory::DeviceProgress& p) {
      printErr(qs(p.device) + u": "_s + qs(p.state) +
               (p.reason.empty() ? QString() : u" ("_s + qs(p.reason) + u")"_s) + u"\n"_s);
    };
  }
  project->reset();  // the runner records the rollout on its own connection
  auto result = inventory::runRollout(assignments, skipped, options);
  if (!result) return cl.failure(qs(result.error().toString()));
  const deploy::RolloutReport& report = result->report;

  if (json) {
    printOut(qs(deploy::rolloutJson(report)) + u"\n"_s);
  } else {
    for (const auto& o : report.devices) {
      printOut(u"%1  %2  %3\n"_s.arg(qs(o.device), -12).arg(qs(o.state), -12).arg(qs(o.reason)));
    }
    printOut(
        u"targeted %1, succeeded %2, rolled back %3, refused %4, failed %5, unverified %6, "
        "skipped %7 in %8 s%9\n"_s.arg(report.targeted)
            .arg(report.succeeded)
            .arg(report.rolledBack)
            .arg(report.refused)
            .arg(report.failed)
            .arg(report.unverified)
            .arg(report.skipped)
            .arg(report.seconds, 0, 'f', 2)
            .arg(report.halted ? u" (halted after the canary)"_s : QString()));
  }
  const bool allGood = report.succeeded == report.targeted - report.skipped && !report.halted &&
                       report.targeted > report.skipped;
  return allGood ? kExitOk : kExitFailure;
}

}  // namespace edgewise::cli
