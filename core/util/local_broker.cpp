#include "core/util/local_broker.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QThread>

#include "core/util/net.h"

#include <pwd.h>
#include <unistd.h>

namespace edgewise::util {

LocalBroker::LocalBroker() = default;

LocalBroker::~LocalBroker() {
  stop(true);
}

Result<QString> LocalBroker::mosquittoPath() {
  QString path = QStandardPaths::findExecutable(QStringLiteral("mosquitto"));
  if (path.isEmpty()) {
    path = QStandardPaths::findExecutable(QStringLiteral("mosquitto"),
                                          {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
  }
  if (path.isEmpty()) {
    return Error("the mosquitto broker is not installed (run installer/deps.sh)");
  }
  return path;
}

Result<void> LocalBroker::start(const Options& options) {
  stop(false);
  m_options = options;
  if (options.dataDir.isEmpty()) {
    m_tempDir = std::make_unique<QTemporaryDir>();
    if (!m_tempDir->isValid()) return Error("cannot create a temporary directory", "broker");
    m_dir = m_tempDir->path();
  } else {
    m_dir = options.dataDir;
    QDir().mkpath(m_dir);
  }
  m_port = options.port != 0 ? options.port : findFreeTcpPort();
  if (m_port == 0) return Error("no free TCP port on 127.0.0.1", "broker");
  return launch();
}

Result<void> LocalBroker::launch() {
  auto exe = mosquittoPath();
  if (!exe) return exe.error();

  const QString confPath = m_dir + QStringLiteral("/mosquitto.conf");
  QFile conf(confPath);
  if (!conf.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
    return Error("cannot write " + confPath.toStdString(), "broker");
  }
  QByteArray text;
  text += "listener " + QByteArray::number(m_port) + " 127.0.0.1\n";
  text += "allow_anonymous true\n";
  // Started as root, mosquitto drops to the user "mosquitto", which cannot write the
  // persistence file or the log into our data dir; stay the user who started it.
  if (const passwd* pw = getpwuid(geteuid()); pw != nullptr && pw->pw_name != nullptr) {
    text += "user " + QByteArray(pw->pw_name) + "\n";
  }
  // Queues sized for a fleet of simulated devices: nothing may be dropped by the broker.
  text += "max_queued_messages 1000000\n";
  text += "max_inflight_messages 1000\n";
  text += "set_tcp_nodelay true\n";
  text += "log_dest file " + QFile::encodeName(m_dir) + "/mosquitto.log\n";
  text += "log_type error\nlog_type warning\nlog_type notice\n";
  if (m_options.persistence) {
    text += "persistence true\n";
    text += "persistence_location " + QFile::encodeName(m_dir) + "/\n";
    text += "autosave_interval 1\n";
  }
  text += m_options.extraConfig.toUtf8();
  text += '\n';
  conf.write(text);
  conf.close();

  // Something else on the port would answer our readiness probe: refuse it up front.
  {
    QTcpSocket probe;
    probe.connectToHost(QHostAddress::LocalHost, m_port);
    if (probe.waitForConnected(200)) {
      return Error("mosquitto did not listen on port " + std::to_string(m_port) +
                       ": the port is already in use",
                   "broker");
    }
  }

  m_process = std::make_unique<QProcess>();
  m_process->setProcessChannelMode(QProcess::MergedChannels);
  m_process->setStandardOutputFile(m_dir + QStringLiteral("/mosquitto.out"));
  // A fleet of 1,000 devices needs more descriptors than the usual soft limit of 1,024.
  const QString script =
      QStringLiteral("ulimit -n $(ulimit -Hn) 2>/dev/null; exec \"$0\" -c \"$1\"");
  m_process->start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script, *exe, confPath});
  if (!m_process->waitForStarted(5000)) {
    return Error("mosquitto did not start: " + m_process->errorString().toStdString(), "broker");
  }
  if (!waitForTcpPort(m_port, 5000) || m_process->state() != QProcess::Running) {
    QFile log(m_dir + QStringLiteral("/mosquitto.log"));
    QString tail;
    if (log.open(QIODevice::ReadOnly)) tail = QString::fromUtf8(log.readAll()).right(400);
    stop(false);
    return Error(
        "mosquitto did not listen on port " + std::to_string(m_port) + ": " + tail.toStdString(),
        "broker");
  }
  return {};
}

void LocalBroker::stop(bool graceful) {
  if (!m_process) return;
  if (m_process->state() != QProcess::NotRunning) {
    if (graceful) {
      m_process->terminate();
      if (!m_process->waitForFinished(5000)) m_process->kill();
    } else {
      m_process->kill();
    }
    m_process->waitForFinished(5000);
  }
  m_process.reset();
}

Result<void> LocalBroker::restart(int downtimeMs) {
  stop(true);
  if (downtimeMs > 0) QThread::msleep(static_cast<unsigned long>(downtimeMs));
  return launch();
}

bool LocalBroker::isRunning() const {
  return m_process && m_process->state() == QProcess::Running;
}

qint64 LocalBroker::pid() const {
  return m_process ? m_process->processId() : 0;
}

QString LocalBroker::logFile() const {
  return m_dir + QStringLiteral("/mosquitto.log");
}

}  // namespace edgewise::util
