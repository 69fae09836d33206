// Tests of searchAndRegister and the data-aware defaults: a real project file, a small digits
// subset, real OpenCV / LibTorch models. The search engine itself is tested in
// tests/training/ensemble; here: what the service registers, lineage, cancel, budgets.

#include <gtest/gtest.h>

#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <iostream>
#include <set>

#include "core/dataset/data/dataset_repository.h"
#include "core/dataset/data/importers.h"
#include "core/dataset/data/simulated_dataset.h"
#include "core/store/project.h"
#include "core/store/sqlite_util.h"
#include "core/training/service/data_prep.h"
#include "core/training/service/model_factory.h"
#include "core/training/service/model_registry.h"
#include "core/training/service/search_service.h"
#include "core/training/service/train_service.h"

namespace edgewise::training {
namespace {

#define EW_ASSERT_OK(r) ASSERT_TRUE((r).ok()) << (r).error().toString()

std::string digitsPng() {
  return qEnvironmentVariable("EDGEWISE_TEST_DATA").toStdString() + "/digits.png";
}

class Search : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(m_dir.isValid());
    auto p = store::Project::open(m_dir.filePath(QStringLiteral("p.edgewise")).toStdString());
    EW_ASSERT_OK(p);
    m_project = std::move(p.value());
  }
  // The first perClass images of each digit (digits.png holds 500 per class, 20x20).
  void importDigits(int perClass) {
    auto parsed = dataset::readDigitsPng(digitsPng());
    ASSERT_TRUE(parsed.ok()) << parsed.error().toString();
    std::vector<int> taken(parsed->info.classNames.size(), 0);
    std::vector<dataset::ParsedSample> keep;
    for (auto& s : parsed->samples)
      if (taken[static_cast<size_t>(s.label)]++ < perClass) keep.push_back(std::move(s));
    parsed->samples = std::move(keep);
    auto r = dataset::importDataset(*m_project, "digits", *parsed);
    ASSERT_TRUE(r.ok()) << r.error().toString();
  }
  int64_t modelCount() {
    return store::detail::queryInt64(m_project->handle(), "SELECT count(*) FROM models")
        .valueOr(-1);
  }

  QTemporaryDir m_dir;
  std::unique_ptr<store::Project> m_project;
};

TEST(SearchDefaults, ImageShapedMlpGetsTheImageRecipe) {
  const HyperParams image = defaultHyperParams("mlp", {1, 20, 20});
  EXPECT_EQ(image.at("augment_shift"), "1");
  EXPECT_EQ(image.at("standardize"), "global");
  EXPECT_EQ(image.at("dropout"), "0.2");
  EXPECT_EQ(image.at("patience"), "10");
  EXPECT_EQ(image.at("epochs"), "30");
  EXPECT_EQ(image.at("hidden"), "256,128");  // the rest: the plain defaults
  // Flat features, small images and other families keep the plain defaults.
  EXPECT_EQ(defaultHyperParams("mlp", {64}), defaultHyperParams("mlp"));
  EXPECT_EQ(defaultHyperParams("mlp", {1, 4, 4}), defaultHyperParams("mlp"));
  EXPECT_EQ(defaultHyperParams("cnn2d", {1, 20, 20}), defaultHyperParams("cnn2d"));
  EXPECT_EQ(defaultHyperParams("knn", {1, 20, 20}), defaultHyperParams("knn"));
  // A user's value wins over the data-aware one.
  const HyperParams p = withDataDefaults("mlp", {1, 20, 20}, {{"dropout", "0.5"}});
  EXPECT_EQ(p.at("dropout"), "0.5");
  EXPECT_EQ(p.at("augment_shift"), "1");
}

TEST(SearchDefaults, EverySearchableFamilyHasAValidSpace) {
  for (const std::string& family : modelFamilies()) {
    const std::vector<int> shape = family == "cnn1d"   ? std::vector<int>{3, 32}
                                   : family == "cnn2d" ? std::vector<int>{1, 8, 8}
                                                       : std::vector<int>{16};
    Result<SearchSpace> s = defaultSearchSpace(family, shape);
    if (family == "ensemble") {
      EXPECT_FALSE(s.ok());
      continue;
    }
    ASSERT_TRUE(s.ok()) << family << ": " << s.error().toString();
    EXPECT_TRUE(validateSearchSpace(*s).ok()) << family;
    EXPECT_FALSE(s->ranges.empty()) << family;
    // Every sampled configuration makes a classifier of the family.
    for (const HyperParams& cfg : sampleConfigurations(*s, 5, 7)) {
      HyperParams params = s->fixed;
      for (const auto& [k, v] : cfg) params[k] = v;
      auto made = createClassifier(family, params, 1, shape);
      EXPECT_TRUE(made.ok()) << family << ": " << (made.ok() ? "" : made.error().toString());
    }
  }
  EXPECT_FALSE(defaultSearchSpace("cnn2d", {64}).ok());  // wrong shape named
  EXPECT_FALSE(defaultSearchSpace("nope", {64}).ok());
  // Image-shaped mlp: the image recipe is fixed, the searched dropout is not.
  Result<SearchSpace> mlp = defaultSearchSpace("mlp", {1, 20, 20});
  EW_ASSERT_OK(mlp);
  EXPECT_EQ(mlp->fixed.at("augment_shift"), "1");
  EXPECT_EQ(mlp->fixed.count("dropout"), 0u);
}

TEST_F(Search, TrainRecordsTheDataAwareParamsOfAnImageDataset) {
  importDigits(12);
  TrainRequest req;
  req.datasetName = "digits";
  req.family = "mlp";
  req.params = {{"epochs", "2"}, {"hidden", "16"}};
  req.latencySeconds = 0.01;
  auto rec = trainAndRegister(*m_project, req);
  EW_ASSERT_OK(rec);
  EXPECT_EQ(rec->inputShape, (std::vector<int>{1, 20, 20}));
  EXPECT_EQ(rec->hyperParams.at("augment_shift"), "1");
  EXPECT_EQ(rec->hyperParams.at("standardize"), "global");
  EXPECT_DOUBLE_EQ(std::stod(rec->hyperParams.at("dropout")), 0.2);
  EXPECT_EQ(rec->hyperParams.at("patience"), "10");
  EXPECT_EQ(rec->hyperParams.at("epochs"), "2");  // the request's value wins
  EXPECT_EQ(rec->hyperParams.at("hidden"), "16");
}

TEST_F(Search, RandomKnnSearchRegistersTheBestConfiguration) {
  importDigits(40);  // 400 images: 280 train, 60 val, 60 test
  SearchRequest req;
  req.datasetName = "digits";
  req.family = "knn";
  req.method = "random";
  req.maxTrials = 8;
  req.budgetSeconds = 120;
  req.seed = 5;
  req.latencySeconds = 0.01;
  std::vector<std::string> messages;
  double last = -1;
  bool monotonic = true;
  auto out =
      searchAndRegister(*m_project, req, [&](double f, const std::string& m, const TrainProgress*) {
        if (f < last) monotonic = false;
        last = f;
        messages.push_back(m);
      });
  EW_ASSERT_OK(out);
  EXPECT_TRUE(monotonic);
  EXPECT_EQ(last, 1.0);
  EXPECT_EQ(std::count_if(messages.begin(), messages.end(),
                          [](const std::string& m) { return m.rfind("trial ", 0) == 0; }),
            8);
  ASSERT_EQ(out->trials.size(), 8u);
  std::set<std::string> ks;
  double maxScore = -1;
  for (const SearchTrialInfo& t : out->trials) {
    EXPECT_TRUE(t.error.empty()) << t.error;
    EXPECT_EQ(t.resource, 1.0);
    maxScore = std::max(maxScore, t.valScore);
    const int k = std::stoi(t.params.at("k"));
    EXPECT_GE(k, 1);
    EXPECT_LE(k, 25);
    ks.insert(t.params.at("k"));
  }
  EXPECT_GT(ks.size(), 2u);  // the sampling explores
  ASSERT_GE(out->bestTrial, 0);
  EXPECT_EQ(out->bestValScore, maxScore);
  EXPECT_EQ(out->trials[static_cast<size_t>(out->bestTrial)].valScore, maxScore);
  EXPECT_EQ(out->bestParams, out->trials[static_cast<size_t>(out->bestTrial)].params);
  EXPECT_GT(maxScore, 0.7);  // 10 classes: chance is 0.1

  const ModelRecord& best = out->best;
  EXPECT_EQ(best.family, "knn");
  EXPECT_EQ(best.origin, "search:random");
  EXPECT_EQ(best.name, "knn on digits (search)");
  EXPECT_EQ(best.hyperParams.at("k"), out->bestParams.at("k"));
  EXPECT_EQ(best.hyperParams.at("search.method"), "random");
  EXPECT_EQ(best.hyperParams.at("search.trials"), "8");
  EXPECT_EQ(best.hyperParams.at("search.budget_s"), "120");
  EXPECT_EQ(modelCount(), 1);

  // Independent evaluation: a new kNN with the best k, trained on the same training split,
  // scored on the test split by hand.
  auto data = prepareData(*m_project, "digits", {});
  EW_ASSERT_OK(data);
  ASSERT_EQ(data->test.rows(), 60);
  auto fresh = createClassifier("knn", out->bestParams, 1, data->inputShape);
  EW_ASSERT_OK(fresh);
  EW_ASSERT_OK((*fresh)->train(data->train.X, data->train.y, data->numClasses()));
  const std::vector<int> pred = (*fresh)->predictBatch(data->test.X);
  int correct = 0;
  for (size_t i = 0; i < pred.size(); ++i) correct += pred[i] == data->test.y[i];
  EXPECT_DOUBLE_EQ(best.metrics.accuracy, correct / 60.0);
  auto ev = evaluateModel(*m_project, best.id, {}, nullptr, 0.01);
  EW_ASSERT_OK(ev);
  EXPECT_DOUBLE_EQ(ev->metrics.accuracy, best.metrics.accuracy);
}

TEST_F(Search, HalvingTriesMoreConfigurationsThanRandomOnTheSameBudget) {
  importDigits(100);  // 700 train, 150 val
  auto data = prepareData(*m_project, "digits", {});
  EW_ASSERT_OK(data);
  // The budget: four times one of the dearest full-data trials on this machine now.
  auto probe = createClassifier("rf", {{"trees", "300"}, {"max_depth", "30"}}, 1, data->inputShape);
  EW_ASSERT_OK(probe);
  const auto t0 = std::chrono::steady_clock::now();
  EW_ASSERT_OK((*probe)->train(data->train.X, data->train.y, data->numClasses()));
  (void)(*probe)->predictBatch(data->val.X);
  const double dear = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  std::map<std::string, std::set<int>> configs;
  for (const std::string method : {"random", "halving"}) {
    SearchRequest req;
    req.datasetName = "digits";
    req.family = "rf";
    req.method = method;
    req.maxTrials = 27;
    req.budgetSeconds = 4 * dear;
    req.latencySeconds = 0.01;
    auto out = searchAndRegister(*m_project, req);
    EW_ASSERT_OK(out);
    for (const SearchTrialInfo& t : out->trials) configs[method].insert(t.config);
    EXPECT_EQ(out->best.origin, "search:" + method);
    if (method == "halving") {
      // The best is at the largest rung reached, with the best score there.
      const int rung = out->trials[static_cast<size_t>(out->bestTrial)].rung;
      for (const SearchTrialInfo& t : out->trials) {
        EXPECT_LE(t.rung, rung);
        if (t.rung == rung) {
          EXPECT_LE(t.valScore, out->bestValScore);
        }
      }
      EXPECT_LT(out->trials.front().resource, 1.0);  // rung 0 trains on a fraction
    }
  }
  std::cout << "random " << configs["random"].size() << ", halving " << configs["halving"].size()
            << " configurations in " << 4 * dear << " s\n";
  EXPECT_GT(configs["halving"].size(), configs["random"].size())
      << "random " << configs["random"].size() << ", halving " << configs["halving"].size()
      << " configurations in " << 4 * dear << " s";
  EXPECT_EQ(modelCount(), 2);
}

TEST_F(Search, CancelDuringTheSearchOrTheRetrainStoresNothing) {
  importDigits(20);
  for (const std::string when : {"trial 2:", "retraining"}) {
    SCOPED_TRACE(when);
    std::atomic<bool> cancel{false};
    SearchRequest req;
    req.datasetName = "digits";
    req.family = "svm-rbf";
    req.maxTrials = 6;
    req.latencySeconds = 0.01;
    auto out = searchAndRegister(
        *m_project, req,
        [&](double, const std::string& m, const TrainProgress*) {
          if (m.rfind(when, 0) == 0) cancel = true;
        },
        &cancel);
    ASSERT_FALSE(out.ok());
    EXPECT_EQ(out.error().message, "cancelled");
    EXPECT_TRUE(cancel.load());
    EXPECT_EQ(modelCount(), 0);
  }
}

TEST_F(Search, BadRequestsFailWithAMessage) {
  importDigits(10);
  SearchRequest req;
  req.datasetName = "digits";
  req.family = "knn";
  req.method = "grid";
  auto a = searchAndRegister(*m_project, req);
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.error().toString().find("random or halving"), std::string::npos);
  req.method = "random";
  req.family = "ensemble";
  EXPECT_FALSE(searchAndRegister(*m_project, req).ok());
  // A family the data's shape cannot take: cnn2d on time-series windows {6, 100}.
  auto imu = dataset::simulateImuActivityDataset(5, 2.0, 50.0, 42);
  ASSERT_TRUE(imu.ok()) << imu.error().toString();
  ASSERT_TRUE(dataset::importDataset(*m_project, "imu", *imu).ok());
  req.datasetName = "imu";
  req.family = "cnn2d";
  auto c = searchAndRegister(*m_project, req);
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.error().toString().find("cnn2d"), std::string::npos) << c.error().toString();
  req.datasetName = "digits";
  req.family = "knn";
  req.datasetName = "missing";
  EXPECT_FALSE(searchAndRegister(*m_project, req).ok());
  EXPECT_EQ(modelCount(), 0);
}

}  // namespace
}  // namespace edgewise::training
