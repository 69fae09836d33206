// Qt Test (offscreen) for the active-learning queue on a pool of recording windows, against a
// real project file: two recordings of known content (rest: near-still, walk: a 1.5 Hz swing),
// 50 Hz, 2 channels, 6 s each, cut into 1 s windows (12 windows); a third recording too short
// for one window, a camera-only one, and a segment the annotator made before on the timeline.
// - the pool dialog: window counts, defaults, what it refuses (window longer than every
//   recording, fewer than two classes);
// - the session: pool size, the earlier segment counts as labeled, keys 1/2 label windows as
//   segments with the window's exact start/end, the class and the annotator; the retrain after
//   a batch gives suggestions; A accepts one (source "suggestion"); undo/redo remove and restore
//   the segment; the timeline shows the queue's segments; reopening the project keeps them and
//   a new session counts them as labeled;
// - errors: no time-series stream, window longer than the recording, no classes;
// - a time-series dataset's sample previews as a plot too;
// - screenshot of the queue on the recording pool.
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <cmath>
#include <map>

#include "app/workbench/jobs/job_manager.h"
#include "app/workbench/panes/labeling/active_queue_view.h"
#include "app/workbench/panes/labeling/labeling_pane.h"
#include "app/workbench/panes/labeling/recording_pool_dialog.h"
#include "app/workbench/panes/labeling/timeline_widget.h"
#include "app/workbench/workspace.h"
#include "core/dataset/data/importers.h"
#include "core/labeling/label_repository.h"
#include "core/store/project.h"
#include "core/store/recording_repository.h"
#include "tests/app/gui_test_util.h"

using namespace edgewise;
using namespace edgewise::gui;
using edgewise::test::screenshotDir;

namespace {

constexpr int kJobMs = 60000;
constexpr int64_t kT0 = 1'700'000'000'000'000;  // the recordings' first sample
constexpr int64_t kStepUs = 20'000;             // 50 Hz
constexpr int64_t kSecond = 1'000'000;

// A finished recording: one 2-channel stream "imu-1/imu" of `samples` at 50 Hz (walk: a
// 1.5 Hz swing, else near-still), or a camera stream only when samples == 0.
int64_t writeRecording(store::Project& project, const std::string& name, int samples, bool walk) {
  store::RecordingRepository& recs = project.recordings();
  auto rec = recs.create(name, 1);
  if (!rec.ok()) return -1;
  store::StreamSpec spec;
  spec.deviceId = samples > 0 ? "imu-1" : "cam-1";
  spec.topic = samples > 0 ? "imu" : "jpeg";
  spec.decoderId = "json";
  spec.channelNames = {"ax", "ay"};
  spec.sampleRateHz = 50;
  if (samples == 0) spec.kind = store::StreamKind::Image;
  auto stream = recs.addStream(rec.value(), spec);
  if (!stream.ok()) return -1;
  if (samples > 0) {
    store::ChunkData chunk;
    chunk.streamId = stream.value();
    chunk.channelCount = 2;
    for (int i = 0; i < samples; ++i) {
      const double t = i * 0.02;
      chunk.timestampsUs.push_back(kT0 + i * kStepUs);
      if (walk) {
        chunk.values.push_back(static_cast<float>(2.0 * std::sin(2 * M_PI * 1.5 * t)));
        chunk.values.push_back(static_cast<float>(1.0 + 0.8 * std::cos(2 * M_PI * 1.5 * t)));
      } else {
        chunk.values.push_back(static_cast<float>(0.03 * std::sin(0.7 * i)));
        chunk.values.push_back(static_cast<float>(1.0 + 0.02 * std::cos(0.3 * i)));
      }
      chunk.sequences.push_back(i);
    }
    chunk.messageCount = samples;
    if (!recs.appendChunk(chunk).ok()) return -1;
  }
  if (!recs.finish(rec.value()).ok()) return -1;
  return rec.value();
}

struct Ids {
  int64_t rest = 0, walk = 0, blip = 0, cam = 0;
};

// The project: the recordings, classes rest (key 1), walk (key 2), run (key 3), and a walk
// segment of "ana" over walk-01's first second (made on the timeline before).
Ids makeProject(const QString& path) {
  Ids ids;
  auto project = store::Project::open(path.toStdString(), store::OpenMode::CreateIfMissing);
  if (!project.ok()) return ids;
  ids.rest = writeRecording(**project, "rest-01", 300, false);
  ids.walk = writeRecording(**project, "walk-01", 300, true);
  ids.blip = writeRecording(**project, "blip", 25, true);  // 0.5 s
  ids.cam = writeRecording(**project, "cam", 0, false);
  labeling::LabelRepository repo(**project);
  (void)repo.addClass("rest", "#2ca02c", 1);
  const int64_t walkId = repo.addClass("walk", "#1f77b4", 2)->id;
  (void)repo.addClass("run", "#d62728", 3);
  const int64_t ana = repo.addAnnotator("ana")->id;
  labeling::SegmentLabel seg;
  seg.recordingId = ids.walk;
  seg.startUs = kT0;
  seg.endUs = kT0 + kSecond;
  seg.classId = walkId;
  seg.annotatorId = ana;
  if (!repo.addSegment(seg).ok()) return {};
  return ids;
}

// The segment of the annotator on the recording with exactly this span, if any.
std::optional<labeling::SegmentLabel> segmentAt(labeling::LabelRepository& repo, int64_t rec,
                                                int64_t annotator, int64_t start, int64_t end) {
  auto segs = repo.segments(rec, annotator);
  for (const labeling::SegmentLabel& s : *segs)
    if (s.startUs == start && s.endUs == end) return s;
  return std::nullopt;
}

}  // namespace

class LabelingQueueRecordingsTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void poolDialog();
  void labelWindowsAsSegments();
  void clearErrors();
  void seriesDatasetPreview();
};

void LabelingQueueRecordingsTest::poolDialog() {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("dialog.edgewise"));
  const Ids ids = makeProject(path);
  QVERIFY(ids.rest > 0 && ids.cam > 0);
  auto project = store::Project::open(path.toStdString());
  QVERIFY(project.ok());
  labeling::LabelRepository repo(**project);
  RecordingPoolDialog dialog(**project, repo);
  // Built-in defaults (no time-series model or dataset): 2 s every 1 s, the stats block.
  auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("poolRecordings"));
  QCOMPARE(table->rowCount(), 4);
  QCOMPARE(dialog.options().windowing.windowMs, 2000.0);
  QCOMPARE(dialog.options().windowing.strideMs, 1000.0);
  QCOMPARE(dialog.options().features.blockId, std::string("stats"));
  // rest and walk: (300 - 100) / 50 + 1 = 5 windows each; blip none; the camera not pooled.
  QCOMPARE(dialog.expectedWindows(), 10);
  QVERIFY(dialog.problem().isEmpty());
  QCOMPARE(dialog.options().streams.size(), size_t(3));
  QCOMPARE(dialog.options().classNames, (std::vector<std::string>{"rest", "walk", "run"}));
  QVERIFY(!dialog.setRecordingChecked(ids.cam, true));
  dialog.setWindowing(7000, 1000);
  QCOMPARE(dialog.expectedWindows(), 0);
  QVERIFY2(dialog.problem().contains(QStringLiteral("longer than every chosen recording")),
           qPrintable(dialog.problem()));
  dialog.setWindowing(1000, 1000);
  QCOMPARE(dialog.expectedWindows(), 12);
  QVERIFY(dialog.setClassChecked(QStringLiteral("walk"), false));
  QVERIFY(dialog.setClassChecked(QStringLiteral("run"), false));
  QVERIFY(dialog.problem().contains(QStringLiteral("at least two classes")));
  QVERIFY(dialog.setClassChecked(QStringLiteral("walk"), true));
  QVERIFY(dialog.problem().isEmpty());
  QCOMPARE(dialog.options().classNames, (std::vector<std::string>{"rest", "walk"}));
  dialog.show();
  QVERIFY(QTest::qWaitForWindowExposed(&dialog));
  QVERIFY(dialog.grab().save(screenshotDir() + u"/labeling_queue_recordings_dialog.png"));

  // With a recordings dataset in the project its windowing is the starting value.
  auto parsed = dataset::readRecordings(**project, {{ids.walk, "walk", ""}}, {1500, 500});
  QVERIFY(parsed.ok());
  QVERIFY(dataset::importDataset(**project, "walks", *parsed).ok());
  RecordingPoolDialog second(**project, repo);
  QCOMPARE(second.options().windowing.windowMs, 1500.0);
  QCOMPARE(second.options().windowing.strideMs, 500.0);
  auto* from = second.findChild<QLabel*>(QStringLiteral("poolDefaultsFrom"));
  QVERIFY(from);
  QVERIFY2(from->text().contains(QStringLiteral("walks")), qPrintable(from->text()));
}

void LabelingQueueRecordingsTest::labelWindowsAsSegments() {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("rec.edgewise"));
  const Ids ids = makeProject(path);
  QVERIFY(ids.rest > 0 && ids.walk > 0);
  JobManager jobs;
  Workspace workspace;
  QVERIFY(workspace.openProject(path, false).ok());
  auto pane = std::make_unique<LabelingPane>(workspace);
  pane->resize(1100, 640);
  pane->show();
  QVERIFY(QTest::qWaitForWindowExposed(pane.get()));
  pane->setAnnotator(QStringLiteral("ana"));
  // walk-01 on the timeline (opening a recording starts a new undo history: first).
  QVERIFY(pane->openRecording(ids.walk));
  pane->tabs()->setCurrentIndex(LabelingPane::QueueTab);
  ActiveQueueView* q = pane->queue();
  // The pool chooser offers the recordings next to the (no) datasets.
  auto* combo = q->findChild<QComboBox*>(QStringLiteral("queueDatasetCombo"));
  QVERIFY(combo->findText(QStringLiteral("Recordings…")) >= 0);

  active::RecordingPoolOptions o;
  o.streams = {{ids.rest, ""}, {ids.walk, "imu-1/imu"}, {ids.blip, ""}};
  o.windowing = {1000, 1000};
  o.features = {"stats", {}};
  o.classNames = {"rest", "walk"};
  QVERIFY(q->startRecordingSession(o, active::Strategy::Margin, 4));
  QTRY_VERIFY_WITH_TIMEOUT(q->hasSession(), kJobMs);
  const auto jobsSeen = jobs.snapshot();
  QVERIFY(std::any_of(jobsSeen.begin(), jobsSeen.end(), [](const JobInfo& j) {
    return j.title.startsWith(QStringLiteral("Active learning: windowing 3 recording")) &&
           j.state == JobState::Succeeded;
  }));
  QVERIFY(q->isRecordingPool());
  QCOMPARE(q->poolSize(), 12);  // 6 one-second windows per recording; blip left out
  QVERIFY2(q->statusText().contains(QStringLiteral("shorter than one window")),
           qPrintable(q->statusText()));
  // ana's earlier segment covers walk-01's first window exactly.
  QCOMPARE(q->labeledCount(), 1);
  QCOMPARE(q->queue().size(), size_t(4));  // a batch, without the labeled window
  for (const active::QueueItem& item : q->queue())
    QVERIFY(!(q->windowOfRow(item.row)->recordingId == ids.walk &&
              q->windowOfRow(item.row)->startUs == kT0));

  auto repo = std::make_unique<labeling::LabelRepository>(*workspace.project());
  const int64_t ana = repo->annotatorByName("ana")->id;
  const int64_t restClass = repo->classByName("rest")->id;
  const int64_t walkClass = repo->classByName("walk")->id;
  auto table = q->findChild<QTableWidget*>(QStringLiteral("queueTable"));
  QVERIFY(table);
  // Key 3 is "run", not a class of this pool.
  QTest::keyClick(table, Qt::Key_3);
  QVERIFY(q->statusText().contains(QStringLiteral("key 3")));

  // Label the queue's windows by key with their recording's class; each is a segment of ana
  // over exactly the window.
  std::vector<labeling::SegmentLabel> made;
  auto labelCurrentTruly = [&]() {
    const active::QueueItem item = q->queue()[static_cast<size_t>(q->currentIndex())];
    const auto w = q->windowOfRow(item.row);
    QVERIFY(w);
    QCOMPARE(w->endUs - w->startUs, kSecond);
    QVERIFY((w->startUs - kT0) % kSecond == 0);
    const bool walk = w->recordingId == ids.walk;
    QTest::keyClick(table, walk ? Qt::Key_2 : Qt::Key_1);
    auto seg = segmentAt(*repo, w->recordingId, ana, w->startUs, w->endUs);
    QVERIFY2(seg, qPrintable(q->itemText(item.row)));
    QCOMPARE(seg->classId, walk ? walkClass : restClass);
    QCOMPARE(seg->annotatorId, ana);
    QCOMPARE(seg->source, labeling::LabelSource::Manual);
    QVERIFY(seg->streamId.has_value());
    made.push_back(*seg);
  };
  for (int i = 0; i < 4; ++i) labelCurrentTruly();
  QCOMPARE(q->labeledCount(), 5);
  // The batch is complete: a retrain job, then suggestions.
  QTRY_VERIFY_WITH_TIMEOUT(q->modelVersion() == 1 && !q->retraining(), kJobMs);
  for (const active::QueueItem& item : q->queue()) QVERIFY(item.suggestion >= 0);

  // A accepts the suggestion: a segment of source "suggestion" with the confidence.
  q->setCurrentIndex(0);
  const active::QueueItem first = q->queue()[0];
  const auto fw = q->windowOfRow(first.row);
  QTest::keyClick(table, Qt::Key_A);
  QCOMPARE(q->labeledCount(), 6);
  auto accepted = segmentAt(*repo, fw->recordingId, ana, fw->startUs, fw->endUs);
  QVERIFY(accepted);
  QCOMPARE(accepted->source, labeling::LabelSource::Suggestion);
  QCOMPARE(accepted->classId, first.suggestion == 0 ? restClass : walkClass);
  QVERIFY(accepted->confidence.has_value());

  // The timeline shows the queue's segments of the open recording.
  auto onTimeline = [&]() {
    return static_cast<int>(pane->timeline()->labelModel()->segments().size());
  };
  const int walkSegments = static_cast<int>(repo->segments(ids.walk, ana)->size());
  QCOMPARE(onTimeline(), walkSegments);

  // Undo takes the accepted segment back (store, session, timeline); redo restores it.
  QUndoStack* undo = pane->timeline()->undoStack();
  const size_t before = repo->segments(fw->recordingId, ana)->size();
  undo->undo();
  QVERIFY(!segmentAt(*repo, fw->recordingId, ana, fw->startUs, fw->endUs));
  QCOMPARE(repo->segments(fw->recordingId, ana)->size(), before - 1);
  QCOMPARE(q->labeledCount(), 5);
  QCOMPARE(onTimeline(), static_cast<int>(repo->segments(ids.walk, ana)->size()));
  undo->redo();
  QVERIFY(segmentAt(*repo, fw->recordingId, ana, fw->startUs, fw->endUs));
  QCOMPARE(q->labeledCount(), 6);
  made.push_back(*segmentAt(*repo, fw->recordingId, ana, fw->startUs, fw->endUs));

  // The second batch: the model's suggestions are judged against the labels (the curve).
  QTRY_VERIFY_WITH_TIMEOUT(!q->retraining(), kJobMs);
  for (int i = 0; i < 3; ++i) labelCurrentTruly();
  QTRY_VERIFY_WITH_TIMEOUT(q->modelVersion() == 2 && !q->retraining(), kJobMs);
  QCOMPARE(q->curve().size(), size_t(1));
  QCOMPARE(q->curve()[0].first, 9);
  QVERIFY(q->curve()[0].second >= 0.0 && q->curve()[0].second <= 1.0);

  // Screenshot: the queue with suggestions and the current window's signal.
  pane->tabs()->setCurrentIndex(LabelingPane::QueueTab);
  q->setCurrentIndex(0);
  QTest::qWait(100);
  QVERIFY(q->findChild<QWidget*>(QStringLiteral("queueSignalPlot"))->isVisible());
  QVERIFY(pane->grab().save(screenshotDir() + u"/labeling_queue_recordings.png"));

  // The timeline of walk-01 with the queue's segments (screenshot to look at).
  pane->tabs()->setCurrentIndex(LabelingPane::TimelineTab);
  QTest::qWait(100);
  QVERIFY(pane->grab().save(screenshotDir() + u"/labeling_queue_recordings_timeline.png"));
  pane->tabs()->setCurrentIndex(LabelingPane::QueueTab);

  // Restart keeps the recording pool (no dialog) and counts what is labeled.
  auto* startButton = q->findChild<QPushButton*>(QStringLiteral("queueStartButton"));
  const int labeledNow = q->labeledCount();
  startButton->click();
  QTRY_VERIFY_WITH_TIMEOUT(q->hasSession() && q->isRecordingPool(), kJobMs);
  QCOMPARE(q->poolSize(), 12);
  QCOMPARE(q->labeledCount(), labeledNow);
  QVERIFY(combo->currentText().startsWith(QStringLiteral("Recordings: rest-01, walk-01")));

  // Reopen the project: the segments are there, exactly; a new session counts them.
  std::map<int64_t, std::vector<labeling::SegmentLabel>> stored;
  for (int64_t rec : {ids.rest, ids.walk}) stored[rec] = *repo->segments(rec, ana);
  QCOMPARE(stored[ids.rest].size() + stored[ids.walk].size(), made.size() + 1);
  q->stopSession();
  repo.reset();
  pane.reset();
  workspace.closeProject();
  QVERIFY(workspace.openProject(path, false).ok());
  labeling::LabelRepository again(*workspace.project());
  for (int64_t rec : {ids.rest, ids.walk}) QVERIFY(*again.segments(rec, ana) == stored[rec]);
  for (const labeling::SegmentLabel& s : made) {
    auto found = segmentAt(again, s.recordingId, ana, s.startUs, s.endUs);
    QVERIFY(found);
    QCOMPARE(found->classId, s.classId);
  }
  LabelingPane reopened(workspace);
  reopened.show();
  reopened.setAnnotator(QStringLiteral("ana"));
  reopened.tabs()->setCurrentIndex(LabelingPane::QueueTab);
  QVERIFY(reopened.queue()->startRecordingSession(o, active::Strategy::Margin, 4));
  QTRY_VERIFY_WITH_TIMEOUT(reopened.queue()->hasSession(), kJobMs);
  QCOMPARE(reopened.queue()->labeledCount(), static_cast<int>(made.size()) + 1);
}

void LabelingQueueRecordingsTest::clearErrors() {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("err.edgewise"));
  const Ids ids = makeProject(path);
  QVERIFY(ids.cam > 0);
  JobManager jobs;
  Workspace workspace;
  QVERIFY(workspace.openProject(path, false).ok());
  LabelingPane pane(workspace);
  pane.show();
  pane.setAnnotator(QStringLiteral("bo"));
  pane.tabs()->setCurrentIndex(LabelingPane::QueueTab);
  ActiveQueueView* q = pane.queue();
  active::RecordingPoolOptions o;
  o.windowing = {2000, 1000};
  o.classNames = {"rest", "walk"};

  o.streams = {{ids.cam, ""}};
  QVERIFY(q->startRecordingSession(o, active::Strategy::Margin, 4));
  QTRY_VERIFY_WITH_TIMEOUT(q->statusText().contains(QStringLiteral("Could not prepare")), kJobMs);
  QVERIFY2(q->statusText().contains(QStringLiteral("has only image streams, no time series")),
           qPrintable(q->statusText()));
  QVERIFY(!q->hasSession());

  o.streams = {{ids.blip, ""}};
  QVERIFY(q->startRecordingSession(o, active::Strategy::Margin, 4));
  QTRY_VERIFY_WITH_TIMEOUT(q->statusText().contains(QStringLiteral("Could not prepare")), kJobMs);
  QVERIFY2(q->statusText().contains(
               QStringLiteral("25 samples, shorter than one window of 100 samples (2000 ms)")),
           qPrintable(q->statusText()));

  o.streams = {{ids.rest, ""}};
  o.classNames = {"rest"};
  QVERIFY(!q->startRecordingSession(o, active::Strategy::Margin, 4));
  QVERIFY2(q->statusText().contains(QStringLiteral("No classes to label with")),
           qPrintable(q->statusText()));
}

void LabelingQueueRecordingsTest::seriesDatasetPreview() {
  // A time-series dataset's sample previews as a plot too (not as "Sample N").
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("series.edgewise"));
  const Ids ids = makeProject(path);
  QVERIFY(ids.walk > 0);
  {
    auto project = store::Project::open(path.toStdString());
    QVERIFY(project.ok());
    auto parsed = dataset::readRecordings(
        **project, {{ids.rest, "rest", ""}, {ids.walk, "walk", ""}}, {1000, 500});
    QVERIFY(parsed.ok());
    QVERIFY(dataset::importDataset(**project, "moves", *parsed).ok());
  }
  JobManager jobs;
  Workspace workspace;
  QVERIFY(workspace.openProject(path, false).ok());
  LabelingPane pane(workspace);
  pane.resize(900, 500);
  pane.show();
  pane.setAnnotator(QStringLiteral("ana"));
  pane.tabs()->setCurrentIndex(LabelingPane::QueueTab);
  ActiveQueueView* q = pane.queue();
  QVERIFY(q->startSession(QStringLiteral("moves"), active::Strategy::Margin, 4));
  QTRY_VERIFY_WITH_TIMEOUT(q->hasSession(), kJobMs);
  QVERIFY(!q->isRecordingPool());
  QVERIFY(!q->windowOfRow(q->queue().front().row));
  QVERIFY(q->findChild<QWidget*>(QStringLiteral("queueSignalPlot"))->isVisible());
  QVERIFY(!q->findChild<QWidget*>(QStringLiteral("queuePreview"))->isVisible());
}

QTEST_MAIN(LabelingQueueRecordingsTest)
#include "labeling_queue_recordings_test.moc"
