#pragma once
// Per-stream ring buffers between the decode thread (writer) and the GUI timer (reader).
// The writer holds a stream's mutex only to copy a batch in; the reader copies out what is
// new since its cursor. A burst of messages therefore costs the GUI one copy per frame.
//
// Storage grows on demand (doubling, up to the capacity) instead of being reserved when a
// stream appears: a fleet of 1,000 streams x 30,000 samples x 6 channels would otherwise cost
// ~1 GB before a single plot is drawn. A LiveBudget shared by a session's buffers caps the
// total; a buffer the budget refuses to grow keeps the size it has as its ring (see
// core/capture/README.md, "Live buffer memory").

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/capture/sample_batch.h"

namespace edgewise::capture {

struct StreamKey {
  std::string deviceId;
  std::string topic;
  bool operator==(const StreamKey& o) const { return deviceId == o.deviceId && topic == o.topic; }
  bool operator<(const StreamKey& o) const {
    return deviceId < o.deviceId || (deviceId == o.deviceId && topic < o.topic);
  }
};

// Bytes of live sample storage that all buffers of a session may hold together.
class LiveBudget {
 public:
  explicit LiveBudget(size_t limitBytes) : m_limit(limitBytes) {}
  // Takes bytes when they fit under the limit; force takes them regardless (a buffer's floor).
  bool take(size_t bytes, bool force = false);
  void give(size_t bytes) { m_used.fetch_sub(bytes, std::memory_order_relaxed); }
  size_t usedBytes() const { return m_used.load(std::memory_order_relaxed); }
  size_t limitBytes() const { return m_limit; }

 private:
  const size_t m_limit;
  std::atomic<size_t> m_used{0};
};

class LiveBuffer {
 public:
  // Storage starts at 0 and doubles from kInitialSamples up to capacitySamples.
  static constexpr size_t kInitialSamples = 64;
  // A buffer may always hold this many samples, even when the budget is exhausted.
  static constexpr size_t kFloorSamples = 256;

  LiveBuffer(StreamKey key, std::vector<std::string> channelNames, size_t capacitySamples,
             std::shared_ptr<LiveBudget> budget = nullptr);
  ~LiveBuffer();
  LiveBuffer(const LiveBuffer&) = delete;
  LiveBuffer& operator=(const LiveBuffer&) = delete;

  const StreamKey& key() const { return m_key; }
  std::vector<std::string> channelNames() const;
  size_t channelCount() const { return m_channels.size(); }  // fixed at construction
  // Whether batches with these channel names fit; no lock: the names never change.
  bool hasChannels(const std::vector<std::string>& names) const { return m_channels == names; }
  size_t capacity() const { return m_capacity; }  // the most it will ever hold
  // Samples the ring keeps before it wraps: capacity(), or less once the budget said no.
  size_t ringSamples() const;
  // Samples the storage currently has room for (memory footprint / sample size).
  size_t reservedSamples() const;
  // Bytes one sample slot costs (timestamp + one float per channel).
  size_t bytesPerSample() const { return sizeof(int64_t) + sizeof(float) * m_channels.size(); }

  void append(const SampleBatch& batch);  // writer side

  // Reader side: samples appended after `cursor` (a running sample index). Returns the new
  // cursor. When the reader fell behind by more than the ring, the oldest are skipped.
  struct Slice {
    std::vector<int64_t> timestampsUs;
    std::vector<float> values;  // row-major, channelNames().size() per sample
    uint64_t cursor = 0;
    uint64_t skipped = 0;
  };
  Slice readSince(uint64_t cursor) const;
  uint64_t totalSamples() const;
  // Latest image (image streams), with a counter that changes with every new image.
  std::shared_ptr<const ImageFrame> latestImage(uint64_t* imageCounter = nullptr) const;

 private:
  // Makes room for `needed` (<= m_ring) slots; may shrink m_ring when the budget refuses.
  void reserveLocked(size_t needed);

  StreamKey m_key;
  size_t m_capacity;
  std::shared_ptr<LiveBudget> m_budget;
  mutable std::mutex m_mutex;
  const std::vector<std::string> m_channels;
  // Ring of m_ring slots, of which the first m_reserved exist. While the ring has not wrapped
  // yet sample i sits in slot i, so growing never moves a sample.
  size_t m_ring;
  size_t m_reserved = 0;
  std::vector<int64_t> m_time;  // m_reserved
  std::vector<float> m_values;  // m_reserved * channels
  uint64_t m_total = 0;
  std::shared_ptr<const ImageFrame> m_image;
  uint64_t m_imageCounter = 0;
};

}  // namespace edgewise::capture
