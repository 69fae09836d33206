#pragma once
// The payload decoders that ship with Edgewise: "json", "csv", "raw-f32", "raw-i16", "cbor",
// "image", "pcm16" (formats in docs/decoders.md).

#include <memory>
#include <vector>

#include "core/capture/decoder_registry.h"
#include "core/capture/payload_decoder.h"

namespace edgewise::decoders {

std::vector<std::unique_ptr<capture::PayloadDecoder>> createBuiltinDecoders();

// Inline on purpose: the call to DecoderRegistry::add (in edgewise::capture) then lands in
// the caller's object file, so edgewise::decoders needs no link dependency on capture and
// static-library link order cannot drop it.
inline void registerBuiltinDecoders(capture::DecoderRegistry& registry) {
  for (auto& decoder : createBuiltinDecoders()) registry.add(std::move(decoder));
}

}  // namespace edgewise::decoders
