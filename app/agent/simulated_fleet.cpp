#include "app/agent/simulated_fleet.h"

#include <sys/resource.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <mqtt/async_client.h>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "app/agent/deploy_participant.h"
#include "app/agent/device_inference.h"
#include "app/agent/sensor_source.h"
#include "core/deploy/manifest.h"
#include "core/fleet/audio_simulator.h"
#include "core/fleet/camera_simulator.h"
#include "core/fleet/imu_simulator.h"
#include "core/fleet/payload_encoder.h"
#include "core/util/clock.h"

namespace edgewise::agent {

namespace {

constexpr int64_t kProgressEveryUs = 5'000'000;
// A client down this long while other devices are connected is replaced (automatic
// reconnect retries every 1..4 s, so a healthy one is back well before).
constexpr int64_t kStuckAfterUs = 15'000'000;
constexpr int64_t kStuckCheckEveryUs = 1'000'000;
constexpr int kConnectTimeoutS = 10;
constexpr int64_t kDrainTimeoutUs = 10'000'000;
constexpr int64_t kStatusTimeoutUs = 5'000'000;
constexpr int64_t kUnreachableUs = 3'000'000;
// Messages a client holds while the broker is away (a restart of several seconds at
// 10 msg/s per device fits many times over); nothing may be dropped.
constexpr int kMaxBufferedMessages = 100'000;
// QoS 1/2 messages in flight per client before Paho queues further publishes.
constexpr int kMaxInflight = 1000;

// Counts publishes the broker acknowledged (QoS 1/2) or that were written (QoS 0). Runs on
// Paho's threads, so it only touches atomics.
class DeliveryCounter : public mqtt::iaction_listener {
 public:
  std::atomic<int64_t> acked{0};
  std::atomic<int64_t> failed{0};

  void on_success(const mqtt::token&) override { acked.fetch_add(1, std::memory_order_relaxed); }
  void on_failure(const mqtt::token&) override { failed.fetch_add(1, std::memory_order_relaxed); }
};

void raiseFileLimit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
  if (limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &limit) != 0) {
      std::fprintf(stderr, "edgewise-agent: warning: could not raise the open-file limit\n");
    }
  }
}

int64_t memTotalMb() {
  std::ifstream in("/proc/meminfo");
  std::string key;
  int64_t kb = 0;
  while (in >> key >> kb) {
    if (key == "MemTotal:") return kb / 1024;
    in.ignore(256, '\n');
  }
  return 0;
}

int64_t rssKb() {
  std::ifstream in("/proc/self/statm");
  int64_t size = 0, resident = 0;
  in >> size >> resident;
  return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

int64_t processCpuUs() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return (static_cast<int64_t>(u.ru_utime.tv_sec) + u.ru_stime.tv_sec) * 1'000'000 +
         u.ru_utime.tv_usec + u.ru_stime.tv_usec;
}

}  // namespace

struct SimulatedDevice {
  int index = 0;
  std::string id;
  mqtt::string_ref dataTopic;
  std::string statusTopic;
  std::unique_ptr<mqtt::async_client> client;
  DeliveryCounter deliveries;
  std::atomic<int> connects{0};
  std::atomic<int> connectionLosses{0};

  std::unique_ptr<fleet::ImuSimulator> imu;
  std::unique_ptr<fleet::CameraSimulator> camera;
  std::unique_ptr<fleet::AudioSimulator> audio;
  // A real sensor stream instead of a simulator (--source): nothing is published on the data
  // topic, the samples only feed the device's inference.
  std::unique_ptr<SensorSource> source;

  // Commands (edgewise/<id>/cmd) queued by Paho's thread, applied by the scheduler.
  std::mutex commandMutex;
  std::vector<std::string> commands;

  int64_t offsetUs = 0;  // staggers devices over one message period
  int64_t nextSeq = 0;   // seq of the next message to generate
  int64_t published = 0;

  // A generated message the client has not accepted yet (kept and retried so that seq
  // numbers stay contiguous).
  bool hasPending = false;
  int64_t pendingSeq = 0;
  int64_t pendingTsUs = 0;
  fleet::Activity pendingActivity = fleet::Activity::Idle;
  std::vector<float> pendingSamples;
  std::string pendingPayload;  // camera and audio: encoded once

  // Replacing a client stuck in a reconnect loop (replaceStuckClients): how to make one like
  // it, the handlers to put on it, since when it is down while others are up, and the old
  // clients, kept alive on purpose (see there).
  mqtt::create_options createOptions;
  mqtt::connect_options connectOptions;
  std::function<void(mqtt::async_client&)> wire;
  int64_t downSinceUs = 0;
  std::atomic<int> replacements{0};
  std::vector<std::unique_ptr<mqtt::async_client>> retired;
};

std::string SimulatedFleet::statusPayload(const SimulatedDevice& d, const char* state) const {
  fleet::DeviceStatus status{
      d.id, state, m_agentVersion, sensorLabel(), m_options.rateHz, util::wallClockUs()};
  status.deviceClass = m_options.deviceClass;
  status.tags = &m_options.tags;
  status.arch = m_arch;
  status.cores = m_cores;
  status.ramMb = m_ramMb;
  status.os = m_os;
  std::string json = fleet::encodeStatusJson(status);
  if (m_deploy && !json.empty() && json.back() == '}') {
    json.pop_back();
    json += R"(,"model":)" + m_deploy->modelJson(d.index) + m_deploy->identityJson(d.index) + "}";
  }
  return json;
}

std::string SimulatedFleet::sensorLabel() const {
  return m_options.source.empty() ? sensorName(m_options.sensor) : m_options.source;
}

void SimulatedFleet::drainSource(SimulatedDevice& d) {
  if (!m_inference) return;
  // Small pieces, and only while the lane keeps up: a CSV piped in as fast as it can be read
  // is classified window by window instead of dropping windows (the reader blocks meanwhile).
  constexpr int kPiece = 16;
  SensorBatch batch;
  for (int n = 0; n < 1000 && m_inference->queuedWindows(d.index) < 2; ++n) {
    if (!d.source->take(batch, kPiece)) return;
    m_inference->onStream(d.index, batch.channels, batch.samples.data(), batch.count(), batch.tsUs);
  }
}

void SimulatedFleet::republishStatus(int index) {
  SimulatedDevice& d = *m_devices[static_cast<size_t>(index)];
  const std::string online = statusPayload(d, "online");
  try {
    d.client->publish(d.statusTopic, online.data(), online.size(), 1, true);
  } catch (const mqtt::exception& e) {
    std::fprintf(stderr, "edgewise-agent: %s: status not published: %s\n", d.id.c_str(), e.what());
  }
}

void SimulatedFleet::modelChanged(int index) {
  if (m_inference && m_deploy) {
    std::string manifestJson;
    auto model = m_deploy->runningModel(index, &manifestJson);
    auto manifest = deploy::parseManifest(manifestJson);
    m_inference->setModel(index, std::move(model), manifest ? &*manifest : nullptr);
  }
  republishStatus(index);
}

SimulatedFleet::SimulatedFleet(AgentOptions options, std::string agentVersion)
    : m_options(std::move(options)), m_agentVersion(std::move(agentVersion)) {
  utsname u{};
  if (uname(&u) == 0) {
    m_arch = u.machine;
    m_os = std::string(u.sysname) + " " + u.release;
  }
  m_cores = static_cast<int>(std::thread::hardware_concurrency());
  m_ramMb = m_options.ramMb > 0 ? m_options.ramMb : memTotalMb();
  m_driftApplied.assign(m_options.drifts.size(), false);
}

SimulatedFleet::~SimulatedFleet() {
  // Clients must be disconnected before their listeners (members of the device) go away.
  shutdown();
}

Result<void> SimulatedFleet::connectAll() {
  raiseFileLimit();
  const std::string sensor = sensorLabel();
  const int64_t periodUs = std::llround(m_options.messagePeriodS() * 1e6);
  const int64_t connectWallUs = util::wallClockUs();

  m_devices.reserve(static_cast<size_t>(m_options.count));
  if (m_deploy) {
    DeviceInference::Options io;
    io.sensorRateHz = m_options.rateHz;
    io.imuStream = m_options.sensor == SensorKind::Imu;
    io.predictEveryS = m_options.predictEveryS;
    io.stateDir = m_options.stateDir;
    io.keptWindows = m_options.keepWindows;
    io.hasTruth = m_options.source.empty();
    m_inference = std::make_unique<DeviceInference>(io);
  }
  std::vector<mqtt::token_ptr> tokens;
  tokens.reserve(static_cast<size_t>(m_options.count));
  try {
    const auto createOptions = mqtt::create_options_builder()
                                   .send_while_disconnected(true)
                                   .max_buffered_messages(kMaxBufferedMessages)
                                   .delete_oldest_messages(false)
                                   .finalize();
    for (int i = 0; i < m_options.count; ++i) {
      auto d = std::make_unique<SimulatedDevice>();
      d->index = i;
      d->id = m_options.deviceId(i);
      d->dataTopic = mqtt::string_ref("edgewise/" + d->id + "/" + sensor);
      d->statusTopic = "edgewise/" + d->id + "/status";
      d->offsetUs = periodUs * i / m_options.count;
      if (!m_options.source.empty()) {
        d->source = makeSensorSource(m_options.source, m_options.sourceTopic, m_options.rateHz);
      } else {
        switch (m_options.sensor) {
          case SensorKind::Imu:
            d->imu = std::make_unique<fleet::ImuSimulator>(i, m_options.seed, m_options.rateHz);
            break;
          case SensorKind::Camera:
            d->camera = std::make_unique<fleet::CameraSimulator>(i, m_options.seed, d->id);
            break;
          case SensorKind::Audio:
            d->audio = std::make_unique<fleet::AudioSimulator>(i, m_options.seed, m_options.rateHz);
            break;
        }
      }
      d->client = std::make_unique<mqtt::async_client>(m_options.brokerUrl, d->id, createOptions);

      const std::string offline = fleet::encodeStatusJson(
          {d->id, "offline", m_agentVersion, sensor, m_options.rateHz, connectWallUs});
      const auto connectOptions =
          mqtt::connect_options_builder()
              .keep_alive_interval(std::chrono::seconds(m_options.keepAliveS))
              // A persistent session: QoS 1 messages in flight when the broker goes away are
              // resent after the automatic reconnect instead of being dropped.
              .clean_session(false)
              .automatic_reconnect(std::chrono::seconds(1), std::chrono::seconds(4))
              .max_inflight(kMaxInflight)
              .connect_timeout(std::chrono::seconds(kConnectTimeoutS))
              .will(mqtt::message(d->statusTopic, offline, 1, true))
              .finalize();

      SimulatedDevice* raw = d.get();
      raw->createOptions = createOptions;
      raw->connectOptions = connectOptions;
      if (m_deploy) {
        if (auto added = m_deploy->addDevice(d->id, d->client.get()); !added) {
          return added.error().wrap("opening the model slot of " + d->id);
        }
        m_inference->addDevice(d->id, d->client.get());
        {
          std::string manifestJson;
          auto model = m_deploy->runningModel(i, &manifestJson);
          auto manifest = deploy::parseManifest(manifestJson);
          if (model) m_inference->setModel(i, std::move(model), manifest ? &*manifest : nullptr);
        }
      }
      // The handlers of this device's client, now and on a replacement (replaceStuckClients).
      raw->wire = [this, raw, i](mqtt::async_client& client) {
        if (m_deploy) {
          // Paho's thread: only route and queue. Deployments go to the deploy lanes, feedback
          // to the inference lanes, commands to the scheduler.
          const std::string feedbackTopic = "edgewise/" + raw->id + "/feedback";
          const std::string cmdTopic = "edgewise/" + raw->id + "/cmd";
          client.set_message_callback(
              [this, i, raw, feedbackTopic, cmdTopic](mqtt::const_message_ptr msg) {
                const std::string& topic = msg->get_topic();
                if (raw->source && topic == raw->source->topic()) {
                  raw->source->onMessage(msg->get_payload_str());
                } else if (topic == feedbackTopic) {
                  m_inference->onFeedback(i, msg->get_payload_str());
                } else if (topic == cmdTopic) {
                  std::lock_guard<std::mutex> lock(raw->commandMutex);
                  raw->commands.push_back(msg->get_payload_str());
                } else {
                  m_deploy->onMessage(i, topic, msg->get_payload_str());
                }
              });
        }
        // After a reconnect the broker may have published the last will (or lost retained
        // messages in a restart): say "online" again. Runs on Paho's thread; publish is
        // thread-safe and does not block.
        // `client` (not raw->client, which a replacement changes) is the one that connected.
        client.set_connected_handler([this, raw, &client](const std::string&) {
          // Subscribe on every connect: a restarted broker forgets subscriptions.
          if (m_deploy) m_deploy->onConnected(raw->index);
          if (m_inference) {
            try {
              client.subscribe("edgewise/" + raw->id + "/feedback", 1);
              client.subscribe("edgewise/" + raw->id + "/cmd", 1);
              if (raw->source && !raw->source->topic().empty())
                client.subscribe(raw->source->topic(), 0);
            } catch (const mqtt::exception& e) {
              std::fprintf(stderr, "edgewise-agent: %s: cannot subscribe to feedback/cmd: %s\n",
                           raw->id.c_str(), e.what());
            }
          }
          if (raw->connects.fetch_add(1) == 0) return;
          const std::string online = statusPayload(*raw, "online");
          try {
            client.publish(raw->statusTopic, online.data(), online.size(), 1, true);
          } catch (const mqtt::exception& e) {
            std::fprintf(stderr, "edgewise-agent: %s: re-publishing online status failed: %s\n",
                         raw->id.c_str(), e.what());
          }
        });
        client.set_connection_lost_handler(
            [raw](const std::string&) { raw->connectionLosses.fetch_add(1); });
      };
      raw->wire(*d->client);
      tokens.push_back(d->client->connect(connectOptions));
      m_devices.push_back(std::move(d));
    }
  } catch (const mqtt::exception& e) {
    return Error(
        std::string("cannot create MQTT clients for ") + m_options.brokerUrl + ": " + e.what(),
        "connecting");
  }

  // All connects are in flight at once; now collect them against one deadline.
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(kConnectTimeoutS + 2);
  int failed = 0;
  std::string firstError;
  for (size_t i = 0; i < tokens.size(); ++i) {
    try {
      const auto left = std::max(deadline - std::chrono::steady_clock::now(),
                                 std::chrono::steady_clock::duration::zero());
      if (!tokens[i]->wait_for(std::chrono::duration_cast<std::chrono::milliseconds>(left))) {
        ++failed;
        if (firstError.empty()) firstError = "timed out";
      }
    } catch (const mqtt::exception& e) {
      ++failed;
      if (firstError.empty()) firstError = e.what();
    }
  }
  if (failed > 0) {
    return Error("cannot reach the MQTT broker at " + m_options.brokerUrl + " (" +
                     std::to_string(failed) + " of " + std::to_string(tokens.size()) +
                     " devices failed to connect: " + firstError +
                     "); is the broker running and the URL right?",
                 "connecting");
  }

  std::vector<mqtt::delivery_token_ptr> statusTokens;
  statusTokens.reserve(m_devices.size());
  try {
    for (auto& d : m_devices) {
      const std::string online = statusPayload(*d, "online");
      statusTokens.push_back(
          d->client->publish(d->statusTopic, online.data(), online.size(), 1, true));
    }
    for (auto& t : statusTokens) t->wait_for(std::chrono::seconds(10));
  } catch (const mqtt::exception& e) {
    return Error(std::string("publishing the online status failed: ") + e.what(),
                 "connecting to " + m_options.brokerUrl);
  }
  // Test hook (tests/deploy, AClientStuckInAMalformedPacketLoopIsReplaced): this device
  // publishes one QoS 1 message with an empty topic. Mosquitto drops the connection for it
  // ("malformed packet") and the persistent session resends it after every reconnect: the
  // loop that Paho's freed publication causes after broker restarts, made deterministic.
  if (const char* poisoned = std::getenv("EDGEWISE_AGENT_TEST_POISON_SESSION")) {
    for (auto& d : m_devices) {
      if (d->id != poisoned) continue;
      try {
        d->client->publish(std::string(), "x", 1, 1, false);
      } catch (const mqtt::exception& e) {
        std::fprintf(stderr, "edgewise-agent: test hook: %s\n", e.what());
      }
    }
  }
  std::fprintf(stderr, "edgewise-agent: %d %s devices connected to %s\n", m_options.count,
               sensor.c_str(), m_options.brokerUrl.c_str());
  return {};
}

bool SimulatedFleet::publishDue(SimulatedDevice& d, int64_t elapsedUs) {
  if (d.source) return true;
  const double periodUs = m_options.messagePeriodS() * 1e6;
  const int k = m_options.samplesPerMessage;
  std::string payload;
  for (;;) {
    if (!d.hasPending) {
      const int64_t dueUs = d.offsetUs + std::llround(static_cast<double>(d.nextSeq) * periodUs);
      if (dueUs > elapsedUs) return true;
      d.hasPending = true;
      d.pendingSeq = d.nextSeq++;
      // The samples of a message were taken during the period before it is due, so a
      // message never carries samples from the future.
      d.pendingTsUs = m_startWallUs + dueUs - std::llround(periodUs);
      if (d.imu) {
        d.pendingActivity = d.imu->currentActivity();
        d.pendingSamples.resize(static_cast<size_t>(k) * fleet::kImuChannels);
        d.imu->nextInto(d.pendingSamples.data(), k);
        if (m_inference) {
          m_inference->onSamples(d.index, d.pendingSamples.data(), k, d.pendingTsUs,
                                 d.pendingActivity);
        }
      } else if (d.camera) {
        const double sceneT = static_cast<double>(d.pendingSeq) / m_options.rateHz;
        auto frame = d.camera->nextFrame(sceneT, m_options.imageFormat);
        if (frame) {
          d.pendingPayload.assign(frame->begin(), frame->end());
        } else {
          // Publish an empty message rather than skip a seq; the reason goes to stderr.
          std::fprintf(stderr, "edgewise-agent: %s\n", frame.error().toString().c_str());
          d.pendingPayload.clear();
        }
      } else {
        d.pendingPayload = d.audio->nextPcm16Le(k);
      }
    }

    // Back-pressure: Paho keeps one command queue for all clients and scans it per command,
    // so an unbounded backlog (slow broker, overloaded machine, broker restart) turns every
    // publish quadratic and stalls the whole fleet. Hold the message instead; it goes out,
    // with its seq, as soon as acknowledgements catch up.
    const int64_t outstanding = d.published - d.deliveries.acked.load(std::memory_order_relaxed) -
                                d.deliveries.failed.load(std::memory_order_relaxed);
    if (outstanding >= m_maxOutstanding) {
      ++m_heldBack;
      return false;
    }
    if (d.imu) {
      fleet::ImuMessage m;
      m.device = d.id;
      m.seq = d.pendingSeq;
      m.tsUs = d.pendingTsUs;
      m.pubUs = util::wallClockUs();
      m.rateHz = m_options.rateHz;
      m.activity = fleet::activityName(d.pendingActivity);
      m.samples = d.pendingSamples.data();
      m.sampleCount = k;
      fleet::encodeImu(m_options.format, m, payload);
    } else {
      payload = d.pendingPayload;
    }
    try {
      d.client->publish(mqtt::make_message(d.dataTopic, mqtt::binary_ref(std::move(payload)),
                                           m_options.qos, false),
                        nullptr, d.deliveries);
    } catch (const mqtt::exception& e) {
      // Buffer full or too many in flight: keep the message and try again next tick.
      ++m_retries;
      return false;
    }
    d.hasPending = false;
    d.pendingPayload.clear();
    ++d.published;
  }
}

void SimulatedFleet::run(const volatile std::sig_atomic_t* stopFlag) {
  m_maxOutstanding = m_options.maxUnacked;
  m_startMonoUs = util::monotonicUs();
  m_startWallUs = util::wallClockUs();
  const int64_t endUs = m_options.seconds > 0 ? std::llround(m_options.seconds * 1e6) : INT64_MAX;
  const int64_t tickUs = static_cast<int64_t>(m_options.tickMs) * 1000;
  int64_t nextTickUs = 0;
  int64_t nextProgressUs = kProgressEveryUs;
  if (m_inference) m_inference->start();
  for (auto& d : m_devices)
    if (d->source) d->source->start();
  m_lastCpuUs = processCpuUs();
  m_lastCpuWallUs = util::wallClockUs();
  const int64_t telemetryUs = std::llround(m_options.telemetryS * 1e6);
  m_nextTelemetryUs = telemetryUs;
  for (;;) {
    const int64_t elapsedUs = util::monotonicUs() - m_startMonoUs;
    if (stopFlag && *stopFlag) break;
    applyDueDrifts(static_cast<double>(elapsedUs) / 1e6);
    for (auto& d : m_devices) handleCommands(*d);
    for (auto& d : m_devices)
      if (d->source) drainSource(*d);
    if (m_inference && telemetryUs > 0 && elapsedUs >= m_nextTelemetryUs) {
      publishTelemetry();
      m_nextTelemetryUs += telemetryUs;
      if (m_nextTelemetryUs <= elapsedUs) m_nextTelemetryUs = elapsedUs + telemetryUs;
    }
    if (elapsedUs >= endUs) {
      // Everything due before the end goes out, even if it fell between the last two ticks.
      for (auto& d : m_devices) publishDue(*d, endUs - 1);
      break;
    }
    for (auto& d : m_devices) publishDue(*d, std::min(elapsedUs, endUs - 1));
    replaceStuckClients();
    if (elapsedUs >= nextProgressUs) {
      printProgress(elapsedUs);
      nextProgressUs += kProgressEveryUs;
    }
    // A fixed grid of ticks: a slow tick does not shift the later ones.
    nextTickUs += tickUs;
    const int64_t sleepUs = std::min(nextTickUs, endUs) - (util::monotonicUs() - m_startMonoUs);
    if (sleepUs > 0) {
      std::this_thread::sleep_for(std::chrono::microseconds(sleepUs));
    } else {
      nextTickUs = util::monotonicUs() - m_startMonoUs;
    }
  }
  m_elapsedS = static_cast<double>(util::monotonicUs() - m_startMonoUs) / 1e6;
  printProgress(std::llround(m_elapsedS * 1e6));
  // The inference lanes publish through the clients: stop them before the clients go.
  if (m_inference) m_inference->stop();
}

namespace {

// Applies one drift to a simulator; an error names what is wrong.
std::string applyDrift(fleet::ImuSimulator& imu, const DriftSpec& d) {
  if (d.kind == "bias" || d.kind == "gain") {
    const int c = fleet::imuChannelIndex(d.channel);
    if (c < 0) return "unknown channel '" + d.channel + "' (ax, ay, az, gx, gy, gz)";
    if (d.kind == "bias") {
      imu.injectBias(c, d.amount);
    } else {
      imu.injectGain(c, d.amount);
    }
    return {};
  }
  if (d.kind == "mix") {
    fleet::Activity a;
    if (!fleet::activityFromName(d.activity, &a)) return "unknown activity '" + d.activity + "'";
    if (!(d.amount >= 0 && d.amount <= 1)) return "the share must be in [0, 1]";
    imu.injectMix(a, d.amount);
    return {};
  }
  return "unknown drift kind '" + d.kind + "' (bias, gain, mix)";
}

// null, or {"bias":{"ax":2.0},"gain":{"gz":1.5},"mix":{"activity":"run","share":0.8}|null}.
std::string driftJson(const fleet::ImuDrift& drift) {
  if (!drift.active()) return "null";
  nlohmann::json bias = nlohmann::json::object();
  nlohmann::json gain = nlohmann::json::object();
  for (int c = 0; c < fleet::kImuChannels; ++c) {
    const std::string name(fleet::imuChannelName(c));
    if (drift.bias[static_cast<size_t>(c)] != 0) bias[name] = drift.bias[static_cast<size_t>(c)];
    if (drift.gain[static_cast<size_t>(c)] != 1) gain[name] = drift.gain[static_cast<size_t>(c)];
  }
  nlohmann::json mix = nullptr;
  if (drift.mixShare > 0) {
    mix = {{"activity", std::string(fleet::activityName(drift.mixActivity))},
           {"share", drift.mixShare}};
  }
  return nlohmann::json{{"bias", bias}, {"gain", gain}, {"mix", mix}}.dump();
}

}  // namespace

void SimulatedFleet::applyDueDrifts(double elapsedS) {
  for (size_t i = 0; i < m_options.drifts.size(); ++i) {
    if (m_driftApplied[i] || elapsedS < m_options.drifts[i].startS) continue;
    m_driftApplied[i] = true;
    for (auto& d : m_devices) {
      if (d->imu) applyDrift(*d->imu, m_options.drifts[i]);
    }
    std::fprintf(stderr, "edgewise-agent: %.1f s: injected drift %s %s%s %g\n", elapsedS,
                 m_options.drifts[i].kind.c_str(), m_options.drifts[i].channel.c_str(),
                 m_options.drifts[i].activity.c_str(), m_options.drifts[i].amount);
  }
}

void SimulatedFleet::handleCommands(SimulatedDevice& d) {
  std::vector<std::string> commands;
  {
    std::lock_guard<std::mutex> lock(d.commandMutex);
    if (d.commands.empty()) return;
    commands.swap(d.commands);
  }
  for (const std::string& text : commands) {
    const auto j = nlohmann::json::parse(text, nullptr, false);
    std::string cmd;
    std::string error;
    if (!j.is_object() || !j.contains("cmd") || !j["cmd"].is_string()) {
      error = "a command is a JSON object with \"cmd\"";
    } else {
      cmd = j["cmd"].get<std::string>();
      if (!d.imu) {
        error = "only simulated IMU devices take drift commands";
      } else if (cmd == "inject_drift") {
        DriftSpec spec;
        spec.kind = j.value("kind", std::string());
        spec.channel = j.value("channel", std::string());
        spec.activity = j.value("activity", std::string());
        const auto amount = j.find("amount");
        if (amount == j.end() || !amount->is_number()) {
          error = "inject_drift needs a numeric \"amount\"";
        } else {
          spec.amount = amount->get<double>();
          error = applyDrift(*d.imu, spec);
        }
      } else if (cmd == "clear_drift") {
        d.imu->clearDrift();
      } else {
        error = "unknown command '" + cmd + "' (inject_drift, clear_drift)";
      }
    }
    nlohmann::json ack = {{"cmd", cmd}, {"ok", error.empty()}};
    ack["error"] = error.empty() ? nlohmann::json(nullptr) : nlohmann::json(error);
    const std::string payload = ack.dump();
    try {
      d.client->publish("edgewise/" + d.id + "/cmd/ack", payload.data(), payload.size(), 1, false);
    } catch (const mqtt::exception& e) {
      std::fprintf(stderr, "edgewise-agent: %s: command ack not published: %s\n", d.id.c_str(),
                   e.what());
    }
  }
}

void SimulatedFleet::publishTelemetry() {
  const int64_t nowUs = util::wallClockUs();
  const int64_t cpuUs = processCpuUs();
  const double processCpuPct = 100.0 * static_cast<double>(cpuUs - m_lastCpuUs) /
                               std::max<double>(1.0, static_cast<double>(nowUs - m_lastCpuWallUs));
  m_lastCpuUs = cpuUs;
  m_lastCpuWallUs = nowUs;
  const int64_t rss = rssKb();
  for (auto& d : m_devices) {
    std::string payload = m_inference->takeTelemetry(d->index, nowUs, processCpuPct, rss);
    // The injected drift, so that a demo can compare what the audit finds with the truth.
    if (d->imu && !payload.empty() && payload.back() == '}') {
      payload.pop_back();
      payload += R"(,"drift":)" + driftJson(d->imu->drift()) + "}";
    }
    // A real source: lines or messages it could not parse since the start.
    if (d->source && !payload.empty() && payload.back() == '}') {
      payload.pop_back();
      payload += R"(,"bad_input":)" + std::to_string(d->source->badInput()) + "}";
    }
    try {
      d->client->publish("edgewise/" + d->id + "/telemetry", payload.data(), payload.size(), 0,
                         false);
    } catch (const mqtt::exception& e) {
      // Disconnected with a full buffer: the next heartbeat reports the whole interval.
    }
  }
}

void SimulatedFleet::printProgress(int64_t elapsedUs) {
  const int64_t published = totalPublished();
  int connected = 0;
  for (const auto& d : m_devices) connected += d->client && d->client->is_connected() ? 1 : 0;
  const double seconds = static_cast<double>(elapsedUs) / 1e6;
  std::fprintf(stderr,
               "edgewise-agent: %.1f s, published %lld, acked %lld, %.0f msg/s over the last "
               "interval, connected %d/%zu, retries %lld, held back %lld\n",
               seconds, static_cast<long long>(published), static_cast<long long>(totalAcked()),
               static_cast<double>(published - m_lastProgressPublished) /
                   std::max(1e-3, static_cast<double>(elapsedUs - m_lastProgressUs) / 1e6),
               connected, m_devices.size(), static_cast<long long>(m_retries),
               static_cast<long long>(m_heldBack));
  m_lastProgressPublished = published;
  m_lastProgressUs = elapsedUs;
}

void SimulatedFleet::replaceStuckClients() {
  // A client that stays down while other devices of this process are connected is stuck.
  // Seen after broker restarts with 100 devices (Paho C 1.3.11): a QoS 1 publish whose write
  // failed as the connection dropped stays in the persistent session with its topic and
  // payload already freed; every reconnect resends it (topic length 0, the first payload
  // bytes overwritten), mosquitto drops the connection ("malformed packet"), forever. The
  // session lives in the client, so only a new client gets the device back. The old one is
  // disconnected (no more automatic reconnects) and kept: destroying it would free the
  // dangling publication a second time.
  const int64_t now = util::monotonicUs();
  if (now < m_nextStuckCheckUs) return;
  m_nextStuckCheckUs = now + kStuckCheckEveryUs;
  int connected = 0;
  for (auto& d : m_devices) connected += d->client && d->client->is_connected() ? 1 : 0;
  for (auto& d : m_devices) {
    // A replaced client whose last connect attempt was already under way when it was told
    // to stop: close it, or it and the new one would keep taking the session from each other.
    for (auto& old : d->retired) {
      try {
        if (old->is_connected()) old->disconnect(0);
      } catch (const mqtt::exception& e) {
        // Already gone.
      }
    }
    if (connected == 0 || (d->client && d->client->is_connected())) {
      d->downSinceUs = 0;  // the broker is away (nobody is up), or it is fine
      continue;
    }
    if (d->downSinceUs == 0) d->downSinceUs = now;
    if (now - d->downSinceUs < kStuckAfterUs) continue;
    std::fprintf(stderr,
                 "edgewise-agent: %s: not reconnected for %lld s while %d devices are connected; "
                 "replacing its MQTT client\n",
                 d->id.c_str(), static_cast<long long>((now - d->downSinceUs) / 1'000'000),
                 connected);
    try {
      d->client->disconnect(0);
    } catch (const mqtt::exception& e) {
      // Not connected: the call still stops its automatic reconnect.
    }
    try {
      auto fresh =
          std::make_unique<mqtt::async_client>(m_options.brokerUrl, d->id, d->createOptions);
      d->wire(*fresh);
      d->retired.push_back(std::move(d->client));
      d->client = std::move(fresh);
      if (m_deploy) m_deploy->setClient(d->index, d->client.get());
      if (m_inference) m_inference->setClient(d->index, d->client.get());
      // What the old client had in flight will never be acknowledged: count it as failed so
      // that --max-unacked does not hold this device back for good.
      const int64_t settled = d->deliveries.acked.load() + d->deliveries.failed.load();
      if (d->published > settled) d->deliveries.failed.fetch_add(d->published - settled);
      d->client->connect(d->connectOptions);
      d->replacements.fetch_add(1);
    } catch (const mqtt::exception& e) {
      std::fprintf(stderr, "edgewise-agent: %s: replacing the client failed: %s\n", d->id.c_str(),
                   e.what());
    }
    d->downSinceUs = 0;
  }
}

void SimulatedFleet::shutdown() {
  if (m_devices.empty() || m_shutDown) return;

  // 1. Wait until every accepted message is acknowledged (or failed), bounded. Only a
  // connected client can still get acknowledgements: when no device with messages in flight
  // has been connected for kUnreachableUs (the broker is gone), stop waiting rather than sit
  // out the whole timeout. kUnreachableUs is longer than a broker restart's usual gap, so a
  // client that is reconnecting gets the chance to resend.
  const int64_t drainStart = util::monotonicUs();
  int64_t lastConnectedUs = drainStart;
  for (;;) {
    bool done = true;
    bool pendingConnected = false;
    for (const auto& d : m_devices) {
      const int64_t settled = d->deliveries.acked.load() + d->deliveries.failed.load();
      if (settled < d->published) {
        done = false;
        if (d->client && d->client->is_connected()) {
          pendingConnected = true;
          break;
        }
      }
    }
    if (done) break;
    const int64_t now = util::monotonicUs();
    if (pendingConnected) lastConnectedUs = now;
    if (now - lastConnectedUs > kUnreachableUs) {
      std::fprintf(stderr,
                   "edgewise-agent: warning: the broker is unreachable; %lld messages not "
                   "acknowledged\n",
                   static_cast<long long>(totalPublished() - totalAcked()));
      break;
    }
    if (util::monotonicUs() - drainStart > kDrainTimeoutUs) {
      std::fprintf(stderr,
                   "edgewise-agent: warning: %lld messages still unacknowledged after %lld s\n",
                   static_cast<long long>(totalPublished() - totalAcked()),
                   static_cast<long long>(kDrainTimeoutUs / 1'000'000));
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }

  // 2. Retained offline status (a clean disconnect does not trigger the last will).
  std::vector<mqtt::delivery_token_ptr> statusTokens;
  for (auto& d : m_devices) {
    // A disconnected client would only buffer it (the broker publishes the last will anyway).
    if (!d->client || d->connects.load() == 0 || !d->client->is_connected()) continue;
    const std::string offline = statusPayload(*d, "offline");
    try {
      statusTokens.push_back(
          d->client->publish(d->statusTopic, offline.data(), offline.size(), 1, true));
    } catch (const mqtt::exception& e) {
      std::fprintf(stderr, "edgewise-agent: %s: offline status not published: %s\n", d->id.c_str(),
                   e.what());
    }
  }
  const auto waitAll = [](auto& tokens, int64_t budgetUs, const char* what) {
    const int64_t start = util::monotonicUs();
    int pending = 0;
    for (auto& t : tokens) {
      const int64_t left = std::max<int64_t>(0, budgetUs - (util::monotonicUs() - start));
      try {
        if (!t->wait_for(std::chrono::milliseconds(left / 1000))) ++pending;
      } catch (const mqtt::exception& e) {
        ++pending;
      }
    }
    if (pending > 0) {
      std::fprintf(stderr, "edgewise-agent: warning: %d %s did not complete\n", pending, what);
    }
  };
  waitAll(statusTokens, kStatusTimeoutUs, "offline status publishes");

  // 3. Disconnect all clients in parallel.
  std::vector<mqtt::token_ptr> disconnectTokens;
  for (auto& d : m_devices) {
    if (!d->client) continue;
    try {
      disconnectTokens.push_back(d->client->disconnect(std::chrono::seconds(2)));
    } catch (const mqtt::exception& e) {
      // Never connected or already disconnected: nothing left to close.
      if (e.get_return_code() != MQTTASYNC_DISCONNECTED) {
        std::fprintf(stderr, "edgewise-agent: %s: disconnect failed: %s\n", d->id.c_str(),
                     e.what());
      }
    }
  }
  waitAll(disconnectTokens, kStatusTimeoutUs, "disconnects");

  // Keep the counters for the summary, release the sockets.
  for (auto& d : m_devices) d->client.reset();
  // Replaced clients are never destroyed: their session holds a publication whose memory
  // Paho already freed (replaceStuckClients), and destroying it would free it again.
  for (auto& d : m_devices) {
    for (auto& c : d->retired) (void)c.release();
    d->retired.clear();
  }
  m_shutDown = true;
}

int64_t SimulatedFleet::totalPublished() const {
  int64_t n = 0;
  for (const auto& d : m_devices) n += d->published;
  return n;
}

int64_t SimulatedFleet::totalAcked() const {
  int64_t n = 0;
  for (const auto& d : m_devices) n += d->deliveries.acked.load(std::memory_order_relaxed);
  return n;
}

std::string SimulatedFleet::summaryJson() const {
  std::string out;
  out.reserve(128 + m_devices.size() * 80);
  out += R"({"devices":)" + std::to_string(m_devices.size());
  out += R"(,"published":)" + std::to_string(totalPublished());
  out += R"(,"acked":)" + std::to_string(totalAcked());
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.3f", m_elapsedS);
  out += R"(,"seconds":)";
  out += seconds;
  out += R"(,"retries":)" + std::to_string(m_retries);
  out += R"(,"held_back":)" + std::to_string(m_heldBack);
  out += R"(,"per_device":[)";
  bool first = true;
  for (const auto& d : m_devices) {
    if (!first) out += ',';
    first = false;
    out += R"({"device":)";
    fleet::appendJsonString(d->id, out);
    out += R"(,"first_seq":0,"last_seq":)" + std::to_string(d->published - 1);
    out += R"(,"published":)" + std::to_string(d->published);
    out += R"(,"acked":)" + std::to_string(d->deliveries.acked.load());
    out += R"(,"connection_losses":)" + std::to_string(d->connectionLosses.load());
    out += R"(,"client_replacements":)" + std::to_string(d->replacements.load());
    out += '}';
  }
  out += "]}";
  return out;
}

}  // namespace edgewise::agent
