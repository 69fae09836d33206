// edgewise: the workbench GUI.
//   edgewise [--project FILE] [--demo-broker URL] [--screenshot FILE.png
//             --screenshot-delay-ms N] [--show-pane ID] [--lang de|zh_CN|en]
//   edgewise --bench-live [--json] [--seconds S] [--devices N] [--channels C] [--rate HZ]
//   edgewise --bench-timeline [--json] [--samples N] [--channels C] [--baseline-samples N]
//            [--project FILE --recording ID [--stream ID]]

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QIcon>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPixmap>
#include <QTimer>
#include <cstdio>

#include "app/workbench/builtin_panes.h"
#include "app/workbench/demo_startup.h"
#include "app/workbench/language.h"
#include "app/workbench/main_window.h"
#include "app/workbench/tr.h"
#include "app/workbench/workspace.h"
#include "core/capture/decoder_registry.h"
#ifdef EDGEWISE_HAVE_CAPTURE_PANE
#include "app/workbench/panes/capture/capture_pane.h"
#include "app/workbench/panes/capture/live_plot_widget.h"
#include "app/workbench/panes/capture/live_view_benchmark.h"
#endif
#include "core/util/log.h"
#ifdef EDGEWISE_HAVE_LABELING_PANE
#include "app/workbench/panes/labeling/timeline_benchmark.h"
#include "core/store/project.h"
#include "core/store/recording_repository.h"
#endif

#ifdef EDGEWISE_HAVE_DECODERS
#if __has_include("plugins/decoders/builtin_decoders.h")
#include "plugins/decoders/builtin_decoders.h"
#else
#undef EDGEWISE_HAVE_DECODERS
#endif
#endif

using namespace edgewise;

namespace {

struct BenchOptions {
  bool json = false;
  double seconds = 10;
  int devices = 10;
  int channels = 6;
  double rateHz = 100;
};

// The live-view benchmark inside the real main window: the capture pane is shown (its own
// timers, the status bar poll and the other docks all run), and the benchmark's plot takes
// the place of the pane's live plot, so the figures include what the shell costs around it.
int runBenchLive(const BenchOptions& options, const QString& language) {
#ifdef EDGEWISE_HAVE_CAPTURE_PANE
  gui::Workspace workspace;
  gui::MainWindow window(workspace, nullptr, language);
  window.setMessageHandler(
      [](gui::MainWindow::MessageKind, const QString& title, const QString& text) {
        std::fprintf(stderr, "edgewise: %s: %s\n", qPrintable(title), qPrintable(text));
      });
  window.show();
  // Let the window get its real size and the docks their default sizes first.
  QElapsedTimer settle;
  settle.start();
  while (settle.elapsed() < 300) QCoreApplication::processEvents(QEventLoop::AllEvents, 20);

  QWidget* host = nullptr;
  QSize hostSize(1400, 800);
  if (auto* pane = window.findChild<gui::CapturePane*>()) {
    gui::LivePlotWidget* own = pane->livePlot();
    host = own->parentWidget();
    hostSize = own->size();
    own->hide();
  }
  const gui::LiveViewBenchResult r = gui::runLiveViewBenchmark(
      host, options.devices, options.channels, options.rateHz, options.seconds, hostSize);
  const QJsonObject out{{QStringLiteral("stall_p99_ms"), r.stallP99Ms},
                        {QStringLiteral("stall_max_ms"), r.stallMaxMs},
                        {QStringLiteral("fps"), r.fps},
                        {QStringLiteral("channels"), r.channels},
                        {QStringLiteral("seconds"), r.seconds},
                        {QStringLiteral("samples_per_s"), r.samplesPerSecond},
                        {QStringLiteral("platform"), QGuiApplication::platformName()}};
  if (options.json) {
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
  } else {
    std::printf(
        "live view: %d channels, %.1f s on %s\n  redraws: %.1f fps\n  event-loop stalls: "
        "p99 %.1f ms, max %.1f ms\n  samples: %.0f per second\n",
        r.channels, r.seconds, qPrintable(QGuiApplication::platformName()), r.fps, r.stallP99Ms,
        r.stallMaxMs, r.samplesPerSecond);
  }
  std::fflush(stdout);
  return 0;
#else
  (void)options;
  (void)language;
  std::fprintf(stderr, "edgewise: --bench-live needs the Capture pane, which this build lacks\n");
  return 2;
#endif
}

struct TimelineBenchOptions {
  bool json = false;
  int64_t samples = 10'000'000;
  int channels = 6;
  int64_t baselineSamples = 1'000'000;
  QString project;
  int64_t recordingId = -1;
  int64_t streamId = -1;
};

// The timeline benchmark: open time and pan/zoom redraw rate of the Labeling pane's timeline
// on a long series (synthetic, or a project's recording), against raw points handed to
// QCustomPlot on a smaller series in the same run.
int runBenchTimeline(const TimelineBenchOptions& o) {
#ifdef EDGEWISE_HAVE_LABELING_PANE
  std::shared_ptr<gui::TimelineSeries> series;
  QString source = QStringLiteral("synthetic");
  if (!o.project.isEmpty()) {
    auto project = store::Project::open(o.project.toStdString(), store::OpenMode::OpenExisting);
    if (!project.ok()) {
      std::fprintf(stderr, "edgewise: %s\n", project.error().toString().c_str());
      return 2;
    }
    auto streams = project.value()->recordings().streams(o.recordingId);
    if (!streams.ok()) {
      std::fprintf(stderr, "edgewise: %s\n", streams.error().toString().c_str());
      return 2;
    }
    int64_t streamId = -1;
    for (const store::StreamSummary& s : streams.value())
      if (s.spec.kind == store::StreamKind::TimeSeries && (o.streamId < 0 || s.id == o.streamId)) {
        streamId = s.id;
        break;
      }
    if (streamId < 0) {
      std::fprintf(stderr, "edgewise: recording %lld has no such time-series stream\n",
                   static_cast<long long>(o.recordingId));
      return 2;
    }
    auto chunk = project.value()->recordings().readStream(streamId);
    if (!chunk.ok()) {
      std::fprintf(stderr, "edgewise: %s\n", chunk.error().toString().c_str());
      return 2;
    }
    series = std::make_shared<gui::TimelineSeries>();
    series->channels = chunk.value().channelCount;
    series->timestampsUs = std::move(chunk.value().timestampsUs);
    series->values = std::move(chunk.value().values);
    source = QStringLiteral("recording %1 stream %2").arg(o.recordingId).arg(streamId);
  } else {
    series = gui::synthesizeTimelineSeries(o.samples, o.channels);
  }
  const gui::TimelineBenchRun dec = gui::runTimelineBenchmark(series, true);
  series.reset();  // frees the long series before the baseline's
  auto small = gui::synthesizeTimelineSeries(o.baselineSamples, dec.channels, 8);
  const gui::TimelineBenchRun raw = gui::runTimelineBenchmark(small, false);
  auto runJson = [](const gui::TimelineBenchRun& r) {
    return QJsonObject{{QStringLiteral("samples"), static_cast<double>(r.samples)},
                       {QStringLiteral("channels"), r.channels},
                       {QStringLiteral("open_seconds"), r.openSeconds},
                       {QStringLiteral("fps"), r.fps},
                       {QStringLiteral("frame_p99_ms"), r.frameP99Ms},
                       {QStringLiteral("frame_max_ms"), r.frameMaxMs},
                       {QStringLiteral("frames"), r.frames},
                       {QStringLiteral("points_per_frame"), r.meanPointsPerFrame}};
  };
  const QJsonObject out{
      {QStringLiteral("source"), source},
      {QStringLiteral("samples"), static_cast<double>(dec.samples)},
      {QStringLiteral("channels"), dec.channels},
      {QStringLiteral("open_seconds"), dec.openSeconds},
      {QStringLiteral("fps"), dec.fps},
      {QStringLiteral("decimated"), runJson(dec)},
      {QStringLiteral("baseline_raw"), runJson(raw)},
      {QStringLiteral("fps_ratio_vs_baseline"), raw.fps > 0 ? dec.fps / raw.fps : 0.0},
      {QStringLiteral("platform"), QGuiApplication::platformName()}};
  if (o.json) {
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
  } else {
    std::printf(
        "timeline (%s, %lld samples x %d channels, on %s)\n"
        "  min/max decimation: open %.2f s, %.1f fps over %d frames (p99 %.1f ms, max %.1f "
        "ms), %.0f points per frame\n"
        "  baseline, raw points, %lld samples: open %.2f s, %.1f fps (p99 %.1f ms, max %.1f "
        "ms)\n",
        qPrintable(source), static_cast<long long>(dec.samples), dec.channels,
        qPrintable(QGuiApplication::platformName()), dec.openSeconds, dec.fps, dec.frames,
        dec.frameP99Ms, dec.frameMaxMs, dec.meanPointsPerFrame, static_cast<long long>(raw.samples),
        raw.openSeconds, raw.fps, raw.frameP99Ms, raw.frameMaxMs);
  }
  std::fflush(stdout);
  return 0;
#else
  (void)o;
  std::fprintf(stderr,
               "edgewise: --bench-timeline needs the Labeling pane, which this build lacks\n");
  return 2;
#endif
}

}  // namespace

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QCoreApplication::setOrganizationName(QStringLiteral("Edgewise"));
  QCoreApplication::setApplicationName(QStringLiteral("Edgewise"));
  QCoreApplication::setApplicationVersion(QStringLiteral(EDGEWISE_VERSION));
  QGuiApplication::setApplicationDisplayName(QStringLiteral("Edgewise"));
  QGuiApplication::setDesktopFileName(QStringLiteral("edgewise"));
  QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/edgewise.svg")));

  QCommandLineParser parser;
  parser.setApplicationDescription(
      QStringLiteral("Edgewise: a workbench for machine learning on IoT devices."));
  parser.addHelpOption();
  parser.addVersionOption();
  QCommandLineOption projectOption(QStringLiteral("project"),
                                   QStringLiteral("Open (or create) the project FILE."),
                                   QStringLiteral("FILE"));
  QCommandLineOption brokerOption(
      QStringLiteral("demo-broker"),
      QStringLiteral("Connect to the broker URL and subscribe to edgewise/# at start."),
      QStringLiteral("URL"));
  QCommandLineOption screenshotOption(
      QStringLiteral("screenshot"),
      QStringLiteral("Save the main window to FILE.png after the delay, then quit."),
      QStringLiteral("FILE"));
  QCommandLineOption delayOption(QStringLiteral("screenshot-delay-ms"),
                                 QStringLiteral("Delay before the screenshot (default 1500)."),
                                 QStringLiteral("N"), QStringLiteral("1500"));
  QCommandLineOption showPaneOption(
      QStringLiteral("show-pane"),
      QStringLiteral("Raise the pane ID (e.g. training) above its tab siblings at start."),
      QStringLiteral("ID"));
  QCommandLineOption langOption(QStringLiteral("lang"),
                                QStringLiteral("User interface language: en, de or zh_CN."),
                                QStringLiteral("LANG"));
  QCommandLineOption benchOption(
      QStringLiteral("bench-live"),
      QStringLiteral("Measure the live plots (redraw rate, event-loop stalls) and exit."));
  QCommandLineOption jsonOption(QStringLiteral("json"),
                                QStringLiteral("With --bench-live: print one JSON object."));
  QCommandLineOption secondsOption(QStringLiteral("seconds"),
                                   QStringLiteral("With --bench-live: duration (default 10)."),
                                   QStringLiteral("S"), QStringLiteral("10"));
  QCommandLineOption devicesOption(QStringLiteral("devices"),
                                   QStringLiteral("With --bench-live: devices (default 10)."),
                                   QStringLiteral("N"), QStringLiteral("10"));
  QCommandLineOption channelsOption(
      QStringLiteral("channels"),
      QStringLiteral("With --bench-live: channels per device (default 6)."), QStringLiteral("C"),
      QStringLiteral("6"));
  QCommandLineOption rateOption(QStringLiteral("rate"),
                                QStringLiteral("With --bench-live: sample rate (default 100)."),
                                QStringLiteral("HZ"), QStringLiteral("100"));
  QCommandLineOption benchTimelineOption(
      QStringLiteral("bench-timeline"),
      QStringLiteral("Measure the Labeling timeline (open time, pan/zoom fps) and exit."));
  QCommandLineOption samplesOption(
      QStringLiteral("samples"),
      QStringLiteral("With --bench-timeline: samples to synthesise (default 10000000)."),
      QStringLiteral("N"), QStringLiteral("10000000"));
  QCommandLineOption baselineSamplesOption(
      QStringLiteral("baseline-samples"),
      QStringLiteral("With --bench-timeline: samples of the raw-points baseline (default "
                     "1000000)."),
      QStringLiteral("N"), QStringLiteral("1000000"));
  QCommandLineOption recordingOption(
      QStringLiteral("recording"),
      QStringLiteral("With --bench-timeline and --project: the recording ID to open."),
      QStringLiteral("ID"));
  QCommandLineOption streamOption(
      QStringLiteral("stream"),
      QStringLiteral("With --recording: the stream ID (default: its first time series)."),
      QStringLiteral("ID"));
  parser.addOptions({projectOption, brokerOption, screenshotOption, delayOption, showPaneOption,
                     langOption, benchOption, jsonOption, secondsOption, devicesOption,
                     channelsOption, rateOption, benchTimelineOption, samplesOption,
                     baselineSamplesOption, recordingOption, streamOption});
  parser.process(app);

#ifdef EDGEWISE_HAVE_DECODERS
  decoders::registerBuiltinDecoders(capture::DecoderRegistry::instance());
#endif
  gui::registerWorkbenchPanes();

  if (parser.isSet(langOption) &&
      !gui::LanguageManager::available().contains(parser.value(langOption))) {
    std::fprintf(stderr, "edgewise: --lang %s: choose one of %s\n",
                 qPrintable(parser.value(langOption)),
                 qPrintable(gui::LanguageManager::available().join(QStringLiteral(", "))));
    return 2;
  }

  if (parser.isSet(benchOption)) {
    BenchOptions options;
    options.json = parser.isSet(jsonOption);
    bool okSeconds = false, okDevices = false, okChannels = false, okRate = false;
    options.seconds = parser.value(secondsOption).toDouble(&okSeconds);
    options.devices = parser.value(devicesOption).toInt(&okDevices);
    options.channels = parser.value(channelsOption).toInt(&okChannels);
    options.rateHz = parser.value(rateOption).toDouble(&okRate);
    if (!okSeconds || !okDevices || !okChannels || !okRate || options.seconds <= 0 ||
        options.devices < 1 || options.channels < 1 || options.rateHz <= 0) {
      std::fprintf(stderr,
                   "edgewise: --bench-live: --seconds, --devices, --channels and --rate must be "
                   "positive numbers\n");
      return 2;
    }
    return runBenchLive(options, parser.value(langOption));
  }

  if (parser.isSet(benchTimelineOption)) {
    TimelineBenchOptions options;
    options.json = parser.isSet(jsonOption);
    bool okSamples = false, okChannels = false, okBaseline = false;
    options.samples = parser.value(samplesOption).toLongLong(&okSamples);
    options.channels =
        parser.isSet(channelsOption) ? parser.value(channelsOption).toInt(&okChannels) : 6;
    if (!parser.isSet(channelsOption)) okChannels = true;
    options.baselineSamples = parser.value(baselineSamplesOption).toLongLong(&okBaseline);
    if (!okSamples || !okChannels || !okBaseline || options.samples < 2 || options.channels < 1 ||
        options.baselineSamples < 2) {
      std::fprintf(stderr,
                   "edgewise: --bench-timeline: --samples, --channels and --baseline-samples "
                   "must be positive numbers\n");
      return 2;
    }
    if (parser.isSet(projectOption)) {
      bool okRecording = false;
      options.project = parser.value(projectOption);
      options.recordingId = parser.value(recordingOption).toLongLong(&okRecording);
      if (!okRecording) {
        std::fprintf(stderr, "edgewise: --bench-timeline --project needs --recording ID\n");
        return 2;
      }
      if (parser.isSet(streamOption)) options.streamId = parser.value(streamOption).toLongLong();
    }
    return runBenchTimeline(options);
  }

  gui::Workspace workspace;
  gui::MainWindow window(workspace, nullptr, parser.value(langOption));

  const bool screenshot = parser.isSet(screenshotOption);
  if (screenshot) {
    // An unattended run must never stop at a modal dialog.
    window.setMessageHandler(
        [](gui::MainWindow::MessageKind, const QString& title, const QString& text) {
          std::fprintf(stderr, "edgewise: %s: %s\n", qPrintable(title), qPrintable(text));
        });
  }
  if (parser.isSet(projectOption)) window.openProject(parser.value(projectOption), true);
  if (parser.isSet(brokerOption)) {
    auto started = gui::startDemoCapture(workspace, parser.value(brokerOption), &window);
    if (!started.ok()) {
      std::fprintf(stderr, "edgewise: %s\n", started.error().toString().c_str());
      return 2;
    }
  }

  window.show();
  if (parser.isSet(showPaneOption)) {
    const QString pane = parser.value(showPaneOption);
    if (!window.showPane(pane)) {
      std::fprintf(stderr, "edgewise: --show-pane %s: choose one of %s\n", qPrintable(pane),
                   qPrintable(window.paneIds().join(QStringLiteral(", "))));
      return 2;
    }
    // The default dock sizes are applied on the first pass of the event loop; raising again
    // after that keeps the pane in front whatever the layout did.
    // The pane also gets most of the width: it is the one to look at (or to grab).
    QTimer::singleShot(300, &window, [&window, pane] { window.showPane(pane, 0.65); });
  }

  if (screenshot) {
    bool ok = false;
    const int delay = parser.value(delayOption).toInt(&ok);
    const QString file = parser.value(screenshotOption);
    QTimer::singleShot(ok ? delay : 1500, &window, [&window, file] {
      const bool saved = window.grab().save(file, "PNG");
      if (!saved) std::fprintf(stderr, "edgewise: could not write %s\n", qPrintable(file));
      QCoreApplication::exit(saved ? 0 : 1);
    });
  }
  const int rc = app.exec();
  window.saveSettings();
  return rc;
}
