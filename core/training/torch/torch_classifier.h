#pragma once
// Internal to core/training/torch (includes LibTorch): the network of the "mlp", "cnn1d" and
// "cnn2d" families and the Classifier that trains it. Other modules use torch_models.h.

#include <torch/torch.h>

#include <cstdint>
#include <functional>
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
// The forward of a trained "torchscript" model on [N, dims] rows (reshaped to its input
// shape) -> [N, numClasses] logits, differentiable in its input; empty for any other model.
// For the attacks (attacks.cpp), which cannot see the module's class.
std::function<torch::Tensor(const torch::Tensor&)> scriptForward(const Classifier& model);

// ---- reusable training loop (TorchClassifier::train and the compression methods) ----------

// How fitNet() trains. The defaults are those of the families' hyper-parameters.
struct FitOptions {
  int epochs = 30;
  int batchSize = 64;
  double lr = 1e-3;
  std::string optimizer = "adam";  // adam | sgd
  double momentum = 0.9;
  double weightDecay = 0.0;
  std::string schedule = "none";  // none | step | cosine
  int patience = 0;               // early stopping on validation loss (0 = off)
  // Early stopping and the kept weights follow validation accuracy (ties: the lower loss)
  // instead of the loss. Distillation: a student trained on softened targets keeps gaining
  // accuracy after its hard-label validation loss has turned up.
  bool stopOnAccuracy = false;
  bool classWeights = false;
  int augmentShift = 0;  // pixels, {C,H,W} inputs only
  int threads = 0;       // 0 = all cores
  uint64_t seed = 42;    // batch order (std::mt19937_64(seed + 1)) and, if seedTorch, torch
  // torch::manual_seed(seed) at the start (dropout). TorchClassifier seeds before building the
  // net (weight init) and passes false so the random streams are those of earlier releases.
  bool seedTorch = true;
  // Compute the net's mean/stdev from X (the net's standardize mode) before training; false
  // keeps the net's current standardization (fine-tuning, distillation).
  bool initStandardization = false;
  // Loss of a batch: logits [B, C], labels [B], row indices of the batch into X [B], and the
  // batch as the net saw it (after augmentation) [B, dims]. Empty: cross-entropy (with class
  // weights when classWeights).
  std::function<torch::Tensor(const torch::Tensor& logits, const torch::Tensor& labels,
                              const torch::Tensor& rows, const torch::Tensor& inputs)>
      loss;
  // Called after every optimizer step, without autograd (e.g. re-apply pruning masks).
  std::function<void(NetImpl& net)> afterStep;
  TrainContext context;  // validation data (CE loss/accuracy), per-epoch progress, cancel
};

// Trains `net` in place on X (CV_32F, rows = samples, cols = net dims) and y (0..classes-1).
// Returns the per-epoch progress (also reported through options.context.progress). A cancel
// returns Error(kCancelledMessage); the net is then left half-trained. Ends in eval mode.
Result<std::vector<TrainProgress>> fitNet(Net& net, const cv::Mat& X, const std::vector<int>& y,
                                          const FitOptions& options);

// The training settings of a family's (effective) hyper-parameters as FitOptions.
Result<FitOptions> fitOptionsFromParams(const HyperParams& params, uint64_t seed);

// A trained net as a TorchClassifier (id = net->config().family) that predicts, saves and
// loads like a trained family model. `effective` are the hyper-parameters to record; its
// "hidden"/"channels" are overwritten with the net's widths. Null net or bad params: error.
Result<std::unique_ptr<Classifier>> wrapNetChecked(Net net, const HyperParams& effective,
                                                   uint64_t seed);
// The same, nullptr on error (the error is logged).
std::unique_ptr<Classifier> wrapNet(Net net, const HyperParams& effective, uint64_t seed);

// A deep copy of a net (same config, parameters, standardization), in eval mode.
Net copyNet(const Net& net);

// Knowledge-distillation loss (Hinton et al. 2015), mean over the batch:
//   alpha * T^2 * KL(softmax(teacher/T) || softmax(student/T)) + (1 - alpha) * CE(student, y)
// with KL as torch.nn.functional.kl_div(log_softmax(s/T), softmax(t/T), 'batchmean').
torch::Tensor distillationLoss(const torch::Tensor& studentLogits,
                               const torch::Tensor& teacherLogits, const torch::Tensor& labels,
                               double temperature, double alpha);

}  // namespace edgewise::training::torchimpl
