#pragma once
// A fleet of simulated devices in one process: one Paho client per device, one scheduler
// thread (the caller's) that publishes every message when it is due.

#include <atomic>
#include <csignal>
#include <memory>
#include <string>
#include <vector>

#include "app/agent/agent_options.h"
#include "core/util/result.h"

namespace edgewise::agent {

struct SimulatedDevice;
class DeployParticipants;
class DeviceInference;

class SimulatedFleet {
 public:
  explicit SimulatedFleet(AgentOptions options, std::string agentVersion);
  ~SimulatedFleet();
  SimulatedFleet(const SimulatedFleet&) = delete;
  SimulatedFleet& operator=(const SimulatedFleet&) = delete;

  // Devices take part in deployments (set before connectAll; not owned).
  void setDeployParticipants(DeployParticipants* participants) { m_deploy = participants; }
  // Publishes the retained online status of device `index` again (its model changed).
  void republishStatus(int index);
  // The device installed a model (a deploy lane calls it): its inference switches to the new
  // model and the status is re-published.
  void modelChanged(int index);

  // Creates the clients and connects them all in parallel; an error names the broker URL.
  Result<void> connectAll();
  // Publishes until --seconds elapse or *stopFlag becomes non-zero (set by a signal handler).
  void run(const volatile std::sig_atomic_t* stopFlag);
  // Waits (bounded) for outstanding deliveries, publishes the offline status, disconnects.
  void shutdown();

  // {"devices":N,"published":..,"acked":..,"seconds":..,"per_device":[...]}
  std::string summaryJson() const;
  int64_t totalPublished() const;
  int64_t totalAcked() const;

 private:
  bool publishDue(SimulatedDevice& device, int64_t elapsedUs);
  // Scheduler thread: feeds what a real source (--source) queued to the device's inference.
  void drainSource(SimulatedDevice& device);
  std::string sensorLabel() const;
  void printProgress(int64_t elapsedUs);
  // The status JSON, with the installed model when devices take part in deployments.
  std::string statusPayload(const SimulatedDevice& device, const char* state) const;
  // Scheduler thread: --inject-drift specs that are due, queued commands, heartbeats.
  void applyDueDrifts(double elapsedS);
  void handleCommands(SimulatedDevice& device);
  void publishTelemetry();
  // Scheduler thread, once a second: a device whose client stays down while others are
  // connected gets a new client (a Paho session stuck resending a corrupted message).
  void replaceStuckClients();

  AgentOptions m_options;
  std::string m_agentVersion;
  std::vector<std::unique_ptr<SimulatedDevice>> m_devices;
  int64_t m_startMonoUs = 0;
  int64_t m_startWallUs = 0;
  double m_elapsedS = 0;
  int64_t m_retries = 0;  // publish() refused (buffer full, too many in flight)
  int64_t m_nextStuckCheckUs = 0;
  int64_t m_heldBack = 0;  // not offered to Paho because too much was unacknowledged
  int64_t m_maxOutstanding = 10;
  int64_t m_lastProgressPublished = 0;
  int64_t m_lastProgressUs = 0;
  bool m_shutDown = false;
  DeployParticipants* m_deploy = nullptr;
  // The devices' own inference, feedback and telemetry (with deployments only).
  std::unique_ptr<DeviceInference> m_inference;
  std::vector<bool> m_driftApplied;  // per --inject-drift spec
  int64_t m_nextTelemetryUs = 0;
  int64_t m_lastCpuUs = 0;  // process CPU (user + sys) at the previous heartbeat
  int64_t m_lastCpuWallUs = 0;
  // Inventory facts of the status (hardware of this machine unless simulated).
  std::string m_arch;
  std::string m_os;
  int m_cores = 0;
  int64_t m_ramMb = 0;
};

}  // namespace edgewise::agent
