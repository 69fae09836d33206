#pragma once
// Shared plumbing of the edgewise-cli subcommands: argument parsing with uniform help and
// usage errors (exit 2), printing, JSON helpers and the stop-signal flag.

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <optional>
#include <string>

#include "core/util/result.h"

namespace edgewise::cli {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

void printOut(const QString& text);  // stdout, text as given
void printErr(const QString& text);  // stderr, unbuffered
inline QString qs(const std::string& s) {
  return QString::fromStdString(s);
}

// One subcommand's command line. parse() returns an exit code when the command must end
// right away: 0 after --help, 2 after a usage error (message printed).
class CommandLine {
 public:
  CommandLine(QString command, QString description);

  void addOption(const QCommandLineOption& option) { m_parser.addOption(option); }
  std::optional<int> parse(const QStringList& args);

  bool isSet(const QString& name) const { return m_parser.isSet(name); }
  QString value(const QString& name) const { return m_parser.value(name); }
  QStringList values(const QString& name) const { return m_parser.values(name); }

  // Numeric options: the default when absent, a usage error message when malformed.
  Result<int64_t> intValue(const QString& name, int64_t fallback, int64_t min, int64_t max) const;
  Result<double> doubleValue(const QString& name, double fallback, double min, double max) const;

  // Prints "edgewise-cli <command>: <message>" and a hint, returns 2.
  int usageError(const QString& message) const;
  // Prints "edgewise-cli <command>: <message>", returns 1.
  int failure(const QString& message) const;
  const QString& command() const { return m_command; }

 private:
  QString m_command;
  QCommandLineParser m_parser;
};

// SIGINT/SIGTERM only set an atomic flag (async-signal-safe); loops poll stopRequested().
void installStopHandlers();
bool stopRequested();
int stopSignal();  // the signal that asked to stop, 0 when none

// ISO 8601 UTC timestamp of now, e.g. 2026-11-22T09:40:00Z.
std::string isoDateUtc();

}  // namespace edgewise::cli
