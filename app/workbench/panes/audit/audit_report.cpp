#include "app/workbench/panes/audit/audit_report.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>
#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>

#include "app/workbench/panes/audit/audit_plots.h"
#include "app/workbench/widgets/qcustomplot_include.h"

namespace edgewise::gui {

namespace {

constexpr int kImageWidth = 900;
constexpr int kImageHeight = 420;

QString esc(const std::string& s) {
  return QString::fromStdString(s).toHtmlEscaped();
}
QString pct(double v) {
  return std::isfinite(v) ? QString::number(100.0 * v, 'f', 1) + QStringLiteral("%")
                          : QStringLiteral("\u2013");
}
QString num(double v, int decimals = 3) {
  return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("\u2013");
}
QString pValue(double p) {
  return std::isfinite(p) ? QString::number(p, 'g', 3) : QStringLiteral("\u2013");
}
QString bytes(int64_t b) {
  if (b >= (1 << 20))
    return QString::number(double(b) / (1 << 20), 'f', 1) + QStringLiteral(" MiB");
  if (b >= 1024) return QString::number(double(b) / 1024, 'f', 1) + QStringLiteral(" KiB");
  return QString::number(b) + QStringLiteral(" B");
}

// The feature shown in the report's histogram: the smallest KS p-value.
int mostDrifted(const DriftAnalysis& d) {
  int best = -1;
  for (size_t i = 0; i < d.report.features.size(); ++i)
    if (best < 0 || d.report.features[i].ksPValue < d.report.features[size_t(best)].ksPValue)
      best = static_cast<int>(i);
  return best;
}

struct Figure {
  QString name;  // file suffix
  std::function<void(QCustomPlot*)> draw;
};

std::vector<Figure> figuresOf(const AuditReportData& data) {
  std::vector<Figure> out;
  if (data.drift) {
    const DriftAnalysis* d = &*data.drift;
    out.push_back({QStringLiteral("drift_timeline"),
                   [d](QCustomPlot* p) { AuditPlots::driftTimeline(p, *d, -1); }});
    out.push_back({QStringLiteral("drift_histogram"),
                   [d](QCustomPlot* p) { AuditPlots::featureHistogram(p, *d, mostDrifted(*d)); }});
  }
  if (data.robustness) {
    const robustness::RobustnessReport* r = &*data.robustness;
    out.push_back({QStringLiteral("robustness"),
                   [r](QCustomPlot* p) { AuditPlots::robustnessCurves(p, *r); }});
    if (!r->faults.empty())
      out.push_back(
          {QStringLiteral("faults"), [r](QCustomPlot* p) { AuditPlots::faultCurves(p, *r); }});
    if (r->poison)
      out.push_back(
          {QStringLiteral("poisoning"), [r](QCustomPlot* p) { AuditPlots::poisonCurve(p, *r); }});
  }
  if (data.latency) {
    const training::LatencyBenchmark* l = &*data.latency;
    out.push_back(
        {QStringLiteral("latency"), [l](QCustomPlot* p) { AuditPlots::latencyHistogram(p, *l); }});
  }
  if (!data.liveDrift.empty()) {
    const LiveDriftData* d = &data.liveDrift.front();  // the device with the most alarms
    out.push_back({QStringLiteral("live_drift_timeline"),
                   [d](QCustomPlot* p) { AuditPlots::driftTimeline(p, d->analysis, -1); }});
    out.push_back({QStringLiteral("live_drift_histogram"), [d](QCustomPlot* p) {
                     AuditPlots::featureHistogram(p, d->analysis, mostDrifted(d->analysis));
                   }});
  }
  if (data.fleetLatency) {
    const FleetLatencyData* f = &*data.fleetLatency;
    out.push_back({QStringLiteral("fleet_latency"),
                   [f](QCustomPlot* p) { AuditPlots::fleetLatencyTimeline(p, *f, QString()); }});
    out.push_back({QStringLiteral("fleet_stages"),
                   [f](QCustomPlot* p) { AuditPlots::stageBreakdown(p, *f); }});
  }
  return out;
}

QString img(const QString& base, const QString& figure, const QString& alt) {
  return QStringLiteral("<img src=\"%1_%2.png\" alt=\"%3\" width=\"%4\">")
      .arg(base.toHtmlEscaped(), figure, alt.toHtmlEscaped())
      .arg(kImageWidth);
}

QString row(const QStringList& cells, const QString& tag = QStringLiteral("td")) {
  QString out = QStringLiteral("<tr>");
  for (const QString& c : cells) out += QStringLiteral("<%1>%2</%1>").arg(tag, c);
  return out + QStringLiteral("</tr>\n");
}

}  // namespace

QString AuditReport::html(const AuditReportData& data, const QString& base) {
  const training::ModelRecord& m = data.model;
  const QString when = data.generatedAt.isEmpty()
                           ? QDateTime::currentDateTime().toString(Qt::ISODate)
                           : data.generatedAt;
  QString h;
  h += QStringLiteral(
           "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n<title>%1</title>\n<style>\n"
           "body{font-family:sans-serif;max-width:960px;margin:2em auto;color:#222}\n"
           "h1{font-size:1.5em;margin-bottom:0}h2{border-bottom:1px solid #ccc;margin-top:1.6em}\n"
           "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;"
           "padding:3px 8px;text-align:right}th{background:#f3f3f3}td:first-child,"
           "th:first-child{text-align:left}\n.drift{background:#fde2e1}.meta{color:#666}\n"
           ".warn{background:#fff3cd;border:1px solid #e0a800;padding:6px;margin:.5em 0}\n"
           ".ok{color:#2e7d32}.bad{color:#c62828;font-weight:bold}.na{color:#888}\n"
           "</style></head><body>\n")
           .arg(tr("Audit report: %1").arg(esc(m.name)));
  h += QStringLiteral("<h1>%1</h1>\n").arg(tr("Audit report: %1").arg(esc(m.name)));
  h += QStringLiteral("<p class=\"meta\">%1</p>\n")
           .arg(tr("Generated %1 by Edgewise %2 on %3 (%4)")
                    .arg(when, QStringLiteral(EDGEWISE_VERSION),
                         QSysInfo::machineHostName().toHtmlEscaped(),
                         QSysInfo::prettyProductName().toHtmlEscaped() + QStringLiteral(", ") +
                             QSysInfo::currentCpuArchitecture()));

  // ---- The model version ------------------------------------------------------------------
  h += QStringLiteral("<h2>%1</h2>\n<table>\n").arg(tr("Model version"));
  h += row({tr("Model id"), QString::number(m.id)});
  h += row({tr("Family"), esc(m.family)});
  h += row({tr("Origin"),
            esc(m.origin) + (m.parentId ? tr(" (parent model %1)").arg(*m.parentId) : QString())});
  h += row({tr("Dataset"), esc(m.datasetName) + QStringLiteral(" <span class=\"meta\">") +
                               esc(m.snapshotId.substr(0, 12)) + QStringLiteral("</span>")});
  h += row({tr("Classes"), QString::number(m.classNames.size())});
  h += row({tr("Parameters"), QString::number(m.parameterCount)});
  h += row({tr("Model file"), bytes(m.sizeBytes)});
  h += row({tr("Test accuracy (at training)"), pct(m.metrics.accuracy)});
  h += QStringLiteral("</table>\n");

  // ---- Summary ----------------------------------------------------------------------------
  h += QStringLiteral("<h2>%1</h2>\n<ul>\n").arg(tr("Summary"));
  const QString notRun = QStringLiteral("<span class=\"na\">%1</span>").arg(tr("not run"));
  if (data.drift) {
    const audit::DriftReport& r = data.drift->report;
    const int drifted =
        static_cast<int>(std::count_if(r.features.begin(), r.features.end(),
                                       [](const audit::FeatureDrift& f) { return f.drift; }));
    h += QStringLiteral("<li>%1: <span class=\"%2\">%3</span></li>\n")
             .arg(tr("Drift"), drifted > 0 ? QStringLiteral("bad") : QStringLiteral("ok"),
                  tr("%1 of %n features drifted", nullptr, static_cast<int>(r.features.size()))
                      .arg(drifted));
  } else {
    h += QStringLiteral("<li>%1: %2</li>\n").arg(tr("Drift"), notRun);
  }
  if (data.robustness) {
    const robustness::RobustnessReport& r = *data.robustness;
    QString text = tr("clean accuracy %1").arg(pct(r.cleanAccuracy));
    if (r.attack && !r.attack->eps.empty())
      text += tr("; %1 at \u03b5 = %2: %3")
                  .arg(AuditPlots::curveName(*r.attack))
                  .arg(r.attack->eps.back())
                  .arg(pct(r.attack->accuracy.back()));
    const bool masked = r.sanity.gradientMaskingSuspected;
    h += QStringLiteral("<li>%1: %2%3</li>\n")
             .arg(tr("Robustness"), text,
                  masked ? QStringLiteral(" <span class=\"bad\">%1</span>")
                               .arg(tr("(gradient masking suspected)"))
                         : QString());
  } else {
    h += QStringLiteral("<li>%1: %2</li>\n").arg(tr("Robustness"), notRun);
  }
  if (data.latency) {
    const training::LatencyStats& l = data.latency->latency;
    h += QStringLiteral("<li>%1: %2</li>\n")
             .arg(tr("Latency"), tr("p50 %1 \u00b5s, p99 %2 \u00b5s over %n runs", nullptr, l.runs)
                                     .arg(num(l.p50Us, 1), num(l.p99Us, 1)));
  } else {
    h += QStringLiteral("<li>%1: %2</li>\n").arg(tr("Latency"), notRun);
  }
  h += QStringLiteral("</ul>\n");

  // ---- Drift ------------------------------------------------------------------------------
  h += QStringLiteral("<h2>%1</h2>\n").arg(tr("Data drift"));
  if (data.drift) {
    const DriftAnalysis& d = *data.drift;
    const audit::DriftReport& r = d.report;
    h += QStringLiteral("<p>%1</p>\n")
             .arg(tr("Reference %1 (%2 rows) against live %3 (%4 rows). A feature drifted when "
                     "its two-sample Kolmogorov-Smirnov p-value survives Benjamini-Hochberg at "
                     "\u03b1 = %5.")
                      .arg(QFileInfo(d.referencePath).fileName().toHtmlEscaped())
                      .arg(r.referenceRows)
                      .arg(QFileInfo(d.livePath).fileName().toHtmlEscaped())
                      .arg(r.liveRows)
                      .arg(r.alpha));
    std::vector<size_t> order(r.features.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return r.features[a].ksPValue < r.features[b].ksPValue;
    });
    h += QStringLiteral("<table>\n") +
         row({tr("Feature"), tr("KS statistic"), tr("p-value"), tr("Adjusted p"), tr("PSI"),
              tr("Wasserstein"), tr("Drift")},
             QStringLiteral("th"));
    for (size_t i : order) {
      const audit::FeatureDrift& f = r.features[i];
      h += QString(row({esc(f.feature), num(f.ksStatistic, 4), pValue(f.ksPValue),
                        pValue(f.ksPAdjusted), num(f.psi, 4),
                        QString::number(f.wasserstein, 'g', 4), f.drift ? tr("yes") : tr("no")}))
               .replace(QStringLiteral("<tr>"),
                        f.drift ? QStringLiteral("<tr class=\"drift\">") : QStringLiteral("<tr>"));
    }
    h += QStringLiteral("</table>\n");
    if (r.multivariate)
      h += QStringLiteral("<p>%1</p>\n")
               .arg(tr("Multivariate MMD\u00b2 %1, permutation p %2: %3")
                        .arg(QString::number(r.multivariate->mmd2, 'g', 4),
                             pValue(r.multivariate->pValue),
                             r.multivariate->drift ? tr("drift") : tr("no drift")));
    h += QStringLiteral("<p>%1</p>\n<p>%2</p>\n")
             .arg(img(base, QStringLiteral("drift_timeline"), tr("Drift score timeline")),
                  img(base, QStringLiteral("drift_histogram"), tr("Reference vs live histogram")));
  } else {
    h += QStringLiteral("<p class=\"na\">%1</p>\n").arg(tr("No drift analysis was run."));
  }

  // ---- Robustness -------------------------------------------------------------------------
  h += QStringLiteral("<h2>%1</h2>\n").arg(tr("Adversarial robustness and faults"));
  if (data.robustness) {
    const robustness::RobustnessReport& r = *data.robustness;
    h += QStringLiteral("<p>%1</p>\n")
             .arg(tr("%1 test rows, clean accuracy %2, \u03b5 in %3.")
                      .arg(r.rows)
                      .arg(pct(r.cleanAccuracy))
                      .arg(r.epsUnit == "std" ? tr("standard deviations per channel")
                                              : tr("model input units")));
    for (const std::string& w : r.warnings)
      h += QStringLiteral("<div class=\"warn\">\u26a0 %1</div>\n").arg(esc(w));
    std::vector<const training::RobustnessCurve*> curves;
    for (const auto* c : {&r.attack, &r.fgsm, &r.pgd}) {
      if (!*c) continue;
      bool seen = false;
      for (const auto* have : curves)
        seen = seen || (have->kind == (*c)->kind && have->norm == (*c)->norm);
      if (!seen) curves.push_back(&**c);
    }
    if (!curves.empty()) {
      QStringList header{tr("\u03b5")};
      for (const auto* c : curves) header << AuditPlots::curveName(*c).toHtmlEscaped();
      h += QStringLiteral("<table>\n") + row(header, QStringLiteral("th"));
      for (size_t i = 0; i < curves.front()->eps.size(); ++i) {
        QStringList cells{QString::number(curves.front()->eps[i])};
        for (const auto* c : curves)
          cells << (i < c->accuracy.size() ? pct(c->accuracy[i]) : QStringLiteral("\u2013"));
        h += row(cells);
      }
      h += QStringLiteral("</table>\n");
    }
    h += QStringLiteral("<p>%1</p>\n")
             .arg(img(base, QStringLiteral("robustness"), tr("Robust accuracy against epsilon")));
    if (!r.sanity.checks.empty()) {
      h += QStringLiteral("<table>\n") +
           row({tr("Sanity check"), tr("Result"), tr("Detail")}, QStringLiteral("th"));
      for (const robustness::SanityCheck& c : r.sanity.checks)
        h += row({esc(c.name),
                  c.passed ? QStringLiteral("<span class=\"ok\">%1</span>").arg(tr("passed"))
                           : QStringLiteral("<span class=\"bad\">%1</span>").arg(tr("failed")),
                  esc(c.detail)});
      h += QStringLiteral("</table>\n");
    }
    if (!r.faults.empty())
      h += QStringLiteral("<p>%1</p>\n")
               .arg(img(base, QStringLiteral("faults"), tr("Accuracy under IoT faults")));
    if (r.poison)
      h += QStringLiteral("<p>%1</p>\n")
               .arg(img(base, QStringLiteral("poisoning"), tr("Label-flip poisoning")));
  } else {
    h += QStringLiteral("<p class=\"na\">%1</p>\n").arg(tr("No robustness audit was run."));
  }

  // ---- Latency ----------------------------------------------------------------------------
  h += QStringLiteral("<h2>%1</h2>\n").arg(tr("Latency on this machine"));
  if (data.latency) {
    const training::LatencyBenchmark& b = *data.latency;
    const training::LatencyStats& l = b.latency;
    h += QStringLiteral("<table>\n");
    h += row({tr("Init (loading the model file)"), num(b.initMs, 2) + QStringLiteral(" ms")});
    h += row({tr("First inference"), num(b.firstInferenceUs, 1) + QStringLiteral(" \u00b5s")});
    h += row({tr("Warm-up"),
              tr("%n runs, mean %1 \u00b5s", nullptr, b.warmupRuns).arg(num(b.warmupMeanUs, 1))});
    h += row({tr("Timed runs"), tr("%1 in %2 s").arg(l.runs).arg(num(b.measuredSeconds, 2))});
    h += row({QStringLiteral("p50 / p90 / p99 / max"),
              QStringLiteral("%1 / %2 / %3 / %4 \u00b5s")
                  .arg(num(l.p50Us, 1), num(l.p90Us, 1), num(l.p99Us, 1), num(l.maxUs, 1))});
    h += row({tr("Mean \u00b1 std"),
              QStringLiteral("%1 \u00b1 %2 \u00b5s").arg(num(l.meanUs, 1), num(l.stdUs, 1))});
    h += row({tr("Coefficient of variation"), num(l.cv, 3)});
    h += row({tr("Peak RSS"), b.peakRssBytes > 0 ? bytes(b.peakRssBytes) : tr("not measured")});
    h += QStringLiteral("</table>\n");
    for (const std::string& n : b.notes)
      h += QStringLiteral("<p class=\"meta\">%1</p>\n").arg(esc(n));
    h += QStringLiteral("<p>%1</p>\n")
             .arg(img(base, QStringLiteral("latency"), tr("Latency histogram")));
  } else {
    h += QStringLiteral("<p class=\"na\">%1</p>\n").arg(tr("No latency benchmark was run."));
  }

  // ---- Live drift on the devices ----------------------------------------------------------
  h += QStringLiteral("<h2>%1</h2>\n").arg(tr("Live drift on the devices"));
  if (!data.liveDrift.empty()) {
    h += QStringLiteral("<table>\n") + row({tr("Device"), tr("Predictions"), tr("Windows"),
                                            tr("Windows with an alarm"), tr("Features that moved")},
                                           QStringLiteral("th"));
    for (const LiveDriftData& d : data.liveDrift) {
      int alarmed = 0;
      for (const DriftWindow& w : d.analysis.timeline) alarmed += w.alarm ? 1 : 0;
      QStringList moved;
      for (const audit::LiveAlarm& a : d.alarms)
        if (a.test == "ks" && !moved.contains(QString::fromStdString(a.feature)))
          moved << QString::fromStdString(a.feature);
      const int more = static_cast<int>(moved.size()) - 8;
      QString movedText =
          esc(QStringList(moved.mid(0, 8)).join(QStringLiteral(", ")).toStdString());
      if (more > 0) movedText += tr(" and %n more", nullptr, more);
      h += row({d.device.toHtmlEscaped(), QString::number(d.predictions),
                QString::number(d.analysis.timeline.size()), QString::number(alarmed),
                moved.isEmpty() ? tr("none") : movedText});
    }
    h += QStringLiteral("</table>\n");
    h += QStringLiteral("<p class=\"meta\">%1</p>\n")
             .arg(tr("Each device's predictions in windows of %n, per predicted class against the "
                     "training rows of that class: KS with Benjamini-Hochberg at α = %1.",
                     nullptr, static_cast<int>(data.liveDrift.front().analysis.windowRows))
                      .arg(data.liveDrift.front().analysis.report.alpha));
    h += QStringLiteral("<p>%1</p>\n<p>%2</p>\n")
             .arg(img(base, QStringLiteral("live_drift_timeline"),
                      tr("Drift score per window of %1").arg(data.liveDrift.front().device)),
                  img(base, QStringLiteral("live_drift_histogram"),
                      tr("Reference vs live histogram")));
  } else {
    h += QStringLiteral("<p class=\"na\">%1</p>\n")
             .arg(tr("The devices were not watched (Drift → Live devices)."));
  }

  // ---- Fleet latency ----------------------------------------------------------------------
  h += QStringLiteral("<h2>%1</h2>\n").arg(tr("Latency on the devices"));
  if (data.fleetLatency) {
    const audit::FleetLatency& f = data.fleetLatency->analysis;
    h += QStringLiteral("<table>\n") +
         row({tr("Device"), tr("Model"), tr("Heartbeats"), QStringLiteral("p50 (µs)"),
              QStringLiteral("p99 (µs)"), tr("decode / features / inference / publish (µs)")},
             QStringLiteral("th"));
    for (const audit::DeviceLatency& d : f.devices) {
      QStringList stages;
      for (const std::string& st : audit::latencyStages()) {
        auto it = d.stagesUs.find(st);
        stages << (it != d.stagesUs.end() ? num(it->second, 0) : QStringLiteral("-"));
      }
      h += row({esc(d.device), esc(d.modelSha256.substr(0, 12)), QString::number(d.heartbeats),
                num(d.p50Us, 1), num(d.p99Us, 1), stages.join(QStringLiteral(" / "))});
    }
    h += QStringLiteral("</table>\n");
    const auto regressions = f.regressions();
    if (regressions.empty()) {
      h += QStringLiteral("<p>%1</p>\n").arg(tr("No latency regression between model versions."));
    } else {
      for (const audit::LatencyRegression* r : regressions)
        h += QStringLiteral("<p class=\"bad\">%1</p>\n")
                 .arg(tr("Regression on %1: %2 → %3, p50 %4 → %5 µs (×%6, "
                         "Mann-Whitney p = %7)")
                          .arg(esc(r->device), esc(r->beforeSha256.substr(0, 12)),
                               esc(r->afterSha256.substr(0, 12)), num(r->beforeP50Us, 1),
                               num(r->afterP50Us, 1), num(r->ratio, 2), pValue(r->pValue)));
    }
    h += QStringLiteral("<p class=\"meta\">%1</p>\n")
             .arg(tr("A new version is a regression when the median p50 of its first %1 "
                     "heartbeats is more than %2 % above that of the previous version's last %1 "
                     "and a one-sided Mann-Whitney test gives p < %3.")
                      .arg(f.rule.heartbeats)
                      .arg(f.rule.minIncrease * 100.0, 0, 'f', 0)
                      .arg(f.rule.alpha));
    h += QStringLiteral("<p>%1</p>\n<p>%2</p>\n")
             .arg(img(base, QStringLiteral("fleet_latency"), tr("Latency per heartbeat")),
                  img(base, QStringLiteral("fleet_stages"), tr("Stage breakdown")));
  } else {
    h += QStringLiteral("<p class=\"na\">%1</p>\n").arg(tr("No heartbeats in the project."));
  }
  h += QStringLiteral("</body></html>\n");
  return h;
}

Result<AuditReportFiles> AuditReport::write(const AuditReportData& data, const QString& htmlPath) {
  QString path = htmlPath;
  if (!path.endsWith(QStringLiteral(".html"), Qt::CaseInsensitive) &&
      !path.endsWith(QStringLiteral(".htm"), Qt::CaseInsensitive))
    path += QStringLiteral(".html");
  const QFileInfo info(path);
  if (!QDir().mkpath(info.absolutePath()))
    return Error("cannot create the folder " + info.absolutePath().toStdString());
  const QString base = info.completeBaseName();
  AuditReportFiles files;
  files.html = info.absoluteFilePath();
  for (const Figure& f : figuresOf(data)) {
    QCustomPlot plot;
    plot.resize(kImageWidth, kImageHeight);
    f.draw(&plot);
    const QString png =
        info.absoluteDir().filePath(base + QStringLiteral("_") + f.name + QStringLiteral(".png"));
    if (!plot.savePng(png, kImageWidth, kImageHeight))
      return Error("cannot write the image " + png.toStdString());
    files.images << png;
  }
  QFile out(files.html);
  if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
    return Error("cannot write " + files.html.toStdString() + ": " +
                 out.errorString().toStdString());
  const QByteArray text = html(data, base).toUtf8();
  if (out.write(text) != text.size()) return Error("cannot write " + files.html.toStdString());
  return files;
}

}  // namespace edgewise::gui
