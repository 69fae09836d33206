// Qt Test for the import dialog's "Recordings from the capture pane" format, against a real
// project file: recordings written with RecordingRepository (known values, 50 Hz, 3 channels),
// labelled in the dialog's table, imported through the dialog's job, and the stored dataset
// read back (classes, windows per class, window shape and the values each window starts with).

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>
#include <set>

#include "app/workbench/jobs/job_manager.h"
#include "app/workbench/panes/datasets/import_dataset_dialog.h"
#include "app/workbench/workspace.h"
#include "core/dataset/data/dataset_repository.h"
#include "core/labeling/label_repository.h"
#include "core/store/project.h"
#include "core/store/recording_repository.h"
#include "tests/app/gui_test_util.h"

using namespace edgewise;
using namespace edgewise::gui;
using edgewise::test::screenshotDir;

namespace {

constexpr int kChannels = 3;
constexpr int64_t kStepUs = 20000;  // 50 Hz

// Sample i of a stream holds base + i, base + i + 0.25, base + i + 0.5 (exact in float32).
float valueAt(float base, int i, int c) {
  return base + float(i) + 0.25f * float(c);
}

// A finished recording with one time-series stream per (topic, base), each `samples` long,
// written in two chunks. Returns the recording id, or -1.
int64_t writeRecording(store::Project& project, const std::string& name, int samples,
                       const std::vector<std::pair<std::string, float>>& streams) {
  store::RecordingRepository& recs = project.recordings();
  auto rec = recs.create(name, 1);
  if (!rec.ok()) return -1;
  for (const auto& [topic, base] : streams) {
    store::StreamSpec spec;
    spec.deviceId = "imu-1";
    spec.topic = topic;
    spec.decoderId = "json";
    spec.channelNames = {"x", "y", "z"};
    spec.sampleRateHz = 50;
    auto stream = recs.addStream(rec.value(), spec);
    if (!stream.ok()) return -1;
    const int half = samples / 2;
    for (auto [from, to] : {std::pair{0, half}, std::pair{half, samples}}) {
      store::ChunkData chunk;
      chunk.streamId = stream.value();
      chunk.channelCount = kChannels;
      for (int i = from; i < to; ++i) {
        chunk.timestampsUs.push_back(1'000'000 + i * kStepUs);
        for (int c = 0; c < kChannels; ++c) chunk.values.push_back(valueAt(base, i, c));
        chunk.sequences.push_back(i);
      }
      chunk.messageCount = to - from;
      if (!recs.appendChunk(chunk).ok()) return -1;
    }
  }
  if (!recs.finish(rec.value()).ok()) return -1;
  return rec.value();
}

}  // namespace

class ImportRecordingsTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void importLabelledRecordings();
  void importWithEffectiveLabels();
};

void ImportRecordingsTest::importLabelledRecordings() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  JobManager jobs;
  Workspace workspace;
  QVERIFY(workspace.openProject(dir.filePath(QStringLiteral("rec.edgewise")), true).ok());
  store::Project& project = *workspace.project();

  // walk-01: 6.2 s (310 samples) on two streams, gyro added first so the chooser matters;
  // idle-01: 4.2 s (210 samples); noise: 5 s, left unlabelled; blip: 1 s, shorter than a window.
  const int64_t walk =
      writeRecording(project, "walk-01", 310, {{"gyro", -5000.0f}, {"accel", 1000.0f}});
  const int64_t idle = writeRecording(project, "idle-01", 210, {{"accel", 2000.0f}});
  const int64_t noise = writeRecording(project, "noise", 250, {{"accel", 3000.0f}});
  const int64_t blip = writeRecording(project, "blip", 50, {{"accel", 4000.0f}});
  QVERIFY(walk > 0 && idle > 0 && noise > 0 && blip > 0);

  ImportDatasetDialog dialog(workspace);
  QSignalSpy finished(&dialog, &ImportDatasetDialog::importFinished);
  dialog.setFormat(ImportDatasetDialog::Format::Recordings);
  dialog.refreshRecordings();  // the recordings were written without recordingsChanged()

  // The table: one row per recording with its duration and its streams.
  auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("importRecordings"));
  QVERIFY(table);
  QVERIFY(table->isVisibleTo(&dialog));
  QCOMPARE(table->rowCount(), 4);
  std::map<QString, int> rowOf;
  for (int r = 0; r < table->rowCount(); ++r) rowOf[table->item(r, 0)->text()] = r;
  QVERIFY(rowOf.count(QStringLiteral("walk-01")));
  const int walkRow = rowOf[QStringLiteral("walk-01")];
  QCOMPARE(table->item(walkRow, 1)->text(), QStringLiteral("6.2 s"));  // (309 * 20 ms)
  auto* walkStreams = qobject_cast<QComboBox*>(table->cellWidget(walkRow, 2));
  QVERIFY(walkStreams);
  QCOMPARE(walkStreams->count(), 2);
  QCOMPARE(walkStreams->itemText(0), QStringLiteral("imu-1/gyro"));
  QCOMPARE(walkStreams->itemText(1), QStringLiteral("imu-1/accel"));
  QCOMPARE(table->item(rowOf[QStringLiteral("idle-01")], 1)->text(), QStringLiteral("4.2 s"));

  // Window and stride default to 2000 / 1000 ms.
  QCOMPARE(dialog.findChild<QSpinBox*>(QStringLiteral("importWindowMs"))->value(), 2000);
  QCOMPARE(dialog.findChild<QSpinBox*>(QStringLiteral("importStrideMs"))->value(), 1000);

  // No label yet: nothing to import.
  QVERIFY(!dialog.startImport());
  QVERIFY(dialog.lastError().contains(QStringLiteral("label")));
  // A stream the recording does not have, or an unknown recording, is refused.
  QVERIFY(!dialog.setRecordingLabel(walk, QStringLiteral("walk"), QStringLiteral("imu-1/mag")));
  QVERIFY(!dialog.setRecordingLabel(99999, QStringLiteral("walk")));

  QVERIFY(dialog.setRecordingLabel(walk, QStringLiteral("walk"), QStringLiteral("imu-1/accel")));
  QCOMPARE(walkStreams->currentText(), QStringLiteral("imu-1/accel"));
  QVERIFY(dialog.setRecordingLabel(idle, QStringLiteral("idle")));
  QVERIFY(dialog.setRecordingLabel(blip, QStringLiteral("walk")));
  // A refresh (a new recording, a language change) keeps the labels and the stream chosen.
  dialog.refreshRecordings();
  QCOMPARE(table->item(walkRow, 3)->text(), QStringLiteral("walk"));
  walkStreams = qobject_cast<QComboBox*>(table->cellWidget(walkRow, 2));
  QCOMPARE(walkStreams->currentText(), QStringLiteral("imu-1/accel"));
  QCOMPARE(table->item(rowOf[QStringLiteral("noise")], 3)->text(), QString());

  dialog.setDatasetName(QStringLiteral("activity"));
  QVERIFY(dialog.startImport());
  QVERIFY(finished.wait(60000));
  QCOMPARE(finished.at(0).at(0).toBool(), true);

  // Two classes; walk-01 gives floor((6.2 - 2) / 1) + 1 = 5 windows, idle-01 gives 3; blip is
  // rejected (shorter than one window) and noise was never asked for.
  QVERIFY(dialog.report().has_value());
  const dataset::ImportReport& report = *dialog.report();
  QCOMPARE(report.dataset.classNames.size(), size_t(2));
  std::map<std::string, int64_t> perClass;
  for (size_t i = 0; i < report.dataset.classNames.size(); ++i)
    perClass[report.dataset.classNames[i]] = report.samplesPerClass.at(i);
  QCOMPARE(perClass["walk"], int64_t(5));
  QCOMPARE(perClass["idle"], int64_t(3));
  QCOMPARE(report.rejected.size(), size_t(1));
  auto* rejected = dialog.findChild<QTableWidget*>(QStringLiteral("importRejected"));
  QCOMPARE(rejected->rowCount(), 1);
  QVERIFY(!rejected->item(0, 1)->text().isEmpty());  // the reason
  auto* classes = dialog.findChild<QTableWidget*>(QStringLiteral("importClasses"));
  QCOMPARE(classes->rowCount(), 2);
  QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("importStatus"))
              ->text()
              .contains(QStringLiteral("8")));

  QVERIFY(dialog.grab().save(screenshotDir() + QStringLiteral("/import_recordings.png"), "PNG"));

  // What is stored: 2 s windows of 100 samples x 3 channels, starting every 50 samples of the
  // chosen stream (accel, not gyro), labelled per recording.
  dataset::DatasetRepository repo(project);
  auto stored = repo.findByName("activity");
  QVERIFY(stored.ok());
  const dataset::DatasetInfo& info = stored.value();
  QCOMPARE(info.kind, dataset::DatasetKind::Timeseries);
  QCOMPARE(info.sampleCount, int64_t(8));
  QCOMPARE(info.seriesChannels, kChannels);
  QCOMPARE(info.seriesLength, 100);
  QVERIFY(std::abs(info.seriesRateHz - 50.0) < 0.5);
  auto samples = repo.samples(info.id);
  QVERIFY(samples.ok());
  std::map<std::string, std::set<float>> starts;  // class -> first value of each window
  for (const dataset::StoredSample& s : samples.value()) {
    QCOMPARE(s.blob.size(), size_t(100 * kChannels) * sizeof(float));
    std::vector<float> v(100 * kChannels);
    std::memcpy(v.data(), s.blob.data(), s.blob.size());
    const std::string& cls = info.classNames.at(size_t(s.label));
    starts[cls].insert(v[0]);
    // Consecutive samples within the window, all three channels.
    for (int t = 0; t < 100; ++t)
      for (int c = 0; c < kChannels; ++c)
        QCOMPARE(v[size_t(t * kChannels + c)], v[0] + float(t) + 0.25f * float(c));
  }
  QCOMPARE(starts["walk"], (std::set<float>{1000, 1050, 1100, 1150, 1200}));
  QCOMPARE(starts["idle"], (std::set<float>{2000, 2050, 2100}));
}

// Labels: the Labeling pane's effective labels. Two annotators and an adjudication on one
// recording; each 2 s window takes the class covering more than half of it.
void ImportRecordingsTest::importWithEffectiveLabels() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  JobManager jobs;
  Workspace workspace;
  QVERIFY(workspace.openProject(dir.filePath(QStringLiteral("eff.edgewise")), true).ok());
  store::Project& project = *workspace.project();
  // 500 samples at 50 Hz from t = 1 s: [1 s, 11 s).
  const int64_t session = writeRecording(project, "session", 500, {{"accel", 1000.0f}});
  const int64_t noise = writeRecording(project, "noise", 250, {{"accel", 3000.0f}});
  QVERIFY(session > 0 && noise > 0);
  labeling::LabelRepository labels(project);
  auto walk = labels.addClass("walk");
  auto run = labels.addClass("run");
  auto ann = labels.addAnnotator("ann");
  auto bob = labels.addAnnotator("bob");
  auto judge = labels.addAnnotator("judge");
  QVERIFY(walk.ok() && run.ok() && ann.ok() && bob.ok() && judge.ok());
  auto segment = [&](int64_t startMs, int64_t endMs, int64_t cls, int64_t annotator) {
    labeling::SegmentLabel x;
    x.recordingId = session;
    x.startUs = startMs * 1000;
    x.endUs = endMs * 1000;
    x.classId = cls;
    x.annotatorId = annotator;
    return labels.addSegment(x).ok();
  };
  // ann: walk [1, 5 s), run [5, 11 s); bob: walk [1, 4 s), run [4, 11 s); the judge settles
  // [4, 4.5 s) as walk, [4.5, 5 s) stays unresolved.
  QVERIFY(segment(1000, 5000, walk->id, ann->id));
  QVERIFY(segment(5000, 11000, run->id, ann->id));
  QVERIFY(segment(1000, 4000, walk->id, bob->id));
  QVERIFY(segment(4000, 11000, run->id, bob->id));
  QVERIFY(labels.adjudicateRange(session, 4'000'000, 4'500'000, walk->id, judge->id).ok());

  ImportDatasetDialog dialog(workspace);
  QSignalSpy finished(&dialog, &ImportDatasetDialog::importFinished);
  dialog.setFormat(ImportDatasetDialog::Format::Recordings);
  dialog.setLabelSource(ImportDatasetDialog::LabelSource::Effective);
  dialog.refreshRecordings();
  auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("importRecordings"));
  QVERIFY(table);
  QVERIFY(table->isColumnHidden(3));  // the typed label
  QVERIFY(!table->isColumnHidden(4));
  std::map<QString, int> rowOf;
  for (int r = 0; r < table->rowCount(); ++r) rowOf[table->item(r, 0)->text()] = r;
  QTableWidgetItem* sessionCell = table->item(rowOf[QStringLiteral("session")], 4);
  QCOMPARE(sessionCell->text(), QStringLiteral("walk 3.5 s, run 6.0 s, 0.5 s unresolved"));
  QCOMPARE(sessionCell->checkState(), Qt::Checked);
  QTableWidgetItem* noiseCell = table->item(rowOf[QStringLiteral("noise")], 4);
  QCOMPARE(noiseCell->text(), QStringLiteral("(no labels)"));
  QCOMPARE(noiseCell->checkState(), Qt::Unchecked);
  QVERIFY(dialog.setRecordingIncluded(session, false));
  QVERIFY(!dialog.startImport());
  QVERIFY(dialog.lastError().contains(QStringLiteral("Check")));
  QVERIFY(dialog.setRecordingIncluded(session, true));

  dialog.setDatasetName(QStringLiteral("effective"));
  QVERIFY(dialog.startImport());
  QVERIFY(finished.wait(60000));
  QCOMPARE(finished.at(0).at(0).toBool(), true);
  // Windows [1 + k, 3 + k) s, k = 0..8: k 0-2 walk (k 2: 1.5 s walk), k 3 skipped (0.5 s
  // walk, 0.5 s unresolved, 1 s run: no class over half), k 4-8 run.
  const dataset::ImportReport& report = *dialog.report();
  QCOMPARE(report.dataset.classNames, (std::vector<std::string>{"walk", "run"}));
  QCOMPARE(report.samplesPerClass, (std::vector<int64_t>{3, 5}));
  QCOMPARE(report.rejected.size(), size_t(1));
  QCOMPARE(report.rejected[0].source, "recording " + std::to_string(session) + " imu-1/accel");
  QCOMPARE(report.rejected[0].reason,
           std::string("1 window skipped: no class covers more than half, an unresolved "
                       "disagreement overlaps"));
  dataset::DatasetRepository repo(project);
  auto stored = repo.findByName("effective");
  QVERIFY(stored.ok());
  auto samples = repo.samples(stored->id);
  QVERIFY(samples.ok());
  std::vector<int> got;
  for (const dataset::StoredSample& s : samples.value()) got.push_back(s.label);
  QCOMPARE(got, (std::vector<int>{0, 0, 0, 1, 1, 1, 1, 1}));
  dialog.resize(900, 560);
  QVERIFY(dialog.grab().save(screenshotDir() + QStringLiteral("/import_recordings_effective.png"),
                             "PNG"));

  // German: the new texts are translated (the dialog retranslates on LanguageChange).
  QTranslator german;
  QVERIFY(german.load(QStringLiteral(":/i18n/edgewise_de")));
  QCoreApplication::installTranslator(&german);
  QCoreApplication::processEvents();
  QCOMPARE(dialog.findChild<QComboBox*>(QStringLiteral("importLabelSource"))->currentText(),
           QStringLiteral("Beschriftungsbereich: die effektiven Labels jedes Fensters"));
  dialog.refreshRecordings();
  QCOMPARE(table->item(rowOf[QStringLiteral("noise")], 4)->text(),
           QStringLiteral("(keine Labels)"));
  QVERIFY(dialog.grab().save(
      screenshotDir() + QStringLiteral("/import_recordings_effective_de.png"), "PNG"));
  QCoreApplication::removeTranslator(&german);
}

QTEST_MAIN(ImportRecordingsTest)
#include "import_recordings_test.moc"
