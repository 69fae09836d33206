#pragma once
// The device side of a deployment (docs/deploy_protocol.md): one model slot with its state
// dir (current -> models/<deployment>, previous -> ..., staging/), the install state machine
// (receive chunks, verify, install atomically, self-test, roll back) and crash recovery.
// Not thread-safe: the agent calls one slot from one thread at a time.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/deploy/manifest.h"
#include "core/deploy/signing.h"
#include "core/util/result.h"

namespace edgewise::deploy {

enum class SlotState {
  Idle,
  Receiving,
  Verifying,
  Installing,
  SelfTest,
  Succeeded,
  RolledBack,
  Refused,
  Failed
};

// "idle", "receiving", ..., "rolled_back": the words of the protocol.
const char* slotStateName(SlotState state);
std::optional<SlotState> slotStateFromName(const std::string& name);
bool isTerminal(SlotState state);

struct InstalledModel {
  std::string modelId;
  std::string modelName;
  std::string variant;
  std::string version;
  std::string kind;
  std::string sha256;
  std::string deployment;
  int64_t sinceUs = 0;
  std::string path;  // the model file (through the current/previous link)
};

// {"model_id",...,"since_us"} or "null".
std::string installedModelJson(const std::optional<InstalledModel>& model);

struct SlotStatus {
  std::string deployment;
  SlotState state = SlotState::Idle;
  int chunks = 0;
  int haveCount = 0;
  std::vector<std::pair<int, int>> have;  // inclusive ranges of stored chunks
  std::string reason;
};

// The retained deploy/state payload.
std::string slotStatusJson(const std::string& device, const SlotStatus& status,
                           const std::optional<InstalledModel>& model, int64_t tsUs);

// Loads the model file and checks the manifest's golden vectors; an error says why.
using SelfTestFn = std::function<Result<void>(const std::string& modelPath, const Manifest&)>;

class DeviceSlot {
 public:
  struct Options {
    std::string dir;
    PublicKey trustedKey{};
    std::string agentVersion = "0.1.0";
    SelfTestFn selfTest;
  };

  explicit DeviceSlot(Options options);
  ~DeviceSlot();
  DeviceSlot(const DeviceSlot&) = delete;
  DeviceSlot& operator=(const DeviceSlot&) = delete;

  // Creates the state dir, finishes or undoes what a crash interrupted (an install whose
  // self-test had no verdict is rolled back) and reopens a staged transfer.
  Result<void> open();

  // A manifest arrived: refused (signature, agent version), resumed, repeated or started.
  SlotStatus onManifest(const std::string& json);
  // A chunk arrived. *stored is true when it was written (acknowledge it).
  SlotStatus onChunk(const std::string& deployment, int index, const std::string& bytes,
                     bool* stored);
  // All chunks of the staged deployment are stored: finish() can run.
  bool complete() const;
  // Verify, install, self-test, then succeed or roll back. `progress` sees every
  // intermediate state (verifying, installing, self_test).
  SlotStatus finish(const std::function<void(const SlotStatus&)>& progress = {});

  const SlotStatus& status() const { return m_status; }
  std::optional<InstalledModel> current() const;
  std::optional<InstalledModel> previous() const;
  // The staged deployment, if any.
  const std::optional<Manifest>& staged() const { return m_staged; }

 private:
  SlotStatus refuse(const std::string& deployment, const std::string& reason);
  SlotStatus receivingStatus() const;
  SlotStatus conclude(SlotStatus status);
  Result<void> startStaging(const Manifest& manifest, const std::string& json);
  void wipeStaging();
  Result<void> rollBackPending(const std::string& why, SlotStatus* out);
  std::optional<InstalledModel> modelAt(const std::string& link) const;
  void collectGarbage();
  std::string path(const std::string& rel) const { return m_options.dir + "/" + rel; }

  Options m_options;
  SlotStatus m_status;
  SlotStatus m_last;  // the last terminal status (answers a repeated manifest)
  std::optional<Manifest> m_staged;
  std::vector<char> m_have;
  int m_haveCount = 0;
  int m_artifactFd = -1;
  int m_haveFd = -1;
};

}  // namespace edgewise::deploy
