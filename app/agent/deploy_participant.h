#pragma once
// The agent's side of deployments (docs/deploy_protocol.md): one DeviceSlot and one running
// model per simulated device, fed by Paho's message callbacks through a queue that a worker
// thread drains (file writes, hashing, model loading and the self-test never run on Paho's
// thread).

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/deploy/signing.h"
#include "core/util/result.h"

namespace mqtt {
class async_client;
}

namespace edgewise::agent {

struct DeviceRuntime;

class DeployParticipants {
 public:
  struct Options {
    std::string stateDir;  // one sub-directory per device
    deploy::PublicKey trustedKey{};
    std::string agentVersion;
  };

  explicit DeployParticipants(Options options);
  ~DeployParticipants();  // stops and joins the worker
  DeployParticipants(const DeployParticipants&) = delete;
  DeployParticipants& operator=(const DeployParticipants&) = delete;

  // Opens the device's slot (recovering from a crash) and loads its installed model.
  Result<void> addDevice(const std::string& deviceId, mqtt::async_client* client);
  // Starts the worker. modelChanged(index) runs on the worker after an install.
  void start(std::function<void(int index)> modelChanged);

  // Stops and joins the worker (before the clients go away); later messages are dropped.
  void stop();

  // Paho's threads: subscribe after every (re)connect; queue a message.
  void onConnected(int index);
  void onMessage(int index, const std::string& topic, std::string payload);

  // {"model_id",...} or "null": what the device runs now. Thread-safe.
  std::string modelJson(int index) const;
  int deviceCount() const { return static_cast<int>(m_devices.size()); }

 private:
  struct Job {
    int index = 0;
    std::string topic;
    std::string payload;
  };
  void workerLoop();
  void handle(const Job& job);
  void publishState(DeviceRuntime& device);

  Options m_options;
  std::vector<std::unique_ptr<DeviceRuntime>> m_devices;
  std::function<void(int)> m_modelChanged;
  std::mutex m_mutex;
  std::condition_variable m_wake;
  std::deque<Job> m_jobs;
  bool m_stop = false;
  std::thread m_worker;
};

}  // namespace edgewise::agent
