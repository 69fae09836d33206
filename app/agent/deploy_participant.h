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
namespace edgewise::training {
class Classifier;
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
  ~DeployParticipants();  // stops and joins the workers
  DeployParticipants(const DeployParticipants&) = delete;
  DeployParticipants& operator=(const DeployParticipants&) = delete;

  // Opens the device's slot (recovering from a crash) and loads its installed model.
  Result<void> addDevice(const std::string& deviceId, mqtt::async_client* client);
  // The device got a new client (SimulatedFleet replaces one stuck in a reconnect loop);
  // the old one stays alive, so a worker still holding it is harmless.
  void setClient(int index, mqtt::async_client* client);
  // Starts the workers (one per core, at most 4). modelChanged(index) runs on a worker after
  // an install.
  void start(std::function<void(int index)> modelChanged);

  // Stops and joins the workers (before the clients go away); later messages are dropped.
  void stop();

  // Paho's threads: subscribe after every (re)connect; queue a message.
  void onConnected(int index);
  void onMessage(int index, const std::string& topic, std::string payload);

  // ,"public_key":"<hex>","key_id":"<hex>": the device's own Ed25519 identity (created on
  // first start in <stateDir>/<device>/identity.key, mode 0600, and kept), to append to the
  // status object. Thread-safe.
  std::string identityJson(int index) const;
  // {"model_id",...} or "null": what the device runs now. Thread-safe.
  std::string modelJson(int index) const;
  // The model the device runs (nullptr: none) and the signed manifest it was installed with
  // (read from its slot; empty when none). Call on the device's lane (from modelChanged) or
  // before start().
  std::shared_ptr<training::Classifier> runningModel(int index, std::string* manifestJson) const;
  int deviceCount() const { return static_cast<int>(m_devices.size()); }

 private:
  struct Job {
    int index = 0;
    std::string topic;
    std::string payload;
  };
  struct Lane;
  void workerLoop(Lane& lane);
  void handle(const Job& job);
  void publishState(DeviceRuntime& device);
  // Verify, install and self-test once every chunk is stored.
  void finishIfComplete(DeviceRuntime& device);

  Options m_options;
  std::vector<std::unique_ptr<DeviceRuntime>> m_devices;
  std::function<void(int)> m_modelChanged;
  // Each device belongs to one lane (index % lanes), so its messages stay in order while
  // installs and self-tests of different devices run in parallel.
  struct Lane {
    std::mutex mutex;
    std::condition_variable wake;
    std::deque<Job> jobs;
    bool stop = false;
    std::thread thread;
  };
  std::vector<std::unique_ptr<Lane>> m_lanes;
};

}  // namespace edgewise::agent
