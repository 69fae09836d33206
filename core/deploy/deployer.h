#pragma once
// The workbench side of a deployment (docs/deploy_protocol.md): one Paho client that sends a
// signed manifest and the artifact's chunks to many devices at once, with a window of
// unacknowledged chunks per device, resend on silence, resume from the device's chunk map
// after a reconnect, and a per-device deadline. Plus device discovery from retained status,
// selection (ids and globs) and a staged rollout (canary, then the rest).

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/deploy/manifest.h"
#include "core/util/result.h"

namespace edgewise::deploy {

// The chunk size for an artifact of `size` bytes (docs/deploy_protocol.md, "Chunk size"):
// about size / kTargetChunks rounded up to 64 kB, within [64 kB, 1 MB]. Fewer, larger chunks
// mean fewer messages, acknowledgements and writes per device; the cap keeps the unit of
// resume after a lost connection small.
inline constexpr int kTargetChunks = 4;
int recommendedChunkSize(int64_t size);

struct DeployOptions {
  std::string brokerUrl = "tcp://127.0.0.1:1883";
  std::string clientId;  // empty: "edgewise-deployer-<pid>"
  int window = 8;        // unacknowledged chunks per device
  double deviceTimeoutS = 60;
  double idleResendS = 3;  // silence after which the manifest is sent again (resume)
  // Chunk bytes handed to the MQTT client that the broker has not acknowledged yet (PUBACK),
  // over all devices; 0: no limit (the per-device window only). Paho C's one send thread
  // stops for up to a second whenever the socket is full (a partial write it finishes later
  // without waking the send thread), so queueing a whole fleet's chunks at once made the
  // transfer crawl; a budget the socket can take keeps it flowing (docs/deploy_protocol.md).
  int64_t maxUnackedBytes = 1 << 20;
  // Pacing over all devices for slow or shared links; 0: as fast as acknowledgements allow.
  double maxChunksPerSecond = 0;
  // Fault injection (tests, bench): flip one byte of this chunk every time it is sent.
  int corruptChunk = -1;
  // The identity key (64 hex digits) each device signs its terminal states with, as pinned by
  // the project's inventory (docs/deploy_protocol.md, "Trust"). A device without an entry
  // is checked against the key its retained status announces when learnKeysFromStatus is set
  // (trust on first use for one Deployer); a device with neither is reported "unsigned".
  std::map<std::string, std::string> deviceKeys;
  bool learnKeysFromStatus = true;
  // Called on the caller's thread whenever a device changes state.
  std::function<void(const std::string& device, const std::string& state)> progress;
};

struct DeviceOutcome {
  std::string device;
  // succeeded, rolled_back, refused, failed, skipped, or unverified: a terminal state whose
  // signature is missing or not by the device's known key (counts as a failure).
  std::string state;
  std::string reason;
  // The terminal state's signature: verified, unsigned (no key known for the device, an old
  // agent), unverified (missing or bad); empty when no terminal state was received.
  std::string signature;
  std::string modelJson = "null";  // what the device runs afterwards (its report)
  double seconds = 0;
  int chunksSent = 0;
  int manifestsSent = 0;
};

class Deployer {
 public:
  explicit Deployer(DeployOptions options);
  ~Deployer();
  Deployer(const Deployer&) = delete;
  Deployer& operator=(const Deployer&) = delete;

  Result<void> connect();
  // One deployment to these devices, concurrently; returns when each has a final state or
  // its deadline passed (then "failed", "timed out in state X"). cancel stops early (the
  // devices still in flight end as "failed", "cancelled").
  std::vector<DeviceOutcome> run(const Manifest& manifest, const std::string& manifestJson,
                                 const std::string& artifact,
                                 const std::vector<std::string>& devices,
                                 const std::atomic<bool>* cancel = nullptr);
  void disconnect();

  struct Impl;

 private:
  std::unique_ptr<Impl> m_impl;
};

struct DeviceInfo {
  std::string id;
  bool online = false;
  std::string agentVersion;
  std::string modelJson = "null";
  std::string publicKey;  // the identity key the status announces (hex), if any
};

// Devices known from retained edgewise/+/status messages, collected for waitS seconds.
Result<std::vector<DeviceInfo>> discoverDevices(const std::string& brokerUrl, double waitS = 1.0);

// Comma list of ids and globs ("imu-0001,imu-0002", "imu-*", "imu-00?1"). Online devices that
// match, in sorted order; ids named exactly that are not online go to *missing.
std::vector<std::string> selectDevices(const std::string& selector,
                                       const std::vector<DeviceInfo>& known,
                                       std::vector<std::string>* missing);

struct RolloutOptions {
  double canaryPercent = 0;      // 0: everyone at once
  double maxFailurePercent = 0;  // of the canary group, before halting
};

struct RolloutReport {
  std::vector<DeviceOutcome> devices;
  int targeted = 0;
  int succeeded = 0;
  int rolledBack = 0;
  int refused = 0;
  int failed = 0;
  int unverified = 0;
  int skipped = 0;
  double seconds = 0;
  bool halted = false;
  std::string deployment;
};

// Size of the canary group: ceil(pct % of n), at least 1; n when pct is 0 or >= 100.
size_t canaryCount(double canaryPercent, size_t n);
// Fills report's totals (succeeded ... failed, targeted) from report.devices.
void countOutcomes(RolloutReport& report);
// A device outcome's state is final: succeeded, rolled_back, refused, failed, skipped or
// unverified.
bool isFinalOutcome(const std::string& state);
// A final outcome that is a failure for the user (refused, failed, rolled_back, unverified).
bool isFailedOutcome(const std::string& state);

// Canary group first (ceil(pct % of targets), at least 1 when pct > 0), then the rest unless
// the canary's failures (anything but succeeded) exceed maxFailurePercent. `skipped` holds
// devices already known to be skipped, with reasons.
RolloutReport runRollout(Deployer& deployer, const Manifest& manifest,
                         const std::string& manifestJson, const std::string& artifact,
                         const std::vector<std::string>& targets,
                         std::vector<DeviceOutcome> skipped, const RolloutOptions& options);

// {"deployment","halted","devices":[{device,state,reason,signature,model,seconds,chunks_sent}],
//  "totals":{"targeted","succeeded","rolled_back","refused","failed","unverified","skipped",
//  "seconds"}}
std::string rolloutJson(const RolloutReport& report);

}  // namespace edgewise::deploy
