// edgewise-cli compress (the compression lab of core/training/service/compress_service.h),
// export --model (TorchScript / C99 / native), and the hidden probe-model that the service runs
// as a child process to measure a model's peak RSS.

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cmath>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/service_util.h"
#include "core/store/project.h"
#include "core/training/service/compress_service.h"
#include "core/training/service/model_factory.h"
#include "core/training/service/train_service.h"

namespace edgewise::cli {

using namespace Qt::StringLiterals;
using nlohmann::json;

namespace {

// VmHWM (peak resident set) of this process in bytes, 0 when /proc is not there.
int64_t peakRssBytes() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) {
      const long long kb = std::atoll(line.c_str() + 6);
      return static_cast<int64_t>(kb) * 1024;
    }
  }
  return 0;
}

QString humanBytes(int64_t b) {
  if (b >= 1024 * 1024)
    return u"%1 MiB"_s.arg(static_cast<double>(b) / (1024.0 * 1024.0), 0, 'f', 2);
  if (b >= 1024) return u"%1 KiB"_s.arg(static_cast<double>(b) / 1024.0, 0, 'f', 1);
  return u"%1 B"_s.arg(b);
}

void printMeasure(const char* label, const training::VariantMeasure& m) {
  printOut(
      u"%1 model %2 (%3): %4, %5 params (%6 non-zero), accuracy %7, macro F1 %8, "
      "latency p50 %9 us"_s.arg(QString::fromLatin1(label))
          .arg(m.modelId)
          .arg(qs(m.family))
          .arg(humanBytes(m.sizeBytes))
          .arg(m.params)
          .arg(m.paramsNonzero)
          .arg(m.accuracy, 0, 'f', 4)
          .arg(m.macroF1, 0, 'f', 4)
          .arg(m.latency.p50Us, 0, 'f', 1) +
      u" p99 %1 us (cv %2), peak RSS %3, MCU flash %4 RAM %5\n"_s.arg(m.latency.p99Us, 0, 'f', 1)
          .arg(m.latency.cv, 0, 'f', 2)
          .arg(m.peakRssBytes > 0 ? humanBytes(m.peakRssBytes) : u"-"_s)
          .arg(m.mcuFlashBytes > 0 ? humanBytes(m.mcuFlashBytes) : u"-"_s)
          .arg(m.mcuRamBytes > 0 ? humanBytes(m.mcuRamBytes) : u"-"_s));
}

}  // namespace

int runCompress(const QStringList& args) {
  QString methods;
  for (const auto& [m, d] : training::compressionMethods())
    methods += u"\n  "_s + qs(m) + u": "_s + qs(d);
  CommandLine cl(u"compress"_s,
                 u"Compresses a stored model with a recipe (one method or a chain such as "
                 "prune:0.8+int8), measures the variant and its parent in the same run and stores "
                 "the variant with lineage. Methods:"_s +
                     methods);
  cl.addOption({u"project"_s, u"Project file."_s, u"FILE"_s});
  cl.addOption({u"model"_s, u"Parent model id (see 'edgewise-cli models')."_s, u"ID"_s});
  cl.addOption({u"method"_s, u"Recipe: METHOD[:AMOUNT][+METHOD[:AMOUNT]...]."_s, u"RECIPE"_s});
  cl.addOption({u"finetune-epochs"_s,
                u"Fine-tuning epochs after pruning / low rank; distillation epochs (0 = 30)."_s,
                u"N"_s});
  cl.addOption(
      {u"calibration"_s, u"Static int8: calibration rows of the training split (256)."_s, u"N"_s});
  cl.addOption({u"temperature"_s, u"Distillation temperature (2)."_s, u"T"_s});
  cl.addOption({u"alpha"_s, u"Distillation: weight of the soft loss (0.5)."_s, u"A"_s});
  cl.addOption(
      {u"engine"_s, u"Quantized engine: auto, qnnpack, onednn, fbgemm (auto)."_s, u"ENGINE"_s});
  cl.addOption({u"name"_s, u"Variant name (default: parent name + recipe)."_s, u"NAME"_s});
  cl.addOption({u"seed"_s, u"Seed of calibration sampling and fine-tuning (42)."_s, u"SEED"_s});
  cl.addOption({u"latency-seconds"_s, u"Latency measuring time per model (1)."_s, u"S"_s});
  cl.addOption({u"quiet"_s, u"No progress lines on stderr."_s});
  cl.addOption({u"json"_s, u"Print the report as JSON."_s});
  if (auto exit = cl.parse(args)) return *exit;
  if (cl.value(u"project"_s).isEmpty()) return cl.usageError(u"--project FILE is required"_s);
  auto id = cl.intValue(u"model"_s, -1, 1, INT64_MAX);
  if (!id.ok()) return cl.usageError(qs(id.error().toString()));
  if (*id < 0) return cl.usageError(u"--model ID is required"_s);
  if (cl.value(u"method"_s).isEmpty()) return cl.usageError(u"--method RECIPE is required"_s);
  training::CompressRequest req;
  req.modelId = *id;
  req.recipe = cl.value(u"method"_s).toStdString();
  if (auto steps = training::parseRecipe(req.recipe); !steps.ok())
    return cl.usageError(qs(steps.error().toString()));
  auto epochs = cl.intValue(u"finetune-epochs"_s, 0, 0, 100000);
  auto calib = cl.intValue(u"calibration"_s, 256, 1, 10000000);
  auto seed = cl.intValue(u"seed"_s, 42, 0, INT64_MAX);
  for (const auto* r : {&epochs, &calib, &seed})
    if (!r->ok()) return cl.usageError(qs(r->error().toString()));
  auto temperature = cl.doubleValue(u"temperature"_s, 2.0, 1e-3, 1e3);
  auto alpha = cl.doubleValue(u"alpha"_s, 0.5, 0.0, 1.0);
  auto latency = cl.doubleValue(u"latency-seconds"_s, 1.0, 0.0, 600.0);
  for (const auto* r : {&temperature, &alpha, &latency})
    if (!r->ok()) return cl.usageError(qs(r->error().toString()));
  req.finetuneEpochs = static_cast<int>(*epochs);
  req.calibrationSamples = static_cast<int>(*calib);
  req.seed = static_cast<uint64_t>(*seed);
  req.temperature = *temperature;
  req.alpha = *alpha;
  req.latencySeconds = *latency;
  req.name = cl.value(u"name"_s).toStdString();
  if (cl.isSet(u"engine"_s)) req.engine = cl.value(u"engine"_s).toStdString();

  auto project =
      store::Project::open(cl.value(u"project"_s).toStdString(), store::OpenMode::OpenExisting);
  if (!project.ok()) return cl.failure(qs(project.error().toString()));
  CancelWatch watch;
  Result<training::CompressReport> r = training::compressAndRegister(
      **project, req, stderrProgress(cl.isSet(u"quiet"_s)), watch.flag());
  if (!r.ok()) {
    if (r.error().message == training::kCancelledMessage) {
      printErr(u"edgewise-cli compress: cancelled; nothing was stored\n"_s);
      return kExitFailure;
    }
    return cl.failure(qs(r.error().toString()));
  }
  // Warnings always reach stderr, loudly, whatever the output format.
  for (const std::string& w : r->warnings) printErr(u"WARNING: "_s + qs(w) + u"\n"_s);
  if (cl.isSet(u"json"_s)) {
    printOut(qs(training::compressReportToJson(*r)) + u"\n"_s);
    return kExitOk;
  }
  printOut(u"variant %1 \"%2\" (%3) stored, recipe %4, %5 s\n"_s.arg(r->variant.modelId)
               .arg(qs(r->variant.name))
               .arg(qs(r->variant.family))
               .arg(qs(r->recipe))
               .arg(r->seconds, 0, 'f', 1));
  printMeasure("parent ", r->parent);
  printMeasure("variant", r->variant);
  auto ratio = [](double a, double b) { return b > 0 ? a / b : 0.0; };
  printOut(
      u"ratios to the parent: size %1, non-zero params %2, p50 latency %3, accuracy %4 "
      "points\n"_s.arg(ratio(r->variant.sizeBytes, r->parent.sizeBytes), 0, 'f', 3)
          .arg(ratio(r->variant.paramsNonzero, r->parent.paramsNonzero), 0, 'f', 3)
          .arg(ratio(r->variant.latency.p50Us, r->parent.latency.p50Us), 0, 'f', 3)
          .arg(100.0 * (r->variant.accuracy - r->parent.accuracy), 0, 'f', 2));
  for (const training::LayerError& e : r->layerErrors)
    printOut(u"  SQNR %1: %2 dB\n"_s.arg(qs(e.layer)).arg(e.sqnrDb, 0, 'f', 1));
  for (const std::string& n : r->notes) printOut(u"  note: "_s + qs(n) + u"\n"_s);
  return kExitOk;
}

// Hidden: loads a model file, predicts the rows of a rows file (int32 rows, int32 cols,
// float32 data) and prints {"vmhwm_bytes": ...}: the peak RSS of serving that model.
int runProbeModel(const QStringList& args) {
  CommandLine cl(u"probe-model"_s, u"Internal: peak RSS of loading a model and predicting."_s);
  cl.addOption({u"file"_s, u"Model file."_s, u"FILE"_s});
  cl.addOption({u"rows"_s, u"Rows file (int32 rows, int32 cols, float32 values)."_s, u"FILE"_s});
  if (auto exit = cl.parse(args)) return *exit;
  if (cl.value(u"file"_s).isEmpty() || cl.value(u"rows"_s).isEmpty())
    return cl.usageError(u"--file and --rows are required"_s);
  const int64_t before = peakRssBytes();
  auto model = training::loadClassifier(cl.value(u"file"_s).toStdString());
  if (!model.ok()) return cl.failure(qs(model.error().toString()));
  QFile f(cl.value(u"rows"_s));
  if (!f.open(QIODevice::ReadOnly)) return cl.failure(u"cannot read "_s + cl.value(u"rows"_s));
  int32_t dims[2] = {0, 0};
  if (f.read(reinterpret_cast<char*>(dims), sizeof dims) != sizeof dims || dims[0] < 0 ||
      dims[1] <= 0)
    return cl.failure(u"bad rows file header"_s);
  cv::Mat X(dims[0], dims[1], CV_32F);
  const qint64 bytes = static_cast<qint64>(X.total()) * 4;
  if (f.read(reinterpret_cast<char*>(X.data), bytes) != bytes)
    return cl.failure(u"the rows file is truncated"_s);
  // Single-sample inference, as a device serves it.
  int sum = 0;
  for (int r = 0; r < X.rows; ++r) sum += (*model)->predict(X.ptr<float>(r), X.cols);
  json j = {{"vmhwm_bytes", peakRssBytes()},
            {"vmhwm_before_load_bytes", before},
            {"rows", X.rows},
            {"checksum", sum}};
  printOut(qs(j.dump()) + u"\n"_s);
  return kExitOk;
}

// export --model: TorchScript file, C99 folder or the native model file.
int runExportStoredModel(const QStringList& args) {
  CommandLine cl(u"export"_s,
                 u"Exports a stored model: torchscript (a .pt for Linux devices), c99 (a folder "
                 "of dependency-free C sources for microcontrollers) or native."_s);
  cl.addOption({u"project"_s, u"Project file."_s, u"FILE"_s});
  cl.addOption({u"model"_s, u"Model id."_s, u"ID"_s});
  cl.addOption({u"format"_s, u"torchscript, c99 or native."_s, u"FORMAT"_s});
  cl.addOption({u"out"_s,
                u"Folder to write (c99; torchscript/native write model.pt/model.bin in it, or "
                "the file itself when the name ends in .pt/.bin)."_s,
                u"DIR"_s});
  cl.addOption({u"json"_s, u"Print the written files as JSON."_s});
  if (auto exit = cl.parse(args)) return *exit;
  if (cl.value(u"project"_s).isEmpty()) return cl.usageError(u"--project FILE is required"_s);
  if (cl.value(u"out"_s).isEmpty()) return cl.usageError(u"--out DIR is required"_s);
  auto id = cl.intValue(u"model"_s, -1, 1, INT64_MAX);
  if (!id.ok()) return cl.usageError(qs(id.error().toString()));
  if (*id < 0) return cl.usageError(u"--model ID is required"_s);
  const QString format = cl.value(u"format"_s);
  if (format != u"torchscript" && format != u"c99" && format != u"native")
    return cl.usageError(u"--format must be torchscript, c99 or native"_s);
  QString out = cl.value(u"out"_s);
  if (format != u"c99" && !out.endsWith(u".pt"_s) && !out.endsWith(u".bin"_s)) {
    if (!QDir().mkpath(out)) return cl.failure(u"cannot create "_s + out);
    out = QDir(out).filePath(format == u"torchscript" ? u"model.pt"_s : u"model.bin"_s);
  }
  auto project =
      store::Project::open(cl.value(u"project"_s).toStdString(), store::OpenMode::OpenExisting);
  if (!project.ok()) return cl.failure(qs(project.error().toString()));
  Result<void> r = training::exportModel(**project, *id, format.toStdString(), out.toStdString());
  if (!r.ok()) return cl.failure(qs(r.error().toString()));
  QStringList files;
  if (format == u"c99") {
    for (const QFileInfo& fi : QDir(out).entryInfoList(QDir::Files, QDir::Name))
      files << fi.absoluteFilePath();
  } else {
    files << QFileInfo(out).absoluteFilePath();
  }
  if (cl.isSet(u"json"_s)) {
    json j = {{"model_id", *id}, {"format", format.toStdString()}, {"out", out.toStdString()}};
    json fj = json::array();
    for (const QString& f : files)
      fj.push_back({{"path", f.toStdString()}, {"bytes", QFileInfo(f).size()}});
    j["files"] = fj;
    printOut(qs(j.dump()) + u"\n"_s);
    return kExitOk;
  }
  printOut(u"exported model %1 (%2) to %3\n"_s.arg(*id).arg(format).arg(out));
  for (const QString& f : files) printOut(u"  "_s + f + u"\n"_s);
  return kExitOk;
}

}  // namespace edgewise::cli
