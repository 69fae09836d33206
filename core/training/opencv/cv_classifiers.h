#pragma once
// The OpenCV ml model families behind the Classifier interface:
//   "knn"        KNearest, k = 3 (brute force)
//   "svm-linear" SVM C_SVC, linear kernel, C = 1
//   "svm-rbf"    SVM C_SVC, RBF kernel, C = 10, gamma = 1 / (dims * var(X)) (sklearn's "scale")
//   "rf"         RTrees, 100 trees, sqrt(dims) variables per split
//   "logreg"     LogisticRegression, mini-batch gradient descent, L2, one-vs-rest (OpenCV's)
//   "boost"      Boost (binary in OpenCV): one Real AdaBoost per class against the rest; the
//                class with the highest raw score wins
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
