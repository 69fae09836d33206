#pragma once
// Command line of edgewise-agent.

#include <QStringList>
#include <cstdint>
#include <string>

#include "core/fleet/camera_simulator.h"
#include "core/fleet/payload_encoder.h"
#include "core/util/result.h"

namespace edgewise::agent {

enum class SensorKind { Imu, Camera, Audio };

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
