#pragma once
// Helpers for driving a capture::CaptureSession from a command-line loop (no GUI event loop:
// the CLI polls and pumps Qt events itself).

#include <QString>
#include <functional>
#include <string>

#include "core/capture/capture_session.h"
#include "core/util/result.h"

namespace edgewise::cli {

// Remembers the session's latest connection message, so a failure can say why.
class ConnectionWatcher {
 public:
  explicit ConnectionWatcher(capture::CaptureSession& session);
  const QString& lastMessage() const { return m_lastMessage; }
  // Called on every state change (e.g. the recorder prints reconnects).
  std::function<void(capture::ConnectionState, const QString&)> onChange;

 private:
  QString m_lastMessage;
};

// Connects and waits until Connected, the timeout or a stop signal. The error names the URL.
Result<void> connectAndWait(capture::CaptureSession& session, const ConnectionWatcher& watcher,
                            const capture::BrokerSettings& settings, const std::string& url,
                            int timeoutMs);

// Processes pending Qt events (the session's queued signals), then sleeps up to sleepMs.
void pumpEvents(int sleepMs);

}  // namespace edgewise::cli
