// edgewise-cli deploy as a child process against real agents and a real broker: a trained
// model from a project, selection by glob, JSON totals, and a canary that halts the rollout.

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <nlohmann/json.hpp>

#include "core/deploy/deployer.h"
#include "core/deploy/signing.h"
#include "core/util/local_broker.h"
#include "tests/deploy/agent_fixture.h"

using namespace edgewise;
using json = nlohmann::json;

namespace {

struct CliRun {
  int exitCode = -1;
  std::string out;
  std::string err;
};

CliRun runCli(const QStringList& args, int timeoutMs = 120000) {
  QProcess p;
  p.start(deploy_test::binaryPath("edgewise-cli"), args);
  CliRun r;
  if (!p.waitForFinished(timeoutMs)) {
    p.kill();
    p.waitForFinished();
    r.err = "timed out";
    return r;
  }
  r.exitCode = p.exitCode();
  r.out = p.readAllStandardOutput().toStdString();
  r.err = p.readAllStandardError().toStdString();
  return r;
}

class DeployCli : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(m_broker.start().ok());
    m_project = m_tmp.filePath(QStringLiteral("p.edgewise"));
    CliRun r = runCli({QStringLiteral("import"), QStringLiteral("--project"), m_project,
                       QStringLiteral("--name"), QStringLiteral("imu"), QStringLiteral("--format"),
                       QStringLiteral("imu-sim"), QStringLiteral("--per-class"),
                       QStringLiteral("20"), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    r = runCli({QStringLiteral("train"), QStringLiteral("--project"), m_project,
                QStringLiteral("--dataset"), QStringLiteral("imu"), QStringLiteral("--model"),
                QStringLiteral("mlp"), QStringLiteral("--epochs"), QStringLiteral("2"),
                QStringLiteral("--param"), QStringLiteral("hidden=16"),
                QStringLiteral("--latency-seconds"), QStringLiteral("0.05"),
                QStringLiteral("--quiet"), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    m_model = json::parse(r.out).at("model_id").get<int64_t>();
    r = runCli({QStringLiteral("deploy"), QStringLiteral("--project"), m_project,
                QStringLiteral("--init-key")});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    m_publicKey = QString::fromStdString(r.out).trimmed();
    ASSERT_TRUE(m_publicKey.endsWith(QStringLiteral(".signing-key.pub")));
  }

  void TearDown() override {
    for (auto& a : m_agents) {
      a->terminate();
      a->waitForFinished(15000);
    }
  }

  void startAgents(const QString& prefix, int count, const QString& keyFile) {
    auto p = deploy_test::startDeployAgents(m_broker.url(), prefix, count,
                                            m_tmp.filePath(QStringLiteral("state")), keyFile);
    ASSERT_TRUE(p);
    m_agents.push_back(std::move(p));
    m_expectedOnline += count;
    ASSERT_TRUE(deploy_test::waitForOnline(m_broker.url(), m_expectedOnline))
        << "agents did not come online";
  }

  CliRun deployCli(const QStringList& extra) {
    return runCli(QStringList{QStringLiteral("deploy"), QStringLiteral("--project"), m_project,
                              QStringLiteral("--model"), QString::number(m_model),
                              QStringLiteral("--broker"), QString::fromStdString(m_broker.url()),
                              QStringLiteral("--timeout"), QStringLiteral("30"),
                              QStringLiteral("--json")} +
                  extra);
  }

  QTemporaryDir m_tmp;
  util::LocalBroker m_broker;
  QString m_project;
  QString m_publicKey;
  int64_t m_model = 0;
  int m_expectedOnline = 0;
  std::vector<std::unique_ptr<QProcess>> m_agents;
};

}  // namespace

TEST_F(DeployCli, DeploysToAGlobAndPrintsTotals) {
  ASSERT_NO_FATAL_FAILURE(startAgents(QStringLiteral("imu-"), 4, m_publicKey));
  const CliRun r = deployCli({QStringLiteral("--devices"), QStringLiteral("imu-*,imu-0042"),
                              QStringLiteral("--canary"), QStringLiteral("25")});
  ASSERT_EQ(r.exitCode, 0) << r.err << r.out;
  const json j = json::parse(r.out);
  const json& t = j.at("totals");
  EXPECT_EQ(t.at("targeted"), 5);
  EXPECT_EQ(t.at("succeeded"), 4);
  EXPECT_EQ(t.at("skipped"), 1);
  EXPECT_EQ(t.at("rolled_back"), 0);
  EXPECT_EQ(t.at("refused"), 0);
  EXPECT_GT(t.at("seconds").get<double>(), 0.0);
  EXPECT_FALSE(j.at("halted").get<bool>());
  for (const auto& d : j.at("devices")) {
    if (d.at("device") == "imu-0042") {
      EXPECT_EQ(d.at("state"), "skipped");
      EXPECT_EQ(d.at("reason"), "not online");
    } else {
      EXPECT_EQ(d.at("state"), "succeeded") << d.dump();
      EXPECT_EQ(d.at("model").at("model_id"), std::to_string(m_model));
    }
  }
  // The key pair lives next to the project, not in it.
  EXPECT_TRUE(QFile::exists(m_tmp.filePath(QStringLiteral("p.edgewise.signing-key"))));
}

TEST_F(DeployCli, AFailedCanaryHaltsTheRollout) {
  // The canary device trusts another key, so it refuses; the others are never touched.
  const std::string otherKey = m_tmp.filePath(QStringLiteral("other.key")).toStdString();
  auto key = deploy::generateSigningKey();
  ASSERT_TRUE(deploy::saveSigningKey(*key, otherKey).ok());
  ASSERT_NO_FATAL_FAILURE(
      startAgents(QStringLiteral("a-"), 1, QString::fromStdString(otherKey + ".pub")));
  ASSERT_NO_FATAL_FAILURE(startAgents(QStringLiteral("b-"), 3, m_publicKey));
  const CliRun r = deployCli({QStringLiteral("--devices"), QStringLiteral("a-*,b-*"),
                              QStringLiteral("--canary"), QStringLiteral("25")});
  EXPECT_EQ(r.exitCode, 1) << r.err;
  const json j = json::parse(r.out);
  EXPECT_TRUE(j.at("halted").get<bool>());
  EXPECT_EQ(j.at("totals").at("refused"), 1);
  EXPECT_EQ(j.at("totals").at("skipped"), 3);
  EXPECT_EQ(j.at("totals").at("succeeded"), 0);
  for (const auto& d : j.at("devices")) {
    if (d.at("state") == "skipped") {
      EXPECT_NE(d.at("reason").get<std::string>().find("halted after canary"), std::string::npos);
    }
  }
}

TEST_F(DeployCli, UsageErrors) {
  CliRun r = runCli({QStringLiteral("deploy"), QStringLiteral("--project"), m_project});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("--model"), std::string::npos) << r.err;
  r = runCli({QStringLiteral("deploy"), QStringLiteral("--project"), m_project,
              QStringLiteral("--model"), QStringLiteral("1")});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("--devices"), std::string::npos) << r.err;
}
