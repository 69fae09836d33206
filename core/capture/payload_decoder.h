#pragma once
// The payload decoder extension point. Decoders are independent of the transport (MQTT):
// they turn bytes into a SampleBatch or an Error, never throw and never crash on bad input.
// Built-ins live in plugins/decoders and register at start-up; third parties ship a Qt plugin
// implementing DecoderPluginInterface (IID org.edgewise.PayloadDecoder/1).

#include <QtPlugin>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/capture/sample_batch.h"
#include "core/util/result.h"

namespace edgewise::capture {

// Per-topic decoder settings chosen by the user (or left at their defaults).
struct DecoderOptions {
  // JSON and CBOR: field paths of the channels to extract. A path is a sequence of keys
  // separated by '.'; a key that itself contains '.' is written in brackets with quotes:
  // accel["x.raw"] or ["sensor.temp"]. Empty: every numeric leaf becomes a channel.
  std::vector<std::string> fieldPaths;
  std::string timestampPath;  // empty: auto ("ts", "timestamp", "time", "t")
  std::string samplesPath;    // empty: auto ("samples", "data", "values" holding an array)
  // Raw arrays, CSV, PCM: layout the payload does not describe itself.
  int channelCount = 1;
  double sampleRateHz = 0;    // used to spread per-sample timestamps; 0: unknown
  std::vector<std::string> channelNames;  // optional names for positional channels
  char csvDelimiter = ',';
};

struct DecodeContext {
  std::string_view topic;
  int64_t arrivalUs = 0;  // used when the payload carries no timestamp
  const DecoderOptions* options = nullptr;  // nullptr: defaults
};

class PayloadDecoder {
 public:
  virtual ~PayloadDecoder() = default;
  virtual std::string id() const = 0;    // stable key: "json", "csv", "raw-f32", "raw-i16",
                                         // "cbor", "image", "pcm16"
  virtual std::string name() const = 0;  // shown to the user
  // Confidence that this decoder is the right one for the payload: 0 (no) .. 100 (certain).
  virtual int sniff(std::string_view payload) const = 0;
  virtual Result<SampleBatch> decode(std::string_view payload, const DecodeContext& ctx) const = 0;
};

class DecoderPluginInterface {
 public:
  virtual ~DecoderPluginInterface() = default;
  virtual std::vector<std::unique_ptr<PayloadDecoder>> createDecoders() const = 0;
};

}  // namespace edgewise::capture

#define EdgewiseDecoderPlugin_iid "org.edgewise.PayloadDecoder/1"
Q_DECLARE_INTERFACE(edgewise::capture::DecoderPluginInterface, EdgewiseDecoderPlugin_iid)
