#pragma once
#include "core/capture/payload_decoder.h"

namespace edgewise::decoders {

// One JPEG or PNG image per message. The batch keeps the encoded bytes (for storage) and has
// one sample with channels width, height and mean (mean intensity, 0..255) at arrival time.
class ImageDecoder final : public capture::PayloadDecoder {
 public:
  // Decompression bombs: a 100-byte PNG can claim 100000 x 100000 pixels.
  static constexpr int64_t kMaxPixels = 64LL * 1024 * 1024;

  std::string id() const override { return "image"; }
  std::string name() const override { return "Image (JPEG/PNG)"; }
  int sniff(std::string_view payload) const override;
  Result<capture::SampleBatch> decode(std::string_view payload,
                                      const capture::DecodeContext& ctx) const override;
};

}  // namespace edgewise::decoders
