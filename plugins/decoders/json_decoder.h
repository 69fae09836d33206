#pragma once
#include "core/capture/payload_decoder.h"

namespace edgewise::decoders {

// JSON documents (docs/decoders.md): the Edgewise sensor payload, any object of numbers,
// arrays of samples, field paths.
class JsonDecoder final : public capture::PayloadDecoder {
 public:
  std::string id() const override { return "json"; }
  std::string name() const override { return "JSON"; }
  int sniff(std::string_view payload) const override;
  Result<capture::SampleBatch> decode(std::string_view payload,
                                      const capture::DecodeContext& ctx) const override;
  // The general path through a document tree (nlohmann::json), which decode() uses for every
  // payload the sensor-payload fast path (json_fast_path.h) declines. Public for the test
  // that holds both paths to identical results.
  static Result<capture::SampleBatch> decodeWithTree(std::string_view payload,
                                                     const capture::DecodeContext& ctx);
};

}  // namespace edgewise::decoders
