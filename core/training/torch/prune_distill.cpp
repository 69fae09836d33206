// Magnitude and structured pruning with fine-tuning, and knowledge distillation, for the
// torch families. Placeholder: the implementation lands with issue 5.

#include "core/training/torch/torch_compress.h"

namespace edgewise::training {

Result<CompressResult> pruneMagnitude(const Classifier&, double, const FineTuneOptions&) {
  return Error("magnitude pruning is not implemented yet");
}

Result<CompressResult> pruneStructured(const Classifier&, double, const FineTuneOptions&) {
  return Error("structured pruning is not implemented yet");
}

Result<CompressResult> distill(const Classifier&, const DistillOptions&, const FineTuneOptions&) {
  return Error("distillation is not implemented yet");
}

}  // namespace edgewise::training
