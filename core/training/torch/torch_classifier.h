#pragma once
// Internal to core/training/torch (includes LibTorch): the network of the "mlp", "cnn1d" and
// "cnn2d" families and the Classifier that trains it. Other modules use torch_models.h.

#include <torch/torch.h>

#include <memory>
#include <string>
#include <vector>

#include "core/training/classifier.h"
#include "core/training/model_file.h"

namespace edgewise::training::torchimpl {

// Effective configuration of a network: every hyper-parameter resolved to a value.
struct NetConfig {
  std::string family;          // mlp | cnn1d | cnn2d
  std::vector<int64_t> shape;  // per-sample input shape
  int numClasses = 0;
  std::vector<int64_t> hidden;    // mlp widths
  std::vector<int64_t> channels;  // conv widths
  int64_t kernel = 3;
  double dropout = 0.1;
  std::string standardize;  // feature | global | none

  int64_t dims() const;
};

// Input standardization + layers. forward() takes [N, dims] rows (row-major flattening of the
// per-sample shape) and returns [N, numClasses] logits.
class NetImpl : public torch::nn::Module {
 public:
  explicit NetImpl(const NetConfig& config);
  torch::Tensor forward(torch::Tensor x);

  const NetConfig& config() const { return m_config; }
  // The standardization (mean/std: [dims] per feature or [1] global), not learned parameters.
  torch::Tensor mean, stdev;
  // Layers in forward order: Linear for mlp, Conv1d/Conv2d for conv nets; `pool` says whether
  // a conv layer is followed by max pooling with kernel 2.
  std::vector<torch::nn::Linear> fc;
  std::vector<torch::nn::Conv1d> conv1;
  std::vector<torch::nn::Conv2d> conv2;
  std::vector<bool> pool;
  torch::nn::Linear head{nullptr};

 private:
  NetConfig m_config;
};
TORCH_MODULE(Net);

// Resolves params (with family defaults) into a NetConfig plus the effective hyper-params.
Result<NetConfig> resolveConfig(const std::string& family, const HyperParams& params,
                                const std::vector<int>& inputShape, HyperParams* effective);

// Classifiers from a decoded model file of a family / of family "torchscript".
Result<std::unique_ptr<Classifier>> loadFamilyFile(const ModelFile& file);
Result<std::unique_ptr<Classifier>> loadScriptFile(const ModelFile& file);

// Compressed variants ("mlp-int8", "cnn1d-fp16", ...; compressed_net.cpp): whether a model
// file family id is one of them, and the Classifier from such a decoded file.
bool isCompressedFamily(const std::string& familyId);
Result<std::unique_ptr<Classifier>> loadCompressedFile(const ModelFile& file);

// The trained network of a torch family, for the TorchScript export (nullptr if untrained).
Net trainedNet(const Classifier& model);

}  // namespace edgewise::training::torchimpl
