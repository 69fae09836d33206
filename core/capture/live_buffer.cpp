#include "core/capture/live_buffer.h"

#include <algorithm>

namespace edgewise::capture {

LiveBuffer::LiveBuffer(StreamKey key, std::vector<std::string> channelNames, size_t capacitySamples)
    : m_key(std::move(key)),
      m_capacity(std::max<size_t>(1, capacitySamples)),
      m_channels(std::move(channelNames)) {
  m_time.resize(m_capacity);
  m_values.resize(m_capacity * m_channels.size());
}

std::vector<std::string> LiveBuffer::channelNames() const {
  std::lock_guard lock(m_mutex);
  return m_channels;
}

void LiveBuffer::append(const SampleBatch& batch) {
  const size_t channels = m_channels.size();
  const size_t n = batch.sampleCount();
  // The session gives a stream whose layout changed a new buffer; a mismatch here would
  // scramble the rows, so the batch's samples are refused (the image is still taken).
  const bool layoutOk = batch.channelCount() == channels && batch.values.size() == n * channels;
  std::shared_ptr<const ImageFrame> image;
  if (batch.image) image = std::make_shared<const ImageFrame>(*batch.image);

  std::lock_guard lock(m_mutex);
  if (layoutOk && n > 0) {
    // Only the last m_capacity samples of a huge batch can survive anyway.
    const size_t first = n > m_capacity ? n - m_capacity : 0;
    const uint64_t skippedTotal = m_total + first;
    for (size_t i = first; i < n; ++i) {
      const size_t slot = static_cast<size_t>((skippedTotal + (i - first)) % m_capacity);
      m_time[slot] = batch.timestampsUs[i];
      if (channels > 0) {
        std::copy_n(batch.values.begin() + static_cast<std::ptrdiff_t>(i * channels), channels,
                    m_values.begin() + static_cast<std::ptrdiff_t>(slot * channels));
      }
    }
    m_total += n;
  }
  if (image) {
    m_image = std::move(image);
    ++m_imageCounter;
  }
}

LiveBuffer::Slice LiveBuffer::readSince(uint64_t cursor) const {
  Slice slice;
  std::lock_guard lock(m_mutex);
  const size_t channels = m_channels.size();
  const uint64_t oldest = m_total > m_capacity ? m_total - m_capacity : 0;
  // A cursor from the future (e.g. a reader that followed a replaced buffer) restarts at the
  // oldest sample still held, rather than waiting for the total to catch up.
  uint64_t start = cursor > m_total ? oldest : std::max(cursor, oldest);
  slice.skipped = cursor <= m_total && start > cursor ? start - cursor : 0;
  const size_t count = static_cast<size_t>(m_total - start);
  slice.timestampsUs.resize(count);
  slice.values.resize(count * channels);
  for (size_t i = 0; i < count; ++i) {
    const size_t slot = static_cast<size_t>((start + i) % m_capacity);
    slice.timestampsUs[i] = m_time[slot];
    if (channels > 0) {
      std::copy_n(m_values.begin() + static_cast<std::ptrdiff_t>(slot * channels), channels,
                  slice.values.begin() + static_cast<std::ptrdiff_t>(i * channels));
    }
  }
  slice.cursor = m_total;
  return slice;
}

uint64_t LiveBuffer::totalSamples() const {
  std::lock_guard lock(m_mutex);
  return m_total;
}

std::shared_ptr<const ImageFrame> LiveBuffer::latestImage(uint64_t* imageCounter) const {
  std::lock_guard lock(m_mutex);
  if (imageCounter) *imageCounter = m_imageCounter;
  return m_image;
}

}  // namespace edgewise::capture
