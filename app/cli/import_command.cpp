// edgewise-cli import: CSV, IDX (MNIST), image folders, WAV folders, OpenCV's digits.png, the
// simulated IMU set or labeled recordings of the project into a named dataset of a project
// (created when missing; --format recording needs an existing project).

#include <nlohmann/json.hpp>

#include <memory>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "core/dataset/data/importers.h"
#include "core/dataset/data/simulated_dataset.h"
#include "core/labeling/agreement.h"
#include "core/store/project.h"

namespace edgewise::cli {

using namespace Qt::StringLiterals;

namespace {

void printRejected(const std::vector<dataset::Rejection>& rejected) {
  if (rejected.empty()) return;
  printOut(u"rejected %1:\n"_s.arg(rejected.size()));
  for (const dataset::Rejection& r : rejected) {
    printOut(u"  "_s + qs(r.source) + u": "_s + qs(r.reason) + u"\n"_s);
  }
}

nlohmann::json rejectedJson(const std::vector<dataset::Rejection>& rejected) {
  nlohmann::json a = nlohmann::json::array();
  for (const dataset::Rejection& r : rejected)
    a.push_back({{"source", r.source}, {"reason", r.reason}});
  return a;
}

}  // namespace

int runImport(const QStringList& args) {
  CommandLine cl(u"import"_s, u"Imports a dataset into a project (created if missing)."_s);
  cl.addOption({u"project"_s, u"Project file."_s, u"FILE"_s});
  cl.addOption({u"name"_s, u"Name of the new dataset."_s, u"NAME"_s});
  cl.addOption(
      {u"format"_s, u"idx, csv, images, wav, digits, imu-sim or recording."_s, u"FORMAT"_s});
  cl.addOption({u"images"_s, u"idx: an images file (repeat with --labels)."_s, u"FILE"_s});
  cl.addOption({u"labels"_s, u"idx: the labels file of the preceding --images."_s, u"FILE"_s});
  cl.addOption({u"file"_s, u"csv: the CSV file; digits: digits.png."_s, u"FILE"_s});
  cl.addOption({u"label-column"_s, u"csv: label column name or 0-based index."_s, u"COLUMN"_s});
  cl.addOption({u"no-header"_s, u"csv: the first row is data, not a header."_s});
  cl.addOption({u"dir"_s, u"images/wav: folder with one subfolder per class."_s, u"DIR"_s});
  cl.addOption({u"per-class"_s, u"imu-sim: windows per class (200)."_s, u"N"_s});
  cl.addOption({u"window-ms"_s, u"imu-sim, recording: window length in ms (2000)."_s, u"MS"_s});
  cl.addOption({u"stride-ms"_s, u"recording: window start every MS ms (1000)."_s, u"MS"_s});
  cl.addOption(
      {u"recording"_s, u"recording: a recording id (repeat, each with --label)."_s, u"ID"_s});
  cl.addOption({u"label"_s, u"recording: the class of the preceding --recording."_s, u"LABEL"_s});
  cl.addOption({u"effective-labels"_s,
                u"recording: label each window with the Labeling pane's effective labels (the "
                u"class covering more than half of it) instead of --label."_s});
  cl.addOption({u"stream"_s,
                u"recording: device/topic to read (once for all, or once per recording; "
                u"default: the recording's first time-series stream)."_s,
                u"STREAM"_s});
  cl.addOption({u"rate"_s, u"imu-sim: sample rate in Hz (50)."_s, u"HZ"_s});
  cl.addOption({u"seed"_s, u"imu-sim: seed (42)."_s, u"SEED"_s});
  cl.addOption({u"json"_s, u"Print the result as JSON."_s});
  if (auto exit = cl.parse(args)) return *exit;

  const QString projectPath = cl.value(u"project"_s);
  const QString name = cl.value(u"name"_s);
  const QString format = cl.value(u"format"_s);
  if (projectPath.isEmpty()) return cl.usageError(u"--project FILE is required"_s);
  if (name.isEmpty()) return cl.usageError(u"--name NAME is required"_s);

  Result<dataset::ParsedDataset> parsed = Error("no format");
  std::unique_ptr<store::Project> recordingProject;
  if (format == u"recording") {
    const QStringList ids = cl.values(u"recording"_s);
    const QStringList labels = cl.values(u"label"_s);
    const QStringList streams = cl.values(u"stream"_s);
    const bool effective = cl.isSet(u"effective-labels"_s);
    if (effective && !labels.isEmpty())
      return cl.usageError(u"--effective-labels and --label exclude each other"_s);
    if (ids.isEmpty() || (!effective && ids.size() != labels.size())) {
      return cl.usageError(
          u"--format recording needs --recording ID --label LABEL pairs, or --recording IDs "
          u"with --effective-labels"_s);
    }
    if (streams.size() > 1 && streams.size() != ids.size()) {
      return cl.usageError(u"--stream is given once (for all recordings) or once per recording"_s);
    }
    auto windowMs = cl.doubleValue(u"window-ms"_s, 2000.0, 1.0, 3600000.0);
    if (!windowMs.ok()) return cl.usageError(qs(windowMs.error().toString()));
    auto strideMs = cl.doubleValue(u"stride-ms"_s, 1000.0, 1.0, 3600000.0);
    if (!strideMs.ok()) return cl.usageError(qs(strideMs.error().toString()));
    std::vector<dataset::RecordingSource> sources;
    for (qsizetype i = 0; i < ids.size(); ++i) {
      bool ok = false;
      const qlonglong id = ids[i].toLongLong(&ok);
      if (!ok) return cl.usageError(u"--recording wants a number, got '"_s + ids[i] + u"'"_s);
      dataset::RecordingSource src;
      src.recordingId = id;
      if (!effective) src.label = labels[i].toStdString();
      if (!streams.isEmpty()) src.stream = streams[streams.size() == 1 ? 0 : i].toStdString();
      sources.push_back(std::move(src));
    }
    auto opened = store::Project::open(projectPath.toStdString(), store::OpenMode::OpenExisting);
    if (!opened.ok()) return cl.failure(qs(opened.error().toString()));
    recordingProject = std::move(*opened);
    std::vector<std::optional<dataset::RecordingLabels>> effectiveLabels;
    if (effective) {
      labeling::LabelRepository repo(*recordingProject);
      for (const dataset::RecordingSource& src : sources) {
        auto labels = labeling::effectiveRecordingLabels(repo, src.recordingId);
        if (!labels.ok()) return cl.failure(qs(labels.error().toString()));
        effectiveLabels.emplace_back(std::move(labels.value()));
      }
    }
    parsed = dataset::readRecordings(*recordingProject, sources, {*windowMs, *strideMs},
                                     effectiveLabels);
  } else if (format == u"idx") {
    const QStringList images = cl.values(u"images"_s);
    const QStringList labels = cl.values(u"labels"_s);
    if (images.isEmpty() || images.size() != labels.size()) {
      return cl.usageError(u"--format idx needs --images FILE --labels FILE pairs"_s);
    }
    std::vector<dataset::IdxPair> pairs;
    for (qsizetype i = 0; i < images.size(); ++i) {
      pairs.push_back({images[i].toStdString(), labels[i].toStdString()});
    }
    parsed = dataset::readIdx(pairs);
  } else if (format == u"csv") {
    if (cl.value(u"file"_s).isEmpty()) return cl.usageError(u"--format csv needs --file FILE"_s);
    if (cl.value(u"label-column"_s).isEmpty()) {
      return cl.usageError(u"--format csv needs --label-column NAME_OR_INDEX"_s);
    }
    dataset::CsvOptions o;
    o.file = cl.value(u"file"_s).toStdString();
    o.labelColumn = cl.value(u"label-column"_s).toStdString();
    o.header = cl.isSet(u"no-header"_s) ? dataset::CsvOptions::Header::Absent
                                        : dataset::CsvOptions::Header::Auto;
    parsed = dataset::readCsv(o);
  } else if (format == u"images" || format == u"wav") {
    const QString dir = cl.value(u"dir"_s);
    if (dir.isEmpty()) return cl.usageError(u"--format "_s + format + u" needs --dir DIR"_s);
    parsed = format == u"images" ? dataset::readImageFolder(dir.toStdString())
                                 : dataset::readWavFolder(dir.toStdString());
  } else if (format == u"digits") {
    if (cl.value(u"file"_s).isEmpty()) {
      return cl.usageError(u"--format digits needs --file digits.png"_s);
    }
    parsed = dataset::readDigitsPng(cl.value(u"file"_s).toStdString());
  } else if (format == u"imu-sim") {
    auto perClass = cl.intValue(u"per-class"_s, 200, 1, 1000000);
    if (!perClass.ok()) return cl.usageError(qs(perClass.error().toString()));
    auto windowMs = cl.intValue(u"window-ms"_s, 2000, 1, 600000);
    if (!windowMs.ok()) return cl.usageError(qs(windowMs.error().toString()));
    auto rate = cl.doubleValue(u"rate"_s, 50.0, 0.001, 10000.0);
    if (!rate.ok()) return cl.usageError(qs(rate.error().toString()));
    auto seed = cl.intValue(u"seed"_s, 42, 0, INT64_MAX);
    if (!seed.ok()) return cl.usageError(qs(seed.error().toString()));
    parsed = dataset::simulateImuActivityDataset(static_cast<int>(*perClass),
                                                 static_cast<double>(*windowMs) / 1000.0, *rate,
                                                 static_cast<uint64_t>(*seed));
  } else {
    return cl.usageError(u"--format must be idx, csv, images, wav, digits, imu-sim or recording"_s);
  }
  if (!parsed.ok()) return cl.failure(qs(parsed.error().toString()));

  std::unique_ptr<store::Project> project = std::move(recordingProject);
  if (!project) {
    auto opened = store::Project::open(projectPath.toStdString(), store::OpenMode::CreateIfMissing);
    if (!opened.ok()) return cl.failure(qs(opened.error().toString()));
    project = std::move(*opened);
  }
  Result<dataset::ImportReport> report =
      dataset::importDataset(*project, name.toStdString(), *parsed);
  const bool json = cl.isSet(u"json"_s);
  if (!report.ok()) {
    if (json) {
      nlohmann::json j = {{"error", report.error().toString()},
                          {"rejected", rejectedJson(parsed->rejected)}};
      printOut(qs(j.dump()) + u"\n"_s);
    } else {
      printRejected(parsed->rejected);
    }
    return cl.failure(qs(report.error().toString()));
  }
  const dataset::DatasetInfo& d = report->dataset;
  if (json) {
    nlohmann::json perClass = nlohmann::json::object();
    for (size_t c = 0; c < d.classNames.size(); ++c)
      perClass[d.classNames[c]] = report->samplesPerClass[c];
    nlohmann::json j = {{"dataset_id", d.id},
                        {"name", d.name},
                        {"kind", dataset::kindName(d.kind)},
                        {"samples", d.sampleCount},
                        {"per_class", perClass},
                        {"rejected", rejectedJson(report->rejected)}};
    if (d.kind == dataset::DatasetKind::Image) {
      j["image"] = {
          {"height", d.imageHeight}, {"width", d.imageWidth}, {"channels", d.imageChannels}};
    } else if (d.kind == dataset::DatasetKind::Audio) {
      j["audio_rate_hz"] = d.audioRateHz;
    } else if (d.kind == dataset::DatasetKind::Timeseries) {
      j["series"] = {
          {"channels", d.seriesChannels}, {"length", d.seriesLength}, {"rate_hz", d.seriesRateHz}};
    } else {
      j["feature_dims"] = d.featureDims;
    }
    printOut(qs(j.dump()) + u"\n"_s);
    return kExitOk;
  }
  QString shape;
  if (d.kind == dataset::DatasetKind::Image) {
    shape = u"%1x%2x%3 images"_s.arg(d.imageHeight).arg(d.imageWidth).arg(d.imageChannels);
  } else if (d.kind == dataset::DatasetKind::Audio) {
    shape = u"audio at %1 Hz"_s.arg(d.audioRateHz);
  } else if (d.kind == dataset::DatasetKind::Timeseries) {
    shape = u"windows of %1 x %2 channels at %3 Hz"_s.arg(d.seriesLength)
                .arg(d.seriesChannels)
                .arg(d.seriesRateHz);
  } else {
    shape = u"%1 features"_s.arg(d.featureDims);
  }
  printOut(u"imported %1 samples into dataset \"%2\" (id %3, %4, %5) of %6\n"_s.arg(d.sampleCount)
               .arg(qs(d.name))
               .arg(d.id)
               .arg(qs(dataset::kindName(d.kind)))
               .arg(shape)
               .arg(projectPath));
  printOut(u"samples per class:\n"_s);
  for (size_t c = 0; c < d.classNames.size(); ++c) {
    printOut(u"  "_s + qs(d.classNames[c]) + u": %1\n"_s.arg(report->samplesPerClass[c]));
  }
  printRejected(report->rejected);
  return kExitOk;
}

}  // namespace edgewise::cli
