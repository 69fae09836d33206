// edgewise-cli bench compress: every compression method against its parent (mlp and cnn1d on
// digits and on the simulated IMU set), measured in the same run by compressAndRegister, with
// PASS/FAIL per target of issue 5. Numbers go to bench/BENCHMARKS.md and docs/compression.md.

#include <QTemporaryDir>

#include <cmath>
#include <limits>

#include <nlohmann/json.hpp>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/service_util.h"
#include "core/dataset/data/importers.h"
#include "core/store/project.h"
#include "core/training/service/compress_service.h"
#include "core/training/service/model_registry.h"
#include "core/training/service/train_service.h"
#include "core/training/torch/torch_compress.h"
#include "core/training/torch/torch_models.h"

namespace edgewise::cli {

using namespace Qt::StringLiterals;
using nlohmann::json;

namespace {

struct Method {
  std::string recipe;
  bool finetune = false;  // gets --finetune-epochs
};

// The distillation student of a parent: mlp, the widest one-hidden-layer student with >= 5x
// fewer parameters (digits 256,128 -> 66: 5.0x); cnn1d, the widest two-conv-layer student
// with >= 6.7x fewer (digits 16,32,64 -> 10,20). Same-depth students (mlp 56,28, cnn1d
// 6,12,24) lost 2.5-3.1 / 2.7-4.0 points over seeds 42-44, these 1.5-2.0 / 1.6-1.9; cnn1d
// 11 or 12 wide (5.2-5.9x) scattered from 0.8 to 3.3 points on the same seeds.
// Without a loadable parent, the same-depth students of the afternoon run (56,28 / 6,12,24).
std::string distillRecipe(const training::Classifier* parent, const std::string& family) {
  const int depth = family == "mlp" ? 1 : 2;
  auto width = parent ? training::widestStudent(*parent, depth, family == "mlp" ? 0.2 : 0.15)
                      : Result<int>(Error("no parent"));
  if (!width.ok()) return family == "mlp" ? "distill:56" : "distill:6";
  return "distill:" + std::to_string(*width) + "x" + std::to_string(depth);
}

// The default set, or the recipes given with --methods (any recipe parseRecipe() takes, e.g.
// distill:48; a step that prunes or factorises gets --finetune-epochs).
std::vector<Method> methodsFor(const std::string& distill, const QStringList& only) {
  if (!only.isEmpty()) {
    std::vector<Method> out;
    for (const QString& r : only) {
      const std::string recipe = r.trimmed().toStdString();
      const bool tunes = recipe.rfind("prune", 0) == 0 || recipe.rfind("lowrank", 0) == 0;
      out.push_back({recipe, tunes});
    }
    return out;
  }
  const std::string& d = distill;
  return {{"int8", false},       {"dynamic-int8", false},        {"fp16", false},
          {"prune:0.8", true},   {"prune-structured:0.5", true}, {d, false},
          {"lowrank:0.9", true}, {"prune:0.8+int8", true},       {d + "+int8", false}};
}

double ratio(double a, double b) {
  return b > 0 ? a / b : std::numeric_limits<double>::quiet_NaN();
}

json jnum(double v) {
  return std::isfinite(v) ? json(v) : json(nullptr);
}

// The targets for one row; null when the method has no target.
json targets(const std::string& recipe, const json& row) {
  const double size = row.value("size_ratio", 1.0);
  // Accuracies are counts over the test split: 15 of 750 samples is exactly 2 points, which
  // 100 * (0.96 - 0.98) misses by 2e-15. Compare with a margin far below one sample.
  const double drop = -row.value("accuracy_delta_points", 0.0) - 1e-9;
  const double p50 = row.value("p50_ratio", 1.0);
  const double params = row.value("params_ratio", 1.0);
  json t = json::array();
  auto add = [&](const std::string& what, bool pass) {
    t.push_back({{"target", what}, {"pass", pass}});
  };
  if (recipe == "int8") {
    add("size <= 1/3.8", size <= 1.0 / 3.8);
    add("accuracy drop <= 0.5 pt", drop <= 0.5);
    add("p50 <= parent", p50 <= 1.0);
  } else if (recipe == "prune:0.8") {
    add("accuracy drop <= 1 pt", drop <= 1.0);
  } else if (recipe == "prune-structured:0.5") {
    add("p50 <= 0.6x parent", p50 <= 0.6);
  } else if (recipe.rfind("distill:", 0) == 0 && recipe.find('+') == std::string::npos) {
    add(">= 5x fewer params", params <= 0.2);
    add("accuracy drop <= 2 pt", drop <= 2.0);
  }
  return t;
}

}  // namespace

int runBenchCompress(const QStringList& args) {
  CommandLine cl(u"bench compress"_s,
                 u"Compression methods (int8, dynamic int8, fp16, 80 % pruning, 50 % structured "
                 "pruning, distillation, low rank, chains) against their parents, mlp and cnn1d "
                 "on digits and the simulated IMU set, with the issue's targets."_s);
  cl.addOption({u"dataset"_s, u"digits, imu or both (default both)."_s, u"NAME"_s});
  cl.addOption({u"families"_s, u"Comma-separated parents (default mlp,cnn1d)."_s, u"LIST"_s});
  cl.addOption({u"seeds"_s, u"Parents per family (default 1)."_s, u"N"_s});
  cl.addOption({u"threads"_s, u"Torch threads (default 1)."_s, u"N"_s});
  cl.addOption(
      {u"finetune-epochs"_s, u"Fine-tuning epochs after pruning/low rank (30)."_s, u"N"_s});
  cl.addOption({u"distill-epochs"_s,
                u"Distillation epochs (60; early stop on validation accuracy)."_s, u"N"_s});
  cl.addOption({u"epochs"_s, u"Parent epochs (default: data-aware defaults)."_s, u"N"_s});
  cl.addOption({u"latency-seconds"_s, u"Latency time per model (1)."_s, u"S"_s});
  cl.addOption(
      {u"per-class"_s, u"imu: windows per class (1000: a test split of 750 rows)."_s, u"N"_s});
  cl.addOption({u"digits"_s, u"digits.png (default: the source tree's tests/data)."_s, u"FILE"_s});
  cl.addOption(
      {u"methods"_s,
       u"Recipes separated by ',' (default: the nine of the issue; any recipe, e.g. distill:48)."_s,
       u"LIST"_s});
  cl.addOption({u"json"_s, u"Print JSON."_s});
  if (auto exit = cl.parse(args)) return *exit;
  const QString which = cl.isSet(u"dataset"_s) ? cl.value(u"dataset"_s) : u"both"_s;
  if (which != u"digits" && which != u"imu" && which != u"both")
    return cl.usageError(u"--dataset must be digits, imu or both"_s);
  QStringList families = cl.value(u"families"_s).split(u',', Qt::SkipEmptyParts);
  if (families.isEmpty()) families = {u"mlp"_s, u"cnn1d"_s};
  auto seeds = cl.intValue(u"seeds"_s, 1, 1, 20);
  auto threads = cl.intValue(u"threads"_s, 1, 0, 256);
  auto ft = cl.intValue(u"finetune-epochs"_s, 30, 0, 10000);
  auto de = cl.intValue(u"distill-epochs"_s, 60, 1, 10000);
  auto epochs = cl.intValue(u"epochs"_s, 0, 1, 10000);
  auto perClass = cl.intValue(u"per-class"_s, 1000, 5, 100000);
  for (const auto* r : {&seeds, &threads, &ft, &de, &epochs, &perClass})
    if (!r->ok()) return cl.usageError(qs(r->error().toString()));
  auto latency = cl.doubleValue(u"latency-seconds"_s, 1.0, 0.0, 600.0);
  if (!latency.ok()) return cl.usageError(qs(latency.error().toString()));
  QStringList onlyMethods = cl.value(u"methods"_s).split(u',', Qt::SkipEmptyParts);
  training::setTorchThreads(static_cast<int>(*threads));

  QTemporaryDir tmp;
  if (!tmp.isValid()) return cl.failure(u"cannot create a temporary folder"_s);
  auto project = store::Project::open(tmp.filePath(u"bench.edgewise"_s).toStdString());
  if (!project.ok()) return cl.failure(qs(project.error().toString()));
  auto say = [](const QString& s) { printErr(u"bench compress: "_s + s + u"\n"_s); };
  CancelWatch watch;

  std::vector<std::string> datasets;
  if (which != u"imu") datasets.push_back("digits");
  if (which != u"digits") datasets.push_back("imu");
  json rows = json::array();
  int passed = 0, failed = 0;
  for (const std::string& ds : datasets) {
    auto parsed = builtinDataset(qs(ds), cl.value(u"digits"_s), static_cast<int>(*perClass));
    if (!parsed.ok()) return cl.failure(qs(parsed.error().toString()));
    auto imported = dataset::importDataset(**project, ds, *parsed);
    if (!imported.ok()) return cl.failure(qs(imported.error().toString()));
    for (const QString& fq : families) {
      const std::string family = fq.toStdString();
      for (int64_t s = 0; s < *seeds; ++s) {
        training::TrainRequest tr;
        tr.datasetName = ds;
        tr.family = family;
        tr.seed = 42 + static_cast<uint64_t>(s);
        tr.params["threads"] = std::to_string(*threads);
        if (cl.isSet(u"epochs"_s)) tr.params["epochs"] = std::to_string(*epochs);
        tr.latencySeconds = 0.1;
        say(u"%1 on %2 seed %3: training the parent"_s.arg(fq).arg(qs(ds)).arg(tr.seed));
        auto parent = training::trainAndRegister(**project, tr, {}, watch.flag());
        if (!parent.ok()) {
          rows.push_back({{"dataset", ds},
                          {"family", family},
                          {"seed", tr.seed},
                          {"error", "parent: " + parent.error().toString()}});
          say(u"  parent failed: "_s + qs(parent.error().toString()));
          continue;
        }
        auto model = training::ModelRegistry(**project).load(parent->id);
        const std::string distill = distillRecipe(model.ok() ? model->get() : nullptr, family);
        for (const Method& m : methodsFor(distill, onlyMethods)) {
          if (stopRequested()) return cl.failure(u"interrupted"_s);
          training::CompressRequest req;
          req.modelId = parent->id;
          req.recipe = m.recipe;
          req.finetuneEpochs = m.recipe.rfind("distill", 0) == 0 ? static_cast<int>(*de)
                               : m.finetune                      ? static_cast<int>(*ft)
                                                                 : 0;
          req.latencySeconds = *latency;
          req.seed = tr.seed;
          say(u"  %1"_s.arg(qs(m.recipe)));
          auto r = training::compressAndRegister(**project, req, {}, watch.flag());
          json row = {{"dataset", ds}, {"family", family}, {"seed", tr.seed}, {"recipe", m.recipe}};
          if (!r.ok()) {
            row["error"] = r.error().toString();
            say(u"    failed: "_s + qs(r.error().toString()));
            rows.push_back(row);
            continue;
          }
          const training::VariantMeasure& v = r->variant;
          const training::VariantMeasure& p = r->parent;
          row["variant_family"] = v.family;
          row["parent_accuracy"] = jnum(p.accuracy);
          row["accuracy"] = jnum(v.accuracy);
          row["accuracy_delta_points"] = jnum(100.0 * (v.accuracy - p.accuracy));
          row["parent_size_bytes"] = p.sizeBytes;
          row["size_bytes"] = v.sizeBytes;
          row["size_ratio"] = jnum(ratio(v.sizeBytes, p.sizeBytes));
          row["parent_params_nonzero"] = p.paramsNonzero;
          row["params_nonzero"] = v.paramsNonzero;
          row["params_ratio"] = jnum(ratio(v.paramsNonzero, p.paramsNonzero));
          row["parent_p50_us"] = jnum(p.latency.p50Us);
          row["p50_us"] = jnum(v.latency.p50Us);
          row["p99_us"] = jnum(v.latency.p99Us);
          row["p50_ratio"] = jnum(ratio(v.latency.p50Us, p.latency.p50Us));
          row["cv"] = jnum(v.latency.cv);
          row["parent_cv"] = jnum(p.latency.cv);
          row["peak_rss_bytes"] = v.peakRssBytes;
          row["parent_peak_rss_bytes"] = p.peakRssBytes;
          row["mcu_flash_bytes"] = v.mcuFlashBytes;
          row["mcu_ram_bytes"] = v.mcuRamBytes;
          row["warnings"] = r->warnings;
          row["seconds"] = r->seconds;
          row["targets"] = targets(m.recipe, row);
          for (const json& t : row["targets"]) (t["pass"].get<bool>() ? passed : failed)++;
          rows.push_back(row);
        }
      }
    }
  }

  json out = {{"benchmark", "compress"},     {"date", isoDateUtc()},
              {"threads", *threads},         {"seeds", *seeds},
              {"finetune_epochs", *ft},      {"distill_epochs", *de},
              {"latency_seconds", *latency}, {"targets_passed", passed},
              {"targets_failed", failed},    {"rows", rows}};
  if (cl.isSet(u"json"_s)) {
    printOut(qs(out.dump(2)) + u"\n"_s);
    return kExitOk;
  }
  auto f = [](const json& v, int prec) {
    return v.is_number() ? QString::number(v.get<double>(), 'f', prec) : u"-"_s;
  };
  printOut(
      u"| dataset | parent | recipe | acc parent | acc | delta pt | size ratio | nz params "
      "ratio | p50 us parent | p50 us | p50 ratio | cv | MCU flash/RAM | targets |\n"
      "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"_s);
  for (const json& r : rows) {
    if (r.contains("error")) {
      printOut(u"| %1 | %2 | %3 | error: %4 |\n"_s.arg(qs(r["dataset"].get<std::string>()))
                   .arg(qs(r["family"].get<std::string>()))
                   .arg(qs(r.value("recipe", std::string("-"))))
                   .arg(qs(r["error"].get<std::string>())));
      continue;
    }
    QString t;
    for (const json& x : r["targets"])
      t += (t.isEmpty() ? u""_s : u"; "_s) + qs(x["target"].get<std::string>()) +
           (x["pass"].get<bool>() ? u" PASS"_s : u" FAIL"_s);
    const int64_t flash = r["mcu_flash_bytes"].get<int64_t>();
    printOut(
        u"| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | "_s.arg(qs(r["dataset"].get<std::string>()))
            .arg(qs(r["family"].get<std::string>()))
            .arg(qs(r["recipe"].get<std::string>()))
            .arg(f(r["parent_accuracy"], 4))
            .arg(f(r["accuracy"], 4))
            .arg(f(r["accuracy_delta_points"], 2))
            .arg(f(r["size_ratio"], 3))
            .arg(f(r["params_ratio"], 3)) +
        u"%1 | %2 | %3 | %4 | %5 | %6 |\n"_s.arg(f(r["parent_p50_us"], 1))
            .arg(f(r["p50_us"], 1))
            .arg(f(r["p50_ratio"], 2))
            .arg(f(r["cv"], 2))
            .arg(flash > 0 ? u"%1/%2 B"_s.arg(flash).arg(r["mcu_ram_bytes"].get<int64_t>())
                           : u"-"_s)
            .arg(t.isEmpty() ? u"-"_s : t));
  }
  printOut(u"targets: %1 PASS, %2 FAIL\n"_s.arg(passed).arg(failed));
  return kExitOk;
}

}  // namespace edgewise::cli
