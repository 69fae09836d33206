#pragma once
// LiveDriftWatcher: per-device drift of what a fleet's models see, live.
//
// Subscribes to `<prefix>/+/predictions` (docs/mqtt_conventions.md: one message per window a
// device's model classified, with the model's input vector `features`, `confidence` and
// `model_sha256`), collects each device's feature vectors into consecutive windows of
// `windowRows` messages and scores every full window against the reference of the model the
// device runs (the training split's input features) with a DriftMonitor: KS with
// Benjamini-Hochberg across features (the decision), PSI and Wasserstein reported. The
// confidence stream of each device also feeds Page-Hinkley (a drop) and ADWIN. Every drifted
// feature of a window, and every confidence detection, becomes a row of `drift_alarms` in the
// project (when a project path is given).
//
// Threading (ARCHITECTURE section 4): the Paho callback only moves the payload into a queue
// under a short lock. One worker thread parses, scores and writes alarms through its own
// project connection (one transaction per batch of alarms). Readers (the GUI on a timer, the
// CLI, tests) take a copy with snapshot(); nothing calls back into them. The destructor
// stops and joins the worker and disconnects.

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/audit/drift_monitor.h"
#include "core/audit/feature_table.h"
#include "core/util/result.h"

namespace edgewise::store {
class Project;
}

namespace edgewise::audit {

// A sensible LiveDriftOptions::baselineRows when the own-baseline mode is picked (the demo and
// the agents' end-to-end test use it): enough predictions for a per-class reference of a few
// classes, short enough to be ready a minute after a model is installed.
inline constexpr size_t kSuggestedBaselineRows = 120;

struct LiveDriftOptions {
  std::string brokerUrl;  // tcp://host:port; empty: no MQTT (post() only)
  std::string topicPrefix = "edgewise";
  std::string clientId;     // empty: "edgewise-drift-<pid>-<counter>"
  size_t windowRows = 200;  // predictions per scored window (consecutive)
  DriftOptions drift = [] {
    DriftOptions d;
    d.multivariate = false;  // O(N^2) per permutation: too costly per window for a fleet
    return d;
  }();
  bool confidenceDetectors = true;  // Page-Hinkley (decrease) and ADWIN on confidence
  // With reference labels: compare each predicted class's live rows with the reference rows of
  // that class (KS per class and feature, Benjamini-Hochberg across all of them), so a device
  // that happens to do one activity for a while does not look drifted; a new activity mix is a
  // change of the predicted classes, not of the features. Classes with fewer than
  // minClassRows live rows in a window are left out of it.
  bool classConditional = true;
  size_t minClassRows = 8;
  // Significant is not enough: a feature drifts when its adjusted p <= alpha AND its
  // Wasserstein-1 distance is at least minEffect standard deviations of the feature in the
  // whole reference. Each simulated wearer has its own sensor offsets (0.06 m/s^2), invisible
  // in most classes but many standard deviations of a resting class; without an effect size
  // every device alarmed on its own calibration. 0 = significance alone.
  double minEffect = 0.25;
  // Per-device baseline mode (0 = off, the default). > 0: after a device's model changes (and
  // for its first predictions), its first baselineRows predictions are not scored but become
  // the device's own reference (per predicted class when classConditional); later windows are
  // compared with that. It answers "did this device change since the model was installed"
  // (a sensor fault, a remounted device) and is blind to a difference the device already had
  // at install. The default, the training features of the model, answers "does the model
  // still see what it was trained on"; a single device always differs from a population of
  // wearers and mountings somewhat (docs/audit_drift.md, "Population or own baseline").
  size_t baselineRows = 0;
  std::string projectPath;   // where drift_alarms go; empty: kept in memory only
  size_t keepWindows = 120;  // scored windows kept per device for the timeline
  size_t keepAlarms = 500;   // alarms kept per device in the snapshot
  size_t keepRows = 2000;    // latest feature rows kept per device (histograms, labeling)
};

// The reference of one model version: its training features, in the order of the model's
// input vector (live vectors are matched by position; names come from the reference, or from
// the agents' `feature_names` when the reference has none).
struct LiveReference {
  std::optional<int64_t> modelId;
  std::string modelSha256;  // empty: used for devices whose model has no reference of its own
  FeatureTable table;
  std::vector<int> labels;  // optional: the class of each reference row (the model's output index)
};

struct LiveAlarm {
  std::string device;
  std::optional<int64_t> modelId;
  std::string feature;  // feature name, or "confidence" for the streaming detectors
  std::string test;     // "ks", "page_hinkley", "adwin"
  double statistic = 0.0;
  double pValue = 1.0;  // BH-adjusted KS p-value; 1 for the streaming detectors
  int64_t windowStartUs = 0;
  int64_t windowEndUs = 0;
  int64_t createdUs = 0;
};

struct LiveWindowScore {
  int64_t startUs = 0;
  int64_t endUs = 0;
  size_t rows = 0;
  double score = 0.0;  // -log10 of the smallest adjusted p among features that moved enough
  std::vector<double> featureScores;  // -log10 adjusted p, per reference feature
  std::vector<double> ksStatistics;
  std::vector<double> psi;
  std::vector<std::string> driftedFeatures;
  double meanConfidence = 0.0;
  bool alarm = false;
};

struct LiveDeviceState {
  std::string device;
  std::string modelSha256;
  std::optional<int64_t> modelId;
  bool hasReference = false;
  std::vector<std::string> featureNames;  // reference order
  uint64_t messages = 0;
  uint64_t rejected = 0;  // not JSON, no features, wrong length
  std::string lastError;
  size_t pendingRows = 0;  // rows in the window being filled
  // Baseline mode: rows of the device's own baseline collected so far (baselineRows once
  // ready); windows are scored only when baselineReady.
  size_t baselineRows = 0;
  bool baselineReady = false;
  std::vector<LiveWindowScore> windows;   // oldest first, at most keepWindows
  std::vector<LiveAlarm> alarms;          // oldest first, at most keepAlarms
  std::optional<DriftReport> lastReport;  // of the latest window (feature names: the device's)
  // The latest rows (row-major, featureNames.size() columns) with their window timestamps.
  std::vector<double> recentRows;
  std::vector<int64_t> recentTsUs;
};

struct LiveDriftSnapshot {
  std::vector<LiveDeviceState> devices;  // by device id
  std::vector<std::string> referenceNames;
  uint64_t messages = 0;
  uint64_t rejected = 0;
  uint64_t windowsScored = 0;
  uint64_t alarms = 0;
  uint64_t alarmsWritten = 0;  // rows committed to drift_alarms
  bool connected = false;
  std::string lastError;
  double alpha = 0.05;
  size_t windowRows = 0;
};

class LiveDriftWatcher {
 public:
  explicit LiveDriftWatcher(LiveDriftOptions options);
  ~LiveDriftWatcher();
  LiveDriftWatcher(const LiveDriftWatcher&) = delete;
  LiveDriftWatcher& operator=(const LiveDriftWatcher&) = delete;

  // Adds (or replaces, by model_sha256) a reference; builds its DriftMonitor. Thread-safe.
  Result<void> addReference(const LiveReference& reference);

  // Starts the worker, then (with a broker URL) connects and subscribes; waits for the
  // subscription at most timeoutMs. Errors: broker unreachable, project cannot be opened.
  Result<void> start(int timeoutMs = 10000);
  // Stops the worker (the queue is drained first) and disconnects. Idempotent.
  void stop();

  // The path of a Paho message, for tests and benchmarks without a broker: queue a payload
  // as if it had arrived on `topic`.
  void post(std::string topic, std::string payload);
  // Waits until everything queued so far is processed (false on timeout).
  bool waitIdle(int timeoutMs) const;

  LiveDriftSnapshot snapshot() const;
  const LiveDriftOptions& options() const;
  // The reference rows of the model a device runs (sha as reported; falls back to the default
  // reference); nullptr when there is none.
  std::shared_ptr<const FeatureTable> referenceTable(const std::string& modelSha256) const;

  // Publishes a command (JSON text, docs/mqtt_conventions.md) to <prefix>/<device>/cmd at QoS 1
  // without waiting (safe on the GUI thread). Error when not connected.
  Result<void> publishCommand(const std::string& device, const std::string& payload);

  // CPU time the worker thread has used (parse, score, write), seconds.
  double workerCpuSeconds() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> d;
};

// The rows of a device's drifted windows (alarmed windows whose rows are still among its
// recent rows) saved as a recording of the project: one stream "drift/<device>" whose channels
// are the features, a sample per prediction at its window start. For a labeling task.
struct DriftedRecording {
  int64_t recordingId = 0;
  int64_t startUs = 0;
  int64_t endUs = 0;
  size_t rows = 0;
  size_t windows = 0;
};
Result<DriftedRecording> saveDriftedWindows(store::Project& project, const LiveDeviceState& device,
                                            int64_t createdUs);

// "edgewise/dev-1/predictions" -> "dev-1" (empty when the topic is not a predictions topic
// under the prefix).
std::string deviceOfPredictionsTopic(const std::string& topic, const std::string& prefix);

// -log10(p) capped at 300 so that p == 0 plots.
double negLog10(double p);

}  // namespace edgewise::audit
