#pragma once
// Malformed payloads are never thrown away: each is kept here with its topic and the
// decoder's error. Bounded: the oldest rows beyond the cap are pruned (the per-topic error
// counters in the capture session keep the exact totals).

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/util/result.h"

namespace edgewise::store {

class Project;

struct QuarantinedMessage {
  int64_t id = 0;
  int64_t arrivalUs = 0;
  std::string topic;
  std::string decoderId;
  std::string error;
  std::vector<uint8_t> payload;  // truncated to kMaxPayloadBytes
  int64_t payloadSize = 0;       // the original size
};

class QuarantineRepository {
 public:
  static constexpr int64_t kMaxRows = 10000;
  static constexpr int64_t kMaxPayloadBytes = 64 * 1024;

  explicit QuarantineRepository(Project& project);
  ~QuarantineRepository();

  Result<void> add(const QuarantinedMessage& message);  // prunes beyond kMaxRows
  Result<std::vector<QuarantinedMessage>> list(int limit = 1000) const;  // newest first
  Result<int64_t> count() const;
  Result<void> clear();

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace edgewise::store
