#pragma once
// Command line of edgewise-agent.

#include <QStringList>
#include <cstdint>
#include <string>
#include <vector>

#include "core/fleet/camera_simulator.h"
#include "core/fleet/payload_encoder.h"
#include "core/util/result.h"

namespace edgewise::agent {

enum class SensorKind { Imu, Camera, Audio };

// One drift injection (--inject-drift, or the inject_drift command of
// docs/mqtt_conventions.md): kind "bias" | "gain" (channel, amount) or "mix" (activity,
// amount = share of the time), from startS seconds after the start on.
struct DriftSpec {
  std::string kind;
  std::string channel;   // bias, gain: "ax".."gz"
  std::string activity;  // mix: "idle".."fall"
  double amount = 0;
  double startS = 0;
};
// "bias:ax:2.0@30", "gain:gz:1.5", "mix:run:0.8@10" ("@S" optional, default 0).
Result<DriftSpec> parseDriftSpec(const std::string& text);

// "imu", "camera", "audio": also the last topic level of the data topic.
std::string sensorName(SensorKind kind);

struct AgentOptions {
  SensorKind sensor = SensorKind::Imu;
  int count = 1;
  double rateHz = 100;         // samples per second (IMU, audio) or frames per second (camera)
  int samplesPerMessage = 10;  // camera: always 1
  std::string brokerUrl = "tcp://127.0.0.1:1883";
  double seconds = 0;  // 0: until SIGINT/SIGTERM
  int qos = 1;
  fleet::PayloadFormat format = fleet::PayloadFormat::Json;
  fleet::ImageFormat imageFormat = fleet::ImageFormat::Jpeg;
  std::string prefix = "imu-";
  uint64_t seed = 1;
  int keepAliveS = 5;
  // Scheduler period. Longer ticks publish in larger bursts, which lets Paho's receive thread
  // collect many acknowledgements per poll() over all sockets (its main cost with 1,000
  // clients); message timestamps follow the schedule, not the tick.
  int tickMs = 20;
  // Messages per device handed to Paho but not yet acknowledged. Paho scans one shared
  // command queue per command, so what waits there must stay short: beyond this the agent
  // holds the next message (same seq) until acknowledgements catch up.
  int maxUnacked = 4;
  bool summaryJson = false;
  // Deployments (docs/deploy_protocol.md): each device keeps its model slot in
  // <stateDir>/<device>/ and accepts manifests signed by the key in trustedKeyPath.
  std::string stateDir;
  std::string trustedKeyPath;
  // Inventory facts in the retained status.
  std::string deviceClass = "imu-sim";
  std::vector<std::string> tags;
  int64_t ramMb = 0;  // 0: MemTotal of /proc/meminfo
  // Inference on the device's own stream (needs --state-dir and an installed model): seconds
  // between two classified windows; 0 = the model's own stride (its training windows).
  double predictEveryS = 0;
  double telemetryS = 5;   // heartbeat period, 0 = none
  int keepWindows = 1000;  // windows whose features a device keeps for feedback
  std::vector<DriftSpec> drifts;
  // A real sensor source instead of the simulator (one device, --device-id): "stdin-csv"
  // (a header line with channel names, then rows of floats; optional first column ts in us)
  // or "mqtt:<topic>" (the JSON sensor payload of docs/mqtt_conventions.md). Empty: simulate.
  std::string source;
  std::string sourceTopic;    // mqtt:<topic>
  std::string fixedDeviceId;  // --device-id

  // Seconds between two messages of one device.
  double messagePeriodS() const { return samplesPerMessage / rateHz; }
  // "imu-0001" for index 0.
  std::string deviceId(int index) const;
};

struct ParsedCommandLine {
  AgentOptions options;
  bool helpRequested = false;
  bool versionRequested = false;
  QString helpText;
};

// Parses and validates arguments (args[0] is the program name). Errors name the option and
// the accepted values.
Result<ParsedCommandLine> parseAgentCommandLine(const QStringList& args);

}  // namespace edgewise::agent
