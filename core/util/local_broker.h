#pragma once
// A real Mosquitto broker run as a child process on a free loopback port: used by the demo
// (./run.sh), the integration tests and the benchmarks. Never a mock.

#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <cstdint>
#include <memory>
#include <string>

#include "core/util/result.h"

namespace edgewise::util {

class LocalBroker {
 public:
  struct Options {
    uint16_t port = 0;         // 0: pick a free port
    bool persistence = false;  // keep sessions and queued messages across restarts
    QString dataDir;           // where persistence and the config live; empty: a temp dir
    QString extraConfig;       // appended verbatim to mosquitto.conf
  };

  LocalBroker();
  ~LocalBroker();  // stops the broker
  LocalBroker(const LocalBroker&) = delete;
  LocalBroker& operator=(const LocalBroker&) = delete;

  Result<void> start(const Options& options);
  Result<void> start() { return start(Options{}); }
  // Graceful (SIGTERM: persistence is saved) or hard (SIGKILL) stop.
  void stop(bool graceful = true);
  // Stops and starts again on the same port with the same data dir.
  Result<void> restart(int downtimeMs = 0);

  bool isRunning() const;
  uint16_t port() const { return m_port; }
  std::string url() const { return "tcp://127.0.0.1:" + std::to_string(m_port); }
  qint64 pid() const;
  QString logFile() const;

  // Path of the mosquitto executable (PATH, then /usr/sbin), or an error naming the package.
  static Result<QString> mosquittoPath();

 private:
  Result<void> launch();

  Options m_options;
  std::unique_ptr<QTemporaryDir> m_tempDir;
  QString m_dir;
  uint16_t m_port = 0;
  std::unique_ptr<QProcess> m_process;
};

}  // namespace edgewise::util
