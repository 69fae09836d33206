// Qt Test for the Labeling pane's timeline (offscreen): the min/max decimation against a brute
// force computation on random data (pyramid and the points the widget hands to QCustomPlot),
// label editing through simulated mouse and key events with exact undo/redo round trips,
// navigation keys, the timestamp warning bar, and the pane on a real project file (recording
// picker, stream, labels) with screenshots; labels written through the project's label store
// survive closing and reopening the project, and undo/redo reach the store.

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTranslator>
#include <QUndoStack>
#include <algorithm>
#include <cmath>
#include <memory>
#include <random>

#include "app/workbench/panes/labeling/labeling_pane.h"
#include "app/workbench/panes/labeling/minmax_pyramid.h"
#include "app/workbench/panes/labeling/review_view.h"
#include "app/workbench/panes/labeling/spectrogram.h"
#include "app/workbench/panes/labeling/timeline_model.h"
#include "app/workbench/panes/labeling/timeline_widget.h"
#include "app/workbench/workspace.h"
#include "core/labeling/agreement.h"
#include "core/labeling/label_repository.h"
#include "core/store/project.h"
#include "core/store/recording_repository.h"
#include "tests/app/gui_test_util.h"

using namespace edgewise;
using namespace edgewise::gui;
using edgewise::test::screenshotDir;

namespace {

// Random walk values, irregular positive steps (1..2000 us).
std::shared_ptr<TimelineSeries> randomSeries(int64_t n, int channels, uint32_t seed) {
  auto s = std::make_shared<TimelineSeries>();
  s->channels = channels;
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int64_t> step(1, 2000);
  std::normal_distribution<float> v(0.f, 1.f);
  int64_t t = 5'000'000;
  std::vector<float> level(channels, 0.f);
  for (int64_t i = 0; i < n; ++i) {
    s->timestampsUs.push_back(t);
    t += step(rng);
    for (int c = 0; c < channels; ++c) {
      level[c] += v(rng);
      // Occasional spikes: a wrong decimation would miss exactly these.
      s->values.push_back(rng() % 997 == 0 ? level[c] + 50.f * v(rng) : level[c]);
    }
  }
  return s;
}

std::shared_ptr<TimelineSeries> regularSeries(int64_t n, int64_t stepUs, int channels) {
  auto s = std::make_shared<TimelineSeries>();
  s->channels = channels;
  for (int64_t i = 0; i < n; ++i) {
    s->timestampsUs.push_back(1'000'000 + i * stepUs);
    for (int c = 0; c < channels; ++c)
      s->values.push_back(static_cast<float>(std::sin(i * 0.01 * (c + 1)) + 0.2 * c));
  }
  return s;
}

// Brute force: the column of each sample by the definition (t0 + k*w <= t < t0 + (k+1)*w).
std::vector<MinMax> bruteColumns(const TimelineSeries& s, int64_t t0, int64_t t1, int cols) {
  std::vector<MinMax> out(static_cast<size_t>(cols * s.channels));
  const double w = static_cast<double>(t1 - t0) / cols;
  for (int64_t i = 0; i < s.sampleCount(); ++i) {
    const int64_t t = s.timestampsUs[i];
    if (t < t0 || t >= t1) continue;
    int k = static_cast<int>(std::floor((t - t0) / w));
    k = std::clamp(k, 0, cols - 1);
    while (k + 1 < cols && static_cast<double>(t) >= static_cast<double>(t0) + (k + 1) * w) ++k;
    while (k > 0 && static_cast<double>(t) < static_cast<double>(t0) + k * w) --k;
    for (int c = 0; c < s.channels; ++c) {
      MinMax& m = out[k * s.channels + c];
      const float v = s.values[i * s.channels + c];
      if (m.empty) {
        m = {v, v, false};
      } else {
        m.min = std::min(m.min, v);
        m.max = std::max(m.max, v);
      }
    }
  }
  return out;
}

std::vector<TimelineClass> threeClasses() {
  return {{0, QStringLiteral("idle"), QColor(46, 134, 193), 1},
          {1, QStringLiteral("walk"), QColor(231, 76, 60), 2},
          {2, QStringLiteral("run"), QColor(39, 174, 96), 3}};
}

// A project file with two 60 s recordings of a 6-channel IMU at 100 Hz.
void writeTwoRecordings(const QString& path) {
  auto project = store::Project::open(path.toStdString(), store::OpenMode::CreateIfMissing);
  QVERIFY(project.ok());
  store::RecordingRepository& recs = project.value()->recordings();
  for (const char* name : {"walk-session", "bench-idle"}) {
    auto rec = recs.create(name, 1);
    QVERIFY(rec.ok());
    store::StreamSpec spec;
    spec.deviceId = "imu-1";
    spec.topic = "edgewise/imu-1/imu";
    spec.decoderId = "json";
    spec.channelNames = {"ax", "ay", "az", "gx", "gy", "gz"};
    spec.sampleRateHz = 100;
    auto stream = recs.addStream(rec.value(), spec);
    QVERIFY(stream.ok());
    store::ChunkData chunk;
    chunk.streamId = stream.value();
    chunk.channelCount = 6;
    std::mt19937 rng(1);
    std::normal_distribution<float> noise(0.f, 0.04f);
    const int n = 6000;  // 60 s at 100 Hz
    for (int i = 0; i < n; ++i) {
      const double t = i / 100.0;
      chunk.timestampsUs.push_back(1'700'000'000'000'000 + int64_t(i) * 10'000);
      const double walking = (t > 8 && t < 22) || (t > 34 && t < 50) ? 1.0 : 0.08;
      for (int c = 0; c < 6; ++c)
        chunk.values.push_back(static_cast<float>(
            (c == 2 ? 9.81 : 0.0) + walking * std::sin(2 * M_PI * (1.8 + 0.2 * c) * t + c) +
            noise(rng)));
      chunk.sequences.push_back(i);
    }
    chunk.messageCount = n;
    QVERIFY(recs.appendChunk(chunk).ok());
    QVERIFY(recs.finish(rec.value()).ok());
  }
}

// Pixel drag on the timeline from key k0 to key k1 (seconds since the first sample).
void dragKeys(TimelineWidget* w, double k0, double k1) {
  const int y = w->axisRect()->center().y();
  const int a = static_cast<int>(w->xAxis->coordToPixel(k0));
  const int b = static_cast<int>(w->xAxis->coordToPixel(k1));
  QTest::mousePress(w, Qt::LeftButton, {}, QPoint(a, y));
  QTest::mouseMove(w, QPoint(b, y));
  QTest::mouseRelease(w, Qt::LeftButton, {}, QPoint(b, y));
}

void clickKey(TimelineWidget* w, double k) {
  const int y = w->axisRect()->center().y();
  QTest::mouseClick(w, Qt::LeftButton, {}, QPoint(int(w->xAxis->coordToPixel(k)), y));
}

}  // namespace

class LabelingTimelineTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase();
  void pyramidMatchesBruteForce();
  void widgetFeedsColumnMinMax();
  void editWithMouseAndKeysUndoRedo();
  void navigationKeys();
  void warningBar_data();
  void warningBar();
  void paneOnRealProject();
  void labelsSurviveReopen();
  void reviewAndAdjudicate();
  void spectrogramMatchesReference();
  void paneAudioSpectrogram();

 private:
  std::unique_ptr<QTranslator> m_english;
};

void LabelingTimelineTest::initTestCase() {
  // English plural forms ("2 gaps"), as the language manager loads them in the workbench.
  m_english = std::make_unique<QTranslator>();
  QVERIFY(m_english->load(QStringLiteral(":/i18n/edgewise_en")));
  QCoreApplication::installTranslator(m_english.get());
}

void LabelingTimelineTest::pyramidMatchesBruteForce() {
  // 300k samples: three pyramid levels (64, 4096, 262144).
  auto s = randomSeries(300'000, 3, 11);
  MinMaxPyramid p;
  p.build(s.get());
  QCOMPARE(p.levelCount(), 3);
  std::mt19937 rng(5);
  const int64_t first = s->timestampsUs.front(), last = s->timestampsUs.back();
  std::uniform_int_distribution<int64_t> when(first - 1000, last + 1000);
  for (int trial = 0; trial < 25; ++trial) {
    int64_t a = when(rng), b = when(rng);
    if (a > b) std::swap(a, b);
    if (trial == 0) a = first, b = last + 1;  // the whole series
    if (b - a < 10) b = a + 10;
    const int cols = trial % 3 == 0 ? 1 : 100 + static_cast<int>(rng() % 1900);
    std::vector<MinMax> got;
    p.columns(a, b, cols, got);
    const std::vector<MinMax> want = bruteColumns(*s, a, b, cols);
    QCOMPARE(got.size(), want.size());
    for (size_t i = 0; i < want.size(); ++i) {
      QCOMPARE(got[i].empty, want[i].empty);
      if (want[i].empty) continue;
      // Exact: the decimation selects samples, it never interpolates.
      QCOMPARE(got[i].min, want[i].min);
      QCOMPARE(got[i].max, want[i].max);
    }
  }
  // Arbitrary index ranges, including ones that straddle level boundaries.
  std::uniform_int_distribution<int64_t> idx(0, s->sampleCount());
  for (int trial = 0; trial < 200; ++trial) {
    int64_t a = idx(rng), b = idx(rng);
    if (a > b) std::swap(a, b);
    if (trial == 0) a = 4095, b = 262144 + 4097;
    const int c = trial % 3;
    const MinMax m = p.rangeMinMax(c, a, b);
    QCOMPARE(m.empty, a == b);
    if (a == b) continue;
    float mn = s->values[a * 3 + c], mx = mn;
    for (int64_t i = a; i < b; ++i) {
      mn = std::min(mn, s->values[i * 3 + c]);
      mx = std::max(mx, s->values[i * 3 + c]);
    }
    QCOMPARE(m.min, mn);
    QCOMPARE(m.max, mx);
  }
}

void LabelingTimelineTest::widgetFeedsColumnMinMax() {
  auto s = randomSeries(200'000, 2, 3);
  TimelineWidget w;
  w.resize(900, 400);
  w.setChannelLayout(TimelineWidget::ChannelLayout::Overlaid);  // y = the raw value
  w.show();
  QVERIFY(QTest::qWaitForWindowExposed(&w));
  w.setSeries(s, {QStringLiteral("a"), QStringLiteral("b")});
  for (auto [lo, hi] : {std::pair{0.0, 1.0}, std::pair{0.2, 0.45}, std::pair{0.7, 0.71}}) {
    const QCPRange full = w.fullRange();
    w.setVisibleRange(full.lower + lo * full.size(), full.lower + hi * full.size());
    w.replot(QCustomPlot::rpImmediateRefresh);
    const QCPRange r = w.visibleRange();
    const int cols = w.axisRect()->width();
    const int64_t t0 = w.usOf(r.lower), t1 = w.usOf(r.upper);
    const std::vector<MinMax> want = bruteColumns(*s, t0, t1, cols);
    int nonEmpty = 0;
    for (int k = 0; k < cols; ++k) nonEmpty += want[k * 2].empty ? 0 : 1;
    const int64_t inView = std::lower_bound(s->timestampsUs.begin(), s->timestampsUs.end(), t1) -
                           std::lower_bound(s->timestampsUs.begin(), s->timestampsUs.end(), t0);
    for (int c = 0; c < 2; ++c) {
      auto data = w.graph(c)->data();
      if (inView <= 2 * cols) {
        // Zoomed in: raw samples (plus one each side).
        QVERIFY(data->size() <= inView + 2);
        QVERIFY(data->size() >= inView);
        continue;
      }
      // Two points per non-empty column plus the sample just outside each edge (by index: the
      // microsecond bounds are rounded, so a key test can misplace the sample at t1).
      const auto& ts = s->timestampsUs;
      const bool leading = std::lower_bound(ts.begin(), ts.end(), t0) != ts.begin();
      const bool trailing = std::lower_bound(ts.begin(), ts.end(), t1) != ts.end();
      const int inner = data->size() - (leading ? 1 : 0) - (trailing ? 1 : 0);
      QCOMPARE(inner, 2 * nonEmpty);
      auto it = data->begin();
      if (leading) ++it;
      for (int k = 0; k < cols; ++k) {
        const MinMax& m = want[k * 2 + c];
        if (m.empty) continue;
        QCOMPARE(static_cast<float>(it->value), m.min);
        ++it;
        QCOMPARE(static_cast<float>(it->value), m.max);
        ++it;
      }
      QVERIFY(data->size() <= 2 * cols + 2);
    }
  }
}

void LabelingTimelineTest::editWithMouseAndKeysUndoRedo() {
  auto s = regularSeries(10'000, 1000, 3);  // 10 s at 1 kHz
  MemoryLabelModel model(threeClasses());
  TimelineWidget w;
  w.resize(1000, 400);
  w.show();
  QVERIFY(QTest::qWaitForWindowExposed(&w));
  w.setSeries(s, {});
  w.setLabelModel(&model);
  w.setCurrentClass(0);
  w.setVisibleRange(0, 10);
  w.replot(QCustomPlot::rpImmediateRefresh);
  const int y = w.axisRect()->center().y();
  auto usAt = [&w, &s](int px) {
    return std::clamp(w.usOf(w.xAxis->pixelToCoord(px)), s->timestampsUs.front(),
                      s->timestampsUs.back());
  };
  auto drag = [&w, y](int from, int to, Qt::KeyboardModifiers mods = {}) {
    QTest::mousePress(&w, Qt::LeftButton, mods, QPoint(from, y));
    QTest::mouseMove(&w, QPoint((from + to) / 2, y));
    QTest::mouseMove(&w, QPoint(to, y));
    QTest::mouseRelease(&w, Qt::LeftButton, mods, QPoint(to, y));
  };
  std::vector<std::vector<TimelineSegment>> states{model.segments()};

  // Create A (class 0) by dragging right to left, then B (class 1).
  drag(400, 200);
  QCOMPARE(model.segments().size(), size_t(1));
  TimelineSegment a = model.segments()[0];
  QCOMPARE(a.startUs, usAt(200));
  QCOMPARE(a.endUs, usAt(400));
  QCOMPARE(a.classId, 0);
  QVERIFY(a.startUs > 1'000'000 && a.endUs < 11'000'000);
  QCOMPARE(w.selection(), std::set<int64_t>{a.id});
  states.push_back(model.segments());

  w.setCurrentClass(1);
  drag(600, 720);
  QCOMPARE(model.segments().size(), size_t(2));
  TimelineSegment b = model.segments()[1];
  QCOMPARE(b.startUs, usAt(600));
  QCOMPARE(b.endUs, usAt(720));
  QCOMPARE(b.classId, 1);
  states.push_back(model.segments());

  // Resize A: grab its end edge and pull it to x = 480.
  const int aEnd = static_cast<int>(std::lround(w.pixelOf(a.endUs)));
  drag(aEnd + 2, 480);
  a = model.segments()[0];
  QCOMPARE(a.endUs, usAt(480));
  QCOMPARE(a.startUs, usAt(200));
  states.push_back(model.segments());

  // Click B, key 3 relabels it to class "run" (id 2).
  QTest::mouseClick(&w, Qt::LeftButton, {}, QPoint(660, y));
  QCOMPARE(w.selection(), std::set<int64_t>{b.id});
  QTest::keyClick(&w, Qt::Key_3);
  QCOMPARE(model.segments()[1].classId, 2);
  QCOMPARE(model.segments()[0].classId, 0);
  states.push_back(model.segments());

  // Ctrl+click A adds it; key 2 relabels both in one undo step.
  QTest::mouseClick(&w, Qt::LeftButton, Qt::ControlModifier, QPoint(300, y));
  QCOMPARE(w.selection().size(), size_t(2));
  QTest::keyClick(&w, Qt::Key_2);
  QCOMPARE(model.segments()[0].classId, 1);
  QCOMPARE(model.segments()[1].classId, 1);
  states.push_back(model.segments());

  // Click A alone, Delete removes it.
  QTest::mouseClick(&w, Qt::LeftButton, {}, QPoint(300, y));
  QTest::keyClick(&w, Qt::Key_Delete);
  QCOMPARE(model.segments().size(), size_t(1));
  QCOMPARE(model.segments()[0].id, b.id);
  states.push_back(model.segments());

  // A click on empty space clears the selection and creates nothing.
  QTest::mouseClick(&w, Qt::LeftButton, {}, QPoint(900, y));
  QVERIFY(w.selection().empty());
  QCOMPARE(model.segments().size(), size_t(1));
  QCOMPARE(w.undoStack()->count(), 6);

  // Undo back to the empty start, checking every intermediate state exactly.
  for (int i = static_cast<int>(states.size()) - 2; i >= 0; --i) {
    QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(model.segments(), states[i]);
  }
  QVERIFY(!w.undoStack()->canUndo());
  // And redo all of it (Ctrl+Shift+Z; Ctrl+Y once).
  for (size_t i = 1; i < states.size(); ++i) {
    if (i == 3)
      QTest::keyClick(&w, Qt::Key_Y, Qt::ControlModifier);
    else
      QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(model.segments(), states[i]);
  }
  QVERIFY(!w.undoStack()->canRedo());
}

void LabelingTimelineTest::navigationKeys() {
  auto s = regularSeries(100'000, 1000, 2);  // 100 s
  MemoryLabelModel model(threeClasses());
  model.setSuggestions({{40'000'000, 45'000'000, 1}, {70'000'000, 71'000'000, -1}});
  TimelineWidget w;
  w.resize(800, 300);
  w.show();
  QVERIFY(QTest::qWaitForWindowExposed(&w));
  w.setSeries(s, {});
  w.setLabelModel(&model);
  // Labels cover 0..10 s and 12..30 s (times since the first sample).
  QVERIFY(model.addSegment(1'000'000, 11'000'000, 0).ok());
  QVERIFY(model.addSegment(13'000'000, 31'000'000, 1).ok());
  w.refreshLabels();
  w.setVisibleRange(0, 20);
  QCOMPARE(w.visibleRange().lower, 0.0);
  QTest::keyClick(&w, Qt::Key_Right);
  QCOMPARE(w.visibleRange().lower, 2.0);
  QTest::keyClick(&w, Qt::Key_PageDown);
  QCOMPARE(w.visibleRange().lower, 22.0);
  QTest::keyClick(&w, Qt::Key_PageUp);
  QCOMPARE(w.visibleRange().lower, 2.0);
  QTest::keyClick(&w, Qt::Key_Plus);
  QCOMPARE(w.visibleRange().size(), 10.0);
  QCOMPARE(w.visibleRange().center(), 12.0);
  QTest::keyClick(&w, Qt::Key_Minus);
  QCOMPARE(w.visibleRange().size(), 20.0);
  // N: the unlabeled spans are 10..12 s, then 30 s to the end.
  QTest::keyClick(&w, Qt::Key_N);
  QCOMPARE(w.lastJumpSpan(), std::make_pair(int64_t(11'000'000), int64_t(13'000'000)));
  QVERIFY(w.visibleRange().contains(10.0) && w.visibleRange().contains(12.0));
  QTest::keyClick(&w, Qt::Key_N);
  QCOMPARE(w.lastJumpSpan().first, int64_t(31'000'000));
  // S: the suggestions in time order.
  QTest::keyClick(&w, Qt::Key_S);
  QCOMPARE(w.lastJumpSpan(), std::make_pair(int64_t(40'000'000), int64_t(45'000'000)));
  QVERIFY(w.visibleRange().contains(39.0) && w.visibleRange().contains(44.0));
  QTest::keyClick(&w, Qt::Key_S);
  QCOMPARE(w.lastJumpSpan().first, int64_t(70'000'000));
  QVERIFY(!w.jumpToNextSuggestion());
  // Wheel zoom keeps the time under the cursor in place.
  const QPoint at(w.axisRect()->left() + w.axisRect()->width() / 4, w.axisRect()->center().y());
  const double before = w.xAxis->pixelToCoord(at.x());
  QWheelEvent wheel(at, w.mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                    Qt::NoScrollPhase, false);
  QApplication::sendEvent(&w, &wheel);
  QVERIFY(w.visibleRange().size() < 20.0 * 0.9);
  QVERIFY(std::abs(w.xAxis->pixelToCoord(at.x()) - before) < 1e-6);
}

void LabelingTimelineTest::warningBar_data() {
  QTest::addColumn<int>("kind");
  QTest::addColumn<qlonglong>("gaps");
  QTest::addColumn<qlonglong>("duplicates");
  QTest::addColumn<qlonglong>("backwards");
  QTest::newRow("clean") << 0 << 0LL << 0LL << 0LL;
  QTest::newRow("gaps") << 1 << 2LL << 0LL << 0LL;
  QTest::newRow("duplicates") << 2 << 0LL << 3LL << 0LL;
  QTest::newRow("non-monotonic") << 3 << 0LL << 0LL << 1LL;
}

void LabelingTimelineTest::warningBar() {
  QFETCH(int, kind);
  QFETCH(qlonglong, gaps);
  QFETCH(qlonglong, duplicates);
  QFETCH(qlonglong, backwards);
  auto s = regularSeries(2000, 10'000, 2);  // 100 Hz
  auto& ts = s->timestampsUs;
  if (kind == 1) {
    for (size_t i = 500; i < ts.size(); ++i) ts[i] += 2'000'000;  // a 2 s hole
    for (size_t i = 1500; i < ts.size(); ++i) ts[i] += 50'000;    // 6 intervals' worth
  } else if (kind == 2) {
    for (size_t i : {100, 900, 1800}) ts[i] = ts[i - 1];
  } else if (kind == 3) {
    std::swap(ts[1000], ts[1001]);  // one step back
  }
  TimelineWidget w;
  w.resize(900, 300);
  w.show();
  QVERIFY(QTest::qWaitForWindowExposed(&w));
  w.setSeries(s, {});
  w.replot(QCustomPlot::rpImmediateRefresh);
  QCOMPARE(qlonglong(w.timestampReport().gaps), gaps);
  QCOMPARE(qlonglong(w.timestampReport().duplicates), duplicates);
  QCOMPARE(qlonglong(w.timestampReport().backwards), backwards);
  QCOMPARE(w.warningShown(), kind != 0);
  auto* bar = w.findChild<QLabel*>(QStringLiteral("timestampWarning"));
  QVERIFY(bar);
  QCOMPARE(bar->isVisible(), kind != 0);
  if (kind == 1) {
    QVERIFY2(w.warningText().contains(QStringLiteral("2 gaps")), qPrintable(w.warningText()));
    QVERIFY(w.warningText().contains(QStringLiteral("2.01 s")));
    // The plot area starts below the bar.
    QVERIFY(w.axisRect()->top() >= bar->geometry().bottom());
    QVERIFY(w.grab().save(screenshotDir() + u"/labeling_warning.png"));
  }
  if (kind == 3) {
    // Shown sorted.
    QVERIFY(std::is_sorted(w.series()->timestampsUs.begin(), w.series()->timestampsUs.end()));
    QVERIFY(w.warningText().contains(QStringLiteral("back in time")));
  }
}

void LabelingTimelineTest::paneOnRealProject() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString path = dir.filePath(QStringLiteral("labels.edgewise"));
  writeTwoRecordings(path);
  if (QTest::currentTestFailed()) return;
  Workspace workspace;
  QVERIFY(workspace.openProject(path, false).ok());
  LabelingPane pane(workspace);
  pane.resize(1300, 620);
  pane.show();
  QVERIFY(QTest::qWaitForWindowExposed(&pane));
  auto* recordings = pane.findChild<QComboBox*>(QStringLiteral("recordingCombo"));
  QVERIFY(recordings);
  QCOMPARE(recordings->count(), 2);
  TimelineWidget* w = pane.timeline();
  QVERIFY(w->series());
  QCOMPARE(w->series()->sampleCount(), int64_t(6000));
  QCOMPARE(w->series()->channels, 6);
  QVERIFY(!w->warningShown());

  const int idle = pane.addClass(QStringLiteral("idle"));
  const int walk = pane.addClass(QStringLiteral("walk"));
  const int stairs = pane.addClass(QStringLiteral("stairs"));
  QVERIFY(idle > 0 && walk > 0 && stairs > 0);
  pane.setAnnotator(QStringLiteral("ana"));
  QTest::qWait(50);
  w->replot(QCustomPlot::rpImmediateRefresh);
  const int y = w->axisRect()->center().y();
  auto dragKeys = [w, y](double k0, double k1) {
    const int a = static_cast<int>(w->xAxis->coordToPixel(k0));
    const int b = static_cast<int>(w->xAxis->coordToPixel(k1));
    QTest::mousePress(w, Qt::LeftButton, {}, QPoint(a, y));
    QTest::mouseMove(w, QPoint(b, y));
    QTest::mouseRelease(w, Qt::LeftButton, {}, QPoint(b, y));
  };
  dragKeys(0.5, 7.5);             // "idle", the first added, is current
  QTest::keyClick(w, Qt::Key_2);  // relabels it to "walk", which becomes current
  dragKeys(8.2, 21.8);
  dragKeys(22.5, 33.5);
  dragKeys(34.2, 49.5);
  QTest::keyClick(w, Qt::Key_3);  // the last one: "stairs"
  dragKeys(51.0, 58.0);
  auto segs = w->labelModel()->segments();
  QCOMPARE(segs.size(), size_t(5));
  QCOMPARE(segs[0].classId, walk);
  QCOMPARE(segs[1].classId, walk);
  QCOMPARE(segs[2].classId, walk);
  QCOMPARE(segs[3].classId, stairs);
  QCOMPARE(segs[4].classId, stairs);
  // Fix them by clicking and keys: idle, walk, idle, walk, stairs.
  auto relabel = [w, y](double k, Qt::Key key) {
    QTest::mouseClick(w, Qt::LeftButton, {}, QPoint(int(w->xAxis->coordToPixel(k)), y));
    QTest::keyClick(w, key);
  };
  relabel(4.0, Qt::Key_1);
  relabel(28.0, Qt::Key_1);
  relabel(40.0, Qt::Key_2);
  segs = w->labelModel()->segments();
  const std::vector<int> classes{idle, walk, idle, walk, stairs};
  for (size_t i = 0; i < segs.size(); ++i) QCOMPARE(segs[i].classId, classes[i]);
  QCOMPARE(segs[1].startUs - w->originUs(),
           w->usOf(w->xAxis->pixelToCoord(int(w->xAxis->coordToPixel(8.2)))) - w->originUs());
  auto* status = pane.findChild<QWidget*>(QStringLiteral("labelingStatus"));
  QVERIFY(status);

  // Labels are per recording: the other one starts empty, and coming back finds them again.
  QVERIFY(pane.openRecording(recordings->itemData(1).toLongLong()));
  QCOMPARE(w->labelModel()->segments().size(), size_t(0));
  QVERIFY(pane.openRecording(recordings->itemData(0).toLongLong()));
  QCOMPARE(w->labelModel()->segments().size(), size_t(5));
  QTest::mouseClick(w, Qt::LeftButton, {}, QPoint(int(w->xAxis->coordToPixel(28.0)), y));
  QTest::qWait(50);
  w->replot(QCustomPlot::rpImmediateRefresh);
  QVERIFY(pane.grab().save(screenshotDir() + u"/labeling_pane.png"));
  QVERIFY(w->grab().save(screenshotDir() + u"/labeling_timeline.png"));
}

void LabelingTimelineTest::labelsSurviveReopen() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString path = dir.filePath(QStringLiteral("reopen.edgewise"));
  writeTwoRecordings(path);
  if (QTest::currentTestFailed()) return;

  struct Span {
    int64_t id, startUs, endUs;
    std::string cls, annotator;
    bool operator==(const Span& o) const {
      return id == o.id && startUs == o.startUs && endUs == o.endUs && cls == o.cls &&
             annotator == o.annotator;
    }
  };
  // Every annotator's labels on the recording, read from the store itself.
  auto stored = [](store::Project& project, int64_t recordingId) {
    labeling::LabelRepository repo(project);
    std::vector<Span> out;
    auto rows = repo.segments(recordingId);
    if (!rows.ok()) return out;
    for (const labeling::SegmentLabel& r : *rows)
      out.push_back(Span{r.id, r.startUs, r.endUs, repo.classById(r.classId)->name,
                         repo.annotatorById(r.annotatorId)->name});
    return out;
  };
  auto rowsOf = [](store::Project& project, int64_t recordingId) {
    return labeling::LabelRepository(project).segments(recordingId).value();
  };

  std::vector<Span> expected;
  std::vector<TimelineSegment> shown;
  int64_t recordingId = 0;
  {
    Workspace workspace;
    QVERIFY(workspace.openProject(path, false).ok());
    LabelingPane pane(workspace);
    pane.resize(1100, 520);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    TimelineWidget* w = pane.timeline();
    auto* recordings = pane.findChild<QComboBox*>(QStringLiteral("recordingCombo"));
    auto* status = pane.findChild<QLabel*>(QStringLiteral("labelingStatus"));
    QVERIFY(recordings && status);
    recordingId = recordings->itemData(0).toLongLong();
    store::Project& project = *workspace.project();
    QVERIFY(!status->text().contains(QStringLiteral("session only")));

    // "Add class" writes the project's schema.
    auto* newClass = pane.findChild<QLineEdit*>(QStringLiteral("newClassEdit"));
    auto* addButton = pane.findChild<QToolButton*>(QStringLiteral("addClassButton"));
    QVERIFY(newClass && addButton);
    newClass->setText(QStringLiteral("idle"));
    addButton->click();
    const int walk = pane.addClass(QStringLiteral("walk"), QColor(231, 76, 60));
    QVERIFY(walk > 0);
    auto classes = labeling::LabelRepository(project).classes();
    QVERIFY(classes.ok());
    QCOMPARE(classes->size(), size_t(2));
    QCOMPARE(classes->at(0).name, std::string("idle"));
    QCOMPARE(classes->at(0).shortcut, 1);
    QCOMPARE(classes->at(1).color, std::string("#e74c3c"));
    QCOMPARE(classes->at(1).shortcut, 2);
    // A name the schema has is refused, in red.
    QCOMPARE(pane.addClass(QStringLiteral("walk")), -1);
    QVERIFY2(status->styleSheet().contains(QStringLiteral("#c62828")),
             qPrintable(status->styleSheet()));

    // Without an annotator the store takes no label: red status, nothing on screen.
    QTest::qWait(50);
    w->replot(QCustomPlot::rpImmediateRefresh);
    dragKeys(w, 1.0, 5.0);
    QCOMPARE(w->labelModel()->segments().size(), size_t(0));
    QVERIFY2(status->text().contains(QStringLiteral("Annotator")), qPrintable(status->text()));
    QVERIFY(status->styleSheet().contains(QStringLiteral("#c62828")));
    QVERIFY(stored(project, recordingId).empty());

    // The annotator field creates the annotator.
    auto* annotatorEdit = pane.findChild<QLineEdit*>(QStringLiteral("annotatorEdit"));
    QVERIFY(annotatorEdit);
    annotatorEdit->setText(QStringLiteral("ana"));
    QVERIFY(QMetaObject::invokeMethod(annotatorEdit, "editingFinished"));
    QVERIFY(labeling::LabelRepository(project).annotatorByName("ana").ok());

    dragKeys(w, 1.0, 5.0);  // idle
    QVERIFY(status->styleSheet().isEmpty());
    QTest::keyClick(w, Qt::Key_2);  // -> walk (now current)
    dragKeys(w, 10.0, 20.0);
    dragKeys(w, 30.0, 40.0);
    clickKey(w, 35.0);
    QTest::keyClick(w, Qt::Key_1);  // -> idle
    const auto beforeResize = w->labelModel()->segments();
    dragKeys(w, 20.0, 25.0);  // resize the second span's end
    auto segs = w->labelModel()->segments();
    QCOMPARE(segs.size(), size_t(3));
    QVERIFY(std::abs(segs[1].endUs - w->originUs() - 25'000'000) < 100'000);  // a pixel
    // Each edit is in the store at once.
    std::vector<Span> now = stored(project, recordingId);
    QCOMPARE(now.size(), size_t(3));
    const char* names[] = {"walk", "walk", "idle"};
    for (size_t i = 0; i < 3; ++i) {
      QCOMPARE(now[i].id, segs[i].id);
      QCOMPARE(now[i].startUs, segs[i].startUs);
      QCOMPARE(now[i].endUs, segs[i].endUs);
      QCOMPARE(now[i].cls, std::string(names[i]));
      QCOMPARE(now[i].annotator, std::string("ana"));
    }

    // A span over two others: the store trims the first and removes the second; undo puts
    // both back exactly (same ids and times) in the store, redo takes them away again.
    const auto beforeOverlap = rowsOf(project, recordingId);
    dragKeys(w, 45.0, 15.0);
    const auto afterOverlap = rowsOf(project, recordingId);
    QCOMPARE(afterOverlap.size(), size_t(3));
    QVERIFY(std::abs(afterOverlap[1].endUs - w->originUs() - 15'000'000) < 100'000);
    QCOMPARE(w->labelModel()->segments().size(), size_t(3));
    w->undoStack()->undo();
    QVERIFY(rowsOf(project, recordingId) == beforeOverlap);
    QCOMPARE(w->labelModel()->segments(), segs);
    w->undoStack()->redo();
    QVERIFY(rowsOf(project, recordingId) == afterOverlap);
    w->undoStack()->undo();
    QVERIFY(rowsOf(project, recordingId) == beforeOverlap);

    // Delete and undo: the row comes back as it was.
    clickKey(w, 3.0);
    QTest::keyClick(w, Qt::Key_Delete);
    QCOMPARE(rowsOf(project, recordingId).size(), size_t(2));
    w->undoStack()->undo();
    QVERIFY(rowsOf(project, recordingId) == beforeOverlap);
    // Undo of the relabel and redo of it.
    w->undoStack()->undo();  // the delete was undone; this undoes the resize
    QCOMPARE(labeling::LabelRepository(project).segment(segs[1].id)->endUs, beforeResize[1].endUs);
    w->undoStack()->redo();
    QVERIFY(rowsOf(project, recordingId) == beforeOverlap);

    // Label schema: renaming "walk" renames every walk label (labels keep the class id);
    // color and key change with it; one undo step restores all three, redo applies them.
    const auto walkLabels = [&] {
      size_t n = 0;
      for (const Span& sp : stored(project, recordingId)) n += sp.cls == "walking" ? 1 : 0;
      return n;
    };
    const size_t walks = [&] {
      size_t n = 0;
      for (const Span& sp : stored(project, recordingId)) n += sp.cls == "walk" ? 1 : 0;
      return n;
    }();
    QVERIFY(walks > 0);
    QVERIFY(pane.editClass(walk, QStringLiteral(" walking "), QColor(142, 68, 173), 5));
    QCOMPARE(walkLabels(), walks);
    QCOMPARE(w->labelModel()->classes()[1].name, QStringLiteral("walking"));
    QCOMPARE(w->labelModel()->classes()[1].color, QColor(142, 68, 173));
    QCOMPARE(w->labelModel()->classes()[1].key, 5);
    auto* walkButton = pane.findChild<QToolButton*>(QStringLiteral("classButton_%1").arg(walk));
    QVERIFY(walkButton);
    QVERIFY2(walkButton->text().contains(QStringLiteral("walking")),
             qPrintable(walkButton->text()));
    QVERIFY(walkButton->text().startsWith(QStringLiteral("5")));
    w->undoStack()->undo();
    QCOMPARE(labeling::LabelRepository(project).classById(walk)->name, std::string("walk"));
    QCOMPARE(labeling::LabelRepository(project).classById(walk)->shortcut, 2);
    QCOMPARE(w->labelModel()->classes()[1].color, QColor(231, 76, 60));
    QCOMPARE(walkLabels(), size_t(0));
    w->undoStack()->redo();
    QCOMPARE(walkLabels(), walks);
    QCOMPARE(labeling::LabelRepository(project).classById(walk)->color, std::string("#8e44ad"));
    // Refused: the other class's name, or its key; nothing changes, the status says why.
    QVERIFY(!pane.editClass(walk, QStringLiteral("idle"), QColor(), 5));
    QVERIFY(status->styleSheet().contains(QStringLiteral("#c62828")));
    QVERIFY(!pane.editClass(walk, QStringLiteral("walking"), QColor(), 1));
    QCOMPARE(labeling::LabelRepository(project).classById(walk)->shortcut, 5);
    QCOMPARE(labeling::LabelRepository(project).classById(walk)->name, std::string("walking"));
    // Back to the original schema (the reopen below checks it), through the same API.
    QVERIFY(pane.editClass(walk, QStringLiteral("walk"), QColor(231, 76, 60), 2));
    // The editor dialog shows the class as stored; Cancel changes nothing.
    bool sawEditor = false;
    QTimer::singleShot(0, &pane, [&] {
      auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
      if (!dialog) return;
      auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("classEditorName"));
      auto* key = dialog->findChild<QSpinBox*>(QStringLiteral("classEditorKey"));
      sawEditor = dialog->objectName() == QStringLiteral("classEditor") && name && key &&
                  name->text() == QStringLiteral("walk") && key->value() == 2;
      dialog->grab().save(screenshotDir() + u"/labeling_class_editor.png");
      dialog->reject();
    });
    pane.showClassEditor(walk);
    QVERIFY(sawEditor);
    QCOMPARE(labeling::LabelRepository(project).classById(walk)->name, std::string("walk"));

    expected = stored(project, recordingId);
    shown = w->labelModel()->segments();
    QTest::qWait(50);
    w->replot(QCustomPlot::rpImmediateRefresh);
    QVERIFY(pane.grab().save(screenshotDir() + u"/labeling_pane_store.png"));

    workspace.closeProject();
    QVERIFY(!w->labelModel());
  }

  // A new workspace and pane on the same file: the classes and ana's spans come back.
  Workspace workspace;
  QVERIFY(workspace.openProject(path, false).ok());
  LabelingPane pane(workspace);
  pane.resize(1100, 520);
  pane.show();
  QVERIFY(QTest::qWaitForWindowExposed(&pane));
  TimelineWidget* w = pane.timeline();
  QVERIFY(w->labelModel());
  QCOMPARE(w->labelModel()->classes().size(), size_t(2));
  QCOMPARE(w->labelModel()->classes()[1].name, QStringLiteral("walk"));
  QCOMPARE(w->labelModel()->classes()[1].color, QColor(231, 76, 60));
  QCOMPARE(w->labelModel()->classes()[1].key, 2);
  QCOMPARE(w->labelModel()->segments().size(), size_t(0));  // no annotator chosen yet
  pane.setAnnotator(QStringLiteral("ana"));
  QCOMPARE(w->labelModel()->segments(), shown);
  QVERIFY(stored(*workspace.project(), recordingId) == expected);
  // Another annotator starts empty and never touches ana's labels.
  pane.setAnnotator(QStringLiteral("ben"));
  QCOMPARE(w->labelModel()->segments().size(), size_t(0));
  QTest::qWait(50);
  w->replot(QCustomPlot::rpImmediateRefresh);
  dragKeys(w, 2.0, 12.0);
  QCOMPARE(w->labelModel()->segments().size(), size_t(1));
  pane.setAnnotator(QStringLiteral("ana"));
  QCOMPARE(w->labelModel()->segments(), shown);
  QCOMPARE(stored(*workspace.project(), recordingId).size(), expected.size() + 1);
}

// Two annotators label the same recording and disagree on exactly [20 s, 30 s): the Review view
// lists that one span, shows core's kappa, and accepting ana's label (key 1) writes an
// adjudicated range that the repository returns and the row shows as resolved.
void LabelingTimelineTest::reviewAndAdjudicate() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString path = dir.filePath(QStringLiteral("review.edgewise"));
  writeTwoRecordings(path);
  if (QTest::currentTestFailed()) return;
  Workspace workspace;
  QVERIFY(workspace.openProject(path, false).ok());
  LabelingPane pane(workspace);
  pane.resize(1300, 860);
  pane.show();
  QVERIFY(QTest::qWaitForWindowExposed(&pane));
  const int idle = pane.addClass(QStringLiteral("idle"));
  const int walk = pane.addClass(QStringLiteral("walk"));
  QVERIFY(idle > 0 && walk > 0);
  auto* recordings = pane.findChild<QComboBox*>(QStringLiteral("recordingCombo"));
  QVERIFY(recordings);
  const int64_t recordingId = recordings->itemData(0).toLongLong();

  labeling::LabelRepository repo(*workspace.project());
  const auto ana = repo.ensureAnnotator("ana");
  const auto ben = repo.ensureAnnotator("ben");
  QVERIFY(ana.ok() && ben.ok());
  const int64_t origin = 1'700'000'000'000'000;
  const int64_t t0 = 1'760'000'000'000'000;  // creation times: a known activity
  auto add = [&](int64_t annotator, double s0, double s1, int classId, int64_t created) {
    labeling::SegmentLabel row;
    row.recordingId = recordingId;
    row.startUs = origin + static_cast<int64_t>(s0 * 1e6);
    row.endUs = origin + static_cast<int64_t>(s1 * 1e6);
    row.classId = classId;
    row.annotatorId = annotator;
    row.createdUs = row.updatedUs = created;
    QVERIFY(repo.addSegment(row).ok());
  };
  add(ana->id, 0, 20, idle, t0);
  add(ana->id, 20, 40, walk, t0 + 60'000'000);  // ana: 2 labels in 60 s
  add(ben->id, 0, 20, idle, t0);
  add(ben->id, 20, 30, idle, t0 + 30'000'000);
  add(ben->id, 30, 40, walk, t0 + 3'600'000'000);  // a 1 h pause counts as 5 min
  if (QTest::currentTestFailed()) return;

  pane.setAnnotator(QStringLiteral("judge"));
  QVERIFY(pane.openRecording(recordingId));
  pane.setReviewVisible(true);
  QTest::qWait(50);
  ReviewView* review = pane.review();
  QVERIFY(review->isVisible());
  QVERIFY2(review->errorText().isEmpty(), qPrintable(review->errorText()));

  // Exactly the known disagreement.
  QCOMPARE(review->disagreements().size(), size_t(1));
  QCOMPARE(review->disagreements()[0].startUs, origin + 20'000'000);
  QCOMPARE(review->disagreements()[0].endUs, origin + 30'000'000);
  QTableWidget* table = review->disagreementTable();
  QCOMPARE(table->rowCount(), 1);
  QCOMPARE(table->columnCount(), 5);  // start, end, ana, ben, resolution
  QCOMPARE(table->horizontalHeaderItem(2)->text(), QStringLiteral("ana"));
  QCOMPARE(table->item(0, 2)->text(), QStringLiteral("walk"));
  QCOMPARE(table->item(0, 3)->text(), QStringLiteral("idle"));
  QCOMPARE(table->item(0, 4)->data(Qt::UserRole).toBool(), false);

  // Kappa as core computes it.
  auto report = labeling::recordingAgreement(repo, recordingId);
  QVERIFY(report.ok());
  QCOMPARE(report->pairs.size(), size_t(1));
  QTableWidget* cohen = review->cohenTable();
  QCOMPARE(cohen->rowCount(), 2);
  QCOMPARE(cohen->item(0, 1)->data(Qt::UserRole).toDouble(), report->pairs[0].cohen.kappa);
  QCOMPARE(cohen->item(1, 0)->data(Qt::UserRole).toDouble(), report->pairs[0].cohen.kappa);
  QCOMPARE(cohen->item(0, 1)->text(), QString::number(report->pairs[0].cohen.kappa, 'f', 3));
  QVERIFY(report->fleiss);
  auto* fleiss = review->findChild<QLabel*>(QStringLiteral("fleissLabel"));
  QVERIFY(fleiss);
  QCOMPARE(fleiss->property("kappa").toDouble(), report->fleiss->kappa);
  QCOMPARE(review->classTable()->rowCount(), static_cast<int>(report->perClass.size()));

  // Active time: gaps capped at 5 min; labels per hour from it.
  QTableWidget* activity = review->activityTable();
  QCOMPARE(activity->rowCount(), 2);
  QCOMPARE(activity->item(0, 0)->text(), QStringLiteral("ana"));
  QCOMPARE(activity->item(0, 2)->data(Qt::UserRole).toDouble(), 60.0);
  QCOMPARE(activity->item(0, 3)->data(Qt::UserRole).toDouble(), 120.0);
  QCOMPARE(activity->item(1, 2)->data(Qt::UserRole).toDouble(), 330.0);
  QCOMPARE(activity->item(1, 3)->data(Qt::UserRole).toDouble(), 3 / (330.0 / 3600));

  // Selecting the row shows the span on the timeline.
  table->setFocus();
  table->selectRow(0);
  const QCPRange shown = pane.timeline()->xAxis->range();
  QVERIFY2(shown.lower <= 20.0 && shown.upper >= 30.0 && shown.size() < 40.0,
           qPrintable(QStringLiteral("%1..%2").arg(shown.lower).arg(shown.upper)));

  // Key 1: accept ana's label.
  QTest::keyClick(table, Qt::Key_1);
  QVERIFY2(review->errorText().isEmpty(), qPrintable(review->errorText()));
  auto adj = repo.rangeAdjudications(recordingId);
  QVERIFY(adj.ok());
  QCOMPARE(adj->size(), size_t(1));
  QCOMPARE((*adj)[0].startUs, origin + 20'000'000);
  QCOMPARE((*adj)[0].endUs, origin + 30'000'000);
  QCOMPARE((*adj)[0].classId, int64_t(walk));
  QCOMPARE((*adj)[0].acceptedAnnotatorId, std::optional<int64_t>(ana->id));
  auto judge = repo.annotatorByName("judge");
  QVERIFY(judge.ok());
  QCOMPARE((*adj)[0].adjudicatorId, judge->id);
  QCOMPARE(table->rowCount(), 1);
  QCOMPARE(table->item(0, 4)->data(Qt::UserRole).toBool(), true);
  QVERIFY(table->item(0, 4)->text().contains(QStringLiteral("walk")));
  // On the pane's undo stack: undo removes the adjudication, redo writes the same row back.
  const labeling::Adjudication written = (*adj)[0];
  QUndoStack* undo = pane.timeline()->undoStack();
  QVERIFY(undo->canUndo());
  undo->undo();
  QCOMPARE(repo.rangeAdjudications(recordingId)->size(), size_t(0));
  QCOMPARE(table->item(0, 4)->data(Qt::UserRole).toBool(), false);
  undo->redo();
  adj = repo.rangeAdjudications(recordingId);
  QCOMPARE(adj->size(), size_t(1));
  QCOMPARE((*adj)[0].id, written.id);
  QCOMPARE((*adj)[0].classId, written.classId);
  QCOMPARE(table->item(0, 4)->data(Qt::UserRole).toBool(), true);
  // The effective labels (what datasets use) follow the adjudication.
  auto effective = labeling::effectiveSegments(repo, recordingId);
  QVERIFY(effective.ok());
  QCOMPARE(effective->size(), size_t(2));
  QCOMPARE((*effective)[1].classId, int64_t(walk));
  QCOMPARE((*effective)[1].startUs, origin + 20'000'000);

  QTest::qWait(50);
  pane.timeline()->replot(QCustomPlot::rpImmediateRefresh);
  QCOMPARE(pane.width(), 1300);  // refreshes must not widen the pane
  QVERIFY(pane.grab().save(screenshotDir() + u"/labeling_review.png"));
}

// The STFT against tests/app/data/spectrogram_reference.csv, written by
// tests/app/spectrogram_reference.py (a direct DFT of the definition scipy.signal.stft uses):
// 8 kHz, 1000 Hz + 2500 Hz (a quarter of the amplitude) tones. Tolerance: 1e-3 dB on every bin
// above -100 dB (the tones and their window leakage), 1e-7 in linear magnitude below.
void LabelingTimelineTest::spectrogramMatchesReference() {
  const double fs = 8000;
  std::vector<float> x(4096);
  for (size_t i = 0; i < x.size(); ++i)
    x[i] = static_cast<float>(std::sin(2 * M_PI * 1000 * i / fs) +
                              0.25 * std::sin(2 * M_PI * 2500 * i / fs + 0.3));
  const Spectrogram spec = computeSpectrogram(x, fs, 512, 256);
  QCOMPARE(spec.frames, 4096 / 256 + 1);  // scipy: ceil(n / hop) + 1 frames
  QCOMPARE(spec.bins, 257);
  QCOMPARE(spec.binHz, 15.625);
  QFile file(QStringLiteral(EDGEWISE_SPECTROGRAM_REFERENCE));
  QVERIFY2(file.open(QIODevice::ReadOnly | QIODevice::Text), qPrintable(file.fileName()));
  file.readLine();  // header
  int compared = 0;
  double worstDb = 0;
  while (!file.atEnd()) {
    const QList<QByteArray> f = file.readLine().trimmed().split(',');
    if (f.size() != 3) continue;
    const int frame = f[0].toInt(), bin = f[1].toInt();
    const double ref = f[2].toDouble();
    const double got = spec.db[static_cast<size_t>(frame) * spec.bins + bin];
    if (ref > -100) {
      worstDb = std::max(worstDb, std::abs(got - ref));
      QVERIFY2(std::abs(got - ref) <= 1e-3,
               qPrintable(QStringLiteral("frame %1 bin %2: %3 vs %4 dB")
                              .arg(frame)
                              .arg(bin)
                              .arg(got)
                              .arg(ref)));
    } else {
      QVERIFY(std::abs(std::pow(10, got / 20) - std::pow(10, ref / 20)) <= 1e-7);
    }
    ++compared;
  }
  QCOMPARE(compared, 4 * 257);
  qInfo("spectrogram vs reference: worst %.2g dB on bins above -100 dB", worstDb);
  // The 1 kHz tone's peak is bin 1000 / (8000 / 512) = 64, the 2.5 kHz tone's bin 160, 12 dB
  // lower (a quarter of the amplitude); a full Hann frame of a unit sine peaks at -6.02 dB.
  const float* mid = spec.db.data() + 8 * spec.bins;
  QCOMPARE(int(std::max_element(mid, mid + spec.bins) - mid), 64);
  QVERIFY(std::abs(mid[64] - (-6.0206f)) < 1e-3);
  const float* upper = mid + 100;
  QCOMPARE(int(std::max_element(upper, mid + spec.bins) - mid), 160);
  QVERIFY(std::abs((mid[64] - mid[160]) - 12.04f) < 0.01f);
  // Which streams get one: audio always, other streams only with one channel at >= 4 kHz.
  QCOMPARE(spectrogramRateFor(true, 1, 16000, 0), 16000.0);
  QCOMPARE(spectrogramRateFor(true, 2, 0, 125), 8000.0);
  QCOMPARE(spectrogramRateFor(false, 1, 4000, 0), 4000.0);
  QCOMPARE(spectrogramRateFor(false, 1, 0, 100), 10000.0);
  QCOMPARE(spectrogramRateFor(false, 1, 100, 0), 0.0);
  QCOMPARE(spectrogramRateFor(false, 6, 8000, 0), 0.0);
  QCOMPARE(spectrogramRateFor(true, 1, 0, 0), 0.0);
}

// An audio recording (8 kHz mono, 20 s: a 1 kHz tone, then a 2.5 kHz tone, then a chirp) in a
// project: the pane shows the spectrogram under the waveform, on the same time axis.
void LabelingTimelineTest::paneAudioSpectrogram() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString path = dir.filePath(QStringLiteral("audio.edgewise"));
  const double fs = 8000;
  const int n = 20 * 8000;
  {
    auto project = store::Project::open(path.toStdString(), store::OpenMode::CreateIfMissing);
    QVERIFY(project.ok());
    store::RecordingRepository& recs = project.value()->recordings();
    auto rec = recs.create("kitchen-mic", 1);
    QVERIFY(rec.ok());
    store::StreamSpec spec;
    spec.deviceId = "mic-1";
    spec.topic = "edgewise/mic-1/audio";
    spec.decoderId = "pcm16";
    spec.kind = store::StreamKind::Audio;
    spec.channelNames = {"audio"};
    spec.sampleRateHz = fs;
    auto stream = recs.addStream(rec.value(), spec);
    QVERIFY(stream.ok());
    store::ChunkData chunk;
    chunk.streamId = stream.value();
    chunk.channelCount = 1;
    std::mt19937 rng(3);
    std::normal_distribution<float> noise(0.f, 0.01f);
    double phase = 0;
    for (int i = 0; i < n; ++i) {
      const double t = i / fs;
      const double f = t < 7 ? 1000 : t < 14 ? 2500 : 300 + 500 * (t - 14);  // chirp to 3.3k
      phase += 2 * M_PI * f / fs;
      chunk.timestampsUs.push_back(1'700'000'000'000'000 + int64_t(i) * 125);
      chunk.values.push_back(static_cast<float>(0.5 * std::sin(phase)) + noise(rng));
    }
    chunk.messageCount = n / 160;
    QVERIFY(recs.appendChunk(chunk).ok());
    QVERIFY(recs.finish(rec.value()).ok());
  }
  Workspace workspace;
  QVERIFY(workspace.openProject(path, false).ok());
  LabelingPane pane(workspace);
  pane.resize(1300, 700);
  pane.show();
  QVERIFY(QTest::qWaitForWindowExposed(&pane));
  TimelineWidget* w = pane.timeline();
  QVERIFY(w->series());
  QCOMPARE(w->series()->sampleCount(), int64_t(n));
  auto* toggle = pane.findChild<QToolButton*>(QStringLiteral("spectrogramButton"));
  QVERIFY(toggle);
  QVERIFY(toggle->isEnabled());
  QVERIFY(toggle->isChecked());  // on by default for audio
  QCOMPARE(w->spectrogramRate(), fs);
  QVERIFY(w->spectrogramVisible());
  QCPColorMap* map = w->spectrogramMap();
  QVERIFY(map);
  w->replot(QCustomPlot::rpImmediateRefresh);
  // Frequency axis 0 .. 4000 Hz (Nyquist), one row per bin of the 512-sample window.
  QCOMPARE(map->data()->valueSize(), 257);
  QCOMPARE(map->data()->valueRange().lower, 0.0);
  QCOMPARE(map->data()->valueRange().upper, 4000.0);
  QCOMPARE(w->spectrogramRect()->axis(QCPAxis::atLeft)->range().upper, 4000.0);
  // At most about one column per pixel, covering the view.
  QVERIFY(map->data()->keySize() <= w->spectrogramRect()->width() + 4);
  QVERIFY(map->data()->keySize() > 50);
  QVERIFY(map->data()->keyRange().lower <= w->visibleRange().lower + 0.05);
  QVERIFY(map->data()->keyRange().upper >= w->visibleRange().upper - 0.05);
  // Time axes line up: the same key at the same pixel in both rects.
  QCPAxis* specX = w->spectrogramRect()->axis(QCPAxis::atBottom);
  QCOMPARE(specX->range(), w->visibleRange());
  QVERIFY(std::abs(specX->coordToPixel(10.0) - w->xAxis->coordToPixel(10.0)) <= 1.0);
  // One time axis: the waveform's has no tick labels nor title; the rects share left and right.
  QVERIFY(!w->xAxis->tickLabels());
  QVERIFY(w->xAxis->label().isEmpty());
  QCOMPARE(specX->label(), QStringLiteral("Time (s)"));
  QVERIFY(specX->tickLabels());
  QCOMPARE(w->axisRect()->left(), w->spectrogramRect()->left());
  QCOMPARE(w->axisRect()->right(), w->spectrogramRect()->right());
  // The loudest row at 3.5 s is the 1 kHz tone, at 10.5 s the 2.5 kHz one.
  auto peakHz = [map](double key) {
    QCPColorMapData* d = map->data();
    int ki = 0, vi = 0;
    d->coordToCell(key, 0, &ki, &vi);
    int best = 0;
    for (int v = 1; v < d->valueSize(); ++v)
      if (d->cell(ki, v) > d->cell(ki, best)) best = v;
    double k = 0, hz = 0;
    d->cellToCoord(ki, best, &k, &hz);
    return hz;
  };
  QVERIFY2(std::abs(peakHz(3.5) - 1000) <= 16, qPrintable(QString::number(peakHz(3.5))));
  QVERIFY2(std::abs(peakHz(10.5) - 2500) <= 16, qPrintable(QString::number(peakHz(10.5))));

  // Labels stay on the waveform (and as a band over the spectrogram).
  const int sound = pane.addClass(QStringLiteral("tone"));
  const int sweep = pane.addClass(QStringLiteral("chirp"));
  QVERIFY(sound > 0 && sweep > 0);
  pane.setAnnotator(QStringLiteral("ana"));
  QTest::qWait(50);
  w->replot(QCustomPlot::rpImmediateRefresh);
  dragKeys(w, 0.5, 6.8);
  dragKeys(w, 7.2, 13.8);
  dragKeys(w, 14.2, 19.5);
  QTest::keyClick(w, Qt::Key_2);  // the chirp
  QCOMPARE(w->labelModel()->segments().size(), size_t(3));

  // Zoom: the spectrogram follows the timeline's range, with a finer hop.
  const int hopFull = w->spectrogramHop();
  w->setVisibleRange(9.0, 11.0);
  w->replot(QCustomPlot::rpImmediateRefresh);
  QCOMPARE(specX->range(), w->visibleRange());
  QVERIFY(map->data()->keyRange().lower <= 9.05 && map->data()->keyRange().lower >= 8.5);
  QVERIFY(map->data()->keyRange().upper >= 10.95 && map->data()->keyRange().upper <= 11.5);
  QVERIFY(w->spectrogramHop() < hopFull);
  QVERIFY(std::abs(peakHz(10.0) - 2500) <= 16);
  // Wheel over the spectrogram zooms both.
  const QCPRange before = w->visibleRange();
  QWheelEvent wheel(QPointF(w->spectrogramRect()->center()),
                    w->mapToGlobal(w->spectrogramRect()->center()), QPoint(), QPoint(0, 120),
                    Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
  QApplication::sendEvent(w, &wheel);
  w->replot(QCustomPlot::rpImmediateRefresh);
  QVERIFY(w->visibleRange().size() < before.size());
  QCOMPARE(specX->range(), w->visibleRange());
  w->setVisibleRange(0, w->fullRange().upper);
  w->replot(QCustomPlot::rpImmediateRefresh);
  QVERIFY(pane.grab().save(screenshotDir() + u"/labeling_audio.png"));

  // The toggle hides and shows it; the waveform keeps its labels.
  toggle->click();
  QVERIFY(!w->spectrogramVisible());
  QVERIFY(!map->visible());
  QCOMPARE(w->plotLayout()->rowCount(), 1);
  QVERIFY(w->xAxis->tickLabels());  // alone, the waveform has its time axis back
  QCOMPARE(w->xAxis->label(), QStringLiteral("Time (s)"));
  toggle->click();
  QVERIFY(!w->xAxis->tickLabels());
  QVERIFY(w->spectrogramVisible());
  QCOMPARE(w->plotLayout()->rowCount(), 2);
  QCOMPARE(w->labelModel()->segments().size(), size_t(3));
}

QTEST_MAIN(LabelingTimelineTest)
#include "labeling_timeline_test.moc"
