#include <gtest/gtest.h>

#include <sqlite3.h>
#include <sys/resource.h>

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <algorithm>
#include <set>
#include <sstream>
#include <thread>

#include "capture_test_util.h"
#include "core/capture/capture_session.h"
#include "core/store/project.h"
#include "core/store/quarantine_repository.h"
#include "core/store/recording_repository.h"
#include "core/util/local_broker.h"
#include "core/util/net.h"

using namespace edgewise;
using namespace edgewise::capture;
using edgewise::capture::test::Publisher;
using edgewise::capture::test::waitUntil;

namespace {

// A sensor message in the Edgewise convention (docs/mqtt_conventions.md): values are chosen
// so that sample i, channel c of message seq is seq * 100 + i * 10 + c.
std::string imuJson(const std::string& device, int64_t seq, int samples, int channels, int64_t tsUs,
                    int64_t pubUs) {
  std::ostringstream o;
  o << "{\"device\":\"" << device << "\",\"seq\":" << seq << ",\"ts\":" << tsUs
    << ",\"pub\":" << pubUs << ",\"rate\":100,\"channels\":[";
  const char* names[] = {"ax", "ay", "az", "gx", "gy", "gz"};
  for (int c = 0; c < channels; ++c) o << (c ? "," : "") << '"' << names[c] << '"';
  o << "],\"samples\":[";
  for (int i = 0; i < samples; ++i) {
    o << (i ? "," : "") << '[';
    for (int c = 0; c < channels; ++c) o << (c ? "," : "") << (seq * 100 + i * 10 + c);
    o << ']';
  }
  o << "]}";
  return o.str();
}

const TopicStats* findTopic(const std::vector<TopicStats>& all, const std::string& topic) {
  for (const auto& t : all) {
    if (t.topic == topic) return &t;
  }
  return nullptr;
}

std::shared_ptr<LiveBuffer> findBuffer(const CaptureSession& s, const std::string& topic) {
  for (const auto& b : s.liveBuffers()) {
    if (b->key().topic == topic) return b;
  }
  return nullptr;
}

class CaptureSessionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto r = m_broker.start();
    ASSERT_TRUE(r.ok()) << r.error().toString();
    ASSERT_TRUE(m_dir.isValid());
    m_projectPath = m_dir.filePath(QStringLiteral("p.edgewise")).toStdString();
    auto p = store::Project::open(m_projectPath);
    ASSERT_TRUE(p.ok()) << p.error().toString();
  }

  void connect(CaptureSession& s, const std::string& filter, BrokerSettings settings = {}) {
    auto parsed = BrokerSettings::fromUrl(m_broker.url());
    ASSERT_TRUE(parsed.ok());
    settings.host = parsed->host;
    settings.port = parsed->port;
    ASSERT_TRUE(s.subscribe({filter, 1}).ok());
    ASSERT_TRUE(s.connectToBroker(settings).ok());
    ASSERT_TRUE(waitUntil([&] { return s.state() == ConnectionState::Connected; }, 5000))
        << toString(s.state());
    // The SUBACK travels after CONNACK; give it a moment so the first publish is not early.
    QThread::msleep(200);
  }

  util::LocalBroker m_broker;
  QTemporaryDir m_dir;
  std::string m_projectPath;
};

}  // namespace

TEST(CaptureSessionConnect, RefusedConnectionHasClearMessage) {
  const uint16_t port = util::findFreeTcpPort();
  ASSERT_NE(port, 0);
  CaptureSession s;
  QSignalSpy spy(&s, &CaptureSession::stateChanged);
  BrokerSettings settings;
  settings.port = port;
  ASSERT_TRUE(s.connectToBroker(settings).ok());
  ASSERT_TRUE(waitUntil([&] { return s.state() == ConnectionState::Failed; }, 10000))
      << toString(s.state());
  ASSERT_TRUE(waitUntil([&] { return spy.count() >= 2; }, 2000));
  const QString last = spy.last().at(1).toString();
  EXPECT_EQ(last.toStdString(),
            "cannot reach tcp://127.0.0.1:" + std::to_string(port) + ": connection refused");
  EXPECT_EQ(spy.last().at(0).value<ConnectionState>(), ConnectionState::Failed);
}

TEST_F(CaptureSessionTest, ReceivesJsonCsvAndRawWithExactValues) {
  CaptureSession s;
  QSignalSpy discovered(&s, &CaptureSession::topicDiscovered);
  DecoderOptions raw;
  raw.channelCount = 2;
  raw.channelNames = {"left", "right"};
  s.setDecoderOverride("test/+/raw", "raw-f32", raw);
  connect(s, "test/#");

  Publisher pub(m_broker.url(), "pub-values");
  const int64_t t0 = 1763800000000000;
  for (int seq = 0; seq < 5; ++seq) {
    pub.publishAndWait("test/imu-1/imu", imuJson("imu-1", seq, 10, 6, t0 + seq * 100000, t0));
  }
  pub.publishAndWait("test/csv-1/csv", "1.5,2.5,-3.25");
  pub.publishAndWait("test/csv-1/csv", "4,5,6");
  const float rawValues[] = {0.5f, -1.0f, 2.25f, 8.0f};
  pub.publishAndWait("test/raw-1/raw",
                     std::string(reinterpret_cast<const char*>(rawValues), sizeof(rawValues)));

  ASSERT_TRUE(
      waitUntil([&] { return s.counters().decoded + s.counters().decodeErrors >= 8; }, 5000));
  const auto c = s.counters();
  EXPECT_EQ(c.received, 8);
  EXPECT_EQ(c.decoded, 8);
  EXPECT_EQ(c.decodeErrors, 0);
  EXPECT_EQ(c.samples, 5 * 10 + 2 + 2);

  auto imu = findBuffer(s, "test/imu-1/imu");
  ASSERT_NE(imu, nullptr);
  EXPECT_EQ(imu->key().deviceId, "imu-1");
  EXPECT_EQ(imu->channelNames(), (std::vector<std::string>{"ax", "ay", "az", "gx", "gy", "gz"}));
  auto slice = imu->readSince(0);
  ASSERT_EQ(slice.timestampsUs.size(), 50u);
  ASSERT_EQ(slice.values.size(), 300u);
  // message 3, sample 4: ts = t0 + 3 * 100 ms + 4 * 10 ms; channel 5 = 3*100 + 4*10 + 5
  EXPECT_EQ(slice.timestampsUs[34], t0 + 300000 + 40000);
  EXPECT_FLOAT_EQ(slice.values[34 * 6 + 5], 345.f);
  EXPECT_FLOAT_EQ(slice.values[49 * 6 + 0], 490.f);

  auto csv = findBuffer(s, "test/csv-1/csv");
  ASSERT_NE(csv, nullptr);
  EXPECT_EQ(csv->key().deviceId, "csv-1");  // topic level 2
  auto cs = csv->readSince(0);
  EXPECT_EQ(cs.values, (std::vector<float>{1.5f, 2.5f, -3.25f, 4.f, 5.f, 6.f}));

  auto rawBuf = findBuffer(s, "test/raw-1/raw");
  ASSERT_NE(rawBuf, nullptr);
  EXPECT_EQ(rawBuf->channelNames(), (std::vector<std::string>{"left", "right"}));
  EXPECT_EQ(rawBuf->readSince(0).values, (std::vector<float>{0.5f, -1.0f, 2.25f, 8.0f}));

  const auto stats = s.topicStats();
  ASSERT_EQ(stats.size(), 3u);
  const TopicStats* ti = findTopic(stats, "test/imu-1/imu");
  ASSERT_NE(ti, nullptr);
  EXPECT_EQ(ti->messages, 5);
  EXPECT_EQ(ti->samples, 50);
  EXPECT_EQ(ti->decoderId, "json");
  EXPECT_EQ(ti->deviceId, "imu-1");
  EXPECT_GT(ti->messagesPerSecond, 0.0);
  EXPECT_GT(ti->bytes, 5 * 100);
  EXPECT_EQ(ti->lastPayloadPreview.substr(0, 20), imuJson("imu-1", 4, 10, 6, 0, 0).substr(0, 20));
  const TopicStats* tc = findTopic(stats, "test/csv-1/csv");
  ASSERT_NE(tc, nullptr);
  EXPECT_EQ(tc->decoderId, "csv");
  EXPECT_EQ(tc->messages, 2);
  EXPECT_EQ(tc->lastPayloadPreview, "4,5,6");
  const TopicStats* tr = findTopic(stats, "test/raw-1/raw");
  ASSERT_NE(tr, nullptr);
  EXPECT_EQ(tr->decoderId, "raw-f32");
  EXPECT_EQ(tr->bytes, 16);
  EXPECT_EQ(tr->lastPayloadPreview.substr(0, 11), "00 00 00 3f");  // 0.5f little-endian

  ASSERT_TRUE(waitUntil([&] { return discovered.count() == 3; }, 2000));
}

TEST_F(CaptureSessionTest, MalformedPayloadsAreCountedAndQuarantined) {
  CaptureSession s;
  s.setQuarantineProject(m_projectPath);
  connect(s, "bad/#");
  Publisher pub(m_broker.url(), "pub-bad");
  const int64_t t0 = 1763800000000000;
  // The first payload makes json the topic's decoder; later broken ones are errors for it.
  pub.publishAndWait("bad/dev-1/imu", imuJson("dev-1", 0, 2, 3, t0, t0));
  pub.publishAndWait("bad/dev-1/imu", "{\"seq\":1,\"samples\":[[1,2");
  pub.publishAndWait("bad/dev-1/imu", "not json at all");
  pub.publishAndWait("bad/dev-1/imu", imuJson("dev-1", 3, 2, 3, t0, t0));
  // Wait for all four to be handled: the quarantine count can reach 2 before the last (valid)
  // payload is decoded (seen on a loaded CI machine).
  ASSERT_TRUE(waitUntil(
      [&] {
        const auto c = s.counters();
        return c.quarantined >= 2 && c.decoded + c.decodeErrors >= 4;
      },
      10000))
      << s.counters().quarantined << " quarantined, " << s.counters().decoded << " decoded";

  const auto c = s.counters();
  EXPECT_EQ(c.received, 4);
  EXPECT_EQ(c.decoded, 2);
  EXPECT_EQ(c.decodeErrors, 2);
  EXPECT_EQ(c.quarantined, 2);
  const TopicStats* t = findTopic(s.topicStats(), "bad/dev-1/imu");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->messages, 4);
  EXPECT_EQ(t->decodeErrors, 2);
  EXPECT_EQ(t->samples, 4);
  EXPECT_FALSE(t->lastError.empty());

  auto p = store::Project::open(m_projectPath);
  ASSERT_TRUE(p.ok());
  auto count = (*p)->quarantine().count();
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, 2);
  auto list = (*p)->quarantine().list();
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  std::set<std::string> payloads;
  for (const auto& m : *list) {
    EXPECT_EQ(m.topic, "bad/dev-1/imu");
    EXPECT_EQ(m.decoderId, "json");
    EXPECT_FALSE(m.error.empty());
    payloads.insert(std::string(m.payload.begin(), m.payload.end()));
    EXPECT_EQ(m.payloadSize, static_cast<int64_t>(m.payload.size()));
  }
  EXPECT_EQ(payloads, (std::set<std::string>{"{\"seq\":1,\"samples\":[[1,2", "not json at all"}));

  // Still working after the errors.
  pub.publishAndWait("bad/dev-1/imu", imuJson("dev-1", 4, 2, 3, t0, t0));
  ASSERT_TRUE(waitUntil([&] { return s.counters().decoded == 3; }, 5000));
  EXPECT_EQ(findBuffer(s, "bad/dev-1/imu")->totalSamples(), 6u);
}

TEST_F(CaptureSessionTest, PresenceIsTrackedNotRecorded) {
  CaptureSession s;
  connect(s, "edgewise/#");
  ASSERT_TRUE(s.startRecording({m_projectPath, "presence", {}, 50}).ok());
  Publisher pub(m_broker.url(), "pub-presence");
  pub.publishAndWait("edgewise/imu-0007/status",
                     "{\"device\":\"imu-0007\",\"state\":\"online\",\"rate_hz\":100}", 1, true);
  pub.publishAndWait("edgewise/imu-0008/status", "{\"device\":\"imu-0008\",\"state\":\"offline\"}");
  ASSERT_TRUE(waitUntil([&] { return s.devicePresence().size() == 2; }, 5000));
  const auto presence = s.devicePresence();
  EXPECT_TRUE(presence.at("imu-0007"));
  EXPECT_FALSE(presence.at("imu-0008"));
  const TopicStats* t = findTopic(s.topicStats(), "edgewise/imu-0007/status");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->messages, 1);
  EXPECT_EQ(t->deviceId, "imu-0007");
  auto summary = s.stopRecording();
  ASSERT_TRUE(summary.ok()) << summary.error().toString();
  EXPECT_EQ(summary->messageCount, 0);
  EXPECT_EQ(summary->streamCount, 0);
  EXPECT_EQ(s.counters().decodeErrors, 0);
}

TEST_F(CaptureSessionTest, RecordingDropsQos1RedeliveriesButKeepsARestartedDevice) {
  CaptureSession s;
  connect(s, "dup/#");
  RecordingOptions opts;
  opts.projectPath = m_projectPath;
  opts.flushIntervalMs = 50;
  auto id = s.startRecording(opts);
  ASSERT_TRUE(id.ok()) << id.error().toString();

  Publisher pub(m_broker.url(), "pub-dup");
  const int64_t t0 = 1763800000000000;
  const int64_t now = util::wallClockUs();
  // seq 0..4, then 3 and 4 again with identical content (a QoS 1 redelivery), then the
  // device restarts its counter: seq 0 and 1 with new timestamps are new data.
  for (int64_t seq = 0; seq < 5; ++seq) {
    pub.publishAndWait("dup/imu-9/imu", imuJson("imu-9", seq, 2, 3, t0 + seq * 20000, now));
  }
  for (int64_t seq = 3; seq < 5; ++seq) {
    pub.publishAndWait("dup/imu-9/imu", imuJson("imu-9", seq, 2, 3, t0 + seq * 20000, now));
  }
  const int64_t t1 = t0 + 10'000'000;
  for (int64_t seq = 0; seq < 2; ++seq) {
    pub.publishAndWait("dup/imu-9/imu", imuJson("imu-9", seq, 2, 3, t1 + seq * 20000, now));
  }
  ASSERT_TRUE(waitUntil([&] { return s.counters().decoded == 9; }, 5000));
  ASSERT_TRUE(waitUntil([&] { return s.recorderStats().messagesStored == 7; }, 5000))
      << s.recorderStats().messagesStored;
  EXPECT_EQ(s.recorderStats().duplicatesDropped, 2);
  auto summary = s.stopRecording();
  ASSERT_TRUE(summary.ok()) << summary.error().toString();
  EXPECT_EQ(summary->messageCount, 7);
  EXPECT_EQ(summary->sampleCount, 14);
  auto p = store::Project::open(m_projectPath);
  ASSERT_TRUE(p.ok());
  auto streams = (*p)->recordings().streams(*id);
  ASSERT_TRUE(streams.ok());
  ASSERT_EQ(streams->size(), 1u);
  // The restart (4 -> 0) is the only out-of-order step left in the stored sequence.
  EXPECT_EQ(streams->front().seqOutOfOrder, 1);
  EXPECT_EQ(streams->front().seqMissing, 0);
}

TEST_F(CaptureSessionTest, RecordingHasExactSamplesAndCountsTheGap) {
  CaptureSession s;
  QSignalSpy recSpy(&s, &CaptureSession::recordingStateChanged);
  connect(s, "rec/#");
  RecordingOptions opts;
  opts.projectPath = m_projectPath;
  opts.name = "exact";
  opts.topicFilters = {"rec/+/imu"};
  opts.flushIntervalMs = 50;
  auto id = s.startRecording(opts);
  ASSERT_TRUE(id.ok()) << id.error().toString();
  EXPECT_TRUE(s.isRecording());

  Publisher pub(m_broker.url(), "pub-rec");
  const int64_t t0 = 1763800000000000;
  std::vector<int64_t> seqs;
  for (int64_t seq = 0; seq < 20; ++seq) {
    if (seq == 7 || seq == 8) continue;  // the deliberate gap: 2 lost messages
    seqs.push_back(seq);
    const int64_t now = util::wallClockUs();
    pub.publishAndWait("rec/imu-2/imu", imuJson("imu-2", seq, 4, 3, t0 + seq * 40000, now));
  }
  pub.publishAndWait("rec/imu-2/other", "1,2,3");  // not in the recording's filters
  ASSERT_TRUE(waitUntil([&] { return s.counters().decoded == 19; }, 5000));
  ASSERT_TRUE(waitUntil([&] { return s.recorderStats().messagesStored == 18; }, 5000));
  EXPECT_GE(s.recorderStats().commits, 1);
  EXPECT_GT(s.recorderStats().p99StoreLatencyMs, 0.0);

  auto summary = s.stopRecording();
  ASSERT_TRUE(summary.ok()) << summary.error().toString();
  EXPECT_FALSE(s.isRecording());
  EXPECT_EQ(summary->id, *id);
  EXPECT_EQ(summary->name, "exact");
  EXPECT_EQ(summary->status, store::RecordingStatus::Complete);
  EXPECT_EQ(summary->messageCount, 18);
  EXPECT_EQ(summary->sampleCount, 18 * 4);
  EXPECT_EQ(summary->streamCount, 1);
  EXPECT_EQ(summary->startUs, t0);
  EXPECT_EQ(summary->endUs, t0 + 19 * 40000 + 3 * 10000);

  auto p = store::Project::open(m_projectPath);
  ASSERT_TRUE(p.ok());
  auto streams = (*p)->recordings().streams(*id);
  ASSERT_TRUE(streams.ok());
  ASSERT_EQ(streams->size(), 1u);
  const auto& st = streams->front();
  EXPECT_EQ(st.spec.deviceId, "imu-2");
  EXPECT_EQ(st.spec.topic, "rec/imu-2/imu");
  EXPECT_EQ(st.spec.decoderId, "json");
  EXPECT_EQ(st.spec.channelNames, (std::vector<std::string>{"ax", "ay", "az"}));
  EXPECT_DOUBLE_EQ(st.spec.sampleRateHz, 100.0);
  EXPECT_EQ(st.messageCount, 18);
  EXPECT_EQ(st.firstSeq, 0);
  EXPECT_EQ(st.lastSeq, 19);
  EXPECT_EQ(st.seqGaps, 1);
  EXPECT_EQ(st.seqMissing, 2);
  EXPECT_EQ(st.seqOutOfOrder, 0);

  auto data = (*p)->recordings().readStream(st.id);
  ASSERT_TRUE(data.ok()) << data.error().toString();
  ASSERT_EQ(data->timestampsUs.size(), 72u);
  ASSERT_EQ(data->values.size(), 216u);
  EXPECT_EQ(data->sequences, seqs);
  for (size_t m = 0; m < seqs.size(); ++m) {
    for (int i = 0; i < 4; ++i) {
      const size_t row = m * 4 + static_cast<size_t>(i);
      EXPECT_EQ(data->timestampsUs[row], t0 + seqs[m] * 40000 + i * 10000);
      for (int c = 0; c < 3; ++c) {
        ASSERT_FLOAT_EQ(data->values[row * 3 + static_cast<size_t>(c)],
                        static_cast<float>(seqs[m] * 100 + i * 10 + c));
      }
    }
  }
  ASSERT_TRUE(waitUntil([&] { return recSpy.count() == 2; }, 2000));
  EXPECT_TRUE(recSpy.at(0).at(0).toBool());
  EXPECT_FALSE(recSpy.at(1).at(0).toBool());
}

TEST(CaptureSessionRestart, BrokerRestartMidRecordingLosesNothing) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const std::string projectPath = dir.filePath(QStringLiteral("p.edgewise")).toStdString();
  util::LocalBroker broker;
  util::LocalBroker::Options bopts;
  bopts.persistence = true;
  bopts.dataDir = dir.filePath(QStringLiteral("broker"));
  ASSERT_TRUE(broker.start(bopts).ok());

  CaptureSession s;
  BrokerSettings settings;
  settings.port = broker.port();
  settings.clientId = "edgewise-restart-test";
  settings.cleanSession = false;
  settings.keepAliveSeconds = 5;
  ASSERT_TRUE(s.subscribe({"fleet/+/imu", 1}).ok());
  ASSERT_TRUE(s.connectToBroker(settings).ok());
  ASSERT_TRUE(waitUntil([&] { return s.state() == ConnectionState::Connected; }, 5000));
  QThread::msleep(200);
  RecordingOptions ropts;
  ropts.projectPath = projectPath;
  ropts.name = "restart";
  ropts.topicFilters = {"fleet/imu-9/imu"};  // not the probe below
  auto id = s.startRecording(ropts);
  ASSERT_TRUE(id.ok()) << id.error().toString();

  constexpr int kMessages = 600;
  std::atomic<bool> published{false};
  std::atomic<int> sent{0};
  std::thread publisher([&] {
    Publisher pub(broker.url(), "pub-restart", /*buffered=*/true);
    std::vector<mqtt::delivery_token_ptr> tokens;
    for (int seq = 0; seq < kMessages; ++seq) {
      const int64_t now = util::wallClockUs();
      tokens.push_back(pub.publish("fleet/imu-9/imu", imuJson("imu-9", seq, 10, 6, now, now)));
      ++sent;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    for (auto& t : tokens) t->wait_for(std::chrono::seconds(30));
    published = true;
  });
  // An early ASSERT return must not destroy a joinable thread (std::terminate).
  struct Joiner {
    std::thread& t;
    ~Joiner() {
      if (t.joinable()) t.join();
    }
  } joiner{publisher};

  ASSERT_TRUE(waitUntil([&] { return sent >= 150; }, 10000));
  const int64_t reconnectsBefore = s.counters().reconnects;
  const int64_t receivedBefore = s.counters().received;
  // Graceful stop (the broker saves the persistent session), 0.5 s down, same port.
  ASSERT_TRUE(broker.restart(500).ok());
  const int64_t backUs = util::monotonicUs();
  ASSERT_TRUE(waitUntil([&] { return s.state() == ConnectionState::Connected; }, 2000))
      << "state " << toString(s.state()) << " after " << (util::monotonicUs() - backUs) / 1000
      << " ms";
  const double reconnectMs = static_cast<double>(util::monotonicUs() - backUs) / 1000.0;
  EXPECT_EQ(s.counters().reconnects, reconnectsBefore + 1);
  // Connected is only reported after the SUBACK of the resubscription; a message from a new
  // publisher (which needs its own connect) proves the subscription works.
  {
    Publisher probe(broker.url(), "pub-probe");
    probe.publishAndWait("fleet/probe/imu", imuJson("probe", 0, 1, 6, 1, 1));
  }
  ASSERT_TRUE(waitUntil(
      [&] {
        const auto stats = s.topicStats();
        return std::any_of(stats.begin(), stats.end(),
                           [](const TopicStats& t) { return t.topic == "fleet/probe/imu"; });
      },
      5000));
  EXPECT_GT(s.counters().received, receivedBefore);
  std::printf("[ restart  ] connected and resubscribed %.0f ms after the broker came back\n",
              reconnectMs);

  publisher.join();
  ASSERT_TRUE(published);
  ASSERT_TRUE(waitUntil([&] { return s.recorderStats().messagesStored >= kMessages; }, 20000))
      << s.recorderStats().messagesStored;
  auto summary = s.stopRecording();
  ASSERT_TRUE(summary.ok()) << summary.error().toString();

  auto p = store::Project::open(projectPath);
  ASSERT_TRUE(p.ok());
  auto streams = (*p)->recordings().streams(*id);
  ASSERT_TRUE(streams.ok());
  ASSERT_EQ(streams->size(), 1u);
  const auto& st = streams->front();
  EXPECT_EQ(st.messageCount, kMessages);
  EXPECT_EQ(st.seqMissing, 0);
  EXPECT_EQ(st.firstSeq, 0);
  EXPECT_EQ(st.lastSeq, kMessages - 1);
  EXPECT_EQ(st.sampleCount, kMessages * 10);
  auto data = (*p)->recordings().readStream(st.id);
  ASSERT_TRUE(data.ok());
  std::set<int64_t> seen(data->sequences.begin(), data->sequences.end());
  EXPECT_EQ(seen.size(), static_cast<size_t>(kMessages));
  EXPECT_EQ(*seen.begin(), 0);
  EXPECT_EQ(*seen.rbegin(), kMessages - 1);
}

// Not a timed test (ARCHITECTURE.md section 9): it prints the CPU cost of 10,000 messages/s
// (JSON, 10 samples x 6 channels) received, decoded, buffered and recorded, and asserts
// only that nothing was lost.
TEST_F(CaptureSessionTest, ThroughputTenThousandMessagesPerSecond) {
  // Built next to this test (tests/capture/CMakeLists.txt).
  QString exe = qEnvironmentVariable("EDGEWISE_FLOOD_PUBLISHER");
  if (exe.isEmpty()) {
    exe = QCoreApplication::applicationDirPath() + QStringLiteral("/capture_flood_publisher");
  }
  ASSERT_TRUE(QFileInfo(exe).isExecutable()) << exe.toStdString();
  constexpr int kMessages = 30000;
  constexpr int kRate = 10000;
  CaptureSession s;
  connect(s, "flood/#");
  RecordingOptions opts;
  opts.projectPath = m_projectPath;
  opts.name = "flood";
  auto id = s.startRecording(opts);
  ASSERT_TRUE(id.ok()) << id.error().toString();

  rusage before{};
  getrusage(RUSAGE_SELF, &before);
  const int64_t startUs = util::monotonicUs();
  QProcess pub;
  pub.setProcessChannelMode(QProcess::ForwardedChannels);
  pub.start(exe, {QString::fromStdString(m_broker.url()), QStringLiteral("flood/flood-1/imu"),
                  QString::number(kMessages), QString::number(kRate), QStringLiteral("0")});
  ASSERT_TRUE(pub.waitForStarted(5000));
  ASSERT_TRUE(pub.waitForFinished(60000));
  EXPECT_EQ(pub.exitCode(), 0);
  ASSERT_TRUE(waitUntil([&] { return s.recorderStats().messagesStored >= kMessages; }, 30000))
      << "stored " << s.recorderStats().messagesStored << " received " << s.counters().received;
  const int64_t endUs = util::monotonicUs();
  rusage after{};
  getrusage(RUSAGE_SELF, &after);
  auto cpuUs = [](const rusage& r) {
    return (r.ru_utime.tv_sec + r.ru_stime.tv_sec) * 1000000LL + r.ru_utime.tv_usec +
           r.ru_stime.tv_usec;
  };
  const double cpu = static_cast<double>(cpuUs(after) - cpuUs(before));
  const double wall = static_cast<double>(endUs - startUs);
  const auto rs = s.recorderStats();
  std::printf(
      "[ capture  ] %d msgs at %d/s: %.1f%% of one core (%.2f s CPU over %.2f s), %lld commits,"
      " store latency p99 %.1f ms\n",
      kMessages, kRate, 100.0 * cpu / wall, cpu / 1e6, wall / 1e6,
      static_cast<long long>(rs.commits), rs.p99StoreLatencyMs);
  auto summary = s.stopRecording();
  ASSERT_TRUE(summary.ok()) << summary.error().toString();
  EXPECT_EQ(summary->messageCount, kMessages);
  EXPECT_EQ(summary->sampleCount, kMessages * 10);
  EXPECT_EQ(s.counters().decodeErrors, 0);
  // One transaction per ~100 ms, never one per message.
  EXPECT_LT(rs.commits, kMessages / 50);
}

// A write that fails (here: another connection holds the write lock longer than the store's
// busy timeout) is reported and retried; nothing queued is dropped.
TEST_F(CaptureSessionTest, RecorderWriteErrorIsReportedAndRetried) {
  CaptureSession s;
  QSignalSpy errors(&s, &CaptureSession::errorOccurred);
  connect(s, "lock/#");
  auto id = s.startRecording({m_projectPath, "locked", {}, 50});
  ASSERT_TRUE(id.ok()) << id.error().toString();

  // A plain SQLite connection, as another program would hold it.
  sqlite3* blocker = nullptr;
  ASSERT_EQ(sqlite3_open(m_projectPath.c_str(), &blocker), SQLITE_OK);
  std::unique_ptr<sqlite3, int (*)(sqlite3*)> closer(blocker, sqlite3_close);
  ASSERT_EQ(sqlite3_exec(blocker, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  Publisher pub(m_broker.url(), "pub-lock");
  const int64_t t0 = 1763800000000000;
  for (int seq = 0; seq < 10; ++seq) {
    pub.publishAndWait("lock/dev-3/imu", imuJson("dev-3", seq, 2, 2, t0 + seq * 20000, t0));
  }
  ASSERT_TRUE(waitUntil([&] { return !s.recorderStats().lastError.empty(); }, 15000));
  const auto during = s.recorderStats();
  EXPECT_EQ(during.messagesStored, 0);
  EXPECT_EQ(during.pending, 10);
  EXPECT_NE(during.lastError.find("locked"), std::string::npos) << during.lastError;
  ASSERT_TRUE(waitUntil([&] { return errors.count() >= 1; }, 2000));
  EXPECT_TRUE(errors.first().at(0).toString().startsWith(QStringLiteral("recording: ")));

  ASSERT_EQ(sqlite3_exec(blocker, "ROLLBACK", nullptr, nullptr, nullptr), SQLITE_OK);
  ASSERT_TRUE(waitUntil([&] { return s.recorderStats().messagesStored == 10; }, 15000));
  EXPECT_EQ(s.recorderStats().pending, 0);
  auto summary = s.stopRecording();
  ASSERT_TRUE(summary.ok()) << summary.error().toString();
  EXPECT_EQ(summary->messageCount, 10);
  EXPECT_EQ(summary->sampleCount, 20);
  EXPECT_EQ(summary->status, store::RecordingStatus::Complete);
}

namespace {

// Runs openssl with the given arguments in dir; returns its error output when it fails.
std::string openssl(const QString& dir, const QStringList& args) {
  QProcess p;
  p.setWorkingDirectory(dir);
  p.setProcessChannelMode(QProcess::MergedChannels);
  p.start(QStringLiteral("openssl"), args);
  if (!p.waitForFinished(30000) || p.exitCode() != 0) {
    return "openssl " + args.join(QLatin1Char(' ')).toStdString() + ": " +
           QString::fromUtf8(p.readAll()).toStdString();
  }
  return {};
}

}  // namespace

// TLS with a CA file: a CA, a server certificate for 127.0.0.1 signed by it, a mosquitto TLS
// listener; the session verifies the broker against the CA and receives over the TLS link.
TEST(CaptureSessionTls, ConnectsWithCaFileAndReceives) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString d = dir.path();
  auto run = [&](const QString& args) { return openssl(d, args.split(QLatin1Char(' '))); };
  ASSERT_EQ(run(QStringLiteral("req -x509 -newkey rsa:2048 -nodes -days 2 -keyout ca.key "
                               "-out ca.crt -subj /CN=edgewise-test-ca")),
            "");
  ASSERT_EQ(run(QStringLiteral("req -newkey rsa:2048 -nodes -keyout server.key -out server.csr "
                               "-subj /CN=127.0.0.1")),
            "");
  QFile ext(d + QStringLiteral("/san.ext"));
  ASSERT_TRUE(ext.open(QIODevice::WriteOnly));
  ext.write("subjectAltName=IP:127.0.0.1\n");
  ext.close();
  ASSERT_EQ(run(QStringLiteral("x509 -req -in server.csr -CA ca.crt -CAkey ca.key "
                               "-CAcreateserial -out server.crt -days 2 -extfile san.ext")),
            "");

  // Run as root, mosquitto drops to its own user before reading the certificate files.
  const auto readable = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                        QFileDevice::ReadOther;
  ASSERT_TRUE(QFile::setPermissions(
      d, readable | QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther));
  for (const char* f : {"/ca.crt", "/server.crt", "/server.key"}) {
    ASSERT_TRUE(QFile::setPermissions(d + QLatin1String(f), readable));
  }
  const uint16_t tlsPort = util::findFreeTcpPort();
  ASSERT_NE(tlsPort, 0);
  util::LocalBroker broker;
  util::LocalBroker::Options bopts;
  bopts.extraConfig = QStringLiteral(
                          "listener %1 127.0.0.1\ncafile %2/ca.crt\n"
                          "certfile %2/server.crt\nkeyfile %2/server.key\n")
                          .arg(tlsPort)
                          .arg(d);
  auto started = broker.start(bopts);
  ASSERT_TRUE(started.ok()) << started.error().toString();
  ASSERT_TRUE(util::waitForTcpPort(tlsPort, 5000));

  auto settings = BrokerSettings::fromUrl("mqtts://127.0.0.1:" + std::to_string(tlsPort));
  ASSERT_TRUE(settings.ok());
  settings->caFile = QString(d + QStringLiteral("/ca.crt")).toStdString();
  CaptureSession s;
  QSignalSpy states(&s, &CaptureSession::stateChanged);
  QSignalSpy errors(&s, &CaptureSession::errorOccurred);
  ASSERT_TRUE(s.subscribe({"tls/#", 1}).ok());
  ASSERT_TRUE(s.connectToBroker(*settings).ok());
  ASSERT_TRUE(waitUntil([&] { return s.state() == ConnectionState::Connected; }, 10000))
      << toString(s.state()) << ": "
      << (states.isEmpty() ? std::string() : states.last().at(1).toString().toStdString())
      << (errors.isEmpty() ? std::string() : " / " + errors.last().at(0).toString().toStdString());

  Publisher pub(broker.url(), "pub-tls");  // plain listener, same broker
  pub.publishAndWait("tls/dev-t/csv", "7,8");
  ASSERT_TRUE(waitUntil([&] { return s.counters().decoded == 1; }, 5000));
  auto buf = findBuffer(s, "tls/dev-t/csv");
  ASSERT_NE(buf, nullptr);
  EXPECT_EQ(buf->readSince(0).values, (std::vector<float>{7.f, 8.f}));

  // Without the CA the broker's certificate is not trusted: the connection fails.
  CaptureSession untrusted;
  auto noCa = *settings;
  noCa.caFile.clear();
  noCa.clientId = "edgewise-untrusted";
  QSignalSpy untrustedStates(&untrusted, &CaptureSession::stateChanged);
  ASSERT_TRUE(untrusted.connectToBroker(noCa).ok());
  ASSERT_TRUE(waitUntil([&] { return untrusted.state() == ConnectionState::Failed; }, 10000))
      << toString(untrusted.state());
  ASSERT_TRUE(waitUntil([&] { return untrustedStates.count() >= 2; }, 2000));
  EXPECT_TRUE(untrustedStates.last().at(1).toString().contains(QStringLiteral("TLS")))
      << untrustedStates.last().at(1).toString().toStdString();
}

namespace {
std::string pngBytes(int width, int height, QRgb color) {
  QImage image(width, height, QImage::Format_RGB32);
  image.fill(color);
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  image.save(&buffer, "PNG");
  return bytes.toStdString();
}
}  // namespace

TEST_F(CaptureSessionTest, ImagesReachTheLiveBufferAndAnImageStream) {
  CaptureSession s;
  connect(s, "cam/#");
  auto id = s.startRecording({m_projectPath, "images", {}, 50});
  ASSERT_TRUE(id.ok()) << id.error().toString();
  Publisher pub(m_broker.url(), "pub-cam");
  const std::string first = pngBytes(4, 3, qRgb(255, 0, 0));
  const std::string second = pngBytes(8, 6, qRgb(0, 0, 255));
  pub.publishAndWait("cam/cam-1/camera", first);
  pub.publishAndWait("cam/cam-1/camera", second);
  ASSERT_TRUE(waitUntil([&] { return s.recorderStats().messagesStored == 2; }, 5000))
      << s.counters().decodeErrors;

  auto buf = findBuffer(s, "cam/cam-1/camera");
  ASSERT_NE(buf, nullptr);
  uint64_t counter = 0;
  auto img = buf->latestImage(&counter);
  ASSERT_NE(img, nullptr);
  EXPECT_EQ(counter, 2u);
  EXPECT_EQ(img->width, 8);
  EXPECT_EQ(img->height, 6);
  EXPECT_EQ(img->format, "png");
  EXPECT_EQ(std::string(img->encoded.begin(), img->encoded.end()), second);

  auto summary = s.stopRecording();
  ASSERT_TRUE(summary.ok()) << summary.error().toString();
  auto p = store::Project::open(m_projectPath);
  ASSERT_TRUE(p.ok());
  auto streams = (*p)->recordings().streams(*id);
  ASSERT_TRUE(streams.ok());
  ASSERT_EQ(streams->size(), 1u);
  EXPECT_EQ(streams->front().spec.kind, store::StreamKind::Image);
  EXPECT_EQ(streams->front().spec.decoderId, "image");
  auto data = (*p)->recordings().readStream(streams->front().id);
  ASSERT_TRUE(data.ok()) << data.error().toString();
  ASSERT_EQ(data->images.size(), 2u);
  EXPECT_EQ(std::string(data->images[0].begin(), data->images[0].end()), first);
  EXPECT_EQ(std::string(data->images[1].begin(), data->images[1].end()), second);
  ASSERT_EQ(data->timestampsUs.size(), 2u);
}
