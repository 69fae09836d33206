#pragma once
// Writes decoded batches into a recording of the project on its own thread and its own
// SQLite connection, one transaction per flush interval (or per flushMaxSamples queued
// samples), never one per message. Used by CaptureSession; usable alone (benchmarks).

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "core/capture/capture_session.h"
#include "core/capture/live_buffer.h"
#include "core/capture/sample_batch.h"
#include "core/store/project.h"
#include "core/store/recording_repository.h"
#include "core/util/result.h"

namespace edgewise::capture {

struct RecordItem {
  StreamKey key;
  std::string decoderId;
  SampleBatch batch;
  int64_t arrivalUs = 0;
};

class Recorder {
 public:
  // Called on the recorder thread after a failed write (the data stays queued).
  using ErrorHandler = std::function<void(const std::string& message)>;

  // Opens the project (own connection), creates the recording and starts the thread.
  static Result<std::unique_ptr<Recorder>> start(const RecordingOptions& options,
                                                 ErrorHandler onError = {});
  ~Recorder();  // stop() when still running
  Recorder(const Recorder&) = delete;
  Recorder& operator=(const Recorder&) = delete;

  int64_t recordingId() const { return m_recordingId; }
  // Whether the topic is one the recording wants (options.topicFilters; empty: all).
  bool accepts(const std::string& topic) const;
  void enqueue(std::vector<RecordItem> items);
  // Flushes everything queued, commits, finishes the recording and joins the thread.
  // On a write error the recording is left unfinished and the error says how much is unsaved.
  Result<store::RecordingSummary> stop();
  RecorderStats stats() const;

 private:
  explicit Recorder(const RecordingOptions& options);
  void run();
  Result<void> flush(std::vector<RecordItem>& items);
  void addLatencies(const std::vector<int64_t>& publishedUs, int64_t committedUs);

  RecordingOptions m_options;
  ErrorHandler m_onError;
  std::unique_ptr<store::Project> m_project;  // used by the recorder thread only once started
  int64_t m_recordingId = 0;

  struct StreamState {
    int64_t streamId = 0;
    size_t channelCount = 0;
  };
  std::map<StreamKey, StreamState> m_streams;  // recorder thread

  // QoS 1 is "at least once": after a broker restart or a lost PUBACK the same message can
  // arrive twice. A redelivery has the same sequence number AND the same first-sample time;
  // a device that restarted its counter does not (new timestamps), so it is never dropped.
  // Remembered per stream after a successful commit, for the last kDedupWindow messages.
  static constexpr size_t kDedupWindow = 4096;
  using MessageId = std::pair<int64_t, int64_t>;  // (sequence, first sample time)
  struct RecentMessages {
    std::set<MessageId> ids;
    std::deque<MessageId> order;
  };
  std::map<StreamKey, RecentMessages> m_recent;  // recorder thread
  std::atomic<int64_t> m_duplicates{0};

  mutable std::mutex m_queueMutex;
  std::condition_variable m_queueCv;
  std::vector<RecordItem> m_queue;
  std::vector<RecordItem> m_retry;  // failed to commit, written before anything newer
  int64_t m_queuedSamples = 0;
  bool m_stopRequested = false;

  std::thread m_thread;
  std::atomic<bool> m_running{false};
  std::atomic<int64_t> m_messagesStored{0};
  std::atomic<int64_t> m_samplesStored{0};
  std::atomic<int64_t> m_commits{0};
  std::atomic<int64_t> m_pending{0};
  std::atomic<int64_t> m_rejected{0};

  mutable std::mutex m_statsMutex;
  std::vector<double> m_latencies;  // a reservoir unless keepLatencies
  int64_t m_latencySeen = 0;
  std::mt19937_64 m_rng{42};
  mutable double m_p99Cache = 0;
  mutable bool m_p99Dirty = false;
  std::string m_lastError;
};

}  // namespace edgewise::capture
