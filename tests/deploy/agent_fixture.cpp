#include "tests/deploy/agent_fixture.h"

#include <gtest/gtest.h>

#include <QCoreApplication>

#include "core/deploy/deployer.h"

namespace edgewise::deploy_test {

QString binaryPath(const char* name) {
  return qEnvironmentVariable("EDGEWISE_BIN_DIR") + QStringLiteral("/") + QString::fromLatin1(name);
}

std::unique_ptr<QProcess> startDeployAgents(const std::string& brokerUrl, const QString& prefix,
                                            int count, const QString& stateDir,
                                            const QString& trustedKey) {
  return startDeployAgents(brokerUrl, prefix, count, stateDir, trustedKey, {});
}

std::unique_ptr<QProcess> startDeployAgents(const std::string& brokerUrl, const QString& prefix,
                                            int count, const QString& stateDir,
                                            const QString& trustedKey,
                                            const QStringList& extraArgs) {
  auto p = std::make_unique<QProcess>();
  p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
  p->start(
      binaryPath("edgewise-agent"),
      QStringList{QStringLiteral("--simulate"), QStringLiteral("imu"), QStringLiteral("--rate"),
                  QStringLiteral("10"), QStringLiteral("--count"), QString::number(count),
                  QStringLiteral("--prefix"), prefix, QStringLiteral("--broker"),
                  QString::fromStdString(brokerUrl), QStringLiteral("--state-dir"), stateDir,
                  QStringLiteral("--trusted-key"), trustedKey} +
          extraArgs);
  if (!p->waitForStarted(5000)) return nullptr;
  return p;
}

bool waitForOnline(const std::string& brokerUrl, int expected) {
  for (int attempt = 0; attempt < 40; ++attempt) {
    auto devices = deploy::discoverDevices(brokerUrl, 0.25);
    int online = 0;
    if (devices) {
      for (const auto& d : *devices) online += d.online ? 1 : 0;
    }
    if (online == expected) return true;
  }
  return false;
}

}  // namespace edgewise::deploy_test
