#include "core/fleet/camera_simulator.h"

#include <cmath>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace edgewise::fleet {

CameraSimulator::CameraSimulator(int deviceIndex, uint64_t seed, std::string deviceId, int width,
                                 int height)
    : m_deviceId(std::move(deviceId)),
      m_width(width > 0 ? width : 160),
      m_height(height > 0 ? height : 120),
      m_rng(deviceSeed(seed, deviceIndex, 10)) {
  m_speed[0] = m_rng.uniform(0.2, 0.6);
  m_speed[1] = m_rng.uniform(0.3, 0.9);
  m_hue = m_rng.uniform(0, 180);
}

Result<std::vector<uint8_t>> CameraSimulator::nextFrame(double t, ImageFormat format) {
  try {
    cv::Mat img(m_height, m_width, CV_8UC3);
    // Background: a vertical gradient whose brightness drifts slowly (lighting changes).
    const double light = 0.75 + 0.25 * std::sin(0.1 * t);
    for (int y = 0; y < m_height; ++y) {
      const auto v = static_cast<uchar>(light * (60 + 120.0 * y / m_height));
      img.row(y).setTo(cv::Scalar(v, static_cast<uchar>(v * 0.9), static_cast<uchar>(v * 0.8)));
    }
    const double w = m_width;
    const double h = m_height;
    const cv::Point ball(static_cast<int>(w / 2 + 0.35 * w * std::sin(m_speed[0] * 6.28 * t)),
                         static_cast<int>(h / 2 + 0.30 * h * std::cos(m_speed[1] * 6.28 * t)));
    cv::circle(img, ball, m_height / 8, cv::Scalar(40, 60, 230), cv::FILLED, cv::LINE_AA);
    const int bx = static_cast<int>(std::fmod(20.0 * t * m_speed[1] * 4, w + 30)) - 30;
    cv::rectangle(img, cv::Rect(bx, m_height * 2 / 3, 30, 20), cv::Scalar(m_hue, 200, 60),
                  cv::FILLED);
    cv::putText(img, m_deviceId, cv::Point(4, 14), cv::FONT_HERSHEY_SIMPLEX, 0.4,
                cv::Scalar(255, 255, 255), 1, cv::LINE_AA);
    cv::putText(img, std::to_string(m_frames), cv::Point(4, m_height - 6), cv::FONT_HERSHEY_SIMPLEX,
                0.35, cv::Scalar(230, 230, 230), 1, cv::LINE_AA);
    // Sensor noise, so that consecutive frames of a still scene are not byte-identical.
    cv::Mat noise(img.size(), CV_8UC3);
    cv::randu(noise, cv::Scalar::all(0), cv::Scalar::all(6));
    img += noise;

    std::vector<uint8_t> bytes;
    const bool png = format == ImageFormat::Png;
    const std::vector<int> params = png ? std::vector<int>{cv::IMWRITE_PNG_COMPRESSION, 1}
                                        : std::vector<int>{cv::IMWRITE_JPEG_QUALITY, 80};
    if (!cv::imencode(png ? ".png" : ".jpg", img, bytes, params)) {
      return Error("OpenCV could not encode the frame", "camera " + m_deviceId);
    }
    ++m_frames;
    return bytes;
  } catch (const cv::Exception& e) {
    return Error(std::string("OpenCV: ") + e.what(), "camera " + m_deviceId);
  }
}

}  // namespace edgewise::fleet
