// edgewise-cli bench train: Edgewise's model families against reference trainers in Python
// (bench/ref_torch.py for the LibTorch families, bench/ref_sklearn.py for the OpenCV ones) on
// the same prepared splits, in the same run; plus the ensemble against its members and
// two-stage against one-stage serving. Numbers go to bench/BENCHMARKS.md.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <limits>

#include <nlohmann/json.hpp>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/service_util.h"
#include "core/dataset/data/importers.h"
#include "core/store/project.h"
#include "core/training/ensemble/ensemble.h"
#include "core/training/ensemble/two_stage.h"
#include "core/training/metrics.h"
#include "core/training/service/data_prep.h"
#include "core/training/service/model_factory.h"
#include "core/training/torch/torch_models.h"

#ifndef EDGEWISE_SOURCE_DIR
#define EDGEWISE_SOURCE_DIR "."
#endif

namespace edgewise::cli {

using namespace Qt::StringLiterals;
using nlohmann::json;

namespace {

using Clock = std::chrono::steady_clock;

// NumPy .npy version 1.0: magic, header length, a Python dict literal padded to 64 bytes.
bool writeNpy(const QString& path, const char* descr, const std::vector<int64_t>& shape,
              const void* data, size_t bytes) {
  std::string dims;
  for (size_t i = 0; i < shape.size(); ++i) dims += std::to_string(shape[i]) + ",";
  if (shape.size() > 1) dims.pop_back();
  std::string header =
      std::string("{'descr': '") + descr + "', 'fortran_order': False, 'shape': (" + dims + "), }";
  const size_t unpadded = 10 + header.size() + 1;
  header += std::string((64 - unpadded % 64) % 64, ' ') + "\n";
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly)) return false;
  const char magic[] = {'\x93', 'N', 'U', 'M', 'P', 'Y', 1, 0};
  const uint16_t len = static_cast<uint16_t>(header.size());
  const char lenBytes[2] = {static_cast<char>(len & 0xff), static_cast<char>(len >> 8)};
  return f.write(magic, 8) == 8 && f.write(lenBytes, 2) == 2 &&
         f.write(header.data(), static_cast<qint64>(header.size())) ==
             static_cast<qint64>(header.size()) &&
         f.write(static_cast<const char*>(data), static_cast<qint64>(bytes)) ==
             static_cast<qint64>(bytes);
}

bool writeSplit(const QString& dir, const std::string& name, const training::SplitMatrix& m) {
  cv::Mat X = m.X.isContinuous() ? m.X : m.X.clone();
  std::vector<int64_t> y(m.y.begin(), m.y.end());
  return writeNpy(dir + u"/"_s + qs(name) + u"_X.npy"_s, "<f4", {X.rows, X.cols}, X.data,
                  X.total() * sizeof(float)) &&
         writeNpy(dir + u"/"_s + qs(name) + u"_y.npy"_s, "<i8", {static_cast<int64_t>(y.size())},
                  y.data(), y.size() * sizeof(int64_t));
}

struct RunStats {
  double accuracy = std::numeric_limits<double>::quiet_NaN();
  double macroF1 = std::numeric_limits<double>::quiet_NaN();
  double trainSeconds = std::numeric_limits<double>::quiet_NaN();
  int epochsRun = 0;  // torch families: epochs trained (early stopping may end sooner)
  std::string error;
};

double median(std::vector<double> v) {
  if (v.empty()) return std::numeric_limits<double>::quiet_NaN();
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

// Accuracy and macro-F1: the mean over the runs (seeds); train_seconds: the median (one slow
// run on a shared machine does not move it); the per-run values alongside.
json statsJson(const std::vector<RunStats>& runs) {
  double acc = 0, f1 = 0;
  std::vector<double> secs;
  json accRuns = json::array(), secRuns = json::array(), epochRuns = json::array();
  std::vector<double> perEpoch;
  json errors = json::array();
  for (const RunStats& r : runs) {
    if (!r.error.empty()) {
      errors.push_back(r.error);
      continue;
    }
    acc += r.accuracy;
    f1 += r.macroF1;
    secs.push_back(r.trainSeconds);
    accRuns.push_back(r.accuracy);
    secRuns.push_back(r.trainSeconds);
    if (r.epochsRun > 0) {
      epochRuns.push_back(r.epochsRun);
      perEpoch.push_back(r.trainSeconds / r.epochsRun);
    }
  }
  const int n = static_cast<int>(secs.size());
  json j;
  if (n > 0) {
    j["accuracy"] = acc / n;
    j["macro_f1"] = f1 / n;
    j["train_seconds"] = median(secs);
  } else {
    j["accuracy"] = nullptr;
    j["macro_f1"] = nullptr;
    j["train_seconds"] = nullptr;
  }
  j["runs"] = n;
  j["accuracy_runs"] = accRuns;
  j["train_seconds_runs"] = secRuns;
  if (!perEpoch.empty()) {
    j["epochs_runs"] = epochRuns;
    j["seconds_per_epoch"] = median(perEpoch);
  }
  if (!errors.empty()) j["errors"] = errors;
  return j;
}

// "family" or "family:key=value,key=value".
struct GateSpec {
  std::string text, family;
  training::HyperParams params;
};

Result<std::vector<GateSpec>> parseGateSpecs(const QString& text) {
  std::vector<GateSpec> out;
  for (const QString& one : text.split(u';', Qt::SkipEmptyParts)) {
    GateSpec g;
    g.text = one.trimmed().toStdString();
    const qsizetype colon = one.indexOf(u':');
    g.family = one.left(colon < 0 ? one.size() : colon).trimmed().toStdString();
    if (colon >= 0) {
      for (const QString& kv : one.mid(colon + 1).split(u',', Qt::SkipEmptyParts)) {
        const qsizetype eq = kv.indexOf(u'=');
        if (eq <= 0) return Error("gate parameter '" + kv.toStdString() + "' is not key=value");
        g.params[kv.left(eq).trimmed().toStdString()] = kv.mid(eq + 1).trimmed().toStdString();
      }
    }
    if (g.family.empty()) return Error("empty gate family in '" + g.text + "'");
    out.push_back(std::move(g));
  }
  if (out.empty()) return Error("no gate given");
  return out;
}

// The gate candidates tried by default, cheapest first in intent: a linear model, two small
// forests, a nearest-neighbour rule.
constexpr const char* kDefaultGates =
    "logreg;rf:trees=10,max_depth=8;rf:trees=30,max_depth=12;knn:k=3";

// Trains one Edgewise model; accuracy on test. Torch families: train_seconds is the last
// epoch's TrainProgress::seconds (the epoch loop, the scope ref_torch.py times); others: the
// wall time of train() without validation data (the scope of sklearn's fit()).
RunStats trainEdgewise(const training::PreparedData& data, const std::string& family,
                       const training::HyperParams& params, uint64_t seed,
                       training::HyperParams* effective,
                       std::unique_ptr<training::Classifier>* keep = nullptr) {
  RunStats s;
  auto model = training::createClassifier(family, params, seed, data.inputShape);
  if (!model.ok()) {
    s.error = model.error().toString();
    return s;
  }
  if (effective) *effective = (*model)->hyperParams();
  training::TrainContext ctx;
  ctx.valX = &data.val.X;
  ctx.valY = &data.val.y;
  double lastEpochSeconds = std::numeric_limits<double>::quiet_NaN();
  int lastEpoch = 0;
  ctx.progress = [&](const training::TrainProgress& p) {
    lastEpochSeconds = p.seconds;
    lastEpoch = p.epoch;
  };
  // The OpenCV families score the validation split inside train(ctx) for their progress
  // report; sklearn's fit() does not, so they train without it (same scope as the reference).
  const bool withContext = training::isEpochFamily(family) || family == "ensemble";
  const auto t0 = Clock::now();
  Result<void> r = withContext ? (*model)->train(data.train.X, data.train.y, data.numClasses(), ctx)
                               : (*model)->train(data.train.X, data.train.y, data.numClasses());
  const double wall = std::chrono::duration<double>(Clock::now() - t0).count();
  if (!r.ok()) {
    s.error = r.error().toString();
    return s;
  }
  s.trainSeconds =
      training::isEpochFamily(family) && std::isfinite(lastEpochSeconds) ? lastEpochSeconds : wall;
  if (training::isEpochFamily(family)) s.epochsRun = lastEpoch;
  auto m =
      training::computeMetrics(data.test.y, (*model)->predictBatch(data.test.X), data.numClasses());
  if (!m.ok()) {
    s.error = m.error().toString();
    return s;
  }
  s.accuracy = m->accuracy;
  s.macroF1 = m->macroF1;
  if (keep) *keep = std::move(model.value());
  return s;
}

RunStats runReference(const QString& python, const QString& script, const QString& dir,
                      const training::PreparedData& data, const std::string& family,
                      const training::HyperParams& params, uint64_t seed, int threads) {
  RunStats s;
  json meta = {{"family", family},
               {"input_shape", data.inputShape},
               {"num_classes", data.numClasses()},
               {"params", params},
               {"seed", seed},
               {"threads", threads}};
  QFile f(dir + u"/meta.json"_s);
  if (!f.open(QIODevice::WriteOnly)) {
    s.error = "cannot write meta.json";
    return s;
  }
  f.write(QByteArray::fromStdString(meta.dump()));
  f.close();
  QProcess p;
  p.start(python, {script, dir});
  if (!p.waitForStarted(10000) || !p.waitForFinished(3600 * 1000)) {
    s.error = "reference did not run: " + p.errorString().toStdString();
    p.kill();
    return s;
  }
  const QByteArray out = p.readAllStandardOutput();
  if (p.exitCode() != 0) {
    s.error = "reference failed: " + p.readAllStandardError().right(400).toStdString();
    return s;
  }
  const json j = json::parse(out.trimmed().split('\n').last().toStdString(), nullptr, false);
  if (!j.is_object() || !j.contains("accuracy")) {
    s.error = "reference printed no JSON: " + out.right(200).toStdString();
    return s;
  }
  s.accuracy = j.value("accuracy", s.accuracy);
  s.macroF1 = j.value("macro_f1", s.macroF1);
  s.trainSeconds = j.value("train_seconds", s.trainSeconds);
  s.epochsRun = j.value("epochs_run", 0);
  return s;
}

QStringList splitList(const QString& text) {
  QStringList out;
  for (const QString& s : text.split(u','))
    if (!s.trimmed().isEmpty()) out.push_back(s.trimmed());
  return out;
}

}  // namespace

int runBenchTrain(const QStringList& args) {
  CommandLine cl(u"bench train"_s,
                 u"Edgewise's model families against scikit-learn / PyTorch reference trainers "
                 "on the same splits; ensemble vs members; two-stage vs one-stage serving."_s);
  cl.addOption({u"dataset"_s, u"digits (default) or imu."_s, u"NAME"_s});
  cl.addOption({u"families"_s, u"Comma-separated families (default per dataset)."_s, u"LIST"_s});
  cl.addOption(
      {u"seeds"_s, u"Seeds per family (default 3): mean accuracy, median seconds."_s, u"N"_s});
  cl.addOption({u"epochs"_s,
                u"Epochs of the torch families (default: their data-aware defaults)."_s, u"N"_s});
  cl.addOption({u"threads"_s, u"Torch threads on both sides (default 1)."_s, u"N"_s});
  cl.addOption({u"per-class"_s, u"imu: windows per class (default 200)."_s, u"N"_s});
  cl.addOption({u"digits"_s, u"digits.png (default: the source tree's tests/data)."_s, u"FILE"_s});
  cl.addOption({u"bench-dir"_s, u"Folder with ref_torch.py / ref_sklearn.py."_s, u"DIR"_s});
  cl.addOption(
      {u"python"_s, u"Interpreter with numpy/sklearn/torch (/usr/bin/python3)."_s, u"EXE"_s});
  cl.addOption({u"no-reference"_s, u"Skip the Python references."_s});
  cl.addOption({u"no-ensemble"_s, u"Skip ensemble and two-stage comparisons."_s});
  cl.addOption({u"gate"_s,
                u"Two-stage gate candidates, FAMILY[:k=v,...] separated by ';' (default: "
                "logreg, two small rf, knn); the cheapest with validation gate accuracy >= "
                "0.99 is used."_s,
                u"SPECS"_s});
  cl.addOption({u"keep"_s, u"Keep the interchange folder at this path."_s, u"DIR"_s});
  cl.addOption({u"json"_s, u"Print JSON."_s});
  if (auto exit = cl.parse(args)) return *exit;

  const QString datasetName = cl.isSet(u"dataset"_s) ? cl.value(u"dataset"_s) : u"digits"_s;
  if (datasetName != u"digits" && datasetName != u"imu")
    return cl.usageError(u"--dataset must be digits or imu"_s);
  QStringList families = splitList(cl.value(u"families"_s));
  if (families.isEmpty())
    families = datasetName == u"digits"
                   ? QStringList{u"knn"_s, u"svm-rbf"_s, u"rf"_s, u"logreg"_s, u"mlp"_s, u"cnn2d"_s}
                   : QStringList{u"knn"_s, u"svm-rbf"_s, u"rf"_s, u"mlp"_s, u"cnn1d"_s};
  auto seeds = cl.intValue(u"seeds"_s, 3, 1, 100);
  auto epochs = cl.intValue(u"epochs"_s, 0, 1, 10000);
  auto threads = cl.intValue(u"threads"_s, 1, 0, 256);
  auto perClass = cl.intValue(u"per-class"_s, 200, 5, 100000);
  for (const auto* r : {&seeds, &epochs, &threads, &perClass})
    if (!r->ok()) return cl.usageError(qs(r->error().toString()));
  const QString benchDir = cl.isSet(u"bench-dir"_s) ? cl.value(u"bench-dir"_s)
                                                    : QStringLiteral(EDGEWISE_SOURCE_DIR "/bench");
  const QString python = cl.isSet(u"python"_s) ? cl.value(u"python"_s) : u"/usr/bin/python3"_s;
  const bool reference = !cl.isSet(u"no-reference"_s);
  auto gateSpecs = parseGateSpecs(cl.isSet(u"gate"_s) ? cl.value(u"gate"_s)
                                                      : QString::fromLatin1(kDefaultGates));
  if (!gateSpecs.ok()) return cl.usageError(qs(gateSpecs.error().toString()));
  training::setTorchThreads(static_cast<int>(*threads));

  QTemporaryDir tmp;
  if (!tmp.isValid()) return cl.failure(u"cannot create a temporary folder"_s);
  const QString xdir = cl.isSet(u"keep"_s) ? cl.value(u"keep"_s) : tmp.filePath(u"split"_s);
  QDir().mkpath(xdir);
  auto project = store::Project::open(tmp.filePath(u"bench.edgewise"_s).toStdString());
  if (!project.ok()) return cl.failure(qs(project.error().toString()));
  auto parsed = builtinDataset(datasetName, cl.value(u"digits"_s), static_cast<int>(*perClass));
  if (!parsed.ok()) return cl.failure(qs(parsed.error().toString()));
  auto imported = dataset::importDataset(**project, datasetName.toStdString(), *parsed);
  if (!imported.ok()) return cl.failure(qs(imported.error().toString()));
  auto data = training::prepareData(**project, datasetName.toStdString(), {});
  if (!data.ok()) return cl.failure(qs(data.error().toString()));
  if (!writeSplit(xdir, "train", data->train) || !writeSplit(xdir, "val", data->val) ||
      !writeSplit(xdir, "test", data->test))
    return cl.failure(u"cannot write the interchange files to "_s + xdir);

  const bool quiet = cl.isSet(u"json"_s);
  auto say = [&](const QString& s) { printErr(u"bench train: "_s + s + u"\n"_s); };
  json results = json::array();
  std::map<std::string, double> edgewiseAccuracy;
  for (const QString& fq : families) {
    const std::string family = fq.toStdString();
    training::HyperParams params;
    if (training::isEpochFamily(family)) {
      if (cl.isSet(u"epochs"_s)) params["epochs"] = std::to_string(*epochs);
      params["threads"] = std::to_string(*threads);
    }
    // The defaults trainAndRegister uses (image-shaped digits: the mlp's image recipe).
    params = training::withDataDefaults(family, data->inputShape, params);
    std::vector<RunStats> ours, theirs;
    for (int64_t s = 0; s < *seeds; ++s) {
      const uint64_t seed = 42 + static_cast<uint64_t>(s);
      training::HyperParams effective;
      say(u"%1 seed %2: edgewise"_s.arg(fq).arg(seed));
      ours.push_back(trainEdgewise(*data, family, params, seed, &effective));
      if (reference && ours.back().error.empty()) {
        const QString script = benchDir + (training::isEpochFamily(family) ? u"/ref_torch.py"_s
                                                                           : u"/ref_sklearn.py"_s);
        say(u"%1 seed %2: reference %3"_s.arg(fq).arg(seed).arg(QFileInfo(script).fileName()));
        theirs.push_back(runReference(python, script, xdir, *data, family, effective, seed,
                                      static_cast<int>(*threads)));
      }
      if (stopRequested()) return cl.failure(u"interrupted"_s);
    }
    json j;
    j["family"] = family;
    j["edgewise"] = statsJson(ours);
    if (reference) {
      j["reference"] = statsJson(theirs);
      const json& a = j["edgewise"];
      const json& b = j["reference"];
      if (a["accuracy"].is_number() && b["accuracy"].is_number()) {
        j["accuracy_delta_points"] =
            100.0 * (a["accuracy"].get<double>() - b["accuracy"].get<double>());
        j["time_ratio"] =
            b["train_seconds"].get<double>() > 0
                ? json(a["train_seconds"].get<double>() / b["train_seconds"].get<double>())
                : json(nullptr);
        if (a.contains("seconds_per_epoch") && b.contains("seconds_per_epoch") &&
            b["seconds_per_epoch"].get<double>() > 0)
          j["time_ratio_per_epoch"] =
              a["seconds_per_epoch"].get<double>() / b["seconds_per_epoch"].get<double>();
      }
    }
    if (j["edgewise"]["accuracy"].is_number())
      edgewiseAccuracy[family] = j["edgewise"]["accuracy"].get<double>();
    results.push_back(j);
  }

  json out;
  out["benchmark"] = "train";
  out["date"] = isoDateUtc();
  out["dataset"] = datasetName.toStdString();
  out["samples"] = {
      {"train", data->train.rows()}, {"val", data->val.rows()}, {"test", data->test.rows()}};
  out["input_shape"] = data->inputShape;
  out["seeds"] = *seeds;
  out["torch_epochs"] = cl.isSet(u"epochs"_s) ? json(*epochs) : json("defaults");
  out["threads"] = *threads;
  out["families"] = results;

  if (!cl.isSet(u"no-ensemble"_s)) {
    // Ensemble of the default members (greedy forward selection on validation) against each
    // member trained alone (same defaults, same seeds): validation figures from the ensemble's
    // record, test accuracy as the mean over the seeds.
    say(u"ensemble (knn, svm-rbf, rf, mlp)"_s);
    const std::vector<std::string> memberList = {"knn", "svm-rbf", "rf", "mlp"};
    training::HyperParams mlpParams = {{"threads", std::to_string(*threads)}};
    if (cl.isSet(u"epochs"_s)) mlpParams["epochs"] = std::to_string(*epochs);
    mlpParams = training::withDataDefaults("mlp", data->inputShape, mlpParams);
    training::HyperParams ep = {{"members", "knn,svm-rbf,rf,mlp"}};
    for (const auto& [k, v] : mlpParams) ep["mlp." + k] = v;
    // Per seed: the ensemble is trained with every member kept (select=none), saved and loaded
    // back as an Ensemble, each member scored on test through memberVotes, then the selection
    // on validation runs (what select=validation does inside training) and the selected
    // ensemble is scored on test: ensemble vs *its own* members, same seeds.
    std::vector<RunStats> ensRuns;
    json valRuns = json::array();
    double ownBestSum = 0.0;
    int ownBestRuns = 0;
    ep["select"] = "none";
    for (int64_t sd = 0; sd < *seeds; ++sd) {
      std::unique_ptr<training::Classifier> model;
      RunStats rs =
          trainEdgewise(*data, "ensemble", ep, 42 + static_cast<uint64_t>(sd), nullptr, &model);
      json v = {{"seed", 42 + sd}};
      if (model) {
        const training::HyperParams hp = model->hyperParams();
        if (hp.count("member_val_accuracy"))
          v["member_val_accuracy"] = hp.at("member_val_accuracy");
        const std::string file = tmp.filePath(u"ensemble.model"_s).toStdString();
        auto saved = model->save(file);
        auto loaded = saved.ok() ? training::loadClassifier(file)
                                 : Result<std::unique_ptr<training::Classifier>>(saved.error());
        auto* ens = loaded.ok() ? dynamic_cast<training::Ensemble*>(loaded->get()) : nullptr;
        if (ens) {
          const std::vector<std::string> ids = ens->memberIds();
          std::vector<int> correct(ids.size(), 0);
          for (int r = 0; r < data->test.X.rows; ++r) {
            const std::vector<int> votes =
                ens->memberVotes(data->test.X.ptr<float>(r), data->test.X.cols);
            for (size_t i = 0; i < votes.size() && i < ids.size(); ++i)
              correct[i] += votes[i] == data->test.y[static_cast<size_t>(r)];
          }
          json memberTest = json::object();
          double ownBest = -1;
          for (size_t i = 0; i < ids.size(); ++i) {
            const double a = static_cast<double>(correct[i]) / data->test.X.rows;
            memberTest[ids[i]] = a;
            ownBest = std::max(ownBest, a);
          }
          v["member_test_accuracy"] = memberTest;
          v["best_member_test_accuracy"] = ownBest;
          ens->selectByValidation(data->val.X, data->val.y);
          const training::HyperParams kept = ens->hyperParams();
          v["kept"] = kept.count("members") ? kept.at("members") : "";
          v["weights"] = kept.count("weights") ? kept.at("weights") : "";
          const std::vector<int> valPred = ens->predictBatch(data->val.X);
          const std::vector<int> testPred = ens->predictBatch(data->test.X);
          auto acc = [](const std::vector<int>& p, const std::vector<int>& y) {
            size_t c = 0;
            for (size_t i = 0; i < y.size() && i < p.size(); ++i) c += p[i] == y[i];
            return y.empty() ? 0.0 : static_cast<double>(c) / static_cast<double>(y.size());
          };
          v["val_accuracy"] = acc(valPred, data->val.y);
          rs.accuracy = acc(testPred, data->test.y);
          auto m = training::computeMetrics(data->test.y, testPred, data->numClasses());
          if (m.ok()) rs.macroF1 = m->macroF1;
          v["test_accuracy"] = rs.accuracy;
          ownBestSum += ownBest;
          ++ownBestRuns;
        } else {
          rs.error = "cannot reload the ensemble: " +
                     (loaded.ok() ? std::string("not an Ensemble") : loaded.error().toString());
        }
      }
      ensRuns.push_back(rs);
      valRuns.push_back(v);
      if (stopRequested()) return cl.failure(u"interrupted"_s);
    }
    json memberAcc = json::object();
    double best = -1;
    std::string bestName;
    for (const std::string& m : memberList) {
      double acc;
      if (edgewiseAccuracy.count(m)) {
        acc = edgewiseAccuracy[m];
      } else {
        training::HyperParams mp;
        if (m == "mlp") mp = mlpParams;
        std::vector<RunStats> runs;
        for (int64_t sd = 0; sd < *seeds; ++sd)
          runs.push_back(trainEdgewise(*data, m, mp, 42 + static_cast<uint64_t>(sd), nullptr));
        const json st = statsJson(runs);
        acc = st["accuracy"].is_number() ? st["accuracy"].get<double>()
                                         : std::numeric_limits<double>::quiet_NaN();
      }
      memberAcc[m] = std::isfinite(acc) ? json(acc) : json(nullptr);
      if (std::isfinite(acc) && acc > best) {
        best = acc;
        bestName = m;
      }
    }
    const json ensStats = statsJson(ensRuns);
    json e = {{"members", memberAcc},
              {"best_member", bestName},
              {"best_member_accuracy", best},
              {"ensemble", ensStats},
              {"selection", valRuns}};
    if (ensStats["accuracy"].is_number())
      e["delta_points_vs_best"] = 100.0 * (ensStats["accuracy"].get<double>() - best);
    if (ownBestRuns > 0) {
      e["own_best_member_accuracy"] = ownBestSum / ownBestRuns;
      if (ensStats["accuracy"].is_number())
        e["delta_points_vs_own_best"] =
            100.0 * (ensStats["accuracy"].get<double>() - ownBestSum / ownBestRuns);
    }
    out["ensemble"] = e;

    // Two-stage: a gate (class 0 = background vs the rest) chosen on validation among the
    // candidates, in front of svm-rbf, against the same svm-rbf alone, on a stream that is 90 %
    // background drawn from the test split.
    say(u"two-stage: choosing the gate"_s);
    std::vector<training::GateCandidate> candidates;
    for (const GateSpec& g : *gateSpecs) {
      const std::vector<int> shape = data->inputShape;
      candidates.push_back({g.text, [g, shape]() {
                              return training::createClassifier(g.family, g.params, 42, shape);
                            }});
    }
    json t;
    auto choice = training::chooseGate(candidates, data->train.X, data->train.y, data->val.X,
                                       data->val.y, 0, 0.99);
    auto main = training::createClassifier("svm-rbf", {}, 42, data->inputShape);
    Result<void> mainTrained =
        main.ok() ? (*main)->train(data->train.X, data->train.y, data->numClasses())
                  : Result<void>(main.error());
    if (choice.ok() && mainTrained.ok()) {
      json trials = json::array();
      for (const training::GateTrial& g : choice->trials) {
        json gj = {{"gate", g.name}};
        if (g.error.empty()) {
          gj["val_accuracy"] = g.valAccuracy;
          gj["val_event_recall"] = g.eventRecall;
          gj["mean_us"] = g.meanUs;
          gj["train_seconds"] = g.trainSeconds;
        } else {
          gj["error"] = g.error;
        }
        trials.push_back(gj);
      }
      const training::GateTrial& chosen = choice->trials[static_cast<size_t>(choice->chosen)];
      say(u"two-stage gate: %1 (validation gate accuracy %2, %3 us)%4"_s.arg(qs(chosen.name))
              .arg(chosen.valAccuracy, 0, 'f', 4)
              .arg(chosen.meanUs, 0, 'f', 1)
              .arg(choice->metAccuracy ? QString() : u" - no candidate reached 0.99"_s));
      training::TwoStageClassifier two(std::move(choice->gate), std::move(main.value()), 0);
      auto stream =
          training::makeBackgroundHeavyStream(data->test.X, data->test.y, 0, 0.9, 3000, 42);
      if (stream.ok()) {
        say(u"two-stage (gate + svm-rbf) vs svm-rbf"_s);
        const training::ServingComparison c =
            training::compareServing(*two.mainClassifier(), two, stream->X, stream->y);
        auto sj = [](const training::ServingStats& s) {
          return json{{"accuracy", s.accuracy},
                      {"mean_us", s.meanUs},
                      {"p50_us", s.p50Us},
                      {"p99_us", s.p99Us}};
        };
        t = {{"background_class", data->dataset.classNames[0]},
             {"background_fraction", 0.9},
             {"gate", chosen.name},
             {"gate_met_accuracy", choice->metAccuracy},
             {"gate_candidates", trials},
             {"main", "svm-rbf"},
             {"samples", c.samples},
             {"one_stage", sj(c.oneStage)},
             {"two_stage", sj(c.twoStage)},
             {"to_main_fraction", two.samplesSeen() > 0
                                      ? static_cast<double>(two.samplesToMain()) / two.samplesSeen()
                                      : 0.0},
             {"accuracy_delta_points", 100.0 * (c.twoStage.accuracy - c.oneStage.accuracy)},
             {"mean_latency_cut",
              c.oneStage.meanUs > 0 ? 1.0 - c.twoStage.meanUs / c.oneStage.meanUs : 0.0},
             {"speedup_mean", c.twoStage.meanUs > 0 ? c.oneStage.meanUs / c.twoStage.meanUs : 0.0}};
      } else {
        t = {{"error", stream.error().toString()}};
      }
    } else {
      t = {{"error", !choice.ok() ? choice.error().toString() : mainTrained.error().toString()}};
    }
    out["two_stage"] = t;
  }

  if (cl.isSet(u"json"_s)) {
    printOut(qs(out.dump(2)) + u"\n"_s);
    return kExitOk;
  }
  (void)quiet;
  printOut(u"family       edgewise acc  ref acc  delta pts  edgewise s    ref s  ratio\n"_s);
  for (const json& j : results) {
    auto num = [](const json& v, int prec) {
      return v.is_number() ? QString::number(v.get<double>(), 'f', prec) : u"-"_s;
    };
    const json empty = json::object();
    const json& r = j.contains("reference") ? j["reference"] : empty;
    printOut(u"%1 %2 %3 %4 %5 %6 %7\n"_s.arg(qs(j["family"].get<std::string>()), -12)
                 .arg(num(j["edgewise"]["accuracy"], 4), 12)
                 .arg(num(r.value("accuracy", json()), 4), 8)
                 .arg(num(j.value("accuracy_delta_points", json()), 2), 10)
                 .arg(num(j["edgewise"]["train_seconds"], 2), 11)
                 .arg(num(r.value("train_seconds", json()), 2), 8)
                 .arg(num(j.value("time_ratio", json()), 2), 6));
  }
  if (out.contains("ensemble")) printOut(u"ensemble: "_s + qs(out["ensemble"].dump()) + u"\n"_s);
  if (out.contains("two_stage")) printOut(u"two-stage: "_s + qs(out["two_stage"].dump()) + u"\n"_s);
  return kExitOk;
}

}  // namespace edgewise::cli
