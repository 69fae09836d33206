#pragma once
// Corrective feedback (MLIoT) in the project file (table feedback, schema 7; provenance
// columns schema 8): a prediction that a user corrected, either a pre-annotation of the
// Labeling pane's active-learning queue or a device's prediction reported by the fleet. The
// row keeps the model's input (float32 little-endian, `dims` values) so a retrain can use it
// as a labeled sample of kind "feedback" (training::appendFeedback, `edgewise-cli train
// --include-feedback`).
//
// Class names, not ids: feedback from a device names the classes of the model it ran.
// Not thread-safe: use it on the thread that owns the Project.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/util/result.h"

namespace edgewise::store {
class Project;
}

namespace edgewise::labeling {

// Feedback::origin values.
inline constexpr const char* kFeedbackFromQueue = "queue";    // the Labeling pane's queue
inline constexpr const char* kFeedbackFromDevice = "device";  // a device's prediction

struct Feedback {
  int64_t id = 0;
  std::string origin;    // kFeedbackFromQueue, kFeedbackFromDevice ("" when not known)
  std::string deviceId;  // "" for the workbench's own queue
  // The registered model (models table) that made the prediction: a device's installed model.
  // Null for the queue: its suggestions come from the in-session learner
  // (active::ActiveLearner), which is trained on the annotator's labels as they come and never
  // registered; modelFamily and modelVersion say which of its models it was.
  std::optional<int64_t> modelId;
  std::string modelSha256;
  std::string modelFamily;              // Classifier::id() of an unregistered model
  std::optional<int64_t> modelVersion;  // the learner's model version within its session
  // The dataset sample the user corrected (the queue on a stored dataset; null for devices
  // and for pools that are not a stored dataset). The queue also stores the correction as the
  // annotator's item label of that sample; a retrain on that dataset, which has the sample
  // already, leaves the row out (training::appendFeedback).
  std::optional<int64_t> datasetId;
  std::optional<int64_t> sampleId;
  int64_t tsUs = 0;  // when the prediction was made (0 on add: now)
  std::string predicted;
  std::string corrected;
  std::optional<double> confidence;  // the model's score for `predicted`
  std::vector<float> features;       // the model's input; dims = features.size()
  std::optional<int64_t> annotatorId;
  int64_t createdUs = 0;  // 0 on add: now
};

// float32 little-endian bytes <-> values (the blob format of feedback.features).
std::vector<uint8_t> encodeFloat32Le(const std::vector<float>& values);
// An error when the size is not a multiple of 4.
Result<std::vector<float>> decodeFloat32Le(const uint8_t* data, size_t size);

class FeedbackRepository {
 public:
  explicit FeedbackRepository(store::Project& project);
  ~FeedbackRepository();
  FeedbackRepository(const FeedbackRepository&) = delete;
  FeedbackRepository& operator=(const FeedbackRepository&) = delete;

  // Stores a row (id ignored); returns it with its id and times. Refuses an empty predicted
  // or corrected class, and a sample id without its dataset id or of another dataset.
  Result<Feedback> add(const Feedback& row);
  // Every row, in id order; modelId set: only that model's rows.
  Result<std::vector<Feedback>> list(std::optional<int64_t> modelId = {}) const;
  Result<Feedback> get(int64_t id) const;
  Result<void> remove(int64_t id);
  // Inserts a row exactly as given (its id must be free): the undo of remove().
  Result<void> restore(const Feedback& row);
  Result<int64_t> count() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> m_impl;
};

}  // namespace edgewise::labeling
