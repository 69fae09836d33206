#include "app/agent/agent_options.h"

#include <QCommandLineParser>
#include <cmath>
#include <cstdio>

#include "core/fleet/imu_simulator.h"

namespace edgewise::agent {

namespace {

std::string str(const QString& s) {
  return s.toStdString();
}

}  // namespace

std::string sensorName(SensorKind kind) {
  switch (kind) {
    case SensorKind::Imu:
      return "imu";
    case SensorKind::Camera:
      return "camera";
    case SensorKind::Audio:
      return "audio";
  }
  return "imu";
}

std::string AgentOptions::deviceId(int index) const {
  if (!fixedDeviceId.empty()) return fixedDeviceId;
  const int width = count > 9999 ? static_cast<int>(std::to_string(count).size()) : 4;
  char digits[16];
  std::snprintf(digits, sizeof digits, "%0*d", width, index + 1);
  return prefix + digits;
}

Result<ParsedCommandLine> parseAgentCommandLine(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral(
      "Edgewise device agent. With --simulate, one process plays a fleet of N devices, each\n"
      "with its own MQTT client, publishing realistic sensor data on\n"
      "edgewise/<device>/imu|camera|audio and a retained presence on edgewise/<device>/status.\n"
      "Runs until --seconds elapse or SIGINT/SIGTERM, then waits for outstanding deliveries,\n"
      "publishes the offline status and disconnects.\n"
      "Exit codes: 0 success, 1 broker unreachable at start, 2 bad arguments."));
  const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                QStringLiteral("Show this help."));
  const QCommandLineOption version(QStringLiteral("version"), QStringLiteral("Show the version."));
  const QCommandLineOption simulate(QStringLiteral("simulate"),
                                    QStringLiteral("Simulated sensor: imu, camera or audio."),
                                    QStringLiteral("sensor"));
  const QCommandLineOption count(QStringLiteral("count"),
                                 QStringLiteral("Number of simulated devices (default 1)."),
                                 QStringLiteral("N"), QStringLiteral("1"));
  const QCommandLineOption rate(
      QStringLiteral("rate"),
      QStringLiteral("Sample rate in Hz: IMU samples (default 100), camera frames (default 5), "
                     "audio samples (default 16000)."),
      QStringLiteral("HZ"));
  const QCommandLineOption broker(QStringLiteral("broker"),
                                  QStringLiteral("Broker URL (default tcp://127.0.0.1:1883)."),
                                  QStringLiteral("URL"), QStringLiteral("tcp://127.0.0.1:1883"));
  const QCommandLineOption spm(
      QStringLiteral("samples-per-message"),
      QStringLiteral("Samples per message: IMU default 10, audio default 1600 (100 ms); "
                     "camera always 1 frame."),
      QStringLiteral("K"));
  const QCommandLineOption seconds(
      QStringLiteral("seconds"),
      QStringLiteral("Run for S seconds (default: until SIGINT/SIGTERM)."), QStringLiteral("S"));
  const QCommandLineOption qos(QStringLiteral("qos"),
                               QStringLiteral("MQTT QoS of data messages: 0, 1 or 2 (default 1)."),
                               QStringLiteral("Q"), QStringLiteral("1"));
  const QCommandLineOption format(
      QStringLiteral("format"),
      QStringLiteral("IMU payload: json (default), csv, raw-f32 or cbor; camera: jpeg "
                     "(default) or png. Audio is always PCM16 LE mono."),
      QStringLiteral("format"));
  const QCommandLineOption prefix(
      QStringLiteral("prefix"),
      QStringLiteral("Device id prefix (default imu-, cam-, mic-): ids are <prefix>0001..."),
      QStringLiteral("prefix"));
  const QCommandLineOption seed(QStringLiteral("seed"),
                                QStringLiteral("Random seed of the simulation (default 1)."),
                                QStringLiteral("S"), QStringLiteral("1"));
  const QCommandLineOption keepAlive(
      QStringLiteral("keep-alive"),
      QStringLiteral("MQTT keep-alive in seconds (default 5): the broker publishes the "
                     "offline last will within ~1.5x of it when the agent dies."),
      QStringLiteral("S"), QStringLiteral("5"));
  const QCommandLineOption tick(
      QStringLiteral("tick-ms"),
      QStringLiteral("Scheduler period in ms (default 20): due messages are published once per "
                     "tick; timestamps follow the exact schedule."),
      QStringLiteral("ms"), QStringLiteral("20"));
  const QCommandLineOption maxUnacked(
      QStringLiteral("max-unacked"),
      QStringLiteral("Messages per device that may await the broker's acknowledgement "
                     "(default 4); later ones wait, in order, without loss."),
      QStringLiteral("N"), QStringLiteral("4"));
  const QCommandLineOption summary(
      QStringLiteral("summary-json"),
      QStringLiteral("At exit print one JSON object to stdout: devices, published, acked, "
                     "seconds, per_device [{device, first_seq, last_seq, published}]."));
  const QCommandLineOption stateDir(
      QStringLiteral("state-dir"),
      QStringLiteral("Take part in deployments: each device keeps its installed model, the "
                     "previous one and staged transfers in DIR/<device>/ (needs --trusted-key)."),
      QStringLiteral("DIR"));
  const QCommandLineOption trustedKey(
      QStringLiteral("trusted-key"),
      QStringLiteral("Public key file of the project (<project>.signing-key.pub): only "
                     "manifests it verifies are installed."),
      QStringLiteral("FILE"));
  const QCommandLineOption deviceClass(
      QStringLiteral("device-class"),
      QStringLiteral("Device class in the status, for requirements and plans (default imu-sim)."),
      QStringLiteral("class"), QStringLiteral("imu-sim"));
  const QCommandLineOption tags(QStringLiteral("tags"),
                                QStringLiteral("Comma-separated tags in the status (e.g. lab,eu)."),
                                QStringLiteral("a,b"));
  const QCommandLineOption ramMb(
      QStringLiteral("ram-mb"),
      QStringLiteral("RAM the devices report in MB (default: MemTotal of this machine)."),
      QStringLiteral("MB"));
  const QCommandLineOption predictEvery(
      QStringLiteral("predict-every"),
      QStringLiteral("Seconds between two classified windows (default: the model's stride, "
                     "i.e. every training-sized window once)."),
      QStringLiteral("S"));
  const QCommandLineOption telemetry(
      QStringLiteral("telemetry-s"),
      QStringLiteral("Heartbeat telemetry period in seconds (default 5, 0 = none)."),
      QStringLiteral("S"), QStringLiteral("5"));
  const QCommandLineOption injectDrift(
      QStringLiteral("inject-drift"),
      QStringLiteral("Inject drift into every IMU device: bias:ax:2.0@30 (add 2.0 to ax from "
                     "30 s on), gain:gz:1.5, mix:run:0.8@10. Repeatable."),
      QStringLiteral("spec"));
  const QCommandLineOption keepWindows(
      QStringLiteral("keep-windows"),
      QStringLiteral("Windows per device whose features are kept for corrective feedback "
                     "(default 1000)."),
      QStringLiteral("N"), QStringLiteral("1000"));
  const QCommandLineOption source(
      QStringLiteral("source"),
      QStringLiteral("A real sensor stream for one device instead of --simulate: stdin-csv "
                     "(header with channel names, then rows; optional first column ts in us) "
                     "or mqtt:<topic> (JSON sensor messages from that topic)."),
      QStringLiteral("source"));
  const QCommandLineOption deviceIdOption(
      QStringLiteral("device-id"),
      QStringLiteral("Device id of the --source device (default sensor-0001)."),
      QStringLiteral("ID"));
  parser.addOptions({source, deviceIdOption});
  parser.addOptions({help,    version,      simulate,   count,       rate,
                     broker,  spm,          seconds,    qos,         format,
                     prefix,  seed,         keepAlive,  tick,        maxUnacked,
                     summary, stateDir,     trustedKey, deviceClass, tags,
                     ramMb,   predictEvery, telemetry,  injectDrift, keepWindows});

  ParsedCommandLine result;
  if (!parser.parse(args)) return Error(str(parser.errorText()), "arguments");
  result.helpText = parser.helpText();
  if (parser.isSet(help)) {
    result.helpRequested = true;
    return result;
  }
  if (parser.isSet(version)) {
    result.versionRequested = true;
    return result;
  }
  if (!parser.positionalArguments().isEmpty()) {
    return Error(
        "unexpected argument '" + str(parser.positionalArguments().first()) + "' (see --help)",
        "arguments");
  }

  AgentOptions& o = result.options;
  if (parser.isSet(simulate) == parser.isSet(source)) {
    return Error("give either --simulate imu|camera|audio or --source stdin-csv|mqtt:<topic>",
                 "arguments");
  }
  if (parser.isSet(source)) {
    o.source = str(parser.value(source));
    if (o.source.rfind("mqtt:", 0) == 0) {
      o.sourceTopic = o.source.substr(5);
      o.source = "mqtt";
      if (o.sourceTopic.empty() || o.sourceTopic.find_first_of("+#") != std::string::npos) {
        return Error("--source mqtt:<topic> needs one topic without wildcards", "arguments");
      }
    } else if (o.source != "stdin-csv") {
      return Error("--source must be stdin-csv or mqtt:<topic>, not '" + o.source + "'",
                   "arguments");
    }
    if (!parser.isSet(stateDir)) {
      return Error("--source needs --state-dir and --trusted-key (it runs deployed models)",
                   "arguments");
    }
    o.fixedDeviceId = parser.isSet(deviceIdOption) ? str(parser.value(deviceIdOption))
                                                   : std::string("sensor-0001");
    if (o.fixedDeviceId.empty() || o.fixedDeviceId.find_first_of("/+#") != std::string::npos) {
      return Error("--device-id must be non-empty without '/', '+' or '#'", "arguments");
    }
    if (parser.isSet(count) && parser.value(count) != u"1") {
      return Error("--source runs one device: --count must be 1", "arguments");
    }
  }
  const QString sensor = parser.isSet(simulate) ? parser.value(simulate) : QStringLiteral("imu");
  if (sensor == u"imu") {
    o.sensor = SensorKind::Imu;
  } else if (sensor == u"camera") {
    o.sensor = SensorKind::Camera;
  } else if (sensor == u"audio") {
    o.sensor = SensorKind::Audio;
  } else {
    return Error("--simulate must be imu, camera or audio, not '" + str(sensor) + "'", "arguments");
  }

  bool ok = false;
  o.count = parser.value(count).toInt(&ok);
  if (!ok || o.count < 1 || o.count > 100000) {
    return Error(
        "--count must be an integer from 1 to 100000, not '" + str(parser.value(count)) + "'",
        "arguments");
  }

  switch (o.sensor) {
    case SensorKind::Imu:
      o.rateHz = 100;
      o.samplesPerMessage = 10;
      o.prefix = "imu-";
      break;
    case SensorKind::Camera:
      o.rateHz = 5;
      o.samplesPerMessage = 1;
      o.prefix = "cam-";
      break;
    case SensorKind::Audio:
      o.rateHz = 16000;
      o.samplesPerMessage = 1600;
      o.prefix = "mic-";
      break;
  }
  if (parser.isSet(rate)) {
    o.rateHz = parser.value(rate).toDouble(&ok);
    if (!ok || !std::isfinite(o.rateHz) || o.rateHz <= 0 || o.rateHz > 1e6) {
      return Error("--rate must be a number of Hz above 0 and up to 1000000, not '" +
                       str(parser.value(rate)) + "'",
                   "arguments");
    }
  }
  if (parser.isSet(spm)) {
    o.samplesPerMessage = parser.value(spm).toInt(&ok);
    if (!ok || o.samplesPerMessage < 1 || o.samplesPerMessage > 100000) {
      return Error("--samples-per-message must be an integer from 1 to 100000, not '" +
                       str(parser.value(spm)) + "'",
                   "arguments");
    }
    if (o.sensor == SensorKind::Camera && o.samplesPerMessage != 1) {
      return Error("--samples-per-message must be 1 for cameras (one frame per message)",
                   "arguments");
    }
  }
  // Above 1 kHz per device the scheduler would only publish bursts.
  if (o.rateHz / o.samplesPerMessage > 1000) {
    return Error(
        "--rate / --samples-per-message gives more than 1000 messages per second per "
        "device; send more samples per message",
        "arguments");
  }

  o.brokerUrl = str(parser.value(broker));
  if (!(o.brokerUrl.rfind("tcp://", 0) == 0 || o.brokerUrl.rfind("mqtt://", 0) == 0 ||
        o.brokerUrl.rfind("ssl://", 0) == 0 || o.brokerUrl.rfind("mqtts://", 0) == 0 ||
        o.brokerUrl.rfind("ws://", 0) == 0 || o.brokerUrl.rfind("wss://", 0) == 0)) {
    return Error("--broker must be a URL like tcp://host:1883, not '" + o.brokerUrl + "'",
                 "arguments");
  }

  if (parser.isSet(seconds)) {
    o.seconds = parser.value(seconds).toDouble(&ok);
    if (!ok || !std::isfinite(o.seconds) || o.seconds <= 0) {
      return Error("--seconds must be a positive number, not '" + str(parser.value(seconds)) + "'",
                   "arguments");
    }
  }

  o.qos = parser.value(qos).toInt(&ok);
  if (!ok || o.qos < 0 || o.qos > 2) {
    return Error("--qos must be 0, 1 or 2, not '" + str(parser.value(qos)) + "'", "arguments");
  }

  if (parser.isSet(format)) {
    const std::string f = str(parser.value(format));
    if (o.sensor == SensorKind::Imu) {
      const auto parsed = fleet::parsePayloadFormat(f);
      if (!parsed) {
        return Error("--format for imu must be json, csv, raw-f32 or cbor, not '" + f + "'",
                     "arguments");
      }
      o.format = *parsed;
    } else if (o.sensor == SensorKind::Camera) {
      if (f == "jpeg" || f == "jpg") {
        o.imageFormat = fleet::ImageFormat::Jpeg;
      } else if (f == "png") {
        o.imageFormat = fleet::ImageFormat::Png;
      } else {
        return Error("--format for camera must be jpeg or png, not '" + f + "'", "arguments");
      }
    } else if (f != "pcm16") {
      return Error("--format for audio can only be pcm16, not '" + f + "'", "arguments");
    }
  }

  if (parser.isSet(prefix)) {
    o.prefix = str(parser.value(prefix));
    if (o.prefix.find_first_of("/+#") != std::string::npos) {
      return Error("--prefix must not contain '/', '+' or '#' (it becomes a topic level)",
                   "arguments");
    }
  }

  o.seed = parser.value(seed).toULongLong(&ok);
  if (!ok) {
    return Error("--seed must be a non-negative integer, not '" + str(parser.value(seed)) + "'",
                 "arguments");
  }
  o.keepAliveS = parser.value(keepAlive).toInt(&ok);
  if (!ok || o.keepAliveS < 1 || o.keepAliveS > 3600) {
    return Error("--keep-alive must be an integer from 1 to 3600 seconds", "arguments");
  }
  o.tickMs = parser.value(tick).toInt(&ok);
  if (!ok || o.tickMs < 1 || o.tickMs > 1000) {
    return Error("--tick-ms must be an integer from 1 to 1000", "arguments");
  }
  o.maxUnacked = parser.value(maxUnacked).toInt(&ok);
  if (!ok || o.maxUnacked < 1 || o.maxUnacked > 100000) {
    return Error("--max-unacked must be an integer from 1 to 100000", "arguments");
  }
  o.summaryJson = parser.isSet(summary);
  o.stateDir = str(parser.value(stateDir));
  o.trustedKeyPath = str(parser.value(trustedKey));
  if (o.stateDir.empty() != o.trustedKeyPath.empty()) {
    return Error("--state-dir and --trusted-key go together (deployments need both)", "arguments");
  }
  o.deviceClass = str(parser.value(deviceClass));
  if (o.deviceClass.empty()) return Error("--device-class must not be empty", "arguments");
  for (const QString& t : parser.value(tags).split(QLatin1Char(','), Qt::SkipEmptyParts))
    o.tags.push_back(str(t.trimmed()));
  if (parser.isSet(ramMb)) {
    o.ramMb = parser.value(ramMb).toLongLong(&ok);
    if (!ok || o.ramMb < 1) return Error("--ram-mb must be a positive integer", "arguments");
  }
  if (parser.isSet(predictEvery)) {
    o.predictEveryS = parser.value(predictEvery).toDouble(&ok);
    if (!ok || !std::isfinite(o.predictEveryS) || o.predictEveryS < 0.01) {
      return Error("--predict-every must be a number of seconds of at least 0.01", "arguments");
    }
  }
  o.telemetryS = parser.value(telemetry).toDouble(&ok);
  if (!ok || !std::isfinite(o.telemetryS) || o.telemetryS < 0) {
    return Error("--telemetry-s must be a non-negative number of seconds", "arguments");
  }
  o.keepWindows = parser.value(keepWindows).toInt(&ok);
  if (!ok || o.keepWindows < 1 || o.keepWindows > 1'000'000) {
    return Error("--keep-windows must be an integer from 1 to 1000000", "arguments");
  }
  for (const QString& spec : parser.values(injectDrift)) {
    auto d = parseDriftSpec(str(spec));
    if (!d) return d.error();
    if (o.sensor != SensorKind::Imu)
      return Error("--inject-drift needs --simulate imu", "arguments");
    o.drifts.push_back(*d);
  }
  return result;
}

Result<DriftSpec> parseDriftSpec(const std::string& text) {
  const auto bad = [&text](const std::string& why) {
    return Error("--inject-drift '" + text + "': " + why +
                     " (expected bias:<channel>:<amount>[@S], gain:<channel>:<factor>[@S] or "
                     "mix:<activity>:<share>[@S])",
                 "arguments");
  };
  DriftSpec d;
  std::string body = text;
  if (const auto at = body.find('@'); at != std::string::npos) {
    bool ok = false;
    d.startS = QString::fromStdString(body.substr(at + 1)).toDouble(&ok);
    if (!ok || !std::isfinite(d.startS) || d.startS < 0) return bad("the start is not seconds");
    body.resize(at);
  }
  const QStringList parts = QString::fromStdString(body).split(QLatin1Char(':'));
  if (parts.size() != 3) return bad("three parts separated by ':' needed");
  d.kind = str(parts[0]);
  bool ok = false;
  d.amount = parts[2].toDouble(&ok);
  if (!ok || !std::isfinite(d.amount)) return bad("the amount is not a number");
  if (d.kind == "bias" || d.kind == "gain") {
    d.channel = str(parts[1]);
    if (fleet::imuChannelIndex(d.channel) < 0) return bad("unknown channel '" + d.channel + "'");
  } else if (d.kind == "mix") {
    d.activity = str(parts[1]);
    if (!fleet::activityFromName(d.activity, nullptr)) {
      return bad("unknown activity '" + d.activity + "'");
    }
    if (d.amount < 0 || d.amount > 1) return bad("the share must be in [0, 1]");
  } else {
    return bad("unknown kind '" + d.kind + "'");
  }
  return d;
}

}  // namespace edgewise::agent
