#include "core/capture/recorder.h"

#include <QDateTime>
#include <algorithm>
#include <chrono>

#include "core/capture/topic_filter.h"
#include "core/util/clock.h"
#include "core/util/log.h"
#include "core/util/percentile.h"

namespace edgewise::capture {

namespace {

// Enough for a stable p99 while bounding memory for day-long recordings.
constexpr size_t kLatencyReservoir = 20000;

store::StreamKind kindOf(const RecordItem& item) {
  if (item.batch.image) return store::StreamKind::Image;
  if (item.decoderId == "pcm16") return store::StreamKind::Audio;
  return store::StreamKind::TimeSeries;
}

}  // namespace

Recorder::Recorder(const RecordingOptions& options) : m_options(options) {}

Result<std::unique_ptr<Recorder>> Recorder::start(const RecordingOptions& options,
                                                  ErrorHandler onError) {
  if (options.projectPath.empty()) {
    return Error("no project file given to record into", "starting a recording");
  }
  std::unique_ptr<Recorder> rec(new Recorder(options));
  rec->m_onError = std::move(onError);
  auto project = store::Project::open(options.projectPath, store::OpenMode::CreateIfMissing);
  if (!project) return project.error().wrap("starting a recording");
  rec->m_project = std::move(*project);
  std::string name = options.name;
  if (name.empty()) {
    name =
        "Recording " +
        QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")).toStdString();
  }
  auto id = rec->m_project->recordings().create(name, util::wallClockUs());
  if (!id) return id.error().wrap("starting a recording");
  rec->m_recordingId = *id;
  rec->m_running = true;
  rec->m_thread = std::thread([r = rec.get()] { r->run(); });
  return rec;
}

Recorder::~Recorder() {
  if (m_thread.joinable()) {
    auto r = stop();
    if (!r)
      qCWarning(lcCapture, "recording stopped with an error: %s", r.error().toString().c_str());
  }
}

bool Recorder::accepts(const std::string& topic) const {
  if (m_options.topicFilters.empty()) return true;
  return std::any_of(m_options.topicFilters.begin(), m_options.topicFilters.end(),
                     [&](const std::string& f) { return topicMatchesFilter(f, topic); });
}

void Recorder::enqueue(std::vector<RecordItem> items) {
  if (items.empty()) return;
  int64_t samples = 0;
  for (const auto& it : items) samples += static_cast<int64_t>(it.batch.sampleCount());
  bool wake = false;
  {
    std::lock_guard lock(m_queueMutex);
    if (m_queue.empty()) {
      m_queue = std::move(items);
    } else {
      m_queue.insert(m_queue.end(), std::make_move_iterator(items.begin()),
                     std::make_move_iterator(items.end()));
    }
    m_queuedSamples += samples;
    m_pending = static_cast<int64_t>(m_queue.size() + m_retry.size());
    wake = m_queuedSamples >= m_options.flushMaxSamples;
  }
  if (wake) m_queueCv.notify_one();
}

void Recorder::run() {
  const auto interval = std::chrono::milliseconds(std::max(1, m_options.flushIntervalMs));
  auto nextFlush = std::chrono::steady_clock::now() + interval;
  while (true) {
    std::vector<RecordItem> batch;
    bool stopping = false;
    {
      std::unique_lock lock(m_queueMutex);
      m_queueCv.wait_until(lock, nextFlush, [&] {
        return m_stopRequested || m_queuedSamples >= m_options.flushMaxSamples;
      });
      stopping = m_stopRequested;
      nextFlush = std::chrono::steady_clock::now() + interval;
      // Items that failed before go first so every stream stays in arrival order.
      batch = std::move(m_retry);
      m_retry.clear();
      if (batch.empty()) {
        batch.swap(m_queue);
      } else {
        batch.insert(batch.end(), std::make_move_iterator(m_queue.begin()),
                     std::make_move_iterator(m_queue.end()));
        m_queue.clear();
      }
      m_queuedSamples = 0;
    }
    if (!batch.empty()) {
      auto r = flush(batch);
      if (!r) {
        const std::string message = r.error().toString();
        {
          std::lock_guard lock(m_statsMutex);
          m_lastError = message;
        }
        qCWarning(lcCapture, "recording write failed, %zu messages kept queued: %s", batch.size(),
                  message.c_str());
        if (m_onError) m_onError(message);
        std::lock_guard lock(m_queueMutex);
        m_retry = std::move(batch);
        m_pending = static_cast<int64_t>(m_queue.size() + m_retry.size());
        if (stopping) break;  // stop() reports what stayed unsaved
        continue;
      }
    }
    {
      std::lock_guard lock(m_queueMutex);
      m_pending = static_cast<int64_t>(m_queue.size() + m_retry.size());
      if (stopping && m_queue.empty()) break;
    }
  }
}

Result<void> Recorder::flush(std::vector<RecordItem>& items) {
  std::map<StreamKey, StreamState> newStreams;
  std::map<StreamKey, store::ChunkData> chunks;
  std::vector<int64_t> published;
  int64_t samples = 0;
  int64_t messages = 0;
  std::vector<std::string> layoutErrors;

  // Redeliveries (see m_recent) are dropped before the transaction; what this batch adds to
  // the remembered ids is applied only after the commit, so a retried batch is not dropped.
  std::vector<char> duplicate(items.size(), 0);
  std::map<StreamKey, std::vector<MessageId>> fresh;
  for (size_t i = 0; i < items.size(); ++i) {
    const SampleBatch& b = items[i].batch;
    if (!b.sequence) continue;
    const MessageId id{*b.sequence,
                       b.timestampsUs.empty() ? items[i].arrivalUs : b.timestampsUs.front()};
    auto& batchIds = fresh[items[i].key];
    const auto recent = m_recent.find(items[i].key);
    const bool seen = (recent != m_recent.end() && recent->second.ids.count(id) > 0) ||
                      std::find(batchIds.begin(), batchIds.end(), id) != batchIds.end();
    if (seen) {
      duplicate[i] = 1;
    } else {
      batchIds.push_back(id);
    }
  }
  const auto duplicates = std::count(duplicate.begin(), duplicate.end(), 1);

  auto r = m_project->transaction([&]() -> Result<void> {
    newStreams.clear();
    chunks.clear();
    published.clear();
    layoutErrors.clear();
    samples = 0;
    messages = 0;
    for (size_t i = 0; i < items.size(); ++i) {
      if (duplicate[i]) continue;
      const RecordItem& item = items[i];
      const SampleBatch& b = item.batch;
      auto known = m_streams.find(item.key);
      StreamState* state = nullptr;
      if (known != m_streams.end()) {
        state = &known->second;
      } else if (auto n = newStreams.find(item.key); n != newStreams.end()) {
        state = &n->second;
      } else {
        store::StreamSpec spec;
        spec.deviceId = item.key.deviceId;
        spec.topic = item.key.topic;
        spec.decoderId = item.decoderId;
        spec.kind = kindOf(item);
        spec.channelNames = b.channelNames;
        spec.units = b.units;
        spec.sampleRateHz = b.sampleRateHz;
        auto id = m_project->recordings().addStream(m_recordingId, spec);
        if (!id) return id.error().wrap("adding stream " + item.key.topic);
        state = &newStreams[item.key];
        state->streamId = *id;
        state->channelCount = b.channelCount();
      }
      if (b.channelCount() != state->channelCount ||
          b.values.size() != b.sampleCount() * state->channelCount) {
        // The stream's layout is fixed by its first message; a different one cannot share
        // its chunks. Reported, not written.
        layoutErrors.push_back(item.key.topic + ": the channel layout changed from " +
                               std::to_string(state->channelCount) + " to " +
                               std::to_string(b.channelCount()) + " channels");
        continue;
      }
      auto& chunk = chunks[item.key];
      chunk.streamId = state->streamId;
      chunk.channelCount = static_cast<int>(state->channelCount);
      if (b.image && b.sampleCount() == 0) {
        // An image stream stores one "sample" per image at its arrival time.
        chunk.timestampsUs.push_back(item.arrivalUs);
      } else {
        chunk.timestampsUs.insert(chunk.timestampsUs.end(), b.timestampsUs.begin(),
                                  b.timestampsUs.end());
        chunk.values.insert(chunk.values.end(), b.values.begin(), b.values.end());
      }
      if (b.image) chunk.images.push_back(b.image->encoded);
      if (b.sequence) chunk.sequences.push_back(*b.sequence);
      if (b.publishedUs) {
        chunk.publishedUs.push_back(*b.publishedUs);
        published.push_back(*b.publishedUs);
      }
      ++chunk.messageCount;
      ++messages;
      samples += static_cast<int64_t>(b.image && b.sampleCount() == 0 ? 1 : b.sampleCount());
    }
    for (const auto& [key, chunk] : chunks) {
      EW_TRY(m_project->recordings().appendChunk(chunk));
    }
    return okResult();
  });
  if (!r) return r.error().wrap("writing recording " + std::to_string(m_recordingId));
  const int64_t committedUs = util::wallClockUs();
  m_streams.insert(newStreams.begin(), newStreams.end());
  for (auto& [key, ids] : fresh) {
    RecentMessages& recent = m_recent[key];
    for (const MessageId& id : ids) {
      recent.ids.insert(id);
      recent.order.push_back(id);
      if (recent.order.size() > kDedupWindow) {
        recent.ids.erase(recent.order.front());
        recent.order.pop_front();
      }
    }
  }
  m_duplicates += duplicates;
  m_messagesStored += messages;
  m_samplesStored += samples;
  ++m_commits;
  addLatencies(published, committedUs);
  if (!layoutErrors.empty()) {
    m_rejected += static_cast<int64_t>(layoutErrors.size());
    const std::string message =
        std::to_string(layoutErrors.size()) + " message(s) not recorded: " + layoutErrors.front();
    {
      std::lock_guard lock(m_statsMutex);
      m_lastError = message;
    }
    if (m_onError) m_onError(message);
  }
  items.clear();
  return okResult();
}

void Recorder::addLatencies(const std::vector<int64_t>& publishedUs, int64_t committedUs) {
  if (publishedUs.empty()) return;
  std::lock_guard lock(m_statsMutex);
  for (int64_t p : publishedUs) {
    const double ms = static_cast<double>(committedUs - p) / 1000.0;
    ++m_latencySeen;
    if (m_options.keepLatencies || m_latencies.size() < kLatencyReservoir) {
      m_latencies.push_back(ms);
    } else {
      // Reservoir sampling keeps a uniform sample of the whole recording.
      std::uniform_int_distribution<int64_t> pick(0, m_latencySeen - 1);
      const int64_t j = pick(m_rng);
      if (j < static_cast<int64_t>(kLatencyReservoir)) m_latencies[static_cast<size_t>(j)] = ms;
    }
  }
  m_p99Dirty = true;
}

Result<store::RecordingSummary> Recorder::stop() {
  if (m_thread.joinable()) {
    {
      std::lock_guard lock(m_queueMutex);
      m_stopRequested = true;
    }
    m_queueCv.notify_one();
    m_thread.join();
  }
  m_running = false;
  size_t unsaved = 0;
  {
    std::lock_guard lock(m_queueMutex);
    unsaved = m_queue.size() + m_retry.size();
  }
  if (unsaved > 0) {
    std::string last;
    {
      std::lock_guard lock(m_statsMutex);
      last = m_lastError;
    }
    return Error(std::to_string(unsaved) +
                     " message(s) could not be written and are not in the recording: " + last,
                 "stopping recording " + std::to_string(m_recordingId));
  }
  auto fin = m_project->recordings().finish(m_recordingId);
  if (!fin) return fin.error().wrap("stopping recording " + std::to_string(m_recordingId));
  return m_project->recordings().get(m_recordingId);
}

RecorderStats Recorder::stats() const {
  RecorderStats s;
  s.active = m_running;
  s.recordingId = m_recordingId;
  s.messagesStored = m_messagesStored;
  s.samplesStored = m_samplesStored;
  s.commits = m_commits;
  s.pending = m_pending;
  s.duplicatesDropped = m_duplicates;
  std::lock_guard lock(m_statsMutex);
  if (m_p99Dirty) {
    m_p99Cache = m_latencies.empty() ? 0.0 : util::percentile(m_latencies, 99.0);
    m_p99Dirty = false;
  }
  s.p99StoreLatencyMs = m_p99Cache;
  if (m_options.keepLatencies) s.storeLatenciesMs = m_latencies;
  s.lastError = m_lastError;
  return s;
}

}  // namespace edgewise::capture
