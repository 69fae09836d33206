// edgewise-cli audit latency: the local latency benchmark of a stored model or variant
// (core/training/service/latency_benchmark.h): init, first inference, warm-up, percentiles of
// single-sample predictions, mean +- std, coefficient of variation and peak RSS. With --fleet:
// the fleet's latency from the agents' heartbeats (telemetry table, core/audit/fleet_latency.h):
// per-device percentiles, stage breakdown and version regressions.

#include <nlohmann/json.hpp>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/service_util.h"
#include "core/audit/fleet_latency.h"
#include "core/store/project.h"
#include "core/training/service/latency_benchmark.h"

namespace edgewise::cli {

using namespace Qt::StringLiterals;

namespace {

void printBenchmark(const training::LatencyBenchmark& b) {
  const training::LatencyStats& l = b.latency;
  printOut(
      u"model %1 \"%2\" (%3) on %4: %5 evaluation rows, %6 bytes, accuracy %7\n"_s.arg(b.modelId)
          .arg(qs(b.name), qs(b.family), qs(b.datasetName))
          .arg(b.rows)
          .arg(b.sizeBytes)
          .arg(b.accuracy, 0, 'f', 4));
  printOut(u"init (load) %1 ms, first inference %2 us, warm-up %3 runs of %4 us\n"_s
               .arg(b.initMs, 0, 'f', 3)
               .arg(b.firstInferenceUs, 0, 'f', 1)
               .arg(b.warmupRuns)
               .arg(b.warmupMeanUs, 0, 'f', 1));
  printOut(u"%1 runs in %2 s: p50 %3 us, p90 %4 us, p99 %5 us, max %6 us\n"_s.arg(l.runs)
               .arg(b.measuredSeconds, 0, 'f', 2)
               .arg(l.p50Us, 0, 'f', 1)
               .arg(l.p90Us, 0, 'f', 1)
               .arg(l.p99Us, 0, 'f', 1)
               .arg(l.maxUs, 0, 'f', 1));
  printOut(u"mean %1 +- %2 us, cv %3\n"_s.arg(l.meanUs, 0, 'f', 1)
               .arg(l.stdUs, 0, 'f', 1)
               .arg(l.cv, 0, 'f', 3));
  printOut(b.peakRssBytes > 0
               ? u"peak RSS %1 MiB\n"_s.arg(double(b.peakRssBytes) / (1 << 20), 0, 'f', 1)
               : u"peak RSS not measured\n"_s);
  for (const std::string& n : b.notes) printOut(u"  note: "_s + qs(n) + u"\n"_s);
}

using json = nlohmann::json;

json fleetJson(const audit::FleetLatency& f) {
  json devices = json::array();
  for (const audit::DeviceLatency& d : f.devices) {
    json stages = json::object();
    for (const auto& [stage, us] : d.stagesUs) stages[stage] = us;
    devices.push_back({{"device", d.device},
                       {"model_sha256", d.modelSha256},
                       {"heartbeats", d.heartbeats},
                       {"p50_us", d.p50Us},
                       {"p99_us", d.p99Us},
                       {"p99_max_us", d.p99MaxUs},
                       {"cpu_pct", d.cpuPct},
                       {"stages_us", stages},
                       {"first_us", d.firstUs},
                       {"last_us", d.lastUs}});
  }
  json changes = json::array();
  json regressions = json::array();
  for (const audit::LatencyRegression& c : f.versionChanges) {
    json j{{"device", c.device},
           {"before_sha256", c.beforeSha256},
           {"after_sha256", c.afterSha256},
           {"switched_us", c.switchedUs},
           {"before_heartbeats", c.beforeHeartbeats},
           {"after_heartbeats", c.afterHeartbeats},
           {"before_p50_us", c.beforeP50Us},
           {"after_p50_us", c.afterP50Us},
           {"ratio", c.ratio},
           {"mann_whitney_u", c.uStatistic},
           {"p_value", c.pValue},
           {"regression", c.regression}};
    changes.push_back(j);
    if (c.regression) regressions.push_back(j);
  }
  return {{"devices", devices},
          {"version_changes", changes},
          {"regressions", regressions},
          {"rule",
           {{"heartbeats", f.rule.heartbeats},
            {"min_heartbeats", f.rule.minHeartbeats},
            {"min_increase", f.rule.minIncrease},
            {"alpha", f.rule.alpha},
            {"test", "mann_whitney_greater_asymptotic"}}}};
}

void printFleet(const audit::FleetLatency& f) {
  printOut(u"%1 devices (median over heartbeats of the current model version)\n"_s.arg(
      f.devices.size()));
  for (const audit::DeviceLatency& d : f.devices) {
    QString stages;
    for (const std::string& s : audit::latencyStages()) {
      auto it = d.stagesUs.find(s);
      if (it != d.stagesUs.end()) stages += u" %1 %2"_s.arg(qs(s)).arg(it->second, 0, 'f', 0);
    }
    printOut(u"  %1  model %2  %3 heartbeats  p50 %4 us  p99 %5 us (worst %6)  stages:%7\n"_s
                 .arg(qs(d.device), qs(d.modelSha256.substr(0, 12)))
                 .arg(d.heartbeats)
                 .arg(d.p50Us, 0, 'f', 1)
                 .arg(d.p99Us, 0, 'f', 1)
                 .arg(d.p99MaxUs, 0, 'f', 1)
                 .arg(stages));
  }
  for (const audit::LatencyRegression& c : f.versionChanges)
    printOut(
        u"  %1: %2 -> %3: p50 %4 -> %5 us (x%6, Mann-Whitney p %7)%8\n"_s
            .arg(qs(c.device), qs(c.beforeSha256.substr(0, 12)), qs(c.afterSha256.substr(0, 12)))
            .arg(c.beforeP50Us, 0, 'f', 1)
            .arg(c.afterP50Us, 0, 'f', 1)
            .arg(c.ratio, 0, 'f', 3)
            .arg(c.pValue, 0, 'g', 3)
            .arg(c.regression ? u"  REGRESSION"_s : QString()));
}

}  // namespace

int runAuditLatency(const QStringList& args) {
  CommandLine cl(u"audit latency"_s,
                 u"Local latency benchmark of a stored model or variant: init (loading the "
                 "model file), first inference, warm-up, then single-sample predictions over "
                 "the model's evaluation rows for at least --seconds and 50 runs: p50 / p90 / "
                 "p99 / max, mean +- std, coefficient of variation; peak RSS of a process "
                 "serving the model. See docs/audit_pane.md."_s);
  cl.addOption({u"project"_s, u"Project file."_s, u"FILE"_s});
  cl.addOption({u"model"_s, u"Model id (any variant)."_s, u"ID"_s});
  cl.addOption({u"seconds"_s, u"Timed phase, at least (1; minimum 1)."_s, u"S"_s});
  cl.addOption({u"runs"_s, u"Timed runs, at least (50; minimum 50)."_s, u"N"_s});
  cl.addOption({u"no-rss"_s, u"Skip the peak-RSS probe."_s});
  cl.addOption({u"samples"_s, u"Add every timed run to the JSON (samples_us)."_s});
  cl.addOption({u"quiet"_s, u"No progress lines on stderr."_s});
  cl.addOption({u"fleet"_s,
                u"Fleet latency from the agents' heartbeats (telemetry table) instead: per-device "
                "p50 / p99, stage breakdown, regressions of a new model version (median p50 "
                "+10 % and one-sided Mann-Whitney p < 0.01 over 20 heartbeats per side)."_s});
  cl.addOption({u"device"_s, u"With --fleet: only this device."_s, u"ID"_s});
  cl.addOption({u"json"_s, u"Print JSON."_s});
  if (auto exit = cl.parse(args)) return *exit;
  if (cl.value(u"project"_s).isEmpty()) return cl.usageError(u"--project FILE is required"_s);
  if (cl.isSet(u"fleet"_s)) {
    auto project =
        store::Project::open(cl.value(u"project"_s).toStdString(), store::OpenMode::OpenExisting);
    if (!project.ok()) return cl.failure(qs(project.error().toString()));
    auto rows = audit::loadTelemetry((*project)->handle(), cl.value(u"device"_s).toStdString());
    if (!rows.ok()) return cl.failure(qs(rows.error().toString()));
    const audit::FleetLatency fleet = audit::analyzeFleetLatency(*rows);
    if (cl.isSet(u"json"_s)) {
      printOut(qs(fleetJson(fleet).dump(2)) + u"\n"_s);
    } else {
      printFleet(fleet);
    }
    return kExitOk;
  }
  auto id = cl.intValue(u"model"_s, -1, 1, INT64_MAX);
  if (!id.ok()) return cl.usageError(qs(id.error().toString()));
  if (*id < 0) return cl.usageError(u"--model ID is required"_s);
  auto seconds = cl.doubleValue(u"seconds"_s, 1.0, 1.0, 3600.0);
  if (!seconds.ok()) return cl.usageError(qs(seconds.error().toString()));
  auto runs = cl.intValue(u"runs"_s, 50, 50, 2000000);
  if (!runs.ok()) return cl.usageError(qs(runs.error().toString()));

  training::LatencyBenchmarkOptions options;
  options.seconds = *seconds;
  options.minRuns = static_cast<int>(*runs);
  options.measureRss = !cl.isSet(u"no-rss"_s);
  auto project =
      store::Project::open(cl.value(u"project"_s).toStdString(), store::OpenMode::OpenExisting);
  if (!project.ok()) return cl.failure(qs(project.error().toString()));
  CancelWatch watch;
  const training::TrainProgressFn lines = stderrProgress(cl.isSet(u"quiet"_s));
  training::LatencyProgressFn progress;
  if (lines) progress = [&](double f, const std::string& m) { lines(f, m, nullptr); };
  auto b = training::benchmarkLatency(**project, *id, options, progress, watch.flag());
  if (!b.ok()) {
    if (b.error().message == training::kCancelledMessage) return cl.failure(u"cancelled"_s);
    return cl.failure(qs(b.error().toString()));
  }
  if (cl.isSet(u"json"_s)) {
    printOut(qs(training::latencyBenchmarkToJson(*b, cl.isSet(u"samples"_s))) + u"\n"_s);
    return kExitOk;
  }
  printBenchmark(*b);
  return kExitOk;
}

}  // namespace edgewise::cli
