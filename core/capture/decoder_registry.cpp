#include "core/capture/decoder_registry.h"

#include <QDir>
#include <QLibrary>
#include <QPluginLoader>

#include "core/util/log.h"

namespace edgewise::capture {

DecoderRegistry& DecoderRegistry::instance() {
  static DecoderRegistry registry;
  return registry;
}

void DecoderRegistry::add(std::unique_ptr<PayloadDecoder> decoder) {
  if (!decoder) return;
  std::lock_guard<std::mutex> lock(m_mutex);
  const std::string id = decoder->id();
  for (auto& existing : m_decoders) {
    if (existing->id() == id) {
      existing = std::move(decoder);
      return;
    }
  }
  m_decoders.push_back(std::move(decoder));
}

const PayloadDecoder* DecoderRegistry::find(std::string_view id) const {
  std::lock_guard<std::mutex> lock(m_mutex);
  for (const auto& d : m_decoders) {
    if (d->id() == id) return d.get();
  }
  return nullptr;
}

std::vector<const PayloadDecoder*> DecoderRegistry::all() const {
  std::lock_guard<std::mutex> lock(m_mutex);
  std::vector<const PayloadDecoder*> out;
  out.reserve(m_decoders.size());
  for (const auto& d : m_decoders) out.push_back(d.get());
  return out;
}

const PayloadDecoder* DecoderRegistry::detect(std::string_view payload) const {
  std::lock_guard<std::mutex> lock(m_mutex);
  const PayloadDecoder* best = nullptr;
  int bestScore = 0;
  for (const auto& d : m_decoders) {
    const int score = d->sniff(payload);
    if (score > bestScore) {  // ties keep the earlier registration
      bestScore = score;
      best = d.get();
    }
  }
  return best;
}

int DecoderRegistry::loadPlugins(const QString& dir, std::vector<std::string>* errors) {
  auto report = [errors](const std::string& message) {
    qCWarning(lcDecode, "%s", message.c_str());
    if (errors) errors->push_back(message);
  };
  const QDir pluginDir(dir);
  if (!pluginDir.exists()) {
    report("decoder plugin folder " + dir.toStdString() + " does not exist");
    return 0;
  }
  int added = 0;
  const QStringList files = pluginDir.entryList(QDir::Files | QDir::Readable, QDir::Name);
  for (const QString& file : files) {
    const QString path = pluginDir.absoluteFilePath(file);
    if (!QLibrary::isLibrary(path)) continue;
    QPluginLoader loader(path);
    QObject* instance = loader.instance();
    if (!instance) {
      report("decoder plugin " + path.toStdString() +
             " could not be loaded: " + loader.errorString().toStdString());
      continue;
    }
    auto* plugin = qobject_cast<DecoderPluginInterface*>(instance);
    if (!plugin) {
      report("plugin " + path.toStdString() + " does not implement " +
             std::string(EdgewiseDecoderPlugin_iid) + "; rebuild it against this Edgewise");
      loader.unload();
      continue;
    }
    // The library stays loaded for the life of the process: its decoders' code lives in it.
    for (auto& decoder : plugin->createDecoders()) {
      if (!decoder) continue;
      qCInfo(lcDecode, "decoder '%s' from plugin %s", decoder->id().c_str(), qUtf8Printable(file));
      add(std::move(decoder));
      ++added;
    }
  }
  return added;
}

}  // namespace edgewise::capture
