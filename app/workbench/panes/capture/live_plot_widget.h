#pragma once
// Live plots of the capture session's streams (QCustomPlot). A 30 Hz timer pulls what is new
// in each LiveBuffer (readSince(cursor)) into per-channel data containers, trims what is
// older than the kept history and replots once (queued). Work per tick is bounded by the
// buffers' capacity and kMaxPointsPerTick, so a burst of messages costs one bigger copy, not
// a frozen GUI. Paused, the view stops following and the user drags/zooms back in time.

#include <QHash>
#include <QSharedPointer>
#include <QStringList>
#include <QWidget>
#include <functional>
#include <memory>
#include <vector>

#include "core/capture/live_buffer.h"

class QCustomPlot;
class QCPAxisRect;
class QCPLegend;
class QCPRange;
class QCPAxisTicker;
class QComboBox;
class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QToolBar;
class QPushButton;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace edgewise::gui {

class LivePlotWidget : public QWidget {
  Q_OBJECT
 public:
  using StreamSource = std::function<std::vector<std::shared_ptr<capture::LiveBuffer>>()>;
  enum class LayoutMode { OneChart, Stacked };

  static constexpr double kHistorySeconds = 120;   // kept for scrolling back when paused
  static constexpr int kMaxPointsPerTick = 20000;  // per channel and tick
  static constexpr double kGapSeconds = 0.5;       // a pause this long breaks the line

  explicit LivePlotWidget(QWidget* parent = nullptr);
  ~LivePlotWidget() override;

  void setStreamSource(StreamSource source);
  // Streams shown: those whose topic is listed, or whose topic starts with a listed prefix
  // followed by '/'. Empty: every time-series stream.
  void setTopicFilter(const QStringList& topics);
  QStringList topicFilter() const { return m_topicFilter; }

  void setLayoutMode(LayoutMode mode);
  LayoutMode layoutMode() const { return m_layoutMode; }
  void setWindowSeconds(double seconds);
  double windowSeconds() const { return m_windowSeconds; }
  void setPaused(bool paused);
  bool isPaused() const { return m_paused; }
  void setAutoScaleY(bool on);
  void setFixedYRange(double lower, double upper);
  void setLegendVisible(bool visible);
  void setRefreshIntervalMs(int ms);
  void setChannelListVisible(bool visible);

  // One timer tick now (tests, benchmarks).
  void pollNow();

  QCustomPlot* plot() const { return m_plot; }
  int streamCount() const { return static_cast<int>(m_streams.size()); }
  int visibleGraphCount() const;
  int axisRectCount() const;
  // Points held for a stream's channel (all kept history), -1 when unknown.
  int pointCount(const QString& topic, const QString& channel) const;
  QStringList streamTopics() const;
  // Legends shown now: one for the single chart, one per chart in a stack.
  std::vector<QCPLegend*> visibleLegends() const;

 Q_SIGNALS:
  void pausedChanged(bool paused);
  void streamsChanged();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  struct Channel;
  struct Stream;

  void tick();
  void discoverStreams();
  bool ingest(Stream& stream);
  bool isSelected(const Stream& stream) const;
  void rebuildPlot();
  void applyTheme();
  void followLive();
  void autoscale();
  void syncXRange(const QCPRange& range);
  void onChannelItemChanged(QTreeWidgetItem* item, int column);
  void retranslateUi();

  StreamSource m_source;
  QStringList m_topicFilter;
  std::vector<std::unique_ptr<Stream>> m_streams;
  QHash<QString, int> m_deviceIndex;
  LayoutMode m_layoutMode = LayoutMode::OneChart;
  double m_windowSeconds = 10;
  bool m_paused = false;
  bool m_autoScaleY = true;
  double m_fixedLower = -20;
  double m_fixedUpper = 20;
  bool m_legendVisible = true;
  bool m_needRebuild = true;
  bool m_syncingRange = false;
  bool m_updatingList = false;
  double m_latestX = 0;  // keys are Unix seconds
  QSharedPointer<QCPAxisTicker> m_timeTicker;
  int m_tickCount = 0;

  QCustomPlot* m_plot = nullptr;
  QTreeWidget* m_channelList = nullptr;
  QComboBox* m_layoutCombo = nullptr;
  QComboBox* m_windowCombo = nullptr;
  QPushButton* m_pauseButton = nullptr;
  QCheckBox* m_autoScaleCheck = nullptr;
  QDoubleSpinBox* m_yMin = nullptr;
  QDoubleSpinBox* m_yMax = nullptr;
  QCheckBox* m_legendCheck = nullptr;
  QLabel* m_layoutLabel = nullptr;
  QLabel* m_windowLabel = nullptr;
  QToolBar* m_controls = nullptr;
  QTimer* m_timer = nullptr;
  std::vector<QCPAxisRect*> m_rects;
  std::vector<QCPLegend*> m_stackLegends;  // owned by the rects' inset layouts
  int m_timeTickCount = 0;
};

}  // namespace edgewise::gui
