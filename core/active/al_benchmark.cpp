#include "core/active/al_benchmark.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <random>

#include <opencv2/core.hpp>

#include "core/active/active_learner.h"
#include "core/training/service/model_factory.h"

namespace edgewise::active {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

Result<double> trainAndScore(const training::PreparedData& data, const BenchmarkOptions& o,
                             uint64_t seed, const cv::Mat& X, const std::vector<int>& y,
                             std::unique_ptr<training::Classifier>* keep = nullptr) {
  auto model = training::createClassifier(o.family, o.params, seed, data.inputShape);
  if (!model.ok()) return model.error();
  training::TrainContext context;
  context.cancel = o.cancel;
  EW_TRY((*model)->train(X, y, data.numClasses(), context));
  const std::vector<int> predicted = (*model)->predictBatch(data.test.X);
  size_t correct = 0;
  for (size_t i = 0; i < predicted.size(); ++i) correct += predicted[i] == data.test.y[i];
  const double accuracy = static_cast<double>(correct) / static_cast<double>(predicted.size());
  if (keep) *keep = std::move(model.value());
  return accuracy;
}

// One simulated annotation run: the accuracy after the initial labels and after each batch.
Result<std::vector<std::pair<int, double>>> simulate(const training::PreparedData& data,
                                                     const BenchmarkOptions& o, Strategy strategy,
                                                     uint64_t seed,
                                                     const std::vector<int>& initial) {
  const cv::Mat& pool = data.train.X;
  std::vector<uint8_t> mask(static_cast<size_t>(pool.rows), 0);
  std::vector<int> rows = initial;
  for (int r : rows) mask[static_cast<size_t>(r)] = 1;
  std::mt19937_64 rng(seed * 7919 + static_cast<uint64_t>(strategy));
  KCenterState kcenter;
  std::vector<std::pair<int, double>> curve;
  for (;;) {
    if (o.cancel && o.cancel->load()) return Error(training::kCancelledMessage);
    cv::Mat X(static_cast<int>(rows.size()), pool.cols, CV_32F);
    std::vector<int> y(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
      pool.row(rows[i]).copyTo(X.row(static_cast<int>(i)));
      y[i] = data.train.y[static_cast<size_t>(rows[i])];
    }
    std::unique_ptr<training::Classifier> model;
    auto acc = trainAndScore(data, o, seed, X, y, &model);
    if (!acc.ok())
      return acc.error().wrap("training on " + std::to_string(rows.size()) + " labels");
    curve.emplace_back(static_cast<int>(rows.size()), *acc);
    const int left = std::min(o.budget, pool.rows) - static_cast<int>(rows.size());
    if (left <= 0) break;
    cv::Mat scores;
    if (usesScores(strategy)) {
      auto s = model->predictScores(pool);
      if (!s.ok()) return s.error();
      scores = *s;
    }
    auto picked =
        selectBatch(strategy, scores, pool, mask, std::min(o.batch, left), rng, o.select, &kcenter);
    if (!picked.ok()) return picked.error();
    if (picked->empty()) break;
    for (int r : *picked) {
      mask[static_cast<size_t>(r)] = 1;
      rows.push_back(r);
    }
  }
  return curve;
}

// What the annotator waits for: a session on `pool` that has had one round already (on
// labels - batch random labels: the first round, timed as firstRoundSeconds, computes k-center's
// distances from scratch); the annotator labels the queued batch and the timed round retrains
// on `labels` labels, scores the pool and selects the next batch.
Result<RoundTiming> timeRound(const training::PreparedData& data, const BenchmarkOptions& o,
                              Strategy strategy, const cv::Mat& pool, const std::vector<int>& y,
                              int labels) {
  LearnerOptions lo;
  lo.family = o.family;
  lo.params = o.params;
  lo.inputShape = data.inputShape;
  lo.seed = o.firstSeed;
  lo.strategy = strategy;
  lo.batch = o.batch;
  lo.autoRetrain = false;
  lo.select = o.select;
  ActiveLearner learner(pool, data.numClasses(), lo);
  std::mt19937_64 rng(o.firstSeed);
  std::vector<int> order(static_cast<size_t>(pool.rows));
  std::iota(order.begin(), order.end(), 0);
  std::shuffle(order.begin(), order.end(), rng);
  const int first = std::min(pool.rows, std::max(2, labels - o.batch));
  for (int i = 0; i < first; ++i) {
    const int r = order[static_cast<size_t>(i)];
    EW_TRY(learner.addLabel(r, y[static_cast<size_t>(r)]));
  }
  RoundTiming t;
  t.strategy = strategy;
  auto timed = [&](double* seconds) -> Result<void> {
    const auto t0 = Clock::now();
    EW_TRY(learner.requestRetrain());
    if (!learner.waitIdle(600000)) return Error("the timed round did not finish in 10 minutes");
    *seconds = secondsSince(t0);
    return okResult();
  };
  EW_TRY(timed(&t.firstRoundSeconds));
  if (!learner.lastRound().error.empty()) {
    t.error = learner.lastRound().error;
    return t;
  }
  for (const QueueItem& item : learner.queue()) {
    if (learner.labeledCount() >= labels) break;
    EW_TRY(learner.addLabel(item.row, y[static_cast<size_t>(item.row)]));
  }
  t.labels = learner.labeledCount();
  EW_TRY(timed(&t.totalSeconds));
  const RoundReport r = learner.lastRound();
  t.trainSeconds = r.trainSeconds;
  t.scoreSeconds = r.scoreSeconds;
  t.selectSeconds = r.selectSeconds;
  t.error = r.error;
  return t;
}

}  // namespace

Result<BenchmarkResult> runActiveLearningBenchmark(const training::PreparedData& data,
                                                   const BenchmarkOptions& options) {
  BenchmarkOptions o = options;
  // The defaults the training service gives this family for this input shape (trainAndRegister
  // and `bench train` do the same), so the benchmark's model is the one users train.
  o.params = training::withDataDefaults(o.family, data.inputShape, o.params);
  if (o.strategies.empty()) o.strategies = allStrategies();
  if (std::find(o.strategies.begin(), o.strategies.end(), Strategy::Random) == o.strategies.end())
    o.strategies.insert(o.strategies.begin(), Strategy::Random);
  const int poolRows = data.train.rows();
  if (poolRows < 2 || data.test.rows() < 1)
    return Error("the dataset needs a train split (the pool) and a test split");
  if (o.initial < 2 || o.batch < 1 || o.seeds < 1 || o.budget < o.initial)
    return Error("need initial >= 2, batch >= 1, seeds >= 1 and budget >= initial");
  if (o.initial > poolRows)
    return Error("initial " + std::to_string(o.initial) + " exceeds the pool of " +
                 std::to_string(poolRows));

  BenchmarkResult result;
  result.dataset = data.dataset.name;
  result.poolRows = poolRows;
  result.testRows = data.test.rows();
  result.dims = data.dims();
  result.numClasses = data.numClasses();
  result.options = o;

  for (int s = 0; s < o.seeds; ++s) {
    auto acc =
        trainAndScore(data, o, o.firstSeed + static_cast<uint64_t>(s), data.train.X, data.train.y);
    if (!acc.ok()) return acc.error().wrap("training on the whole pool");
    result.fullPoolAccuracyRuns.push_back(*acc);
  }
  result.fullPoolAccuracy =
      std::accumulate(result.fullPoolAccuracyRuns.begin(), result.fullPoolAccuracyRuns.end(), 0.0) /
      o.seeds;
  result.target = o.targetFraction * result.fullPoolAccuracy;
  if (o.progress)
    o.progress("whole pool: accuracy " + std::to_string(result.fullPoolAccuracy) + ", target " +
               std::to_string(result.target));

  std::vector<std::vector<int>> initial(static_cast<size_t>(o.seeds));
  for (int s = 0; s < o.seeds; ++s) {
    std::mt19937_64 rng(o.firstSeed + static_cast<uint64_t>(s));
    std::vector<int> order(static_cast<size_t>(poolRows));
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), rng);
    initial[static_cast<size_t>(s)].assign(order.begin(), order.begin() + o.initial);
  }

  for (Strategy strategy : o.strategies) {
    StrategyResult sr;
    sr.strategy = strategy;
    const auto t0 = Clock::now();
    std::vector<std::vector<std::pair<int, double>>> runs;
    for (int s = 0; s < o.seeds; ++s) {
      auto curve = simulate(data, o, strategy, o.firstSeed + static_cast<uint64_t>(s),
                            initial[static_cast<size_t>(s)]);
      if (!curve.ok()) return curve.error().wrap(strategyName(strategy));
      int reached = -1;
      for (const auto& [labels, acc] : *curve)
        if (acc >= result.target) {
          reached = labels;
          break;
        }
      sr.labelsToTargetRuns.push_back(reached);
      runs.push_back(std::move(curve.value()));
      if (o.progress)
        o.progress(strategyName(strategy) + " seed " + std::to_string(s) + ": final accuracy " +
                   std::to_string(runs.back().back().second) + ", labels to target " +
                   std::to_string(reached));
    }
    const size_t points = runs.front().size();
    for (size_t p = 0; p < points; ++p) {
      CurvePoint cp;
      cp.labels = runs.front()[p].first;
      for (const auto& run : runs) cp.runs.push_back(run[p].second);
      const double n = static_cast<double>(cp.runs.size());
      cp.mean = std::accumulate(cp.runs.begin(), cp.runs.end(), 0.0) / n;
      double ss = 0.0;
      for (double v : cp.runs) ss += (v - cp.mean) * (v - cp.mean);
      cp.std = cp.runs.size() > 1 ? std::sqrt(ss / (n - 1)) : 0.0;
      if (sr.labelsToTarget < 0 && cp.mean >= result.target) sr.labelsToTarget = cp.labels;
      sr.curve.push_back(std::move(cp));
    }
    sr.finalAccuracy = sr.curve.back().mean;
    sr.seconds = secondsSince(t0);
    result.strategies.push_back(std::move(sr));
  }

  if (o.timingPool > 0) {
    cv::Mat pool;
    std::vector<int> y;
    result.timingPoolTiled = o.timingPool > poolRows;
    for (int r = 0; r < o.timingPool; ++r) {
      pool.push_back(data.train.X.row(r % poolRows));
      y.push_back(data.train.y[static_cast<size_t>(r % poolRows)]);
    }
    result.timingPoolRows = pool.rows;
    result.timingLabels = std::min(o.budget, pool.rows);
    for (Strategy strategy : o.strategies) {
      if (o.cancel && o.cancel->load()) return Error(training::kCancelledMessage);
      auto t = timeRound(data, o, strategy, pool, y, result.timingLabels);
      if (!t.ok()) return t.error().wrap("timing a round (" + strategyName(strategy) + ")");
      result.rounds.push_back(*t);
      if (o.progress)
        o.progress("round on " + std::to_string(pool.rows) + " rows (" + strategyName(strategy) +
                   "): " + std::to_string(t->totalSeconds) + " s");
    }
  }
  return result;
}

nlohmann::json benchmarkToJson(const BenchmarkResult& r) {
  using nlohmann::json;
  const BenchmarkOptions& o = r.options;
  json j;
  j["benchmark"] = "active-learning";
  j["dataset"] = r.dataset;
  j["pool_rows"] = r.poolRows;
  j["test_rows"] = r.testRows;
  j["dims"] = r.dims;
  j["num_classes"] = r.numClasses;
  j["model"] = o.family;
  j["model_params"] = o.params;
  j["initial"] = o.initial;
  j["batch"] = o.batch;
  j["budget"] = o.budget;
  j["seeds"] = o.seeds;
  j["first_seed"] = o.firstSeed;
  j["hybrid_factor"] = o.select.hybridFactor;
  j["hybrid_diversity"] = o.select.hybridDiversity == HybridDiversity::Cluster ? "cluster"
                          : o.select.hybridDiversity == HybridDiversity::ClusterScores
                              ? "cluster-scores"
                              : "kcenter";
  j["target_fraction"] = o.targetFraction;
  j["full_pool_accuracy"] = r.fullPoolAccuracy;
  j["full_pool_accuracy_runs"] = r.fullPoolAccuracyRuns;
  j["target_accuracy"] = r.target;
  int randomLabels = -1;
  for (const StrategyResult& s : r.strategies)
    if (s.strategy == Strategy::Random) randomLabels = s.labelsToTarget;
  json strategies = json::array();
  for (const StrategyResult& s : r.strategies) {
    json sj;
    sj["strategy"] = strategyName(s.strategy);
    sj["labels_to_target"] = s.labelsToTarget >= 0 ? json(s.labelsToTarget) : json(nullptr);
    sj["labels_to_target_runs"] = s.labelsToTargetRuns;
    sj["labels_to_target_vs_random"] =
        s.labelsToTarget > 0 && randomLabels > 0
            ? json(static_cast<double>(s.labelsToTarget) / randomLabels)
            : json(nullptr);
    sj["final_accuracy"] = s.finalAccuracy;
    sj["seconds"] = s.seconds;
    json curve = json::array();
    for (const CurvePoint& p : s.curve)
      curve.push_back({{"labels", p.labels}, {"mean", p.mean}, {"std", p.std}, {"runs", p.runs}});
    sj["curve"] = curve;
    strategies.push_back(sj);
  }
  j["strategies"] = strategies;

  // The comparisons in one place: the best non-random strategy against random, and
  // whether every uncertainty strategy needs fewer labels than random (reaching the target
  // when random does not counts as fewer).
  auto beatsRandom = [&](const StrategyResult& s) {
    return s.labelsToTarget > 0 && (randomLabels < 0 || s.labelsToTarget < randomLabels);
  };
  const StrategyResult* best = nullptr;
  json uncertaintyBeats = nullptr;
  for (const StrategyResult& s : r.strategies) {
    if (s.strategy == Strategy::Random) continue;
    if (s.labelsToTarget > 0 && (!best || s.labelsToTarget < best->labelsToTarget)) best = &s;
    if (s.strategy == Strategy::LeastConfidence || s.strategy == Strategy::Margin ||
        s.strategy == Strategy::Entropy)
      uncertaintyBeats =
          (uncertaintyBeats.is_null() || uncertaintyBeats.get<bool>()) && beatsRandom(s);
  }
  json summary;
  summary["random_labels_to_target"] = randomLabels > 0 ? json(randomLabels) : json(nullptr);
  summary["best_strategy"] = best ? json(strategyName(best->strategy)) : json(nullptr);
  summary["best_labels_to_target"] = best ? json(best->labelsToTarget) : json(nullptr);
  summary["best_vs_random"] = best && randomLabels > 0
                                  ? json(static_cast<double>(best->labelsToTarget) / randomLabels)
                                  : json(nullptr);
  summary["uncertainty_strategies_beat_random"] = uncertaintyBeats;
  if (!r.rounds.empty()) {
    double slowest = 0.0;
    for (const RoundTiming& rt : r.rounds) slowest = std::max(slowest, rt.totalSeconds);
    summary["max_round_seconds"] = slowest;
  }
  j["summary"] = summary;
  if (!r.rounds.empty()) {
    json t;
    t["pool_rows"] = r.timingPoolRows;
    t["pool_tiled_from_train_split"] = r.timingPoolTiled;
    t["labels"] = r.timingLabels;
    json rounds = json::array();
    for (const RoundTiming& rt : r.rounds) {
      json x = {{"strategy", strategyName(rt.strategy)},      {"train_seconds", rt.trainSeconds},
                {"score_seconds", rt.scoreSeconds},           {"select_seconds", rt.selectSeconds},
                {"round_seconds", rt.totalSeconds},           {"round_labels", rt.labels},
                {"first_round_seconds", rt.firstRoundSeconds}};
      if (!rt.error.empty()) x["error"] = rt.error;
      rounds.push_back(x);
    }
    t["rounds"] = rounds;
    j["round_timing"] = t;
  }
  return j;
}

}  // namespace edgewise::active
