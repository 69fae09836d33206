#include "app/workbench/panes/audit/audit_data.h"

#include <algorithm>
#include <cmath>

namespace edgewise::gui {

namespace {

bool isCancelled(const std::atomic<bool>* cancel) {
  return cancel && cancel->load(std::memory_order_relaxed);
}

}  // namespace

double pScore(double p) {
  if (!std::isfinite(p)) return 0.0;
  return -std::log10(std::max(p, 1e-300));
}

std::vector<double> columnOf(const audit::FeatureTable& table, size_t column) {
  std::vector<double> out;
  if (column >= table.columns()) return out;
  out.reserve(table.rows);
  for (size_t r = 0; r < table.rows; ++r) out.push_back(table.at(r, column));
  return out;
}

PairedHistogram pairedHistogram(const std::vector<double>& a, const std::vector<double>& b,
                                int bins) {
  PairedHistogram h;
  bins = std::max(1, bins);
  double lo = INFINITY, hi = -INFINITY;
  for (const std::vector<double>* v : {&a, &b})
    for (double x : *v) {
      lo = std::min(lo, x);
      hi = std::max(hi, x);
    }
  if (!std::isfinite(lo)) return h;
  if (hi <= lo) {  // one value: a bin of width 1 around it
    lo -= 0.5;
    hi += 0.5;
  }
  h.lo = lo;
  h.width = (hi - lo) / bins;
  auto fill = [&](const std::vector<double>& v, std::vector<double>& out) {
    out.assign(static_cast<size_t>(bins), 0.0);
    if (v.empty()) return;
    for (double x : v) {
      const int i = std::clamp(static_cast<int>((x - lo) / h.width), 0, bins - 1);
      out[static_cast<size_t>(i)] += 1.0;
    }
    for (double& c : out) c /= static_cast<double>(v.size()) * h.width;
  };
  fill(a, h.a);
  fill(b, h.b);
  return h;
}

Result<DriftAnalysis> analyzeDrift(const audit::FeatureTable& reference,
                                   const audit::FeatureTable& live,
                                   const DriftAnalysisOptions& options,
                                   const std::function<void(double)>& progress,
                                   const std::atomic<bool>* cancel) {
  auto report = [&](double f) {
    if (progress) progress(f);
  };
  auto monitor = audit::DriftMonitor::create(reference, options.drift);
  if (!monitor.ok()) return monitor.error().wrap("the reference");
  auto whole = monitor->score(live);
  if (!whole.ok()) return whole.error().wrap("the live data");
  report(0.3);
  DriftAnalysis out;
  out.reference = reference;
  out.report = std::move(whole.value());
  // The live table in the reference's column order, for histograms and windows.
  out.live.names = reference.names;
  out.live.rows = live.rows;
  out.live.values.resize(live.rows * reference.columns());
  for (size_t c = 0; c < reference.columns(); ++c) {
    const auto it = std::find(live.names.begin(), live.names.end(), reference.names[c]);
    const size_t from = static_cast<size_t>(it - live.names.begin());
    for (size_t r = 0; r < live.rows; ++r)
      out.live.values[r * reference.columns() + c] = live.at(r, from);
  }

  // The timeline: consecutive windows, per-feature tests only (MMD is for the whole file).
  size_t w = options.windowRows;
  if (w == 0) w = std::max<size_t>(50, live.rows / 10);
  w = std::min(w, live.rows);
  out.windowRows = w;
  audit::DriftOptions perWindow = options.drift;
  perWindow.multivariate = false;
  auto windowMonitor = audit::DriftMonitor::create(reference, perWindow);
  if (!windowMonitor.ok()) return windowMonitor.error();
  const size_t cols = reference.columns();
  const size_t windows = w > 0 ? live.rows / w : 0;
  for (size_t k = 0; k < windows; ++k) {
    if (isCancelled(cancel)) return Error("cancelled");
    const auto first = out.live.values.begin() + static_cast<std::ptrdiff_t>(k * w * cols);
    std::vector<double> rows(first, first + static_cast<std::ptrdiff_t>(w * cols));
    auto scored = windowMonitor->score(rows, w);
    if (!scored.ok()) return scored.error().wrap("live window " + std::to_string(k + 1));
    DriftWindow dw;
    dw.start = k * w;
    dw.rows = w;
    dw.alarm = scored->drift;
    for (const audit::FeatureDrift& f : scored->features) {
      dw.featureScores.push_back(pScore(f.ksPAdjusted));
      dw.score = std::max(dw.score, dw.featureScores.back());
    }
    out.timeline.push_back(std::move(dw));
    report(0.3 + 0.7 * static_cast<double>(k + 1) / static_cast<double>(windows));
  }
  report(1.0);
  return out;
}

Result<DriftAnalysis> analyzeDrift(const QString& referencePath, const QString& livePath,
                                   const DriftAnalysisOptions& options,
                                   const std::function<void(double)>& progress,
                                   const std::atomic<bool>* cancel) {
  auto reference = audit::readFeatureCsv(referencePath.toStdString());
  if (!reference.ok()) return reference.error();
  auto live = audit::readFeatureCsv(livePath.toStdString());
  if (!live.ok()) return live.error();
  auto out = analyzeDrift(*reference, *live, options, progress, cancel);
  if (!out.ok()) return out.error();
  out->referencePath = referencePath;
  out->livePath = livePath;
  return out;
}

}  // namespace edgewise::gui
