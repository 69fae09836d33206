// Tests of core/util: Result, percentile (values computed with NumPy), ports, LocalBroker.
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QTcpServer>
#include <QTcpSocket>
#include <cmath>

#include "core/util/local_broker.h"
#include "core/util/net.h"
#include "core/util/percentile.h"
#include "core/util/result.h"

using namespace edgewise;

namespace {

Result<int> parsePositive(int v) {
  if (v <= 0) return Error("must be positive", "parsing");
  return v;
}

Result<int> twice(int v) {
  auto r = parsePositive(v);
  EW_TRY(r);
  return *r * 2;
}

}  // namespace

TEST(Result, CarriesValueOrError) {
  auto good = twice(21);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 42);
  auto bad = twice(-1);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().toString(), "parsing: must be positive");
  EXPECT_EQ(bad.error().wrap("loading").toString(), "loading: parsing: must be positive");
  EXPECT_EQ(bad.valueOr(7), 7);
}

TEST(Percentile, MatchesNumpyLinearInterpolation) {
  // numpy.percentile([5, 1, 4, 2, 3, 10], [0, 50, 90, 99, 100]) ->
  //   [1.0, 3.5, 7.5, 9.75, 10.0]
  const std::vector<double> v{5, 1, 4, 2, 3, 10};
  EXPECT_DOUBLE_EQ(util::percentile(v, 0), 1.0);
  EXPECT_DOUBLE_EQ(util::percentile(v, 50), 3.5);
  EXPECT_DOUBLE_EQ(util::percentile(v, 90), 7.5);
  EXPECT_NEAR(util::percentile(v, 99), 9.75, 1e-12);
  EXPECT_DOUBLE_EQ(util::percentile(v, 100), 10.0);
  EXPECT_TRUE(std::isnan(util::percentile(std::vector<double>{}, 50)));
}

TEST(Net, FreePortIsBindable) {
  // We can listen on the port we are given. Tests run in parallel (ctest -j) and every broker
  // test asks for a free port too: the kernel may hand the same port to another test between
  // the call and our listen(), so up to three fresh ports are tried; a function that returned
  // ports in use would fail all three. (Connecting to the port to see that nobody listens was
  // flaky: a parallel test's broker could already be there.)
  bool listened = false;
  for (int attempt = 0; attempt < 3 && !listened; ++attempt) {
    const uint16_t port = util::findFreeTcpPort();
    ASSERT_GT(port, 1024);
    QTcpServer server;
    listened = server.listen(QHostAddress::LocalHost, port);
    if (listened) EXPECT_TRUE(util::waitForTcpPort(port, 1000)) << "our own listener on " << port;
  }
  EXPECT_TRUE(listened) << "three ports from findFreeTcpPort() were all in use";
}

TEST(LocalBroker, StartsListensRestartsAndStops) {
  util::LocalBroker broker;
  util::LocalBroker::Options opts;
  opts.persistence = true;
  auto started = broker.start(opts);
  ASSERT_TRUE(started.ok()) << started.error().toString();
  ASSERT_TRUE(broker.isRunning());
  const uint16_t port = broker.port();
  EXPECT_EQ(broker.url(), "tcp://127.0.0.1:" + std::to_string(port));
  EXPECT_TRUE(util::waitForTcpPort(port, 1000));

  auto restarted = broker.restart(200);
  ASSERT_TRUE(restarted.ok()) << restarted.error().toString();
  EXPECT_EQ(broker.port(), port) << "a restart keeps the port so clients can reconnect";
  EXPECT_TRUE(util::waitForTcpPort(port, 1000));

  // Persistence really is written (mosquitto must not have dropped to a user that cannot
  // write the data dir): the database file exists after a graceful stop.
  broker.stop();
  EXPECT_FALSE(broker.isRunning());
  EXPECT_TRUE(
      QFile::exists(QFileInfo(broker.logFile()).absolutePath() + QStringLiteral("/mosquitto.db")))
      << "persistence file missing; log: " << broker.logFile().toStdString();
  EXPECT_FALSE(util::waitForTcpPort(port, 300));
}

TEST(LocalBroker, ReportsAPortInUse) {
  util::LocalBroker first;
  ASSERT_TRUE(first.start().ok());
  util::LocalBroker second;
  util::LocalBroker::Options opts;
  opts.port = first.port();
  auto r = second.start(opts);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("did not listen"), std::string::npos) << r.error().toString();
}

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
