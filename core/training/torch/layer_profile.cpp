// Per-layer forward time and output size of the torch families, for the placement planner.
// The layers are run one at a time exactly as NetImpl::forward chains them (eval mode, no
// dropout, no autograd), so the sum of the layer times is one inference.

#include "core/training/torch/layer_profile.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <functional>

#include "core/training/torch/torch_classifier.h"

namespace edgewise::training {

namespace {

using Clock = std::chrono::steady_clock;
using Step = std::function<torch::Tensor(const torch::Tensor&)>;

struct NamedStep {
  std::string name;
  Step step;
  int64_t parameters = 0;
};

int64_t countParameters(const torch::nn::Module& module) {
  int64_t n = 0;
  for (const auto& p : module.parameters()) n += p.numel();
  return n;
}

// The forward of `net` cut into the steps a split can happen after.
std::vector<NamedStep> stepsOf(torchimpl::Net& net) {
  torchimpl::NetImpl* impl = net.get();
  const torchimpl::NetConfig& config = impl->config();
  std::vector<NamedStep> steps;
  auto standardize = [impl](const torch::Tensor& x) { return (x - impl->mean) / impl->stdev; };
  std::vector<int64_t> shape = {-1};
  shape.insert(shape.end(), config.shape.begin(), config.shape.end());
  if (config.family == "mlp") {
    for (size_t i = 0; i < impl->fc.size(); ++i) {
      auto layer = impl->fc[i];
      Step s = [layer](const torch::Tensor& x) mutable { return torch::relu(layer->forward(x)); };
      if (i == 0) s = [s, standardize](const torch::Tensor& x) { return s(standardize(x)); };
      steps.push_back({"fc" + std::to_string(i), s, countParameters(*layer)});
    }
    auto head = impl->head;
    steps.push_back({"head", [head](const torch::Tensor& x) mutable { return head->forward(x); },
                     countParameters(*head)});
    return steps;
  }
  const bool oneD = config.family == "cnn1d";
  const size_t n = oneD ? impl->conv1.size() : impl->conv2.size();
  for (size_t i = 0; i < n; ++i) {
    const bool pool = impl->pool[i];
    Step s;
    int64_t parameters = 0;
    if (oneD) {
      auto conv = impl->conv1[i];
      parameters = countParameters(*conv);
      s = [conv, pool](const torch::Tensor& x) mutable {
        auto y = torch::relu(conv->forward(x));
        return pool ? torch::max_pool1d(y, {2}) : y;
      };
    } else {
      auto conv = impl->conv2[i];
      parameters = countParameters(*conv);
      s = [conv, pool](const torch::Tensor& x) mutable {
        auto y = torch::relu(conv->forward(x));
        return pool ? torch::max_pool2d(y, {2, 2}) : y;
      };
    }
    if (i == 0)
      s = [s, standardize, shape](const torch::Tensor& x) {
        return s(standardize(x).reshape(shape));
      };
    steps.push_back({"conv" + std::to_string(i), s, parameters});
  }
  auto head = impl->head;
  Step h =
      oneD ? Step([head](const torch::Tensor& x) mutable { return head->forward(x.mean(2)); })
           : Step([head](const torch::Tensor& x) mutable { return head->forward(x.flatten(1)); });
  steps.push_back({"head", h, countParameters(*head)});
  return steps;
}

// Restores torch's intra-op thread count on every way out.
class ThreadScope {
 public:
  explicit ThreadScope(int threads) : m_saved(torch::get_num_threads()) {
    if (threads > 0) torch::set_num_threads(threads);
  }
  ~ThreadScope() { torch::set_num_threads(m_saved); }
  ThreadScope(const ThreadScope&) = delete;
  ThreadScope& operator=(const ThreadScope&) = delete;

 private:
  int m_saved;
};

std::string joinInts(const std::vector<int>& v) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) s += (i ? "," : "") + std::to_string(v[i]);
  return s;
}

}  // namespace

double ModelLayerProfile::totalSeconds() const {
  double t = 0.0;
  for (const LayerCost& l : layers) t += l.seconds;
  return t;
}

Result<ModelLayerProfile> profileLayers(const std::string& family,
                                        const std::vector<int>& inputShape, int numClasses,
                                        const HyperParams& params,
                                        const LayerProfileOptions& options) {
  const std::string where = "profiling the layers of " + family;
  if (numClasses < 2) return Error("a model needs at least 2 classes", where);
  if (options.repeats < 1 || options.warmup < 0)
    return Error("repeats must be positive and warmup not negative", where);
  auto config = torchimpl::resolveConfig(family, params, inputShape, nullptr);
  if (!config.ok()) return config.error().wrap(where);
  config->numClasses = numClasses;
  try {
    ThreadScope threads(options.threads);
    torch::NoGradGuard noGrad;
    torch::manual_seed(options.seed);
    torchimpl::Net net(*config);
    net->eval();
    std::vector<NamedStep> steps = stepsOf(net);
    const torch::Tensor input = torch::rand({1, config->dims()});

    std::vector<std::vector<double>> times(steps.size());
    ModelLayerProfile profile;
    profile.family = family;
    profile.inputShape = inputShape;
    profile.inputBytes = input.numel() * static_cast<int64_t>(sizeof(float));
    profile.layers.resize(steps.size());
    for (int pass = 0; pass < options.warmup + options.repeats; ++pass) {
      torch::Tensor x = input;
      for (size_t i = 0; i < steps.size(); ++i) {
        const auto start = Clock::now();
        x = steps[i].step(x);
        const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        if (pass >= options.warmup) times[i].push_back(seconds);
        if (pass == 0) {
          profile.layers[i].name = steps[i].name;
          profile.layers[i].outputBytes = x.numel() * static_cast<int64_t>(sizeof(float));
          profile.layers[i].parameters = steps[i].parameters;
        }
      }
    }
    for (size_t i = 0; i < steps.size(); ++i) {
      auto& t = times[i];
      std::nth_element(t.begin(), t.begin() + t.size() / 2, t.end());
      profile.layers[i].seconds = t[t.size() / 2];
    }
    return profile;
  } catch (const c10::Error& e) {
    return Error(std::string("LibTorch: ") + e.what_without_backtrace(),
                 where + " on input " + joinInts(inputShape));
  }
}

Result<std::vector<ModelLayerProfile>> profileStandardModels(int minLayers, int maxLayers,
                                                             const LayerProfileOptions& options) {
  if (minLayers < 2 || maxLayers < minLayers)
    return Error("the layer range must satisfy 2 <= min <= max", "profiling standard models");
  // Widths per hidden layer; a model of L layers uses the first L - 1 and its head.
  const std::vector<int> mlpWidths = {512, 256, 256, 128, 128, 64, 64, 32, 32, 16, 16, 16};
  const std::vector<int> cnn1dWidths = {16, 32, 32, 64, 64, 64, 128, 128, 128, 128, 128, 128};
  const std::vector<int> cnn2dWidths = {16, 32, 32, 64, 64, 64, 128, 128, 128, 128, 128, 128};
  struct Family {
    std::string name;
    std::vector<int> shape;
    const std::vector<int>* widths;
    std::string key, kernel;
  };
  const std::vector<Family> families = {{"mlp", {1, 28, 28}, &mlpWidths, "hidden", ""},
                                        {"cnn1d", {6, 512}, &cnn1dWidths, "channels", "5"},
                                        {"cnn2d", {3, 64, 64}, &cnn2dWidths, "channels", "3"}};
  std::vector<ModelLayerProfile> out;
  for (const Family& f : families) {
    for (int layers = minLayers; layers <= maxLayers; ++layers) {
      const int hidden = layers - 1;
      if (hidden > static_cast<int>(f.widths->size()))
        return Error("at most " + std::to_string(f.widths->size() + 1) + " layers",
                     "profiling standard models");
      std::vector<int> w(f.widths->begin(), f.widths->begin() + hidden);
      HyperParams params = {{f.key, joinInts(w)}};
      if (!f.kernel.empty()) params["kernel"] = f.kernel;
      auto profile = profileLayers(f.name, f.shape, 10, params, options);
      if (!profile.ok()) return profile.error();
      out.push_back(std::move(*profile));
    }
  }
  return out;
}

}  // namespace edgewise::training
