#include "app/agent/deploy_participant.h"

#include <mqtt/async_client.h>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/deploy/device_slot.h"
#include "core/deploy/model_artifact.h"
#include "core/util/clock.h"

namespace edgewise::agent {

struct DeviceRuntime {
  int index = 0;
  std::string id;
  mqtt::async_client* client = nullptr;
  std::unique_ptr<deploy::DeviceSlot> slot;
  // The model the device runs, and the one a self-test loaded (promoted on success).
  std::shared_ptr<training::Classifier> running;
  std::shared_ptr<training::Classifier> candidate;
  mutable std::mutex modelMutex;
  std::string modelJson = "null";
};

DeployParticipants::DeployParticipants(Options options) : m_options(std::move(options)) {}

DeployParticipants::~DeployParticipants() {
  stop();
}

void DeployParticipants::stop() {
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_all();
  if (m_worker.joinable()) m_worker.join();
}

Result<void> DeployParticipants::addDevice(const std::string& deviceId,
                                           mqtt::async_client* client) {
  auto d = std::make_unique<DeviceRuntime>();
  d->index = static_cast<int>(m_devices.size());
  d->id = deviceId;
  d->client = client;
  DeviceRuntime* raw = d.get();
  deploy::DeviceSlot::Options o;
  o.dir = m_options.stateDir + "/" + deviceId;
  o.trustedKey = m_options.trustedKey;
  o.agentVersion = m_options.agentVersion;
  o.selfTest = [raw](const std::string& path, const deploy::Manifest& m) -> Result<void> {
    auto model = deploy::loadDeployedModel(path, m);
    if (!model) return model.error();
    EW_TRY(deploy::checkGoldenVectors(**model, m));
    raw->candidate = std::shared_ptr<training::Classifier>(std::move(*model));
    return {};
  };
  d->slot = std::make_unique<deploy::DeviceSlot>(o);
  EW_TRY(d->slot->open());
  if (auto current = d->slot->current()) {
    // The installed model passed its self-test when it was installed; load it to run it.
    deploy::Manifest m;
    m.kind = current->kind;
    auto model = deploy::loadDeployedModel(current->path, m);
    if (model) {
      d->running = std::shared_ptr<training::Classifier>(std::move(*model));
    } else {
      std::fprintf(stderr, "edgewise-agent: %s: installed model does not load: %s\n",
                   deviceId.c_str(), model.error().toString().c_str());
    }
  }
  d->modelJson = deploy::installedModelJson(d->slot->current());
  m_devices.push_back(std::move(d));
  return {};
}

void DeployParticipants::start(std::function<void(int)> modelChanged) {
  m_modelChanged = std::move(modelChanged);
  m_worker = std::thread([this] { workerLoop(); });
}

void DeployParticipants::onConnected(int index) {
  DeviceRuntime& d = *m_devices[static_cast<size_t>(index)];
  try {
    d.client->subscribe("edgewise/" + d.id + "/deploy/#", 1);
  } catch (const mqtt::exception& e) {
    std::fprintf(stderr, "edgewise-agent: %s: cannot subscribe to deployments: %s\n", d.id.c_str(),
                 e.what());
  }
}

void DeployParticipants::onMessage(int index, const std::string& topic, std::string payload) {
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_jobs.push_back({index, topic, std::move(payload)});
  }
  m_wake.notify_one();
}

std::string DeployParticipants::modelJson(int index) const {
  const DeviceRuntime& d = *m_devices[static_cast<size_t>(index)];
  std::lock_guard<std::mutex> lock(d.modelMutex);
  return d.modelJson;
}

void DeployParticipants::workerLoop() {
  for (;;) {
    Job job;
    {
      std::unique_lock<std::mutex> lock(m_mutex);
      m_wake.wait(lock, [this] { return m_stop || !m_jobs.empty(); });
      if (m_stop) return;
      job = std::move(m_jobs.front());
      m_jobs.pop_front();
    }
    handle(job);
  }
}

void DeployParticipants::publishState(DeviceRuntime& d) {
  const std::string payload =
      deploy::slotStatusJson(d.id, d.slot->status(), d.slot->current(), util::wallClockUs());
  try {
    d.client->publish("edgewise/" + d.id + "/deploy/state", payload.data(), payload.size(), 1,
                      true);
  } catch (const mqtt::exception& e) {
    // Disconnected: the deployer asks again with the manifest after the reconnect.
    std::fprintf(stderr, "edgewise-agent: %s: deploy state not published: %s\n", d.id.c_str(),
                 e.what());
  }
}

void DeployParticipants::handle(const Job& job) {
  DeviceRuntime& d = *m_devices[static_cast<size_t>(job.index)];
  // edgewise/<id>/deploy/manifest | edgewise/<id>/deploy/chunk/<deployment>/<index>
  const std::string prefix = "edgewise/" + d.id + "/deploy/";
  if (job.topic.rfind(prefix, 0) != 0) return;
  const std::string rest = job.topic.substr(prefix.size());
  if (rest == "manifest") {
    d.slot->onManifest(job.payload);
    publishState(d);
  } else if (rest.rfind("chunk/", 0) == 0) {
    const auto slash = rest.find('/', 6);
    if (slash == std::string::npos) return;
    const std::string deployment = rest.substr(6, slash - 6);
    const int index = std::atoi(rest.c_str() + slash + 1);
    bool stored = false;
    const deploy::SlotStatus s = d.slot->onChunk(deployment, index, job.payload, &stored);
    if (stored) {
      const std::string ack = nlohmann::json{
          {"deployment", deployment},
          {"chunk", index},
          {"have", s.haveCount}}.dump();
      try {
        d.client->publish(prefix + "ack", ack.data(), ack.size(), 1, false);
      } catch (const mqtt::exception& e) {
        // Lost ack: the deployer's resend timer asks for the chunk map.
      }
    } else if (deploy::isTerminal(s.state) && s.deployment == deployment) {
      publishState(d);  // refused (a chunk of the wrong length)
    }
    if (d.slot->complete()) {
      d.candidate.reset();
      d.slot->finish([&](const deploy::SlotStatus&) { publishState(d); });
      if (d.slot->status().state == deploy::SlotState::Succeeded && d.candidate) {
        std::lock_guard<std::mutex> lock(d.modelMutex);
        d.running = std::move(d.candidate);
        d.modelJson = deploy::installedModelJson(d.slot->current());
      }
      d.candidate.reset();
      publishState(d);
      if (m_modelChanged) m_modelChanged(d.index);
    }
  }
}

}  // namespace edgewise::agent
