#include "tests/cli/cli_test_util.h"

#include <QCoreApplication>
#include <QThread>

#include "core/util/clock.h"

namespace edgewise::cli::test {

QString binDir() {
  const QString dir = qEnvironmentVariable("EDGEWISE_BIN_DIR");
  return dir.isEmpty() ? QCoreApplication::applicationDirPath() : dir;
}
QString cliPath() {
  return binDir() + QStringLiteral("/edgewise-cli");
}
QString agentPath() {
  return binDir() + QStringLiteral("/edgewise-agent");
}

RunResult runCli(const QStringList& args, int timeoutMs) {
  RunResult r;
  QProcess p;
  p.start(cliPath(), args);
  if (!p.waitForStarted(10000)) {
    r.err = p.errorString().toUtf8();
    return r;
  }
  if (!p.waitForFinished(timeoutMs)) {
    p.kill();
    p.waitForFinished(5000);
  }
  r.crashed = p.exitStatus() != QProcess::NormalExit;
  r.exitCode = p.exitCode();
  r.out = p.readAllStandardOutput();
  r.err = p.readAllStandardError();
  return r;
}

std::unique_ptr<QProcess> startProcess(const QString& program, const QStringList& args) {
  auto p = std::make_unique<QProcess>();
  p->setProcessChannelMode(QProcess::SeparateChannels);
  p->start(program, args);
  if (!p->waitForStarted(10000)) return nullptr;
  return p;
}

bool waitForStderr(QProcess& process, QByteArray* buffer, const QByteArray& needle, int timeoutMs) {
  const int64_t end = util::monotonicUs() + int64_t{timeoutMs} * 1000;
  while (true) {
    *buffer += process.readAllStandardError();
    if (buffer->contains(needle)) return true;
    if (util::monotonicUs() > end || process.state() == QProcess::NotRunning) {
      *buffer += process.readAllStandardError();
      return buffer->contains(needle);
    }
    process.waitForReadyRead(20);
  }
}

std::optional<nlohmann::json> agentSummary(const QByteArray& stdoutText) {
  const QList<QByteArray> lines = stdoutText.trimmed().split('\n');
  if (lines.isEmpty()) return std::nullopt;
  try {
    return nlohmann::json::parse(lines.last().toStdString());
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;  // the caller reports the raw text
  }
}

std::optional<int64_t> lastKeyValue(const QByteArray& text, const QByteArray& key) {
  // Only complete lines: a kill -9 can cut the last one short.
  const qsizetype end = text.lastIndexOf('\n');
  if (end < 0) return std::nullopt;
  const QList<QByteArray> lines = text.left(end).split('\n');
  const QByteArray needle = key + '=';
  for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
    const qsizetype at = it->indexOf(needle);
    if (at < 0) continue;
    qsizetype stop = it->indexOf(' ', at);
    if (stop < 0) stop = it->size();
    const QByteArray digits = it->mid(at + needle.size(), stop - at - needle.size());
    bool ok = false;
    const qlonglong v = digits.toLongLong(&ok);
    if (ok) return v;
  }
  return std::nullopt;
}

QStringList agentArgs(const std::string& url, int count, double rateHz, int samplesPerMessage,
                      double seconds, int qos) {
  return {QStringLiteral("--simulate"),
          QStringLiteral("imu"),
          QStringLiteral("--count"),
          QString::number(count),
          QStringLiteral("--rate"),
          QString::number(rateHz),
          QStringLiteral("--broker"),
          QString::fromStdString(url),
          QStringLiteral("--samples-per-message"),
          QString::number(samplesPerMessage),
          QStringLiteral("--seconds"),
          QString::number(seconds),
          QStringLiteral("--qos"),
          QString::number(qos),
          QStringLiteral("--summary-json")};
}

}  // namespace edgewise::cli::test
