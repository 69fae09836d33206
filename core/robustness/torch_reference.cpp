#include "core/robustness/torch_reference.h"

#include <QProcess>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <fstream>

#include <nlohmann/json.hpp>

#include "core/training/torch/torch_models.h"

namespace edgewise::robustness {

namespace {

using json = nlohmann::json;

Result<void> writeBytes(const std::string& path, const void* data, size_t bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(static_cast<const char*>(data), static_cast<std::streamsize>(bytes));
  if (!out) return Error("cannot write " + path);
  return okResult();
}

}  // namespace

Result<ReferenceComparison> compareWithTorchReference(const training::Classifier& model,
                                                      const cv::Mat& X, const std::vector<int>& y,
                                                      const ReferenceCase& c,
                                                      const std::string& python,
                                                      const std::string& script,
                                                      const std::string& dir) {
  const std::string where = "comparing attacks with python3-torch";
  if (X.type() != CV_32FC1 || static_cast<size_t>(X.rows) != y.size() || X.rows == 0)
    return Error("expected CV_32F rows with one label each", where);
  const std::string pt = dir + "/model.pt";
  EW_TRY(training::exportTorchScript(model, pt));
  auto scripted = training::importTorchScript(pt, model.numClasses(), {X.cols});
  if (!scripted.ok()) return scripted.error().wrap(where);

  const cv::Mat dense = X.isContinuous() ? X : X.clone();
  EW_TRY(writeBytes(dir + "/inputs.f32", dense.ptr<float>(), dense.total() * sizeof(float)));
  const std::vector<int64_t> labels(y.begin(), y.end());
  EW_TRY(writeBytes(dir + "/labels.i64", labels.data(), labels.size() * sizeof(int64_t)));
  json meta = {{"rows", X.rows},
               {"dims", X.cols},
               {"eps", c.eps},
               {"steps", c.steps},
               {"step_relative", c.stepRelative},
               {"norm", training::normName(c.norm)},
               {"clip", c.clip ? json::array({c.lo, c.hi}) : json(nullptr)}};
  const std::string metaText = meta.dump();
  EW_TRY(writeBytes(dir + "/meta.json", metaText.data(), metaText.size()));

  ReferenceComparison out;
  QProcess p;
  p.start(QString::fromStdString(python),
          {QString::fromStdString(script), QStringLiteral("run"), QString::fromStdString(dir)});
  if (!p.waitForFinished(600000) || p.exitStatus() != QProcess::NormalExit)
    return Error("attack_ref.py did not finish: " + p.errorString().toStdString(), where);
  if (p.exitCode() == 77) {
    out.skipped = true;
    return out;
  }
  const std::string stdoutText = p.readAllStandardOutput().toStdString();
  if (p.exitCode() != 0)
    return Error("attack_ref.py failed: " + p.readAllStandardError().toStdString(), where);
  json ref;
  try {
    ref = json::parse(stdoutText);
    out.refClean = ref.at("clean_accuracy").get<double>();
    out.refFgsm = ref.at("fgsm").get<std::vector<double>>();
    out.refPgd = ref.at("pgd").get<std::vector<double>>();
  } catch (const json::exception& e) {
    return Error("unreadable attack_ref.py output: " + std::string(e.what()), where);
  }

  training::AttackOptions o;
  o.norm = c.norm;
  o.steps = c.steps;
  o.stepRelative = c.stepRelative;
  o.randomStart = false;
  if (c.clip) {
    o.clipMin = c.lo;
    o.clipMax = c.hi;
  }
  out.eps = c.eps;
  for (training::AttackKind k : {training::AttackKind::Fgsm, training::AttackKind::Pgd}) {
    o.kind = k;
    // One epsilon at a time keeps the order of c.eps (attackCurve sorts).
    for (double e : c.eps) {
      auto curve = training::attackCurve(**scripted, X, y, {e}, o, 0);
      if (!curve.ok()) return curve.error().wrap(where);
      out.clean = curve->cleanAccuracy;
      (k == training::AttackKind::Fgsm ? out.fgsm : out.pgd).push_back(curve->accuracy.front());
    }
  }
  if (out.refFgsm.size() != out.fgsm.size() || out.refPgd.size() != out.pgd.size())
    return Error("attack_ref.py returned a different number of epsilons", where);
  out.maxDiffPoints = 100.0 * std::abs(out.clean - out.refClean);
  for (size_t i = 0; i < out.fgsm.size(); ++i) {
    out.maxDiffPoints = std::max(out.maxDiffPoints, 100.0 * std::abs(out.fgsm[i] - out.refFgsm[i]));
    out.maxDiffPoints = std::max(out.maxDiffPoints, 100.0 * std::abs(out.pgd[i] - out.refPgd[i]));
  }
  return out;
}

}  // namespace edgewise::robustness
