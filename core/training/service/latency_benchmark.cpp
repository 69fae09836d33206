#include "core/training/service/latency_benchmark.h"

#include <QFileInfo>
#include <QString>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cmath>

#include <nlohmann/json.hpp>

#include "core/store/project.h"
#include "core/training/service/compress_service.h"
#include "core/training/service/model_factory.h"
#include "core/training/service/model_registry.h"

namespace edgewise::training {

namespace {

using Clock = std::chrono::steady_clock;

bool isCancelled(const std::atomic<bool>* cancel) {
  return cancel && cancel->load(std::memory_order_relaxed);
}

double microseconds(Clock::duration d) {
  return std::chrono::duration<double, std::micro>(d).count();
}

}  // namespace

Result<LatencyBenchmark> benchmarkLatency(store::Project& project, int64_t modelId,
                                          const LatencyBenchmarkOptions& options,
                                          const LatencyProgressFn& progress,
                                          const std::atomic<bool>* cancel) {
  std::string phase;  // the step sub-progress reports under
  auto report = [&](double fraction, const std::string& message) {
    if (!message.empty()) phase = message;
    if (progress) progress(fraction, phase);
  };
  const std::string ctx = "latency of model " + std::to_string(modelId);
  report(0.0, "preparing the evaluation rows");
  Result<ModelData> prepared = prepareModelData(
      project, modelId, ctx, [&](double f) { report(0.2 * f, {}); }, cancel);
  if (!prepared.ok()) return prepared.error();
  const ModelRecord& record = prepared->record;
  const PreparedData* data = &prepared->data;
  // The rows the services evaluate on: test, else validation, else training.
  const SplitMatrix& eval = data->test.rows() > 0  ? data->test
                            : data->val.rows() > 0 ? data->val
                                                   : data->train;
  if (eval.rows() == 0) return Error("the model's dataset version has no rows", ctx);
  if (isCancelled(cancel)) return Error(kCancelledMessage);

  LatencyBenchmark b;
  b.modelId = modelId;
  b.name = record.name;
  b.family = record.family;
  b.datasetName = record.datasetName;
  b.rows = eval.rows();

  // Init: the model file loaded as a device loads it.
  report(0.22, "loading the model");
  ModelRegistry registry(project);
  QTemporaryDir dir;
  if (!dir.isValid()) return Error("cannot create a temporary directory", ctx);
  const std::string file = dir.filePath(QStringLiteral("model.bin")).toStdString();
  if (Result<void> r = registry.exportFile(modelId, file); !r.ok()) return r.error().wrap(ctx);
  b.sizeBytes = QFileInfo(QString::fromStdString(file)).size();
  const auto loadStart = Clock::now();
  Result<std::unique_ptr<Classifier>> loaded = loadClassifier(file);
  b.initMs = microseconds(Clock::now() - loadStart) / 1000.0;
  if (!loaded.ok()) return loaded.error().wrap(ctx);
  const Classifier& model = **loaded;
  if (model.dims() != eval.X.cols)
    return Error("the model takes " + std::to_string(model.dims()) + " inputs, its data has " +
                     std::to_string(eval.X.cols),
                 ctx);

  // First inference on the cold model, then the warm-up.
  const int dims = eval.X.cols;
  auto t0 = Clock::now();
  volatile int y = model.predict(eval.X.ptr<float>(0), dims);
  b.firstInferenceUs = microseconds(Clock::now() - t0);
  b.warmupRuns = std::max(0, options.warmupRuns);
  t0 = Clock::now();
  for (int i = 0; i < b.warmupRuns; ++i)
    y = model.predict(eval.X.ptr<float>((i + 1) % b.rows), dims);
  (void)y;
  if (b.warmupRuns > 0) b.warmupMeanUs = microseconds(Clock::now() - t0) / b.warmupRuns;

  report(0.3, "measuring latency");
  const auto timedStart = Clock::now();
  b.samplesUs = timePredictions(model, eval.X, options.seconds, std::max(1, options.minRuns),
                                cancel, [&](double f) { report(0.3 + 0.5 * f, {}); });
  b.measuredSeconds = microseconds(Clock::now() - timedStart) / 1e6;
  if (isCancelled(cancel)) return Error(kCancelledMessage);
  b.latency = latencyStatsOf(b.samplesUs);

  const std::vector<int> predicted = model.predictBatch(eval.X);
  int correct = 0;
  for (size_t i = 0; i < predicted.size() && i < eval.y.size(); ++i)
    correct += predicted[i] == eval.y[i] ? 1 : 0;
  b.accuracy = static_cast<double>(correct) / static_cast<double>(b.rows);

  if (options.measureRss) {
    // The compression service's probe: a child process loads the model and serves the rows.
    report(0.82, "measuring peak RSS");
    Result<VariantMeasure> m = measureModel(project, modelId, 0.0);
    if (!m.ok()) {
      b.notes.push_back("peak RSS not measured: " + m.error().toString());
    } else {
      b.peakRssBytes = m->peakRssBytes;
      if (b.peakRssBytes <= 0)
        b.notes.push_back(
            "peak RSS not measured: the edgewise-cli probe did not run (set EDGEWISE_CLI or "
            "install edgewise-cli next to this program)");
    }
  }
  if (isCancelled(cancel)) return Error(kCancelledMessage);
  if (b.latency.cv > 0.5)
    b.notes.push_back("noisy measurement (cv " + std::to_string(b.latency.cv).substr(0, 4) +
                      "): other load on this machine, or run longer");
  report(1.0, "done");
  return b;
}

std::string latencyBenchmarkToJson(const LatencyBenchmark& b, bool withSamples) {
  using nlohmann::json;
  auto num = [](double v) { return std::isfinite(v) ? json(v) : json(nullptr); };
  const LatencyStats& l = b.latency;
  json j = {{"model_id", b.modelId},
            {"name", b.name},
            {"family", b.family},
            {"dataset", b.datasetName},
            {"size_bytes", b.sizeBytes},
            {"accuracy", num(b.accuracy)},
            {"rows", b.rows},
            {"init_ms", num(b.initMs)},
            {"first_inference_us", num(b.firstInferenceUs)},
            {"warmup_runs", b.warmupRuns},
            {"warmup_mean_us", num(b.warmupMeanUs)},
            {"latency_us",
             {{"p50", num(l.p50Us)},
              {"p90", num(l.p90Us)},
              {"p99", num(l.p99Us)},
              {"max", num(l.maxUs)},
              {"mean", num(l.meanUs)},
              {"std", num(l.stdUs)},
              {"cv", num(l.cv)},
              {"runs", l.runs}}},
            {"cv", num(l.cv)},
            {"runs", l.runs},
            {"seconds", num(b.measuredSeconds)},
            {"peak_rss_bytes", b.peakRssBytes},
            {"notes", b.notes}};
  if (withSamples) j["samples_us"] = b.samplesUs;
  return j.dump();
}

}  // namespace edgewise::training
