#include "core/audit/live_drift_watcher.h"

#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include <mqtt/async_client.h>

#include "core/audit/adwin.h"
#include "core/audit/fdr.h"
#include "core/audit/page_hinkley.h"
#include "core/store/project.h"
#include "core/store/recording_repository.h"
#include "core/store/sqlite_util.h"

namespace edgewise::audit {

namespace {

int64_t nowUs() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

double threadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

std::atomic<int> g_clientCounter{0};

struct Reference {
  std::optional<int64_t> modelId;
  std::string sha;
  std::vector<std::string> names;
  std::shared_ptr<const DriftMonitor> monitor;
  std::shared_ptr<const FeatureTable> table;
  std::map<int, std::shared_ptr<const DriftMonitor>> classMonitors;  // class -> its rows
  std::vector<double> scale;  // standard deviation per feature over the whole reference
};

// The monitors of a reference table: the whole table, each class with at least 20 rows (when
// labels are given), and the standard deviation of every feature (the scale of minEffect).
Result<std::shared_ptr<Reference>> buildReference(const FeatureTable& table,
                                                  const std::vector<int>& labels,
                                                  const DriftOptions& options) {
  auto monitor = DriftMonitor::create(table, options);
  if (!monitor.ok()) return monitor.error();
  auto ref = std::make_shared<Reference>();
  ref->names = table.names;
  ref->monitor = std::make_shared<const DriftMonitor>(std::move(monitor).value());
  ref->table = std::make_shared<const FeatureTable>(table);
  const size_t cols = table.columns(), rows = table.rows;
  {
    ref->scale.assign(cols, 0.0);
    std::vector<double> mean(cols, 0.0);
    for (size_t r = 0; r < rows; ++r)
      for (size_t c = 0; c < cols; ++c) mean[c] += table.at(r, c) / double(rows);
    for (size_t r = 0; r < rows; ++r)
      for (size_t c = 0; c < cols; ++c) {
        const double dv = table.at(r, c) - mean[c];
        ref->scale[c] += dv * dv / double(rows > 1 ? rows - 1 : 1);
      }
    for (double& v : ref->scale) v = std::sqrt(v);
  }
  if (labels.size() == rows) {
    std::map<int, FeatureTable> byClass;
    for (size_t r = 0; r < rows; ++r) {
      FeatureTable& t = byClass[labels[r]];
      t.names = table.names;
      t.values.insert(t.values.end(), table.values.begin() + static_cast<std::ptrdiff_t>(r * cols),
                      table.values.begin() + static_cast<std::ptrdiff_t>((r + 1) * cols));
      ++t.rows;
    }
    for (const auto& [cls, t] : byClass) {
      if (t.rows < 20) continue;  // too few reference rows to compare a class with
      auto m = DriftMonitor::create(t, options);
      if (m.ok())
        ref->classMonitors[cls] = std::make_shared<const DriftMonitor>(std::move(m).value());
    }
  }
  return ref;
}

struct Device {
  LiveDeviceState state;
  std::shared_ptr<const Reference> reference;
  std::vector<double> window;  // row-major, reference columns
  std::vector<double> confidences;
  std::vector<int> classes;  // predicted class per window row (-1: none)
  // Baseline mode (LiveDriftOptions::baselineRows > 0): the device's first rows after its
  // model changed, and their predicted classes; `reference` becomes them once full.
  FeatureTable baseline;
  std::vector<int> baselineClasses;
  int64_t windowStartUs = 0;
  int64_t windowEndUs = 0;
  size_t windowRows = 0;
  PageHinkley pageHinkley{[] {
    PageHinkleyOptions o;
    o.direction = PageHinkleyOptions::Direction::Decrease;
    o.lambda = 10.0;  // confidence is in [0, 1]: a sustained drop of 0.25 alarms in ~50 values
    o.delta = 0.05;   // drops smaller than 0.05 are tolerated
    return o;
  }()};
  Adwin adwin;
};

}  // namespace

struct LiveDriftWatcher::Impl {
  LiveDriftOptions options;

  // Queue filled by Paho's thread (and post()), drained by the worker.
  mutable std::mutex queueMutex;
  mutable std::condition_variable queueCv;
  mutable std::condition_variable idleCv;
  std::deque<std::pair<std::string, std::string>> queue;
  uint64_t queued = 0;     // guarded by queueMutex
  uint64_t processed = 0;  // guarded by queueMutex
  bool stopping = false;

  std::thread worker;
  std::atomic<bool> running{false};
  std::atomic<double> cpuSeconds{0.0};
  std::atomic<bool> connected{false};

  // References (guarded by refMutex; the worker copies the shared_ptr per device).
  std::mutex refMutex;
  std::map<std::string, std::shared_ptr<const Reference>> references;  // by sha ("" default)

  // Device states (worker writes, snapshot() copies), guarded by stateMutex.
  mutable std::mutex stateMutex;
  std::map<std::string, Device> devices;
  uint64_t messages = 0, rejected = 0, windowsScored = 0, alarms = 0, alarmsWritten = 0;
  std::string lastError;

  std::unique_ptr<mqtt::async_client> client;
  std::unique_ptr<store::Project> project;  // worker thread only after start()
  std::vector<LiveAlarm> unwritten;

  std::shared_ptr<const Reference> referenceFor(const std::string& sha) {
    std::lock_guard<std::mutex> lock(refMutex);
    auto it = references.find(sha);
    if (it != references.end()) return it->second;
    it = references.find(std::string());
    return it != references.end() ? it->second : nullptr;
  }

  void setError(const std::string& e) {
    std::lock_guard<std::mutex> lock(stateMutex);
    lastError = e;
  }

  void enqueue(std::string topic, std::string payload) {
    {
      std::lock_guard<std::mutex> lock(queueMutex);
      queue.emplace_back(std::move(topic), std::move(payload));
      ++queued;
    }
    queueCv.notify_one();
  }

  void run() {
    const double cpuStart = threadCpuSeconds();
    std::vector<std::pair<std::string, std::string>> batch;
    for (;;) {
      {
        std::unique_lock<std::mutex> lock(queueMutex);
        queueCv.wait(lock, [&] { return stopping || !queue.empty(); });
        if (queue.empty() && stopping) break;
        batch.assign(std::make_move_iterator(queue.begin()), std::make_move_iterator(queue.end()));
        queue.clear();
      }
      for (auto& [topic, payload] : batch) handle(topic, payload);
      flushAlarms();
      cpuSeconds = threadCpuSeconds() - cpuStart;
      {
        std::lock_guard<std::mutex> lock(queueMutex);
        processed += batch.size();
      }
      idleCv.notify_all();
      batch.clear();
    }
    flushAlarms();
    cpuSeconds = threadCpuSeconds() - cpuStart;
  }

  void reject(Device& dev, const std::string& why) {
    std::lock_guard<std::mutex> lock(stateMutex);
    ++dev.state.rejected;
    ++rejected;
    dev.state.lastError = why;
    lastError = dev.state.device + ": " + why;
  }

  void handle(const std::string& topic, const std::string& payload) {
    const std::string id = deviceOfPredictionsTopic(topic, options.topicPrefix);
    if (id.empty()) return;
    Device* devPtr;
    {
      std::lock_guard<std::mutex> lock(stateMutex);
      auto [it, inserted] = devices.try_emplace(id);
      if (inserted) it->second.state.device = id;
      devPtr = &it->second;
      ++messages;
      ++devPtr->state.messages;
    }
    Device& dev = *devPtr;

    nlohmann::json j = nlohmann::json::parse(payload, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return reject(dev, "prediction is not a JSON object");
    auto f = j.find("features");
    if (f == j.end() || !f->is_array() || f->empty())
      return reject(dev, "prediction without a features array");
    const std::string sha = j.value("model_sha256", std::string());

    if (!dev.reference || sha != dev.state.modelSha256) {
      // A new model on the device (or the first message): start its windows afresh.
      auto ref = referenceFor(sha);
      std::lock_guard<std::mutex> lock(stateMutex);
      dev.reference = ref;
      dev.state.modelSha256 = sha;
      dev.state.hasReference = ref != nullptr;
      dev.state.modelId = ref ? ref->modelId : std::nullopt;
      dev.state.featureNames = ref ? ref->names : std::vector<std::string>{};
      dev.state.baselineRows = 0;
      dev.state.baselineReady = false;
      dev.baseline = FeatureTable{};
      dev.baselineClasses.clear();
      dev.window.clear();
      dev.confidences.clear();
      dev.classes.clear();
      dev.windowRows = 0;
      dev.state.pendingRows = 0;
      dev.state.recentRows.clear();
      dev.state.recentTsUs.clear();
      dev.pageHinkley.reset();
      dev.adwin.reset();
    }
    if (!dev.reference) return reject(dev, "no reference for model " + sha);
    const size_t cols = dev.reference->names.size();
    if (f->size() != cols)
      return reject(dev, "features has " + std::to_string(f->size()) + " values, the model's " +
                             "reference " + std::to_string(cols));
    const size_t base = dev.window.size();
    dev.window.resize(base + cols);
    for (size_t c = 0; c < cols; ++c) {
      const auto& v = (*f)[c];
      if (!v.is_number() || !std::isfinite(v.get<double>())) {
        dev.window.resize(base);
        return reject(dev, "features[" + std::to_string(c) + "] is not a finite number");
      }
      dev.window[base + c] = v.get<double>();
    }
    const int64_t ts = j.value("ts", int64_t{0});
    const int64_t start = j.value("window_start_us", ts);
    const int64_t end = j.value("window_end_us", ts);
    if (dev.windowRows == 0) dev.windowStartUs = start;
    dev.windowEndUs = std::max(dev.windowEndUs, end);
    ++dev.windowRows;
    auto cls = j.find("class");
    dev.classes.push_back(cls != j.end() && cls->is_number_integer() ? cls->get<int>() : -1);

    {
      std::lock_guard<std::mutex> lock(stateMutex);
      auto& rr = dev.state.recentRows;
      rr.insert(rr.end(), dev.window.begin() + static_cast<std::ptrdiff_t>(base), dev.window.end());
      dev.state.recentTsUs.push_back(start);
      if (dev.state.recentTsUs.size() > options.keepRows) {
        const size_t drop = dev.state.recentTsUs.size() - options.keepRows;
        dev.state.recentTsUs.erase(
            dev.state.recentTsUs.begin(),
            dev.state.recentTsUs.begin() + static_cast<std::ptrdiff_t>(drop));
        rr.erase(rr.begin(), rr.begin() + static_cast<std::ptrdiff_t>(drop * cols));
      }
      dev.state.pendingRows = dev.windowRows;
      if (dev.state.featureNames.empty() || (ref_unnamed(dev) && j.contains("feature_names"))) {
        // The reference has positional names only: take the agent's names when they fit.
        auto n = j.find("feature_names");
        if (n != j.end() && n->is_array() && n->size() == cols) {
          std::vector<std::string> names;
          for (const auto& s : *n) names.push_back(s.is_string() ? s.get<std::string>() : "");
          dev.state.featureNames = std::move(names);
        }
      }
    }

    auto conf = j.find("confidence");
    if (conf != j.end() && conf->is_number()) {
      const double c = conf->get<double>();
      dev.confidences.push_back(c);
      if (options.confidenceDetectors) {
        if (dev.pageHinkley.update(c))
          addAlarm(dev, "confidence", "page_hinkley", dev.pageHinkley.mean(), 1.0, start, end);
        if (dev.adwin.update(c))
          addAlarm(dev, "confidence", "adwin", dev.adwin.mean(), 1.0, start, end);
      }
    }

    if (options.baselineRows > 0 && !dev.state.baselineReady) return learnBaseline(dev);
    if (dev.windowRows >= options.windowRows) scoreWindow(dev);
  }

  // Baseline mode: the pending row(s) join the device's baseline instead of a window; once
  // baselineRows are in, they become the device's reference (per predicted class, as the
  // population reference is).
  void learnBaseline(Device& dev) {
    dev.baseline.names = dev.reference->names;
    dev.baseline.values.insert(dev.baseline.values.end(), dev.window.begin(), dev.window.end());
    dev.baseline.rows += dev.windowRows;
    dev.baselineClasses.insert(dev.baselineClasses.end(), dev.classes.begin(), dev.classes.end());
    dev.window.clear();
    dev.confidences.clear();
    dev.classes.clear();
    dev.windowRows = 0;
    dev.windowEndUs = 0;
    std::shared_ptr<Reference> own;
    if (dev.baseline.rows >= options.baselineRows) {
      auto ref = buildReference(dev.baseline,
                                options.classConditional ? dev.baselineClasses : std::vector<int>{},
                                options.drift);
      if (ref.ok()) {
        own = std::move(ref).value();
        own->modelId = dev.reference->modelId;
        own->sha = dev.reference->sha;
      } else {
        setError(dev.state.device + ": baseline: " + ref.error().toString());
      }
      dev.baseline = FeatureTable{};
      dev.baselineClasses.clear();
    }
    std::lock_guard<std::mutex> lock(stateMutex);
    dev.state.pendingRows = 0;
    dev.state.baselineRows = own ? options.baselineRows : dev.baseline.rows;
    if (own) {
      dev.reference = std::move(own);
      dev.state.baselineReady = true;
    }
  }

  static bool ref_unnamed(const Device& dev) {
    return !dev.reference->names.empty() && dev.reference->names[0] == "f0" &&
           dev.state.featureNames == dev.reference->names;
  }

  // Per predicted class against the reference rows of that class; BH across every (class,
  // feature) test; per feature the class with the smallest adjusted p is reported. nullopt when
  // no class has enough rows (the caller then scores the window as a whole).
  std::optional<Result<DriftReport>> scoreByClass(const Device& dev) {
    const Reference& ref = *dev.reference;
    if (!options.classConditional || ref.classMonitors.empty()) return std::nullopt;
    const size_t cols = ref.names.size();
    std::map<int, std::vector<size_t>> rowsOf;
    for (size_t r = 0; r < dev.classes.size(); ++r) rowsOf[dev.classes[r]].push_back(r);
    std::vector<DriftReport> reports;
    std::vector<double> pValues;
    for (const auto& [cls, rows] : rowsOf) {
      auto m = ref.classMonitors.find(cls);
      if (m == ref.classMonitors.end() || rows.size() < options.minClassRows) continue;
      std::vector<double> sub;
      sub.reserve(rows.size() * cols);
      for (size_t r : rows)
        sub.insert(sub.end(), dev.window.begin() + static_cast<std::ptrdiff_t>(r * cols),
                   dev.window.begin() + static_cast<std::ptrdiff_t>((r + 1) * cols));
      Result<DriftReport> rep = m->second->score(sub, rows.size());
      if (!rep.ok()) return rep;
      for (const FeatureDrift& f : rep->features) pValues.push_back(f.ksPValue);
      reports.push_back(std::move(rep).value());
    }
    if (reports.empty()) return std::nullopt;
    const FdrResult fdr = benjaminiHochberg(pValues, options.drift.alpha);
    DriftReport out;
    out.alpha = options.drift.alpha;
    out.referenceRows = ref.table->rows;
    out.liveRows = dev.windowRows;
    out.features.resize(cols);
    for (size_t c = 0; c < cols; ++c) out.features[c].ksPAdjusted = 2.0;
    for (size_t k = 0; k < reports.size(); ++k) {
      for (size_t c = 0; c < cols; ++c) {
        FeatureDrift f = reports[k].features[c];
        f.ksPAdjusted = fdr.adjusted[k * cols + c];
        f.drift = fdr.rejected[k * cols + c] && material(ref, c, f.wasserstein);
        FeatureDrift& best = out.features[c];
        // Per feature: a class in which it drifted beats one in which it did not, then the
        // smaller adjusted p.
        if ((f.drift && !best.drift) || (f.drift == best.drift && f.ksPAdjusted < best.ksPAdjusted))
          best = f;
      }
    }
    for (const FeatureDrift& f : out.features) out.drift = out.drift || f.drift;
    return Result<DriftReport>(std::move(out));
  }

  bool material(const Reference& ref, size_t feature, double wasserstein) const {
    if (options.minEffect <= 0.0 || feature >= ref.scale.size()) return true;
    const double s = ref.scale[feature];
    return s > 0.0 ? wasserstein >= options.minEffect * s : wasserstein > 0.0;
  }

  void scoreWindow(Device& dev) {
    std::optional<Result<DriftReport>> byClass = scoreByClass(dev);
    Result<DriftReport> report =
        byClass ? std::move(*byClass) : dev.reference->monitor->score(dev.window, dev.windowRows);
    if (report.ok() && !byClass) {
      report->drift = false;
      for (size_t i = 0; i < report->features.size(); ++i) {
        FeatureDrift& f = report->features[i];
        f.drift = f.drift && material(*dev.reference, i, f.wasserstein);
        report->drift = report->drift || f.drift;
      }
    }
    LiveWindowScore w;
    w.startUs = dev.windowStartUs;
    w.endUs = dev.windowEndUs;
    w.rows = dev.windowRows;
    double confSum = 0.0;
    for (double c : dev.confidences) confSum += c;
    w.meanConfidence = dev.confidences.empty() ? 0.0 : confSum / dev.confidences.size();
    dev.window.clear();
    dev.confidences.clear();
    dev.classes.clear();
    dev.windowRows = 0;
    dev.windowEndUs = 0;
    if (!report.ok()) {
      setError(dev.state.device + ": " + report.error().toString());
      return;
    }
    std::vector<std::string> names;
    {
      std::lock_guard<std::mutex> lock(stateMutex);
      names = dev.state.featureNames;
    }
    double minP = 1.0;
    for (size_t i = 0; i < report->features.size(); ++i) {
      const FeatureDrift& fd = report->features[i];
      // The window score counts features that moved enough; a significant but immaterial
      // feature shows in its own score only.
      if (fd.drift || options.minEffect <= 0.0) minP = std::min(minP, fd.ksPAdjusted);
      w.featureScores.push_back(negLog10(fd.ksPAdjusted));
      w.ksStatistics.push_back(fd.ksStatistic);
      w.psi.push_back(fd.psi);
      if (fd.drift) {
        const std::string& name = i < names.size() ? names[i] : fd.feature;
        w.driftedFeatures.push_back(name);
        addAlarm(dev, name, "ks", fd.ksStatistic, fd.ksPAdjusted, w.startUs, w.endUs);
      }
    }
    w.score = negLog10(minP);
    w.alarm = report->drift;
    for (size_t i = 0; i < report->features.size() && i < names.size(); ++i)
      report->features[i].feature = names[i];
    std::lock_guard<std::mutex> lock(stateMutex);
    dev.state.lastReport = std::move(report).value();
    ++windowsScored;
    dev.state.pendingRows = 0;
    dev.state.windows.push_back(std::move(w));
    if (dev.state.windows.size() > options.keepWindows)
      dev.state.windows.erase(dev.state.windows.begin());
  }

  void addAlarm(Device& dev, const std::string& feature, const std::string& test, double statistic,
                double p, int64_t startUs, int64_t endUs) {
    LiveAlarm a;
    a.device = dev.state.device;
    a.modelId = dev.state.modelId;
    a.feature = feature;
    a.test = test;
    a.statistic = statistic;
    a.pValue = p;
    a.windowStartUs = startUs;
    a.windowEndUs = endUs;
    a.createdUs = nowUs();
    unwritten.push_back(a);
    std::lock_guard<std::mutex> lock(stateMutex);
    ++alarms;
    dev.state.alarms.push_back(std::move(a));
    if (dev.state.alarms.size() > options.keepAlarms)
      dev.state.alarms.erase(dev.state.alarms.begin());
  }

  void flushAlarms() {
    if (unwritten.empty()) return;
    if (!project) {
      unwritten.clear();
      return;
    }
    sqlite3* db = project->handle();
    Result<void> r = project->transaction([&]() -> Result<void> {
      auto st = store::detail::Statement::prepare(
          db,
          "INSERT INTO drift_alarms(device_id, model_id, feature, test, statistic, p_value, "
          "window_start_us, window_end_us, created_us) VALUES(?,?,?,?,?,?,?,?,?)");
      if (!st.ok()) return st.error();
      for (const LiveAlarm& a : unwritten) {
        st->bind(1, a.device);
        if (a.modelId) {
          st->bind(2, *a.modelId);
        } else {
          st->bindNull(2);
        }
        st->bind(3, a.feature).bind(4, a.test).bind(5, a.statistic).bind(6, a.pValue);
        st->bind(7, a.windowStartUs).bind(8, a.windowEndUs).bind(9, a.createdUs);
        EW_TRY(st->run());
        st->reset();
      }
      return {};
    });
    std::lock_guard<std::mutex> lock(stateMutex);
    if (r.ok()) {
      alarmsWritten += unwritten.size();
    } else {
      lastError = "writing drift alarms: " + r.error().toString();
    }
    unwritten.clear();
  }
};

LiveDriftWatcher::LiveDriftWatcher(LiveDriftOptions options) : d(std::make_unique<Impl>()) {
  if (options.windowRows < 2) options.windowRows = 2;
  d->options = std::move(options);
}

LiveDriftWatcher::~LiveDriftWatcher() {
  stop();
}

const LiveDriftOptions& LiveDriftWatcher::options() const {
  return d->options;
}

Result<void> LiveDriftWatcher::addReference(const LiveReference& reference) {
  auto ref = buildReference(reference.table, reference.labels, d->options.drift);
  if (!ref.ok()) return ref.error().wrap("reference of model " + reference.modelSha256);
  (*ref)->modelId = reference.modelId;
  (*ref)->sha = reference.modelSha256;
  std::lock_guard<std::mutex> lock(d->refMutex);
  d->references[reference.modelSha256] = std::move(ref).value();
  return {};
}

Result<void> LiveDriftWatcher::start(int timeoutMs) {
  if (d->running) return {};
  if (!d->options.projectPath.empty()) {
    auto p = store::Project::open(d->options.projectPath, store::OpenMode::OpenExisting);
    if (!p.ok()) return p.error().wrap("live drift: opening the project");
    d->project = std::move(p).value();
  }
  {
    std::lock_guard<std::mutex> lock(d->queueMutex);
    d->stopping = false;
  }
  d->running = true;
  d->worker = std::thread([this] { d->run(); });
  if (d->options.brokerUrl.empty()) return {};

  std::string clientId = d->options.clientId;
  if (clientId.empty())
    clientId =
        "edgewise-drift-" + std::to_string(getpid()) + "-" + std::to_string(++g_clientCounter);
  const std::string filter = d->options.topicPrefix + "/+/predictions";
  try {
    d->client = std::make_unique<mqtt::async_client>(d->options.brokerUrl, clientId, nullptr);
    Impl* impl = d.get();
    d->client->set_message_callback([impl](mqtt::const_message_ptr msg) {
      impl->enqueue(msg->get_topic(), msg->get_payload_str());
    });
    d->client->set_connected_handler([impl, filter](const std::string&) {
      impl->connected = true;
      try {
        impl->client->subscribe(filter, 0);  // clean session: subscribe again on reconnect
      } catch (const mqtt::exception& e) {
        impl->setError(std::string("subscribing ") + filter + ": " + e.what());
      }
    });
    d->client->set_connection_lost_handler([impl](const std::string& cause) {
      impl->connected = false;
      impl->setError("connection lost: " + cause);
    });
    mqtt::connect_options opts;
    opts.set_clean_session(true);
    opts.set_automatic_reconnect(1, 10);
    opts.set_keep_alive_interval(20);
    if (!d->client->connect(opts)->wait_for(std::chrono::milliseconds(timeoutMs))) {
      stop();
      return Error("no answer from " + d->options.brokerUrl, "live drift: connecting");
    }
    d->connected = true;
    // The connected handler subscribes too; wait for one subscription here so that messages
    // published after start() returns are seen.
    if (!d->client->subscribe(filter, 0)->wait_for(std::chrono::milliseconds(timeoutMs))) {
      stop();
      return Error("no SUBACK for " + filter, "live drift: subscribing");
    }
  } catch (const mqtt::exception& e) {
    stop();
    return Error(e.what(), "live drift: connecting to " + d->options.brokerUrl);
  }
  return {};
}

void LiveDriftWatcher::stop() {
  if (d->client) {
    try {
      if (d->client->is_connected()) d->client->disconnect()->wait_for(std::chrono::seconds(2));
    } catch (const mqtt::exception& e) {
      d->setError(std::string("disconnecting: ") + e.what());
    }
    d->client->disable_callbacks();
    d->client.reset();
  }
  d->connected = false;
  if (d->running) {
    {
      std::lock_guard<std::mutex> lock(d->queueMutex);
      d->stopping = true;
    }
    d->queueCv.notify_all();
    if (d->worker.joinable()) d->worker.join();
    d->running = false;
  }
  d->project.reset();
}

std::shared_ptr<const FeatureTable> LiveDriftWatcher::referenceTable(
    const std::string& modelSha256) const {
  auto ref = d->referenceFor(modelSha256);
  return ref ? ref->table : nullptr;
}

Result<void> LiveDriftWatcher::publishCommand(const std::string& device,
                                              const std::string& payload) {
  if (!d->client || !d->connected) return Error("not connected to a broker", "sending a command");
  try {
    d->client->publish(d->options.topicPrefix + "/" + device + "/cmd", payload.data(),
                       payload.size(), 1, false);
  } catch (const mqtt::exception& e) {
    return Error(e.what(), "sending a command to " + device);
  }
  return {};
}

Result<DriftedRecording> saveDriftedWindows(store::Project& project, const LiveDeviceState& device,
                                            int64_t createdUs) {
  const size_t cols = device.featureNames.size();
  if (cols == 0 || device.recentTsUs.empty())
    return Error("no rows of " + device.device + " are kept", "saving drifted windows");
  DriftedRecording out;
  store::ChunkData chunk;
  chunk.channelCount = static_cast<int>(cols);
  for (const LiveWindowScore& w : device.windows) {
    if (!w.alarm) continue;
    size_t taken = 0;
    for (size_t r = 0; r < device.recentTsUs.size(); ++r) {
      const int64_t t = device.recentTsUs[r];
      if (t < w.startUs || t > w.endUs) continue;
      if (!chunk.timestampsUs.empty() && t <= chunk.timestampsUs.back()) continue;
      chunk.timestampsUs.push_back(t);
      for (size_t c = 0; c < cols; ++c)
        chunk.values.push_back(static_cast<float>(device.recentRows[r * cols + c]));
      ++taken;
    }
    if (taken > 0) ++out.windows;
  }
  if (chunk.timestampsUs.empty())
    return Error("no drifted window of " + device.device + " is still in memory",
                 "saving drifted windows");
  chunk.messageCount = static_cast<int64_t>(chunk.timestampsUs.size());
  out.rows = chunk.timestampsUs.size();
  out.startUs = chunk.timestampsUs.front();
  out.endUs = chunk.timestampsUs.back();
  Result<void> r = project.transaction([&]() -> Result<void> {
    auto& repo = project.recordings();
    auto id = repo.create("drifted windows of " + device.device, createdUs);
    if (!id.ok()) return id.error();
    store::StreamSpec spec;
    spec.deviceId = device.device;
    spec.topic = "edgewise/" + device.device + "/predictions";
    spec.decoderId = "drift-features";
    spec.channelNames = device.featureNames;
    auto stream = repo.addStream(*id, spec);
    if (!stream.ok()) return stream.error();
    chunk.streamId = *stream;
    EW_TRY(repo.appendChunk(chunk));
    EW_TRY(repo.finish(*id));
    out.recordingId = *id;
    return {};
  });
  if (!r.ok()) return r.error().wrap("saving drifted windows of " + device.device);
  return out;
}

void LiveDriftWatcher::post(std::string topic, std::string payload) {
  d->enqueue(std::move(topic), std::move(payload));
}

bool LiveDriftWatcher::waitIdle(int timeoutMs) const {
  std::unique_lock<std::mutex> lock(d->queueMutex);
  const uint64_t target = d->queued;
  return d->idleCv.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                            [&] { return d->processed >= target; });
}

double LiveDriftWatcher::workerCpuSeconds() const {
  return d->cpuSeconds.load();
}

LiveDriftSnapshot LiveDriftWatcher::snapshot() const {
  LiveDriftSnapshot s;
  {
    std::lock_guard<std::mutex> lock(d->stateMutex);
    s.devices.reserve(d->devices.size());
    for (const auto& [id, dev] : d->devices) s.devices.push_back(dev.state);
    s.messages = d->messages;
    s.rejected = d->rejected;
    s.windowsScored = d->windowsScored;
    s.alarms = d->alarms;
    s.alarmsWritten = d->alarmsWritten;
    s.lastError = d->lastError;
  }
  {
    std::lock_guard<std::mutex> lock(d->refMutex);
    auto it = d->references.find(std::string());
    if (it == d->references.end() && !d->references.empty()) it = d->references.begin();
    if (it != d->references.end()) s.referenceNames = it->second->names;
  }
  s.connected = d->connected;
  s.alpha = d->options.drift.alpha;
  s.windowRows = d->options.windowRows;
  return s;
}

std::string deviceOfPredictionsTopic(const std::string& topic, const std::string& prefix) {
  const std::string head = prefix + "/";
  const std::string tail = "/predictions";
  if (topic.size() <= head.size() + tail.size()) return {};
  if (topic.compare(0, head.size(), head) != 0) return {};
  if (topic.compare(topic.size() - tail.size(), tail.size(), tail) != 0) return {};
  std::string id = topic.substr(head.size(), topic.size() - head.size() - tail.size());
  if (id.find('/') != std::string::npos) return {};
  return id;
}

double negLog10(double p) {
  if (!(p > 1e-300)) return 300.0;
  return std::min(300.0, -std::log10(p));
}

}  // namespace edgewise::audit
