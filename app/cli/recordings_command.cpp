// edgewise-cli recordings: what a project holds, per recording and per device stream, with
// the sequence statistics that reveal lost messages.

#include <nlohmann/json.hpp>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "core/store/project.h"
#include "core/store/recording_repository.h"

namespace edgewise::cli {

const char* recordingStatusName(store::RecordingStatus status) {
  switch (status) {
    case store::RecordingStatus::Recording:
      return "recording";
    case store::RecordingStatus::Complete:
      return "complete";
    case store::RecordingStatus::Interrupted:
      return "interrupted";
  }
  return "unknown";
}

namespace {

nlohmann::json optionalJson(const std::optional<int64_t>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

QString optionalText(const std::optional<int64_t>& v) {
  return v ? QString::number(*v) : QStringLiteral("-");
}

QString humanBytes(int64_t bytes) {
  if (bytes < 1024) return QString::number(bytes) + QStringLiteral(" B");
  if (bytes < 1024 * 1024) return QString::number(bytes / 1024.0, 'f', 1) + QStringLiteral(" KiB");
  return QString::number(bytes / (1024.0 * 1024.0), 'f', 1) + QStringLiteral(" MiB");
}

}  // namespace

int runRecordings(const QStringList& args) {
  CommandLine cl(QStringLiteral("recordings"),
                 QStringLiteral("Lists the recordings of a project with per-device stream "
                                "statistics (samples, sequence numbers, gaps, missing)."));
  cl.addOption(
      {QStringLiteral("project"), QStringLiteral("Project file."), QStringLiteral("FILE")});
  cl.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
  if (auto exit = cl.parse(args)) return *exit;
  const QString path = cl.value(QStringLiteral("project"));
  if (path.isEmpty()) return cl.usageError(QStringLiteral("--project FILE is required"));

  auto project = store::Project::open(path.toStdString(), store::OpenMode::OpenExisting);
  if (!project.ok()) return cl.failure(qs(project.error().toString()));
  auto recordings = (*project)->recordings().list();
  if (!recordings.ok()) return cl.failure(qs(recordings.error().toString()));

  nlohmann::json out = {{"recordings", nlohmann::json::array()}};
  QString text;
  for (const store::RecordingSummary& r : *recordings) {
    auto streams = (*project)->recordings().streams(r.id);
    if (!streams.ok()) return cl.failure(qs(streams.error().toString()));
    nlohmann::json js = nlohmann::json::array();
    for (const store::StreamSummary& s : *streams) {
      js.push_back({{"device", s.spec.deviceId},
                    {"topic", s.spec.topic},
                    {"samples", s.sampleCount},
                    {"messages", s.messageCount},
                    {"first_seq", optionalJson(s.firstSeq)},
                    {"last_seq", optionalJson(s.lastSeq)},
                    {"gaps", s.seqGaps},
                    {"missing", s.seqMissing},
                    {"out_of_order", s.seqOutOfOrder}});
    }
    out["recordings"].push_back({{"id", r.id},
                                 {"name", r.name},
                                 {"status", recordingStatusName(r.status)},
                                 {"duration_s", r.durationSeconds()},
                                 {"samples", r.sampleCount},
                                 {"messages", r.messageCount},
                                 {"size_bytes", r.sizeBytes},
                                 {"streams", js}});

    text += QStringLiteral("#%1  %2  [%3]  %4 s  %5 samples  %6 messages  %7\n")
                .arg(r.id)
                .arg(qs(r.name), QString::fromLatin1(recordingStatusName(r.status)))
                .arg(r.durationSeconds(), 0, 'f', 1)
                .arg(r.sampleCount)
                .arg(r.messageCount)
                .arg(humanBytes(r.sizeBytes));
    if (!streams->empty()) {
      text += QStringLiteral("    %1 %2 %3 %4 %5 %6 %7 %8\n")
                  .arg(QStringLiteral("device"), -16)
                  .arg(QStringLiteral("topic"), -28)
                  .arg(QStringLiteral("samples"), 10)
                  .arg(QStringLiteral("messages"), 9)
                  .arg(QStringLiteral("first_seq"), 10)
                  .arg(QStringLiteral("last_seq"), 10)
                  .arg(QStringLiteral("gaps"), 6)
                  .arg(QStringLiteral("missing"), 8);
    }
    for (const store::StreamSummary& s : *streams) {
      text += QStringLiteral("    %1 %2 %3 %4 %5 %6 %7 %8\n")
                  .arg(qs(s.spec.deviceId), -16)
                  .arg(qs(s.spec.topic), -28)
                  .arg(s.sampleCount, 10)
                  .arg(s.messageCount, 9)
                  .arg(optionalText(s.firstSeq), 10)
                  .arg(optionalText(s.lastSeq), 10)
                  .arg(s.seqGaps, 6)
                  .arg(s.seqMissing, 8);
    }
  }
  if (recordings->empty()) text = QStringLiteral("No recordings in ") + path + QStringLiteral("\n");
  printOut(cl.isSet(QStringLiteral("json")) ? qs(out.dump(2)) + QStringLiteral("\n") : text);
  return kExitOk;
}

}  // namespace edgewise::cli
