// edgewise-cli deploy: put a stored model on devices over MQTT with the signed, verified,
// atomic deployment protocol (docs/deploy_protocol.md), optionally as a canary rollout.

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "core/deploy/deployer.h"
#include "core/deploy/model_artifact.h"
#include "core/deploy/signing.h"
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
  if (selector.empty()) return cl.usageError(u"--devices SELECTOR is required"_s);
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
  auto key = deploy::loadOrCreateProjectKey(projectPath);
  if (!key) return cl.failure(qs(key.error().toString()));
  {
    auto project = store::Project::open(projectPath, store::OpenMode::OpenExisting);
    if (!project) return cl.failure(qs(project.error().toString()));
    const std::string pub = deploy::toHex(key->publicKey.data(), key->publicKey.size());
    if ((*project)->meta("deploy.public_key").valueOr("") != pub) {
      if (auto set = (*project)->setMeta("deploy.public_key", pub); !set) {
        return cl.failure(qs(set.error().toString()));
      }
    }
  }
  auto artifact = deploy::artifactFromProject(projectPath, *id, *key, static_cast<int>(*chunkSize));
  if (!artifact) return cl.failure(qs(artifact.error().toString()));
  const std::string manifestJson = deploy::manifestToJson(artifact->manifest);

  auto known = deploy::discoverDevices(broker, *discoverS);
  if (!known) return cl.failure(qs(known.error().toString()));
  std::vector<std::string> missing;
  const auto selected = deploy::selectDevices(selector, *known, &missing);
  std::vector<deploy::DeviceOutcome> skipped;
  const auto skip = [&](const std::string& device, const std::string& reason) {
    deploy::DeviceOutcome o;
    o.device = device;
    o.state = "skipped";
    o.reason = reason;
    skipped.push_back(o);
  };
  for (const auto& m : missing) skip(m, "not online");
  // Plan: a device whose agent is too old would only refuse; say so up front instead.
  std::vector<std::string> targets;
  for (const auto& id : selected) {
    const auto it = std::find_if(known->begin(), known->end(),
                                 [&](const deploy::DeviceInfo& d) { return d.id == id; });
    const std::string& version = it->agentVersion;
    if (!version.empty() &&
        deploy::compareVersions(version, artifact->manifest.minAgentVersion) < 0) {
      skip(id, "agent " + version + " is older than the required " +
                   artifact->manifest.minAgentVersion);
    } else {
      targets.push_back(id);
    }
  }
  if (!json) {
    printErr(u"deploying model %1 (%2 bytes, %3 chunks, deployment %4) to %5 devices\n"_s.arg(*id)
                 .arg(artifact->manifest.size)
                 .arg(artifact->manifest.chunks)
                 .arg(qs(artifact->manifest.deployment))
                 .arg(targets.size()));
  }

  deploy::DeployOptions options;
  options.brokerUrl = broker;
  options.deviceTimeoutS = *timeout;
  if (!json) {
    options.progress = [](const std::string& device, const std::string& state) {
      printErr(qs(device) + u": "_s + qs(state) + u"\n"_s);
    };
  }
  deploy::Deployer deployer(options);
  if (!targets.empty()) {
    if (auto connected = deployer.connect(); !connected) {
      return cl.failure(qs(connected.error().toString()));
    }
  }
  deploy::RolloutOptions rollout;
  rollout.canaryPercent = *canary;
  rollout.maxFailurePercent = *maxFailures;
  const deploy::RolloutReport report = deploy::runRollout(
      deployer, artifact->manifest, manifestJson, artifact->bytes, targets, skipped, rollout);
  deployer.disconnect();

  if (json) {
    printOut(qs(deploy::rolloutJson(report)) + u"\n"_s);
  } else {
    for (const auto& o : report.devices) {
      printOut(u"%1  %2  %3\n"_s.arg(qs(o.device), -12).arg(qs(o.state), -12).arg(qs(o.reason)));
    }
    printOut(
        u"targeted %1, succeeded %2, rolled back %3, refused %4, failed %5, skipped %6 in "
        "%7 s%8\n"_s.arg(report.targeted)
            .arg(report.succeeded)
            .arg(report.rolledBack)
            .arg(report.refused)
            .arg(report.failed)
            .arg(report.skipped)
            .arg(report.seconds, 0, 'f', 2)
            .arg(report.halted ? u" (halted after the canary)"_s : QString()));
  }
  const bool allGood = report.succeeded == report.targeted - report.skipped && !report.halted &&
                       report.targeted > report.skipped;
  return allGood ? kExitOk : kExitFailure;
}

}  // namespace edgewise::cli
