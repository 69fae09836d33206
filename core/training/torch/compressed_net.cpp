// Quantized (static / dynamic int8), float16 and low-rank variants of the torch families,
// their model file, TorchScript export and description for the C99 export.
// Placeholder: the implementation lands with issue 5.

#include "core/training/torch/torch_classifier.h"
#include "core/training/torch/torch_compress.h"

namespace edgewise::training {

namespace torchimpl {
bool isCompressedFamily(const std::string&) {
  return false;
}
Result<std::unique_ptr<Classifier>> loadCompressedFile(const ModelFile& file) {
  return Error("compressed model files ('" + file.familyId + "') are not supported yet");
}
}  // namespace torchimpl

namespace {
Error notYet(const std::string& what) {
  return Error(what + " is not implemented yet");
}
}  // namespace

std::vector<std::string> quantizedEngines() {
  return {};
}

Result<CompressResult> quantizeStaticInt8(const Classifier&, const cv::Mat&,
                                          const QuantizeOptions&) {
  return notYet("static int8 quantization");
}

Result<CompressResult> quantizeDynamicInt8(const Classifier&, const QuantizeOptions&) {
  return notYet("dynamic int8 quantization");
}

Result<CompressResult> convertFloat16(const Classifier&) {
  return notYet("float16 weights");
}

Result<CompressResult> lowRankFactorize(const Classifier&, int, double, const FineTuneOptions&) {
  return notYet("low-rank factorization");
}

int64_t countNonzeroParameters(const Classifier& model) {
  return model.parameterCount();
}

Result<NetDescription> describeNet(const Classifier&) {
  return notYet("describeNet");
}

Result<cv::Mat> predictLogits(const Classifier&, const cv::Mat&) {
  return notYet("predictLogits");
}

}  // namespace edgewise::training
