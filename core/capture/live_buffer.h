#pragma once
// Per-stream ring buffers between the decode thread (writer) and the GUI timer (reader).
// The writer holds a stream's mutex only to copy a batch in; the reader copies out what is
// new since its cursor. A burst of messages therefore costs the GUI one copy per frame.

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

class LiveBuffer {
 public:
  LiveBuffer(StreamKey key, std::vector<std::string> channelNames, size_t capacitySamples);

  const StreamKey& key() const { return m_key; }
  std::vector<std::string> channelNames() const;
  size_t channelCount() const { return m_channels.size(); }  // fixed at construction
  size_t capacity() const { return m_capacity; }

  void append(const SampleBatch& batch);  // writer side

  // Reader side: samples appended after `cursor` (a running sample index). Returns the new
  // cursor. When the reader fell behind by more than the capacity, the oldest are skipped.
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
  StreamKey m_key;
  size_t m_capacity;
  mutable std::mutex m_mutex;
  std::vector<std::string> m_channels;
  std::vector<int64_t> m_time;  // ring, m_capacity
  std::vector<float> m_values;  // ring, m_capacity * channels
  uint64_t m_total = 0;
  std::shared_ptr<const ImageFrame> m_image;
  uint64_t m_imageCounter = 0;
};

}  // namespace edgewise::capture
