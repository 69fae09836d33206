// Qt Test for the workbench shell: docks, language switching, settings persistence, project
// errors, the JobManager and a screenshot of the main window. Runs offscreen against real
// project files in a QTemporaryDir and real QSettings under a temporary path.

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QProcess>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyleOption>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <atomic>
#include <set>
#include <thread>

#include "app/workbench/about.h"
#include "app/workbench/builtin_panes.h"
#include "app/workbench/demo_startup.h"
#include "app/workbench/jobs/job_manager.h"
#include "app/workbench/jobs/job_table_model.h"
#include "app/workbench/jobs/jobs_pane.h"
#include "app/workbench/main_window.h"
#include "app/workbench/pane_factory.h"
#include "app/workbench/panes/placeholder_pane.h"
#include "app/workbench/recent_projects.h"
#include "app/workbench/workspace.h"
#include "core/store/project.h"
#include "core/store/recording_repository.h"
#include "core/util/clock.h"
#include "core/util/local_broker.h"

#ifdef EDGEWISE_HAVE_CAPTURE_PANE
#include "app/workbench/panes/capture/broker_settings_dialog.h"
#include "app/workbench/panes/capture/capture_pane.h"
#include "app/workbench/panes/capture/recording_panel.h"
#include "tests/app/gui_test_util.h"
#endif

using namespace edgewise;
using namespace edgewise::gui;
using edgewise::test::screenshotDir;

namespace {

struct Message {
  MainWindow::MessageKind kind;
  QString title;
  QString text;
};

// Collects what the window would have shown in message boxes.
struct MessageLog {
  std::vector<Message> messages;
  MainWindow::MessageHandler handler() {
    return [this](MainWindow::MessageKind kind, const QString& title, const QString& text) {
      messages.push_back({kind, title, text});
    };
  }
};

QMenu* menuNamed(MainWindow& window, const QString& objectName) {
  return window.findChild<QMenu*>(objectName);
}

// A job that walks through `steps` progress updates, each with its own message.
Result<QString> steppedJob(JobContext& context, int steps) {
  for (int i = 1; i <= steps; ++i) {
    if (context.isCancelled()) return JobContext::cancelledError();
    context.setProgress(double(i) / steps, u"step " + QString::number(i));
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return QStringLiteral("all %1 steps").arg(steps);
}

// A finished IMU-like recording (sine channels at 100 Hz) written through the repository the
// recorder uses, so exports and the recordings table have real rows to work on.
int64_t addImuRecording(store::Project& project, const std::string& name, int devices,
                        int seconds) {
  auto& repo = project.recordings();
  const int64_t startUs = util::wallClockUs() - int64_t(seconds) * 1'000'000;
  auto id = repo.create(name, startUs);
  if (!id.ok()) return 0;
  const std::vector<std::string> channels{"ax", "ay", "az", "gx", "gy", "gz"};
  for (int d = 0; d < devices; ++d) {
    store::StreamSpec spec;
    spec.deviceId = "imu-000" + std::to_string(d);
    spec.topic = "edgewise/" + spec.deviceId + "/imu";
    spec.decoderId = "json";
    spec.channelNames = channels;
    spec.sampleRateHz = 100;
    auto stream = repo.addStream(id.value(), spec);
    if (!stream.ok()) return 0;
    store::ChunkData chunk;
    chunk.streamId = stream.value();
    chunk.channelCount = int(channels.size());
    for (int i = 0; i < seconds * 100; ++i) {
      chunk.timestampsUs.push_back(startUs + int64_t(i) * 10'000);
      for (size_t c = 0; c < channels.size(); ++c)
        chunk.values.push_back(float(std::sin(0.05 * i + double(c) + d) * (1 + double(c))));
    }
    for (int m = 0; m < seconds * 10; ++m) chunk.sequences.push_back(m);
    chunk.messageCount = seconds * 10;
    if (!repo.appendChunk(chunk).ok()) return 0;
  }
  if (!repo.finish(id.value()).ok()) return 0;
  return id.value();
}

// Largest difference in luma between any pixel of `image` and `reference`.
int maxLumaDistance(const QImage& image, const QColor& reference) {
  int best = 0;
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < image.width(); ++x)
      best = std::max(best, std::abs(qGray(image.pixel(x, y)) - qGray(reference.rgb())));
  return best;
}

// The widest widgets by minimum size hint, for a readable failure message.
QString widestWidgets(QWidget* root, int count) {
  std::vector<std::pair<int, QString>> widths;
  for (QWidget* w : root->findChildren<QWidget*>()) {
    if (!w->isVisibleTo(root)) continue;
    widths.emplace_back(std::max(w->minimumSizeHint().width(), w->minimumWidth()),
                        QString::fromLatin1(w->metaObject()->className()) + u'#' + w->objectName());
  }
  std::sort(widths.begin(), widths.end(), std::greater<>());
  QStringList out;
  for (int i = 0; i < count && i < int(widths.size()); ++i)
    out << widths[size_t(i)].second + u' ' + QString::number(widths[size_t(i)].first);
  return out.join(QStringLiteral(", "));
}

}  // namespace

class WorkbenchTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase();
  void init();
  void cleanup();

  void mainWindowHasSevenDocks();
  void dockShortcutsToggle();
  void languageSwitchRetranslates_data();
  void languageSwitchRetranslates();
  void languageOverrideIsNotSaved();
  void capturePaneRetranslates_data();
  void capturePaneRetranslates();
  void mainWindowFitsSmallScreen_data();
  void mainWindowFitsSmallScreen();
  void darkThemeCheckBoxesHaveBorders();
  void benchLiveExecutablePrintsJson();
  void settingsRoundTrip();
  void missingRecentProjectIsRemoved();
  void openBadFileKeepsProject_data();
  void openBadFileKeepsProject();
  void recentListIsCapped();
  void jobOutcomes_data();
  void jobOutcomes();
  void jobProgressSignalsArrive();
  void jobCancelStopsWork();
  void jobsPaneShowsJobs();
  void aboutNamesLibraryVersions();
  void demoBrokerConnectsAndSubscribes();
  void demoBrokerRejectsBadUrl_data();
  void demoBrokerRejectsBadUrl();
  void executableTakesScreenshot_data();
  void executableTakesScreenshot();
  void screenshots_data();
  void screenshots();

 private:
  QString projectFile(const QString& name) const { return m_dir->filePath(name); }

  std::unique_ptr<QTemporaryDir> m_dir;
  std::unique_ptr<QTemporaryDir> m_settingsDir;
};

void WorkbenchTest::initTestCase() {
  QStandardPaths::setTestModeEnabled(true);
  m_settingsDir = std::make_unique<QTemporaryDir>();
  QVERIFY(m_settingsDir->isValid());
  // Belt and braces: even if QSettings resolved its path before test mode, it writes here.
  QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir->path());
  QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir->path());
  QCoreApplication::setOrganizationName(QStringLiteral("Edgewise"));
  QCoreApplication::setApplicationName(QStringLiteral("Edgewise"));
  registerWorkbenchPanes();
}

void WorkbenchTest::init() {
  m_dir = std::make_unique<QTemporaryDir>();
  QVERIFY(m_dir->isValid());
  QSettings().clear();
}

void WorkbenchTest::cleanup() {
  QSettings().clear();
  m_dir.reset();
}

void WorkbenchTest::mainWindowHasSevenDocks() {
  Workspace workspace;
  MainWindow window(workspace);
  const std::vector<QDockWidget*> docks = window.docks();
  QCOMPARE(docks.size(), size_t(7));

  const QStringList expectedIds{QStringLiteral("capture"),  QStringLiteral("labeling"),
                                QStringLiteral("training"), QStringLiteral("compression"),
                                QStringLiteral("fleet"),    QStringLiteral("audit"),
                                QStringLiteral("jobs")};
  const QStringList expectedTitles{QStringLiteral("Capture"),  QStringLiteral("Labeling"),
                                   QStringLiteral("Training"), QStringLiteral("Compression"),
                                   QStringLiteral("Fleet"),    QStringLiteral("Audit"),
                                   QStringLiteral("Jobs")};
  QMenu* view = menuNamed(window, QStringLiteral("viewMenu"));
  QVERIFY(view);
  for (int i = 0; i < expectedIds.size(); ++i) {
    QDockWidget* dock = window.dock(expectedIds[i]);
    QVERIFY2(dock, qPrintable(expectedIds[i]));
    QCOMPARE(dock, docks[size_t(i)]);
    QCOMPARE(dock->objectName(), u"dock_" + expectedIds[i]);
    QCOMPARE(dock->windowTitle(), expectedTitles[i]);
    QVERIFY(dock->widget() != nullptr);
    QCOMPARE(dock->toggleViewAction()->shortcut(), QKeySequence(Qt::CTRL | (Qt::Key_1 + i)));
    QVERIFY(view->actions().contains(dock->toggleViewAction()));
  }
  QVERIFY(window.findChild<JobsPane*>() != nullptr);
  // This build has every pane: none of the docks may show a "Planned" placeholder (the Labeling
  // pane was built and tested on its own but never registered, so the app showed its
  // placeholder).
  for (PlaceholderPane* p : window.findChildren<PlaceholderPane*>())
    QFAIL(qPrintable(QStringLiteral("a placeholder pane in a full build: ") +
                     p->parentWidget()->objectName()));
  QVERIFY(window.findChild<QWidget*>(QStringLiteral("labelingPane")) != nullptr);
  QCOMPARE(window.windowTitle(), QStringLiteral("Edgewise"));
}

void WorkbenchTest::dockShortcutsToggle() {
  Workspace workspace;
  MainWindow window(workspace);
  window.show();
  QVERIFY(QTest::qWaitForWindowExposed(&window));
  QDockWidget* jobs = window.dock(QStringLiteral("jobs"));
  QVERIFY(jobs->isVisible());
  QTest::keyClick(&window, Qt::Key_7, Qt::ControlModifier);
  QTRY_VERIFY(!jobs->isVisible());
  QTest::keyClick(&window, Qt::Key_7, Qt::ControlModifier);
  QTRY_VERIFY(jobs->isVisible());

  // Reset Layout brings back a closed dock.
  window.dock(QStringLiteral("fleet"))->close();
  QVERIFY(window.dock(QStringLiteral("fleet"))->isHidden());
  window.resetLayout();
  QVERIFY(!window.dock(QStringLiteral("fleet"))->isHidden());
}

void WorkbenchTest::languageSwitchRetranslates_data() {
  QTest::addColumn<QString>("code");
  QTest::addColumn<QString>("fileMenu");
  QTest::addColumn<QString>("viewMenu");
  QTest::addColumn<QString>("jobsDock");
  QTest::addColumn<QString>("trainingDock");
  QTest::newRow("German") << QStringLiteral("de") << QStringLiteral("&Datei")
                          << QStringLiteral("&Ansicht") << QStringLiteral("Aufträge")
                          << QStringLiteral("Training");
  QTest::newRow("Simplified Chinese")
      << QStringLiteral("zh_CN") << QStringLiteral("文件(&F)") << QStringLiteral("视图(&V)")
      << QStringLiteral("任务") << QStringLiteral("训练");
}

void WorkbenchTest::languageSwitchRetranslates() {
  QFETCH(QString, code);
  QFETCH(QString, fileMenu);
  QFETCH(QString, viewMenu);
  QFETCH(QString, jobsDock);
  QFETCH(QString, trainingDock);

  Workspace workspace;
  MainWindow window(workspace);
  QMenu* file = menuNamed(window, QStringLiteral("fileMenu"));
  QMenu* view = menuNamed(window, QStringLiteral("viewMenu"));
  QCOMPARE(file->title(), QStringLiteral("&File"));

  QVERIFY(window.setLanguage(code));
  QCoreApplication::processEvents();  // the posted LanguageChange events
  QCOMPARE(window.language(), code);
  QCOMPARE(file->title(), fileMenu);
  QCOMPARE(view->title(), viewMenu);
  QCOMPARE(window.dock(QStringLiteral("jobs"))->windowTitle(), jobsDock);
  QCOMPARE(window.dock(QStringLiteral("jobs"))->toggleViewAction()->text(), jobsDock);
  QCOMPARE(window.dock(QStringLiteral("training"))->windowTitle(), trainingDock);
  // Panes retranslate themselves through changeEvent().
  auto* pane = window.findChild<JobsPane*>();
  QVERIFY(pane);
  QVERIFY(pane->model()->headerData(0, Qt::Horizontal).toString() != QStringLiteral("Job"));

  QVERIFY(window.setLanguage(QStringLiteral("en")));
  QCoreApplication::processEvents();
  QCOMPARE(file->title(), QStringLiteral("&File"));
  QCOMPARE(view->title(), QStringLiteral("&View"));
  QCOMPARE(window.dock(QStringLiteral("jobs"))->windowTitle(), QStringLiteral("Jobs"));
  QCOMPARE(pane->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Job"));
}

void WorkbenchTest::capturePaneRetranslates_data() {
  QTest::addColumn<QString>("code");
  QTest::addColumn<QStringList>("expected");
  // connect, layout label, record, "Started" header, channels header, topic header, filter
  // placeholder, settings dialog title, "Window:" label, legend check box, recordings title
  QTest::newRow("German")
      << QStringLiteral("de")
      << QStringList{QStringLiteral("Verbinden"),      QStringLiteral("Anordnung:"),
                     QStringLiteral("Aufzeichnen"),    QStringLiteral("Begonnen"),
                     QStringLiteral("Kanäle"),         QStringLiteral("Topic"),
                     QStringLiteral("Topics filtern"), QStringLiteral("Broker-Einstellungen"),
                     QStringLiteral("Fenster:"),       QStringLiteral("Legende"),
                     QStringLiteral("Aufzeichnungen")};
  QTest::newRow("Simplified Chinese")
      << QStringLiteral("zh_CN")
      << QStringList{
             QStringLiteral("连接"),     QStringLiteral("布局："),         QStringLiteral("录制"),
             QStringLiteral("开始时间"), QStringLiteral("通道"),           QStringLiteral("主题"),
             QStringLiteral("过滤主题"), QStringLiteral("代理服务器设置"), QStringLiteral("窗口："),
             QStringLiteral("图例"),     QStringLiteral("录制列表")};
}

void WorkbenchTest::capturePaneRetranslates() {
#ifndef EDGEWISE_HAVE_CAPTURE_PANE
  QSKIP("this build has no Capture pane");
#else
  QFETCH(QString, code);
  QFETCH(QStringList, expected);
  Workspace workspace;
  MainWindow window(workspace);
  QVERIFY(window.openProject(projectFile(QStringLiteral("texts.edgewise")), true));
  // A dialog that is open while the language changes follows it too.
  BrokerSettingsDialog dialog(ConnectionProfile{}, &window);

  auto* pane = window.findChild<CapturePane*>();
  QVERIFY(pane);
  const auto texts = [&] {
    auto* view = window.findChild<QTableView*>(QStringLiteral("recordingsView"));
    auto* tree = window.findChild<QTreeView*>(QStringLiteral("topicTree"));
    auto* channels = window.findChild<QTreeWidget*>(QStringLiteral("channelList"));
    return QStringList{
        window.findChild<QPushButton*>(QStringLiteral("connectButton"))->text(),
        window.findChild<QLabel*>(QStringLiteral("layoutLabel"))->text(),
        window.findChild<QPushButton*>(QStringLiteral("recordButton"))->text(),
        view->model()->headerData(2, Qt::Horizontal).toString(),
        channels->headerItem()->text(0),
        tree->model()->headerData(0, Qt::Horizontal).toString(),
        window.findChild<QLineEdit*>(QStringLiteral("topicFilter"))->placeholderText(),
        dialog.windowTitle(),
        window.findChild<QLabel*>(QStringLiteral("windowLabel"))->text(),
        window.findChild<QCheckBox*>(QStringLiteral("legendCheck"))->text(),
        window.findChild<QLabel*>(QStringLiteral("recordingsTitle"))->text()};
  };
  const QStringList english{
      QStringLiteral("Connect"),       QStringLiteral("Layout:"),         QStringLiteral("Record"),
      QStringLiteral("Started"),       QStringLiteral("Channels"),        QStringLiteral("Topic"),
      QStringLiteral("Filter topics"), QStringLiteral("Broker settings"), QStringLiteral("Window:"),
      QStringLiteral("Legend"),        QStringLiteral("Recordings")};
  QCOMPARE(texts(), english);

  QVERIFY(window.setLanguage(code));
  QCoreApplication::processEvents();  // the posted LanguageChange events reach the pane
  QCOMPARE(texts(), expected);
  // Texts built from state follow as well: the pause button and the Capture dock title.
  QVERIFY(window.findChild<QPushButton*>(QStringLiteral("pauseButton"))->text() !=
          QStringLiteral("Resume"));
  QVERIFY(window.dock(QStringLiteral("capture"))->windowTitle() != QStringLiteral("Capture"));

  QVERIFY(window.setLanguage(QStringLiteral("en")));
  QCoreApplication::processEvents();
  QCOMPARE(texts(), english);
  QCOMPARE(window.dock(QStringLiteral("capture"))->windowTitle(), QStringLiteral("Capture"));
#endif
}

void WorkbenchTest::mainWindowFitsSmallScreen_data() {
  QTest::addColumn<QString>("code");
  QTest::newRow("en") << QStringLiteral("en");
  QTest::newRow("de") << QStringLiteral("de");
  QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
}

void WorkbenchTest::mainWindowFitsSmallScreen() {
  QFETCH(QString, code);
  Workspace workspace;
  MainWindow window(workspace, nullptr, code);
  QVERIFY(window.openProject(projectFile(QStringLiteral("fits.edgewise")), true));
  window.resize(1600, 1000);
  window.show();
  QVERIFY(QTest::qWaitForWindowExposed(&window));
  QTest::qWait(100);  // default dock sizes are applied after the first show
  const QSize hint = window.minimumSizeHint();
  qInfo("%s: minimum size %dx%d", qPrintable(code), hint.width(), hint.height());
  QVERIFY2(hint.width() <= 1600, qPrintable(u"minimum width " + QString::number(hint.width()) +
                                            u"; widest: " + widestWidgets(&window, 8)));
  QVERIFY2(hint.height() <= 1000, qPrintable(QString::number(hint.height())));
  QCOMPARE(window.width(), 1600);
}

void WorkbenchTest::darkThemeCheckBoxesHaveBorders() {
  // An unchecked check box (as in the topic tree and channel list) painted on Base must show
  // an edge: Fusion's own outline is Base-coloured on the dark palette.
  for (Theme theme : {Theme::Dark, Theme::Light}) {
    applyTheme(theme);
    const QPalette palette = QApplication::palette();
    const QColor base = palette.color(QPalette::Base);
    QStyle* style = QApplication::style();
    for (auto element : {QStyle::PE_IndicatorCheckBox, QStyle::PE_IndicatorItemViewItemCheck}) {
      QImage image(32, 32, QImage::Format_ARGB32);
      image.fill(base);
      QPainter painter(&image);
      QStyleOptionButton option;
      option.palette = palette;
      option.state = QStyle::State_Enabled | QStyle::State_Off;
      option.rect = QRect(8, 8, style->pixelMetric(QStyle::PM_IndicatorWidth),
                          style->pixelMetric(QStyle::PM_IndicatorHeight));
      style->drawPrimitive(element, &option, &painter);
      painter.end();
      const int contrast = maxLumaDistance(image, base);
      QVERIFY2(contrast >= 60,
               qPrintable(themeKey(theme) + u": border contrast " + QString::number(contrast)));
      if (theme == Theme::Dark) image.save(screenshotDir() + u"/dark_unchecked_indicator.png");
    }
  }
  applyTheme(Theme::Light);
}

void WorkbenchTest::benchLiveExecutablePrintsJson() {
  const QString binDir = qEnvironmentVariable("EDGEWISE_BIN_DIR");
  if (binDir.isEmpty()) QSKIP("EDGEWISE_BIN_DIR is not set (run through ctest)");
  QProcess process;
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
  env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
  process.setProcessEnvironment(env);
  process.start(binDir + u"/edgewise", {QStringLiteral("--bench-live"), QStringLiteral("--json"),
                                        QStringLiteral("--seconds"), QStringLiteral("2")});
  QVERIFY(process.waitForFinished(60000));
  QCOMPARE(process.exitStatus(), QProcess::NormalExit);
  QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
  const QByteArray out = process.readAllStandardOutput().trimmed();
  QVERIFY2(!out.contains('\n'), out.constData());  // one JSON object, nothing else
  QJsonParseError error{};
  const QJsonObject json = QJsonDocument::fromJson(out, &error).object();
  QVERIFY2(error.error == QJsonParseError::NoError, out.constData());
  QCOMPARE(json.value(QStringLiteral("channels")).toInt(), 60);
  QVERIFY(json.value(QStringLiteral("fps")).toDouble() > 0);
  QVERIFY(json.value(QStringLiteral("seconds")).toDouble() >= 1.9);
  QVERIFY(json.value(QStringLiteral("stall_p99_ms")).toDouble() >= 0);
  QVERIFY(json.value(QStringLiteral("stall_max_ms")).toDouble() >=
          json.value(QStringLiteral("stall_p99_ms")).toDouble());
  // 10 devices at 100 Hz: about 1000 samples (rows of 6 channels) per second.
  QVERIFY(json.value(QStringLiteral("samples_per_s")).toDouble() > 800);
  QCOMPARE(json.value(QStringLiteral("platform")).toString(), QStringLiteral("offscreen"));

  QProcess bad;
  bad.setProcessEnvironment(env);
  bad.start(binDir + u"/edgewise",
            {QStringLiteral("--bench-live"), QStringLiteral("--seconds"), QStringLiteral("zero")});
  QVERIFY(bad.waitForFinished(30000));
  QCOMPARE(bad.exitCode(), 2);
}

void WorkbenchTest::languageOverrideIsNotSaved() {
  {
    Workspace workspace;
    MainWindow window(workspace, nullptr, QStringLiteral("zh_CN"));
    QCOMPARE(window.language(), QStringLiteral("zh_CN"));
    QCOMPARE(menuNamed(window, QStringLiteral("helpMenu"))->title(), QStringLiteral("帮助(&H)"));
    QCOMPARE(window.dock(QStringLiteral("labeling"))->windowTitle(), QStringLiteral("标注"));
    window.saveSettings();
  }
  QCOMPARE(QSettings().value(QStringLiteral("ui/language"), QStringLiteral("en")).toString(),
           QStringLiteral("en"));
  Workspace workspace;
  MainWindow window(workspace);
  QCOMPARE(window.language(), QStringLiteral("en"));
  QCOMPARE(menuNamed(window, QStringLiteral("helpMenu"))->title(), QStringLiteral("&Help"));
}

void WorkbenchTest::settingsRoundTrip() {
  const QString a = projectFile(QStringLiteral("alpha.edgewise"));
  const QString b = projectFile(QStringLiteral("beta.edgewise"));
  QByteArray savedState;
  {
    Workspace workspace;
    MainWindow window(workspace);
    MessageLog log;
    window.setMessageHandler(log.handler());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.setTheme(Theme::Dark);
    QVERIFY(window.setLanguage(QStringLiteral("de")));
    QVERIFY(window.openProject(a, true));
    QVERIFY(window.openProject(b, true));
    QCOMPARE(log.messages.size(), size_t(0));
    QCOMPARE(window.windowTitle(), QStringLiteral("beta \u2014 Edgewise"));
    window.dock(QStringLiteral("audit"))->hide();
    window.close();  // saves geometry and dock state
    savedState = QSettings().value(QStringLiteral("window/state")).toByteArray();
  }
  QVERIFY(!savedState.isEmpty());
  QCOMPARE(QSettings().value(QStringLiteral("ui/theme")).toString(), QStringLiteral("dark"));
  QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("de"));

  // Reset what the first window applied process-wide, so the second has to restore it.
  applyTheme(Theme::Light);
  {
    Workspace workspace;
    MainWindow window(workspace);
    QCOMPARE(window.theme(), Theme::Dark);
    QCOMPARE(QApplication::palette().color(QPalette::Window), QColor(0x2b, 0x2d, 0x31));
    QCOMPARE(window.language(), QStringLiteral("de"));
    QCOMPARE(menuNamed(window, QStringLiteral("fileMenu"))->title(), QStringLiteral("&Datei"));
    QCOMPARE(window.recentProjects(),
             (QStringList{QFileInfo(b).absoluteFilePath(), QFileInfo(a).absoluteFilePath()}));
    QMenu* recent = menuNamed(window, QStringLiteral("recentMenu"));
    QStringList recentData;
    for (QAction* action : recent->actions()) {
      if (!action->data().toString().isEmpty()) recentData << action->data().toString();
    }
    QCOMPARE(recentData, window.recentProjects());
    QVERIFY(window.dock(QStringLiteral("audit"))->isHidden());
    QVERIFY(!window.dock(QStringLiteral("jobs"))->isHidden());

    window.setTheme(Theme::Light);
    QVERIFY(window.setLanguage(QStringLiteral("en")));
  }
  QCOMPARE(QSettings().value(QStringLiteral("ui/theme")).toString(), QStringLiteral("light"));
}

void WorkbenchTest::missingRecentProjectIsRemoved() {
  const QString kept = projectFile(QStringLiteral("kept.edgewise"));
  const QString gone = projectFile(QStringLiteral("gone.edgewise"));
  {
    auto project = store::Project::open(kept.toStdString());
    QVERIFY2(project.ok(), project.ok() ? "" : project.error().toString().c_str());
  }
  RecentProjects::save({gone, kept});

  Workspace workspace;
  MainWindow window(workspace);
  MessageLog log;
  window.setMessageHandler(log.handler());
  QCOMPARE(window.recentProjects(), (QStringList{gone, kept}));

  QAction* goneAction = nullptr;
  for (QAction* action : menuNamed(window, QStringLiteral("recentMenu"))->actions()) {
    if (action->data().toString() == gone) goneAction = action;
  }
  QVERIFY(goneAction);
  goneAction->trigger();
  QCOMPARE(log.messages.size(), size_t(1));
  QCOMPARE(log.messages[0].kind, MainWindow::MessageKind::Information);
  QVERIFY2(log.messages[0].text.contains(QStringLiteral("gone.edgewise")),
           qPrintable(log.messages[0].text));
  QCOMPARE(window.recentProjects(), QStringList{kept});
  QCOMPARE(RecentProjects::load(), QStringList{kept});
  QVERIFY(workspace.projectPath().isEmpty());
}

void WorkbenchTest::openBadFileKeepsProject_data() {
  QTest::addColumn<QByteArray>("content");
  QTest::newRow("text") << QByteArray("this is not a project, just a note\n");
  QByteArray binary(4096, '\0');
  for (int i = 0; i < binary.size(); ++i) binary[i] = char((i * 7919 + 13) & 0xff);
  QTest::newRow("binary noise") << binary;
  QTest::newRow("truncated sqlite header") << QByteArray("SQLite format 3\0\x10\0", 19);
}

void WorkbenchTest::openBadFileKeepsProject() {
  QFETCH(QByteArray, content);
  const QString good = projectFile(QStringLiteral("good.edgewise"));
  const QString bad = projectFile(QStringLiteral("bad.edgewise"));
  QFile file(bad);
  QVERIFY(file.open(QIODevice::WriteOnly));
  file.write(content);
  file.close();

  Workspace workspace;
  MainWindow window(workspace);
  MessageLog log;
  window.setMessageHandler(log.handler());
  QVERIFY(window.openProject(good, true));
  const QString goodPath = workspace.projectPath();
  QCOMPARE(goodPath, QFileInfo(good).absoluteFilePath());
  QSignalSpy changed(&workspace, &Workspace::projectChanged);

  QVERIFY(!window.openProject(bad, false));
  QCOMPARE(log.messages.size(), size_t(1));
  QCOMPARE(log.messages[0].kind, MainWindow::MessageKind::Error);
  QCOMPARE(log.messages[0].title, QStringLiteral("Could Not Open Project"));
  QVERIFY2(log.messages[0].text.contains(QStringLiteral("bad.edgewise")),
           qPrintable(log.messages[0].text));
  QVERIFY2(log.messages[0].text.contains(QStringLiteral("good.edgewise stays open")),
           qPrintable(log.messages[0].text));
  // The previous project is still the open one, untouched.
  QCOMPARE(changed.count(), 0);
  QCOMPARE(workspace.projectPath(), goodPath);
  QVERIFY(workspace.project() != nullptr);
  QCOMPARE(window.windowTitle(), QStringLiteral("good \u2014 Edgewise"));
  QVERIFY(!window.recentProjects().contains(QFileInfo(bad).absoluteFilePath()));
  // The garbage file was not "repaired" into a project behind the user's back.
  QFile check(bad);
  QVERIFY(check.open(QIODevice::ReadOnly));
  QCOMPARE(check.readAll(), content);
}

void WorkbenchTest::recentListIsCapped() {
  QStringList list;
  for (int i = 0; i < 12; ++i) list = RecentProjects::add(list, projectFile(QString::number(i)));
  QCOMPARE(list.size(), RecentProjects::kMaxRecent);
  QCOMPARE(list.first(), projectFile(QStringLiteral("11")));
  list = RecentProjects::add(list, projectFile(QStringLiteral("8")));
  QCOMPARE(list.first(), projectFile(QStringLiteral("8")));
  QCOMPARE(list.size(), RecentProjects::kMaxRecent);
  QCOMPARE(list.count(projectFile(QStringLiteral("8"))), 1);
}

void WorkbenchTest::jobOutcomes_data() {
  QTest::addColumn<int>("kind");
  QTest::addColumn<int>("expectedState");
  QTest::addColumn<QString>("expectedMessage");
  QTest::newRow("success") << 0 << int(JobState::Succeeded) << QStringLiteral("exported 3 rows");
  QTest::newRow("error value") << 1 << int(JobState::Failed)
                               << QStringLiteral("writing x.csv: disk full");
  QTest::newRow("exception") << 2 << int(JobState::Failed)
                             << QStringLiteral("Unexpected error: boom");
}

void WorkbenchTest::jobOutcomes() {
  QFETCH(int, kind);
  QFETCH(int, expectedState);
  QFETCH(QString, expectedMessage);
  JobManager manager;
  QSignalSpy finished(&manager, &JobManager::jobFinished);
  const int id = manager.start(QStringLiteral("outcome"), [kind](JobContext&) -> Result<QString> {
    if (kind == 1) return Error("disk full", "writing x.csv");
    if (kind == 2) throw std::runtime_error("boom");
    return QStringLiteral("exported 3 rows");
  });
  QVERIFY(finished.wait(5000));
  QCOMPARE(finished.count(), 1);
  QCOMPARE(finished[0][0].toInt(), id);
  QCOMPARE(int(finished[0][1].value<JobState>()), expectedState);
  QCOMPARE(finished[0][2].toString(), expectedMessage);
  auto info = manager.job(id);
  QVERIFY(info.has_value());
  QCOMPARE(int(info->state), expectedState);
  QCOMPARE(info->message, expectedMessage);
  QCOMPARE(manager.runningCount(), 0);
}

void WorkbenchTest::jobProgressSignalsArrive() {
  JobManager manager;
  QSignalSpy progress(&manager, &JobManager::jobProgress);
  QSignalSpy finished(&manager, &JobManager::jobFinished);
  const int id = manager.start(QStringLiteral("four steps"),
                               [](JobContext& context) { return steppedJob(context, 4); });
  QVERIFY(finished.wait(5000));
  QCOMPARE(finished[0][1].value<JobState>(), JobState::Succeeded);
  QCOMPARE(finished[0][2].toString(), QStringLiteral("all 4 steps"));

  // Every distinct message arrives, in order, with its fraction, on the GUI thread.
  QStringList messages;
  std::vector<double> fractions;
  for (const QList<QVariant>& args : progress) {
    QCOMPARE(args[0].toInt(), id);
    if (args[2].toString().startsWith(u"step ")) {
      messages << args[2].toString();
      fractions.push_back(args[1].toDouble());
    }
  }
  QCOMPARE(messages, (QStringList{QStringLiteral("step 1"), QStringLiteral("step 2"),
                                  QStringLiteral("step 3"), QStringLiteral("step 4")}));
  QCOMPARE(fractions, (std::vector<double>{0.25, 0.5, 0.75, 1.0}));
  QCOMPARE(manager.job(id)->progress, 1.0);
}

void WorkbenchTest::jobCancelStopsWork() {
  JobManager manager;
  QSignalSpy progress(&manager, &JobManager::jobProgress);
  QSignalSpy finished(&manager, &JobManager::jobFinished);
  std::atomic<int> iterations{0};
  const int id = manager.start(QStringLiteral("endless"),
                               [&iterations](JobContext& context) -> Result<QString> {
                                 // Bounded so a broken cancel fails the test instead of hanging it.
                                 for (int i = 0; i < 2000; ++i) {
                                   if (context.isCancelled()) return JobContext::cancelledError();
                                   ++iterations;
                                   context.setProgress(i / 2000.0, QStringLiteral("working"));
                                   std::this_thread::sleep_for(std::chrono::milliseconds(5));
                                 }
                                 return QStringLiteral("ran to the end");
                               });
  QVERIFY(progress.wait(5000));
  QCOMPARE(manager.job(id)->state, JobState::Running);
  manager.cancel(id);
  QVERIFY(finished.wait(5000));
  QCOMPARE(finished[0][1].value<JobState>(), JobState::Cancelled);
  QCOMPARE(manager.job(id)->state, JobState::Cancelled);
  QVERIFY(iterations.load() < 2000);
  QCOMPARE(manager.runningCount(), 0);

  // Cancelling a finished job changes nothing.
  manager.cancel(id);
  QCOMPARE(manager.job(id)->state, JobState::Cancelled);
}

void WorkbenchTest::jobsPaneShowsJobs() {
  JobManager manager;
  JobsPane pane(manager);
  pane.resize(900, 240);
  JobTableModel* model = pane.model();
  QCOMPARE(model->rowCount(), 0);

  const int done =
      manager.start(QStringLiteral("Export CSV"), [](JobContext& c) { return steppedJob(c, 3); });
  const int failed = manager.start(QStringLiteral("Import"), [](JobContext&) -> Result<QString> {
    return Error("no such file", "reading /tmp/none.csv");
  });
  QVERIFY(manager.waitForAll(5000));
  QCOMPARE(model->rowCount(), 2);
  QCOMPARE(model->index(0, JobTableModel::kTitle).data().toString(), QStringLiteral("Export CSV"));
  QCOMPARE(model->index(0, JobTableModel::kState).data().toString(), QStringLiteral("Done"));
  QCOMPARE(model->index(0, JobTableModel::kProgress).data(JobTableModel::kFractionRole).toDouble(),
           1.0);
  QCOMPARE(model->index(0, JobTableModel::kProgress).data().toString(), QStringLiteral("100 %"));
  QCOMPARE(model->index(0, 0).data(JobTableModel::kJobIdRole).toInt(), done);
  QCOMPARE(model->index(1, JobTableModel::kState).data().toString(), QStringLiteral("Failed"));
  QCOMPARE(model->index(1, JobTableModel::kMessage).data().toString(),
           QStringLiteral("reading /tmp/none.csv: no such file"));
  QCOMPARE(model->index(1, 0).data(JobTableModel::kJobIdRole).toInt(), failed);
  QCOMPARE(model->index(1, JobTableModel::kCancel).data(JobTableModel::kCancellableRole).toBool(),
           false);

  // Clicking the cancel button of a running row cancels that job.
  std::atomic<bool> release{false};
  const int running =
      manager.start(QStringLiteral("Long"), [&release](JobContext& c) -> Result<QString> {
        while (!c.isCancelled() && !release) {
          c.setProgress(0.4, QStringLiteral("waiting"));
          std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        if (c.isCancelled()) return JobContext::cancelledError();
        return QStringLiteral("released");
      });
  QTRY_COMPARE(manager.job(running)->state, JobState::Running);
  pane.show();
  QVERIFY(QTest::qWaitForWindowExposed(&pane));
  QTableView* table = pane.table();
  const QRect cell = table->visualRect(model->index(2, JobTableModel::kCancel));
  QVERIFY(cell.isValid());
  QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
  const bool cancelled =
      QTest::qWaitFor([&] { return manager.job(running)->state == JobState::Cancelled; }, 5000);
  release = true;
  QVERIFY(manager.waitForAll(5000));
  QVERIFY(cancelled);
  QCOMPARE(model->index(2, JobTableModel::kState).data().toString(), QStringLiteral("Cancelled"));

  manager.clearFinished();
  QCOMPARE(model->rowCount(), 0);
}

void WorkbenchTest::aboutNamesLibraryVersions() {
  const QString text = aboutText();
  QVERIFY(text.contains(QString::fromLatin1(qVersion())));
  QVERIFY(text.contains(QStringLiteral("OpenCV")));
  QVERIFY(text.contains(QStringLiteral("Paho MQTT C++</td><td>1.2")));
  QVERIFY(text.contains(QStringLiteral("SQLite</td><td>3.")));
}

void WorkbenchTest::demoBrokerConnectsAndSubscribes() {
  util::LocalBroker broker;
  auto started = broker.start();
  QVERIFY2(started.ok(), started.ok() ? "" : started.error().toString().c_str());
  const QString url = QString::fromStdString(broker.url());
  const QString hostPort = u"127.0.0.1:" + QString::number(broker.port());

  Workspace workspace;
  MainWindow window(workspace);
  QCOMPARE(window.brokerStatusText(), QStringLiteral("Broker: not connected"));
  auto demo = startDemoCapture(workspace, url, &window);
  QVERIFY2(demo.ok(), demo.ok() ? "" : demo.error().toString().c_str());
  QTRY_COMPARE_WITH_TIMEOUT(workspace.capture().state(), capture::ConnectionState::Connected,
                            10000);
  // The status bar polls at 4 Hz.
  QTRY_COMPARE_WITH_TIMEOUT(window.brokerStatusText(), u"Broker: connected to " + hostPort, 2000);
#ifdef EDGEWISE_HAVE_CAPTURE_PANE
  // The Capture pane names the broker the session really uses, not the profile's old URL.
  auto* urlField = window.findChild<QLineEdit*>(QStringLiteral("brokerUrl"));
  QVERIFY(urlField);
  QTRY_COMPARE_WITH_TIMEOUT(urlField->text(), u"tcp://" + hostPort, 2000);
  QCOMPARE(window.findChild<QLabel*>(QStringLiteral("connectionState"))->text(),
           u"Connected to tcp://" + hostPort);
#endif
  QTRY_VERIFY_WITH_TIMEOUT(
      [&] {
        for (const auto& s : workspace.capture().subscriptions()) {
          if (s.filter == "edgewise/#" && s.qos == 1) return true;
        }
        return false;
      }(),
      10000);

  // A real publisher (mosquitto_pub) reaches the session through the demo subscription.
  const QString payload =
      QStringLiteral(R"({"device":"imu-0001","seq":0,"ts":1763800000000000,"rate":100,)"
                     R"("channels":["ax","ay","az"],"samples":[[0.1,9.8,0.2],[0.2,9.7,0.1]]})");
  bool seen = false;
  for (int attempt = 0; attempt < 20 && !seen; ++attempt) {
    QProcess pub;
    pub.start(QStringLiteral("mosquitto_pub"),
              {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
               QString::number(broker.port()), QStringLiteral("-q"), QStringLiteral("1"),
               QStringLiteral("-t"), QStringLiteral("edgewise/imu-0001/imu"), QStringLiteral("-m"),
               payload});
    QVERIFY(pub.waitForFinished(5000));
    QCOMPARE(pub.exitCode(), 0);
    seen = QTest::qWaitFor(
        [&] {
          for (const auto& t : workspace.capture().topicStats()) {
            if (t.topic == "edgewise/imu-0001/imu" && t.messages >= 1) return true;
          }
          return false;
        },
        500);
  }
  QVERIFY(seen);
  workspace.capture().disconnectFromBroker();
}

void WorkbenchTest::demoBrokerRejectsBadUrl_data() {
  QTest::addColumn<QString>("url");
  QTest::newRow("bad port") << QStringLiteral("tcp://127.0.0.1:http");
  QTest::newRow("http") << QStringLiteral("http://127.0.0.1:1883");
  QTest::newRow("empty") << QString();
}

void WorkbenchTest::demoBrokerRejectsBadUrl() {
  QFETCH(QString, url);
  Workspace workspace;
  MainWindow window(workspace);
  auto demo = startDemoCapture(workspace, url, &window);
  QVERIFY(!demo.ok());
  QVERIFY(!demo.error().message.empty());
  QCOMPARE(workspace.capture().state(), capture::ConnectionState::Disconnected);
}

void WorkbenchTest::executableTakesScreenshot_data() {
  QTest::addColumn<QString>("language");
  QTest::newRow("en") << QStringLiteral("en");
  QTest::newRow("de") << QStringLiteral("de");
}

void WorkbenchTest::executableTakesScreenshot() {
  QFETCH(QString, language);
  const QString binDir = qEnvironmentVariable("EDGEWISE_BIN_DIR");
  if (binDir.isEmpty()) QSKIP("EDGEWISE_BIN_DIR is not set (run through ctest)");
  const QString exe = binDir + u"/edgewise";
  QVERIFY2(QFileInfo::exists(exe), qPrintable(exe));

  const QString project = projectFile(QStringLiteral("cli-made.edgewise"));
  const QString png = projectFile(u"edgewise_" + language + u".png");
  QProcess process;
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
  // The child keeps its settings in the temporary folder, not in the user's.
  env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
  process.setProcessEnvironment(env);
  process.start(exe, {QStringLiteral("--project"), project, QStringLiteral("--lang"), language,
                      QStringLiteral("--screenshot"), png, QStringLiteral("--screenshot-delay-ms"),
                      QStringLiteral("300")});
  QVERIFY(process.waitForFinished(30000));
  QCOMPARE(process.exitStatus(), QProcess::NormalExit);
  QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
  QVERIFY(QFileInfo::exists(project));
  QImage image(png);
  QVERIFY(!image.isNull());
  QVERIFY(image.width() >= 800 && image.height() >= 600);
  const QString kept = screenshotDir() + u"/edgewise_cli_" + language + u".png";
  QFile::remove(kept);
  QVERIFY(QFile::copy(png, kept));

  // An unknown language is refused with exit code 2 and no window.
  QProcess bad;
  bad.setProcessEnvironment(env);
  bad.start(exe, {QStringLiteral("--lang"), QStringLiteral("xx")});
  QVERIFY(bad.waitForFinished(30000));
  QCOMPARE(bad.exitCode(), 2);
}

void WorkbenchTest::screenshots_data() {
  QTest::addColumn<QString>("theme");
  QTest::addColumn<QString>("language");
  QTest::addColumn<QString>("file");
  QTest::newRow("light en") << QStringLiteral("light") << QStringLiteral("en")
                            << QStringLiteral("workbench_light_en.png");
  QTest::newRow("dark de") << QStringLiteral("dark") << QStringLiteral("de")
                           << QStringLiteral("workbench_dark_de.png");
  QTest::newRow("light zh_CN") << QStringLiteral("light") << QStringLiteral("zh_CN")
                               << QStringLiteral("workbench_light_zh_CN.png");
}

void WorkbenchTest::screenshots() {
  QFETCH(QString, theme);
  QFETCH(QString, language);
  QFETCH(QString, file);

  Workspace workspace;
  MainWindow window(workspace);
  MessageLog log;
  window.setMessageHandler(log.handler());
  window.setTheme(themeFromKey(theme));
  QVERIFY(window.setLanguage(language));
  QVERIFY(window.openProject(projectFile(QStringLiteral("vibration-study.edgewise")), true));

  // Real work the product does today: recordings in the project, exported to CSV through the
  // Recordings panel's JobManager jobs (two succeed, one fails on a folder that does not exist).
  JobManager& jobs = window.jobManager();
  store::Project* project = workspace.project();
  QVERIFY(project);
  const int64_t walk = addImuRecording(*project, "walk-2026-11-22", 3, 20);
  const int64_t run = addImuRecording(*project, "run-2026-11-22", 3, 12);
  const int64_t idle = addImuRecording(*project, "idle-bench", 1, 30);
  QVERIFY(walk > 0 && run > 0 && idle > 0);
  workspace.notifyRecordingsChanged();
#ifdef EDGEWISE_HAVE_CAPTURE_PANE
  auto* recording = window.findChild<RecordingPanel*>();
  QVERIFY(recording);
  int finished = 0;
  std::vector<bool> outcomes;
  const auto done = [&](bool ok, const QString&) {
    outcomes.push_back(ok);
    ++finished;
  };
  recording->exportCsv(walk, m_dir->filePath(QStringLiteral("walk-2026-11-22.csv")), done);
  recording->exportCsv(run, m_dir->filePath(QStringLiteral("run-2026-11-22.csv")), done);
  recording->exportCsv(idle, m_dir->filePath(QStringLiteral("gone/idle-bench.csv")), done);
  QTRY_COMPARE_WITH_TIMEOUT(finished, 3, 20000);
  QCOMPARE(std::count(outcomes.begin(), outcomes.end(), true), 2);
  const std::vector<JobInfo> listed = jobs.snapshot();
  QCOMPARE(listed.size(), size_t(3));
  QCOMPARE(listed[2].state, JobState::Failed);
  QVERIFY(QFileInfo(m_dir->filePath(QStringLiteral("walk-2026-11-22.csv"))).size() > 10'000);
#endif

  window.resize(1600, 1000);
  window.show();
  QVERIFY(QTest::qWaitForWindowExposed(&window));
  window.resetLayout();
  QTest::qWait(300);

  const QString path = screenshotDir() + u'/' + file;
  const QImage image = window.grab().toImage();
  QVERIFY(jobs.waitForAll(5000));
  QVERIFY(image.save(path, "PNG"));
  QVERIFY(QFileInfo(path).size() > 10'000);
  QVERIFY(image.width() >= 1200 && image.height() >= 800);
  // Not a blank window: the picture holds many distinct colours.
  std::set<QRgb> colours;
  for (int y = 0; y < image.height(); y += 7) {
    for (int x = 0; x < image.width(); x += 7) colours.insert(image.pixel(x, y));
  }
  QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
  QCOMPARE(log.messages.size(), size_t(0));
  qInfo("screenshot: %s", qPrintable(path));

  window.setTheme(Theme::Light);
  QVERIFY(window.setLanguage(QStringLiteral("en")));
}

QTEST_MAIN(WorkbenchTest)
#include "workbench_test.moc"
