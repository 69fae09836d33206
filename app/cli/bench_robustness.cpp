// edgewise-cli bench robustness: the robustness audit of the default model of a built-in
// dataset (digits mlp by default): FGSM and PGD curves with their time against one clean
// inference pass over the same rows (the baseline, measured in the same run), DeepFool's
// minimal perturbations, the sanity checks, the IoT fault and label-flip curves, and issue 7's
// target: FGSM / PGD robust accuracy equal to python3-torch's on the same TorchScript model
// within 1 point. Numbers go to bench/BENCHMARKS.md.

#include <QTemporaryDir>

#include <cmath>

#include <nlohmann/json.hpp>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/service_util.h"
#include "core/dataset/data/importers.h"
#include "core/robustness/robustness_audit.h"
#include "core/robustness/torch_reference.h"
#include "core/store/project.h"
#include "core/training/service/train_service.h"
#include "core/training/torch/torch_models.h"

namespace edgewise::cli {

using namespace Qt::StringLiterals;
using nlohmann::json;

namespace {

double sum(const std::vector<double>& v) {
  double s = 0.0;
  for (double x : v) s += x;
  return s;
}

// Seconds per epsilon of an attack curve and its ratio to one clean inference pass.
json timing(const training::RobustnessCurve& c, double inferenceSeconds) {
  const double perEps = c.eps.empty() ? 0.0 : sum(c.seconds) / static_cast<double>(c.eps.size());
  return {{"seconds_per_eps", perEps},
          {"us_per_row", c.rows > 0 ? 1e6 * perEps / c.rows : 0.0},
          {"ratio_to_inference", inferenceSeconds > 0 ? perEps / inferenceSeconds : 0.0}};
}

QString curveRow(const json& curve, const char* key) {
  QString s;
  for (const json& p : curve) s += u" %1 |"_s.arg(p.at(key).get<double>(), 0, 'f', 3);
  return s;
}

void printText(const json& out) {
  printOut(u"dataset %1, %2 (test accuracy %3), %4 test rows, epsilon unit %5\n\n"_s
               .arg(qs(out["dataset"].get<std::string>()), qs(out["family"].get<std::string>()))
               .arg(out["clean_accuracy"].get<double>(), 0, 'f', 4)
               .arg(out["rows"].get<int>())
               .arg(qs(out["eps_unit"].get<std::string>())));
  const json& fgsm = out["fgsm"]["curve"];
  QString header = u"| attack |"_s, rule = u"|---|"_s;
  for (const json& p : fgsm) {
    header += u" eps %1 |"_s.arg(p["eps"].get<double>());
    rule += u"---|"_s;
  }
  printOut(header + u" s per eps | x inference |\n"_s + rule + u"---|---|\n"_s);
  for (const char* name : {"fgsm", "pgd", "deepfool"}) {
    if (!out.contains(name)) continue;
    const json& a = out[name];
    printOut(u"| %1 |"_s.arg(QString::fromLatin1(name)) + curveRow(a["curve"], "robust_accuracy") +
             u" %1 | %2 |\n"_s.arg(a["timing"]["seconds_per_eps"].get<double>(), 0, 'f', 3)
                 .arg(a["timing"]["ratio_to_inference"].get<double>(), 0, 'f', 1));
  }
  printOut(u"\n"_s);
  for (const json& c : out["sanity"]["checks"])
    printOut(u"sanity %1 %2: %3\n"_s.arg(c["passed"].get<bool>() ? u"PASS"_s : u"FAIL"_s,
                                         qs(c["check"].get<std::string>()),
                                         qs(c["detail"].get<std::string>())));
  printOut(u"\n| fault | unit | severity -> accuracy |\n|---|---|---|\n"_s);
  for (const json& f : out["faults"]) {
    QString pts;
    for (const json& p : f["curve"])
      pts += u"%1: %2; "_s.arg(p["severity"].get<double>())
                 .arg(p["accuracy"].get<double>(), 0, 'f', 3);
    printOut(u"| %1 | %2 | %3 |\n"_s.arg(qs(f["fault"].get<std::string>()),
                                         qs(f["unit"].get<std::string>()), pts));
  }
  if (out.contains("poison")) {
    printOut(u"\n| label flip | accuracy | retrain s |\n|---|---|---|\n"_s);
    for (const json& p : out["poison"]["curve"])
      printOut(u"| %1 % | %2 | %3 |\n"_s.arg(100.0 * p["fraction"].get<double>())
                   .arg(p["accuracy"].get<double>(), 0, 'f', 4)
                   .arg(p["train_seconds"].get<double>(), 0, 'f', 1));
  }
  if (out.contains("reference") && !out["reference"].is_null()) {
    const json& r = out["reference"];
    printOut(
        u"\npython3-torch reference (%1 rows, PGD without random start): max |diff| %2 "
        "points: %3\n"_s.arg(r["rows"].get<int>())
            .arg(r["max_diff_points"].get<double>(), 0, 'f', 2)
            .arg(r["pass"].get<bool>() ? u"PASS"_s : u"FAIL"_s));
  }
}

}  // namespace

int runBenchRobustness(const QStringList& args) {
  CommandLine cl(u"bench robustness"_s,
                 u"Robustness audit of a built-in dataset's default model: FGSM / PGD / DeepFool "
                 "curves and timing, sanity checks, IoT fault and label-flip curves, and the "
                 "python3-torch agreement target of issue 7."_s);
  cl.addOption({u"dataset"_s, u"digits or imu (default digits)."_s, u"NAME"_s});
  cl.addOption({u"family"_s, u"Model family (default mlp)."_s, u"NAME"_s});
  cl.addOption({u"epochs"_s, u"Training epochs (default: data-aware defaults)."_s, u"N"_s});
  cl.addOption({u"threads"_s, u"Torch threads (default 1)."_s, u"N"_s});
  cl.addOption({u"rows"_s, u"Evenly spaced test rows (0 = all)."_s, u"N"_s});
  cl.addOption({u"steps"_s, u"PGD iterations (20)."_s, u"N"_s});
  cl.addOption({u"per-class"_s, u"imu: windows per class (200)."_s, u"N"_s});
  cl.addOption({u"digits"_s, u"digits.png (default: the source tree's tests/data)."_s, u"FILE"_s});
  cl.addOption({u"no-poison"_s, u"Skip the label-flip curve (six retrainings)."_s});
  cl.addOption({u"no-reference"_s, u"Skip the python3-torch comparison."_s});
  cl.addOption(
      {u"python"_s, u"Interpreter with torch for the reference (/usr/bin/python3)."_s, u"EXE"_s});
  cl.addOption({u"json"_s, u"Print JSON."_s});
  if (auto exit = cl.parse(args)) return *exit;
  const QString ds = cl.isSet(u"dataset"_s) ? cl.value(u"dataset"_s) : u"digits"_s;
  const std::string family =
      cl.isSet(u"family"_s) ? cl.value(u"family"_s).toStdString() : std::string("mlp");
  auto epochs = cl.intValue(u"epochs"_s, 0, 1, 10000);
  auto threads = cl.intValue(u"threads"_s, 1, 0, 256);
  auto rows = cl.intValue(u"rows"_s, 0, 0, INT32_MAX);
  auto steps = cl.intValue(u"steps"_s, 20, 1, 10000);
  auto perClass = cl.intValue(u"per-class"_s, 200, 5, 100000);
  for (const auto* r : {&epochs, &threads, &rows, &steps, &perClass})
    if (!r->ok()) return cl.usageError(qs(r->error().toString()));
  training::setTorchThreads(static_cast<int>(*threads));

  QTemporaryDir tmp;
  if (!tmp.isValid()) return cl.failure(u"cannot create a temporary folder"_s);
  auto project = store::Project::open(tmp.filePath(u"bench.edgewise"_s).toStdString());
  if (!project.ok()) return cl.failure(qs(project.error().toString()));
  auto say = [](const QString& s) { printErr(u"bench robustness: "_s + s + u"\n"_s); };
  auto parsed = builtinDataset(ds, cl.value(u"digits"_s), static_cast<int>(*perClass));
  if (!parsed.ok()) return cl.failure(qs(parsed.error().toString()));
  auto imported = dataset::importDataset(**project, ds.toStdString(), *parsed);
  if (!imported.ok()) return cl.failure(qs(imported.error().toString()));
  CancelWatch watch;
  training::TrainRequest tr;
  tr.datasetName = ds.toStdString();
  tr.family = family;
  tr.params["threads"] = std::to_string(*threads);
  if (cl.isSet(u"epochs"_s)) tr.params["epochs"] = std::to_string(*epochs);
  tr.latencySeconds = 0.1;
  say(u"training %1 on %2"_s.arg(qs(family), ds));
  auto model = training::trainAndRegister(**project, tr, {}, watch.flag());
  if (!model.ok()) return cl.failure(qs(model.error().toString()));
  auto loaded = robustness::loadSubject(**project, model->id, watch.flag());
  if (!loaded.ok()) return cl.failure(qs(loaded.error().toString()));

  robustness::RobustnessRequest req;
  req.modelId = model->id;
  req.attack = training::AttackKind::Fgsm;
  req.steps = static_cast<int>(*steps);
  req.faults = true;
  req.poison = !cl.isSet(u"no-poison"_s);
  req.maxRows = static_cast<int>(*rows);
  req.examples = 0;
  auto progress = [&](double f, const std::string& m) {
    say(u"[%1%] "_s.arg(static_cast<int>(std::lround(100 * f)), 3) + qs(m));
  };
  auto report = robustness::auditModel(loaded->subject(), req, progress, watch.flag());
  if (!report.ok()) return cl.failure(qs(report.error().toString()));
  // DeepFool (L2): minimal perturbations, for scale.
  robustness::RobustnessRequest df = req;
  df.attack = training::AttackKind::DeepFool;
  df.norm = training::AttackNorm::L2;
  df.steps = 50;
  df.sanity = df.faults = df.poison = false;
  say(u"deepfool (l2)"_s);
  auto deepfool = robustness::auditModel(loaded->subject(), df, {}, watch.flag());
  if (!deepfool.ok()) return cl.failure(qs(deepfool.error().toString()));

  json full = json::parse(robustness::robustnessReportToJson(*report, false));
  const double infer = report->inferenceSeconds;
  json out = {{"benchmark", "robustness"},
              {"date", isoDateUtc()},
              {"dataset", ds.toStdString()},
              {"family", family},
              {"threads", *threads},
              {"pgd_steps", *steps},
              {"rows", report->rows},
              {"eps_unit", report->epsUnit},
              {"clean_accuracy", report->cleanAccuracy},
              {"inference_seconds", infer},
              {"huge_eps", full["sanity"]["huge_eps"]},
              {"huge_eps_accuracy", full["sanity"]["huge_eps_accuracy"]},
              {"sanity", full["sanity"]},
              {"faults", full["faults"]},
              {"warnings", report->warnings},
              {"seconds", report->seconds}};
  out["sanity"].erase("fgsm");
  out["sanity"].erase("pgd");
  out["fgsm"] = full["sanity"]["fgsm"];
  out["fgsm"]["timing"] = timing(*report->fgsm, infer);
  out["pgd"] = full["sanity"]["pgd"];
  out["pgd"]["timing"] = timing(*report->pgd, infer);
  out["deepfool"] = json::parse(robustness::robustnessReportToJson(*deepfool, false));
  for (const char* k : {"model_id", "model_name", "family", "dataset", "input_shape", "warnings",
                        "clip", "eps_unit", "rows", "inference_seconds"})
    out["deepfool"].erase(k);
  out["deepfool"]["timing"] = timing(*deepfool->attack, deepfool->inferenceSeconds);
  if (full.contains("poison")) out["poison"] = full["poison"];

  out["reference"] = nullptr;
  if (!cl.isSet(u"no-reference"_s)) {
    say(u"python3-torch reference"_s);
    robustness::ReferenceCase rc;
    rc.eps = report->fgsm->eps;
    rc.steps = 10;
    rc.stepRelative = 0.25;
    rc.clip = report->clipped;
    rc.lo = report->clipMin;
    rc.hi = report->clipMax;
    if (report->epsUnit != "raw") {
      say(u"  skipped: the reference works in raw units (digits)"_s);
    } else {
      cv::Mat X;
      std::vector<int> y;
      robustness::auditRows(loaded->data, req.maxRows, &X, &y);
      const QString python = cl.isSet(u"python"_s) ? cl.value(u"python"_s) : u"/usr/bin/python3"_s;
      QTemporaryDir refDir;
      auto cmp = robustness::compareWithTorchReference(
          *loaded->model, X, y, rc, python.toStdString(),
          EDGEWISE_SOURCE_DIR "/tests/robustness/attack_ref.py", refDir.path().toStdString());
      if (!cmp.ok()) return cl.failure(qs(cmp.error().toString()));
      if (!cmp->skipped)
        out["reference"] = {{"rows", X.rows},
                            {"eps", cmp->eps},
                            {"pgd_steps", rc.steps},
                            {"pgd_step_relative", rc.stepRelative},
                            {"fgsm", cmp->fgsm},
                            {"fgsm_reference", cmp->refFgsm},
                            {"pgd", cmp->pgd},
                            {"pgd_reference", cmp->refPgd},
                            {"max_diff_points", cmp->maxDiffPoints},
                            {"pass", cmp->maxDiffPoints <= 1.0}};
    }
  }
  if (cl.isSet(u"json"_s)) {
    printOut(qs(out.dump(2)) + u"\n"_s);
    return kExitOk;
  }
  printText(out);
  return kExitOk;
}

}  // namespace edgewise::cli
