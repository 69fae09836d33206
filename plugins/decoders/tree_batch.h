#pragma once
// The document tree -> SampleBatch logic shared by the JSON and CBOR decoders, so that both
// formats accept the same layouts, metadata keys and field paths (docs/decoders.md).

#include <nlohmann/json.hpp>

#include "core/capture/payload_decoder.h"
#include "core/capture/sample_batch.h"
#include "core/util/result.h"
#include "plugins/decoders/field_path.h"

namespace edgewise::decoders {

using Json = nlohmann::json;

// The node at path below root, or nullptr.
const Json* resolvePath(const Json& root, const FieldPath& path);

// Turns a parsed document into samples: metadata keys (device, seq, ts, pub, rate, channels,
// units, ...), a samples array (arrays, objects or numbers) or, without one, every numeric
// leaf (or the configured field paths) as one sample. The tree must be at most kMaxDepth deep.
Result<capture::SampleBatch> batchFromTree(const Json& root, const capture::DecodeContext& ctx);

}  // namespace edgewise::decoders
