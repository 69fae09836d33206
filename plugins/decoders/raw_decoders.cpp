#include "plugins/decoders/raw_decoders.h"

#include <cmath>
#include <cstring>

#include "plugins/decoders/decode_util.h"

namespace edgewise::decoders {

namespace {

// Headerless arrays up to 64 MiB: a few seconds of multi-channel audio is far below.
constexpr size_t kMaxRawBytes = 64u * 1024u * 1024u;

bool looksLikeText(std::string_view p) {
  const std::string_view s = p.substr(0, 256);
  for (unsigned char c : s) {
    if (c >= 0x7f || (c < 0x20 && c != '\t' && c != '\r' && c != '\n')) return false;
  }
  return true;
}

float readF32(const unsigned char* b) {
  const uint32_t bits =
      uint32_t(b[0]) | uint32_t(b[1]) << 8 | uint32_t(b[2]) << 16 | uint32_t(b[3]) << 24;
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

int16_t readI16(const unsigned char* b) {
  return static_cast<int16_t>(uint16_t(b[0]) | uint16_t(b[1]) << 8);
}

// Checks the size against the layout and fills names and timestamps; the caller adds values.
Result<size_t> prepare(std::string_view payload, const capture::DecodeContext& ctx, size_t width,
                       const char* what, double defaultRate, std::string_view namePrefix,
                       capture::SampleBatch& batch) {
  const capture::DecoderOptions& opt = optionsOf(ctx);
  if (opt.channelCount < 1 || opt.channelCount > 4096) {
    return Error("channel count " + std::to_string(opt.channelCount) +
                 " is invalid; set 1..4096 channels for " + what + " payloads");
  }
  const auto channels = static_cast<size_t>(opt.channelCount);
  if (payload.empty()) return Error(std::string("empty payload, expected ") + what + " samples");
  if (payload.size() > kMaxRawBytes) {
    return Error(std::string(what) + " payload of " + std::to_string(payload.size()) +
                 " bytes exceeds the 64 MiB limit");
  }
  const size_t frame = channels * width;
  if (payload.size() % frame != 0) {
    return Error(std::to_string(payload.size()) + " bytes is not a whole number of " + what +
                 " samples of " + std::to_string(channels) + " channel(s) (" +
                 std::to_string(frame) + " bytes each)");
  }
  const size_t n = payload.size() / frame;
  batch.channelNames = channels == 1 && opt.channelNames.size() != 1
                           ? std::vector<std::string>{std::string(namePrefix)}
                           : positionalNames(channels, opt.channelNames, namePrefix);
  batch.sampleRateHz = opt.sampleRateHz > 0 ? opt.sampleRateHz : defaultRate;
  fillTimestamps(batch, n, std::nullopt, ctx.arrivalUs, batch.sampleRateHz);
  batch.values.resize(n * channels);
  fillDeviceFromTopic(batch, ctx.topic);
  return n;
}

}  // namespace

int RawF32Decoder::sniff(std::string_view payload) const {
  if (payload.empty() || payload.size() % 4 != 0) return 0;
  if (looksLikeText(payload)) return 1;
  // Plausible sensor floats: finite, not absurdly large or tiny (random bytes often are).
  const auto* b = reinterpret_cast<const unsigned char*>(payload.data());
  const size_t n = std::min<size_t>(payload.size() / 4, 256);
  for (size_t i = 0; i < n; ++i) {
    const float f = readF32(b + 4 * i);
    const float a = std::fabs(f);
    if (!std::isfinite(f) || a > 1e9f || (a != 0 && a < 1e-9f)) return 3;
  }
  return 20;
}

Result<capture::SampleBatch> RawF32Decoder::decode(std::string_view payload,
                                                   const capture::DecodeContext& ctx) const {
  capture::SampleBatch batch;
  auto n = prepare(payload, ctx, 4, "float32", 0, "ch", batch);
  EW_TRY(n);
  const auto* b = reinterpret_cast<const unsigned char*>(payload.data());
  for (size_t i = 0; i < batch.values.size(); ++i) {
    const float f = readF32(b + 4 * i);
    if (!isAcceptableValue(f)) {
      const size_t channels = batch.channelNames.size();
      return Error("sample " + std::to_string(i / channels) + " channel " +
                   std::to_string(i % channels) + " = " + describeBadValue(f) +
                   " is not a usable sample value (is the payload really float32?)");
    }
    batch.values[i] = f;
  }
  return batch;
}

int RawI16Decoder::sniff(std::string_view payload) const {
  if (payload.empty() || payload.size() % 2 != 0) return 0;
  return looksLikeText(payload) ? 1 : 4;
}

Result<capture::SampleBatch> RawI16Decoder::decode(std::string_view payload,
                                                   const capture::DecodeContext& ctx) const {
  capture::SampleBatch batch;
  auto n = prepare(payload, ctx, 2, "int16", 0, "ch", batch);
  EW_TRY(n);
  const auto* b = reinterpret_cast<const unsigned char*>(payload.data());
  for (size_t i = 0; i < batch.values.size(); ++i) batch.values[i] = readI16(b + 2 * i);
  return batch;
}

int Pcm16Decoder::sniff(std::string_view payload) const {
  if (payload.empty() || payload.size() % 2 != 0) return 0;
  return looksLikeText(payload) ? 1 : 5;
}

Result<capture::SampleBatch> Pcm16Decoder::decode(std::string_view payload,
                                                  const capture::DecodeContext& ctx) const {
  capture::SampleBatch batch;
  auto n = prepare(payload, ctx, 2, "PCM16", 16000, "audio", batch);
  EW_TRY(n);
  const auto* b = reinterpret_cast<const unsigned char*>(payload.data());
  for (size_t i = 0; i < batch.values.size(); ++i) {
    batch.values[i] = static_cast<float>(readI16(b + 2 * i)) / 32768.0f;
  }
  return batch;
}

}  // namespace edgewise::decoders
