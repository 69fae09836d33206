#pragma once
// Every model family Edgewise can train, behind one factory: LibTorch (mlp, cnn1d, cnn2d),
// OpenCV ml (knn, svm-linear, svm-rbf, rf, logreg, boost) and the ensemble. Also loads any
// saved model file by its header, whatever the family.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/training/classifier.h"
#include "core/util/result.h"

namespace edgewise::training {

// "mlp", "cnn1d", "cnn2d", "knn", "svm-linear", "svm-rbf", "rf", "logreg", "boost",
// "ensemble", in this order (the GUI's family list).
std::vector<std::string> modelFamilies();

// One line for a tooltip ("k-nearest neighbours (OpenCV)").
std::string familyDescription(const std::string& family);

// true for families trained by epochs (mlp, cnn1d, cnn2d): they report per-epoch progress
// and understand "epochs".
bool isEpochFamily(const std::string& family);

// Whether a family can take samples of this per-sample shape: cnn1d needs {C, L}, cnn2d
// {C, H, W}; every other family flattens. The message says what shape would be needed.
Result<void> checkFamilyForShape(const std::string& family, const std::vector<int>& inputShape);

// The hyper-parameters the GUI offers for a family with their default values (text, like
// HyperParams everywhere). Unknown families give an empty map.
HyperParams defaultHyperParams(const std::string& family);

// Data-aware defaults: defaultHyperParams(family) adjusted to the per-sample input shape.
// For image-shaped samples ({C, H, W} with H, W >= 8) the mlp's defaults become
// augment_shift=1, standardize=global, dropout=0.2, patience=10, epochs=30 (the recipe that
// reaches >= 0.97 test accuracy on digits, tests/training/torch). Other shapes and families:
// the plain defaults.
HyperParams defaultHyperParams(const std::string& family, const std::vector<int>& inputShape);

// params on top of the data-aware overrides for (family, inputShape): what trainAndRegister,
// searchAndRegister and `bench train` give createClassifier. A user's value always wins.
HyperParams withDataDefaults(const std::string& family, const std::vector<int>& inputShape,
                             const HyperParams& params);

// A new, untrained classifier. params override the defaults; unknown family, a bad value or a
// shape the family cannot take are errors. "ensemble": members listed in params["members"]
// (default "knn,svm-rbf,rf,mlp"), each created with its own defaults and seed + index, the
// members trained one after another and weighted by validation accuracy; then, with
// validation data and select=validation (default; "none" keeps all), greedy forward selection
// on validation keeps the members whose vote scores best (validation accuracy >= the best
// member's). After training hyperParams() also holds member_val_accuracy ("knn:0.95,..."),
// kept, weights and val_accuracy (these keys are ignored when creating from them).
Result<std::unique_ptr<Classifier>> createClassifier(const std::string& family,
                                                     const HyperParams& params, uint64_t seed,
                                                     const std::vector<int>& inputShape);

// Loads a model file of any family (torch, ensemble / two-stage with this function loading
// their members, OpenCV ml). Refuses unknown, truncated or corrupt files with a message.
Result<std::unique_ptr<Classifier>> loadClassifier(const std::string& path);

}  // namespace edgewise::training
