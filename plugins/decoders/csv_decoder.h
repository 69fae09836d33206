#pragma once
#include "core/capture/payload_decoder.h"

namespace edgewise::decoders {

// Lines of delimited numbers, optionally under a header line of channel names.
class CsvDecoder final : public capture::PayloadDecoder {
 public:
  std::string id() const override { return "csv"; }
  std::string name() const override { return "CSV lines"; }
  int sniff(std::string_view payload) const override;
  Result<capture::SampleBatch> decode(std::string_view payload,
                                      const capture::DecodeContext& ctx) const override;
};

}  // namespace edgewise::decoders
