// Hyper-parameter search over OpenCV families on a quarter of the digits split.

#include <gtest/gtest.h>

#include <set>

#include "core/training/ensemble/search.h"
#include "core/training/opencv/cv_classifiers.h"
#include "tests/training/ensemble/test_data.h"

namespace edgewise::training::test {
namespace {

const SearchData& data() {
  static const SearchData d = [] {
    const SplitData s = subsample(digits7015(), 4);  // 875 train, 188 val
    return SearchData{s.trainX, s.trainY, s.valX, s.valY, s.numClasses};
  }();
  return d;
}

ClassifierFromParams family(const std::string& id) {
  return [id](const HyperParams& p) { return createOpenCvClassifier(id, p, 42); };
}

double validationScore(const std::string& id, const HyperParams& p) {
  auto c = createOpenCvClassifier(id, p, 42);
  EXPECT_TRUE(c.ok());
  EXPECT_TRUE((*c)->train(data().trainX, data().trainY, 10).ok());
  return accuracy((*c)->predictBatch(data().valX), data().valY);
}

TEST(Search, SampledConfigurationsStayInTheirRanges) {
  SearchSpace space{{ParamRange::log("k", 1, 300, true), ParamRange::linear("lr", 0.5, 2.0),
                     ParamRange::choice("reg", {"0", "1", "10"})},
                    {{"fixed", "yes"}}};
  ASSERT_TRUE(validateSearchSpace(space).ok());
  const auto configs = sampleConfigurations(space, 300, 5);
  std::set<std::string> regs;
  int small = 0;
  for (const HyperParams& p : configs) {
    const int k = std::stoi(p.at("k"));
    EXPECT_GE(k, 1);
    EXPECT_LE(k, 300);
    small += k <= 17;  // log-uniform: about half below sqrt(300)
    EXPECT_GE(std::stod(p.at("lr")), 0.5);
    EXPECT_LE(std::stod(p.at("lr")), 2.0);
    regs.insert(p.at("reg"));
    EXPECT_EQ(p.at("fixed"), "yes");
  }
  EXPECT_EQ(regs, (std::set<std::string>{"0", "1", "10"}));
  EXPECT_GT(small, 100);
  EXPECT_LT(small, 200);
  EXPECT_EQ(sampleConfigurations(space, 5, 5), sampleConfigurations(space, 5, 5));
  EXPECT_NE(sampleConfigurations(space, 5, 5), sampleConfigurations(space, 5, 6));

  EXPECT_FALSE(validateSearchSpace({{ParamRange::log("C", 0, 1)}, {}}).ok());
  EXPECT_FALSE(validateSearchSpace({{ParamRange::linear("C", 2, 1)}, {}}).ok());
  EXPECT_FALSE(validateSearchSpace({{ParamRange::choice("k", {})}, {}}).ok());
  EXPECT_FALSE(
      validateSearchSpace({{ParamRange::choice("k", {"1"}), ParamRange::choice("k", {"2"})}, {}})
          .ok());
  EXPECT_FALSE(validateSearchSpace({{ParamRange::choice("k", {"1"})}, {{"k", "3"}}}).ok());
  EXPECT_FALSE(validateSearchSpace({{ParamRange::choice("epochs", {"ten"})}, {}}).ok());
  EXPECT_FALSE(validateSearchSpace({{ParamRange::linear("k", 1.2, 1.8, true)}, {}}).ok());
}

TEST(Search, RandomSearchBeatsABadFixedKAndC) {
  const double badK = validationScore("knn", {{"k", "150"}});
  SearchOptions options;
  options.maxTrials = 8;
  options.seed = 3;
  auto knn =
      randomSearch({{ParamRange::log("k", 1, 150, true)}, {}}, family("knn"), data(), options);
  ASSERT_TRUE(knn.ok()) << knn.error().toString();
  ASSERT_EQ(knn->trials.size(), 8u);
  ASSERT_GE(knn->bestTrial, 0);
  std::printf("[ measured ] knn k=150: val %.4f; search best k=%s: %.4f\n", badK,
              knn->bestParams.at("k").c_str(), knn->bestScore);
  EXPECT_GE(knn->bestScore, badK + 0.05);
  // The reported score is what that configuration really gets, and no trial beat it.
  EXPECT_DOUBLE_EQ(knn->bestScore, validationScore("knn", knn->bestParams));
  for (const SearchTrial& t : knn->trials) {
    EXPECT_LE(t.score, knn->bestScore);
    EXPECT_EQ(t.resource, 1.0);
    EXPECT_TRUE(t.error.empty()) << t.error;
  }
  EXPECT_DOUBLE_EQ(knn->totalResource, 8.0);

  const double badC = validationScore("svm-rbf", {{"C", "0.01"}});
  options.maxTrials = 5;
  auto svm =
      randomSearch({{ParamRange::log("C", 0.01, 100)}, {}}, family("svm-rbf"), data(), options);
  ASSERT_TRUE(svm.ok());
  std::printf("[ measured ] svm-rbf C=0.01: val %.4f; search best C=%s: %.4f\n", badC,
              svm->bestParams.at("C").c_str(), svm->bestScore);
  EXPECT_GE(svm->bestScore, badC + 0.1);
}

TEST(Search, DeterministicForASeed) {
  SearchOptions options;
  options.maxTrials = 4;
  options.seed = 11;
  const SearchSpace space{{ParamRange::log("k", 1, 50, true)}, {}};
  auto a = randomSearch(space, family("knn"), data(), options);
  auto b = randomSearch(space, family("knn"), data(), options);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->trials.size(), b->trials.size());
  for (size_t i = 0; i < a->trials.size(); ++i) {
    EXPECT_EQ(a->trials[i].params, b->trials[i].params);
    EXPECT_EQ(a->trials[i].score, b->trials[i].score);
  }
  auto h1 = successiveHalving(space, family("knn"), data(), options);
  auto h2 = successiveHalving(space, family("knn"), data(), options);
  ASSERT_TRUE(h1.ok() && h2.ok());
  EXPECT_EQ(h1->bestParams, h2->bestParams);
  EXPECT_EQ(h1->trials.size(), h2->trials.size());
}

TEST(Search, HalvingSpendsLessResourceThanRandomSearch) {
  SearchOptions options;
  options.maxTrials = 9;
  options.seed = 1;
  const SearchSpace space{{ParamRange::log("C", 0.01, 100)}, {}};
  auto full = randomSearch(space, family("svm-rbf"), data(), options);
  auto halving = successiveHalving(space, family("svm-rbf"), data(), options);
  ASSERT_TRUE(full.ok() && halving.ok());
  // 9 configurations at 1/9 of the training set, the best 3 at 1/3, the best one at all of it.
  ASSERT_EQ(halving->trials.size(), 13u);
  for (size_t i = 0; i < 13; ++i) {
    const int rung = i < 9 ? 0 : i < 12 ? 1 : 2;
    EXPECT_EQ(halving->trials[i].rung, rung);
    EXPECT_NEAR(halving->trials[i].resource, std::pow(3.0, rung - 2), 1e-12);
  }
  // The promoted ones are the best of the rung below.
  std::vector<double> rung0;
  for (size_t i = 0; i < 9; ++i) rung0.push_back(halving->trials[i].score);
  std::sort(rung0.rbegin(), rung0.rend());
  for (size_t i = 9; i < 12; ++i) {
    const SearchTrial& t = halving->trials[i];
    EXPECT_GE(halving->trials[static_cast<size_t>(t.config)].score, rung0[2]);
  }
  EXPECT_EQ(halving->trials[12].config,
            halving->trials[static_cast<size_t>(halving->bestTrial)].config);
  EXPECT_EQ(halving->bestTrial, 12);
  EXPECT_NEAR(halving->totalResource, 3.0, 1e-9);
  EXPECT_NEAR(full->totalResource, 9.0, 1e-9);
  std::printf(
      "[ measured ] random search: best %.4f, %.2f s, resource %.1f; halving: best %.4f, "
      "%.2f s, resource %.1f\n",
      full->bestScore, full->seconds, full->totalResource, halving->bestScore, halving->seconds,
      halving->totalResource);
  EXPECT_LT(halving->seconds, full->seconds);
  EXPECT_GE(halving->bestScore, full->bestScore - 0.03);
}

TEST(Search, EpochsAreTheResourceWhenSearched) {
  std::vector<HyperParams> seen;
  // logreg's L-BFGS iterations stand in for epochs.
  ClassifierFromParams factory = [&seen](const HyperParams& p) {
    seen.push_back(p);
    HyperParams q = p;
    q["iterations"] = q.at("epochs");
    q.erase("epochs");
    return createOpenCvClassifier("logreg", q, 42);
  };
  SearchOptions options;
  options.maxTrials = 9;
  const SearchSpace space{
      {ParamRange::linear("epochs", 1, 27, true), ParamRange::log("reg", 0.1, 10)}, {}};
  auto r = successiveHalving(space, factory, data(), options);
  ASSERT_TRUE(r.ok()) << r.error().toString();
  ASSERT_EQ(r->trials.size(), 13u);
  for (size_t i = 0; i < 13; ++i) {
    const int epochs = i < 9 ? 3 : i < 12 ? 9 : 27;
    EXPECT_EQ(r->trials[i].resource, epochs);
    EXPECT_EQ(seen[i].at("epochs"), std::to_string(epochs));
  }
  EXPECT_EQ(r->totalResource, 9 * 3 + 3 * 9 + 27);
}

TEST(Search, BudgetCancelAndFailingTrials) {
  // rf with 300 trees takes a few hundred ms here: a 0.6 s budget allows only a few.
  SearchOptions options;
  options.maxTrials = 50;
  options.budgetSeconds = 0.6;
  const SearchSpace space{{ParamRange::choice("max_depth", {"5", "10", "20"})}, {{"trees", "300"}}};
  auto r = randomSearch(space, family("rf"), data(), options);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->stoppedByBudget);
  EXPECT_LT(r->trials.size(), 50u);
  EXPECT_GE(r->trials.size(), 1u);
  double longest = 0.0;
  for (const SearchTrial& t : r->trials) longest = std::max(longest, t.seconds);
  EXPECT_LE(r->seconds, options.budgetSeconds + longest + 0.2);
  auto h = successiveHalving(space, family("rf"), data(), options);
  ASSERT_TRUE(h.ok());
  EXPECT_TRUE(h->stoppedByBudget);
  EXPECT_GE(h->bestTrial, 0);

  std::atomic<bool> cancel{true};
  options.cancel = &cancel;
  auto c = randomSearch(space, family("rf"), data(), options);
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c->cancelled);
  EXPECT_TRUE(c->trials.empty());
  EXPECT_EQ(c->bestTrial, -1);

  // Bad values are failed trials, not a failed search; the good ones still win.
  SearchOptions plain;
  plain.maxTrials = 6;
  auto failing =
      randomSearch({{ParamRange::choice("k", {"0", "3"})}, {}}, family("knn"), data(), plain);
  ASSERT_TRUE(failing.ok());
  int failed = 0;
  for (const SearchTrial& t : failing->trials) {
    if (t.params.at("k") == "0") {
      ++failed;
      EXPECT_NE(t.error.find("k must be in [1, 1000]"), std::string::npos) << t.error;
      EXPECT_EQ(t.score, 0.0);
    }
  }
  EXPECT_GT(failed, 0);
  EXPECT_EQ(failing->bestParams.at("k"), "3");

  SearchData noVal = data();
  noVal.valY.clear();
  EXPECT_FALSE(randomSearch({{ParamRange::choice("k", {"3"})}, {}}, family("knn"), noVal).ok());
}

}  // namespace
}  // namespace edgewise::training::test
