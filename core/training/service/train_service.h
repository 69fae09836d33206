#pragma once
// The training pipeline as one call, for the Training pane and the CLI: prepare the data,
// create the model, train it with validation data, measure test metrics and latency, and
// store model + lineage in the registry. Runs on the caller's thread (a worker): pass it a
// Project connection opened for that thread.

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/training/classifier.h"
#include "core/training/metrics.h"
#include "core/training/service/data_prep.h"
#include "core/training/service/feedback_samples.h"
#include "core/training/service/model_registry.h"
#include "core/util/result.h"

namespace edgewise::store {
class Project;
}

namespace edgewise::training {

struct TrainRequest {
  std::string datasetName;
  std::string family;  // one of modelFamilies()
  HyperParams params;  // overrides of defaultHyperParams(family)
  uint64_t seed = 42;
  PrepareOptions prepare;
  std::string name;             // empty: "<family> on <dataset>"
  double latencySeconds = 1.0;  // measureLatency's minSeconds on the test split
  // Append the project's corrective feedback rows to the train split (feedback_samples.h);
  // rows of other dims or unknown classes are skipped with a warning (progress message
  // "warning: ..." and feedbackReport).
  bool includeFeedback = false;
  FeedbackMerge* feedbackReport = nullptr;  // filled when includeFeedback
  // Filled with where the labels came from (data_prep.h); when any came from annotators or
  // samples were left out, a progress message says so ("labels: ...", "warning: ...").
  LabelSources* labelReport = nullptr;
};

// fraction in 0..1 over the whole pipeline; message says which step ("preparing data",
// "training", "epoch 3/20", "measuring latency", "saving"); epoch is non-null only for a
// finished epoch of an epoch family (live loss/accuracy curves). Called on the calling thread.
using TrainProgressFn =
    std::function<void(double fraction, const std::string& message, const TrainProgress* epoch)>;

// Runs the whole pipeline and returns the stored record. When cancel becomes true at any
// step the result is Error("cancelled") and nothing is stored.
Result<ModelRecord> trainAndRegister(store::Project& project, const TrainRequest& request,
                                     const TrainProgressFn& progress = {},
                                     const std::atomic<bool>* cancel = nullptr);

// Single-sample predict() latency over the rows of X (cycled), after a warm-up: runs until
// both minSeconds have passed and minRuns predictions were made. An empty X gives runs = 0.
struct LatencyStats {
  double p50Us = 0.0;
  double p90Us = 0.0;
  double p99Us = 0.0;
  double maxUs = 0.0;
  double meanUs = 0.0;
  double stdUs = 0.0;
  double cv = 0.0;  // stdUs / meanUs: how noisy the measurement was
  int runs = 0;
};
LatencyStats measureLatency(const Classifier& classifier, const cv::Mat& X, double minSeconds = 1.0,
                            int minRuns = 50);
// The timed loop of measureLatency without its warm-up: one single-sample predict() time per
// run (microseconds, in run order), until both minSeconds and minRuns are reached. Empty when
// cancelled or X is empty. progress (0..1) is called now and then from the loop.
std::vector<double> timePredictions(const Classifier& classifier, const cv::Mat& X,
                                    double minSeconds, int minRuns,
                                    const std::atomic<bool>* cancel = nullptr,
                                    const std::function<void(double)>& progress = {});
// Percentiles (util::percentile), max, mean, population std and cv of such timings.
LatencyStats latencyStatsOf(const std::vector<double>& samplesUs);

// A stored model's record and its own dataset version prepared as it was trained (split seed
// and fractions, features). Errors (wrapped in context): unknown model, no dataset version, a
// dataset whose features or classes changed since; Error(kCancelledMessage) when cancelled.
struct ModelData {
  ModelRecord record;
  PreparedData data;
};
Result<ModelData> prepareModelData(store::Project& project, int64_t modelId,
                                   const std::string& context,
                                   const std::function<void(double)>& progress = {},
                                   const std::atomic<bool>* cancel = nullptr);

// A stored model evaluated again on the test split of its own dataset version and features.
struct Evaluation {
  ModelRecord record;
  Metrics metrics;
  LatencyStats latency;
  std::vector<int> truth;          // test labels
  std::vector<int> predicted;      // test predictions (-1: no prediction)
  std::vector<int64_t> sampleIds;  // test sample ids, same order (for loadSampleView)
  std::vector<std::string> classNames;
};

// Fails when the dataset (version) of the model is gone or its features no longer fit.
Result<Evaluation> evaluateModel(store::Project& project, int64_t modelId,
                                 const std::function<void(double)>& progress = {},
                                 const std::atomic<bool>* cancel = nullptr,
                                 double latencySeconds = 1.0);

// Imports a TorchScript file (exported by Edgewise or by PyTorch, taking rows shaped like
// the prepared data's inputShape) as an "imported" model evaluated on the test split of
// datasetName prepared with options.
struct ImportRequest {
  std::string file;
  std::string datasetName;
  PrepareOptions prepare;
  std::string name;  // empty: the file's base name
};
Result<ModelRecord> importTorchScriptModel(store::Project& project, const ImportRequest& request,
                                           const TrainProgressFn& progress = {},
                                           const std::atomic<bool>* cancel = nullptr);

// Exports a stored model: "native" (the model file as stored) or "torchscript" (torch
// families only).
Result<void> exportModel(store::Project& project, int64_t modelId, const std::string& format,
                         const std::string& path);

}  // namespace edgewise::training
