// Corrective feedback as training data (training::appendFeedback, TrainRequest::
// includeFeedback): rows of the dataset's dims and classes join the train split as samples of
// kind "feedback"; a row of other dims or an unknown class is skipped with a warning; a queue
// row of a sample that is in the prepared data already is left out as a duplicate.

#include <gtest/gtest.h>

#include <QTemporaryDir>
#include <cstring>

#include "core/dataset/data/dataset_repository.h"
#include "core/labeling/feedback_repository.h"
#include "core/store/project.h"
#include "core/training/service/feedback_samples.h"
#include "core/training/service/train_service.h"

namespace edgewise::training {
namespace {

#define EW_ASSERT_OK(r) ASSERT_TRUE((r).ok()) << (r).error().toString()

// A tabular dataset ("blobs"): 3 features, classes a/b, 40 samples.
void makeDataset(store::Project& project, const std::string& name = "blobs") {
  dataset::DatasetInfo info;
  info.name = name;
  info.kind = dataset::DatasetKind::Tabular;
  info.featureDims = 3;
  info.classNames = {"a", "b"};
  std::vector<dataset::ParsedSample> samples;
  for (int i = 0; i < 40; ++i) {
    dataset::ParsedSample s;
    s.label = i % 2;
    s.source = "row " + std::to_string(i);
    const float v[3] = {s.label ? 2.0f : -2.0f, 0.1f * static_cast<float>(i % 5), 1.0f};
    s.blob.resize(sizeof v);
    std::memcpy(s.blob.data(), v, sizeof v);
    samples.push_back(std::move(s));
  }
  dataset::DatasetRepository repo(project);
  auto id = repo.create(info, samples);
  ASSERT_TRUE(id.ok()) << id.error().toString();
}

labeling::Feedback feedback(const std::string& corrected, std::vector<float> features) {
  labeling::Feedback f;
  f.predicted = corrected == "a" ? "b" : "a";
  f.corrected = corrected;
  f.confidence = 0.6;
  f.features = std::move(features);
  return f;
}

TEST(FeedbackTraining, MatchingRowsJoinTheTrainSplitOthersAreSkippedWithAWarning) {
  QTemporaryDir dir;
  auto project = store::Project::open(dir.filePath(QStringLiteral("p.edgewise")).toStdString());
  EW_ASSERT_OK(project);
  makeDataset(**project);
  labeling::FeedbackRepository repo(**project);
  auto f1 = repo.add(feedback("b", {2.5f, 0.0f, 1.0f}));
  auto f2 = repo.add(feedback("a", {-2.5f, 0.3f, 1.0f}));
  auto wrongDims = repo.add(feedback("a", {1.0f, 2.0f}));
  auto unknownClass = repo.add(feedback("c", {0.0f, 0.0f, 0.0f}));
  EW_ASSERT_OK(f1);
  EW_ASSERT_OK(f2);
  EW_ASSERT_OK(wrongDims);
  EW_ASSERT_OK(unknownClass);

  auto plain = prepareData(**project, "blobs", {});
  EW_ASSERT_OK(plain);
  auto data = prepareData(**project, "blobs", {});
  EW_ASSERT_OK(data);
  const int before = data->train.rows();
  EXPECT_EQ(before, 28);  // 70 % of 40

  auto merge = appendFeedback(**project, *data);
  EW_ASSERT_OK(merge);
  EXPECT_EQ(merge->added, 2);
  EXPECT_EQ(merge->skipped, 2);
  ASSERT_EQ(merge->warnings.size(), 2u);
  EXPECT_NE(merge->warnings[0].find("feedback " + std::to_string(wrongDims->id)),
            std::string::npos);
  EXPECT_NE(merge->warnings[0].find("2 feature values"), std::string::npos) << merge->warnings[0];
  EXPECT_NE(merge->warnings[1].find("class 'c'"), std::string::npos) << merge->warnings[1];

  // The train split grew by exactly the matching rows, in feedback id order, labeled with
  // the corrected class; validation and test are untouched.
  ASSERT_EQ(data->train.rows(), before + 2);
  ASSERT_EQ(data->train.y.size(), static_cast<size_t>(before + 2));
  ASSERT_EQ(data->train.sampleIds.size(), static_cast<size_t>(before + 2));
  EXPECT_EQ(data->train.y[static_cast<size_t>(before)], 1);
  EXPECT_EQ(data->train.y[static_cast<size_t>(before + 1)], 0);
  EXPECT_EQ(data->train.sampleIds[static_cast<size_t>(before)], feedbackSampleId(f1->id));
  EXPECT_TRUE(isFeedbackSample(data->train.sampleIds[static_cast<size_t>(before + 1)]));
  EXPECT_FLOAT_EQ(data->train.X.at<float>(before, 0), 2.5f);
  EXPECT_FLOAT_EQ(data->train.X.at<float>(before + 1, 1), 0.3f);
  EXPECT_EQ(data->val.rows(), plain->val.rows());
  EXPECT_EQ(data->test.rows(), plain->test.rows());
  for (int r = 0; r < before; ++r)
    EXPECT_EQ(data->train.sampleIds[static_cast<size_t>(r)],
              plain->train.sampleIds[static_cast<size_t>(r)]);

  // Through the training service: the report says the same and a model is stored.
  TrainRequest req;
  req.datasetName = "blobs";
  req.family = "logreg";
  req.latencySeconds = 0.0;
  req.includeFeedback = true;
  FeedbackMerge report;
  req.feedbackReport = &report;
  std::vector<std::string> messages;
  auto model = trainAndRegister(
      **project, req,
      [&](double, const std::string& m, const TrainProgress*) { messages.push_back(m); });
  EW_ASSERT_OK(model);
  EXPECT_EQ(report.added, 2);
  EXPECT_EQ(report.skipped, 2);
  EXPECT_EQ(std::count_if(messages.begin(), messages.end(),
                          [](const std::string& m) { return m.rfind("warning: ", 0) == 0; }),
            2);
}

TEST(FeedbackTraining, QueueRowsOfSamplesInTheDataAreDuplicatesDeviceRowsStay) {
  QTemporaryDir dir;
  auto project = store::Project::open(dir.filePath(QStringLiteral("p.edgewise")).toStdString());
  EW_ASSERT_OK(project);
  makeDataset(**project);
  auto data = prepareData(**project, "blobs", {});
  EW_ASSERT_OK(data);
  const int before = data->train.rows();
  ASSERT_EQ(before, 28);
  ASSERT_FALSE(data->test.sampleIds.empty());

  // Queue corrections of a train sample and of a test sample (both are in the data: the
  // first would count twice, the second would leak the test split into training), a device
  // row (no sample) and a queue row without a sample (a pool that is not a stored dataset).
  labeling::FeedbackRepository repo(**project);
  const auto queueRow = [&](int64_t sample) {
    labeling::Feedback f = feedback("b", {2.5f, 0.0f, 1.0f});
    f.origin = labeling::kFeedbackFromQueue;
    f.datasetId = data->dataset.id;
    f.sampleId = sample;
    f.modelFamily = "logreg";
    f.modelVersion = 1;
    return f;
  };
  EW_ASSERT_OK(repo.add(queueRow(data->train.sampleIds[3])));
  EW_ASSERT_OK(repo.add(queueRow(data->test.sampleIds[0])));
  labeling::Feedback device = feedback("a", {-2.5f, 0.3f, 1.0f});
  device.origin = labeling::kFeedbackFromDevice;
  device.deviceId = "imu-3";
  auto deviceRow = repo.add(device);
  EW_ASSERT_OK(deviceRow);
  labeling::Feedback noSample = feedback("b", {2.0f, 0.1f, 1.0f});
  noSample.origin = labeling::kFeedbackFromQueue;
  auto noSampleRow = repo.add(noSample);
  EW_ASSERT_OK(noSampleRow);

  auto merge = appendFeedback(**project, *data);
  EW_ASSERT_OK(merge);
  EXPECT_EQ(merge->duplicates, 2);
  EXPECT_EQ(merge->added, 2);
  EXPECT_EQ(merge->skipped, 0);
  EXPECT_TRUE(merge->warnings.empty());
  EXPECT_EQ(feedbackSummary(*merge),
            "2 rows added to the train split, 0 skipped, 2 already in the dataset");
  ASSERT_EQ(data->train.rows(), before + 2);
  EXPECT_EQ(data->train.sampleIds[static_cast<size_t>(before)], feedbackSampleId(deviceRow->id));
  EXPECT_EQ(data->train.sampleIds[static_cast<size_t>(before + 1)],
            feedbackSampleId(noSampleRow->id));

  // Another dataset's data does not hold those samples: there the queue rows are used.
  makeDataset(**project, "blobs2");
  auto data2 = prepareData(**project, "blobs2", {});
  EW_ASSERT_OK(data2);
  auto merge2 = appendFeedback(**project, *data2);
  EW_ASSERT_OK(merge2);
  EXPECT_EQ(merge2->duplicates, 0);
  EXPECT_EQ(merge2->added, 4);
}

}  // namespace
}  // namespace edgewise::training
