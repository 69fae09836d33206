// Qt Test for the Audit pane against a real project file in a QTemporaryDir (500 digits, a
// real 15-epoch MLP trained through the service): drift of two CSV files in which exactly one
// feature is shifted by 1.5 standard deviations flags exactly that feature, sorted first by
// p-value, with its histogram and the window timeline plotted; a PGD robustness audit with
// the sanity runs, fault and label-flip curves gives one point per epsilon on a non-increasing
// curve and image examples; the latency benchmark fills the figures and the histogram; the
// exported report holds the figures and the PNG files next to it are real images. Screenshots
// of the three tabs go to $EDGEWISE_SCREENSHOT_DIR.

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QLayout>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "app/workbench/jobs/job_manager.h"
#include "app/workbench/panes/audit/audit_pane.h"
#include "app/workbench/panes/audit/audit_report.h"
#include "app/workbench/panes/audit/drift_view.h"
#include "app/workbench/panes/audit/fleet_latency_view.h"
#include "app/workbench/panes/audit/job_strip.h"
#include "app/workbench/panes/audit/latency_view.h"
#include "app/workbench/panes/audit/live_drift_view.h"
#include "app/workbench/panes/audit/robustness_view.h"
#include "app/workbench/widgets/qcustomplot_include.h"
#include "app/workbench/workspace.h"
#include "core/audit/model_reference.h"
#include "core/dataset/data/importers.h"
#include "core/store/project.h"
#include "core/store/recording_repository.h"
#include "core/store/sqlite_util.h"
#include "core/training/service/train_service.h"
#include "tests/app/gui_test_util.h"

using namespace edgewise;
using namespace edgewise::gui;
using edgewise::test::digitsPath;
using edgewise::test::screenshotDir;

namespace {

// rows x {temperature, humidity, vibration, current}, seeded normal; `shift` standard
// deviations added to the humidity column.
void writeFeatures(const QString& path, int rows, double shift, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> n(0.0, 1.0);
  QFile f(path);
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write("temperature,humidity,vibration,current\n");
  for (int r = 0; r < rows; ++r) {
    const double t = 21.0 + 2.0 * n(rng);
    const double h = 45.0 + 5.0 * (n(rng) + shift);
    const double v = 0.3 + 0.05 * n(rng);
    const double c = 1.2 + 0.1 * n(rng);
    f.write(QStringLiteral("%1,%2,%3,%4\n").arg(t).arg(h).arg(v).arg(c).toUtf8());
  }
}

void grabTab(AuditPane& pane, int tab, const QString& file) {
  pane.tabs()->setCurrentIndex(tab);
  pane.layout()->activate();
  QTest::qWait(80);  // queued replots
  QVERIFY(pane.grab().save(screenshotDir() + QLatin1Char('/') + file, "PNG"));
}

}  // namespace

class AuditPaneTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initTestCase();
  void driftFlagsTheShiftedFeature();
  void driftErrorsAreShown();
  void robustnessCurve();
  void latencyBenchmark();
  void liveDriftOfDevices();
  void fleetLatency();
  void reportHasTheFigures();
  void reportWithoutAudits();
  void liveDriftReferenceMode();

 private:
  std::unique_ptr<QTemporaryDir> m_dir;
  std::unique_ptr<QTemporaryDir> m_settingsDir;
  QString m_project;
  int64_t m_mlp = 0;
  std::unique_ptr<JobManager> m_jobs;
  std::unique_ptr<Workspace> m_workspace;
  std::unique_ptr<AuditPane> m_pane;
};

void AuditPaneTest::initTestCase() {
  QStandardPaths::setTestModeEnabled(true);
  m_settingsDir = std::make_unique<QTemporaryDir>();
  QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir->path());
  QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir->path());
  // The latency benchmark's peak-RSS probe is edgewise-cli: the one of this build.
  const QString cli = qEnvironmentVariable("EDGEWISE_BIN_DIR") + QStringLiteral("/edgewise-cli");
  if (QFileInfo(cli).isExecutable()) qputenv("EDGEWISE_CLI", cli.toLocal8Bit());
  m_dir = std::make_unique<QTemporaryDir>();
  QVERIFY(m_dir->isValid());
  m_project = m_dir->filePath(QStringLiteral("a.edgewise"));
  {
    auto project = store::Project::open(m_project.toStdString());
    QVERIFY(project.ok());
    auto digits = dataset::readDigitsPng(digitsPath().toStdString());
    QVERIFY(digits.ok());
    dataset::ParsedDataset subset;
    subset.info = digits.value().info;
    for (size_t i = 0; i < digits.value().samples.size(); i += 10)
      subset.samples.push_back(digits.value().samples[i]);
    QVERIFY(dataset::importDataset(*project.value(), "digits-500", subset).ok());
    training::TrainRequest mlp;
    mlp.datasetName = "digits-500";
    mlp.family = "mlp";
    mlp.params = {{"epochs", "15"}, {"hidden", "32"}};
    mlp.latencySeconds = 0.05;
    auto m = training::trainAndRegister(*project.value(), mlp);
    QVERIFY2(m.ok(), m.ok() ? "" : m.error().toString().c_str());
    m_mlp = m.value().id;
  }
  m_jobs = std::make_unique<JobManager>();
  m_workspace = std::make_unique<Workspace>();
  QVERIFY(m_workspace->openProject(m_project, false).ok());
  m_pane = std::make_unique<AuditPane>(*m_workspace);
  m_pane->resize(1400, 900);
  m_pane->show();
  QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
  QVERIFY(m_pane->selectModel(m_mlp));
  QCOMPARE(m_pane->modelId(), m_mlp);
}

void AuditPaneTest::driftFlagsTheShiftedFeature() {
  const QString reference = m_dir->filePath(QStringLiteral("reference.csv"));
  const QString live = m_dir->filePath(QStringLiteral("live.csv"));
  writeFeatures(reference, 600, 0.0, 1);
  writeFeatures(live, 400, 1.5, 2);  // humidity 1.5 sigma up, the rest as in the reference
  DriftView* view = m_pane->driftView();
  view->setPaths(reference, live);
  QSignalSpy finished(view, &DriftView::finished);
  QVERIFY2(view->runDrift(), qPrintable(view->statusText()));
  QVERIFY(view->isRunning());
  QVERIFY(finished.wait(60000));
  QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(view->statusText()));

  QCOMPARE(view->flaggedFeatures(), QStringList{QStringLiteral("humidity")});
  // Sorted by p-value: the drifted feature is the top row, tinted, and shown in the plots.
  QTableView* table = view->table();
  QCOMPARE(table->model()->rowCount(), 4);
  QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("humidity"));
  QVERIFY(table->model()->index(0, 0).data(Qt::BackgroundRole).isValid());
  QVERIFY(!table->model()->index(1, 0).data(Qt::BackgroundRole).isValid());
  double previous = 0.0;
  for (int r = 0; r < 4; ++r) {
    const double p = table->model()->index(r, 2).data(Qt::UserRole + 1).toDouble();
    QVERIFY(p >= previous);
    previous = p;
  }
  QCOMPARE(view->selectedFeature(), 1);  // humidity is the reference's second column
  QCOMPARE(view->histogramPlot()->plottableCount(), 2);  // reference and live bars
  // Timeline: 400 live rows in windows of 50 (auto: a tenth, at least 50) = 8 windows, each
  // 1.5 sigma away: every window raises an alarm.
  const DriftAnalysis& a = *view->analysis();
  QCOMPARE(a.windowRows, size_t(50));
  QCOMPARE(a.timeline.size(), size_t(8));
  int alarms = 0;
  for (const DriftWindow& w : a.timeline) alarms += w.alarm ? 1 : 0;
  QVERIFY2(alarms >= 7, qPrintable(QString::number(alarms)));
  QCustomPlot* timeline = view->timelinePlot();
  QCOMPARE(timeline->graph(0)->dataCount(), 8);
  grabTab(*m_pane, AuditPane::DriftTab, QStringLiteral("audit_drift.png"));
}

void AuditPaneTest::driftErrorsAreShown() {
  DriftView view;
  QVERIFY(!view.runDrift());
  QVERIFY(view.statusText().contains(QStringLiteral("Choose a reference")));
  view.setPaths(m_dir->filePath(QStringLiteral("reference.csv")),
                m_dir->filePath(QStringLiteral("missing.csv")));
  QSignalSpy finished(&view, &DriftView::finished);
  QVERIFY(view.runDrift());
  QVERIFY(finished.wait(30000));
  QVERIFY(!finished.at(0).at(0).toBool());
  QVERIFY2(view.statusText().startsWith(QStringLiteral("Drift analysis failed:")) &&
               view.statusText().contains(QStringLiteral("missing.csv")),
           qPrintable(view.statusText()));
}

void AuditPaneTest::robustnessCurve() {
  RobustnessView* view = m_pane->robustnessView();
  view->setAttack(training::AttackKind::Pgd);
  view->setEpsText(QStringLiteral("0, 0.05, 0.1, 0.2"));
  view->setMaxRows(100);
  view->setFaults(true);
  view->setPoison(true);
  // A bad epsilon list is refused with the reason, no job.
  view->setEpsText(QStringLiteral("0, x"));
  QVERIFY(!view->runAudit());
  QVERIFY2(view->statusText().contains(QStringLiteral("'x'")), qPrintable(view->statusText()));
  view->setEpsText(QStringLiteral("0, 0.05, 0.1, 0.2"));

  QSignalSpy finished(view, &RobustnessView::finished);
  QVERIFY2(view->runAudit(), qPrintable(view->statusText()));
  QVERIFY(finished.wait(240000));
  QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(view->statusText()));
  const robustness::RobustnessReport& r = *view->report();
  QCOMPARE(r.modelId, m_mlp);
  // One point per epsilon, starting at the clean accuracy, never rising.
  const std::vector<QPointF> pgd = view->plottedCurve(training::AttackKind::Pgd);
  QCOMPARE(pgd.size(), size_t(4));
  QCOMPARE(pgd.front().x(), 0.0);
  QVERIFY(std::abs(pgd.front().y() - 100.0 * r.cleanAccuracy) < 1e-9);
  for (size_t i = 1; i < pgd.size(); ++i) {
    QVERIFY(pgd[i].x() > pgd[i - 1].x());
    QVERIFY2(pgd[i].y() <= pgd[i - 1].y() + 1e-9,
             qPrintable(QStringLiteral("%1 > %2").arg(pgd[i].y()).arg(pgd[i - 1].y())));
  }
  QVERIFY(pgd.back().y() < pgd.front().y());  // eps 0.2 (51 grey levels) breaks some digits
  // FGSM from the sanity runs is plotted with it.
  QCOMPARE(view->plottedCurve(training::AttackKind::Fgsm).size(), size_t(4));
  QVERIFY(!r.faults.empty());
  QVERIFY(view->faultsPlot()->graphCount() > 0);
  QVERIFY(r.poison.has_value());
  QCOMPARE(view->poisonPlot()->graphCount(), 1);
  QVERIFY(view->exampleCount() > 0);
  // The four examples are of four classes (the split's first rows are all digit 0).
  QCOMPARE(view->exampleCount(), 4);
  std::set<int> exampleLabels;
  for (const training::AdversarialExample& e : r.attack->examples) exampleLabels.insert(e.label);
  QCOMPARE(exampleLabels.size(), size_t(4));
  // The banner shows exactly when the audit warned.
  QCOMPARE(view->bannerText().isEmpty(), r.warnings.empty());
  grabTab(*m_pane, AuditPane::RobustnessTab, QStringLiteral("audit_robustness.png"));
}

void AuditPaneTest::latencyBenchmark() {
  LatencyView* view = m_pane->latencyView();
  view->setSeconds(1.0);
  QSignalSpy finished(view, &LatencyView::finished);
  QVERIFY2(view->runBenchmark(), qPrintable(view->statusText()));
  QVERIFY(!view->runBenchmark());  // one at a time
  QVERIFY(finished.wait(120000));
  QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(view->statusText()));
  const training::LatencyBenchmark& b = *view->benchmark();
  QCOMPARE(b.modelId, m_mlp);
  QVERIFY(b.latency.runs >= 50);
  QVERIFY(b.measuredSeconds >= 1.0);
  QVERIFY(b.latency.p50Us <= b.latency.p90Us && b.latency.p90Us <= b.latency.p99Us &&
          b.latency.p99Us <= b.latency.maxUs);
  QCOMPARE(b.samplesUs.size(), size_t(b.latency.runs));
  QVERIFY(view->figureText(QStringLiteral("p50")).endsWith(QStringLiteral("\u00b5s")));
  QVERIFY(view->figureText(QStringLiteral("runs")).startsWith(QString::number(b.latency.runs)));
  QCOMPARE(view->histogramPlot()->plottableCount(), 1);
  grabTab(*m_pane, AuditPane::LatencyTab, QStringLiteral("audit_latency.png"));
}

// Three devices run the digits MLP; their predictions carry rows drawn from the model's own
// training features (seeded), so nothing moves, until pi-02's pixels 209..211 (row 10,
// columns 9..11) brighten by 0.5: only pi-02 alarms, on those pixels, and its drifted windows
// become a recording sent to labeling.
void AuditPaneTest::liveDriftOfDevices() {
  auto project = store::Project::open(m_project.toStdString(), store::OpenMode::OpenExisting);
  QVERIFY(project.ok());
  auto reference = audit::modelReference(**project, m_mlp);
  QVERIFY2(reference.ok(), reference.ok() ? "" : reference.error().toString().c_str());
  const size_t cols = reference->table.columns();
  QCOMPARE(cols, size_t(400));  // 20 x 20 pixels
  audit::LiveDriftOptions options;
  options.windowRows = 100;
  options.drift.alpha = 0.01;
  auto watcher = std::make_shared<audit::LiveDriftWatcher>(options);
  // Without the labels: ten classes of ten rows per window are too few for per-class tests.
  QVERIFY(watcher->addReference({m_mlp, "", reference->table, {}}).ok());
  QVERIFY(watcher->start().ok());
  nlohmann::json names = nlohmann::json::array();
  for (size_t c = 0; c < cols; ++c)
    names.push_back("px" + std::to_string(c / 20) + "_" + std::to_string(c % 20));
  std::mt19937 rng(11);
  std::uniform_int_distribution<size_t> pick(0, reference->table.rows - 1);
  auto publish = [&](const std::string& device, int seq, double brighten) {
    const size_t r = pick(rng);
    std::vector<double> f(reference->table.values.begin() + std::ptrdiff_t(r * cols),
                          reference->table.values.begin() + std::ptrdiff_t((r + 1) * cols));
    for (size_t c = 209; c <= 211; ++c) f[c] += brighten;
    nlohmann::json j{{"device", device},
                     {"seq", seq},
                     {"ts", int64_t{1796000000000000} + int64_t{seq} * 500000},
                     {"class", reference->labels[r]},
                     {"confidence", 0.9},
                     {"model_sha256", "9f86d0"},
                     {"features", f}};
    if (seq % 100 == 0) j["feature_names"] = names;
    watcher->post("edgewise/" + device + "/predictions", j.dump());
  };
  for (int seq = 0; seq < 600; ++seq)
    for (const char* d : {"pi-01", "pi-02", "pi-03"})
      publish(d, seq, std::string(d) == "pi-02" && seq >= 400 ? 0.5 : 0.0);
  QVERIFY(watcher->waitIdle(30000));

  m_pane->tabs()->setCurrentIndex(AuditPane::DriftTab);
  m_pane->driftTabs()->setCurrentIndex(1);
  LiveDriftView* view = m_pane->liveDriftView();
  view->watch(watcher);
  QCOMPARE(view->devices(), (QStringList{QStringLiteral("pi-01"), QStringLiteral("pi-02"),
                                         QStringLiteral("pi-03")}));
  const audit::LiveDriftSnapshot snap = watcher->snapshot();
  QCOMPARE(snap.messages, uint64_t(1800));
  QCOMPARE(snap.windowsScored, uint64_t(18));
  for (const auto& d : snap.devices) {
    QCOMPARE(d.windows.size(), size_t(6));
    for (size_t w = 0; w < 6; ++w) {
      const bool expected = d.device == "pi-02" && w >= 4;
      QVERIFY2(
          d.windows[w].alarm == expected,
          qPrintable(QStringLiteral("%1 window %2").arg(QString::fromStdString(d.device)).arg(w)));
    }
    for (const auto& a : d.alarms) {
      QCOMPARE(QString::fromStdString(a.test), QStringLiteral("ks"));
      QVERIFY2(a.feature == "px10_9" || a.feature == "px10_10" || a.feature == "px10_11",
               a.feature.c_str());
    }
  }
  QVERIFY(view->selectDevice(QStringLiteral("pi-02")));
  QVERIFY(view->analysis().has_value());
  QCOMPARE(view->analysis()->timeline.size(), size_t(6));
  QCOMPARE(view->timelinePlot()->graph(0)->dataCount(), 6);
  // The top row of the table is a brightened pixel, tinted.
  const QString top = view->table()->model()->index(0, 0).data().toString();
  QVERIFY2(top == QStringLiteral("px10_9") || top == QStringLiteral("px10_10") ||
               top == QStringLiteral("px10_11"),
           qPrintable(top));
  QVERIFY(view->table()->model()->index(0, 0).data(Qt::BackgroundRole).isValid());

  // Without a broker the simulator command cannot be sent: said, not crashed.
  QVERIFY(!view->injectDrift(QStringLiteral("bias"), QStringLiteral("ax"), 2.0));
  QVERIFY(view->statusText().contains(QStringLiteral("not connected")));

  QSignalSpy labeling(m_workspace.get(), &Workspace::labelingRequested);
  QVERIFY2(view->createLabelingTask(), qPrintable(view->statusText()));
  QCOMPARE(labeling.count(), 1);
  const qint64 recordingId = labeling.at(0).at(0).toLongLong();
  QVERIFY(labeling.at(0).at(3).toString().contains(QStringLiteral("pi-02")));
  auto summary = m_workspace->project()->recordings().get(recordingId);
  QVERIFY(summary.ok());
  QCOMPARE(summary->sampleCount, int64_t(200));  // the two drifted windows of 100
  QCOMPARE(labeling.at(0).at(1).toLongLong(), summary->startUs);
  // The saved windows replayed as live data of "pi-02@rec<id>": both windows drift again.
  QVERIFY2(view->replayRecording(recordingId), qPrintable(view->statusText()));
  const QString replayed = QStringLiteral("pi-02@rec%1").arg(recordingId);
  QVERIFY(view->devices().contains(replayed));
  for (const auto& d : watcher->snapshot().devices) {
    if (QString::fromStdString(d.device) != replayed) continue;
    QCOMPARE(d.windows.size(), size_t(2));
    QVERIFY(d.windows[0].alarm && d.windows[1].alarm);
  }
  QVERIFY(view->selectDevice(QStringLiteral("pi-02")));
  view->refresh();
  grabTab(*m_pane, AuditPane::DriftTab, QStringLiteral("audit_live_drift.png"));
}

// Hand-made heartbeats of four devices; pi-03's new model version is 30 % slower.
void AuditPaneTest::fleetLatency() {
  sqlite3* db = m_workspace->project()->handle();
  auto st = store::detail::Statement::prepare(
      db,
      "INSERT INTO telemetry(device_id, ts_us, model_sha256, cpu_pct, latency_p50_us, "
      "latency_p99_us, predictions_per_s, queue_depth, stages) VALUES(?,?,?,3.0,?,?,2,0,?)");
  QVERIFY(st.ok());
  std::mt19937 rng(5);
  std::normal_distribution<double> jitter(0.0, 6.0);
  const double base[] = {180.0, 240.0, 210.0, 320.0};
  for (int d = 0; d < 4; ++d) {
    const std::string id = "pi-0" + std::to_string(d + 1);
    for (int i = 0; i < 60; ++i) {
      const bool v2 = i >= 30;
      double p50 = base[d] + jitter(rng);
      if (v2 && d == 2) p50 *= 1.3;
      const double features = 60.0 + 10.0 * d;
      st->bind(1, id).bind(2, int64_t{1796000000000000} + int64_t{i} * 5000000);
      st->bind(3, std::string(v2 ? "b2c4e1a9" : "9f86d0aa")).bind(4, p50).bind(5, p50 * 2.2);
      st->bind(6,
               nlohmann::json{
                   {"decode", 12.0}, {"features", features}, {"inference", p50}, {"publish", 25.0}}
                   .dump());
      QVERIFY(st->run().ok());
      st->reset();
    }
  }
  m_pane->tabs()->setCurrentIndex(AuditPane::LatencyTab);
  m_pane->latencyTabs()->setCurrentIndex(1);
  FleetLatencyView* view = m_pane->fleetLatencyView();
  view->refresh();
  QVERIFY(view->data().has_value());
  QCOMPARE(view->data()->analysis.devices.size(), size_t(4));
  QCOMPARE(view->data()->analysis.versionChanges.size(), size_t(4));
  const auto regressions = view->data()->analysis.regressions();
  QCOMPARE(regressions.size(), size_t(1));
  QCOMPARE(QString::fromStdString(regressions[0]->device), QStringLiteral("pi-03"));
  QVERIFY(view->summaryText().contains(QStringLiteral("pi-03")));
  QCOMPARE(view->table()->rowCount(), 4);
  QVERIFY(view->table()->item(2, 5)->text().contains(QStringLiteral("slower")));
  QVERIFY(view->table()->item(2, 5)->toolTip().contains(QStringLiteral("Mann-Whitney")));
  QCOMPARE(view->stagesPlot()->plottableCount(), 4);  // decode, features, inference, publish
  QVERIFY(view->timelinePlot()->graphCount() >= 8);   // p50 and p99 per device
  grabTab(*m_pane, AuditPane::LatencyTab, QStringLiteral("audit_fleet_latency.png"));
  QVERIFY(view->selectDevice(QStringLiteral("pi-03")));
  QCOMPARE(view->timelinePlot()->graphCount(), 4);  // p50, p99, changes, regressions
}

void AuditPaneTest::reportHasTheFigures() {
  const QString path = m_dir->filePath(QStringLiteral("out/report.html"));
  QVERIFY2(m_pane->exportReport(path), qPrintable(m_pane->statusText()));
  QFile f(path);
  QVERIFY(f.open(QIODevice::ReadOnly));
  const QString html = QString::fromUtf8(f.readAll());
  QVERIFY(html.contains(QStringLiteral("mlp")));
  QVERIFY(html.contains(QStringLiteral("humidity")));
  for (const char* figure :
       {"drift_timeline", "drift_histogram", "robustness", "faults", "poisoning", "latency",
        "live_drift_timeline", "live_drift_histogram", "fleet_latency", "fleet_stages"}) {
    const QString png = QStringLiteral("report_%1.png").arg(QLatin1String(figure));
    QVERIFY2(html.contains(QStringLiteral("<img src=\"%1\"").arg(png)), figure);
    const QString file = m_dir->filePath(QStringLiteral("out/") + png);
    QVERIFY2(QFileInfo(file).size() > 2000, qPrintable(file));
    const QImage image(file);
    QVERIFY2(!image.isNull() && image.width() >= 800, qPrintable(file));
    // Kept with the screenshots, to look at what the report shows.
    const QString kept = screenshotDir() + QStringLiteral("/audit_") + png;
    QFile::remove(kept);
    QVERIFY(QFile::copy(file, kept));
  }
  QVERIFY(html.contains(QStringLiteral("p50 / p90 / p99 / max")));
  QVERIFY(html.contains(QStringLiteral("pgd_at_least_fgsm")));
  QVERIFY(html.contains(QStringLiteral("Regression on pi-03")));
  QVERIFY(html.contains(QStringLiteral("px10_")));
  QVERIFY(!html.contains(QStringLiteral("not run")));
  // Without the .html suffix it is added.
  QVERIFY(m_pane->exportReport(m_dir->filePath(QStringLiteral("out/again"))));
  QVERIFY(QFileInfo::exists(m_dir->filePath(QStringLiteral("out/again.html"))));
  QVERIFY(QFileInfo::exists(m_dir->filePath(QStringLiteral("out/again_latency.png"))));
}

void AuditPaneTest::reportWithoutAudits() {
  AuditReportData data;
  data.model.id = 7;
  data.model.name = "tiny <model>";
  const QString path = m_dir->filePath(QStringLiteral("empty/report.html"));
  auto files = AuditReport::write(data, path);
  QVERIFY2(files.ok(), files.ok() ? "" : files.error().toString().c_str());
  QVERIFY(files->images.isEmpty());
  QFile f(path);
  QVERIFY(f.open(QIODevice::ReadOnly));
  const QString html = QString::fromUtf8(f.readAll());
  QVERIFY(html.contains(QStringLiteral("tiny &lt;model&gt;")));
  QCOMPARE(html.count(QStringLiteral("not run")), 3);
  QVERIFY(!html.contains(QStringLiteral("<img")));
  // An unwritable place is an error naming it.
  auto refused = AuditReport::write(data, QStringLiteral("/proc/no/such/report.html"));
  QVERIFY(!refused.ok());
}

// The reference control reaches the watcher: picking "each device's first N predictions" (and
// changing N) restarts it with LiveDriftOptions::baselineRows = N; back to the training data: 0.
void AuditPaneTest::liveDriftReferenceMode() {
  m_pane->tabs()->setCurrentIndex(AuditPane::DriftTab);
  m_pane->driftTabs()->setCurrentIndex(1);
  LiveDriftView* view = m_pane->liveDriftView();
  view->stopWatching();
  view->setBrokerUrl(QString());  // no MQTT: predictions are posted
  auto* mode = view->findChild<QComboBox*>(QStringLiteral("liveDriftReferenceMode"));
  auto* rows = view->findChild<QSpinBox*>(QStringLiteral("liveDriftBaselineRows"));
  QVERIFY(mode && rows);
  QCOMPARE(mode->currentIndex(), 0);
  QCOMPARE(rows->value(), static_cast<int>(audit::kSuggestedBaselineRows));
  QVERIFY(!rows->isEnabled());
  QCOMPARE(view->baselineRows(), 0);

  QVERIFY2(view->startWatching(), qPrintable(view->statusText()));
  QTRY_VERIFY_WITH_TIMEOUT(view->isWatching(), 30000);
  QCOMPARE(view->watcher()->options().baselineRows, size_t(0));

  mode->setCurrentIndex(1);
  QVERIFY(rows->isEnabled());
  QTRY_VERIFY_WITH_TIMEOUT(
      view->isWatching() && view->watcher()->options().baselineRows == size_t(120), 30000);
  rows->setValue(150);
  QTRY_VERIFY_WITH_TIMEOUT(
      view->isWatching() && view->watcher()->options().baselineRows == size_t(150), 30000);
  const QString status = view->findChild<JobStrip*>()->statusLabel()->text();
  QVERIFY2(status.contains(QStringLiteral("first 150 predictions")), qPrintable(status));

  // 60 predictions of one device: not scored, they are its baseline so far.
  auto project = store::Project::open(m_project.toStdString(), store::OpenMode::OpenExisting);
  QVERIFY(project.ok());
  auto reference = audit::modelReference(**project, m_mlp);
  QVERIFY(reference.ok());
  const size_t cols = reference->table.columns();
  for (int seq = 0; seq < 60; ++seq) {
    const size_t r = static_cast<size_t>(seq * 7) % reference->table.rows;
    nlohmann::json j{
        {"device", "pi-07"},
        {"seq", seq},
        {"ts", int64_t{1796000000000000} + int64_t{seq} * 500000},
        {"class", reference->labels[r]},
        {"confidence", 0.9},
        {"features",
         std::vector<double>(reference->table.values.begin() + std::ptrdiff_t(r * cols),
                             reference->table.values.begin() + std::ptrdiff_t((r + 1) * cols))}};
    view->watcher()->post("edgewise/pi-07/predictions", j.dump());
  }
  QVERIFY(view->watcher()->waitIdle(30000));
  view->refresh();
  const audit::LiveDriftSnapshot snap = view->watcher()->snapshot();
  QCOMPARE(snap.devices.size(), size_t(1));
  QCOMPARE(snap.devices[0].baselineRows, size_t(60));
  QVERIFY(!snap.devices[0].baselineReady);
  QCOMPARE(snap.windowsScored, uint64_t(0));
  auto* summary = view->findChild<QLabel*>(QStringLiteral("liveDriftSummary"));
  QVERIFY(summary);
  QVERIFY2(summary->text().contains(QStringLiteral("60 of 150")), qPrintable(summary->text()));
  grabTab(*m_pane, AuditPane::DriftTab, QStringLiteral("audit_live_drift_baseline.png"));
  // German: the longer labels still fit the row.
  QTranslator german;
  if (german.load(QStringLiteral(":/i18n/edgewise_de"))) {
    QApplication::installTranslator(&german);
    QApplication::processEvents();
    QCOMPARE(mode->currentText(), QStringLiteral("eigene erste"));
    grabTab(*m_pane, AuditPane::DriftTab, QStringLiteral("audit_live_drift_baseline_de.png"));
    QApplication::removeTranslator(&german);
    QApplication::processEvents();
  }

  mode->setCurrentIndex(0);
  QTRY_VERIFY_WITH_TIMEOUT(
      view->isWatching() && view->watcher()->options().baselineRows == size_t(0), 30000);
  view->stopWatching();
}

QTEST_MAIN(AuditPaneTest)
#include "audit_pane_test.moc"
