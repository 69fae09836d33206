#pragma once
// The chunk blob format (see docs/store.md): versioned, little-endian, self-describing.
// Internal to core/store; exposed to tests so they can craft old or corrupt blobs.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/store/recording_repository.h"
#include "core/util/result.h"

namespace edgewise::store::detail {

inline constexpr uint8_t kChunkMagic[4] = {'E', 'W', 'C', 'K'};
inline constexpr uint16_t kChunkCodecVersion = 1;
inline constexpr size_t kChunkHeaderBytes = 36;

// Encodes everything but streamId (the row says which stream a chunk belongs to). The caller
// validates the shapes (values == samples * channels) before encoding.
std::vector<uint8_t> encodeChunk(const ChunkData& chunk);

// Decodes a blob; every length is checked against the bytes present, so a corrupt or truncated
// blob is an Error, never an out-of-bounds read or a huge allocation. streamId is left 0.
Result<ChunkData> decodeChunk(const uint8_t* data, size_t size);

}  // namespace edgewise::store::detail
