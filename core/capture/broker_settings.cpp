#include "core/capture/broker_settings.h"

#include <cctype>

namespace edgewise::capture {

namespace {

Result<int> parsePort(const std::string& text, const std::string& url) {
  if (text.empty() || text.size() > 5) {
    return Error("invalid port \"" + text + "\" (expected 1..65535)", "broker URL " + url);
  }
  int port = 0;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) {
      return Error("invalid port \"" + text + "\" (expected 1..65535)", "broker URL " + url);
    }
    port = port * 10 + (c - '0');
  }
  if (port < 1 || port > 65535) {
    return Error("invalid port \"" + text + "\" (expected 1..65535)", "broker URL " + url);
  }
  return port;
}

}  // namespace

Result<BrokerSettings> BrokerSettings::fromUrl(const std::string& url) {
  BrokerSettings s;
  std::string rest = url;
  const auto schemeEnd = rest.find("://");
  if (schemeEnd != std::string::npos) {
    std::string scheme = rest.substr(0, schemeEnd);
    for (auto& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (scheme == "tcp" || scheme == "mqtt") {
      s.tls = false;
    } else if (scheme == "ssl" || scheme == "mqtts" || scheme == "tls") {
      s.tls = true;
    } else {
      return Error(
          "unsupported scheme \"" + scheme + "\" (use tcp://, mqtt://, ssl:// or mqtts://)",
          "broker URL " + url);
    }
    rest = rest.substr(schemeEnd + 3);
  }
  s.port = s.tls ? 8883 : 1883;
  // A trailing "/" is common when URLs are pasted; anything after it is not an MQTT concept.
  if (const auto slash = rest.find('/'); slash != std::string::npos) {
    if (slash + 1 != rest.size()) {
      return Error("a broker URL has no path (\"" + rest.substr(slash) + "\")",
                   "broker URL " + url);
    }
    rest.resize(slash);
  }
  if (const auto at = rest.rfind('@'); at != std::string::npos) {
    const std::string userInfo = rest.substr(0, at);
    rest = rest.substr(at + 1);
    const auto colon = userInfo.find(':');
    s.username = userInfo.substr(0, colon);
    if (colon != std::string::npos) s.password = userInfo.substr(colon + 1);
  }
  std::string host;
  if (!rest.empty() && rest.front() == '[') {
    const auto close = rest.find(']');
    if (close == std::string::npos) return Error("unterminated IPv6 address", "broker URL " + url);
    host = rest.substr(1, close - 1);
    rest = rest.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') return Error("unexpected text after the host", "broker URL " + url);
      auto port = parsePort(rest.substr(1), url);
      if (!port) return port.error();
      s.port = *port;
    }
  } else {
    const auto colon = rest.rfind(':');
    host = rest.substr(0, colon);
    if (colon != std::string::npos) {
      auto port = parsePort(rest.substr(colon + 1), url);
      if (!port) return port.error();
      s.port = *port;
    }
  }
  if (host.empty()) return Error("no host name", "broker URL " + url);
  s.host = host;
  return s;
}

std::string BrokerSettings::serverUri() const {
  const bool ipv6 = host.find(':') != std::string::npos;
  const std::string h = ipv6 ? "[" + host + "]" : host;
  return std::string(tls ? "ssl://" : "tcp://") + h + ":" + std::to_string(port);
}

}  // namespace edgewise::capture
