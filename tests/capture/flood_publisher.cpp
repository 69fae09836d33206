// A separate publisher process for the capture throughput measurement: the test process then
// only pays for receiving, decoding, buffering and recording, which is what it measures.
// Usage: capture_flood_publisher <url> <topic> <count> <rate-per-second> <qos>

#include <mqtt/async_client.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <thread>

namespace {

std::string payload(int64_t seq, int64_t nowUs) {
  std::ostringstream o;
  o << "{\"device\":\"flood-1\",\"seq\":" << seq << ",\"ts\":" << nowUs << ",\"pub\":" << nowUs
    << ",\"rate\":1000,\"channels\":[\"ax\",\"ay\",\"az\",\"gx\",\"gy\",\"gz\"],\"samples\":[";
  for (int i = 0; i < 10; ++i) {
    o << (i ? ",[" : "[");
    for (int c = 0; c < 6; ++c)
      o << (c ? "," : "") << (0.001 * static_cast<double>((seq + i * 7 + c * 13) % 1000));
    o << ']';
  }
  o << "]}";
  return o.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 6) {
    std::fprintf(stderr, "usage: %s <url> <topic> <count> <rate> <qos>\n", argv[0]);
    return 2;
  }
  const std::string url = argv[1];
  const std::string topic = argv[2];
  const long count = std::atol(argv[3]);
  const double rate = std::atof(argv[4]);
  const int qos = std::atoi(argv[5]);
  try {
    mqtt::create_options create(MQTTVERSION_3_1_1, 200000);
    mqtt::async_client client(url, "flood-publisher", create, nullptr);
    mqtt::connect_options opts;
    opts.set_clean_session(true);
    client.connect(opts)->wait();
    const auto start = std::chrono::steady_clock::now();
    mqtt::delivery_token_ptr last;
    for (long seq = 0; seq < count; ++seq) {
      const auto due = start + std::chrono::microseconds(static_cast<int64_t>(seq * 1e6 / rate));
      std::this_thread::sleep_until(due);
      const int64_t now = std::chrono::duration_cast<std::chrono::microseconds>(
                              std::chrono::system_clock::now().time_since_epoch())
                              .count();
      const std::string p = payload(seq, now);
      last = client.publish(topic, p.data(), p.size(), qos, false);
    }
    if (last) last->wait_for(std::chrono::seconds(30));
    client.disconnect()->wait_for(std::chrono::seconds(5));
  } catch (const mqtt::exception& e) {
    std::fprintf(stderr, "flood publisher: %s\n", e.what());
    return 1;
  }
  return 0;
}
