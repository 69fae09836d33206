#pragma once
// FeatureBlock: one DSP feature extractor (raw, stats, spectral, logmel, mfcc, image) with
// named numeric parameters, and the registry that creates them by id. Exact definitions of
// every block are in docs/features.md; reference values come from NumPy/SciPy
// (tests/dataset/features/make_reference.py).
//
// Input layout everywhere: `window` holds `samples` rows of `channels` interleaved float32
// values (sample-major, as recorded). For the image block one "sample" is one pixel in
// row-major order and the channels are B,G,R (OpenCV order) or one gray channel.

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/util/result.h"

namespace edgewise::features {

using Params = std::map<std::string, double>;

// What the GUI will plot for a block: data only, no widgets.
struct Preview {
  std::string title;
  std::string xLabel;
  std::string yLabel;
  // Line plots: one series per channel over x (empty when the preview is a grid).
  std::vector<double> x;
  std::vector<std::vector<double>> series;
  // Heat map / image: rows x cols values, row-major (rows = mel bands or image rows).
  int rows = 0;
  int cols = 0;
  std::vector<float> grid;
};

class FeatureBlock {
 public:
  virtual ~FeatureBlock() = default;

  virtual std::string id() const = 0;
  // Every parameter the block understands with its current value (defaults merged with the
  // overrides given to BlockRegistry::create).
  const Params& params() const { return m_params; }
  double param(const std::string& key) const { return m_params.at(key); }

  // Shape of compute()'s output for an input of `samples` x `channels` at `rateHz`;
  // the output vector holds the product of these in row-major order.
  virtual Result<std::vector<int>> outputDims(int samples, int channels, double rateHz) const = 0;
  virtual Result<std::vector<float>> compute(const float* window, int samples, int channels,
                                             double rateHz) const = 0;
  virtual Result<Preview> preview(const float* window, int samples, int channels,
                                  double rateHz) const = 0;

 protected:
  explicit FeatureBlock(Params defaults) : m_params(std::move(defaults)) {}
  // Range checks of the parameters; called by the registry after overrides are applied.
  virtual Result<void> validate() const = 0;

 private:
  friend class BlockRegistry;
  Params m_params;
};

class BlockRegistry {
 public:
  using Factory = std::function<std::unique_ptr<FeatureBlock>()>;

  // The process-wide registry with the built-ins ("raw", "stats", "spectral", "logmel",
  // "mfcc", "image") already registered.
  static BlockRegistry& instance();

  // Adds or replaces a block type (not thread-safe: register at start-up).
  void add(const std::string& id, Factory factory);
  std::vector<std::string> ids() const;
  // Creates block `id` with `overrides` applied on top of its defaults. Unknown ids,
  // unknown parameter names and out-of-range values are errors.
  Result<std::unique_ptr<FeatureBlock>> create(const std::string& id,
                                               const Params& overrides = {}) const;

 private:
  BlockRegistry();
  std::map<std::string, Factory> m_factories;
};

// Shared input check: non-null, samples >= 1, channels >= 1, every value finite. NaN or Inf
// in a window would silently poison every feature, so it is an error instead.
Result<void> checkWindow(const float* window, int samples, int channels, const std::string& block);

}  // namespace edgewise::features
