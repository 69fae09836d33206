// Query strategies on hand-made pools: the rows each strategy picks (worked out by hand next
// to each case), the uncertainty values against scipy, seeded random picks, and the errors.

#include <gtest/gtest.h>

#include <opencv2/core.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <set>

#include "core/active/selection.h"

namespace edgewise::active {
namespace {

#define EW_ASSERT_OK(r) ASSERT_TRUE((r).ok()) << (r).error().toString()

cv::Mat rows(std::initializer_list<std::initializer_list<float>> values) {
  cv::Mat m(static_cast<int>(values.size()), static_cast<int>(values.begin()->size()), CV_32F);
  int r = 0;
  for (const auto& row : values) {
    int c = 0;
    for (float v : row) m.at<float>(r, c++) = v;
    ++r;
  }
  return m;
}

// Four rows of class scores built so that each uncertainty measure ranks them differently:
//   row 0 [0.97 0.01 0.01 0.01]  confident
//   row 1 [0.40 0.30 0.29 0.01]  lowest top score            -> least-confidence
//   row 2 [0.49 0.48 0.02 0.01]  top two almost equal         -> margin
//   row 3 [0.42 0.20 0.19 0.19]  mass spread over all classes -> entropy
cv::Mat fourRowScores() {
  return rows({{0.97f, 0.01f, 0.01f, 0.01f},
               {0.40f, 0.30f, 0.29f, 0.01f},
               {0.49f, 0.48f, 0.02f, 0.01f},
               {0.42f, 0.20f, 0.19f, 0.19f}});
}

Result<std::vector<int>> pick(Strategy s, const cv::Mat& scores, const cv::Mat& features,
                              const std::vector<uint8_t>& mask, int batch, uint64_t seed = 1,
                              SelectOptions options = {}) {
  std::mt19937_64 rng(seed);
  return selectBatch(s, scores, features, mask, batch, rng, options);
}

using Rows = std::vector<int>;

TEST(Strategies, NamesRoundTripAndUnknownNamesListTheKnownOnes) {
  const std::vector<std::string> names = {"random",  "least-confidence", "margin",
                                          "entropy", "kcenter",          "hybrid"};
  ASSERT_EQ(allStrategies().size(), names.size());
  for (size_t i = 0; i < names.size(); ++i) {
    EXPECT_EQ(strategyName(allStrategies()[i]), names[i]);
    auto parsed = parseStrategy(names[i]);
    EW_ASSERT_OK(parsed);
    EXPECT_EQ(*parsed, allStrategies()[i]);
  }
  auto bad = parseStrategy("uncertainty");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("unknown active-learning strategy 'uncertainty'"),
            std::string::npos)
      << bad.error().toString();
  EXPECT_NE(bad.error().message.find("least-confidence, margin, entropy, kcenter, hybrid"),
            std::string::npos)
      << bad.error().toString();
  EXPECT_FALSE(parseStrategy("Margin").ok());  // names are exact
  EXPECT_FALSE(parseStrategy("").ok());
  EXPECT_FALSE(usesScores(Strategy::Random));
  EXPECT_FALSE(usesScores(Strategy::KCenter));
  EXPECT_TRUE(usesScores(Strategy::Hybrid));
  EXPECT_TRUE(usesFeatures(Strategy::KCenter));
  EXPECT_TRUE(usesFeatures(Strategy::Hybrid));
  EXPECT_FALSE(usesFeatures(Strategy::Entropy));
}

TEST(Uncertainty, MatchesScipyOnTheFourRowPool) {
  const cv::Mat p = fourRowScores();
  // Reference: /usr/bin/python3, numpy 1.24 / scipy 1.10 on the same float32 scores:
  //   1 - max                 [0.0299999714 0.599999994  0.5099999905 0.5800000131]
  //   1 - (p1 - p2)           [0.0399999712 0.900000006  0.9899999797 0.7800000161]
  //   scipy.stats.entropy     [0.1677005299 1.1327433971 0.8261388088 1.3173156846]
  const std::vector<double> lc = {0.0299999714, 0.599999994, 0.5099999905, 0.5800000131};
  const std::vector<double> margin = {0.0399999712, 0.900000006, 0.9899999797, 0.7800000161};
  const std::vector<double> entropy = {0.1677005299, 1.1327433971, 0.8261388088, 1.3173156846};
  auto u = uncertainty(Strategy::LeastConfidence, p);
  EW_ASSERT_OK(u);
  for (size_t i = 0; i < 4; ++i) EXPECT_NEAR((*u)[i], lc[i], 1e-7) << i;
  u = uncertainty(Strategy::Margin, p);
  EW_ASSERT_OK(u);
  for (size_t i = 0; i < 4; ++i) EXPECT_NEAR((*u)[i], margin[i], 1e-7) << i;
  u = uncertainty(Strategy::Entropy, p);
  EW_ASSERT_OK(u);
  // scipy normalises each row; the float32 rows sum to 1 within 1e-7.
  for (size_t i = 0; i < 4; ++i) EXPECT_NEAR((*u)[i], entropy[i], 1e-6) << i;
  // Hybrid ranks its candidates by margin.
  u = uncertainty(Strategy::Hybrid, p);
  EW_ASSERT_OK(u);
  for (size_t i = 0; i < 4; ++i) EXPECT_NEAR((*u)[i], margin[i], 1e-7) << i;
}

TEST(Uncertainty, HandValuesOnTwoClassRows) {
  // [0.5 0.5]: lc 0.5, margin 1, entropy ln 2. [1 0]: all 0 (0 log 0 = 0). [0.75 0.25]:
  // lc 0.25, margin 1 - 0.5 = 0.5, entropy -(0.75 ln 0.75 + 0.25 ln 0.25) = 0.5623351446.
  const cv::Mat p = rows({{0.5f, 0.5f}, {1.0f, 0.0f}, {0.75f, 0.25f}});
  auto lc = uncertainty(Strategy::LeastConfidence, p);
  auto mg = uncertainty(Strategy::Margin, p);
  auto en = uncertainty(Strategy::Entropy, p);
  EW_ASSERT_OK(lc);
  EW_ASSERT_OK(mg);
  EW_ASSERT_OK(en);
  EXPECT_DOUBLE_EQ((*lc)[0], 0.5);
  EXPECT_DOUBLE_EQ((*mg)[0], 1.0);
  EXPECT_NEAR((*en)[0], std::log(2.0), 1e-12);
  EXPECT_DOUBLE_EQ((*lc)[1], 0.0);
  EXPECT_DOUBLE_EQ((*mg)[1], 0.0);
  EXPECT_DOUBLE_EQ((*en)[1], 0.0);
  EXPECT_DOUBLE_EQ((*lc)[2], 0.25);
  EXPECT_DOUBLE_EQ((*mg)[2], 0.5);
  EXPECT_NEAR((*en)[2], 0.5623351446, 1e-9);
}

TEST(Uncertainty, RefusesOtherStrategiesAndBadScores) {
  const cv::Mat p = fourRowScores();
  EXPECT_FALSE(uncertainty(Strategy::Random, p).ok());
  EXPECT_FALSE(uncertainty(Strategy::KCenter, p).ok());
  cv::Mat p64;
  p.convertTo(p64, CV_64F);
  EXPECT_FALSE(uncertainty(Strategy::Margin, p64).ok());
  EXPECT_FALSE(uncertainty(Strategy::Margin, cv::Mat(3, 1, CV_32F, cv::Scalar(1.0))).ok());
}

TEST(Select, UncertaintyStrategiesPickTheHandComputedRows) {
  const cv::Mat p = fourRowScores();
  const std::vector<uint8_t> none(4, 0);
  // The rankings from the reference values above.
  for (int batch = 1; batch <= 4; ++batch) {
    const Rows lc = {1, 3, 2, 0}, mg = {2, 1, 3, 0}, en = {3, 1, 2, 0};
    auto a = pick(Strategy::LeastConfidence, p, {}, none, batch);
    auto b = pick(Strategy::Margin, p, {}, none, batch);
    auto c = pick(Strategy::Entropy, p, {}, none, batch);
    EW_ASSERT_OK(a);
    EW_ASSERT_OK(b);
    EW_ASSERT_OK(c);
    EXPECT_EQ(*a, Rows(lc.begin(), lc.begin() + batch)) << batch;
    EXPECT_EQ(*b, Rows(mg.begin(), mg.begin() + batch)) << batch;
    EXPECT_EQ(*c, Rows(en.begin(), en.begin() + batch)) << batch;
  }
  // A batch larger than the pool gives every row once.
  auto all = pick(Strategy::Entropy, p, {}, none, 10);
  EW_ASSERT_OK(all);
  EXPECT_EQ(*all, (Rows{3, 1, 2, 0}));
}

TEST(Select, LabeledRowsAreSkipped) {
  const cv::Mat p = fourRowScores();
  std::vector<uint8_t> mask = {0, 1, 0, 0};  // row 1 is labeled
  auto a = pick(Strategy::LeastConfidence, p, {}, mask, 2);
  auto b = pick(Strategy::Margin, p, {}, mask, 2);
  auto c = pick(Strategy::Entropy, p, {}, mask, 2);
  EW_ASSERT_OK(a);
  EW_ASSERT_OK(b);
  EW_ASSERT_OK(c);
  EXPECT_EQ(*a, (Rows{3, 2}));
  EXPECT_EQ(*b, (Rows{2, 3}));
  EXPECT_EQ(*c, (Rows{3, 2}));
  auto everything = pick(Strategy::Margin, p, {}, {1, 1, 1, 1}, 3);
  EW_ASSERT_OK(everything);
  EXPECT_TRUE(everything->empty());
}

TEST(Select, TiesGoToTheLowerRow) {
  const cv::Mat p = rows({{0.9f, 0.1f}, {0.6f, 0.4f}, {0.9f, 0.1f}, {0.6f, 0.4f}});
  auto a = pick(Strategy::Margin, p, {}, {0, 0, 0, 0}, 3);
  EW_ASSERT_OK(a);
  EXPECT_EQ(*a, (Rows{1, 3, 0}));
}

// Six 2-D points; row 0 is the only labeled one.
//   p0 (0,0) labeled   p1 (1,0)   p2 (10,0)   p3 (0,5)   p4 (10,10)   p5 (5,5)
// Squared distances to p0: 1, 100, 25, 200, 50. Greedy k-center:
//   pick p4 (200); min distances become p1 1, p2 min(100, 100) 100, p3 min(25, 125) 25,
//   p5 min(50, 50) 50; pick p2 (100); then p5 (50, its distance to p2 is 50 too); then p3
//   (25, its distance to p5 is 25 too); then p1.
cv::Mat sixPoints() {
  return rows({{0, 0}, {1, 0}, {10, 0}, {0, 5}, {10, 10}, {5, 5}});
}

TEST(Select, KCenterGreedyPicksTheFarthestRows) {
  const cv::Mat f = sixPoints();
  const std::vector<uint8_t> mask = {1, 0, 0, 0, 0, 0};
  for (int batch = 1; batch <= 5; ++batch) {
    const Rows want = {4, 2, 5, 3, 1};
    auto k = pick(Strategy::KCenter, {}, f, mask, batch);
    EW_ASSERT_OK(k);
    EXPECT_EQ(*k, Rows(want.begin(), want.begin() + batch)) << batch;
  }
  // With p4 labeled as well: distances min over p0 and p4: p1 1, p2 100, p3 25, p5 50.
  auto k = pick(Strategy::KCenter, {}, f, {1, 0, 0, 0, 1, 0}, 2);
  EW_ASSERT_OK(k);
  EXPECT_EQ(*k, (Rows{2, 5}));
  // The scores are not read: any (even empty) scores matrix will do.
  k = pick(Strategy::KCenter, cv::Mat(), f, mask, 1);
  EW_ASSERT_OK(k);
  EXPECT_EQ(*k, (Rows{4}));
}

TEST(Select, KCenterWithNothingLabeledStartsAtARandomRowThenGoesFar) {
  const cv::Mat f = sixPoints();
  const std::vector<uint8_t> none(6, 0);
  std::set<int> firsts;
  for (uint64_t seed = 1; seed <= 40; ++seed) {
    auto k = pick(Strategy::KCenter, {}, f, none, 2, seed);
    EW_ASSERT_OK(k);
    ASSERT_EQ(k->size(), 2u);
    const int a = (*k)[0], b = (*k)[1];
    firsts.insert(a);
    // The second pick is the row farthest from the first (ties: the lower row).
    int farthest = -1;
    float best = -1;
    for (int r = 0; r < 6; ++r) {
      const float dx = f.at<float>(r, 0) - f.at<float>(a, 0);
      const float dy = f.at<float>(r, 1) - f.at<float>(a, 1);
      if (r != a && dx * dx + dy * dy > best) {
        best = dx * dx + dy * dy;
        farthest = r;
      }
    }
    EXPECT_EQ(b, farthest) << "seed " << seed << " first " << a;
    // The same seed gives the same batch.
    auto again = pick(Strategy::KCenter, {}, f, none, 2, seed);
    EW_ASSERT_OK(again);
    EXPECT_EQ(*again, *k);
  }
  EXPECT_GT(firsts.size(), 2u);  // the start is drawn, not always row 0
}

TEST(Select, KCenterStateBetweenRoundsGivesTheSameBatchesAsFromScratch) {
  // 300 random 5-D rows; three rounds of 7 picks, the picks labeled after each round.
  cv::Mat f(300, 5, CV_32F);
  cv::RNG gen(7);
  gen.fill(f, cv::RNG::UNIFORM, 0.0, 10.0);
  std::vector<uint8_t> mask(300, 0);
  for (int r : {3, 50, 120}) mask[static_cast<size_t>(r)] = 1;
  KCenterState state;
  std::mt19937_64 rngA(5), rngB(5);
  for (int round = 0; round < 3; ++round) {
    auto withState = selectBatch(Strategy::KCenter, {}, f, mask, 7, rngA, {}, &state);
    auto scratch = selectBatch(Strategy::KCenter, {}, f, mask, 7, rngB, {});
    EW_ASSERT_OK(withState);
    EW_ASSERT_OK(scratch);
    EXPECT_EQ(*withState, *scratch) << "round " << round;
    ASSERT_EQ(withState->size(), 7u);
    for (int r : *withState) {
      EXPECT_FALSE(mask[static_cast<size_t>(r)]) << r;
      mask[static_cast<size_t>(r)] = 1;
    }
  }
  // The state's distances are the squared distances to the nearest labeled row.
  const std::vector<float>& d = state.update(f, mask);
  for (int i = 0; i < 300; i += 37) {
    float best = std::numeric_limits<float>::infinity();
    for (int l = 0; l < 300; ++l)
      if (mask[static_cast<size_t>(l)])
        best = std::min<float>(best, cv::norm(f.row(i), f.row(l), cv::NORM_L2SQR));
    EXPECT_NEAR(d[static_cast<size_t>(i)], best, 1e-3f * std::max(1.0f, best)) << i;
  }
}

// Hybrid: two classes, row 0 labeled at the origin.
//   row  point    scores       margin uncertainty 1 - (p1 - p2)
//   1    (0.1,0)  [0.50 0.50]  1.00
//   2    (0.2,0)  [0.52 0.48]  0.96
//   3    (8,0)    [0.55 0.45]  0.90
//   4    (0,6)    [0.60 0.40]  0.80
//   5    (100,100)[0.99 0.01]  0.02
// margin, batch 2: rows 1 and 2 (near duplicates next to the labeled row).
// kcenter, batch 2: row 5 (20000), then row 3 (64 from p0 < its distance to p5).
// hybrid, factor 2, batch 2: candidates = the 4 most uncertain {1, 2, 3, 4}; their squared
// distances to p0 are 0.01, 0.04, 64, 36: pick 3, then 4 (36 < 64 + 36). The far, easy row 5
// is never a candidate.
// hybrid, factor 1: candidates {1, 2}; k-center order: 2 (0.04) then 1.
// hybrid with nothing labeled: the most uncertain candidate (1) first, then the candidate
// farthest from it: row 3 (7.9^2 = 62.41 > row 4's 36.01).
struct HybridPool {
  cv::Mat scores = rows({{0.9f, 0.1f},
                         {0.50f, 0.50f},
                         {0.52f, 0.48f},
                         {0.55f, 0.45f},
                         {0.60f, 0.40f},
                         {0.99f, 0.01f}});
  cv::Mat features = rows({{0, 0}, {0.1f, 0}, {0.2f, 0}, {8, 0}, {0, 6}, {100, 100}});
  std::vector<uint8_t> mask = {1, 0, 0, 0, 0, 0};
};

TEST(Select, HybridPicksDiverseRowsAmongTheUncertainOnes) {
  HybridPool h;
  SelectOptions two;
  two.hybridFactor = 2;
  two.hybridDiversity = HybridDiversity::KCenter;
  auto m = pick(Strategy::Margin, h.scores, h.features, h.mask, 2);
  auto k = pick(Strategy::KCenter, h.scores, h.features, h.mask, 2);
  auto y = pick(Strategy::Hybrid, h.scores, h.features, h.mask, 2, 1, two);
  EW_ASSERT_OK(m);
  EW_ASSERT_OK(k);
  EW_ASSERT_OK(y);
  EXPECT_EQ(*m, (Rows{1, 2}));
  EXPECT_EQ(*k, (Rows{5, 3}));
  EXPECT_EQ(*y, (Rows{3, 4}));

  SelectOptions one;
  one.hybridFactor = 1;
  one.hybridDiversity = HybridDiversity::KCenter;
  y = pick(Strategy::Hybrid, h.scores, h.features, h.mask, 2, 1, one);
  EW_ASSERT_OK(y);
  EXPECT_EQ(*y, (Rows{2, 1}));

  y = pick(Strategy::Hybrid, h.scores, h.features, {0, 0, 0, 0, 0, 0}, 2, 1, two);
  EW_ASSERT_OK(y);
  EXPECT_EQ(*y, (Rows{1, 3}));

  // Factor 10 makes every unlabeled row a candidate here: k-center order.
  SelectOptions ten;
  ten.hybridFactor = 10;
  ten.hybridDiversity = HybridDiversity::KCenter;
  y = pick(Strategy::Hybrid, h.scores, h.features, h.mask, 2, 1, ten);
  EW_ASSERT_OK(y);
  EXPECT_EQ(*y, (Rows{5, 3}));
}

// Hybrid with k-means diversity (the default), row 0 labeled at (-5, 0):
//   row  point     scores        margin uncertainty
//   1    (0, 0)    [0.50 0.50]   1.00
//   2    (0.1, 0)  [0.52 0.48]   0.96
//   3    (8, 0)    [0.53 0.47]   0.94
//   4    (8.1, 0)  [0.60 0.40]   0.80
//   5    (100,100) [0.99 0.01]   0.02
// factor 2, batch 2: candidates {1, 2, 3, 4}; seeds row 1 and the candidate farthest from it
// (row 4); clusters {1, 2} and {3, 4}; the most uncertain of each: 1, then 3 (margin would take
// the near duplicates 1 and 2; the outlier 5 is no candidate).
// On the scores instead: seeds 1 and 4 ([0.6 0.4]); rows 2 and 3 are nearer row 1 (0.0008,
// 0.0018 against 0.0128, 0.0098), so the clusters are {1, 2, 3} and {4}: picks 1 and 4.
TEST(Select, HybridClusterTakesTheMostUncertainOfEachCluster) {
  const cv::Mat scores = rows({{0.9f, 0.1f},
                               {0.50f, 0.50f},
                               {0.52f, 0.48f},
                               {0.53f, 0.47f},
                               {0.60f, 0.40f},
                               {0.99f, 0.01f}});
  const cv::Mat features = rows({{-5, 0}, {0, 0}, {0.1f, 0}, {8, 0}, {8.1f, 0}, {100, 100}});
  const std::vector<uint8_t> mask = {1, 0, 0, 0, 0, 0};
  SelectOptions defaults;
  EXPECT_EQ(defaults.hybridDiversity, HybridDiversity::Cluster);
  EXPECT_EQ(defaults.hybridFactor, 2);
  auto m = pick(Strategy::Margin, scores, features, mask, 2);
  auto y = pick(Strategy::Hybrid, scores, features, mask, 2);
  EW_ASSERT_OK(m);
  EW_ASSERT_OK(y);
  EXPECT_EQ(*m, (Rows{1, 2}));
  EXPECT_EQ(*y, (Rows{1, 3}));
  SelectOptions onScores;
  onScores.hybridDiversity = HybridDiversity::ClusterScores;
  y = pick(Strategy::Hybrid, scores, features, mask, 2, 1, onScores);
  EW_ASSERT_OK(y);
  EXPECT_EQ(*y, (Rows{1, 4}));
  // Fewer candidates than the batch: all of them, most uncertain first.
  SelectOptions one;
  one.hybridFactor = 1;
  y = pick(Strategy::Hybrid, scores, features, mask, 2, 1, one);
  EW_ASSERT_OK(y);
  EXPECT_EQ(*y, (Rows{1, 2}));
}

TEST(Select, RandomIsSeededAndNeverPicksLabeledRows) {
  const int n = 100;
  std::vector<uint8_t> mask(n, 0);
  for (int i = 0; i < n; ++i) mask[static_cast<size_t>(i)] = i % 10 != 3;  // 3, 13, ..., 93
  auto a = pick(Strategy::Random, {}, {}, mask, 4, 11);
  auto b = pick(Strategy::Random, {}, {}, mask, 4, 11);
  EW_ASSERT_OK(a);
  EW_ASSERT_OK(b);
  EXPECT_EQ(*a, *b);
  ASSERT_EQ(a->size(), 4u);
  EXPECT_EQ(std::set<int>(a->begin(), a->end()).size(), 4u);
  for (int r : *a) EXPECT_EQ(r % 10, 3) << r;
  // Asking for more than is unlabeled returns each unlabeled row once.
  auto all = pick(Strategy::Random, {}, {}, mask, 50, 11);
  EW_ASSERT_OK(all);
  EXPECT_EQ(std::set<int>(all->begin(), all->end()),
            (std::set<int>{3, 13, 23, 33, 43, 53, 63, 73, 83, 93}));
  EXPECT_EQ(all->size(), 10u);
  // Different seeds draw different batches from 1,000 open rows (C(1000, 5) choices).
  std::vector<uint8_t> open(1000, 0);
  std::set<Rows> batches;
  for (uint64_t seed = 0; seed < 5; ++seed) {
    auto r = pick(Strategy::Random, {}, {}, open, 5, seed);
    EW_ASSERT_OK(r);
    batches.insert(*r);
  }
  EXPECT_EQ(batches.size(), 5u);
  // Over many draws every open row is reachable.
  std::set<int> seen;
  for (uint64_t seed = 0; seed < 200; ++seed) {
    auto r = pick(Strategy::Random, {}, {}, mask, 1, seed);
    EW_ASSERT_OK(r);
    seen.insert(r->front());
  }
  EXPECT_EQ(seen.size(), 10u);
}

TEST(Select, ErrorsForShapesBatchAndFactor) {
  const cv::Mat p = fourRowScores();
  const std::vector<uint8_t> four(4, 0);
  // batch < 1
  for (int batch : {0, -3}) {
    auto r = pick(Strategy::Random, {}, {}, four, batch);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("batch size must be >= 1"), std::string::npos);
  }
  // Scores with another number of rows than the mask, or not CV_32F, or one column.
  auto r = pick(Strategy::Margin, p, {}, std::vector<uint8_t>(5, 0), 1);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("5 rows"), std::string::npos) << r.error().toString();
  EXPECT_NE(r.error().context.find("margin"), std::string::npos) << r.error().toString();
  cv::Mat p64;
  p.convertTo(p64, CV_64F);
  EXPECT_FALSE(pick(Strategy::Entropy, p64, {}, four, 1).ok());
  EXPECT_FALSE(
      pick(Strategy::LeastConfidence, cv::Mat(4, 1, CV_32F, cv::Scalar(1.0)), {}, four, 1).ok());
  EXPECT_FALSE(pick(Strategy::Hybrid, cv::Mat(), sixPoints().rowRange(0, 4), four, 1).ok());
  // Features with another number of rows, or missing, for the strategies that read them.
  r = pick(Strategy::KCenter, {}, sixPoints(), four, 1);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("features must be CV_32F with 4 rows"), std::string::npos)
      << r.error().toString();
  EXPECT_FALSE(pick(Strategy::KCenter, {}, cv::Mat(), four, 1).ok());
  EXPECT_FALSE(pick(Strategy::Hybrid, p, cv::Mat(), four, 1).ok());
  // Strategies that do not read features or scores do not check them.
  EXPECT_TRUE(pick(Strategy::Margin, p, sixPoints(), four, 1).ok());
  EXPECT_TRUE(pick(Strategy::Random, p64, sixPoints(), four, 1).ok());
  SelectOptions zero;
  zero.hybridFactor = 0;
  EXPECT_FALSE(pick(Strategy::Hybrid, p, sixPoints().rowRange(0, 4), four, 1, 1, zero).ok());
}

}  // namespace
}  // namespace edgewise::active
