#pragma once
// Helpers shared by the capture tests: waiting with an event loop and a real Paho publisher.

#include <mqtt/async_client.h>
#include <QCoreApplication>
#include <QThread>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>

#include "core/util/clock.h"

namespace edgewise::capture::test {

// Polls cond (processing queued signals meanwhile) until true or timeoutMs passed.
inline bool waitUntil(const std::function<bool()>& cond, int timeoutMs) {
  const int64_t end = util::monotonicUs() + int64_t{timeoutMs} * 1000;
  while (util::monotonicUs() < end) {
    if (cond()) return true;
    QCoreApplication::processEvents();
    QThread::msleep(5);
  }
  return cond();
}

// A real MQTT publisher. With buffering it keeps publishing while the broker is down (Paho's
// offline buffer) and delivers after its automatic reconnect.
class Publisher {
 public:
  Publisher(const std::string& url, const std::string& clientId, bool buffered = false) {
    mqtt::create_options create(MQTTVERSION_3_1_1);
    if (buffered) {
      create.set_send_while_disconnected(true, true);
      create.set_max_buffered_messages(1000000);
    }
    m_client = std::make_unique<mqtt::async_client>(url, clientId, create, nullptr);
    mqtt::connect_options opts;
    opts.set_clean_session(!buffered);
    opts.set_keep_alive_interval(5);
    if (buffered) opts.set_automatic_reconnect(1, 2);
    m_client->connect(opts)->wait();
  }
  ~Publisher() {
    try {
      if (m_client->is_connected()) m_client->disconnect()->wait_for(std::chrono::seconds(2));
    } catch (const mqtt::exception& e) {
      // The broker may already be gone at the end of a test; nothing left to deliver.
      std::fprintf(stderr, "publisher disconnect: %s\n", e.what());
    }
  }
  mqtt::delivery_token_ptr publish(const std::string& topic, const std::string& payload,
                                   int qos = 1, bool retained = false) {
    return m_client->publish(topic, payload.data(), payload.size(), qos, retained);
  }
  void publishAndWait(const std::string& topic, const std::string& payload, int qos = 1,
                      bool retained = false) {
    publish(topic, payload, qos, retained)->wait();
  }
  mqtt::async_client& client() { return *m_client; }

 private:
  std::unique_ptr<mqtt::async_client> m_client;
};

}  // namespace edgewise::capture::test
