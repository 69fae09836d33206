#include "core/training/torch/torch_models.h"

namespace edgewise::training {

std::vector<std::string> torchClassifierIds() {
  return {"mlp", "cnn1d", "cnn2d"};
}

Result<std::unique_ptr<Classifier>> createTorchClassifier(const std::string&, const HyperParams&,
                                                          uint64_t, const std::vector<int>&) {
  return Error("not implemented yet");
}

bool isTorchModelFile(const std::string&) {
  return false;
}

Result<std::unique_ptr<Classifier>> loadTorchClassifier(const std::string&) {
  return Error("not implemented yet");
}

Result<void> exportTorchScript(const Classifier&, const std::string&) {
  return Error("not implemented yet");
}

Result<std::unique_ptr<Classifier>> importTorchScript(const std::string&, int,
                                                      const std::vector<int>&) {
  return Error("not implemented yet");
}

void setTorchThreads(int) {}

}  // namespace edgewise::training
