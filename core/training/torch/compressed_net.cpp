// Quantized (static / dynamic int8), float16 and low-rank variants of the torch families,
// their model file, and the description of mlp / cnn1d nets for the C99 export.
//
// Static int8 follows torch.ao.quantization's post-training recipe: weights symmetric
// per-channel qint8 (PerChannelMinMaxObserver, per_channel_symmetric: scale = max|w| / 127.5),
// activations affine quint8 per tensor (MinMaxObserver: range [min(0, lo), max(0, hi)],
// scale = (hi - lo) / 255, zero point = -round(lo / scale)), prepacked once with
// quantized::linear_prepack / conv1d_prepack / conv2d_prepack and run with the fused
// quantized::linear_relu / conv1d_relu / conv2d_relu kernels of the chosen engine.

#include "core/training/torch/compressed_net.h"

#include <ATen/core/dispatch/Dispatcher.h>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/training/model_file.h"
#include "core/training/torch/torch_classifier.h"
#include "core/training/torch/torch_compress.h"

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "the compressed model file is written as little-endian arrays; add byte swapping"
#endif

namespace edgewise::training {
namespace torchimpl {
namespace {

using json = nlohmann::json;
using Kind = CompressedLayer::Kind;

constexpr int64_t kChunk = 2048;
const char* const kMethods[] = {"int8", "dint8", "fp16", "lowrank"};

std::vector<float> toFloats(const torch::Tensor& t) {
  const torch::Tensor c = t.detach().contiguous().to(torch::kFloat32);
  return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

c10::IValue callOp(const char* name, const char* overload, std::vector<c10::IValue> stack) {
  const auto op = c10::Dispatcher::singleton().findSchemaOrThrow(name, overload);
  op.callBoxed(&stack);
  return stack.front();
}

// ---- engines ------------------------------------------------------------------------------

std::string engineName(at::QEngine e) {
  switch (e) {
    case at::QEngine::QNNPACK:
      return "qnnpack";
    case at::QEngine::ONEDNN:
      return "onednn";
    case at::QEngine::FBGEMM:
      return "fbgemm";
    default:
      return "";
  }
}

Result<std::string> resolveEngine(const std::string& wanted) {
  std::vector<std::string> names;
  for (at::QEngine e : at::globalContext().supportedQEngines())
    if (!engineName(e).empty()) names.push_back(engineName(e));
  if (names.empty()) return Error("this LibTorch has no quantized engine");
  auto has = [&](const std::string& n) {
    return std::find(names.begin(), names.end(), n) != names.end();
  };
  if (wanted == "auto" || wanted.empty()) {
    for (const char* n : {"qnnpack", "onednn", "fbgemm"})
      if (has(n)) return std::string(n);
  }
  if (has(wanted)) return wanted;
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  return Error("quantized engine '" + wanted + "' is not available (this LibTorch has " + list +
               ")");
}

void setEngine(const std::string& name) {
  at::QEngine e = at::QEngine::QNNPACK;
  if (name == "onednn") e = at::QEngine::ONEDNN;
  if (name == "fbgemm") e = at::QEngine::FBGEMM;
  if (at::globalContext().qEngine() != e) at::globalContext().setQEngine(e);
}

// ---- quantization parameters (torch.ao.quantization observers) ----------------------------

// MinMaxObserver(dtype=quint8, qscheme=per_tensor_affine), computed in float32 like torch.
QuantParams activationParams(float lo, float hi) {
  const float minNeg = std::min(lo, 0.f), maxPos = std::max(hi, 0.f);
  float scale = (maxPos - minNeg) / 255.f;
  scale = std::max(scale, std::numeric_limits<float>::epsilon());
  int zp = -static_cast<int>(std::nearbyint(minNeg / scale));
  QuantParams q;
  q.scale = scale;
  q.zeroPoint = std::clamp(zp, 0, 255);
  return q;
}

// PerChannelMinMaxObserver(dtype=qint8, qscheme=per_channel_symmetric) over dim 0 (or one
// scale for the whole tensor when !perChannel), float32.
torch::Tensor weightScales(const torch::Tensor& w, bool perChannel) {
  const torch::Tensor flat = w.detach().reshape({w.size(0), -1}).to(torch::kFloat32);
  torch::Tensor amax = torch::maximum(-flat.amin(1).clamp_max(0), flat.amax(1).clamp_min(0));
  if (!perChannel) amax = amax.max().expand({w.size(0)}).clone();
  const torch::Tensor scale = amax / static_cast<float>((127.0 - (-128.0)) / 2.0);
  return torch::clamp_min(scale, std::numeric_limits<float>::epsilon()).contiguous();
}

torch::Tensor quantizeWeight(const torch::Tensor& w, const torch::Tensor& scales) {
  return at::quantize_per_channel(w.detach().contiguous().to(torch::kFloat32),
                                  scales.to(torch::kFloat64),
                                  torch::zeros({w.size(0)}, torch::kInt64), 0, torch::kQInt8);
}

torch::Tensor quantizeActivation(const torch::Tensor& x, const QuantParams& q) {
  return at::quantize_per_tensor(x.contiguous(), q.scale, q.zeroPoint, torch::kQUInt8);
}

// ---- layers -------------------------------------------------------------------------------

void setInt8Weights(CompressedLayer& l, const torch::Tensor& qweight, const torch::Tensor& scales) {
  l.int8 = true;
  l.qweight = qweight.contiguous();
  l.scales = scales.to(torch::kFloat32).contiguous();
  std::vector<int64_t> shape(static_cast<size_t>(qweight.dim()), 1);
  shape[0] = -1;
  l.weight = (qweight.to(torch::kFloat32) * l.scales.reshape(shape)).contiguous();
}

// The prepacked weights of an int8 layer for the current engine.
void prepack(CompressedLayer& l) {
  const torch::Tensor q = at::_make_per_channel_quantized_tensor(
      l.qweight, l.scales.to(torch::kFloat64), torch::zeros({l.qweight.size(0)}, torch::kInt64), 0);
  const c10::IValue bias = l.bias.defined() ? c10::IValue(l.bias) : c10::IValue();
  if (l.kind == Kind::Dense) {
    l.packed = callOp("quantized::linear_prepack", "", {q, bias});
  } else if (l.kind == Kind::Conv1d) {
    l.packed = callOp("quantized::conv1d_prepack", "",
                      {q, bias, std::vector<int64_t>{1}, std::vector<int64_t>{l.padding},
                       std::vector<int64_t>{1}, int64_t{1}});
  } else {
    l.packed =
        callOp("quantized::conv2d_prepack", "",
               {q, bias, std::vector<int64_t>{1, 1}, std::vector<int64_t>{l.padding, l.padding},
                std::vector<int64_t>{1, 1}, int64_t{1}});
  }
}

torch::Tensor floatLayer(const CompressedLayer& l, const torch::Tensor& x) {
  torch::Tensor y;
  if (l.kind == Kind::Dense)
    y = l.bias.defined() ? torch::addmm(l.bias, x, l.weight.t()) : x.matmul(l.weight.t());
  else if (l.kind == Kind::Conv1d)
    y = torch::conv1d(x, l.weight, l.bias, 1, l.padding);
  else
    y = torch::conv2d(x, l.weight, l.bias, 1, l.padding);
  return l.relu ? torch::relu(y) : y;
}

torch::Tensor pool(const CompressedLayer& l, const torch::Tensor& x) {
  if (!l.pool) return x;
  return l.kind == Kind::Conv1d ? torch::max_pool1d(x, {2}) : torch::max_pool2d(x, {2, 2});
}

// Static int8: quantized input (qparams l.in) -> quantized output (qparams l.out).
torch::Tensor int8Layer(const CompressedLayer& l, const torch::Tensor& xq) {
  const c10::IValue scale(static_cast<double>(l.out.scale));
  const c10::IValue zp(static_cast<int64_t>(l.out.zeroPoint));
  if (l.kind == Kind::Dense)
    return callOp(l.relu ? "quantized::linear_relu" : "quantized::linear", "",
                  {xq, l.packed, scale, zp})
        .toTensor();
  if (l.kind == Kind::Conv1d)
    return callOp(l.relu ? "quantized::conv1d_relu" : "quantized::conv1d", "",
                  {xq, l.packed, scale, zp})
        .toTensor();
  return callOp(l.relu ? "quantized::conv2d_relu" : "quantized::conv2d", "new",
                {xq, l.packed, scale, zp})
      .toTensor();
}

// Dynamic int8 (dense layers only): float in, float out.
torch::Tensor dynamicLayer(const CompressedLayer& l, const torch::Tensor& x) {
  const torch::Tensor y =
      callOp("quantized::linear_dynamic", "", {x.contiguous(), l.packed, false}).toTensor();
  return l.relu ? torch::relu(y) : y;
}

torch::Tensor batchShaped(const CompressedNet& net, const torch::Tensor& x) {
  std::vector<int64_t> shape = {-1};
  shape.insert(shape.end(), net.shape.begin(), net.shape.end());
  return x.reshape(shape);
}

torch::Tensor forwardChunk(const CompressedNet& net, torch::Tensor x) {
  x = (x - net.mean) / net.stdev;
  if (net.staticInt8()) {
    torch::Tensor q;
    if (!net.convs.empty()) {
      q = quantizeActivation(batchShaped(net, x), net.convs.front().in);
      for (const auto& l : net.convs) q = pool(l, int8Layer(l, q));
      if (net.family == "cnn1d")
        q = quantizeActivation(q.dequantize().mean(2), net.dense.front().in);
      else
        q = q.reshape({q.size(0), -1});
    } else {
      q = quantizeActivation(x, net.dense.front().in);
    }
    for (const auto& l : net.dense) q = int8Layer(l, q);
    return q.dequantize();
  }
  if (!net.convs.empty()) {
    x = batchShaped(net, x);
    for (const auto& l : net.convs) x = pool(l, floatLayer(l, x));
    x = net.family == "cnn1d" ? x.mean(2) : x.flatten(1);
  }
  for (const auto& l : net.dense) x = l.int8 ? dynamicLayer(l, x) : floatLayer(l, x);
  return x;
}

}  // namespace

int64_t CompressedNet::dims() const {
  int64_t d = 1;
  for (int64_t s : shape) d *= s;
  return d;
}

void useEngine(const CompressedNet& net) {
  if (net.method == "int8" || net.method == "dint8") setEngine(net.engine);
}

torch::Tensor compressedForward(const CompressedNet& net, const torch::Tensor& x) {
  torch::NoGradGuard noGrad;
  useEngine(net);
  if (x.size(0) <= kChunk) return forwardChunk(net, x);
  std::vector<torch::Tensor> parts;
  for (int64_t s = 0; s < x.size(0); s += kChunk)
    parts.push_back(forwardChunk(net, x.slice(0, s, std::min(x.size(0), s + kChunk))));
  return torch::cat(parts);
}

namespace {

const char* kindName(Kind k) {
  return k == Kind::Dense ? "dense" : k == Kind::Conv1d ? "conv1d" : "conv2d";
}

int64_t learnedNumbers(const CompressedNet& net) {
  int64_t n = 0;
  for (const auto* list : {&net.convs, &net.dense})
    for (const auto& l : *list) n += l.weight.numel() + (l.bias.defined() ? l.bias.numel() : 0);
  return n;
}

// Raw little-endian arrays appended to a byte string / read back from one.
template <typename T>
void put(std::string& out, const T* data, int64_t count) {
  out.append(reinterpret_cast<const char*>(data), static_cast<size_t>(count) * sizeof(T));
}

class Reader {
 public:
  explicit Reader(const std::string& bytes) : m_bytes(bytes) {}
  // A tensor of `shape` read as T and converted to `dtype`; false when the part is too short.
  bool read(torch::ScalarType stored, const std::vector<int64_t>& shape, torch::Tensor* out) {
    int64_t n = 1;
    for (int64_t s : shape) n *= s;
    const size_t bytes = static_cast<size_t>(n) * c10::elementSize(stored);
    if (n < 0 || m_pos + bytes > m_bytes.size()) return false;
    *out = torch::empty(shape, torch::TensorOptions().dtype(stored));
    std::memcpy(out->data_ptr(), m_bytes.data() + m_pos, bytes);
    m_pos += bytes;
    return true;
  }
  bool atEnd() const { return m_pos == m_bytes.size(); }

 private:
  const std::string& m_bytes;
  size_t m_pos = 0;
};

// The variant's file: part 0 = JSON layer table, part 1 = the arrays in table order
// (mean, std, then per layer: weights as int8 / float16 / float32, int8 scales as float32,
// bias as float32).
ModelFile encodeNet(const CompressedNet& net, int64_t parameterCount) {
  json layers = json::array();
  std::string blob;
  put(blob, net.mean.data_ptr<float>(), net.mean.numel());
  put(blob, net.stdev.data_ptr<float>(), net.stdev.numel());
  for (const auto* list : {&net.convs, &net.dense})
    for (const auto& l : *list) {
      json j = {{"name", l.name},
                {"kind", kindName(l.kind)},
                {"shape", l.weight.sizes().vec()},
                {"padding", l.padding},
                {"relu", l.relu},
                {"pool", l.pool},
                {"bias", l.bias.defined()},
                {"int8", l.int8}};
      if (net.staticInt8()) j["act"] = {l.in.scale, l.in.zeroPoint, l.out.scale, l.out.zeroPoint};
      layers.push_back(j);
      if (l.int8) {
        put(blob, l.qweight.data_ptr<int8_t>(), l.qweight.numel());
        put(blob, l.scales.data_ptr<float>(), l.scales.numel());
      } else if (net.method == "fp16") {
        const torch::Tensor h = l.weight.to(torch::kHalf).contiguous();
        put(blob, reinterpret_cast<const uint16_t*>(h.data_ptr()), h.numel());
      } else {
        put(blob, l.weight.data_ptr<float>(), l.weight.numel());
      }
      if (l.bias.defined()) put(blob, l.bias.data_ptr<float>(), l.bias.numel());
    }
  json config = {{"format", 1},          {"family", net.family},     {"method", net.method},
                 {"engine", net.engine}, {"input_shape", net.shape}, {"norm", net.mean.numel()},
                 {"layers", layers}};
  ModelFile f;
  f.familyId = net.family + "-" + net.method;
  f.numClasses = net.numClasses;
  f.dims = static_cast<int32_t>(net.dims());
  f.parameterCount = parameterCount;
  f.parts = {config.dump(), std::move(blob)};
  return f;
}

Result<CompressedNet> decodeNet(const ModelFile& file) {
  if (file.parts.size() != 2)
    return Error("expected 2 parts (layer table, arrays), the file has " +
                 std::to_string(file.parts.size()));
  CompressedNet net;
  try {
    const json config = json::parse(file.parts[0]);
    if (config.at("format").get<int>() != 1)
      return Error("unknown compressed model format " + config.at("format").dump());
    net.family = config.at("family").get<std::string>();
    net.method = config.at("method").get<std::string>();
    net.engine = config.at("engine").get<std::string>();
    net.shape = config.at("input_shape").get<std::vector<int64_t>>();
    net.numClasses = file.numClasses;
    if (net.family + "-" + net.method != file.familyId)
      return Error("the layer table is of '" + net.family + "-" + net.method +
                   "', the header of '" + file.familyId + "'; the file is corrupt");
    if (net.shape.empty() || net.dims() != file.dims || net.numClasses < 2)
      return Error("the input shape does not match the file header; the file is corrupt");
    const int64_t norm = config.at("norm").get<int64_t>();
    if (norm != 1 && norm != net.dims())
      return Error("the standardization has the wrong size; the file is corrupt");
    Reader in(file.parts[1]);
    const char* truncated = "the arrays part is shorter than its layer table; the file is corrupt";
    if (!in.read(torch::kFloat32, {norm}, &net.mean) ||
        !in.read(torch::kFloat32, {norm}, &net.stdev))
      return Error(truncated);
    for (const json& j : config.at("layers")) {
      CompressedLayer l;
      l.name = j.at("name").get<std::string>();
      const std::string kind = j.at("kind").get<std::string>();
      l.kind = kind == "dense" ? Kind::Dense : kind == "conv1d" ? Kind::Conv1d : Kind::Conv2d;
      const auto shape = j.at("shape").get<std::vector<int64_t>>();
      const size_t rank = l.kind == Kind::Dense ? 2 : l.kind == Kind::Conv1d ? 3 : 4;
      if (shape.size() != rank || std::any_of(shape.begin(), shape.end(),
                                              [](int64_t s) { return s <= 0 || s > (1 << 24); }))
        return Error("layer '" + l.name + "' has a bad weight shape; the file is corrupt");
      l.padding = j.at("padding").get<int64_t>();
      l.relu = j.at("relu").get<bool>();
      l.pool = j.at("pool").get<bool>();
      const bool hasBias = j.at("bias").get<bool>();
      l.int8 = j.at("int8").get<bool>();
      if (l.int8) {
        torch::Tensor q, s;
        if (!in.read(torch::kChar, shape, &q) || !in.read(torch::kFloat32, {shape[0]}, &s))
          return Error(truncated);
        setInt8Weights(l, q, s);
        if (!(s.min().item<float>() > 0.f))
          return Error("layer '" + l.name + "' has a weight scale <= 0; the file is corrupt");
      } else if (net.method == "fp16") {
        torch::Tensor h;
        if (!in.read(torch::kHalf, shape, &h)) return Error(truncated);
        l.weight = h.to(torch::kFloat32);
      } else if (!in.read(torch::kFloat32, shape, &l.weight)) {
        return Error(truncated);
      }
      if (hasBias && !in.read(torch::kFloat32, {shape[0]}, &l.bias)) return Error(truncated);
      if (net.staticInt8()) {
        const json& a = j.at("act");
        l.in.scale = a.at(0).get<double>();
        l.in.zeroPoint = a.at(1).get<int32_t>();
        l.out.scale = a.at(2).get<double>();
        l.out.zeroPoint = a.at(3).get<int32_t>();
        if (!(l.in.scale > 0) || !(l.out.scale > 0) || l.in.zeroPoint < 0 || l.in.zeroPoint > 255 ||
            l.out.zeroPoint < 0 || l.out.zeroPoint > 255)
          return Error("layer '" + l.name +
                       "' has bad activation quantization; the file is "
                       "corrupt");
      }
      (l.kind == Kind::Dense ? net.dense : net.convs).push_back(std::move(l));
    }
    if (!in.atEnd())
      return Error("the arrays part is longer than its layer table; the file is corrupt");
    if (net.dense.empty()) return Error("the variant has no output layer; the file is corrupt");
  } catch (const json::exception& e) {
    return Error("the layer table is unreadable: " + std::string(e.what()));
  }
  return net;
}

// Prepacks the int8 layers and checks that the layers fit together (a forward of zeros gives
// [2, numClasses]).
Result<void> finishNet(CompressedNet& net) {
  try {
    useEngine(net);
    for (auto* list : {&net.convs, &net.dense})
      for (auto& l : *list)
        if (l.int8) prepack(l);
    const torch::Tensor out = compressedForward(net, torch::zeros({2, net.dims()}));
    if (out.dim() != 2 || out.size(0) != 2 || out.size(1) != net.numClasses)
      return Error("the layers answer " + std::to_string(out.size(-1)) + " values, not " +
                   std::to_string(net.numClasses) + " classes");
  } catch (const c10::Error& e) {
    return Error("the layers do not fit together: " + std::string(e.what_without_backtrace()));
  }
  return okResult();
}

class CompressedClassifier : public Classifier {
 public:
  CompressedClassifier() = default;
  explicit CompressedClassifier(CompressedNet net) : m_net(std::move(net)), m_trained(true) {
    refresh();
  }

  std::string id() const override { return m_net.family + "-" + m_net.method; }
  HyperParams hyperParams() const override {
    HyperParams p = {{"parent_family", m_net.family}, {"method", m_net.method}};
    if (!m_net.engine.empty()) p["engine"] = m_net.engine;
    return p;
  }
  bool isTrained() const override { return m_trained; }
  int numClasses() const override { return m_trained ? m_net.numClasses : 0; }
  int dims() const override { return static_cast<int>(m_net.dims()); }
  int64_t parameterCount() const override { return m_parameterCount; }
  int64_t sizeBytes() const override { return m_sizeBytes; }
  const CompressedNet& net() const { return m_net; }

  Result<void> train(const cv::Mat&, const std::vector<int>&, int) override {
    return Error("a compressed variant cannot be trained; compress its parent again");
  }

  Result<cv::Mat> logits(const cv::Mat& X) const {
    if (!m_trained) return Error("the model is not trained");
    if (X.type() != CV_32FC1 || X.cols != dims())
      return Error("expected CV_32F rows with " + std::to_string(dims()) + " columns");
    cv::Mat out(X.rows, m_net.numClasses, CV_32F);
    if (X.rows == 0) return out;
    try {
      const cv::Mat dense = X.isContinuous() ? X : X.clone();
      const torch::Tensor x =
          torch::from_blob(const_cast<float*>(dense.ptr<float>()), {X.rows, X.cols});
      const torch::Tensor y = compressedForward(m_net, x).contiguous();
      std::memcpy(out.ptr<float>(), y.data_ptr<float>(),
                  static_cast<size_t>(y.numel()) * sizeof(float));
    } catch (const c10::Error& e) {
      return Error("LibTorch failed: " + std::string(e.what_without_backtrace()));
    }
    return out;
  }

  int predict(const float* x, int dims) const override {
    if (!m_trained || x == nullptr || dims != this->dims()) return -1;
    const cv::Mat row(1, dims, CV_32F, const_cast<float*>(x));
    return predictBatch(row).front();
  }

  std::vector<int> predictBatch(const cv::Mat& X) const override {
    const size_t rows = static_cast<size_t>(std::max(X.rows, 0));
    auto l = logits(X);
    if (!l.ok() || X.rows == 0) return std::vector<int>(rows, -1);
    std::vector<int> out(rows);
    for (int i = 0; i < X.rows; ++i) {
      const float* p = l->ptr<float>(i);
      out[static_cast<size_t>(i)] = static_cast<int>(std::max_element(p, p + l->cols) - p);
    }
    return out;
  }

  Result<cv::Mat> predictScores(const cv::Mat& X) const override {
    auto l = logits(X);
    if (!l.ok()) return l.error().wrap("scoring with " + id());
    cv::Mat out = *l;
    for (int i = 0; i < out.rows; ++i) {
      float* p = out.ptr<float>(i);
      const float m = *std::max_element(p, p + out.cols);
      double sum = 0;
      for (int c = 0; c < out.cols; ++c) sum += (p[c] = std::exp(p[c] - m));
      for (int c = 0; c < out.cols; ++c) p[c] = static_cast<float>(p[c] / sum);
    }
    return out;
  }

  Result<void> save(const std::string& path) const override {
    if (!m_trained) return Error("the model is not trained", "saving " + id() + " to " + path);
    return writeModelFile(path, encodeNet(m_net, m_parameterCount));
  }

  Result<void> load(const std::string& path) override {
    auto file = readModelFile(path);
    if (!file.ok()) return file.error();
    const std::string context = "loading model " + path;
    if (m_trained && file->familyId != id())
      return Error("the file holds a '" + file->familyId + "' model, not '" + id() + "'", context);
    auto r = loadFile(*file);
    if (!r.ok()) return r.error().wrap(context);
    return okResult();
  }

  Result<void> loadFile(const ModelFile& file) {
    auto net = decodeNet(file);
    if (!net.ok()) return net.error();
    EW_TRY(finishNet(*net));
    if (learnedNumbers(*net) != file.parameterCount)
      return Error("the arrays hold " + std::to_string(learnedNumbers(*net)) +
                   " parameters but the header says " + std::to_string(file.parameterCount) +
                   "; the file is corrupt");
    m_net = std::move(*net);
    m_trained = true;
    refresh();
    return okResult();
  }

 private:
  void refresh() {
    m_parameterCount = learnedNumbers(m_net);
    m_sizeBytes = static_cast<int64_t>(encodeModelFile(encodeNet(m_net, m_parameterCount)).size());
  }

  CompressedNet m_net;
  bool m_trained = false;
  int64_t m_parameterCount = 0;
  int64_t m_sizeBytes = 0;
};

}  // namespace

const CompressedNet* compressedNet(const Classifier& model) {
  const auto* c = dynamic_cast<const CompressedClassifier*>(&model);
  return c ? &c->net() : nullptr;
}

bool isCompressedFamily(const std::string& familyId) {
  const size_t dash = familyId.find('-');
  if (dash == std::string::npos) return false;
  const std::string family = familyId.substr(0, dash), method = familyId.substr(dash + 1);
  if (family != "mlp" && family != "cnn1d" && family != "cnn2d") return false;
  return std::any_of(std::begin(kMethods), std::end(kMethods),
                     [&](const char* m) { return method == m; });
}

Result<std::unique_ptr<Classifier>> loadCompressedFile(const ModelFile& file) {
  if (!isCompressedFamily(file.familyId))
    return Error("'" + file.familyId + "' is not a compressed torch variant");
  auto c = std::make_unique<CompressedClassifier>();
  EW_TRY(c->loadFile(file));
  return std::unique_ptr<Classifier>(std::move(c));
}

}  // namespace torchimpl

namespace {

using torchimpl::CompressedLayer;
using torchimpl::CompressedNet;
using torchimpl::Net;
using Kind = CompressedLayer::Kind;

// The float network of a trained torch family as a list of layers.
Result<CompressedNet> fromNet(const Classifier& model) {
  const Net net = torchimpl::trainedNet(model);
  if (!net) {
    if (torchimpl::compressedNet(model))
      return Error("'" + model.id() + "' already is a compressed variant; compress its parent");
    return Error("'" + model.id() + "' is not a trained mlp, cnn1d or cnn2d model");
  }
  const torchimpl::NetConfig& config = net->config();
  CompressedNet c;
  c.family = config.family;
  c.shape = config.shape;
  c.numClasses = config.numClasses;
  c.mean = net->mean.detach().clone().contiguous();
  c.stdev = net->stdev.detach().clone().contiguous();
  auto add = [](std::vector<CompressedLayer>& list, const std::string& name, Kind kind,
                const torch::nn::Module& m, int64_t padding, bool relu, bool pool) {
    const auto p = m.named_parameters(false);
    CompressedLayer l;
    l.kind = kind;
    l.name = name;
    l.weight = p["weight"].detach().clone().contiguous();
    l.bias = p["bias"].detach().clone().contiguous();
    l.padding = padding;
    l.relu = relu;
    l.pool = pool;
    list.push_back(std::move(l));
  };
  const int64_t pad = config.kernel / 2;
  for (size_t i = 0; i < net->conv1.size(); ++i)
    add(c.convs, "conv" + std::to_string(i), Kind::Conv1d, *net->conv1[i], pad, true, net->pool[i]);
  for (size_t i = 0; i < net->conv2.size(); ++i)
    add(c.convs, "conv" + std::to_string(i), Kind::Conv2d, *net->conv2[i], pad, true, net->pool[i]);
  for (size_t i = 0; i < net->fc.size(); ++i)
    add(c.dense, "fc" + std::to_string(i), Kind::Dense, *net->fc[i], 0, true, false);
  add(c.dense, "head", Kind::Dense, *net->head, 0, false, false);
  return c;
}

std::pair<float, float> range(const torch::Tensor& t) {
  return {t.min().item<float>(), t.max().item<float>()};
}
QuantParams observe(const torch::Tensor& t) {
  const auto [lo, hi] = range(t);
  return torchimpl::activationParams(lo, hi);
}

int64_t nonzero(const CompressedNet& net) {
  int64_t n = 0;
  for (const auto* list : {&net.convs, &net.dense})
    for (const auto& l : *list) {
      n += (l.int8 ? l.qweight : l.weight).ne(0).sum().item<int64_t>();
      if (l.bias.defined()) n += l.bias.ne(0).sum().item<int64_t>();
    }
  return n;
}

Result<CompressResult> finish(CompressedNet net, const std::string& where) {
  auto r = torchimpl::finishNet(net);
  if (!r.ok()) return r.error().wrap(where);
  CompressResult out;
  out.paramsNonzero = nonzero(net);
  out.model = std::make_unique<torchimpl::CompressedClassifier>(std::move(net));
  return out;
}

LayerDescription describeLayer(const CompressedLayer& l, int64_t length, bool quantized) {
  LayerDescription d;
  d.kind = l.kind == Kind::Dense ? LayerDescription::Kind::Dense : LayerDescription::Kind::Conv1d;
  d.name = l.name;
  d.outputs = l.weight.size(0);
  d.inputs = l.weight.size(1);
  if (l.kind == Kind::Conv1d) {
    d.kernel = l.weight.size(2);
    d.padding = l.padding;
    d.length = length;
  }
  d.relu = l.relu;
  d.weights = torchimpl::toFloats(l.weight);
  d.bias = l.bias.defined() ? torchimpl::toFloats(l.bias)
                            : std::vector<float>(static_cast<size_t>(d.outputs));
  if (quantized) {
    const torch::Tensor q = l.qweight.contiguous();
    d.qweights.assign(q.data_ptr<int8_t>(), q.data_ptr<int8_t>() + q.numel());
    const auto s = torchimpl::toFloats(l.scales);
    d.weightScales.assign(s.begin(), s.end());
    d.inputQuant = l.in;
    d.outputQuant = l.out;
  }
  return d;
}

Result<NetDescription> describe(const CompressedNet& net) {
  if (net.family != "mlp" && net.family != "cnn1d")
    return Error("only mlp and cnn1d models (and their variants) can be described, not '" +
                 net.family + "'");
  if (net.method == "dint8")
    return Error(
        "a dynamic int8 variant quantizes its activations at run time and has no fixed "
        "description; use the static int8 variant");
  NetDescription out;
  out.family = net.family;
  out.inputShape.assign(net.shape.begin(), net.shape.end());
  out.numClasses = net.numClasses;
  out.quantized = net.staticInt8();
  LayerDescription norm;
  norm.kind = LayerDescription::Kind::Standardize;
  norm.name = "standardize";
  norm.inputs = norm.outputs = net.dims();
  norm.mean = torchimpl::toFloats(net.mean);
  norm.stdev = torchimpl::toFloats(net.stdev);
  out.layers.push_back(norm);
  int64_t length = net.shape.size() == 2 ? net.shape[1] : 1;
  for (size_t i = 0; i < net.convs.size(); ++i) {
    const CompressedLayer& l = net.convs[i];
    out.layers.push_back(describeLayer(l, length, out.quantized));
    if (l.pool) {
      LayerDescription p;
      p.kind = LayerDescription::Kind::MaxPool1d;
      p.name = "pool" + std::to_string(i);
      p.inputs = p.outputs = l.weight.size(0);
      p.length = length;
      out.layers.push_back(p);
      length /= 2;
    }
  }
  if (!net.convs.empty()) {
    LayerDescription g;
    g.kind = LayerDescription::Kind::GlobalAvgPool1d;
    g.name = "mean";
    g.inputs = g.outputs = net.convs.back().weight.size(0);
    g.length = length;
    out.layers.push_back(g);
  }
  for (const auto& l : net.dense) out.layers.push_back(describeLayer(l, 1, out.quantized));
  return out;
}

cv::Mat toMat(const torch::Tensor& t) {
  const torch::Tensor c = t.contiguous();
  cv::Mat out(static_cast<int>(c.size(0)), static_cast<int>(c.size(1)), CV_32F);
  std::memcpy(out.ptr<float>(), c.data_ptr<float>(), static_cast<size_t>(c.numel()) * 4);
  return out;
}

}  // namespace

std::vector<std::string> quantizedEngines() {
  std::vector<std::string> out;
  for (at::QEngine e : at::globalContext().supportedQEngines())
    if (!torchimpl::engineName(e).empty()) out.push_back(torchimpl::engineName(e));
  return out;
}

Result<CompressResult> quantizeStaticInt8(const Classifier& model, const cv::Mat& calibX,
                                          const QuantizeOptions& options) {
  const std::string where = "static int8 quantization of " + model.id();
  auto base = fromNet(model);
  if (!base.ok()) return base.error().wrap(where);
  CompressedNet net = std::move(*base);
  if (calibX.rows < 1 || calibX.type() != CV_32FC1 || calibX.cols != net.dims())
    return Error("the calibration rows must be CV_32F with " + std::to_string(net.dims()) +
                     " columns (at least one row)",
                 where);
  auto engine = torchimpl::resolveEngine(options.engine);
  if (!engine.ok()) return engine.error().wrap(where);
  net.method = "int8";
  net.engine = *engine;
  std::vector<torch::Tensor> inputs, outputs;  // float input / output of every layer
  try {
    torch::NoGradGuard noGrad;
    const cv::Mat dense = calibX.isContinuous() ? calibX : calibX.clone();
    torch::Tensor x =
        torch::from_blob(const_cast<float*>(dense.ptr<float>()), {calibX.rows, calibX.cols})
            .clone();
    x = (x - net.mean) / net.stdev;
    if (!net.convs.empty()) {
      std::vector<int64_t> shape = {-1};
      shape.insert(shape.end(), net.shape.begin(), net.shape.end());
      x = x.reshape(shape);
    }
    QuantParams q = observe(x);
    auto run = [&](CompressedLayer& l) {
      inputs.push_back(x);
      const torch::Tensor y = torchimpl::floatLayer(l, x);
      outputs.push_back(y);
      l.in = q;
      l.out = q = observe(y);
      x = torchimpl::pool(l, y);
    };
    for (auto& l : net.convs) run(l);
    if (!net.convs.empty()) {
      if (net.family == "cnn1d") {
        x = x.mean(2);
        q = observe(x);
      } else {
        x = x.flatten(1);
      }
    }
    for (auto& l : net.dense) run(l);
    for (auto* list : {&net.convs, &net.dense})
      for (auto& l : *list) {
        const torch::Tensor scales = torchimpl::weightScales(l.weight, options.perChannel);
        torchimpl::setInt8Weights(l, torchimpl::quantizeWeight(l.weight, scales).int_repr(),
                                  scales);
      }
  } catch (const c10::Error& e) {
    return Error("LibTorch failed: " + std::string(e.what_without_backtrace()), where);
  }
  auto result = finish(std::move(net), where);
  if (!result.ok()) return result;
  const CompressedNet& done = *torchimpl::compressedNet(*result->model);
  try {
    torch::NoGradGuard noGrad;
    torchimpl::useEngine(done);
    size_t i = 0;
    for (const auto* list : {&done.convs, &done.dense})
      for (const auto& l : *list) {
        const torch::Tensor y = outputs[i];
        const torch::Tensor yq =
            torchimpl::int8Layer(l, torchimpl::quantizeActivation(inputs[i], l.in)).dequantize();
        const double signal = y.pow(2).sum().item<double>();
        const double noise = (y - yq).pow(2).sum().item<double>();
        const double sqnr = noise > 0 ? 10.0 * std::log10(signal / noise) : 200.0;
        result->layerErrors.push_back({l.name, std::min(sqnr, 200.0)});
        ++i;
      }
  } catch (const c10::Error& e) {
    return Error(
        "LibTorch failed measuring the layer errors: " + std::string(e.what_without_backtrace()),
        where);
  }
  result->notes.push_back("engine " + done.engine + ", calibrated on " +
                          std::to_string(calibX.rows) + " rows, " +
                          (options.perChannel ? "per-channel" : "per-tensor") + " weights");
  return result;
}

Result<CompressResult> quantizeDynamicInt8(const Classifier& model,
                                           const QuantizeOptions& options) {
  const std::string where = "dynamic int8 quantization of " + model.id();
  auto base = fromNet(model);
  if (!base.ok()) return base.error().wrap(where);
  auto engine = torchimpl::resolveEngine(options.engine);
  if (!engine.ok()) return engine.error().wrap(where);
  CompressedNet net = std::move(*base);
  net.method = "dint8";
  net.engine = *engine;
  try {
    torch::NoGradGuard noGrad;
    for (auto& l : net.dense) {
      const torch::Tensor scales = torchimpl::weightScales(l.weight, options.perChannel);
      torchimpl::setInt8Weights(l, torchimpl::quantizeWeight(l.weight, scales).int_repr(), scales);
    }
  } catch (const c10::Error& e) {
    return Error("LibTorch failed: " + std::string(e.what_without_backtrace()), where);
  }
  auto result = finish(std::move(net), where);
  if (result.ok() && !torchimpl::compressedNet(*result->model)->convs.empty())
    result->notes.push_back("convolutions stay float32 (dynamic int8 covers linear layers)");
  return result;
}

Result<CompressResult> convertFloat16(const Classifier& model) {
  const std::string where = "float16 conversion of " + model.id();
  auto base = fromNet(model);
  if (!base.ok()) return base.error().wrap(where);
  CompressedNet net = std::move(*base);
  net.method = "fp16";
  for (auto* list : {&net.convs, &net.dense})
    for (auto& l : *list) l.weight = l.weight.to(torch::kHalf).to(torch::kFloat32).contiguous();
  auto result = finish(std::move(net), where);
  if (result.ok()) result->notes.push_back("weights stored as float16, computed in float32");
  return result;
}

Result<CompressResult> lowRankFactorize(const Classifier& model, int rank, double energy,
                                        const FineTuneOptions& fineTune) {
  const std::string where = "low-rank factorization of " + model.id();
  if (rank < 0) return Error("the rank must not be negative (0 = choose by energy)", where);
  if (rank == 0 && !(energy > 0.0 && energy <= 1.0))
    return Error("the energy must be in (0, 1] when no rank is given", where);
  auto base = fromNet(model);
  if (!base.ok()) return base.error().wrap(where);
  CompressedNet net = std::move(*base);
  net.method = "lowrank";
  std::vector<std::string> notes;
  std::vector<CompressedLayer> dense;
  try {
    torch::NoGradGuard noGrad;
    for (auto& l : net.dense) {
      const int64_t out = l.weight.size(0), in = l.weight.size(1);
      auto [u, s, vh] = at::linalg_svd(l.weight.to(torch::kFloat64), false);
      int64_t r = std::min<int64_t>(rank, std::min(out, in));
      if (rank == 0) {
        const torch::Tensor e = s.pow(2).cumsum(0) / s.pow(2).sum();
        r = std::min<int64_t>(e.lt(energy - 1e-12).sum().item<int64_t>() + 1, s.size(0));
      }
      if (r * (out + in) >= out * in) {
        notes.push_back(l.name + ": kept (" + std::to_string(out) + "x" + std::to_string(in) +
                        ", rank " + std::to_string(r) + " would not be smaller)");
        dense.push_back(std::move(l));
        continue;
      }
      CompressedLayer a, b;
      a.kind = b.kind = Kind::Dense;
      a.name = l.name + "_a";
      b.name = l.name + "_b";
      a.weight = vh.slice(0, 0, r).to(torch::kFloat32).contiguous();  // [r x in]
      b.weight =
          (u.slice(1, 0, r) * s.slice(0, 0, r)).to(torch::kFloat32).contiguous();  // [out x r]
      b.bias = l.bias;
      b.relu = l.relu;
      notes.push_back(l.name + ": " + std::to_string(out) + "x" + std::to_string(in) + " -> rank " +
                      std::to_string(r) + " (" + std::to_string(out * in) + " -> " +
                      std::to_string(r * (out + in)) + " weights)");
      dense.push_back(std::move(a));
      dense.push_back(std::move(b));
    }
  } catch (const c10::Error& e) {
    return Error("LibTorch failed: " + std::string(e.what_without_backtrace()), where);
  }
  if (dense.size() == net.dense.size())
    return Error("no linear layer gets fewer parameters at this rank/energy", where);
  net.dense = std::move(dense);
  auto result = finish(std::move(net), where);
  if (!result.ok()) return result;
  result->notes = notes;
  if (fineTune.epochs > 0)
    result->notes.push_back("fine-tuning of low-rank variants is not implemented; " +
                            std::to_string(fineTune.epochs) + " epochs ignored");
  return result;
}

int64_t countNonzeroParameters(const Classifier& model) {
  if (const CompressedNet* c = torchimpl::compressedNet(model)) return nonzero(*c);
  const Net net = torchimpl::trainedNet(model);
  if (!net) return model.parameterCount();
  torch::NoGradGuard noGrad;
  int64_t n = 0;
  for (const auto& p : net->parameters()) n += p.ne(0).sum().item<int64_t>();
  return n;
}

Result<NetDescription> describeNet(const Classifier& model) {
  if (const CompressedNet* c = torchimpl::compressedNet(model)) return describe(*c);
  auto base = fromNet(model);
  if (!base.ok()) return base.error().wrap("describing " + model.id());
  auto d = describe(*base);
  if (!d.ok()) return d.error().wrap("describing " + model.id());
  return d;
}

Result<cv::Mat> predictLogits(const Classifier& model, const cv::Mat& X) {
  const std::string where = "logits of " + model.id();
  Net net = torchimpl::trainedNet(model);
  const CompressedNet* c = torchimpl::compressedNet(model);
  if (!net && !c) return Error("not a trained torch model or variant", where);
  if (X.type() != CV_32FC1 || X.cols != model.dims())
    return Error("expected CV_32F rows with " + std::to_string(model.dims()) + " columns", where);
  if (X.rows == 0) return cv::Mat(0, model.numClasses(), CV_32F);
  try {
    const cv::Mat dense = X.isContinuous() ? X : X.clone();
    torch::NoGradGuard noGrad;
    const torch::Tensor x =
        torch::from_blob(const_cast<float*>(dense.ptr<float>()), {X.rows, X.cols});
    if (c) return toMat(torchimpl::compressedForward(*c, x));
    std::vector<torch::Tensor> parts;
    for (int64_t s = 0; s < x.size(0); s += torchimpl::kChunk)
      parts.push_back(net->forward(x.slice(0, s, std::min(x.size(0), s + torchimpl::kChunk))));
    return toMat(torch::cat(parts));
  } catch (const c10::Error& e) {
    return Error("LibTorch failed: " + std::string(e.what_without_backtrace()), where);
  }
}

}  // namespace edgewise::training
