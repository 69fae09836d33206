// `edgewise-cli demo`: the main job behind ./run.sh. Starts an embedded Mosquitto on a free
// loopback port and simulated devices (real edgewise-agent processes), then either opens
// the workbench on the demo project or, headless, runs the lifecycle in the CLI and writes a
// report. Lifecycle stages: capture (record, check, export), training (a simulated IMU activity
// dataset and models in the registry), and audit (a signed deployment to simulated devices,
// drift injected and detected: demo_audit.cpp).

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/demo_audit.h"
#include "app/cli/demo_training.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QThread>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/capture/capture_session.h"
#include "core/store/project.h"
#include "core/store/recording_repository.h"
#include "core/util/clock.h"
#include "core/util/local_broker.h"

namespace edgewise::cli {

namespace {

using nlohmann::json;
using namespace Qt::StringLiterals;

void say(const std::string& line) {
  std::fprintf(stderr, "demo: %s\n", line.c_str());
  std::fflush(stderr);
}

// Runs the simulated devices as real agent processes.
struct Fleet {
  std::vector<std::unique_ptr<QProcess>> processes;

  bool start(const QString& agent, const QStringList& args, const QString& logPath) {
    auto p = std::make_unique<QProcess>();
    p->setStandardOutputFile(QProcess::nullDevice());
    p->setStandardErrorFile(logPath, QIODevice::Append);
    p->start(agent, args);
    if (!p->waitForStarted(5000)) return false;
    processes.push_back(std::move(p));
    return true;
  }
  void stop() {
    for (auto& p : processes) {
      if (p->state() == QProcess::NotRunning) continue;
      p->terminate();
      if (!p->waitForFinished(15000)) p->kill();
      p->waitForFinished(2000);
    }
    processes.clear();
  }
  ~Fleet() { stop(); }
};

}  // namespace

int runDemo(const QStringList& arguments) {
  CommandLine cl(u"demo"_s,
                 u"Runs the demo behind ./run.sh: an embedded Mosquitto on a free loopback port, "
                 u"simulated devices (edgewise-agent processes) and the workbench on a demo "
                 u"project; with --headless, the lifecycle in the CLI and a report."_s);
  cl.addOption({u"project"_s, u"Demo project file (default demo/demo.edgewise)."_s, u"FILE"_s,
                u"demo/demo.edgewise"_s});
  cl.addOption({u"report"_s,
                u"Headless report path without extension; .md and .json are written "
                u"(default demo/report)."_s,
                u"PATH"_s, u"demo/report"_s});
  cl.addOption({u"headless"_s, u"Do not open the workbench; run the CLI lifecycle."_s});
  cl.addOption({u"seconds"_s, u"Headless: seconds to record (default 10)."_s, u"S"_s});
  cl.addOption({u"devices"_s, u"Simulated IMU devices (default 3)."_s, u"N"_s});
  cl.addOption({u"rate"_s, u"IMU sample rate in Hz (default 100)."_s, u"HZ"_s});
  if (auto code = cl.parse(arguments)) return *code;
  auto secondsOpt = cl.intValue(u"seconds"_s, 10, 1, 86400);
  auto devicesOpt = cl.intValue(u"devices"_s, 3, 1, 1000);
  auto rateOpt = cl.doubleValue(u"rate"_s, 100, 0.1, 10000);
  for (const Error* e : {secondsOpt.ok() ? nullptr : &secondsOpt.error(),
                         devicesOpt.ok() ? nullptr : &devicesOpt.error(),
                         rateOpt.ok() ? nullptr : &rateOpt.error()}) {
    if (e != nullptr) return cl.usageError(qs(e->toString()));
  }
  const int seconds = static_cast<int>(*secondsOpt);
  const int devices = static_cast<int>(*devicesOpt);
  const QString rate = QString::number(*rateOpt);
  const auto parser = [&cl](const QString& name) { return cl.value(name); };

  const QString binDir = QCoreApplication::applicationDirPath();
  const QString agent = binDir + u"/edgewise-agent"_s;
  const QString workbench = binDir + u"/edgewise"_s;
  const QString projectPath = QFileInfo(parser(u"project"_s)).absoluteFilePath();
  const QString reportBase = QFileInfo(parser(u"report"_s)).absoluteFilePath();
  const bool headless = cl.isSet(u"headless"_s);
  if (!QFileInfo::exists(agent)) {
    std::fprintf(stderr, "demo: %s is missing: build the project first\n", qPrintable(agent));
    return 1;
  }
  QDir().mkpath(QFileInfo(projectPath).absolutePath());
  QDir().mkpath(QFileInfo(reportBase).absolutePath());

  installStopHandlers();

  // 1. The broker.
  util::LocalBroker broker;
  if (auto r = broker.start(); !r.ok()) {
    std::fprintf(stderr, "demo: %s\n", r.error().toString().c_str());
    return 1;
  }
  const QString url = QString::fromStdString(broker.url());
  say("embedded Mosquitto listening on " + broker.url() + " (pid " + std::to_string(broker.pid()) +
      ")");

  // 2. The devices.
  Fleet fleet;
  const QString agentLog = reportBase + u"-agents.log"_s;
  QFile::remove(agentLog);
  bool fleetOk = fleet.start(agent,
                             {u"--simulate"_s, u"imu"_s, u"--count"_s, QString::number(devices),
                              u"--rate"_s, rate, u"--broker"_s, url, u"--qos"_s, u"1"_s},
                             agentLog);
  fleetOk = fleetOk &&
            fleet.start(agent,
                        {u"--simulate"_s, u"camera"_s, u"--count"_s, u"1"_s, u"--rate"_s, u"2"_s,
                         u"--prefix"_s, u"cam-"_s, u"--broker"_s, url, u"--qos"_s, u"0"_s},
                        agentLog);
  if (!fleetOk) {
    std::fprintf(stderr, "demo: could not start %s\n", qPrintable(agent));
    return 1;
  }
  say(std::to_string(devices) + " simulated IMU devices at " + rate.toStdString() +
      " Hz and 1 camera publishing on edgewise/<device>/...; agent log: " + agentLog.toStdString());

  // 3a. With a display: the workbench, connected to the demo broker.
  if (!headless) {
    if (!QFileInfo::exists(workbench)) {
      std::fprintf(stderr, "demo: %s is missing (built without the GUI?)\n", qPrintable(workbench));
      return 1;
    }
    // The Training pane opens on a dataset with a model instead of an empty project.
    DemoTrainingOptions training;
    training.projectPath = projectPath.toStdString();
    training.families = {"knn"};
    training.skipExisting = true;
    training.say = say;
    if (auto trained = runDemoTraining(training); !trained.ok())
      say("training stage skipped: " + trained.error().toString());
    say("opening the workbench on " + projectPath.toStdString() + " (close it to stop)");
    QProcess gui;
    gui.setProcessChannelMode(QProcess::ForwardedChannels);
    gui.start(workbench, {u"--project"_s, projectPath, u"--demo-broker"_s, url});
    if (!gui.waitForStarted(10000)) {
      std::fprintf(stderr, "demo: the workbench did not start: %s\n",
                   qPrintable(gui.errorString()));
      return 1;
    }
    while (!gui.waitForFinished(200)) {
      if (stopRequested()) gui.terminate();
    }
    say("workbench closed; stopping devices and broker");
    // Asked to stop (Ctrl+C, SIGTERM): ending the workbench was the plan, not a failure.
    if (stopRequested()) return kExitOk;
    return gui.exitStatus() == QProcess::CrashExit ? kExitFailure : gui.exitCode();
  }

  // 3b. Headless: record, check, export, report.
  auto project = store::Project::open(projectPath.toStdString());
  if (!project.ok()) {
    std::fprintf(stderr, "demo: %s\n", project.error().toString().c_str());
    return 1;
  }
  capture::CaptureSession session;
  session.setQuarantineProject(projectPath.toStdString());
  auto settings = capture::BrokerSettings::fromUrl(broker.url());
  settings->clientId = "edgewise-demo";
  if (auto r = session.connectToBroker(*settings); !r.ok()) {
    std::fprintf(stderr, "demo: %s\n", r.error().toString().c_str());
    return 1;
  }
  QElapsedTimer wait;
  wait.start();
  while (session.state() != capture::ConnectionState::Connected && wait.elapsed() < 10000) {
    QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
  }
  if (session.state() != capture::ConnectionState::Connected) {
    std::fprintf(stderr, "demo: could not connect to %s\n", broker.url().c_str());
    return 1;
  }
  (void)session.subscribe({"edgewise/#", 1});
  // Let the devices come up before the recording starts.
  QThread::msleep(1500);
  capture::RecordingOptions rec;
  rec.projectPath = projectPath.toStdString();
  rec.name =
      "Demo " + QDateTime::currentDateTime().toString(u"yyyy-MM-dd hh:mm:ss"_s).toStdString();
  auto started = session.startRecording(rec);
  if (!started.ok()) {
    std::fprintf(stderr, "demo: %s\n", started.error().toString().c_str());
    return 1;
  }
  say("recording " + std::to_string(seconds) + " s into " + projectPath.toStdString());
  QElapsedTimer clock;
  clock.start();
  int64_t lastPrint = 0;
  while (clock.elapsed() < seconds * 1000LL && !stopRequested()) {
    QCoreApplication::processEvents(QEventLoop::AllEvents, 100);
    if (clock.elapsed() - lastPrint >= 2000) {
      lastPrint = clock.elapsed();
      const auto c = session.counters();
      const auto s = session.recorderStats();
      say("  " + std::to_string(lastPrint / 1000) + " s: messages=" + std::to_string(c.received) +
          " samples=" + std::to_string(c.samples) + " stored=" + std::to_string(s.samplesStored) +
          " decode_errors=" + std::to_string(c.decodeErrors));
    }
  }
  auto summary = session.stopRecording();
  if (!summary.ok()) {
    std::fprintf(stderr, "demo: %s\n", summary.error().toString().c_str());
    return 1;
  }
  const auto topics = session.topicStats();
  const auto counters = session.counters();
  const auto recStats = session.recorderStats();
  session.disconnectFromBroker();
  fleet.stop();

  auto streams = (*project)->recordings().streams(summary->id);
  if (!streams.ok()) {
    std::fprintf(stderr, "demo: %s\n", streams.error().toString().c_str());
    return 1;
  }
  const QString csvPath = reportBase + u"-recording.csv"_s;
  auto exported = (*project)->recordings().exportCsv(summary->id, csvPath.toStdString());
  auto integrity = (*project)->integrityCheck();

  json report;
  report["date"] = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
  report["broker"] = broker.url();
  report["project"] = projectPath.toStdString();
  report["recording"] = {{"id", summary->id},
                         {"name", summary->name},
                         {"duration_s", summary->durationSeconds()},
                         {"samples", summary->sampleCount},
                         {"messages", summary->messageCount},
                         {"size_bytes", summary->sizeBytes},
                         {"streams", summary->streamCount}};
  report["session"] = {{"received", counters.received},
                       {"decode_errors", counters.decodeErrors},
                       {"quarantined", counters.quarantined},
                       {"p99_store_latency_ms", recStats.p99StoreLatencyMs}};
  int64_t missing = 0;
  json devicesJson = json::array();
  for (const auto& s : *streams) {
    missing += s.seqMissing;
    devicesJson.push_back({{"device", s.spec.deviceId},
                           {"topic", s.spec.topic},
                           {"kind", s.spec.kind == store::StreamKind::Image ? "image" : "series"},
                           {"samples", s.sampleCount},
                           {"messages", s.messageCount},
                           {"first_seq", s.firstSeq ? json(*s.firstSeq) : json(nullptr)},
                           {"last_seq", s.lastSeq ? json(*s.lastSeq) : json(nullptr)},
                           {"gaps", s.seqGaps},
                           {"missing", s.seqMissing}});
  }
  report["devices"] = devicesJson;
  report["lost_messages"] = missing;
  report["csv"] = exported.ok() ? csvPath.toStdString() : exported.error().toString();
  report["integrity_check"] = integrity.ok() ? "ok" : integrity.error().toString();

  // 4. Training: a simulated activity dataset and two models through the training service.
  project->reset();  // the training stage opens its own connection
  DemoTrainingOptions training;
  training.projectPath = projectPath.toStdString();
  training.families = {"svm-rbf", "cnn1d"};
  training.say = say;
  auto trained = runDemoTraining(training);
  report["training"] = trained.ok() ? *trained : json{{"error", trained.error().toString()}};

  std::ostringstream md;
  md << "# Edgewise demo report\n\n"
     << "Date: " << report["date"].get<std::string>() << "  \n"
     << "Broker: embedded Mosquitto at " << broker.url() << "  \n"
     << "Project: `" << projectPath.toStdString() << "`\n\n"
     << "## Capture\n\n"
     << "Recorded **" << summary->sampleCount << " samples** in " << summary->messageCount
     << " messages from " << summary->streamCount << " streams over " << summary->durationSeconds()
     << " s (" << summary->sizeBytes << " bytes of chunks).\n\n"
     << "| device | topic | samples | messages | first seq | last seq | gaps | missing |\n"
     << "|---|---|---:|---:|---:|---:|---:|---:|\n";
  for (const auto& d : devicesJson) {
    auto seq = [](const json& v) { return v.is_null() ? std::string("-") : v.dump(); };
    md << "| " << d["device"].get<std::string>() << " | " << d["topic"].get<std::string>() << " | "
       << d["samples"] << " | " << d["messages"] << " | " << seq(d["first_seq"]) << " | "
       << seq(d["last_seq"]) << " | " << d["gaps"] << " | " << d["missing"] << " |\n";
  }
  md << "\nMessages lost (from sequence numbers): **" << missing
     << "**; decode errors: " << counters.decodeErrors
     << "; p99 publish-to-committed latency: " << recStats.p99StoreLatencyMs << " ms.\n\n"
     << "Project integrity check: " << report["integrity_check"].get<std::string>() << ".  \n"
     << "CSV export: `" << report["csv"].get<std::string>() << "`.\n\n"
     << "## Topics\n\n| topic | messages | rate msg/s | decoder | errors "
        "|\n|---|---:|---:|---|---:|\n";
  for (const auto& t : topics) {
    md << "| " << t.topic << " | " << t.messages << " | " << t.messagesPerSecond << " | "
       << t.decoderId << " | " << t.decodeErrors << " |\n";
  }
  md << "\n## Training\n\n";
  if (trained.ok()) {
    const json& t = *trained;
    md << "Dataset `" << t["dataset"]["name"].get<std::string>() << "` ("
       << t["dataset"]["kind"].get<std::string>() << ", " << t["dataset"]["samples"]
       << " windows, classes";
    for (const auto& c : t["dataset"]["classes"]) md << " " << c.get<std::string>();
    md << "), split 70/15/15 with seed 42; figures on the test split.\n\n"
       << "| model | id | accuracy | macro-F1 | train s | latency p50 us | params | bytes |\n"
       << "|---|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const auto& m : t["models"]) {
      md << "| " << m["family"].get<std::string>() << " | " << m["model_id"] << " | "
         << m["accuracy"].get<double>() << " | " << m["macro_f1"].get<double>() << " | "
         << m["train_seconds"].get<double>() << " | " << m["latency_p50_us"].get<double>() << " | "
         << m["params"] << " | " << m["size_bytes"] << " |\n";
    }
  } else {
    md << "Training failed: " << trained.error().toString() << "\n";
  }
  appendDemoAudit(broker.url(), projectPath, trained, say, report, md);
  md << "\nNot in the headless demo yet: labeling and compression (see the Labeling and "
        "Compression panes, `edgewise-cli compress`, `edgewise-cli bench active-learning`).\n";

  QFile mdFile(reportBase + u".md"_s);
  QFile jsonFile(reportBase + u".json"_s);
  if (!mdFile.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
      !jsonFile.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
    std::fprintf(stderr, "demo: cannot write the report at %s\n", qPrintable(reportBase));
    return 1;
  }
  mdFile.write(QByteArray::fromStdString(md.str()));
  jsonFile.write(QByteArray::fromStdString(report.dump(2)));
  say("recorded " + std::to_string(summary->sampleCount) + " samples from " +
      std::to_string(summary->streamCount) + " streams, lost " + std::to_string(missing) +
      " messages, integrity " + report["integrity_check"].get<std::string>());
  say("report: " + QString(reportBase + u".md"_s).toStdString());
  return (missing == 0 && integrity.ok() && summary->sampleCount > 0 && trained.ok()) ? 0 : 1;
}

}  // namespace edgewise::cli
