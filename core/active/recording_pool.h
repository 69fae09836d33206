#pragma once
// The active-learning pool made of recordings (issue 4: "a pool of unlabeled windows (from
// recordings)"): the recordings' streams are cut into windows by dataset::windowRecordings (the
// windowing of the recordings import) and every window becomes a row through the training
// feature pipeline (training::prepareSamples), so the queue's model sees windows exactly as a
// model trained on an imported recordings dataset would. A window labeled in the queue becomes
// a label segment of the recording (start and end of the window), written by the caller.

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/dataset/data/recording_windows.h"
#include "core/training/service/data_prep.h"
#include "core/util/result.h"

namespace edgewise::store {
class Project;
}

namespace edgewise::active {

struct RecordingPoolOptions {
  std::vector<dataset::RecordingStreamRef> streams;
  dataset::RecordingWindowing windowing;
  training::FeatureSpec features;       // the block the rows are computed with ("": raw window)
  std::vector<std::string> classNames;  // what a window can be labeled as (at least two)
};

struct RecordingPool {
  dataset::RecordingWindows windows;  // row r of data.train is windows.windows[r]
  training::PreparedData data;        // train: one row per window (sample id = r); no val/test
  std::vector<dataset::Rejection> rejected;  // sources that gave no window, and why
};

// Errors: no stream chosen, fewer than two classes, a windowing that cannot work, no usable
// window at all (the message lists every source's reason), a feature block that does not fit.
// progress gets 0..1 while features are computed; cancel is polled between chunks.
Result<RecordingPool> prepareRecordingPool(store::Project& project,
                                           const RecordingPoolOptions& options,
                                           const std::function<void(double)>& progress = {},
                                           const std::atomic<bool>* cancel = nullptr);

// A labeled time span of a recording (a label segment).
struct LabeledSpan {
  int64_t recordingId = 0;
  int64_t startUs = 0;
  int64_t endUs = 0;  // exclusive
  int64_t classId = 0;
};

// For every window: the class id whose spans cover most of it when spans cover the window
// completely, else 0 (not labeled). The spans are one annotator's, which never overlap; where
// two classes cover a window equally the earlier span's class wins.
std::vector<int64_t> coveringClasses(const dataset::RecordingWindows& windows,
                                     std::vector<LabeledSpan> spans);

// Starting values for a recording pool, from what the project already has: the newest model
// trained on a time-series dataset gives its feature block and that dataset's windowing; else
// the newest time-series dataset gives its windowing (window-ms / stride-ms of its source, or
// its window length; stride half a window). Without either: 2000 / 1000 ms and the "stats"
// block (per-channel statistics: a logistic regression on a handful of labels does far
// better on them than on raw samples, whose phase differs from window to window).
struct RecordingPoolDefaults {
  double windowMs = 2000;
  double strideMs = 1000;
  training::FeatureSpec features{"stats", {}};
  int64_t fromModel = 0;    // the model whose block and dataset gave the values, or 0
  std::string fromDataset;  // the dataset whose windowing they are ("": built-in)
};
RecordingPoolDefaults recordingPoolDefaults(store::Project& project);

}  // namespace edgewise::active
