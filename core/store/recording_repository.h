#pragma once
// Recordings: named captures holding one stream per (device, topic). Samples are stored in
// chunks (one row per stream chunk, a compact blob of timestamps + float32 values + message
// sequence numbers), never one row per value.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/util/result.h"

namespace edgewise::store {

class Project;

enum class StreamKind { TimeSeries, Image, Audio };

struct StreamSpec {
  std::string deviceId;
  std::string topic;
  std::string decoderId;
  StreamKind kind = StreamKind::TimeSeries;
  std::vector<std::string> channelNames;
  std::vector<std::string> units;  // empty or one per channel
  double sampleRateHz = 0;         // nominal rate, 0 when unknown
};

// One chunk as written by the recorder: consecutive samples of one stream.
struct ChunkData {
  int64_t streamId = 0;
  int channelCount = 0;
  std::vector<int64_t> timestampsUs;  // one per sample
  std::vector<float> values;          // timestampsUs.size() * channelCount, row-major
  std::vector<int64_t> sequences;     // one per message that carried a sequence number
  std::vector<int64_t> publishedUs;   // per message with a device publish time (may be empty)
  std::vector<std::vector<uint8_t>> images;  // image streams: one encoded image per sample
  int64_t messageCount = 0;
};

struct StreamSummary {
  int64_t id = 0;
  int64_t recordingId = 0;
  StreamSpec spec;
  int64_t sampleCount = 0;
  int64_t messageCount = 0;
  int64_t chunkCount = 0;
  int64_t startUs = 0;
  int64_t endUs = 0;
  std::optional<int64_t> firstSeq;
  std::optional<int64_t> lastSeq;
  int64_t seqGaps = 0;        // places where the sequence jumped forward by more than 1
  int64_t seqMissing = 0;     // total sequence numbers skipped by those jumps
  int64_t seqOutOfOrder = 0;  // numbers <= the last one seen (duplicates, reordering)
};

enum class RecordingStatus { Recording, Complete, Interrupted };

struct RecordingSummary {
  int64_t id = 0;
  std::string name;
  RecordingStatus status = RecordingStatus::Recording;
  int64_t createdUs = 0;
  int64_t startUs = 0;  // first sample (0 when empty)
  int64_t endUs = 0;    // last sample
  double durationSeconds() const { return endUs > startUs ? (endUs - startUs) / 1e6 : 0.0; }
  int64_t sampleCount = 0;
  int64_t messageCount = 0;
  int64_t sizeBytes = 0;  // bytes of chunk blobs
  int streamCount = 0;
};

class RecordingRepository {
 public:
  explicit RecordingRepository(Project& project);
  ~RecordingRepository();

  // Writing (the recorder, on its own connection, inside Project::transaction()).
  Result<int64_t> create(const std::string& name, int64_t createdUs);
  Result<int64_t> addStream(int64_t recordingId, const StreamSpec& spec);
  // Stores the chunk and updates the stream's counters and sequence statistics.
  Result<void> appendChunk(const ChunkData& chunk);
  Result<void> finish(int64_t recordingId);

  // Reading and editing.
  Result<std::vector<RecordingSummary>> list() const;
  Result<RecordingSummary> get(int64_t recordingId) const;
  Result<std::vector<StreamSummary>> streams(int64_t recordingId) const;
  // All chunks of a stream merged in time order.
  Result<ChunkData> readStream(int64_t streamId) const;
  Result<void> rename(int64_t recordingId, const std::string& name);
  Result<void> remove(int64_t recordingId);
  // One CSV per recording: recording,device,topic,timestamp_us,<channel columns...>; streams
  // with different channels get their own columns (empty where not applicable).
  Result<void> exportCsv(int64_t recordingId, const std::string& path) const;
  // Recordings left in status Recording by a crash become Interrupted (called on open).
  Result<int> markInterrupted();

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace edgewise::store
