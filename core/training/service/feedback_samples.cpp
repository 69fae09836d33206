#include "core/training/service/feedback_samples.h"

#include <algorithm>
#include <unordered_set>

#include <opencv2/core.hpp>

#include "core/labeling/feedback_repository.h"

namespace edgewise::training {

std::string feedbackSummary(const FeedbackMerge& merge) {
  return std::to_string(merge.added) + " rows added to the train split, " +
         std::to_string(merge.skipped) + " skipped, " + std::to_string(merge.duplicates) +
         " already in the dataset";
}

Result<FeedbackMerge> appendFeedback(store::Project& project, PreparedData& data) {
  labeling::FeedbackRepository repo(project);
  auto rows = repo.list();
  if (!rows.ok()) return rows.error().wrap("reading corrective feedback");
  const std::vector<std::string>& names = data.dataset.classNames;
  const int dims = data.dims();
  std::unordered_set<int64_t> inData;
  for (const SplitMatrix* split : {&data.train, &data.val, &data.test})
    for (int64_t id : split->sampleIds)
      if (!isFeedbackSample(id)) inData.insert(id);
  FeedbackMerge merge;
  cv::Mat extra;
  std::vector<int> labels;
  std::vector<int64_t> ids;
  for (const labeling::Feedback& f : *rows) {
    if (f.sampleId && f.datasetId == data.dataset.id && inData.count(*f.sampleId)) {
      ++merge.duplicates;
      continue;
    }
    const std::string which = "feedback " + std::to_string(f.id);
    const auto cls = std::find(names.begin(), names.end(), f.corrected);
    if (static_cast<int>(f.features.size()) != dims) {
      merge.warnings.push_back(which + " skipped: " + std::to_string(f.features.size()) +
                               " feature values, the dataset's features have " +
                               std::to_string(dims));
    } else if (cls == names.end()) {
      merge.warnings.push_back(which + " skipped: class '" + f.corrected + "' is not one of '" +
                               data.dataset.name + "'");
    } else {
      cv::Mat row(1, dims, CV_32F, const_cast<float*>(f.features.data()));
      extra.push_back(row.clone());
      labels.push_back(static_cast<int>(cls - names.begin()));
      ids.push_back(feedbackSampleId(f.id));
      ++merge.added;
      continue;
    }
    ++merge.skipped;
  }
  if (merge.added > 0) {
    SplitMatrix& train = data.train;
    if (train.X.empty())
      train.X = extra;
    else
      cv::vconcat(train.X, extra, train.X);
    train.y.insert(train.y.end(), labels.begin(), labels.end());
    train.sampleIds.insert(train.sampleIds.end(), ids.begin(), ids.end());
  }
  return merge;
}

}  // namespace edgewise::training
