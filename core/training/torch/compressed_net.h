#pragma once
// Internal to core/training/torch (includes LibTorch): the network of a compressed variant
// ("mlp-int8", "cnn1d-dint8", "mlp-fp16", "mlp-lowrank", ...) as a list of layers run with
// LibTorch ops (static int8 layers through the quantized engine's prepacked kernels), shared
// by compressed_net.cpp (variants, model file) and torch_script.cpp (TorchScript export).

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/training/classifier.h"
#include "core/training/net_description.h"

namespace edgewise::training::torchimpl {

struct CompressedLayer {
  enum class Kind { Dense, Conv1d, Conv2d };
  Kind kind = Kind::Dense;
  std::string name;      // "fc0", "conv1", "head", low rank halves "fc0_a" / "fc0_b"
  torch::Tensor weight;  // float32 as computed (int8: the dequantized weights)
  torch::Tensor bias;    // float32, or undefined (low-rank first half)
  int64_t padding = 0;   // convs: kernel / 2, stride 1
  bool relu = false;     // ReLU after the layer
  bool pool = false;     // convs: max pooling (kernel 2) after the ReLU
  // int8 weights (static and dynamic): symmetric per-channel, zero point 0.
  bool int8 = false;
  torch::Tensor qweight;  // int8 values (kChar), the weight's shape
  torch::Tensor scales;   // float32 [out]
  // Static int8 only: the uint8 activation quantization of the input and of the output.
  QuantParams in, out;
  c10::IValue packed;  // prepacked weights (quantized::*_prepack), int8 layers only
};

struct CompressedNet {
  std::string family;  // mlp | cnn1d | cnn2d
  std::string method;  // int8 | dint8 | fp16 | lowrank
  std::string engine;  // quantized engine (int8 / dint8): qnnpack | onednn | fbgemm
  std::vector<int64_t> shape;
  int numClasses = 0;
  torch::Tensor mean, stdev;  // standardization [dims] or [1]
  std::vector<CompressedLayer> convs;
  std::vector<CompressedLayer> dense;  // fc..., head (last)

  int64_t dims() const;
  bool staticInt8() const { return method == "int8"; }
};

// The network of a compressed variant, nullptr for any other Classifier.
const CompressedNet* compressedNet(const Classifier& model);
// Logits [N, numClasses] of x [N, dims] (float32), through the variant's own ops.
torch::Tensor compressedForward(const CompressedNet& net, const torch::Tensor& x);
// Makes the net's quantized engine the process's current one (LibTorch has one global engine).
void useEngine(const CompressedNet& net);

}  // namespace edgewise::training::torchimpl
