#pragma once
// Inter-annotator agreement, disagreements for adjudication and effective labels.
//
// Items are dataset samples, or for recordings fixed frames of frameMs (default 100 ms) laid
// from the recording's first sample (or its first label when it has no samples) to its last
// sample or label end. A frame's label per annotator is the class of that annotator's segment
// covering the frame's midpoint, or none.
//
// Agreement on frames treats "none" as a category of its own (one annotator labeling a span
// the other left empty is a disagreement) but leaves out frames that every selected annotator
// left empty, which would otherwise inflate agreement with long unlabeled stretches.
//
// Effective label of an item or frame (what datasets use), in this order:
//   1. adjudicated: the adjudication's class (for frames: the latest adjudicated range that
//      covers the frame's midpoint);
//   2. unanimous: two or more annotators labeled it and all agree;
//   3. only annotator: exactly one annotator labeled it (EffectivePolicy::acceptSingle);
//   4. majority: more than half of those who labeled it agree (EffectivePolicy::acceptMajority);
//   otherwise unresolved (no label; the item stays in the disagreement list).
// On frames, an annotator who left a frame empty did not rate it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset/data/window_labels.h"
#include "core/labeling/label_repository.h"
#include "core/util/result.h"

namespace edgewise::labeling {

// --- pure statistics (categories are ints >= 0; -1 in a rating vector = not rated) ---

struct CohenResult {
  double kappa = 0;
  double observed = 0;  // p_o
  double expected = 0;  // p_e
  int64_t n = 0;        // items rated by both
};
// Cohen's kappa over the positions both rated. When p_e == 1 (both used one and the same
// category throughout) kappa is 1 if p_o == 1 (sklearn would give NaN). Error when no item
// was rated by both.
Result<CohenResult> cohenKappa(const std::vector<int>& a, const std::vector<int>& b);

struct FleissResult {
  double kappa = 0;
  double observed = 0;  // P-bar
  double expected = 0;  // P-bar_e
  int64_t items = 0;
  int raters = 0;
  std::vector<double> proportion;         // p_j per category
  std::vector<double> categoryKappa;      // Fleiss' per-category kappa (NaN when p_j is 0 or 1)
  std::vector<double> specificAgreement;  // sum n_ij(n_ij-1) / sum n_ij(n-1) (NaN when unused)
};
// counts: one row per item, one column per category, how many raters chose it. Every row must
// have the same number of raters n >= 2.
Result<FleissResult> fleissKappa(const std::vector<std::vector<int>>& counts);

// --- project-level agreement ---

// Ratings of items (rows) by annotators (columns): a category index or -1 (not rated).
struct RatingTable {
  std::vector<int64_t> annotatorIds;
  std::vector<std::vector<int>> ratings;  // [item][annotator]
  std::vector<int64_t> categoryClassIds;  // category index -> class id (0 = "none")
};

struct PairAgreement {
  int64_t annotatorA = 0;
  int64_t annotatorB = 0;
  CohenResult cohen;
};

struct ClassAgreement {
  int64_t classId = 0;  // 0 = "none" (frames)
  double fleissKappa = 0;
  double specificAgreement = 0;
  double proportion = 0;
};

struct AgreementReport {
  std::vector<PairAgreement> pairs;
  std::optional<FleissResult> fleiss;  // over items rated by all selected annotators
  std::vector<ClassAgreement> perClass;
  int64_t items = 0;  // rows of the table
  int64_t itemsRatedByAll = 0;
};

AgreementReport computeAgreement(const RatingTable& table);

struct FrameOptions {
  double frameMs = 100;
  std::vector<int64_t> annotatorIds;  // empty: every annotator with labels on it
};

// Frames of a recording: per annotator the class id at each frame's midpoint (0 = none).
struct FrameGrid {
  int64_t originUs = 0;
  int64_t frameUs = 0;
  int64_t frames = 0;
  std::vector<int64_t> annotatorIds;
  std::vector<std::vector<int64_t>> classOf;  // [annotator][frame]
  int64_t frameStart(int64_t f) const { return originUs + f * frameUs; }
  int64_t frameMid(int64_t f) const { return originUs + f * frameUs + frameUs / 2; }
};
Result<FrameGrid> frameGrid(const LabelRepository& repo, int64_t recordingId,
                            const FrameOptions& options = {});

// Agreement on a dataset's samples (items) or a recording's frames.
Result<AgreementReport> datasetAgreement(const LabelRepository& repo, int64_t datasetId,
                                         const std::vector<int64_t>& annotatorIds = {});
Result<AgreementReport> recordingAgreement(const LabelRepository& repo, int64_t recordingId,
                                           const FrameOptions& options = {});

// --- disagreements and effective labels ---

struct AnnotatorLabel {
  int64_t annotatorId = 0;
  int64_t classId = 0;  // 0 = none
};

struct Disagreement {
  std::optional<int64_t> sampleId;  // an item ...
  int64_t startUs = 0;              // ... or merged frames [startUs, endUs) of a recording
  int64_t endUs = 0;
  std::vector<AnnotatorLabel> labels;  // each selected annotator's label
  std::optional<int64_t> adjudicatedClassId;
};

Result<std::vector<Disagreement>> datasetDisagreements(
    const LabelRepository& repo, int64_t datasetId, const std::vector<int64_t>& annotatorIds = {});
Result<std::vector<Disagreement>> recordingDisagreements(const LabelRepository& repo,
                                                         int64_t recordingId,
                                                         const FrameOptions& options = {});

enum class Basis { Adjudicated, Unanimous, Single, Majority, Unresolved, Unlabeled };
const char* basisName(Basis b);

struct EffectivePolicy {
  bool acceptSingle = true;
  bool acceptMajority = true;
  std::vector<int64_t> annotatorIds;  // empty: every annotator
  double frameMs = 100;
};

// Decides one item from its annotators' labels (class ids, 0 = not rated).
struct Decision {
  int64_t classId = 0;
  Basis basis = Basis::Unlabeled;
};
Decision decide(const std::vector<int64_t>& labels, std::optional<int64_t> adjudicated,
                const EffectivePolicy& policy);

struct EffectiveItem {
  int64_t sampleId = 0;
  int64_t classId = 0;  // 0 when unresolved or unlabeled
  Basis basis = Basis::Unlabeled;
};
// Every sample of the dataset, in idx order.
Result<std::vector<EffectiveItem>> effectiveItemLabels(const LabelRepository& repo,
                                                       int64_t datasetId,
                                                       const EffectivePolicy& policy = {});

struct EffectiveSegment {
  int64_t startUs = 0;
  int64_t endUs = 0;
  int64_t classId = 0;
  std::string className;
};
// The recording's effective labels: frames decided as above, consecutive frames of one class
// merged into segments (frames without an effective label are gaps). This is what the
// recording importer cuts windows from.
Result<std::vector<EffectiveSegment>> effectiveSegments(const LabelRepository& repo,
                                                        int64_t recordingId,
                                                        const EffectivePolicy& policy = {});

// The same as the recordings import takes it (dataset::RecordingSource::labels): the effective
// segments by class name, and the merged ranges of frames left unresolved.
Result<dataset::RecordingLabels> effectiveRecordingLabels(const LabelRepository& repo,
                                                          int64_t recordingId,
                                                          const EffectivePolicy& policy = {});

}  // namespace edgewise::labeling
