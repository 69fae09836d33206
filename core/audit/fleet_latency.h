#pragma once
// Fleet latency from the agents' heartbeats (`telemetry` table, docs/mqtt_conventions.md):
// per-device percentiles over time, the end-to-end stage breakdown, and the regression alarm
// when a device's new model version is slower than its previous one.
//
// Regression rule (per device, at every change of model_sha256 between two non-empty values):
// - before: the last `heartbeats` heartbeats of the previous version, after: the first
//   `heartbeats` of the new one (heartbeats with n == 0 / p50 <= 0 are skipped);
// - both sides need at least `minHeartbeats`;
// - ratio = median(p50 after) / median(p50 before);
// - regression when ratio > 1 + minIncrease (10 %) AND the increase is outside the
//   heartbeat-to-heartbeat noise: the one-sided Mann-Whitney U test (after > before; normal
//   approximation with tie and continuity correction, as scipy.stats.mannwhitneyu(method=
//   "asymptotic")) gives p < alpha (0.01).
// A 10 % slower median from two noisy samples is not enough, nor is a significant 2 %.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/util/result.h"

struct sqlite3;

namespace edgewise::audit {

struct TelemetryRow {
  std::string device;
  int64_t tsUs = 0;
  std::string modelSha256;
  double cpuPct = 0.0;
  double latencyP50Us = 0.0;
  double latencyP99Us = 0.0;
  double predictionsPerS = 0.0;
  std::map<std::string, double> stagesUs;  // decode, features, inference, publish (p50)
};

// Rows of `telemetry`, by device then time; device empty: every device; sinceUs: ts_us >= it.
Result<std::vector<TelemetryRow>> loadTelemetry(sqlite3* db, const std::string& device = {},
                                                int64_t sinceUs = 0);

struct LatencyRegressionRule {
  size_t heartbeats = 20;     // per side
  size_t minHeartbeats = 5;   // per side
  double minIncrease = 0.10;  // of the median p50
  double alpha = 0.01;        // one-sided Mann-Whitney U
};

struct LatencyRegression {
  std::string device;
  std::string beforeSha256, afterSha256;
  int64_t switchedUs = 0;  // first heartbeat of the new version
  size_t beforeHeartbeats = 0, afterHeartbeats = 0;
  double beforeP50Us = 0.0, afterP50Us = 0.0;  // medians of the heartbeats' p50
  double ratio = 1.0;
  double uStatistic = 0.0;  // U of the "after" sample
  double pValue = 1.0;      // one-sided, after > before
  bool regression = false;
};

struct DeviceLatency {
  std::string device;
  std::string modelSha256;                 // the latest heartbeat's
  size_t heartbeats = 0;                   // of that version with a measured latency
  double p50Us = 0.0;                      // median over those heartbeats of their p50
  double p99Us = 0.0;                      // median of their p99
  double p99MaxUs = 0.0;                   // the worst heartbeat p99
  double cpuPct = 0.0;                     // median
  std::map<std::string, double> stagesUs;  // median per stage
  int64_t firstUs = 0, lastUs = 0;
};

struct FleetLatency {
  std::vector<DeviceLatency> devices;             // by device id
  std::vector<LatencyRegression> versionChanges;  // every change examined, regression or not
  LatencyRegressionRule rule;

  std::vector<const LatencyRegression*> regressions() const;
};

// The stage names in path order.
const std::vector<std::string>& latencyStages();

FleetLatency analyzeFleetLatency(const std::vector<TelemetryRow>& rows,
                                 const LatencyRegressionRule& rule = {});

// One-sided Mann-Whitney U test that `b` tends to be larger than `a`: U of b and the p-value
// of scipy.stats.mannwhitneyu(b, a, alternative="greater", method="asymptotic").
struct MannWhitney {
  double u = 0.0;
  double pValue = 1.0;
};
MannWhitney mannWhitneyGreater(const std::vector<double>& b, const std::vector<double>& a);

}  // namespace edgewise::audit
