// TorchScript export of the torch families and import of TorchScript models trained elsewhere.

#include <torch/csrc/jit/frontend/resolver.h>
#include <torch/csrc/jit/frontend/sugared_value.h>
#include <torch/script.h>

#include <cstdio>
#include <fstream>
#include <numeric>
#include <sstream>

#include <QLoggingCategory>
#include <nlohmann/json.hpp>

#include "core/training/model_file.h"
#include "core/training/torch/compressed_net.h"
#include "core/training/torch/torch_classifier.h"
#include "core/training/torch/torch_models.h"

namespace edgewise::training {
namespace torchimpl {
namespace {

Q_LOGGING_CATEGORY(lcScript, "edgewise.training.torchscript")

using json = nlohmann::json;

constexpr int64_t kChunk = 2048;

std::string intList(const std::vector<int64_t>& v) {
  std::string s = "[";
  for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + std::to_string(v[i]);
  return s + "]";
}

// TorchScript source of Net::forward for the trained net (the same operations, so the same
// logits up to float rounding).
std::string forwardSource(const NetImpl& net) {
  const NetConfig& c = net.config();
  std::ostringstream s;
  s << "def forward(self, x):\n";
  s << "    x = (x - self.mean) / self.std\n";
  if (c.family == "mlp") {
    for (size_t i = 0; i < net.fc.size(); ++i)
      s << "    x = torch.relu(torch.addmm(self.fc" << i << "_b, x, self.fc" << i << "_w.t()))\n";
  } else {
    std::vector<int64_t> shape = {-1};
    shape.insert(shape.end(), c.shape.begin(), c.shape.end());
    s << "    x = x.reshape(" << intList(shape) << ")\n";
    const bool is1d = c.family == "cnn1d";
    for (size_t i = 0; i < net.pool.size(); ++i) {
      const int64_t pad = c.kernel / 2;
      if (is1d)
        s << "    x = torch.relu(torch.conv1d(x, self.conv" << i << "_w, self.conv" << i
          << "_b, [1], [" << pad << "]))\n";
      else
        s << "    x = torch.relu(torch.conv2d(x, self.conv" << i << "_w, self.conv" << i
          << "_b, [1, 1], [" << pad << ", " << pad << "]))\n";
      if (net.pool[i])
        s << (is1d ? "    x = torch.max_pool1d(x, [2])\n"
                   : "    x = torch.max_pool2d(x, [2, 2])\n");
    }
    s << (is1d ? "    x = torch.mean(x, [2])\n" : "    x = torch.flatten(x, 1)\n");
  }
  s << "    return torch.addmm(self.head_b, x, self.head_w.t())\n";
  return s.str();
}

// A double as a TorchScript float literal (always with a '.' or an exponent).
std::string pyFloat(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  std::string s = buf;
  if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
  return s;
}

// TorchScript source of a compressed variant's forward (compressedForward's operations):
// static int8 layers call the same quantized kernels with their prepacked weights (module
// attributes "<layer>_p", re-packed by the loading process's quantized engine), dynamic int8
// layers quantized::linear_dynamic, float / float16 / low-rank layers float32 weights.
std::string compressedSource(const CompressedNet& net) {
  using Kind = CompressedLayer::Kind;
  std::ostringstream s;
  s << "def forward(self, x):\n";
  s << "    x = (x - self.mean) / self.std\n";
  auto quantize = [&](const std::string& var, const QuantParams& q) {
    s << "    q = torch.quantize_per_tensor(" << var << ", " << pyFloat(q.scale) << ", "
      << q.zeroPoint << ", " << static_cast<int>(c10::ScalarType::QUInt8) << ")\n";  // quint8
  };
  std::vector<int64_t> shape = {-1};
  shape.insert(shape.end(), net.shape.begin(), net.shape.end());
  const bool is1d = net.family == "cnn1d";
  auto poolLine = [&](const CompressedLayer& l, const char* var) {
    if (l.pool)
      s << "    " << var << " = " << (is1d ? "torch.max_pool1d(" : "torch.max_pool2d(") << var
        << (is1d ? ", [2])\n" : ", [2, 2])\n");
  };
  if (net.staticInt8()) {
    if (!net.convs.empty()) {
      s << "    x = x.reshape(" << intList(shape) << ")\n";
      quantize("x", net.convs.front().in);
      for (const auto& l : net.convs) {
        s << "    q = quantized." << (is1d ? "conv1d" : "conv2d") << (l.relu ? "_relu" : "")
          << "(q, self." << l.name << "_p, " << pyFloat(l.out.scale) << ", " << l.out.zeroPoint
          << ")\n";
        poolLine(l, "q");
      }
      if (is1d)
        quantize("torch.mean(q.dequantize(), [2])", net.dense.front().in);
      else
        s << "    q = q.reshape([q.size(0), -1])\n";
    } else {
      quantize("x", net.dense.front().in);
    }
    for (const auto& l : net.dense)
      s << "    q = quantized." << (l.relu ? "linear_relu" : "linear") << "(q, self." << l.name
        << "_p, " << pyFloat(l.out.scale) << ", " << l.out.zeroPoint << ")\n";
    s << "    return q.dequantize()\n";
    return s.str();
  }
  if (!net.convs.empty()) {
    s << "    x = x.reshape(" << intList(shape) << ")\n";
    for (const auto& l : net.convs) {
      const std::string pad = l.kind == Kind::Conv1d ? "[1], [" + std::to_string(l.padding) + "]"
                                                     : "[1, 1], [" + std::to_string(l.padding) +
                                                           ", " + std::to_string(l.padding) + "]";
      s << "    x = " << (l.relu ? "torch.relu(" : "(") << (is1d ? "torch.conv1d" : "torch.conv2d")
        << "(x, self." << l.name << "_w, self." << l.name << "_b, " << pad << "))\n";
      poolLine(l, "x");
    }
    s << (is1d ? "    x = torch.mean(x, [2])\n" : "    x = torch.flatten(x, 1)\n");
  }
  for (const auto& l : net.dense) {
    std::string expr;
    if (l.int8)
      expr = "quantized.linear_dynamic(x, self." + l.name + "_p, False)";
    else if (l.bias.defined())
      expr = "torch.addmm(self." + l.name + "_b, x, self." + l.name + "_w.t())";
    else
      expr = "torch.mm(x, self." + l.name + "_w.t())";
    s << "    x = " << (l.relu ? "torch.relu(" + expr + ")" : expr) << "\n";
  }
  s << "    return x\n";
  return s.str();
}

// Resolves "torch" (aten ops, like the default resolver) and "quantized" (the quantized::
// ops: linear, linear_relu, linear_dynamic, conv1d[_relu], conv2d[_relu]) in compressedSource.
struct QuantizedResolver : torch::jit::Resolver {
  std::shared_ptr<torch::jit::SugaredValue> resolveValue(const std::string& name,
                                                         torch::jit::GraphFunction&,
                                                         const torch::jit::SourceRange&) override {
    if (name == "torch") return std::make_shared<torch::jit::BuiltinModule>("aten");
    if (name == "quantized") return std::make_shared<torch::jit::BuiltinModule>("quantized");
    return nullptr;
  }
};

torch::jit::Module compressedModule(const CompressedNet& net) {
  torch::jit::Module m("EdgewiseModel");
  m.register_buffer("mean", net.mean.clone());
  m.register_buffer("std", net.stdev.clone());
  for (const auto* list : {&net.convs, &net.dense})
    for (const auto& l : *list) {
      if (l.int8) {
        m.register_attribute(l.name + "_p", l.packed.type(), l.packed);
        continue;
      }
      m.register_parameter(l.name + "_w", l.weight.clone(), false);
      if (l.bias.defined()) m.register_parameter(l.name + "_b", l.bias.clone(), false);
    }
  m.define(compressedSource(net), std::make_shared<QuantizedResolver>());
  m.eval();
  return m;
}

std::vector<int64_t> batchShape(int64_t n, const std::vector<int>& shape) {
  std::vector<int64_t> s = {n};
  s.insert(s.end(), shape.begin(), shape.end());
  return s;
}

int64_t product(const std::vector<int>& shape) {
  return std::accumulate(shape.begin(), shape.end(), int64_t{1}, std::multiplies<int64_t>());
}

// A TorchScript module: forward([N, ...inputShape] float32) -> [N, numClasses] logits.
class ScriptClassifier : public Classifier {
 public:
  std::string id() const override { return "torchscript"; }
  HyperParams hyperParams() const override {
    std::string shape;
    for (size_t i = 0; i < m_shape.size(); ++i)
      shape += (i ? "," : "") + std::to_string(m_shape[i]);
    return {{"input_shape", shape}};
  }
  bool isTrained() const override { return m_loaded; }
  int numClasses() const override { return m_loaded ? m_numClasses : 0; }
  int dims() const override { return static_cast<int>(product(m_shape)); }
  int64_t parameterCount() const override { return m_parameterCount; }
  int64_t sizeBytes() const override {
    return m_loaded ? static_cast<int64_t>(encodeModelFile(modelFile()).size()) : 0;
  }

  Result<void> train(const cv::Mat&, const std::vector<int>&, int) override {
    return Error("a TorchScript model is trained elsewhere; it cannot be trained here");
  }

  // Loads and checks the module: it must run on a batch of zeros and answer [2, numClasses].
  Result<void> setModule(std::string bytes, int numClasses, const std::vector<int>& shape) {
    if (numClasses < 2) return Error("numClasses must be at least 2");
    if (shape.empty() || std::any_of(shape.begin(), shape.end(), [](int d) { return d <= 0; }))
      return Error("the input shape must have positive dimensions");
    torch::jit::Module module;
    try {
      std::istringstream in(bytes);
      module = torch::jit::load(in);
    } catch (const c10::Error& e) {
      return Error("not a TorchScript file (torch.jit.save): " +
                   std::string(e.what_without_backtrace()));
    }
    try {
      module.eval();
      torch::NoGradGuard noGrad;
      const torch::jit::IValue out = module.forward({torch::zeros(batchShape(2, shape))});
      if (!out.isTensor()) return Error("the module's forward does not return a tensor of logits");
      const torch::Tensor t = out.toTensor();
      if (t.dim() != 2 || t.size(0) != 2 || t.size(1) != numClasses)
        return Error("the module answers a batch of 2 with shape " + shapeText(t) +
                     ", expected [2, " + std::to_string(numClasses) + "]");
    } catch (const c10::Error& e) {
      return Error("the module fails on an input of shape " + intList(batchShape(2, shape)) + ": " +
                   std::string(e.what_without_backtrace()));
    } catch (const std::exception& e) {  // torch::jit errors derive from std::exception
      return Error("the module fails on an input of shape " + intList(batchShape(2, shape)) + ": " +
                   std::string(e.what()));
    }
    m_parameterCount = 0;
    for (const auto& p : module.parameters()) m_parameterCount += p.numel();
    m_module = module;
    m_bytes = std::move(bytes);
    m_numClasses = numClasses;
    m_shape = shape;
    m_loaded = true;
    return okResult();
  }

  int predict(const float* x, int dims) const override {
    if (!m_loaded || x == nullptr || dims != this->dims()) return -1;
    const cv::Mat row(1, dims, CV_32F, const_cast<float*>(x));
    return predictBatch(row).front();
  }

  std::vector<int> predictBatch(const cv::Mat& X) const override {
    const size_t rows = static_cast<size_t>(std::max(X.rows, 0));
    if (!m_loaded || X.cols != dims() || X.type() != CV_32FC1 || X.rows == 0)
      return std::vector<int>(rows, -1);
    try {
      const cv::Mat dense = X.isContinuous() ? X : X.clone();
      torch::NoGradGuard noGrad;
      const torch::Tensor all = torch::from_blob(const_cast<float*>(dense.ptr<float>()),
                                                 {X.rows, X.cols}, torch::kFloat32);
      std::vector<int> out;
      out.reserve(rows);
      for (int64_t start = 0; start < all.size(0); start += kChunk) {
        const torch::Tensor x = all.slice(0, start, std::min(all.size(0), start + kChunk));
        const torch::Tensor logits =
            m_module.forward({x.reshape(batchShape(x.size(0), m_shape))}).toTensor();
        const torch::Tensor pred = logits.argmax(1).to(torch::kInt64).contiguous();
        for (int64_t i = 0; i < pred.numel(); ++i) {
          const int64_t c = pred.data_ptr<int64_t>()[i];
          out.push_back(c >= 0 && c < m_numClasses ? static_cast<int>(c) : -1);
        }
      }
      return out;
    } catch (const std::exception& e) {  // c10::Error and torch::jit errors
      qCWarning(lcScript, "torchscript: prediction failed: %s", e.what());
      return std::vector<int>(rows, -1);
    }
  }

  // Logits of [N, dims] rows with autograd left as the caller has it (attacks).
  torch::Tensor forwardRows(const torch::Tensor& rows) const {
    return m_module.forward({rows.reshape(batchShape(rows.size(0), m_shape))}).toTensor();
  }

  Result<void> save(const std::string& path) const override {
    if (!m_loaded) return Error("no module is loaded", "saving torchscript to " + path);
    return writeModelFile(path, modelFile());
  }

  Result<void> load(const std::string& path) override {
    auto file = readModelFile(path);
    if (!file.ok()) return file.error();
    auto r = loadFile(*file);
    if (!r.ok()) return r.error().wrap("loading model " + path);
    return okResult();
  }

  Result<void> loadFile(const ModelFile& file) {
    if (file.familyId != "torchscript")
      return Error("the file holds a '" + file.familyId + "' model, not 'torchscript'");
    if (file.parts.size() != 2)
      return Error("expected 2 parts (config, module), the file has " +
                   std::to_string(file.parts.size()));
    std::vector<int> shape;
    try {
      shape = json::parse(file.parts[0]).at("input_shape").get<std::vector<int>>();
    } catch (const json::exception& e) {
      return Error("the model configuration is unreadable: " + std::string(e.what()));
    }
    if (product(shape) != file.dims)
      return Error("the input shape does not match the file header; the file is corrupt");
    return setModule(file.parts[1], file.numClasses, shape);
  }

 private:
  static std::string shapeText(const torch::Tensor& t) { return intList(t.sizes().vec()); }
  ModelFile modelFile() const {
    ModelFile f;
    f.familyId = "torchscript";
    f.numClasses = m_numClasses;
    f.dims = static_cast<int32_t>(product(m_shape));
    f.parameterCount = m_parameterCount;
    f.parts = {json{{"format", 1}, {"input_shape", m_shape}}.dump(), m_bytes};
    return f;
  }

  mutable torch::jit::Module m_module;  // forward() is not const in LibTorch
  std::string m_bytes;
  std::vector<int> m_shape;
  int m_numClasses = 0;
  int64_t m_parameterCount = 0;
  bool m_loaded = false;
};

}  // namespace

std::function<torch::Tensor(const torch::Tensor&)> scriptForward(const Classifier& model) {
  const auto* s = dynamic_cast<const ScriptClassifier*>(&model);
  if (!s || !s->isTrained()) return {};
  return [s](const torch::Tensor& rows) { return s->forwardRows(rows); };
}

Result<std::unique_ptr<Classifier>> loadScriptFile(const ModelFile& file) {
  auto c = std::make_unique<ScriptClassifier>();
  EW_TRY(c->loadFile(file));
  return std::unique_ptr<Classifier>(std::move(c));
}

}  // namespace torchimpl

Result<void> exportTorchScript(const Classifier& model, const std::string& path) {
  const std::string where = "exporting " + model.id() + " as TorchScript to " + path;
  const torchimpl::Net net = torchimpl::trainedNet(model);
  if (const torchimpl::CompressedNet* c = torchimpl::compressedNet(model)) {
    try {
      torchimpl::useEngine(*c);
      torch::jit::Module m = torchimpl::compressedModule(*c);
      const std::string tmp = path + ".tmp";
      m.save(tmp);
      if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        return Error("could not move the exported file into place", where);
      }
    } catch (const std::exception& e) {  // c10::Error and torch::jit script errors
      return Error("LibTorch failed: " + std::string(e.what()), where);
    }
    return okResult();
  }
  if (!net) {
    if (model.id() == "torchscript")
      return Error("the model already is TorchScript; save it", where);
    return Error("only trained mlp, cnn1d and cnn2d models can be exported", where);
  }
  try {
    torch::jit::Module m("EdgewiseModel");
    m.register_buffer("mean", net->mean.clone());
    m.register_buffer("std", net->stdev.clone());
    auto addLayer = [&m](const std::string& name, const torch::nn::Module& layer) {
      const auto named = layer.named_parameters(/*recurse=*/false);
      m.register_parameter(name + "_w", named["weight"].detach().clone(), false);
      m.register_parameter(name + "_b", named["bias"].detach().clone(), false);
    };
    for (size_t i = 0; i < net->fc.size(); ++i) addLayer("fc" + std::to_string(i), *net->fc[i]);
    for (size_t i = 0; i < net->conv1.size(); ++i)
      addLayer("conv" + std::to_string(i), *net->conv1[i]);
    for (size_t i = 0; i < net->conv2.size(); ++i)
      addLayer("conv" + std::to_string(i), *net->conv2[i]);
    addLayer("head", *net->head);
    m.define(torchimpl::forwardSource(*net));
    m.eval();
    // Written to a temporary name first so a failed export leaves an earlier file intact.
    const std::string tmp = path + ".tmp";
    m.save(tmp);
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
      std::remove(tmp.c_str());
      return Error("could not move the exported file into place", where);
    }
  } catch (const std::exception& e) {  // c10::Error and torch::jit script errors
    return Error("LibTorch failed: " + std::string(e.what()), where);
  }
  return okResult();
}

Result<std::unique_ptr<Classifier>> importTorchScript(const std::string& path, int numClasses,
                                                      const std::vector<int>& inputShape) {
  const std::string where = "importing TorchScript " + path;
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error("cannot open the file", where);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto c = std::make_unique<torchimpl::ScriptClassifier>();
  auto r = c->setModule(std::move(bytes), numClasses, inputShape);
  if (!r.ok()) return r.error().wrap(where);
  return std::unique_ptr<Classifier>(std::move(c));
}

}  // namespace edgewise::training
