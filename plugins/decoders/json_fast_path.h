#pragma once
// A single-pass scanner for the common Edgewise sensor payload (docs/mqtt_conventions.md):
// one object of metadata keys and a "samples" array of arrays of numbers. It builds the
// SampleBatch directly, without a document tree: the DOM path spends most of its time
// allocating nodes and strings that are thrown away right after.
//
// It accepts only a strict subset and declines (nullopt) everything else, including every
// error: the caller then runs the general tree path, which owns all error messages. For what it
// accepts, the batch is identical to the tree path's (tests/plugins/test_json_fast_path.cpp).

#include <optional>
#include <string_view>

#include "core/capture/payload_decoder.h"
#include "core/capture/sample_batch.h"

namespace edgewise::decoders {

std::optional<capture::SampleBatch> decodeSensorJsonFast(std::string_view payload,
                                                         const capture::DecodeContext& ctx);

}  // namespace edgewise::decoders
