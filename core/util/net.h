#pragma once
#include <cstdint>

namespace edgewise::util {

// A TCP port on 127.0.0.1 that was free a moment ago (bind to port 0, read it back, close).
// Returns 0 if no port could be bound.
uint16_t findFreeTcpPort();

// True when something accepts TCP connections on 127.0.0.1:port within timeoutMs.
bool waitForTcpPort(uint16_t port, int timeoutMs);

}  // namespace edgewise::util
