#pragma once
// Recordings from the capture pane cut into fixed-length windows: the one windowing that both
// readRecordings (a dataset with one label per recording) and the active-learning queue's
// recording pool (unlabeled windows, labeled one by one as segments) use.
//
// Each source's time-series stream is cut into windows of windowMs every strideMs; a trailing
// partial window is dropped. The window length in samples is fixed by the first usable stream
// (round(windowMs * rate / 1000)); every later stream must have its channel count and (within
// 1 %) its rate. A source whose recording or stream is missing, that is an image stream, or
// that is shorter than one window is a rejection with a reason; the caller decides whether
// "no window at all" is an error.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/dataset/data/dataset_types.h"
#include "core/util/result.h"

namespace edgewise::store {
class Project;
struct StreamSpec;
}  // namespace edgewise::store

namespace edgewise::dataset {

struct RecordingWindowing {
  double windowMs = 2000;
  double strideMs = 1000;
};

// A recording's stream: "device/topic" as the capture pane shows it, or empty for the
// recording's first time-series stream.
struct RecordingStreamRef {
  int64_t recordingId = 0;
  std::string stream;
};

// One stream that gave windows, with its samples (read once, shared by its windows).
struct WindowedStream {
  size_t source = 0;  // index into the sources passed in
  int64_t recordingId = 0;
  int64_t streamId = 0;
  std::string name;      // "device/topic"
  int64_t originUs = 0;  // the recording's start: window offsets count from here
  std::vector<int64_t> timestampsUs;
  std::vector<float> values;  // sample-major, `channels` values per sample
};

struct RecordingWindow {
  size_t stream = 0;       // index into RecordingWindows::streams
  size_t firstSample = 0;  // into that stream
  int64_t startUs = 0;     // timestamp of the first sample
  // Exclusive: the timestamp of the sample after the window, or for the stream's last window
  // the last sample's timestamp plus one sample period.
  int64_t endUs = 0;
};

struct RecordingWindows {
  int channels = 0;
  int length = 0;  // samples per window
  int stride = 0;  // samples between window starts
  double rateHz = 0.0;
  std::vector<WindowedStream> streams;
  std::vector<RecordingWindow> windows;  // stream by stream, in time order
  struct Rejected {
    size_t source = 0;  // index into the sources passed in
    Rejection rejection;
  };
  std::vector<Rejected> rejected;

  // The window's length x channels values (sample-major), inside its stream's buffer.
  const float* valuesOf(const RecordingWindow& w) const;
  // "recording 3 dev1/imu @1000": the recording, the stream and the start in ms from the
  // recording's start (the source text of an imported window).
  std::string sourceOf(const RecordingWindow& w) const;
  // Milliseconds from the recording's start to the window's first sample.
  int64_t offsetMs(const RecordingWindow& w) const;
};

// "device/topic".
std::string streamName(const store::StreamSpec& spec);

// Errors only for what makes every window impossible: a window or stride that is not positive
// or less than one sample at the first stream's rate.
Result<RecordingWindows> windowRecordings(store::Project& project,
                                          const std::vector<RecordingStreamRef>& sources,
                                          const RecordingWindowing& windowing = {});

}  // namespace edgewise::dataset
