#pragma once
// A neural network as plain data (no LibTorch types): the layers of a trained "mlp" or
// "cnn1d" model (float32 or int8 variant) in forward order with their weights. Produced by
// describeNet() in core/training/torch, consumed by the C99 exporter (core/training/export_c)
// and by the microcontroller RAM/flash estimate. Everything is row-major.

#include <cstdint>
#include <string>
#include <vector>

namespace edgewise::training {

// Affine int8/uint8 quantization: real = scale * (q - zeroPoint).
struct QuantParams {
  double scale = 1.0;
  int32_t zeroPoint = 0;
};

struct LayerDescription {
  enum class Kind {
    Standardize,      // y = (x - mean) / std; mean/std hold 1 value (global) or one per input
    Dense,            // y = W x + b, W [out x in]
    Conv1d,           // y[o][t] = b[o] + sum_c sum_k W[o][c][k] x[c][t + k - padding], stride 1
    MaxPool1d,        // y[c][t] = max(x[c][2t], x[c][2t+1]) (kernel 2, stride 2, floor)
    GlobalAvgPool1d,  // y[c] = mean_t x[c][t]
  };
  Kind kind = Kind::Dense;
  std::string name;  // "fc0", "conv1", "head", ... (the layer's name in the model)

  // Shapes. Dense: inputs = in, outputs = out. Conv1d: inputs = in channels, outputs = out
  // channels, kernel, padding; length = input length (output length is the same).
  // Pools: inputs = outputs = channels, length = input length.
  int64_t inputs = 0;
  int64_t outputs = 0;
  int64_t kernel = 1;
  int64_t padding = 0;
  int64_t length = 1;
  bool relu = false;  // ReLU applied to this layer's output

  // Standardize only.
  std::vector<float> mean, stdev;

  // Dense / Conv1d float weights: [out][in] or [out][in][kernel]; bias [out]. For a quantized
  // layer these hold the dequantized weights (what int8 really represents).
  std::vector<float> weights;
  std::vector<float> bias;

  // Quantized layers (static int8): weights as int8 with one symmetric scale per output
  // channel (zero point 0), the input activation's quantization (uint8, per tensor) and the
  // output activation's quantization. Empty qweights: a float layer.
  //
  // How LibTorch's quantized kernels (quantized::linear[_relu], conv1d[_relu]; QNNPACK, the
  // engine quantizeStaticInt8 picks) compute a static int8 layer, for channel c:
  //   bias_q[c] = round(bias[c] / (in.scale * w_scale[c]))                (int32)
  //   acc[c]    = bias_q[c] + sum_i (x_q[i] - in.zeroPoint) * w_q[c][i]     (int32; conv: over
  //               input channels and kernel taps, zero padding = x_q == in.zeroPoint)
  //   y_q[c]    = clamp(round(acc[c] * (in.scale * w_scale[c] / out.scale)) + out.zeroPoint,
  //                     relu ? out.zeroPoint : 0, 255)                      (uint8)
  // with the multiplier in float32 and round-half-to-even. The net's input is quantized with
  // the first layer's inputQuant: x_q = clamp(round(x / scale) + zeroPoint, 0, 255) after the
  // standardization; MaxPool1d works on the uint8 values (scale unchanged, a layer's
  // inputQuant equals the previous layer's outputQuant); a cnn1d dequantizes the last conv's
  // output (scale * (q - zeroPoint)), averages over time in float and quantizes the mean with
  // the head's inputQuant; the head's output is dequantized into the logits. Other engines
  // (oneDNN, FBGEMM) add the bias in float; results may then differ by one step of out.scale.
  std::vector<int8_t> qweights;
  std::vector<double> weightScales;  // one per output channel
  QuantParams inputQuant;
  QuantParams outputQuant;
  bool quantized() const { return !qweights.empty(); }
};

struct NetDescription {
  std::string family;           // "mlp" | "cnn1d"
  std::vector<int> inputShape;  // per-sample: {D} or {C, L}
  int numClasses = 0;
  std::vector<LayerDescription> layers;  // forward order; the last layer outputs the logits
  bool quantized = false;                // static int8 variant
};

}  // namespace edgewise::training
