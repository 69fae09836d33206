#include "core/deploy/deployer.h"

#include <fnmatch.h>
#include <unistd.h>

#include <mqtt/async_client.h>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>

#include "core/deploy/device_slot.h"
#include "core/deploy/state_signature.h"
#include "core/util/clock.h"

namespace edgewise::deploy {

namespace {

using nlohmann::json;

constexpr int kMaxInflight = 4000;
// A chunk's token context packs the connection generation above 32 bits of size.
static_assert(sizeof(uintptr_t) >= 8, "64-bit pointers");

struct Event {
  std::string device;
  std::string kind;  // deploy/ack, deploy/state or status
  std::string payload;
};

// "edgewise/<device>/deploy/<kind>" -> device, kind.
bool splitTopic(const std::string& topic, std::string* device, std::string* kind) {
  const auto a = topic.find('/');
  const auto b = topic.find('/', a + 1);
  if (a == std::string::npos || b == std::string::npos) return false;
  *device = topic.substr(a + 1, b - a - 1);
  *kind = topic.substr(b + 1);
  return true;
}

}  // namespace

int recommendedChunkSize(int64_t size) {
  constexpr int64_t kUnit = 64 * 1024;
  constexpr int64_t kMax = 1024 * 1024;
  const int64_t perChunk = (size + kTargetChunks - 1) / kTargetChunks;
  const int64_t rounded = (perChunk + kUnit - 1) / kUnit * kUnit;
  return static_cast<int>(std::clamp(rounded, kUnit, kMax));
}

struct Deployer::Impl {
  DeployOptions options;
  std::unique_ptr<mqtt::async_client> client;
  std::mutex mutex;
  std::condition_variable wake;
  std::deque<Event> events;
  std::atomic<int> reconnects{0};
  // Chunk bytes published on the current connection and not yet acknowledged by the broker
  // (PUBACK). Changed under `mutex` together with `reconnects`, which doubles as the
  // connection's generation: a chunk's token carries (generation << 32 | bytes), and a late
  // callback from a lost connection (whose bytes were already written off) changes nothing.
  std::atomic<int64_t> unackedBytes{0};
  int released = 0;  // PUBACKs of chunks so far (under mutex): wakes run()

  // Paho's threads: a chunk's PUBACK (or its failure) frees its bytes and wakes run().
  struct ChunkListener : mqtt::iaction_listener {
    Impl* d = nullptr;
    void release(const mqtt::token& tok) {
      const auto context = reinterpret_cast<uintptr_t>(tok.get_user_context());
      const auto bytes = static_cast<int64_t>(context & 0xffffffffu);
      const auto generation = static_cast<int>(context >> 32);
      {
        std::lock_guard<std::mutex> lock(d->mutex);
        if (generation == d->reconnects.load()) d->unackedBytes.fetch_sub(bytes);
        ++d->released;
      }
      d->wake.notify_one();
    }
    void on_success(const mqtt::token& tok) override { release(tok); }
    void on_failure(const mqtt::token& tok) override { release(tok); }
  } chunkListener;

  // The first identity key each device's status announced to this Deployer (hex), trusted on
  // first use when the caller gave none; run()'s thread only.
  std::map<std::string, std::string> statusKeys;

  void subscribe() {
    client->subscribe("edgewise/+/status", 1);
    client->subscribe("edgewise/+/deploy/ack", 1);
    client->subscribe("edgewise/+/deploy/state", 1);
  }
};

Deployer::Deployer(DeployOptions options) : m_impl(std::make_unique<Impl>()) {
  m_impl->chunkListener.d = m_impl.get();
  m_impl->options = std::move(options);
  if (m_impl->options.clientId.empty()) {
    m_impl->options.clientId = "edgewise-deployer-" + std::to_string(::getpid());
  }
}

Deployer::~Deployer() {
  disconnect();
}

Result<void> Deployer::connect() {
  Impl& d = *m_impl;
  try {
    d.client = std::make_unique<mqtt::async_client>(d.options.brokerUrl, d.options.clientId);
    d.client->set_message_callback([&d](mqtt::const_message_ptr msg) {
      std::string device, kind;
      if (!splitTopic(msg->get_topic(), &device, &kind)) return;
      if (kind != "deploy/ack" && kind != "deploy/state" && kind != "status") return;
      Event e{device, kind, msg->get_payload_str()};
      {
        std::lock_guard<std::mutex> lock(d.mutex);
        d.events.push_back(std::move(e));
      }
      d.wake.notify_one();
    });
    // After an automatic reconnect: subscribe again (a restarted broker forgot us) and let
    // run() ask every device in flight for its chunk map.
    d.client->set_connected_handler([&d](const std::string&) {
      bool first = false;
      {
        // Chunks in flight on the lost connection are gone (clean session); run() sends them
        // again when the devices answer the manifest with their chunk maps.
        std::lock_guard<std::mutex> lock(d.mutex);
        first = d.reconnects.fetch_add(1) == 0;
        if (!first) d.unackedBytes.store(0);
      }
      if (first) return;
      try {
        d.subscribe();
      } catch (const mqtt::exception& e) {
        // run() resends on silence; the next reconnect subscribes again.
      }
      d.wake.notify_one();
    });
    const auto opts =
        mqtt::connect_options_builder()
            .clean_session(true)
            .keep_alive_interval(std::chrono::seconds(5))
            .automatic_reconnect(std::chrono::milliseconds(250), std::chrono::seconds(2))
            .max_inflight(kMaxInflight)
            .connect_timeout(std::chrono::seconds(10))
            .finalize();
    d.client->connect(opts)->wait_for(std::chrono::seconds(12));
    if (!d.client->is_connected()) {
      return Error("cannot reach the MQTT broker at " + d.options.brokerUrl, "deploying");
    }
    // Status first: the retained statuses (with the devices' identity keys) arrive before
    // any state of a deployment this client starts.
    d.client->subscribe("edgewise/+/status", 1)->wait_for(std::chrono::seconds(10));
    d.client->subscribe("edgewise/+/deploy/ack", 1)->wait_for(std::chrono::seconds(10));
    d.client->subscribe("edgewise/+/deploy/state", 1)->wait_for(std::chrono::seconds(10));
  } catch (const mqtt::exception& e) {
    return Error("cannot connect to " + d.options.brokerUrl + ": " + e.what(), "deploying");
  }
  return {};
}

void Deployer::disconnect() {
  Impl& d = *m_impl;
  if (!d.client) return;
  try {
    if (d.client->is_connected()) d.client->disconnect()->wait_for(std::chrono::seconds(3));
  } catch (const mqtt::exception& e) {
    // Already gone: nothing left to close.
  }
  d.client.reset();
}

std::vector<DeviceOutcome> Deployer::run(const Manifest& manifest, const std::string& manifestJson,
                                         const std::string& artifact,
                                         const std::vector<std::string>& devices,
                                         const std::atomic<bool>* cancel) {
  Impl& d = *m_impl;
  enum class Phase { AwaitMap, Sending, AwaitFinal, Done };
  struct Target {
    DeviceOutcome outcome;
    Phase phase = Phase::AwaitMap;
    std::vector<char> acked;
    std::deque<int> queue;
    int inflight = 0;
    std::string lastState = "none";
    int64_t startUs = 0;
    int64_t lastHeardUs = 0;
  };
  std::map<std::string, Target> targets;
  const int64_t t0 = util::monotonicUs();
  for (const auto& id : devices) {
    Target t;
    t.outcome.device = id;
    t.acked.assign(static_cast<size_t>(manifest.chunks), 0);
    t.startUs = t0;
    targets.emplace(id, std::move(t));
  }

  const auto publish = [&](const std::string& topic, const char* data, size_t size) {
    try {
      d.client->publish(topic, data, size, 1, false);
      return true;
    } catch (const mqtt::exception& e) {
      return false;  // disconnected or too many in flight: the resend timer recovers
    }
  };
  const auto publishChunk = [&](const std::string& topic, const char* data, size_t size) {
    int generation = 0;
    {
      std::lock_guard<std::mutex> lock(d.mutex);
      generation = d.reconnects.load();
      d.unackedBytes.fetch_add(static_cast<int64_t>(size));
    }
    const uintptr_t context = (static_cast<uintptr_t>(generation) << 32) | size;
    try {
      d.client->publish(topic, data, size, 1, false, reinterpret_cast<void*>(context),
                        d.chunkListener);
      return true;
    } catch (const mqtt::exception& e) {
      std::lock_guard<std::mutex> lock(d.mutex);
      if (generation == d.reconnects.load()) d.unackedBytes.fetch_sub(static_cast<int64_t>(size));
      return false;  // disconnected or too many in flight: the resend timer recovers
    }
  };
  // Room for one more chunk under the broker-acknowledged byte budget (always room for one).
  const auto budgetAllows = [&] {
    const int64_t limit = d.options.maxUnackedBytes;
    return limit <= 0 || d.unackedBytes.load() <= 0 || d.unackedBytes.load() < limit;
  };
  const auto sendManifest = [&](Target& t) {
    t.lastHeardUs = util::monotonicUs();
    t.inflight = 0;
    t.queue.clear();
    if (t.phase == Phase::Sending) t.phase = Phase::AwaitMap;
    ++t.outcome.manifestsSent;
    publish("edgewise/" + t.outcome.device + "/deploy/manifest", manifestJson.data(),
            manifestJson.size());
  };
  const auto setState = [&](Target& t, const std::string& state) {
    if (state == t.lastState) return;
    t.lastState = state;
    if (d.options.progress) d.options.progress(t.outcome.device, state);
  };
  const auto finish = [&](Target& t, const std::string& state, const std::string& reason) {
    t.phase = Phase::Done;
    t.outcome.state = state;
    t.outcome.reason = reason;
    t.outcome.seconds = static_cast<double>(util::monotonicUs() - t.startUs) / 1e6;
    setState(t, state);
  };

  // The verdict on a terminal state's "sig" (docs/deploy_protocol.md, "Trust"): verified,
  // unsigned (no key known for the device) or unverified (with *why).
  const auto checkSignature = [&](const std::string& device, const std::string& payload,
                                  const std::string& state, std::string* why) -> std::string {
    const auto pinned = d.options.deviceKeys.find(device);
    const auto announced = d.statusKeys.find(device);
    std::string expected;
    if (pinned != d.options.deviceKeys.end() && !pinned->second.empty())
      expected = pinned->second;
    else if (d.options.learnKeysFromStatus && announced != d.statusKeys.end())
      expected = announced->second;
    PublicKey key{};
    if (expected.empty() || !publicKeyFromHex(expected, &key)) return "unsigned";
    const StateSignature verdict = verifyStateJson(payload, key);
    if (verdict == StateSignature::Valid) return "verified";
    *why = "the device reported '" + state + "' " +
           (verdict == StateSignature::Missing ? "without a signature"
                                               : "with a signature that is not by its key") +
           " (identity key " + keyId(key) + "); the state is not trusted";
    if (announced != d.statusKeys.end() && announced->second != toHex(key.data(), key.size())) {
      PublicKey other{};
      if (publicKeyFromHex(announced->second, &other))
        *why += "; the device announces another identity key (" + keyId(other) +
                "): accept it in the inventory if the change is expected";
    }
    return "unverified";
  };

  for (auto& [id, t] : targets) sendManifest(t);
  int seenReconnects = d.reconnects.load();
  const int64_t pacingUs = d.options.maxChunksPerSecond > 0
                               ? static_cast<int64_t>(1e6 / d.options.maxChunksPerSecond)
                               : 0;
  int64_t nextChunkUs = 0;
  int seenReleased = 0;
  std::string corrupted;

  for (;;) {
    std::deque<Event> batch;
    {
      std::unique_lock<std::mutex> lock(d.mutex);
      const auto wait = std::chrono::milliseconds(pacingUs > 0 ? 2 : 20);
      d.wake.wait_for(lock, wait, [&] { return !d.events.empty() || d.released != seenReleased; });
      seenReleased = d.released;
      batch.swap(d.events);
    }
    const int64_t now = util::monotonicUs();
    for (const Event& e : batch) {
      if (e.kind == "status") {
        const json j = json::parse(e.payload, nullptr, false);
        PublicKey key{};
        if (j.is_object() && j.contains("public_key") && j["public_key"].is_string() &&
            publicKeyFromHex(j["public_key"].get<std::string>(), &key))
          d.statusKeys.emplace(e.device, toHex(key.data(), key.size()));  // the first one
        continue;
      }
      auto it = targets.find(e.device);
      if (it == targets.end() || it->second.phase == Phase::Done) continue;
      Target& t = it->second;
      const json j = json::parse(e.payload, nullptr, false);
      if (!j.is_object() || j.value("deployment", std::string()) != manifest.deployment) continue;
      t.lastHeardUs = now;
      if (e.kind == "deploy/ack") {
        const int chunk = j.value("chunk", -1);
        if (chunk >= 0 && chunk < manifest.chunks && !t.acked[static_cast<size_t>(chunk)]) {
          t.acked[static_cast<size_t>(chunk)] = 1;
          t.inflight = std::max(0, t.inflight - 1);
        }
        continue;
      }
      const std::string state = j.value("state", std::string());
      const auto parsed = slotStateFromName(state);
      if (!parsed) continue;
      if (isTerminal(*parsed)) {
        std::string why;
        t.outcome.signature = checkSignature(e.device, e.payload, state, &why);
        if (t.outcome.signature == "unverified") {
          // Not the device's word: neither its state nor any model it named is taken.
          t.outcome.modelJson = "null";
          finish(t, "unverified", why);
          continue;
        }
        if (j.contains("model")) t.outcome.modelJson = j["model"].dump();
        finish(t, state, j.value("reason", std::string()));
        continue;
      }
      if (j.contains("model")) t.outcome.modelJson = j["model"].dump();
      setState(t, state);
      if (*parsed == SlotState::Receiving) {
        // The device's chunk map is the truth: send exactly what it lacks.
        std::fill(t.acked.begin(), t.acked.end(), 0);
        if (j.contains("have") && j["have"].is_array()) {
          for (const auto& r : j["have"]) {
            const int a = r.at(0).get<int>();
            const int b = r.at(1).get<int>();
            for (int i = std::max(0, a); i <= b && i < manifest.chunks; ++i) {
              t.acked[static_cast<size_t>(i)] = 1;
            }
          }
        }
        t.queue.clear();
        for (int i = 0; i < manifest.chunks; ++i) {
          if (!t.acked[static_cast<size_t>(i)]) t.queue.push_back(i);
        }
        t.inflight = 0;
        t.phase = t.queue.empty() ? Phase::AwaitFinal : Phase::Sending;
      } else {
        t.phase = Phase::AwaitFinal;
      }
    }

    const int reconnects = d.reconnects.load();
    const bool reconnected = reconnects != seenReconnects;
    seenReconnects = reconnects;

    bool allDone = true;
    for (auto& [id, t] : targets) {
      if (t.phase == Phase::Done) continue;
      if (cancel && cancel->load()) {
        finish(t, "failed", "cancelled in state " + t.lastState);
        continue;
      }
      if (now - t.startUs > static_cast<int64_t>(d.options.deviceTimeoutS * 1e6)) {
        finish(t, "failed", "timed out in state " + t.lastState);
        continue;
      }
      allDone = false;
      if (reconnected && d.client->is_connected()) {
        sendManifest(t);
        continue;
      }
      if (t.phase == Phase::Sending) {
        while (t.inflight < d.options.window && !t.queue.empty() && budgetAllows() &&
               (pacingUs == 0 || util::monotonicUs() >= nextChunkUs)) {
          const int i = t.queue.front();
          if (t.acked[static_cast<size_t>(i)]) {
            t.queue.pop_front();
            continue;
          }
          const size_t offset = static_cast<size_t>(i) * static_cast<size_t>(manifest.chunkSize);
          const size_t size = static_cast<size_t>(manifest.chunkBytes(i));
          const char* data = artifact.data() + offset;
          if (i == d.options.corruptChunk) {
            corrupted.assign(data, size);
            corrupted[size / 2] = static_cast<char>(corrupted[size / 2] ^ 0x5a);
            data = corrupted.data();
          }
          const std::string topic = "edgewise/" + t.outcome.device + "/deploy/chunk/" +
                                    manifest.deployment + "/" + std::to_string(i);
          if (!publishChunk(topic, data, size)) break;
          t.queue.pop_front();
          nextChunkUs = util::monotonicUs() + pacingUs;
          ++t.inflight;
          ++t.outcome.chunksSent;
        }
        if (t.queue.empty() && t.inflight == 0) t.phase = Phase::AwaitFinal;
      }
      if (now - t.lastHeardUs > static_cast<int64_t>(d.options.idleResendS * 1e6)) {
        sendManifest(t);
      }
    }
    if (allDone) break;
  }

  std::vector<DeviceOutcome> out;
  for (const auto& id : devices) out.push_back(targets.at(id).outcome);
  return out;
}

Result<std::vector<DeviceInfo>> discoverDevices(const std::string& brokerUrl, double waitS) {
  std::mutex mutex;
  std::map<std::string, DeviceInfo> found;
  try {
    mqtt::async_client client(brokerUrl, "edgewise-discover-" + std::to_string(::getpid()));
    client.set_message_callback([&](mqtt::const_message_ptr msg) {
      std::string device, kind;
      if (!splitTopic(msg->get_topic(), &device, &kind) || kind != "status") return;
      const json j = json::parse(msg->get_payload_str(), nullptr, false);
      if (!j.is_object()) return;
      DeviceInfo info;
      info.id = device;
      info.online = j.value("state", std::string()) == "online";
      info.agentVersion = j.value("agent_version", std::string());
      PublicKey key{};
      if (j.contains("public_key") && j["public_key"].is_string() &&
          publicKeyFromHex(j["public_key"].get<std::string>(), &key))
        info.publicKey = toHex(key.data(), key.size());
      if (j.contains("model")) info.modelJson = j["model"].dump();
      std::lock_guard<std::mutex> lock(mutex);
      found[device] = info;
    });
    auto opts = mqtt::connect_options_builder()
                    .clean_session(true)
                    .connect_timeout(std::chrono::seconds(5))
                    .finalize();
    client.connect(opts)->wait_for(std::chrono::seconds(6));
    if (!client.is_connected()) return Error("cannot reach " + brokerUrl, "discovering devices");
    client.subscribe("edgewise/+/status", 1)->wait_for(std::chrono::seconds(5));
    std::this_thread::sleep_for(std::chrono::milliseconds(static_cast<int>(waitS * 1000)));
    client.disconnect()->wait_for(std::chrono::seconds(3));
  } catch (const mqtt::exception& e) {
    return Error(std::string("cannot reach ") + brokerUrl + ": " + e.what(), "discovering devices");
  }
  std::lock_guard<std::mutex> lock(mutex);
  std::vector<DeviceInfo> out;
  for (auto& [id, info] : found) out.push_back(info);
  return out;
}

std::vector<std::string> selectDevices(const std::string& selector,
                                       const std::vector<DeviceInfo>& known,
                                       std::vector<std::string>* missing) {
  std::set<std::string> chosen;
  size_t start = 0;
  while (start <= selector.size()) {
    size_t end = selector.find(',', start);
    if (end == std::string::npos) end = selector.size();
    std::string item = selector.substr(start, end - start);
    item.erase(0, item.find_first_not_of(" \t"));
    item.erase(item.find_last_not_of(" \t") + 1);
    start = end + 1;
    if (item.empty()) continue;
    const bool glob = item.find_first_of("*?[") != std::string::npos;
    bool matched = false;
    for (const auto& d : known) {
      const bool hit = glob ? ::fnmatch(item.c_str(), d.id.c_str(), 0) == 0 : d.id == item;
      if (hit && d.online) {
        chosen.insert(d.id);
        matched = true;
      }
    }
    if (!glob && !matched && missing) missing->push_back(item);
  }
  return {chosen.begin(), chosen.end()};
}

size_t canaryCount(double canaryPercent, size_t n) {
  if (!(canaryPercent > 0) || canaryPercent >= 100 || n == 0) return n;
  const auto c = static_cast<size_t>(std::ceil(canaryPercent / 100.0 * static_cast<double>(n)));
  return std::clamp<size_t>(c, 1, n);
}

bool isFailedOutcome(const std::string& state) {
  return state == "refused" || state == "failed" || state == "rolled_back" || state == "unverified";
}

bool isFinalOutcome(const std::string& state) {
  return state == "succeeded" || state == "skipped" || isFailedOutcome(state);
}

void countOutcomes(RolloutReport& report) {
  report.succeeded = report.rolledBack = report.refused = report.skipped = report.failed = 0;
  report.unverified = 0;
  for (const auto& o : report.devices) {
    if (o.state == "succeeded")
      ++report.succeeded;
    else if (o.state == "rolled_back")
      ++report.rolledBack;
    else if (o.state == "refused")
      ++report.refused;
    else if (o.state == "skipped")
      ++report.skipped;
    else if (o.state == "unverified")
      ++report.unverified;
    else
      ++report.failed;
  }
  report.targeted = static_cast<int>(report.devices.size());
}

RolloutReport runRollout(Deployer& deployer, const Manifest& manifest,
                         const std::string& manifestJson, const std::string& artifact,
                         const std::vector<std::string>& targets,
                         std::vector<DeviceOutcome> skipped, const RolloutOptions& options) {
  RolloutReport report;
  report.deployment = manifest.deployment;
  const int64_t t0 = util::monotonicUs();
  const size_t canary = canaryCount(options.canaryPercent, targets.size());
  const std::vector<std::string> first(targets.begin(), targets.begin() + canary);
  const std::vector<std::string> rest(targets.begin() + canary, targets.end());
  auto outcomes = deployer.run(manifest, manifestJson, artifact, first);
  if (!rest.empty()) {
    const auto failures = std::count_if(outcomes.begin(), outcomes.end(),
                                        [](const auto& o) { return o.state != "succeeded"; });
    const double failurePct = 100.0 * static_cast<double>(failures) /
                              static_cast<double>(std::max<size_t>(1, first.size()));
    if (failurePct > options.maxFailurePercent) {
      report.halted = true;
      for (const auto& id : rest) {
        DeviceOutcome o;
        o.device = id;
        o.state = "skipped";
        o.reason = "halted after canary: " + std::to_string(failures) + " of " +
                   std::to_string(first.size()) + " failed";
        skipped.push_back(o);
      }
    } else {
      auto more = deployer.run(manifest, manifestJson, artifact, rest);
      outcomes.insert(outcomes.end(), more.begin(), more.end());
    }
  }
  outcomes.insert(outcomes.end(), skipped.begin(), skipped.end());
  report.devices = std::move(outcomes);
  countOutcomes(report);
  report.seconds = static_cast<double>(util::monotonicUs() - t0) / 1e6;
  return report;
}

std::string rolloutJson(const RolloutReport& r) {
  json devices = json::array();
  for (const auto& o : r.devices) {
    devices.push_back({{"device", o.device},
                       {"state", o.state},
                       {"reason", o.reason},
                       {"signature", o.signature},
                       {"model", json::parse(o.modelJson, nullptr, false)},
                       {"seconds", o.seconds},
                       {"chunks_sent", o.chunksSent},
                       {"manifests_sent", o.manifestsSent}});
  }
  const json j = {{"deployment", r.deployment},
                  {"halted", r.halted},
                  {"devices", devices},
                  {"totals",
                   {{"targeted", r.targeted},
                    {"succeeded", r.succeeded},
                    {"rolled_back", r.rolledBack},
                    {"refused", r.refused},
                    {"failed", r.failed},
                    {"unverified", r.unverified},
                    {"skipped", r.skipped},
                    {"seconds", r.seconds}}}};
  return j.dump();
}

}  // namespace edgewise::deploy
