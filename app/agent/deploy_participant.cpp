#include "app/agent/deploy_participant.h"

#include <mqtt/async_client.h>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/deploy/device_slot.h"
#include "core/deploy/model_artifact.h"
#include "core/deploy/state_signature.h"
#include "core/util/clock.h"

namespace edgewise::agent {

struct DeviceRuntime {
  int index = 0;
  std::string id;
  std::atomic<mqtt::async_client*> client{nullptr};  // replaced by setClient()
  std::unique_ptr<deploy::DeviceSlot> slot;
  // The model the device runs, and the one a self-test loaded (promoted on success).
  std::shared_ptr<training::Classifier> running;
  std::shared_ptr<training::Classifier> candidate;
  mutable std::mutex modelMutex;
  std::string modelJson = "null";
  deploy::SigningKey identity;  // the device's own key pair (identity.key)
};

namespace {

// The device's key pair: <dir>/identity.key (hex secret key, 0600) and identity.key.pub,
// created on first start and kept.
Result<deploy::SigningKey> loadOrCreateIdentity(const std::string& dir) {
  const std::string path = dir + "/identity.key";
  if (std::ifstream(path).good()) return deploy::loadSigningKey(path);
  auto key = deploy::generateSigningKey();
  if (!key) return key.error();
  EW_TRY(deploy::saveSigningKey(*key, path));
  return *key;
}

}  // namespace

DeployParticipants::DeployParticipants(Options options) : m_options(std::move(options)) {
  // Lanes exist from the start so that messages arriving before start() wait in them.
  const int lanes = std::clamp(static_cast<int>(std::thread::hardware_concurrency()), 1, 4);
  for (int i = 0; i < lanes; ++i) m_lanes.push_back(std::make_unique<Lane>());
}

DeployParticipants::~DeployParticipants() {
  stop();
}

void DeployParticipants::stop() {
  for (auto& lane : m_lanes) {
    {
      std::lock_guard<std::mutex> lock(lane->mutex);
      lane->stop = true;
    }
    lane->wake.notify_all();
    if (lane->thread.joinable()) lane->thread.join();
  }
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
  auto identity = loadOrCreateIdentity(o.dir);
  if (!identity) return identity.error().wrap("the device's identity key");
  d->identity = *identity;
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

void DeployParticipants::setClient(int index, mqtt::async_client* client) {
  m_devices[static_cast<size_t>(index)]->client.store(client);
}

void DeployParticipants::start(std::function<void(int)> modelChanged) {
  m_modelChanged = std::move(modelChanged);
  for (auto& lane : m_lanes) {
    Lane* raw = lane.get();
    lane->thread = std::thread([this, raw] { workerLoop(*raw); });
  }
}

void DeployParticipants::onConnected(int index) {
  DeviceRuntime& d = *m_devices[static_cast<size_t>(index)];
  try {
    d.client.load()->subscribe("edgewise/" + d.id + "/deploy/#", 1);
  } catch (const mqtt::exception& e) {
    std::fprintf(stderr, "edgewise-agent: %s: cannot subscribe to deployments: %s\n", d.id.c_str(),
                 e.what());
  }
}

void DeployParticipants::onMessage(int index, const std::string& topic, std::string payload) {
  Lane& lane = *m_lanes[static_cast<size_t>(index) % m_lanes.size()];
  {
    std::lock_guard<std::mutex> lock(lane.mutex);
    lane.jobs.push_back({index, topic, std::move(payload)});
  }
  lane.wake.notify_one();
}

std::string DeployParticipants::identityJson(int index) const {
  const DeviceRuntime& d = *m_devices[static_cast<size_t>(index)];
  return R"(,"public_key":")" +
         deploy::toHex(d.identity.publicKey.data(), d.identity.publicKey.size()) +
         R"(","key_id":")" + deploy::keyId(d.identity.publicKey) + "\"";
}

std::string DeployParticipants::modelJson(int index) const {
  const DeviceRuntime& d = *m_devices[static_cast<size_t>(index)];
  std::lock_guard<std::mutex> lock(d.modelMutex);
  return d.modelJson;
}

std::shared_ptr<training::Classifier> DeployParticipants::runningModel(
    int index, std::string* manifestJson) const {
  const DeviceRuntime& d = *m_devices[static_cast<size_t>(index)];
  if (manifestJson) {
    manifestJson->clear();
    if (auto current = d.slot->current()) {
      const std::string dir = current->path.substr(0, current->path.rfind('/'));
      std::ifstream in(dir + "/manifest.json", std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      *manifestJson = text.str();
    }
  }
  std::lock_guard<std::mutex> lock(d.modelMutex);
  return d.running;
}

void DeployParticipants::workerLoop(Lane& lane) {
  for (;;) {
    Job job;
    {
      std::unique_lock<std::mutex> lock(lane.mutex);
      lane.wake.wait(lock, [&lane] { return lane.stop || !lane.jobs.empty(); });
      if (lane.stop) return;
      job = std::move(lane.jobs.front());
      lane.jobs.pop_front();
    }
    handle(job);
  }
}

void DeployParticipants::publishState(DeviceRuntime& d) {
  std::string payload =
      deploy::slotStatusJson(d.id, d.slot->status(), d.slot->current(), util::wallClockUs());
  // A terminal state is signed with the device's identity key (docs/deploy_protocol.md).
  if (deploy::isTerminal(d.slot->status().state))
    payload = deploy::signStateJson(payload, d.identity.secretKey);
  try {
    d.client.load()->publish("edgewise/" + d.id + "/deploy/state", payload.data(), payload.size(),
                             1, true);
  } catch (const mqtt::exception& e) {
    // Disconnected: the deployer asks again with the manifest after the reconnect.
    std::fprintf(stderr, "edgewise-agent: %s: deploy state not published: %s\n", d.id.c_str(),
                 e.what());
  }
}

void DeployParticipants::finishIfComplete(DeviceRuntime& d) {
  if (!d.slot->complete()) return;
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

void DeployParticipants::handle(const Job& job) {
  DeviceRuntime& d = *m_devices[static_cast<size_t>(job.index)];
  // edgewise/<id>/deploy/manifest | edgewise/<id>/deploy/chunk/<deployment>/<index>
  const std::string prefix = "edgewise/" + d.id + "/deploy/";
  if (job.topic.rfind(prefix, 0) != 0) return;
  const std::string rest = job.topic.substr(prefix.size());
  if (rest == "manifest") {
    d.slot->onManifest(job.payload);
    publishState(d);
    // A transfer that was complete when the agent stopped finishes now.
    finishIfComplete(d);
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
        d.client.load()->publish(prefix + "ack", ack.data(), ack.size(), 1, false);
      } catch (const mqtt::exception& e) {
        // Lost ack: the deployer's resend timer asks for the chunk map.
      }
    } else if (deploy::isTerminal(s.state) && s.deployment == deployment) {
      publishState(d);  // refused (a chunk of the wrong length)
    }
    finishIfComplete(d);
  }
}

}  // namespace edgewise::agent
