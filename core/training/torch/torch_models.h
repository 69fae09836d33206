#pragma once
// LibTorch model families ("mlp", "cnn1d", "cnn2d") and TorchScript import/export behind the
// Classifier interface. This header includes no LibTorch header on purpose: everything
// outside core/training/torch talks to Classifier only (LibTorch headers cost ~30 s each).

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/training/classifier.h"
#include "core/util/result.h"

namespace edgewise::training {

// "mlp", "cnn1d", "cnn2d".
std::vector<std::string> torchClassifierIds();

// inputShape is the per-sample shape: {D} for mlp, {C,L} for cnn1d, {C,H,W} for cnn2d (mlp
// accepts any shape and flattens it; cnn1d also accepts a single-channel image {1,H,W} and
// treats it as {H,W}: the H rows are the channels, convolved along the W columns). Unknown ids, bad
// shapes or bad hyper-parameters are errors. Hyper-parameters: epochs, batch_size, lr, optimizer
// (adam|sgd), momentum, weight_decay, schedule (none|step|cosine), patience (early stopping on
// validation loss; 0 = off), class_weights (0|1), hidden ("256,128"), dropout, channels ("16,32"),
// kernel, augment_shift (pixels, {C,H,W} inputs only), threads (0 = all cores).
Result<std::unique_ptr<Classifier>> createTorchClassifier(const std::string& id,
                                                          const HyperParams& params, uint64_t seed,
                                                          const std::vector<int>& inputShape);

// True when the file starts like a model file of one of the families above (or "torchscript").
bool isTorchModelFile(const std::string& path);
// Loads any file written by save() of a torch family (including "torchscript").
Result<std::unique_ptr<Classifier>> loadTorchClassifier(const std::string& path);

// Writes a TorchScript module (standardization included; forward(x[N, dims]) -> logits) that
// torch.jit.load() in Python can run. The model must be a trained torch family.
Result<void> exportTorchScript(const Classifier& model, const std::string& path);
// Wraps a TorchScript module trained elsewhere as a Classifier with id "torchscript"
// (forward takes [N, ...inputShape] float32 and returns [N, numClasses] logits).
Result<std::unique_ptr<Classifier>> importTorchScript(const std::string& path, int numClasses,
                                                      const std::vector<int>& inputShape);

// LibTorch intra-op threads for the whole process; 0 = all cores.
void setTorchThreads(int n);

}  // namespace edgewise::training
