#include "app/cli/service_util.h"

#include <chrono>
#include <cmath>
#include <memory>

#include "app/cli/cli_common.h"
#include "core/dataset/data/importers.h"
#include "core/dataset/data/simulated_dataset.h"

#ifndef EDGEWISE_SOURCE_DIR
#define EDGEWISE_SOURCE_DIR "."
#endif

namespace edgewise::cli {

using namespace Qt::StringLiterals;

namespace {

Result<dataset::SplitParams> splitOption(const CommandLine& cl) {
  dataset::SplitParams split;
  if (cl.isSet(u"split"_s)) {
    const QStringList parts = cl.value(u"split"_s).split(u',');
    if (parts.size() != 3) return Error("--split takes TRAIN,VAL,TEST fractions");
    double f[3];
    for (int i = 0; i < 3; ++i) {
      bool ok = false;
      f[i] = parts[i].toDouble(&ok);
      if (!ok) return Error("--split takes TRAIN,VAL,TEST fractions");
    }
    split.trainFraction = f[0];
    split.valFraction = f[1];
    split.testFraction = f[2];
  }
  Result<int64_t> seed = cl.intValue(u"split-seed"_s, 42, 0, INT64_MAX);
  if (!seed.ok()) return seed.error();
  split.seed = static_cast<uint64_t>(*seed);
  return split;
}

Result<training::FeatureSpec> featureOption(const CommandLine& cl) {
  training::FeatureSpec spec;
  spec.blockId = cl.value(u"features"_s).toStdString();
  auto kv = keyValues(cl.values(u"feature-param"_s), "feature-param");
  if (!kv.ok()) return kv.error();
  for (const auto& [k, v] : *kv) {
    bool ok = false;
    const double d = qs(v).toDouble(&ok);
    if (!ok) return Error("--feature-param " + k + " must be a number, got '" + v + "'");
    spec.params[k] = d;
  }
  return spec;
}

}  // namespace

// "k=v" pairs; an entry without '=' is a usage error.
Result<std::map<std::string, std::string>> keyValues(const QStringList& items, const char* option) {
  std::map<std::string, std::string> out;
  for (const QString& item : items) {
    const qsizetype eq = item.indexOf(u'=');
    if (eq <= 0)
      return Error(std::string("--") + option + " takes KEY=VALUE, got '" + item.toStdString() +
                   "'");
    out[item.left(eq).toStdString()] = item.mid(eq + 1).toStdString();
  }
  return out;
}

// The split and feature options addPrepareOptions() declared.
Result<training::PrepareOptions> prepareOptions(const CommandLine& cl) {
  training::PrepareOptions prepare;
  auto split = splitOption(cl);
  if (!split.ok()) return split.error();
  prepare.split = *split;
  auto features = featureOption(cl);
  if (!features.ok()) return features.error();
  prepare.features = *features;
  prepare.annotatorLabels = !cl.isSet(u"stored-labels"_s);
  return prepare;
}

void addPrepareOptions(CommandLine& cl) {
  cl.addOption({u"features"_s, u"Feature block (default: by dataset kind)."_s, u"BLOCK"_s});
  cl.addOption({u"feature-param"_s, u"A feature block parameter (repeatable)."_s, u"KEY=VALUE"_s});
  cl.addOption({u"split"_s, u"Train, val, test fractions (0.7,0.15,0.15)."_s, u"T,V,T"_s});
  cl.addOption({u"split-seed"_s, u"Seed of the stratified split (42)."_s, u"SEED"_s});
  cl.addOption({u"stored-labels"_s,
                u"The dataset's stored labels, not the annotators' effective labels."_s});
}

Result<dataset::ParsedDataset> builtinDataset(const QString& name, const QString& digitsFile,
                                              int perClass) {
  if (name == u"digits") {
    const QString file = digitsFile.isEmpty()
                             ? QStringLiteral(EDGEWISE_SOURCE_DIR "/tests/data/digits.png")
                             : digitsFile;
    return dataset::readDigitsPng(file.toStdString());
  }
  if (name == u"imu") return dataset::simulateImuActivityDataset(perClass, 2.0, 50.0, 42);
  return Error("unknown built-in dataset '" + name.toStdString() + "' (known: digits, imu)");
}

CancelWatch::CancelWatch() {
  installStopHandlers();
  m_thread = std::thread([this] {
    while (!m_done.load()) {
      if (stopRequested()) m_cancel.store(true);
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
}

CancelWatch::~CancelWatch() {
  m_done.store(true);
  m_thread.join();
}

training::TrainProgressFn stderrProgress(bool quiet) {
  if (quiet) return {};
  auto last = std::make_shared<std::string>();
  return [last](double f, const std::string& msg, const training::TrainProgress* epoch) {
    if (msg == *last && !epoch) return;
    *last = msg;
    QString line = u"[%1%] "_s.arg(static_cast<int>(std::lround(f * 100)), 3) + qs(msg);
    if (epoch) {
      // Families without epochs report NaN for what they do not measure.
      if (std::isfinite(epoch->trainLoss))
        line += u" train loss %1"_s.arg(epoch->trainLoss, 0, 'f', 4);
      if (std::isfinite(epoch->trainAccuracy))
        line += u" train acc %1"_s.arg(epoch->trainAccuracy, 0, 'f', 4);
      if (std::isfinite(epoch->valLoss)) line += u" val loss %1"_s.arg(epoch->valLoss, 0, 'f', 4);
      if (std::isfinite(epoch->valAccuracy))
        line += u" val acc %1"_s.arg(epoch->valAccuracy, 0, 'f', 4);
    }
    printErr(line + u"\n"_s);
  };
}

}  // namespace edgewise::cli
