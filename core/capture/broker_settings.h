#pragma once
#include <string>

#include "core/util/result.h"

namespace edgewise::capture {

struct BrokerSettings {
  std::string host = "127.0.0.1";
  int port = 1883;
  std::string clientId;  // empty: "edgewise-<random>"
  std::string username;
  std::string password;
  bool tls = false;
  std::string caFile;          // TLS: CA certificate(s) to trust
  std::string clientCertFile;  // TLS: optional client certificate
  std::string clientKeyFile;   // TLS: its private key
  bool cleanSession = true;    // false: persistent session (broker queues QoS>0 while away)
  int keepAliveSeconds = 30;
  bool autoReconnect = true;  // reconnect (1 s .. 8 s back-off) and resubscribe

  // "tcp://host:port", "mqtt://host:port", "ssl://host:port", "mqtts://host:port".
  static Result<BrokerSettings> fromUrl(const std::string& url);
  std::string serverUri() const;  // what Paho connects to
};

}  // namespace edgewise::capture
