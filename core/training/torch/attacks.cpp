// Evasion attacks (FGSM, PGD, DeepFool, Carlini-Wagner L2) on the torch families and on
// TorchScript models. See attacks.h for the units; tests/robustness/attack_ref.py is the
// python3-torch reference of FGSM and PGD.

#include "core/training/torch/attacks.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <numeric>
#include <random>

#include "core/training/torch/torch_classifier.h"

namespace edgewise::training {

namespace {

using Clock = std::chrono::steady_clock;
using Forward = std::function<torch::Tensor(const torch::Tensor&)>;

constexpr double kInf = std::numeric_limits<double>::infinity();

// Everything an attack needs besides the rows: the differentiable forward, the per-column
// unit of epsilon as a [1, D] tensor and the valid input range.
struct Setup {
  Forward forward;
  torch::Tensor scale;  // [1, D]
  bool clip = false;
  float lo = 0.0f, hi = 0.0f;
  const AttackOptions* options = nullptr;

  torch::Tensor clamp(const torch::Tensor& x) const { return clip ? x.clamp(lo, hi) : x; }
  // Perturbation in u units (delta / scale).
  torch::Tensor units(const torch::Tensor& xa, const torch::Tensor& x) const {
    return (xa - x) / scale;
  }
};

Forward forwardOf(const Classifier& model) {
  if (torchimpl::Net net = torchimpl::trainedNet(model)) {
    net->eval();  // trained nets are kept in eval mode; dropout must be off here
    return [net](const torch::Tensor& x) mutable { return net->forward(x); };
  }
  return torchimpl::scriptForward(model);
}

// Per-row norm of u [N, D].
torch::Tensor rowNorm(const torch::Tensor& u, AttackNorm norm) {
  return norm == AttackNorm::Linf ? u.abs().amax(1) : u.pow(2).sum(1).sqrt();
}

// Gradient of the summed cross-entropy with respect to the rows xa (autograd on).
torch::Tensor lossGradient(const Setup& s, const torch::Tensor& xa, const torch::Tensor& y) {
  torch::Tensor v = xa.detach().clone().requires_grad_(true);
  torch::Tensor loss = torch::nn::functional::cross_entropy(
      s.forward(v), y, torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum));
  return torch::autograd::grad({loss}, {v})[0];
}

// The unit step direction in u space of a gradient in x space: sign (L-inf) or the gradient
// normalised to unit L2 norm per row.
torch::Tensor steepest(const Setup& s, const torch::Tensor& gradX, AttackNorm norm) {
  const torch::Tensor g = gradX * s.scale;
  if (norm == AttackNorm::Linf) return g.sign();
  return g / (g.pow(2).sum(1, true).sqrt() + 1e-12);
}

// Projects xa onto the eps-ball around x (in u units) and the valid range.
torch::Tensor project(const Setup& s, const torch::Tensor& xa, const torch::Tensor& x, double eps,
                      AttackNorm norm) {
  torch::Tensor u = s.units(xa, x);
  if (norm == AttackNorm::Linf) {
    u = u.clamp(-eps, eps);
  } else {
    const torch::Tensor n = u.pow(2).sum(1, true).sqrt();
    u = u * torch::clamp_max(eps / (n + 1e-12), 1.0);
  }
  return s.clamp(x + s.scale * u);
}

torch::Tensor fgsm(const Setup& s, const torch::Tensor& x, const torch::Tensor& y, double eps) {
  const torch::Tensor g = lossGradient(s, x, y);
  return s.clamp(x + eps * s.scale * steepest(s, g, s.options->norm));
}

// A uniform random start in the eps-ball (u units), from a seeded std::mt19937_64 so the
// draw does not depend on LibTorch's global generator or on other threads.
torch::Tensor randomStart(const torch::Tensor& like, double eps, AttackNorm norm,
                          std::mt19937_64& rng) {
  const int64_t n = like.size(0), d = like.size(1);
  std::vector<float> v(static_cast<size_t>(n * d));
  if (norm == AttackNorm::Linf) {
    std::uniform_real_distribution<float> uni(-1.0f, 1.0f);
    for (float& f : v) f = static_cast<float>(eps) * uni(rng);
    return torch::tensor(v).reshape({n, d});
  }
  std::normal_distribution<float> normal(0.0f, 1.0f);
  std::uniform_real_distribution<double> radius(0.0, 1.0);
  for (int64_t r = 0; r < n; ++r) {
    double sum = 0.0;
    for (int64_t c = 0; c < d; ++c) {
      float& f = v[static_cast<size_t>(r * d + c)];
      f = normal(rng);
      sum += static_cast<double>(f) * f;
    }
    const double k = eps * radius(rng) / std::max(std::sqrt(sum), 1e-12);
    for (int64_t c = 0; c < d; ++c) v[static_cast<size_t>(r * d + c)] *= static_cast<float>(k);
  }
  return torch::tensor(v).reshape({n, d});
}

torch::Tensor pgd(const Setup& s, const torch::Tensor& x, const torch::Tensor& y, double eps,
                  std::mt19937_64& rng) {
  const AttackOptions& o = *s.options;
  const int steps = std::max(1, o.steps);
  const double alpha = eps * (o.stepRelative > 0.0 ? o.stepRelative : 2.5 / steps);
  torch::Tensor xa = x;
  if (o.randomStart && eps > 0.0) xa = s.clamp(x + s.scale * randomStart(x, eps, o.norm, rng));
  for (int i = 0; i < steps; ++i) {
    const torch::Tensor g = lossGradient(s, xa, y);
    xa = project(s, xa + alpha * s.scale * steepest(s, g, o.norm), x, eps, o.norm);
  }
  return xa;
}

// DeepFool: linearises the classifier around the current point and steps to the nearest
// linearised decision boundary until the label changes. Rows not in `active` are left alone.
torch::Tensor deepFool(const Setup& s, const torch::Tensor& x, const torch::Tensor& y,
                       const torch::Tensor& active) {
  const AttackOptions& o = *s.options;
  const int iterations = o.steps > 0 ? o.steps : 50;
  torch::Tensor total = torch::zeros_like(x);  // accumulated step, u units
  torch::Tensor xa = x;
  const torch::Tensor yi = y.unsqueeze(1);
  for (int it = 0; it < iterations; ++it) {
    torch::Tensor v = xa.detach().clone().requires_grad_(true);
    const torch::Tensor logits = s.forward(v);
    const int64_t k = logits.size(1);
    const torch::Tensor still = active & (logits.argmax(1) == y);
    if (!still.any().item<bool>()) break;
    std::vector<torch::Tensor> grads;
    for (int64_t c = 0; c < k; ++c)
      grads.push_back(torch::autograd::grad({logits.select(1, c).sum()}, {v},
                                            /*grad_outputs=*/{}, /*retain_graph=*/c + 1 < k)[0] *
                      s.scale);
    const torch::Tensor g = torch::stack(grads, 1);  // [N, K, D] in u space
    const torch::Tensor lg = logits.detach();
    torch::Tensor w =
        g - g.gather(1, yi.unsqueeze(2).expand({g.size(0), 1, g.size(2)}));  // [N, K, D]
    // Box-aware: drop the components that would push a coordinate out of the valid range
    // (digits have most pixels at 0; plain DeepFool stalls stepping into the clip).
    if (s.clip) {
      const torch::Tensor at = xa.unsqueeze(1);
      w = w.masked_fill(((at <= s.lo) & (w < 0)) | ((at >= s.hi) & (w > 0)), 0.0);
    }
    const torch::Tensor f = (lg - lg.gather(1, yi)).abs();  // [N, K]
    const torch::Tensor wn = o.norm == AttackNorm::L2 ? w.pow(2).sum(2).sqrt() : w.abs().sum(2);
    torch::Tensor dist = f / (wn + 1e-12);
    dist.scatter_(1, yi, kInf);
    const torch::Tensor l = dist.argmin(1, true);  // [N, 1]
    const torch::Tensor wl =
        w.gather(1, l.unsqueeze(2).expand({w.size(0), 1, w.size(2)})).squeeze(1);
    const torch::Tensor fl = f.gather(1, l);
    const torch::Tensor wln = wn.gather(1, l);
    const torch::Tensor r = o.norm == AttackNorm::L2 ? (fl + 1e-4) / (wln.pow(2) + 1e-12) * wl
                                                     : (fl + 1e-4) / (wln + 1e-12) * wl.sign();
    total = total + r * still.unsqueeze(1).to(r.dtype());
    xa = s.clamp(x + (1.0 + o.overshoot) * s.scale * total);
  }
  return xa.detach();
}

// Carlini-Wagner L2 (2017): minimises ||u||^2 + c * max(Z_y - max_{k != y} Z_k, -kappa) with
// Adam, a binary search over c per row; keeps each row's smallest successful perturbation.
// Bounded inputs are clipped inside the forward pass rather than optimised in tanh space:
// digits have most pixels at exactly 0, where tanh space is saturated and Adam needs ~100
// steps before such a pixel moves (mean L2 1.66 vs 1.05 for DeepFool with 60 steps).
torch::Tensor carliniWagner(const Setup& s, const torch::Tensor& x, const torch::Tensor& y,
                            const torch::Tensor& active) {
  const AttackOptions& o = *s.options;
  const int iterations = o.steps > 0 ? o.steps : 100;
  const int64_t n = x.size(0);
  auto toX = [&](const torch::Tensor& w) { return s.clamp(x + s.scale * w); };
  const torch::Tensor w0 = torch::zeros_like(x);
  torch::Tensor c = torch::full({n}, o.cwInitialC, torch::kFloat64);
  torch::Tensor lower = torch::zeros({n}, torch::kFloat64);
  torch::Tensor upper = torch::full({n}, 1e10, torch::kFloat64);
  torch::Tensor bestNorm = torch::full({n}, kInf, torch::kFloat32);
  torch::Tensor best = x.clone();
  const int64_t classes = [&] {
    torch::NoGradGuard noGrad;
    return s.forward(x.slice(0, 0, 1)).size(1);
  }();
  const torch::Tensor onehot = torch::one_hot(y, classes).to(torch::kFloat32);
  for (int b = 0; b < std::max(1, o.cwSearchSteps); ++b) {
    torch::Tensor w = w0.clone().requires_grad_(true);
    torch::optim::Adam adam({w}, torch::optim::AdamOptions(o.cwLearningRate));
    torch::Tensor succeeded = torch::zeros({n}, torch::kBool);
    const torch::Tensor cf = c.to(torch::kFloat32);
    for (int it = 0; it < iterations; ++it) {
      const torch::Tensor xa = toX(w);
      const torch::Tensor logits = s.forward(xa);
      const torch::Tensor real = (logits * onehot).sum(1);
      const torch::Tensor other = (logits - 1e9 * onehot).amax(1);
      const torch::Tensor margin = torch::clamp_min(real - other, -o.cwConfidence);
      const torch::Tensor l2 = s.units(xa, x).pow(2).sum(1);
      const torch::Tensor loss = (l2 + cf * margin).sum();
      adam.zero_grad();
      loss.backward();
      adam.step();
      torch::NoGradGuard noGrad;
      const torch::Tensor ok = active & (real - other < -o.cwConfidence) & (logits.argmax(1) != y);
      const torch::Tensor norm = l2.detach().sqrt();
      const torch::Tensor better = ok & (norm < bestNorm);
      succeeded = succeeded | ok;
      bestNorm = torch::where(better, norm, bestNorm);
      best = torch::where(better.unsqueeze(1), xa.detach(), best);
    }
    // Binary search: smaller c where it worked, larger (x10 until bracketed) where not.
    upper = torch::where(succeeded, torch::minimum(upper, c), upper);
    lower = torch::where(succeeded, lower, torch::maximum(lower, c));
    c = torch::where(upper < 1e9, (lower + upper) / 2.0, c * 10.0);
  }
  return best;
}

std::vector<int> toInts(const torch::Tensor& t) {
  const torch::Tensor c = t.to(torch::kInt64).contiguous();
  return std::vector<int>(c.data_ptr<int64_t>(), c.data_ptr<int64_t>() + c.numel());
}

std::vector<double> toDoubles(const torch::Tensor& t) {
  const torch::Tensor c = t.to(torch::kFloat64).contiguous();
  return std::vector<double>(c.data_ptr<double>(), c.data_ptr<double>() + c.numel());
}

std::vector<float> rowOf(const torch::Tensor& t, int64_t r) {
  const torch::Tensor c = t[r].contiguous();
  return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

bool isMinimalNormAttack(AttackKind k) {
  return k == AttackKind::DeepFool || k == AttackKind::CarliniWagner;
}

Result<Setup> makeSetup(const Classifier& model, int dims, const AttackOptions& o) {
  EW_TRY(checkAttackable(model));
  Setup s;
  s.forward = forwardOf(model);
  s.options = &o;
  if (o.kind == AttackKind::CarliniWagner && o.norm != AttackNorm::L2)
    return Error("Carlini-Wagner is an L2 attack; use --norm l2 (or fgsm / pgd for L-inf)");
  if (!o.scale.empty()) {
    if (static_cast<int>(o.scale.size()) != dims)
      return Error("the epsilon scale has " + std::to_string(o.scale.size()) +
                   " values for rows of " + std::to_string(dims) + " columns");
    for (float f : o.scale)
      if (!(f > 0.0f) || !std::isfinite(f))
        return Error("every epsilon scale value must be positive and finite");
    s.scale = torch::tensor(o.scale, torch::kFloat32).reshape({1, dims});
  } else {
    s.scale = torch::ones({1, dims});
  }
  s.clip = std::isfinite(o.clipMin) && std::isfinite(o.clipMax);
  if (s.clip && !(o.clipMin < o.clipMax)) return Error("the valid input range is empty");
  s.lo = o.clipMin;
  s.hi = o.clipMax;
  if (o.batchSize < 1) return Error("the attack batch size must be at least 1");
  return s;
}

Result<void> checkRows(const Classifier& model, const cv::Mat& X, const std::vector<int>& y) {
  if (X.type() != CV_32FC1 || X.cols != model.dims())
    return Error("expected CV_32F rows with " + std::to_string(model.dims()) + " columns");
  if (static_cast<size_t>(X.rows) != y.size()) return Error("the rows and labels differ in number");
  for (int v : y)
    if (v < 0 || v >= model.numClasses()) return Error("a label is outside the model's classes");
  return okResult();
}

bool cancelled(const AttackOptions& o) {
  return o.cancel && o.cancel->load(std::memory_order_relaxed);
}

// Runs `attack` over X in batches: the attacked rows [N, D] (a tensor owning its memory).
Result<torch::Tensor> inBatches(
    const Setup& s, const torch::Tensor& X, const torch::Tensor& Y,
    const std::function<torch::Tensor(const torch::Tensor&, const torch::Tensor&)>& attack) {
  std::vector<torch::Tensor> parts;
  const int64_t bs = s.options->batchSize;
  for (int64_t start = 0; start < X.size(0); start += bs) {
    if (cancelled(*s.options)) return Error(kCancelledMessage);
    const int64_t end = std::min(X.size(0), start + bs);
    parts.push_back(attack(X.slice(0, start, end), Y.slice(0, start, end)).detach());
  }
  if (parts.empty()) return X.clone();
  return torch::cat(parts);
}

torch::Tensor predictRows(const Setup& s, const torch::Tensor& X) {
  torch::NoGradGuard noGrad;
  std::vector<torch::Tensor> parts;
  for (int64_t start = 0; start < X.size(0); start += 2048)
    parts.push_back(s.forward(X.slice(0, start, std::min(X.size(0), start + 2048))).argmax(1));
  return parts.empty() ? torch::zeros({0}, torch::kInt64) : torch::cat(parts);
}

// The attacked rows of FGSM / PGD at eps, or of DeepFool / CW (minimal perturbations).
Result<torch::Tensor> attackTensor(const Setup& s, const torch::Tensor& X, const torch::Tensor& Y,
                                   const torch::Tensor& cleanCorrect, double eps) {
  const AttackOptions& o = *s.options;
  std::mt19937_64 rng(o.seed);
  switch (o.kind) {
    case AttackKind::Fgsm:
      return inBatches(s, X, Y, [&](const torch::Tensor& x, const torch::Tensor& y) {
        return fgsm(s, x, y, eps);
      });
    case AttackKind::Pgd:
      return inBatches(s, X, Y, [&](const torch::Tensor& x, const torch::Tensor& y) {
        return pgd(s, x, y, eps, rng);
      });
    case AttackKind::DeepFool:
    case AttackKind::CarliniWagner: {
      int64_t offset = 0;
      return inBatches(s, X, Y, [&](const torch::Tensor& x, const torch::Tensor& y) {
        const torch::Tensor active = cleanCorrect.slice(0, offset, offset + x.size(0));
        offset += x.size(0);
        return o.kind == AttackKind::DeepFool ? deepFool(s, x, y, active)
                                              : carliniWagner(s, x, y, active);
      });
    }
  }
  return Error("unknown attack");
}

torch::Tensor viewRows(const cv::Mat& X) {
  const cv::Mat dense = X.isContinuous() ? X : X.clone();
  return torch::from_blob(const_cast<float*>(dense.ptr<float>()), {X.rows, X.cols}, torch::kFloat32)
      .clone();
}

torch::Tensor labels(const std::vector<int>& y) {
  return torch::tensor(std::vector<int64_t>(y.begin(), y.end()), torch::kInt64);
}

cv::Mat toMat(const torch::Tensor& t) {
  const torch::Tensor c = t.contiguous();
  cv::Mat m(static_cast<int>(c.size(0)), static_cast<int>(c.size(1)), CV_32F);
  std::copy(c.data_ptr<float>(), c.data_ptr<float>() + c.numel(), m.ptr<float>());
  return m;
}

AdversarialExample makeExample(const torch::Tensor& X, const torch::Tensor& adv, int row, int label,
                               int cleanPred, int advPred, double eps) {
  AdversarialExample e;
  e.row = row;
  e.label = label;
  e.cleanPrediction = cleanPred;
  e.adversarialPrediction = advPred;
  e.eps = eps;
  e.original = rowOf(X, row);
  e.adversarial = rowOf(adv, row);
  e.perturbation.resize(e.original.size());
  for (size_t i = 0; i < e.original.size(); ++i)
    e.perturbation[i] = e.adversarial[i] - e.original[i];
  return e;
}

double seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

}  // namespace

std::string attackName(AttackKind kind) {
  switch (kind) {
    case AttackKind::Fgsm:
      return "fgsm";
    case AttackKind::Pgd:
      return "pgd";
    case AttackKind::DeepFool:
      return "deepfool";
    case AttackKind::CarliniWagner:
      return "cw";
  }
  return "?";
}

Result<AttackKind> parseAttackKind(const std::string& text) {
  for (AttackKind k :
       {AttackKind::Fgsm, AttackKind::Pgd, AttackKind::DeepFool, AttackKind::CarliniWagner})
    if (attackName(k) == text) return k;
  return Error("unknown attack '" + text + "' (fgsm, pgd, deepfool, cw)");
}

std::string normName(AttackNorm norm) {
  return norm == AttackNorm::Linf ? "linf" : "l2";
}

Result<AttackNorm> parseAttackNorm(const std::string& text) {
  if (text == "linf") return AttackNorm::Linf;
  if (text == "l2") return AttackNorm::L2;
  return Error("unknown norm '" + text + "' (linf, l2)");
}

Result<void> checkAttackable(const Classifier& model) {
  const std::string id = model.id();
  if (!model.isTrained()) return Error("the model is not trained");
  if (torchimpl::trainedNet(model) || torchimpl::scriptForward(model)) return okResult();
  if (torchimpl::isCompressedFamily(id))
    return Error("'" + id +
                 "' is a compressed variant (quantized / float16 / low-rank kernels) without "
                 "input gradients; attack its parent model instead (or transfer the parent's "
                 "adversarial rows)");
  return Error("'" + id +
               "' is not a LibTorch model: gradient attacks (FGSM, PGD, DeepFool, CW) need the "
               "gradient of the model with respect to its input, which OpenCV ml models and "
               "ensembles do not have; use the IoT fault and poisoning curves for it");
}

Result<AttackedRows> attackRows(const Classifier& model, const cv::Mat& X,
                                const std::vector<int>& y, double eps,
                                const AttackOptions& options) {
  const std::string where = attackName(options.kind) + " on " + model.id();
  if (auto r = checkRows(model, X, y); !r.ok()) return r.error().wrap(where);
  if (!(eps >= 0.0) || !std::isfinite(eps))
    return Error("epsilon must be a finite number >= 0", where);
  auto setup = makeSetup(model, X.cols, options);
  if (!setup.ok()) return setup.error().wrap(where);
  try {
    torch::AutoGradMode grad(true);
    const torch::Tensor x = viewRows(X), yt = labels(y);
    const torch::Tensor correct = predictRows(*setup, x) == yt;
    auto adv = attackTensor(*setup, x, yt, correct, eps);
    if (!adv.ok()) return adv.error();
    AttackedRows out;
    out.X = toMat(*adv);
    out.predicted = toInts(predictRows(*setup, *adv));
    out.norms = toDoubles(rowNorm(setup->units(*adv, x), options.norm));
    return out;
  } catch (const std::exception& e) {  // c10::Error and torch::jit errors
    return Error("LibTorch failed: " + std::string(e.what()), where);
  }
}

Result<RobustnessCurve> attackCurve(const Classifier& model, const cv::Mat& X,
                                    const std::vector<int>& y, const std::vector<double>& epsIn,
                                    const AttackOptions& options, int examples) {
  const std::string where = attackName(options.kind) + " curve on " + model.id();
  if (auto r = checkRows(model, X, y); !r.ok()) return r.error().wrap(where);
  if (X.rows == 0) return Error("no rows to attack", where);
  if (epsIn.empty()) return Error("no epsilon given", where);
  for (double e : epsIn)
    if (!(e >= 0.0) || !std::isfinite(e))
      return Error("every epsilon must be a finite number >= 0", where);
  auto setup = makeSetup(model, X.cols, options);
  if (!setup.ok()) return setup.error().wrap(where);
  RobustnessCurve curve;
  curve.kind = options.kind;
  curve.norm = options.norm;
  curve.rows = X.rows;
  curve.eps = epsIn;
  std::sort(curve.eps.begin(), curve.eps.end());
  curve.eps.erase(std::unique(curve.eps.begin(), curve.eps.end()), curve.eps.end());
  try {
    torch::AutoGradMode grad(true);
    const Setup& s = *setup;
    const torch::Tensor x = viewRows(X), yt = labels(y);
    const torch::Tensor cleanPred = predictRows(s, x);
    const torch::Tensor correct = cleanPred == yt;
    curve.cleanAccuracy = correct.to(torch::kFloat64).mean().item<double>();
    auto grads = inBatches(s, x, yt, [&](const torch::Tensor& xb, const torch::Tensor& yb) {
      return lossGradient(s, xb, yb);
    });
    if (!grads.ok()) return grads.error();
    curve.zeroGradientFraction =
        (grads->abs().amax(1) == 0).to(torch::kFloat64).mean().item<double>();

    // The example rows: the first clean-correct ones.
    std::vector<int> exampleRows;
    const std::vector<int> correctRows = toInts(correct);
    for (int r = 0; r < X.rows && static_cast<int>(exampleRows.size()) < examples; ++r)
      if (correctRows[static_cast<size_t>(r)]) exampleRows.push_back(r);
    std::vector<bool> fooled(exampleRows.size(), false);
    curve.examples.resize(exampleRows.size());
    const std::vector<int> clean = toInts(cleanPred);

    if (isMinimalNormAttack(options.kind)) {
      const auto start = Clock::now();
      auto adv = attackTensor(s, x, yt, correct, 0.0);
      if (!adv.ok()) return adv.error();
      const torch::Tensor advPred = predictRows(s, *adv);
      const torch::Tensor broken = correct & (advPred != yt);
      const torch::Tensor norms = rowNorm(s.units(*adv, x), options.norm);
      // Misclassified clean rows are broken at eps 0; unbroken rows at no eps.
      const torch::Tensor minimal =
          torch::where(correct, torch::where(broken, norms, torch::full_like(norms, kInf)),
                       torch::zeros_like(norms));
      const double total = seconds(start);
      for (double e : curve.eps) {
        curve.accuracy.push_back(
            (correct & (minimal > e)).to(torch::kFloat64).mean().item<double>());
        curve.seconds.push_back(total / static_cast<double>(curve.eps.size()));
      }
      const int64_t nCorrect = correct.sum().item<int64_t>();
      const int64_t nBroken = broken.sum().item<int64_t>();
      curve.unbrokenFraction =
          nCorrect > 0 ? static_cast<double>(nCorrect - nBroken) / nCorrect : 0.0;
      if (nBroken > 0) curve.meanMinimalNorm = norms.masked_select(broken).mean().item<double>();
      const std::vector<int> ap = toInts(advPred);
      const std::vector<double> mn = toDoubles(norms);
      for (size_t i = 0; i < exampleRows.size(); ++i) {
        const int r = exampleRows[i];
        curve.examples[i] =
            makeExample(x, *adv, r, y[static_cast<size_t>(r)], clean[static_cast<size_t>(r)],
                        ap[static_cast<size_t>(r)], mn[static_cast<size_t>(r)]);
      }
      return curve;
    }

    for (double e : curve.eps) {
      const auto start = Clock::now();
      auto adv = attackTensor(s, x, yt, correct, e);
      if (!adv.ok()) return adv.error();
      const torch::Tensor advPred = predictRows(s, *adv);
      curve.seconds.push_back(seconds(start));
      curve.accuracy.push_back(
          (correct & (advPred == yt)).to(torch::kFloat64).mean().item<double>());
      const std::vector<int> ap = toInts(advPred);
      for (size_t i = 0; i < exampleRows.size(); ++i) {
        if (fooled[i]) continue;
        const size_t r = static_cast<size_t>(exampleRows[i]);
        fooled[i] = ap[r] != y[r];
        curve.examples[i] = makeExample(x, *adv, exampleRows[i], y[r], clean[r], ap[r], e);
      }
    }
    return curve;
  } catch (const std::exception& e) {  // c10::Error and torch::jit errors
    return Error("LibTorch failed: " + std::string(e.what()), where);
  }
}

}  // namespace edgewise::training
