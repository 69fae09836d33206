#pragma once
// Helpers of the edgewise-cli end-to-end tests: the executables under test run as real child
// processes from $EDGEWISE_BIN_DIR.

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

namespace edgewise::cli::test {

QString binDir();
QString cliPath();
QString agentPath();

struct RunResult {
  int exitCode = -1;
  bool crashed = false;
  QByteArray out;
  QByteArray err;
};

// Runs edgewise-cli to completion (killed after timeoutMs).
RunResult runCli(const QStringList& args, int timeoutMs = 60000);

// Starts a child process with separate stdout/stderr; nullptr if it did not start.
std::unique_ptr<QProcess> startProcess(const QString& program, const QStringList& args);

// Reads what the process printed on stderr so far (appending to *buffer) until it contains
// needle or timeoutMs passes. Returns whether the needle was seen.
bool waitForStderr(QProcess& process, QByteArray* buffer, const QByteArray& needle, int timeoutMs);

// The agent's --summary-json output: the last stdout line, parsed.
std::optional<nlohmann::json> agentSummary(const QByteArray& stdoutText);

// The value of key=<int> in the last complete line of text containing it, if any.
std::optional<int64_t> lastKeyValue(const QByteArray& text, const QByteArray& key);

QStringList agentArgs(const std::string& url, int count, double rateHz, int samplesPerMessage,
                      double seconds, int qos = 1);

}  // namespace edgewise::cli::test
