#include "app/workbench/panes/labeling/timeline_benchmark.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPixmap>
#include <algorithm>
#include <cmath>
#include <functional>
#include <random>
#include <vector>

#include "app/workbench/panes/labeling/timeline_widget.h"

namespace edgewise::gui {

std::shared_ptr<TimelineSeries> synthesizeTimelineSeries(int64_t samples, int channels,
                                                         uint32_t seed) {
  auto s = std::make_shared<TimelineSeries>();
  s->channels = channels;
  s->timestampsUs.resize(static_cast<size_t>(samples));
  s->values.resize(static_cast<size_t>(samples * channels));
  std::mt19937 rng(seed);
  std::normal_distribution<float> noise(0.f, 0.05f);
  const int64_t t0 = 1'760'000'000'000'000;  // a plausible Unix time in microseconds
  for (int64_t i = 0; i < samples; ++i) {
    s->timestampsUs[i] = t0 + i * 1000;  // 1 kHz
    const double t = i / 1000.0;
    // Activity bursts every ~40 s make the picture worth looking at when zoomed out.
    const double burst = std::fmod(t, 40.0) < 12.0 ? 1.0 : 0.25;
    for (int c = 0; c < channels; ++c) {
      const double f = 0.5 + 0.37 * c;
      s->values[i * channels + c] =
          static_cast<float>(burst * std::sin(2 * M_PI * f * t + c) + 0.3 * std::sin(0.01 * t)) +
          noise(rng);
    }
  }
  return s;
}

TimelineBenchRun runTimelineBenchmark(std::shared_ptr<const TimelineSeries> series, bool decimate,
                                      int width, int height) {
  TimelineBenchRun run;
  run.samples = series->sampleCount();
  run.channels = series->channels;
  run.decimated = decimate;

  TimelineWidget w;
  w.resize(width, height);
  w.setDecimation(decimate);
  w.show();
  QCoreApplication::processEvents();

  QElapsedTimer timer;
  timer.start();
  w.setSeries(series, {});
  w.replot(QCustomPlot::rpImmediateRefresh);
  (void)w.grab();
  run.openSeconds = timer.nsecsElapsed() / 1e9;

  // The script: zoom in 40 steps towards a point at 30%, pan right 40 steps, zoom back out
  // 40 steps, page left 20 screens (clamped at the start): 140 frames.
  std::vector<std::function<void()>> steps;
  const double focus = w.fullRange().lower + 0.3 * w.fullRange().size();
  for (int i = 0; i < 40; ++i) steps.push_back([&w, focus] { w.zoomBy(0.8, focus); });
  for (int i = 0; i < 40; ++i) steps.push_back([&w] { w.panBy(0.05); });
  for (int i = 0; i < 40; ++i) steps.push_back([&w] { w.zoomBy(1.25); });
  for (int i = 0; i < 20; ++i) steps.push_back([&w] { w.panBy(-0.5); });

  std::vector<double> frameMs;
  double points = 0;
  QElapsedTimer all;
  all.start();
  for (const auto& step : steps) {
    QElapsedTimer f;
    f.start();
    step();
    w.replot(QCustomPlot::rpImmediateRefresh);
    (void)w.grab();
    QCoreApplication::processEvents();
    frameMs.push_back(f.nsecsElapsed() / 1e6);
    points += static_cast<double>(w.pointsFed());
  }
  const double seconds = all.nsecsElapsed() / 1e9;
  run.frames = static_cast<int>(frameMs.size());
  run.fps = seconds > 0 ? run.frames / seconds : 0;
  std::sort(frameMs.begin(), frameMs.end());
  run.frameMaxMs = frameMs.back();
  run.frameP99Ms = frameMs[static_cast<size_t>(std::ceil(0.99 * frameMs.size())) - 1];
  run.meanPointsPerFrame = points / run.frames;
  return run;
}

}  // namespace edgewise::gui
