// The decode thread's per-topic route cache (capture_session.cpp): one topic carrying several
// devices, a device changing its channel layout, and the payload preview made on read. Real
// broker (util::LocalBroker), real MQTT publisher.

#include <gtest/gtest.h>

#include <QThread>
#include <string>
#include <vector>

#include "core/capture/capture_session.h"
#include "core/util/local_broker.h"
#include "tests/capture/capture_test_util.h"

using namespace edgewise;
using namespace edgewise::capture;
using edgewise::capture::test::Publisher;
using edgewise::capture::test::waitUntil;

namespace {

// count samples; sample i, channel c has value base + i * 10 + c.
std::string payload(const std::string& device, const std::vector<std::string>& channels, int count,
                    int base) {
  std::string out = "{\"device\":\"" + device + "\",\"rate\":100,\"channels\":[";
  for (size_t c = 0; c < channels.size(); ++c) out += (c ? ",\"" : "\"") + channels[c] + "\"";
  out += "],\"samples\":[";
  for (int i = 0; i < count; ++i) {
    out += i ? ",[" : "[";
    for (size_t c = 0; c < channels.size(); ++c) {
      out += (c ? "," : "") + std::to_string(base + i * 10 + static_cast<int>(c));
    }
    out += "]";
  }
  return out + "]}";
}

std::vector<std::shared_ptr<LiveBuffer>> buffersOf(const CaptureSession& s,
                                                   const std::string& device) {
  std::vector<std::shared_ptr<LiveBuffer>> out;
  for (const auto& b : s.liveBuffers()) {
    if (b->key().deviceId == device && b->key().topic == "shared/hub/imu") out.push_back(b);
  }
  return out;
}

}  // namespace

TEST(CaptureSessionRoutes, DevicesSharingATopicAndALayoutChange) {
  util::LocalBroker broker;
  ASSERT_TRUE(broker.start().ok());
  CaptureSession s;
  auto parsed = BrokerSettings::fromUrl(broker.url());
  ASSERT_TRUE(parsed.ok());
  ASSERT_TRUE(s.subscribe({"shared/#", 1}).ok());
  ASSERT_TRUE(s.connectToBroker(*parsed).ok());
  ASSERT_TRUE(waitUntil([&] { return s.state() == ConnectionState::Connected; }, 5000));
  QThread::msleep(200);

  Publisher pub(broker.url(), "pub-routes");
  const std::vector<std::string> xyz = {"x", "y", "z"};
  // A and B alternate on one topic: each message switches the topic's cached stream.
  for (int m = 0; m < 4; ++m) {
    pub.publishAndWait("shared/hub/imu", payload("A", xyz, 5, 1000 * m));
    pub.publishAndWait("shared/hub/imu", payload("B", xyz, 5, 1000 * m + 500));
  }
  ASSERT_TRUE(waitUntil([&] { return s.counters().decoded >= 8; }, 5000));
  auto aBefore = buffersOf(s, "A");
  ASSERT_EQ(aBefore.size(), 1u);
  const std::shared_ptr<LiveBuffer> oldA = aBefore.front();
  EXPECT_EQ(oldA->totalSamples(), 20u);

  // A changes its layout: a new buffer replaces the old one, which keeps what it had.
  const std::string last = payload("A", {"p", "q"}, 5, 9000);
  pub.publishAndWait("shared/hub/imu", payload("A", {"p", "q"}, 5, 8000));
  pub.publishAndWait("shared/hub/imu", last);
  ASSERT_TRUE(waitUntil([&] { return s.counters().decoded >= 10; }, 5000));

  auto a = buffersOf(s, "A");
  auto b = buffersOf(s, "B");
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_NE(a.front(), oldA);
  EXPECT_EQ(oldA->totalSamples(), 20u);
  EXPECT_EQ(a.front()->channelNames(), (std::vector<std::string>{"p", "q"}));
  auto sa = a.front()->readSince(0);
  ASSERT_EQ(sa.values.size(), 20u);
  EXPECT_EQ(sa.values[0], 8000.f);
  EXPECT_EQ(sa.values[1], 8001.f);
  EXPECT_EQ(sa.values[19], 9041.f);
  auto sb = b.front()->readSince(0);
  EXPECT_EQ(b.front()->channelNames(), xyz);
  ASSERT_EQ(sb.values.size(), 60u);
  EXPECT_EQ(sb.values[0], 500.f);
  EXPECT_EQ(sb.values[59], 3542.f);  // message 3, sample 4, channel z
  auto so = oldA->readSince(0);
  ASSERT_EQ(so.values.size(), 60u);
  EXPECT_EQ(so.values[59], 3042.f);

  bool found = false;
  for (const auto& t : s.topicStats()) {
    if (t.topic != "shared/hub/imu") continue;
    found = true;
    EXPECT_EQ(t.messages, 10);
    EXPECT_EQ(t.samples, 50);
    EXPECT_EQ(t.deviceId, "A");
    EXPECT_EQ(t.decoderId, "json");
    EXPECT_EQ(t.lastPayloadPreview, last);  // printable and under 256 bytes: the payload itself
  }
  EXPECT_TRUE(found);
}
