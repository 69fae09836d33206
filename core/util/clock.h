#pragma once
#include <chrono>
#include <cstdint>

namespace edgewise::util {

// Wall-clock microseconds since the Unix epoch: timestamps that cross process boundaries
// (device publish time, arrival time, store time).
inline int64_t wallClockUs() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Monotonic microseconds for measuring durations inside one process.
inline int64_t monotonicUs() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace edgewise::util
