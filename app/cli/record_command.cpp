// edgewise-cli record: subscribe to MQTT topics and record them into a project until a time
// limit or SIGINT/SIGTERM, printing progress to stderr.

#include <QCommandLineOption>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/session_util.h"
#include "core/capture/capture_session.h"
#include "core/store/project.h"
#include "core/util/clock.h"

namespace edgewise::cli {

namespace {

constexpr size_t kCliLiveBufferSamples = 256;

QString progressLine(const capture::CaptureSession& session) {
  const capture::SessionCounters c = session.counters();
  const capture::RecorderStats r = session.recorderStats();
  return QStringLiteral(
             "record: messages=%1 samples=%2 stored_samples=%3 decode_errors=%4 "
             "pending=%5\n")
      .arg(c.received)
      .arg(c.samples)
      .arg(r.samplesStored)
      .arg(c.decodeErrors)
      .arg(r.pending);
}

}  // namespace

int runRecord(const QStringList& args) {
  CommandLine cl(QStringLiteral("record"),
                 QStringLiteral("Records MQTT topics into a project (created if missing) until "
                                "--seconds pass or SIGINT/SIGTERM; progress goes to stderr."));
  cl.addOption(
      {QStringLiteral("project"), QStringLiteral("Project file."), QStringLiteral("FILE")});
  cl.addOption({QStringLiteral("broker"), QStringLiteral("Broker URL, e.g. tcp://127.0.0.1:1883."),
                QStringLiteral("URL")});
  cl.addOption({QStringLiteral("topic"),
                QStringLiteral("Topic filter to record (repeatable, wildcards allowed)."),
                QStringLiteral("FILTER")});
  cl.addOption({QStringLiteral("qos"), QStringLiteral("Subscription QoS 0..2 (default 1)."),
                QStringLiteral("Q")});
  cl.addOption({QStringLiteral("seconds"),
                QStringLiteral("Stop after S seconds (default: until SIGINT/SIGTERM)."),
                QStringLiteral("S")});
  cl.addOption({QStringLiteral("name"), QStringLiteral("Recording name."), QStringLiteral("NAME")});
  cl.addOption(
      {QStringLiteral("client-id"), QStringLiteral("MQTT client id."), QStringLiteral("ID")});
  cl.addOption({QStringLiteral("persistent"),
                QStringLiteral("Persistent session: the broker queues QoS>0 messages while "
                               "disconnected (needs --client-id).")});
  cl.addOption({QStringLiteral("progress-ms"),
                QStringLiteral("Progress interval in ms (default 1000, 0: none)."),
                QStringLiteral("MS")});
  cl.addOption({QStringLiteral("connect-timeout"),
                QStringLiteral("Seconds to wait for the broker (default 10)."),
                QStringLiteral("S")});
  cl.addOption({QStringLiteral("json"), QStringLiteral("Print the final summary as JSON.")});
  if (auto exit = cl.parse(args)) return *exit;

  const QString projectPath = cl.value(QStringLiteral("project"));
  const QString url = cl.value(QStringLiteral("broker"));
  const QStringList topics = cl.values(QStringLiteral("topic"));
  if (projectPath.isEmpty()) return cl.usageError(QStringLiteral("--project FILE is required"));
  if (url.isEmpty()) return cl.usageError(QStringLiteral("--broker URL is required"));
  if (topics.isEmpty()) return cl.usageError(QStringLiteral("at least one --topic is required"));
  auto qos = cl.intValue(QStringLiteral("qos"), 1, 0, 2);
  auto seconds = cl.doubleValue(QStringLiteral("seconds"), 0, 0, 1e9);
  auto progressMs = cl.intValue(QStringLiteral("progress-ms"), 1000, 0, 3600 * 1000);
  auto connectTimeout = cl.doubleValue(QStringLiteral("connect-timeout"), 10, 0.1, 3600);
  for (const Error* e :
       {qos.ok() ? nullptr : &qos.error(), seconds.ok() ? nullptr : &seconds.error(),
        progressMs.ok() ? nullptr : &progressMs.error(),
        connectTimeout.ok() ? nullptr : &connectTimeout.error()}) {
    if (e) return cl.usageError(qs(e->message));
  }
  auto settings = capture::BrokerSettings::fromUrl(url.toStdString());
  if (!settings.ok()) {
    return cl.usageError(QStringLiteral("bad --broker URL '") + url + QStringLiteral("': ") +
                         qs(settings.error().toString()));
  }
  settings->clientId = cl.value(QStringLiteral("client-id")).toStdString();
  if (cl.isSet(QStringLiteral("persistent"))) {
    // A persistent session is found again by its client id; a random one would be lost.
    if (settings->clientId.empty()) {
      return cl.usageError(QStringLiteral("--persistent needs --client-id"));
    }
    settings->cleanSession = false;
  }
  const bool json = cl.isSet(QStringLiteral("json"));

  {
    auto project =
        store::Project::open(projectPath.toStdString(), store::OpenMode::CreateIfMissing);
    if (!project.ok()) return cl.failure(qs(project.error().toString()));
  }

  installStopHandlers();
  capture::CaptureSession session;
  ConnectionWatcher watcher(session);
  bool connected = false;
  watcher.onChange = [&connected](capture::ConnectionState state, const QString& message) {
    // Once recording, tell the user about lost and regained connections.
    if (!connected) return;
    printErr(QStringLiteral("record: broker connection ") +
             QString::fromLatin1(capture::toString(state)) +
             (message.isEmpty() ? QString() : QStringLiteral(": ") + message) +
             QStringLiteral("\n"));
  };
  session.setQuarantineProject(projectPath.toStdString());
  // Nobody plots here: small live rings keep a large fleet from costing a GiB of RAM.
  session.setLiveBufferCapacity(kCliLiveBufferSamples);
  if (auto c = connectAndWait(session, watcher, *settings, url.toStdString(),
                              static_cast<int>(*connectTimeout * 1000));
      !c.ok()) {
    return cl.failure(qs(c.error().toString()));
  }
  connected = true;

  capture::RecordingOptions options;
  options.projectPath = projectPath.toStdString();
  options.name = cl.value(QStringLiteral("name")).toStdString();
  for (const QString& t : topics) options.topicFilters.push_back(t.toStdString());
  // Recording starts before subscribing so the very first message is recorded.
  auto recordingId = session.startRecording(options);
  if (!recordingId.ok()) return cl.failure(qs(recordingId.error().toString()));
  for (const QString& t : topics) {
    if (auto s = session.subscribe({t.toStdString(), static_cast<int>(*qos)}); !s.ok()) {
      auto stopped = session.stopRecording();
      (void)stopped;  // the subscription error is the one the user must act on
      return cl.failure(QStringLiteral("cannot subscribe to '") + t + QStringLiteral("': ") +
                        qs(s.error().toString()));
    }
  }
  printErr(QStringLiteral("record: recording %1 into %2 from %3 (topics: %4)\n")
               .arg(*recordingId)
               .arg(projectPath, url, topics.join(QStringLiteral(", "))));

  const int64_t startUs = util::monotonicUs();
  const int64_t endUs = *seconds > 0 ? startUs + static_cast<int64_t>(*seconds * 1e6) : 0;
  int64_t nextProgressUs = startUs + *progressMs * 1000;
  while (!stopRequested() && (endUs == 0 || util::monotonicUs() < endUs)) {
    pumpEvents(10);
    if (*progressMs > 0 && util::monotonicUs() >= nextProgressUs) {
      printErr(progressLine(session));
      nextProgressUs += *progressMs * 1000;
    }
  }
  if (stopRequested()) {
    printErr(QStringLiteral("record: stopping on signal %1, committing\n").arg(stopSignal()));
  }
  auto summary = session.stopRecording();
  if (!summary.ok()) {
    return cl.failure(QStringLiteral("stopping the recording failed: ") +
                      qs(summary.error().toString()));
  }
  if (*progressMs > 0) printErr(progressLine(session));
  session.disconnectFromBroker();

  if (json) {
    nlohmann::json j = {{"id", summary->id},
                        {"name", summary->name},
                        {"status", recordingStatusName(summary->status)},
                        {"duration_s", summary->durationSeconds()},
                        {"samples", summary->sampleCount},
                        {"messages", summary->messageCount},
                        {"size_bytes", summary->sizeBytes},
                        {"streams", summary->streamCount}};
    printOut(qs(j.dump()) + QStringLiteral("\n"));
  } else {
    printOut(QStringLiteral("Recorded '%1' (id %2, %3): %4 samples, %5 messages, %6 streams, "
                            "%7 s\n")
                 .arg(qs(summary->name))
                 .arg(summary->id)
                 .arg(QString::fromLatin1(recordingStatusName(summary->status)))
                 .arg(summary->sampleCount)
                 .arg(summary->messageCount)
                 .arg(summary->streamCount)
                 .arg(summary->durationSeconds(), 0, 'f', 1));
  }
  return kExitOk;
}

}  // namespace edgewise::cli
