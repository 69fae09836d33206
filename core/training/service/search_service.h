#pragma once
// Hyper-parameter search as one call, for the Training pane and `edgewise-cli search`:
// prepare the data, search a family's space (random search or successive halving, scored by
// validation accuracy, see core/training/ensemble/search.h) under a time budget, then retrain
// the best configuration on the full training split and register it like trainAndRegister
// does (test metrics, latency, lineage). Runs on the caller's thread (a worker).

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "core/training/ensemble/search.h"
#include "core/training/service/train_service.h"

namespace edgewise::training {

struct SearchRequest {
  std::string datasetName;
  std::string family;             // one of modelFamilies() except "ensemble"
  std::string method = "random";  // "random" | "halving"
  double budgetSeconds = 60;      // no trial starts after this (the final retrain comes on top)
  int maxTrials = 20;             // random: trials; halving: configurations at the first rung
  uint64_t seed = 42;
  PrepareOptions prepare;
  std::string name;  // empty: "<family> on <dataset> (search)"
  // Optional space override; empty ranges: defaultSearchSpace(family, inputShape).
  SearchSpace space;
  double latencySeconds = 1.0;
};

struct SearchTrialInfo {
  HyperParams params;     // as given to the factory (fixed + sampled)
  double valScore = 0.0;  // validation accuracy, 0 when the trial failed
  double seconds = 0.0;
  double resource = 1.0;  // training-set fraction in (0, 1], or epochs when searched
  int config = 0;         // which sampled configuration
  int rung = 0;           // halving rung (0 for random search)
  std::string error;      // empty when the trial trained
};

struct SearchOutcome {
  std::vector<SearchTrialInfo> trials;
  int bestTrial = -1;      // index into trials
  HyperParams bestParams;  // the best trial's params (the registered model was built from these)
  double bestValScore = 0.0;
  double searchSeconds = 0.0;  // the search alone, without data preparation or the retrain
  bool stoppedByBudget = false;
  // Registered: retrained on the full training split with bestParams; origin
  // "search:<method>", hyperParams also hold "search.method", "search.trials",
  // "search.budget_s", "search.val_accuracy".
  ModelRecord best;
};

// The space searched when the request has none. For image-shaped inputs ({C,H,W}) the mlp's
// fixed parameters are the data-aware image defaults (see defaultHyperParams(family, shape)).
//   knn:        k in 1..25 (integer)
//   svm-rbf:    C log 0.1..1000, gamma log 0.01..100 times sklearn's "scale" value
//               1/(D var(X)); searchAndRegister resolves it on the training split (the
//               space returned here holds the factors 0.01..100 under the name "gamma")
//   svm-linear: C log 0.01..100
//   rf:         trees 20..300, max_depth 4..30 (integers)
//   logreg:     reg log 1e-4..10 (learning rate and iterations fixed)
//   boost:      rounds 20..300, depth 1..6 (integers)
//   mlp:        lr log 1e-4..1e-2, hidden in {128 | 256,128 | 512,256 | 128,64}, dropout
//               0..0.5, weight_decay log 1e-6..1e-3
//   cnn1d/2d:   lr log 1e-4..1e-2, channels in {16,32 | 32,64 | 8,16}
// Unknown or unsearchable families (ensemble) are errors.
Result<SearchSpace> defaultSearchSpace(const std::string& family,
                                       const std::vector<int>& inputShape);

// Cancel -> Error("cancelled") and nothing stored. progress: fraction over the whole run and
// a message per trial ("trial 3/20: val 0.953"); epoch is non-null only during the retrain.
Result<SearchOutcome> searchAndRegister(store::Project& project, const SearchRequest& request,
                                        const TrainProgressFn& progress = {},
                                        const std::atomic<bool>* cancel = nullptr);

}  // namespace edgewise::training
