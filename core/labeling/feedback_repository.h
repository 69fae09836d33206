#pragma once
// Corrective feedback (MLIoT) in the project file (table feedback, schema 7): a prediction
// that a user corrected, either a pre-annotation of the Labeling pane's active-learning queue
// or a device's prediction reported by the fleet. The row keeps the model's input (float32
// little-endian, `dims` values) so a retrain can use it as a labeled sample of kind
// "feedback" (training::appendFeedback, `edgewise-cli train --include-feedback`).
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

struct Feedback {
  int64_t id = 0;
  std::string deviceId;  // "" for the workbench's own queue
  std::optional<int64_t> modelId;
  std::string modelSha256;
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
  // or corrected class.
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
