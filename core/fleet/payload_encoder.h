#pragma once
// Encoders for the payloads the simulated devices publish (see docs/mqtt_conventions.md).
// The JSON encoder writes the text directly (no DOM): a fleet of 1,000 devices publishes
// 10,000+ messages per second from one thread.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace edgewise::fleet {

enum class PayloadFormat { Json, Csv, RawF32, Cbor };

// "json", "csv", "raw-f32", "cbor" (the decoder ids); nullopt for anything else.
std::optional<PayloadFormat> parsePayloadFormat(std::string_view name);
std::string_view payloadFormatName(PayloadFormat format);

// One IMU message: a batch of consecutive 6-channel samples.
struct ImuMessage {
  std::string_view device;
  int64_t seq = 0;
  int64_t tsUs = 0;   // wall time of the first sample, us since the Unix epoch
  int64_t pubUs = 0;  // wall time of publishing
  double rateHz = 0;
  std::string_view activity;
  const float* samples = nullptr;  // interleaved: sampleCount * 6 values
  int sampleCount = 0;
};

// {"device":..,"seq":..,"ts":..,"pub":..,"rate":..,"activity":..,"channels":[..],
//  "units":[..],"samples":[[ax,ay,az,gx,gy,gz],...]}, appended to out.
void appendImuJson(const ImuMessage& message, std::string& out);
// One header-less line per sample: "ax,ay,az,gx,gy,gz\n" (the CSV decoder, 6 channels).
void appendImuCsv(const ImuMessage& message, std::string& out);
// Little-endian float32, interleaved by sample (the raw-f32 decoder, 6 channels).
void appendImuRawF32(const ImuMessage& message, std::string& out);
// A CBOR map with the same keys and values as the JSON payload.
std::string encodeImuCbor(const ImuMessage& message);
// Dispatches on format; out is cleared first.
void encodeImu(PayloadFormat format, const ImuMessage& message, std::string& out);

// The retained presence message on edgewise/<device>/status.
struct DeviceStatus {
  std::string_view device;
  std::string_view state;  // "online" or "offline"
  std::string_view agentVersion;
  std::string_view sensor;  // "imu", "camera", "audio"
  double rateHz = 0;
  int64_t tsUs = 0;
  // Inventory facts (issue 6); written when deviceClass is not empty.
  std::string_view deviceClass{};
  const std::vector<std::string>* tags = nullptr;
  std::string_view arch{};  // uname -m
  int cores = 0;
  int64_t ramMb = 0;
  std::string_view os{};  // "Linux 6.1.0-18-amd64"
};
// {"device","state","agent_version","sensor","rate_hz","ts"[,"device_class","tags",
//  "hardware":{"arch","cores","ram_mb","os"}]}
std::string encodeStatusJson(const DeviceStatus& status);

// Appends s as a JSON string literal (quotes and escapes included).
void appendJsonString(std::string_view s, std::string& out);

}  // namespace edgewise::fleet
