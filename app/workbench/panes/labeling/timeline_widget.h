#pragma once
// The Labeling pane's timeline: a recording's channels over time (stacked bands or overlaid)
// with label segments as coloured spans. Long recordings stay smooth because every redraw
// feeds QCustomPlot about two points per pixel column and channel, taken from a min/max
// pyramid built once per recording (raw samples once zoomed in far enough).
//
// Mouse: drag on empty space creates a segment of the current class, drag a span's edge to
// resize it, click selects (Ctrl adds), Shift+drag or the right button pans, the wheel zooms.
// Keys: 1-9 assign a class to the selection, Delete removes it, Ctrl+Z / Ctrl+Shift+Z (and
// Ctrl+Y) undo/redo, Left/Right pan, PageUp/PageDown move by a screen, +/- zoom, Home/End,
// N jumps to the next unlabeled span, S to the next suggested span. Every edit is a
// QUndoCommand on undoStack().

#include <QStringList>
#include <QUndoStack>
#include <memory>
#include <set>
#include <vector>

#include "app/workbench/panes/labeling/minmax_pyramid.h"
#include "app/workbench/panes/labeling/timeline_model.h"
#include "app/workbench/widgets/qcustomplot_include.h"

class QLabel;

namespace edgewise::gui {

class TimelineWidget : public QCustomPlot {
  Q_OBJECT
 public:
  enum class ChannelLayout { Stacked, Overlaid };

  explicit TimelineWidget(QWidget* parent = nullptr);
  ~TimelineWidget() override;

  // Opens a series: checks its timestamps (sorting a copy when they go backwards), builds
  // the pyramid and shows the whole recording. channelNames may be empty.
  void setSeries(std::shared_ptr<const TimelineSeries> series, const QStringList& channelNames);
  void clearSeries();
  const TimelineSeries* series() const { return m_series.get(); }
  const MinMaxPyramid& pyramid() const { return m_pyramid; }
  const TimestampReport& timestampReport() const { return m_report; }
  bool warningShown() const;
  QString warningText() const;

  // The label model is not owned; nullptr detaches. Clears the undo stack.
  void setLabelModel(TimelineLabelModel* model);
  TimelineLabelModel* labelModel() const { return m_model; }
  void refreshLabels();  // after the model changed behind the widget's back

  void setCurrentClass(int classId) { m_currentClass = classId; }
  int currentClass() const { return m_currentClass; }
  QUndoStack* undoStack() { return &m_undo; }

  std::set<int64_t> selection() const { return m_selection; }
  void setSelection(const std::set<int64_t>& ids);

  void setChannelLayout(ChannelLayout layout);
  ChannelLayout channelLayout() const { return m_layout; }
  void setChannelVisible(int channel, bool visible);
  bool channelVisible(int channel) const;
  // Off: every raw sample is handed to QCustomPlot once (the benchmark's baseline).
  void setDecimation(bool on);
  bool decimation() const { return m_decimate; }
  // Spectrogram of channel 0 under the waveform (spectrogram.h), sharing the time axis: the
  // pane enables it for audio streams (sampleRateHz > 0; 0 removes it). Only the visible
  // part is computed, at most one STFT column per pixel (hop = max(window / 4, samples per
  // pixel)), after every layout that changed the range or width.
  void setSpectrogramRate(double sampleRateHz);
  double spectrogramRate() const { return m_specRate; }
  void setSpectrogramVisible(bool on);
  bool spectrogramVisible() const { return m_specShown; }
  QCPColorMap* spectrogramMap() const { return m_specMap; }
  QCPAxisRect* spectrogramRect() const { return m_specRect; }
  QCPColorScale* spectrogramScale() const { return m_specScale; }
  int spectrogramHop() const { return m_specHop; }

  // Points handed to QCustomPlot in the last update (all channels).
  int64_t pointsFed() const { return m_pointsFed; }

  // Time axis: seconds since the first sample.
  int64_t originUs() const { return m_originUs; }
  double keyOf(int64_t us) const { return (us - m_originUs) / 1e6; }
  int64_t usOf(double key) const;
  void setVisibleRange(double startKey, double endKey);
  QCPRange visibleRange() const { return xAxis->range(); }
  QCPRange fullRange() const;
  double pixelOf(int64_t us) const;  // widget x coordinate

  // The key and mouse operations, callable directly.
  void panBy(double fractionOfView);
  void zoomBy(double factor, double centerKey);
  void zoomBy(double factor) { zoomBy(factor, xAxis->range().center()); }
  void assignClass(int classId);  // to the selection
  void deleteSelection();
  bool jumpToNextUnlabeled();
  bool jumpToNextSuggestion();
  // The span the last jump went to (unlabeled or suggested).
  std::pair<int64_t, int64_t> lastJumpSpan() const { return m_lastJump; }

  // Used by the undo commands.
  void applyError(const Error& error);

 Q_SIGNALS:
  void selectionChanged();
  void labelsChanged();
  void errorOccurred(const QString& message);
  void viewChanged();

 protected:
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  enum class Drag { None, Create, ResizeStart, ResizeEnd, Pan };
  struct Hit {
    int64_t id = -1;
    Drag edge = Drag::None;
  };

  void updateGraphData();
  void updateSpectrogram();
  void placeSpectrogram();
  bool inPlot(const QPointF& pos) const;
  void rebuildGraphs();
  void feedRaw();
  void updateYAxis();
  void updateWarning();
  void retranslateUi();
  void clampRange(QCPRange& r) const;
  Hit hitTest(double px) const;
  int64_t snap(int64_t us) const;
  double yOf(int channel, float v) const;
  const TimelineClass* classById(int id) const;

  std::shared_ptr<const TimelineSeries> m_series;
  MinMaxPyramid m_pyramid;
  TimestampReport m_report;
  QStringList m_channelNames;
  std::vector<bool> m_visible;
  std::vector<std::pair<float, float>> m_channelRange;  // global min/max per channel
  std::vector<QCPGraph*> m_graphs;                      // one per channel
  std::vector<MinMax> m_columns;
  ChannelLayout m_layout = ChannelLayout::Stacked;
  bool m_decimate = true;
  bool m_rawFed = false;
  int64_t m_originUs = 0;
  int64_t m_pointsFed = 0;
  QCPRange m_fedRange;
  int m_fedWidth = -1;
  bool m_dataDirty = true;

  TimelineLabelModel* m_model = nullptr;
  std::vector<TimelineClass> m_classes;
  std::vector<TimelineSegment> m_segments;
  std::set<int64_t> m_selection;
  std::vector<QCPAbstractItem*> m_spanItems;
  int m_currentClass = 0;
  QUndoStack m_undo;

  Drag m_drag = Drag::None;
  double m_pressX = 0;
  int64_t m_anchorUs = 0;
  TimelineSegment m_dragSegment;  // the live copy while resizing
  TimelineSegment m_dragBefore;
  QCPRange m_panStartRange;
  QCPItemRect* m_preview = nullptr;

  std::pair<int64_t, int64_t> m_lastJump{0, 0};
  int64_t m_unlabeledCursor = INT64_MIN;
  int64_t m_suggestionCursor = INT64_MIN;

  QLabel* m_warning = nullptr;

  QCPAxisRect* m_specRect = nullptr;
  QCPColorMap* m_specMap = nullptr;
  QCPColorScale* m_specScale = nullptr;
  QCPMarginGroup* m_specMargins = nullptr;
  double m_specRate = 0;
  bool m_specWanted = true;
  bool m_specShown = false;
  bool m_specDirty = true;
  int m_specHop = 0;
  QCPRange m_specFedRange;
  int m_specFedWidth = -1;
};

}  // namespace edgewise::gui
