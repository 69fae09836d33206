#include "core/training/torch/torch_classifier.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <numeric>
#include <random>
#include <sstream>
#include <thread>

#if defined(__x86_64__) || defined(__SSE__)
#include <xmmintrin.h>
#define EDGEWISE_HAS_MXCSR 1
#endif

#include <QLoggingCategory>
#include <nlohmann/json.hpp>

#include "core/training/model_file.h"
#include "core/training/torch/torch_models.h"

namespace edgewise::training {
namespace torchimpl {
namespace {

Q_LOGGING_CATEGORY(lcTorch, "edgewise.training.torch")

using json = nlohmann::json;

constexpr int64_t kPredictChunk = 2048;

const HyperParams& defaults() {
  static const HyperParams d = {
      {"epochs", "30"},       {"batch_size", "64"},  {"lr", "0.001"},      {"optimizer", "adam"},
      {"momentum", "0.9"},    {"weight_decay", "0"}, {"schedule", "none"}, {"patience", "0"},
      {"class_weights", "0"}, {"hidden", "256,128"}, {"dropout", "0.1"},   {"augment_shift", "0"},
      {"threads", "0"},
  };
  return d;
}

Result<std::vector<int64_t>> parseWidths(const std::string& key, const std::string& text) {
  std::vector<int64_t> out;
  std::stringstream ss(text);
  std::string item;
  while (std::getline(ss, item, ',')) {
    if (item.find_first_not_of(' ') == std::string::npos) continue;
    try {
      size_t used = 0;
      const long v = std::stol(item, &used);
      if (v <= 0 || item.find_first_not_of(' ', used) != std::string::npos) throw 0;
      out.push_back(v);
    } catch (...) {  // std::invalid_argument, std::out_of_range or the throw above
      return Error("'" + key + "' must be a comma-separated list of positive integers, got '" +
                   text + "'");
    }
  }
  return out;
}

std::string joinWidths(const std::vector<int64_t>& v) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) s += (i ? "," : "") + std::to_string(v[i]);
  return s;
}

// The shortest decimal text that reads back to the same double ("0.2", not
// "0.20000000000000001").
std::string formatDouble(double v) {
  char buf[32];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  return buf;
}

// Flushes denormal floats to zero on this thread while training and restores the caller's
// setting afterwards. Adam's second-moment estimates of tiny gradients fall into the denormal
// range, which made an epoch of the digits MLP ~7x slower (34.6 s vs 4.6 s for 8 epochs,
// measured with ref_torch.py and torch.set_flush_denormal).
class FlushDenormalsGuard {
 public:
#ifdef EDGEWISE_HAS_MXCSR
  FlushDenormalsGuard() : m_saved(_mm_getcsr()) {
    _mm_setcsr(m_saved | 0x8040u);
  }  // FTZ|DAZ
  ~FlushDenormalsGuard() {
    _mm_setcsr(m_saved);
  }

 private:
  unsigned int m_saved;
#endif
};

// Training settings resolved from the hyper-parameters.
struct TrainSettings {
  int epochs = 30;
  int batchSize = 64;
  double lr = 1e-3;
  std::string optimizer = "adam";
  double momentum = 0.9;
  double weightDecay = 0.0;
  std::string schedule = "none";
  int patience = 0;
  bool classWeights = false;
  int augmentShift = 0;
  int threads = 0;
};

Result<TrainSettings> resolveTraining(const HyperParams& p) {
  TrainSettings s;
  auto epochs = paramInt(p, "epochs", s.epochs);
  auto batch = paramInt(p, "batch_size", s.batchSize);
  auto lr = paramDouble(p, "lr", s.lr);
  auto momentum = paramDouble(p, "momentum", s.momentum);
  auto wd = paramDouble(p, "weight_decay", s.weightDecay);
  auto patience = paramInt(p, "patience", s.patience);
  auto cw = paramInt(p, "class_weights", 0);
  auto shift = paramInt(p, "augment_shift", s.augmentShift);
  auto threads = paramInt(p, "threads", s.threads);
  for (const auto* r : {&epochs, &batch, &patience, &cw, &shift, &threads})
    if (!r->ok()) return r->error();
  for (const auto* r : {&lr, &momentum, &wd})
    if (!r->ok()) return r->error();
  s.epochs = *epochs;
  s.batchSize = *batch;
  s.lr = *lr;
  s.momentum = *momentum;
  s.weightDecay = *wd;
  s.patience = *patience;
  s.classWeights = *cw != 0;
  s.augmentShift = *shift;
  s.threads = *threads;
  s.optimizer = paramString(p, "optimizer", s.optimizer);
  s.schedule = paramString(p, "schedule", s.schedule);
  if (s.epochs < 1) return Error("'epochs' must be at least 1");
  if (s.batchSize < 1) return Error("'batch_size' must be at least 1");
  if (!(s.lr > 0.0)) return Error("'lr' must be positive");
  if (s.momentum < 0.0) return Error("'momentum' must not be negative");
  if (s.weightDecay < 0.0) return Error("'weight_decay' must not be negative");
  if (s.patience < 0) return Error("'patience' must not be negative (0 = off)");
  if (*cw != 0 && *cw != 1) return Error("'class_weights' must be 0 or 1");
  if (s.augmentShift < 0) return Error("'augment_shift' must not be negative");
  if (s.threads < 0) return Error("'threads' must not be negative (0 = all cores)");
  if (s.optimizer != "adam" && s.optimizer != "sgd")
    return Error("'optimizer' must be adam or sgd, got '" + s.optimizer + "'");
  if (s.schedule != "none" && s.schedule != "step" && s.schedule != "cosine")
    return Error("'schedule' must be none, step or cosine, got '" + s.schedule + "'");
  return s;
}

// Learning-rate factor of epoch `epoch` (0-based); ref_torch.py has the same formula.
double lrFactor(const std::string& schedule, int epoch, int epochs) {
  if (schedule == "step") return std::pow(0.1, epoch / std::max(1, epochs / 3));
  if (schedule == "cosine") return 0.5 * (1.0 + std::cos(M_PI * epoch / epochs));
  return 1.0;
}

FitOptions toFitOptions(const TrainSettings& s, uint64_t seed) {
  FitOptions o;
  o.epochs = s.epochs;
  o.batchSize = s.batchSize;
  o.lr = s.lr;
  o.optimizer = s.optimizer;
  o.momentum = s.momentum;
  o.weightDecay = s.weightDecay;
  o.schedule = s.schedule;
  o.patience = s.patience;
  o.classWeights = s.classWeights;
  o.augmentShift = s.augmentShift;
  o.threads = s.threads;
  o.seed = seed;
  return o;
}

int effectiveThreads(int threads) {
  if (threads > 0) return threads;
  return std::max(1u, std::thread::hardware_concurrency());
}

// X as a [rows, cols] float tensor sharing X's memory (X must stay alive and unchanged).
torch::Tensor viewRows(const cv::Mat& X) {
  return torch::from_blob(const_cast<float*>(X.ptr<float>()), {X.rows, X.cols}, torch::kFloat32);
}
torch::Tensor labelsTensor(const std::vector<int>& y) {
  std::vector<int64_t> v(y.begin(), y.end());
  return torch::tensor(v, torch::kInt64);
}

// Random +-n pixel translation per sample with zero fill, for [N, C*H*W] rows of images.
// Samples are grouped by their shift so the copy is a few tensor operations per batch.
torch::Tensor shiftBatch(const torch::Tensor& xb, const std::vector<int64_t>& shape, int n,
                         std::mt19937_64& rng) {
  const int64_t batch = xb.size(0), c = shape[0], h = shape[1], w = shape[2];
  const torch::Tensor images = xb.reshape({batch, c, h, w});
  const torch::Tensor padded = torch::constant_pad_nd(images, {n, n, n, n}, 0.0);
  torch::Tensor out = torch::empty_like(images);
  std::uniform_int_distribution<int> dist(-n, n);
  const int side = 2 * n + 1;
  std::vector<std::vector<int64_t>> groups(static_cast<size_t>(side * side));
  for (int64_t i = 0; i < batch; ++i) {
    const int dx = dist(rng), dy = dist(rng);
    groups[static_cast<size_t>((dy + n) * side + (dx + n))].push_back(i);
  }
  for (int g = 0; g < side * side; ++g) {
    if (groups[static_cast<size_t>(g)].empty()) continue;
    const int dy = g / side - n, dx = g % side - n;
    const torch::Tensor idx = torch::tensor(groups[static_cast<size_t>(g)], torch::kInt64);
    out.index_copy_(
        0, idx,
        padded.index_select(0, idx).slice(2, n + dy, n + dy + h).slice(3, n + dx, n + dx + w));
  }
  return out.reshape({batch, c * h * w});
}

struct EvalResult {
  double loss = 0.0;
  double accuracy = 0.0;
};

EvalResult evaluate(Net& net, const torch::Tensor& x, const torch::Tensor& y) {
  torch::NoGradGuard noGrad;
  net->eval();
  double lossSum = 0.0;
  int64_t correct = 0;
  const int64_t n = x.size(0);
  for (int64_t start = 0; start < n; start += kPredictChunk) {
    const int64_t end = std::min(n, start + kPredictChunk);
    const torch::Tensor logits = net->forward(x.slice(0, start, end));
    const torch::Tensor yb = y.slice(0, start, end);
    lossSum +=
        torch::nn::functional::cross_entropy(
            logits, yb, torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum))
            .item<double>();
    correct += logits.argmax(1).eq(yb).sum().item<int64_t>();
  }
  return {lossSum / static_cast<double>(n), static_cast<double>(correct) / static_cast<double>(n)};
}

std::vector<float> tensorToVector(const torch::Tensor& t) {
  const torch::Tensor c = t.contiguous().to(torch::kFloat32);
  return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

class TorchClassifier : public Classifier {
 public:
  TorchClassifier(NetConfig config, HyperParams effective, TrainSettings settings, uint64_t seed)
      : m_config(std::move(config)),
        m_params(std::move(effective)),
        m_settings(settings),
        m_seed(seed) {}

  std::string id() const override { return m_config.family; }
  HyperParams hyperParams() const override { return m_params; }
  bool isTrained() const override { return static_cast<bool>(m_net); }
  int numClasses() const override { return m_net ? m_config.numClasses : 0; }
  int dims() const override { return static_cast<int>(m_config.dims()); }
  int64_t parameterCount() const override { return m_parameterCount; }
  int64_t sizeBytes() const override { return m_sizeBytes; }
  Net net() const { return m_net; }

  Result<void> train(const cv::Mat& X, const std::vector<int>& y, int numClasses) override {
    return train(X, y, numClasses, TrainContext{});
  }

  Result<void> train(const cv::Mat& X, const std::vector<int>& y, int numClasses,
                     const TrainContext& context) override {
    const std::string where = "training " + m_config.family;
    m_net = nullptr;
    m_parameterCount = m_sizeBytes = 0;
    EW_TRY(validateTrainingData(X, y, numClasses));
    if (X.cols != m_config.dims())
      return Error("the input shape needs " + std::to_string(m_config.dims()) +
                       " values per sample, the data has " + std::to_string(X.cols),
                   where);
    const bool hasVal = context.valX && context.valY && context.valX->rows > 0;
    if (hasVal) {
      auto r = validateTrainingData(*context.valX, *context.valY, numClasses);
      if (!r.ok()) return r.error().wrap(where + ": validation data");
      if (context.valX->cols != X.cols)
        return Error("validation data has " + std::to_string(context.valX->cols) +
                         " columns, training data " + std::to_string(X.cols),
                     where);
    }
    if (context.cancelled()) return Error(kCancelledMessage);
    try {
      auto r = run(X, y, numClasses, context, hasVal);
      if (!r.ok()) {
        m_net = nullptr;
        if (r.error().message == kCancelledMessage) return r;
        return r.error().wrap(where);
      }
    } catch (const c10::Error& e) {
      m_net = nullptr;
      return Error("LibTorch failed: " + std::string(e.what_without_backtrace()), where);
    }
    finishModel();
    return okResult();
  }

  int predict(const float* x, int dims) const override {
    if (!m_net || x == nullptr || dims != m_config.dims()) return -1;
    const cv::Mat row(1, dims, CV_32F, const_cast<float*>(x));  // read only
    return predictBatch(row).front();
  }

  std::vector<int> predictBatch(const cv::Mat& X) const override {
    const size_t rows = static_cast<size_t>(std::max(X.rows, 0));
    if (!m_net || X.cols != m_config.dims() || X.type() != CV_32FC1 || X.rows == 0)
      return std::vector<int>(rows, -1);
    try {
      const cv::Mat dense = X.isContinuous() ? X : X.clone();
      torch::NoGradGuard noGrad;
      const torch::Tensor x = viewRows(dense);
      std::vector<int> out;
      out.reserve(rows);
      for (int64_t start = 0; start < x.size(0); start += kPredictChunk) {
        const torch::Tensor pred =
            m_net->forward(x.slice(0, start, std::min(x.size(0), start + kPredictChunk)))
                .argmax(1)
                .contiguous();
        const int64_t* p = pred.data_ptr<int64_t>();
        out.insert(out.end(), p, p + pred.numel());
      }
      return out;
    } catch (const c10::Error& e) {
      qCWarning(lcTorch, "%s: prediction failed: %s", m_config.family.c_str(),
                e.what_without_backtrace());
      return std::vector<int>(rows, -1);
    }
  }

  Result<void> save(const std::string& path) const override {
    if (!m_net)
      return Error("the model is not trained", "saving " + m_config.family + " to " + path);
    auto file = modelFile();
    if (!file.ok()) return file.error().wrap("saving " + m_config.family + " to " + path);
    return writeModelFile(path, *file);
  }

  Result<void> load(const std::string& path) override {
    auto file = readModelFile(path);
    if (!file.ok()) return file.error();
    const std::string context = "loading model " + path;
    if (file->familyId != m_config.family)
      return Error("the file holds a '" + file->familyId + "' model, not '" + m_config.family + "'",
                   context);
    auto r = loadFile(*file);
    if (!r.ok()) return r.error().wrap(context);
    return okResult();
  }

  // Restores from a decoded container (family already checked).
  Result<void> loadFile(const ModelFile& file) {
    if (file.parts.size() != 2)
      return Error("expected 2 parts (config, weights), the file has " +
                   std::to_string(file.parts.size()));
    json config;
    try {
      config = json::parse(file.parts[0]);
      HyperParams params = config.at("params").get<HyperParams>();
      std::vector<int> shape = config.at("input_shape").get<std::vector<int>>();
      HyperParams effective;
      auto resolved = resolveConfig(file.familyId, params, shape, &effective);
      if (!resolved.ok()) return resolved.error().wrap("the stored configuration is invalid");
      auto settings = resolveTraining(effective);
      if (!settings.ok()) return settings.error().wrap("the stored configuration is invalid");
      NetConfig netConfig = *resolved;
      netConfig.numClasses = config.at("num_classes").get<int>();
      if (netConfig.numClasses != file.numClasses || netConfig.dims() != file.dims ||
          netConfig.numClasses < 2)
        return Error("the configuration does not match the file header; the file is corrupt");
      const auto mean = config.at("norm").at("mean").get<std::vector<float>>();
      const auto stdev = config.at("norm").at("std").get<std::vector<float>>();
      const size_t normSize =
          netConfig.standardize == "feature" ? static_cast<size_t>(netConfig.dims()) : 1u;
      if (mean.size() != normSize || stdev.size() != normSize)
        return Error("the stored standardization has the wrong size; the file is corrupt");
      Net net(netConfig);
      torch::serialize::InputArchive archive;
      std::istringstream in(file.parts[1]);
      archive.load_from(in);
      net->load(archive);
      net->mean = torch::tensor(mean, torch::kFloat32);
      net->stdev = torch::tensor(stdev, torch::kFloat32);
      net->eval();
      m_config = netConfig;
      m_params = effective;
      m_settings = *settings;
      m_net = net;
    } catch (const json::exception& e) {
      return Error("the model configuration is unreadable: " + std::string(e.what()));
    } catch (const c10::Error& e) {
      return Error("LibTorch could not read the weights: " +
                   std::string(e.what_without_backtrace()));
    }
    finishModel();
    if (m_parameterCount != file.parameterCount) {
      m_net = nullptr;
      return Error("the weights hold " + std::to_string(m_parameterCount) +
                   " parameters but the header says " + std::to_string(file.parameterCount) +
                   "; the file is corrupt");
    }
    return okResult();
  }

 private:
  Result<void> run(const cv::Mat& X, const std::vector<int>& y, int numClasses,
                   const TrainContext& context, bool /*hasVal*/) {
    FitOptions options = toFitOptions(m_settings, m_seed);
    options.seedTorch = false;
    options.initStandardization = true;
    options.context = context;
    // Same order of random draws as before fitNet() existed: seed, then build (init weights).
    torch::manual_seed(m_seed);
    NetConfig config = m_config;
    config.numClasses = numClasses;
    Net net(config);
    auto history = fitNet(net, X, y, options);
    if (!history.ok()) return history.error();
    m_epochsRun = static_cast<int>(history->size());
    m_config = config;
    m_net = net;
    return okResult();
  }

 public:
  // Adopts a trained net (wrapNet).
  void adopt(Net net) {
    m_config = net->config();
    m_net = net;
    m_net->eval();
    finishModel();
  }

  Result<cv::Mat> predictScores(const cv::Mat& X) const override {
    if (!m_net) return Error("the model is not trained", "scoring with " + m_config.family);
    if (X.cols != m_config.dims() || X.type() != CV_32FC1)
      return Error("expected CV_32F rows with " + std::to_string(m_config.dims()) + " columns",
                   "scoring with " + m_config.family);
    cv::Mat out(X.rows, m_config.numClasses, CV_32F);
    if (X.rows == 0) return out;
    try {
      const cv::Mat dense = X.isContinuous() ? X : X.clone();
      torch::NoGradGuard noGrad;
      const torch::Tensor x = viewRows(dense);
      for (int64_t start = 0; start < x.size(0); start += kPredictChunk) {
        const int64_t end = std::min(x.size(0), start + kPredictChunk);
        const torch::Tensor p =
            torch::softmax(m_net->forward(x.slice(0, start, end)), 1).contiguous();
        std::memcpy(out.ptr<float>(static_cast<int>(start)), p.data_ptr<float>(),
                    static_cast<size_t>(p.numel()) * sizeof(float));
      }
    } catch (const c10::Error& e) {
      return Error("LibTorch failed: " + std::string(e.what_without_backtrace()),
                   "scoring with " + m_config.family);
    }
    return out;
  }

 private:
  Result<ModelFile> modelFile() const {
    json config;
    config["format"] = 1;
    config["family"] = m_config.family;
    config["input_shape"] = m_config.shape;
    config["num_classes"] = m_config.numClasses;
    config["params"] = m_params;
    config["norm"] = {{"mode", m_config.standardize},
                      {"mean", tensorToVector(m_net->mean)},
                      {"std", tensorToVector(m_net->stdev)}};
    std::ostringstream weights;
    try {
      torch::serialize::OutputArchive archive;
      m_net->save(archive);
      archive.save_to(weights);
    } catch (const c10::Error& e) {
      return Error("LibTorch could not serialize the weights: " +
                   std::string(e.what_without_backtrace()));
    }
    ModelFile f;
    f.familyId = m_config.family;
    f.numClasses = m_config.numClasses;
    f.dims = static_cast<int32_t>(m_config.dims());
    f.parameterCount = m_parameterCount;
    f.parts = {config.dump(), weights.str()};
    return f;
  }

  void finishModel() {
    m_parameterCount = 0;
    for (const auto& p : m_net->parameters()) m_parameterCount += p.numel();
    auto file = modelFile();
    m_sizeBytes = file.ok() ? static_cast<int64_t>(encodeModelFile(*file).size()) : 0;
  }

  NetConfig m_config;
  HyperParams m_params;
  TrainSettings m_settings;
  uint64_t m_seed;
  mutable Net m_net{nullptr};  // forward() is not const in LibTorch
  int64_t m_parameterCount = 0;
  int64_t m_sizeBytes = 0;
  int m_epochsRun = 0;
};

}  // namespace

int64_t NetConfig::dims() const {
  int64_t d = 1;
  for (int64_t s : shape) d *= s;
  return d;
}

NetImpl::NetImpl(const NetConfig& config) : m_config(config) {
  mean = torch::zeros({1});
  stdev = torch::ones({1});
  if (config.family == "mlp") {
    int64_t width = config.dims();
    for (size_t i = 0; i < config.hidden.size(); ++i) {
      fc.push_back(
          register_module("fc" + std::to_string(i), torch::nn::Linear(width, config.hidden[i])));
      width = config.hidden[i];
    }
    head = register_module("head", torch::nn::Linear(width, config.numClasses));
  } else if (config.family == "cnn1d") {
    int64_t c = config.shape[0], length = config.shape[1];
    for (size_t i = 0; i < config.channels.size(); ++i) {
      conv1.push_back(register_module(
          "conv" + std::to_string(i),
          torch::nn::Conv1d(torch::nn::Conv1dOptions(c, config.channels[i], config.kernel)
                                .padding(config.kernel / 2))));
      pool.push_back(length >= 2);
      if (length >= 2) length /= 2;
      c = config.channels[i];
    }
    head = register_module("head", torch::nn::Linear(c, config.numClasses));
  } else {
    int64_t c = config.shape[0], h = config.shape[1], w = config.shape[2];
    for (size_t i = 0; i < config.channels.size(); ++i) {
      conv2.push_back(register_module(
          "conv" + std::to_string(i),
          torch::nn::Conv2d(torch::nn::Conv2dOptions(c, config.channels[i], config.kernel)
                                .padding(config.kernel / 2))));
      const bool p = h >= 2 && w >= 2;
      pool.push_back(p);
      if (p) {
        h /= 2;
        w /= 2;
      }
      c = config.channels[i];
    }
    head = register_module("head", torch::nn::Linear(c * h * w, config.numClasses));
  }
}

torch::Tensor NetImpl::forward(torch::Tensor x) {
  namespace F = torch::nn::functional;
  x = (x - mean) / stdev;
  const auto dropout = F::DropoutFuncOptions().p(m_config.dropout).training(is_training());
  if (m_config.family == "mlp") {
    for (auto& layer : fc) x = F::dropout(torch::relu(layer->forward(x)), dropout);
  } else if (m_config.family == "cnn1d") {
    std::vector<int64_t> shape = {-1};
    shape.insert(shape.end(), m_config.shape.begin(), m_config.shape.end());
    x = x.reshape(shape);
    for (size_t i = 0; i < conv1.size(); ++i) {
      x = torch::relu(conv1[i]->forward(x));
      if (pool[i]) x = torch::max_pool1d(x, {2});
    }
    x = F::dropout(x.mean(2), dropout);
  } else {
    std::vector<int64_t> shape = {-1};
    shape.insert(shape.end(), m_config.shape.begin(), m_config.shape.end());
    x = x.reshape(shape);
    for (size_t i = 0; i < conv2.size(); ++i) {
      x = torch::relu(conv2[i]->forward(x));
      if (pool[i]) x = torch::max_pool2d(x, {2, 2});
    }
    x = F::dropout(x.flatten(1), dropout);
  }
  return head->forward(x);
}

Result<NetConfig> resolveConfig(const std::string& family, const HyperParams& params,
                                const std::vector<int>& inputShape, HyperParams* effective) {
  const std::string where = "configuring " + family;
  NetConfig c;
  c.family = family;
  if (family != "mlp" && family != "cnn1d" && family != "cnn2d")
    return Error("unknown torch model family '" + family + "' (mlp, cnn1d, cnn2d)");
  if (inputShape.empty()) return Error("the input shape is empty", where);
  for (int d : inputShape) {
    if (d <= 0) return Error("the input shape has a dimension that is not positive", where);
    c.shape.push_back(d);
  }
  // cnn1d on a single-channel image {1, H, W}: the rows become the channels, {H, W}.
  if (family == "cnn1d" && inputShape.size() == 3 && inputShape[0] == 1)
    c.shape = {inputShape[1], inputShape[2]};
  else if (family == "cnn1d" && inputShape.size() != 2)
    return Error("cnn1d needs an input shape {channels, length} (or {1, height, width})", where);
  if (family == "cnn2d" && inputShape.size() != 3)
    return Error("cnn2d needs an input shape {channels, height, width}", where);

  HyperParams p = defaults();
  p["channels"] = family == "cnn1d" ? "16,32,64" : "16,32";
  p["kernel"] = family == "cnn1d" ? "5" : "3";
  p["standardize"] = family == "mlp" ? "feature" : "global";
  if (family != "mlp") p["dropout"] = "0";
  for (const auto& [k, v] : params) p[k] = v;

  auto settings = resolveTraining(p);
  if (!settings.ok()) return settings.error().wrap(where);
  auto hidden = parseWidths("hidden", p["hidden"]);
  auto channels = parseWidths("channels", p["channels"]);
  auto kernel = paramInt(p, "kernel", 3);
  auto dropout = paramDouble(p, "dropout", 0.1);
  if (!hidden.ok()) return hidden.error().wrap(where);
  if (!channels.ok()) return channels.error().wrap(where);
  if (!kernel.ok()) return kernel.error().wrap(where);
  if (!dropout.ok()) return dropout.error().wrap(where);
  if (*kernel < 1 || *kernel % 2 == 0)
    return Error("'kernel' must be a positive odd number", where);
  if (*dropout < 0.0 || *dropout >= 1.0) return Error("'dropout' must be in [0, 1)", where);
  if (family != "mlp" && channels->empty())
    return Error("'channels' must list at least one width", where);
  c.hidden = *hidden;
  c.channels = *channels;
  c.kernel = *kernel;
  c.dropout = *dropout;
  c.standardize = p["standardize"];
  if (c.standardize != "feature" && c.standardize != "global" && c.standardize != "none")
    return Error("'standardize' must be feature, global or none", where);
  // Normalize the text of numbers so hyperParams() shows what is used.
  p["hidden"] = joinWidths(c.hidden);
  p["channels"] = joinWidths(c.channels);
  p["dropout"] = formatDouble(c.dropout);
  if (family == "mlp") {
    p.erase("channels");
    p.erase("kernel");
  } else {
    p.erase("hidden");
  }
  if (effective) *effective = p;
  return c;
}

Net trainedNet(const Classifier& model) {
  const auto* t = dynamic_cast<const TorchClassifier*>(&model);
  return t ? t->net() : Net(nullptr);
}

Result<FitOptions> fitOptionsFromParams(const HyperParams& params, uint64_t seed) {
  auto settings = resolveTraining(params);
  if (!settings.ok()) return settings.error();
  return toFitOptions(*settings, seed);
}

Result<std::vector<TrainProgress>> fitNet(Net& net, const cv::Mat& X, const std::vector<int>& y,
                                          const FitOptions& o) {
  if (!net) return Error("no network to train");
  const NetConfig& config = net->config();
  const int numClasses = config.numClasses;
  if (X.type() != CV_32FC1 || X.cols != config.dims() || X.rows < 1 ||
      static_cast<size_t>(X.rows) != y.size())
    return Error("the training data must be CV_32F with " + std::to_string(config.dims()) +
                 " columns and one label per row");
  for (int label : y)
    if (label < 0 || label >= numClasses)
      return Error("a label is outside 0.." + std::to_string(numClasses - 1));
  if (o.epochs < 1) return Error("'epochs' must be at least 1");
  if (o.batchSize < 1) return Error("'batch_size' must be at least 1");
  const TrainContext& context = o.context;
  const bool hasVal = context.valX && context.valY && context.valX->rows > 0;
  if (hasVal && (context.valX->cols != X.cols || context.valX->type() != CV_32FC1 ||
                 static_cast<size_t>(context.valX->rows) != context.valY->size()))
    return Error("the validation data does not match the training data");
  if (context.cancelled()) return Error(kCancelledMessage);

  const FlushDenormalsGuard flushDenormals;
  torch::set_num_threads(effectiveThreads(o.threads));
#ifdef EDGEWISE_HAS_MXCSR
  // LibTorch's intra-op worker threads need the flag too; they only ever run LibTorch work,
  // so it stays set there (one chunk per thread with OpenMP's static schedule).
  at::parallel_for(0, at::get_num_threads(), 1,
                   [](int64_t, int64_t) { _mm_setcsr(_mm_getcsr() | 0x8040u); });
#endif
  if (o.seedTorch) torch::manual_seed(o.seed);
  std::mt19937_64 rng(o.seed + 1);

  const cv::Mat denseX = X.isContinuous() ? X : X.clone();
  const torch::Tensor tx = viewRows(denseX).clone();
  const torch::Tensor ty = labelsTensor(y);
  torch::Tensor vx, vy;
  cv::Mat denseVal;
  if (hasVal) {
    denseVal = context.valX->isContinuous() ? *context.valX : context.valX->clone();
    vx = viewRows(denseVal);
    vy = labelsTensor(*context.valY);
  }

  if (o.initStandardization) {
    torch::Tensor mean, stdev;
    if (config.standardize == "feature") {
      mean = tx.mean(0);
      stdev = tx.std(0, /*unbiased=*/false);
    } else if (config.standardize == "global") {
      mean = tx.mean().reshape({1});
      stdev = tx.std(/*unbiased=*/false).reshape({1});
    } else {
      mean = torch::zeros({1});
      stdev = torch::ones({1});
    }
    net->mean = mean;
    net->stdev = torch::where(stdev < 1e-6, torch::ones_like(stdev), stdev);
  }

  torch::Tensor weights;
  if (o.classWeights) {
    const torch::Tensor counts =
        torch::bincount(ty, {}, numClasses).to(torch::kFloat64).clamp_min(1.0);
    weights = (static_cast<double>(y.size()) / (numClasses * counts)).to(torch::kFloat32);
  }
  auto lossOptions = torch::nn::functional::CrossEntropyFuncOptions();
  if (weights.defined()) lossOptions.weight(weights);

  std::unique_ptr<torch::optim::Optimizer> optimizer;
  if (o.optimizer == "sgd")
    optimizer = std::make_unique<torch::optim::SGD>(
        net->parameters(),
        torch::optim::SGDOptions(o.lr).momentum(o.momentum).weight_decay(o.weightDecay));
  else
    optimizer = std::make_unique<torch::optim::Adam>(
        net->parameters(), torch::optim::AdamOptions(o.lr).weight_decay(o.weightDecay));

  const int64_t n = tx.size(0);
  const bool shift = o.augmentShift > 0 && config.shape.size() == 3;
  std::vector<int64_t> order(static_cast<size_t>(n));
  double best = std::numeric_limits<double>::infinity();
  double bestAccuracy = -1.0;
  std::vector<torch::Tensor> bestWeights;
  int badEpochs = 0;
  std::vector<TrainProgress> history;
  const auto start = std::chrono::steady_clock::now();
  for (int epoch = 0; epoch < o.epochs; ++epoch) {
    for (auto& group : optimizer->param_groups())
      group.options().set_lr(o.lr * lrFactor(o.schedule, epoch, o.epochs));
    net->train();
    std::iota(order.begin(), order.end(), int64_t{0});
    std::shuffle(order.begin(), order.end(), rng);
    const torch::Tensor perm = torch::tensor(order, torch::kInt64);
    double lossSum = 0.0;
    int64_t correct = 0;
    for (int64_t b = 0; b < n; b += o.batchSize) {
      if (context.cancelled()) {
        net->eval();
        return Error(kCancelledMessage);
      }
      const torch::Tensor idx = perm.slice(0, b, std::min(n, b + o.batchSize));
      torch::Tensor xb = tx.index_select(0, idx);
      const torch::Tensor yb = ty.index_select(0, idx);
      if (shift) xb = shiftBatch(xb, config.shape, o.augmentShift, rng);
      const torch::Tensor logits = net->forward(xb);
      const torch::Tensor loss =
          o.loss ? o.loss(logits, yb, idx, xb)
                 : torch::nn::functional::cross_entropy(logits, yb, lossOptions);
      optimizer->zero_grad();
      loss.backward();
      optimizer->step();
      if (o.afterStep) {
        torch::NoGradGuard noGrad;
        o.afterStep(*net);
      }
      lossSum += loss.item<double>() * static_cast<double>(idx.size(0));
      correct += logits.argmax(1).eq(yb).sum().item<int64_t>();
    }
    TrainProgress progress;
    progress.epoch = epoch + 1;
    progress.epochs = o.epochs;
    progress.trainLoss = lossSum / static_cast<double>(n);
    progress.trainAccuracy = static_cast<double>(correct) / static_cast<double>(n);
    progress.valLoss = progress.valAccuracy = std::numeric_limits<double>::quiet_NaN();
    bool stop = false;
    if (hasVal) {
      const EvalResult val = evaluate(net, vx, vy);
      progress.valLoss = val.loss;
      progress.valAccuracy = val.accuracy;
      const bool better = o.stopOnAccuracy ? (val.accuracy > bestAccuracy ||
                                              (val.accuracy == bestAccuracy && val.loss < best))
                                           : val.loss < best;
      if (better) {
        best = val.loss;
        bestAccuracy = val.accuracy;
        badEpochs = 0;
        if (o.patience > 0) {
          bestWeights.clear();
          for (const auto& p : net->parameters()) bestWeights.push_back(p.detach().clone());
        }
      } else if (++badEpochs >= o.patience && o.patience > 0) {
        stop = true;
        progress.message =
            "early stop: val loss did not improve for " + std::to_string(o.patience) + " epochs";
      }
    }
    if (o.patience > 0 && !bestWeights.empty() && (stop || epoch + 1 == o.epochs)) {
      torch::NoGradGuard noGrad;
      const auto params = net->parameters();
      for (size_t i = 0; i < params.size(); ++i) params[i].copy_(bestWeights[i]);
    }
    progress.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    history.push_back(progress);
    if (context.progress) context.progress(progress);
    if (stop) break;
  }
  net->eval();
  if (context.cancelled()) return Error(kCancelledMessage);
  return history;
}

Net copyNet(const Net& src) {
  if (!src) return Net(nullptr);
  Net out(src->config());
  {
    torch::NoGradGuard noGrad;
    const auto from = src->named_parameters();
    for (auto& p : out->named_parameters()) p.value().copy_(from[p.key()]);
  }
  out->mean = src->mean.clone();
  out->stdev = src->stdev.clone();
  out->eval();
  return out;
}

Result<std::unique_ptr<Classifier>> wrapNetChecked(Net net, const HyperParams& effective,
                                                   uint64_t seed) {
  if (!net) return Error("no network to wrap");
  const NetConfig& c = net->config();
  HyperParams params = effective;
  if (c.family == "mlp")
    params["hidden"] = joinWidths(c.hidden);
  else
    params["channels"] = joinWidths(c.channels);
  std::vector<int> shape(c.shape.begin(), c.shape.end());
  HyperParams resolved;
  auto config = resolveConfig(c.family, params, shape, &resolved);
  if (!config.ok()) return config.error().wrap("wrapping a trained " + c.family);
  auto settings = resolveTraining(resolved);
  if (!settings.ok()) return settings.error().wrap("wrapping a trained " + c.family);
  auto model = std::make_unique<TorchClassifier>(*config, resolved, *settings, seed);
  try {
    model->adopt(net);
  } catch (const c10::Error& e) {
    return Error("LibTorch failed: " + std::string(e.what_without_backtrace()),
                 "wrapping a trained " + c.family);
  }
  return std::unique_ptr<Classifier>(std::move(model));
}

std::unique_ptr<Classifier> wrapNet(Net net, const HyperParams& effective, uint64_t seed) {
  auto r = wrapNetChecked(std::move(net), effective, seed);
  if (!r.ok()) {
    qCWarning(lcTorch, "%s", r.error().toString().c_str());
    return nullptr;
  }
  return std::move(*r);
}

Result<std::unique_ptr<Classifier>> loadFamilyFile(const ModelFile& file) {
  // A placeholder configuration; loadFile() replaces it with the stored one.
  HyperParams effective;
  const std::vector<int> shape(file.familyId == "cnn2d" ? 3 : file.familyId == "cnn1d" ? 2 : 1, 1);
  auto config = resolveConfig(file.familyId, {}, shape, &effective);
  if (!config.ok()) return config.error();
  auto settings = resolveTraining(effective);
  if (!settings.ok()) return settings.error();
  auto c = std::make_unique<TorchClassifier>(*config, effective, *settings, 0);
  EW_TRY(c->loadFile(file));
  return std::unique_ptr<Classifier>(std::move(c));
}

}  // namespace torchimpl

std::vector<std::string> torchClassifierIds() {
  return {"mlp", "cnn1d", "cnn2d"};
}

Result<std::unique_ptr<Classifier>> createTorchClassifier(const std::string& id,
                                                          const HyperParams& params, uint64_t seed,
                                                          const std::vector<int>& inputShape) {
  HyperParams effective;
  auto config = torchimpl::resolveConfig(id, params, inputShape, &effective);
  if (!config.ok()) return config.error();
  auto settings = torchimpl::resolveTraining(effective);
  if (!settings.ok()) return settings.error();
  return std::unique_ptr<Classifier>(
      std::make_unique<torchimpl::TorchClassifier>(*config, effective, *settings, seed));
}

bool isTorchModelFile(const std::string& path) {
  auto file = readModelFile(path);
  if (!file.ok()) return false;
  const std::string& f = file->familyId;
  return f == "mlp" || f == "cnn1d" || f == "cnn2d" || f == "torchscript" ||
         torchimpl::isCompressedFamily(f);
}

Result<std::unique_ptr<Classifier>> loadTorchClassifier(const std::string& path) {
  auto file = readModelFile(path);
  if (!file.ok()) return file.error();
  const std::string context = "loading model " + path;
  Result<std::unique_ptr<Classifier>> r = Error("unreachable");
  if (file->familyId == "torchscript")
    r = torchimpl::loadScriptFile(*file);
  else if (file->familyId == "mlp" || file->familyId == "cnn1d" || file->familyId == "cnn2d")
    r = torchimpl::loadFamilyFile(*file);
  else if (torchimpl::isCompressedFamily(file->familyId))
    r = torchimpl::loadCompressedFile(*file);
  else
    return Error("the file holds a '" + file->familyId + "' model, not a torch model", context);
  if (!r.ok()) return r.error().wrap(context);
  return r;
}

void setTorchThreads(int n) {
  torch::set_num_threads(torchimpl::effectiveThreads(n));
}

}  // namespace edgewise::training
