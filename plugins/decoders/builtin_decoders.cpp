#include "plugins/decoders/builtin_decoders.h"

#include "plugins/decoders/cbor_decoder.h"
#include "plugins/decoders/csv_decoder.h"
#include "plugins/decoders/image_decoder.h"
#include "plugins/decoders/json_decoder.h"
#include "plugins/decoders/raw_decoders.h"

namespace edgewise::decoders {

std::vector<std::unique_ptr<capture::PayloadDecoder>> createBuiltinDecoders() {
  std::vector<std::unique_ptr<capture::PayloadDecoder>> out;
  out.push_back(std::make_unique<JsonDecoder>());
  out.push_back(std::make_unique<CsvDecoder>());
  out.push_back(std::make_unique<RawF32Decoder>());
  out.push_back(std::make_unique<RawI16Decoder>());
  out.push_back(std::make_unique<CborDecoder>());
  out.push_back(std::make_unique<ImageDecoder>());
  out.push_back(std::make_unique<Pcm16Decoder>());
  return out;
}

}  // namespace edgewise::decoders
