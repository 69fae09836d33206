#pragma once
// The devices' own inference (issues 6 and 7, docs/mqtt_conventions.md): each simulated
// device cuts windows from its sensor stream at the rate and with the channels its installed
// model was trained on, computes the model input with the project's feature blocks
// (deploy::ModelInputBuilder), classifies it and publishes edgewise/<device>/predictions. It
// also keeps the features of its last windows for corrective feedback
// (edgewise/<device>/feedback -> <state-dir>/<device>/feedback.jsonl) and measures what the
// heartbeat telemetry reports.
//
// Threads: onSamples() and takeTelemetry() run on the scheduler (main) thread; onFeedback()
// on Paho's threads (it only queues); setModel() on any thread. Features, inference,
// publishing and feedback files run on inference lanes (one per core, at most 4; device i in
// lane i % lanes), never on Paho's threads.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/fleet/imu_simulator.h"

// Windows: a window of the model's length ends at every hop-th model-rate sample counted from
// the stream's first sample; its seq is that sample's number / hop (so seq has gaps only where
// windows were dropped or no model ran).

namespace mqtt {
class async_client;
}
namespace edgewise::training {
class Classifier;
}
namespace edgewise::deploy {
struct Manifest;
}

namespace edgewise::agent {

struct InferenceDevice;
struct InferenceJob;

class DeviceInference {
 public:
  struct Options {
    double sensorRateHz = 100;  // the stream's rate (IMU samples per second)
    bool imuStream = true;      // false: camera/audio, which no model is fed from
    double predictEveryS = 0;   // 0: the model's stride
    std::string stateDir;       // feedback files go to <stateDir>/<device>/feedback.jsonl
    int keptWindows = 1000;     // features kept per device for feedback
    int maxQueuedWindows = 8;   // per device; newer windows are dropped (and counted) beyond
    bool hasTruth = true;       // false (a real source): predictions carry "truth": null
  };

  explicit DeviceInference(Options options);
  ~DeviceInference();  // stops and joins the lanes
  DeviceInference(const DeviceInference&) = delete;
  DeviceInference& operator=(const DeviceInference&) = delete;

  void addDevice(const std::string& deviceId, mqtt::async_client* client);
  // The device got a new MQTT client (SimulatedFleet::replaceStuckClients; the old one stays
  // alive): later predictions and acks go through it. Any thread.
  void setClient(int index, mqtt::async_client* client);
  void start();
  void stop();

  // The model the device runs now (nullptr: none) and its installed manifest (may be null).
  // A model whose input cannot be built from the stream is kept with an inference error.
  void setModel(int index, std::shared_ptr<training::Classifier> model,
                const deploy::Manifest* manifest);

  // Scheduler thread: k consecutive IMU samples (6 channels, interleaved) starting at tsUs,
  // which the simulator generated while doing `truth`.
  void onSamples(int index, const float* samples, int k, int64_t tsUs, fleet::Activity truth);
  // Scheduler thread: k samples of a real source with these channels (interleaved by sample).
  // The model's channels are picked by name; a channel the stream lacks is an inference error.
  void onStream(int index, const std::vector<std::string>& channels, const float* samples, int k,
                int64_t tsUs);
  // Windows queued for classification (any thread).
  int queuedWindows(int index) const;

  // Paho thread: a corrective feedback message, queued to the device's lane.
  void onFeedback(int index, std::string payload);

  // Scheduler thread: the heartbeat JSON over the interval since the previous call.
  // processCpuPct and rssKb are the whole process's (the same for every device).
  std::string takeTelemetry(int index, int64_t nowUs, double processCpuPct, int64_t rssKb);

 private:
  struct Lane;
  void feed(int index, const std::vector<std::string>& channels, const float* samples, int k,
            int64_t tsUs, fleet::Activity truth);
  void enqueue(int index, InferenceJob job);
  void workerLoop(Lane& lane);
  void classify(InferenceDevice& d, InferenceJob& job);
  void storeFeedback(InferenceDevice& d, const std::string& payload);

  Options m_options;
  std::vector<std::unique_ptr<InferenceDevice>> m_devices;
  std::vector<std::unique_ptr<Lane>> m_lanes;
};

}  // namespace edgewise::agent
