// prepareData with the Labeling pane's labels (issue 4: "the adjudicated label is what datasets
// use"): annotators' item labels and adjudications replace a sample's stored label; a sample
// whose annotators disagree with nothing deciding is left out and counted. Real project file.

#include <gtest/gtest.h>

#include <QTemporaryDir>

#include <cstring>

#include "core/dataset/data/dataset_repository.h"
#include "core/labeling/label_repository.h"
#include "core/store/project.h"
#include "core/training/service/data_prep.h"

namespace edgewise::training {
namespace {

#define EW_ASSERT_OK(r) ASSERT_TRUE((r).ok()) << (r).error().toString()

TEST(AnnotatorLabels, EffectiveItemLabelsReplaceStoredOnesUnresolvedLeftOut) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  auto opened = store::Project::open(dir.filePath(QStringLiteral("p.edgewise")).toStdString());
  EW_ASSERT_OK(opened);
  store::Project& project = **opened;
  // Tabular, one feature = i, stored labels x y x y ... (i % 2); a twin dataset nobody labeled.
  std::vector<int64_t> ids[2];
  for (int d = 0; d < 2; ++d) {
    dataset::DatasetInfo info;
    info.name = d == 0 ? "tab" : "twin";
    info.kind = dataset::DatasetKind::Tabular;
    info.featureDims = 1;
    info.classNames = {"x", "y"};
    std::vector<dataset::ParsedSample> samples(10);
    for (size_t i = 0; i < samples.size(); ++i) {
      const float v = static_cast<float>(i);
      samples[i].label = static_cast<int>(i % 2);
      samples[i].source = "row " + std::to_string(i);
      samples[i].blob.resize(sizeof v);
      std::memcpy(samples[i].blob.data(), &v, sizeof v);
    }
    dataset::DatasetRepository repo(project);
    auto id = repo.create(info, samples);
    EW_ASSERT_OK(id);
    auto stored = repo.labels(*id);
    EW_ASSERT_OK(stored);
    for (const auto& l : *stored) ids[d].push_back(l.id);
  }
  const std::vector<int64_t>& s = ids[0];
  labeling::LabelRepository labels(project);
  auto x = labels.addClass("x");
  auto y = labels.addClass("y");
  auto q = labels.addClass("q");  // not a class of the dataset
  auto a = labels.addAnnotator("a");
  auto b = labels.addAnnotator("b");
  auto judge = labels.addAnnotator("judge");
  EW_ASSERT_OK(q);
  EW_ASSERT_OK(judge);
  EW_ASSERT_OK(labels.setItemLabel(s[0], y->id, a->id));  // s0 (x): unanimous y
  EW_ASSERT_OK(labels.setItemLabel(s[0], y->id, b->id));
  EW_ASSERT_OK(labels.setItemLabel(s[1], y->id, a->id));  // s1 (y): only a, y
  EW_ASSERT_OK(labels.setItemLabel(s[2], x->id, a->id));  // s2 (x): x vs y, unresolved
  EW_ASSERT_OK(labels.setItemLabel(s[2], y->id, b->id));
  EW_ASSERT_OK(labels.setItemLabel(s[3], x->id, a->id));  // s3 (y): x vs y, judge says x
  EW_ASSERT_OK(labels.setItemLabel(s[3], y->id, b->id));
  EW_ASSERT_OK(labels.adjudicateItem(s[3], x->id, judge->id));
  EW_ASSERT_OK(labels.setItemLabel(s[4], q->id, a->id));  // s4 (x): q, not in the dataset

  PrepareOptions all;
  all.split = {1.0, 0.0, 0.0, 1};  // everything in train, idx order
  auto data = prepareData(project, "tab", all);
  EW_ASSERT_OK(data);
  EXPECT_EQ(data->train.sampleIds,
            (std::vector<int64_t>{s[0], s[1], s[3], s[5], s[6], s[7], s[8], s[9]}));
  EXPECT_EQ(data->train.y, (std::vector<int>{1, 1, 0, 1, 0, 1, 0, 1}));
  ASSERT_EQ(data->train.rows(), 8);
  const float want[8] = {0, 1, 3, 5, 6, 7, 8, 9};
  for (int r = 0; r < 8; ++r) EXPECT_EQ(data->train.X.at<float>(r, 0), want[r]) << r;
  EXPECT_EQ(data->labels.annotators, 2);
  EXPECT_EQ(data->labels.adjudicated, 1);
  EXPECT_EQ(data->labels.changed, 2);  // s0 x -> y, s3 y -> x
  EXPECT_EQ(data->labels.unresolved, 1);
  EXPECT_EQ(data->labels.unknownClass, 1);
  EXPECT_EQ(labelSourcesSummary(data->labels),
            "2 labels from annotators, 1 adjudicated (2 differ from the stored labels); left "
            "out: 1 unresolved disagreements, 1 labeled with a class the dataset does not have");

  // The model's own version prepares the same way.
  auto again = prepareVersion(project, data->version.snapshotId, data->features);
  EW_ASSERT_OK(again);
  EXPECT_EQ(again->train.y, data->train.y);
  EXPECT_EQ(again->train.sampleIds, data->train.sampleIds);

  // Opting out: the stored labels, every sample.
  all.annotatorLabels = false;
  auto stored = prepareData(project, "tab", all);
  EW_ASSERT_OK(stored);
  EXPECT_EQ(stored->train.y, (std::vector<int>{0, 1, 0, 1, 0, 1, 0, 1, 0, 1}));
  EXPECT_FALSE(stored->labels.any());

  // Adjudicating s2 brings it back with the judge's class.
  EW_ASSERT_OK(labels.adjudicateItem(s[2], y->id, judge->id));
  all.annotatorLabels = true;
  data = prepareData(project, "tab", all);
  EW_ASSERT_OK(data);
  EXPECT_EQ(data->train.y, (std::vector<int>{1, 1, 1, 0, 1, 0, 1, 0, 1}));
  EXPECT_EQ(data->labels.adjudicated, 2);
  EXPECT_EQ(data->labels.changed, 3);
  EXPECT_EQ(data->labels.unresolved, 0);

  // The twin, whose samples nobody labeled: prepared exactly as stored, nothing counted.
  auto twin = prepareData(project, "twin", all);
  EW_ASSERT_OK(twin);
  EXPECT_EQ(twin->train.y, (std::vector<int>{0, 1, 0, 1, 0, 1, 0, 1, 0, 1}));
  EXPECT_FALSE(twin->labels.any());
}

}  // namespace
}  // namespace edgewise::training
