#pragma once
// The OpenCV ml model families behind the Classifier interface (defaults; hyper-parameter
// names in brackets, see createOpenCvClassifier):
//   "knn"        KNearest, k = 3 (brute force)                                  [k]
//   "svm-linear" SVM C_SVC, linear kernel, C = 1                                 [C]
//   "svm-rbf"    SVM C_SVC, RBF kernel, C = 10, gamma = 1 / (dims * var(X))      [C, gamma]
//                (sklearn's "scale")
//   "rf"         RTrees, 100 trees, depth <= 25, sqrt(dims) variables per split
//                                                              [trees, max_depth, min_samples]
//   "logreg"     multinomial logistic regression, L2 penalty (reg = 1 / sklearn's C = 1), fit
//                with L-BFGS (<= 1000 iterations): scikit-learn's default LogisticRegression.
//                Files of the earlier OpenCV LogisticRegression still load.  [iterations, lr, reg]
//   "boost"      Boost (binary in OpenCV): one Gentle AdaBoost per class against the rest
//                (50 rounds of depth-2 trees); the class with the highest raw score wins
//                                                                           [rounds, depth]
// Measured against scikit-learn on digits and the simulated IMU dataset (70/15/15, seed 42):
// tests/training/ensemble/test_cv_vs_sklearn.cpp.
// predictScores() (rows sum to 1): knn the fraction of the k neighbours per class (distances
// ignored), rf the fraction of trees voting per class, logreg its softmax probabilities
// (scikit-learn's predict_proba for the same fit), boost a softmax over the per-class raw
// scores (an ordering, not calibrated). svm-linear / svm-rbf keep the one-hot default: OpenCV
// exposes no multi-class decision values (Platt scaling would need a second fit).
// Training seeds cv::theRNG() with the classifier's seed, so the same data and seed give the
// same model.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/training/classifier.h"
#include "core/util/result.h"

namespace edgewise::training {

// The ids above, in that order.
std::vector<std::string> openCvClassifierIds();

// An untrained classifier of the family `id`; an unknown id is an error listing the known ones.
Result<std::unique_ptr<Classifier>> createOpenCvClassifier(const std::string& id,
                                                           uint64_t seed = 42);

// The same with hyper-parameters (text values, see HyperParams). Per family:
//   knn: k | svm-linear: C | svm-rbf: C, gamma ("scale" or a number) |
//   rf: trees, max_depth, min_samples | logreg: iterations, lr, reg |
//   boost: rounds, depth
// A key the family does not know, a non-number or an out-of-range value is an error;
// hyperParams() of the classifier returns the effective values (defaults merged in).
Result<std::unique_ptr<Classifier>> createOpenCvClassifier(const std::string& id,
                                                           const HyperParams& params,
                                                           uint64_t seed);

// Reads the family from the file's header, creates that classifier and loads it.
Result<std::unique_ptr<Classifier>> loadOpenCvClassifier(const std::string& path);

}  // namespace edgewise::training
