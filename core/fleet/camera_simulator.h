#pragma once
// A simulated camera: a small scene (moving shapes over a gradient, the device id and a frame
// counter) encoded as PNG or JPEG, one image per MQTT message.

#include <cstdint>
#include <string>
#include <vector>

#include "core/fleet/random.h"
#include "core/util/result.h"

namespace edgewise::fleet {

enum class ImageFormat { Png, Jpeg };

class CameraSimulator {
 public:
  CameraSimulator(int deviceIndex, uint64_t seed, std::string deviceId, int width = 160,
                  int height = 120);

  // Renders and encodes the next frame; tSeconds is the scene time (positions of shapes).
  Result<std::vector<uint8_t>> nextFrame(double tSeconds, ImageFormat format);

  int width() const { return m_width; }
  int height() const { return m_height; }
  int64_t framesProduced() const { return m_frames; }

 private:
  std::string m_deviceId;
  int m_width;
  int m_height;
  Rng m_rng;
  int64_t m_frames = 0;
  double m_speed[2]{};
  double m_hue = 0;
};

}  // namespace edgewise::fleet
