#include "core/training/service/compress_service.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <random>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/store/project.h"
#include "core/store/sqlite_util.h"
#include "core/training/service/c_export_bridge.h"
#include "core/training/service/model_factory.h"

namespace edgewise::training {

namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

bool cancelled(const std::atomic<bool>* cancel) {
  return cancel && cancel->load(std::memory_order_relaxed);
}

const SplitMatrix& evaluationSplit(const PreparedData& data) {
  if (data.test.rows() > 0) return data.test;
  if (data.val.rows() > 0) return data.val;
  return data.train;
}

bool isQuantizeStep(const std::string& m) {
  return m == "int8" || m == "dynamic-int8" || m == "fp16";
}

std::string formatAmount(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

json num(double v) {
  return std::isfinite(v) ? json(v) : json(nullptr);
}

json latencyJson(const LatencyStats& l) {
  return {{"p50", num(l.p50Us)}, {"p90", num(l.p90Us)},   {"p99", num(l.p99Us)},
          {"max", num(l.maxUs)}, {"mean", num(l.meanUs)}, {"std", num(l.stdUs)},
          {"cv", num(l.cv)},     {"runs", l.runs}};
}

json measureJson(const VariantMeasure& m) {
  return {{"model_id", m.modelId},
          {"name", m.name},
          {"family", m.family},
          {"size_bytes", m.sizeBytes},
          {"params", m.params},
          {"params_nonzero", m.paramsNonzero},
          {"accuracy", num(m.accuracy)},
          {"macro_f1", num(m.macroF1)},
          {"latency_us", latencyJson(m.latency)},
          {"cv", num(m.latency.cv)},
          {"peak_rss_bytes", m.peakRssBytes},
          {"mcu", {{"flash_bytes", m.mcuFlashBytes}, {"ram_bytes", m.mcuRamBytes}}},
          {"metrics", json::parse(metricsToJson(m.metrics))}};
}

// The edgewise-cli that runs `probe-model` (peak RSS of a process serving the model): env
// EDGEWISE_CLI, else next to the running executable. Empty when not found.
QString probeExecutable() {
  const QString env = qEnvironmentVariable("EDGEWISE_CLI");
  if (!env.isEmpty()) return QFileInfo(env).isExecutable() ? env : QString();
  if (!QCoreApplication::instance()) return {};
  const QString next = QCoreApplication::applicationDirPath() + QStringLiteral("/edgewise-cli");
  return QFileInfo(next).isExecutable() ? next : QString();
}

// Peak resident set size (VmHWM) of a child process that loads modelFile and predicts the
// rows in rowsFile. 0 with a note when the probe cannot run.
int64_t probePeakRss(const QString& modelFile, const QString& rowsFile,
                     std::vector<std::string>* notes) {
  const QString exe = probeExecutable();
  if (exe.isEmpty()) {
    if (notes)
      notes->push_back(
          "peak RSS not measured: edgewise-cli not found (set EDGEWISE_CLI or install it next "
          "to this program)");
    return 0;
  }
  QProcess p;
  p.start(exe, {QStringLiteral("probe-model"), QStringLiteral("--file"), modelFile,
                QStringLiteral("--rows"), rowsFile});
  if (!p.waitForStarted(10000) || !p.waitForFinished(120000)) {
    p.kill();
    p.waitForFinished(2000);
    if (notes) notes->push_back("peak RSS not measured: the probe did not finish");
    return 0;
  }
  const json j = json::parse(p.readAllStandardOutput().trimmed().toStdString(), nullptr, false);
  if (p.exitCode() != 0 || !j.is_object() || !j.contains("vmhwm_bytes")) {
    if (notes)
      notes->push_back("peak RSS not measured: " +
                       p.readAllStandardError().trimmed().right(300).toStdString());
    return 0;
  }
  return j.at("vmhwm_bytes").get<int64_t>();
}

// Rows as the probe reads them: int32 rows, int32 cols, then rows*cols float32 (native order).
bool writeRows(const QString& path, const cv::Mat& X) {
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly)) return false;
  const int32_t dims[2] = {X.rows, X.cols};
  if (f.write(reinterpret_cast<const char*>(dims), sizeof dims) != sizeof dims) return false;
  for (int r = 0; r < X.rows; ++r) {
    const qint64 bytes = static_cast<qint64>(X.cols) * 4;
    if (f.write(reinterpret_cast<const char*>(X.ptr<float>(r)), bytes) != bytes) return false;
  }
  return true;
}

struct MeasureInput {
  const Classifier* model = nullptr;
  QString file;  // the model file on disk (its size is what is stored)
  const PreparedData* data = nullptr;
  QString rowsFile;  // eval split rows for the probe
  double latencySeconds = 1.0;
};

VariantMeasure measure(const MeasureInput& in, std::vector<std::string>* notes) {
  VariantMeasure m;
  const Classifier& model = *in.model;
  m.family = model.id();
  m.sizeBytes = QFileInfo(in.file).size();
  m.params = model.parameterCount();
  m.paramsNonzero = isEpochFamily(model.id()) || model.id().find('-') != std::string::npos
                        ? countNonzeroParameters(model)
                        : m.params;
  if (m.paramsNonzero <= 0) m.paramsNonzero = m.params;
  const SplitMatrix& eval = evaluationSplit(*in.data);
  Result<Metrics> metrics =
      computeMetrics(eval.y, model.predictBatch(eval.X), in.data->numClasses());
  if (metrics.ok()) {
    m.metrics = metrics.value();
    m.accuracy = m.metrics.accuracy;
    m.macroF1 = m.metrics.macroF1;
  } else if (notes) {
    notes->push_back("metrics: " + metrics.error().toString());
  }
  m.latency = measureLatency(model, eval.X, in.latencySeconds);
  if (!in.rowsFile.isEmpty()) m.peakRssBytes = probePeakRss(in.file, in.rowsFile, notes);
  Result<NetDescription> desc = describeNet(model);
  if (desc.ok()) {
    Result<McuFigures> mcu = estimateMcuFor(*desc, in.data->dataset, in.data->features);
    if (mcu.ok()) {
      m.mcuFlashBytes = mcu->flashBytes;
      m.mcuRamBytes = mcu->ramBytes;
    } else if (notes) {
      notes->push_back("MCU estimate of " + m.family + ": " + mcu.error().toString());
    }
  }
  return m;
}

// Stores record + model file and then the details JSON naming the new id, in one
// transaction (the id is only known after add()).
Result<int64_t> storeVariant(store::Project& project, ModelRecord record, const QString& file,
                             CompressReport* report) {
  sqlite3* db = project.handle();
  store::detail::WriteScope scope(db);
  if (Result<void> b = scope.begin(); !b.ok()) return b.error();
  ModelRegistry registry(project);
  Result<int64_t> id = registry.add(record, file.toStdString());
  if (!id.ok()) return id.error();
  report->variant.modelId = id.value();
  const std::string details = compressReportToJson(*report);
  Result<store::detail::Statement> st =
      store::detail::Statement::prepare(db, "UPDATE models SET details = ?1 WHERE id = ?2");
  if (!st.ok()) return st.error();
  if (Result<void> r = st->bind(1, std::string_view(details)).bind(2, id.value()).run(); !r.ok())
    return r.error();
  if (Result<void> c = scope.commit(); !c.ok()) return c.error();
  return id;
}

}  // namespace

// ---- recipes ----------------------------------------------------------------------------

std::string CompressStep::text() const {
  if (isQuantizeStep(method)) return method;
  if (method == "distill" || (method == "lowrank" && amount >= 1.0))
    return method + ":" + std::to_string(static_cast<int64_t>(std::llround(amount))) +
           (method == "distill" && depth > 0 ? "x" + std::to_string(depth) : std::string());
  return method + ":" + formatAmount(amount);
}

std::vector<std::pair<std::string, std::string>> compressionMethods() {
  return {
      {"int8",
       "static int8: per-channel int8 weights, uint8 activations calibrated on training rows"},
      {"dynamic-int8", "dynamic int8: int8 linear weights, activations quantized on the fly"},
      {"fp16", "float16 weights (computed in float32)"},
      {"prune:S", "magnitude pruning: zero the fraction S (0..1) of smallest weights, fine-tune"},
      {"prune-structured:F",
       "structured pruning: remove the fraction F (0..1) of neurons/channels, fine-tune"},
      {"distill:W",
       "knowledge distillation into a student whose first layer has W units "
       "(distill:WxD: D hidden/conv layers)"},
      {"lowrank:R", "low-rank (SVD) linear layers: rank R (integer >= 1) or energy (0..1)"},
  };
}

Result<std::vector<CompressStep>> parseRecipe(const std::string& text) {
  std::vector<CompressStep> steps;
  if (text.find_first_not_of(" \t") == std::string::npos)
    return Error("empty recipe; use e.g. int8, prune:0.8 or prune:0.8+int8");
  std::stringstream ss(text);
  std::string part;
  while (std::getline(ss, part, '+')) {
    const auto b = part.find_first_not_of(" \t");
    const auto e = part.find_last_not_of(" \t");
    if (b == std::string::npos)
      return Error("empty step in recipe '" + text + "' (two '+' in a row or a trailing '+')");
    part = part.substr(b, e - b + 1);
    CompressStep step;
    const auto colon = part.find(':');
    step.method = part.substr(0, colon);
    const std::string arg = colon == std::string::npos ? "" : part.substr(colon + 1);
    static const char* known[] = {"int8",    "dynamic-int8", "fp16", "prune", "prune-structured",
                                  "distill", "lowrank"};
    if (std::find_if(std::begin(known), std::end(known),
                     [&](const char* k) { return step.method == k; }) == std::end(known))
      return Error("unknown compression method '" + step.method +
                   "'; use int8, dynamic-int8, fp16, prune:S, prune-structured:F, distill:W or "
                   "lowrank:R");
    if (isQuantizeStep(step.method)) {
      if (colon != std::string::npos)
        return Error("'" + step.method + "' takes no amount (got '" + part + "')");
    } else {
      if (arg.empty())
        return Error("'" + step.method + "' needs an amount, e.g. " +
                     (step.method == "distill"   ? std::string("distill:32")
                      : step.method == "lowrank" ? std::string("lowrank:16 or lowrank:0.9")
                                                 : step.method + ":0.5"));
      std::string amountText = arg;
      if (step.method == "distill") {
        // distill:W or distill:WxD (width x depth).
        const auto x = arg.find_first_of("xX");
        if (x != std::string::npos) {
          amountText = arg.substr(0, x);
          const std::string d = arg.substr(x + 1);
          if (d.empty() || d.size() > 3 || d.find_first_not_of("0123456789") != std::string::npos ||
              std::stoi(d) < 1)
            return Error(
                "the student depth of 'distill' (after the 'x') must be an integer >= 1, "
                "got '" +
                arg + "'");
          step.depth = std::stoi(d);
        }
      }
      size_t used = 0;
      double v = 0.0;
      try {
        v = std::stod(amountText, &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used != amountText.size() || amountText.empty() || !std::isfinite(v))
        return Error("the amount of '" + step.method + "' must be a number, got '" + arg + "'");
      step.amount = v;
      if ((step.method == "prune" || step.method == "prune-structured") && !(v > 0.0 && v < 1.0))
        return Error("the fraction of '" + step.method +
                     "' must be between 0 and 1 (exclusive), got " + arg);
      if (step.method == "distill" && (v < 2 || v != std::floor(v) || v > 100000))
        return Error("the student width of 'distill' must be an integer >= 2, got " + arg);
      if (step.method == "lowrank" &&
          !((v > 0.0 && v < 1.0) || (v >= 1.0 && v == std::floor(v) && v <= 100000)))
        return Error("'lowrank' takes a rank (integer >= 1) or an energy fraction in (0, 1), got " +
                     arg);
    }
    if (!steps.empty() && isQuantizeStep(steps.back().method))
      return Error("nothing can follow '" + steps.back().method + "' in a recipe ('" + text +
                   "'): quantization must be the last step");
    steps.push_back(step);
  }
  if (!text.empty() && text.back() == '+')
    return Error("empty step in recipe '" + text + "' (trailing '+')");
  return steps;
}

// ---- JSON ---------------------------------------------------------------------------------

std::string compressReportToJson(const CompressReport& r) {
  json layers = json::array();
  for (const LayerError& e : r.layerErrors)
    layers.push_back({{"layer", e.layer}, {"sqnr_db", num(e.sqnrDb)}});
  json history = json::array();
  for (const TrainProgress& p : r.history)
    history.push_back({{"epoch", p.epoch},
                       {"epochs", p.epochs},
                       {"train_loss", num(p.trainLoss)},
                       {"train_accuracy", num(p.trainAccuracy)},
                       {"val_loss", num(p.valLoss)},
                       {"val_accuracy", num(p.valAccuracy)},
                       {"seconds", num(p.seconds)}});
  json j = measureJson(r.variant);
  j["variant_id"] = r.variant.modelId;
  j["recipe"] = r.recipe;
  j["parent"] = measureJson(r.parent);
  j["layer_sqnr_db"] = layers;
  j["notes"] = r.notes;
  j["warnings"] = r.warnings;
  j["history"] = history;
  j["seconds"] = num(r.seconds);
  auto ratio = [](double a, double b) { return b > 0 ? json(a / b) : json(nullptr); };
  j["ratios"] = {{"size", ratio(static_cast<double>(r.variant.sizeBytes),
                                static_cast<double>(r.parent.sizeBytes))},
                 {"params_nonzero", ratio(static_cast<double>(r.variant.paramsNonzero),
                                          static_cast<double>(r.parent.paramsNonzero))},
                 {"latency_p50", ratio(r.variant.latency.p50Us, r.parent.latency.p50Us)},
                 {"accuracy_delta_points", num(100.0 * (r.variant.accuracy - r.parent.accuracy))}};
  return j.dump();
}

// ---- the service --------------------------------------------------------------------------

namespace {

struct Loaded {
  ModelRecord record;
  PreparedData data;
  std::unique_ptr<Classifier> model;
};

Result<Loaded> loadWithData(store::Project& project, int64_t modelId,
                            const std::function<void(double)>& progress,
                            const std::atomic<bool>* cancel) {
  const std::string ctx = "model " + std::to_string(modelId);
  ModelRegistry registry(project);
  Result<ModelRecord> record = registry.get(modelId);
  if (!record.ok()) return record.error();
  if (record->snapshotId.empty())
    return Error("the model has no dataset version to measure it on", ctx);
  // The parent's own dataset version (split seed and fractions) and features.
  Result<PreparedData> data =
      prepareVersion(project, record->snapshotId, record->features, progress, cancel);
  if (!data.ok()) {
    if (data.error().message == kCancelledMessage) return data.error();
    return data.error().wrap(ctx);
  }
  if (data->inputShape != record->inputShape)
    return Error("the dataset's features no longer have the model's input shape", ctx);
  if (data->dataset.classNames != record->classNames)
    return Error("the dataset's classes changed since the model was trained", ctx);
  Result<std::unique_ptr<Classifier>> model = registry.load(modelId);
  if (!model.ok()) return model.error();
  Loaded out;
  out.record = std::move(record.value());
  out.data = std::move(data.value());
  out.model = std::move(model.value());
  return out;
}

}  // namespace

Result<VariantMeasure> measureModel(store::Project& project, int64_t modelId,
                                    double latencySeconds) {
  Result<Loaded> loaded = loadWithData(project, modelId, {}, nullptr);
  if (!loaded.ok()) return loaded.error();
  QTemporaryDir dir;
  if (!dir.isValid()) return Error("cannot create a temporary directory", "measuring a model");
  const QString file = dir.filePath(QStringLiteral("model.bin"));
  ModelRegistry registry(project);
  if (Result<void> r = registry.exportFile(modelId, file.toStdString()); !r.ok()) return r.error();
  const QString rows = dir.filePath(QStringLiteral("rows.bin"));
  MeasureInput in;
  in.model = loaded->model.get();
  in.file = file;
  in.data = &loaded->data;
  in.rowsFile = writeRows(rows, evaluationSplit(loaded->data).X) ? rows : QString();
  in.latencySeconds = latencySeconds;
  VariantMeasure m = measure(in, nullptr);
  m.modelId = modelId;
  m.name = loaded->record.name;
  return m;
}

Result<CompressReport> compressAndRegister(store::Project& project, const CompressRequest& request,
                                           const TrainProgressFn& progress,
                                           const std::atomic<bool>* cancel) {
  const auto start = Clock::now();
  const std::string ctx =
      "compressing model " + std::to_string(request.modelId) + " with '" + request.recipe + "'";
  auto report = [&](double f, const std::string& msg, const TrainProgress* e = nullptr) {
    if (progress) progress(std::clamp(f, 0.0, 1.0), msg, e);
  };
  Result<std::vector<CompressStep>> steps = parseRecipe(request.recipe);
  if (!steps.ok()) return steps.error().wrap(ctx);
  if (request.calibrationSamples < 1)
    return Error("the calibration sample count must be at least 1", ctx);

  report(0.0, "loading");
  Result<Loaded> loaded = loadWithData(
      project, request.modelId, [&](double f) { report(0.1 * f, "loading"); }, cancel);
  if (!loaded.ok()) {
    if (loaded.error().message == kCancelledMessage) return loaded.error();
    return loaded.error().wrap(ctx);
  }
  if (cancelled(cancel)) return Error(kCancelledMessage);
  const PreparedData& data = loaded->data;
  const ModelRecord& parentRecord = loaded->record;
  if (!isEpochFamily(loaded->model->id()))
    return Error("only the torch families (mlp, cnn1d, cnn2d) can be compressed; model " +
                     std::to_string(request.modelId) + " is " + loaded->model->id(),
                 ctx);

  CompressReport out;
  std::string canonical;
  for (const CompressStep& s : *steps) canonical += (canonical.empty() ? "" : "+") + s.text();
  out.recipe = canonical;

  // Calibration rows: a seeded sample of the training split.
  cv::Mat calib;
  {
    std::vector<int> idx(static_cast<size_t>(data.train.rows()));
    std::iota(idx.begin(), idx.end(), 0);
    std::mt19937_64 rng(request.seed);
    std::shuffle(idx.begin(), idx.end(), rng);
    idx.resize(std::min(idx.size(), static_cast<size_t>(request.calibrationSamples)));
    std::sort(idx.begin(), idx.end());
    calib.create(static_cast<int>(idx.size()), data.train.X.cols, CV_32F);
    for (size_t i = 0; i < idx.size(); ++i)
      data.train.X.row(idx[i]).copyTo(calib.row(static_cast<int>(i)));
  }

  // Run the steps: each takes the previous model and returns a new one.
  const Classifier* current = loaded->model.get();
  std::unique_ptr<Classifier> variant;
  const double stepsSpan = 0.55;
  const size_t nSteps = steps->size();
  for (size_t si = 0; si < nSteps; ++si) {
    const CompressStep& step = (*steps)[si];
    const double f0 = 0.1 + stepsSpan * static_cast<double>(si) / static_cast<double>(nSteps);
    const double f1 = 0.1 + stepsSpan * static_cast<double>(si + 1) / static_cast<double>(nSteps);
    if (cancelled(cancel)) return Error(kCancelledMessage);
    FineTuneOptions ft;
    ft.X = &data.train.X;
    ft.y = &data.train.y;
    ft.epochs = request.finetuneEpochs;
    ft.seed = request.seed;
    if (data.val.rows() > 0) {
      ft.context.valX = &data.val.X;
      ft.context.valY = &data.val.y;
    }
    ft.context.cancel = cancel;
    const std::string label = step.method == "distill" ? "distilling" : "fine-tuning";
    ft.context.progress = [&, f0, f1, label](const TrainProgress& p) {
      out.history.push_back(p);
      const double frac = p.epochs > 0 ? static_cast<double>(p.epoch) / p.epochs : 1.0;
      report(f0 + (f1 - f0) * std::min(frac, 1.0),
             label + " " + std::to_string(p.epoch) + "/" + std::to_string(p.epochs), &p);
    };
    QuantizeOptions q;
    q.engine = request.engine;
    Result<CompressResult> r = Error("unknown step");
    if (step.method == "int8") {
      report(f0, "quantizing (static int8)");
      r = quantizeStaticInt8(*current, calib, q);
    } else if (step.method == "dynamic-int8") {
      report(f0, "quantizing (dynamic int8)");
      r = quantizeDynamicInt8(*current, q);
    } else if (step.method == "fp16") {
      report(f0, "converting to float16");
      r = convertFloat16(*current);
    } else if (step.method == "prune") {
      report(f0, "pruning " + formatAmount(100.0 * step.amount) + " % of the weights");
      r = pruneMagnitude(*current, step.amount, ft);
    } else if (step.method == "prune-structured") {
      report(f0, "removing " + formatAmount(100.0 * step.amount) + " % of neurons/channels");
      r = pruneStructured(*current, step.amount, ft);
    } else if (step.method == "distill") {
      report(f0, "distilling");
      DistillOptions d;
      d.width = static_cast<int>(std::llround(step.amount));
      d.depth = step.depth;
      d.temperature = request.temperature;
      d.alpha = request.alpha;
      r = distill(*current, d, ft);
    } else if (step.method == "lowrank") {
      report(f0, "factorizing linear layers");
      const bool rank = step.amount >= 1.0;
      r = lowRankFactorize(*current, rank ? static_cast<int>(std::llround(step.amount)) : 0,
                           rank ? 0.0 : step.amount, ft);
    }
    if (!r.ok()) {
      if (r.error().message == kCancelledMessage || cancelled(cancel))
        return Error(kCancelledMessage);
      return r.error().wrap(ctx + ": step '" + step.text() + "'");
    }
    if (cancelled(cancel)) return Error(kCancelledMessage);
    if (!r->model) return Error("step '" + step.text() + "' returned no model", ctx);
    for (const std::string& n : r->notes) out.notes.push_back(step.text() + ": " + n);
    if (!r->layerErrors.empty()) out.layerErrors = r->layerErrors;
    variant = std::move(r->model);
    current = variant.get();
    report(f1, "step '" + step.text() + "' done");
  }

  // Measure parent and variant with the same code, one after the other, in this run.
  QTemporaryDir dir;
  if (!dir.isValid()) return Error("cannot create a temporary directory", ctx);
  const QString variantFile = dir.filePath(QStringLiteral("variant.bin"));
  const QString parentFile = dir.filePath(QStringLiteral("parent.bin"));
  if (Result<void> s = variant->save(variantFile.toStdString()); !s.ok())
    return s.error().wrap(ctx + ": saving the variant");
  {
    ModelRegistry registry(project);
    if (Result<void> e = registry.exportFile(request.modelId, parentFile.toStdString()); !e.ok())
      return e.error().wrap(ctx);
  }
  const QString rowsFile = dir.filePath(QStringLiteral("rows.bin"));
  const bool haveRows = writeRows(rowsFile, evaluationSplit(data).X);
  if (cancelled(cancel)) return Error(kCancelledMessage);

  std::vector<std::string> measureNotes;
  report(0.7, "measuring the parent");
  MeasureInput pin{loaded->model.get(), parentFile, &data, haveRows ? rowsFile : QString(),
                   request.latencySeconds};
  out.parent = measure(pin, &measureNotes);
  out.parent.modelId = parentRecord.id;
  out.parent.name = parentRecord.name;
  if (cancelled(cancel)) return Error(kCancelledMessage);
  report(0.82, "measuring the variant");
  MeasureInput vin{variant.get(), variantFile, &data, haveRows ? rowsFile : QString(),
                   request.latencySeconds};
  out.variant = measure(vin, &measureNotes);
  if (cancelled(cancel)) return Error(kCancelledMessage);
  for (std::string& n : measureNotes) out.notes.push_back(std::move(n));

  const double p50v = out.variant.latency.p50Us, p50p = out.parent.latency.p50Us;
  if (p50p > 0 && p50v > p50p) {
    std::ostringstream w;
    w.precision(3);
    w << "SLOWER THAN ITS PARENT: the " << canonical << " variant's p50 latency is " << p50v
      << " us vs " << p50p << " us for the parent (" << p50v / p50p
      << "x); compression did not buy speed on this CPU";
    out.warnings.push_back(w.str());
  }
  if (out.parent.sizeBytes > 0 && out.variant.sizeBytes > out.parent.sizeBytes)
    out.warnings.push_back("the variant's file is larger than its parent's (" +
                           std::to_string(out.variant.sizeBytes) + " vs " +
                           std::to_string(out.parent.sizeBytes) + " bytes)");
  const double drop = 100.0 * (out.parent.accuracy - out.variant.accuracy);
  if (drop > 2.0) {
    std::ostringstream w;
    w.precision(3);
    w << "accuracy dropped by " << drop << " points";
    out.warnings.push_back(w.str());
  }

  // Store the variant with lineage.
  report(0.95, "saving");
  if (cancelled(cancel)) return Error(kCancelledMessage);
  ModelRecord rec;
  rec.name = request.name.empty() ? parentRecord.name + " " + canonical : request.name;
  rec.family = variant->id();
  rec.datasetId = parentRecord.datasetId;
  rec.datasetName = parentRecord.datasetName;
  rec.snapshotId = parentRecord.snapshotId;
  rec.features = parentRecord.features;
  rec.inputShape = parentRecord.inputShape;
  rec.classNames = parentRecord.classNames;
  rec.hyperParams = variant->hyperParams();
  rec.hyperParams["recipe"] = canonical;
  if (request.finetuneEpochs > 0)
    rec.hyperParams["finetune_epochs"] = std::to_string(request.finetuneEpochs);
  rec.seed = request.seed;
  rec.metrics = out.variant.metrics;
  rec.history = out.history;
  rec.parameterCount = out.variant.params;
  rec.sizeBytes = out.variant.sizeBytes;
  rec.latencyP50Us = out.variant.latency.p50Us;
  rec.latencyP99Us = out.variant.latency.p99Us;
  rec.parentId = parentRecord.id;
  rec.origin = "compressed";
  out.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  out.variant.name = rec.name;
  rec.details = compressReportToJson(out);
  rec.trainSeconds = out.seconds;
  Result<int64_t> id = storeVariant(project, rec, variantFile, &out);
  if (!id.ok()) return id.error().wrap(ctx);
  report(1.0, "done");
  return out;
}

}  // namespace edgewise::training
