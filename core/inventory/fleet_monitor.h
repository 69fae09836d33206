#pragma once
// The live inventory: one Paho client subscribed to edgewise/+/status (retained presence,
// last will) and edgewise/+/telemetry (heartbeats). Paho's callback only queues the message;
// a worker thread parses the queue every `flushMs`, updates the in-memory inventory and, when
// a project path is given, writes devices and telemetry to the project in one transaction per
// batch on its own connection. Readers (the GUI thread) take snapshots and poll generation().
//
// Online/offline: a status saying "offline" (the last will or a clean stop) marks the device
// offline at once; a device that has sent heartbeats is also marked offline ("silent") when
// nothing was heard from it for 1.5 x keepAliveS.

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/inventory/inventory_repository.h"
#include "core/util/result.h"

namespace edgewise::inventory {

struct LiveDevice {
  DeviceRecord record;  // from the latest status (class/tags as the device reports them)
  bool online = false;
  std::string offlineReason;              // "last will / stopped", "silent for 8 s"
  int64_t lastHeardUs = 0;                // wall clock of the last status or heartbeat
  bool heartbeats = false;                // sent at least one telemetry message
  std::optional<TelemetryRow> telemetry;  // the latest heartbeat
};

struct FleetMonitorOptions {
  std::string brokerUrl = "tcp://127.0.0.1:1883";
  std::string clientId;     // empty: edgewise-fleet-<pid>-<n>
  std::string projectPath;  // empty: keep the inventory in memory only
  double keepAliveS = 5;    // the agents' keep-alive (edgewise-agent --keep-alive)
  int flushMs = 200;
};

class FleetMonitor {
 public:
  explicit FleetMonitor(FleetMonitorOptions options);
  ~FleetMonitor();  // stops the worker and disconnects
  FleetMonitor(const FleetMonitor&) = delete;
  FleetMonitor& operator=(const FleetMonitor&) = delete;

  // Connects, subscribes and starts the worker (reconnects automatically afterwards).
  Result<void> start();
  void stop();
  bool isConnected() const;

  std::vector<LiveDevice> snapshot() const;  // in id order
  std::optional<LiveDevice> device(const std::string& id) const;
  // Bumped whenever the inventory changed; cheap to poll from a GUI timer.
  uint64_t generation() const { return m_generation.load(); }
  // Messages that could not be parsed, and project writes that failed (the last error).
  uint64_t badMessages() const { return m_bad.load(); }
  std::string lastError() const;

  // Test hook: run one worker pass now (parse the queue, check silence, write).
  void flushNow();

  struct Impl;

 private:
  std::unique_ptr<Impl> m_impl;
  std::atomic<uint64_t> m_generation{0};
  std::atomic<uint64_t> m_bad{0};
};

// Parsing (exposed for tests): a status payload into a record; a heartbeat into a row.
Result<DeviceRecord> parseStatus(const std::string& device, const std::string& payload,
                                 bool* online);
Result<TelemetryRow> parseTelemetry(const std::string& device, const std::string& payload);

}  // namespace edgewise::inventory
