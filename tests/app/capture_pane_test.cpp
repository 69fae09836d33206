// The Capture pane against the real thing: a Mosquitto broker (util::LocalBroker), payloads
// published by mosquitto_pub child processes, a real project file in a temporary directory.

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QPainter>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>
#include <cmath>

#include "app/workbench/jobs/job_manager.h"
#include "app/workbench/panes/capture/broker_settings_dialog.h"
#include "app/workbench/panes/capture/capture_pane.h"
#include "app/workbench/panes/capture/connection_bar.h"
#include "app/workbench/panes/capture/live_plot_widget.h"
#include "app/workbench/panes/capture/live_view_benchmark.h"
#include "app/workbench/panes/capture/quarantine_view.h"
#include "app/workbench/panes/capture/recording_panel.h"
#include "app/workbench/panes/capture/recordings_model.h"
#include "app/workbench/panes/capture/thumbnail_strip.h"
#include "app/workbench/panes/capture/topic_browser.h"
#include "app/workbench/panes/capture/topic_tree_model.h"
#include "app/workbench/theme.h"
#include "app/workbench/widgets/qcustomplot_include.h"
#include "app/workbench/workspace.h"
#include "core/capture/decoder_registry.h"
#include "core/store/project.h"
#include "core/store/recording_repository.h"
#include "core/util/clock.h"
#include "core/util/local_broker.h"
#include "plugins/decoders/builtin_decoders.h"

using namespace edgewise;
using namespace edgewise::gui;

namespace {

const QString kImuTopic = QStringLiteral("edgewise/imu-0001/imu");
constexpr int kSamplesPerMessage = 10;

// One JSON IMU message per the MQTT conventions: 10 samples of 6 channels at 100 Hz.
QByteArray imuMessage(const QString& device, int seq, int64_t t0Us, double phase = 0) {
  QString samples;
  for (int i = 0; i < kSamplesPerMessage; ++i) {
    const double t = (seq * kSamplesPerMessage + i) / 100.0;
    QString row = QStringLiteral("[%1,%2,%3,%4,%5,%6]")
                      .arg(std::sin(2 * M_PI * 0.7 * t + phase) * 2, 0, 'f', 4)
                      .arg(std::cos(2 * M_PI * 0.5 * t + phase) * 1.5, 0, 'f', 4)
                      .arg(9.81 + 0.3 * std::sin(2 * M_PI * 1.3 * t), 0, 'f', 4)
                      .arg(0.4 * std::sin(2 * M_PI * 2.1 * t + phase), 0, 'f', 4)
                      .arg(0.3 * std::cos(2 * M_PI * 1.7 * t), 0, 'f', 4)
                      .arg(0.2 * std::sin(2 * M_PI * 0.9 * t + 1), 0, 'f', 4);
    samples += (i ? QStringLiteral(",") : QString()) + row;
  }
  const int64_t ts = t0Us + static_cast<int64_t>(seq) * kSamplesPerMessage * 10000;
  return QStringLiteral(
             "{\"device\":\"%1\",\"seq\":%2,\"ts\":%3,\"pub\":%4,\"rate\":100,"
             "\"channels\":[\"ax\",\"ay\",\"az\",\"gx\",\"gy\",\"gz\"],\"samples\":[%5]}")
      .arg(device)
      .arg(seq)
      .arg(ts)
      .arg(ts + 100000)
      .arg(samples)
      .toUtf8();
}

// Publishes each payload as one message through a real mosquitto_pub (-l: a line each).
bool publishLines(uint16_t port, const QString& topic, const QList<QByteArray>& lines) {
  QProcess pub;
  pub.start(QStringLiteral("mosquitto_pub"),
            {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
             QString::number(port), QStringLiteral("-q"), QStringLiteral("1"), QStringLiteral("-t"),
             topic, QStringLiteral("-l")});
  if (!pub.waitForStarted(5000)) return false;
  for (const QByteArray& line : lines) pub.write(line + '\n');
  pub.closeWriteChannel();
  return pub.waitForFinished(15000) && pub.exitCode() == 0;
}

// Binary payloads (images) cannot go through -l: one process per message with -f.
bool publishFile(uint16_t port, const QString& topic, const QByteArray& payload,
                 const QString& dir) {
  const QString path = dir + QStringLiteral("/payload.bin");
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly)) return false;
  f.write(payload);
  f.close();
  return QProcess::execute(
             QStringLiteral("mosquitto_pub"),
             {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
              QString::number(port), QStringLiteral("-t"), topic, QStringLiteral("-f"), path}) == 0;
}

QByteArray cameraFrame(int index) {
  QImage img(160, 120, QImage::Format_RGB32);
  QLinearGradient g(0, 0, 160, 120);
  g.setColorAt(0, QColor::fromHsv((index * 40) % 360, 160, 220));
  g.setColorAt(1, QColor::fromHsv((index * 40 + 120) % 360, 200, 120));
  QPainter p(&img);
  p.fillRect(img.rect(), g);
  p.setPen(Qt::white);
  p.setFont(QFont(QStringLiteral("sans"), 20, QFont::Bold));
  p.drawText(img.rect(), Qt::AlignCenter, QStringLiteral("cam %1").arg(index));
  p.end();
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  img.save(&buffer, "PNG");
  return bytes;
}

}  // namespace

class CapturePaneTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase();
  void cleanupTestCase();
  void topicTreeCountsMessages();
  void plotHoldsThePoints();
  void malformedPayloadCountsAsError();
  void recordingListsTheRecording();
  void renameAndDeleteRecording();
  void liveViewBenchmarkReportsFigures();
  void topicTreeKeepsSelectionOnUpdate();
  void decoderOverrideShowsInTree();
  void screenshot();
  void settingsPersistWithoutPassword();
  void recordingNeedsAProject();

 private:
  void waitConnected();
  void pollUntil(const std::function<bool()>& done, int timeoutMs = 10000);

  std::unique_ptr<JobManager> m_jobs;  // what the main window owns in the application
  std::unique_ptr<util::LocalBroker> m_broker;
  QTemporaryDir m_dir;
  std::unique_ptr<Workspace> m_workspace;
  std::unique_ptr<CapturePane> m_pane;
  int64_t m_t0Us = 0;
  int m_seq = 0;
  int64_t m_recordingId = 0;
};

void CapturePaneTest::initTestCase() {
  QVERIFY(m_dir.isValid());
  // Keep the user's settings out of it: the pane persists its broker profile.
  QSettings::setDefaultFormat(QSettings::IniFormat);
  QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                     m_dir.filePath(QStringLiteral("settings")));
  decoders::registerBuiltinDecoders(capture::DecoderRegistry::instance());
  m_jobs = std::make_unique<JobManager>();

  m_broker = std::make_unique<util::LocalBroker>();
  auto started = m_broker->start();
  QVERIFY2(started.ok(), started.ok() ? "" : started.error().toString().c_str());

  m_workspace = std::make_unique<Workspace>();
  auto opened = m_workspace->openProject(m_dir.filePath(QStringLiteral("test.edgewise")), true);
  QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().toString().c_str());

  m_pane = std::make_unique<CapturePane>(*m_workspace);
  m_pane->resize(1500, 900);
  m_pane->show();
  m_t0Us = util::wallClockUs();
  waitConnected();
}

void CapturePaneTest::cleanupTestCase() {
  m_pane.reset();
  m_workspace.reset();
  m_broker.reset();
  m_jobs.reset();
}

void CapturePaneTest::waitConnected() {
  ConnectionBar* bar = m_pane->connectionBar();
  bar->setUrl(QString::fromStdString(m_broker->url()));
  auto r = bar->connectToBroker();
  QVERIFY2(r.ok(), r.ok() ? "" : r.error().toString().c_str());
  QTRY_COMPARE_WITH_TIMEOUT(m_workspace->capture().state(), capture::ConnectionState::Connected,
                            10000);
  QTRY_VERIFY_WITH_TIMEOUT(!m_workspace->capture().subscriptions().empty(), 5000);
  QVERIFY2(bar->stateText().startsWith(QStringLiteral("Connected")), qPrintable(bar->stateText()));
  // The subscription reaches the broker asynchronously; give it a moment before publishing.
  QTest::qWait(300);
}

void CapturePaneTest::pollUntil(const std::function<bool()>& done, int timeoutMs) {
  QElapsedTimer t;
  t.start();
  while (!done() && t.elapsed() < timeoutMs) {
    QTest::qWait(50);
    m_pane->pollNow();
  }
}

void CapturePaneTest::topicTreeCountsMessages() {
  QList<QByteArray> lines;
  for (int i = 0; i < 20; ++i) lines << imuMessage(QStringLiteral("imu-0001"), m_seq++, m_t0Us);
  QVERIFY(publishLines(m_broker->port(), kImuTopic, lines));

  TopicTreeModel* model = m_pane->topicBrowser()->model();
  pollUntil([&] {
    auto s = model->statsFor(kImuTopic);
    return s && s->messages == 20 && s->samples == 200;
  });
  auto stats = model->statsFor(kImuTopic);
  QVERIFY(stats.has_value());
  QCOMPARE(stats->messages, int64_t(20));
  QCOMPARE(stats->samples, int64_t(200));
  QCOMPARE(stats->decodeErrors, int64_t(0));
  QCOMPARE(QString::fromStdString(stats->decoderId), QStringLiteral("json"));

  const QModelIndex leaf = model->indexForTopic(kImuTopic, TopicTreeModel::MessagesColumn);
  QVERIFY(leaf.isValid());
  QCOMPARE(leaf.data().toString(), QStringLiteral("20"));
  QCOMPARE(leaf.siblingAtColumn(TopicTreeModel::SamplesColumn).data().toString(),
           QStringLiteral("200"));
  QCOMPARE(leaf.siblingAtColumn(TopicTreeModel::TopicColumn).data().toString(),
           QStringLiteral("imu"));
  // Inner nodes carry their subtree's totals.
  const QModelIndex device =
      model->indexForTopic(QStringLiteral("edgewise/imu-0001"), TopicTreeModel::MessagesColumn);
  QCOMPARE(device.data().toString(), QStringLiteral("20"));
  QVERIFY(model->data(leaf.siblingAtColumn(TopicTreeModel::PreviewColumn))
              .toString()
              .contains(QStringLiteral("imu-0001")));
}

void CapturePaneTest::plotHoldsThePoints() {
  LivePlotWidget* plot = m_pane->livePlot();
  pollUntil([&] { return plot->pointCount(kImuTopic, QStringLiteral("ax")) == 200; });
  QCOMPARE(plot->streamCount(), 1);
  QCOMPARE(plot->visibleGraphCount(), 6);
  for (const char* ch : {"ax", "ay", "az", "gx", "gy", "gz"})
    QCOMPARE(plot->pointCount(kImuTopic, QString::fromLatin1(ch)), 200);

  plot->setLayoutMode(LivePlotWidget::LayoutMode::Stacked);
  // One stream: stacking still uses one chart.
  QCOMPARE(plot->axisRectCount(), 1);
  plot->setLayoutMode(LivePlotWidget::LayoutMode::OneChart);

  plot->setPaused(true);
  QVERIFY(plot->isPaused());
  QList<QByteArray> lines;
  for (int i = 0; i < 5; ++i) lines << imuMessage(QStringLiteral("imu-0001"), m_seq++, m_t0Us);
  QVERIFY(publishLines(m_broker->port(), kImuTopic, lines));
  // Paused, the history keeps filling (the view does not move).
  pollUntil([&] { return plot->pointCount(kImuTopic, QStringLiteral("ax")) == 250; });
  QCOMPARE(plot->pointCount(kImuTopic, QStringLiteral("ax")), 250);
  plot->setPaused(false);

  // A filter that matches nothing leaves no graphs; clearing it brings them back.
  plot->setTopicFilter({QStringLiteral("other/topic")});
  plot->pollNow();
  QCOMPARE(plot->visibleGraphCount(), 0);
  plot->setTopicFilter({});
  plot->pollNow();
  QCOMPARE(plot->visibleGraphCount(), 6);
}

void CapturePaneTest::malformedPayloadCountsAsError() {
  QVERIFY(publishLines(m_broker->port(), kImuTopic,
                       {QByteArray(R"({"device":"imu-0001","seq":99,"samples":[[1,2,)")}));
  TopicTreeModel* model = m_pane->topicBrowser()->model();
  pollUntil([&] {
    auto s = model->statsFor(kImuTopic);
    return s && s->decodeErrors == 1;
  });
  const QModelIndex errors = model->indexForTopic(kImuTopic, TopicTreeModel::ErrorsColumn);
  QCOMPARE(errors.data().toString(), QStringLiteral("1"));
  QCOMPARE(errors.data(TopicTreeModel::ErrorCountRole).toLongLong(), 1LL);
  const QColor red = errors.data(Qt::ForegroundRole).value<QBrush>().color();
  QVERIFY2(red.red() > 200 && red.green() < 100, qPrintable(red.name()));
  // The message count includes the bad one; the samples do not change.
  QCOMPARE(model->statsFor(kImuTopic)->messages, int64_t(26));
  QCOMPARE(model->statsFor(kImuTopic)->samples, int64_t(250));

  // The quarantine keeps it with its topic and error.
  QuarantineView* q = m_pane->quarantineView();
  pollUntil([&] { return q->rowCount() >= 1; });
  QCOMPARE(q->rowCount(), 1);
  QCOMPARE(q->storedCount(), int64_t(1));
}

void CapturePaneTest::recordingListsTheRecording() {
  RecordingPanel* panel = m_pane->recordingPanel();
  panel->setRecordingName(QStringLiteral("walk test"));
  auto started = panel->startRecording();
  QVERIFY2(started.ok(), started.ok() ? "" : started.error().toString().c_str());
  m_recordingId = started.value();
  QVERIFY(panel->isRecording());

  QList<QByteArray> lines;
  for (int i = 0; i < 12; ++i) lines << imuMessage(QStringLiteral("imu-0001"), m_seq++, m_t0Us);
  QVERIFY(publishLines(m_broker->port(), kImuTopic, lines));
  pollUntil([&] { return m_workspace->capture().recorderStats().messagesStored >= 12; });
  QCOMPARE(m_workspace->capture().recorderStats().messagesStored, int64_t(12));

  auto summary = panel->stopRecording();
  QVERIFY2(summary.ok(), summary.ok() ? "" : summary.error().toString().c_str());
  QVERIFY(!panel->isRecording());
  QCOMPARE(summary->sampleCount, int64_t(120));

  RecordingsModel* model = panel->recordingsModel();
  QCOMPARE(model->rowCount(), 1);
  const int row = model->rowForId(m_recordingId);
  QVERIFY(row >= 0);
  QCOMPARE(model->index(row, RecordingsModel::NameColumn).data().toString(),
           QStringLiteral("walk test"));
  QCOMPARE(model->index(row, RecordingsModel::SamplesColumn).data().toString(),
           QStringLiteral("120"));
  QCOMPARE(model->index(row, RecordingsModel::MessagesColumn).data().toString(),
           QStringLiteral("12"));
  QCOMPARE(model->index(row, RecordingsModel::StreamsColumn).data().toInt(), 1);
  QCOMPARE(model->index(row, RecordingsModel::StatusColumn).data().toString(),
           QStringLiteral("Complete"));
  // 12 messages of 10 samples at 100 Hz: 1.19 s from the first to the last sample.
  QCOMPARE(model->summary(row)->durationSeconds(), 1.19);

  // Export through the JobManager (off the GUI thread): a header plus one line per sample.
  const QString csv = m_dir.filePath(QStringLiteral("walk.csv"));
  bool finished = false, ok = false;
  QString message;
  panel->exportCsv(m_recordingId, csv, [&](bool success, const QString& text) {
    finished = true;
    ok = success;
    message = text;
  });
  QTRY_VERIFY_WITH_TIMEOUT(finished, 15000);
  QVERIFY2(ok, qPrintable(message));
  QFile f(csv);
  QVERIFY(f.open(QIODevice::ReadOnly));
  const QList<QByteArray> csvLines = f.readAll().trimmed().split('\n');
  QCOMPARE(csvLines.size(), 121);
}

void CapturePaneTest::renameAndDeleteRecording() {
  RecordingsModel* model = m_pane->recordingPanel()->recordingsModel();
  QSignalSpy changed(m_workspace.get(), &Workspace::recordingsChanged);
  const int row = model->rowForId(m_recordingId);
  QVERIFY(row >= 0);
  // Through the view's proxy, the way an F2 edit arrives.
  auto* proxy =
      qobject_cast<QSortFilterProxyModel*>(m_pane->recordingPanel()->recordingsView()->model());
  QVERIFY(proxy);
  const QModelIndex proxyIdx = proxy->mapFromSource(model->index(row, RecordingsModel::NameColumn));
  QVERIFY(proxy->setData(proxyIdx, QStringLiteral("walk renamed"), Qt::EditRole));
  auto stored = m_workspace->project()->recordings().get(m_recordingId);
  QVERIFY(stored.ok());
  QCOMPARE(QString::fromStdString(stored->name), QStringLiteral("walk renamed"));
  QCOMPARE(model->index(model->rowForId(m_recordingId), 0).data().toString(),
           QStringLiteral("walk renamed"));
  QVERIFY(changed.count() >= 1);

  // An empty name is refused with a message, the old one stays.
  QVERIFY(!model->rename(m_recordingId, QStringLiteral("  ")).ok());
  QCOMPARE(QString::fromStdString(m_workspace->project()->recordings().get(m_recordingId)->name),
           QStringLiteral("walk renamed"));

  QVERIFY(model->remove(m_recordingId).ok());
  QCOMPARE(model->rowCount(), 0);
  auto listed = m_workspace->project()->recordings().list();
  QVERIFY(listed.ok());
  QCOMPARE(int(listed->size()), 0);
}

void CapturePaneTest::liveViewBenchmarkReportsFigures() {
  const LiveViewBenchResult r = runLiveViewBenchmark(nullptr, 10, 6, 100, 2.0);
  qInfo("live view: %d channels, %.1f fps, stall p99 %.2f ms, max %.2f ms, %.0f samples/s",
        r.channels, r.fps, r.stallP99Ms, r.stallMaxMs, r.samplesPerSecond);
  QCOMPARE(r.channels, 60);
  QVERIFY2(r.seconds > 1.95 && r.seconds < 10, qPrintable(QString::number(r.seconds)));
  QVERIFY(r.fps > 0 && r.fps < 200);
  QVERIFY(r.stallP99Ms >= 0 && r.stallP99Ms < 2000);
  QVERIFY(r.stallMaxMs >= r.stallP99Ms);
  // 10 devices x 100 Hz.
  QVERIFY2(r.samplesPerSecond > 500 && r.samplesPerSecond < 1500,
           qPrintable(QString::number(r.samplesPerSecond)));
}

void CapturePaneTest::topicTreeKeepsSelectionOnUpdate() {
  QTreeView* view = m_pane->topicBrowser()->view();
  TopicTreeModel* model = m_pane->topicBrowser()->model();
  auto* proxy = qobject_cast<QSortFilterProxyModel*>(view->model());
  const QModelIndex leaf = proxy->mapFromSource(model->indexForTopic(kImuTopic));
  view->setCurrentIndex(leaf);
  QSignalSpy resets(model, &QAbstractItemModel::modelReset);
  QSignalSpy inserts(model, &QAbstractItemModel::rowsInserted);
  QVERIFY(publishLines(m_broker->port(), QStringLiteral("edgewise/imu-0002/imu"),
                       {imuMessage(QStringLiteral("imu-0002"), 0, m_t0Us)}));
  pollUntil([&] { return model->statsFor(QStringLiteral("edgewise/imu-0002/imu")).has_value(); });
  QVERIFY(model->statsFor(QStringLiteral("edgewise/imu-0002/imu")).has_value());
  QCOMPARE(resets.count(), 0);
  QCOMPARE(inserts.count(), 2);  // "imu-0002" under "edgewise", then its "imu"
  QCOMPARE(view->currentIndex().data(TopicTreeModel::FullTopicRole).toString(), kImuTopic);

  // The filter keeps matching leaves and their parents.
  m_pane->topicBrowser()->filterEdit()->setText(QStringLiteral("imu-0002"));
  QCOMPARE(proxy->rowCount(), 1);
  const QModelIndex edgewise = proxy->index(0, 0);
  QCOMPARE(proxy->rowCount(edgewise), 1);
  m_pane->topicBrowser()->filterEdit()->clear();
  QCOMPARE(proxy->rowCount(proxy->index(0, 0)), 2);
}

void CapturePaneTest::screenshot() {
  // Realistic content: three devices walking, a camera and a recording in the list.
  const uint16_t port = m_broker->port();
  for (int d = 2; d <= 4; ++d) {
    QList<QByteArray> lines;
    const QString device = QStringLiteral("imu-%1").arg(d, 4, 10, QLatin1Char('0'));
    for (int i = 0; i < 60; ++i) lines << imuMessage(device, i, m_t0Us + 2500000, d * 0.9);
    QVERIFY(publishLines(port, QStringLiteral("edgewise/%1/imu").arg(device), lines));
  }
  for (int i = 0; i < 5; ++i) {
    QVERIFY(publishFile(port, QStringLiteral("edgewise/cam-0001/camera"), cameraFrame(i),
                        m_dir.path()));
    // One decode per camera and tick: let each frame arrive before the next.
    pollUntil(
        [&] {
          return m_pane->thumbnails()->frameCount(QStringLiteral("edgewise/cam-0001/camera")) > i;
        },
        3000);
  }
  QVERIFY(publishLines(
      port, QStringLiteral("edgewise/imu-0003/status"),
      {R"({"device":"imu-0003","state":"online","agent_version":"0.1.0","sensor":"imu","rate_hz":100})"}));

  RecordingPanel* panel = m_pane->recordingPanel();
  panel->setRecordingName(QStringLiteral("demo walk"));
  QVERIFY(panel->startRecording().ok());
  QList<QByteArray> lines;
  for (int i = 0; i < 30; ++i) lines << imuMessage(QStringLiteral("imu-0001"), m_seq++, m_t0Us);
  QVERIFY(publishLines(port, kImuTopic, lines));
  pollUntil([&] { return m_workspace->capture().recorderStats().messagesStored >= 30; });
  QVERIFY(panel->stopRecording().ok());
  pollUntil([&] { return m_pane->livePlot()->streamCount() >= 4; });
  m_pane->topicBrowser()->view()->expandAll();
  m_pane->livePlot()->setTopicFilter({QStringLiteral("edgewise")});  // a prefix: every device
  m_pane->livePlot()->setLayoutMode(LivePlotWidget::LayoutMode::Stacked);
  QCOMPARE(m_pane->livePlot()->axisRectCount(), 4);  // one chart per IMU; the camera is not plotted
  QCOMPARE(m_pane->livePlot()->visibleGraphCount(), 24);
  m_pane->pollNow();
  // Each chart of the stack has its own legend of channel names (one legend of 24 "device
  // channel" entries was hidden as unreadable).
  const std::vector<QCPLegend*> legends = m_pane->livePlot()->visibleLegends();
  QCOMPARE(legends.size(), size_t(4));
  for (QCPLegend* legend : legends) {
    QCOMPARE(legend->itemCount(), 6);
    auto* first = qobject_cast<QCPPlottableLegendItem*>(legend->item(0));
    QVERIFY(first);
    QCOMPARE(first->plottable()->name(), QStringLiteral("ax"));
  }

  const QString dir = qEnvironmentVariableIsSet("EDGEWISE_SCREENSHOT_DIR")
                          ? qEnvironmentVariable("EDGEWISE_SCREENSHOT_DIR")
                          : QDir::currentPath() + QStringLiteral("/screenshots");
  QVERIFY(QDir().mkpath(dir));
  for (Theme theme : {Theme::Light, Theme::Dark}) {
    applyTheme(theme);
    m_pane->setPalette(QApplication::palette());
    for (int i = 0; i < 6; ++i) {
      QTest::qWait(40);
      m_pane->pollNow();
    }
    const QString name = theme == Theme::Light ? QStringLiteral("capture_pane.png")
                                               : QStringLiteral("capture_pane_dark.png");
    const QImage shot = m_pane->grab().toImage();
    QVERIFY(shot.save(dir + QLatin1Char('/') + name));
    QCOMPARE(shot.width(), m_pane->width());
  }
  QCOMPARE(m_pane->thumbnails()->cameraCount(), 1);
  QCOMPARE(m_pane->thumbnails()->frameCount(QStringLiteral("edgewise/cam-0001/camera")), 5);
  applyTheme(Theme::Light);
}

void CapturePaneTest::decoderOverrideShowsInTree() {
  // What the context menu's Decoder entry does: CSV lines on their own topic, decoded as
  // CSV with three named channels.
  const QString topic = QStringLiteral("lab/bench-7/csv");
  TopicBrowser* browser = m_pane->topicBrowser();
  capture::DecoderOptions options;
  options.channelCount = 3;
  options.sampleRateHz = 50;
  options.channelNames = {"x", "y", "z"};
  browser->setDecoder(topic, QStringLiteral("csv"), options);
  QVERIFY(publishLines(m_broker->port(), topic,
                       {"0.5,1.5,2.5", "0.6,1.4,2.6", "0.7,1.3,2.7", "not,a,number"}));
  TopicTreeModel* model = browser->model();
  pollUntil([&] {
    auto s = model->statsFor(topic);
    return s && s->messages == 4;
  });
  auto stats = model->statsFor(topic);
  QVERIFY(stats.has_value());
  QCOMPARE(QString::fromStdString(stats->decoderId), QStringLiteral("csv"));
  QCOMPARE(model->indexForTopic(topic, TopicTreeModel::DecoderColumn).data().toString(),
           QStringLiteral("csv"));
  QCOMPARE(stats->samples, int64_t(3));
  QCOMPARE(stats->decodeErrors, int64_t(1));
  pollUntil([&] { return m_pane->livePlot()->pointCount(topic, QStringLiteral("y")) == 3; });
  QCOMPARE(m_pane->livePlot()->pointCount(topic, QStringLiteral("y")), 3);
  browser->setDecoder(topic, QString());  // back to automatic
}

void CapturePaneTest::settingsPersistWithoutPassword() {
  ConnectionProfile p;
  QVERIFY(p.applyUrl(QStringLiteral("ssl://broker.example.org:8883")).ok());
  p.broker.clientId = "bench-1";
  p.broker.username = "ann";
  p.broker.password = "secret";
  p.broker.caFile = "/etc/ssl/ca.pem";
  p.broker.cleanSession = false;
  p.broker.keepAliveSeconds = 12;
  p.subscriptions = {{"edgewise/+/imu", 1}, {"edgewise/+/camera", 0}};
  p.save();
  const ConnectionProfile loaded = ConnectionProfile::load();
  QCOMPARE(loaded.url(), QStringLiteral("ssl://broker.example.org:8883"));
  QVERIFY(loaded.broker.tls);
  QCOMPARE(loaded.broker.clientId, std::string("bench-1"));
  QCOMPARE(loaded.broker.username, std::string("ann"));
  QCOMPARE(loaded.broker.password, std::string());  // never written to disk
  QCOMPARE(loaded.broker.caFile, std::string("/etc/ssl/ca.pem"));
  QCOMPARE(loaded.broker.cleanSession, false);
  QCOMPARE(loaded.broker.keepAliveSeconds, 12);
  QCOMPARE(int(loaded.subscriptions.size()), 2);
  QCOMPARE(loaded.subscriptions[1].filter, std::string("edgewise/+/camera"));
  QCOMPARE(loaded.subscriptions[1].qos, 0);
  // The dialog shows and returns every field unchanged.
  BrokerSettingsDialog dialog(loaded);
  const ConnectionProfile back = dialog.profile();
  QCOMPARE(back.url(), loaded.url());
  QCOMPARE(back.broker.keepAliveSeconds, 12);
  QCOMPARE(int(back.subscriptions.size()), 2);
  QVERIFY(!p.applyUrl(QStringLiteral("http://nope")).ok());
}

void CapturePaneTest::recordingNeedsAProject() {
  Workspace empty;
  CapturePane pane(empty);
  auto* record = pane.findChild<QPushButton*>(QStringLiteral("recordButton"));
  QVERIFY(record);
  QVERIFY(!record->isEnabled());
  QVERIFY(record->toolTip().contains(QStringLiteral("project")));
  auto r = pane.recordingPanel()->startRecording();
  QVERIFY(!r.ok());
  QVERIFY(QString::fromStdString(r.error().message).contains(QStringLiteral("project")));
  QCOMPARE(pane.recordingPanel()->recordingsModel()->rowCount(), 0);
}

QTEST_MAIN(CapturePaneTest)
#include "capture_pane_test.moc"
