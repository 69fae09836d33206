// edgewise: the workbench GUI.
//   edgewise [--project FILE] [--demo-broker URL] [--screenshot FILE.png
//             --screenshot-delay-ms N] [--lang de|zh_CN|en]

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
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
#include "core/util/log.h"

#ifdef EDGEWISE_HAVE_DECODERS
#if __has_include("plugins/decoders/builtin_decoders.h")
#include "plugins/decoders/builtin_decoders.h"
#else
#undef EDGEWISE_HAVE_DECODERS
#endif
#endif

using namespace edgewise;

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
  QCommandLineOption langOption(QStringLiteral("lang"),
                                QStringLiteral("User interface language: en, de or zh_CN."),
                                QStringLiteral("LANG"));
  parser.addOptions({projectOption, brokerOption, screenshotOption, delayOption, langOption});
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
