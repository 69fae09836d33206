#pragma once
// Headerless little-endian sample arrays: the layout (channel count, rate, names) comes from
// the DecoderOptions because the payload does not describe itself.
#include "core/capture/payload_decoder.h"

namespace edgewise::decoders {

// float32 values, options.channelCount channels interleaved.
class RawF32Decoder final : public capture::PayloadDecoder {
 public:
  std::string id() const override { return "raw-f32"; }
  std::string name() const override { return "Raw float32 (little-endian)"; }
  int sniff(std::string_view payload) const override;
  Result<capture::SampleBatch> decode(std::string_view payload,
                                      const capture::DecodeContext& ctx) const override;
};

// int16 values kept as their integer value (no scaling), channels interleaved.
class RawI16Decoder final : public capture::PayloadDecoder {
 public:
  std::string id() const override { return "raw-i16"; }
  std::string name() const override { return "Raw int16 (little-endian)"; }
  int sniff(std::string_view payload) const override;
  Result<capture::SampleBatch> decode(std::string_view payload,
                                      const capture::DecodeContext& ctx) const override;
};

// PCM16 audio: int16 scaled to [-1, 1), 16 kHz unless the options say otherwise.
class Pcm16Decoder final : public capture::PayloadDecoder {
 public:
  std::string id() const override { return "pcm16"; }
  std::string name() const override { return "PCM16 audio (little-endian)"; }
  int sniff(std::string_view payload) const override;
  Result<capture::SampleBatch> decode(std::string_view payload,
                                      const capture::DecodeContext& ctx) const override;
};

}  // namespace edgewise::decoders
