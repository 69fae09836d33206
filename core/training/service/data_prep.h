#pragma once
// Turns a stored dataset into training matrices: builds (or finds) the dataset version for the
// split parameters, runs the feature block over every sample and stacks the rows per split.
// The training service, the CLI, evaluation and the Training pane all prepare data here, so a
// model is always evaluated on exactly the features it was trained on.
//
// Default features per dataset kind (FeatureSpec::blockId empty):
//   tabular    -> the stored float32 features as they are            inputShape {D}
//   image      -> pixels / 255, channels kept, channel-major (C,H,W)   inputShape {C, H, W}
//   audio      -> "mfcc" over a fixed 1 s (zero-padded or cropped)     inputShape {1, frames,
//   coeffs} timeseries -> the raw window, channel-major (C,L)                  inputShape {C, L}
// A named block: "image" -> {C, H, W} (its output transposed to channel-major); a block with a
// 2-D output (logmel, mfcc) -> {1, rows, cols}; any other block (stats, spectral, raw, ...) ->
// {D}. Rows of X are the row-major flattening of inputShape.

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "core/dataset/data/dataset_repository.h"
#include "core/dataset/data/dataset_types.h"
#include "core/dataset/features/feature_block.h"
#include "core/util/result.h"

namespace edgewise::store {
class Project;
}

namespace edgewise::training {

// Which feature block turns a sample into a row, and its parameter overrides. An empty blockId
// means "the default for the dataset's kind" (see above). After prepareData() the effective
// spec is filled in: blockId is the block actually used ("" stays "" for tabular/image/
// timeseries raw input; "mfcc" for audio) and params holds every parameter of that block.
struct FeatureSpec {
  std::string blockId;
  features::Params params;

  bool operator==(const FeatureSpec& o) const { return blockId == o.blockId && params == o.params; }
};

// FeatureSpec <-> JSON text ({"block":"mfcc","params":{"n_mfcc":13,...}}), for lineage.
std::string featureSpecToJson(const FeatureSpec& spec);
Result<FeatureSpec> featureSpecFromJson(const std::string& json);

// One split: X has one CV_32F row per sample, y the labels, sampleIds the dataset_samples ids
// (so a misclassified row can be shown with loadSampleView()).
struct SplitMatrix {
  cv::Mat X;
  std::vector<int> y;
  std::vector<int64_t> sampleIds;

  int rows() const { return X.rows; }
};

// Where the prepared samples' labels came from. The Labeling pane's annotators label dataset
// samples (image grid, active-learning queue) and the Review view adjudicates their
// disagreements; a sample's effective label (labeling::effectiveItemLabels: adjudicated,
// unanimous, the only annotator's, or the majority's) replaces its stored label. A sample whose
// annotators disagree with nothing deciding is left out (unresolved), and so is one whose
// effective class is not among the dataset's classes (by name). A sample no annotator labeled
// keeps its stored label. A dataset without item labels or adjudications is prepared exactly
// as before (all counts 0).
struct LabelSources {
  int64_t adjudicated = 0;   // labels set by an adjudication
  int64_t annotators = 0;    // labels set by annotators (unanimous, single, majority)
  int64_t changed = 0;       // of those two, labels that differ from the stored one
  int64_t unresolved = 0;    // samples left out: annotators disagree, no adjudication
  int64_t unknownClass = 0;  // samples left out: effective class not in the dataset
  bool any() const { return adjudicated || annotators || unresolved || unknownClass; }
};
// "12 labels from annotators, 3 adjudicated (5 differ from the stored labels); left out: 2
// unresolved disagreements" (empty when !any()).
std::string labelSourcesSummary(const LabelSources& sources);

struct PreparedData {
  dataset::DatasetInfo dataset;
  dataset::DatasetVersion version;
  FeatureSpec features;         // effective (block and every parameter value)
  std::vector<int> inputShape;  // per-sample shape; product == X.cols
  SplitMatrix train, val, test;
  LabelSources labels;

  int numClasses() const { return static_cast<int>(dataset.classNames.size()); }
  int dims() const { return train.X.cols; }
};

struct PrepareOptions {
  dataset::SplitParams split;
  FeatureSpec features;
  // Effective annotator labels replace stored ones (LabelSources); false: the stored labels.
  bool annotatorLabels = true;
};

// Feature blocks that can be applied to a dataset of this kind (the GUI's block combo box);
// the first entry is "" (the default for the kind).
std::vector<std::string> featureBlocksFor(dataset::DatasetKind kind);

// Prepares dataset `datasetName` (by name). progress receives 0..1 while features are
// computed; cancel is polled between samples (Error("cancelled")). Errors: unknown dataset,
// bad split fractions, a block that does not fit the kind, feature vectors of different
// sizes across samples (names the first offending sample), an empty train split.
Result<PreparedData> prepareData(store::Project& project, const std::string& datasetName,
                                 const PrepareOptions& options,
                                 const std::function<void(double)>& progress = {},
                                 const std::atomic<bool>* cancel = nullptr);

// The same for an existing dataset version (by snapshot id), e.g. to re-evaluate a model on
// exactly the split it was trained with. Refuses a version whose dataset is gone. Effective
// annotator labels apply as in prepareData (as they are now: the version's split and snapshot
// id come from the stored labels).
Result<PreparedData> prepareVersion(store::Project& project, const std::string& snapshotId,
                                    const FeatureSpec& features,
                                    const std::function<void(double)>& progress = {},
                                    const std::atomic<bool>* cancel = nullptr);

// The same for samples that live only in memory (e.g. the windows of recordings that the
// active-learning queue labels; info describes them like a stored dataset, with the classes
// the labels index): every sample goes into `train` in the given order, with its id; val and
// test stay empty.
Result<PreparedData> prepareSamples(const dataset::DatasetInfo& info,
                                    const std::vector<dataset::StoredSample>& samples,
                                    const FeatureSpec& features,
                                    const std::function<void(double)>& progress = {},
                                    const std::atomic<bool>* cancel = nullptr);

// One stored sample in a form a view can show: the image (8-bit, as stored: BGR or gray),
// the series (one vector per channel, tabular rows and audio as one channel), the label.
struct SampleView {
  int64_t sampleId = 0;
  int64_t datasetId = 0;
  std::string datasetName;
  dataset::DatasetKind kind = dataset::DatasetKind::Tabular;
  int label = 0;
  std::string className;
  std::string source;
  cv::Mat image;                           // image datasets: CV_8UC1 or CV_8UC3 (BGR)
  std::vector<std::vector<float>> series;  // timeseries: per channel; audio: [-1, 1) PCM
  double rateHz = 0.0;                     // timeseries / audio sample rate
  std::vector<float> vector;               // tabular: the stored features
};

Result<SampleView> loadSampleView(store::Project& project, int64_t sampleId);

}  // namespace edgewise::training
