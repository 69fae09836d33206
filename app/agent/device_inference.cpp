#include "app/agent/device_inference.h"

#include <mqtt/async_client.h>
#include <time.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <opencv2/core/mat.hpp>

#include "core/deploy/manifest.h"
#include "core/deploy/model_artifact.h"
#include "core/training/classifier.h"
#include "core/util/clock.h"
#include "core/util/percentile.h"

namespace edgewise::agent {

namespace {

// CPU time of the calling thread: what one device's work costs, independent of how busy the
// other threads (and the other helpers on a shared machine) keep the cores.
int64_t threadCpuUs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1'000'000 + ts.tv_nsec / 1000;
}

double p50OrZero(const std::vector<double>& v) {
  return v.empty() ? 0.0 : util::percentile(v, 50);
}

}  // namespace

// What a device runs: the model and how to build its input from the stream, or why it cannot.
struct InstalledRunner {
  std::shared_ptr<training::Classifier> model;
  std::unique_ptr<deploy::ModelInputBuilder> builder;
  std::string sha256;
  std::vector<std::string> classNames;
  std::vector<std::string> modelChannels;  // in the model's order
  int decimate = 1;                        // sensor samples per model sample
  int hop = 1;                             // model samples between two classified windows
  std::string error;                       // non-empty: no predictions
};

struct InferenceJob {
  enum class Kind { Window, Feedback } kind = Kind::Window;
  std::shared_ptr<const InstalledRunner> runner;
  int64_t seq = 0;
  int64_t startUs = 0;
  int64_t endUs = 0;
  fleet::Activity truth = fleet::Activity::Idle;
  std::vector<float> window;  // sample-major
  std::string payload;        // feedback
};

struct KeptWindow {
  int64_t seq = 0;
  int64_t startUs = 0;
  int64_t endUs = 0;
  int cls = 0;
  float confidence = 0;
  std::string truth;
  std::string sha256;
  std::shared_ptr<const InstalledRunner> runner;  // for the feature names
  std::vector<float> features;
};

struct InferenceDevice {
  int index = 0;
  std::string id;
  std::atomic<mqtt::async_client*> client{nullptr};  // replaced by setClient()
  std::string predictionsTopic;
  std::string feedbackAckTopic;

  std::mutex runnerMutex;
  std::shared_ptr<const InstalledRunner> runner;

  // Scheduler thread only: the window ring at the model's rate.
  std::shared_ptr<const InstalledRunner> ringFor;
  std::vector<std::string> ringChannels;  // the stream's channels the map was made for
  std::vector<int> channelMap;            // model channel -> stream channel; empty: missing
  std::vector<float> ring;
  std::vector<uint8_t> ringTruth;
  std::vector<int64_t> ringTs;
  int ringHead = 0;
  int ringCount = 0;
  int64_t sensorCounter = 0;

  std::atomic<int> queued{0};

  // Measurements since the last heartbeat, and the kept windows (lane + scheduler).
  std::mutex statsMutex;
  std::vector<double> latencyUs, featuresUs, publishUs, decodeUs;
  int64_t cpuUs = 0;
  int64_t predictions = 0;
  int64_t dropped = 0;
  int64_t errors = 0;
  std::string lastError;
  std::string streamError;  // the stream lacks a channel of the model
  int64_t lastTelemetryUs = 0;
  std::deque<KeptWindow> kept;
};

struct DeviceInference::Lane {
  std::mutex mutex;
  std::condition_variable wake;
  std::deque<std::pair<int, InferenceJob>> jobs;
  bool stop = false;
  std::thread thread;
};

DeviceInference::DeviceInference(Options options) : m_options(std::move(options)) {
  const int lanes = std::clamp(static_cast<int>(std::thread::hardware_concurrency()), 1, 4);
  for (int i = 0; i < lanes; ++i) m_lanes.push_back(std::make_unique<Lane>());
}

DeviceInference::~DeviceInference() {
  stop();
}

void DeviceInference::addDevice(const std::string& deviceId, mqtt::async_client* client) {
  auto d = std::make_unique<InferenceDevice>();
  d->index = static_cast<int>(m_devices.size());
  d->id = deviceId;
  d->client = client;
  d->predictionsTopic = "edgewise/" + deviceId + "/predictions";
  d->feedbackAckTopic = "edgewise/" + deviceId + "/feedback/ack";
  d->lastTelemetryUs = util::wallClockUs();
  m_devices.push_back(std::move(d));
}

void DeviceInference::setClient(int index, mqtt::async_client* client) {
  m_devices[static_cast<size_t>(index)]->client.store(client);
}

void DeviceInference::start() {
  for (auto& lane : m_lanes) {
    Lane* raw = lane.get();
    if (!lane->thread.joinable()) lane->thread = std::thread([this, raw] { workerLoop(*raw); });
  }
}

void DeviceInference::stop() {
  for (auto& lane : m_lanes) {
    {
      std::lock_guard<std::mutex> lock(lane->mutex);
      lane->stop = true;
    }
    lane->wake.notify_all();
    if (lane->thread.joinable()) lane->thread.join();
  }
}

void DeviceInference::setModel(int index, std::shared_ptr<training::Classifier> model,
                               const deploy::Manifest* manifest) {
  InferenceDevice& d = *m_devices[static_cast<size_t>(index)];
  std::shared_ptr<InstalledRunner> r;
  if (model) {
    r = std::make_shared<InstalledRunner>();
    r->model = std::move(model);
    const auto fail = [&r](const std::string& why) { r->error = why; };
    if (manifest) {
      r->sha256 = manifest->sha256;
      r->classNames = manifest->classNames;
    }
    if (!m_options.imuStream) {
      fail("this simulated sensor's stream is not fed to models (only --simulate imu is)");
    } else if (!manifest || manifest->input.empty()) {
      fail(
          "the manifest does not describe the model's input (no \"input\"): the device cannot "
          "build it from its sensor stream");
    } else if (auto in = deploy::modelInputFromJson(manifest->input); !in) {
      fail(in.error().toString());
    } else {
      const double ratio = m_options.sensorRateHz / in->rateHz;
      const int decimate = static_cast<int>(std::lround(ratio));
      r->modelChannels = in->channels;
      if (decimate < 1 || std::fabs(ratio - decimate) > 1e-6) {
        char why[200];
        std::snprintf(why, sizeof why,
                      "the model was trained at %g Hz, the sensor runs at %g Hz (not an integer "
                      "multiple of it)",
                      in->rateHz, m_options.sensorRateHz);
        fail(why);
      } else if (auto b = deploy::ModelInputBuilder::create(*in, r->model->dims()); !b) {
        fail(b.error().toString());
      } else {
        r->decimate = decimate;
        r->builder = std::move(*b);
        const double every = m_options.predictEveryS > 0 ? m_options.predictEveryS * in->rateHz
                                                         : static_cast<double>(in->stride);
        r->hop = std::max(1, static_cast<int>(std::lround(every)));
      }
    }
  }
  std::lock_guard<std::mutex> lock(d.runnerMutex);
  d.runner = std::move(r);
}

void DeviceInference::onSamples(int index, const float* samples, int k, int64_t tsUs,
                                fleet::Activity truth) {
  static const std::vector<std::string> imuChannels = [] {
    std::vector<std::string> names;
    for (int c = 0; c < fleet::kImuChannels; ++c) names.emplace_back(fleet::imuChannelName(c));
    return names;
  }();
  feed(index, imuChannels, samples, k, tsUs, truth);
}

void DeviceInference::onStream(int index, const std::vector<std::string>& channels,
                               const float* samples, int k, int64_t tsUs) {
  feed(index, channels, samples, k, tsUs, fleet::Activity::Idle);
}

int DeviceInference::queuedWindows(int index) const {
  return m_devices[static_cast<size_t>(index)]->queued.load(std::memory_order_relaxed);
}

void DeviceInference::feed(int index, const std::vector<std::string>& streamChannels,
                           const float* samples, int k, int64_t tsUs, fleet::Activity truth) {
  InferenceDevice& d = *m_devices[static_cast<size_t>(index)];
  std::shared_ptr<const InstalledRunner> r;
  {
    std::lock_guard<std::mutex> lock(d.runnerMutex);
    r = d.runner;
  }
  if (!r || !r->builder) {
    d.sensorCounter += k;
    return;
  }
  const int64_t t0 = util::monotonicUs();
  const int window = r->builder->input().window;
  const int channels = static_cast<int>(r->modelChannels.size());
  const int stride = static_cast<int>(streamChannels.size());
  if (r != d.ringFor || streamChannels != d.ringChannels) {
    // Pick the model's channels by name from the stream's.
    d.ringChannels = streamChannels;
    d.channelMap.clear();
    std::string missing;
    for (const std::string& c : r->modelChannels) {
      const auto it = std::find(streamChannels.begin(), streamChannels.end(), c);
      if (it == streamChannels.end()) {
        missing = c;
        break;
      }
      d.channelMap.push_back(static_cast<int>(it - streamChannels.begin()));
    }
    std::lock_guard<std::mutex> lock(d.statsMutex);
    d.streamError.clear();
    if (!missing.empty()) {
      std::string names;
      for (const auto& c : streamChannels) names += (names.empty() ? "" : ", ") + c;
      d.streamError =
          "the model reads channel '" + missing + "', which the stream (" + names + ") lacks";
      d.channelMap.clear();
    }
  }
  if (d.channelMap.empty()) {
    d.sensorCounter += k;
    return;
  }
  if (r != d.ringFor) {
    // A new model: start a fresh window at its rate and channels.
    d.ringFor = r;
    d.ring.assign(static_cast<size_t>(window) * channels, 0.0f);
    d.ringTruth.assign(static_cast<size_t>(window), 0);
    d.ringTs.assign(static_cast<size_t>(window), 0);
    d.ringHead = 0;
    d.ringCount = 0;
  }
  const double samplePeriodUs = 1e6 / m_options.sensorRateHz;
  for (int i = 0; i < k; ++i) {
    const int64_t sensorIndex = d.sensorCounter++;
    if (sensorIndex % r->decimate != 0) continue;
    // Windows end on multiples of the hop counted from the stream's first sample, so two
    // devices with the same simulated stream cut the same windows with the same seq.
    const int64_t modelIndex = sensorIndex / r->decimate;
    const float* s = samples + static_cast<size_t>(i) * stride;
    float* dst = d.ring.data() + static_cast<size_t>(d.ringHead) * channels;
    for (int c = 0; c < channels; ++c) dst[c] = s[d.channelMap[static_cast<size_t>(c)]];
    d.ringTruth[static_cast<size_t>(d.ringHead)] = static_cast<uint8_t>(truth);
    d.ringTs[static_cast<size_t>(d.ringHead)] = tsUs + std::llround(i * samplePeriodUs);
    d.ringHead = (d.ringHead + 1) % window;
    d.ringCount = std::min(d.ringCount + 1, window);
    if (d.ringCount < window || (modelIndex + 1) % r->hop != 0) continue;
    if (d.queued.load(std::memory_order_relaxed) >= m_options.maxQueuedWindows) {
      std::lock_guard<std::mutex> lock(d.statsMutex);
      ++d.dropped;
      continue;
    }
    InferenceJob job;
    job.runner = r;
    job.seq = (modelIndex + 1) / r->hop;
    job.window.resize(d.ring.size());
    // Oldest sample first: the ring from its head on, then the start.
    const size_t head = static_cast<size_t>(d.ringHead) * channels;
    std::copy(d.ring.begin() + static_cast<std::ptrdiff_t>(head), d.ring.end(), job.window.begin());
    std::copy(d.ring.begin(), d.ring.begin() + static_cast<std::ptrdiff_t>(head),
              job.window.begin() + static_cast<std::ptrdiff_t>(d.ring.size() - head));
    job.startUs = d.ringTs[static_cast<size_t>(d.ringHead)];
    job.endUs = d.ringTs[static_cast<size_t>((d.ringHead + window - 1) % window)];
    // The window's truth: the activity of most of its samples.
    int votes[fleet::kActivityCount] = {};
    for (uint8_t a : d.ringTruth) ++votes[a < fleet::kActivityCount ? a : 0];
    job.truth = static_cast<fleet::Activity>(
        std::max_element(votes, votes + fleet::kActivityCount) - votes);
    d.queued.fetch_add(1, std::memory_order_relaxed);
    enqueue(index, std::move(job));
  }
  const double decodeUs = static_cast<double>(util::monotonicUs() - t0);
  std::lock_guard<std::mutex> lock(d.statsMutex);
  d.decodeUs.push_back(decodeUs);
}

void DeviceInference::onFeedback(int index, std::string payload) {
  InferenceJob job;
  job.kind = InferenceJob::Kind::Feedback;
  job.payload = std::move(payload);
  enqueue(index, std::move(job));
}

void DeviceInference::enqueue(int index, InferenceJob job) {
  Lane& lane = *m_lanes[static_cast<size_t>(index) % m_lanes.size()];
  {
    std::lock_guard<std::mutex> lock(lane.mutex);
    lane.jobs.emplace_back(index, std::move(job));
  }
  lane.wake.notify_one();
}

void DeviceInference::workerLoop(Lane& lane) {
  for (;;) {
    std::pair<int, InferenceJob> job;
    {
      std::unique_lock<std::mutex> lock(lane.mutex);
      lane.wake.wait(lock, [&lane] { return lane.stop || !lane.jobs.empty(); });
      if (lane.stop) return;
      job = std::move(lane.jobs.front());
      lane.jobs.pop_front();
    }
    InferenceDevice& d = *m_devices[static_cast<size_t>(job.first)];
    if (job.second.kind == InferenceJob::Kind::Feedback) {
      storeFeedback(d, job.second.payload);
    } else {
      classify(d, job.second);
      d.queued.fetch_sub(1, std::memory_order_relaxed);
    }
  }
}

void DeviceInference::classify(InferenceDevice& d, InferenceJob& job) {
  const InstalledRunner& r = *job.runner;
  const int64_t cpu0 = threadCpuUs();
  const int64_t t0 = util::monotonicUs();
  auto row = r.builder->compute(job.window.data());
  const int64_t t1 = util::monotonicUs();
  if (!row) {
    std::lock_guard<std::mutex> lock(d.statsMutex);
    ++d.errors;
    d.lastError = "window " + std::to_string(job.seq) + ": " + row.error().toString();
    return;
  }
  const cv::Mat X(1, static_cast<int>(row->size()), CV_32F, row->data());
  auto scores = r.model->predictScores(X);
  const int64_t t2 = util::monotonicUs();
  if (!scores) {
    std::lock_guard<std::mutex> lock(d.statsMutex);
    ++d.errors;
    d.lastError = "window " + std::to_string(job.seq) + ": " + scores.error().toString();
    return;
  }
  int cls = 0;
  for (int c = 1; c < scores->cols; ++c)
    if (scores->at<float>(0, c) > scores->at<float>(0, cls)) cls = c;
  const float confidence = scores->at<float>(0, cls);
  const std::string label = cls < static_cast<int>(r.classNames.size())
                                ? r.classNames[static_cast<size_t>(cls)]
                                : std::to_string(cls);
  const std::string truth =
      m_options.hasTruth ? std::string(fleet::activityName(job.truth)) : std::string();

  nlohmann::json j = {{"device", d.id},
                      {"seq", job.seq},
                      {"ts", util::wallClockUs()},
                      {"window_start_us", job.startUs},
                      {"window_end_us", job.endUs},
                      {"class", cls},
                      {"label", label},
                      {"confidence", confidence},
                      {"model_sha256", r.sha256},
                      {"features", *row},
                      {"truth", truth.empty() ? nlohmann::json(nullptr) : nlohmann::json(truth)}};
  // The names are long (600 for a raw window): every 100th prediction and the first.
  if (job.seq % 100 == 0) j["feature_names"] = r.builder->featureNames();
  const std::string payload = j.dump();
  try {
    d.client.load()->publish(d.predictionsTopic, payload.data(), payload.size(), 0, false);
  } catch (const mqtt::exception& e) {
    // Disconnected with a full buffer: this prediction is lost, the next ones follow.
    std::lock_guard<std::mutex> lock(d.statsMutex);
    ++d.errors;
    d.lastError = std::string("prediction not published: ") + e.what();
  }
  const int64_t t3 = util::monotonicUs();
  const int64_t cpu = threadCpuUs() - cpu0;

  KeptWindow kept;
  kept.seq = job.seq;
  kept.startUs = job.startUs;
  kept.endUs = job.endUs;
  kept.cls = cls;
  kept.confidence = confidence;
  kept.truth = truth;
  kept.sha256 = r.sha256;
  kept.runner = job.runner;
  kept.features = std::move(*row);
  std::lock_guard<std::mutex> lock(d.statsMutex);
  d.featuresUs.push_back(static_cast<double>(t1 - t0));
  d.latencyUs.push_back(static_cast<double>(t2 - t1));
  d.publishUs.push_back(static_cast<double>(t3 - t2));
  d.cpuUs += cpu;
  ++d.predictions;
  d.kept.push_back(std::move(kept));
  while (static_cast<int>(d.kept.size()) > m_options.keptWindows) d.kept.pop_front();
}

void DeviceInference::storeFeedback(InferenceDevice& d, const std::string& payload) {
  nlohmann::json ack;
  const auto j = nlohmann::json::parse(payload, nullptr, false);
  int64_t seq = -1;
  std::string error;
  nlohmann::json line;
  if (!j.is_object() || !j.contains("seq") || !j["seq"].is_number_integer() ||
      !j.contains("label") || !j["label"].is_string()) {
    error = "feedback needs {\"seq\":<integer>,\"label\":<string>}";
  } else {
    seq = j["seq"].get<int64_t>();
    std::lock_guard<std::mutex> lock(d.statsMutex);
    const auto it = std::find_if(d.kept.begin(), d.kept.end(),
                                 [seq](const KeptWindow& w) { return w.seq == seq; });
    if (it == d.kept.end()) {
      error = "window " + std::to_string(seq) + " is not kept (the device keeps the last " +
              std::to_string(m_options.keptWindows) + " windows' features)";
    } else {
      line = {{"device", d.id},
              {"seq", seq},
              {"label", j["label"]},
              {"annotator", j.value("annotator", std::string())},
              {"received_us", util::wallClockUs()},
              {"window_start_us", it->startUs},
              {"window_end_us", it->endUs},
              {"predicted_class", it->cls},
              {"predicted_label", it->cls < static_cast<int>(it->runner->classNames.size())
                                      ? it->runner->classNames[static_cast<size_t>(it->cls)]
                                      : std::to_string(it->cls)},
              {"confidence", it->confidence},
              {"truth", it->truth},
              {"model_sha256", it->sha256},
              {"feature_names", it->runner->builder->featureNames()},
              {"features", it->features}};
    }
  }
  if (error.empty()) {
    const std::string path = m_options.stateDir + "/" + d.id + "/feedback.jsonl";
    std::ofstream out(path, std::ios::app);
    out << line.dump() << '\n';
    out.flush();
    if (!out) error = "cannot append to " + path;
  }
  ack = {{"seq", seq}, {"stored", error.empty()}};
  if (!error.empty()) ack["error"] = error;
  const std::string text = ack.dump();
  try {
    d.client.load()->publish(d.feedbackAckTopic, text.data(), text.size(), 1, false);
  } catch (const mqtt::exception& e) {
    std::fprintf(stderr, "edgewise-agent: %s: feedback ack not published: %s\n", d.id.c_str(),
                 e.what());
  }
}

std::string DeviceInference::takeTelemetry(int index, int64_t nowUs, double processCpuPct,
                                           int64_t rssKb) {
  InferenceDevice& d = *m_devices[static_cast<size_t>(index)];
  std::shared_ptr<const InstalledRunner> r;
  {
    std::lock_guard<std::mutex> lock(d.runnerMutex);
    r = d.runner;
  }
  std::vector<double> latency, features, publish, decode;
  int64_t cpuUs = 0, predictions = 0, dropped = 0, errors = 0;
  std::string lastError;
  std::string streamError;
  int64_t sinceUs = 0;
  {
    std::lock_guard<std::mutex> lock(d.statsMutex);
    streamError = d.streamError;
    latency.swap(d.latencyUs);
    features.swap(d.featuresUs);
    publish.swap(d.publishUs);
    decode.swap(d.decodeUs);
    cpuUs = d.cpuUs;
    predictions = d.predictions;
    dropped = d.dropped;
    errors = d.errors;
    lastError.swap(d.lastError);
    d.cpuUs = d.predictions = d.dropped = d.errors = 0;
    sinceUs = d.lastTelemetryUs;
    d.lastTelemetryUs = nowUs;
  }
  const double intervalS = std::max(1e-3, static_cast<double>(nowUs - sinceUs) / 1e6);
  std::string inferenceError;
  if (r && !r->error.empty()) {
    inferenceError = r->error;
  } else if (r && !streamError.empty()) {
    inferenceError = streamError;
  } else if (errors > 0) {
    inferenceError = lastError;
  }
  nlohmann::json j = {
      {"device", d.id},
      {"ts", nowUs},
      {"interval_s", intervalS},
      {"model_sha256", r ? r->sha256 : std::string()},
      {"cpu_pct", 100.0 * static_cast<double>(cpuUs) / 1e6 / intervalS},
      {"process_cpu_pct", processCpuPct},
      {"rss_kb", rssKb},
      {"latency_us",
       {{"p50", p50OrZero(latency)},
        {"p99", latency.empty() ? 0.0 : util::percentile(latency, 99)},
        {"max", latency.empty() ? 0.0 : *std::max_element(latency.begin(), latency.end())},
        {"n", latency.size()}}},
      {"stages_us",
       {{"decode", p50OrZero(decode)},
        {"features", p50OrZero(features)},
        {"inference", p50OrZero(latency)},
        {"publish", p50OrZero(publish)}}},
      {"predictions_per_s", static_cast<double>(predictions) / intervalS},
      {"queue_depth", d.queued.load(std::memory_order_relaxed)},
      {"dropped_windows", dropped},
      {"inference_errors", errors},
      {"inference_error",
       inferenceError.empty() ? nlohmann::json(nullptr) : nlohmann::json(inferenceError)}};
  return j.dump();
}

}  // namespace edgewise::agent
