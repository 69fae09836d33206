#pragma once
// The local latency benchmark of one stored model (any variant), for `edgewise-cli audit
// latency`, the Audit pane and its report: what a device would see serving it one sample at
// a time. Init (loading the model file as a device does), the first inference on a cold
// model, a warm-up, then timed single-sample predictions over the model's own evaluation rows
// for at least `seconds` and `minRuns` runs (timePredictions / latencyStatsOf, the loop the
// training and compression services measure with), and the peak RSS of a separate process
// serving the model plus its size and accuracy (measureModel, as the Compression pane shows
// them). Runs on the caller's thread (a worker) with a Project connection for that thread.

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/training/service/train_service.h"
#include "core/util/result.h"

namespace edgewise::store {
class Project;
}

namespace edgewise::training {

struct LatencyBenchmarkOptions {
  double seconds = 1.0;    // timed phase: at least this long ...
  int minRuns = 50;        // ... and at least this many runs
  int warmupRuns = 10;     // after the first inference, untimed in the statistics
  bool measureRss = true;  // run the peak-RSS probe (a child edgewise-cli process)
};

struct LatencyBenchmark {
  int64_t modelId = 0;
  std::string name;
  std::string family;
  std::string datasetName;
  int64_t sizeBytes = 0;
  double accuracy = 0.0;  // on the evaluation rows (test split, else val / train)
  int rows = 0;           // evaluation rows cycled through
  double initMs = 0.0;    // loadClassifier() of the model file: read, deserialise, allocate
  double firstInferenceUs = 0.0;
  int warmupRuns = 0;
  double warmupMeanUs = 0.0;
  LatencyStats latency;            // the timed runs (runs >= minRuns, >= seconds)
  double measuredSeconds = 0.0;    // wall time of the timed phase
  std::vector<double> samplesUs;   // every timed run, in run order (histograms)
  int64_t peakRssBytes = 0;        // 0 when not measured (see notes)
  std::vector<std::string> notes;  // e.g. why peak RSS is missing
};

using LatencyProgressFn = std::function<void(double fraction, const std::string& message)>;

// Errors: unknown model, a model whose dataset version is gone or changed, a corrupt model
// file; Error(kCancelledMessage) when cancel became true.
Result<LatencyBenchmark> benchmarkLatency(store::Project& project, int64_t modelId,
                                          const LatencyBenchmarkOptions& options = {},
                                          const LatencyProgressFn& progress = {},
                                          const std::atomic<bool>* cancel = nullptr);

// The benchmark as JSON (samples left out unless withSamples): model_id, name, family,
// init_ms, first_inference_us, warmup_runs, warmup_mean_us, latency_us {p50, p90, p99, max,
// mean, std, cv, runs}, runs, seconds, peak_rss_bytes, size_bytes, accuracy, notes.
std::string latencyBenchmarkToJson(const LatencyBenchmark& benchmark, bool withSamples = false);

}  // namespace edgewise::training
