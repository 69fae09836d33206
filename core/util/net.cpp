#include "core/util/net.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace edgewise::util {

uint16_t findFreeTcpPort() {
  QTcpServer server;
  if (!server.listen(QHostAddress::LocalHost, 0)) return 0;
  const uint16_t port = server.serverPort();
  server.close();
  return port;
}

bool waitForTcpPort(uint16_t port, int timeoutMs) {
  QElapsedTimer timer;
  timer.start();
  while (timer.elapsed() < timeoutMs) {
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (socket.waitForConnected(200)) {
      socket.disconnectFromHost();
      return true;
    }
    QThread::msleep(20);
  }
  return false;
}

}  // namespace edgewise::util
