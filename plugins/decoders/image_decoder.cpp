#include "plugins/decoders/image_decoder.h"

#include <cstring>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "plugins/decoders/decode_util.h"

namespace edgewise::decoders {

namespace {

constexpr unsigned char kPngMagic[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
// Encoded images above this are refused before any parsing.
constexpr size_t kMaxImageBytes = 256u * 1024u * 1024u;

bool isPng(std::string_view p) {
  return p.size() >= 8 && std::memcmp(p.data(), kPngMagic, 8) == 0;
}
bool isJpeg(std::string_view p) {
  return p.size() >= 3 && static_cast<unsigned char>(p[0]) == 0xFF &&
         static_cast<unsigned char>(p[1]) == 0xD8 && static_cast<unsigned char>(p[2]) == 0xFF;
}

uint32_t be32(const unsigned char* b) {
  return uint32_t(b[0]) << 24 | uint32_t(b[1]) << 16 | uint32_t(b[2]) << 8 | b[3];
}
uint16_t be16(const unsigned char* b) {
  return static_cast<uint16_t>(b[0] << 8 | b[1]);
}

struct Dims {
  int64_t width = 0;
  int64_t height = 0;
};

Result<Dims> pngDims(std::string_view p) {
  const auto* b = reinterpret_cast<const unsigned char*>(p.data());
  if (p.size() < 33 || std::memcmp(b + 12, "IHDR", 4) != 0) {
    return Error("PNG is truncated or lacks its IHDR header");
  }
  return Dims{be32(b + 16), be32(b + 20)};
}

// Walks the JPEG markers up to the frame header (SOFn) which holds the dimensions.
Result<Dims> jpegDims(std::string_view p) {
  const auto* b = reinterpret_cast<const unsigned char*>(p.data());
  size_t pos = 2;
  while (pos + 4 <= p.size()) {
    if (b[pos] != 0xFF) {
      return Error("JPEG is corrupt: no marker at byte " + std::to_string(pos));
    }
    const unsigned char marker = b[pos + 1];
    if (marker == 0xFF) {  // fill byte
      ++pos;
      continue;
    }
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {  // markers without length
      pos += 2;
      continue;
    }
    if (marker == 0xD9 || marker == 0xDA) {
      return Error("JPEG has no frame header before its image data");
    }
    const size_t len = be16(b + pos + 2);
    if (len < 2) return Error("JPEG is corrupt: segment length < 2 at byte " + std::to_string(pos));
    const bool sof =
        marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (sof) {
      if (pos + 9 > p.size() || len < 8) return Error("JPEG frame header is truncated");
      return Dims{be16(b + pos + 7), be16(b + pos + 5)};
    }
    pos += 2 + len;
  }
  return Error("JPEG is truncated before its frame header");
}

}  // namespace

int ImageDecoder::sniff(std::string_view payload) const {
  return isPng(payload) || isJpeg(payload) ? 100 : 0;
}

Result<capture::SampleBatch> ImageDecoder::decode(std::string_view payload,
                                                  const capture::DecodeContext& ctx) const {
  const bool png = isPng(payload);
  if (!png && !isJpeg(payload)) {
    return Error(payload.empty()
                     ? std::string("empty payload, expected a JPEG or PNG image")
                     : "not a JPEG or PNG image (starts with '" + excerpt(payload, 8) + "')");
  }
  if (payload.size() > kMaxImageBytes) {
    return Error("image of " + std::to_string(payload.size()) + " bytes exceeds the 256 MiB limit");
  }
  auto dims = png ? pngDims(payload) : jpegDims(payload);
  EW_TRY(dims);
  if (dims->width <= 0 || dims->height <= 0) {
    return Error("image header says " + std::to_string(dims->width) + "x" +
                 std::to_string(dims->height) + " pixels");
  }
  if (dims->width * dims->height > kMaxPixels) {
    return Error("image header says " + std::to_string(dims->width) + "x" +
                 std::to_string(dims->height) + " pixels; images over 64 Mpixel are refused");
  }
  cv::Mat image;
  try {
    const cv::Mat encoded(1, static_cast<int>(payload.size()), CV_8U,
                          const_cast<char*>(payload.data()));
    image = cv::imdecode(encoded, cv::IMREAD_UNCHANGED);
  } catch (const cv::Exception& e) {
    return Error(std::string("could not decode the image: ") + e.what());
  }
  if (image.empty()) {
    return Error(std::string("could not decode the ") + (png ? "PNG" : "JPEG") +
                 " image (corrupt or truncated data)");
  }
  capture::SampleBatch batch;
  capture::ImageFrame frame;
  frame.width = image.cols;
  frame.height = image.rows;
  frame.channels = image.channels();
  frame.format = png ? "png" : "jpeg";
  frame.encoded.assign(payload.begin(), payload.end());

  const cv::Scalar m = cv::mean(image);
  const int colorChannels = std::min(image.channels(), 3);  // alpha is not intensity
  double mean = 0;
  for (int c = 0; c < colorChannels; ++c) mean += m[c];
  mean /= colorChannels;
  if (image.depth() == CV_16U) mean /= 257.0;  // same 0..255 scale as 8-bit images

  batch.channelNames = {"width", "height", "mean"};
  batch.units = {"px", "px", ""};
  batch.values = {static_cast<float>(frame.width), static_cast<float>(frame.height),
                  static_cast<float>(mean)};
  batch.timestampsUs = {ctx.arrivalUs};
  batch.image = std::move(frame);
  fillDeviceFromTopic(batch, ctx.topic);
  return batch;
}

}  // namespace edgewise::decoders
