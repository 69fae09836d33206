#include "app/cli/demo_audit.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <chrono>
#include <memory>
#include <thread>

#include "core/audit/live_drift_watcher.h"
#include "core/audit/model_reference.h"
#include "core/deploy/deployer.h"
#include "core/store/project.h"

namespace edgewise::cli {

using namespace Qt::StringLiterals;
using nlohmann::json;

namespace {

struct Child {
  std::unique_ptr<QProcess> p;
  ~Child() {
    if (!p || p->state() == QProcess::NotRunning) return;
    p->terminate();
    if (!p->waitForFinished(5000)) {
      p->kill();
      p->waitForFinished(2000);
    }
  }
};

// edgewise-cli (this program) as a child; stdout on success.
Result<std::string> runSelf(const QStringList& args, int timeoutMs) {
  QProcess p;
  p.start(QCoreApplication::applicationFilePath(), args);
  if (!p.waitForFinished(timeoutMs)) {
    p.kill();
    p.waitForFinished();
    return Error("edgewise-cli " + args.join(u' ').toStdString() + " timed out");
  }
  if (p.exitCode() != 0)
    return Error("edgewise-cli " + args.first().toStdString() + ": " +
                 p.readAllStandardError().trimmed().toStdString());
  return p.readAllStandardOutput().trimmed().toStdString();
}

bool isAx(const std::string& f) {
  if (f.rfind("ax", 0) == 0) return true;
  return false;
}

Result<json> runStage(const std::string& url, const QString& projectPath, int64_t model,
                      const std::function<void(const std::string&)>& say) {
  QTemporaryDir state;
  auto key = runSelf({u"deploy"_s, u"--project"_s, projectPath, u"--init-key"_s}, 30000);
  if (!key.ok()) return key.error();
  Child agents;
  agents.p = std::make_unique<QProcess>();
  agents.p->setProcessChannelMode(QProcess::MergedChannels);
  agents.p->setStandardOutputFile(state.filePath(u"agents.log"_s));
  // The demo dataset's wearers (seed 7) walking: what the model was trained on.
  agents.p->start(QCoreApplication::applicationDirPath() + u"/edgewise-agent"_s,
                  {u"--simulate"_s,      u"imu"_s,
                   u"--rate"_s,          u"50"_s,
                   u"--count"_s,         u"2"_s,
                   u"--prefix"_s,        u"audit-"_s,
                   u"--broker"_s,        QString::fromStdString(url),
                   u"--state-dir"_s,     state.filePath(u"state"_s),
                   u"--trusted-key"_s,   QString::fromStdString(*key),
                   u"--predict-every"_s, u"0.25"_s,
                   u"--inject-drift"_s,  u"mix:walk:1.0"_s,
                   u"--seed"_s,          u"7"_s});
  if (!agents.p->waitForStarted(5000)) return Error("the audit agents did not start");
  QElapsedTimer online;
  online.start();
  for (;;) {
    auto devices = deploy::discoverDevices(url, 0.25);
    int n = 0;
    if (devices)
      for (const auto& d : *devices) n += d.online && d.id.rfind("audit-", 0) == 0 ? 1 : 0;
    if (n >= 2) break;
    if (online.elapsed() > 20000) return Error("the audit agents did not come online");
  }
  auto deployed = runSelf({u"deploy"_s, u"--project"_s, projectPath, u"--model"_s,
                           QString::number(model), u"--devices"_s, u"audit-*"_s, u"--broker"_s,
                           QString::fromStdString(url), u"--timeout"_s, u"60"_s, u"--json"_s},
                          120000);
  if (!deployed.ok()) return deployed.error();
  say("audit: model " + std::to_string(model) + " deployed to audit-0001, audit-0002");

  audit::ModelReference reference;
  {
    auto project = store::Project::open(projectPath.toStdString(), store::OpenMode::OpenExisting);
    if (!project.ok()) return project.error();
    auto ref = audit::modelReference(**project, model);
    if (!ref.ok()) return ref.error();
    reference = std::move(ref).value();
  }
  audit::LiveDriftOptions options;
  options.brokerUrl = url;
  // Each device against its own first 120 predictions (30 s): a sensor fault is a change of
  // the device; the training split as reference answers another question (docs/audit_drift.md,
  // "Population or own baseline").
  options.baselineRows = 120;
  options.windowRows = 40;  // 10 s at 4 predictions/s
  options.drift.alpha = 0.001;
  options.projectPath = projectPath.toStdString();
  audit::LiveDriftWatcher watcher(options);
  EW_TRY(watcher.addReference({model, "", reference.table, reference.labels}));
  EW_TRY(watcher.start());
  auto device = [&](const std::string& id) -> std::optional<audit::LiveDeviceState> {
    const audit::LiveDriftSnapshot s = watcher.snapshot();
    for (const auto& d : s.devices)
      if (d.device == id) return d;
    return std::nullopt;
  };
  auto axAlarms = [](const audit::LiveDeviceState& d) {
    size_t n = 0;
    for (const auto& a : d.alarms) n += isAx(a.feature) ? 1 : 0;
    return n;
  };
  auto featureAlarms = [](const audit::LiveDeviceState& d) {
    size_t n = 0;
    for (const auto& a : d.alarms) n += a.test == "ks" ? 1 : 0;
    return n;
  };
  QElapsedTimer clock;
  clock.start();
  while (clock.elapsed() < 90000) {
    auto a = device("audit-0001"), b = device("audit-0002");
    if (a && b && !a->windows.empty() && !b->windows.empty()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  auto before = device("audit-0002");
  if (!before || before->windows.empty())
    return Error("no window of predictions from audit-0002 within 90 s (baseline and window)");
  auto controlBefore = device("audit-0001");
  const size_t alarmsBefore =
      featureAlarms(*before) + (controlBefore ? featureAlarms(*controlBefore) : 0);
  const size_t axBefore = axAlarms(*before);
  const std::string cmd =
      json{{"cmd", "inject_drift"}, {"kind", "bias"}, {"channel", "ax"}, {"amount", 6.0}}.dump();
  EW_TRY(watcher.publishCommand("audit-0002", cmd));
  say("audit: injected a bias of 6.0 on ax of audit-0002");
  const qint64 injected = clock.elapsed();
  std::optional<audit::LiveDeviceState> after;
  while (clock.elapsed() - injected < 45000) {
    after = device("audit-0002");
    if (after && axAlarms(*after) > axBefore) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  const double seconds = static_cast<double>(clock.elapsed() - injected) / 1000.0;
  watcher.stop();
  const audit::LiveDriftSnapshot s = watcher.snapshot();
  after = device("audit-0002");
  const bool detected = after && axAlarms(*after) > axBefore;
  // Feature alarms of the target on other channels than ax after the injection.
  const size_t otherAfter = after ? featureAlarms(*after) - axAlarms(*after) : 0;
  json features = json::array();
  if (after)
    for (const auto& a : after->alarms)
      if (isAx(a.feature) && !features.contains(a.feature) && features.size() < 10)
        features.push_back(a.feature);
  auto control = device("audit-0001");
  return json{{"model_id", model},
              {"devices", {"audit-0001", "audit-0002"}},
              {"injected",
               {{"device", "audit-0002"}, {"kind", "bias"}, {"channel", "ax"}, {"amount", 6.0}}},
              {"baseline_predictions", before->baselineRows},
              {"windows_before_injection", before->windows.size()},
              {"alarms_before_injection", alarmsBefore},
              {"other_channel_alarms_after_injection", otherAfter},
              {"detected", detected},
              {"seconds_to_alarm", detected ? json(seconds) : json(nullptr)},
              {"alarm_features", features},
              {"control_alarms", control ? featureAlarms(*control) : 0},
              {"predictions", s.messages},
              {"windows_scored", s.windowsScored},
              {"alarms_written", s.alarmsWritten}};
}

}  // namespace

void appendDemoAudit(const std::string& brokerUrl, const QString& projectPath,
                     const Result<json>& trained,
                     const std::function<void(const std::string&)>& say, json& report,
                     std::ostringstream& md) {
  md << "\n## Audit: drift injected and detected\n\n";
  if (!trained.ok() || !trained->contains("models") || (*trained)["models"].empty()) {
    md << "Skipped: no trained model.\n";
    report["audit"] = {{"skipped", "no trained model"}};
    return;
  }
  const int64_t model = (*trained)["models"][0]["model_id"].get<int64_t>();
  auto r = runStage(brokerUrl, projectPath, model, say);
  if (!r.ok()) {
    say("audit stage skipped: " + r.error().toString());
    md << "Skipped: " << r.error().toString() << "\n";
    report["audit"] = {{"skipped", r.error().toString()}};
    return;
  }
  const json& a = *r;
  report["audit"] = a;
  md << "Model " << model << " deployed (signed, `edgewise-cli deploy`) to two simulated devices; "
     << "their predictions scored per device against the device's own first "
     << a["baseline_predictions"] << " predictions (baseline mode), windows of "
     << "40 predictions, KS per predicted class with Benjamini-Hochberg at alpha 0.001 and an "
     << "effect of at least 0.25 sd. Before the injection: " << a["windows_before_injection"]
     << " window(s) of audit-0002, " << a["alarms_before_injection"]
     << " feature alarm(s) on either device. `inject_drift` bias 6.0 on ax of "
     << "audit-0002: ";
  if (a["detected"].get<bool>()) {
    md << "**detected after " << a["seconds_to_alarm"].get<double>() << " s** on";
    for (const auto& f : a["alarm_features"]) md << " " << f.get<std::string>();
    md << "; alarms on other channels: " << a["other_channel_alarms_after_injection"]
       << "; alarms on the other device: " << a["control_alarms"] << ".";
  } else {
    md << "**not detected within 45 s**.";
  }
  md << " " << a["alarms_written"] << " alarm rows written to `drift_alarms` (" << a["predictions"]
     << " predictions, " << a["windows_scored"] << " windows).\n";
  say(a["detected"].get<bool>() ? "audit: drift on audit-0002 detected after " +
                                      std::to_string(a["seconds_to_alarm"].get<double>()) + " s"
                                : std::string("audit: the injected drift was not detected"));
}

}  // namespace edgewise::cli
