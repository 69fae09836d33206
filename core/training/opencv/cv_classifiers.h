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

// Reads the family from the file's header, creates that classifier and loads it.
Result<std::unique_ptr<Classifier>> loadOpenCvClassifier(const std::string& path);

}  // namespace edgewise::training
