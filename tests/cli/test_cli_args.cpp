// Usage errors exit 2, runtime failures exit 1, each with a message naming the problem.

#include <gtest/gtest.h>

#include <QFile>
#include <QTemporaryDir>

#include "core/util/net.h"
#include "tests/cli/cli_test_util.h"

namespace edgewise::cli::test {
namespace {

TEST(CliArgs, UnknownOptionsAndMissingArgumentsExitTwo) {
  struct Case {
    QStringList args;
    QByteArray expected;  // part of the message on stderr
  };
  const std::vector<Case> cases = {
      {{QStringLiteral("frobnicate")}, "unknown command 'frobnicate'"},
      {{}, "Usage: edgewise-cli"},
      {{QStringLiteral("record"), QStringLiteral("--bogus")}, "bogus"},
      {{QStringLiteral("record"), QStringLiteral("--broker"), QStringLiteral("tcp://x:1"),
        QStringLiteral("--topic"), QStringLiteral("a")},
       "--project FILE is required"},
      {{QStringLiteral("record"), QStringLiteral("--project"), QStringLiteral("/tmp/x"),
        QStringLiteral("--broker"), QStringLiteral("tcp://127.0.0.1:1")},
       "--topic"},
      {{QStringLiteral("record"), QStringLiteral("--project"), QStringLiteral("/tmp/x"),
        QStringLiteral("--broker"), QStringLiteral("tcp://127.0.0.1:1"), QStringLiteral("--topic"),
        QStringLiteral("a"), QStringLiteral("--qos"), QStringLiteral("3")},
       "--qos must be an integer from 0 to 2"},
      {{QStringLiteral("record"), QStringLiteral("--project"), QStringLiteral("/tmp/x"),
        QStringLiteral("--broker"), QStringLiteral("tcp://127.0.0.1:1"), QStringLiteral("--topic"),
        QStringLiteral("a"), QStringLiteral("--persistent")},
       "--persistent needs --client-id"},
      {{QStringLiteral("recordings"), QStringLiteral("--nope")}, "nope"},
      {{QStringLiteral("recordings")}, "--project FILE is required"},
      {{QStringLiteral("recordings"), QStringLiteral("--project"), QStringLiteral("a"),
        QStringLiteral("stray")},
       "unexpected argument 'stray'"},
      {{QStringLiteral("bench")}, "Usage: edgewise-cli bench"},
      {{QStringLiteral("bench"), QStringLiteral("warp")}, "unknown benchmark 'warp'"},
      {{QStringLiteral("bench"), QStringLiteral("capture"), QStringLiteral("--devices"),
        QStringLiteral("many")},
       "--devices must be an integer"},
      {{QStringLiteral("bench"), QStringLiteral("capture"), QStringLiteral("--rate-sweep"),
        QStringLiteral("10,x")},
       "--rate-sweep wants positive numbers, got 'x'"},
  };
  for (const Case& c : cases) {
    const RunResult r = runCli(c.args);
    const std::string label = c.args.join(u' ').toStdString();
    EXPECT_FALSE(r.crashed) << label;
    EXPECT_EQ(r.exitCode, 2) << label << "\n" << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(c.expected))
        << label << ": expected '" << c.expected.toStdString() << "' in:\n"
        << r.err.toStdString();
  }
}

TEST(CliArgs, EverySubcommandHasHelp) {
  const std::vector<QStringList> commands = {
      {QStringLiteral("record")},
      {QStringLiteral("recordings")},
      {QStringLiteral("bench"), QStringLiteral("capture")},
      {QStringLiteral("bench"), QStringLiteral("live-view")}};
  for (QStringList args : commands) {
    const std::string label = args.join(u' ').toStdString();
    args << QStringLiteral("--help");
    const RunResult r = runCli(args);
    EXPECT_EQ(r.exitCode, 0) << label << r.err.toStdString();
    EXPECT_TRUE(r.out.contains("Usage: edgewise-cli")) << label << r.out.toStdString();
    EXPECT_TRUE(r.out.contains("--help")) << label;
  }
  const RunResult record = runCli({QStringLiteral("record"), QStringLiteral("--help")});
  for (const char* option : {"--project", "--broker", "--topic", "--qos", "--seconds", "--name",
                             "--client-id", "--persistent", "--progress-ms"}) {
    EXPECT_TRUE(record.out.contains(option)) << option;
  }
}

TEST(CliArgs, UnreachableBrokerExitsOneNamingTheUrl) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  // A port that was free a moment ago: nothing listens there.
  const uint16_t port = util::findFreeTcpPort();
  ASSERT_NE(port, 0);
  const QString url = QStringLiteral("tcp://127.0.0.1:%1").arg(port);
  const RunResult r =
      runCli({QStringLiteral("record"), QStringLiteral("--project"),
              dir.filePath(QStringLiteral("p.edgewise")), QStringLiteral("--broker"), url,
              QStringLiteral("--topic"), QStringLiteral("edgewise/+/imu"),
              QStringLiteral("--connect-timeout"), QStringLiteral("3")},
             30000);
  EXPECT_FALSE(r.crashed);
  EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
  EXPECT_TRUE(r.err.contains(url.toUtf8())) << r.err.toStdString();
  EXPECT_TRUE(r.err.contains("cannot reach the MQTT broker")) << r.err.toStdString();
}

TEST(CliArgs, RecordingsOnGarbageOrMissingFileExitsOne) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString garbage = dir.filePath(QStringLiteral("garbage.edgewise"));
  {
    QFile f(garbage);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    QByteArray junk;
    for (int i = 0; i < 4096; ++i) junk += static_cast<char>((i * 131 + 7) % 256);
    f.write(junk);
  }
  for (const QString& path : {garbage, dir.filePath(QStringLiteral("absent.edgewise"))}) {
    const RunResult r = runCli({QStringLiteral("recordings"), QStringLiteral("--project"), path});
    EXPECT_FALSE(r.crashed) << path.toStdString();
    EXPECT_EQ(r.exitCode, 1) << path.toStdString() << r.err.toStdString();
    EXPECT_TRUE(r.err.startsWith("edgewise-cli recordings: ")) << r.err.toStdString();
    EXPECT_GT(r.err.trimmed().size(), QByteArray("edgewise-cli recordings: ").size() + 5)
        << "the store's message is missing: " << r.err.toStdString();
    EXPECT_TRUE(r.out.isEmpty()) << r.out.toStdString();
  }
  // The garbage file is left as it was: listing never "repairs" a file it cannot read.
  QFile f(garbage);
  ASSERT_TRUE(f.open(QIODevice::ReadOnly));
  EXPECT_EQ(f.size(), 4096);
}

}  // namespace
}  // namespace edgewise::cli::test
