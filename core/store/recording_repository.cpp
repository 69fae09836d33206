#include "core/store/recording_repository.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>

#include "core/store/chunk_codec.h"
#include "core/store/project.h"
#include "core/store/sqlite_util.h"
#include "core/util/clock.h"

namespace edgewise::store {

using detail::StatementLease;

namespace {

const char* kindName(StreamKind k) {
  switch (k) {
    case StreamKind::Image:
      return "image";
    case StreamKind::Audio:
      return "audio";
    case StreamKind::TimeSeries:
      break;
  }
  return "timeseries";
}

StreamKind kindFromName(const std::string& s) {
  if (s == "image") return StreamKind::Image;
  if (s == "audio") return StreamKind::Audio;
  return StreamKind::TimeSeries;
}

RecordingStatus statusFromName(const std::string& s) {
  if (s == "complete") return RecordingStatus::Complete;
  if (s == "interrupted") return RecordingStatus::Interrupted;
  return RecordingStatus::Recording;
}

std::string toJson(const std::vector<std::string>& v) {
  return nlohmann::json(v).dump();
}

std::vector<std::string> fromJson(const std::string& text) {
  // Written by toJson(); a hand-edited file with garbage here still opens, just without names.
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  std::vector<std::string> out;
  if (!j.is_array()) return out;
  for (const auto& e : j) out.push_back(e.is_string() ? e.get<std::string>() : e.dump());
  return out;
}

std::string csvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

constexpr const char* kRecordingSummarySql =
    "SELECT r.id, r.name, r.status, r.created_us, min(s.start_us), max(s.end_us), "
    "coalesce(sum(s.sample_count), 0), coalesce(sum(s.message_count), 0), "
    "coalesce(sum(s.size_bytes), 0), count(s.id) "
    "FROM recordings r LEFT JOIN streams s ON s.recording_id = r.id ";

RecordingSummary readRecordingSummary(const detail::Statement& s) {
  RecordingSummary r;
  r.id = s.int64(0);
  r.name = s.text(1);
  r.status = statusFromName(s.text(2));
  r.createdUs = s.int64(3);
  r.startUs = s.isNull(4) ? 0 : s.int64(4);
  r.endUs = s.isNull(5) ? 0 : s.int64(5);
  r.sampleCount = s.int64(6);
  r.messageCount = s.int64(7);
  r.sizeBytes = s.int64(8);
  r.streamCount = static_cast<int>(s.int64(9));
  return r;
}

Error noRecording(int64_t id) {
  return Error("there is no recording with id " + std::to_string(id) +
               " (it may have been deleted)");
}

}  // namespace

struct RecordingRepository::Impl {
  explicit Impl(Project& p) : project(p), cache(p.handle()) {}
  Project& project;
  detail::StatementCache cache;
  sqlite3* db() const { return project.handle(); }
};

RecordingRepository::RecordingRepository(Project& project)
    : m_impl(std::make_unique<Impl>(project)) {}

RecordingRepository::~RecordingRepository() = default;

Result<int64_t> RecordingRepository::create(const std::string& name, int64_t createdUs) {
  Result<StatementLease> s = m_impl->cache.acquire(
      "INSERT INTO recordings(name, status, created_us) VALUES(?1, 'recording', ?2)");
  if (!s.ok()) return s.error();
  (*s)->bind(1, name).bind(2, createdUs);
  if (Result<void> r = (*s)->run(); !r.ok()) return r.error().wrap("creating recording");
  return static_cast<int64_t>(sqlite3_last_insert_rowid(m_impl->db()));
}

Result<int64_t> RecordingRepository::addStream(int64_t recordingId, const StreamSpec& spec) {
  if (!spec.units.empty() && spec.units.size() != spec.channelNames.size()) {
    return Error("stream " + spec.topic + " has " + std::to_string(spec.units.size()) +
                     " units for " + std::to_string(spec.channelNames.size()) + " channels",
                 "adding stream");
  }
  Result<StatementLease> s = m_impl->cache.acquire(
      "INSERT INTO streams(recording_id, device_id, topic, decoder_id, kind, channel_count, "
      "channel_names, units, sample_rate_hz) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  if (!s.ok()) return s.error();
  (*s)->bind(1, recordingId)
      .bind(2, spec.deviceId)
      .bind(3, spec.topic)
      .bind(4, spec.decoderId)
      .bind(5, std::string_view(kindName(spec.kind)))
      .bind(6, static_cast<int64_t>(spec.channelNames.size()))
      .bind(7, toJson(spec.channelNames))
      .bind(8, toJson(spec.units))
      .bind(9, spec.sampleRateHz);
  if (Result<void> r = (*s)->run(); !r.ok()) {
    if ((sqlite3_extended_errcode(m_impl->db()) & 0xff) == SQLITE_CONSTRAINT) {
      return noRecording(recordingId).wrap("adding stream " + spec.topic);
    }
    return r.error().wrap("adding stream " + spec.topic);
  }
  return static_cast<int64_t>(sqlite3_last_insert_rowid(m_impl->db()));
}

Result<void> RecordingRepository::appendChunk(const ChunkData& chunk) {
  const std::string ctx = "storing a chunk of stream " + std::to_string(chunk.streamId);
  const size_t n = chunk.timestampsUs.size();
  if (chunk.channelCount < 0 ||
      chunk.values.size() != n * static_cast<size_t>(chunk.channelCount)) {
    return Error("chunk has " + std::to_string(chunk.values.size()) + " values for " +
                     std::to_string(n) + " samples of " + std::to_string(chunk.channelCount) +
                     " channels",
                 ctx);
  }
  if (!chunk.images.empty() && chunk.images.size() != n) {
    return Error("chunk has " + std::to_string(chunk.images.size()) + " images for " +
                     std::to_string(n) + " samples",
                 ctx);
  }
  if (n == 0) return Error("chunk has no samples", ctx);

  detail::WriteScope scope(m_impl->db());
  EW_TRY(scope.begin());

  // The stream's running counters; one indexed row read per chunk is cheap next to the insert,
  // and keeps a second writer or an edit from being silently overwritten by a stale cache.
  Result<StatementLease> sel = m_impl->cache.acquire(
      "SELECT channel_count, chunk_count, start_us, end_us, first_seq, last_seq "
      "FROM streams WHERE id = ?1");
  if (!sel.ok()) return sel.error();
  StatementLease& st = *sel;
  st->bind(1, chunk.streamId);
  Result<bool> row = st->step();
  if (!row.ok()) return row.error().wrap(ctx);
  if (!row.value())
    return Error("there is no stream with id " + std::to_string(chunk.streamId), ctx);
  const int64_t channels = st->int64(0);
  const int64_t seqNo = st->int64(1);
  int64_t startUs = st->isNull(2) ? INT64_MAX : st->int64(2);
  int64_t endUs = st->isNull(3) ? INT64_MIN : st->int64(3);
  std::optional<int64_t> firstSeq;
  std::optional<int64_t> lastSeq;
  if (!st->isNull(4)) firstSeq = st->int64(4);
  if (!st->isNull(5)) lastSeq = st->int64(5);
  st->reset();
  if (channels > 0 && channels != chunk.channelCount) {
    return Error("chunk has " + std::to_string(chunk.channelCount) +
                     " channels but the stream has " + std::to_string(channels),
                 ctx);
  }

  // Sequence statistics compare each number with the previous one received (not the maximum),
  // so a device that restarts its counter costs one out-of-order count instead of all of them.
  int64_t gaps = 0, missing = 0, outOfOrder = 0;
  for (int64_t seq : chunk.sequences) {
    if (!firstSeq) {
      firstSeq = seq;
    } else if (seq > *lastSeq + 1) {
      ++gaps;
      missing += seq - *lastSeq - 1;
    } else if (seq <= *lastSeq) {
      ++outOfOrder;
    }
    lastSeq = seq;
  }
  const auto [minIt, maxIt] =
      std::minmax_element(chunk.timestampsUs.begin(), chunk.timestampsUs.end());
  startUs = std::min(startUs, *minIt);
  endUs = std::max(endUs, *maxIt);

  const std::vector<uint8_t> blob = detail::encodeChunk(chunk);
  Result<StatementLease> ins = m_impl->cache.acquire(
      "INSERT INTO chunks(stream_id, seq_no, first_ts, last_ts, sample_count, message_count, "
      "blob) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (!ins.ok()) return ins.error();
  (*ins)
      ->bind(1, chunk.streamId)
      .bind(2, seqNo)
      .bind(3, *minIt)
      .bind(4, *maxIt)
      .bind(5, static_cast<int64_t>(n))
      .bind(6, chunk.messageCount)
      .bindBlob(7, blob.data(), blob.size());
  if (Result<void> r = (*ins)->run(); !r.ok()) return r.error().wrap(ctx);

  Result<StatementLease> upd = m_impl->cache.acquire(
      "UPDATE streams SET sample_count = sample_count + ?2, message_count = message_count + ?3, "
      "chunk_count = chunk_count + 1, size_bytes = size_bytes + ?4, start_us = ?5, end_us = ?6, "
      "first_seq = ?7, last_seq = ?8, seq_gaps = seq_gaps + ?9, seq_missing = seq_missing + ?10, "
      "seq_out_of_order = seq_out_of_order + ?11 WHERE id = ?1");
  if (!upd.ok()) return upd.error();
  StatementLease& u = *upd;
  u->bind(1, chunk.streamId)
      .bind(2, static_cast<int64_t>(n))
      .bind(3, chunk.messageCount)
      .bind(4, static_cast<int64_t>(blob.size()))
      .bind(5, startUs)
      .bind(6, endUs);
  if (firstSeq) {
    u->bind(7, *firstSeq).bind(8, *lastSeq);
  } else {
    u->bindNull(7).bindNull(8);
  }
  u->bind(9, gaps).bind(10, missing).bind(11, outOfOrder);
  if (Result<void> r = u->run(); !r.ok()) return r.error().wrap(ctx);
  return scope.commit();
}

Result<void> RecordingRepository::finish(int64_t recordingId) {
  Result<StatementLease> s = m_impl->cache.acquire(
      "UPDATE recordings SET status = 'complete', finished_us = ?2 WHERE id = ?1");
  if (!s.ok()) return s.error();
  (*s)->bind(1, recordingId).bind(2, util::wallClockUs());
  if (Result<void> r = (*s)->run(); !r.ok()) return r.error().wrap("finishing recording");
  if (sqlite3_changes(m_impl->db()) == 0)
    return noRecording(recordingId).wrap("finishing recording");
  return okResult();
}

Result<std::vector<RecordingSummary>> RecordingRepository::list() const {
  Result<StatementLease> s = m_impl->cache.acquire(
      (std::string(kRecordingSummarySql) + "GROUP BY r.id ORDER BY r.created_us, r.id").c_str());
  if (!s.ok()) return s.error();
  std::vector<RecordingSummary> out;
  for (;;) {
    Result<bool> row = (*s)->step();
    if (!row.ok()) return row.error().wrap("listing recordings");
    if (!row.value()) break;
    out.push_back(readRecordingSummary(**s));
  }
  return out;
}

Result<RecordingSummary> RecordingRepository::get(int64_t recordingId) const {
  Result<StatementLease> s = m_impl->cache.acquire(
      (std::string(kRecordingSummarySql) + "WHERE r.id = ?1 GROUP BY r.id").c_str());
  if (!s.ok()) return s.error();
  (*s)->bind(1, recordingId);
  Result<bool> row = (*s)->step();
  if (!row.ok()) return row.error().wrap("reading recording");
  if (!row.value()) return noRecording(recordingId);
  return readRecordingSummary(**s);
}

Result<std::vector<StreamSummary>> RecordingRepository::streams(int64_t recordingId) const {
  Result<StatementLease> s = m_impl->cache.acquire(
      "SELECT id, recording_id, device_id, topic, decoder_id, kind, channel_names, units, "
      "sample_rate_hz, sample_count, message_count, chunk_count, start_us, end_us, first_seq, "
      "last_seq, seq_gaps, seq_missing, seq_out_of_order FROM streams WHERE recording_id = ?1 "
      "ORDER BY id");
  if (!s.ok()) return s.error();
  StatementLease& q = *s;
  q->bind(1, recordingId);
  std::vector<StreamSummary> out;
  for (;;) {
    Result<bool> row = q->step();
    if (!row.ok()) return row.error().wrap("listing streams");
    if (!row.value()) break;
    StreamSummary ss;
    ss.id = q->int64(0);
    ss.recordingId = q->int64(1);
    ss.spec.deviceId = q->text(2);
    ss.spec.topic = q->text(3);
    ss.spec.decoderId = q->text(4);
    ss.spec.kind = kindFromName(q->text(5));
    ss.spec.channelNames = fromJson(q->text(6));
    ss.spec.units = fromJson(q->text(7));
    ss.spec.sampleRateHz = q->real(8);
    ss.sampleCount = q->int64(9);
    ss.messageCount = q->int64(10);
    ss.chunkCount = q->int64(11);
    ss.startUs = q->isNull(12) ? 0 : q->int64(12);
    ss.endUs = q->isNull(13) ? 0 : q->int64(13);
    if (!q->isNull(14)) ss.firstSeq = q->int64(14);
    if (!q->isNull(15)) ss.lastSeq = q->int64(15);
    ss.seqGaps = q->int64(16);
    ss.seqMissing = q->int64(17);
    ss.seqOutOfOrder = q->int64(18);
    out.push_back(std::move(ss));
  }
  return out;
}

Result<ChunkData> RecordingRepository::readStream(int64_t streamId) const {
  const std::string ctx = "reading stream " + std::to_string(streamId);
  Result<StatementLease> s =
      m_impl->cache.acquire("SELECT seq_no, blob FROM chunks WHERE stream_id = ?1 ORDER BY seq_no");
  if (!s.ok()) return s.error();
  StatementLease& q = *s;
  q->bind(1, streamId);
  ChunkData out;
  out.streamId = streamId;
  bool first = true;
  for (;;) {
    Result<bool> row = q->step();
    if (!row.ok()) return row.error().wrap(ctx);
    if (!row.value()) break;
    Result<ChunkData> c = detail::decodeChunk(q->blobData(1), q->blobSize(1));
    if (!c.ok()) return c.error().wrap(ctx + ", chunk " + std::to_string(q->int64(0)));
    ChunkData& d = c.value();
    if (first) {
      out.channelCount = d.channelCount;
      first = false;
    } else if (d.channelCount != out.channelCount) {
      return Error("chunk " + std::to_string(q->int64(0)) + " has " +
                       std::to_string(d.channelCount) + " channels, the stream " +
                       std::to_string(out.channelCount),
                   ctx);
    }
    const bool imagesBefore = !out.images.empty() || out.timestampsUs.empty();
    if (!d.images.empty() && !imagesBefore) {
      return Error("chunk " + std::to_string(q->int64(0)) + " mixes images into a stream without",
                   ctx);
    }
    out.timestampsUs.insert(out.timestampsUs.end(), d.timestampsUs.begin(), d.timestampsUs.end());
    out.values.insert(out.values.end(), d.values.begin(), d.values.end());
    out.sequences.insert(out.sequences.end(), d.sequences.begin(), d.sequences.end());
    out.publishedUs.insert(out.publishedUs.end(), d.publishedUs.begin(), d.publishedUs.end());
    for (auto& img : d.images) out.images.push_back(std::move(img));
    out.messageCount += d.messageCount;
  }
  q->reset();

  // Chunks are written in arrival order; samples from a late message can be older than the
  // chunk before. Merge into time order (stable, so equal timestamps keep arrival order).
  if (!std::is_sorted(out.timestampsUs.begin(), out.timestampsUs.end())) {
    const size_t n = out.timestampsUs.size();
    const auto c = static_cast<size_t>(out.channelCount);
    std::vector<size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return out.timestampsUs[a] < out.timestampsUs[b]; });
    std::vector<int64_t> ts(n);
    std::vector<float> values(n * c);
    std::vector<std::vector<uint8_t>> images(out.images.size());
    for (size_t i = 0; i < n; ++i) {
      ts[i] = out.timestampsUs[order[i]];
      std::copy_n(out.values.begin() + order[i] * c, c, values.begin() + i * c);
      if (!images.empty()) images[i] = std::move(out.images[order[i]]);
    }
    out.timestampsUs = std::move(ts);
    out.values = std::move(values);
    out.images = std::move(images);
  }
  return out;
}

Result<void> RecordingRepository::rename(int64_t recordingId, const std::string& name) {
  if (name.empty()) return Error("a recording name cannot be empty", "renaming recording");
  Result<StatementLease> s = m_impl->cache.acquire("UPDATE recordings SET name = ?2 WHERE id = ?1");
  if (!s.ok()) return s.error();
  (*s)->bind(1, recordingId).bind(2, name);
  if (Result<void> r = (*s)->run(); !r.ok()) return r.error().wrap("renaming recording");
  if (sqlite3_changes(m_impl->db()) == 0)
    return noRecording(recordingId).wrap("renaming recording");
  return okResult();
}

Result<void> RecordingRepository::remove(int64_t recordingId) {
  // Streams and chunks go with it (ON DELETE CASCADE, foreign_keys=ON on every connection).
  Result<StatementLease> s = m_impl->cache.acquire("DELETE FROM recordings WHERE id = ?1");
  if (!s.ok()) return s.error();
  (*s)->bind(1, recordingId);
  if (Result<void> r = (*s)->run(); !r.ok()) return r.error().wrap("deleting recording");
  if (sqlite3_changes(m_impl->db()) == 0)
    return noRecording(recordingId).wrap("deleting recording");
  return okResult();
}

Result<void> RecordingRepository::exportCsv(int64_t recordingId, const std::string& path) const {
  const std::string ctx = "exporting recording " + std::to_string(recordingId) + " to " + path;
  Result<RecordingSummary> rec = get(recordingId);
  if (!rec.ok()) return rec.error().wrap(ctx);
  Result<std::vector<StreamSummary>> streamList = streams(recordingId);
  if (!streamList.ok()) return streamList.error().wrap(ctx);

  // One column per distinct channel name, in first-seen order; streams map onto them.
  std::vector<std::string> columns;
  std::map<std::string, size_t> columnOf;
  std::vector<std::vector<size_t>> streamColumns;
  for (const StreamSummary& s : streamList.value()) {
    std::vector<size_t> cols;
    for (const std::string& name : s.spec.channelNames) {
      auto [it, added] = columnOf.emplace(name, columns.size());
      if (added) columns.push_back(name);
      cols.push_back(it->second);
    }
    streamColumns.push_back(std::move(cols));
  }

  // Written next to the target and renamed at the end, so a failed export never leaves a
  // half-written file under the name the user chose.
  const std::string tmpPath = path + ".part";
  std::ofstream out(tmpPath, std::ios::binary | std::ios::trunc);
  if (!out)
    return Error("cannot write " + tmpPath + " (check the folder exists and is writable)", ctx);
  out << "recording,device,topic,timestamp_us";
  for (const auto& c : columns) out << ',' << csvField(c);
  out << '\n';
  const std::string recName = csvField(rec->name);
  std::vector<std::string> cells(columns.size());
  char buf[32];
  for (size_t si = 0; si < streamList->size(); ++si) {
    const StreamSummary& s = (*streamList)[si];
    if (s.spec.kind == StreamKind::Image) continue;  // images have no values to put in a cell
    Result<ChunkData> data = readStream(s.id);
    if (!data.ok()) {
      out.close();
      std::filesystem::remove(tmpPath);
      return data.error().wrap(ctx);
    }
    const std::string prefix =
        recName + ',' + csvField(s.spec.deviceId) + ',' + csvField(s.spec.topic) + ',';
    const auto c = static_cast<size_t>(data->channelCount);
    const std::vector<size_t>& cols = streamColumns[si];
    for (size_t i = 0; i < data->timestampsUs.size(); ++i) {
      std::fill(cells.begin(), cells.end(), std::string());
      for (size_t ch = 0; ch < c && ch < cols.size(); ++ch) {
        // %.9g round-trips every float32 exactly.
        std::snprintf(buf, sizeof buf, "%.9g", static_cast<double>(data->values[i * c + ch]));
        cells[cols[ch]] = buf;
      }
      out << prefix << data->timestampsUs[i];
      for (const auto& cell : cells) out << ',' << cell;
      out << '\n';
    }
  }
  out.close();
  if (!out) {
    std::filesystem::remove(tmpPath);
    return Error("writing " + tmpPath + " failed (disk full?)", ctx);
  }
  std::error_code ec;
  std::filesystem::rename(tmpPath, path, ec);
  if (ec) {
    std::filesystem::remove(tmpPath);
    return Error("cannot replace " + path + ": " + ec.message(), ctx);
  }
  return okResult();
}

Result<int> RecordingRepository::markInterrupted() {
  Result<StatementLease> s = m_impl->cache.acquire(
      "UPDATE recordings SET status = 'interrupted' WHERE status = 'recording'");
  if (!s.ok()) return s.error();
  if (Result<void> r = (*s)->run(); !r.ok())
    return r.error().wrap("marking interrupted recordings");
  return sqlite3_changes(m_impl->db());
}

}  // namespace edgewise::store
