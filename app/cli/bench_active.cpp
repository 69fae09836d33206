// edgewise-cli bench active-learning: simulates an annotator who answers with a dataset's true
// labels and compares the query strategies against random sampling (core/active/al_benchmark.h).
// Data: a project's dataset (--project, --dataset), or without a project one of the built-in
// benchmark datasets (digits, imu) imported into a temporary project, as bench train does.

#include <QTemporaryDir>

#include <algorithm>
#include <memory>
#include <thread>

#include <nlohmann/json.hpp>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/service_util.h"
#include "core/active/al_benchmark.h"
#include "core/dataset/data/importers.h"
#include "core/store/project.h"
#include "core/training/service/data_prep.h"

namespace edgewise::cli {

using namespace Qt::StringLiterals;
using nlohmann::json;

namespace {

Result<std::vector<active::Strategy>> strategiesOption(const QString& text) {
  std::vector<active::Strategy> out;
  for (const QString& part : text.split(u',', Qt::SkipEmptyParts)) {
    auto s = active::parseStrategy(part.trimmed().toStdString());
    if (!s.ok()) return s.error();
    if (std::find(out.begin(), out.end(), *s) == out.end()) out.push_back(*s);
  }
  if (out.empty()) return Error("--strategy takes a comma-separated list of strategies");
  return out;
}

QString number(const json& v, int decimals) {
  return v.is_number() ? QString::number(v.get<double>(), 'f', decimals) : u"-"_s;
}

QString humanResult(const json& j) {
  QString text = u"%1: pool %2, test %3, model %4; whole pool accuracy %5, target %6\n"_s
                     .arg(qs(j["dataset"].get<std::string>()))
                     .arg(j["pool_rows"].get<int>())
                     .arg(j["test_rows"].get<int>())
                     .arg(qs(j["model"].get<std::string>()))
                     .arg(number(j["full_pool_accuracy"], 4), number(j["target_accuracy"], 4));
  text += u"strategy          labels_to_target  vs random  final acc  seconds\n"_s;
  for (const json& s : j["strategies"]) {
    const json& l = s["labels_to_target"];
    text += u"%1 %2 %3 %4 %5\n"_s.arg(qs(s["strategy"].get<std::string>()), -17)
                .arg(l.is_number() ? QString::number(l.get<int>()) : u"-"_s, 16)
                .arg(number(s["labels_to_target_vs_random"], 3), 10)
                .arg(number(s["final_accuracy"], 4), 10)
                .arg(number(s["seconds"], 1), 8);
  }
  if (j.contains("round_timing")) {
    const json& t = j["round_timing"];
    text +=
        u"one round on %1 rows with %2 labels%3:\n"_s.arg(t["pool_rows"].get<int>())
            .arg(t["labels"].get<int>())
            .arg(t["pool_tiled_from_train_split"].get<bool>() ? u" (tiled from the train split)"_s
                                                              : QString());
    for (const json& r : t["rounds"]) {
      text += u"  %1 %2 s (train %3, score %4, select %5)%6\n"_s
                  .arg(qs(r["strategy"].get<std::string>()), -17)
                  .arg(number(r["round_seconds"], 3), number(r["train_seconds"], 3),
                       number(r["score_seconds"], 3), number(r["select_seconds"], 3))
                  .arg(r.contains("error") ? u" error: "_s + qs(r["error"].get<std::string>())
                                           : QString());
    }
  }
  text += u"summary: "_s + qs(j["summary"].dump()) + u"\n"_s;
  return text;
}

}  // namespace

int runBenchActiveLearning(const QStringList& args) {
  CommandLine cl(u"bench active-learning"_s,
                 u"Simulates an annotator with a dataset's true labels: the learning curve "
                 "(labels -> test accuracy, mean and std over seeds) of each query strategy "
                 "against random sampling, and labels_to_target, the labels at which the mean "
                 "accuracy first reaches the target fraction of the same model trained on the "
                 "whole pool. Pool = the train split, accuracy on the test split."_s);
  cl.addOption({u"project"_s, u"Project file (without it: a built-in dataset)."_s, u"FILE"_s});
  cl.addOption({u"dataset"_s,
                u"Dataset name in the project; without --project digits (default) or imu."_s,
                u"NAME"_s});
  cl.addOption({u"strategy"_s,
                u"random, least-confidence, margin, entropy, kcenter, hybrid, comma-separated "
                "(default: all; random always runs as the baseline)."_s,
                u"LIST"_s});
  cl.addOption({u"initial"_s, u"Random labels before the first query (20)."_s, u"N"_s});
  cl.addOption({u"batch"_s, u"Labels per round (10)."_s, u"B"_s});
  cl.addOption({u"budget"_s, u"Labels at the end of the curve, initial included (700)."_s, u"M"_s});
  cl.addOption({u"seeds"_s, u"Seeds (5): initial labels and model seed per run."_s, u"S"_s});
  cl.addOption({u"first-seed"_s, u"The first seed (42)."_s, u"SEED"_s});
  cl.addOption({u"model"_s, u"Model family (logreg)."_s, u"FAMILY"_s});
  cl.addOption({u"param"_s, u"A hyper-parameter of the model (repeatable)."_s, u"KEY=VALUE"_s});
  cl.addOption(
      {u"target-fraction"_s, u"Target = this x the whole-pool accuracy (0.95)."_s, u"F"_s});
  cl.addOption({u"hybrid-factor"_s, u"hybrid: candidates = factor x batch (2)."_s, u"K"_s});
  cl.addOption({u"hybrid-diversity"_s,
                u"hybrid: how the batch is spread over the candidates: cluster (k-means of their "
                "features, the most uncertain of each cluster), cluster-scores (k-means of their "
                "class scores) or kcenter (cluster)."_s,
                u"MODE"_s});
  cl.addOption({u"timing-pool"_s,
                u"Rows of the pool of the timed round (50000; tiled from the train split when "
                "smaller; 0 skips it)."_s,
                u"N"_s});
  cl.addOption({{u"digits"_s, u"file"_s},
                u"Without --project: digits.png (default: the source tree's tests/data)."_s,
                u"FILE"_s});
  cl.addOption({u"per-class"_s, u"Without --project, imu: windows per class (200)."_s, u"N"_s});
  cl.addOption({u"quiet"_s, u"No progress lines on stderr."_s});
  cl.addOption({u"json"_s, u"Print JSON."_s});
  addPrepareOptions(cl);
  if (auto exit = cl.parse(args)) return *exit;

  const bool fromProject = cl.isSet(u"project"_s);
  QString datasetName = cl.value(u"dataset"_s);
  if (fromProject) {
    if (cl.value(u"project"_s).isEmpty()) return cl.usageError(u"--project FILE is empty"_s);
    if (datasetName.isEmpty()) return cl.usageError(u"--dataset NAME is required with --project"_s);
    if (cl.isSet(u"digits"_s) || cl.isSet(u"per-class"_s))
      return cl.usageError(
          u"--digits/--file and --per-class are for the built-in datasets "
          "(without --project)"_s);
  } else {
    if (datasetName.isEmpty()) datasetName = u"digits"_s;
    if (datasetName != u"digits" && datasetName != u"imu")
      return cl.usageError(u"without --project, --dataset must be digits or imu"_s);
  }

  active::BenchmarkOptions o;
  if (cl.isSet(u"strategy"_s)) {
    auto strategies = strategiesOption(cl.value(u"strategy"_s));
    if (!strategies.ok()) return cl.usageError(qs(strategies.error().toString()));
    o.strategies = *strategies;
  }
  auto initial = cl.intValue(u"initial"_s, o.initial, 2, 10'000'000);
  auto batch = cl.intValue(u"batch"_s, o.batch, 1, 10'000'000);
  auto budget = cl.intValue(u"budget"_s, o.budget, 2, 10'000'000);
  auto seeds = cl.intValue(u"seeds"_s, o.seeds, 1, 1000);
  auto firstSeed = cl.intValue(u"first-seed"_s, 42, 0, INT64_MAX);
  auto factor = cl.intValue(u"hybrid-factor"_s, o.select.hybridFactor, 1, 100000);
  auto timingPool = cl.intValue(u"timing-pool"_s, o.timingPool, 0, 100'000'000);
  auto perClass = cl.intValue(u"per-class"_s, 200, 5, 100000);
  for (const auto* r :
       {&initial, &batch, &budget, &seeds, &firstSeed, &factor, &timingPool, &perClass})
    if (!r->ok()) return cl.usageError(qs(r->error().toString()));
  auto fraction = cl.doubleValue(u"target-fraction"_s, o.targetFraction, 0.01, 1.0);
  if (!fraction.ok()) return cl.usageError(qs(fraction.error().toString()));
  if (*budget < *initial) return cl.usageError(u"--budget must be >= --initial"_s);
  auto params = keyValues(cl.values(u"param"_s), "param");
  if (!params.ok()) return cl.usageError(qs(params.error().toString()));
  auto prepare = prepareOptions(cl);
  if (!prepare.ok()) return cl.usageError(qs(prepare.error().toString()));
  o.initial = static_cast<int>(*initial);
  o.batch = static_cast<int>(*batch);
  o.budget = static_cast<int>(*budget);
  o.seeds = static_cast<int>(*seeds);
  o.firstSeed = static_cast<uint64_t>(*firstSeed);
  o.select.hybridFactor = static_cast<int>(*factor);
  if (cl.isSet(u"hybrid-diversity"_s)) {
    const QString mode = cl.value(u"hybrid-diversity"_s);
    if (mode == u"cluster")
      o.select.hybridDiversity = active::HybridDiversity::Cluster;
    else if (mode == u"cluster-scores")
      o.select.hybridDiversity = active::HybridDiversity::ClusterScores;
    else if (mode == u"kcenter")
      o.select.hybridDiversity = active::HybridDiversity::KCenter;
    else
      return cl.usageError(u"--hybrid-diversity must be cluster, cluster-scores or kcenter"_s);
  }
  o.timingPool = static_cast<int>(*timingPool);
  o.targetFraction = *fraction;
  o.params = *params;
  if (cl.isSet(u"model"_s)) o.family = cl.value(u"model"_s).toStdString();

  const bool quiet = cl.isSet(u"quiet"_s);
  auto say = [quiet](const QString& s) {
    if (!quiet) printErr(u"bench active-learning: "_s + s + u"\n"_s);
  };
  CancelWatch watch;
  o.cancel = watch.flag();
  o.progress = [&](const std::string& line) { say(qs(line)); };

  QTemporaryDir tmp;
  std::unique_ptr<store::Project> project;
  if (fromProject) {
    auto opened =
        store::Project::open(cl.value(u"project"_s).toStdString(), store::OpenMode::OpenExisting);
    if (!opened.ok()) return cl.failure(qs(opened.error().toString()));
    project = std::move(opened.value());
  } else {
    if (!tmp.isValid()) return cl.failure(u"cannot create a temporary folder"_s);
    auto opened = store::Project::open(tmp.filePath(u"bench.edgewise"_s).toStdString());
    if (!opened.ok()) return cl.failure(qs(opened.error().toString()));
    project = std::move(opened.value());
    say(u"importing %1"_s.arg(datasetName));
    auto parsed = builtinDataset(datasetName, cl.value(u"digits"_s), static_cast<int>(*perClass));
    if (!parsed.ok()) return cl.failure(qs(parsed.error().toString()));
    auto imported = dataset::importDataset(*project, datasetName.toStdString(), *parsed);
    if (!imported.ok()) return cl.failure(qs(imported.error().toString()));
  }
  say(u"preparing %1"_s.arg(datasetName));
  auto data =
      training::prepareData(*project, datasetName.toStdString(), *prepare, {}, watch.flag());
  if (!data.ok()) {
    if (data.error().message == training::kCancelledMessage) return cl.failure(u"interrupted"_s);
    return cl.failure(qs(data.error().toString()));
  }

  auto result = active::runActiveLearningBenchmark(*data, o);
  if (!result.ok()) {
    if (result.error().message == training::kCancelledMessage) return cl.failure(u"interrupted"_s);
    return cl.failure(qs(result.error().toString()));
  }
  json out = active::benchmarkToJson(*result);
  out["date"] = isoDateUtc();
  out["machine"] = {{"nproc", std::thread::hardware_concurrency()}};
  out["source"] = fromProject ? json({{"project", cl.value(u"project"_s).toStdString()}})
                              : json({{"builtin", datasetName.toStdString()}});
  if (cl.isSet(u"json"_s))
    printOut(qs(out.dump(2)) + u"\n"_s);
  else
    printOut(humanResult(out));
  return kExitOk;
}

}  // namespace edgewise::cli
