#pragma once
// The Audit pane's data without widgets: a drift analysis of a live CSV against a reference
// CSV (the whole live file scored by a DriftMonitor, then consecutive windows of it for the
// timeline), the histograms shown for a feature, and what the one-page report is made of.
// Pure functions on core results; unit-tested through the pane test.

#include <QString>
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "core/audit/drift_monitor.h"
#include "core/audit/feature_table.h"
#include "core/audit/fleet_latency.h"
#include "core/audit/live_drift_watcher.h"
#include "core/robustness/robustness_audit.h"
#include "core/training/service/latency_benchmark.h"
#include "core/training/service/model_registry.h"
#include "core/util/result.h"

namespace edgewise::gui {

// One window of the drift timeline: rows [start, start + rows) of the live table.
struct DriftWindow {
  size_t start = 0;
  size_t rows = 0;
  // -log10 of the smallest Benjamini-Hochberg adjusted KS p-value across features: above
  // -log10(alpha) exactly when the window raised an alarm.
  double score = 0.0;
  std::vector<double> featureScores;  // -log10(adjusted p) per reference feature
  bool alarm = false;
};

struct DriftAnalysis {
  QString referencePath, livePath;
  audit::FeatureTable reference, live;
  audit::DriftReport report;  // the whole live file
  size_t windowRows = 0;
  std::vector<DriftWindow> timeline;
};

struct DriftAnalysisOptions {
  audit::DriftOptions drift;  // alpha, PSI bins, MMD of the whole file
  size_t windowRows = 0;      // timeline windows; 0 = auto (live rows / 10, at least 50)
};

// Reads both CSV files (errors name file, line and column) and scores them. progress 0..1;
// Error("cancelled") when cancel turns true between windows.
Result<DriftAnalysis> analyzeDrift(const QString& referencePath, const QString& livePath,
                                   const DriftAnalysisOptions& options,
                                   const std::function<void(double)>& progress = {},
                                   const std::atomic<bool>* cancel = nullptr);
// The same on tables already in memory.
Result<DriftAnalysis> analyzeDrift(const audit::FeatureTable& reference,
                                   const audit::FeatureTable& live,
                                   const DriftAnalysisOptions& options,
                                   const std::function<void(double)>& progress = {},
                                   const std::atomic<bool>* cancel = nullptr);

// Column `column` of a table.
std::vector<double> columnOf(const audit::FeatureTable& table, size_t column);

// Two samples on common bins (bins over both samples' range), as densities (each side sums to
// 1 / width, so samples of different sizes compare).
struct PairedHistogram {
  double lo = 0.0;
  double width = 1.0;
  std::vector<double> a, b;
};
PairedHistogram pairedHistogram(const std::vector<double>& a, const std::vector<double>& b,
                                int bins);

// -log10(p), capped so a p-value of 0 plots.
double pScore(double p);

// The fleet's heartbeats and what the fleet latency analysis made of them.
struct FleetLatencyData {
  std::vector<audit::TelemetryRow> rows;
  audit::FleetLatency analysis;
};

// The live drift of one device as the report shows it.
struct LiveDriftData {
  QString device;
  DriftAnalysis analysis;  // liveDriftAnalysis() of the device
  std::vector<audit::LiveAlarm> alarms;
  uint64_t predictions = 0;
};

// What the report is made of: the model version and the latest results of each audit (any
// may be missing; robustness and latency are only taken when they are of this model).
struct AuditReportData {
  training::ModelRecord model;
  std::optional<DriftAnalysis> drift;
  std::optional<robustness::RobustnessReport> robustness;
  std::optional<training::LatencyBenchmark> latency;
  std::optional<FleetLatencyData> fleetLatency;
  std::vector<LiveDriftData> liveDrift;  // devices of the live view, alarmed ones first
  QString generatedAt;                   // ISO date-time; empty: now
};

}  // namespace edgewise::gui
