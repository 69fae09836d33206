#include "app/workbench/panes/capture/live_plot_widget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>
#include "app/workbench/widgets/qcustomplot_include.h"

#include "app/workbench/panes/capture/capture_format.h"

namespace edgewise::gui {

struct LivePlotWidget::Channel {
  QString name;
  QColor color;
  bool visible = true;
  QSharedPointer<QCPGraphDataContainer> data{new QCPGraphDataContainer};
  QTreeWidgetItem* item = nullptr;
};

struct LivePlotWidget::Stream {
  std::shared_ptr<capture::LiveBuffer> buffer;
  QString topic;
  QString device;
  int deviceIndex = 0;
  uint64_t cursor = 0;
  double lastX = -1e300;
  std::vector<Channel> channels;
  QTreeWidgetItem* item = nullptr;
};

namespace {
QIcon colorIcon(const QColor& color) {
  QPixmap pm(12, 12);
  pm.fill(Qt::transparent);
  QPainter p(&pm);
  p.setRenderHint(QPainter::Antialiasing);
  p.setPen(Qt::NoPen);
  p.setBrush(color);
  p.drawRoundedRect(QRectF(1, 1, 10, 10), 2, 2);
  return QIcon(pm);
}
}  // namespace

LivePlotWidget::LivePlotWidget(QWidget* parent) : QWidget(parent) {
  m_plot = new QCustomPlot(this);
  m_plot->setObjectName(QStringLiteral("livePlot"));
  m_plot->setNoAntialiasingOnDrag(true);
  // Antialiasing thin lines costs more than all the rest of a frame with 60 channels.
  m_plot->setNotAntialiasedElements(QCP::aeAll);
  m_plot->setAntialiasedElements(QCP::aeLegend | QCP::aeAxes);
  m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
  m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
  m_plot->setMinimumHeight(180);
  m_rects.push_back(m_plot->axisRect());
  // Keys are Unix seconds: the axis reads as the wall-clock time of the samples.
  auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
  ticker->setDateTimeFormat(QStringLiteral("HH:mm:ss"));
  ticker->setTickCount(6);
  m_timeTicker = ticker;
  m_plot->xAxis->setTicker(m_timeTicker);

  m_channelList = new QTreeWidget(this);
  m_channelList->setObjectName(QStringLiteral("channelList"));
  m_channelList->setRootIsDecorated(true);
  m_channelList->setUniformRowHeights(true);
  m_channelList->setMinimumWidth(110);
  connect(m_channelList, &QTreeWidget::itemChanged, this, &LivePlotWidget::onChannelItemChanged);

  m_layoutCombo = new QComboBox(this);
  m_layoutCombo->setObjectName(QStringLiteral("layoutCombo"));
  m_layoutCombo->addItem(QString());
  m_layoutCombo->addItem(QString());
  connect(m_layoutCombo, &QComboBox::currentIndexChanged, this,
          [this](int i) { setLayoutMode(i == 1 ? LayoutMode::Stacked : LayoutMode::OneChart); });

  m_windowCombo = new QComboBox(this);
  m_windowCombo->setObjectName(QStringLiteral("windowCombo"));
  for (int s : {5, 10, 30, 60}) m_windowCombo->addItem(QString(), s);
  m_windowCombo->setCurrentIndex(1);
  connect(m_windowCombo, &QComboBox::currentIndexChanged, this,
          [this](int i) { setWindowSeconds(m_windowCombo->itemData(i).toDouble()); });

  m_pauseButton = new QPushButton(this);
  m_pauseButton->setObjectName(QStringLiteral("pauseButton"));
  m_pauseButton->setCheckable(true);
  connect(m_pauseButton, &QPushButton::toggled, this, &LivePlotWidget::setPaused);
  auto* space = new QShortcut(QKeySequence(Qt::Key_Space), this);
  space->setContext(Qt::WidgetWithChildrenShortcut);
  connect(space, &QShortcut::activated, this, [this] { setPaused(!m_paused); });

  m_autoScaleCheck = new QCheckBox(this);
  m_autoScaleCheck->setObjectName(QStringLiteral("autoScaleCheck"));
  m_autoScaleCheck->setChecked(true);
  connect(m_autoScaleCheck, &QCheckBox::toggled, this, &LivePlotWidget::setAutoScaleY);
  m_yMin = new QDoubleSpinBox(this);
  m_yMax = new QDoubleSpinBox(this);
  for (QDoubleSpinBox* box : {m_yMin, m_yMax}) {
    box->setRange(-1e9, 1e9);
    box->setDecimals(1);
    box->setEnabled(false);
    box->setMaximumWidth(110);
  }
  m_yMin->setValue(m_fixedLower);
  m_yMax->setValue(m_fixedUpper);
  for (QDoubleSpinBox* box : {m_yMin, m_yMax})
    connect(box, &QDoubleSpinBox::valueChanged, this,
            [this] { setFixedYRange(m_yMin->value(), m_yMax->value()); });

  m_legendCheck = new QCheckBox(this);
  m_legendCheck->setObjectName(QStringLiteral("legendCheck"));
  m_legendCheck->setChecked(true);
  connect(m_legendCheck, &QCheckBox::toggled, this, &LivePlotWidget::setLegendVisible);

  m_layoutLabel = new QLabel(this);
  m_layoutLabel->setObjectName(QStringLiteral("layoutLabel"));
  m_windowLabel = new QLabel(this);
  m_windowLabel->setObjectName(QStringLiteral("windowLabel"));
  // A tool bar rather than a box layout: when the pane is narrow (long German labels, a small
  // screen) the last controls move into the overflow menu instead of widening the window.
  m_controls = new QToolBar(this);
  m_controls->setObjectName(QStringLiteral("plotControls"));
  m_controls->setIconSize(QSize(16, 16));
  // No style sheet here: it would pin the palette and leave dark text on the dark theme.
  m_controls->layout()->setSpacing(4);
  m_controls->addWidget(m_layoutLabel);
  m_controls->addWidget(m_layoutCombo);
  m_controls->addWidget(m_windowLabel);
  m_controls->addWidget(m_windowCombo);
  m_controls->addWidget(m_pauseButton);
  m_controls->addSeparator();
  m_controls->addWidget(m_autoScaleCheck);
  m_controls->addWidget(m_yMin);
  m_controls->addWidget(m_yMax);
  m_controls->addWidget(m_legendCheck);

  auto* splitter = new QSplitter(Qt::Horizontal, this);
  splitter->addWidget(m_plot);
  splitter->addWidget(m_channelList);
  splitter->setStretchFactor(0, 5);
  splitter->setStretchFactor(1, 1);
  splitter->setSizes({800, 170});

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_controls);
  layout->addWidget(splitter, 1);

  m_plot->legend->setVisible(true);
  m_plot->legend->setFont(QFont(font().family(), 8));
  m_plot->legend->setIconSize(14, 8);
  m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
  connect(m_plot->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
          &LivePlotWidget::syncXRange);
  applyTheme();

  m_timer = new QTimer(this);
  m_timer->setTimerType(Qt::PreciseTimer);
  m_timer->setInterval(33);
  connect(m_timer, &QTimer::timeout, this, &LivePlotWidget::tick);
  m_timer->start();
  retranslateUi();
}

void LivePlotWidget::retranslateUi() {
  m_channelList->setHeaderLabels({tr("Channels")});
  m_layoutLabel->setText(tr("Layout:"));
  m_layoutCombo->setItemText(0, tr("One chart"));
  m_layoutCombo->setItemText(1, tr("Stacked"));
  m_layoutCombo->setToolTip(tr("One chart for every channel, or one chart per stream"));
  m_windowLabel->setText(tr("Window:"));
  for (int i = 0; i < m_windowCombo->count(); ++i)
    m_windowCombo->setItemText(i, tr("%1 s").arg(m_windowCombo->itemData(i).toInt()));
  m_windowCombo->setToolTip(tr("Time window shown while following live data"));
  m_pauseButton->setText(m_paused ? tr("Resume") : tr("Pause"));
  m_pauseButton->setToolTip(
      tr("Freeze the view (Space); drag and wheel-zoom to look back through the history"));
  m_autoScaleCheck->setText(tr("Autoscale Y"));
  m_yMin->setPrefix(tr("min "));
  m_yMax->setPrefix(tr("max "));
  m_yMin->setToolTip(tr("Lower bound of the Y axis when autoscale is off"));
  m_yMax->setToolTip(tr("Upper bound of the Y axis when autoscale is off"));
  m_legendCheck->setText(tr("Legend"));
}

LivePlotWidget::~LivePlotWidget() = default;

void LivePlotWidget::setStreamSource(StreamSource source) {
  m_source = std::move(source);
  m_tickCount = 0;
}

void LivePlotWidget::setTopicFilter(const QStringList& topics) {
  if (topics == m_topicFilter) return;
  m_topicFilter = topics;
  m_needRebuild = true;
  m_updatingList = true;
  for (auto& s : m_streams) s->item->setHidden(!isSelected(*s));
  m_updatingList = false;
}

bool LivePlotWidget::isSelected(const Stream& stream) const {
  if (m_topicFilter.isEmpty()) return true;
  for (const QString& t : m_topicFilter)
    if (stream.topic == t || stream.topic.startsWith(t + QLatin1Char('/'))) return true;
  return false;
}

void LivePlotWidget::setLayoutMode(LayoutMode mode) {
  if (mode == m_layoutMode) return;
  m_layoutMode = mode;
  const QSignalBlocker block(m_layoutCombo);
  m_layoutCombo->setCurrentIndex(mode == LayoutMode::Stacked ? 1 : 0);
  m_needRebuild = true;
  rebuildPlot();
  followLive();
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LivePlotWidget::setWindowSeconds(double seconds) {
  m_windowSeconds = std::clamp(seconds, 1.0, kHistorySeconds);
  const int idx = m_windowCombo->findData(static_cast<int>(m_windowSeconds));
  if (idx >= 0) {
    const QSignalBlocker block(m_windowCombo);
    m_windowCombo->setCurrentIndex(idx);
  }
  if (!m_paused) {
    followLive();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
  }
}

void LivePlotWidget::setPaused(bool paused) {
  if (paused == m_paused) return;
  m_paused = paused;
  {
    const QSignalBlocker block(m_pauseButton);
    m_pauseButton->setChecked(paused);
  }
  m_pauseButton->setText(paused ? tr("Resume") : tr("Pause"));
  // Interactions only while paused: live, the view follows the newest data anyway.
  m_plot->setInteractions(paused ? QCP::Interactions(QCP::iRangeDrag | QCP::iRangeZoom)
                                 : QCP::Interactions());
  if (!paused) {
    followLive();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
  }
  Q_EMIT pausedChanged(paused);
}

void LivePlotWidget::setAutoScaleY(bool on) {
  m_autoScaleY = on;
  {
    const QSignalBlocker block(m_autoScaleCheck);
    m_autoScaleCheck->setChecked(on);
  }
  m_yMin->setEnabled(!on);
  m_yMax->setEnabled(!on);
  autoscale();
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LivePlotWidget::setFixedYRange(double lower, double upper) {
  if (upper <= lower) return;
  m_fixedLower = lower;
  m_fixedUpper = upper;
  autoscale();
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LivePlotWidget::setLegendVisible(bool visible) {
  m_legendVisible = visible;
  const QSignalBlocker block(m_legendCheck);
  m_legendCheck->setChecked(visible);
  m_needRebuild = true;
  rebuildPlot();
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LivePlotWidget::setRefreshIntervalMs(int ms) {
  m_timer->setInterval(std::max(1, ms));
}

void LivePlotWidget::setChannelListVisible(bool visible) {
  m_channelList->setVisible(visible);
}

void LivePlotWidget::pollNow() {
  tick();
}

void LivePlotWidget::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
    applyTheme();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
  }
  QWidget::changeEvent(event);
}

void LivePlotWidget::applyTheme() {
  // Follow the application palette so dark and light themes both stay readable.
  const QPalette pal = palette();
  const QColor base = pal.color(QPalette::Base);
  const QColor text = pal.color(QPalette::Text);
  const bool dark = base.lightness() < 128;
  const QColor grid = dark ? QColor(255, 255, 255, 28) : QColor(0, 0, 0, 30);
  const QColor subGrid = dark ? QColor(255, 255, 255, 12) : QColor(0, 0, 0, 12);
  m_plot->setBackground(base);
  for (QCPAxisRect* rect : m_rects) {
    rect->setBackground(base);
    for (QCPAxis* axis : rect->axes()) {
      axis->setBasePen(QPen(text.darker(dark ? 140 : 60), 1));
      axis->setTickPen(QPen(text, 1));
      axis->setSubTickPen(QPen(text, 1));
      axis->setTickLabelColor(text);
      axis->setLabelColor(text);
      axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
      axis->grid()->setSubGridPen(QPen(subGrid, 1, Qt::DotLine));
      axis->grid()->setZeroLinePen(QPen(grid, 1));
    }
  }
  std::vector<QCPLegend*> legends = m_stackLegends;
  if (m_plot->legend) legends.push_back(m_plot->legend);
  for (QCPLegend* legend : legends) {
    QColor legendBg = base;
    legendBg.setAlpha(215);
    legend->setBrush(legendBg);
    legend->setBorderPen(QPen(grid, 1));
    legend->setTextColor(text);
  }
}

void LivePlotWidget::tick() {
  if (!m_source) return;
  // Discovering streams copies shared pointers under the session's lock: twice a second is
  // plenty, new devices show up within half a second.
  if (m_tickCount++ % 15 == 0) discoverStreams();
  bool newData = false;
  for (auto& s : m_streams) newData |= ingest(*s);
  if (m_needRebuild) rebuildPlot();
  if (m_paused) return;  // history keeps filling; the frozen view does not move
  if (newData) {
    // "HH:mm:ss" needs ~60 px; a fixed tick count overlapped the labels in a narrow pane.
    const int ticks = std::clamp(m_plot->axisRect()->width() / 110, 2, 8);
    if (ticks != m_timeTickCount) {
      m_timeTickCount = ticks;
      m_timeTicker->setTickCount(ticks);
    }
    followLive();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
  }
}

void LivePlotWidget::discoverStreams() {
  const auto buffers = m_source();
  bool added = false;
  m_updatingList = true;
  // A camera's buffer can be listed in the instant between its creation and its first
  // frame; drop it from the plots once it shows its image.
  const auto before = m_streams.size();
  m_streams.erase(std::remove_if(m_streams.begin(), m_streams.end(),
                                 [](const std::unique_ptr<Stream>& s) {
                                   if (!s->buffer->latestImage()) return false;
                                   delete s->item;
                                   return true;
                                 }),
                  m_streams.end());
  if (m_streams.size() != before) added = true;
  for (const auto& buffer : buffers) {
    const bool known = std::any_of(m_streams.begin(), m_streams.end(),
                                   [&](const auto& s) { return s->buffer == buffer; });
    if (known) continue;
    const auto names = buffer->channelNames();
    // Camera streams are shown as thumbnails; their per-frame numbers (width, height, mean)
    // would only squash the sensor curves.
    if (names.empty() || buffer->latestImage()) continue;
    auto stream = std::make_unique<Stream>();
    stream->buffer = buffer;
    stream->topic = toQString(buffer->key().topic);
    stream->device = toQString(buffer->key().deviceId);
    const QString devKey = stream->device.isEmpty() ? stream->topic : stream->device;
    auto it = m_deviceIndex.find(devKey);
    if (it == m_deviceIndex.end()) it = m_deviceIndex.insert(devKey, m_deviceIndex.size());
    stream->deviceIndex = it.value();
    // Start at what the buffer still holds so a newly plotted stream shows its recent past.
    stream->cursor = 0;
    stream->item = new QTreeWidgetItem(m_channelList);
    stream->item->setText(0, stream->device.isEmpty() ? stream->topic : stream->device);
    stream->item->setToolTip(0, stream->topic);
    stream->item->setFlags(stream->item->flags() | Qt::ItemIsUserCheckable |
                           Qt::ItemIsAutoTristate);
    stream->item->setCheckState(0, Qt::Checked);
    for (size_t c = 0; c < names.size(); ++c) {
      Channel ch;
      ch.name = toQString(names[c]);
      ch.color = channelColor(stream->deviceIndex, static_cast<int>(c));
      ch.item = new QTreeWidgetItem(stream->item);
      ch.item->setText(0, ch.name);
      ch.item->setIcon(0, colorIcon(ch.color));
      ch.item->setFlags(ch.item->flags() | Qt::ItemIsUserCheckable);
      ch.item->setCheckState(0, Qt::Checked);
      stream->channels.push_back(std::move(ch));
    }
    stream->item->setHidden(!isSelected(*stream));
    stream->item->setExpanded(m_streams.size() < 4);
    m_streams.push_back(std::move(stream));
    added = true;
  }
  m_updatingList = false;
  if (added) {
    m_needRebuild = true;
    Q_EMIT streamsChanged();
  }
}

bool LivePlotWidget::ingest(Stream& s) {
  capture::LiveBuffer::Slice slice = s.buffer->readSince(s.cursor);
  s.cursor = slice.cursor;
  const size_t n = slice.timestampsUs.size();
  const size_t nch = s.channels.size();
  if (n == 0 || nch == 0 || slice.values.size() < n * nch) return false;
  // Bounded work: after a long stall only the newest points can still be inside the window.
  const size_t first = n > static_cast<size_t>(kMaxPointsPerTick) ? n - kMaxPointsPerTick : 0;
  // Keys, with a NaN point wherever the stream paused (device offline, lost messages):
  // QCustomPlot breaks the line there instead of drawing a straight ramp across the gap.
  std::vector<double> keys;
  std::vector<int64_t> source;  // index into the slice, -1 for a gap marker
  keys.reserve(n - first + 4);
  source.reserve(n - first + 4);
  bool sorted = true;
  double prev = s.lastX;
  for (size_t i = first; i < n; ++i) {
    const double x = static_cast<double>(slice.timestampsUs[i]) / 1e6;
    if (x < prev) sorted = false;
    if (x - prev > kGapSeconds && prev > -1e299) {
      keys.push_back((x + prev) / 2);
      source.push_back(-1);
    }
    keys.push_back(x);
    source.push_back(static_cast<int64_t>(i));
    prev = x;
  }
  QVector<QCPGraphData> points(static_cast<int>(keys.size()));
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (size_t c = 0; c < nch; ++c) {
    for (size_t k = 0; k < keys.size(); ++k) {
      auto& p = points[static_cast<int>(k)];
      p.key = keys[k];
      p.value = source[k] < 0
                    ? nan
                    : static_cast<double>(slice.values[static_cast<size_t>(source[k]) * nch + c]);
    }
    auto& data = s.channels[c].data;
    // Out-of-order batches (device clock jumps, reordering) are rare; only then sort.
    data->add(points, sorted);
  }
  s.lastX = std::max(s.lastX, prev);
  m_latestX = std::max(m_latestX, s.lastX);
  const double cutoff = m_latestX - kHistorySeconds;
  for (auto& ch : s.channels) ch.data->removeBefore(cutoff);
  return true;
}

int LivePlotWidget::visibleGraphCount() const {
  return m_plot->graphCount();
}

int LivePlotWidget::axisRectCount() const {
  return static_cast<int>(m_rects.size());
}

int LivePlotWidget::pointCount(const QString& topic, const QString& channel) const {
  for (const auto& s : m_streams) {
    if (s->topic != topic) continue;
    for (const auto& ch : s->channels)
      if (ch.name == channel) return ch.data->size();
  }
  return -1;
}

std::vector<QCPLegend*> LivePlotWidget::visibleLegends() const {
  std::vector<QCPLegend*> out;
  if (m_plot->legend->visible()) out.push_back(m_plot->legend);
  for (QCPLegend* legend : m_stackLegends)
    if (legend->visible()) out.push_back(legend);
  return out;
}

QStringList LivePlotWidget::streamTopics() const {
  QStringList out;
  for (const auto& s : m_streams) out << s->topic;
  return out;
}

void LivePlotWidget::onChannelItemChanged(QTreeWidgetItem* item, int column) {
  if (m_updatingList || column != 0) return;
  bool changed = false;
  for (auto& s : m_streams) {
    for (auto& ch : s->channels) {
      const bool visible = ch.item->checkState(0) == Qt::Checked;
      if (visible != ch.visible) {
        ch.visible = visible;
        changed = true;
      }
    }
  }
  if (changed) {
    m_needRebuild = true;
    rebuildPlot();
    followLive();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
  }
}

void LivePlotWidget::rebuildPlot() {
  m_needRebuild = false;
  // Graphs first: they reference axes of the rects removed below.
  m_plot->clearGraphs();
  QCPLayoutGrid* grid = m_plot->plotLayout();
  QCPAxisRect* main = m_rects.front();
  // Removing a rect deletes it with its inset legend.
  m_stackLegends.clear();
  for (size_t i = 1; i < m_rects.size(); ++i) grid->remove(m_rects[i]);
  m_rects.resize(1);
  grid->simplify();

  std::vector<Stream*> shown;
  for (auto& s : m_streams) {
    if (!isSelected(*s)) continue;
    if (std::none_of(s->channels.begin(), s->channels.end(),
                     [](const Channel& c) { return c.visible; }))
      continue;
    shown.push_back(s.get());
  }

  const bool stacked = m_layoutMode == LayoutMode::Stacked && shown.size() > 1;
  for (size_t i = 0; i < shown.size(); ++i) {
    QCPAxisRect* rect = main;
    if (stacked && i > 0) {
      rect = new QCPAxisRect(m_plot);
      grid->addElement(static_cast<int>(i), 0, rect);
      rect->setRangeDrag(Qt::Horizontal);
      rect->setRangeZoom(Qt::Horizontal);
      connect(rect->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::rangeChanged),
              this, &LivePlotWidget::syncXRange);
      m_rects.push_back(rect);
    }
    for (Channel& ch : shown[i]->channels) {
      if (!ch.visible) continue;
      QCPGraph* g = m_plot->addGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
      g->setData(ch.data);  // shares the container: rebuilding keeps the history
      // A cosmetic 1 px pen: wider pens cost the raster engine several times more per frame.
      g->setPen(QPen(ch.color, 1));
      g->setAdaptiveSampling(true);
      const QString owner = shown[i]->device.isEmpty() ? shown[i]->topic : shown[i]->device;
      // In a stack the chart's axis names the device; its own legend lists only channels.
      g->setName(shown.size() > 1 && !stacked ? owner + QLatin1Char(' ') + ch.name : ch.name);
      if (stacked && i > 0) {
        g->removeFromLegend(m_plot->legend);
        if (m_stackLegends.size() < i) {
          auto* legend = new QCPLegend;
          rect->insetLayout()->addElement(legend, Qt::AlignTop | Qt::AlignRight);
          legend->setLayer(QStringLiteral("legend"));
          legend->setFont(m_plot->legend->font());
          legend->setIconSize(m_plot->legend->iconSize());
          m_stackLegends.push_back(legend);
        }
        g->addToLegend(m_stackLegends.back());
      }
    }
    if (stacked) {
      rect->axis(QCPAxis::atLeft)
          ->setLabel(shown[i]->device.isEmpty() ? shown[i]->topic : shown[i]->device);
    } else {
      main->axis(QCPAxis::atLeft)->setLabel(QString());
    }
  }
  // In a stack only the bottom chart carries the time labels; the rest share its x range.
  for (size_t i = 0; i < m_rects.size(); ++i) {
    QCPAxis* x = m_rects[i]->axis(QCPAxis::atBottom);
    const bool bottom = i + 1 == m_rects.size();
    x->setTickLabels(bottom);
    x->setTicker(m_timeTicker);
    x->setLabel(QString());
    m_rects[i]->setMinimumMargins(QMargins(60, 4, 8, bottom ? 4 : 0));
    m_rects[i]->setAutoMargins(QCP::msLeft | QCP::msBottom | QCP::msTop | QCP::msRight);
  }
  if (stacked) {
    auto* group = new QCPMarginGroup(m_plot);
    for (QCPAxisRect* r : m_rects) r->setMarginGroup(QCP::msLeft | QCP::msRight, group);
  }
  // Dozens of entries would bury the data; the channel list keeps the colours then.
  if (stacked) {
    m_plot->legend->setVisible(m_legendVisible && m_plot->legend->itemCount() > 0 &&
                               m_plot->legend->itemCount() <= 12);
    for (QCPLegend* legend : m_stackLegends)
      legend->setVisible(m_legendVisible && legend->itemCount() <= 12);
  } else {
    m_plot->legend->setVisible(m_legendVisible && m_plot->graphCount() > 0 &&
                               m_plot->graphCount() <= 12);
  }
  applyTheme();
}

void LivePlotWidget::followLive() {
  const QCPRange range(m_latestX - m_windowSeconds, m_latestX);
  m_syncingRange = true;
  for (QCPAxisRect* r : m_rects) r->axis(QCPAxis::atBottom)->setRange(range);
  m_syncingRange = false;
  autoscale();
}

void LivePlotWidget::syncXRange(const QCPRange& range) {
  if (m_syncingRange) return;
  m_syncingRange = true;
  for (QCPAxisRect* r : m_rects) r->axis(QCPAxis::atBottom)->setRange(range);
  m_syncingRange = false;
  if (m_paused) autoscale();
}

void LivePlotWidget::autoscale() {
  for (QCPAxisRect* rect : m_rects) {
    QCPAxis* y = rect->axis(QCPAxis::atLeft);
    if (!m_autoScaleY) {
      y->setRange(m_fixedLower, m_fixedUpper);
      continue;
    }
    const QCPRange xr = rect->axis(QCPAxis::atBottom)->range();
    bool any = false;
    QCPRange total;
    for (QCPGraph* g : rect->graphs()) {
      bool found = false;
      const QCPRange r = g->getValueRange(found, QCP::sdBoth, xr);
      if (!found) continue;
      total = any ? QCPRange(std::min(total.lower, r.lower), std::max(total.upper, r.upper)) : r;
      any = true;
    }
    if (!any) continue;
    const double pad = std::max(1e-6, (total.upper - total.lower) * 0.08);
    y->setRange(total.lower - pad, total.upper + pad);
  }
}

}  // namespace edgewise::gui
