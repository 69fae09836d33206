// A third-party style decoder plugin, loaded by DecoderRegistry::loadPlugins in the tests.
#include <QObject>

#include "core/capture/payload_decoder.h"

namespace {

// "hex" decodes payloads like "0a ff": one sample whose channels are the byte values.
class HexDecoder final : public edgewise::capture::PayloadDecoder {
 public:
  std::string id() const override { return "test-hex"; }
  std::string name() const override { return "Hex bytes (test plugin)"; }
  int sniff(std::string_view payload) const override {
    return !payload.empty() && payload.substr(0, 3) == "hex" ? 100 : 0;
  }
  edgewise::Result<edgewise::capture::SampleBatch> decode(
      std::string_view payload, const edgewise::capture::DecodeContext& ctx) const override {
    edgewise::capture::SampleBatch batch;
    batch.channelNames = {"length"};
    batch.values = {static_cast<float>(payload.size())};
    batch.timestampsUs = {ctx.arrivalUs};
    return batch;
  }
};

}  // namespace

class TestDecoderPlugin : public QObject, public edgewise::capture::DecoderPluginInterface {
  Q_OBJECT
  Q_PLUGIN_METADATA(IID EdgewiseDecoderPlugin_iid)
  Q_INTERFACES(edgewise::capture::DecoderPluginInterface)

 public:
  std::vector<std::unique_ptr<edgewise::capture::PayloadDecoder>> createDecoders() const override {
    std::vector<std::unique_ptr<edgewise::capture::PayloadDecoder>> out;
    out.push_back(std::make_unique<HexDecoder>());
    return out;
  }
};

#include "test_decoder_plugin.moc"
