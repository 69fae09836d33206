// ARCHITECTURE.md section 5: a kill -9 at any moment leaves a file that opens, passes the
// integrity check and holds everything committed before the crash.

#include <QElapsedTimer>
#include <QProcess>
#include <QStringList>
#include <filesystem>
#include <random>

#include "test_store_common.h"

namespace edgewise::store::test {
namespace {

constexpr int kTrials = 20;
constexpr int64_t kSamplesPerTransaction = 50;  // store_crash_writer: 5 chunks x 10 samples

struct WriterOutput {
  int64_t recordingId = -1;
  int64_t streamId = -1;
  int64_t lastCommitted = 0;
  int commitLines = 0;
};

void parseLine(const QByteArray& line, WriterOutput& out) {
  const QList<QByteArray> parts = line.trimmed().split(' ');
  if (parts.size() != 2) return;
  const qint64 v = parts[1].toLongLong();
  if (parts[0] == "recording") out.recordingId = v;
  if (parts[0] == "stream") out.streamId = v;
  if (parts[0] == "committed") {
    out.lastCommitted = v;
    ++out.commitLines;
  }
}

TEST_F(StoreTest, KillNineNeverLosesCommittedData) {
  const std::string file = path("crash.edgewise");
  std::mt19937 rng(20261122);
  std::uniform_int_distribution<int> delayMs(50, 800);
  int trialsThatCommitted = 0;
  std::vector<int64_t> recordingIds;

  for (int trial = 0; trial < kTrials; ++trial) {
    SCOPED_TRACE("trial " + std::to_string(trial));
    const int delay = delayMs(rng);
    QProcess writer;
    writer.setProcessChannelMode(QProcess::SeparateChannels);
    writer.start(QStringLiteral(EDGEWISE_STORE_CRASH_WRITER),
                 QStringList{QString::fromStdString(file)});
    ASSERT_TRUE(writer.waitForStarted(5000)) << writer.errorString().toStdString();
    QElapsedTimer timer;
    timer.start();
    QByteArray buffered;
    WriterOutput out;
    auto drain = [&] {
      buffered += writer.readAllStandardOutput();
      int nl;
      while ((nl = buffered.indexOf('\n')) >= 0) {  // only complete lines count
        parseLine(buffered.left(nl), out);
        buffered.remove(0, nl + 1);
      }
    };
    while (timer.elapsed() < delay) {
      writer.waitForReadyRead(std::max<qint64>(1, delay - timer.elapsed()));
      drain();
      ASSERT_EQ(writer.state(), QProcess::Running)
          << "writer exited early: " << writer.readAllStandardError().toStdString();
    }
    writer.kill();  // SIGKILL
    ASSERT_TRUE(writer.waitForFinished(5000));
    ASSERT_EQ(writer.exitStatus(), QProcess::CrashExit);
    drain();

    if (out.recordingId < 0) {
      // Killed before its recording existed: the file must still open (below) cleanly.
      EXPECT_EQ(out.lastCommitted, 0);
    }
    ASSERT_TRUE(std::filesystem::exists(file)) << "killed before creating the file";
    auto project = Project::open(file, OpenMode::OpenExisting);
    ASSERT_TRUE(project.ok()) << project.error().toString();
    auto check = (*project)->integrityCheck();
    EW_ASSERT_OK(check);

    // Every recording of earlier trials is interrupted, never left "recording".
    auto all = (*project)->recordings().list();
    EW_ASSERT_OK(all);
    for (const auto& r : all.value()) EXPECT_EQ(r.status, RecordingStatus::Interrupted);
    if (out.recordingId < 0) continue;
    recordingIds.push_back(out.recordingId);

    auto rec = (*project)->recordings().get(out.recordingId);
    EW_ASSERT_OK(rec);
    EXPECT_EQ(rec->status, RecordingStatus::Interrupted);
    auto streams = (*project)->recordings().streams(out.recordingId);
    EW_ASSERT_OK(streams);
    if (out.streamId < 0) {
      EXPECT_EQ(out.lastCommitted, 0);
      continue;
    }
    ASSERT_EQ(streams->size(), 1u);
    const StreamSummary& s = streams->front();
    // Nothing committed is lost; at most the transaction committed just before the kill (whose
    // line was never printed) is extra, and transactions are all or nothing.
    EXPECT_GE(s.sampleCount, out.lastCommitted);
    EXPECT_LE(s.sampleCount, out.lastCommitted + kSamplesPerTransaction);
    EXPECT_EQ(s.sampleCount % kSamplesPerTransaction, 0);
    EXPECT_EQ(s.sampleCount, s.chunkCount * 10);
    EXPECT_EQ(s.messageCount, s.chunkCount);
    EXPECT_EQ(s.seqGaps, 0);
    EXPECT_EQ(s.seqOutOfOrder, 0);
    EXPECT_EQ(rec->sampleCount, s.sampleCount);

    auto data = (*project)->recordings().readStream(s.id);
    EW_ASSERT_OK(data);
    ASSERT_EQ(static_cast<int64_t>(data->timestampsUs.size()), s.sampleCount);
    ASSERT_EQ(data->values.size(), data->timestampsUs.size() * 6);
    for (size_t k = 0; k < data->timestampsUs.size(); ++k) {
      ASSERT_EQ(data->timestampsUs[k], static_cast<int64_t>(k) * 10'000);
      for (int ch = 0; ch < 6; ++ch) {
        ASSERT_EQ(data->values[k * 6 + ch], static_cast<float>(k) + ch / 8.0f);
      }
    }
    if (out.lastCommitted > 0) ++trialsThatCommitted;
  }
  // The delays must actually have caught the writer mid-recording, or the test proves little.
  EXPECT_GE(trialsThatCommitted, kTrials / 2);
  auto project = Project::open(file, OpenMode::OpenExisting);
  EW_ASSERT_OK(project);
  auto all = (*project)->recordings().list();
  EW_ASSERT_OK(all);
  EXPECT_EQ(all->size(), recordingIds.size());
  std::printf("crash test: %d trials, %d with commits, file %lld bytes\n", kTrials,
              trialsThatCommitted, static_cast<long long>(std::filesystem::file_size(file)));
}

}  // namespace
}  // namespace edgewise::store::test
