#include "core/dataset/features/feature_block.h"

#include <cmath>

#include "core/dataset/features/audio_blocks.h"
#include "core/dataset/features/image_block.h"
#include "core/dataset/features/spectral_block.h"
#include "core/dataset/features/time_blocks.h"

namespace edgewise::features {

BlockRegistry& BlockRegistry::instance() {
  static BlockRegistry registry;
  return registry;
}

BlockRegistry::BlockRegistry() {
  add("raw", [] { return std::make_unique<RawBlock>(); });
  add("stats", [] { return std::make_unique<StatsBlock>(); });
  add("spectral", [] { return std::make_unique<SpectralBlock>(); });
  add("logmel", [] { return std::make_unique<LogMelBlock>(); });
  add("mfcc", [] { return std::make_unique<MfccBlock>(); });
  add("image", [] { return std::make_unique<ImageBlock>(); });
}

void BlockRegistry::add(const std::string& id, Factory factory) {
  m_factories[id] = std::move(factory);
}

std::vector<std::string> BlockRegistry::ids() const {
  std::vector<std::string> out;
  for (const auto& [id, factory] : m_factories) out.push_back(id);
  return out;
}

Result<std::unique_ptr<FeatureBlock>> BlockRegistry::create(const std::string& id,
                                                            const Params& overrides) const {
  const auto it = m_factories.find(id);
  if (it == m_factories.end()) {
    std::string known;
    for (const auto& name : ids()) known += (known.empty() ? "" : ", ") + name;
    return Error("unknown feature block '" + id + "' (known: " + known + ")",
                 "creating feature block");
  }
  std::unique_ptr<FeatureBlock> block = it->second();
  for (const auto& [key, value] : overrides) {
    auto p = block->m_params.find(key);
    if (p == block->m_params.end())
      return Error("block '" + id + "' has no parameter '" + key + "'", "creating feature block");
    if (!std::isfinite(value))
      return Error("parameter '" + key + "' of block '" + id + "' must be a finite number",
                   "creating feature block");
    p->second = value;
  }
  const Result<void> valid = block->validate();
  if (!valid.ok()) return valid.error().wrap("creating feature block '" + id + "'");
  return block;
}

Result<void> checkWindow(const float* window, int samples, int channels, const std::string& block) {
  const std::string context = "computing feature block '" + block + "'";
  if (window == nullptr || samples <= 0 || channels <= 0)
    return Error("empty input (" + std::to_string(samples) + " samples x " +
                     std::to_string(channels) + " channels); a window needs at least one value",
                 context);
  const long long n = static_cast<long long>(samples) * channels;
  for (long long i = 0; i < n; ++i) {
    if (!std::isfinite(window[i]))
      return Error("non-finite value (NaN or Inf) at sample " + std::to_string(i / channels) +
                       ", channel " + std::to_string(i % channels) +
                       "; clean or drop this window before extracting features",
                   context);
  }
  return okResult();
}

}  // namespace edgewise::features
