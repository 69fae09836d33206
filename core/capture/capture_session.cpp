#include "core/capture/capture_session.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <mqtt/async_client.h>
#include <QMetaObject>
#include <QPointer>
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <limits>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <thread>
#include <unordered_map>

#include "core/capture/decoder_registry.h"
#include "core/capture/recorder.h"
#include "core/capture/topic_filter.h"
#include "core/store/project.h"
#include "core/store/quarantine_repository.h"
#include "core/util/clock.h"
#include "core/util/log.h"

namespace edgewise::capture {

const char* toString(ConnectionState state) {
  switch (state) {
    case ConnectionState::Disconnected:
      return "disconnected";
    case ConnectionState::Connecting:
      return "connecting";
    case ConnectionState::Connected:
      return "connected";
    case ConnectionState::Reconnecting:
      return "reconnecting";
    case ConnectionState::Failed:
      return "failed";
  }
  return "unknown";
}

namespace {

constexpr size_t kDefaultLiveCapacity = 30000;
// All live buffers of a session together (core/capture/README.md, "Live buffer memory"):
// a few streams get their full 30,000 samples, 1,000 IMU streams ~8,000 each (80 s at 100 Hz).
constexpr size_t kDefaultLiveBudgetBytes = 256u * 1024u * 1024u;
constexpr int64_t kRateBucketUs = 100000;  // 100 ms buckets ...
constexpr int64_t kRateBuckets = 20;       // ... over a ~2 s window
constexpr size_t kPreviewBytes = 256;
constexpr const char* kPresenceDecoder = "presence";

struct Inbound {
  mqtt::const_message_ptr message;
  int64_t arrivalUs = 0;
};

std::string randomClientId() {
  std::random_device rd;
  std::mt19937 gen(rd());
  std::uniform_int_distribution<int> hex(0, 15);
  std::string id = "edgewise-";
  for (int i = 0; i < 12; ++i) id += "0123456789abcdef"[hex(gen)];
  return id;
}

bool endsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string topicLevel2OrTopic(const std::string& topic) {
  const auto first = topic.find('/');
  if (first == std::string::npos) return topic;
  const auto second = topic.find('/', first + 1);
  if (second == std::string::npos) return topic;
  const std::string level = topic.substr(first + 1, second - first - 1);
  return level.empty() ? topic : level;
}

std::string previewOf(std::string_view payload) {
  const std::string_view head = payload.substr(0, kPreviewBytes);
  const bool printable = std::all_of(head.begin(), head.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return c >= 0x20 ? c != 0x7f : (c == '\n' || c == '\r' || c == '\t');
  });
  if (printable) return std::string(head);
  static const char* kHex = "0123456789abcdef";
  std::string out;
  const size_t n = std::min<size_t>(head.size(), 85);  // ~256 characters of hex
  out.reserve(n * 3);
  for (size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(head[i]);
    if (i) out += ' ';
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  if (payload.size() > n) out += " ...";
  return out;
}

// Why a TCP connection cannot be made, asked of the OS: Paho only says "TCP/TLS connect
// failure", which leaves a user guessing between a typo, a dead broker and a firewall.
std::string probeTcp(const std::string& host, int port, int timeoutMs = 2000) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* res = nullptr;
  const int gai = ::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &res);
  if (gai != 0) return std::string("unknown host (") + ::gai_strerror(gai) + ")";
  std::string reason = "no address to connect to";
  for (addrinfo* ai = res; ai; ai = ai->ai_next) {
    const int fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK, ai->ai_protocol);
    if (fd < 0) {
      reason = std::strerror(errno);
      continue;
    }
    int rc = ::connect(fd, ai->ai_addr, ai->ai_addrlen);
    int err = rc == 0 ? 0 : errno;
    if (rc != 0 && err == EINPROGRESS) {
      pollfd p{fd, POLLOUT, 0};
      const int pr = ::poll(&p, 1, timeoutMs);
      if (pr == 0) {
        err = ETIMEDOUT;
      } else {
        socklen_t len = sizeof(err);
        ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
      }
    }
    ::close(fd);
    if (err == 0) {
      reason.clear();
      break;
    }
    reason = err == ETIMEDOUT ? "connection timed out" : std::strerror(err);
  }
  ::freeaddrinfo(res);
  std::transform(reason.begin(), reason.end(), reason.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return reason;
}

std::string connackMessage(int rc) {
  switch (rc) {
    case 1:
      return "the broker refused the MQTT protocol version";
    case 2:
      return "the broker refused the client id";
    case 3:
      return "the MQTT service is unavailable on this server";
    case 4:
      return "bad user name or password";
    case 5:
      return "not authorised (check user name, password or client certificate)";
    default:
      return {};
  }
}

struct RateWindow {
  std::deque<std::pair<int64_t, int64_t>> buckets;  // (bucket index, messages)
  int64_t firstUs = 0;
  void add(int64_t nowUs) {
    const int64_t b = nowUs / kRateBucketUs;
    if (!buckets.empty() && buckets.back().first == b) {
      ++buckets.back().second;
    } else {
      buckets.emplace_back(b, 1);
    }
    if (firstUs == 0) firstUs = nowUs;
    while (!buckets.empty() && buckets.front().first <= b - kRateBuckets) buckets.pop_front();
  }
  double rate(int64_t nowUs) const {
    const int64_t b = nowUs / kRateBucketUs;
    int64_t n = 0;
    for (const auto& [idx, count] : buckets) {
      if (idx > b - kRateBuckets) n += count;
    }
    if (n == 0) return 0;
    // A topic seen for less than the window gets its rate over the time it has existed.
    const double span = std::clamp(static_cast<double>(nowUs - firstUs) / 1e6, 0.2,
                                   static_cast<double>(kRateBuckets * kRateBucketUs) / 1e6);
    return static_cast<double>(n) / span;
  }
};

struct TopicState {
  TopicStats stats;
  RateWindow rate;
  // The preview is made from it when a snapshot is taken, not for every message.
  mqtt::const_message_ptr lastMessage;
};

struct TopicDecoder {
  const PayloadDecoder* decoder = nullptr;
  DecoderOptions options;
  bool hasOptions = false;
};

struct Override {
  std::string decoderId;
  DecoderOptions options;
};

}  // namespace

struct CaptureSession::Impl : public mqtt::callback {
  CaptureSession* q = nullptr;

  // --- configuration, guarded by m_configMutex (GUI thread writes, others read) ---
  mutable std::mutex configMutex;
  BrokerSettings settings;
  std::vector<Subscription> subs;
  std::map<std::string, Override> overrides;
  std::atomic<uint64_t> overridesVersion{0};
  // Opened by setQuarantineProject() on the caller's thread, then owned by the decode thread.
  std::unique_ptr<store::Project> pendingQuarantine;
  std::atomic<uint64_t> quarantineVersion{0};
  size_t liveCapacity = kDefaultLiveCapacity;
  const std::shared_ptr<LiveBudget> liveBudget =
      std::make_shared<LiveBudget>(kDefaultLiveBudgetBytes);

  // --- MQTT ---
  std::mutex clientMutex;  // serialises connect/disconnect/subscribe calls
  std::unique_ptr<mqtt::async_client> client;
  // What Paho callbacks use: they must not take clientMutex, which a caller may hold while
  // waiting for a token that only Paho's callback thread can complete.
  std::atomic<mqtt::async_client*> liveClient{nullptr};
  std::atomic<ConnectionState> state{ConnectionState::Disconnected};
  std::atomic<bool> wantConnected{false};
  std::atomic<bool> everConnected{false};

  // --- inbound queue (Paho threads -> decode thread) ---
  std::mutex inMutex;
  std::condition_variable inCv;
  std::vector<Inbound> inbound;
  bool stopDecode = false;
  std::thread decodeThread;

  // --- counters ---
  std::atomic<int64_t> received{0};
  std::atomic<int64_t> decoded{0};
  std::atomic<int64_t> decodeErrors{0};
  std::atomic<int64_t> quarantined{0};
  std::atomic<int64_t> samples{0};
  std::atomic<int64_t> reconnects{0};
  std::atomic<int64_t> queueDepth{0};

  // --- decode thread outputs ---
  mutable std::mutex statsMutex;
  std::map<std::string, TopicState> topics;
  std::map<std::string, bool> presence;
  mutable std::mutex buffersMutex;
  std::map<StreamKey, std::shared_ptr<LiveBuffer>> buffers;

  // --- recording ---
  mutable std::mutex recorderMutex;
  std::shared_ptr<Recorder> recorder;
  uint64_t recorderGen = 0;  // bumped per recording: invalidates the topic-filter cache
  RecorderStats lastRecorderStats;

  // --- decode thread private ---
  struct TopicUpdate {
    int64_t messages = 0;
    int64_t bytes = 0;
    int64_t samples = 0;
    int64_t errors = 0;
    std::vector<int64_t> arrivals;
    std::string deviceId;
    std::string decoderId;
    const Inbound* last = nullptr;
    std::string lastError;
    // Keeps the allocations: the same topics come back in every batch.
    void reset() {
      messages = bytes = samples = errors = 0;
      arrivals.clear();
      deviceId.clear();
      decoderId.clear();
      last = nullptr;
      lastError.clear();
    }
  };
  // What the decode thread knows about a topic, found with one hash lookup per message
  // (it used to be four lookups, a StreamKey and a shared-map lock per stream and batch).
  struct TopicRoute {
    bool isPresence = false;
    TopicDecoder decoder;
    std::string decoderId;
    uint64_t decoderEpoch = 0;  // valid while equal to Impl::decoderEpoch
    bool recordWanted = false;
    uint64_t recordGen = std::numeric_limits<uint64_t>::max();  // valid while == recorderGenSeen
    // The stream this topic fed last and its buffer (the same object as in `buffers`).
    std::string streamDevice;
    std::shared_ptr<LiveBuffer> buffer;
    TopicUpdate update;  // this batch
    bool touched = false;
  };
  using RouteEntry = std::pair<const std::string, TopicRoute>;
  std::unordered_map<std::string, TopicRoute> routes;
  std::vector<RouteEntry*> touchedRoutes;  // this batch, in order of first arrival
  uint64_t decoderEpoch = 1;
  uint64_t seenOverridesVersion = 0;
  std::map<std::string, Override> overridesCopy;
  uint64_t seenQuarantineVersion = 0;
  std::unique_ptr<store::Project> quarantineProject;
  uint64_t recorderGenSeen = 0;

  // --- reconnecting (decode thread drives it; Paho threads report outcomes) ---
  mqtt::connect_options connectOptions;  // written before connecting, then read-only
  std::atomic<bool> attemptInFlight{false};
  std::atomic<int64_t> backoffMs{1000};
  std::atomic<int64_t> nextAttemptUs{0};
  int64_t lastProbeUs = 0;

  // Reports the outcome of the first connect; reconnects report through connected().
  struct ConnectListener : public mqtt::iaction_listener {
    Impl* d = nullptr;
    std::string host;
    int port = 0;
    std::string uri;
    bool tls = false;
    void on_success(const mqtt::token&) override {}
    void on_failure(const mqtt::token& tok) override {
      const int rc = tok.get_return_code();
      std::string why = connackMessage(rc);
      if (why.empty()) {
        why = probeTcp(host, port);
        if (why.empty()) {
          why = tls ? "the TLS or MQTT handshake failed (check the CA file, the client "
                      "certificate and key, and that this port speaks TLS)"
                    : "the server accepts TCP connections but the MQTT handshake failed (is it "
                      "an MQTT broker, and does it expect TLS?)";
        }
      }
      d->wantConnected = false;
      d->setState(ConnectionState::Failed, "cannot reach " + uri + ": " + why);
    }
  };
  ConnectListener connectListener;

  struct ReconnectListener : public mqtt::iaction_listener {
    Impl* d = nullptr;
    void on_success(const mqtt::token&) override {
      d->backoffMs = 1000;
      d->attemptInFlight = false;
    }
    void on_failure(const mqtt::token& tok) override {
      qCDebug(lcCapture, "reconnect attempt failed (%d)", tok.get_return_code());
      d->scheduleRetry();
      d->attemptInFlight = false;
    }
  };
  ReconnectListener reconnectListener;

  explicit Impl(CaptureSession* owner) : q(owner) {
    connectListener.d = this;
    reconnectListener.d = this;
    subscribeListener.d = this;
  }

  // ------------------------------------------------------------------ signals (queued)
  void setState(ConnectionState s, const std::string& message) {
    state = s;
    QPointer<CaptureSession> self(q);
    const QString text = QString::fromStdString(message);
    QMetaObject::invokeMethod(
        q,
        [self, s, text] {
          if (self) Q_EMIT self->stateChanged(s, text);
        },
        Qt::QueuedConnection);
  }
  void emitError(const std::string& message) {
    qCWarning(lcCapture, "%s", message.c_str());
    const QString text = QString::fromStdString(message);
    QMetaObject::invokeMethod(
        q,
        [self = QPointer<CaptureSession>(q), text] {
          if (self) Q_EMIT self->errorOccurred(text);
        },
        Qt::QueuedConnection);
  }
  void emitTopicDiscovered(const std::string& topic) {
    const QString text = QString::fromStdString(topic);
    QMetaObject::invokeMethod(
        q,
        [self = QPointer<CaptureSession>(q), text] {
          if (self) Q_EMIT self->topicDiscovered(text);
        },
        Qt::QueuedConnection);
  }

  // ------------------------------------------------------------------ Paho callbacks
  // "Connected" is reported once the subscriptions are confirmed again, so a user (and a
  // test) seeing Connected knows messages flow.
  void connected(const std::string& /*cause*/) override {
    qCDebug(lcCapture, "connected");
    if (everConnected.exchange(true)) ++reconnects;
    if (!resubscribeAll()) setState(ConnectionState::Connected, "connected to " + serverUri());
  }

  void connection_lost(const std::string& cause) override {
    qCDebug(lcCapture, "connection lost: %s", cause.c_str());
    bool autoReconnect = false;
    {
      std::lock_guard lock(configMutex);
      autoReconnect = settings.autoReconnect;
    }
    const std::string why = cause.empty() ? std::string("the broker closed the connection") : cause;
    if (autoReconnect && wantConnected) {
      backoffMs = 1000;
      nextAttemptUs = util::monotonicUs() + 1000 * 1000;
      setState(ConnectionState::Reconnecting,
               "connection to " + serverUri() + " lost (" + why + "), reconnecting");
    } else {
      setState(ConnectionState::Disconnected,
               "connection to " + serverUri() + " lost (" + why + ")");
    }
  }

  void message_arrived(mqtt::const_message_ptr msg) override {
    const int64_t now = util::wallClockUs();
    bool wasEmpty = false;
    {
      std::lock_guard lock(inMutex);
      wasEmpty = inbound.empty();
      inbound.push_back(Inbound{std::move(msg), now});
      queueDepth = static_cast<int64_t>(inbound.size());
    }
    ++received;
    // The decode thread takes the whole queue at once: a non-empty queue was already signalled,
    // so a burst costs one wake-up instead of one per message.
    if (wasEmpty) inCv.notify_one();
  }

  std::string serverUri() const {
    std::lock_guard lock(configMutex);
    return settings.serverUri();
  }

  // Returns true when a SUBSCRIBE went out; its outcome then reports Connected.
  bool resubscribeAll() {
    std::vector<Subscription> copy;
    {
      std::lock_guard lock(configMutex);
      copy = subs;
    }
    mqtt::async_client* c = liveClient;
    if (copy.empty() || !c) return false;
    auto filters = std::make_shared<mqtt::string_collection>();
    std::vector<int> qos;
    for (const auto& s : copy) {
      filters->push_back(s.filter);
      qos.push_back(s.qos);
    }
    try {
      // Non-blocking: waiting for a token inside a Paho callback would deadlock it.
      c->subscribe(filters, qos, nullptr, subscribeListener);
      return true;
    } catch (const mqtt::exception& e) {
      emitError(std::string("cannot resubscribe after reconnecting: ") + e.what());
      return false;
    }
  }

  struct SubscribeListener : public mqtt::iaction_listener {
    Impl* d = nullptr;
    void on_success(const mqtt::token&) override {
      d->setState(ConnectionState::Connected, "connected to " + d->serverUri());
    }
    void on_failure(const mqtt::token& tok) override {
      d->emitError("the broker refused the subscriptions (code " +
                   std::to_string(tok.get_return_code()) + "); check the topic filters and ACLs");
      d->setState(ConnectionState::Connected, "connected to " + d->serverUri());
    }
  };
  SubscribeListener subscribeListener;

  // ------------------------------------------------------------------ decode thread
  void startDecodeThread() {
    decodeThread = std::thread([this] { decodeLoop(); });
  }

  void stopDecodeThread() {
    {
      std::lock_guard lock(inMutex);
      stopDecode = true;
    }
    inCv.notify_one();
    if (decodeThread.joinable()) decodeThread.join();
  }

  void decodeLoop() {
    std::vector<Inbound> batch;
    while (true) {
      bool stopping = false;
      {
        std::unique_lock lock(inMutex);
        inCv.wait_for(lock, std::chrono::milliseconds(50),
                      [&] { return stopDecode || !inbound.empty(); });
        stopping = stopDecode;
        batch.swap(inbound);
        queueDepth = 0;
      }
      refreshConfig();
      if (!batch.empty()) processBatch(batch);
      driveReconnect();
      batch.clear();
      if (stopping) {
        std::lock_guard lock(inMutex);
        if (inbound.empty()) break;
      }
    }
    quarantineProject.reset();
  }

  // Reconnecting is driven here rather than by Paho's automatic reconnect: Paho's back-off
  // (1, 2, 4, 8 s, with jitter) can leave a broker that is back unused for up to 8 s. This
  // keeps the same back-off for a broker that stays down, and in between probes the port
  // every 0.25 s (a plain TCP connect) so a returning broker is used at once.
  void driveReconnect() {
    if (state != ConnectionState::Reconnecting || !wantConnected || attemptInFlight) return;
    const int64_t now = util::monotonicUs();
    bool attempt = now >= nextAttemptUs;
    if (!attempt && now - lastProbeUs >= 250000) {
      lastProbeUs = now;
      std::string host;
      int port = 0;
      {
        std::lock_guard lock(configMutex);
        host = settings.host;
        port = settings.port;
      }
      attempt = probeTcp(host, port, 150).empty();
    }
    if (!attempt) return;
    // Never wait here for a caller that holds the mutex while waiting on a token.
    std::unique_lock lock(clientMutex, std::try_to_lock);
    if (!lock.owns_lock() || !client || !wantConnected) return;
    attemptInFlight = true;
    qCDebug(lcCapture, "reconnect attempt (%s)", now >= nextAttemptUs ? "back-off" : "probe");
    try {
      client->connect(connectOptions, nullptr, reconnectListener);
    } catch (const mqtt::exception& e) {
      attemptInFlight = false;
      scheduleRetry();
      qCInfo(lcCapture, "reconnect attempt: %s", e.what());
    }
  }

  void scheduleRetry() {
    backoffMs = std::min<int64_t>(backoffMs * 2, 8000);
    nextAttemptUs = util::monotonicUs() + backoffMs * 1000;
  }

  void refreshConfig() {
    if (overridesVersion != seenOverridesVersion) {
      std::lock_guard lock(configMutex);
      seenOverridesVersion = overridesVersion;
      overridesCopy = overrides;
      // A changed choice applies from the next message of every topic.
      ++decoderEpoch;
    }
    if (quarantineVersion != seenQuarantineVersion) {
      std::lock_guard lock(configMutex);
      seenQuarantineVersion = quarantineVersion;
      quarantineProject = std::move(pendingQuarantine);
    }
  }

  // Picks (and remembers) the decoder of a topic; nullptr with *error set when none fits.
  const TopicDecoder* decoderFor(TopicRoute& route, const std::string& topic,
                                 std::string_view payload, std::string* error) {
    if (route.decoderEpoch == decoderEpoch) return &route.decoder;
    TopicDecoder td;
    for (const auto& [filter, ov] : overridesCopy) {
      if (!topicMatchesFilter(filter, topic)) continue;
      td.decoder = DecoderRegistry::instance().find(ov.decoderId);
      if (!td.decoder) {
        *error = "the decoder \"" + ov.decoderId + "\" chosen for " + filter + " is not available";
        return nullptr;
      }
      td.options = ov.options;
      td.hasOptions = true;
      break;
    }
    if (!td.decoder) {
      td.decoder = DecoderRegistry::instance().detect(payload);
      if (!td.decoder) {
        *error = "no decoder recognises this payload (choose one for the topic)";
        return nullptr;
      }
    }
    route.decoder = std::move(td);
    route.decoderId = route.decoder.decoder->id();
    route.decoderEpoch = decoderEpoch;
    return &route.decoder;
  }

  bool recorderWants(Recorder* rec, TopicRoute& route, const std::string& topic) {
    if (route.recordGen != recorderGenSeen) {
      route.recordWanted = rec->accepts(topic);
      route.recordGen = recorderGenSeen;
    }
    return route.recordWanted;
  }

  TopicRoute& routeFor(const std::string& topic) {
    auto it = routes.find(topic);
    if (it == routes.end()) {
      it = routes.emplace(topic, TopicRoute{}).first;
      it->second.isPresence = endsWith(topic, "/status");
    }
    if (!it->second.touched) {
      it->second.touched = true;
      it->second.update.reset();
      touchedRoutes.push_back(&*it);
    }
    return it->second;
  }

  std::shared_ptr<LiveBuffer> bufferFor(const StreamKey& key, const SampleBatch& b) {
    std::lock_guard lock(buffersMutex);
    auto& buf = buffers[key];
    if (!buf || buf->channelCount() != b.channelCount() || buf->channelNames() != b.channelNames) {
      // A new layout gets a new buffer: readers notice the changed pointer.
      buf = std::make_shared<LiveBuffer>(key, b.channelNames, liveCapacityCopy(), liveBudget);
    }
    return buf;
  }
  size_t liveCapacityCopy() {
    std::lock_guard lock(configMutex);
    return liveCapacity;
  }

  void processBatch(const std::vector<Inbound>& batch) {
    std::shared_ptr<Recorder> rec;
    uint64_t gen = 0;
    {
      std::lock_guard lock(recorderMutex);
      rec = recorder;
      gen = recorderGen;
    }
    recorderGenSeen = gen;  // routes re-ask a new recorder which topics it wants
    std::vector<RecordItem> toRecord;
    if (rec) toRecord.reserve(batch.size());
    std::vector<store::QuarantinedMessage> toQuarantine;
    std::vector<std::pair<std::string, bool>> presenceUpdates;
    touchedRoutes.clear();
    std::string deviceFromTopic;

    for (const Inbound& in : batch) {
      const std::string& topic = in.message->get_topic();
      const std::string& payload = in.message->get_payload_ref().str();
      TopicRoute& route = routeFor(topic);
      TopicUpdate& u = route.update;
      ++u.messages;
      u.bytes += static_cast<int64_t>(payload.size());
      u.arrivals.push_back(in.arrivalUs);
      u.last = &in;

      if (route.isPresence) {
        handlePresence(topic, payload, u, presenceUpdates);
        continue;
      }

      std::string error;
      const TopicDecoder* td = decoderFor(route, topic, payload, &error);
      if (td) {
        u.decoderId = route.decoderId;
        DecodeContext ctx;
        ctx.topic = topic;
        ctx.arrivalUs = in.arrivalUs;
        ctx.options = td->hasOptions ? &td->options : nullptr;
        Result<SampleBatch> r = td->decoder->decode(payload, ctx);
        if (r) {
          SampleBatch& b = *r;
          ++decoded;
          const auto n = static_cast<int64_t>(b.sampleCount());
          samples += n;
          u.samples += n;
          const std::string& device =
              b.deviceId.empty() ? (deviceFromTopic = topicLevel2OrTopic(topic)) : b.deviceId;
          u.deviceId = device;
          if (!route.buffer || route.streamDevice != device ||
              !route.buffer->hasChannels(b.channelNames)) {
            route.buffer = bufferFor(StreamKey{device, topic}, b);
            route.streamDevice = device;
          }
          route.buffer->append(b);
          if (rec && recorderWants(rec.get(), route, topic)) {
            StreamKey key{device, topic};
            toRecord.push_back(
                RecordItem{std::move(key), route.decoderId, std::move(b), in.arrivalUs});
          }
          continue;
        }
        error = r.error().message;
      }
      ++decodeErrors;
      ++u.errors;
      u.lastError = error;
      if (quarantineProject) {
        store::QuarantinedMessage qm;
        qm.arrivalUs = in.arrivalUs;
        qm.topic = topic;
        qm.decoderId = td ? td->decoder->id() : std::string();
        qm.error = error;
        qm.payloadSize = static_cast<int64_t>(payload.size());
        const size_t keep =
            std::min<size_t>(payload.size(), store::QuarantineRepository::kMaxPayloadBytes);
        qm.payload.assign(payload.begin(), payload.begin() + static_cast<std::ptrdiff_t>(keep));
        toQuarantine.push_back(std::move(qm));
      }
    }

    if (rec && !toRecord.empty()) rec->enqueue(std::move(toRecord));
    if (!toQuarantine.empty()) writeQuarantine(toQuarantine);
    publishStats(presenceUpdates);
  }

  void handlePresence(const std::string& topic, const std::string& payload, TopicUpdate& u,
                      std::vector<std::pair<std::string, bool>>& presenceUpdates) {
    u.decoderId = kPresenceDecoder;
    std::string device = topicLevel2OrTopic(topic);
    if (payload.empty()) return;  // a cleared retained message says nothing
    const auto json = nlohmann::json::parse(payload, nullptr, false);
    if (json.is_discarded() || !json.is_object()) {
      // Presence of non-Edgewise devices may be plain text ("online"/"offline").
      std::string text = payload;
      std::transform(text.begin(), text.end(), text.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (text == "online" || text == "1" || text == "true") {
        presenceUpdates.emplace_back(device, true);
      } else if (text == "offline" || text == "0" || text == "false") {
        presenceUpdates.emplace_back(device, false);
      }
      u.deviceId = device;
      return;
    }
    for (const char* k : {"device", "device_id"}) {
      if (auto it = json.find(k); it != json.end() && it->is_string()) {
        device = it->get<std::string>();
        break;
      }
    }
    u.deviceId = device;
    if (auto it = json.find("state"); it != json.end() && it->is_string()) {
      presenceUpdates.emplace_back(device, it->get<std::string>() == "online");
    }
  }

  void writeQuarantine(const std::vector<store::QuarantinedMessage>& messages) {
    auto r = quarantineProject->transaction([&]() -> Result<void> {
      for (const auto& m : messages) EW_TRY(quarantineProject->quarantine().add(m));
      return okResult();
    });
    if (r) {
      quarantined += static_cast<int64_t>(messages.size());
    } else {
      // They stay counted as decode errors per topic; the user learns the store refused them.
      emitError(std::to_string(messages.size()) +
                " malformed message(s) could not be quarantined: " + r.error().toString());
    }
  }

  void publishStats(const std::vector<std::pair<std::string, bool>>& presenceUpdates) {
    std::vector<std::string> discovered;
    {
      std::lock_guard lock(statsMutex);
      for (RouteEntry* entry : touchedRoutes) {
        const std::string& topic = entry->first;
        TopicUpdate& u = entry->second.update;
        entry->second.touched = false;
        auto [it, inserted] = topics.try_emplace(topic);
        TopicState& ts = it->second;
        if (inserted) {
          ts.stats.topic = topic;
          discovered.push_back(topic);
        }
        ts.stats.messages += u.messages;
        ts.stats.bytes += u.bytes;
        ts.stats.samples += u.samples;
        ts.stats.decodeErrors += u.errors;
        if (!u.deviceId.empty()) ts.stats.deviceId = u.deviceId;
        if (ts.stats.deviceId.empty()) ts.stats.deviceId = topicLevel2OrTopic(topic);
        if (!u.decoderId.empty()) ts.stats.decoderId = u.decoderId;
        if (!u.lastError.empty()) ts.stats.lastError = u.lastError;
        for (int64_t a : u.arrivals) ts.rate.add(a);
        if (u.last) {
          ts.stats.lastArrivalUs = u.last->arrivalUs;
          ts.stats.retained = u.last->message->is_retained();
          ts.lastMessage = u.last->message;
        }
      }
      for (const auto& [device, online] : presenceUpdates) presence[device] = online;
    }
    for (const auto& t : discovered) emitTopicDiscovered(t);
  }
};

// ==================================================================== CaptureSession

CaptureSession::CaptureSession(QObject* parent)
    : QObject(parent), m_impl(std::make_unique<Impl>(this)) {
  qRegisterMetaType<edgewise::capture::ConnectionState>("edgewise::capture::ConnectionState");
  m_impl->startDecodeThread();
}

CaptureSession::~CaptureSession() {
  if (isRecording()) {
    auto r = stopRecording();
    if (!r) qCWarning(lcCapture, "%s", r.error().toString().c_str());
  }
  disconnectFromBroker();
  m_impl->stopDecodeThread();
}

Result<void> CaptureSession::connectToBroker(const BrokerSettings& settings) {
  disconnectFromBroker();
  Impl& d = *m_impl;
  BrokerSettings s = settings;
  if (s.clientId.empty()) s.clientId = randomClientId();
  {
    std::lock_guard lock(d.configMutex);
    d.settings = s;
  }
  const std::string uri = s.serverUri();
  std::lock_guard lock(d.clientMutex);
  try {
    d.client = std::make_unique<mqtt::async_client>(uri, s.clientId, nullptr);
  } catch (const mqtt::exception& e) {
    return Error(std::string("invalid broker address: ") + e.what(), "connecting to " + uri);
  }
  d.client->set_callback(d);
  d.liveClient = d.client.get();

  mqtt::connect_options opts;
  opts.set_mqtt_version(MQTTVERSION_3_1_1);
  opts.set_clean_session(s.cleanSession);
  opts.set_keep_alive_interval(s.keepAliveSeconds);
  opts.set_connect_timeout(10);
  if (!s.username.empty()) opts.set_user_name(s.username);
  if (!s.password.empty()) opts.set_password(s.password);
  if (s.tls) {
    mqtt::ssl_options ssl;
    if (!s.caFile.empty()) ssl.set_trust_store(s.caFile);
    if (!s.clientCertFile.empty()) ssl.set_key_store(s.clientCertFile);
    if (!s.clientKeyFile.empty()) ssl.set_private_key(s.clientKeyFile);
    // No ssl.set_error_handler(): Paho C++ 1.2 keeps a pointer to the ssl_options it was set
    // on, which set_ssl() copies, and the handler then crashes on the first TLS error.
    opts.set_ssl(std::move(ssl));
  }

  d.wantConnected = true;
  d.everConnected = false;
  d.setState(ConnectionState::Connecting, "connecting to " + uri);
  try {
    d.connectListener.host = s.host;
    d.connectListener.port = s.port;
    d.connectListener.uri = uri;
    d.connectListener.tls = s.tls;
    d.connectOptions = opts;
    d.attemptInFlight = false;
    d.client->connect(opts, nullptr, d.connectListener);
  } catch (const mqtt::exception& e) {
    d.wantConnected = false;
    d.setState(ConnectionState::Failed, std::string("cannot connect to ") + uri + ": " + e.what());
    return Error(e.what(), "connecting to " + uri);
  }
  return okResult();
}

void CaptureSession::disconnectFromBroker() {
  Impl& d = *m_impl;
  std::unique_ptr<mqtt::async_client> client;
  // What Paho callbacks use: they must not take clientMutex, which a caller may hold while
  // waiting for a token that only Paho's callback thread can complete.
  std::atomic<mqtt::async_client*> liveClient{nullptr};
  {
    std::lock_guard lock(d.clientMutex);
    client = std::move(d.client);
  }
  if (!client) return;
  d.wantConnected = false;
  d.liveClient = nullptr;
  try {
    if (client->is_connected())
      client->disconnect(std::chrono::milliseconds(1000))->wait_for(std::chrono::seconds(3));
  } catch (const mqtt::exception& e) {
    qCInfo(lcCapture, "disconnect: %s", e.what());
  }
  try {
    // Also ends automatic reconnect attempts of a client that is currently down.
    client->disable_callbacks();
  } catch (const mqtt::exception& e) {
    qCInfo(lcCapture, "disable callbacks: %s", e.what());
  }
  client.reset();
  d.setState(ConnectionState::Disconnected, "disconnected");
}

ConnectionState CaptureSession::state() const {
  return m_impl->state;
}

BrokerSettings CaptureSession::settings() const {
  std::lock_guard lock(m_impl->configMutex);
  return m_impl->settings;
}

Result<void> CaptureSession::subscribe(const Subscription& subscription) {
  Impl& d = *m_impl;
  if (!isValidTopicFilter(subscription.filter)) {
    return Error("\"" + subscription.filter +
                     "\" is not a valid topic filter ('#' only at the end, '+' alone in a level)",
                 "subscribing");
  }
  if (subscription.qos < 0 || subscription.qos > 2) {
    return Error("QoS must be 0, 1 or 2", "subscribing to " + subscription.filter);
  }
  {
    std::lock_guard lock(d.configMutex);
    auto it = std::find_if(d.subs.begin(), d.subs.end(),
                           [&](const Subscription& s) { return s.filter == subscription.filter; });
    if (it != d.subs.end()) {
      it->qos = subscription.qos;
    } else {
      d.subs.push_back(subscription);
    }
  }
  std::lock_guard lock(d.clientMutex);
  // Not connected yet: connected() subscribes everything listed.
  if (!d.client || !d.client->is_connected()) return okResult();
  try {
    auto tok = d.client->subscribe(subscription.filter, subscription.qos);
    if (!tok->wait_for(std::chrono::seconds(5))) {
      return Error("the broker did not confirm within 5 s",
                   "subscribing to " + subscription.filter);
    }
  } catch (const mqtt::exception& e) {
    return Error(e.what(), "subscribing to " + subscription.filter);
  }
  return okResult();
}

void CaptureSession::unsubscribe(const std::string& filter) {
  Impl& d = *m_impl;
  {
    std::lock_guard lock(d.configMutex);
    d.subs.erase(std::remove_if(d.subs.begin(), d.subs.end(),
                                [&](const Subscription& s) { return s.filter == filter; }),
                 d.subs.end());
  }
  std::lock_guard lock(d.clientMutex);
  if (!d.client || !d.client->is_connected()) return;
  try {
    d.client->unsubscribe(filter);
  } catch (const mqtt::exception& e) {
    d.emitError("cannot unsubscribe from " + filter + ": " + e.what());
  }
}

std::vector<Subscription> CaptureSession::subscriptions() const {
  std::lock_guard lock(m_impl->configMutex);
  return m_impl->subs;
}

void CaptureSession::setDecoderOverride(const std::string& topicFilter,
                                        const std::string& decoderId,
                                        const DecoderOptions& options) {
  std::lock_guard lock(m_impl->configMutex);
  m_impl->overrides[topicFilter] = Override{decoderId, options};
  ++m_impl->overridesVersion;
}

void CaptureSession::clearDecoderOverride(const std::string& topicFilter) {
  std::lock_guard lock(m_impl->configMutex);
  m_impl->overrides.erase(topicFilter);
  ++m_impl->overridesVersion;
}

void CaptureSession::setQuarantineProject(const std::string& projectPath) {
  // Opened here rather than on the decode thread: Project::open() marks recordings left
  // "recording" as interrupted, which is right when the user opens a project and wrong in
  // the middle of a running recording.
  std::unique_ptr<store::Project> project;
  if (!projectPath.empty()) {
    auto p = store::Project::open(projectPath, store::OpenMode::CreateIfMissing);
    if (p) {
      project = std::move(*p);
    } else {
      m_impl->emitError("malformed payloads cannot be quarantined (they are still counted): " +
                        p.error().toString());
    }
  }
  std::lock_guard lock(m_impl->configMutex);
  m_impl->pendingQuarantine = std::move(project);
  ++m_impl->quarantineVersion;
}

std::vector<TopicStats> CaptureSession::topicStats() const {
  const int64_t now = util::wallClockUs();
  std::vector<TopicStats> out;
  std::lock_guard lock(m_impl->statsMutex);
  out.reserve(m_impl->topics.size());
  for (const auto& [topic, ts] : m_impl->topics) {
    out.push_back(ts.stats);
    out.back().messagesPerSecond = ts.rate.rate(now);
    if (ts.lastMessage)
      out.back().lastPayloadPreview = previewOf(ts.lastMessage->get_payload_ref().str());
  }
  return out;
}

std::map<std::string, bool> CaptureSession::devicePresence() const {
  std::lock_guard lock(m_impl->statsMutex);
  return m_impl->presence;
}

SessionCounters CaptureSession::counters() const {
  const Impl& d = *m_impl;
  SessionCounters c;
  c.received = d.received;
  c.decoded = d.decoded;
  c.decodeErrors = d.decodeErrors;
  c.quarantined = d.quarantined;
  c.samples = d.samples;
  c.reconnects = d.reconnects;
  c.inboundQueueDepth = d.queueDepth;
  return c;
}

std::vector<std::shared_ptr<LiveBuffer>> CaptureSession::liveBuffers() const {
  std::vector<std::shared_ptr<LiveBuffer>> out;
  std::lock_guard lock(m_impl->buffersMutex);
  out.reserve(m_impl->buffers.size());
  for (const auto& [key, buf] : m_impl->buffers) out.push_back(buf);
  return out;
}

void CaptureSession::setLiveBufferCapacity(size_t samplesPerStream) {
  std::lock_guard lock(m_impl->configMutex);
  m_impl->liveCapacity = std::max<size_t>(1, samplesPerStream);
}

Result<int64_t> CaptureSession::startRecording(const RecordingOptions& options) {
  Impl& d = *m_impl;
  {
    std::lock_guard lock(d.recorderMutex);
    if (d.recorder) {
      return Error("a recording is already running (stop it first)", "starting a recording");
    }
  }
  for (const auto& f : options.topicFilters) {
    if (!isValidTopicFilter(f)) {
      return Error("\"" + f + "\" is not a valid topic filter", "starting a recording");
    }
  }
  auto rec = Recorder::start(
      options, [this](const std::string& message) { m_impl->emitError("recording: " + message); });
  if (!rec) return rec.error();
  const int64_t id = (*rec)->recordingId();
  {
    std::lock_guard lock(d.recorderMutex);
    d.recorder = std::shared_ptr<Recorder>(std::move(*rec));
    ++d.recorderGen;
  }
  QMetaObject::invokeMethod(
      this,
      [self = QPointer<CaptureSession>(this)] {
        if (self) Q_EMIT self->recordingStateChanged(true);
      },
      Qt::QueuedConnection);
  return id;
}

Result<store::RecordingSummary> CaptureSession::stopRecording() {
  Impl& d = *m_impl;
  std::shared_ptr<Recorder> rec;
  {
    std::lock_guard lock(d.recorderMutex);
    rec = std::move(d.recorder);
    d.recorder.reset();
  }
  if (!rec) return Error("no recording is running", "stopping a recording");
  // The decode thread may still hold the recorder for the batch it is processing: wait until
  // that batch went into the recorder's queue, or it would miss the final commit.
  while (rec.use_count() > 1) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  auto summary = rec->stop();
  {
    std::lock_guard lock(d.recorderMutex);
    d.lastRecorderStats = rec->stats();
    d.lastRecorderStats.active = false;
  }
  QMetaObject::invokeMethod(
      this,
      [self = QPointer<CaptureSession>(this)] {
        if (self) Q_EMIT self->recordingStateChanged(false);
      },
      Qt::QueuedConnection);
  return summary;
}

bool CaptureSession::isRecording() const {
  std::lock_guard lock(m_impl->recorderMutex);
  return m_impl->recorder != nullptr;
}

RecorderStats CaptureSession::recorderStats() const {
  std::shared_ptr<Recorder> rec;
  {
    std::lock_guard lock(m_impl->recorderMutex);
    rec = m_impl->recorder;
    if (!rec) return m_impl->lastRecorderStats;
  }
  return rec->stats();
}

}  // namespace edgewise::capture
