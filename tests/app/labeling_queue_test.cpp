// Qt Test (offscreen) for the Labeling pane's active-learning queue, image grid and labeling
// requests, on a real project with the digits dataset (tests/data/digits.png, 5,000 images):
// - the queue: labels by key before the first model, the background retrain (JobManager job)
//   after a batch, suggestions and the validation-accuracy curve, A accepts the suggestion,
//   another class stores corrective feedback, undo/redo reach the store, the feedback table and
//   the session; screenshot;
// - the grid: lazy thumbnails, multi-select and a key assign the class to all selected as one
//   undo step, the filter by label / unlabeled; screenshot;
// - Workspace::labelingRequested opens the recording zoomed to the range with the reason.
#include <QApplication>
#include <QElapsedTimer>
#include <QFrame>
#include <QLabel>
#include <QListView>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <map>

#include "app/workbench/jobs/job_manager.h"
#include "app/workbench/panes/labeling/active_queue_view.h"
#include "app/workbench/panes/labeling/image_grid_view.h"
#include "app/workbench/panes/labeling/labeling_pane.h"
#include "app/workbench/panes/labeling/timeline_widget.h"
#include "app/workbench/workspace.h"
#include "core/dataset/data/dataset_repository.h"
#include "core/dataset/data/importers.h"
#include "core/labeling/feedback_repository.h"
#include "core/labeling/label_repository.h"
#include "core/store/project.h"
#include "core/store/recording_repository.h"
#include "core/training/service/feedback_samples.h"
#include "tests/app/gui_test_util.h"

using namespace edgewise;
using namespace edgewise::gui;
using edgewise::test::digitsPath;
using edgewise::test::screenshotDir;

namespace {

constexpr int kJobMs = 60000;

// A project with the digits dataset; returns sample id -> true class.
std::map<int64_t, int> makeDigitsProject(const QString& path) {
  std::map<int64_t, int> truth;
  auto project = store::Project::open(path.toStdString(), store::OpenMode::CreateIfMissing);
  if (!project.ok()) return truth;
  auto digits = dataset::readDigitsPng(digitsPath().toStdString());
  if (!digits.ok()) return truth;
  if (!dataset::importDataset(**project, "digits", digits.value()).ok()) return truth;
  dataset::DatasetRepository repo(**project);
  auto info = repo.findByName("digits");
  auto labels = repo.labels(info->id);
  for (const dataset::SampleLabel& l : *labels) truth[l.id] = l.label;
  return truth;
}

int64_t digitsId(Workspace& w) {
  dataset::DatasetRepository repo(*w.project());
  return repo.findByName("digits")->id;
}

int64_t countFeedback(Workspace& w) {
  labeling::FeedbackRepository fb(*w.project());
  return fb.count().value();
}

}  // namespace

class LabelingQueueTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void queueAcceptAssignUndo();
  void gridAssignFilterUndo();
  void labelingRequestOpensRange();
  void gridBadgeOfCurrentItem();
  void queueFeedbackProvenance();
};

void LabelingQueueTest::queueAcceptAssignUndo() {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("queue.edgewise"));
  const std::map<int64_t, int> truth = makeDigitsProject(path);
  QCOMPARE(truth.size(), size_t(5000));
  JobManager jobs;
  Workspace workspace;
  QVERIFY(workspace.openProject(path, false).ok());
  LabelingPane pane(workspace);
  pane.resize(1100, 640);
  pane.show();
  QVERIFY(QTest::qWaitForWindowExposed(&pane));
  pane.setAnnotator(QStringLiteral("ana"));
  pane.tabs()->setCurrentIndex(LabelingPane::QueueTab);
  ActiveQueueView* q = pane.queue();
  QVERIFY(q->startSession(QStringLiteral("digits"), active::Strategy::Margin, 10));
  QTRY_VERIFY_WITH_TIMEOUT(q->hasSession(), kJobMs);
  QCOMPARE(q->poolSize(), 3500);  // the train split (70 %)
  QCOMPARE(q->queue().size(), size_t(10));
  QCOMPARE(q->queue().front().suggestion, -1);  // no model yet: nothing to accept
  QVERIFY(!q->acceptCurrent());
  // The digit classes got their own keys: "7" is key 7.
  auto repo = std::make_unique<labeling::LabelRepository>(*workspace.project());
  QCOMPARE(repo->classByName("7")->shortcut, 7);
  QCOMPARE(repo->classByName("0")->shortcut, 0);

  // Label by key (class "0" has no key: assigned by index) with the true classes.
  auto trueClassOfCurrent = [&]() {
    const active::QueueItem item = q->queue()[static_cast<size_t>(q->currentIndex())];
    return truth.at(q->sampleIdOfRow(item.row));
  };
  auto labelCurrentTruly = [&]() {
    const int c = trueClassOfCurrent();
    if (c == 0)
      QVERIFY(q->assignCurrent(0));
    else
      QTest::keyClick(q->findChild<QTableWidget*>(QStringLiteral("queueTable")),
                      Qt::Key(Qt::Key_0 + c));
  };
  for (int i = 0; i < 10; ++i) labelCurrentTruly();
  QCOMPARE(q->labeledCount(), 10);
  // The batch is complete: a retrain job runs, then the queue has suggestions.
  QTRY_VERIFY_WITH_TIMEOUT(q->modelVersion() == 1 && !q->retraining(), kJobMs);
  QCOMPARE(q->curve().size(), size_t(1));
  QCOMPARE(q->curve()[0].first, 10);
  // Ten labels of ten classes: better than chance (0.1), far from the whole pool's 0.9.
  QVERIFY2(q->curve()[0].second > 0.12, qPrintable(QString::number(q->curve()[0].second)));
  const auto jobsSeen = jobs.snapshot();
  QVERIFY(std::any_of(jobsSeen.begin(), jobsSeen.end(), [](const JobInfo& j) {
    return j.title.startsWith(QStringLiteral("Active learning: retrain")) &&
           j.state == JobState::Succeeded;
  }));
  QCOMPARE(q->queue().size(), size_t(10));
  for (const active::QueueItem& item : q->queue()) {
    QVERIFY(item.suggestion >= 0 && item.suggestion < 10);
    QVERIFY(item.confidence > 0.0 && item.confidence <= 1.0);
  }

  // A accepts the suggestion: an item label of source "suggestion", no feedback.
  const int64_t anaId = repo->annotatorByName("ana")->id;
  const int64_t datasetId = digitsId(workspace);
  const active::QueueItem first = q->queue()[0];
  q->setCurrentIndex(0);
  QTest::keyClick(q, Qt::Key_A);
  QCOMPARE(q->labeledCount(), 11);
  const auto findLabel = [&](int64_t sample) -> std::optional<labeling::ItemLabel> {
    auto all = repo->itemLabels(datasetId, anaId);
    for (const labeling::ItemLabel& l : *all)
      if (l.sampleId == sample) return l;
    return std::nullopt;
  };
  auto accepted = findLabel(q->sampleIdOfRow(first.row));
  QVERIFY(accepted);
  QCOMPARE(accepted->classId, repo->classByName(std::to_string(first.suggestion))->id);
  QCOMPARE(accepted->source, labeling::LabelSource::Suggestion);
  QVERIFY(accepted->confidence.has_value());
  QCOMPARE(countFeedback(workspace), int64_t(0));

  // Another class than the suggestion: corrective feedback with the model's input.
  const active::QueueItem second = q->queue()[static_cast<size_t>(q->currentIndex())];
  QVERIFY(second.suggestion >= 0);
  const int other = (second.suggestion + 1) % 10;
  QVERIFY(q->assignCurrent(other));
  QCOMPARE(countFeedback(workspace), int64_t(1));
  labeling::FeedbackRepository fbRepo(*workspace.project());
  const labeling::Feedback fb = fbRepo.list()->front();
  QCOMPARE(fb.predicted, std::to_string(second.suggestion));
  QCOMPARE(fb.corrected, std::to_string(other));
  QCOMPARE(fb.features.size(), size_t(400));  // 20 x 20 pixels / 255
  QVERIFY(fb.confidence.has_value());
  QCOMPARE(*fb.confidence, second.confidence);
  QCOMPARE(fb.annotatorId, std::optional<int64_t>(anaId));
  QCOMPARE(q->labeledCount(), 12);

  // Undo takes back the label, the feedback row and the session's label; the row is queued
  // again and current. Redo brings all three back.
  QUndoStack* undo = pane.timeline()->undoStack();
  undo->undo();
  QCOMPARE(countFeedback(workspace), int64_t(0));
  QVERIFY(!findLabel(q->sampleIdOfRow(second.row)));
  QCOMPARE(q->labeledCount(), 11);
  QCOMPARE(q->queue()[static_cast<size_t>(q->currentIndex())].row, second.row);
  undo->redo();
  QCOMPARE(countFeedback(workspace), int64_t(1));
  QCOMPARE(findLabel(q->sampleIdOfRow(second.row))->classId,
           repo->classByName(std::to_string(other))->id);
  QCOMPARE(q->labeledCount(), 12);
  undo->undo();
  undo->undo();  // the accepted one too
  QCOMPARE(q->labeledCount(), 10);
  QVERIFY(!findLabel(q->sampleIdOfRow(first.row)));

  // Two more batches with the true classes: the curve grows, accuracy rises.
  for (int round = 0; round < 2; ++round) {
    QTRY_VERIFY_WITH_TIMEOUT(!q->retraining(), kJobMs);
    for (int i = 0; i < 10; ++i) labelCurrentTruly();
    QTRY_VERIFY_WITH_TIMEOUT(q->modelVersion() == 2 + round && !q->retraining(), kJobMs);
  }
  QCOMPARE(q->curve().size(), size_t(3));
  QCOMPARE(q->curve()[2].first, 30);
  QVERIFY2(
      q->curve()[2].second > q->curve()[0].second,
      qPrintable(QStringLiteral("%1 -> %2").arg(q->curve()[0].second).arg(q->curve()[2].second)));
  q->setCurrentIndex(0);
  QTest::qWait(100);
  QVERIFY(pane.grab().save(screenshotDir() + u"/labeling_queue.png"));
}

void LabelingQueueTest::gridAssignFilterUndo() {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("grid.edgewise"));
  const std::map<int64_t, int> truth = makeDigitsProject(path);
  QCOMPARE(truth.size(), size_t(5000));
  JobManager jobs;
  Workspace workspace;
  QVERIFY(workspace.openProject(path, false).ok());
  LabelingPane pane(workspace);
  pane.resize(1000, 640);
  pane.show();
  QVERIFY(QTest::qWaitForWindowExposed(&pane));
  pane.setAnnotator(QStringLiteral("bo"));
  QElapsedTimer timer;
  timer.start();
  pane.tabs()->setCurrentIndex(LabelingPane::GridTab);
  ImageGridView* grid = pane.grid();
  QCOMPARE(grid->model()->rowCount(), 5000);
  QTest::qWait(50);
  QApplication::processEvents();
  const qint64 openMs = timer.elapsed();
  qInfo("grid of 5,000 digits shown in %lld ms, %d thumbnails made", openMs,
        grid->model()->thumbnailsMade());
  QVERIFY2(openMs < 3000, qPrintable(QString::number(openMs)));
  // Lazy: only what was painted has a thumbnail.
  QVERIFY(grid->model()->thumbnailsMade() > 0);
  QVERIFY(grid->model()->thumbnailsMade() < 1000);

  auto repo = std::make_unique<labeling::LabelRepository>(*workspace.project());
  const int64_t boId = repo->annotatorByName("bo")->id;
  const int64_t seven = repo->classByName("7")->id;
  std::vector<int64_t> ids;
  for (const auto& [id, cls] : truth) ids.push_back(id);
  const std::vector<int64_t> picked{ids[3], ids[10], ids[11]};
  grid->selectSamples(picked);
  QCOMPARE(grid->selectedSamples(), picked);
  QUndoStack* undo = pane.timeline()->undoStack();
  const int steps = undo->count();
  QTest::keyClick(grid->view(), Qt::Key_7);
  QCOMPARE(undo->count(), steps + 1);  // one undo step for the three
  const int64_t datasetId = digitsId(workspace);
  auto itemCount = [&]() { return repo->itemLabels(datasetId, boId)->size(); };
  QCOMPARE(itemCount(), size_t(3));
  for (int64_t id : picked) QCOMPARE(grid->model()->classOf(id), seven);
  QCOMPARE(grid->model()->index(3).data(SampleGridModel::ClassNameRole).toString(),
           QStringLiteral("7"));

  grid->setClassFilter(0);
  QCOMPARE(grid->filter()->rowCount(), 4997);
  grid->setClassFilter(seven);
  QCOMPARE(grid->filter()->rowCount(), 3);
  grid->setClassFilter(-1);
  QCOMPARE(grid->filter()->rowCount(), 5000);

  undo->undo();
  QCOMPARE(itemCount(), size_t(0));
  for (int64_t id : picked) QCOMPARE(grid->model()->classOf(id), int64_t(0));
  undo->redo();
  QCOMPARE(itemCount(), size_t(3));
  QCOMPARE(grid->model()->classOf(ids[10]), seven);

  // Relabeling one of them is one more step; undo restores the 7.
  grid->selectSamples({ids[10]});
  QTest::keyClick(grid->view(), Qt::Key_4);
  QCOMPARE(grid->model()->classOf(ids[10]), repo->classByName("4")->id);
  undo->undo();
  QCOMPARE(grid->model()->classOf(ids[10]), seven);

  // For the screenshot: where the 0s end and the 1s begin (digits.png is in class order),
  // labeled with their classes except a few left open, three selected.
  std::map<int, std::vector<int64_t>> byClass;
  for (size_t i = 470; i < 560; ++i)
    if (i % 17 != 5) byClass[truth.at(ids[i])].push_back(ids[i]);
  QCOMPARE(byClass.size(), size_t(2));
  for (const auto& [cls, samples] : byClass) {
    grid->selectSamples(samples);
    QVERIFY(grid->assignClass(repo->classByName(std::to_string(cls))->id));
  }
  grid->selectSamples({ids[508], ids[509], ids[515]});
  // The batched layout places items over several event-loop turns: scroll until it sticks.
  const QModelIndex middle = grid->filter()->mapFromSource(grid->model()->index(500));
  QTRY_VERIFY_WITH_TIMEOUT(
      (grid->view()->scrollTo(middle, QAbstractItemView::PositionAtCenter),
       grid->view()->viewport()->rect().contains(grid->view()->visualRect(middle).center())),
      5000);
  QTest::qWait(100);
  QVERIFY(pane.grab().save(screenshotDir() + u"/labeling_grid.png"));
}

void LabelingQueueTest::labelingRequestOpensRange() {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("req.edgewise"));
  int64_t recordingId = 0;
  int64_t t0 = 1'700'000'000'000'000;
  {
    auto project = store::Project::open(path.toStdString(), store::OpenMode::CreateIfMissing);
    QVERIFY(project.ok());
    store::RecordingRepository& recs = project.value()->recordings();
    for (const char* name : {"first", "drifted"}) {
      auto rec = recs.create(name, 1);
      QVERIFY(rec.ok());
      store::StreamSpec spec;
      spec.deviceId = "imu-1";
      spec.topic = "edgewise/imu-1/imu";
      spec.decoderId = "json";
      spec.channelNames = {"ax", "ay"};
      spec.sampleRateHz = 100;
      auto stream = recs.addStream(rec.value(), spec);
      QVERIFY(stream.ok());
      store::ChunkData chunk;
      chunk.streamId = stream.value();
      chunk.channelCount = 2;
      for (int i = 0; i < 3000; ++i) {  // 30 s
        chunk.timestampsUs.push_back(t0 + int64_t(i) * 10'000);
        chunk.values.push_back(static_cast<float>(std::sin(i * 0.05)));
        chunk.values.push_back(static_cast<float>(std::cos(i * 0.03)));
        chunk.sequences.push_back(i);
      }
      chunk.messageCount = 3000;
      QVERIFY(recs.appendChunk(chunk).ok());
      QVERIFY(recs.finish(rec.value()).ok());
      recordingId = rec.value();
    }
  }
  JobManager jobs;
  Workspace workspace;
  QVERIFY(workspace.openProject(path, false).ok());
  LabelingPane pane(workspace);
  pane.resize(1000, 560);
  pane.show();
  QVERIFY(QTest::qWaitForWindowExposed(&pane));
  pane.tabs()->setCurrentIndex(LabelingPane::GridTab);
  QVERIFY(!pane.requestBanner()->isVisible());

  workspace.requestLabeling(recordingId, t0 + 12'000'000, t0 + 16'000'000,
                            QStringLiteral("drift: KS p = 0.001 on ax"));
  QCOMPARE(pane.tabs()->currentIndex(), int(LabelingPane::TimelineTab));
  auto* combo = pane.findChild<QComboBox*>(QStringLiteral("recordingCombo"));
  QCOMPARE(combo->currentData().toLongLong(), recordingId);
  const QCPRange r = pane.timeline()->visibleRange();
  // 12-16 s with a quarter (1 s) of context on each side.
  QVERIFY2(std::abs(r.lower - 11.0) < 1e-6 && std::abs(r.upper - 17.0) < 1e-6,
           qPrintable(QStringLiteral("%1 .. %2").arg(r.lower).arg(r.upper)));
  QVERIFY(pane.requestBanner()->isVisible());
  QVERIFY2(pane.requestText().contains(QStringLiteral("drift: KS p = 0.001 on ax")),
           qPrintable(pane.requestText()));
  QVERIFY(pane.requestText().contains(QStringLiteral("12.00")));
  QTest::qWait(50);
  QVERIFY(pane.grab().save(screenshotDir() + u"/labeling_request.png"));

  // An unknown recording: the banner says so, nothing else changes.
  workspace.requestLabeling(987654, 0, 1, QStringLiteral("x"));
  QVERIFY(pane.requestText().contains(QStringLiteral("987654")));
  QCOMPARE(combo->currentData().toLongLong(), recordingId);
}

namespace {

// The digits project in a shown Labeling pane with an annotator set (for the tests below).
struct DigitsPane {
  QTemporaryDir dir;
  std::map<int64_t, int> truth;  // sample id -> true class
  std::vector<int64_t> ids;      // sample ids ascending
  JobManager jobs;
  Workspace workspace;
  std::unique_ptr<LabelingPane> pane;

  bool open(const QString& annotator, LabelingPane::Tab tab) {
    const QString path = dir.filePath(QStringLiteral("digits.edgewise"));
    truth = makeDigitsProject(path);
    for (const auto& [id, cls] : truth) ids.push_back(id);
    if (truth.size() != 5000 || !workspace.openProject(path, false).ok()) return false;
    pane = std::make_unique<LabelingPane>(workspace);
    pane->resize(1000, 640);
    pane->show();
    if (!QTest::qWaitForWindowExposed(pane.get())) return false;
    pane->setAnnotator(annotator);
    pane->tabs()->setCurrentIndex(tab);
    return true;
  }
};

}  // namespace

// The badge of the current (framed, selected, focused) item keeps its class color and name,
// like any other item's; an unlabeled selected item still shows the empty dashed badge on the
// view's base color, not a blank box of the selection color.
void LabelingQueueTest::gridBadgeOfCurrentItem() {
  DigitsPane f;
  QVERIFY(f.open(QStringLiteral("cy"), LabelingPane::GridTab));
  const std::vector<int64_t>& ids = f.ids;
  ImageGridView* grid = f.pane->grid();
  labeling::LabelRepository repo(*f.workspace.project());
  const labeling::LabelClass three = repo.classByName("3").value();
  const QColor classColor(QString::fromStdString(three.color));
  grid->selectSamples({ids[0], ids[1], ids[2]});
  QVERIFY(grid->assignClass(three.id));

  // ids[1] current and selected with focus (the frame), ids[3] (unlabeled) selected too.
  QListView* view = grid->view();
  const auto indexOf = [&](int64_t sample) {
    return grid->filter()->mapFromSource(grid->model()->index(grid->model()->rowOfSample(sample)));
  };
  view->setFocus();
  view->selectionModel()->setCurrentIndex(indexOf(ids[1]), QItemSelectionModel::ClearAndSelect);
  view->selectionModel()->select(indexOf(ids[3]), QItemSelectionModel::Select);
  QCOMPARE(grid->selectedSamples(), (std::vector<int64_t>{ids[1], ids[3]}));
  QTRY_VERIFY(view->hasFocus());
  QTest::qWait(50);
  const QImage shot = view->viewport()->grab().toImage();
  QVERIFY(view->grab().save(screenshotDir() + u"/labeling_grid_current.png"));
  // The badge is the band of 16 px under the 56 px thumbnail; its middle row, scanned across
  // the item, is mostly the class color (the name is a few pixels in the middle).
  const auto badgeRow = [&](const QModelIndex& i) {
    const QRect r = view->visualRect(i);
    std::vector<QColor> row;
    for (int x = r.left() + 6; x <= r.right() - 6; ++x)
      row.push_back(shot.pixelColor(x, r.top() + 70));
    return row;
  };
  const auto countOf = [](const std::vector<QColor>& row, const QColor& c) {
    return std::count_if(row.begin(), row.end(),
                         [&](const QColor& p) { return p.rgb() == c.rgb(); });
  };
  const std::vector<QColor> current = badgeRow(indexOf(ids[1]));
  const std::vector<QColor> plain = badgeRow(indexOf(ids[2]));  // labeled, not selected
  QVERIFY2(countOf(plain, classColor) > static_cast<long>(plain.size()) / 2,
           qPrintable(plain.front().name()));
  QVERIFY2(countOf(current, classColor) > static_cast<long>(current.size()) / 2,
           qPrintable(QStringLiteral("current item's badge: %1 of %2 pixels %3, first %4")
                          .arg(countOf(current, classColor))
                          .arg(current.size())
                          .arg(classColor.name(), current.front().name())));
  // The unlabeled selected item: no selection color inside its badge, the base color instead.
  const std::vector<QColor> open = badgeRow(indexOf(ids[3]));
  const QColor base = view->palette().color(QPalette::Base);
  QVERIFY2(countOf(open, base) > static_cast<long>(open.size()) / 2,
           qPrintable(QStringLiteral("unlabeled badge: %1").arg(open[open.size() / 2].name())));
}

// A corrected suggestion's feedback row says where it came from: the queue, the digits sample
// (which the queue also labeled, so a retrain on digits leaves the row out as a duplicate), the
// session model's family and version; no registered model.
void LabelingQueueTest::queueFeedbackProvenance() {
  DigitsPane f;
  QVERIFY(f.open(QStringLiteral("dee"), LabelingPane::QueueTab));
  ActiveQueueView* q = f.pane->queue();
  QVERIFY(q->startSession(QStringLiteral("digits"), active::Strategy::Margin, 10));
  QTRY_VERIFY_WITH_TIMEOUT(q->hasSession(), kJobMs);
  const auto currentItem = [&] { return q->queue()[static_cast<size_t>(q->currentIndex())]; };
  for (int i = 0; i < 10; ++i)
    QVERIFY(q->assignCurrent(f.truth.at(q->sampleIdOfRow(currentItem().row))));
  QTRY_VERIFY_WITH_TIMEOUT(q->modelVersion() == 1 && !q->retraining(), kJobMs);
  const active::QueueItem item = currentItem();
  QVERIFY(item.suggestion >= 0);
  QVERIFY(q->assignCurrent((item.suggestion + 1) % 10));

  labeling::FeedbackRepository repo(*f.workspace.project());
  const auto rows = repo.list();
  QVERIFY(rows.ok());
  QCOMPARE(rows->size(), size_t(1));
  const labeling::Feedback& fb = rows->front();
  QCOMPARE(fb.origin, std::string(labeling::kFeedbackFromQueue));
  QCOMPARE(fb.deviceId, std::string());
  QCOMPARE(fb.datasetId, std::optional<int64_t>(digitsId(f.workspace)));
  QCOMPARE(fb.sampleId, std::optional<int64_t>(q->sampleIdOfRow(item.row)));
  QCOMPARE(fb.modelFamily, std::string("logreg"));
  QCOMPARE(fb.modelVersion, std::optional<int64_t>(1));
  QVERIFY(!fb.modelId.has_value());

  // Training on digits with feedback: the sample is in the data, the row is not added again.
  auto data = training::prepareData(*f.workspace.project(), "digits", {});
  QVERIFY(data.ok());
  const int rowsBefore = data->train.rows();
  auto merge = training::appendFeedback(*f.workspace.project(), *data);
  QVERIFY(merge.ok());
  QCOMPARE(merge->duplicates, 1);
  QCOMPARE(merge->added, 0);
  QCOMPARE(data->train.rows(), rowsBefore);
}

QTEST_MAIN(LabelingQueueTest)
#include "labeling_queue_test.moc"
