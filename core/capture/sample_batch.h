#pragma once
// What a payload decoder produces from one MQTT message: zero or more multi-channel samples,
// optionally an image, plus metadata found in the payload (sequence number, device id,
// publish time).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace edgewise::capture {

struct ImageFrame {
  int width = 0;
  int height = 0;
  int channels = 0;         // 1 gray, 3 BGR, 4 BGRA
  std::string format;       // "jpeg" or "png"
  std::vector<uint8_t> encoded;  // the original compressed bytes, kept for storage
};

struct SampleBatch {
  std::vector<std::string> channelNames;  // one per channel
  std::vector<std::string> units;         // empty, or one per channel
  std::vector<int64_t> timestampsUs;      // one per sample, wall clock (Unix epoch, us)
  std::vector<float> values;              // row-major: values[i * channelCount() + c]
  double sampleRateHz = 0;                // 0 when unknown
  std::optional<int64_t> sequence;        // per-device message counter, when in the payload
  std::optional<int64_t> publishedUs;     // device's publish time, when in the payload
  std::string deviceId;                   // when the payload names its device
  std::optional<ImageFrame> image;        // image payloads

  size_t channelCount() const { return channelNames.size(); }
  size_t sampleCount() const { return timestampsUs.size(); }
  float at(size_t sample, size_t channel) const { return values[sample * channelCount() + channel]; }
};

}  // namespace edgewise::capture
