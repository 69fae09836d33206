#include "core/training/service/search_service.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <sstream>

#include <opencv2/core.hpp>

#include "core/training/service/model_factory.h"
#include "core/training/service/train_pipeline.h"

namespace edgewise::training {

namespace {

bool cancelled(const std::atomic<bool>* cancel) {
  return cancel && cancel->load(std::memory_order_relaxed);
}

std::string formatNumber(double v, int precision = 4) {
  std::ostringstream os;
  os.precision(precision);
  os << v;
  return os.str();
}

// sklearn's gamma="scale" for the training rows: 1 / (D var(X)) over all values.
double scaleGamma(const cv::Mat& X) {
  if (X.empty()) return 1.0;
  cv::Scalar mean, stddev;
  cv::meanStdDev(X.reshape(1, 1), mean, stddev);
  const double var = stddev[0] * stddev[0];
  return var > 0 ? 1.0 / (X.cols * var) : 1.0;
}

}  // namespace

Result<SearchSpace> defaultSearchSpace(const std::string& family,
                                       const std::vector<int>& inputShape) {
  using R = ParamRange;
  SearchSpace s;
  if (family == "knn") {
    s.ranges = {R::linear("k", 1, 25, true)};
  } else if (family == "svm-rbf") {
    s.ranges = {R::log("C", 0.1, 1000), R::log("gamma", 0.01, 100)};
  } else if (family == "svm-linear") {
    s.ranges = {R::log("C", 0.01, 100)};
  } else if (family == "rf") {
    s.ranges = {R::linear("trees", 20, 300, true), R::linear("max_depth", 4, 30, true)};
  } else if (family == "logreg") {
    s.ranges = {R::log("reg", 1e-4, 10)};
  } else if (family == "boost") {
    s.ranges = {R::linear("rounds", 20, 300, true), R::linear("depth", 1, 6, true)};
  } else if (family == "mlp") {
    s.ranges = {R::log("lr", 1e-4, 1e-2),
                R::choice("hidden", {"128", "256,128", "512,256", "128,64"}),
                R::linear("dropout", 0.0, 0.5), R::log("weight_decay", 1e-6, 1e-3)};
  } else if (family == "cnn1d" || family == "cnn2d") {
    s.ranges = {R::log("lr", 1e-4, 1e-2), R::choice("channels", {"16,32", "32,64", "8,16"})};
  } else if (family == "ensemble") {
    return Error("the ensemble has no search space; search its member families one by one");
  } else {
    return Error("unknown model family '" + family + "'");
  }
  EW_TRY(checkFamilyForShape(family, inputShape));
  s.fixed = withDataDefaults(family, inputShape, {});
  // A searched parameter is not also fixed.
  for (const ParamRange& r : s.ranges) s.fixed.erase(r.name);
  return s;
}

Result<SearchOutcome> searchAndRegister(store::Project& project, const SearchRequest& request,
                                        const TrainProgressFn& progress,
                                        const std::atomic<bool>* cancel) {
  const std::string ctx =
      "searching " + request.family + " on '" + request.datasetName + "' (" + request.method + ")";
  auto report = [&](double f, const std::string& msg, const TrainProgress* e) {
    if (progress) progress(std::clamp(f, 0.0, 1.0), msg, e);
  };
  if (request.method != "random" && request.method != "halving")
    return Error("unknown search method '" + request.method + "'; use random or halving");
  if (request.maxTrials < 1) return Error("the search needs at least one trial", ctx);
  {
    const std::vector<std::string> families = modelFamilies();
    if (std::find(families.begin(), families.end(), request.family) == families.end())
      return Error("unknown model family '" + request.family + "'", ctx);
    if (request.family == "ensemble")
      return Error("the ensemble cannot be searched; search its member families one by one", ctx);
  }

  report(0.0, "preparing data", nullptr);
  Result<PreparedData> data = prepareData(
      project, request.datasetName, request.prepare,
      [&](double f) { report(0.1 * f, "preparing data", nullptr); }, cancel);
  if (!data.ok()) {
    if (data.error().message == kCancelledMessage) return data.error();
    return data.error().wrap(ctx);
  }
  if (cancelled(cancel)) return Error(kCancelledMessage);
  if (data->val.rows() == 0)
    return Error(
        "the search scores configurations on the validation split, which is empty; "
        "give the dataset a validation fraction",
        ctx);

  SearchSpace space;
  if (request.space.ranges.empty()) {
    Result<SearchSpace> def = defaultSearchSpace(request.family, data->inputShape);
    if (!def.ok()) return def.error().wrap(ctx);
    space = def.value();
    if (request.family == "svm-rbf") {
      // The default space holds factors of sklearn's "scale" gamma; make them absolute.
      const double g = scaleGamma(data->train.X);
      for (ParamRange& r : space.ranges)
        if (r.name == "gamma") {
          r.low *= g;
          r.high *= g;
        }
    }
  } else {
    space = request.space;
    space.fixed = withDataDefaults(request.family, data->inputShape, space.fixed);
    for (const ParamRange& r : space.ranges) space.fixed.erase(r.name);
  }

  const std::vector<int> shape = data->inputShape;
  const std::string family = request.family;
  const uint64_t seed = request.seed;
  ClassifierFromParams factory = [&family, &shape, seed](const HyperParams& params) {
    return createClassifier(family, params, seed, shape);
  };
  SearchData sd;
  sd.trainX = data->train.X;
  sd.trainY = data->train.y;
  sd.valX = data->val.X;
  sd.valY = data->val.y;
  sd.numClasses = data->numClasses();

  SearchOptions options;
  options.budgetSeconds = request.budgetSeconds;
  options.maxTrials = request.maxTrials;
  options.seed = request.seed;
  options.cancel = cancel;
  // Halving runs about maxTrials * (1 + 1/eta + ...) trials; progress is by trials or by
  // the budget, whichever is further along.
  const double expected = request.method == "halving" ? request.maxTrials * 1.5
                                                      : static_cast<double>(request.maxTrials);
  int done = 0;
  const auto t0 = std::chrono::steady_clock::now();
  options.onTrial = [&](const SearchTrial& t) {
    ++done;
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    double f = done / expected;
    if (request.budgetSeconds > 0) f = std::max(f, elapsed / request.budgetSeconds);
    std::string msg = "trial " + std::to_string(done) + ": ";
    msg += t.error.empty() ? "val " + formatNumber(t.score, 3) : "failed: " + t.error;
    report(0.1 + 0.6 * std::min(f, 1.0), msg, nullptr);
  };

  Result<SearchResult> result = request.method == "halving"
                                    ? successiveHalving(space, factory, sd, options)
                                    : randomSearch(space, factory, sd, options);
  if (!result.ok()) return result.error().wrap(ctx);
  if (result->cancelled || cancelled(cancel)) return Error(kCancelledMessage);

  SearchOutcome out;
  out.bestTrial = result->bestTrial;
  out.bestParams = result->bestParams;
  out.bestValScore = result->bestScore;
  out.searchSeconds = result->seconds;
  out.stoppedByBudget = result->stoppedByBudget;
  for (const SearchTrial& t : result->trials) {
    SearchTrialInfo info;
    info.params = t.params;
    info.valScore = t.score;
    info.seconds = t.seconds;
    info.resource = t.resource;
    info.config = t.config;
    info.rung = t.rung;
    info.error = t.error;
    out.trials.push_back(std::move(info));
  }
  if (out.bestTrial < 0) {
    std::string why = result->trials.empty()
                          ? "no trial ran within the budget"
                          : "every trial failed; the first: " + result->trials.front().error;
    return Error(why, ctx);
  }

  report(0.7, "retraining the best configuration on the full training split", nullptr);
  PreparedTrainJob job;
  job.family = request.family;
  job.params = out.bestParams;
  job.seed = request.seed;
  job.name = request.name.empty() ? request.family + " on " + request.datasetName + " (search)"
                                  : request.name;
  job.origin = "search:" + request.method;
  job.latencySeconds = request.latencySeconds;
  job.extraParams = {{"search.method", request.method},
                     {"search.trials", std::to_string(out.trials.size())},
                     {"search.budget_s", formatNumber(request.budgetSeconds)},
                     {"search.val_accuracy", formatNumber(out.bestValScore, 6)}};
  Result<ModelRecord> stored = trainPrepared(
      project, *data, job,
      [&](double f, const std::string& msg, const TrainProgress* e) {
        report(0.7 + 0.3 * f, msg, e);
      },
      cancel);
  if (!stored.ok()) {
    if (stored.error().message == kCancelledMessage) return stored.error();
    return stored.error().wrap(ctx);
  }
  out.best = stored.value();
  return out;
}

}  // namespace edgewise::training
