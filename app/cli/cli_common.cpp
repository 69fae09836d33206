#include "app/cli/cli_common.h"

#include <atomic>
#include <csignal>
#include <cstdio>
#include <ctime>

namespace edgewise::cli {

namespace {
std::atomic<int> g_stopSignal{0};
static_assert(std::atomic<int>::is_always_lock_free, "the signal handler needs a lock-free flag");

extern "C" void onStopSignal(int signal) {
  g_stopSignal.store(signal);
}
}  // namespace

void printOut(const QString& text) {
  const QByteArray bytes = text.toUtf8();
  std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
  std::fflush(stdout);
}

void printErr(const QString& text) {
  const QByteArray bytes = text.toUtf8();
  std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stderr);
  std::fflush(stderr);
}

CommandLine::CommandLine(QString command, QString description) : m_command(std::move(command)) {
  m_parser.setApplicationDescription(description);
  m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
  m_parser.addHelpOption();
}

std::optional<int> CommandLine::parse(const QStringList& args) {
  // QCommandLineParser treats the first element as the program name.
  QStringList full{QStringLiteral("edgewise-cli ") + m_command};
  full += args;
  if (!m_parser.parse(full)) return usageError(m_parser.errorText());
  if (m_parser.isSet(QStringLiteral("help"))) {
    // helpText() names argv[0] without the subcommand; the first line is ours instead.
    QString help = m_parser.helpText();
    help = help.mid(help.indexOf(QLatin1Char('\n')) + 1);
    printOut(QStringLiteral("Usage: edgewise-cli ") + m_command + QStringLiteral(" [options]\n") +
             help);
    return kExitOk;
  }
  if (!m_parser.positionalArguments().isEmpty()) {
    return usageError(QStringLiteral("unexpected argument '") +
                      m_parser.positionalArguments().first() + QStringLiteral("'"));
  }
  return std::nullopt;
}

Result<int64_t> CommandLine::intValue(const QString& name, int64_t fallback, int64_t min,
                                      int64_t max) const {
  if (!m_parser.isSet(name)) return fallback;
  bool ok = false;
  const qlonglong v = m_parser.value(name).toLongLong(&ok);
  if (!ok || v < min || v > max) {
    return Error("--" + name.toStdString() + " must be an integer from " + std::to_string(min) +
                 " to " + std::to_string(max) + ", got '" + m_parser.value(name).toStdString() +
                 "'");
  }
  return static_cast<int64_t>(v);
}

Result<double> CommandLine::doubleValue(const QString& name, double fallback, double min,
                                        double max) const {
  if (!m_parser.isSet(name)) return fallback;
  bool ok = false;
  const double v = m_parser.value(name).toDouble(&ok);
  if (!ok || v < min || v > max) {
    return Error("--" + name.toStdString() + " must be a number from " + std::to_string(min) +
                 " to " + std::to_string(max) + ", got '" + m_parser.value(name).toStdString() +
                 "'");
  }
  return v;
}

int CommandLine::usageError(const QString& message) const {
  printErr(QStringLiteral("edgewise-cli ") + m_command + QStringLiteral(": ") + message +
           QStringLiteral("\nTry 'edgewise-cli ") + m_command + QStringLiteral(" --help'.\n"));
  return kExitUsage;
}

int CommandLine::failure(const QString& message) const {
  printErr(QStringLiteral("edgewise-cli ") + m_command + QStringLiteral(": ") + message +
           QStringLiteral("\n"));
  return kExitFailure;
}

void installStopHandlers() {
  struct sigaction action {};
  action.sa_handler = onStopSignal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

bool stopRequested() {
  return g_stopSignal.load() != 0;
}
int stopSignal() {
  return g_stopSignal.load();
}

std::string isoDateUtc() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace edgewise::cli
