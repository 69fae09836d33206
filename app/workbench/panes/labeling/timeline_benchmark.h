#pragma once
// `edgewise --bench-timeline`: how long a long recording takes to open in the timeline
// (pyramid + first replot) and how fast a scripted pan/zoom sequence redraws, against the
// same sequence with raw points handed to QCustomPlot (the baseline, on a smaller series).

#include <QString>
#include <cstdint>
#include <memory>

#include "app/workbench/panes/labeling/minmax_pyramid.h"

namespace edgewise::gui {

struct TimelineBenchRun {
  int64_t samples = 0;
  int channels = 0;
  bool decimated = true;
  double openSeconds = 0;  // setSeries (timestamp check + pyramid) + first replot and grab
  double fps = 0;          // frames / seconds over the scripted sequence
  double frameP99Ms = 0;
  double frameMaxMs = 0;
  int frames = 0;
  double meanPointsPerFrame = 0;
};

// Synthetic IMU-like channels (sines, noise, bursts) at 1 kHz.
std::shared_ptr<TimelineSeries> synthesizeTimelineSeries(int64_t samples, int channels,
                                                         uint32_t seed = 7);

// Opens the series in a TimelineWidget of the given size (shown), runs the sequence, with or
// without decimation.
TimelineBenchRun runTimelineBenchmark(std::shared_ptr<const TimelineSeries> series, bool decimate,
                                      int width = 1400, int height = 700);

}  // namespace edgewise::gui
