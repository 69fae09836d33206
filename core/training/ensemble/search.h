#pragma once
// Hyper-parameter search over any family: random search and successive halving (eta = 3)
// under a time budget and a trial cap, scored by validation accuracy. The search only knows
// a factory HyperParams -> untrained Classifier, so OpenCV and LibTorch families alike fit.
//
// Deterministic given the seed, except where the time budget or a cancel cuts it short.

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "core/training/classifier.h"
#include "core/util/result.h"

namespace edgewise::training {

// One searched hyper-parameter: a list of choices, or a numeric range sampled uniformly
// (Linear) or log-uniformly (Log), rounded when integer.
struct ParamRange {
  enum class Kind { Choice, Linear, Log };
  std::string name;
  Kind kind = Kind::Choice;
  std::vector<std::string> choices;
  double low = 0.0;
  double high = 0.0;
  bool integer = false;

  static ParamRange choice(std::string name, std::vector<std::string> choices);
  static ParamRange linear(std::string name, double low, double high, bool integer = false);
  static ParamRange log(std::string name, double low, double high, bool integer = false);
};

// Parameters not in the space are fixed ones passed to every trial (fixed).
struct SearchSpace {
  std::vector<ParamRange> ranges;
  HyperParams fixed;
};

// Empty ranges, low > high, log ranges not > 0 and duplicate names are errors.
Result<void> validateSearchSpace(const SearchSpace& space);

// Makes an untrained classifier from hyper-parameters (an error for bad ones: that trial fails).
using ClassifierFromParams =
    std::function<Result<std::unique_ptr<Classifier>>(const HyperParams& params)>;

struct SearchData {
  cv::Mat trainX;
  std::vector<int> trainY;
  cv::Mat valX;
  std::vector<int> valY;
  int numClasses = 0;
};

struct SearchTrial {
  int config = 0;      // which sampled configuration (halving re-runs one at several rungs)
  int rung = 0;        // 0 for random search
  HyperParams params;  // as given to the factory (incl. fixed ones and epochs when searched)
  double score = 0.0;  // validation accuracy; 0 when the trial failed
  double seconds = 0.0;
  // Training-set fraction in (0, 1], or epochs when the space has an "epochs" range.
  double resource = 1.0;
  std::string error;  // empty when it trained
};

struct SearchOptions {
  double budgetSeconds = 60.0;  // no trial starts after this; <= 0 means no budget
  int maxTrials = 20;           // random search: trials; halving: configurations at rung 0
  uint64_t seed = 42;
  int eta = 3;  // successive halving: keep 1/eta per rung, resource x eta
  const std::atomic<bool>* cancel = nullptr;
  std::function<void(const SearchTrial&)> onTrial;  // after each trial, same thread
};

struct SearchResult {
  std::vector<SearchTrial> trials;
  int bestTrial = -1;  // index into trials: best score at the largest resource reached
  HyperParams bestParams;
  double bestScore = 0.0;
  double seconds = 0.0;
  double totalResource = 0.0;  // sum of the trials' resources
  bool stoppedByBudget = false;
  bool cancelled = false;
};

// One HyperParams per configuration, as both searches draw them for a seed.
std::vector<HyperParams> sampleConfigurations(const SearchSpace& space, int count, uint64_t seed);

// maxTrials configurations, each trained on the full training set (or with the sampled
// epochs). Error only for a bad space or data; failed trials are in the result.
Result<SearchResult> randomSearch(const SearchSpace& space, const ClassifierFromParams& factory,
                                  const SearchData& data, const SearchOptions& options = {});

// Successive halving: maxTrials configurations at the smallest resource, the best 1/eta go
// on with eta times the resource, up to the full training set (or the largest epochs).
Result<SearchResult> successiveHalving(const SearchSpace& space,
                                       const ClassifierFromParams& factory, const SearchData& data,
                                       const SearchOptions& options = {});

}  // namespace edgewise::training
