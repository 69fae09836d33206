// edgewise-cli bench deploy (issue 6): a broker, N simulated devices in one edgewise-agent
// process, T deployments of a B-byte model with faults injected at random moments, and a
// check of every device's state dir and retained status after each trial: no device may end
// without a model (bricked) or with another model than the one it reports and the outcome
// implies (wrong_model_running).

#include <fcntl.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <thread>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "core/deploy/deployer.h"
#include "core/deploy/model_artifact.h"
#include "core/deploy/signing.h"
#include "core/training/service/model_factory.h"
#include "core/util/clock.h"
#include "core/util/local_broker.h"
#include "core/util/percentile.h"

namespace edgewise::cli {

using namespace Qt::StringLiterals;
using nlohmann::json;

namespace {

const std::vector<std::string> kFaults = {"none", "kill-agent", "restart-broker", "corrupt-chunk",
                                          "bad-signature"};

// An MLP whose saved file is about `bytes` long (64 inputs, one hidden layer).
Result<std::string> makeModel(const std::string& path, int64_t bytes, uint64_t seed) {
  constexpr int kDims = 64;
  constexpr int kClasses = 4;
  const int64_t hidden = std::max<int64_t>(4, bytes / 4 / (kDims + kClasses + 1));
  auto model = training::createClassifier(
      "mlp", {{"hidden", std::to_string(hidden)}, {"epochs", "1"}, {"threads", "1"}}, seed,
      {kDims});
  if (!model) return model.error();
  std::mt19937 rng(static_cast<uint32_t>(seed));
  std::normal_distribution<float> normal;
  cv::Mat X(200, kDims, CV_32F);
  std::vector<int> y(200);
  for (int r = 0; r < X.rows; ++r) {
    y[static_cast<size_t>(r)] = r % kClasses;
    for (int c = 0; c < kDims; ++c)
      X.at<float>(r, c) = normal(rng) + (c == r % kClasses ? 2.f : 0.f);
  }
  EW_TRY((*model)->train(X, y, kClasses));
  EW_TRY((*model)->save(path));
  return path;
}

std::string readAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The sha256 of the model a device's state dir runs ("" when none).
std::string installedSha(const std::string& deviceDir) {
  const json j = json::parse(readAll(deviceDir + "/current/installed.json"), nullptr, false);
  return j.is_object() ? j.value("sha256", std::string()) : std::string();
}

class AgentProcess {
 public:
  AgentProcess(QStringList args, QString logFile)
      : m_args(std::move(args)), m_logFile(std::move(logFile)) {}
  ~AgentProcess() { stop(); }
  bool start() {
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(m_logFile.isEmpty() ? QProcess::nullDevice() : m_logFile,
                                     QIODevice::Append);
    m_process->start(QCoreApplication::applicationDirPath() + u"/edgewise-agent"_s, m_args);
    return m_process->waitForStarted(5000);
  }
  void kill() {
    if (!m_process) return;
    m_process->kill();
    m_process->waitForFinished(5000);
  }
  void stop() {
    if (!m_process) return;
    m_process->terminate();
    if (!m_process->waitForFinished(20000)) kill();
    m_process.reset();
  }

 private:
  QStringList m_args;
  QString m_logFile;
  std::unique_ptr<QProcess> m_process;
};

}  // namespace

int runBenchDeploy(const QStringList& args) {
  CommandLine cl(u"bench deploy"_s,
                 u"Deployment benchmark (issue 6): a broker and N simulated devices, T "
                 "deployments of a model of B bytes alternating between two models, with faults "
                 "injected at random moments; after each trial every device's state dir and "
                 "retained status are checked. See docs/deploy_protocol.md."_s);
  cl.addOption({u"devices"_s, u"Simulated devices (10)."_s, u"N"_s});
  cl.addOption({u"model-bytes"_s, u"Model size in bytes (1048576)."_s, u"B"_s});
  cl.addOption({u"faults"_s,
                u"none, kill-agent, restart-broker, corrupt-chunk, bad-signature or mixed "
                "(a random one per trial, none included)."_s,
                u"F"_s});
  cl.addOption({u"trials"_s, u"Deployments (3)."_s, u"T"_s});
  cl.addOption({u"seed"_s, u"Random seed of fault choice and timing (1)."_s, u"S"_s});
  cl.addOption({u"chunk-size"_s,
                u"Chunk size in bytes (default: deploy::recommendedChunkSize of the model)."_s,
                u"B"_s});
  cl.addOption({u"max-unacked-bytes"_s,
                u"Chunk bytes not acknowledged by the broker, over all devices (default: "
                "DeployOptions; 0: no limit, the behaviour before 2026-12-06)."_s,
                u"B"_s});
  cl.addOption(
      {u"window"_s, u"Unacknowledged chunks per device (default: DeployOptions)."_s, u"W"_s});
  cl.addOption({u"log-dir"_s,
                u"Keep the agent's output (agent.log) and the broker's log (mosquitto.log) "
                "here."_s,
                u"DIR"_s});
  cl.addOption({u"json"_s, u"Print JSON."_s});
  if (auto exit = cl.parse(args)) return *exit;
  auto devices = cl.intValue(u"devices"_s, 10, 1, 10000);
  if (!devices) return cl.usageError(qs(devices.error().toString()));
  auto modelBytes = cl.intValue(u"model-bytes"_s, 1 << 20, 1024, 256 << 20);
  if (!modelBytes) return cl.usageError(qs(modelBytes.error().toString()));
  auto trials = cl.intValue(u"trials"_s, 3, 1, 100000);
  if (!trials) return cl.usageError(qs(trials.error().toString()));
  auto seed = cl.intValue(u"seed"_s, 1, 0, INT64_MAX);
  if (!seed) return cl.usageError(qs(seed.error().toString()));
  const std::string faults =
      cl.isSet(u"faults"_s) ? cl.value(u"faults"_s).toStdString() : std::string("none");
  if (faults != "mixed" && std::find(kFaults.begin(), kFaults.end(), faults) == kFaults.end()) {
    return cl.usageError(
        u"--faults must be none, kill-agent, restart-broker, corrupt-chunk, "
        "bad-signature or mixed"_s);
  }
  const bool jsonOut = cl.isSet(u"json"_s);
  const QString logDir = cl.value(u"log-dir"_s);
  if (!logDir.isEmpty() && !QDir().mkpath(logDir)) {
    return cl.usageError(u"cannot create --log-dir %1"_s.arg(logDir));
  }
  auto chunkSizeOpt = cl.intValue(u"chunk-size"_s, 0, 1024, 64 << 20);
  if (!chunkSizeOpt) return cl.usageError(qs(chunkSizeOpt.error().toString()));
  auto windowOpt = cl.intValue(u"window"_s, deploy::DeployOptions().window, 1, 4096);
  if (!windowOpt) return cl.usageError(qs(windowOpt.error().toString()));
  auto maxUnackedOpt = cl.intValue(u"max-unacked-bytes"_s, deploy::DeployOptions().maxUnackedBytes,
                                   0, int64_t{1} << 40);
  if (!maxUnackedOpt) return cl.usageError(qs(maxUnackedOpt.error().toString()));
  // 0: deploy::recommendedChunkSize of the model's actual size (below).
  const int chunkSizeArg = static_cast<int>(*chunkSizeOpt);

  QTemporaryDir tmp;
  if (!tmp.isValid()) return cl.failure(u"cannot create a temporary dir"_s);
  const std::string dir = tmp.path().toStdString();
  util::LocalBroker broker;
  if (auto started = broker.start(); !started) return cl.failure(qs(started.error().toString()));
  auto key = deploy::generateSigningKey();
  auto otherKey = deploy::generateSigningKey();
  if (!key || !otherKey) return cl.failure(u"cannot create signing keys"_s);
  if (auto saved = deploy::saveSigningKey(*key, dir + "/key"); !saved) {
    return cl.failure(qs(saved.error().toString()));
  }

  std::vector<deploy::Artifact> models;
  for (int m = 0; m < 2; ++m) {
    const std::string path = dir + "/model" + std::to_string(m) + ".bin";
    auto made =
        makeModel(path, *modelBytes, static_cast<uint64_t>(*seed) + static_cast<uint64_t>(m));
    if (!made) return cl.failure(qs(made.error().toString()));
    auto a = deploy::artifactFromModelFile(
        path, *key, std::to_string(m + 1), "bench", "mlp", std::to_string(m + 1),
        chunkSizeArg > 0 ? chunkSizeArg : deploy::kDefaultChunkSize);
    if (!a) return cl.failure(qs(a.error().toString()));
    if (chunkSizeArg == 0) {
      a->manifest.chunkSize = deploy::recommendedChunkSize(a->manifest.size);
      deploy::signManifest(a->manifest, a->bytes, *key);
    }
    models.push_back(std::move(*a));
  }

  const int n = static_cast<int>(*devices);
  AgentProcess agent(
      {u"--simulate"_s, u"imu"_s, u"--rate"_s, u"10"_s, u"--count"_s, QString::number(n),
       u"--prefix"_s, u"bench-"_s, u"--broker"_s, qs(broker.url()), u"--state-dir"_s,
       qs(dir + "/devices"), u"--trusted-key"_s, qs(dir + "/key.pub")},
      logDir.isEmpty() ? QString() : logDir + u"/agent.log"_s);
  if (!agent.start()) return cl.failure(u"cannot start edgewise-agent"_s);
  const auto waitOnline = [&](double timeoutS) {
    const int64_t end = util::monotonicUs() + static_cast<int64_t>(timeoutS * 1e6);
    while (util::monotonicUs() < end) {
      auto found = deploy::discoverDevices(broker.url(), 0.3);
      int online = 0;
      if (found) {
        for (const auto& d : *found) online += d.online ? 1 : 0;
      }
      if (online == n) return true;
    }
    return false;
  };
  if (!waitOnline(60)) return cl.failure(u"the simulated devices did not come online"_s);
  std::vector<std::string> ids;
  for (int i = 1; i <= n; ++i) {
    char id[32];
    std::snprintf(id, sizeof id, "bench-%04d", i);
    ids.push_back(id);
  }

  std::mt19937_64 rng(static_cast<uint64_t>(*seed));
  int succeeded = 0, rolledBack = 0, refused = 0, failed = 0, bricked = 0, wrongModel = 0;
  int refusalsExpected = 0, refusalsSeen = 0, unreachable = 0;
  std::vector<double> deviceSeconds, trialSeconds;
  // Per device: from the first state of a phase to the first state of the next one.
  const std::vector<std::string> kPhases = {"receiving", "verifying", "installing", "self_test",
                                            "succeeded"};
  std::map<std::string, std::vector<double>> phaseSeconds;
  json perTrial = json::array();
  std::map<std::string, std::string> running;  // device -> sha before the trial
  for (const auto& id : ids) running[id] = installedSha(dir + "/devices/" + id);

  for (int trial = 0; trial < *trials; ++trial) {
    const std::string fault = faults == "mixed" ? kFaults[rng() % kFaults.size()] : faults;
    // The model the fleet does not run yet (a redeploy of the running one is a no-op).
    deploy::Artifact a = models[running[ids.front()] == models[0].manifest.sha256 ? 1 : 0];
    a.manifest.deployment = deploy::newDeploymentId();
    a.manifest.createdUs = util::wallClockUs();
    deploy::signManifest(a.manifest, a.bytes, fault == "bad-signature" ? *otherKey : *key);
    deploy::DeployOptions options;
    options.brokerUrl = broker.url();
    options.deviceTimeoutS = 90;
    options.idleResendS = 2;
    options.clientId = "edgewise-bench-deployer";
    options.window = static_cast<int>(*windowOpt);
    options.maxUnackedBytes = *maxUnackedOpt;
    // Where the time goes: when each device first reported each state (seconds from t0).
    std::map<std::string, std::map<std::string, double>> seen;
    const int64_t progressT0 = util::monotonicUs();
    options.progress = [&](const std::string& device, const std::string& state) {
      seen[device].emplace(state, static_cast<double>(util::monotonicUs() - progressT0) / 1e6);
    };
    if (fault == "corrupt-chunk") {
      options.corruptChunk = static_cast<int>(rng() % static_cast<uint64_t>(a.manifest.chunks));
    }
    deploy::Deployer deployer(options);
    if (auto c = deployer.connect(); !c) return cl.failure(qs(c.error().toString()));
    const std::string manifestJson = deploy::manifestToJson(a.manifest);
    std::vector<deploy::DeviceOutcome> outcomes;
    const std::map<std::string, std::string> before = running;
    const int64_t t0 = util::monotonicUs();
    std::thread runner([&] { outcomes = deployer.run(a.manifest, manifestJson, a.bytes, ids); });
    // Faults that need the main thread (QProcess): at a random moment of the transfer.
    if (fault == "kill-agent" || fault == "restart-broker") {
      const int delayMs = static_cast<int>(rng() % 1500);
      std::this_thread::sleep_for(std::chrono::milliseconds(delayMs));
      if (fault == "kill-agent") {
        agent.kill();
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        if (!agent.start()) return cl.failure(u"cannot restart edgewise-agent"_s);
      } else if (auto r = broker.restart(300); !r) {
        runner.join();
        return cl.failure(qs(r.error().toString()));
      }
    }
    runner.join();
    deployer.disconnect();
    const double seconds = static_cast<double>(util::monotonicUs() - t0) / 1e6;
    trialSeconds.push_back(seconds);
    // Let retained statuses settle (a restarted agent republishes them), then check.
    // Both faults drop the retained statuses for a while (last will, or a broker without
    // persistence); the agents publish them again when they are back.
    if (fault == "kill-agent" || fault == "restart-broker") waitOnline(60);
    auto reported = deploy::discoverDevices(broker.url(), 0.5);
    std::map<std::string, std::string> reportedSha;
    std::set<std::string> online, listed;
    if (reported) {
      for (const auto& d : *reported) {
        listed.insert(d.id);
        if (d.online) online.insert(d.id);
        const auto m = json::parse(d.modelJson, nullptr, false);
        reportedSha[d.id] = m.is_object() ? m.value("sha256", std::string()) : std::string();
      }
    }
    json t = {{"trial", trial}, {"fault", fault}, {"seconds", seconds}};
    double slowest = 0;
    for (const auto& o : outcomes) slowest = std::max(slowest, o.seconds);
    t["device_max_seconds"] = slowest;
    std::map<std::string, int> states;
    for (const auto& o : outcomes) {
      ++states[o.state];
      if (o.state == "succeeded") {
        ++succeeded;
        deviceSeconds.push_back(o.seconds);
      } else if (o.state == "rolled_back") {
        ++rolledBack;
      } else if (o.state == "refused") {
        ++refused;
      } else {
        ++failed;
      }
      const std::string sha = installedSha(dir + "/devices/" + o.device);
      if (sha.empty() && !running[o.device].empty()) ++bricked;
      // Succeeded: the new model; anything else: the model it ran before. And it says so.
      const std::string expected = o.state == "succeeded" ? a.manifest.sha256 : running[o.device];
      // A device that timed out ("failed") may still have finished later: either is allowed
      // as long as it is one of the two and the device reports it.
      const bool ok = o.state == "failed" ? (sha == a.manifest.sha256 || sha == running[o.device])
                                          : sha == expected;
      // Offline after the trial (its client could not reconnect): it runs `sha` by its state
      // dir but cannot say so; counted apart, and as wrong when the state dir is wrong.
      const bool reachable = online.count(o.device) > 0;
      if (!reachable) {
        ++unreachable;
        // "offline": its retained status says so; "not seen": no status within the 0.5 s
        // the check listens (a loaded machine), so nothing is known.
        t["unreachable"].push_back(
            {{"device", o.device}, {"status", listed.count(o.device) ? "offline" : "not seen"}});
      }
      if (!ok || (reachable && reportedSha[o.device] != sha)) {
        ++wrongModel;
        t["mismatches"].push_back({{"device", o.device},
                                   {"state", o.state},
                                   {"reason", o.reason},
                                   {"installed", sha.substr(0, 12)},
                                   {"reported", reportedSha[o.device].substr(0, 12)},
                                   {"expected", expected.substr(0, 12)},
                                   {"online", reachable}});
      }
      running[o.device] = sha;
    }
    if (fault == "corrupt-chunk" || fault == "bad-signature") {
      // A device that already runs the new model answers "already installed" without a
      // transfer (after a rollback the fleet is mixed); every other device must refuse.
      for (const auto& o : outcomes) {
        if (before.at(o.device) == a.manifest.sha256) continue;
        ++refusalsExpected;
        refusalsSeen += o.state == "refused" ? 1 : 0;
      }
    }
    t["states"] = states;
    for (const auto& [device, times] : seen) {
      for (size_t p = 0; p + 1 < kPhases.size(); ++p) {
        const auto a0 = times.find(kPhases[p]);
        const auto a1 = times.find(kPhases[p + 1]);
        if (a0 != times.end() && a1 != times.end()) {
          phaseSeconds[kPhases[p]].push_back(a1->second - a0->second);
        }
      }
      if (const auto r = times.find("receiving"); r != times.end()) {
        phaseSeconds["manifest"].push_back(r->second);
      }
    }
    perTrial.push_back(t);
    if (!jsonOut) {
      printErr(u"trial %1 (%2): %3 s, %4\n"_s.arg(trial + 1)
                   .arg(qs(fault))
                   .arg(seconds, 0, 'f', 2)
                   .arg(qs(nlohmann::json(states).dump())));
    }
  }
  agent.stop();
  if (!logDir.isEmpty()) {
    QFile::remove(logDir + u"/mosquitto.log"_s);
    QFile::copy(broker.logFile(), logDir + u"/mosquitto.log"_s);
  }

  // "receiving": manifest sent -> receiving; "receiving": transfer; ...; "self_test": load+test.
  json phases = json::object();
  for (auto& [name, v] : phaseSeconds) {
    if (!v.empty()) phases[name] = {util::percentile(v, 50), util::percentile(v, 99)};
  }
  const json out = {
      {"trials", *trials},
      {"devices", n},
      {"model_bytes", models[0].manifest.size},
      {"chunks", models[0].manifest.chunks},
      {"faults", faults},
      {"succeeded", succeeded},
      {"rolled_back", rolledBack},
      {"refused", refused},
      {"failed", failed},
      {"bricked", bricked},
      {"wrong_model_running", wrongModel},
      {"unreachable_after_trial", unreachable},
      {"refused_when_expected",
       refusalsExpected > 0 ? json(double(refusalsSeen) / refusalsExpected) : json(nullptr)},
      {"p50_seconds",
       deviceSeconds.empty() ? json(nullptr) : json(util::percentile(deviceSeconds, 50))},
      {"p99_seconds",
       deviceSeconds.empty() ? json(nullptr) : json(util::percentile(deviceSeconds, 99))},
      {"trial_p50_seconds", util::percentile(trialSeconds, 50)},
      {"trial_max_seconds", *std::max_element(trialSeconds.begin(), trialSeconds.end())},
      {"chunk_size", models[0].manifest.chunkSize},
      {"window", *windowOpt},
      {"max_unacked_bytes", *maxUnackedOpt},
      {"phases_p50_p99", phases},
      {"per_trial", perTrial}};
  if (jsonOut) {
    printOut(qs(out.dump()) + u"\n"_s);
  } else {
    printOut(qs(out.dump(2)) + u"\n"_s);
  }
  return bricked == 0 && wrongModel == 0 ? kExitOk : kExitFailure;
}

}  // namespace edgewise::cli
