// edgewise-cli bench: capture throughput against a mosquitto_sub baseline measured in the
// same run, and the GUI's live-view benchmark relayed from the edgewise binary.

#include <sys/resource.h>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <algorithm>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/session_util.h"
#include "core/capture/capture_session.h"
#include "core/store/project.h"
#include "core/store/recording_repository.h"
#include "core/util/clock.h"
#include "core/util/local_broker.h"
#include "core/util/percentile.h"

namespace edgewise::cli {

namespace {

// Probe messages prove a subscriber is live before the load starts; they go to a topic the
// load never uses and carry a marker so they are never counted.
constexpr char kProbeTopic[] = "edgewise/__probe__/imu";
constexpr char kProbeMarker[] = "__edgewise_probe__";
constexpr char kLoadFilter[] = "edgewise/+/imu";

struct BenchParams {
  int devices = 10;
  double rateHz = 100;
  int samplesPerMessage = 10;
  double seconds = 10;
  int qos = 1;
  int64_t liveBufferSamples = 0;  // 0: the session's default (what the GUI uses)
  std::string url;
  std::string host;
  int port = 0;
};

struct Rusage {
  double cpuSeconds = 0;
  double maxRssMb = 0;
};

Rusage selfUsage() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  Rusage r;
  r.cpuSeconds = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                 static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
  r.maxRssMb = static_cast<double>(ru.ru_maxrss) / 1024.0;  // Linux reports KiB
  return r;
}

QString binPath(const QString& name) {
  return QCoreApplication::applicationDirPath() + QLatin1Char('/') + name;
}

// Runs mosquitto_pub once (short-lived, so waiting on it is fine).
void publishProbe(const BenchParams& p) {
  QProcess pub;
  pub.start(QStringLiteral("mosquitto_pub"),
            {QStringLiteral("-h"), qs(p.host), QStringLiteral("-p"), QString::number(p.port),
             QStringLiteral("-t"), QString::fromLatin1(kProbeTopic), QStringLiteral("-q"),
             QStringLiteral("1"), QStringLiteral("-m"),
             QStringLiteral("{\"probe\":\"") + QString::fromLatin1(kProbeMarker) +
                 QStringLiteral("\"}")});
  pub.waitForFinished(5000);
}

// The device fleet as a child process; its summary JSON (stdout) says what was published.
class AgentRun {
 public:
  Result<void> start(const BenchParams& p) {
    const QString exe = binPath(QStringLiteral("edgewise-agent"));
    if (!QFileInfo(exe).isExecutable()) {
      return Error("edgewise-agent not found next to edgewise-cli (" + exe.toStdString() +
                   "); build the edgewise-agent target");
    }
    m_process.setProgram(exe);
    m_process.setArguments(
        {QStringLiteral("--simulate"), QStringLiteral("imu"), QStringLiteral("--count"),
         QString::number(p.devices), QStringLiteral("--rate"), QString::number(p.rateHz),
         QStringLiteral("--broker"), qs(p.url), QStringLiteral("--samples-per-message"),
         QString::number(p.samplesPerMessage), QStringLiteral("--seconds"),
         QString::number(p.seconds), QStringLiteral("--qos"), QString::number(p.qos),
         QStringLiteral("--summary-json")});
    // The agent's own log is kept apart so it cannot corrupt our JSON.
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start();
    if (!m_process.waitForStarted(10000)) {
      return Error("edgewise-agent did not start: " + m_process.errorString().toStdString());
    }
    m_deadlineUs = util::monotonicUs() + static_cast<int64_t>((p.seconds + 300) * 1e6);
    return {};
  }

  bool running() {
    if (m_process.state() == QProcess::NotRunning) return false;
    if (util::monotonicUs() > m_deadlineUs) {
      m_process.kill();
      m_process.waitForFinished(5000);
      m_timedOut = true;
      return false;
    }
    return true;
  }

  // After running() turned false: the agent's summary.
  Result<nlohmann::json> summary() {
    m_process.waitForFinished(5000);
    const QByteArray out = m_process.readAllStandardOutput();
    const QByteArray err = m_process.readAllStandardError().right(600);
    if (m_timedOut) return Error("edgewise-agent did not finish in time: " + err.toStdString());
    if (m_process.exitStatus() != QProcess::NormalExit || m_process.exitCode() != 0) {
      return Error("edgewise-agent failed (exit " + std::to_string(m_process.exitCode()) +
                   "): " + err.trimmed().toStdString());
    }
    // The summary is the last non-empty line of stdout.
    const QList<QByteArray> lines = out.trimmed().split('\n');
    try {
      nlohmann::json j = nlohmann::json::parse(lines.last().toStdString());
      if (!j.contains("published") || !j.contains("per_device")) {
        return Error("edgewise-agent summary lacks 'published' or 'per_device': " + j.dump());
      }
      return j;
    } catch (const std::exception& e) {
      return Error(std::string("cannot parse the edgewise-agent summary: ") + e.what() + " in '" +
                   out.right(300).toStdString() + "'");
    }
  }

 private:
  QProcess m_process;
  int64_t m_deadlineUs = 0;
  bool m_timedOut = false;
};

// Counts the messages a mosquitto_sub child prints, one per line.
struct LineCounter {
  int64_t lines = 0;
  int64_t probes = 0;
  int64_t firstUs = 0;
  int64_t lastUs = 0;
  QByteArray partial;
  // Device publish ("pub") to arrival at this plain subscriber: the latency the broker and
  // the agent add before any Edgewise code runs.
  std::vector<double> arrivalLatenciesMs;

  void collectLatencies(QByteArrayView text) {
    const int64_t nowUs = util::wallClockUs();
    const QByteArrayView key("\"pub\":");
    qsizetype at = text.indexOf(key);
    while (at >= 0) {
      qsizetype i = at + key.size();
      int64_t pub = 0;
      while (i < text.size() && text[i] >= '0' && text[i] <= '9')
        pub = pub * 10 + (text[i++] - '0');
      if (pub > 0) arrivalLatenciesMs.push_back(static_cast<double>(nowUs - pub) / 1000.0);
      at = text.indexOf(key, i);
    }
  }

  void feed(const QByteArray& data) {
    partial += data;
    const qsizetype end = partial.lastIndexOf('\n');
    if (end < 0) return;
    const QByteArrayView complete(partial.constData(), end + 1);
    const int64_t newLines = complete.count('\n');
    const int64_t newProbes = complete.count(QByteArrayView(kProbeMarker));
    collectLatencies(complete);
    partial.remove(0, end + 1);
    probes += newProbes;
    const int64_t load = newLines - newProbes;
    if (load <= 0) return;
    const int64_t now = util::monotonicUs();
    if (lines == 0) firstUs = now;
    lines += load;
    lastUs = now;
  }
};

double ratePerSecond(int64_t count, int64_t firstUs, int64_t lastUs) {
  return lastUs > firstUs ? static_cast<double>(count) * 1e6 / static_cast<double>(lastUs - firstUs)
                          : 0.0;
}

int64_t deviceCount(const nlohmann::json& perDevice, const char* key) {
  int64_t n = 0;
  for (const auto& d : perDevice) n += d.value(key, int64_t{0});
  return n;
}

// (a) the baseline: how fast a plain mosquitto_sub receives the same load.
Result<nlohmann::json> runBaseline(const BenchParams& p) {
  QProcess sub;
  LineCounter counter;
  QObject::connect(&sub, &QProcess::readyReadStandardOutput, &sub,
                   [&] { counter.feed(sub.readAllStandardOutput()); });
  sub.start(QStringLiteral("mosquitto_sub"),
            {QStringLiteral("-h"), qs(p.host), QStringLiteral("-p"), QString::number(p.port),
             QStringLiteral("-t"), QString::fromLatin1(kLoadFilter), QStringLiteral("-q"),
             QString::number(p.qos)});
  if (!sub.waitForStarted(5000)) {
    return Error("mosquitto_sub did not start (install mosquitto-clients): " +
                 sub.errorString().toStdString());
  }
  // Every way out of here, errors included, ends the child before QProcess is destroyed.
  struct StopOnExit {
    QProcess& process;
    ~StopOnExit() {
      if (process.state() == QProcess::NotRunning) return;
      process.terminate();
      if (!process.waitForFinished(3000)) process.kill();
      process.waitForFinished(3000);
    }
  } stopSub{sub};
  const int64_t probeDeadline = util::monotonicUs() + 15'000'000;
  while (counter.probes == 0) {
    if (util::monotonicUs() > probeDeadline || sub.state() == QProcess::NotRunning) {
      return Error("mosquitto_sub never received a probe message from " + p.url + ": " +
                   sub.readAllStandardError().trimmed().toStdString());
    }
    publishProbe(p);
    for (int i = 0; i < 10 && counter.probes == 0; ++i) pumpEvents(20);
  }

  AgentRun agent;
  EW_TRY(agent.start(p));
  while (agent.running()) pumpEvents(5);
  auto summary = agent.summary();
  if (!summary.ok()) return summary.error();
  const int64_t published = (*summary)["published"].get<int64_t>();
  // Drain: until everything arrived or nothing new came for 3 s.
  int64_t lastCount = -1;
  int64_t lastChangeUs = util::monotonicUs();
  while (counter.lines < published && util::monotonicUs() - lastChangeUs < 3'000'000) {
    pumpEvents(10);
    if (counter.lines != lastCount) {
      lastCount = counter.lines;
      lastChangeUs = util::monotonicUs();
    }
  }

  const double rate = ratePerSecond(counter.lines, counter.firstUs, counter.lastUs);
  return nlohmann::json{
      {"published", published},
      {"received", counter.lines},
      {"lost", std::max<int64_t>(0, published - counter.lines)},
      {"p99_arrival_latency_ms",
       counter.arrivalLatenciesMs.empty() ? 0.0 : util::percentile(counter.arrivalLatenciesMs, 99)},
      {"msgs_per_s", rate},
      {"agent_seconds", (*summary).value("seconds", 0.0)}};
}

// (b) Edgewise: a CaptureSession recording the same load into a temporary project.
Result<nlohmann::json> runEdgewise(const BenchParams& p) {
  QTemporaryDir dir;
  if (!dir.isValid()) return Error("cannot create a temporary directory for the project");
  const std::string projectPath = dir.filePath(QStringLiteral("bench.edgewise")).toStdString();
  {
    auto project = store::Project::open(projectPath, store::OpenMode::CreateIfMissing);
    if (!project.ok()) return project.error();
  }

  capture::CaptureSession session;
  if (p.liveBufferSamples > 0)
    session.setLiveBufferCapacity(static_cast<size_t>(p.liveBufferSamples));
  ConnectionWatcher watcher(session);
  auto settings = capture::BrokerSettings::fromUrl(p.url);
  if (!settings.ok()) return settings.error();
  EW_TRY(connectAndWait(session, watcher, *settings, p.url, 10000));
  EW_TRY(session.subscribe({kLoadFilter, p.qos}));

  const int64_t probeDeadline = util::monotonicUs() + 15'000'000;
  while (session.counters().received == 0) {
    if (util::monotonicUs() > probeDeadline) {
      return Error("the capture session never received a probe message from " + p.url);
    }
    publishProbe(p);
    for (int i = 0; i < 10 && session.counters().received == 0; ++i) pumpEvents(20);
  }
  // Let the probe pass the decode thread so it is not part of the recording.
  for (int i = 0; i < 100; ++i) {
    const capture::SessionCounters c = session.counters();
    if (c.decoded + c.decodeErrors >= c.received) break;
    pumpEvents(10);
  }
  pumpEvents(100);
  const int64_t base = session.counters().received;

  capture::RecordingOptions options;
  options.projectPath = projectPath;
  options.name = "bench capture";
  options.topicFilters = {kLoadFilter};
  options.keepLatencies = true;
  auto recordingId = session.startRecording(options);
  if (!recordingId.ok()) return recordingId.error();

  AgentRun agent;
  EW_TRY(agent.start(p));
  int64_t firstUs = 0;
  int64_t lastUs = 0;
  int64_t lastReceived = 0;
  Rusage usage0 = selfUsage();
  auto poll = [&] {
    const int64_t received = session.counters().received - base;
    if (received == lastReceived) return;
    const int64_t now = util::monotonicUs();
    if (lastReceived == 0) {
      // The ingest window starts with the first message, not with the fleet's connecting.
      firstUs = now;
      usage0 = selfUsage();
    }
    lastReceived = received;
    lastUs = now;
  };
  while (agent.running()) {
    pumpEvents(5);
    poll();
  }
  auto summary = agent.summary();
  if (!summary.ok()) return summary.error();
  const int64_t published = (*summary)["published"].get<int64_t>();
  int64_t lastChangeUs = util::monotonicUs();
  int64_t seen = lastReceived;
  while (lastReceived < published && util::monotonicUs() - lastChangeUs < 3'000'000) {
    pumpEvents(5);
    poll();
    if (lastReceived != seen) {
      seen = lastReceived;
      lastChangeUs = util::monotonicUs();
    }
  }
  const capture::SessionCounters counters = session.counters();
  auto stopped = session.stopRecording();
  const int64_t endUs = util::monotonicUs();
  const Rusage usage1 = selfUsage();
  if (!stopped.ok()) return stopped.error().wrap("stopping the recording");
  const capture::RecorderStats stats = session.recorderStats();
  session.disconnectFromBroker();

  auto project = store::Project::open(projectPath, store::OpenMode::OpenExisting);
  if (!project.ok()) return project.error();
  auto streams = (*project)->recordings().streams(*recordingId);
  if (!streams.ok()) return streams.error();
  std::map<std::string, const store::StreamSummary*> byDevice;
  for (const store::StreamSummary& s : *streams) byDevice[s.spec.deviceId] = &s;

  int64_t storedMessages = 0;
  int64_t storedSamples = 0;
  int64_t lost = 0;
  int64_t gaps = 0;
  int64_t outOfOrder = 0;
  int64_t devicesMissing = 0;
  for (const auto& d : (*summary)["per_device"]) {
    const std::string device = d.value("device", std::string());
    const int64_t devicePublished = d.value("published", int64_t{0});
    auto it = byDevice.find(device);
    if (it == byDevice.end()) {
      ++devicesMissing;
      lost += devicePublished;
      continue;
    }
    const store::StreamSummary& s = *it->second;
    storedMessages += s.messageCount;
    storedSamples += s.sampleCount;
    gaps += s.seqGaps;
    outOfOrder += s.seqOutOfOrder;
    const int64_t distinct =
        s.firstSeq && s.lastSeq ? *s.lastSeq - *s.firstSeq + 1 - s.seqMissing : 0;
    lost += std::max<int64_t>(0, devicePublished - distinct);
  }

  double p99 = stats.p99StoreLatencyMs;
  if (!stats.storeLatenciesMs.empty()) p99 = util::percentile(stats.storeLatenciesMs, 99);
  const double wallS = endUs > firstUs && firstUs > 0 ? (endUs - firstUs) / 1e6 : 0;
  const double cpuPercent = wallS > 0 ? 100.0 * (usage1.cpuSeconds - usage0.cpuSeconds) / wallS : 0;
  return nlohmann::json{
      {"published", published},
      {"acked", (*summary).value("acked", int64_t{0})},
      {"received", counters.received - base},
      {"decode_errors", counters.decodeErrors},
      {"stored", storedMessages},
      {"stored_samples", storedSamples},
      {"expected_samples", published * p.samplesPerMessage},
      {"lost", lost},
      {"seq_gaps", gaps},
      {"seq_out_of_order", outOfOrder},
      {"devices_without_stream", devicesMissing},
      {"msgs_per_s", ratePerSecond(storedMessages, firstUs, lastUs)},
      {"samples_per_s", ratePerSecond(storedSamples, firstUs, lastUs)},
      {"p99_store_latency_ms", p99},
      {"store_commits", stats.commits},
      {"ingest_seconds", wallS},
      {"ingest_cpu_percent", cpuPercent},
      {"peak_rss_mb", usage1.maxRssMb},
      {"agent_seconds", (*summary).value("seconds", 0.0)},
      {"agent_published_check", deviceCount((*summary)["per_device"], "published")}};
}

Result<nlohmann::json> runPair(const BenchParams& p) {
  printErr(QStringLiteral("bench capture: %1 devices x %2 Hz x %3 samples/message, %4 s, QoS %5: "
                          "baseline (mosquitto_sub)...\n")
               .arg(p.devices)
               .arg(p.rateHz)
               .arg(p.samplesPerMessage)
               .arg(p.seconds)
               .arg(p.qos));
  auto baseline = runBaseline(p);
  if (!baseline.ok()) return baseline.error().wrap("baseline");
  printErr(QStringLiteral("bench capture: baseline %1 msg/s; now Edgewise capture...\n")
               .arg((*baseline)["msgs_per_s"].get<double>(), 0, 'f', 0));
  auto edgewise = runEdgewise(p);
  if (!edgewise.ok()) return edgewise.error().wrap("edgewise capture");

  nlohmann::json r = *edgewise;
  const double baseRate = (*baseline)["msgs_per_s"].get<double>();
  r["baseline_msgs_per_s"] = baseRate;
  r["baseline_received"] = (*baseline)["received"];
  r["baseline_published"] = (*baseline)["published"];
  r["baseline_lost"] = (*baseline)["lost"];
  r["baseline_p99_arrival_latency_ms"] = (*baseline)["p99_arrival_latency_ms"];
  r["ratio_to_baseline"] = baseRate > 0 ? r["msgs_per_s"].get<double>() / baseRate : 0.0;
  r["devices"] = p.devices;
  r["rate_hz"] = p.rateHz;
  r["samples_per_message"] = p.samplesPerMessage;
  r["seconds"] = p.seconds;
  r["qos"] = p.qos;
  r["live_buffer_samples"] = p.liveBufferSamples;
  r["broker"] = p.url;
  r["machine"] = {{"nproc", std::thread::hardware_concurrency()}};
  r["date"] = isoDateUtc();
  return r;
}

QString humanResult(const nlohmann::json& r) {
  auto num = [&](const char* key, int decimals) {
    return QString::number(r.value(key, 0.0), 'f', decimals);
  };
  return QStringLiteral(
             "devices=%1 rate_hz=%2 K=%3 seconds=%4 qos=%5\n"
             "  published=%6 received=%7 stored=%8 stored_samples=%9 lost=%10\n"
             "  msgs_per_s=%11 samples_per_s=%12 baseline_msgs_per_s=%13 ratio=%14\n"
             "  p99_store_latency_ms=%15 ingest_cpu_percent=%16 peak_rss_mb=%17\n")
      .arg(r.value("devices", 0))
      .arg(num("rate_hz", 1), QString::number(r.value("samples_per_message", 0)), num("seconds", 1),
           QString::number(r.value("qos", 0)), QString::number(r.value("published", int64_t{0})),
           QString::number(r.value("received", int64_t{0})),
           QString::number(r.value("stored", int64_t{0})),
           QString::number(r.value("stored_samples", int64_t{0})))
      .arg(r.value("lost", int64_t{0}))
      .arg(num("msgs_per_s", 0), num("samples_per_s", 0), num("baseline_msgs_per_s", 0),
           num("ratio_to_baseline", 3), num("p99_store_latency_ms", 1),
           num("ingest_cpu_percent", 1), num("peak_rss_mb", 1));
}

int runBenchCapture(const QStringList& args) {
  CommandLine cl(QStringLiteral("bench capture"),
                 QStringLiteral("Capture throughput: a simulated fleet (edgewise-agent) publishes "
                                "to a broker; first a mosquitto_sub baseline, then an Edgewise "
                                "CaptureSession recording into a temporary project."));
  cl.addOption({QStringLiteral("devices"), QStringLiteral("Simulated devices (default 10)."),
                QStringLiteral("N")});
  cl.addOption({QStringLiteral("rate"), QStringLiteral("Agent --rate in Hz (default 100)."),
                QStringLiteral("HZ")});
  cl.addOption({QStringLiteral("samples-per-message"),
                QStringLiteral("Samples per message (default 10)."), QStringLiteral("K")});
  cl.addOption({QStringLiteral("seconds"), QStringLiteral("Publishing time (default 10)."),
                QStringLiteral("S")});
  cl.addOption(
      {QStringLiteral("qos"), QStringLiteral("QoS 0..2 (default 1)."), QStringLiteral("Q")});
  cl.addOption({QStringLiteral("broker"),
                QStringLiteral("Use this broker instead of starting a local mosquitto."),
                QStringLiteral("URL")});
  cl.addOption({QStringLiteral("rate-sweep"),
                QStringLiteral("Comma-separated rates; runs the pair for each and prints an "
                               "array."),
                QStringLiteral("R1,R2,...")});
  cl.addOption({QStringLiteral("live-buffer-samples"),
                QStringLiteral("Live ring capacity per stream (default: the session's, as in "
                               "the GUI)."),
                QStringLiteral("N")});
  cl.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
  if (auto exit = cl.parse(args)) return *exit;

  BenchParams p;
  auto liveBuffer = cl.intValue(QStringLiteral("live-buffer-samples"), 0, 1, 100'000'000);
  if (!liveBuffer.ok()) return cl.usageError(qs(liveBuffer.error().message));
  p.liveBufferSamples = *liveBuffer;
  auto devices = cl.intValue(QStringLiteral("devices"), 10, 1, 100000);
  auto rate = cl.doubleValue(QStringLiteral("rate"), 100, 0.001, 1e6);
  auto k = cl.intValue(QStringLiteral("samples-per-message"), 10, 1, 100000);
  auto seconds = cl.doubleValue(QStringLiteral("seconds"), 10, 0.1, 86400);
  auto qos = cl.intValue(QStringLiteral("qos"), 1, 0, 2);
  for (const Error* e :
       {devices.ok() ? nullptr : &devices.error(), rate.ok() ? nullptr : &rate.error(),
        k.ok() ? nullptr : &k.error(), seconds.ok() ? nullptr : &seconds.error(),
        qos.ok() ? nullptr : &qos.error()}) {
    if (e) return cl.usageError(qs(e->message));
  }
  p.devices = static_cast<int>(*devices);
  p.rateHz = *rate;
  p.samplesPerMessage = static_cast<int>(*k);
  p.seconds = *seconds;
  p.qos = static_cast<int>(*qos);

  std::vector<double> rates{p.rateHz};
  const bool sweep = cl.isSet(QStringLiteral("rate-sweep"));
  if (sweep) {
    rates.clear();
    for (const QString& part : cl.value(QStringLiteral("rate-sweep")).split(QLatin1Char(','))) {
      bool ok = false;
      const double r = part.trimmed().toDouble(&ok);
      if (!ok || r <= 0) {
        return cl.usageError(QStringLiteral("--rate-sweep wants positive numbers, got '") + part +
                             QStringLiteral("'"));
      }
      rates.push_back(r);
    }
  }

  util::LocalBroker broker;
  if (cl.isSet(QStringLiteral("broker"))) {
    p.url = cl.value(QStringLiteral("broker")).toStdString();
  } else {
    if (auto started = broker.start(); !started.ok()) {
      return cl.failure(qs(started.error().toString()));
    }
    p.url = broker.url();
  }
  auto settings = capture::BrokerSettings::fromUrl(p.url);
  if (!settings.ok()) return cl.usageError(qs(settings.error().toString()));
  p.host = settings->host;
  p.port = settings->port;

  nlohmann::json results = nlohmann::json::array();
  QString text;
  for (double r : rates) {
    p.rateHz = r;
    auto result = runPair(p);
    if (!result.ok()) return cl.failure(qs(result.error().toString()));
    results.push_back(*result);
    text += humanResult(*result);
  }
  if (cl.isSet(QStringLiteral("json"))) {
    printOut(qs(sweep ? results.dump(2) : results.at(0).dump(2)) + QStringLiteral("\n"));
  } else {
    printOut(text);
  }
  return kExitOk;
}

int runBenchLiveView(const QStringList& args) {
  CommandLine cl(QStringLiteral("bench live-view"),
                 QStringLiteral("Runs 'edgewise --bench-live --json' (the GUI's live plot "
                                "benchmark, offscreen without a display) and relays its JSON."));
  cl.addOption({QStringLiteral("json"), QStringLiteral("Print JSON (the GUI's output as is).")});
  if (auto exit = cl.parse(args)) return *exit;

  const QString exe = binPath(QStringLiteral("edgewise"));
  if (!QFileInfo(exe).isExecutable()) {
    return cl.failure(QStringLiteral("the edgewise GUI binary is missing (") + exe +
                      QStringLiteral("); build the edgewise target"));
  }
  QProcess gui;
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  if (!env.contains(QStringLiteral("DISPLAY")) &&
      !env.contains(QStringLiteral("WAYLAND_DISPLAY"))) {
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
  }
  gui.setProcessEnvironment(env);
  gui.start(exe, {QStringLiteral("--bench-live"), QStringLiteral("--json")});
  if (!gui.waitForStarted(10000)) {
    return cl.failure(QStringLiteral("edgewise did not start: ") + gui.errorString());
  }
  if (!gui.waitForFinished(600000)) {
    gui.kill();
    gui.waitForFinished(5000);
    return cl.failure(QStringLiteral("edgewise --bench-live did not finish within 10 minutes"));
  }
  const QByteArray out = gui.readAllStandardOutput();
  if (gui.exitStatus() != QProcess::NormalExit || gui.exitCode() != 0) {
    return cl.failure(
        QStringLiteral("edgewise --bench-live failed (exit %1): ").arg(gui.exitCode()) +
        QString::fromUtf8(gui.readAllStandardError().right(600)).trimmed());
  }
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(out.trimmed().split('\n').last().toStdString());
  } catch (const std::exception& e) {
    return cl.failure(QStringLiteral("edgewise --bench-live printed no JSON: ") +
                      QString::fromUtf8(e.what()));
  }
  if (cl.isSet(QStringLiteral("json"))) {
    printOut(qs(j.dump(2)) + QStringLiteral("\n"));
  } else {
    QString text;
    for (auto it = j.begin(); it != j.end(); ++it) {
      text += qs(it.key()) + QStringLiteral(": ") + qs(it.value().dump()) + QStringLiteral("\n");
    }
    printOut(text);
  }
  return kExitOk;
}

}  // namespace

int runBench(const QStringList& args) {
  const char usage[] =
      "Usage: edgewise-cli bench <capture|live-view|train|compress|active-learning|drift|"
      "robustness> [options]\n"
      "  capture          capture throughput against a mosquitto_sub baseline\n"
      "  live-view        the GUI's live plot stall benchmark\n"
      "  train            model families against scikit-learn / PyTorch references\n"
      "  compress         compression methods against their parents (issue 5 targets)\n"
      "  active-learning  query strategies against random sampling (simulated annotator)\n"
      "  drift            drift monitor: false alarms per window size, detection, CPU cost\n"
      "  robustness       attacks (vs python3-torch), sanity checks, IoT faults, poisoning\n";
  if (args.isEmpty()) {
    printErr(QString::fromLatin1(usage));
    return kExitUsage;
  }
  QStringList rest = args;
  const QString which = rest.takeFirst();
  if (which == u"capture") return runBenchCapture(rest);
  if (which == u"live-view") return runBenchLiveView(rest);
  if (which == u"train") return runBenchTrain(rest);
  if (which == u"compress") return runBenchCompress(rest);
  if (which == u"active-learning") return runBenchActiveLearning(rest);
  if (which == u"drift") return runBenchDrift(rest);
  if (which == u"robustness") return runBenchRobustness(rest);
  if (which == u"--help" || which == u"-h") {
    printOut(QString::fromLatin1(usage));
    return kExitOk;
  }
  printErr(QStringLiteral("edgewise-cli bench: unknown benchmark '") + which +
           QStringLiteral("'\n") + QString::fromLatin1(usage));
  return kExitUsage;
}

}  // namespace edgewise::cli
