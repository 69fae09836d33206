#include "app/workbench/panes/labeling/timeline_widget.h"

#include "app/workbench/panes/labeling/spectrogram.h"

#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLoggingCategory>
#include <QMouseEvent>
#include <QUndoCommand>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace edgewise::gui {

Q_LOGGING_CATEGORY(lcTimeline, "edgewise.gui.labeling.timeline")

namespace {

constexpr double kEdgeGrabPx = 5.0;
constexpr double kMinDragPx = 3.0;
const QString kSpanLayer = QStringLiteral("spans");
const QString kSpectrogramLayer = QStringLiteral("spectrogram");
constexpr int kSpectrogramWindow = 512;
constexpr double kSpanBandRatio = 0.06;  // label spans as a thin band atop the spectrogram

const QColor kChannelColors[] = {QColor(31, 119, 180),  QColor(214, 39, 40),  QColor(44, 160, 44),
                                 QColor(148, 103, 189), QColor(255, 127, 14), QColor(23, 190, 207),
                                 QColor(140, 86, 75),   QColor(227, 119, 194)};

// The undo commands call the model and then let the widget redraw; an error from the model
// (a store that refused a write) is reported and the command marked obsolete, so the stack
// drops it (the view shows what the model holds). When the model hands back the edit it made
// (takeLastEdit), undo and redo replay that edit instead of the inverse call.
class SegmentCommand : public QUndoCommand {
 protected:
  SegmentCommand(TimelineWidget* w, const QString& text, QUndoCommand* parent)
      : QUndoCommand(text, parent), m_w(w) {}
  TimelineLabelModel* model() const { return m_w->labelModel(); }
  // Returns false after reporting the error.
  bool check(const Result<void>& r) {
    if (r.ok()) return true;
    setObsolete(true);
    m_w->applyError(r.error());
    return false;
  }
  // Replays the model's own edit; false when there is none (use the inverse call).
  bool replay(bool forward) {
    if (!m_edit) return false;
    if (TimelineLabelModel* m = model())
      check(forward ? m->reapplyEdit(*m_edit) : m->revertEdit(*m_edit));
    m_w->refreshLabels();
    return true;
  }
  TimelineWidget* m_w;
  std::shared_ptr<TimelineEdit> m_edit;
};

class CreateSegmentCommand : public SegmentCommand {
 public:
  CreateSegmentCommand(TimelineWidget* w, TimelineSegment s)
      : SegmentCommand(w, TimelineWidget::tr("Create label"), nullptr), m_s(s) {}
  void redo() override {
    TimelineLabelModel* m = model();
    if (!m) return;
    if (m_edit) {
      if (!replay(true)) return;
    } else if (m_s.id == 0) {
      auto id = m->addSegment(m_s.startUs, m_s.endUs, m_s.classId);
      if (!id.ok()) {
        check(id.error());
        m_w->refreshLabels();
        return;
      }
      m_s.id = id.value();
      m_edit = m->takeLastEdit();
    } else if (!check(m->restoreSegment(m_s))) {
      m_w->refreshLabels();
      return;
    }
    m_w->setSelection({m_s.id});
    m_w->refreshLabels();
  }
  void undo() override {
    if (replay(false)) return;
    if (TimelineLabelModel* m = model(); m && m_s.id != 0) check(m->removeSegment(m_s.id));
    m_w->refreshLabels();
  }

 private:
  TimelineSegment m_s;
};

class UpdateSegmentCommand : public SegmentCommand {
 public:
  UpdateSegmentCommand(TimelineWidget* w, TimelineSegment before, TimelineSegment after,
                       const QString& text, QUndoCommand* parent = nullptr)
      : SegmentCommand(w, text, parent), m_before(before), m_after(after) {}
  void redo() override {
    if (replay(true)) return;
    apply(m_after);
    if (TimelineLabelModel* m = model(); m && !isObsolete()) m_edit = m->takeLastEdit();
  }
  void undo() override {
    if (!replay(false)) apply(m_before);
  }

 private:
  void apply(const TimelineSegment& s) {
    if (TimelineLabelModel* m = model()) check(m->updateSegment(s));
    m_w->refreshLabels();
  }
  TimelineSegment m_before, m_after;
};

class RemoveSegmentCommand : public SegmentCommand {
 public:
  RemoveSegmentCommand(TimelineWidget* w, TimelineSegment s, QUndoCommand* parent)
      : SegmentCommand(w, TimelineWidget::tr("Delete label"), parent), m_s(s) {}
  void redo() override {
    if (replay(true)) return;
    if (TimelineLabelModel* m = model()) {
      if (check(m->removeSegment(m_s.id))) m_edit = m->takeLastEdit();
    }
    m_w->refreshLabels();
  }
  void undo() override {
    if (replay(false)) return;
    if (TimelineLabelModel* m = model()) check(m->restoreSegment(m_s));
    m_w->refreshLabels();
  }

 private:
  TimelineSegment m_s;
};

}  // namespace

TimelineWidget::TimelineWidget(QWidget* parent) : QCustomPlot(parent) {
  setObjectName(QStringLiteral("timeline"));
  setFocusPolicy(Qt::StrongFocus);
  setMouseTracking(true);
  setMinimumHeight(200);
  // Thin-line antialiasing costs more than the rest of a frame; axes and text keep it.
  setNotAntialiasedElements(QCP::aeAll);
  setAntialiasedElements(QCP::aeAxes | QCP::aeItems);
  setInteractions({});  // the widget handles drag and zoom itself (spans take the left button)
  addLayer(kSpanLayer, layer(QStringLiteral("main")), QCustomPlot::limBelow);
  addLayer(kSpectrogramLayer, layer(kSpanLayer), QCustomPlot::limBelow);
  xAxis->setLabel(tr("Time (s)"));
  yAxis->setTickLabels(true);
  yAxis->grid()->setVisible(false);
  // After the layout: the column count is the axis rect's width in this frame (tick labels of
  // a new range can widen the margins, so the width before the layout may be stale).
  connect(this, &QCustomPlot::afterLayout, this, &TimelineWidget::updateGraphData);
  connect(xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this] {
    m_dataDirty = true;
    m_specDirty = true;
    if (m_specRect) m_specRect->axis(QCPAxis::atBottom)->setRange(xAxis->range());
    Q_EMIT viewChanged();
  });

  m_preview = new QCPItemRect(this);
  m_preview->setLayer(QStringLiteral("overlay"));
  m_preview->setVisible(false);
  m_preview->setSelectable(false);
  m_preview->topLeft->setTypeX(QCPItemPosition::ptPlotCoords);
  m_preview->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
  m_preview->bottomRight->setTypeX(QCPItemPosition::ptPlotCoords);
  m_preview->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
  m_preview->topLeft->setAxisRect(axisRect());
  m_preview->bottomRight->setAxisRect(axisRect());

  m_warning = new QLabel(this);
  m_warning->setObjectName(QStringLiteral("timestampWarning"));
  m_warning->setWordWrap(false);
  m_warning->setStyleSheet(
      QStringLiteral("QLabel { background: #fff3cd; color: #664d03; border: 1px solid #e0b84a;"
                     " border-radius: 3px; padding: 3px 8px; }"));
  m_warning->hide();
  retranslateUi();
}

TimelineWidget::~TimelineWidget() {
  // The commands refer to this widget and its model: drop them before either goes away.
  m_undo.clear();
}

void TimelineWidget::retranslateUi() {
  // With the spectrogram below, its time axis is the only one (the waveform's has no labels).
  xAxis->setLabel(m_specShown ? QString() : tr("Time (s)"));
  if (m_specRect) {
    m_specRect->axis(QCPAxis::atBottom)->setLabel(tr("Time (s)"));
    m_specRect->axis(QCPAxis::atLeft)->setLabel(tr("Frequency (Hz)"));
    m_specScale->axis()->setLabel(tr("dB"));
  }
  updateWarning();
}

void TimelineWidget::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QCustomPlot::changeEvent(event);
}

void TimelineWidget::applyError(const Error& error) {
  const QString text = QString::fromStdString(error.toString());
  qCWarning(lcTimeline) << "label edit failed:" << text;
  Q_EMIT errorOccurred(text);
}

int64_t TimelineWidget::usOf(double key) const {
  return m_originUs + static_cast<int64_t>(std::llround(key * 1e6));
}

double TimelineWidget::pixelOf(int64_t us) const {
  return xAxis->coordToPixel(keyOf(us));
}

QCPRange TimelineWidget::fullRange() const {
  if (!m_series || m_series->timestampsUs.empty()) return QCPRange(0, 1);
  const double end = keyOf(m_series->timestampsUs.back());
  return QCPRange(0, std::max(end, 1e-3));
}

// ---- series -----------------------------------------------------------------------------

void TimelineWidget::clearSeries() {
  m_series.reset();
  m_pyramid.clear();
  m_report = {};
  clearGraphs();
  m_graphs.clear();
  m_visible.clear();
  m_channelRange.clear();
  m_specDirty = true;
  updateWarning();
  replot(rpQueuedReplot);
}

void TimelineWidget::setSeries(std::shared_ptr<const TimelineSeries> series,
                               const QStringList& channelNames) {
  m_pyramid.clear();
  m_report = series ? checkTimestamps(series->timestampsUs) : TimestampReport{};
  if (series && m_report.backwards > 0) {
    // Plotting and decimation need time order: show a sorted copy, and warn about it.
    const auto& ts = series->timestampsUs;
    std::vector<int64_t> order(ts.size());
    std::iota(order.begin(), order.end(), int64_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&ts](int64_t a, int64_t b) { return ts[a] < ts[b]; });
    auto sorted = std::make_shared<TimelineSeries>();
    sorted->channels = series->channels;
    sorted->timestampsUs.resize(ts.size());
    sorted->values.resize(series->values.size());
    for (size_t i = 0; i < order.size(); ++i) {
      sorted->timestampsUs[i] = ts[order[i]];
      std::copy_n(series->values.begin() + order[i] * series->channels, series->channels,
                  sorted->values.begin() + static_cast<int64_t>(i) * series->channels);
    }
    series = std::move(sorted);
  }
  m_series = std::move(series);
  m_originUs = m_series && !m_series->timestampsUs.empty() ? m_series->timestampsUs.front() : 0;
  m_pyramid.build(m_series.get());
  const int channels = m_series ? m_series->channels : 0;
  m_channelNames = channelNames;
  for (int c = m_channelNames.size(); c < channels; ++c)
    m_channelNames << tr("channel %1").arg(c + 1);
  m_visible.assign(static_cast<size_t>(channels), true);
  m_channelRange.assign(static_cast<size_t>(channels), {0.f, 1.f});
  for (int c = 0; c < channels; ++c) {
    const MinMax mm = m_pyramid.rangeMinMax(c, 0, m_series->sampleCount());
    if (!mm.empty) m_channelRange[c] = {mm.min, mm.max};
  }
  m_unlabeledCursor = m_suggestionCursor = INT64_MIN;
  rebuildGraphs();
  const QCPRange full = fullRange();
  xAxis->setRange(full);
  updateWarning();
  refreshLabels();
}

void TimelineWidget::rebuildGraphs() {
  clearGraphs();
  m_graphs.clear();
  m_rawFed = false;
  const int channels = m_series ? m_series->channels : 0;
  for (int c = 0; c < channels; ++c) {
    QCPGraph* g = addGraph();
    g->setName(m_channelNames.value(c));
    g->setPen(QPen(kChannelColors[c % std::size(kChannelColors)], 1.0));
    g->setVisible(m_visible[c]);
    // Our own columns already hold two points per pixel; the baseline keeps QCustomPlot's
    // own defaults.
    g->setAdaptiveSampling(!m_decimate);
    m_graphs.push_back(g);
  }
  legend->setVisible(m_layout == ChannelLayout::Overlaid && channels > 0);
  updateYAxis();
  m_dataDirty = true;
}

void TimelineWidget::setChannelLayout(ChannelLayout layout) {
  if (m_layout == layout) return;
  m_layout = layout;
  m_rawFed = false;
  legend->setVisible(m_layout == ChannelLayout::Overlaid && !m_graphs.empty());
  updateYAxis();
  m_dataDirty = true;
  replot(rpQueuedReplot);
}

void TimelineWidget::setChannelVisible(int channel, bool visible) {
  if (channel < 0 || channel >= static_cast<int>(m_visible.size())) return;
  m_visible[channel] = visible;
  m_graphs[channel]->setVisible(visible);
  m_rawFed = false;
  updateYAxis();
  m_dataDirty = true;
  replot(rpQueuedReplot);
}

bool TimelineWidget::channelVisible(int channel) const {
  return channel >= 0 && channel < static_cast<int>(m_visible.size()) && m_visible[channel];
}

void TimelineWidget::setDecimation(bool on) {
  if (m_decimate == on) return;
  m_decimate = on;
  for (QCPGraph* g : m_graphs) g->setAdaptiveSampling(!on);
  m_rawFed = false;
  m_dataDirty = true;
}

double TimelineWidget::yOf(int channel, float v) const {
  if (m_layout == ChannelLayout::Overlaid) return v;
  // Stacked: each visible channel gets a band of height 1, the first one on top.
  int band = 0, bands = 0;
  for (int c = 0; c < static_cast<int>(m_visible.size()); ++c) {
    if (!m_visible[c]) continue;
    if (c < channel) ++band;
    ++bands;
  }
  const auto [lo, hi] = m_channelRange[channel];
  const double span = hi > lo ? hi - lo : 1.0;
  return (bands - 1 - band) + 0.08 + 0.84 * (v - lo) / span;
}

void TimelineWidget::updateYAxis() {
  if (m_layout == ChannelLayout::Stacked) {
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    int bands = 0;
    for (bool v : m_visible) bands += v ? 1 : 0;
    int band = 0;
    for (int c = 0; c < static_cast<int>(m_visible.size()); ++c) {
      if (!m_visible[c]) continue;
      ticker->addTick(bands - 1 - band + 0.5, m_channelNames.value(c));
      ++band;
    }
    yAxis->setTicker(ticker);
    yAxis->setRange(0, std::max(bands, 1));
    yAxis->setLabel(QString());
  } else {
    yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    float lo = 0, hi = 1;
    bool any = false;
    for (int c = 0; c < static_cast<int>(m_visible.size()); ++c) {
      if (!m_visible[c]) continue;
      lo = any ? std::min(lo, m_channelRange[c].first) : m_channelRange[c].first;
      hi = any ? std::max(hi, m_channelRange[c].second) : m_channelRange[c].second;
      any = true;
    }
    const double pad = hi > lo ? 0.05 * (hi - lo) : 1.0;
    yAxis->setRange(lo - pad, hi + pad);
    yAxis->setLabel(tr("Value"));
  }
}

void TimelineWidget::feedRaw() {
  // The baseline: every sample goes to QCustomPlot once; it culls and samples by itself.
  m_pointsFed = 0;
  const int channels = m_series->channels;
  const int64_t n = m_series->sampleCount();
  for (int c = 0; c < channels; ++c) {
    QVector<QCPGraphData> data(static_cast<int>(n));
    for (int64_t i = 0; i < n; ++i)
      data[i] = {keyOf(m_series->timestampsUs[i]), yOf(c, m_series->values[i * channels + c])};
    m_graphs[c]->data()->set(data, true);
    m_pointsFed += n;
  }
  m_rawFed = true;
}

void TimelineWidget::updateGraphData() {
  updateSpectrogram();
  if (!m_series || m_graphs.empty()) return;
  if (!m_decimate) {
    if (!m_rawFed) feedRaw();
    return;
  }
  const QCPRange range = xAxis->range();
  const int width = std::max(axisRect()->width(), 16);
  if (!m_dataDirty && m_fedWidth == width && range == m_fedRange) return;
  m_dataDirty = false;
  m_fedRange = range;
  m_fedWidth = width;
  m_pointsFed = 0;

  const int channels = m_series->channels;
  const int64_t n = m_series->sampleCount();
  const int64_t t0 = usOf(range.lower);
  const int64_t t1 = usOf(range.upper);
  const int64_t i0 = m_pyramid.lowerBound(static_cast<double>(t0));
  const int64_t i1 = m_pyramid.lowerBound(static_cast<double>(t1));
  QVector<QCPGraphData> data;
  if (i1 - i0 <= 2 * width) {
    // Zoomed in: the raw samples, one more on each side so lines run to the edges.
    const int64_t a = std::max<int64_t>(i0 - 1, 0), b = std::min<int64_t>(i1 + 1, n);
    for (int c = 0; c < channels; ++c) {
      if (!m_visible[c]) continue;
      data.resize(static_cast<int>(b - a));
      for (int64_t i = a; i < b; ++i)
        data[static_cast<int>(i - a)] = {keyOf(m_series->timestampsUs[i]),
                                         yOf(c, m_series->values[i * channels + c])};
      m_graphs[c]->data()->set(data, true);
      m_pointsFed += data.size();
    }
    return;
  }
  // One column per pixel: its min and max at the column's centre, plus the samples just
  // outside the view so the line enters and leaves at the right height.
  m_pyramid.columns(t0, t1, width, m_columns);
  const double colKey = (range.upper - range.lower) / width;
  for (int c = 0; c < channels; ++c) {
    if (!m_visible[c]) continue;
    data.clear();
    data.reserve(2 * width + 2);
    if (i0 > 0)
      data.push_back({keyOf(m_series->timestampsUs[i0 - 1]),
                      yOf(c, m_series->values[(i0 - 1) * channels + c])});
    for (int col = 0; col < width; ++col) {
      const MinMax& mm = m_columns[col * channels + c];
      if (mm.empty) continue;
      const double k = range.lower + (col + 0.5) * colKey;
      data.push_back({k, yOf(c, mm.min)});
      data.push_back({k, yOf(c, mm.max)});
    }
    if (i1 < n)
      data.push_back(
          {keyOf(m_series->timestampsUs[i1]), yOf(c, m_series->values[i1 * channels + c])});
    m_graphs[c]->data()->set(data, true);
    m_pointsFed += data.size();
  }
}

// ---- spectrogram --------------------------------------------------------------------------

bool TimelineWidget::inPlot(const QPointF& pos) const {
  const QPoint p = pos.toPoint();
  return axisRect()->rect().contains(p) || (m_specShown && m_specRect->rect().contains(p));
}

void TimelineWidget::setSpectrogramRate(double sampleRateHz) {
  m_specRate = sampleRateHz > 0 ? sampleRateHz : 0;
  placeSpectrogram();
}

void TimelineWidget::setSpectrogramVisible(bool on) {
  m_specWanted = on;
  placeSpectrogram();
}

void TimelineWidget::placeSpectrogram() {
  const bool show = m_specWanted && m_specRate > 0;
  if (!m_specRect) {
    if (!show) return;
    // Built on first use: the axis rect below the waveform, its colour map and scale.
    m_specRect = new QCPAxisRect(this);
    m_specRect->setObjectName(QStringLiteral("spectrogramRect"));
    QCPAxis* kx = m_specRect->axis(QCPAxis::atBottom);
    QCPAxis* fy = m_specRect->axis(QCPAxis::atLeft);
    kx->setRange(xAxis->range());
    fy->grid()->setVisible(false);
    kx->grid()->setVisible(false);
    m_specMap = new QCPColorMap(kx, fy);
    m_specMap->setLayer(kSpectrogramLayer);
    m_specMap->setInterpolate(false);
    m_specMap->setTightBoundary(false);
    m_specScale = new QCPColorScale(this);
    m_specScale->setType(QCPAxis::atRight);
    m_specScale->setBarWidth(10);
    m_specMap->setColorScale(m_specScale);
    QCPColorGradient g;
    g.setColorStops({{0.0, QColor(0, 0, 4)},
                     {0.25, QColor(87, 16, 110)},
                     {0.5, QColor(188, 55, 84)},
                     {0.75, QColor(249, 142, 9)},
                     {1.0, QColor(252, 255, 164)}});  // inferno
    m_specMap->setGradient(g);
    m_specMargins = new QCPMarginGroup(this);
    m_specRect->setMarginGroup(QCP::msAll, m_specMargins);
    m_specScale->setMarginGroup(QCP::msTop | QCP::msBottom, m_specMargins);
    retranslateUi();
  }
  if (show == m_specShown) {
    m_specRect->axis(QCPAxis::atLeft)->setRange(0, m_specRate / 2);
    m_specDirty = true;
    replot(rpQueuedReplot);
    return;
  }
  m_specShown = show;
  if (show) {
    plotLayout()->addElement(1, 0, m_specRect);
    plotLayout()->addElement(1, 1, m_specScale);
    plotLayout()->setRowStretchFactors({1.0, 1.0});
    axisRect()->setMarginGroup(QCP::msLeft | QCP::msRight, m_specMargins);
    m_specRect->axis(QCPAxis::atLeft)->setRange(0, m_specRate / 2);
    m_specRect->axis(QCPAxis::atBottom)->setRange(xAxis->range());
  } else {
    plotLayout()->take(m_specRect);
    plotLayout()->take(m_specScale);
    plotLayout()->simplify();
    axisRect()->setMarginGroup(QCP::msLeft | QCP::msRight, nullptr);
  }
  // One time axis for both plots: the spectrogram's; the waveform keeps its ticks unlabeled.
  xAxis->setTickLabels(!show);
  retranslateUi();
  m_specMap->setVisible(show);
  m_specRect->setVisible(show);
  m_specScale->setVisible(show);
  m_specDirty = true;
  m_dataDirty = true;
  refreshLabels();  // adds or drops the span bands
}

void TimelineWidget::updateSpectrogram() {
  if (!m_specShown || !m_specMap) return;
  const QCPRange range = xAxis->range();
  const int width = std::max(m_specRect->width(), 16);
  if (!m_specDirty && width == m_specFedWidth && range == m_specFedRange) return;
  m_specDirty = false;
  m_specFedRange = range;
  m_specFedWidth = width;
  if (!m_series || m_series->sampleCount() == 0 || m_series->channels < 1) {
    m_specMap->data()->clear();
    return;
  }
  // Channel 0 of the visible samples (plus half a window on each side), one frame per hop.
  const int channels = m_series->channels;
  const int64_t n = m_series->sampleCount();
  const int64_t i0 = m_pyramid.lowerBound(static_cast<double>(usOf(range.lower)));
  const int64_t i1 = std::max(m_pyramid.lowerBound(static_cast<double>(usOf(range.upper))), i0 + 1);
  const int64_t visible = i1 - i0;
  m_specHop = static_cast<int>(
      std::max<int64_t>({kSpectrogramWindow / 4, (visible + width - 1) / width, int64_t{1}}));
  const int64_t first = std::max<int64_t>(i0 - m_specHop, 0);
  const int64_t last = std::min<int64_t>(i1 + m_specHop, n - 1);
  std::vector<int64_t> centers;
  for (int64_t c = first; c <= last; c += m_specHop) centers.push_back(c);
  if (centers.size() < 2) centers.push_back(std::min<int64_t>(centers.back() + 1, n - 1));
  const int64_t a = std::max<int64_t>(first - kSpectrogramWindow / 2, 0);
  const int64_t b = std::min<int64_t>(last + kSpectrogramWindow / 2 + 1, n);
  std::vector<float> mono(static_cast<size_t>(b - a));
  for (int64_t i = a; i < b; ++i) mono[i - a] = m_series->values[i * channels];
  for (int64_t& c : centers) c -= a;
  const Spectrogram spec =
      computeSpectrogram(mono.data(), b - a, m_specRate, centers, kSpectrogramWindow);
  for (int64_t& c : centers) c += a;
  const double k0 = keyOf(m_series->timestampsUs[centers.front()]);
  const double k1 = keyOf(m_series->timestampsUs[centers.back()]);
  QCPColorMapData* data = m_specMap->data();
  data->setSize(spec.frames, spec.bins);
  data->setRange(QCPRange(k0, k1 > k0 ? k1 : k0 + 1e-6), QCPRange(0, spec.binHz * (spec.bins - 1)));
  float top = kSpectrogramFloorDb;
  for (int f = 0; f < spec.frames; ++f)
    for (int k = 0; k < spec.bins; ++k) {
      const float v = spec.db[static_cast<size_t>(f) * spec.bins + k];
      data->setCell(f, k, v);
      top = std::max(top, v);
    }
  // 80 dB of dynamic range below the loudest cell in view.
  m_specMap->setDataRange(QCPRange(top - 80.0, top));
}

// ---- warning bar ----------------------------------------------------------------------------

bool TimelineWidget::warningShown() const {
  return !m_warning->isHidden();
}
QString TimelineWidget::warningText() const {
  return m_warning->text();
}

void TimelineWidget::updateWarning() {
  if (!m_warning) return;
  QStringList parts;
  if (m_report.gaps > 0)
    parts << tr("%n gap(s) in the timestamps (longest %1 s)", nullptr,
                static_cast<int>(m_report.gaps))
                 .arg(m_report.longestGapUs / 1e6, 0, 'g', 3);
  if (m_report.duplicates > 0)
    parts << tr("%n duplicate timestamp(s)", nullptr, static_cast<int>(m_report.duplicates));
  if (m_report.backwards > 0)
    parts << tr("%n step(s) back in time (shown sorted)", nullptr,
                static_cast<int>(m_report.backwards));
  if (parts.isEmpty()) {
    m_warning->hide();
    axisRect()->setMinimumMargins(QMargins(0, 0, 0, 0));
  } else {
    m_warning->setText(tr("Timestamps: %1").arg(parts.join(QStringLiteral("; "))));
    m_warning->adjustSize();
    m_warning->move(8, 4);
    m_warning->show();
    m_warning->raise();
    axisRect()->setMinimumMargins(QMargins(0, m_warning->height() + 8, 0, 0));
  }
}

void TimelineWidget::resizeEvent(QResizeEvent* event) {
  QCustomPlot::resizeEvent(event);
  m_dataDirty = true;
  m_specDirty = true;
  if (m_warning && !m_warning->isHidden()) {
    m_warning->setMaximumWidth(width() - 16);
    m_warning->move(8, 4);
  }
}

// ---- labels -----------------------------------------------------------------------------

const TimelineClass* TimelineWidget::classById(int id) const {
  for (const TimelineClass& c : m_classes)
    if (c.id == id) return &c;
  return nullptr;
}

void TimelineWidget::setLabelModel(TimelineLabelModel* model) {
  m_undo.clear();
  m_model = model;
  m_selection.clear();
  m_unlabeledCursor = m_suggestionCursor = INT64_MIN;
  refreshLabels();
}

void TimelineWidget::setSelection(const std::set<int64_t>& ids) {
  if (ids == m_selection) return;
  m_selection = ids;
  refreshLabels();
  Q_EMIT selectionChanged();
}

void TimelineWidget::refreshLabels() {
  for (QCPAbstractItem* item : m_spanItems) removeItem(item);
  m_spanItems.clear();
  m_classes = m_model ? m_model->classes() : std::vector<TimelineClass>{};
  m_segments = m_model ? m_model->segments() : std::vector<TimelineSegment>{};
  // Forget selected ids that no longer exist (deleted, undone).
  std::set<int64_t> alive;
  for (const TimelineSegment& s : m_segments)
    if (m_selection.count(s.id)) alive.insert(s.id);
  const bool selectionShrank = alive.size() != m_selection.size();
  m_selection = std::move(alive);

  auto span = [this](double k0, double k1, const QBrush& brush, const QPen& pen) {
    auto* r = new QCPItemRect(this);
    r->setLayer(kSpanLayer);
    r->setSelectable(false);
    for (QCPItemPosition* p : {r->topLeft, r->bottomRight}) {
      p->setTypeX(QCPItemPosition::ptPlotCoords);
      p->setTypeY(QCPItemPosition::ptAxisRectRatio);
      p->setAxisRect(axisRect());
      p->setAxes(xAxis, yAxis);
    }
    r->topLeft->setCoords(k0, 0);
    r->bottomRight->setCoords(k1, 1);
    r->setBrush(brush);
    r->setPen(pen);
    m_spanItems.push_back(r);
    if (m_specShown) {
      // The same span as a thin band along the spectrogram's top edge.
      auto* band = new QCPItemRect(this);
      band->setLayer(kSpanLayer);
      band->setSelectable(false);
      band->setClipAxisRect(m_specRect);
      for (QCPItemPosition* p : {band->topLeft, band->bottomRight}) {
        p->setTypeX(QCPItemPosition::ptPlotCoords);
        p->setTypeY(QCPItemPosition::ptAxisRectRatio);
        p->setAxisRect(m_specRect);
        p->setAxes(m_specRect->axis(QCPAxis::atBottom), m_specRect->axis(QCPAxis::atLeft));
      }
      band->topLeft->setCoords(k0, 0);
      band->bottomRight->setCoords(k1, kSpanBandRatio);
      QColor solid = brush.color();
      solid.setAlpha(230);
      band->setBrush(brush.style() == Qt::SolidPattern ? QBrush(solid) : brush);
      band->setPen(pen);
      m_spanItems.push_back(band);
    }
    return r;
  };

  if (m_model) {
    for (const TimelineSuggestion& s : m_model->suggestions()) {
      const TimelineClass* cls = classById(s.classId);
      QColor c = cls ? cls->color : QColor(110, 110, 110);
      c.setAlpha(150);
      QPen pen(c, 1, Qt::DashLine);
      span(keyOf(s.startUs), keyOf(s.endUs), QBrush(c, Qt::BDiagPattern), pen);
    }
  }
  for (TimelineSegment s : m_segments) {
    if (m_drag != Drag::None && m_drag != Drag::Create && s.id == m_dragSegment.id)
      s = m_dragSegment;
    const TimelineClass* cls = classById(s.classId);
    const QColor base = cls ? cls->color : QColor(128, 128, 128);
    const bool selected = m_selection.count(s.id) > 0;
    QColor fill = base;
    fill.setAlpha(selected ? 95 : 55);
    QPen pen(base.darker(selected ? 150 : 110), selected ? 2.5 : 1.0);
    span(keyOf(s.startUs), keyOf(s.endUs), QBrush(fill), pen);
    auto* text = new QCPItemText(this);
    text->setLayer(kSpanLayer);
    text->setSelectable(false);
    text->position->setTypeX(QCPItemPosition::ptPlotCoords);
    text->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    text->position->setAxisRect(axisRect());
    text->position->setAxes(xAxis, yAxis);
    text->position->setCoords(keyOf(s.startUs), 0);
    text->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    text->setPadding(QMargins(4, 2, 4, 2));
    text->setText(cls ? cls->name : tr("class %1").arg(s.classId));
    text->setColor(base.darker(selected ? 200 : 160));
    QFont f = font();
    f.setBold(selected);
    text->setFont(f);
    m_spanItems.push_back(text);
  }
  replot(rpQueuedReplot);
  if (selectionShrank) Q_EMIT selectionChanged();
  Q_EMIT labelsChanged();
}

void TimelineWidget::assignClass(int classId) {
  if (!m_model || m_selection.empty()) return;
  std::vector<std::pair<TimelineSegment, TimelineSegment>> changes;
  for (const TimelineSegment& s : m_segments) {
    if (!m_selection.count(s.id) || s.classId == classId) continue;
    TimelineSegment after = s;
    after.classId = classId;
    changes.emplace_back(s, after);
  }
  if (changes.empty()) return;
  if (changes.size() == 1) {
    m_undo.push(new UpdateSegmentCommand(this, changes[0].first, changes[0].second, tr("Relabel")));
    return;
  }
  auto* macro = new QUndoCommand(tr("Relabel %n label(s)", nullptr, int(changes.size())));
  for (const auto& [before, after] : changes)
    new UpdateSegmentCommand(this, before, after, tr("Relabel"), macro);
  m_undo.push(macro);
}

void TimelineWidget::deleteSelection() {
  if (!m_model || m_selection.empty()) return;
  auto* macro = new QUndoCommand(tr("Delete %n label(s)", nullptr, int(m_selection.size())));
  for (const TimelineSegment& s : m_segments)
    if (m_selection.count(s.id)) new RemoveSegmentCommand(this, s, macro);
  m_undo.push(macro);
}

// ---- navigation -----------------------------------------------------------------------------

void TimelineWidget::clampRange(QCPRange& r) const {
  const QCPRange full = fullRange();
  const double minWidth = 1e-3;  // 1 ms
  const double maxWidth = full.size() * 1.05;
  double w = std::clamp(r.size(), minWidth, std::max(maxWidth, minWidth));
  double lo = r.center() - w / 2;
  const double margin = full.size() * 0.025;
  lo = std::clamp(lo, full.lower - margin, std::max(full.upper + margin - w, full.lower - margin));
  r = QCPRange(lo, lo + w);
}

void TimelineWidget::setVisibleRange(double startKey, double endKey) {
  QCPRange r(startKey, endKey);
  clampRange(r);
  xAxis->setRange(r);
  replot(rpQueuedReplot);
}

void TimelineWidget::panBy(double fraction) {
  const QCPRange r = xAxis->range();
  setVisibleRange(r.lower + fraction * r.size(), r.upper + fraction * r.size());
}

void TimelineWidget::zoomBy(double factor, double centerKey) {
  const QCPRange r = xAxis->range();
  setVisibleRange(centerKey + (r.lower - centerKey) * factor,
                  centerKey + (r.upper - centerKey) * factor);
}

bool TimelineWidget::jumpToNextUnlabeled() {
  if (!m_series || m_series->timestampsUs.empty()) return false;
  const int64_t first = m_series->timestampsUs.front();
  const int64_t last = m_series->timestampsUs.back();
  int64_t t = std::max(m_unlabeledCursor, first);
  // Walk the segments in start order, stepping over every one that covers t.
  for (;;) {
    bool moved = false;
    for (const TimelineSegment& s : m_segments) {
      if (s.startUs <= t && s.endUs > t) {
        t = s.endUs;
        moved = true;
      }
    }
    if (!moved) break;
  }
  if (t >= last) return false;
  int64_t end = last;
  for (const TimelineSegment& s : m_segments)
    if (s.startUs > t) end = std::min(end, s.startUs);
  m_lastJump = {t, end};
  m_unlabeledCursor = end;
  const QCPRange r = xAxis->range();
  const double k = keyOf(t);
  setVisibleRange(k - 0.1 * r.size(), k + 0.9 * r.size());
  return true;
}

bool TimelineWidget::jumpToNextSuggestion() {
  if (!m_model) return false;
  std::vector<TimelineSuggestion> s = m_model->suggestions();
  std::sort(s.begin(), s.end(), [](const TimelineSuggestion& a, const TimelineSuggestion& b) {
    return a.startUs < b.startUs;
  });
  for (const TimelineSuggestion& x : s) {
    if (x.startUs <= m_suggestionCursor) continue;
    m_suggestionCursor = x.startUs;
    m_lastJump = {x.startUs, x.endUs};
    const QCPRange r = xAxis->range();
    const double mid = (keyOf(x.startUs) + keyOf(x.endUs)) / 2;
    const double w = std::max(r.size(), 1.5 * (keyOf(x.endUs) - keyOf(x.startUs)));
    setVisibleRange(mid - w / 2, mid + w / 2);
    return true;
  }
  return false;
}

// ---- mouse and keys -------------------------------------------------------------------------

int64_t TimelineWidget::snap(int64_t us) const {
  if (!m_series || m_series->timestampsUs.empty()) return us;
  return std::clamp(us, m_series->timestampsUs.front(), m_series->timestampsUs.back());
}

TimelineWidget::Hit TimelineWidget::hitTest(double px) const {
  Hit best;
  double bestDist = kEdgeGrabPx + 1;
  // Edges first (selected spans win ties), then the inside of a span.
  for (const TimelineSegment& s : m_segments) {
    const double bonus = m_selection.count(s.id) ? 0.5 : 0.0;
    const double ds = std::abs(px - pixelOf(s.startUs)) - bonus;
    const double de = std::abs(px - pixelOf(s.endUs)) - bonus;
    if (ds <= kEdgeGrabPx && ds < bestDist) {
      best = {s.id, Drag::ResizeStart};
      bestDist = ds;
    }
    if (de <= kEdgeGrabPx && de < bestDist) {
      best = {s.id, Drag::ResizeEnd};
      bestDist = de;
    }
  }
  if (best.id >= 0) return best;
  for (auto it = m_segments.rbegin(); it != m_segments.rend(); ++it)
    if (px >= pixelOf(it->startUs) && px <= pixelOf(it->endUs)) return {it->id, Drag::None};
  return {};
}

void TimelineWidget::mousePressEvent(QMouseEvent* event) {
  setFocus(Qt::MouseFocusReason);
  const QPointF pos = event->position();
  m_pressX = pos.x();
  if (!inPlot(pos) || !m_series) {
    QCustomPlot::mousePressEvent(event);
    return;
  }
  if (event->button() == Qt::RightButton || event->button() == Qt::MiddleButton ||
      (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier))) {
    m_drag = Drag::Pan;
    m_panStartRange = xAxis->range();
    setCursor(Qt::ClosedHandCursor);
    return;
  }
  if (event->button() != Qt::LeftButton) return;
  const Hit hit = m_model ? hitTest(pos.x()) : Hit{};
  if (hit.id >= 0 && hit.edge != Drag::None) {
    for (const TimelineSegment& s : m_segments)
      if (s.id == hit.id) m_dragBefore = m_dragSegment = s;
    m_drag = hit.edge;
    if (!m_selection.count(hit.id)) setSelection({hit.id});
    return;
  }
  if (hit.id >= 0) {
    std::set<int64_t> sel = m_selection;
    if (event->modifiers() & Qt::ControlModifier) {
      if (!sel.erase(hit.id)) sel.insert(hit.id);
    } else {
      sel = {hit.id};
    }
    setSelection(sel);
    m_drag = Drag::None;
    return;
  }
  if (!m_model) return;
  m_drag = Drag::Create;
  m_anchorUs = snap(usOf(xAxis->pixelToCoord(pos.x())));
}

void TimelineWidget::mouseMoveEvent(QMouseEvent* event) {
  const double x = event->position().x();
  switch (m_drag) {
    case Drag::None: {
      const Hit hit = m_model && m_series ? hitTest(x) : Hit{};
      setCursor(hit.edge != Drag::None ? Qt::SizeHorCursor : Qt::ArrowCursor);
      QCustomPlot::mouseMoveEvent(event);
      return;
    }
    case Drag::Pan: {
      const double dk = xAxis->pixelToCoord(m_pressX) - xAxis->pixelToCoord(x);
      setVisibleRange(m_panStartRange.lower + dk, m_panStartRange.upper + dk);
      return;
    }
    case Drag::Create: {
      const int64_t t = snap(usOf(xAxis->pixelToCoord(x)));
      m_preview->topLeft->setCoords(keyOf(std::min(t, m_anchorUs)), 0);
      m_preview->bottomRight->setCoords(keyOf(std::max(t, m_anchorUs)), 1);
      const TimelineClass* cls = classById(m_currentClass);
      QColor c = cls ? cls->color : QColor(128, 128, 128);
      m_preview->setPen(QPen(c, 1, Qt::DashLine));
      c.setAlpha(70);
      m_preview->setBrush(c);
      m_preview->setVisible(std::abs(x - m_pressX) >= kMinDragPx);
      replot(rpQueuedReplot);
      return;
    }
    case Drag::ResizeStart:
    case Drag::ResizeEnd: {
      const int64_t t = snap(usOf(xAxis->pixelToCoord(x)));
      // An edge dragged past the other one swaps roles, so the span never inverts.
      if (m_drag == Drag::ResizeStart) {
        m_dragSegment.startUs = std::min(t, m_dragSegment.endUs - 1);
      } else {
        m_dragSegment.endUs = std::max(t, m_dragSegment.startUs + 1);
      }
      refreshLabels();
      return;
    }
  }
}

void TimelineWidget::mouseReleaseEvent(QMouseEvent* event) {
  const double x = event->position().x();
  const Drag drag = m_drag;
  m_drag = Drag::None;
  unsetCursor();
  switch (drag) {
    case Drag::None:
      QCustomPlot::mouseReleaseEvent(event);
      return;
    case Drag::Pan:
      return;
    case Drag::Create: {
      m_preview->setVisible(false);
      if (std::abs(x - m_pressX) < kMinDragPx) {
        setSelection({});  // a click on empty space
        replot(rpQueuedReplot);
        return;
      }
      const int64_t t = snap(usOf(xAxis->pixelToCoord(x)));
      const int64_t a = std::min(t, m_anchorUs), b = std::max(t, m_anchorUs);
      if (b <= a) {
        replot(rpQueuedReplot);
        return;
      }
      m_undo.push(new CreateSegmentCommand(this, TimelineSegment{0, a, b, m_currentClass}));
      return;
    }
    case Drag::ResizeStart:
    case Drag::ResizeEnd:
      if (m_dragSegment != m_dragBefore) {
        m_undo.push(
            new UpdateSegmentCommand(this, m_dragBefore, m_dragSegment, tr("Resize label")));
      } else {
        refreshLabels();
      }
      return;
  }
}

void TimelineWidget::mouseDoubleClickEvent(QMouseEvent* event) {
  // A double click is two clicks here; QCustomPlot's own handling would start nothing useful.
  mousePressEvent(event);
}

void TimelineWidget::wheelEvent(QWheelEvent* event) {
  const double steps = event->angleDelta().y() / 120.0;
  if (steps == 0) return;
  zoomBy(std::pow(0.85, steps), xAxis->pixelToCoord(event->position().x()));
  event->accept();
}

void TimelineWidget::keyPressEvent(QKeyEvent* event) {
  const auto mods = event->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier);
  const int key = event->key();
  if (event->matches(QKeySequence::Undo) || (key == Qt::Key_Z && mods == Qt::ControlModifier)) {
    m_undo.undo();
    return;
  }
  if (event->matches(QKeySequence::Redo) ||
      (key == Qt::Key_Z && mods == (Qt::ControlModifier | Qt::ShiftModifier)) ||
      (key == Qt::Key_Y && mods == Qt::ControlModifier)) {
    m_undo.redo();
    return;
  }
  if (mods & Qt::ControlModifier) {
    QCustomPlot::keyPressEvent(event);
    return;
  }
  if (key >= Qt::Key_1 && key <= Qt::Key_9) {
    const int n = key - Qt::Key_0;
    for (const TimelineClass& c : m_classes) {
      if (c.key == n) {
        m_currentClass = c.id;
        assignClass(c.id);
        return;
      }
    }
    return;
  }
  switch (key) {
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
      deleteSelection();
      return;
    case Qt::Key_Left:
      panBy(-0.1);
      return;
    case Qt::Key_Right:
      panBy(0.1);
      return;
    case Qt::Key_PageUp:
      panBy(-1.0);
      return;
    case Qt::Key_PageDown:
      panBy(1.0);
      return;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
      zoomBy(0.5);
      return;
    case Qt::Key_Minus:
      zoomBy(2.0);
      return;
    case Qt::Key_Home: {
      const QCPRange r = xAxis->range();
      setVisibleRange(fullRange().lower, fullRange().lower + r.size());
      return;
    }
    case Qt::Key_End: {
      const QCPRange r = xAxis->range();
      setVisibleRange(fullRange().upper - r.size(), fullRange().upper);
      return;
    }
    case Qt::Key_N:
      jumpToNextUnlabeled();
      return;
    case Qt::Key_S:
      jumpToNextSuggestion();
      return;
    case Qt::Key_Escape:
      setSelection({});
      return;
    default:
      QCustomPlot::keyPressEvent(event);
  }
}

}  // namespace edgewise::gui
