#pragma once
#include "core/capture/payload_decoder.h"

namespace edgewise::decoders {

// CBOR (RFC 8949) documents with the same layouts and metadata keys as JSON.
class CborDecoder final : public capture::PayloadDecoder {
 public:
  std::string id() const override { return "cbor"; }
  std::string name() const override { return "CBOR"; }
  int sniff(std::string_view payload) const override;
  Result<capture::SampleBatch> decode(std::string_view payload,
                                      const capture::DecodeContext& ctx) const override;
};

}  // namespace edgewise::decoders
