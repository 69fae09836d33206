// edgewise-cli audit robustness: an evasion attack on a stored model as a robust-accuracy
// curve over epsilon, with the sanity checks, and optionally the IoT fault curves and the
// label-flip poisoning curve (core/robustness/robustness_audit.h).

#include <cmath>

#include <nlohmann/json.hpp>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/service_util.h"
#include "core/robustness/robustness_audit.h"
#include "core/store/project.h"

namespace edgewise::cli {

using namespace Qt::StringLiterals;

namespace {

// "0.01,0.02,0.1": each a finite number in [min, max], at least one.
Result<std::vector<double>> parseNumberList(const QString& text, const char* option, double min,
                                            double max) {
  std::vector<double> out;
  for (const QString& item : text.split(u',', Qt::SkipEmptyParts)) {
    bool ok = false;
    const double v = item.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < min || v > max)
      return Error("--" + std::string(option) + ": '" + item.trimmed().toStdString() +
                   "' is not a number in [" + QString::number(min).toStdString() + ", " +
                   QString::number(max).toStdString() + "]");
    out.push_back(v);
  }
  if (out.empty()) return Error("--" + std::string(option) + " needs at least one number");
  return out;
}

QString pct(double v) {
  return QString::number(100.0 * v, 'f', 1) + u" %"_s;
}

void printReport(const robustness::RobustnessReport& r) {
  QString clip = r.clipped ? u", clipped to [%1, %2]"_s.arg(r.clipMin).arg(r.clipMax) : u""_s;
  printOut(
      u"model %1 \"%2\" (%3) on %4: %5 test rows, epsilon in %6 units%7\n"_s.arg(r.modelId)
          .arg(qs(r.modelName))
          .arg(qs(r.family))
          .arg(qs(r.datasetName))
          .arg(r.rows)
          .arg(r.epsUnit == "raw" ? u"raw (model input)"_s : u"standard deviations per channel"_s)
          .arg(clip));
  printOut(u"clean accuracy %1\n"_s.arg(r.cleanAccuracy, 0, 'f', 4));
  if (r.attack) {
    const training::RobustnessCurve& c = *r.attack;
    printOut(u"%1 (%2):\n| eps | robust accuracy | seconds |\n|---|---|---|\n"_s.arg(
        qs(training::attackName(c.kind)), qs(training::normName(c.norm))));
    for (size_t i = 0; i < c.eps.size(); ++i)
      printOut(u"| %1 | %2 | %3 |\n"_s.arg(c.eps[i])
                   .arg(c.accuracy[i], 0, 'f', 4)
                   .arg(c.seconds[i], 0, 'f', 3));
    if (std::isfinite(c.meanMinimalNorm))
      printOut(u"mean minimal perturbation %1, unbroken %2 of the clean-correct rows\n"_s
                   .arg(c.meanMinimalNorm, 0, 'g', 4)
                   .arg(pct(c.unbrokenFraction)));
  }
  for (const robustness::SanityCheck& s : r.sanity.checks)
    printOut(
        u"sanity %1 %2: %3\n"_s.arg(s.passed ? u"PASS"_s : u"FAIL"_s, qs(s.name), qs(s.detail)));
  for (const robustness::FaultCurve& f : r.faults) {
    QString line = u"fault %1"_s.arg(qs(robustness::faultName(f.kind)));
    if (!f.applicable) {
      printOut(line + u": not applicable (the input has no time axis)\n"_s);
      continue;
    }
    line += u" ("_s + qs(robustness::severityUnit(f.kind)) + u"):"_s;
    for (size_t i = 0; i < f.severity.size(); ++i)
      line += u" %1 -> %2;"_s.arg(f.severity[i]).arg(f.accuracy[i], 0, 'f', 4);
    printOut(line + u"\n"_s);
  }
  if (r.poison) {
    QString line = u"label-flip poisoning (retrained):"_s;
    for (size_t i = 0; i < r.poison->fraction.size(); ++i)
      line += u" %1 -> %2;"_s.arg(pct(r.poison->fraction[i])).arg(r.poison->accuracy[i], 0, 'f', 4);
    printOut(line + u"\n"_s);
  }
  printOut(u"%1 s\n"_s.arg(r.seconds, 0, 'f', 1));
}

}  // namespace

int runAuditRobustness(const QStringList& args) {
  CommandLine cl(u"audit robustness"_s,
                 u"Attacks a stored LibTorch model (mlp, cnn1d, cnn2d, TorchScript) on the test "
                 "split of its dataset version and prints clean and robust accuracy per epsilon, "
                 "with sanity checks against gradient masking; --faults and --poison add the IoT "
                 "fault and label-flip curves (any model family)."_s);
  cl.addOption({u"project"_s, u"Project file."_s, u"FILE"_s});
  cl.addOption({u"model"_s, u"Model id (see 'edgewise-cli models')."_s, u"ID"_s});
  cl.addOption({u"attack"_s, u"fgsm, pgd, deepfool or cw (Carlini-Wagner L2)."_s, u"NAME"_s});
  cl.addOption({u"eps"_s, u"Epsilons, comma-separated (default: six per unit)."_s, u"LIST"_s});
  cl.addOption({u"norm"_s, u"linf or l2 (default linf; l2 for deepfool and cw)."_s, u"NORM"_s});
  cl.addOption({u"eps-unit"_s,
                u"auto, raw (model input units; images: pixels / 255, clipped to [0, 1]) or std "
                "(per-channel standard deviations of the training split). Default auto: raw "
                "for images, std otherwise."_s,
                u"UNIT"_s});
  cl.addOption({u"steps"_s, u"PGD / DeepFool / CW iterations (20)."_s, u"N"_s});
  cl.addOption({u"step-size"_s, u"PGD step as a fraction of eps (default 2.5 / steps)."_s, u"R"_s});
  cl.addOption({u"no-random-start"_s, u"PGD starts at the clean row."_s});
  cl.addOption({u"no-sanity"_s, u"Skip the FGSM / PGD / huge-epsilon sanity runs."_s});
  cl.addOption({u"faults"_s, u"Add the IoT fault curves."_s});
  cl.addOption({u"poison"_s, u"Add the label-flip poisoning curve (retrains the model)."_s});
  cl.addOption(
      {u"poison-fractions"_s, u"Label-flip fractions (0,0.01,0.05,0.1,0.2,0.3)."_s, u"LIST"_s});
  cl.addOption({u"rows"_s, u"Evenly spaced test rows to use (0 = all)."_s, u"N"_s});
  cl.addOption({u"examples"_s, u"Adversarial examples in the JSON (4)."_s, u"N"_s});
  cl.addOption({u"seed"_s, u"Seed of random starts, faults and label flips (42)."_s, u"SEED"_s});
  cl.addOption({u"quiet"_s, u"No progress lines on stderr."_s});
  cl.addOption({u"json"_s, u"Print the report as JSON."_s});
  if (auto exit = cl.parse(args)) return *exit;
  if (cl.value(u"project"_s).isEmpty()) return cl.usageError(u"--project FILE is required"_s);
  auto id = cl.intValue(u"model"_s, -1, 1, INT64_MAX);
  if (!id.ok()) return cl.usageError(qs(id.error().toString()));
  if (*id < 0) return cl.usageError(u"--model ID is required"_s);

  robustness::RobustnessRequest req;
  req.modelId = *id;
  req.attack.reset();
  if (cl.isSet(u"attack"_s)) {
    auto kind = training::parseAttackKind(cl.value(u"attack"_s).toStdString());
    if (!kind.ok()) return cl.usageError(qs(kind.error().toString()));
    req.attack = *kind;
  }
  req.faults = cl.isSet(u"faults"_s);
  req.poison = cl.isSet(u"poison"_s);
  if (!req.attack && !req.faults && !req.poison)
    return cl.usageError(u"--attack NAME (or --faults / --poison) is required"_s);
  const bool minimalNorm = req.attack && (*req.attack == training::AttackKind::DeepFool ||
                                          *req.attack == training::AttackKind::CarliniWagner);
  if (cl.isSet(u"norm"_s)) {
    auto norm = training::parseAttackNorm(cl.value(u"norm"_s).toStdString());
    if (!norm.ok()) return cl.usageError(qs(norm.error().toString()));
    req.norm = *norm;
  } else if (minimalNorm) {
    req.norm = training::AttackNorm::L2;
  }
  if (req.attack && *req.attack == training::AttackKind::CarliniWagner &&
      req.norm != training::AttackNorm::L2)
    return cl.usageError(u"cw is an L2 attack: use --norm l2"_s);
  if (cl.isSet(u"eps"_s)) {
    auto eps = parseNumberList(cl.value(u"eps"_s), "eps", 0.0, 1e9);
    if (!eps.ok()) return cl.usageError(qs(eps.error().toString()));
    req.eps = *eps;
  }
  if (cl.isSet(u"poison-fractions"_s)) {
    auto f = parseNumberList(cl.value(u"poison-fractions"_s), "poison-fractions", 0.0, 0.99);
    if (!f.ok()) return cl.usageError(qs(f.error().toString()));
    req.poisonFractions = *f;
  }
  if (cl.isSet(u"eps-unit"_s)) req.epsUnit = cl.value(u"eps-unit"_s).toStdString();
  if (req.epsUnit != "auto" && req.epsUnit != "raw" && req.epsUnit != "std")
    return cl.usageError(u"--eps-unit must be auto, raw or std"_s);
  auto steps = cl.intValue(u"steps"_s, 20, 1, 100000);
  auto rows = cl.intValue(u"rows"_s, 0, 0, INT32_MAX);
  auto examples = cl.intValue(u"examples"_s, 4, 0, 1000);
  auto seed = cl.intValue(u"seed"_s, 42, 0, INT64_MAX);
  for (const auto* r : {&steps, &rows, &examples, &seed})
    if (!r->ok()) return cl.usageError(qs(r->error().toString()));
  auto stepSize = cl.doubleValue(u"step-size"_s, 0.0, 0.0, 10.0);
  if (!stepSize.ok()) return cl.usageError(qs(stepSize.error().toString()));
  req.steps = static_cast<int>(*steps);
  req.stepRelative = *stepSize;
  req.randomStart = !cl.isSet(u"no-random-start"_s);
  req.sanity = !cl.isSet(u"no-sanity"_s);
  req.maxRows = static_cast<int>(*rows);
  req.examples = static_cast<int>(*examples);
  req.seed = static_cast<uint64_t>(*seed);

  auto project =
      store::Project::open(cl.value(u"project"_s).toStdString(), store::OpenMode::OpenExisting);
  if (!project.ok()) return cl.failure(qs(project.error().toString()));
  CancelWatch watch;
  const training::TrainProgressFn lines = stderrProgress(cl.isSet(u"quiet"_s));
  robustness::ProgressFn progress;
  if (lines) progress = [&](double f, const std::string& m) { lines(f, m, nullptr); };
  auto r = robustness::auditRobustness(**project, req, progress, watch.flag());
  if (!r.ok()) {
    if (r.error().message == training::kCancelledMessage) return cl.failure(u"cancelled"_s);
    return cl.failure(qs(r.error().toString()));
  }
  for (const std::string& w : r->warnings) printErr(u"WARNING: "_s + qs(w) + u"\n"_s);
  if (cl.isSet(u"json"_s)) {
    printOut(qs(robustness::robustnessReportToJson(*r, req.examples > 0)) + u"\n"_s);
    return kExitOk;
  }
  printReport(*r);
  return kExitOk;
}

}  // namespace edgewise::cli
