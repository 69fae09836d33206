#include <gtest/gtest.h>

#include "core/capture/broker_settings.h"
#include "core/capture/live_buffer.h"
#include "core/capture/topic_filter.h"

using namespace edgewise;
using namespace edgewise::capture;

TEST(BrokerSettings, FromUrlCases) {
  auto a = BrokerSettings::fromUrl("tcp://127.0.0.1:1884");
  ASSERT_TRUE(a.ok()) << a.error().toString();
  EXPECT_EQ(a->host, "127.0.0.1");
  EXPECT_EQ(a->port, 1884);
  EXPECT_FALSE(a->tls);
  EXPECT_EQ(a->serverUri(), "tcp://127.0.0.1:1884");

  auto b = BrokerSettings::fromUrl("mqtt://broker.local");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->host, "broker.local");
  EXPECT_EQ(b->port, 1883);
  EXPECT_EQ(b->serverUri(), "tcp://broker.local:1883");

  auto c = BrokerSettings::fromUrl("mqtts://broker.example.com");
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c->tls);
  EXPECT_EQ(c->port, 8883);
  EXPECT_EQ(c->serverUri(), "ssl://broker.example.com:8883");

  auto d = BrokerSettings::fromUrl("ssl://user:secret@10.0.0.2:9000/");
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(d->tls);
  EXPECT_EQ(d->username, "user");
  EXPECT_EQ(d->password, "secret");
  EXPECT_EQ(d->host, "10.0.0.2");
  EXPECT_EQ(d->port, 9000);

  auto e = BrokerSettings::fromUrl("tcp://[::1]:1999");
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->host, "::1");
  EXPECT_EQ(e->port, 1999);
  EXPECT_EQ(e->serverUri(), "tcp://[::1]:1999");

  auto f = BrokerSettings::fromUrl("localhost:1885");  // no scheme: plain TCP
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->host, "localhost");
  EXPECT_EQ(f->port, 1885);
  EXPECT_FALSE(f->tls);

  auto bad1 = BrokerSettings::fromUrl("http://x:1883");
  ASSERT_FALSE(bad1.ok());
  EXPECT_NE(bad1.error().message.find("unsupported scheme"), std::string::npos);
  auto bad2 = BrokerSettings::fromUrl("tcp://x:70000");
  ASSERT_FALSE(bad2.ok());
  EXPECT_NE(bad2.error().message.find("invalid port"), std::string::npos);
  EXPECT_FALSE(BrokerSettings::fromUrl("tcp://x:abc").ok());
  EXPECT_FALSE(BrokerSettings::fromUrl("tcp://:1883").ok());
  EXPECT_FALSE(BrokerSettings::fromUrl("tcp://x:1883/path").ok());
}

TEST(TopicFilter, MatchingTable) {
  struct Case {
    const char* filter;
    const char* topic;
    bool match;
  };
  const Case cases[] = {
      {"a/b/c", "a/b/c", true},
      {"a/b/c", "a/b", false},
      {"a/b", "a/b/c", false},
      {"a/+/c", "a/x/c", true},
      {"a/+/c", "a/x/y/c", false},
      {"a/+", "a/", true},  // an empty level is a level
      {"+/+", "a/b", true},
      {"+", "a/b", false},
      {"a/#", "a", true},
      {"a/#", "a/b/c/d", true},
      {"a/#", "b/a", false},
      {"#", "anything/at/all", true},
      {"#", "$SYS/broker/load", false},
      {"+/broker/load", "$SYS/broker/load", false},
      {"$SYS/#", "$SYS/broker/load", true},
      {"edgewise/+/imu", "edgewise/imu-0007/imu", true},
      {"edgewise/+/imu", "edgewise/imu-0007/status", false},
      {"edgewise/+/+", "edgewise/imu-0007/status", true},
      {"/a", "/a", true},
      {"+/a", "/a", true},
      {"a", "A", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(topicMatchesFilter(c.filter, c.topic), c.match)
        << "filter " << c.filter << " topic " << c.topic;
  }
  EXPECT_TRUE(isValidTopicFilter("a/+/#"));
  EXPECT_TRUE(isValidTopicFilter("#"));
  EXPECT_FALSE(isValidTopicFilter("a/#/b"));
  EXPECT_FALSE(isValidTopicFilter("a/b#"));
  EXPECT_FALSE(isValidTopicFilter("a/x+/c"));
  EXPECT_FALSE(isValidTopicFilter(""));
}

namespace {
SampleBatch makeBatch(int64_t firstTs, int count, float base) {
  SampleBatch b;
  b.channelNames = {"x", "y"};
  for (int i = 0; i < count; ++i) {
    b.timestampsUs.push_back(firstTs + i);
    b.values.push_back(base + static_cast<float>(i));
    b.values.push_back(-(base + static_cast<float>(i)));
  }
  return b;
}
}  // namespace

TEST(LiveBuffer, WrapAroundAndCursor) {
  LiveBuffer buf({"dev", "t/dev/imu"}, {"x", "y"}, 5);
  EXPECT_EQ(buf.capacity(), 5u);
  buf.append(makeBatch(100, 3, 0));  // samples 0..2: ts 100..102, x 0..2
  auto s1 = buf.readSince(0);
  EXPECT_EQ(s1.cursor, 3u);
  EXPECT_EQ(s1.skipped, 0u);
  EXPECT_EQ(s1.timestampsUs, (std::vector<int64_t>{100, 101, 102}));
  EXPECT_EQ(s1.values, (std::vector<float>{0, -0.f, 1, -1, 2, -2}));

  // Nothing new: an empty slice, the same cursor.
  auto s2 = buf.readSince(s1.cursor);
  EXPECT_TRUE(s2.timestampsUs.empty());
  EXPECT_EQ(s2.cursor, 3u);

  buf.append(makeBatch(200, 4, 10));  // samples 3..6; the ring keeps 2..6
  EXPECT_EQ(buf.totalSamples(), 7u);
  auto s3 = buf.readSince(s1.cursor);  // wants 3..6, all still there
  EXPECT_EQ(s3.cursor, 7u);
  EXPECT_EQ(s3.skipped, 0u);
  EXPECT_EQ(s3.timestampsUs, (std::vector<int64_t>{200, 201, 202, 203}));
  EXPECT_EQ(s3.values, (std::vector<float>{10, -10, 11, -11, 12, -12, 13, -13}));

  auto s4 = buf.readSince(0);  // fell behind: 0 and 1 are gone
  EXPECT_EQ(s4.skipped, 2u);
  EXPECT_EQ(s4.cursor, 7u);
  EXPECT_EQ(s4.timestampsUs, (std::vector<int64_t>{102, 200, 201, 202, 203}));

  // A batch larger than the ring keeps only its last 5 samples.
  buf.append(makeBatch(300, 8, 100));  // samples 7..14
  auto s5 = buf.readSince(7);
  EXPECT_EQ(s5.skipped, 3u);
  EXPECT_EQ(s5.cursor, 15u);
  EXPECT_EQ(s5.timestampsUs, (std::vector<int64_t>{303, 304, 305, 306, 307}));
  EXPECT_FLOAT_EQ(s5.values.front(), 103.f);
  EXPECT_FLOAT_EQ(s5.values.back(), -107.f);

  // A batch of another layout is refused rather than scrambling rows.
  SampleBatch wrong;
  wrong.channelNames = {"only"};
  wrong.timestampsUs = {1};
  wrong.values = {1.f};
  buf.append(wrong);
  EXPECT_EQ(buf.totalSamples(), 15u);
}

TEST(LiveBuffer, KeepsLatestImage) {
  LiveBuffer buf({"cam", "t/cam/camera"}, {}, 10);
  uint64_t counter = 99;
  EXPECT_EQ(buf.latestImage(&counter), nullptr);
  EXPECT_EQ(counter, 0u);
  SampleBatch b;
  b.image = ImageFrame{4, 2, 3, "png", {1, 2, 3}};
  buf.append(b);
  b.image = ImageFrame{8, 6, 1, "jpeg", {9, 9}};
  buf.append(b);
  auto img = buf.latestImage(&counter);
  ASSERT_NE(img, nullptr);
  EXPECT_EQ(counter, 2u);
  EXPECT_EQ(img->width, 8);
  EXPECT_EQ(img->format, "jpeg");
  EXPECT_EQ(img->encoded, (std::vector<uint8_t>{9, 9}));
}
