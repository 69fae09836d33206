#include "core/inventory/fleet_monitor.h"

#include <unistd.h>

#include <mqtt/async_client.h>
#include <condition_variable>
#include <nlohmann/json.hpp>

#include "core/deploy/state_signature.h"
#include "core/store/project.h"
#include "core/util/clock.h"

namespace edgewise::inventory {

using json = nlohmann::json;

namespace {

std::atomic<int> g_clientCounter{0};

std::optional<double> optNumber(const json& j, const char* key) {
  if (!j.is_object() || !j.contains(key) || !j[key].is_number()) return std::nullopt;
  return j[key].get<double>();
}

// edgewise/<device>/<kind>
bool splitTopic(const std::string& topic, std::string* device, std::string* kind) {
  const std::string prefix = "edgewise/";
  if (topic.compare(0, prefix.size(), prefix) != 0) return false;
  const size_t slash = topic.find('/', prefix.size());
  if (slash == std::string::npos) return false;
  *device = topic.substr(prefix.size(), slash - prefix.size());
  *kind = topic.substr(slash + 1);
  return !device->empty();
}

}  // namespace

Result<DeviceRecord> parseStatus(const std::string& device, const std::string& payload,
                                 bool* online) {
  const json j = json::parse(payload, nullptr, false);
  if (!j.is_object()) return Error("status is not a JSON object", "status of " + device);
  DeviceRecord r;
  r.id = device;
  const std::string state = j.value("state", std::string());
  if (state != "online" && state != "offline")
    return Error("status has no state online/offline", "status of " + device);
  if (online) *online = state == "online";
  if (j.contains("agent_version") && j["agent_version"].is_string())
    r.agentVersion = j["agent_version"].get<std::string>();
  if (j.contains("device_class") && j["device_class"].is_string())
    r.deviceClass = j["device_class"].get<std::string>();
  if (j.contains("tags") && j["tags"].is_array()) r.tags = tagsFromJson(j["tags"].dump());
  if (j.contains("hardware") && j["hardware"].is_object()) r.hardwareJson = j["hardware"].dump();
  if (j.contains("model")) r.modelJson = j["model"].dump();
  deploy::PublicKey key{};
  if (j.contains("public_key") && j["public_key"].is_string() &&
      deploy::publicKeyFromHex(j["public_key"].get<std::string>(), &key))
    r.publicKey = deploy::toHex(key.data(), key.size());
  r.lastSeenUs = util::wallClockUs();
  r.firstSeenUs = r.lastSeenUs;
  return r;
}

Result<TelemetryRow> parseTelemetry(const std::string& device, const std::string& payload) {
  const json j = json::parse(payload, nullptr, false);
  if (!j.is_object()) return Error("heartbeat is not a JSON object", "telemetry of " + device);
  TelemetryRow t;
  t.deviceId = device;
  const auto ts = optNumber(j, "ts");
  t.tsUs = ts ? static_cast<int64_t>(*ts) : util::wallClockUs();
  if (j.contains("model_sha256") && j["model_sha256"].is_string())
    t.modelSha256 = j["model_sha256"].get<std::string>();
  t.cpuPct = optNumber(j, "cpu_pct");
  if (auto rss = optNumber(j, "rss_kb")) t.rssKb = static_cast<int64_t>(*rss);
  if (j.contains("latency_us")) {
    // No window classified in the interval (no model, or a model the stream does not fit):
    // the agent sends zeros, which are no latency at all, so they stay empty here.
    const auto n = optNumber(j["latency_us"], "n");
    if (!n || *n > 0) {
      t.latencyP50Us = optNumber(j["latency_us"], "p50");
      t.latencyP99Us = optNumber(j["latency_us"], "p99");
    }
  }
  t.predictionsPerS = optNumber(j, "predictions_per_s");
  if (auto q = optNumber(j, "queue_depth")) t.queueDepth = static_cast<int64_t>(*q);
  if (j.contains("stages_us") && j["stages_us"].is_object()) t.stagesJson = j["stages_us"].dump();
  return t;
}

struct FleetMonitor::Impl {
  FleetMonitorOptions options;
  FleetMonitor* owner = nullptr;
  std::unique_ptr<mqtt::async_client> client;

  std::mutex queueMutex;
  std::vector<std::pair<std::string, std::string>> queue;  // topic, payload
  std::condition_variable wake;

  mutable std::mutex stateMutex;
  std::map<std::string, LiveDevice> devices;
  std::string lastError;

  std::mutex passMutex;  // one worker pass at a time (worker thread or flushNow)
  std::unique_ptr<store::Project> project;
  bool projectFailed = false;

  std::atomic<bool> stopping{false};
  std::thread worker;

  void setError(const std::string& e) {
    std::lock_guard<std::mutex> lock(stateMutex);
    lastError = e;
  }

  void pass() {
    std::lock_guard<std::mutex> passLock(passMutex);
    std::vector<std::pair<std::string, std::string>> batch;
    {
      std::lock_guard<std::mutex> lock(queueMutex);
      batch.swap(queue);
    }
    std::vector<DeviceRecord> seen;
    std::vector<TelemetryRow> rows;
    bool changed = false;
    const int64_t now = util::wallClockUs();
    {
      std::lock_guard<std::mutex> lock(stateMutex);
      for (const auto& [topic, payload] : batch) {
        std::string device, kind;
        if (!splitTopic(topic, &device, &kind)) continue;
        if (kind == "status") {
          if (payload.empty()) {  // a cleared retained status: the device was removed
            changed = devices.erase(device) > 0 || changed;
            continue;
          }
          bool online = false;
          auto r = parseStatus(device, payload, &online);
          if (!r) {
            owner->m_bad.fetch_add(1);
            lastError = r.error().toString();
            continue;
          }
          LiveDevice& d = devices[device];
          d.record = *r;
          d.online = online;
          d.offlineReason = online ? std::string() : std::string("offline (last will or stopped)");
          d.lastHeardUs = now;
          seen.push_back(*r);
          changed = true;
        } else if (kind == "telemetry") {
          auto t = parseTelemetry(device, payload);
          if (!t) {
            owner->m_bad.fetch_add(1);
            lastError = t.error().toString();
            continue;
          }
          LiveDevice& d = devices[device];
          if (d.record.id.empty()) d.record.id = device;
          d.telemetry = *t;
          d.heartbeats = true;
          d.lastHeardUs = now;
          // A heartbeat proves the device is alive, unless its last status said offline
          // and no new status came (a late heartbeat of a stopped device).
          if (!d.online && d.offlineReason.rfind("silent", 0) == 0) {
            d.online = true;
            d.offlineReason.clear();
          }
          rows.push_back(*t);
          changed = true;
        }
      }
      const int64_t silenceUs = static_cast<int64_t>(options.keepAliveS * 1.5 * 1e6);
      for (auto& [id, d] : devices) {
        if (d.online && d.heartbeats && now - d.lastHeardUs > silenceUs) {
          d.online = false;
          d.offlineReason = "silent for " + std::to_string((now - d.lastHeardUs) / 1000000) + " s";
          changed = true;
        }
      }
    }
    if (changed) owner->m_generation.fetch_add(1);
    if (options.projectPath.empty() || (seen.empty() && rows.empty())) return;
    if (!project && !projectFailed) {
      auto p = store::Project::open(options.projectPath, store::OpenMode::OpenExisting);
      if (!p) {
        projectFailed = true;
        setError(p.error().toString());
        return;
      }
      project = std::move(*p);
    }
    if (!project) return;
    InventoryRepository repo(*project);
    auto written = project->transaction([&]() -> Result<void> {
      for (const auto& d : seen) EW_TRY(repo.upsertDevice(d));
      // A heartbeat of a device never seen in a status still needs its devices row.
      for (const auto& t : rows) {
        DeviceRecord r;
        r.id = t.deviceId;
        r.lastSeenUs = t.tsUs;
        r.firstSeenUs = t.tsUs;
        auto existing = repo.device(t.deviceId);
        if (existing && *existing) {
          r = **existing;
          r.lastSeenUs = std::max(r.lastSeenUs, now);
          r.deviceClass.clear();
          r.tags.clear();
          r.hardwareJson = "{}";
          r.publicKey.clear();  // a heartbeat announces no key: the pinned one stays as is
        }
        EW_TRY(repo.upsertDevice(r));
      }
      return repo.insertTelemetry(rows);
    });
    if (!written)
      setError(written.error().toString());
    else
      owner->m_generation.fetch_add(1);
  }
};

FleetMonitor::FleetMonitor(FleetMonitorOptions options) : m_impl(std::make_unique<Impl>()) {
  m_impl->options = std::move(options);
  m_impl->owner = this;
}

FleetMonitor::~FleetMonitor() {
  stop();
}

Result<void> FleetMonitor::start() {
  Impl& d = *m_impl;
  if (d.client) return okResult();
  std::string id = d.options.clientId;
  if (id.empty())
    id = "edgewise-fleet-" + std::to_string(::getpid()) + "-" +
         std::to_string(g_clientCounter.fetch_add(1));
  try {
    d.client = std::make_unique<mqtt::async_client>(d.options.brokerUrl, id);
    d.client->set_message_callback([&d](mqtt::const_message_ptr msg) {
      // Paho's thread: copy and queue only (ARCHITECTURE threading rule 1).
      {
        std::lock_guard<std::mutex> lock(d.queueMutex);
        d.queue.emplace_back(msg->get_topic(), msg->get_payload_str());
      }
    });
    d.client->set_connected_handler([&d](const std::string&) {
      try {
        d.client->subscribe("edgewise/+/status", 1);
        d.client->subscribe("edgewise/+/telemetry", 0);
      } catch (const mqtt::exception& e) {
        d.setError(std::string("subscribing again failed: ") + e.what());
      }
    });
    auto opts = mqtt::connect_options_builder()
                    .clean_session(true)
                    .automatic_reconnect(std::chrono::seconds(1), std::chrono::seconds(8))
                    .connect_timeout(std::chrono::seconds(5))
                    .keep_alive_interval(std::chrono::seconds(20))
                    .finalize();
    d.client->connect(opts)->wait_for(std::chrono::seconds(6));
    if (!d.client->is_connected()) {
      d.client.reset();
      return Error("cannot reach " + d.options.brokerUrl, "fleet inventory");
    }
    d.client->subscribe("edgewise/+/status", 1)->wait_for(std::chrono::seconds(5));
    d.client->subscribe("edgewise/+/telemetry", 0)->wait_for(std::chrono::seconds(5));
  } catch (const mqtt::exception& e) {
    d.client.reset();
    return Error("cannot reach " + d.options.brokerUrl + ": " + e.what(), "fleet inventory");
  }
  d.stopping = false;
  d.worker = std::thread([&d] {
    while (!d.stopping.load()) {
      {
        std::unique_lock<std::mutex> lock(d.queueMutex);
        d.wake.wait_for(lock, std::chrono::milliseconds(d.options.flushMs),
                        [&d] { return d.stopping.load(); });
      }
      d.pass();
    }
  });
  return okResult();
}

void FleetMonitor::stop() {
  Impl& d = *m_impl;
  if (d.worker.joinable()) {
    d.stopping = true;
    d.wake.notify_all();
    d.worker.join();
  }
  if (d.client) {
    try {
      if (d.client->is_connected()) d.client->disconnect()->wait_for(std::chrono::seconds(3));
    } catch (const mqtt::exception& e) {
      d.setError(std::string("disconnecting: ") + e.what());
    }
    d.client.reset();
  }
  std::lock_guard<std::mutex> lock(d.passMutex);
  d.project.reset();
}

bool FleetMonitor::isConnected() const {
  return m_impl->client && m_impl->client->is_connected();
}

std::vector<LiveDevice> FleetMonitor::snapshot() const {
  std::lock_guard<std::mutex> lock(m_impl->stateMutex);
  std::vector<LiveDevice> out;
  out.reserve(m_impl->devices.size());
  for (const auto& [id, d] : m_impl->devices) out.push_back(d);
  return out;
}

std::optional<LiveDevice> FleetMonitor::device(const std::string& id) const {
  std::lock_guard<std::mutex> lock(m_impl->stateMutex);
  const auto it = m_impl->devices.find(id);
  if (it == m_impl->devices.end()) return std::nullopt;
  return it->second;
}

std::string FleetMonitor::lastError() const {
  std::lock_guard<std::mutex> lock(m_impl->stateMutex);
  return m_impl->lastError;
}

void FleetMonitor::flushNow() {
  m_impl->pass();
}

}  // namespace edgewise::inventory
