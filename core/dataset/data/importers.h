#pragma once
// Importers: read CSV, IDX (MNIST), image folders, WAV folders and OpenCV's digits.png into a
// ParsedDataset. A bad single file or row is a Rejection with a reason and is skipped; an
// error is returned only when the input as a whole cannot be read (missing file, bad IDX
// header, ...). importDataset() then writes everything in one transaction, or nothing.

#include <optional>
#include <string>
#include <vector>

#include "core/dataset/data/dataset_types.h"
#include "core/dataset/data/recording_windows.h"
#include "core/dataset/data/window_labels.h"
#include "core/util/result.h"

namespace edgewise::store {
class Project;
}

namespace edgewise::dataset {

struct CsvOptions {
  std::string file;
  std::string labelColumn;  // a header name, or a 0-based index (-1: the last column)
  enum class Header { Auto, Present, Absent } header = Header::Auto;
};

struct IdxPair {
  std::string images;  // idx3-ubyte, plain or gzip
  std::string labels;  // idx1-ubyte, plain or gzip
};

Result<ParsedDataset> readCsv(const CsvOptions& options);
Result<ParsedDataset> readIdx(const std::vector<IdxPair>& pairs);
// DIR/<class>/*.png|jpg|jpeg; all images must have the first accepted image's size/channels.
Result<ParsedDataset> readImageFolder(const std::string& dir);
// DIR/<class>/*.wav, PCM 16-bit mono or stereo (mixed to mono), one sample rate.
Result<ParsedDataset> readWavFolder(const std::string& dir);
// OpenCV's digits.png: 2000x1000 gray, 20x20 cells, 100 x 50, five rows per class 0..9.
Result<ParsedDataset> readDigitsPng(const std::string& file);

// Recordings from the capture pane, one label per recording (as Edge Impulse labels a sample
// file): each source's stream is cut into windows by windowRecordings() (recording_windows.h)
// and every window gets the source's label. The classes are the distinct labels in order of
// first appearance. A source without a label is a Rejection like the ones windowRecordings
// gives (in source order); no usable window at all is an error. `stream` is "device/topic" as
// shown in the capture pane, or empty for the recording's only (first) time-series stream.
// `effective`, when not empty, has one entry per source: a source whose entry is set (the
// recording's effective labels from the Labeling pane, labeling::effectiveRecordingLabels)
// ignores its `label`; each of its windows is labeled by labelWindow() (window_labels.h), and
// the windows it skips are counted per source and reason as one Rejection each, after the
// others.
struct RecordingSource {
  int64_t recordingId = 0;
  std::string label;
  std::string stream;
};
Result<ParsedDataset> readRecordings(
    store::Project& project, const std::vector<RecordingSource>& sources,
    const RecordingWindowing& windowing = {},
    const std::vector<std::optional<RecordingLabels>>& effective = {});

// Stores parsed under `name`; fails (and stores nothing) when no sample is usable.
Result<ImportReport> importDataset(store::Project& project, const std::string& name,
                                   const ParsedDataset& parsed);

}  // namespace edgewise::dataset
