#pragma once
// The live-view performance hook (wired to `edgewise --bench-live` by the shell): feeds
// LiveBuffers from a producer thread like the decode thread would, while a LivePlotWidget
// shows them, and measures how responsive the GUI thread stays.

#include <QWidget>

namespace edgewise::gui {

struct LiveViewBenchResult {
  double stallP99Ms = 0;        // 99th percentile of event-loop stalls (gap beyond the 1 ms tick)
  double stallMaxMs = 0;        // worst stall
  double fps = 0;               // completed replots per second (QCustomPlot::afterReplot)
  int channels = 0;             // devices x channelsPerDevice
  double seconds = 0;           // measured duration
  double samplesPerSecond = 0;  // samples appended by the producer per second
};

// Runs the GUI event loop for `seconds` with `devices` streams of `channelsPerDevice`
// channels at `rateHz` (the case: 10 x 6 at 100 Hz). The widget is a child of
// `parent` (may be nullptr: a top-level window), has `size` and is deleted before returning.
// Must run on the GUI thread with a QApplication.
LiveViewBenchResult runLiveViewBenchmark(QWidget* parent, int devices, int channelsPerDevice,
                                         double rateHz, double seconds,
                                         QSize size = QSize(1400, 800));

}  // namespace edgewise::gui
