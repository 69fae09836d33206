// Magnitude and structured pruning with fine-tuning, and knowledge distillation, for the
// torch families ("mlp", "cnn1d", "cnn2d"). Every variant is a plain TorchClassifier of the
// parent's family (wrapNet), so it predicts, saves, loads and exports like a trained model.

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <numeric>
#include <sstream>

#include "core/training/torch/torch_classifier.h"
#include "core/training/torch/torch_compress.h"

namespace edgewise::training {
namespace {

using torchimpl::Net;
using torchimpl::NetConfig;
using torchimpl::NetImpl;

Result<Net> parentNet(const Classifier& model, const std::string& what) {
  Net net = torchimpl::trainedNet(model);
  if (!net)
    return Error(what + " needs a trained mlp, cnn1d or cnn2d model, got '" + model.id() + "'");
  return net;
}

int64_t countNonzero(NetImpl& net) {
  int64_t n = 0;
  for (const auto& p : net.parameters()) n += p.ne(0).sum().item<int64_t>();
  return n;
}

int64_t countAll(NetImpl& net) {
  int64_t n = 0;
  for (const auto& p : net.parameters()) n += p.numel();
  return n;
}

std::string widthsText(const std::vector<int64_t>& v) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) s += (i ? "," : "") + std::to_string(v[i]);
  return s;
}

std::string percent(double v) {
  std::ostringstream os;
  os.precision(3);
  os << v * 100.0 << " %";
  return os.str();
}

// Fine-tunes `net` in place; epochs <= 0 does nothing.
Result<std::vector<TrainProgress>> fineTuneNet(Net& net, const FineTuneOptions& ft,
                                               std::function<void(NetImpl&)> afterStep = {}) {
  if (ft.epochs <= 0) return std::vector<TrainProgress>{};
  if (!ft.X || !ft.y) return Error("fine-tuning needs the training data");
  torchimpl::FitOptions o;
  o.epochs = ft.epochs;
  o.lr = ft.lr;
  o.batchSize = ft.batchSize;
  o.seed = ft.seed;
  o.context = ft.context;
  o.afterStep = std::move(afterStep);
  return torchimpl::fitNet(net, *ft.X, *ft.y, o);
}

Result<CompressResult> finish(const Classifier& parent, Net net, CompressResult result,
                              uint64_t seed) {
  auto model = torchimpl::wrapNetChecked(net, parent.hyperParams(), seed);
  if (!model.ok()) return model.error();
  result.paramsNonzero = countNonzero(*net);
  result.model = std::move(*model);
  return result;
}

// The conv/linear weights (not biases) in forward order, with their layer names.
std::vector<std::pair<std::string, torch::Tensor>> prunableWeights(NetImpl& net) {
  std::vector<std::pair<std::string, torch::Tensor>> out;
  for (size_t i = 0; i < net.fc.size(); ++i)
    out.emplace_back("fc" + std::to_string(i), net.fc[i]->weight);
  for (size_t i = 0; i < net.conv1.size(); ++i)
    out.emplace_back("conv" + std::to_string(i), net.conv1[i]->weight);
  for (size_t i = 0; i < net.conv2.size(); ++i)
    out.emplace_back("conv" + std::to_string(i), net.conv2[i]->weight);
  out.emplace_back("head", net.head->weight);
  return out;
}

// Indices (ascending) of the units to keep: all but the round(fraction * n) with the smallest
// norms (ties: the lower index goes first); at least one unit stays.
std::vector<int64_t> keepUnits(const torch::Tensor& norms, double fraction) {
  const torch::Tensor c = norms.contiguous().to(torch::kFloat64);
  const int64_t n = c.numel();
  const double* v = c.data_ptr<double>();
  const int64_t remove = std::min<int64_t>(n - 1, std::llround(fraction * static_cast<double>(n)));
  std::vector<int64_t> order(static_cast<size_t>(n));
  std::iota(order.begin(), order.end(), int64_t{0});
  std::stable_sort(order.begin(), order.end(), [v](int64_t a, int64_t b) { return v[a] < v[b]; });
  std::vector<int64_t> keep(order.begin() + remove, order.end());
  std::sort(keep.begin(), keep.end());
  return keep;
}

torch::Tensor indexTensor(const std::vector<int64_t>& v) {
  return torch::tensor(v, torch::kInt64);
}

// Masks (1 keep, 0 prune) of the prunable weights that zero the k weights with the smallest
// |w| over all layers together (ties: argsort order); *threshold = the largest pruned |w|.
std::vector<torch::Tensor> globalMagnitudeMasks(NetImpl& net, int64_t k, double* threshold) {
  torch::NoGradGuard noGrad;
  auto weights = prunableWeights(net);
  std::vector<torch::Tensor> flat;
  int64_t total = 0;
  for (const auto& [name, w] : weights) {
    flat.push_back(w.detach().abs().reshape({-1}));
    total += w.numel();
  }
  k = std::clamp<int64_t>(k, 0, total);
  const torch::Tensor all = torch::cat(flat);
  const torch::Tensor order = torch::argsort(all);
  torch::Tensor mask = torch::ones({total}, torch::kFloat32);
  if (k > 0) mask.index_fill_(0, order.slice(0, 0, k), 0.0);
  *threshold = k > 0 ? all.index({order[k - 1]}).item<double>() : 0.0;
  std::vector<torch::Tensor> masks;
  int64_t offset = 0;
  for (const auto& [name, w] : weights) {
    masks.push_back(mask.slice(0, offset, offset + w.numel()).reshape(w.sizes()).clone());
    offset += w.numel();
  }
  return masks;
}

void applyMasks(NetImpl& net, const std::vector<torch::Tensor>& masks) {
  torch::NoGradGuard noGrad;
  auto weights = prunableWeights(net);
  for (size_t i = 0; i < weights.size() && i < masks.size(); ++i) weights[i].second.mul_(masks[i]);
}

}  // namespace

namespace torchimpl {

torch::Tensor distillationLoss(const torch::Tensor& studentLogits,
                               const torch::Tensor& teacherLogits, const torch::Tensor& labels,
                               double temperature, double alpha) {
  namespace F = torch::nn::functional;
  const double t = temperature;
  const torch::Tensor soft = F::kl_div(torch::log_softmax(studentLogits / t, 1),
                                       torch::softmax(teacherLogits.detach() / t, 1),
                                       F::KLDivFuncOptions().reduction(torch::kBatchMean)) *
                             (t * t);
  const torch::Tensor hard = F::cross_entropy(studentLogits, labels);
  return alpha * soft + (1.0 - alpha) * hard;
}

}  // namespace torchimpl

Result<CompressResult> pruneMagnitude(const Classifier& model, double sparsity,
                                      const FineTuneOptions& fineTune) {
  const std::string where = "magnitude pruning";
  if (!(sparsity >= 0.0 && sparsity < 1.0))
    return Error("the sparsity must be in [0, 1), got " + std::to_string(sparsity), where);
  auto parent = parentNet(model, where);
  if (!parent.ok()) return parent.error();
  try {
    Net net = torchimpl::copyNet(*parent);
    int64_t total = 0;
    for (const auto& [name, w] : prunableWeights(*net)) total += w.numel();
    const int64_t k = std::llround(sparsity * static_cast<double>(total));
    CompressResult result;
    const bool gradual = fineTune.gradualPruning && fineTune.epochs > 0 && k > 0 && fineTune.X &&
                         fineTune.X->rows > 0;
    std::vector<torch::Tensor> masks;
    double threshold = 0.0;
    if (!gradual) {
      masks = globalMagnitudeMasks(*net, k, &threshold);
      applyMasks(*net, masks);
    }
    std::function<void(NetImpl&)> afterStep = [&masks](NetImpl& n) { applyMasks(n, masks); };
    int64_t pruningEvents = 0;
    if (gradual) {
      // Cubic ramp over the first 2/3 of the steps, re-masking about four times per epoch.
      const int64_t rows = fineTune.X->rows, batch = std::max(1, fineTune.batchSize);
      const int64_t perEpoch = (rows + batch - 1) / batch;
      const int64_t steps = perEpoch * fineTune.epochs;
      const int64_t ramp = std::max<int64_t>(1, (2 * steps) / 3);
      const int64_t every = std::max<int64_t>(1, perEpoch / 4);
      auto step = std::make_shared<int64_t>(0);
      afterStep = [&masks, &threshold, &pruningEvents, step, ramp, every, k](NetImpl& n) {
        const int64_t t = ++*step;
        if (t <= ramp && (t % every == 0 || t == ramp)) {
          const double f = 1.0 - static_cast<double>(t) / static_cast<double>(ramp);
          const int64_t kt =
              t == ramp ? k : std::llround(static_cast<double>(k) * (1.0 - f * f * f));
          masks = globalMagnitudeMasks(n, kt, &threshold);
          ++pruningEvents;
        }
        if (!masks.empty()) applyMasks(n, masks);
      };
    }
    auto history = fineTuneNet(net, fineTune, afterStep);
    if (!history.ok()) {
      if (history.error().message == kCancelledMessage) return history.error();
      return history.error().wrap(where);
    }
    result.history = std::move(*history);
    for (const auto& [name, w] : prunableWeights(*net)) {
      const int64_t zeros = w.eq(0).sum().item<int64_t>();
      result.notes.push_back(name + ": " + std::to_string(zeros) + " of " +
                             std::to_string(w.numel()) + " weights zero (" +
                             percent(static_cast<double>(zeros) / w.numel()) + ")");
    }
    std::ostringstream head;
    head << k << " of " << total << " weights zeroed (global |w| threshold " << threshold << ")";
    result.notes.insert(result.notes.begin(), head.str());
    if (gradual)
      result.notes.push_back("sparsity ramped up over " + std::to_string(pruningEvents) +
                             " pruning steps (cubic schedule), then fine-tuned with the mask "
                             "held; " +
                             std::to_string(result.history.size()) + " epochs in all");
    else if (!result.history.empty())
      result.notes.push_back("fine-tuned " + std::to_string(result.history.size()) +
                             " epochs with the mask held");
    return finish(model, net, std::move(result), fineTune.seed);
  } catch (const c10::Error& e) {
    return Error("LibTorch failed: " + std::string(e.what_without_backtrace()), where);
  }
}

Result<CompressResult> pruneStructured(const Classifier& model, double fraction,
                                       const FineTuneOptions& fineTune) {
  const std::string where = "structured pruning";
  if (!(fraction >= 0.0 && fraction < 1.0))
    return Error("the fraction must be in [0, 1), got " + std::to_string(fraction), where);
  auto parentR = parentNet(model, where);
  if (!parentR.ok()) return parentR.error();
  Net parent = *parentR;
  try {
    torch::NoGradGuard noGrad;
    const NetConfig& pc = parent->config();
    NetConfig config = pc;
    CompressResult result;
    // Per layer: kept output units, computed on the parent's weights.
    std::vector<std::vector<int64_t>> keep;
    std::vector<torch::Tensor> w, b;
    const std::string unit = pc.family == "mlp" ? "neurons" : "channels";
    if (pc.family == "mlp") {
      for (auto& l : parent->fc) {
        w.push_back(l->weight);
        b.push_back(l->bias);
      }
    } else if (pc.family == "cnn1d") {
      for (auto& l : parent->conv1) {
        w.push_back(l->weight);
        b.push_back(l->bias);
      }
    } else {
      for (auto& l : parent->conv2) {
        w.push_back(l->weight);
        b.push_back(l->bias);
      }
    }
    if (w.empty()) return Error("the model has no hidden layer to prune", where);
    std::vector<int64_t> widths;
    for (size_t i = 0; i < w.size(); ++i) {
      const torch::Tensor norms = w[i].abs().reshape({w[i].size(0), -1}).sum(1);
      keep.push_back(keepUnits(norms, fraction));
      widths.push_back(static_cast<int64_t>(keep.back().size()));
      result.notes.push_back((pc.family == "mlp" ? "fc" : "conv") + std::to_string(i) + ": " +
                             std::to_string(w[i].size(0)) + " -> " + std::to_string(widths.back()) +
                             " " + unit);
    }
    if (pc.family == "mlp")
      config.hidden = widths;
    else
      config.channels = widths;
    Net net(config);
    std::vector<torch::Tensor> nw, nb;
    if (pc.family == "mlp") {
      for (auto& l : net->fc) {
        nw.push_back(l->weight);
        nb.push_back(l->bias);
      }
    } else if (pc.family == "cnn1d") {
      for (auto& l : net->conv1) {
        nw.push_back(l->weight);
        nb.push_back(l->bias);
      }
    } else {
      for (auto& l : net->conv2) {
        nw.push_back(l->weight);
        nb.push_back(l->bias);
      }
    }
    for (size_t i = 0; i < w.size(); ++i) {
      torch::Tensor sliced = w[i].index_select(0, indexTensor(keep[i]));
      if (i > 0) sliced = sliced.index_select(1, indexTensor(keep[i - 1]));
      nw[i].copy_(sliced);
      nb[i].copy_(b[i].index_select(0, indexTensor(keep[i])));
    }
    // The head's input columns that belong to the kept units of the last layer.
    std::vector<int64_t> headCols;
    if (pc.family == "cnn2d") {
      int64_t h = pc.shape[1], wd = pc.shape[2];
      for (bool p : parent->pool)
        if (p) {
          h /= 2;
          wd /= 2;
        }
      for (int64_t ch : keep.back())
        for (int64_t j = 0; j < h * wd; ++j) headCols.push_back(ch * h * wd + j);
    } else {
      headCols = keep.back();
    }
    net->head->weight.copy_(parent->head->weight.index_select(1, indexTensor(headCols)));
    net->head->bias.copy_(parent->head->bias);
    net->mean = parent->mean.clone();
    net->stdev = parent->stdev.clone();
    net->eval();
    result.notes.push_back("parameters " + std::to_string(countAll(*parent)) + " -> " +
                           std::to_string(countAll(*net)));
    {
      // fitNet needs autograd.
      c10::AutoGradMode enable(true);
      auto history = fineTuneNet(net, fineTune);
      if (!history.ok()) {
        if (history.error().message == kCancelledMessage) return history.error();
        return history.error().wrap(where);
      }
      result.history = std::move(*history);
    }
    return finish(model, net, std::move(result), fineTune.seed);
  } catch (const c10::Error& e) {
    return Error("LibTorch failed: " + std::string(e.what_without_backtrace()), where);
  }
}

namespace {
// The teacher's configuration with the student's widths: `width` units in the first layer,
// later layers keep the teacher's ratios; `depth` layers (0 = the teacher's depth).
NetConfig studentConfig(const NetConfig& tc, int width, int depth) {
  NetConfig sc = tc;
  const std::vector<int64_t>& parentWidths = tc.family == "mlp" ? tc.hidden : tc.channels;
  const size_t n =
      depth > 0 ? static_cast<size_t>(depth) : std::max<size_t>(parentWidths.size(), 1);
  std::vector<int64_t> widths;
  for (size_t i = 0; i < n; ++i) {
    double ratio = 1.0;
    if (!parentWidths.empty()) {
      const size_t j = std::min(i, parentWidths.size() - 1);
      ratio = static_cast<double>(parentWidths[j]) / static_cast<double>(parentWidths[0]);
    }
    const int64_t w = i == 0 ? width : std::llround(width * ratio);
    widths.push_back(std::max<int64_t>(i == 0 ? 1 : 2, w));
  }
  if (tc.family == "mlp")
    sc.hidden = widths;
  else
    sc.channels = widths;
  return sc;
}

// The augment_shift the teacher was trained with (0 when it had none).
int teacherAugmentShift(const Classifier& teacher) {
  const HyperParams p = teacher.hyperParams();
  const auto it = p.find("augment_shift");
  if (it == p.end()) return 0;
  try {
    return std::max(0, std::stoi(it->second));
  } catch (const std::exception&) {
    return 0;  // a malformed value trained nothing either
  }
}
}  // namespace

Result<CompressResult> distill(const Classifier& teacher, const DistillOptions& options,
                               const FineTuneOptions& fineTune) {
  const std::string where = "distillation";
  auto teacherR = parentNet(teacher, where);
  if (!teacherR.ok()) return teacherR.error();
  Net tnet = *teacherR;
  if (!fineTune.X || !fineTune.y || fineTune.X->rows == 0)
    return Error("distillation needs the training data", where);
  if (options.width < 1) return Error("the student width must be at least 1", where);
  if (options.depth < 0) return Error("the student depth must not be negative", where);
  if (!(options.temperature > 0.0)) return Error("the temperature must be positive", where);
  if (!(options.alpha >= 0.0 && options.alpha <= 1.0))
    return Error("alpha must be in [0, 1]", where);
  try {
    const NetConfig& tc = tnet->config();
    const NetConfig sc = studentConfig(tc, options.width, options.depth);
    const std::vector<int64_t>& parentWidths = tc.family == "mlp" ? tc.hidden : tc.channels;
    const std::vector<int64_t>& widths = sc.family == "mlp" ? sc.hidden : sc.channels;

    // Teacher logits of every training row (eval mode, no dropout).
    const cv::Mat X = fineTune.X->isContinuous() ? *fineTune.X : fineTune.X->clone();
    if (X.type() != CV_32FC1 || X.cols != tc.dims())
      return Error("the training data does not match the teacher's input", where);
    torch::Tensor teacherLogits;
    {
      torch::NoGradGuard noGrad;
      tnet->eval();
      const torch::Tensor x =
          torch::from_blob(const_cast<float*>(X.ptr<float>()), {X.rows, X.cols}, torch::kFloat32);
      std::vector<torch::Tensor> parts;
      for (int64_t s = 0; s < x.size(0); s += 2048)
        parts.push_back(tnet->forward(x.slice(0, s, std::min<int64_t>(x.size(0), s + 2048))));
      teacherLogits = torch::cat(parts).contiguous();
    }

    torch::manual_seed(fineTune.seed);
    Net student(sc);
    student->mean = tnet->mean.clone();
    student->stdev = tnet->stdev.clone();

    torchimpl::FitOptions o;
    o.epochs = fineTune.epochs > 0 ? fineTune.epochs : 30;
    o.lr = fineTune.lr;
    o.batchSize = fineTune.batchSize;
    o.seed = fineTune.seed;
    o.seedTorch = false;  // seeded above, before the student's weights were drawn
    o.context = fineTune.context;
    const bool hasVal = o.context.valX && o.context.valY && o.context.valX->rows > 0;
    o.patience = hasVal ? 8 : 0;
    o.stopOnAccuracy = true;
    // Optional pixel-shift augmentation: the student sees shifted images and the teacher labels
    // each shifted batch as it comes (the precomputed logits are for unshifted rows).
    o.augmentShift =
        options.augmentShift >= 0 ? options.augmentShift : teacherAugmentShift(teacher);
    const bool augmented = o.augmentShift > 0 && tc.shape.size() == 3;
    const double t = options.temperature, alpha = options.alpha;
    o.loss = [teacherLogits, tnet, augmented, t, alpha](
                 const torch::Tensor& logits, const torch::Tensor& labels,
                 const torch::Tensor& rows, const torch::Tensor& inputs) mutable {
      torch::Tensor soft;
      if (augmented) {
        torch::NoGradGuard noGrad;
        soft = tnet->forward(inputs);
      } else {
        soft = teacherLogits.index_select(0, rows);
      }
      return torchimpl::distillationLoss(logits, soft, labels, t, alpha);
    };
    auto history = torchimpl::fitNet(student, X, *fineTune.y, o);
    if (!history.ok()) {
      if (history.error().message == kCancelledMessage) return history.error();
      return history.error().wrap(where);
    }
    CompressResult result;
    result.history = std::move(*history);
    const int64_t tp = countAll(*tnet), sp = countAll(*student);
    std::ostringstream ratio;
    ratio.precision(3);
    ratio << static_cast<double>(tp) / static_cast<double>(std::max<int64_t>(sp, 1));
    result.notes.push_back("student " + widthsText(widths) + " from teacher " +
                           widthsText(parentWidths) + ": " + std::to_string(sp) + " vs " +
                           std::to_string(tp) + " parameters (" + ratio.str() + "x fewer)");
    std::ostringstream knobs;
    knobs << "T = " << t << ", alpha = " << alpha << ", " << result.history.size() << " epochs";
    if (augmented) knobs << ", pixel shifts up to " << o.augmentShift;
    if (!result.history.empty() && !result.history.back().message.empty())
      knobs << " (" << result.history.back().message << ")";
    result.notes.push_back(knobs.str());
    student->eval();
    return finish(teacher, student, std::move(result), fineTune.seed);
  } catch (const c10::Error& e) {
    return Error("LibTorch failed: " + std::string(e.what_without_backtrace()), where);
  }
}

Result<int> widestStudent(const Classifier& teacher, int depth, double maxParamRatio) {
  const std::string where = "choosing a student";
  auto teacherR = parentNet(teacher, where);
  if (!teacherR.ok()) return teacherR.error();
  if (depth < 0) return Error("the student depth must not be negative", where);
  if (!(maxParamRatio > 0.0)) return Error("the parameter ratio must be positive", where);
  try {
    const NetConfig& tc = (*teacherR)->config();
    const double budget = maxParamRatio * static_cast<double>(countAll(**teacherR));
    const std::vector<int64_t>& tw = tc.family == "mlp" ? tc.hidden : tc.channels;
    const int64_t limit = std::max<int64_t>(2, tw.empty() ? 2 : 4 * tw[0]);
    int best = 0;
    // Parameters grow with the width: walk up until the budget is exceeded.
    for (int64_t w = 2; w <= limit; ++w) {
      Net candidate(studentConfig(tc, static_cast<int>(w), depth));
      if (static_cast<double>(countAll(*candidate)) > budget) break;
      best = static_cast<int>(w);
    }
    if (best == 0)
      return Error("no student of depth " + std::to_string(depth) + " has at most " +
                       std::to_string(maxParamRatio) + " of the teacher's parameters",
                   where);
    return best;
  } catch (const c10::Error& e) {
    return Error("LibTorch failed: " + std::string(e.what_without_backtrace()), where);
  }
}

}  // namespace edgewise::training
