#pragma once
// Corrective feedback (MLIoT) as training data: the rows of the project's feedback table
// (labeling::FeedbackRepository: pre-annotations a user corrected in the Labeling pane,
// devices' predictions corrected through the fleet) appended to a prepared train split as
// labeled samples of kind "feedback". `edgewise-cli train --include-feedback` and
// TrainRequest::includeFeedback use it.
//
// A row is used when its features have exactly the dataset's feature dims and its corrected
// class is one of the dataset's classes; any other row is skipped with a warning (the
// features of another model's input, a device that sent no features, an unknown class).
// Feedback rows never enter the validation or test split, so metrics stay comparable.
//
// A row that names a dataset sample (the queue's corrections: Feedback::datasetId/sampleId)
// which is already in the prepared data, in any split, is left out and counted as a
// duplicate: that sample's input is in the data already, so the row would train on it twice
// (with two labels when the dataset's label and the correction differ) or put a validation/
// test sample into training. The queue keeps its label of the sample as the annotator's item
// label, and prepared data uses the sample's effective label (annotators' and adjudicated
// labels over the stored one, data_prep.h), so the correction reaches training through the
// sample itself. Rows of another dataset's samples and device rows (no sample) are used as
// before.

#include <string>
#include <vector>

#include "core/training/service/data_prep.h"
#include "core/util/result.h"

namespace edgewise::store {
class Project;
}

namespace edgewise::training {

struct FeedbackMerge {
  int added = 0;       // rows appended to the train split
  int skipped = 0;     // rows left out (one warning each)
  int duplicates = 0;  // rows of a sample already in the prepared data (no warning)
  std::vector<std::string> warnings;
};

// "N rows added to the train split, N skipped, N already in the dataset": the one summary
// line the training service and the CLI print.
std::string feedbackSummary(const FeedbackMerge& merge);

// The sample id a feedback row gets in SplitMatrix::sampleIds: minus its feedback id (dataset
// sample ids are positive), so a row's kind is "feedback" when its id is negative.
inline int64_t feedbackSampleId(int64_t feedbackId) {
  return -feedbackId;
}
inline bool isFeedbackSample(int64_t sampleId) {
  return sampleId < 0;
}

// Appends every usable feedback row to data.train (X, y, sampleIds).
Result<FeedbackMerge> appendFeedback(store::Project& project, PreparedData& data);

}  // namespace edgewise::training
