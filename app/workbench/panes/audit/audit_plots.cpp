#include "app/workbench/panes/audit/audit_plots.h"

#include <algorithm>
#include <cmath>

#include "app/workbench/widgets/qcustomplot_include.h"

namespace edgewise::gui {

namespace {

const QColor kReference(0x1f, 0x77, 0xb4);
const QColor kLive(0xe6, 0x7e, 0x22);
const QColor kAlarm(0xc6, 0x28, 0x28);

QColor attackColor(training::AttackKind kind) {
  switch (kind) {
    case training::AttackKind::Fgsm:
      return QColor(0x1f, 0x77, 0xb4);
    case training::AttackKind::Pgd:
      return QColor(0xd6, 0x27, 0x28);
    case training::AttackKind::DeepFool:
      return QColor(0x2c, 0xa0, 0x2c);
    case training::AttackKind::CarliniWagner:
      return QColor(0x94, 0x67, 0xbd);
  }
  return Qt::black;
}

QCPGraph* lineGraph(QCustomPlot* plot, const QColor& color, const QString& name,
                    const std::vector<double>& x, const std::vector<double>& y,
                    double yScale = 1.0) {
  auto* g = plot->addGraph();
  g->setName(name);
  g->setPen(QPen(color, 2));
  g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, color, Qt::white, 7));
  for (size_t i = 0; i < x.size() && i < y.size(); ++i) g->addData(x[i], yScale * y[i]);
  return g;
}

void showLegend(QCustomPlot* plot, Qt::Alignment where) {
  plot->legend->setVisible(true);
  plot->legend->setBrush(QColor(255, 255, 255, 220));
  plot->axisRect()->insetLayout()->setInsetAlignment(0, where);
}

QString faultLabel(robustness::FaultKind kind) {
  return QString::fromStdString(robustness::faultName(kind)).replace(u'_', u' ');
}

}  // namespace

void AuditPlots::reset(QCustomPlot* plot) {
  plot->clearPlottables();
  plot->clearItems();
  for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
    axis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    axis->setScaleType(QCPAxis::stLinear);
    axis->setLabel(QString());
  }
  plot->legend->setVisible(false);
  plot->legend->clearItems();
  // faultCurves() moves the legend into a column of its own: put it back into the axis rect.
  if (plot->legend->layout() != plot->axisRect()->insetLayout()) {
    QCPLayout* column = plot->legend->layout();
    plot->axisRect()->insetLayout()->addElement(plot->legend, Qt::AlignTop | Qt::AlignRight);
    if (column) {
      plot->plotLayout()->remove(column);
      plot->plotLayout()->simplify();
    }
  }
  setTitle(plot, QString());
}

void AuditPlots::setTitle(QCustomPlot* plot, const QString& title) {
  QCPLayoutGrid* layout = plot->plotLayout();
  auto* existing =
      layout->rowCount() > 1 ? qobject_cast<QCPTextElement*>(layout->element(0, 0)) : nullptr;
  if (title.isEmpty()) {
    if (existing) {
      layout->remove(existing);
      layout->simplify();
    }
    return;
  }
  if (existing) {
    existing->setText(title);
    return;
  }
  layout->insertRow(0);
  QFont font = plot->font();
  font.setBold(true);
  layout->addElement(0, 0, new QCPTextElement(plot, title, font));
}

void AuditPlots::featureHistogram(QCustomPlot* plot, const DriftAnalysis& drift, int feature) {
  reset(plot);
  if (feature < 0 || static_cast<size_t>(feature) >= drift.reference.columns()) {
    setTitle(plot, tr("Pick a feature in the table"));
    plot->replot(QCustomPlot::rpQueuedReplot);
    return;
  }
  const size_t f = static_cast<size_t>(feature);
  const PairedHistogram h =
      pairedHistogram(columnOf(drift.reference, f), columnOf(drift.live, f), 30);
  auto* ref = new QCPBars(plot->xAxis, plot->yAxis);
  auto* live = new QCPBars(plot->xAxis, plot->yAxis);
  ref->setName(tr("Reference (%n rows)", nullptr, static_cast<int>(drift.reference.rows)));
  live->setName(tr("Live (%n rows)", nullptr, static_cast<int>(drift.live.rows)));
  QColor refFill = kReference, liveFill = kLive;
  refFill.setAlpha(120);
  liveFill.setAlpha(120);
  ref->setBrush(refFill);
  live->setBrush(liveFill);
  ref->setPen(QPen(kReference));
  live->setPen(QPen(kLive));
  double top = 0.0;
  for (size_t i = 0; i < h.a.size(); ++i) {
    const double x = h.lo + (static_cast<double>(i) + 0.5) * h.width;
    ref->addData(x, h.a[i]);
    live->addData(x, h.b[i]);
    top = std::max({top, h.a[i], h.b[i]});
  }
  ref->setWidth(h.width);
  live->setWidth(h.width);
  plot->xAxis->setRange(h.lo - h.width, h.lo + (static_cast<double>(h.a.size()) + 1) * h.width);
  plot->yAxis->setRange(0, top * 1.15 + 1e-12);
  plot->xAxis->setLabel(QString::fromStdString(drift.reference.names[f]));
  plot->yAxis->setLabel(tr("Density"));
  showLegend(plot, Qt::AlignTop | Qt::AlignRight);
  const bool drifted = f < drift.report.features.size() && drift.report.features[f].drift;
  setTitle(plot,
           drifted
               ? tr("%1: reference vs live (drifted)")
                     .arg(QString::fromStdString(drift.reference.names[f]))
               : tr("%1: reference vs live").arg(QString::fromStdString(drift.reference.names[f])));
  plot->replot(QCustomPlot::rpQueuedReplot);
}

void AuditPlots::driftTimeline(QCustomPlot* plot, const DriftAnalysis& drift, int feature) {
  reset(plot);
  const double threshold = pScore(drift.report.alpha);
  double top = threshold * 1.5;
  auto* overall = plot->addGraph();
  overall->setName(tr("Window score (all features)"));
  overall->setPen(QPen(QColor(0x44, 0x44, 0x44), 2));
  QCPGraph* selected = nullptr;
  const bool hasFeature = feature >= 0 && static_cast<size_t>(feature) < drift.reference.columns();
  if (hasFeature) {
    selected = plot->addGraph();
    selected->setName(QString::fromStdString(drift.reference.names[size_t(feature)]));
    selected->setPen(QPen(kLive, 1.5, Qt::DashLine));
  }
  auto* alarms = plot->addGraph();
  alarms->setName(tr("Alarm"));
  alarms->setLineStyle(QCPGraph::lsNone);
  alarms->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssTriangle, kAlarm, kAlarm, 10));
  for (size_t k = 0; k < drift.timeline.size(); ++k) {
    const DriftWindow& w = drift.timeline[k];
    const double x = static_cast<double>(k + 1);
    const double s = std::min(w.score, 50.0);  // p ~ 1e-300 would flatten everything else
    overall->addData(x, s);
    if (selected) selected->addData(x, std::min(w.featureScores[size_t(feature)], 50.0));
    if (w.alarm) alarms->addData(x, s);
    top = std::max(top, s);
  }
  auto* line = new QCPItemStraightLine(plot);
  line->point1->setCoords(0, threshold);
  line->point2->setCoords(1, threshold);
  line->setPen(QPen(kAlarm, 1, Qt::DotLine));
  auto* label = new QCPItemText(plot);
  label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
  label->position->setCoords(0.6, threshold);
  label->setText(tr("alarm level (\u03b1 = %1)").arg(drift.report.alpha));
  label->setColor(kAlarm);
  plot->xAxis->setRange(0.5,
                        std::max<double>(1.5, static_cast<double>(drift.timeline.size()) + 0.5));
  plot->yAxis->setRange(0, top * 1.45);  // the legend sits above the highest window
  auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
  ticker->setTickStep(1.0);
  ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
  plot->xAxis->setTicker(ticker);
  plot->xAxis->setLabel(
      tr("Live window (%n rows each)", nullptr, static_cast<int>(drift.windowRows)));
  plot->yAxis->setLabel(tr("Drift score \u2212log\u2081\u2080(adjusted p)"));
  showLegend(plot, Qt::AlignTop | Qt::AlignLeft);
  int alarmCount = 0;
  for (const DriftWindow& w : drift.timeline) alarmCount += w.alarm ? 1 : 0;
  setTitle(plot, tr("Drift over time: %1 of %n windows raised an alarm", nullptr,
                    static_cast<int>(drift.timeline.size()))
                     .arg(alarmCount));
  plot->replot(QCustomPlot::rpQueuedReplot);
}

QString AuditPlots::curveName(const training::RobustnessCurve& curve) {
  QString kind;
  switch (curve.kind) {
    case training::AttackKind::Fgsm:
      kind = QStringLiteral("FGSM");
      break;
    case training::AttackKind::Pgd:
      kind = QStringLiteral("PGD");
      break;
    case training::AttackKind::DeepFool:
      kind = QStringLiteral("DeepFool");
      break;
    case training::AttackKind::CarliniWagner:
      kind = QStringLiteral("CW");
      break;
  }
  return kind + (curve.norm == training::AttackNorm::Linf ? QStringLiteral(" (L\u221e)")
                                                          : QStringLiteral(" (L2)"));
}

void AuditPlots::robustnessCurves(QCustomPlot* plot, const robustness::RobustnessReport& r) {
  reset(plot);
  std::vector<const training::RobustnessCurve*> curves;
  auto add = [&](const std::optional<training::RobustnessCurve>& c) {
    if (!c) return;
    for (const training::RobustnessCurve* have : curves)
      if (have->kind == c->kind && have->norm == c->norm) return;
    curves.push_back(&*c);
  };
  add(r.attack);
  add(r.fgsm);
  add(r.pgd);
  double maxEps = 0.0;
  // The requested attack last, on top; FGSM dashed so that PGD shows where they coincide.
  for (auto it = curves.rbegin(); it != curves.rend(); ++it) {
    const training::RobustnessCurve* c = *it;
    QCPGraph* g = lineGraph(plot, attackColor(c->kind), curveName(*c), c->eps, c->accuracy, 100.0);
    if (c->kind == training::AttackKind::Fgsm && curves.size() > 1) {
      QPen pen = g->pen();
      pen.setStyle(Qt::DashLine);
      g->setPen(pen);
    }
    if (!c->eps.empty()) maxEps = std::max(maxEps, c->eps.back());
  }
  auto* clean = new QCPItemStraightLine(plot);
  clean->point1->setCoords(0, 100.0 * r.cleanAccuracy);
  clean->point2->setCoords(1, 100.0 * r.cleanAccuracy);
  clean->setPen(QPen(Qt::gray, 1, Qt::DashLine));
  auto* label = new QCPItemText(plot);
  label->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
  label->position->setCoords(maxEps > 0 ? maxEps : 1.0, 100.0 * r.cleanAccuracy);
  label->setText(tr("clean %1%").arg(100.0 * r.cleanAccuracy, 0, 'f', 1));
  label->setColor(Qt::darkGray);
  const double pad = maxEps > 0 ? maxEps * 0.04 : 0.05;
  plot->xAxis->setRange(-pad, (maxEps > 0 ? maxEps : 1.0) + pad);
  plot->yAxis->setRange(0, 105);
  plot->xAxis->setLabel(r.epsUnit == "std" ? tr("\u03b5 (standard deviations per channel)")
                                           : tr("\u03b5 (model input units)"));
  plot->yAxis->setLabel(tr("Robust accuracy (%)"));
  // Curves fall from the top left: the bottom left corner is free.
  if (!curves.empty()) showLegend(plot, Qt::AlignBottom | Qt::AlignLeft);
  setTitle(plot, curves.empty() ? tr("No attack run") : tr("Robust accuracy against \u03b5"));
  plot->replot(QCustomPlot::rpQueuedReplot);
}

void AuditPlots::faultCurves(QCustomPlot* plot, const robustness::RobustnessReport& r) {
  reset(plot);
  static const QColor kColors[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e),
                                   QColor(0x2c, 0xa0, 0x2c), QColor(0xd6, 0x27, 0x28),
                                   QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                                   QColor(0xe3, 0x77, 0xc2)};
  int shown = 0;
  for (const robustness::FaultCurve& c : r.faults) {
    if (!c.applicable || c.severity.empty()) continue;
    const double top = std::max(c.severity.back(), 1e-12);
    std::vector<double> x;
    for (double s : c.severity) x.push_back(s / top);
    lineGraph(plot, kColors[shown % 7],
              tr("%1 (\u2264 %2 %3)")
                  .arg(faultLabel(c.kind))
                  .arg(c.severity.back())
                  .arg(QString::fromStdString(robustness::severityUnit(c.kind))),
              x, c.accuracy, 100.0);
    ++shown;
  }
  plot->xAxis->setRange(-0.03, 1.03);
  plot->yAxis->setRange(0, 105);
  plot->xAxis->setLabel(tr("Severity (fraction of the largest tested)"));
  plot->yAxis->setLabel(tr("Accuracy (%)"));
  if (shown > 0) {
    // Seven entries do not fit inside the axis rect: a column to its right.
    plot->legend->setVisible(true);
    QFont small = plot->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    plot->legend->setFont(small);
    plot->legend->setRowSpacing(0);
    plot->legend->setBorderPen(Qt::NoPen);
    auto* column = new QCPLayoutGrid;
    plot->plotLayout()->addElement(plot->plotLayout()->rowCount() - 1, 1, column);
    plot->plotLayout()->setColumnStretchFactor(1, 0.001);
    column->addElement(0, 0, plot->legend);                // moves it out of the inset layout
    column->addElement(1, 0, new QCPLayoutElement(plot));  // takes the height the rows leave
    column->setRowStretchFactors({0.001, 1.0});
    column->setMargins(QMargins(0, 10, 6, 10));
  }
  setTitle(plot, shown > 0 ? tr("Accuracy under IoT faults")
                           : tr("IoT faults: not run (tick “Fault curves”)"));
  plot->replot(QCustomPlot::rpQueuedReplot);
}

void AuditPlots::poisonCurve(QCustomPlot* plot, const robustness::RobustnessReport& r) {
  reset(plot);
  if (r.poison && !r.poison->fraction.empty()) {
    std::vector<double> x;
    for (double f : r.poison->fraction) x.push_back(100.0 * f);
    lineGraph(plot, QColor(0x8c, 0x56, 0x4b), tr("Retrained on flipped labels"), x,
              r.poison->accuracy, 100.0);
    plot->xAxis->setRange(-1, x.back() + 1);
    showLegend(plot, Qt::AlignBottom | Qt::AlignLeft);
    setTitle(plot, tr("Label-flip poisoning"));
  } else {
    plot->xAxis->setRange(0, 30);
    setTitle(plot, tr("Label flips: not run (tick “Label-flip poisoning”)"));
  }
  plot->yAxis->setRange(0, 105);
  plot->xAxis->setLabel(tr("Training labels flipped (%)"));
  plot->yAxis->setLabel(tr("Clean test accuracy (%)"));
  plot->replot(QCustomPlot::rpQueuedReplot);
}

void AuditPlots::latencyHistogram(QCustomPlot* plot, const training::LatencyBenchmark& b) {
  reset(plot);
  const std::vector<double>& s = b.samplesUs;
  const training::LatencyStats& l = b.latency;
  if (s.empty()) {
    setTitle(plot, tr("No latency measured"));
    plot->replot(QCustomPlot::rpQueuedReplot);
    return;
  }
  const double lo = *std::min_element(s.begin(), s.end());
  const double cap = std::max(lo + 1e-3, std::min(l.maxUs, 1.5 * l.p99Us));
  constexpr int kBins = 50;
  const double width = (cap - lo) / kBins;
  std::vector<double> counts(kBins, 0.0);
  int tail = 0;
  for (double v : s) {
    if (v > cap) {
      ++tail;
      continue;
    }
    counts[size_t(std::clamp(static_cast<int>((v - lo) / width), 0, kBins - 1))] += 1.0;
  }
  auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
  bars->setName(tr("Runs"));
  QColor fill = kReference;
  fill.setAlpha(170);
  bars->setBrush(fill);
  bars->setPen(Qt::NoPen);
  bars->setWidth(width);
  double top = 1.0;
  for (int i = 0; i < kBins; ++i) {
    bars->addData(lo + (i + 0.5) * width, counts[size_t(i)]);
    top = std::max(top, counts[size_t(i)]);
  }
  plot->yAxis->setRange(0, top * 1.2);
  plot->xAxis->setRange(lo - width, cap + width);
  struct Mark {
    double value;
    const char* name;
    QColor color;
  };
  const Mark marks[] = {{l.p50Us, "p50", QColor(0x2c, 0xa0, 0x2c)},
                        {l.p90Us, "p90", QColor(0xff, 0x7f, 0x0e)},
                        {l.p99Us, "p99", kAlarm}};
  int i = 0;
  for (const Mark& m : marks) {
    auto* line = new QCPItemStraightLine(plot);
    line->point1->setCoords(m.value, 0);
    line->point2->setCoords(m.value, 1);
    line->setPen(QPen(m.color, 1.5, Qt::DashLine));
    auto* text = new QCPItemText(plot);
    text->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    text->position->setCoords(m.value, top * (1.17 - 0.08 * i++));
    text->setText(
        QStringLiteral(" %1 %2 \u00b5s").arg(QLatin1String(m.name)).arg(m.value, 0, 'f', 1));
    text->setColor(m.color);
  }
  plot->xAxis->setLabel(tr("Single-sample latency (\u00b5s)"));
  plot->yAxis->setLabel(tr("Runs"));
  setTitle(plot, tail > 0 ? tr("%n runs; %1 slower than %2 \u00b5s not shown", nullptr, l.runs)
                                .arg(tail)
                                .arg(cap, 0, 'f', 1)
                          : tr("%n runs", nullptr, l.runs));
  plot->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace edgewise::gui

namespace edgewise::gui {

namespace {

QColor deviceColor(size_t i) {
  static const QColor kColors[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xe6, 0x7e, 0x22),
                                   QColor(0x2c, 0xa0, 0x2c), QColor(0x94, 0x67, 0xbd),
                                   QColor(0x8c, 0x56, 0x4b), QColor(0xe3, 0x77, 0xc2),
                                   QColor(0x7f, 0x7f, 0x7f), QColor(0x17, 0xbe, 0xcf)};
  return kColors[i % (sizeof kColors / sizeof kColors[0])];
}

}  // namespace

void AuditPlots::fleetLatencyTimeline(QCustomPlot* plot, const FleetLatencyData& fleet,
                                      const QString& device) {
  reset(plot);
  if (fleet.rows.empty()) {
    setTitle(plot, tr("No heartbeats in the project yet"));
    plot->replot(QCustomPlot::rpQueuedReplot);
    return;
  }
  int64_t t0 = fleet.rows.front().tsUs;
  for (const auto& r : fleet.rows) t0 = std::min(t0, r.tsUs);
  double top = 1.0, right = 1.0;
  size_t shown = 0;
  for (size_t di = 0; di < fleet.analysis.devices.size(); ++di) {
    const std::string& id = fleet.analysis.devices[di].device;
    if (!device.isEmpty() && QString::fromStdString(id) != device) continue;
    const QColor color = deviceColor(di);
    auto* p50 = plot->addGraph();
    auto* p99 = plot->addGraph();
    p50->setName(tr("%1 p50").arg(QString::fromStdString(id)));
    p99->setName(tr("%1 p99").arg(QString::fromStdString(id)));
    p50->setPen(QPen(color, 2));
    p99->setPen(QPen(color, 1, Qt::DashLine));
    if (shown >= 4) {
      // More than four devices: keep the legend short.
      p50->removeFromLegend();
      p99->removeFromLegend();
    }
    for (const auto& r : fleet.rows) {
      if (r.device != id || r.latencyP50Us <= 0.0) continue;
      const double x = static_cast<double>(r.tsUs - t0) / 1e6;
      p50->addData(x, r.latencyP50Us);
      p99->addData(x, r.latencyP99Us);
      top = std::max(top, r.latencyP99Us);
      right = std::max(right, x);
    }
    ++shown;
  }
  auto* changes = plot->addGraph();
  changes->setName(tr("New model version"));
  changes->setLineStyle(QCPGraph::lsNone);
  changes->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, QColor(0x44, 0x44, 0x44),
                                           QColor(0x44, 0x44, 0x44), 9));
  auto* regressions = plot->addGraph();
  regressions->setName(tr("Regression"));
  regressions->setLineStyle(QCPGraph::lsNone);
  regressions->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssTriangle, kAlarm, kAlarm, 11));
  int regressionCount = 0;
  for (const auto& c : fleet.analysis.versionChanges) {
    if (!device.isEmpty() && QString::fromStdString(c.device) != device) continue;
    const double x = static_cast<double>(c.switchedUs - t0) / 1e6;
    (c.regression ? regressions : changes)->addData(x, c.afterP50Us);
    regressionCount += c.regression ? 1 : 0;
  }
  plot->xAxis->setRange(0, right * 1.02);
  plot->yAxis->setRange(0, top * 1.35);
  plot->xAxis->setLabel(tr("Time since the first heartbeat (s)"));
  plot->yAxis->setLabel(tr("Inference latency (\u00b5s)"));
  showLegend(plot, Qt::AlignTop | Qt::AlignLeft);
  setTitle(plot, device.isEmpty()
                     ? tr("Fleet latency per heartbeat: %n regression(s)", nullptr, regressionCount)
                     : tr("%1: latency per heartbeat, %n regression(s)", nullptr, regressionCount)
                           .arg(device));
  plot->replot(QCustomPlot::rpQueuedReplot);
}

void AuditPlots::fleetLatencyHistogram(QCustomPlot* plot, const FleetLatencyData& fleet,
                                       const QString& device) {
  reset(plot);
  std::vector<double> v;
  for (const auto& r : fleet.rows)
    if ((device.isEmpty() || QString::fromStdString(r.device) == device) && r.latencyP50Us > 0.0)
      v.push_back(r.latencyP50Us);
  if (v.empty()) {
    setTitle(plot, tr("No heartbeats with a running model"));
    plot->replot(QCustomPlot::rpQueuedReplot);
    return;
  }
  const double lo = *std::min_element(v.begin(), v.end());
  const double hi = std::max(lo + 1.0, *std::max_element(v.begin(), v.end()));
  constexpr int kBins = 30;
  const double width = (hi - lo) / kBins;
  std::vector<double> counts(kBins, 0.0);
  for (double x : v)
    counts[size_t(std::clamp(static_cast<int>((x - lo) / width), 0, kBins - 1))] += 1;
  auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
  QColor fill = kReference;
  fill.setAlpha(170);
  bars->setBrush(fill);
  bars->setPen(Qt::NoPen);
  bars->setWidth(width);
  double top = 1.0;
  for (int i = 0; i < kBins; ++i) {
    bars->addData(lo + (i + 0.5) * width, counts[size_t(i)]);
    top = std::max(top, counts[size_t(i)]);
  }
  plot->xAxis->setRange(lo - width, hi + width);
  plot->yAxis->setRange(0, top * 1.2);
  plot->xAxis->setLabel(tr("Heartbeat p50 (\u00b5s)"));
  plot->yAxis->setLabel(tr("Heartbeats"));
  setTitle(plot, tr("%1: p50 of %n heartbeat(s)", nullptr, static_cast<int>(v.size()))
                     .arg(device.isEmpty() ? tr("All devices") : device));
  plot->replot(QCustomPlot::rpQueuedReplot);
}

void AuditPlots::stageBreakdown(QCustomPlot* plot, const FleetLatencyData& fleet) {
  reset(plot);
  const auto& devices = fleet.analysis.devices;
  if (devices.empty()) {
    setTitle(plot, tr("No heartbeats in the project yet"));
    plot->replot(QCustomPlot::rpQueuedReplot);
    return;
  }
  const QColor colors[] = {QColor(0x9e, 0xc5, 0xe8), QColor(0x2c, 0xa0, 0x2c), kReference, kLive};
  QCPBars* below = nullptr;
  std::vector<double> totals(devices.size(), 0.0);
  const auto& stages = audit::latencyStages();
  for (size_t s = 0; s < stages.size(); ++s) {
    auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
    bars->setName(QString::fromStdString(stages[s]));
    bars->setBrush(colors[s % 4]);
    bars->setPen(QPen(colors[s % 4].darker(130)));
    bars->setWidth(0.6);
    if (below) bars->moveAbove(below);
    for (size_t d = 0; d < devices.size(); ++d) {
      auto it = devices[d].stagesUs.find(stages[s]);
      const double us = it != devices[d].stagesUs.end() ? it->second : 0.0;
      bars->addData(static_cast<double>(d + 1), us);
      totals[d] += us;
    }
    below = bars;
  }
  auto ticker = QSharedPointer<QCPAxisTickerText>::create();
  for (size_t d = 0; d < devices.size(); ++d)
    ticker->addTick(static_cast<double>(d + 1), QString::fromStdString(devices[d].device));
  plot->xAxis->setTicker(ticker);
  plot->xAxis->setTickLabelRotation(devices.size() > 6 ? 45 : 0);
  plot->xAxis->setRange(0.3, static_cast<double>(devices.size()) + 0.7);
  plot->yAxis->setRange(0, *std::max_element(totals.begin(), totals.end()) * 1.7 + 1e-9);
  plot->yAxis->setLabel(tr("Median per window (\u00b5s)"));
  showLegend(plot, Qt::AlignTop | Qt::AlignLeft);
  setTitle(plot, tr("Path per device: sensor \u2192 publish"));
  plot->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace edgewise::gui
