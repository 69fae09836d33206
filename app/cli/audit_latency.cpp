// edgewise-cli audit latency: the local latency benchmark of a stored model or variant
// (core/training/service/latency_benchmark.h): init, first inference, warm-up, percentiles of
// single-sample predictions, mean +- std, coefficient of variation and peak RSS.

#include <nlohmann/json.hpp>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/service_util.h"
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
  cl.addOption({u"json"_s, u"Print JSON."_s});
  if (auto exit = cl.parse(args)) return *exit;
  if (cl.value(u"project"_s).isEmpty()) return cl.usageError(u"--project FILE is required"_s);
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
