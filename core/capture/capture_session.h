#pragma once
// A live connection to one MQTT broker (Paho MQTT C++ async client): subscriptions, decoding,
// live buffers, per-topic statistics, quarantine of malformed payloads and recording into
// the project. Threading (ARCHITECTURE.md section 4):
//  - Paho callbacks only copy the message into an inbound queue and bump atomic counters.
//  - One decode thread drains the queue: decode -> live buffers + recorder queue + stats.
//  - The Recorder thread writes batched transactions into the project on its own connection.
//  - The GUI polls topicStats()/liveBuffers() on a timer; signals below are queued
//    (emitted through QMetaObject::invokeMethod), never emitted from Paho's threads.

#include <QObject>
#include <QString>
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/capture/broker_settings.h"
#include "core/capture/live_buffer.h"
#include "core/capture/payload_decoder.h"
#include "core/store/recording_repository.h"
#include "core/util/result.h"

namespace edgewise::capture {

enum class ConnectionState { Disconnected, Connecting, Connected, Reconnecting, Failed };
const char* toString(ConnectionState state);

struct Subscription {
  std::string filter;  // MQTT topic filter, wildcards allowed
  int qos = 1;
};

struct TopicStats {
  std::string topic;
  std::string deviceId;
  std::string decoderId;  // the decoder in use (auto-detected or overridden)
  int64_t messages = 0;
  int64_t bytes = 0;
  int64_t samples = 0;
  int64_t decodeErrors = 0;
  double messagesPerSecond = 0;  // over the last ~2 s
  int64_t lastArrivalUs = 0;
  std::string lastPayloadPreview;  // first 256 bytes, printable (hex for binary)
  std::string lastError;
  bool retained = false;
};

struct SessionCounters {
  int64_t received = 0;
  int64_t decoded = 0;
  int64_t decodeErrors = 0;
  int64_t quarantined = 0;
  int64_t samples = 0;
  int64_t reconnects = 0;
  int64_t inboundQueueDepth = 0;
};

struct RecorderStats {
  bool active = false;
  int64_t recordingId = 0;
  int64_t messagesStored = 0;
  int64_t samplesStored = 0;
  int64_t commits = 0;
  int64_t pending = 0;                   // queued, not yet committed
  int64_t duplicatesDropped = 0;         // QoS 1 redeliveries (same sequence and time), not stored
  double p99StoreLatencyMs = 0;          // device publish -> committed, when payloads carry it
  std::vector<double> storeLatenciesMs;  // filled only when keepLatencies was requested
  std::string lastError;
};

struct RecordingOptions {
  std::string projectPath;                // the recorder opens its own connection to it
  std::string name;                       // empty: "Recording <date time>"
  std::vector<std::string> topicFilters;  // empty: every subscribed topic
  int flushIntervalMs = 100;              // one transaction per interval ...
  int flushMaxSamples = 50000;            // ... or per this many queued samples
  bool keepLatencies = false;             // keep every store latency (benchmarks)
};

class CaptureSession : public QObject {
  Q_OBJECT
 public:
  explicit CaptureSession(QObject* parent = nullptr);
  ~CaptureSession() override;  // stops recording (committing), disconnects, joins threads

  // Connection (asynchronous; progress through stateChanged()).
  Result<void> connectToBroker(const BrokerSettings& settings);
  void disconnectFromBroker();
  ConnectionState state() const;
  BrokerSettings settings() const;

  Result<void> subscribe(const Subscription& subscription);
  void unsubscribe(const std::string& filter);
  std::vector<Subscription> subscriptions() const;

  // Decoder choice per topic filter; without one, each topic's first payload picks it.
  void setDecoderOverride(const std::string& topicFilter, const std::string& decoderId,
                          const DecoderOptions& options = {});
  void clearDecoderOverride(const std::string& topicFilter);

  // Where malformed payloads are quarantined (the project); empty: counted only.
  void setQuarantineProject(const std::string& projectPath);

  // Snapshots for the GUI timer / CLI progress (cheap, thread-safe).
  std::vector<TopicStats> topicStats() const;
  SessionCounters counters() const;
  std::vector<std::shared_ptr<LiveBuffer>> liveBuffers() const;
  // Devices seen on "<...>/<device>/status" topics: true online, false offline.
  std::map<std::string, bool> devicePresence() const;
  void setLiveBufferCapacity(size_t samplesPerStream);  // default 30,000 per stream

  // Recording.
  Result<int64_t> startRecording(const RecordingOptions& options);
  // Flushes and commits everything queued, marks the recording complete.
  Result<store::RecordingSummary> stopRecording();
  bool isRecording() const;
  RecorderStats recorderStats() const;

 Q_SIGNALS:
  void stateChanged(edgewise::capture::ConnectionState state, const QString& message);
  void topicDiscovered(const QString& topic);
  void recordingStateChanged(bool recording);
  void errorOccurred(const QString& message);

 public:
  struct Impl;

 private:
  std::unique_ptr<Impl> m_impl;
};

}  // namespace edgewise::capture
