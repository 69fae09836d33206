#include "core/dataset/data/dataset_repository.h"
#include "core/dataset/data/dataset_version.h"
#include "core/dataset/data/importers.h"
#include "core/store/project.h"
#include "tests/dataset/data/dataset_test_util.h"

namespace edgewise::dataset::test {
namespace {

using DatasetVersions = DatasetTest;

TEST(StratifiedSplit, SameSeedSameSplitProportionsPerClass) {
  std::vector<int> labels;
  const int perClass[3] = {100, 37, 9};
  for (int c = 0; c < 3; ++c) {
    for (int i = 0; i < perClass[c]; ++i) labels.push_back(c);
  }
  SplitParams p;
  p.seed = 7;
  const std::vector<uint8_t> a = stratifiedSplit(labels, p);
  EXPECT_EQ(a, stratifiedSplit(labels, p));
  SplitParams other = p;
  other.seed = 8;
  EXPECT_NE(a, stratifiedSplit(labels, other));
  for (int c = 0; c < 3; ++c) {
    int counts[3] = {0, 0, 0};
    for (size_t i = 0; i < labels.size(); ++i) {
      if (labels[i] == c) ++counts[a[i]];
    }
    const double n = perClass[c];
    EXPECT_LE(std::abs(counts[0] - n * 0.7), 1.0) << "class " << c;
    EXPECT_LE(std::abs(counts[1] - n * 0.15), 1.0) << "class " << c;
    EXPECT_LE(std::abs(counts[2] - n * 0.15), 1.0) << "class " << c;
  }
  // 100 samples: exactly 70/15/15.
  int c0[3] = {0, 0, 0};
  for (int i = 0; i < 100; ++i) ++c0[a[i]];
  EXPECT_EQ(c0[0], 70);
  EXPECT_EQ(c0[1], 15);
  EXPECT_EQ(c0[2], 15);
}

TEST(StratifiedSplit, InvalidFractions) {
  SplitParams p;
  p.trainFraction = 0.8;
  auto r = validateSplitParams(p);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "split fractions must add up to 1 (train + val + test)");
  p.trainFraction = -0.1;
  EXPECT_FALSE(validateSplitParams(p).ok());
}

TEST_F(DatasetVersions, BuildIsDeterministicStoredAndBalanced) {
  auto project = store::Project::open(path("p.edgewise"));
  EW_ASSERT_OK(project);
  ParsedDataset p;
  p.info.kind = DatasetKind::Image;
  p.info.imageHeight = p.info.imageWidth = p.info.imageChannels = 1;
  p.info.classNames = {"x", "y"};
  for (int i = 0; i < 60; ++i) {
    p.samples.push_back({i < 40 ? 0 : 1, "s" + std::to_string(i), {static_cast<uint8_t>(i)}});
  }
  auto report = importDataset(**project, "d", p);
  EW_ASSERT_OK(report);
  DatasetRepository repo(**project);
  SplitParams params;
  params.seed = 1234;
  auto v1 = buildVersion(repo, report->dataset.id, params);
  EW_ASSERT_OK(v1);
  EXPECT_EQ(v1->snapshotId.size(), 64u);
  auto v2 = buildVersion(repo, report->dataset.id, params);
  EW_ASSERT_OK(v2);
  EXPECT_EQ(v2->snapshotId, v1->snapshotId);
  EXPECT_EQ(v2->id, v1->id);
  EXPECT_EQ(v2->assignment, v1->assignment);
  params.seed = 99;
  auto v3 = buildVersion(repo, report->dataset.id, params);
  EW_ASSERT_OK(v3);
  EXPECT_NE(v3->snapshotId, v1->snapshotId);
  auto all = repo.versions(report->dataset.id);
  EW_ASSERT_OK(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].assignment, v1->assignment);
  EXPECT_EQ((*all)[0].params.seed, 1234u);
  EXPECT_DOUBLE_EQ((*all)[0].params.trainFraction, 0.7);

  auto balance = classBalance(repo, *v1);
  EW_ASSERT_OK(balance);
  ASSERT_EQ(balance->size(), 2u);
  EXPECT_EQ((*balance)[0], (std::array<int64_t, 3>{28, 6, 6}));
  EXPECT_EQ((*balance)[1], (std::array<int64_t, 3>{14, 3, 3}));

  SplitParams bad;
  bad.valFraction = 0.5;
  EXPECT_FALSE(buildVersion(repo, report->dataset.id, bad).ok());
}

}  // namespace
}  // namespace edgewise::dataset::test
