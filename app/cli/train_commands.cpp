// edgewise-cli train / eval / models / export-model / import-model: the training service
// (core/training/service) headless, with JSON output for scripts and tests.

#include <QFileInfo>

#include <atomic>
#include <chrono>
#include <cmath>
#include <thread>

#include <nlohmann/json.hpp>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/service_util.h"
#include "core/store/project.h"
#include "core/training/service/model_factory.h"
#include "core/training/service/model_registry.h"
#include "core/training/service/search_service.h"
#include "core/training/service/train_service.h"

namespace edgewise::cli {

using namespace Qt::StringLiterals;
using nlohmann::json;

namespace {

json num(double v) {
  return std::isfinite(v) ? json(v) : json(nullptr);
}

json metricsJson(const training::Metrics& m) {
  return json::parse(training::metricsToJson(m));
}

json recordJson(const training::ModelRecord& r) {
  json j = {{"model_id", r.id},
            {"name", r.name},
            {"family", r.family},
            {"origin", r.origin},
            {"created_us", r.createdUs},
            {"dataset", r.datasetName},
            {"snapshot_id", r.snapshotId},
            {"features", json::parse(training::featureSpecToJson(r.features))},
            {"input_shape", r.inputShape},
            {"class_names", r.classNames},
            {"hyper_params", r.hyperParams},
            {"seed", r.seed},
            {"accuracy", num(r.metrics.accuracy)},
            {"macro_f1", num(r.metrics.macroF1)},
            {"params", r.parameterCount},
            {"size_bytes", r.sizeBytes},
            {"train_seconds", r.trainSeconds},
            {"latency_us", {{"p50", num(r.latencyP50Us)}, {"p99", num(r.latencyP99Us)}}}};
  j["parent_id"] = r.parentId ? json(*r.parentId) : json(nullptr);
  return j;
}

Result<std::unique_ptr<store::Project>> openProject(const CommandLine& cl, bool create) {
  const QString path = cl.value(u"project"_s);
  return store::Project::open(path.toStdString(), create ? store::OpenMode::CreateIfMissing
                                                         : store::OpenMode::OpenExisting);
}

}  // namespace

int runTrain(const QStringList& args) {
  CommandLine cl(u"train"_s, u"Trains a model on a dataset and stores it in the project."_s);
  cl.addOption({u"project"_s, u"Project file."_s, u"FILE"_s});
  cl.addOption({u"dataset"_s, u"Dataset name."_s, u"NAME"_s});
  cl.addOption({u"model"_s, u"Model family (see --list-families)."_s, u"FAMILY"_s});
  cl.addOption({u"epochs"_s, u"Epochs (torch families)."_s, u"N"_s});
  cl.addOption({u"seed"_s, u"Model seed (42)."_s, u"SEED"_s});
  cl.addOption({u"param"_s, u"A hyper-parameter (repeatable)."_s, u"KEY=VALUE"_s});
  cl.addOption({u"name"_s, u"Model name."_s, u"NAME"_s});
  cl.addOption({u"latency-seconds"_s, u"Time spent measuring latency (1)."_s, u"S"_s});
  cl.addOption({u"list-families"_s, u"Print the model families and their defaults."_s});
  cl.addOption({u"include-feedback"_s,
                u"Append the project's corrective feedback rows (of the dataset's feature dims "
                "and classes) to the train split."_s});
  cl.addOption({u"quiet"_s, u"No progress lines on stderr."_s});
  cl.addOption({u"json"_s, u"Print the result as JSON."_s});
  addPrepareOptions(cl);
  if (auto exit = cl.parse(args)) return *exit;

  if (cl.isSet(u"list-families"_s)) {
    json j = json::array();
    for (const std::string& f : training::modelFamilies())
      j.push_back({{"family", f},
                   {"description", training::familyDescription(f)},
                   {"defaults", training::defaultHyperParams(f)}});
    printOut(qs(cl.isSet(u"json"_s) ? j.dump() : j.dump(2)) + u"\n"_s);
    return kExitOk;
  }
  if (cl.value(u"project"_s).isEmpty()) return cl.usageError(u"--project FILE is required"_s);
  if (cl.value(u"dataset"_s).isEmpty()) return cl.usageError(u"--dataset NAME is required"_s);
  if (cl.value(u"model"_s).isEmpty()) return cl.usageError(u"--model FAMILY is required"_s);

  training::TrainRequest req;
  req.datasetName = cl.value(u"dataset"_s).toStdString();
  req.family = cl.value(u"model"_s).toStdString();
  req.name = cl.value(u"name"_s).toStdString();
  auto seed = cl.intValue(u"seed"_s, 42, 0, INT64_MAX);
  if (!seed.ok()) return cl.usageError(qs(seed.error().toString()));
  req.seed = static_cast<uint64_t>(*seed);
  auto params = keyValues(cl.values(u"param"_s), "param");
  if (!params.ok()) return cl.usageError(qs(params.error().toString()));
  req.params = *params;
  if (cl.isSet(u"epochs"_s)) {
    auto epochs = cl.intValue(u"epochs"_s, 0, 1, 100000);
    if (!epochs.ok()) return cl.usageError(qs(epochs.error().toString()));
    if (req.family == "ensemble") {
      // Only the torch members have epochs; members given with --param members=... may have none.
      const std::string members = req.params.count("members")
                                      ? req.params["members"]
                                      : training::defaultHyperParams("ensemble")["members"];
      for (const char* m : {"mlp", "cnn1d", "cnn2d"})
        if (("," + members + ",").find(std::string(",") + m + ",") != std::string::npos)
          req.params[std::string(m) + ".epochs"] = std::to_string(*epochs);
    } else
      req.params["epochs"] = std::to_string(*epochs);
  }
  auto latency = cl.doubleValue(u"latency-seconds"_s, 1.0, 0.0, 600.0);
  if (!latency.ok()) return cl.usageError(qs(latency.error().toString()));
  req.latencySeconds = *latency;
  auto prepare = prepareOptions(cl);
  if (!prepare.ok()) return cl.usageError(qs(prepare.error().toString()));
  req.prepare = *prepare;
  training::FeedbackMerge feedback;
  req.includeFeedback = cl.isSet(u"include-feedback"_s);
  req.feedbackReport = &feedback;
  training::LabelSources labels;
  req.labelReport = &labels;

  auto project = openProject(cl, false);
  if (!project.ok()) return cl.failure(qs(project.error().toString()));
  CancelWatch watch;
  Result<training::ModelRecord> r = training::trainAndRegister(
      **project, req, stderrProgress(cl.isSet(u"quiet"_s)), watch.flag());
  if (!r.ok()) {
    if (r.error().message == training::kCancelledMessage) {
      printErr(u"edgewise-cli train: cancelled; nothing was stored\n"_s);
      return kExitFailure;
    }
    return cl.failure(qs(r.error().toString()));
  }
  if (cl.isSet(u"json"_s)) {
    json j = recordJson(*r);
    if (req.includeFeedback)
      j["feedback"] = {{"added", feedback.added},
                       {"skipped", feedback.skipped},
                       {"duplicates", feedback.duplicates},
                       {"warnings", feedback.warnings}};
    j["labels"] = {{"from_annotators", labels.annotators},
                   {"adjudicated", labels.adjudicated},
                   {"changed", labels.changed},
                   {"left_out_unresolved", labels.unresolved},
                   {"left_out_unknown_class", labels.unknownClass}};
    printOut(qs(j.dump()) + u"\n"_s);
    return kExitOk;
  }
  // Without --quiet the progress lines carried them already.
  if (cl.isSet(u"quiet"_s) && labels.any())
    printErr(u"edgewise-cli train: labels: "_s + qs(training::labelSourcesSummary(labels)) +
             u"\n"_s);
  if (cl.isSet(u"quiet"_s) && req.includeFeedback) {
    for (const std::string& w : feedback.warnings)
      printErr(u"edgewise-cli train: warning: "_s + qs(w) + u"\n"_s);
    printErr(u"edgewise-cli train: corrective feedback: "_s +
             qs(training::feedbackSummary(feedback)) + u"\n"_s);
  }
  printOut(
      u"model %1 \"%2\" (%3) on %4: accuracy %5, macro F1 %6, %7 params, %8 bytes, "
      "trained in %9 s\n"_s.arg(r->id)
          .arg(qs(r->name))
          .arg(qs(r->family))
          .arg(qs(r->datasetName))
          .arg(r->metrics.accuracy, 0, 'f', 4)
          .arg(r->metrics.macroF1, 0, 'f', 4)
          .arg(r->parameterCount)
          .arg(r->sizeBytes)
          .arg(r->trainSeconds, 0, 'f', 2));
  return kExitOk;
}

int runSearch(const QStringList& args) {
  CommandLine cl(u"search"_s,
                 u"Searches a family's hyper-parameters (random search or successive halving, "
                 "scored on the validation split), retrains the best configuration on the full "
                 "training split and stores it in the project."_s);
  cl.addOption({u"project"_s, u"Project file."_s, u"FILE"_s});
  cl.addOption({u"dataset"_s, u"Dataset name."_s, u"NAME"_s});
  cl.addOption({u"model"_s, u"Model family (not ensemble)."_s, u"FAMILY"_s});
  cl.addOption({u"method"_s, u"random or halving (random)."_s, u"METHOD"_s});
  cl.addOption({u"budget"_s, u"Seconds after which no trial starts (60)."_s, u"SECONDS"_s});
  cl.addOption(
      {u"trials"_s, u"Trials (random) or first-rung configurations (halving) (20)."_s, u"N"_s});
  cl.addOption({u"seed"_s, u"Seed of the sampling and the models (42)."_s, u"SEED"_s});
  cl.addOption({u"name"_s, u"Model name."_s, u"NAME"_s});
  cl.addOption({u"latency-seconds"_s, u"Time spent measuring latency (1)."_s, u"S"_s});
  cl.addOption({u"quiet"_s, u"No progress lines on stderr."_s});
  cl.addOption({u"json"_s, u"Print the result as JSON."_s});
  addPrepareOptions(cl);
  if (auto exit = cl.parse(args)) return *exit;
  if (cl.value(u"project"_s).isEmpty()) return cl.usageError(u"--project FILE is required"_s);
  if (cl.value(u"dataset"_s).isEmpty()) return cl.usageError(u"--dataset NAME is required"_s);
  if (cl.value(u"model"_s).isEmpty()) return cl.usageError(u"--model FAMILY is required"_s);

  training::SearchRequest req;
  req.datasetName = cl.value(u"dataset"_s).toStdString();
  req.family = cl.value(u"model"_s).toStdString();
  req.name = cl.value(u"name"_s).toStdString();
  req.method = cl.isSet(u"method"_s) ? cl.value(u"method"_s).toStdString() : "random";
  if (req.method != "random" && req.method != "halving")
    return cl.usageError(u"--method takes random or halving"_s);
  auto budget = cl.doubleValue(u"budget"_s, 60.0, 0.0, 1e7);
  if (!budget.ok()) return cl.usageError(qs(budget.error().toString()));
  req.budgetSeconds = *budget;
  auto trials = cl.intValue(u"trials"_s, 20, 1, 100000);
  if (!trials.ok()) return cl.usageError(qs(trials.error().toString()));
  req.maxTrials = static_cast<int>(*trials);
  auto seed = cl.intValue(u"seed"_s, 42, 0, INT64_MAX);
  if (!seed.ok()) return cl.usageError(qs(seed.error().toString()));
  req.seed = static_cast<uint64_t>(*seed);
  auto latency = cl.doubleValue(u"latency-seconds"_s, 1.0, 0.0, 600.0);
  if (!latency.ok()) return cl.usageError(qs(latency.error().toString()));
  req.latencySeconds = *latency;
  auto prepare = prepareOptions(cl);
  if (!prepare.ok()) return cl.usageError(qs(prepare.error().toString()));
  req.prepare = *prepare;

  auto project = openProject(cl, false);
  if (!project.ok()) return cl.failure(qs(project.error().toString()));
  CancelWatch watch;
  Result<training::SearchOutcome> r = training::searchAndRegister(
      **project, req, stderrProgress(cl.isSet(u"quiet"_s)), watch.flag());
  if (!r.ok()) {
    if (r.error().message == training::kCancelledMessage) {
      printErr(u"edgewise-cli search: cancelled; nothing was stored\n"_s);
      return kExitFailure;
    }
    return cl.failure(qs(r.error().toString()));
  }
  const training::ModelRecord& best = r->best;
  if (cl.isSet(u"json"_s)) {
    json trialsJson = json::array();
    for (const training::SearchTrialInfo& t : r->trials) {
      json tj = {{"params", t.params},   {"val_accuracy", num(t.valScore)},
                 {"seconds", t.seconds}, {"resource", t.resource},
                 {"config", t.config},   {"rung", t.rung}};
      if (!t.error.empty()) tj["error"] = t.error;
      trialsJson.push_back(std::move(tj));
    }
    json j = {{"model_id", best.id},
              {"family", best.family},
              {"method", req.method},
              {"origin", best.origin},
              {"best_params", r->bestParams},
              {"best_trial", r->bestTrial},
              {"val_accuracy", num(r->bestValScore)},
              {"accuracy", num(best.metrics.accuracy)},
              {"macro_f1", num(best.metrics.macroF1)},
              {"hyper_params", best.hyperParams},
              {"search_seconds", r->searchSeconds},
              {"stopped_by_budget", r->stoppedByBudget},
              {"train_seconds", best.trainSeconds},
              {"trials", trialsJson}};
    printOut(qs(j.dump()) + u"\n"_s);
    return kExitOk;
  }
  QString params;
  for (const auto& [k, v] : r->bestParams)
    params += (params.isEmpty() ? u""_s : u", "_s) + qs(k) + u"="_s + qs(v);
  printOut(
      u"%1 trials in %2 s; best (val %3): %4\nmodel %5 \"%6\" (%7): test accuracy %8, "
      "macro F1 %9\n"_s.arg(r->trials.size())
          .arg(r->searchSeconds, 0, 'f', 1)
          .arg(r->bestValScore, 0, 'f', 4)
          .arg(params)
          .arg(best.id)
          .arg(qs(best.name))
          .arg(qs(best.origin))
          .arg(best.metrics.accuracy, 0, 'f', 4)
          .arg(best.metrics.macroF1, 0, 'f', 4));
  return kExitOk;
}

int runEval(const QStringList& args) {
  CommandLine cl(u"eval"_s, u"Evaluates a stored model on its dataset's test split."_s);
  cl.addOption({u"project"_s, u"Project file."_s, u"FILE"_s});
  cl.addOption({u"model"_s, u"Model id (see 'edgewise-cli models')."_s, u"ID"_s});
  cl.addOption({u"latency-seconds"_s, u"Time spent measuring latency (1)."_s, u"S"_s});
  cl.addOption({u"predictions"_s, u"Include per-sample predictions in the JSON."_s});
  cl.addOption({u"json"_s, u"Print the result as JSON."_s});
  if (auto exit = cl.parse(args)) return *exit;
  if (cl.value(u"project"_s).isEmpty()) return cl.usageError(u"--project FILE is required"_s);
  auto id = cl.intValue(u"model"_s, -1, 1, INT64_MAX);
  if (!id.ok()) return cl.usageError(qs(id.error().toString()));
  if (*id < 0) return cl.usageError(u"--model ID is required"_s);
  auto latency = cl.doubleValue(u"latency-seconds"_s, 1.0, 0.0, 600.0);
  if (!latency.ok()) return cl.usageError(qs(latency.error().toString()));

  auto project = openProject(cl, false);
  if (!project.ok()) return cl.failure(qs(project.error().toString()));
  CancelWatch watch;
  Result<training::Evaluation> ev =
      training::evaluateModel(**project, *id, {}, watch.flag(), *latency);
  if (!ev.ok()) return cl.failure(qs(ev.error().toString()));
  const training::LatencyStats& l = ev->latency;
  if (cl.isSet(u"json"_s)) {
    json j = metricsJson(ev->metrics);
    j["model_id"] = *id;
    j["family"] = ev->record.family;
    j["class_names"] = ev->classNames;
    j["test_samples"] = ev->truth.size();
    j["latency_us"] = {{"p50", num(l.p50Us)}, {"p90", num(l.p90Us)},   {"p99", num(l.p99Us)},
                       {"max", num(l.maxUs)}, {"mean", num(l.meanUs)}, {"runs", l.runs}};
    if (cl.isSet(u"predictions"_s)) {
      j["sample_ids"] = ev->sampleIds;
      j["truth"] = ev->truth;
      j["predicted"] = ev->predicted;
    }
    printOut(qs(j.dump()) + u"\n"_s);
    return kExitOk;
  }
  printOut(u"model %1 (%2) on %3 test samples: accuracy %4, macro F1 %5\n"_s.arg(*id)
               .arg(qs(ev->record.family))
               .arg(ev->truth.size())
               .arg(ev->metrics.accuracy, 0, 'f', 4)
               .arg(ev->metrics.macroF1, 0, 'f', 4));
  printOut(u"latency per sample: p50 %1 us, p90 %2 us, p99 %3 us, max %4 us (%5 runs)\n"_s
               .arg(l.p50Us, 0, 'f', 1)
               .arg(l.p90Us, 0, 'f', 1)
               .arg(l.p99Us, 0, 'f', 1)
               .arg(l.maxUs, 0, 'f', 1)
               .arg(l.runs));
  printOut(u"class                 precision  recall     f1  support\n"_s);
  for (size_t c = 0; c < ev->metrics.perClass.size(); ++c) {
    const training::ClassMetrics& m = ev->metrics.perClass[c];
    const QString name = c < ev->classNames.size() ? qs(ev->classNames[c]) : QString::number(c);
    printOut(u"%1 %2 %3 %4 %5\n"_s.arg(name, -20)
                 .arg(m.precision, 10, 'f', 4)
                 .arg(m.recall, 7, 'f', 4)
                 .arg(m.f1, 6, 'f', 4)
                 .arg(m.support, 8));
  }
  return kExitOk;
}

int runModels(const QStringList& args) {
  CommandLine cl(u"models"_s, u"Lists the models stored in a project."_s);
  cl.addOption({u"project"_s, u"Project file."_s, u"FILE"_s});
  cl.addOption({u"remove"_s, u"Removes the model with this id."_s, u"ID"_s});
  cl.addOption({u"json"_s, u"Print the result as JSON."_s});
  if (auto exit = cl.parse(args)) return *exit;
  if (cl.value(u"project"_s).isEmpty()) return cl.usageError(u"--project FILE is required"_s);
  auto project = openProject(cl, false);
  if (!project.ok()) return cl.failure(qs(project.error().toString()));
  training::ModelRegistry registry(**project);
  if (cl.isSet(u"remove"_s)) {
    auto id = cl.intValue(u"remove"_s, -1, 1, INT64_MAX);
    if (!id.ok()) return cl.usageError(qs(id.error().toString()));
    if (Result<void> r = registry.remove(*id); !r.ok()) return cl.failure(qs(r.error().toString()));
    printOut(u"removed model %1\n"_s.arg(*id));
    return kExitOk;
  }
  auto models = registry.list();
  if (!models.ok()) return cl.failure(qs(models.error().toString()));
  if (cl.isSet(u"json"_s)) {
    json a = json::array();
    for (const training::ModelRecord& r : *models) a.push_back(recordJson(r));
    printOut(qs(a.dump()) + u"\n"_s);
    return kExitOk;
  }
  if (models->empty()) {
    printOut(u"no models in %1\n"_s.arg(cl.value(u"project"_s)));
    return kExitOk;
  }
  printOut(
      u"  id  family      dataset          accuracy  macro-F1     params      bytes  name\n"_s);
  for (const training::ModelRecord& r : *models) {
    printOut(u"%1  %2 %3 %4 %5 %6 %7  %8\n"_s.arg(r.id, 4)
                 .arg(qs(r.family), -11)
                 .arg(qs(r.datasetName), -16)
                 .arg(r.metrics.accuracy, 8, 'f', 4)
                 .arg(r.metrics.macroF1, 9, 'f', 4)
                 .arg(r.parameterCount, 10)
                 .arg(r.sizeBytes, 10)
                 .arg(qs(r.name)));
  }
  return kExitOk;
}

int runExportModel(const QStringList& args) {
  CommandLine cl(u"export-model"_s, u"Writes a stored model to a file."_s);
  cl.addOption({u"project"_s, u"Project file."_s, u"FILE"_s});
  cl.addOption({u"model"_s, u"Model id."_s, u"ID"_s});
  cl.addOption({u"format"_s, u"native (default) or torchscript."_s, u"FORMAT"_s});
  cl.addOption({u"out"_s, u"File to write."_s, u"FILE"_s});
  if (auto exit = cl.parse(args)) return *exit;
  if (cl.value(u"project"_s).isEmpty()) return cl.usageError(u"--project FILE is required"_s);
  if (cl.value(u"out"_s).isEmpty()) return cl.usageError(u"--out FILE is required"_s);
  auto id = cl.intValue(u"model"_s, -1, 1, INT64_MAX);
  if (!id.ok()) return cl.usageError(qs(id.error().toString()));
  if (*id < 0) return cl.usageError(u"--model ID is required"_s);
  const QString format = cl.isSet(u"format"_s) ? cl.value(u"format"_s) : u"native"_s;
  if (format != u"native" && format != u"torchscript")
    return cl.usageError(u"--format must be native or torchscript"_s);
  auto project = openProject(cl, false);
  if (!project.ok()) return cl.failure(qs(project.error().toString()));
  Result<void> r =
      training::exportModel(**project, *id, format.toStdString(), cl.value(u"out"_s).toStdString());
  if (!r.ok()) return cl.failure(qs(r.error().toString()));
  printOut(u"exported model %1 (%2) to %3\n"_s.arg(*id).arg(format).arg(cl.value(u"out"_s)));
  return kExitOk;
}

int runImportModel(const QStringList& args) {
  CommandLine cl(u"import-model"_s,
                 u"Imports a TorchScript model and evaluates it on a dataset's test split."_s);
  cl.addOption({u"project"_s, u"Project file."_s, u"FILE"_s});
  cl.addOption({u"file"_s, u"TorchScript file (.pt)."_s, u"FILE"_s});
  cl.addOption({u"dataset"_s, u"Dataset whose prepared rows the model takes."_s, u"NAME"_s});
  cl.addOption({u"name"_s, u"Model name (default: the file name)."_s, u"NAME"_s});
  cl.addOption({u"quiet"_s, u"No progress lines on stderr."_s});
  cl.addOption({u"json"_s, u"Print the result as JSON."_s});
  addPrepareOptions(cl);
  if (auto exit = cl.parse(args)) return *exit;
  if (cl.value(u"project"_s).isEmpty()) return cl.usageError(u"--project FILE is required"_s);
  if (cl.value(u"file"_s).isEmpty()) return cl.usageError(u"--file FILE is required"_s);
  if (cl.value(u"dataset"_s).isEmpty()) return cl.usageError(u"--dataset NAME is required"_s);
  training::ImportRequest req;
  req.file = cl.value(u"file"_s).toStdString();
  req.datasetName = cl.value(u"dataset"_s).toStdString();
  req.name = cl.value(u"name"_s).toStdString();
  auto prepare = prepareOptions(cl);
  if (!prepare.ok()) return cl.usageError(qs(prepare.error().toString()));
  req.prepare = *prepare;
  auto project = openProject(cl, false);
  if (!project.ok()) return cl.failure(qs(project.error().toString()));
  CancelWatch watch;
  auto r = training::importTorchScriptModel(**project, req, stderrProgress(cl.isSet(u"quiet"_s)),
                                            watch.flag());
  if (!r.ok()) return cl.failure(qs(r.error().toString()));
  if (cl.isSet(u"json"_s)) {
    printOut(qs(recordJson(*r).dump()) + u"\n"_s);
    return kExitOk;
  }
  printOut(u"imported model %1 \"%2\": accuracy %3 on the test split of %4\n"_s.arg(r->id)
               .arg(qs(r->name))
               .arg(r->metrics.accuracy, 0, 'f', 4)
               .arg(qs(r->datasetName)));
  return kExitOk;
}

}  // namespace edgewise::cli
