#pragma once
// Small helpers shared by the built-in decoders: payload timestamps, channel names, value
// checks. Internal to plugins/decoders.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/capture/payload_decoder.h"
#include "core/capture/sample_batch.h"
#include "core/util/result.h"

namespace edgewise::decoders {

// Values beyond this are treated as corrupt: no sensor measures 1e30 of anything, and such
// values poison plots, statistics and float32 storage.
inline constexpr double kMaxAbsValue = 1e30;
// Structured payloads (JSON, CBOR, CSV) larger than this are rejected before parsing: a
// document tree costs ~10x its text in memory.
inline constexpr size_t kMaxStructuredBytes = 16u * 1024u * 1024u;
// More channels than this per message is not a sensor layout; generated names ("ch123456")
// would also cost far more memory than the payload itself.
inline constexpr size_t kMaxChannels = 4096;
// Nesting deeper than this is not sensor data; it also bounds recursion in the decoders.
inline constexpr int kMaxDepth = 64;

const capture::DecoderOptions& optionsOf(const capture::DecodeContext& ctx);

// A number that carries an epoch time in s, ms, us or ns, told apart by magnitude
// (|t| < 1e11: s, < 1e14: ms, < 1e17: us, else ns), in microseconds.
Result<int64_t> epochUsFromNumber(double t);
// Integral variant, exact for ns and us values beyond 2^53.
Result<int64_t> epochUsFromInteger(int64_t t);
// An ISO-8601 date-time ("2025-11-22T09:38:00.123Z", offsets allowed) or a number in text.
Result<int64_t> epochUsFromString(std::string_view text);

// Sample i of n gets base + i / rate when the payload has a timestamp for its first sample;
// without one the last sample is taken to have arrived now and earlier ones are spread back.
void fillTimestamps(capture::SampleBatch& batch, size_t n, std::optional<int64_t> firstUs,
                    int64_t arrivalUs, double rateHz);

// "prefix0", "prefix1", ... unless names has exactly count entries.
std::vector<std::string> positionalNames(size_t count, const std::vector<std::string>& names,
                                         std::string_view prefix);

// NaN, infinities and |x| > 1e30 are refused; describeBadValue() says which it was.
inline bool isAcceptableValue(double v) {
  return v == v && v <= kMaxAbsValue && v >= -kMaxAbsValue;
}
std::string describeBadValue(double v);
// Shortest round-trip text of v ("1e+300", "0.1").
std::string shortNumber(double v);

// Device id from topic level 2 of the Edgewise convention (edgewise/<device>/...).
void fillDeviceFromTopic(capture::SampleBatch& batch, std::string_view topic);

// Well-formed UTF-8 (no overlongs, surrogates or code points above U+10FFFF).
bool isValidUtf8(std::string_view text);

// Shortens a payload excerpt for an error message (printable ASCII, at most n bytes).
std::string excerpt(std::string_view text, size_t n = 24);

}  // namespace edgewise::decoders
