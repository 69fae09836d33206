#pragma once
// Shared by the end-to-end deployment tests: a QCoreApplication for QProcess / LocalBroker
// (agent_fixture.cpp registers it as a gtest environment) and edgewise-agent child processes
// in deployment mode.

#include <QProcess>
#include <QString>
#include <QStringList>
#include <memory>
#include <string>

namespace edgewise::deploy_test {

// $EDGEWISE_BIN_DIR/<name>
QString binaryPath(const char* name);

// edgewise-agent --simulate imu --rate 10 --count N --prefix P --state-dir D --trusted-key K.
std::unique_ptr<QProcess> startDeployAgents(const std::string& brokerUrl, const QString& prefix,
                                            int count, const QString& stateDir,
                                            const QString& trustedKey);

// The same with more agent arguments (e.g. --keep-alive 2), appended to the command line.
std::unique_ptr<QProcess> startDeployAgents(const std::string& brokerUrl, const QString& prefix,
                                            int count, const QString& stateDir,
                                            const QString& trustedKey,
                                            const QStringList& extraArgs);

// Polls the retained status until `expected` devices are online (about 10 s at most).
bool waitForOnline(const std::string& brokerUrl, int expected);

}  // namespace edgewise::deploy_test
