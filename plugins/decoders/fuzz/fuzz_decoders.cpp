// libFuzzer entry point: every built-in decoder (fuzz_decoders) or one of them
// (fuzz_decoder_<id>, EDGEWISE_FUZZ_DECODER) sniffs and decodes every input. Any crash,
// sanitizer report, or a successful batch with inconsistent sizes is a bug.
//   fuzz_decoders -max_total_time=60 -max_len=65536 corpus/

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "plugins/decoders/builtin_decoders.h"

namespace {

const auto& decoders() {
  static const auto kDecoders = edgewise::decoders::createBuiltinDecoders();
  return kDecoders;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view payload(reinterpret_cast<const char*>(data), size);
  // The first byte picks the layout options so that multi-channel paths are reached too.
  edgewise::capture::DecoderOptions options;
  options.channelCount = size > 0 ? 1 + data[0] % 8 : 1;
  options.sampleRateHz = size > 1 ? data[1] : 0;
  if (size > 2 && data[2] % 4 == 0) options.fieldPaths = {"a.b", "[\"x.y\"]", "c[1]"};
  edgewise::capture::DecodeContext ctx{"edgewise/fuzz/imu", 1'700'000'000'000'000, &options};
  for (const auto& decoder : decoders()) {
#ifdef EDGEWISE_FUZZ_DECODER
    // A per-decoder target (fuzz_decoder_<id>): only that decoder.
    if (decoder->id() != EDGEWISE_FUZZ_DECODER) continue;
#endif
    const int score = decoder->sniff(payload);
    if (score < 0 || score > 100) std::abort();
    auto result = decoder->decode(payload, ctx);
    if (result.ok()) {
      const auto& b = *result;
      if (b.values.size() != b.sampleCount() * b.channelCount()) std::abort();
      if (!b.units.empty() && b.units.size() != b.channelCount()) std::abort();
    } else if (result.error().message.empty()) {
      std::abort();
    }
  }
  return 0;
}
