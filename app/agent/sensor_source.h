#pragma once
// Real sensor streams of one device (edgewise-agent --source): stdin CSV or the JSON sensor
// payload of docs/mqtt_conventions.md read from an MQTT topic. A source only parses and
// queues samples; the scheduler thread takes them and feeds the device's inference exactly
// like a simulated device's samples (SimulatedFleet::drainSource).

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace edgewise::agent {

// Consecutive samples with the same channels, interleaved by sample.
struct SensorBatch {
  std::vector<std::string> channels;
  std::vector<float> samples;
  int64_t tsUs = 0;  // time of the first sample
  int count() const {
    return channels.empty() ? 0 : static_cast<int>(samples.size() / channels.size());
  }
};

class SensorSource {
 public:
  // rateHz: the sensor's rate (sample spacing when the input has no time stamps).
  explicit SensorSource(double rateHz) : m_rateHz(rateHz) {}
  virtual ~SensorSource() = default;
  SensorSource(const SensorSource&) = delete;
  SensorSource& operator=(const SensorSource&) = delete;

  virtual void start() {}
  // Scheduler thread: the oldest queued batch, at most maxSamples of it; false when empty.
  bool take(SensorBatch& out, int maxSamples);
  // Lines or messages that could not be parsed since the start (never reset).
  int64_t badInput() const { return m_badInput.load(); }
  // The MQTT topic this source reads (empty: not an MQTT source).
  virtual std::string topic() const { return {}; }
  // Paho's thread: one message of topic().
  virtual void onMessage(const std::string& payload) { (void)payload; }

 protected:
  // With more than `capacity` samples waiting: blocks (stdin: back-pressure instead of loss)
  // or drops the batch and counts it as bad input (MQTT: the sender cannot be slowed).
  void push(SensorBatch batch, size_t capacity, bool block);
  void countBad(const std::string& why);

  double m_rateHz;

 private:
  std::mutex m_mutex;
  std::condition_variable m_space;
  std::deque<SensorBatch> m_queue;
  size_t m_queuedSamples = 0;
  std::atomic<int64_t> m_badInput{0};
};

// "stdin-csv" or "mqtt" (with the topic): nullptr for anything else.
std::unique_ptr<SensorSource> makeSensorSource(const std::string& kind, const std::string& topic,
                                               double rateHz);

// Parses one JSON sensor message (docs/mqtt_conventions.md); an error says what is wrong.
// Sample times: "ts" (s, ms, us or ns by magnitude) or, without it, receivedUs.
std::string parseJsonSensorMessage(const std::string& payload, int64_t receivedUs,
                                   SensorBatch& out);

}  // namespace edgewise::agent
