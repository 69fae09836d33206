#include "core/robustness/robustness_audit.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <random>

#include <nlohmann/json.hpp>

#include "core/training/service/model_factory.h"

namespace edgewise::robustness {

namespace {

using json = nlohmann::json;
using training::AttackKind;
using training::AttackNorm;
using training::RobustnessCurve;

bool cancelled(const std::atomic<bool>* cancel) {
  return cancel && cancel->load(std::memory_order_relaxed);
}

// Per-channel standard deviation of the training rows (channels as faults see them), spread
// to every column of the channel; 1 where a channel is constant.
std::vector<float> channelStd(const cv::Mat& X, const SignalLayout& l) {
  std::vector<float> scale(static_cast<size_t>(X.cols), 1.0f);
  for (int c = 0; c < l.channels; ++c) {
    double sum = 0.0, sq = 0.0;
    for (int r = 0; r < X.rows; ++r) {
      const float* p = X.ptr<float>(r) + static_cast<size_t>(c) * l.length;
      for (int t = 0; t < l.length; ++t) {
        sum += p[t];
        sq += static_cast<double>(p[t]) * p[t];
      }
    }
    const double n = static_cast<double>(X.rows) * l.length;
    const double var = n > 0 ? std::max(0.0, sq / n - (sum / n) * (sum / n)) : 0.0;
    const float sd = var > 1e-12 ? static_cast<float>(std::sqrt(var)) : 1.0f;
    std::fill_n(scale.begin() + static_cast<ptrdiff_t>(c) * l.length, l.length, sd);
  }
  return scale;
}

// The epsilon unit, scale and valid range of the subject's inputs.
struct Units {
  std::string unit;
  std::vector<float> scale;  // empty: raw
  bool clip = false;
  float lo = 0.0f, hi = 1.0f;
};

Result<Units> resolveUnits(const training::PreparedData& data, const std::string& requested) {
  if (requested != "auto" && requested != "raw" && requested != "std")
    return Error("the epsilon unit must be auto, raw or std, got '" + requested + "'");
  // Default image features are pixels / 255 (data_prep.h): a known range.
  const bool pixels =
      data.dataset.kind == dataset::DatasetKind::Image && data.features.blockId.empty();
  Units u;
  u.unit = requested == "auto" ? (pixels ? "raw" : "std") : requested;
  u.clip = pixels;
  if (u.unit == "std") u.scale = channelStd(data.train.X, layoutOf(data.inputShape));
  return u;
}

training::AttackOptions attackOptions(const RobustnessRequest& r, const Units& u, AttackKind kind,
                                      const std::atomic<bool>* cancel) {
  training::AttackOptions o;
  o.kind = kind;
  o.norm = r.norm;
  o.steps = r.steps;
  o.stepRelative = r.stepRelative;
  o.randomStart = r.randomStart;
  o.seed = r.seed;
  o.scale = u.scale;
  if (u.clip) {
    o.clipMin = u.lo;
    o.clipMax = u.hi;
  }
  o.cancel = cancel;
  return o;
}

// An epsilon that covers the whole valid range (bounded inputs) or ten times the largest
// requested one (at least 10 standard deviations); L2: times sqrt(dims).
double hugeEpsilon(const Units& u, AttackNorm norm, const std::vector<double>& eps, int dims) {
  const double maxEps = eps.empty() ? 0.0 : *std::max_element(eps.begin(), eps.end());
  double linf = u.clip ? static_cast<double>(u.hi) - u.lo : std::max(10.0, 10.0 * maxEps);
  if (norm == AttackNorm::L2) linf *= std::sqrt(static_cast<double>(dims));
  return linf;
}

json curveJson(const RobustnessCurve& c, bool withExamples) {
  json points = json::array();
  for (size_t i = 0; i < c.eps.size(); ++i)
    points.push_back(
        {{"eps", c.eps[i]}, {"robust_accuracy", c.accuracy[i]}, {"seconds", c.seconds[i]}});
  auto num = [](double v) { return std::isfinite(v) ? json(v) : json(nullptr); };
  json j = {{"attack", training::attackName(c.kind)},
            {"norm", training::normName(c.norm)},
            {"rows", c.rows},
            {"clean_accuracy", c.cleanAccuracy},
            {"curve", points},
            {"zero_gradient_fraction", c.zeroGradientFraction},
            {"mean_minimal_norm", num(c.meanMinimalNorm)},
            {"unbroken_fraction", num(c.unbrokenFraction)}};
  if (withExamples) {
    json ex = json::array();
    for (const training::AdversarialExample& e : c.examples)
      ex.push_back({{"row", e.row},
                    {"label", e.label},
                    {"clean_prediction", e.cleanPrediction},
                    {"adversarial_prediction", e.adversarialPrediction},
                    {"eps", e.eps},
                    {"original", e.original},
                    {"adversarial", e.adversarial},
                    {"perturbation", e.perturbation}});
    j["examples"] = ex;
  }
  return j;
}

}  // namespace

std::vector<double> defaultEpsilons(const std::string& unit, AttackNorm norm) {
  if (unit == "raw")
    return norm == AttackNorm::Linf ? std::vector<double>{0.01, 0.02, 0.05, 0.1, 0.2, 0.3}
                                    : std::vector<double>{0.1, 0.25, 0.5, 1.0, 2.0, 3.0};
  return norm == AttackNorm::Linf ? std::vector<double>{0.05, 0.1, 0.2, 0.5, 1.0, 2.0}
                                  : std::vector<double>{0.5, 1.0, 2.0, 5.0, 10.0, 20.0};
}

std::vector<int> stratifiedRows(const std::vector<int>& labels, const std::vector<bool>& eligible,
                                int count, uint64_t seed) {
  std::map<int, std::vector<int>> byClass;
  for (size_t r = 0; r < labels.size(); ++r)
    if (eligible.empty() || (r < eligible.size() && eligible[r]))
      byClass[labels[r]].push_back(static_cast<int>(r));
  std::mt19937_64 rng(seed);
  const auto shuffle = [&rng](auto& v) {
    for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[rng() % i]);
  };
  std::vector<std::vector<int>*> classes;
  for (auto& [label, rows] : byClass) {
    shuffle(rows);
    classes.push_back(&rows);
  }
  shuffle(classes);
  std::vector<int> out;
  for (size_t round = 0; static_cast<int>(out.size()) < count; ++round) {
    bool any = false;
    for (std::vector<int>* rows : classes) {
      if (round >= rows->size() || static_cast<int>(out.size()) >= count) continue;
      out.push_back((*rows)[round]);
      any = true;
    }
    if (!any) break;
  }
  return out;
}

void auditRows(const training::PreparedData& data, int maxRows, cv::Mat* X, std::vector<int>* y) {
  const training::SplitMatrix& split = data.test.rows() > 0  ? data.test
                                       : data.val.rows() > 0 ? data.val
                                                             : data.train;
  if (maxRows <= 0 || maxRows >= split.rows()) {
    *X = split.X;
    *y = split.y;
    return;
  }
  *X = cv::Mat(maxRows, split.X.cols, CV_32F);
  y->clear();
  for (int i = 0; i < maxRows; ++i) {
    const int r = static_cast<int>(static_cast<int64_t>(i) * split.rows() / maxRows);
    split.X.row(r).copyTo(X->row(i));
    y->push_back(split.y[static_cast<size_t>(r)]);
  }
}

Result<RobustnessReport> auditModel(const AuditSubject& subject, const RobustnessRequest& request,
                                    const ProgressFn& progress, const std::atomic<bool>* cancel) {
  const auto t0 = std::chrono::steady_clock::now();
  const std::string where = "robustness audit of model " + std::to_string(subject.modelId);
  if (!subject.model || !subject.data) return Error("no model or data", where);
  const training::Classifier& model = *subject.model;
  const training::PreparedData& data = *subject.data;
  auto say = [&](double f, const std::string& m) {
    if (progress) progress(f, m);
  };
  if (request.attack) {
    if (auto ok = training::checkAttackable(model); !ok.ok()) return ok.error().wrap(where);
  }
  if (!request.attack && !request.faults && !request.poison)
    return Error("nothing to do: ask for an attack, the faults or the poisoning curve", where);
  auto units = resolveUnits(data, request.epsUnit);
  if (!units.ok()) return units.error().wrap(where);
  std::vector<double> eps =
      request.eps.empty() ? defaultEpsilons(units->unit, request.norm) : request.eps;
  for (double e : eps)
    if (!(e >= 0.0) || !std::isfinite(e))
      return Error("every epsilon must be a finite number >= 0", where);
  if (request.poison) {
    // Checked before any work: a model trained elsewhere cannot be retrained here.
    auto probe =
        training::createClassifier(subject.family, subject.params, subject.seed, data.inputShape);
    if (!probe.ok())
      return Error("the poisoning curve retrains the model, which is not possible for a '" +
                       subject.family + "' model: " + probe.error().message,
                   where);
  }

  RobustnessReport report;
  report.modelId = subject.modelId;
  report.modelName = subject.name;
  report.family = model.id();
  report.datasetName = data.dataset.name;
  report.inputShape = data.inputShape;
  report.epsUnit = units->unit;
  report.clipped = units->clip;
  report.clipMin = units->lo;
  report.clipMax = units->hi;
  cv::Mat X;
  std::vector<int> y;
  auditRows(data, request.maxRows, &X, &y);
  report.rows = X.rows;
  const auto inferStart = std::chrono::steady_clock::now();
  const std::vector<int> cleanPredictions = model.predictBatch(X);
  report.cleanAccuracy = accuracyOf(cleanPredictions, y);
  report.inferenceSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - inferStart).count();
  std::vector<bool> cleanCorrect(y.size(), false);
  {
    std::map<int, ClassFigures> perClass;
    for (size_t r = 0; r < y.size(); ++r) {
      ClassFigures& c = perClass[y[r]];
      c.label = y[r];
      ++c.rows;
      cleanCorrect[r] = r < cleanPredictions.size() && cleanPredictions[r] == y[r];
      if (cleanCorrect[r]) c.cleanAccuracy += 1.0;
    }
    for (auto& [label, c] : perClass) {
      c.cleanAccuracy /= c.rows;
      report.perClass.push_back(c);
    }
  }

  const int stages = (request.attack ? (request.sanity ? 4 : 1) : 0) + (request.faults ? 1 : 0) +
                     (request.poison ? 1 : 0);
  int stage = 0;
  auto next = [&](const std::string& m) { say(static_cast<double>(stage++) / stages, m); };
  if (request.attack) {
    const AttackKind kind = *request.attack;
    next(training::attackName(kind) + " over " + std::to_string(eps.size()) + " epsilons");
    auto curve =
        training::attackCurve(model, X, y, eps, attackOptions(request, *units, kind, cancel), 0);
    if (!curve.ok()) return curve.error().wrap(where);
    report.attack = std::move(curve.value());
    // The examples: clean-correct rows of every class (the test split is often sorted by
    // class, so the first rows would all be of one), attacked on their own.
    const std::vector<int> exampleRows =
        stratifiedRows(y, cleanCorrect, std::max(0, request.examples), request.seed);
    if (!exampleRows.empty()) {
      cv::Mat Xe(static_cast<int>(exampleRows.size()), X.cols, CV_32F);
      std::vector<int> ye;
      for (size_t i = 0; i < exampleRows.size(); ++i) {
        X.row(exampleRows[i]).copyTo(Xe.row(static_cast<int>(i)));
        ye.push_back(y[static_cast<size_t>(exampleRows[i])]);
      }
      auto examples =
          training::attackCurve(model, Xe, ye, eps, attackOptions(request, *units, kind, cancel),
                                static_cast<int>(exampleRows.size()));
      if (!examples.ok()) return examples.error().wrap(where);
      for (training::AdversarialExample& e : examples->examples) {
        e.row = exampleRows[static_cast<size_t>(e.row)];
        for (ClassFigures& c : report.perClass)
          if (c.label == e.label) ++c.examples;
      }
      report.attack->examples = std::move(examples->examples);
    }
    if (request.sanity) {
      for (AttackKind k : {AttackKind::Fgsm, AttackKind::Pgd}) {
        std::optional<RobustnessCurve>& slot = k == AttackKind::Fgsm ? report.fgsm : report.pgd;
        if (k == kind) {
          slot = report.attack;
          ++stage;
          continue;
        }
        next("sanity: " + training::attackName(k));
        auto c =
            training::attackCurve(model, X, y, eps, attackOptions(request, *units, k, cancel), 0);
        if (!c.ok()) return c.error().wrap(where);
        slot = std::move(c.value());
      }
      next("sanity: PGD at a huge epsilon");
      report.hugeEps = hugeEpsilon(*units, request.norm, eps, X.cols);
      auto huge = training::attackCurve(model, X, y, {report.hugeEps},
                                        attackOptions(request, *units, AttackKind::Pgd, cancel), 0);
      if (!huge.ok()) return huge.error().wrap(where);
      report.hugeAccuracy = huge->accuracy.front();
    }
    std::vector<const RobustnessCurve*> curves = {&*report.attack};
    if (report.fgsm && report.fgsm->kind != kind) curves.push_back(&*report.fgsm);
    if (report.pgd && report.pgd->kind != kind) curves.push_back(&*report.pgd);
    report.sanity =
        checkSanity(curves, report.fgsm ? &*report.fgsm : nullptr,
                    report.pgd ? &*report.pgd : nullptr, report.hugeEps, report.hugeAccuracy);
    report.warnings = report.sanity.warnings;
    if (report.sanity.gradientMaskingSuspected)
      report.warnings.push_back(
          "the robust accuracy above is probably an overestimate (see the failed sanity "
          "checks)");
  }

  if (request.faults) {
    next("IoT faults");
    FaultOptions fo;
    fo.scale = units->scale;
    if (units->clip) {
      fo.clipMin = units->lo;
      fo.clipMax = units->hi;
    }
    fo.seed = request.seed;
    const SignalLayout layout = layoutOf(data.inputShape);
    for (FaultKind k : request.faultKinds.empty() ? allFaults() : request.faultKinds) {
      if (cancelled(cancel)) return Error(training::kCancelledMessage);
      auto c = faultCurve(model, X, y, layout, k, defaultSeverities(k), fo);
      if (!c.ok()) return c.error().wrap(where);
      report.faults.push_back(std::move(c.value()));
    }
  }

  if (request.poison) {
    next("label-flip poisoning (retraining)");
    const ClassifierFactory factory = [&] {
      return training::createClassifier(subject.family, subject.params, subject.seed,
                                        data.inputShape);
    };
    PoisonData pd;
    pd.trainX = &data.train.X;
    pd.trainY = &data.train.y;
    if (data.val.rows() > 0) {
      pd.valX = &data.val.X;
      pd.valY = &data.val.y;
    }
    pd.testX = &X;
    pd.testY = &y;
    pd.numClasses = data.numClasses();
    const double base = static_cast<double>(stage - 1) / stages;
    auto c = labelFlipCurve(
        factory, pd,
        request.poisonFractions.empty() ? defaultPoisonFractions() : request.poisonFractions,
        request.seed,
        [&](int done, int total) {
          say(base + static_cast<double>(done) / std::max(1, total) / stages,
              "poisoning: " + std::to_string(done) + "/" + std::to_string(total) + " retrained");
        },
        cancel);
    if (!c.ok())
      return c.error().message == training::kCancelledMessage ? c.error() : c.error().wrap(where);
    report.poison = std::move(c.value());
  }
  say(1.0, "done");
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return report;
}

AuditSubject LoadedSubject::subject() const {
  AuditSubject s;
  s.model = model.get();
  s.data = &data;
  s.modelId = record.id;
  s.name = record.name;
  s.family = record.family;
  s.params = record.hyperParams;
  s.seed = record.seed;
  return s;
}

namespace {

Result<LoadedSubject> load(store::Project& project, int64_t modelId, bool needsGradients,
                           const std::atomic<bool>* cancel) {
  const std::string ctx = "model " + std::to_string(modelId);
  training::ModelRegistry registry(project);
  auto record = registry.get(modelId);
  if (!record.ok()) return record.error();
  if (record->snapshotId.empty())
    return Error("the model has no dataset version to evaluate it on", ctx);
  auto model = registry.load(modelId);
  if (!model.ok()) return model.error();
  if (needsGradients) {
    if (auto ok = training::checkAttackable(**model); !ok.ok()) return ok.error().wrap(ctx);
  }
  auto data = training::prepareVersion(project, record->snapshotId, record->features, {}, cancel);
  if (!data.ok()) {
    if (data.error().message == training::kCancelledMessage) return data.error();
    return data.error().wrap(ctx);
  }
  if (data->inputShape != record->inputShape)
    return Error("the dataset's features no longer have the model's input shape", ctx);
  if (data->dataset.classNames != record->classNames)
    return Error("the dataset's classes changed since the model was trained", ctx);
  LoadedSubject out;
  out.model = std::move(model.value());
  out.data = std::move(data.value());
  out.record = std::move(record.value());
  return out;
}

}  // namespace

Result<LoadedSubject> loadSubject(store::Project& project, int64_t modelId,
                                  const std::atomic<bool>* cancel) {
  return load(project, modelId, false, cancel);
}

Result<RobustnessReport> auditRobustness(store::Project& project, const RobustnessRequest& request,
                                         const ProgressFn& progress,
                                         const std::atomic<bool>* cancel) {
  if (progress) progress(0.0, "preparing the test split");
  auto loaded = load(project, request.modelId, request.attack.has_value(), cancel);
  if (!loaded.ok()) return loaded.error();
  return auditModel(loaded->subject(), request, progress, cancel);
}

std::string robustnessReportToJson(const RobustnessReport& r, bool withExamples) {
  auto num = [](double v) { return std::isfinite(v) ? json(v) : json(nullptr); };
  json j = {{"model_id", r.modelId},
            {"model_name", r.modelName},
            {"family", r.family},
            {"dataset", r.datasetName},
            {"input_shape", r.inputShape},
            {"eps_unit", r.epsUnit},
            {"clip", r.clipped ? json::array({r.clipMin, r.clipMax}) : json(nullptr)},
            {"rows", r.rows},
            {"clean_accuracy", r.cleanAccuracy},
            {"inference_seconds", r.inferenceSeconds},
            {"warnings", r.warnings},
            {"seconds", r.seconds}};
  json perClass = json::array();
  for (const ClassFigures& c : r.perClass)
    perClass.push_back({{"label", c.label},
                        {"rows", c.rows},
                        {"clean_accuracy", c.cleanAccuracy},
                        {"examples", c.examples}});
  j["per_class"] = perClass;
  if (r.attack) {
    const json a = curveJson(*r.attack, withExamples);
    for (const auto& [k, v] : a.items())
      if (k != "clean_accuracy" && k != "rows") j[k] = v;
  }
  if (!r.sanity.checks.empty()) {
    json checks = json::array();
    for (const SanityCheck& c : r.sanity.checks)
      checks.push_back({{"check", c.name}, {"passed", c.passed}, {"detail", c.detail}});
    json s = {{"checks", checks},
              {"gradient_masking_suspected", r.sanity.gradientMaskingSuspected},
              {"huge_eps", num(r.hugeEps)},
              {"huge_eps_accuracy", num(r.hugeAccuracy)}};
    if (r.fgsm) s["fgsm"] = curveJson(*r.fgsm, false);
    if (r.pgd) s["pgd"] = curveJson(*r.pgd, false);
    j["sanity"] = s;
  }
  if (!r.faults.empty()) {
    json faults = json::array();
    for (const FaultCurve& f : r.faults) {
      json points = json::array();
      for (size_t i = 0; i < f.severity.size(); ++i)
        points.push_back({{"severity", f.severity[i]}, {"accuracy", f.accuracy[i]}});
      faults.push_back({{"fault", faultName(f.kind)},
                        {"unit", severityUnit(f.kind)},
                        {"applicable", f.applicable},
                        {"curve", points}});
    }
    j["faults"] = faults;
  }
  if (r.poison) {
    json points = json::array();
    for (size_t i = 0; i < r.poison->fraction.size(); ++i)
      points.push_back({{"fraction", r.poison->fraction[i]},
                        {"flipped", r.poison->flipped[i]},
                        {"accuracy", r.poison->accuracy[i]},
                        {"train_seconds", r.poison->trainSeconds[i]}});
    j["poison"] = {{"method", "label_flip"}, {"curve", points}};
  }
  return j.dump();
}

}  // namespace edgewise::robustness
