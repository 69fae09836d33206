#pragma once
// The vocabulary of imported datasets: what a dataset holds, what an import produced and what
// it refused. A sample's blob is compact and typed by the dataset's kind: float32 features
// (tabular), 8-bit pixels H x W x C in OpenCV's BGR order (image), int16 mono PCM (audio),
// a float32 window of seriesLength samples x seriesChannels values, sample-major (timeseries).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace edgewise::dataset {

enum class DatasetKind { Tabular, Image, Audio, Timeseries };

// "tabular", "image", "audio", "timeseries": the words stored in the project and printed.
const char* kindName(DatasetKind kind);
std::optional<DatasetKind> kindFromName(const std::string& name);

struct DatasetInfo {
  int64_t id = 0;
  std::string name;
  int64_t createdUs = 0;
  DatasetKind kind = DatasetKind::Tabular;
  int featureDims = 0;
  int imageHeight = 0;
  int imageWidth = 0;
  int imageChannels = 0;
  int audioRateHz = 0;
  int seriesChannels = 0;               // timeseries: values per time step
  int seriesLength = 0;                 // timeseries: time steps per window
  double seriesRateHz = 0.0;            // timeseries: time steps per second
  std::vector<std::string> classNames;  // a sample's label is an index into this
  std::string source;                   // what it was imported from
  int64_t sampleCount = 0;              // filled when read back
};

// A file or row an import skipped, and why (shown to the user as "source: reason").
struct Rejection {
  std::string source;
  std::string reason;
};

struct ParsedSample {
  int label = 0;
  std::string source;
  std::vector<uint8_t> blob;
};

// What an importer read from disk, before it is written to a project.
struct ParsedDataset {
  DatasetInfo info;  // id, name and createdUs are set when stored
  std::vector<ParsedSample> samples;
  std::vector<Rejection> rejected;
};

struct ImportReport {
  DatasetInfo dataset;
  std::vector<int64_t> samplesPerClass;  // indexed like dataset.classNames
  std::vector<Rejection> rejected;
};

// Blob bytes one sample of this dataset must have; 0 when variable (audio).
size_t expectedBlobSize(const DatasetInfo& info);

}  // namespace edgewise::dataset
