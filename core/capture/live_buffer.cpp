#include "core/capture/live_buffer.h"

#include <algorithm>

namespace edgewise::capture {

bool LiveBudget::take(size_t bytes, bool force) {
  size_t used = m_used.load(std::memory_order_relaxed);
  do {
    if (!force && (used > m_limit || bytes > m_limit - used)) return false;
  } while (!m_used.compare_exchange_weak(used, used + bytes, std::memory_order_relaxed));
  return true;
}

LiveBuffer::LiveBuffer(StreamKey key, std::vector<std::string> channelNames, size_t capacitySamples,
                       std::shared_ptr<LiveBudget> budget)
    : m_key(std::move(key)),
      m_capacity(std::max<size_t>(1, capacitySamples)),
      m_budget(std::move(budget)),
      m_channels(std::move(channelNames)),
      m_ring(m_capacity) {}

LiveBuffer::~LiveBuffer() {
  if (m_budget) m_budget->give(m_reserved * bytesPerSample());
}

std::vector<std::string> LiveBuffer::channelNames() const {
  std::lock_guard lock(m_mutex);
  return m_channels;
}

size_t LiveBuffer::ringSamples() const {
  std::lock_guard lock(m_mutex);
  return m_ring;
}

size_t LiveBuffer::reservedSamples() const {
  std::lock_guard lock(m_mutex);
  return m_reserved;
}

void LiveBuffer::reserveLocked(size_t needed) {
  if (needed <= m_reserved) return;
  // Doubling keeps the copies amortised; the exact need wins for a large first batch.
  size_t want = std::min(m_ring, std::max({needed, m_reserved * 2, kInitialSamples}));
  const size_t perSample = bytesPerSample();
  if (m_budget && !m_budget->take((want - m_reserved) * perSample)) {
    // Whatever is left, in one step: growing by the exact need would copy the ring per batch.
    const size_t used = m_budget->usedBytes();
    const size_t limit = m_budget->limitBytes();
    const size_t partial = m_reserved + (used < limit ? (limit - used) / perSample : 0);
    if (partial >= needed && m_budget->take((partial - m_reserved) * perSample)) {
      want = partial;
    } else {
      // The budget is spent: this stream wraps at what it has (never below the floor), so
      // it keeps its most recent samples instead of taking memory from everyone else.
      want = std::min(m_ring, std::max(m_reserved, kFloorSamples));
      if (want > m_reserved) m_budget->take((want - m_reserved) * perSample, true);
      m_ring = want;
    }
  }
  if (want <= m_reserved) return;
  // reserve() first: resize() alone may round the allocation up to twice the old size.
  m_time.reserve(want);
  m_time.resize(want);
  m_values.reserve(want * m_channels.size());
  m_values.resize(want * m_channels.size());
  m_reserved = want;
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
    // The ring only wraps once all its slots exist, so slot = index % m_ring is always <
    // m_reserved.
    reserveLocked(static_cast<size_t>(std::min<uint64_t>(m_ring, m_total + n)));
    const size_t ring = m_ring;
    // Only the last `ring` samples of a huge batch can survive anyway.
    const size_t first = n > ring ? n - ring : 0;
    for (size_t i = first; i < n; ++i) {
      const size_t slot = static_cast<size_t>((m_total + i) % ring);
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
  const uint64_t oldest = m_total > m_ring ? m_total - m_ring : 0;
  // A cursor from the future (e.g. a reader that followed a replaced buffer) restarts at the
  // oldest sample still held, rather than waiting for the total to catch up.
  uint64_t start = cursor > m_total ? oldest : std::max(cursor, oldest);
  slice.skipped = cursor <= m_total && start > cursor ? start - cursor : 0;
  const size_t count = static_cast<size_t>(m_total - start);
  slice.timestampsUs.resize(count);
  slice.values.resize(count * channels);
  for (size_t i = 0; i < count; ++i) {
    const size_t slot = static_cast<size_t>((start + i) % m_ring);
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
