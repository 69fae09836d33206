#include "core/store/chunk_codec.h"

#include <cstring>
#include <string>

namespace edgewise::store::detail {
namespace {

class Writer {
 public:
  explicit Writer(size_t reserve) { m_out.reserve(reserve); }
  void u16(uint16_t v) { le(v, 2); }
  void u32(uint32_t v) { le(v, 4); }
  void i64(int64_t v) { le(static_cast<uint64_t>(v), 8); }
  void f32(float v) {
    uint32_t bits;
    std::memcpy(&bits, &v, 4);
    le(bits, 4);
  }
  void varint(uint64_t v) {
    while (v >= 0x80) {
      m_out.push_back(static_cast<uint8_t>(v | 0x80));
      v >>= 7;
    }
    m_out.push_back(static_cast<uint8_t>(v));
  }
  void bytes(const uint8_t* p, size_t n) { m_out.insert(m_out.end(), p, p + n); }
  std::vector<uint8_t> take() { return std::move(m_out); }

 private:
  void le(uint64_t v, int n) {
    for (int i = 0; i < n; ++i) m_out.push_back(static_cast<uint8_t>(v >> (8 * i)));
  }
  std::vector<uint8_t> m_out;
};

class Reader {
 public:
  Reader(const uint8_t* p, size_t n) : m_p(p), m_n(n) {}
  size_t remaining() const { return m_n - m_pos; }
  bool has(uint64_t n) const { return n <= remaining(); }
  uint64_t le(int n) {
    uint64_t v = 0;
    for (int i = 0; i < n; ++i) v |= static_cast<uint64_t>(m_p[m_pos + i]) << (8 * i);
    m_pos += n;
    return v;
  }
  // Callers check has() first; these never read past the end on their own.
  uint16_t u16() { return static_cast<uint16_t>(le(2)); }
  uint32_t u32() { return static_cast<uint32_t>(le(4)); }
  int64_t i64() { return static_cast<int64_t>(le(8)); }
  float f32() {
    const auto bits = static_cast<uint32_t>(le(4));
    float v;
    std::memcpy(&v, &bits, 4);
    return v;
  }
  bool varint(uint64_t& out) {
    out = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (m_pos >= m_n) return false;
      const uint8_t b = m_p[m_pos++];
      out |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return true;
    }
    return false;  // more than 10 bytes: not something the encoder writes
  }
  const uint8_t* take(size_t n) {
    const uint8_t* p = m_p + m_pos;
    m_pos += n;
    return p;
  }

 private:
  const uint8_t* m_p;
  size_t m_n;
  size_t m_pos = 0;
};

uint64_t zigzag(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}
int64_t unzigzag(uint64_t v) {
  return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
}

Error corrupt(const std::string& what) {
  return Error("corrupt chunk data (" + what + "); the project file was damaged", "decoding chunk");
}

}  // namespace

std::vector<uint8_t> encodeChunk(const ChunkData& chunk) {
  const size_t n = chunk.timestampsUs.size();
  size_t imageBytes = 0;
  for (const auto& img : chunk.images) imageBytes += 4 + img.size();
  Writer w(kChunkHeaderBytes + n * 3 + 8 + chunk.values.size() * 4 +
           (chunk.sequences.size() + chunk.publishedUs.size()) * 8 + imageBytes);
  w.bytes(kChunkMagic, 4);
  w.u16(kChunkCodecVersion);
  w.u16(0);  // flags, reserved
  w.u32(static_cast<uint32_t>(chunk.channelCount));
  w.u32(static_cast<uint32_t>(n));
  w.u32(static_cast<uint32_t>(chunk.sequences.size()));
  w.u32(static_cast<uint32_t>(chunk.publishedUs.size()));
  w.u32(static_cast<uint32_t>(chunk.images.size()));
  w.i64(chunk.messageCount);
  // Timestamps are nearly evenly spaced: zigzag varint deltas take ~2-3 bytes instead of 8.
  if (n > 0) {
    w.i64(chunk.timestampsUs[0]);
    for (size_t i = 1; i < n; ++i) {
      const auto delta = static_cast<int64_t>(static_cast<uint64_t>(chunk.timestampsUs[i]) -
                                              static_cast<uint64_t>(chunk.timestampsUs[i - 1]));
      w.varint(zigzag(delta));
    }
  }
  for (float v : chunk.values) w.f32(v);
  for (int64_t s : chunk.sequences) w.i64(s);
  for (int64_t p : chunk.publishedUs) w.i64(p);
  for (const auto& img : chunk.images) {
    w.u32(static_cast<uint32_t>(img.size()));
    w.bytes(img.data(), img.size());
  }
  return w.take();
}

Result<ChunkData> decodeChunk(const uint8_t* data, size_t size) {
  if (!data && size > 0) return corrupt("no data");
  Reader r(data, size);
  if (!r.has(kChunkHeaderBytes)) {
    return corrupt("blob of " + std::to_string(size) + " bytes is shorter than the header");
  }
  if (std::memcmp(r.take(4), kChunkMagic, 4) != 0) return corrupt("bad magic");
  const uint16_t version = r.u16();
  if (version > kChunkCodecVersion) {
    return Error("chunk format version " + std::to_string(version) +
                     " is newer than this Edgewise understands; update Edgewise",
                 "decoding chunk");
  }
  if (version == 0) return corrupt("version 0");
  if (r.u16() != 0) return corrupt("unknown flags");
  ChunkData c;
  const uint64_t channels = r.u32();
  const uint64_t samples = r.u32();
  const uint64_t sequences = r.u32();
  const uint64_t published = r.u32();
  const uint64_t images = r.u32();
  c.messageCount = r.i64();
  if (channels > 1'000'000) return corrupt("channel count " + std::to_string(channels));
  c.channelCount = static_cast<int>(channels);

  // Each count is checked against the bytes left before anything is allocated.
  if (samples > 0) {
    if (!r.has(8 + (samples - 1))) return corrupt("timestamps truncated");
    c.timestampsUs.resize(samples);
    int64_t t = r.i64();
    c.timestampsUs[0] = t;
    for (uint64_t i = 1; i < samples; ++i) {
      uint64_t z;
      if (!r.varint(z)) return corrupt("timestamp delta truncated");
      t = static_cast<int64_t>(static_cast<uint64_t>(t) + static_cast<uint64_t>(unzigzag(z)));
      c.timestampsUs[i] = t;
    }
  }
  const uint64_t valueCount = samples * channels;  // both < 2^32 and 10^6: no overflow
  if (!r.has(valueCount * 4)) return corrupt("values truncated");
  c.values.resize(valueCount);
  for (auto& v : c.values) v = r.f32();
  if (!r.has(sequences * 8)) return corrupt("sequence numbers truncated");
  c.sequences.resize(sequences);
  for (auto& s : c.sequences) s = r.i64();
  if (!r.has(published * 8)) return corrupt("publish times truncated");
  c.publishedUs.resize(published);
  for (auto& p : c.publishedUs) p = r.i64();
  if (!r.has(images * 4)) return corrupt("images truncated");
  c.images.reserve(images);
  for (uint64_t i = 0; i < images; ++i) {
    if (!r.has(4)) return corrupt("image length truncated");
    const uint32_t len = r.u32();
    if (!r.has(len)) return corrupt("image bytes truncated");
    const uint8_t* p = r.take(len);
    c.images.emplace_back(p, p + len);
  }
  if (r.remaining() != 0) {
    return corrupt(std::to_string(r.remaining()) + " unexpected trailing bytes");
  }
  return c;
}

}  // namespace edgewise::store::detail
