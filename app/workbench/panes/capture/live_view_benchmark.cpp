#include "app/workbench/panes/capture/live_view_benchmark.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <atomic>
#include <cmath>
#include <memory>
#include <thread>
#include <vector>
#include "app/workbench/widgets/qcustomplot_include.h"

#include "app/workbench/panes/capture/live_plot_widget.h"
#include "core/capture/live_buffer.h"
#include "core/util/clock.h"
#include "core/util/percentile.h"

namespace edgewise::gui {

LiveViewBenchResult runLiveViewBenchmark(QWidget* parent, int devices, int channelsPerDevice,
                                         double rateHz, double seconds, QSize size) {
  LiveViewBenchResult result;
  result.channels = devices * channelsPerDevice;

  std::vector<std::shared_ptr<capture::LiveBuffer>> buffers;
  std::vector<std::string> names;
  for (int c = 0; c < channelsPerDevice; ++c) names.push_back("ch" + std::to_string(c));
  for (int d = 0; d < devices; ++d) {
    char id[32];
    std::snprintf(id, sizeof id, "imu-%04d", d);
    buffers.push_back(std::make_shared<capture::LiveBuffer>(
        capture::StreamKey{id, std::string("edgewise/") + id + "/imu"}, names, 30000));
  }

  auto plot = std::make_unique<LivePlotWidget>(parent);
  plot->setStreamSource([buffers] { return buffers; });
  plot->resize(size);
  plot->show();
  int replots = 0;
  QObject::connect(plot->plot(), &QCustomPlot::afterReplot, plot.get(), [&replots] { ++replots; });

  // Producer: like the decode thread, appends a batch per device every 10 ms of samples
  // timestamped at the nominal rate.
  std::atomic<bool> stop{false};
  std::atomic<int64_t> produced{0};
  std::thread producer([&] {
    const int64_t startUs = util::wallClockUs();
    const int64_t startMono = util::monotonicUs();
    int64_t emitted = 0;  // samples per device so far
    while (!stop.load()) {
      const double elapsed = (util::monotonicUs() - startMono) / 1e6;
      const auto due = static_cast<int64_t>(elapsed * rateHz);
      if (due > emitted) {
        for (int d = 0; d < devices; ++d) {
          capture::SampleBatch batch;
          batch.channelNames = names;
          batch.sampleRateHz = rateHz;
          for (int64_t i = emitted; i < due; ++i) {
            const double t = static_cast<double>(i) / rateHz;
            batch.timestampsUs.push_back(startUs + static_cast<int64_t>(t * 1e6));
            for (int c = 0; c < channelsPerDevice; ++c)
              batch.values.push_back(static_cast<float>(
                  std::sin(2 * M_PI * (0.5 + 0.3 * c) * t + d) * (1 + c) + 0.1 * d));
          }
          buffers[static_cast<size_t>(d)]->append(batch);
        }
        produced += (due - emitted) * devices;
        emitted = due;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  });

  // Stall probe: a 1 ms timer; any gap beyond its interval is time the event loop was busy.
  std::vector<double> stalls;
  stalls.reserve(static_cast<size_t>(seconds * 1200));
  QElapsedTimer clock;
  clock.start();
  qint64 lastNs = clock.nsecsElapsed();
  QTimer probe;
  probe.setTimerType(Qt::PreciseTimer);
  probe.setInterval(1);
  QObject::connect(&probe, &QTimer::timeout, [&] {
    const qint64 now = clock.nsecsElapsed();
    stalls.push_back(std::max(0.0, (now - lastNs) / 1e6 - 1.0));
    lastNs = now;
  });
  QEventLoop loop;
  // Precise: a coarse timer may end the run up to 5 % early.
  QTimer::singleShot(static_cast<int>(seconds * 1000), Qt::PreciseTimer, &loop, &QEventLoop::quit);
  probe.start();
  loop.exec();
  probe.stop();
  const double measured = clock.nsecsElapsed() / 1e9;

  stop = true;
  producer.join();
  plot.reset();

  result.seconds = measured;
  result.fps = measured > 0 ? replots / measured : 0;
  result.stallP99Ms = stalls.empty() ? 0 : util::percentile(stalls, 99);
  result.stallMaxMs = stalls.empty() ? 0 : *std::max_element(stalls.begin(), stalls.end());
  result.samplesPerSecond = measured > 0 ? produced.load() / measured : 0;
  return result;
}

}  // namespace edgewise::gui
