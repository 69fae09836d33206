#include "app/cli/session_util.h"

#include <QCoreApplication>
#include <QThread>

#include "app/cli/cli_common.h"
#include "core/util/clock.h"

namespace edgewise::cli {

ConnectionWatcher::ConnectionWatcher(capture::CaptureSession& session) {
  QObject::connect(&session, &capture::CaptureSession::stateChanged, &session,
                   [this](capture::ConnectionState state, const QString& message) {
                     if (!message.isEmpty()) m_lastMessage = message;
                     if (onChange) onChange(state, message);
                   });
}

void pumpEvents(int sleepMs) {
  QCoreApplication::processEvents(QEventLoop::AllEvents, sleepMs);
  if (sleepMs > 0) QThread::msleep(static_cast<unsigned long>(sleepMs));
}

Result<void> connectAndWait(capture::CaptureSession& session, const ConnectionWatcher& watcher,
                            const capture::BrokerSettings& settings, const std::string& url,
                            int timeoutMs) {
  const std::string what = "cannot reach the MQTT broker at " + url;
  auto started = session.connectToBroker(settings);
  if (!started.ok()) return Error(what + ": " + started.error().toString());
  const int64_t deadline = util::monotonicUs() + int64_t{timeoutMs} * 1000;
  while (session.state() != capture::ConnectionState::Connected) {
    if (stopRequested()) return Error("interrupted while connecting to " + url);
    if (util::monotonicUs() > deadline) {
      std::string reason = watcher.lastMessage().toStdString();
      return Error(what + " within " + std::to_string(timeoutMs / 1000) + " s" +
                   (reason.empty() ? std::string() : " (" + reason + ")") +
                   "; is the broker running and the URL right?");
    }
    pumpEvents(20);
  }
  return {};
}

}  // namespace edgewise::cli
