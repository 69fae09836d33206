#pragma once
#include <QString>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/capture/payload_decoder.h"

namespace edgewise::capture {

// Holds every available decoder. Thread-safe for lookups after start-up registration.
class DecoderRegistry {
 public:
  // The process-wide registry. Executables fill it at start-up with
  // edgewise::decoders::registerBuiltinDecoders() from plugins/decoders (core cannot depend
  // on plugins), then loadPlugins() for third-party ones.
  static DecoderRegistry& instance();

  void add(std::unique_ptr<PayloadDecoder> decoder);  // replaces one with the same id
  const PayloadDecoder* find(std::string_view id) const;
  std::vector<const PayloadDecoder*> all() const;
  // The decoder with the highest sniff() score (> 0), or nullptr.
  const PayloadDecoder* detect(std::string_view payload) const;
  // Loads Qt plugins implementing DecoderPluginInterface from dir; returns how many
  // decoders were added, or an error per plugin that failed (collected in errors).
  int loadPlugins(const QString& dir, std::vector<std::string>* errors = nullptr);

 private:
  mutable std::mutex m_mutex;
  std::vector<std::unique_ptr<PayloadDecoder>> m_decoders;
};

}  // namespace edgewise::capture
