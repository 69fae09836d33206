#include "core/training/ensemble/search.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <set>

namespace edgewise::training {
namespace {

constexpr const char* kEpochs = "epochs";

using Clock = std::chrono::steady_clock;

std::string formatNumber(double v, bool integer) {
  if (integer) return std::to_string(static_cast<long long>(std::llround(v)));
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

const ParamRange* epochsRange(const SearchSpace& space) {
  for (const ParamRange& r : space.ranges)
    if (r.name == kEpochs) return &r;
  return nullptr;
}

// The largest epochs the space allows (the full resource of successive halving).
int maxEpochs(const ParamRange& r) {
  if (r.kind != ParamRange::Kind::Choice) return static_cast<int>(std::floor(r.high));
  int best = 1;
  for (const std::string& c : r.choices) best = std::max(best, std::atoi(c.c_str()));
  return best;
}

Result<void> validateData(const SearchData& data) {
  EW_TRY(validateTrainingData(data.trainX, data.trainY, data.numClasses));
  if (data.valY.empty() || data.valX.rows != static_cast<int>(data.valY.size()) ||
      data.valX.cols != data.trainX.cols || data.valX.type() != CV_32FC1)
    return Error(
        "the search scores on validation data: give validation rows matching the "
        "training features and one label per row");
  return okResult();
}

// A stratified subset holding `fraction` of each class (at least one sample per class), the
// prefix of one seeded shuffle per class so that larger fractions contain smaller ones.
class Subsets {
 public:
  Subsets(const SearchData& data, uint64_t seed) : m_data(data) {
    std::map<int, std::vector<int>> byClass;
    for (size_t i = 0; i < data.trainY.size(); ++i)
      byClass[data.trainY[i]].push_back(static_cast<int>(i));
    std::mt19937_64 rng(seed ^ 0x5eed5eedULL);
    for (auto& [label, rows] : byClass) {
      std::shuffle(rows.begin(), rows.end(), rng);
      m_byClass.push_back(rows);
    }
  }
  void get(double fraction, cv::Mat& X, std::vector<int>& y) const {
    if (fraction >= 1.0) {
      X = m_data.trainX;
      y = m_data.trainY;
      return;
    }
    std::vector<int> rows;
    for (const auto& cls : m_byClass) {
      const size_t take = std::max<size_t>(
          1, static_cast<size_t>(std::ceil(fraction * static_cast<double>(cls.size()))));
      rows.insert(rows.end(), cls.begin(), cls.begin() + std::min(take, cls.size()));
    }
    std::sort(rows.begin(), rows.end());  // keep the training order of the full set
    X.create(static_cast<int>(rows.size()), m_data.trainX.cols, m_data.trainX.type());
    y.clear();
    for (size_t i = 0; i < rows.size(); ++i) {
      m_data.trainX.row(rows[i]).copyTo(X.row(static_cast<int>(i)));
      y.push_back(m_data.trainY[static_cast<size_t>(rows[i])]);
    }
  }

 private:
  const SearchData& m_data;
  std::vector<std::vector<int>> m_byClass;
};

class Runner {
 public:
  Runner(const ClassifierFromParams& factory, const SearchData& data, const SearchOptions& options)
      : m_factory(factory),
        m_data(data),
        m_options(options),
        m_subsets(data, options.seed),
        m_start(Clock::now()) {}

  double elapsed() const { return std::chrono::duration<double>(Clock::now() - m_start).count(); }

  // False when no further trial may start (budget spent or cancelled); records why.
  bool mayStart(SearchResult& result) const {
    if (m_options.cancel && m_options.cancel->load()) {
      result.cancelled = true;
      return false;
    }
    if (m_options.budgetSeconds > 0 && elapsed() >= m_options.budgetSeconds) {
      result.stoppedByBudget = true;
      return false;
    }
    return true;
  }

  // Trains one configuration on `fraction` of the training set; params already hold epochs
  // when the resource is epochs.
  SearchTrial run(int config, int rung, const HyperParams& params, double resource, double fraction,
                  SearchResult& result) const {
    SearchTrial t;
    t.config = config;
    t.rung = rung;
    t.params = params;
    t.resource = resource;
    const auto start = Clock::now();
    auto made = m_factory(params);
    if (!made.ok()) {
      t.error = made.error().toString();
    } else if (!*made) {
      t.error = "the factory returned no classifier";
    } else {
      cv::Mat X;
      std::vector<int> y;
      m_subsets.get(fraction, X, y);
      TrainContext context;
      context.valX = &m_data.valX;
      context.valY = &m_data.valY;
      context.cancel = m_options.cancel;
      auto trained = (*made)->train(X, y, m_data.numClasses, context);
      if (!trained.ok()) {
        t.error = trained.error().toString();
        if (trained.error().message == kCancelledMessage) result.cancelled = true;
      } else {
        const std::vector<int> predicted = (*made)->predictBatch(m_data.valX);
        size_t correct = 0;
        for (size_t i = 0; i < m_data.valY.size(); ++i)
          correct += predicted.size() == m_data.valY.size() && predicted[i] == m_data.valY[i];
        t.score = static_cast<double>(correct) / static_cast<double>(m_data.valY.size());
      }
    }
    t.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    result.totalResource += resource;
    if (m_options.onTrial) m_options.onTrial(t);
    return t;
  }

 private:
  const ClassifierFromParams& m_factory;
  const SearchData& m_data;
  const SearchOptions& m_options;
  Subsets m_subsets;
  Clock::time_point m_start;
};

Result<void> validateOptions(const SearchSpace& space, const ClassifierFromParams& factory,
                             const SearchData& data, const SearchOptions& options) {
  EW_TRY(validateSearchSpace(space));
  EW_TRY(validateData(data));
  if (!factory) return Error("no classifier factory given to the search");
  if (options.maxTrials < 1) return Error("the search needs at least one trial");
  if (options.eta < 2) return Error("eta must be at least 2");
  return okResult();
}

void pickBest(SearchResult& result, bool byRung) {
  result.bestTrial = -1;
  for (size_t i = 0; i < result.trials.size(); ++i) {
    const SearchTrial& t = result.trials[i];
    if (!t.error.empty()) continue;
    if (result.bestTrial < 0) {
      result.bestTrial = static_cast<int>(i);
      continue;
    }
    const SearchTrial& b = result.trials[static_cast<size_t>(result.bestTrial)];
    const bool better =
        byRung ? (t.rung > b.rung || (t.rung == b.rung && t.score > b.score)) : t.score > b.score;
    if (better) result.bestTrial = static_cast<int>(i);
  }
  if (result.bestTrial >= 0) {
    const SearchTrial& b = result.trials[static_cast<size_t>(result.bestTrial)];
    result.bestParams = b.params;
    result.bestScore = b.score;
  }
}

}  // namespace

ParamRange ParamRange::choice(std::string name, std::vector<std::string> choices) {
  ParamRange r;
  r.name = std::move(name);
  r.kind = Kind::Choice;
  r.choices = std::move(choices);
  return r;
}

ParamRange ParamRange::linear(std::string name, double low, double high, bool integer) {
  ParamRange r;
  r.name = std::move(name);
  r.kind = Kind::Linear;
  r.low = low;
  r.high = high;
  r.integer = integer;
  return r;
}

ParamRange ParamRange::log(std::string name, double low, double high, bool integer) {
  ParamRange r = linear(std::move(name), low, high, integer);
  r.kind = Kind::Log;
  return r;
}

Result<void> validateSearchSpace(const SearchSpace& space) {
  std::set<std::string> names;
  for (const ParamRange& r : space.ranges) {
    if (r.name.empty()) return Error("a searched hyper-parameter has no name");
    if (!names.insert(r.name).second)
      return Error("hyper-parameter " + r.name + " is searched twice");
    if (space.fixed.count(r.name))
      return Error("hyper-parameter " + r.name + " is both searched and fixed");
    switch (r.kind) {
      case ParamRange::Kind::Choice:
        if (r.choices.empty()) return Error("hyper-parameter " + r.name + " has no choices");
        break;
      case ParamRange::Kind::Log:
        if (!(r.low > 0)) return Error("the log range of " + r.name + " must start above 0");
        [[fallthrough]];
      case ParamRange::Kind::Linear:
        if (!std::isfinite(r.low) || !std::isfinite(r.high) || r.low > r.high)
          return Error("the range of " + r.name + " must have finite low <= high");
        if (r.integer && std::ceil(r.low) > std::floor(r.high))
          return Error("the integer range of " + r.name + " holds no integer");
        break;
    }
    if (r.name == kEpochs) {
      for (const std::string& c : r.choices) {
        char* end = nullptr;
        const long v = std::strtol(c.c_str(), &end, 10);
        if (end == c.c_str() || *end != '\0' || v < 1)
          return Error("epochs choices must be whole numbers >= 1, got \"" + c + "\"");
      }
      const int most = maxEpochs(r);
      if (most < 1) return Error("the epochs range must allow at least 1 epoch");
    }
  }
  return okResult();
}

std::vector<HyperParams> sampleConfigurations(const SearchSpace& space, int count, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<HyperParams> out;
  for (int i = 0; i < count; ++i) {
    HyperParams p = space.fixed;
    for (const ParamRange& r : space.ranges) {
      switch (r.kind) {
        case ParamRange::Kind::Choice:
          p[r.name] =
              r.choices[std::uniform_int_distribution<size_t>(0, r.choices.size() - 1)(rng)];
          break;
        case ParamRange::Kind::Linear:
        case ParamRange::Kind::Log: {
          const bool log = r.kind == ParamRange::Kind::Log;
          // Integers: sample the real interval widened by half a step at each end, then round,
          // so both ends are as likely as any inner value.
          double lo = r.integer ? std::ceil(r.low) - 0.5 : r.low;
          double hi = r.integer ? std::floor(r.high) + 0.4999 : r.high;
          if (log) {
            lo = std::log(std::max(lo, r.integer ? 0.5 : r.low));
            hi = std::log(hi);
          }
          double v = std::uniform_real_distribution<double>(lo, std::max(lo, hi))(rng);
          if (log) v = std::exp(v);
          if (r.integer) v = std::clamp(std::round(v), std::ceil(r.low), std::floor(r.high));
          p[r.name] = formatNumber(v, r.integer);
          break;
        }
      }
    }
    out.push_back(std::move(p));
  }
  return out;
}

Result<SearchResult> randomSearch(const SearchSpace& space, const ClassifierFromParams& factory,
                                  const SearchData& data, const SearchOptions& options) {
  EW_TRY(validateOptions(space, factory, data, options));
  const std::vector<HyperParams> configs =
      sampleConfigurations(space, options.maxTrials, options.seed);
  const bool epochMode = epochsRange(space) != nullptr;
  SearchResult result;
  Runner runner(factory, data, options);
  for (size_t c = 0; c < configs.size(); ++c) {
    if (!runner.mayStart(result)) break;
    const double resource = epochMode ? std::stod(configs[c].at(kEpochs)) : 1.0;
    result.trials.push_back(runner.run(static_cast<int>(c), 0, configs[c], resource, 1.0, result));
    if (result.cancelled) break;
  }
  result.seconds = runner.elapsed();
  pickBest(result, false);
  return result;
}

Result<SearchResult> successiveHalving(const SearchSpace& space,
                                       const ClassifierFromParams& factory, const SearchData& data,
                                       const SearchOptions& options) {
  EW_TRY(validateOptions(space, factory, data, options));
  const int n = options.maxTrials, eta = options.eta;
  const std::vector<HyperParams> configs = sampleConfigurations(space, n, options.seed);
  const ParamRange* epochs = epochsRange(space);
  // s + 1 rungs: n configurations at 1/eta^s of the resource, n/eta at 1/eta^(s-1), ...
  int s = 0;
  for (long long p = eta; p <= n; p *= eta) ++s;
  const int fullEpochs = epochs ? maxEpochs(*epochs) : 0;

  SearchResult result;
  Runner runner(factory, data, options);
  std::vector<int> alive(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) alive[static_cast<size_t>(i)] = i;
  bool stop = false;
  for (int rung = 0; rung <= s && !stop && !alive.empty(); ++rung) {
    const double share = std::pow(static_cast<double>(eta), rung - s);
    std::vector<std::pair<double, int>> scored;  // (score, config) of this rung
    for (int c : alive) {
      if (!runner.mayStart(result)) {
        stop = true;
        break;
      }
      HyperParams params = configs[static_cast<size_t>(c)];
      double resource = share, fraction = share;
      if (epochs) {
        const int e = std::max(1, static_cast<int>(std::lround(fullEpochs * share)));
        params[kEpochs] = std::to_string(e);
        resource = e;
        fraction = 1.0;
      }
      SearchTrial t = runner.run(c, rung, params, resource, fraction, result);
      if (t.error.empty()) scored.emplace_back(t.score, c);
      result.trials.push_back(std::move(t));
      if (result.cancelled) {
        stop = true;
        break;
      }
    }
    if (stop) break;
    // The best 1/eta go on; ties keep the configuration sampled first.
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    const size_t keep = std::max<size_t>(1, alive.size() / static_cast<size_t>(eta));
    alive.clear();
    for (size_t i = 0; i < scored.size() && i < keep; ++i) alive.push_back(scored[i].second);
  }
  result.seconds = runner.elapsed();
  pickBest(result, true);
  return result;
}

}  // namespace edgewise::training
