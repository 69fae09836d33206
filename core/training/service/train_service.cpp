#include "core/training/service/train_service.h"

#include <QDir>
#include <QFileInfo>
#include <QString>
#include <QTemporaryDir>

#include <chrono>
#include <cmath>
#include <numeric>

#include "core/dataset/data/dataset_repository.h"
#include "core/store/project.h"
#include "core/training/service/c_export_bridge.h"
#include "core/training/service/model_factory.h"
#include "core/training/service/train_pipeline.h"
#include "core/training/torch/torch_compress.h"
#include "core/training/torch/torch_models.h"
#include "core/util/percentile.h"

namespace edgewise::training {

namespace {

using Clock = std::chrono::steady_clock;

bool cancelled(const std::atomic<bool>* cancel) {
  return cancel && cancel->load(std::memory_order_relaxed);
}

// The split metrics are reported on: test, or val / train when the dataset is too small.
const SplitMatrix& evaluationSplit(const PreparedData& data) {
  if (data.test.rows() > 0) return data.test;
  if (data.val.rows() > 0) return data.val;
  return data.train;
}

// Saves the model to a temporary file and stores it with the record (one transaction).
Result<ModelRecord> storeModel(store::Project& project, const Classifier& model,
                               ModelRecord record) {
  QTemporaryDir dir;
  if (!dir.isValid()) return Error("cannot create a temporary directory", "saving the model");
  const std::string path = dir.filePath(QStringLiteral("model.bin")).toStdString();
  if (Result<void> r = model.save(path); !r.ok()) return r.error().wrap("saving the model");
  record.sizeBytes = QFileInfo(QString::fromStdString(path)).size();
  ModelRegistry registry(project);
  Result<int64_t> id = registry.add(record, path);
  if (!id.ok()) return id.error();
  return registry.get(id.value());
}

void fillLineage(ModelRecord& record, const PreparedData& data) {
  record.datasetId = data.dataset.id;
  record.datasetName = data.dataset.name;
  record.snapshotId = data.version.snapshotId;
  record.features = data.features;
  record.inputShape = data.inputShape;
  record.classNames = data.dataset.classNames;
}

}  // namespace

std::vector<double> timePredictions(const Classifier& classifier, const cv::Mat& X,
                                    double minSeconds, int minRuns, const std::atomic<bool>* cancel,
                                    const std::function<void(double)>& progress) {
  std::vector<double> us;
  if (X.rows == 0 || X.type() != CV_32F) return us;
  const int dims = X.cols;
  us.reserve(static_cast<size_t>(std::max(minRuns, 1024)));
  const auto start = Clock::now();
  const auto budget = std::chrono::duration<double>(minSeconds);
  auto lastReport = start;
  // A hard cap keeps a very fast model from filling memory with timings.
  constexpr size_t kMaxRuns = 2'000'000;
  for (size_t i = 0; us.size() < kMaxRuns; ++i) {
    const float* row = X.ptr<float>(static_cast<int>(i % static_cast<size_t>(X.rows)));
    const auto t0 = Clock::now();
    volatile int y = classifier.predict(row, dims);
    (void)y;
    const auto t1 = Clock::now();
    us.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
    if (static_cast<int>(us.size()) >= minRuns && t1 - start >= budget) break;
    if (cancelled(cancel)) return {};
    if (progress && t1 - lastReport > std::chrono::milliseconds(50)) {
      lastReport = t1;
      const double byTime = minSeconds > 0 ? (t1 - start) / budget : 1.0;
      const double byRuns = static_cast<double>(us.size()) / std::max(1, minRuns);
      progress(std::min(1.0, std::min(byTime, byRuns)));
    }
  }
  return us;
}

LatencyStats latencyStatsOf(const std::vector<double>& us) {
  LatencyStats s;
  if (us.empty()) return s;
  s.runs = static_cast<int>(us.size());
  s.p50Us = util::percentile(us, 50);
  s.p90Us = util::percentile(us, 90);
  s.p99Us = util::percentile(us, 99);
  s.maxUs = *std::max_element(us.begin(), us.end());
  s.meanUs = std::accumulate(us.begin(), us.end(), 0.0) / static_cast<double>(us.size());
  double var = 0.0;
  for (double v : us) var += (v - s.meanUs) * (v - s.meanUs);
  s.stdUs = std::sqrt(var / static_cast<double>(us.size()));
  s.cv = s.meanUs > 0 ? s.stdUs / s.meanUs : 0.0;
  return s;
}

LatencyStats measureLatency(const Classifier& classifier, const cv::Mat& X, double minSeconds,
                            int minRuns) {
  if (X.rows == 0 || X.type() != CV_32F) return {};
  // Warm-up: first calls pay for lazy allocations and cold caches.
  const int warm = std::min(10, std::max(1, X.rows));
  for (int i = 0; i < warm; ++i) (void)classifier.predict(X.ptr<float>(i % X.rows), X.cols);
  return latencyStatsOf(timePredictions(classifier, X, minSeconds, minRuns));
}

Result<ModelRecord> trainPrepared(store::Project& project, const PreparedData& data,
                                  const PreparedTrainJob& job, const TrainProgressFn& report,
                                  const std::atomic<bool>* cancel) {
  const std::string ctx = "training " + job.family + " on '" + data.dataset.name + "'";
  auto progress = [&](double f, const std::string& msg, const TrainProgress* e) {
    if (report) report(f, msg, e);
  };
  if (cancelled(cancel)) return Error(kCancelledMessage);
  const HyperParams params = withDataDefaults(job.family, data.inputShape, job.params);
  Result<std::unique_ptr<Classifier>> made =
      createClassifier(job.family, params, job.seed, data.inputShape);
  if (!made.ok()) return made.error().wrap(ctx);
  Classifier& model = *made.value();

  ModelRecord record;
  record.family = job.family;
  record.seed = job.seed;
  record.origin = job.origin;
  record.name = job.name;
  fillLineage(record, data);

  progress(0.0, "training", nullptr);
  TrainContext context;
  if (data.val.rows() > 0) {
    context.valX = &data.val.X;
    context.valY = &data.val.y;
  }
  context.cancel = cancel;
  const bool epochs = isEpochFamily(job.family);
  context.progress = [&](const TrainProgress& p) {
    record.history.push_back(p);
    const double frac = p.epochs > 0 ? static_cast<double>(p.epoch) / p.epochs : 1.0;
    std::string msg =
        (epochs ? "epoch " : "step ") + std::to_string(p.epoch) + "/" + std::to_string(p.epochs);
    if (!p.message.empty()) msg += ": " + p.message;
    progress(0.75 * std::min(frac, 1.0), msg, epochs ? &p : nullptr);
  };
  const auto t0 = Clock::now();
  Result<void> trained = model.train(data.train.X, data.train.y, data.numClasses(), context);
  record.trainSeconds = std::chrono::duration<double>(Clock::now() - t0).count();
  if (!trained.ok()) {
    if (trained.error().message == kCancelledMessage || cancelled(cancel))
      return Error(kCancelledMessage);
    return trained.error().wrap(ctx);
  }
  if (cancelled(cancel)) return Error(kCancelledMessage);
  record.hyperParams = model.hyperParams();
  if (record.hyperParams.empty()) record.hyperParams = params;
  for (const auto& [k, v] : job.extraParams) record.hyperParams[k] = v;
  record.parameterCount = model.parameterCount();

  progress(0.75, "evaluating on the test split", nullptr);
  const SplitMatrix& eval = evaluationSplit(data);
  Result<Metrics> metrics = computeMetrics(eval.y, model.predictBatch(eval.X), data.numClasses());
  if (!metrics.ok()) return metrics.error().wrap(ctx);
  record.metrics = metrics.value();
  if (cancelled(cancel)) return Error(kCancelledMessage);

  progress(0.8125, "measuring latency", nullptr);
  const LatencyStats latency = measureLatency(model, eval.X, job.latencySeconds);
  record.latencyP50Us = latency.p50Us;
  record.latencyP99Us = latency.p99Us;
  if (cancelled(cancel)) return Error(kCancelledMessage);

  progress(0.9375, "saving", nullptr);
  Result<ModelRecord> stored = storeModel(project, model, record);
  if (!stored.ok()) return stored.error().wrap(ctx);
  progress(1.0, "done", nullptr);
  return stored;
}

Result<ModelRecord> trainAndRegister(store::Project& project, const TrainRequest& request,
                                     const TrainProgressFn& progress,
                                     const std::atomic<bool>* cancel) {
  const std::string ctx = "training " + request.family + " on '" + request.datasetName + "'";
  auto report = [&](double f, const std::string& msg, const TrainProgress* e) {
    if (progress) progress(f, msg, e);
  };
  report(0.0, "preparing data", nullptr);
  Result<PreparedData> data = prepareData(
      project, request.datasetName, request.prepare,
      [&](double f) { report(0.2 * f, "preparing data", nullptr); }, cancel);
  if (!data.ok()) {
    if (data.error().message == kCancelledMessage) return data.error();
    return data.error().wrap(ctx);
  }
  if (cancelled(cancel)) return Error(kCancelledMessage);
  if (request.labelReport) *request.labelReport = data->labels;
  if (data->labels.unresolved) {
    report(0.2,
           "warning: " + std::to_string(data->labels.unresolved) +
               " samples left out: their annotators disagree and no adjudication decides "
               "(Labeling pane, Review)",
           nullptr);
  }
  if (data->labels.unknownClass) {
    report(0.2,
           "warning: " + std::to_string(data->labels.unknownClass) +
               " samples left out: their annotators' class is not one of the dataset's classes",
           nullptr);
  }
  if (data->labels.any()) report(0.2, "labels: " + labelSourcesSummary(data->labels), nullptr);
  if (request.includeFeedback) {
    Result<FeedbackMerge> merge = appendFeedback(project, *data);
    if (!merge.ok()) return merge.error().wrap(ctx);
    for (const std::string& w : merge->warnings) report(0.2, "warning: " + w, nullptr);
    report(0.2, "corrective feedback: " + feedbackSummary(*merge), nullptr);
    if (request.feedbackReport) *request.feedbackReport = *merge;
  }
  PreparedTrainJob job;
  job.family = request.family;
  job.params = request.params;
  job.seed = request.seed;
  job.name = request.name.empty() ? request.family + " on " + request.datasetName : request.name;
  job.latencySeconds = request.latencySeconds;
  return trainPrepared(
      project, *data, job,
      [&](double f, const std::string& msg, const TrainProgress* e) {
        report(0.2 + 0.8 * f, msg, e);
      },
      cancel);
}

Result<ModelData> prepareModelData(store::Project& project, int64_t modelId,
                                   const std::string& context,
                                   const std::function<void(double)>& progress,
                                   const std::atomic<bool>* cancel) {
  ModelRegistry registry(project);
  Result<ModelRecord> record = registry.get(modelId);
  if (!record.ok()) return record.error();
  if (record->snapshotId.empty())
    return Error("the model has no dataset version to evaluate on", context);
  Result<PreparedData> data =
      prepareVersion(project, record->snapshotId, record->features, progress, cancel);
  if (!data.ok()) {
    if (data.error().message == kCancelledMessage) return data.error();
    return data.error().wrap(context);
  }
  if (data->inputShape != record->inputShape)
    return Error("the dataset's features no longer have the model's input shape", context);
  if (data->dataset.classNames != record->classNames)
    return Error("the dataset's classes changed since the model was trained", context);
  return ModelData{std::move(record.value()), std::move(data.value())};
}

Result<Evaluation> evaluateModel(store::Project& project, int64_t modelId,
                                 const std::function<void(double)>& progress,
                                 const std::atomic<bool>* cancel, double latencySeconds) {
  const std::string ctx = "evaluating model " + std::to_string(modelId);
  Result<ModelData> prepared = prepareModelData(
      project, modelId, ctx,
      [&](double f) {
        if (progress) progress(0.8 * f);
      },
      cancel);
  if (!prepared.ok()) return prepared.error();
  const ModelRecord& record = prepared->record;
  const PreparedData& data = prepared->data;
  ModelRegistry registry(project);
  Result<std::unique_ptr<Classifier>> model = registry.load(modelId);
  if (!model.ok()) return model.error();
  if (cancelled(cancel)) return Error(kCancelledMessage);

  Evaluation ev;
  ev.record = record;
  ev.classNames = record.classNames;
  const SplitMatrix& split = evaluationSplit(data);
  ev.truth = split.y;
  ev.sampleIds = split.sampleIds;
  ev.predicted = (*model)->predictBatch(split.X);
  Result<Metrics> metrics = computeMetrics(ev.truth, ev.predicted, data.numClasses());
  if (!metrics.ok()) return metrics.error().wrap(ctx);
  ev.metrics = metrics.value();
  if (progress) progress(0.85);
  if (cancelled(cancel)) return Error(kCancelledMessage);
  ev.latency = measureLatency(**model, split.X, latencySeconds);
  if (progress) progress(1.0);
  return ev;
}

Result<ModelRecord> importTorchScriptModel(store::Project& project, const ImportRequest& request,
                                           const TrainProgressFn& progress,
                                           const std::atomic<bool>* cancel) {
  const std::string ctx = "importing " + request.file;
  auto report = [&](double f, const std::string& msg) {
    if (progress) progress(f, msg, nullptr);
  };
  report(0.0, "preparing data");
  Result<PreparedData> data = prepareData(
      project, request.datasetName, request.prepare,
      [&](double f) { report(0.5 * f, "preparing data"); }, cancel);
  if (!data.ok()) {
    if (data.error().message == kCancelledMessage) return data.error();
    return data.error().wrap(ctx);
  }
  report(0.5, "loading the TorchScript module");
  // A module may take rows shaped like the samples ({C, H, W}) or flat rows ({D}): modules
  // exported from an Edgewise mlp take flat rows whatever the dataset's shape.
  Result<std::unique_ptr<Classifier>> model =
      importTorchScript(request.file, data->numClasses(), data->inputShape);
  if (!model.ok() && data->inputShape.size() > 1) {
    Result<std::unique_ptr<Classifier>> flat =
        importTorchScript(request.file, data->numClasses(), {data->dims()});
    if (flat.ok()) model = std::move(flat);
  }
  if (!model.ok()) return model.error().wrap(ctx);
  if (cancelled(cancel)) return Error(kCancelledMessage);

  ModelRecord record;
  record.family = (*model)->id();
  record.origin = "imported";
  record.name = request.name.empty()
                    ? QFileInfo(QString::fromStdString(request.file)).fileName().toStdString()
                    : request.name;
  fillLineage(record, *data);
  record.hyperParams = (*model)->hyperParams();
  record.hyperParams["source_file"] = request.file;
  record.parameterCount = (*model)->parameterCount();

  report(0.6, "evaluating on the test split");
  const SplitMatrix& eval = evaluationSplit(*data);
  Result<Metrics> metrics =
      computeMetrics(eval.y, (*model)->predictBatch(eval.X), data->numClasses());
  if (!metrics.ok()) return metrics.error().wrap(ctx);
  record.metrics = metrics.value();
  if (cancelled(cancel)) return Error(kCancelledMessage);
  report(0.8, "measuring latency");
  const LatencyStats latency = measureLatency(**model, eval.X, 0.5);
  record.latencyP50Us = latency.p50Us;
  record.latencyP99Us = latency.p99Us;
  if (cancelled(cancel)) return Error(kCancelledMessage);
  report(0.95, "saving");
  Result<ModelRecord> stored = storeModel(project, **model, record);
  if (!stored.ok()) return stored.error().wrap(ctx);
  report(1.0, "done");
  return stored;
}

Result<void> exportModel(store::Project& project, int64_t modelId, const std::string& format,
                         const std::string& path) {
  ModelRegistry registry(project);
  if (format == "native") return registry.exportFile(modelId, path);
  if (format == "torchscript") {
    Result<std::unique_ptr<Classifier>> model = registry.load(modelId);
    if (!model.ok()) return model.error();
    if (!isEpochFamily((*model)->id()))
      return Error("only torch families (mlp, cnn1d, cnn2d) export to TorchScript; model " +
                   std::to_string(modelId) + " is " + (*model)->id() + "; use --format native");
    return exportTorchScript(**model, path);
  }
  if (format == "c99") {
    // A folder of C99 sources (weights, inference, the feature code) for a microcontroller.
    const std::string ctx = "exporting model " + std::to_string(modelId) + " to C99";
    Result<ModelRecord> record = registry.get(modelId);
    if (!record.ok()) return record.error();
    Result<std::unique_ptr<Classifier>> model = registry.load(modelId);
    if (!model.ok()) return model.error();
    Result<NetDescription> net = describeNet(**model);
    if (!net.ok()) return net.error().wrap(ctx);
    dataset::DatasetRepository datasets(project);
    Result<dataset::DatasetInfo> info = record->datasetId
                                            ? datasets.get(*record->datasetId)
                                            : datasets.findByName(record->datasetName);
    if (!info.ok())
      return Error(
          "the model's dataset is gone; its kind and shape are needed for the feature "
          "code",
          ctx);
    if (!QDir().mkpath(QString::fromStdString(path)))
      return Error("cannot create the folder " + path, ctx);
    Result<std::vector<std::string>> files = exportC99For(*net, *info, record->features, path);
    if (!files.ok()) return files.error().wrap(ctx);
    return {};
  }
  return Error("unknown export format '" + format + "'; use native, torchscript or c99");
}

}  // namespace edgewise::training
