#pragma once
// The Audit pane's plots, drawn from results alone: the pane's views and the one-page report
// (audit_report.h, which renders the same plots off screen and saves them as PNG) call the
// same functions, so the report shows what the pane shows.

#include <QCoreApplication>
#include <QString>

#include "app/workbench/panes/audit/audit_data.h"

class QCustomPlot;

namespace edgewise::gui {

class AuditPlots {
  Q_DECLARE_TR_FUNCTIONS(AuditPlots)

 public:
  // Clears plottables, items and the title; linear axes with default tickers.
  static void reset(QCustomPlot* plot);
  static void setTitle(QCustomPlot* plot, const QString& title);

  // Reference vs live densities of one feature of the analysis (bars on common bins).
  static void featureHistogram(QCustomPlot* plot, const DriftAnalysis& drift, int feature);
  // Drift score per live window (and the selected feature's, when feature >= 0), the alarm
  // threshold -log10(alpha) and a marker on every window that raised an alarm.
  static void driftTimeline(QCustomPlot* plot, const DriftAnalysis& drift, int feature);

  // Robust accuracy (%) against epsilon: the requested attack, FGSM and PGD together, and the
  // clean accuracy as a dashed line.
  static void robustnessCurves(QCustomPlot* plot, const robustness::RobustnessReport& report);
  // Accuracy under each IoT fault against its severity (as a fraction of the largest tested).
  static void faultCurves(QCustomPlot* plot, const robustness::RobustnessReport& report);
  // Clean test accuracy of the model retrained on label-flipped data.
  static void poisonCurve(QCustomPlot* plot, const robustness::RobustnessReport& report);

  // Histogram of the timed runs with the p50 / p90 / p99 lines; the tail beyond 1.5x p99 is
  // counted in the title instead of stretching the axis.
  static void latencyHistogram(QCustomPlot* plot, const training::LatencyBenchmark& latency);

  // Fleet latency from heartbeats: p50 (solid) and p99 (dashed) per device over time (device
  // empty: every device), a marker where a device's model version changed (red: regression).
  static void fleetLatencyTimeline(QCustomPlot* plot, const FleetLatencyData& fleet,
                                   const QString& device);
  // Histogram of the heartbeats' p50 of one device (or all), current model version first.
  static void fleetLatencyHistogram(QCustomPlot* plot, const FleetLatencyData& fleet,
                                    const QString& device);
  // Stacked bars per device: median decode / features / inference / publish time.
  static void stageBreakdown(QCustomPlot* plot, const FleetLatencyData& fleet);

  // The attack's display name: "FGSM (L\u221e)".
  static QString curveName(const training::RobustnessCurve& curve);
};

}  // namespace edgewise::gui
