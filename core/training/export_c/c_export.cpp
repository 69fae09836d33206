#include "core/training/export_c/c_export.h"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iomanip>
#include <numeric>
#include <set>
#include <sstream>

namespace edgewise::training {

namespace {

namespace fs = std::filesystem;
using Kind = LayerDescription::Kind;

// ---- C literals ---------------------------------------------------------------------------

// Shortest text that reads back as the same float, as a C float literal ("1.0f", "1e-05f").
std::string floatLit(float v) {
  char buf[64];
  for (int precision = 6; precision <= 9; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, static_cast<double>(v));
    if (std::strtof(buf, nullptr) == v) break;
  }
  std::string s = buf;
  if (s.find_first_of(".e") == std::string::npos) s += ".0";
  return s + "f";
}

template <typename T, typename F>
void writeArray(std::ostringstream& os, const char* ctype, const std::string& name,
                const std::vector<T>& values, F format, int64_t* bytes) {
  os << "static const " << ctype << " " << name << "[" << values.size() << "] = {";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i % 12 == 0) os << "\n  ";
    os << format(values[i]) << (i + 1 < values.size() ? ", " : "");
  }
  os << "\n};\n";
  *bytes += static_cast<int64_t>(values.size() * sizeof(T));
}

void writeFloats(std::ostringstream& os, const std::string& name, const std::vector<float>& v,
                 int64_t* bytes) {
  writeArray(os, "float", name, v, floatLit, bytes);
}

// ---- features -----------------------------------------------------------------------------

struct FeaturePlan {
  enum class Op { Copy, Pixels, Transpose, Stats } op = Op::Copy;
  bool rawIsBytes = false;  // images: uint8 pixels
  int samples = 0;          // time steps / pixels
  int channels = 1;
  int64_t rawInputs = 0;
  int64_t outputs = 0;
};

Result<FeaturePlan> planFeatures(const CFeatureSpec& f) {
  const std::string ctx = "C99 export of the features";
  FeaturePlan p;
  auto refuse = [&](const std::string& what) {
    return Error(what +
                     "; the C99 export implements the default features of tabular, image and "
                     "time-series datasets and the 'raw' and 'stats' blocks of time series and "
                     "audio (logmel, mfcc, spectral and image resizing are not available in C)",
                 ctx);
  };
  if (f.kind == "tabular") {
    if (!f.block.empty()) return refuse("tabular block '" + f.block + "' is not supported");
    p.op = FeaturePlan::Op::Copy;
    p.samples = f.length;
    p.channels = 1;
  } else if (f.kind == "image") {
    if (!f.block.empty()) return refuse("image block '" + f.block + "' is not supported");
    if (f.channels != 1 && f.channels != 3)
      return Error("an image needs 1 (gray) or 3 (BGR) channels", ctx);
    p.op = FeaturePlan::Op::Pixels;
    p.rawIsBytes = true;
    p.samples = f.height * f.width;
    p.channels = f.channels;
  } else if (f.kind == "timeseries" || f.kind == "audio") {
    const bool audio = f.kind == "audio";
    if (audio && f.block.empty())
      return refuse("the default audio features (mfcc) are not supported");
    p.samples = audio ? static_cast<int>(f.rateHz) : f.length;
    p.channels = audio ? 1 : f.channels;
    if (f.block.empty() || f.block == "raw") {
      p.op = FeaturePlan::Op::Transpose;
    } else if (f.block == "stats") {
      p.op = FeaturePlan::Op::Stats;
    } else {
      return refuse("feature block '" + f.block + "' is not supported");
    }
  } else {
    return Error("unknown dataset kind '" + f.kind + "' (tabular, image, timeseries, audio)", ctx);
  }
  if (!f.params.empty() && p.op != FeaturePlan::Op::Stats && f.block != "raw")
    return Error("the default features take no parameters", ctx);
  if (p.samples <= 0 || p.channels <= 0)
    return Error("the feature input shape is empty (samples " + std::to_string(p.samples) +
                     ", channels " + std::to_string(p.channels) + ")",
                 ctx);
  p.rawInputs = static_cast<int64_t>(p.samples) * p.channels;
  p.outputs = p.op == FeaturePlan::Op::Stats ? int64_t{6} * p.channels : p.rawInputs;
  return p;
}

// ---- network plan -------------------------------------------------------------------------

int64_t shapeProduct(const std::vector<int>& v) {
  return std::accumulate(v.begin(), v.end(), int64_t{1}, std::multiplies<int64_t>());
}

// Output element count of a layer.
int64_t layerOutputs(const LayerDescription& l) {
  switch (l.kind) {
    case Kind::Standardize:
      return l.inputs;
    case Kind::Dense:
      return l.outputs;
    case Kind::Conv1d:
      return l.outputs * l.length;
    case Kind::MaxPool1d:
      return l.outputs * (l.length / 2);
    case Kind::GlobalAvgPool1d:
      return l.outputs;
  }
  return 0;
}

int64_t layerInputs(const LayerDescription& l) {
  switch (l.kind) {
    case Kind::Standardize:
    case Kind::Dense:
      return l.inputs;
    case Kind::Conv1d:
    case Kind::MaxPool1d:
    case Kind::GlobalAvgPool1d:
      return l.inputs * l.length;
  }
  return 0;
}

Result<void> checkNet(const NetDescription& net) {
  const std::string ctx = "C99 export of the network";
  if (net.family != "mlp" && net.family != "cnn1d")
    return Error("family '" + net.family +
                     "' cannot be exported to C99 (only mlp and cnn1d, float or static int8)",
                 ctx);
  if (net.layers.empty()) return Error("the network has no layers", ctx);
  if (net.numClasses <= 0) return Error("the network has no classes", ctx);
  int64_t size = shapeProduct(net.inputShape);
  if (net.inputShape.empty() || size <= 0) return Error("the input shape is empty", ctx);
  for (const LayerDescription& l : net.layers) {
    const std::string where = "layer '" + l.name + "'";
    if (layerInputs(l) != size)
      return Error(where + " takes " + std::to_string(layerInputs(l)) + " values but gets " +
                       std::to_string(size),
                   ctx);
    switch (l.kind) {
      case Kind::Standardize: {
        const size_t n = l.mean.size();
        if ((n != 1 && n != static_cast<size_t>(l.inputs)) || l.stdev.size() != n)
          return Error(where + ": mean/std must hold 1 or " + std::to_string(l.inputs) + " values",
                       ctx);
        for (size_t i = 0; i < n; ++i)
          if (!std::isfinite(l.mean[i]) || !std::isfinite(l.stdev[i]) || l.stdev[i] == 0.0f)
            return Error(where + ": mean/std hold a non-finite value or a zero std", ctx);
        break;
      }
      case Kind::Dense:
      case Kind::Conv1d: {
        const int64_t k = l.kind == Kind::Conv1d ? l.kernel : 1;
        const size_t expect = static_cast<size_t>(l.outputs * l.inputs * k);
        if (l.kind == Kind::Conv1d && (l.kernel < 1 || l.padding < 0 || 2 * l.padding != k - 1))
          return Error(where + ": only odd kernels with 'same' padding are supported", ctx);
        if (l.bias.size() != static_cast<size_t>(l.outputs))
          return Error(where + ": bias has " + std::to_string(l.bias.size()) +
                           " values, expected " + std::to_string(l.outputs),
                       ctx);
        if (l.quantized()) {
          if (l.qweights.size() != expect ||
              l.weightScales.size() != static_cast<size_t>(l.outputs))
            return Error(where + ": int8 weights or scales have the wrong size", ctx);
          if (l.inputQuant.scale <= 0 || l.outputQuant.scale <= 0 || l.inputQuant.zeroPoint < 0 ||
              l.inputQuant.zeroPoint > 255 || l.outputQuant.zeroPoint < 0 ||
              l.outputQuant.zeroPoint > 255)
            return Error(where + ": bad uint8 activation quantization", ctx);
        } else if (l.weights.size() != expect) {
          return Error(where + ": weights have " + std::to_string(l.weights.size()) +
                           " values, expected " + std::to_string(expect),
                       ctx);
        }
        break;
      }
      case Kind::MaxPool1d:
      case Kind::GlobalAvgPool1d:
        if (l.inputs != l.outputs) return Error(where + ": a pool keeps the channels", ctx);
        if (l.kind == Kind::MaxPool1d && l.length < 2)
          return Error(where + ": max pooling needs at least 2 steps", ctx);
        break;
    }
    size = layerOutputs(l);
  }
  if (size != net.numClasses)
    return Error("the last layer gives " + std::to_string(size) + " values for " +
                     std::to_string(net.numClasses) + " classes",
                 ctx);
  return okResult();
}

// ---- code generation ----------------------------------------------------------------------

struct Generated {
  std::map<std::string, std::string> files;  // name -> content
  int64_t weightBytes = 0;
  int64_t activationBytes = 0;
  int64_t featureBytes = 0;
};

const char* kFloatKernels[] = {
    // dense
    "static void ew_dense_f(const float *x, float *y, const float *w, const float *b, int nin,\n"
    "                       int nout, int relu) {\n"
    "  int o, i;\n"
    "  for (o = 0; o < nout; ++o) {\n"
    "    const float *wr = w + (long)o * nin;\n"
    "    float acc = 0.0f;\n"
    "    for (i = 0; i < nin; ++i) acc += wr[i] * x[i];\n"
    "    acc += b[o];\n"
    "    y[o] = (relu && acc < 0.0f) ? 0.0f : acc;\n"
    "  }\n"
    "}\n",
    // conv1d
    "static void ew_conv1d_f(const float *x, float *y, const float *w, const float *b, int cin,\n"
    "                        int cout, int len, int k, int pad, int relu) {\n"
    "  int o, t, c, j;\n"
    "  for (o = 0; o < cout; ++o) {\n"
    "    for (t = 0; t < len; ++t) {\n"
    "      float acc = 0.0f;\n"
    "      for (c = 0; c < cin; ++c) {\n"
    "        const float *wr = w + ((long)o * cin + c) * k;\n"
    "        const float *xr = x + (long)c * len;\n"
    "        for (j = 0; j < k; ++j) {\n"
    "          const int s = t + j - pad;\n"
    "          if (s >= 0 && s < len) acc += wr[j] * xr[s];\n"
    "        }\n"
    "      }\n"
    "      acc += b[o];\n"
    "      y[(long)o * len + t] = (relu && acc < 0.0f) ? 0.0f : acc;\n"
    "    }\n"
    "  }\n"
    "}\n",
    // max pool
    "static void ew_maxpool1d_f(const float *x, float *y, int ch, int len) {\n"
    "  int c, t;\n"
    "  const int out = len / 2;\n"
    "  for (c = 0; c < ch; ++c)\n"
    "    for (t = 0; t < out; ++t) {\n"
    "      const float a = x[(long)c * len + 2 * t], b = x[(long)c * len + 2 * t + 1];\n"
    "      y[(long)c * out + t] = a > b ? a : b;\n"
    "    }\n"
    "}\n",
    // global average pool
    "static void ew_gap1d_f(const float *x, float *y, int ch, int len) {\n"
    "  int c, t;\n"
    "  for (c = 0; c < ch; ++c) {\n"
    "    float acc = 0.0f;\n"
    "    for (t = 0; t < len; ++t) acc += x[(long)c * len + t];\n"
    "    y[c] = acc / (float)len;\n"
    "  }\n"
    "}\n",
};

const char* kQuantKernels[] = {
    // requantize
    "/* LibTorch/QNNPACK fp32 requantization: round-to-nearest-even of acc * multiplier, plus the\n"
    "   output zero point, clamped to lo..255 (lo = zero point for a fused ReLU, else 0). */\n"
    "static uint8_t ew_requant(int32_t acc, float m, int32_t zp, int32_t lo) {\n"
    "  float v = nearbyintf((float)acc * m) + (float)zp;\n"
    "  if (v < (float)lo) v = (float)lo;\n"
    "  if (v > 255.0f) v = 255.0f;\n"
    "  return (uint8_t)v;\n"
    "}\n",
    // dense
    "static void ew_dense_q(const uint8_t *x, uint8_t *y, const int8_t *w, const int32_t *b,\n"
    "                       const float *m, int nin, int nout, int32_t xzp, int32_t yzp,\n"
    "                       int32_t lo) {\n"
    "  int o, i;\n"
    "  for (o = 0; o < nout; ++o) {\n"
    "    const int8_t *wr = w + (long)o * nin;\n"
    "    int32_t acc = b[o];\n"
    "    for (i = 0; i < nin; ++i) acc += ((int32_t)x[i] - xzp) * (int32_t)wr[i];\n"
    "    y[o] = ew_requant(acc, m[o], yzp, lo);\n"
    "  }\n"
    "}\n",
    // conv1d
    "static void ew_conv1d_q(const uint8_t *x, uint8_t *y, const int8_t *w, const int32_t *b,\n"
    "                        const float *m, int cin, int cout, int len, int k, int pad,\n"
    "                        int32_t xzp, int32_t yzp, int32_t lo) {\n"
    "  int o, t, c, j;\n"
    "  for (o = 0; o < cout; ++o) {\n"
    "    for (t = 0; t < len; ++t) {\n"
    "      int32_t acc = b[o];\n"
    "      for (c = 0; c < cin; ++c) {\n"
    "        const int8_t *wr = w + ((long)o * cin + c) * k;\n"
    "        const uint8_t *xr = x + (long)c * len;\n"
    "        for (j = 0; j < k; ++j) {\n"
    "          const int s = t + j - pad; /* padding is the zero point: contributes 0 */\n"
    "          if (s >= 0 && s < len) acc += ((int32_t)xr[s] - xzp) * (int32_t)wr[j];\n"
    "        }\n"
    "      }\n"
    "      y[(long)o * len + t] = ew_requant(acc, m[o], yzp, lo);\n"
    "    }\n"
    "  }\n"
    "}\n",
    // max pool
    "static void ew_maxpool1d_q(const uint8_t *x, uint8_t *y, int ch, int len) {\n"
    "  int c, t;\n"
    "  const int out = len / 2;\n"
    "  for (c = 0; c < ch; ++c)\n"
    "    for (t = 0; t < out; ++t) {\n"
    "      const uint8_t a = x[(long)c * len + 2 * t], b = x[(long)c * len + 2 * t + 1];\n"
    "      y[(long)c * out + t] = a > b ? a : b;\n"
    "    }\n"
    "}\n",
    // global average pool of quantized values, as a float (mean of the dequantized values)
    "static void ew_gap1d_qf(const uint8_t *x, float *y, int ch, int len, float s, int32_t zp) {\n"
    "  int c, t;\n"
    "  for (c = 0; c < ch; ++c) {\n"
    "    float acc = 0.0f;\n"
    "    for (t = 0; t < len; ++t) acc += (float)((int32_t)x[(long)c * len + t] - zp) * s;\n"
    "    y[c] = acc / (float)len;\n"
    "  }\n"
    "}\n",
    // quantize
    "static void ew_quantize(const float *x, uint8_t *y, int n, float inv, int32_t zp) {\n"
    "  int i;\n"
    "  for (i = 0; i < n; ++i) {\n"
    "    float v = nearbyintf(x[i] * inv) + (float)zp;\n"
    "    if (v < 0.0f) v = 0.0f;\n"
    "    if (v > 255.0f) v = 255.0f;\n"
    "    y[i] = (uint8_t)v;\n"
    "  }\n"
    "}\n",
    // dequantize
    "static void ew_dequantize(const uint8_t *x, float *y, int n, float s, int32_t zp) {\n"
    "  int i;\n"
    "  for (i = 0; i < n; ++i) y[i] = (float)((int32_t)x[i] - zp) * s;\n"
    "}\n",
};

enum KernelId {
  kDenseF,
  kConvF,
  kMaxF,
  kGapF,
  kRequant = 10,
  kDenseQ,
  kConvQ,
  kMaxQ,
  kGapQF,
  kQuantize,
  kDequantize,
  kStandardize = 20,
  kStandardizeQuantize,
};

const char* kStandardizeKernel =
    "static void ew_standardize(const float *x, float *y, int n, const float *mean,\n"
    "                           const float *stdv, int per_feature) {\n"
    "  int i;\n"
    "  for (i = 0; i < n; ++i) {\n"
    "    const int j = per_feature ? i : 0;\n"
    "    y[i] = (x[i] - mean[j]) / stdv[j];\n"
    "  }\n"
    "}\n";

// Standardization fused with the quantization of the first int8 layer's input: saves the float
// copy of the input row in RAM (same float operations as the two steps).
const char* kStandardizeQuantizeKernel =
    "static void ew_standardize_quantize(const float *x, uint8_t *y, int n, const float *mean,\n"
    "                                    const float *stdv, int per_feature, float inv,\n"
    "                                    int32_t zp) {\n"
    "  int i;\n"
    "  for (i = 0; i < n; ++i) {\n"
    "    const int j = per_feature ? i : 0;\n"
    "    const float s = (x[i] - mean[j]) / stdv[j];\n"
    "    float v = nearbyintf(s * inv) + (float)zp;\n"
    "    if (v < 0.0f) v = 0.0f;\n"
    "    if (v > 255.0f) v = 255.0f;\n"
    "    y[i] = (uint8_t)v;\n"
    "  }\n"
    "}\n";

std::string kernelText(int id) {
  if (id == kStandardize) return kStandardizeKernel;
  if (id == kStandardizeQuantize) return kStandardizeQuantizeKernel;
  if (id < kRequant) return kFloatKernels[id];
  return kQuantKernels[id - kRequant];
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

Result<Generated> generate(const NetDescription& net, const CFeatureSpec& spec,
                           const std::string& prefix) {
  EW_TRY(checkExportable(net, spec));
  Result<FeaturePlan> fp = planFeatures(spec);
  const FeaturePlan feat = fp.value();
  const int64_t inputs = shapeProduct(net.inputShape);
  const std::string guard = upper(prefix);
  Generated g;

  // ---- model: weights and forward body ----
  std::ostringstream weights, body;
  std::set<int> kernels;
  // Buffers: f0/f1 float, q0/q1 uint8; sizes grow as steps use them.
  int64_t fSize[2] = {0, 0}, qSize[2] = {0, 0};
  enum class Dom { F, Q } dom = Dom::F;
  std::string cur = "features";  // the caller's row (const)
  int curIdx = -1;               // -1: not one of our buffers
  QuantParams curQ;
  int64_t curSize = inputs;

  auto nextBuf = [&](Dom d, int64_t size) {
    int idx = 0;
    if (d == dom && curIdx >= 0) idx = 1 - curIdx;
    int64_t* sizes = d == Dom::F ? fSize : qSize;
    sizes[idx] = std::max(sizes[idx], size);
    curIdx = idx;
    dom = d;
    return std::string(d == Dom::F ? "ew_f" : "ew_q") + std::to_string(idx);
  };
  auto toFloat = [&]() {
    if (dom == Dom::F) return;
    kernels.insert(kDequantize);
    const std::string in = cur;
    const std::string out = nextBuf(Dom::F, curSize);
    body << "  ew_dequantize(" << in << ", " << out << ", " << curSize << ", "
         << floatLit(static_cast<float>(curQ.scale)) << ", " << curQ.zeroPoint << ");\n";
    cur = out;
  };
  // A quantized layer takes the uint8 tensor it is given with that tensor's own parameters
  // (as LibTorch's quantized ops do); only a float activation is quantized, with the layer's
  // input parameters.
  auto toQuant = [&](const QuantParams& q) {
    if (dom == Dom::Q) return;
    kernels.insert(kQuantize);
    const std::string in = cur;
    const std::string out = nextBuf(Dom::Q, curSize);
    body << "  ew_quantize(" << in << ", " << out << ", " << curSize << ", "
         << floatLit(1.0f / static_cast<float>(q.scale)) << ", " << q.zeroPoint << ");\n";
    cur = out;
    curQ = q;
  };

  for (size_t li = 0; li < net.layers.size(); ++li) {
    const LayerDescription& l = net.layers[li];
    const std::string sym = "ew_l" + std::to_string(li);
    body << "  /* " << li << ": " << l.name << " */\n";
    const int64_t outSize = layerOutputs(l);
    switch (l.kind) {
      case Kind::Standardize: {
        toFloat();
        writeFloats(weights, sym + "_mean", l.mean, &g.weightBytes);
        writeFloats(weights, sym + "_std", l.stdev, &g.weightBytes);
        const std::string in = cur;
        if (li + 1 < net.layers.size() && net.layers[li + 1].quantized()) {
          const QuantParams q = net.layers[li + 1].inputQuant;
          kernels.insert(kStandardizeQuantize);
          const std::string out = nextBuf(Dom::Q, outSize);
          body << "  ew_standardize_quantize(" << in << ", " << out << ", " << l.inputs << ", "
               << sym << "_mean, " << sym << "_std, " << (l.mean.size() > 1 ? 1 : 0) << ", "
               << floatLit(1.0f / static_cast<float>(q.scale)) << ", " << q.zeroPoint << ");\n";
          cur = out;
          curQ = q;
          break;
        }
        kernels.insert(kStandardize);
        const std::string out = nextBuf(Dom::F, outSize);
        body << "  ew_standardize(" << in << ", " << out << ", " << l.inputs << ", " << sym
             << "_mean, " << sym << "_std, " << (l.mean.size() > 1 ? 1 : 0) << ");\n";
        cur = out;
        break;
      }
      case Kind::Dense:
      case Kind::Conv1d: {
        const bool conv = l.kind == Kind::Conv1d;
        if (l.quantized()) {
          toQuant(l.inputQuant);
          const QuantParams inQ = curQ;
          kernels.insert(kRequant);
          kernels.insert(conv ? kConvQ : kDenseQ);
          const float inScale = static_cast<float>(inQ.scale);
          const float invOutScale = 1.0f / static_cast<float>(l.outputQuant.scale);
          std::vector<int32_t> qb(l.outputs);
          std::vector<float> mult(l.outputs);
          for (int64_t o = 0; o < l.outputs; ++o) {
            // As LibTorch's QNNPACK linear/conv (qnnpack_utils.h): bias quantized to int32
            // with scale weight_scale * input_scale, requantization multiplier
            // (weight_scale * input_scale) * (1 / output_scale), all in float.
            const float accScale = static_cast<float>(l.weightScales[o]) * inScale;
            qb[o] = static_cast<int32_t>(std::nearbyint(l.bias[o] * (1.0f / accScale)));
            mult[o] = accScale * invOutScale;
          }
          writeArray(
              weights, "int8_t", sym + "_w", l.qweights,
              [](int8_t v) { return std::to_string(static_cast<int>(v)); }, &g.weightBytes);
          writeArray(
              weights, "int32_t", sym + "_b", qb, [](int32_t v) { return std::to_string(v); },
              &g.weightBytes);
          writeFloats(weights, sym + "_m", mult, &g.weightBytes);
          const std::string in = cur;
          const std::string out = nextBuf(Dom::Q, outSize);
          const int32_t lo = l.relu ? l.outputQuant.zeroPoint : 0;
          if (conv)
            body << "  ew_conv1d_q(" << in << ", " << out << ", " << sym << "_w, " << sym << "_b, "
                 << sym << "_m, " << l.inputs << ", " << l.outputs << ", " << l.length << ", "
                 << l.kernel << ", " << l.padding << ", " << inQ.zeroPoint << ", "
                 << l.outputQuant.zeroPoint << ", " << lo << ");\n";
          else
            body << "  ew_dense_q(" << in << ", " << out << ", " << sym << "_w, " << sym << "_b, "
                 << sym << "_m, " << l.inputs << ", " << l.outputs << ", " << l.inputQuant.zeroPoint
                 << ", " << l.outputQuant.zeroPoint << ", " << lo << ");\n";
          cur = out;
          curQ = l.outputQuant;
        } else {
          toFloat();
          kernels.insert(conv ? kConvF : kDenseF);
          writeFloats(weights, sym + "_w", l.weights, &g.weightBytes);
          writeFloats(weights, sym + "_b", l.bias, &g.weightBytes);
          const std::string in = cur;
          const std::string out = nextBuf(Dom::F, outSize);
          if (conv)
            body << "  ew_conv1d_f(" << in << ", " << out << ", " << sym << "_w, " << sym << "_b, "
                 << l.inputs << ", " << l.outputs << ", " << l.length << ", " << l.kernel << ", "
                 << l.padding << ", " << (l.relu ? 1 : 0) << ");\n";
          else
            body << "  ew_dense_f(" << in << ", " << out << ", " << sym << "_w, " << sym << "_b, "
                 << l.inputs << ", " << l.outputs << ", " << (l.relu ? 1 : 0) << ");\n";
          cur = out;
        }
        break;
      }
      case Kind::MaxPool1d: {
        const bool q = dom == Dom::Q;
        kernels.insert(q ? kMaxQ : kMaxF);
        const std::string in = cur;
        const std::string out = nextBuf(dom, outSize);
        body << "  ew_maxpool1d_" << (q ? "q(" : "f(") << in << ", " << out << ", " << l.inputs
             << ", " << l.length << ");\n";
        cur = out;
        break;
      }
      case Kind::GlobalAvgPool1d: {
        const std::string in = cur;
        if (dom == Dom::Q) {
          kernels.insert(kGapQF);
          const QuantParams q = curQ;
          const std::string out = nextBuf(Dom::F, outSize);
          body << "  ew_gap1d_qf(" << in << ", " << out << ", " << l.inputs << ", " << l.length
               << ", " << floatLit(static_cast<float>(q.scale)) << ", " << q.zeroPoint << ");\n";
          cur = out;
        } else {
          kernels.insert(kGapF);
          const std::string out = nextBuf(Dom::F, outSize);
          body << "  ew_gap1d_f(" << in << ", " << out << ", " << l.inputs << ", " << l.length
               << ");\n";
          cur = out;
        }
        break;
      }
    }
    if (l.relu && (l.kind == Kind::Standardize || l.kind == Kind::MaxPool1d ||
                   l.kind == Kind::GlobalAvgPool1d))
      return Error("layer '" + l.name + "': a ReLU after a " +
                   std::string(l.kind == Kind::Standardize ? "standardization" : "pool") +
                   " is not supported by the C99 export");
    curSize = outSize;
  }
  // Logits.
  toFloat();
  if (cur == "features") {
    body << "  memcpy(ew_logits, features, sizeof ew_logits);\n";
  } else {
    body << "  memcpy(ew_logits, " << cur << ", sizeof ew_logits);\n";
  }

  const char* rawType = feat.rawIsBytes ? "uint8_t" : "float";
  g.activationBytes = static_cast<int64_t>(sizeof(float)) * (fSize[0] + fSize[1] + net.numClasses) +
                      qSize[0] + qSize[1];
  g.featureBytes = feat.rawInputs * (feat.rawIsBytes ? 1 : 4) + feat.outputs * 4;

  // ---- <prefix>_model.h ----
  std::ostringstream mh;
  mh << "/* Generated by Edgewise: " << net.family
     << (net.quantized ? " (static int8)" : " (float32)") << " classifier, " << inputs
     << " inputs, " << net.numClasses << " classes.\n"
     << "   Portable C99: no malloc, static buffers, <stdint.h>/<math.h>/<string.h> only.\n"
     << "   Not reentrant (the activation buffers are static). */\n"
     << "#ifndef " << guard << "_MODEL_H\n#define " << guard << "_MODEL_H\n\n"
     << "#include <stdint.h>\n\n"
     << "#define EW_MODEL_INPUTS " << inputs << "\n"
     << "#define EW_MODEL_CLASSES " << net.numClasses << "\n"
     << "#define EW_MODEL_INT8 " << (net.quantized ? 1 : 0) << "\n\n"
     << "/* Runs the network on one feature row (EW_MODEL_INPUTS floats, the layout of the\n"
     << "   training rows; ew_features() makes it from raw input). Writes EW_MODEL_CLASSES\n"
     << "   logits when logits is not NULL and returns the predicted class (argmax). */\n"
     << "int ew_model_predict(const float *features, float *logits);\n\n"
     << "#endif\n";
  g.files[prefix + "_model.h"] = mh.str();

  // ---- <prefix>_weights.h ----
  std::ostringstream wh;
  wh << "/* Generated by Edgewise: the weights of " << prefix << "_model.c (" << g.weightBytes
     << " bytes).\n   Included by " << prefix << "_model.c only. */\n#ifndef " << guard
     << "_WEIGHTS_H\n#define " << guard << "_WEIGHTS_H\n\n#include <stdint.h>\n\n"
     << weights.str() << "\n#endif\n";
  g.files[prefix + "_weights.h"] = wh.str();

  // ---- <prefix>_model.c ----
  std::ostringstream mc;
  mc << "/* Generated by Edgewise. See README.md. */\n"
     << "#include \"" << prefix << "_model.h\"\n\n#include <math.h>\n#include <string.h>\n\n"
     << "#include \"" << prefix << "_weights.h\"\n\n";
  for (int i = 0; i < 2; ++i)
    if (fSize[i] > 0) mc << "static float ew_f" << i << "[" << fSize[i] << "];\n";
  for (int i = 0; i < 2; ++i)
    if (qSize[i] > 0) mc << "static uint8_t ew_q" << i << "[" << qSize[i] << "];\n";
  mc << "static float ew_logits[EW_MODEL_CLASSES];\n\n";
  for (int k : kernels) mc << kernelText(k) << "\n";
  mc << "int ew_model_predict(const float *features, float *logits) {\n"
     << "  int k, best = 0;\n"
     << body.str() << "  for (k = 1; k < EW_MODEL_CLASSES; ++k)\n"
     << "    if (ew_logits[k] > ew_logits[best]) best = k;\n"
     << "  if (logits) memcpy(logits, ew_logits, sizeof ew_logits);\n"
     << "  return best;\n}\n";
  g.files[prefix + "_model.c"] = mc.str();

  // ---- <prefix>_features.h ----
  std::string what;
  switch (feat.op) {
    case FeaturePlan::Op::Copy:
      what = "tabular features, passed through unchanged";
      break;
    case FeaturePlan::Op::Pixels:
      what = "image pixels (" + std::to_string(spec.height) + " x " + std::to_string(spec.width) +
             (feat.channels == 3 ? ", B,G,R interleaved" : ", gray") +
             ", row-major) -> pixel / 255, channel-major {C, H, W}";
      break;
    case FeaturePlan::Op::Transpose:
      what = "a window of " + std::to_string(feat.samples) + " samples x " +
             std::to_string(feat.channels) +
             " channels (sample-major, interleaved as recorded) -> channel-major {C, L}";
      break;
    case FeaturePlan::Op::Stats:
      what = "a window of " + std::to_string(feat.samples) + " samples x " +
             std::to_string(feat.channels) +
             " channels (sample-major) -> per channel mean, std, min, max, rms, zero crossings";
      break;
  }
  std::ostringstream fh;
  fh << "/* Generated by Edgewise: the feature code of the model's training rows.\n   Input: "
     << what << ". */\n"
     << "#ifndef " << guard << "_FEATURES_H\n#define " << guard << "_FEATURES_H\n\n"
     << "#include <stdint.h>\n\n"
     << "#define EW_FEATURE_RAW_INPUTS " << feat.rawInputs << "\n"
     << "#define EW_FEATURE_OUTPUTS " << feat.outputs << "\n"
     << "#define EW_FEATURE_CHANNELS " << feat.channels << "\n"
     << "typedef " << rawType << " ew_raw_t;\n\n"
     << "/* raw: EW_FEATURE_RAW_INPUTS values; out: EW_FEATURE_OUTPUTS floats. Returns 0, or -1\n"
     << "   when the input holds NaN or Inf (as the desktop, which refuses such a window). */\n"
     << "int ew_features(const ew_raw_t *raw, float *out);\n\n"
     << "/* ew_features() then ew_model_predict(): the predicted class, or -1 on bad input. */\n"
     << "int ew_classify(const ew_raw_t *raw, float *logits);\n\n#endif\n";
  g.files[prefix + "_features.h"] = fh.str();

  // ---- <prefix>_features.c ----
  std::ostringstream fc;
  fc << "/* Generated by Edgewise. See README.md. */\n"
     << "#include \"" << prefix << "_features.h\"\n\n#include <math.h>\n\n"
     << "#include \"" << prefix << "_model.h\"\n\n"
     << "#if EW_FEATURE_OUTPUTS != EW_MODEL_INPUTS\n#error \"features and model do not match\"\n"
     << "#endif\n\n";
  fc << "int ew_features(const ew_raw_t *raw, float *out) {\n";
  switch (feat.op) {
    case FeaturePlan::Op::Copy:
      fc << "  int i;\n  for (i = 0; i < EW_FEATURE_RAW_INPUTS; ++i) {\n"
         << "    if (!isfinite(raw[i])) return -1;\n    out[i] = raw[i];\n  }\n  return 0;\n";
      break;
    case FeaturePlan::Op::Pixels:
      fc << "  const int n = " << feat.samples << ", ch = " << feat.channels << ";\n"
         << "  int p, c;\n  for (p = 0; p < n; ++p)\n    for (c = 0; c < ch; ++c)\n"
         << "      out[(long)c * n + p] = (float)raw[(long)p * ch + c] / 255.0f;\n  return 0;\n";
      break;
    case FeaturePlan::Op::Transpose:
      fc << "  const int n = " << feat.samples << ", ch = " << feat.channels << ";\n"
         << "  int t, c;\n  for (t = 0; t < n; ++t)\n    for (c = 0; c < ch; ++c) {\n"
         << "      const float v = raw[(long)t * ch + c];\n"
         << "      if (!isfinite(v)) return -1;\n"
         << "      out[(long)c * n + t] = v;\n    }\n  return 0;\n";
      break;
    case FeaturePlan::Op::Stats:
      // Double precision like the desktop block (core/dataset/features/time_blocks.cpp).
      fc << "  const int n = " << feat.samples << ", ch = " << feat.channels << ";\n"
         << "  int t, c;\n"
         << "  for (t = 0; t < n * ch; ++t)\n    if (!isfinite(raw[t])) return -1;\n"
         << "  for (c = 0; c < ch; ++c) {\n"
         << "    double sum = 0.0, sum_sq = 0.0, mean, var = 0.0, mn, mx;\n"
         << "    int crossings = 0;\n"
         << "    for (t = 0; t < n; ++t) {\n"
         << "      const double v = raw[(long)t * ch + c];\n"
         << "      sum += v;\n      sum_sq += v * v;\n    }\n"
         << "    mean = sum / n;\n"
         << "    mn = mx = raw[c];\n"
         << "    for (t = 0; t < n; ++t) {\n"
         << "      const double v = raw[(long)t * ch + c];\n"
         << "      const double d = v - mean;\n"
         << "      var += d * d;\n"
         << "      if (t > 0 && ((double)raw[(long)(t - 1) * ch + c] - mean) * d < 0) "
            "++crossings;\n"
         << "      if (v < mn) mn = v;\n      if (v > mx) mx = v;\n    }\n"
         << "    out[c * 6 + 0] = (float)mean;\n"
         << "    out[c * 6 + 1] = (float)sqrt(var / n);\n"
         << "    out[c * 6 + 2] = (float)mn;\n"
         << "    out[c * 6 + 3] = (float)mx;\n"
         << "    out[c * 6 + 4] = (float)sqrt(sum_sq / n);\n"
         << "    out[c * 6 + 5] = (float)crossings;\n  }\n  return 0;\n";
      break;
  }
  fc << "}\n\n"
     << "int ew_classify(const ew_raw_t *raw, float *logits) {\n"
     << "  static float row[EW_FEATURE_OUTPUTS];\n"
     << "  if (ew_features(raw, row) != 0) return -1;\n"
     << "  return ew_model_predict(row, logits);\n}\n";
  g.files[prefix + "_features.c"] = fc.str();
  return g;
}

// Runs a command, returns its stdout (nullopt-like: ok=false on failure).
bool runCapture(const std::string& cmd, std::string* out) {
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return false;
  std::array<char, 4096> buf{};
  out->clear();
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) out->append(buf.data(), n);
  return ::pclose(p) == 0;
}

std::string shellQuote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::string findCompiler(const std::string& requested) {
  if (requested == "none") return {};
  if (!requested.empty()) return requested;
  std::string out;
  if (runCapture("command -v cc 2>/dev/null", &out) && !out.empty()) {
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
  }
  return {};
}

// Compiles the .c files of g in dir with -Os and returns text + data bytes of the objects
// (Berkeley `size`), or -1.
int64_t measureObjects(const Generated& g, const fs::path& dir, const std::string& compiler) {
  int64_t total = 0;
  for (const auto& [name, content] : g.files) {
    if (name.size() < 2 || name.substr(name.size() - 2) != ".c") continue;
    const fs::path src = dir / name;
    const fs::path obj = dir / (name + ".o");
    std::string out;
    if (!runCapture(shellQuote(compiler) + " -std=c99 -Os -c " + shellQuote(src.string()) + " -o " +
                        shellQuote(obj.string()) + " 2>&1",
                    &out))
      return -1;
    if (!runCapture("size " + shellQuote(obj.string()) + " 2>/dev/null", &out)) return -1;
    std::istringstream is(out);
    std::string header;
    std::getline(is, header);
    int64_t text = 0, data = 0;
    if (!(is >> text >> data)) return -1;
    total += text + data;
    std::error_code ec;
    fs::remove(obj, ec);
  }
  return total;
}

Result<void> writeFiles(const Generated& g, const fs::path& dir, std::vector<std::string>* paths) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Error("cannot create " + dir.string() + ": " + ec.message());
  for (const auto& [name, content] : g.files) {
    const fs::path p = dir / name;
    std::ofstream os(p, std::ios::binary | std::ios::trunc);
    os << content;
    os.close();
    if (!os) return Error("cannot write " + p.string());
    if (paths) paths->push_back(fs::absolute(p).string());
  }
  return okResult();
}

McuEstimate finishEstimate(const Generated& g, const fs::path& dir, const std::string& compiler) {
  McuEstimate e;
  e.weightBytes = g.weightBytes;
  e.activationBytes = g.activationBytes;
  e.featureBytes = g.featureBytes;
  e.ramBytes = e.activationBytes + e.featureBytes;
  const std::string cc = findCompiler(compiler);
  int64_t measured = cc.empty() ? -1 : measureObjects(g, dir, cc);
  if (measured >= 0) {
    // The objects hold the weights in .rodata; the code is the rest.
    e.codeBytes = std::max<int64_t>(0, measured - g.weightBytes);
    e.codeMethod = "measured: " + cc + " -std=c99 -Os -c, text+data of the objects minus the " +
                   "weights (host instruction set; Cortex-M Thumb-2 code is typically smaller)";
  } else {
    e.codeBytes = kCodeBytesConstant;
    e.codeMethod = "constant " + std::to_string(kCodeBytesConstant) +
                   " bytes (no C compiler found to measure the generated code)";
  }
  e.flashBytes = e.weightBytes + e.codeBytes;
  return e;
}

std::string readme(const NetDescription& net, const CFeatureSpec& spec, const McuEstimate& e,
                   const std::string& prefix) {
  std::ostringstream r;
  r << "# Edgewise C99 export\n\n"
    << "Model: " << net.family << (net.quantized ? " static int8" : " float32") << ", "
    << net.layers.size() << " layers, " << net.numClasses << " classes. Features: " << spec.kind
    << " / " << (spec.block.empty() ? "default" : spec.block) << ".\n\n"
    << "Files: `" << prefix << "_model.h` (API), `" << prefix << "_model.c` (inference), `"
    << prefix << "_weights.h` (const weight arrays, included by the .c only), `" << prefix
    << "_features.h` / `" << prefix << "_features.c` (the feature code).\n\n"
    << "## Use\n\n```c\n#include \"" << prefix << "_features.h\"\n\n"
    << "ew_raw_t window[EW_FEATURE_RAW_INPUTS];  /* fill from the sensor / camera */\n"
    << "float logits[EW_MODEL_CLASSES];\n"
    << "int cls = ew_classify(window, logits);  /* -1: NaN/Inf in the input */\n```\n\n"
    << "Or compute the row yourself (`ew_features`) and call `ew_model_predict(row, logits)`.\n"
    << "Build: `cc -std=c99 -O2 -c " << prefix << "_model.c " << prefix
    << "_features.c` and link with `-lm`.\n"
    << "No malloc; all buffers are static, so the functions are not reentrant.\n\n"
    << "## Footprint estimate\n\n"
    << "- flash: " << e.flashBytes << " bytes = weights " << e.weightBytes << " + code "
    << e.codeBytes << " (" << e.codeMethod << ")\n"
    << "- RAM: " << e.ramBytes << " bytes = activations " << e.activationBytes
    << " + raw input and feature row " << e.featureBytes << " (plus the stack of the caller)\n";
  if (net.quantized)
    r << "\n## int8 arithmetic\n\nuint8 activations, int8 per-channel weights, int32 "
         "accumulation, bias quantized to int32 with scale input_scale * weight_scale, "
         "requantization `nearbyintf(acc * multiplier) + zero_point` clamped to 0..255 "
         "(ReLU: clamped at the zero point), as LibTorch's QNNPACK engine.\n";
  return r.str();
}

}  // namespace

int64_t CFeatureSpec::rawInputs() const {
  auto p = planFeatures(*this);
  return p.ok() ? p->rawInputs : 0;
}

Result<void> checkExportable(const NetDescription& net, const CFeatureSpec& features) {
  EW_TRY(checkNet(net));
  Result<FeaturePlan> fp = planFeatures(features);
  if (!fp.ok()) return fp.error();
  if (fp->outputs != shapeProduct(net.inputShape))
    return Error("the features give " + std::to_string(fp->outputs) +
                     " values per row but the model takes " +
                     std::to_string(shapeProduct(net.inputShape)),
                 "C99 export");
  return okResult();
}

Result<CExportResult> exportC99(const NetDescription& net, const CFeatureSpec& features,
                                const std::string& outDir, const CExportOptions& options) {
  const std::string ctx = "exporting C99 code to " + outDir;
  Result<Generated> g = generate(net, features, options.prefix);
  if (!g.ok()) return g.error().wrap(ctx);
  CExportResult result;
  auto w = writeFiles(*g, outDir, &result.files);
  if (!w.ok()) return w.error().wrap(ctx);
  result.estimate = finishEstimate(*g, outDir, options.compiler);
  const fs::path readmePath = fs::path(outDir) / "README.md";
  std::ofstream os(readmePath, std::ios::trunc);
  os << readme(net, features, result.estimate, options.prefix);
  os.close();
  if (!os) return Error("cannot write " + readmePath.string(), ctx);
  result.files.push_back(fs::absolute(readmePath).string());
  return result;
}

McuEstimate estimateMcu(const NetDescription& net, const CFeatureSpec& features,
                        const std::string& compiler) {
  Result<Generated> g = generate(net, features, "edgewise");
  if (!g.ok()) return {};
  // A private temporary folder for the measurement.
  std::string tmpl = (fs::temp_directory_path() / "edgewise-cexport-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) {
    Generated none = *g;
    return finishEstimate(none, {}, "none");
  }
  const fs::path dir = tmpl;
  McuEstimate e;
  if (writeFiles(*g, dir, nullptr).ok())
    e = finishEstimate(*g, dir, compiler);
  else
    e = finishEstimate(*g, dir, "none");
  std::error_code ec;
  fs::remove_all(dir, ec);
  return e;
}

}  // namespace edgewise::training
