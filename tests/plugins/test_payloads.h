#pragma once
// Payload builders and decoder lookup shared by the decoder tests.

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <string>
#include <vector>

#include "core/capture/payload_decoder.h"
#include "plugins/decoders/builtin_decoders.h"

namespace edgewise::decoders::test {

inline const std::vector<std::unique_ptr<capture::PayloadDecoder>>& builtins() {
  static const auto kDecoders = createBuiltinDecoders();
  return kDecoders;
}

inline const capture::PayloadDecoder& decoder(std::string_view id) {
  for (const auto& d : builtins()) {
    if (d->id() == id) return *d;
  }
  ADD_FAILURE() << "no decoder " << id;
  std::abort();
}

inline constexpr int64_t kArrivalUs = 1'763'800'000'500'000;

inline Result<capture::SampleBatch> decodeWith(std::string_view id, std::string_view payload,
                                               const capture::DecoderOptions* options = nullptr,
                                               std::string_view topic = "lab/sensor") {
  capture::DecodeContext ctx{topic, kArrivalUs, options};
  return decoder(id).decode(payload, ctx);
}

// The Edgewise simulator payload (docs/mqtt_conventions.md): 10 samples x 6 channels,
// value(i, c) = i + c / 10.
inline std::string simulatorJson(int64_t seq = 1234, int64_t tsUs = 1'763'800'000'000'000) {
  std::string s = R"({"device":"imu-0007","seq":)" + std::to_string(seq) + R"(,"ts":)" +
                  std::to_string(tsUs) + R"(,"pub":)" + std::to_string(tsUs + 9000) +
                  R"(,"rate":100,"activity":"walk","channels":["ax","ay","az","gx","gy","gz"],)"
                  R"("units":["m/s^2","m/s^2","m/s^2","rad/s","rad/s","rad/s"],"samples":[)";
  for (int i = 0; i < 10; ++i) {
    s += i ? ",[" : "[";
    for (int c = 0; c < 6; ++c) {
      if (c) s += ',';
      s += std::to_string(i) + "." + std::to_string(c);
    }
    s += ']';
  }
  return s + "]}";
}

inline std::string toCbor(const std::string& jsonText) {
  const auto bytes = nlohmann::json::to_cbor(nlohmann::json::parse(jsonText));
  return std::string(bytes.begin(), bytes.end());
}

inline std::string f32Bytes(const std::vector<float>& v) {
  std::string s(v.size() * 4, '\0');
  std::memcpy(s.data(), v.data(), s.size());  // the test host is little-endian (x86-64)
  return s;
}

inline std::string i16Bytes(const std::vector<int16_t>& v) {
  std::string s(v.size() * 2, '\0');
  std::memcpy(s.data(), v.data(), s.size());
  return s;
}

// A w x h 3-channel gradient, encoded as ".png" or ".jpg".
inline std::string encodedImage(const char* ext, int w = 32, int h = 24, int channels = 3) {
  cv::Mat m(h, w, channels == 1 ? CV_8UC1 : CV_8UC3);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      if (channels == 1) {
        m.at<uint8_t>(y, x) = static_cast<uint8_t>((x * 8) & 0xFF);
      } else {
        m.at<cv::Vec3b>(y, x) =
            cv::Vec3b(static_cast<uint8_t>(x * 8), static_cast<uint8_t>(y * 10), 128);
      }
    }
  }
  std::vector<uint8_t> out;
  cv::imencode(ext, m, out);
  return std::string(out.begin(), out.end());
}

}  // namespace edgewise::decoders::test
