#include "core/training/opencv/cv_classifiers.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <opencv2/core.hpp>
#include <opencv2/ml.hpp>

#include <QLoggingCategory>
#include "core/training/model_file.h"

namespace edgewise::training {
namespace {

// Not in core/util/log.h (owned elsewhere); move it there when that file grows a lcTraining.
Q_LOGGING_CATEGORY(lcTrain, "edgewise.training")

using cv::Ptr;
namespace ml = cv::ml;

std::string serialize(const cv::Algorithm& model) {
  // BASE64 keeps float matrices (kNN samples, support vectors) exact and compact.
  cv::FileStorage fs(".yml",
                     cv::FileStorage::WRITE | cv::FileStorage::MEMORY | cv::FileStorage::BASE64);
  fs << model.getDefaultName() << "{";
  model.write(fs);
  fs << "}";
  return fs.releaseAndGetString();
}

template <typename T>
Result<Ptr<T>> deserialize(const std::string& text) {
  try {
    Ptr<T> model = cv::Algorithm::loadFromString<T>(cv::String(text));
    if (model.empty() || !model->isTrained())
      return Error("OpenCV read the model but it holds no trained model");
    return model;
  } catch (const cv::Exception& e) {
    return Error("OpenCV could not read the model: " + std::string(e.what()));
  }
}

// Most models answer the class as a float, LogisticRegression as an int.
std::vector<int> toIntLabels(const cv::Mat& responses) {
  cv::Mat labels;
  if (responses.depth() == CV_32S)
    labels = responses.reshape(1, static_cast<int>(responses.total()));
  else
    responses.convertTo(labels, CV_32S);  // rounds
  return std::vector<int>(labels.begin<int>(), labels.end<int>());
}

// Checks params[key] (or the default) as an integer in [lo, hi] and records the effective text.
Result<void> takeInt(HyperParams& out, const HyperParams& in, const std::string& key, int fallback,
                     int lo, int hi) {
  auto v = paramInt(in, key, fallback);
  if (!v.ok()) return v.error();
  if (*v < lo || *v > hi)
    return Error("hyper-parameter " + key + " must be in [" + std::to_string(lo) + ", " +
                 std::to_string(hi) + "], got " + std::to_string(*v));
  out[key] = std::to_string(*v);
  return okResult();
}

// The same for a number > lo (or >= lo when inclusive); keeps the text as given.
Result<void> takeDouble(HyperParams& out, const HyperParams& in, const std::string& key,
                        const std::string& fallback, double lo, bool inclusive) {
  HyperParams with = in;
  with.emplace(key, fallback);
  auto v = paramDouble(with, key, 0.0);
  if (!v.ok()) return v.error();
  if (inclusive ? *v < lo : *v <= lo)
    return Error("hyper-parameter " + key + " must be " + (inclusive ? ">= " : "> ") +
                 (lo == 0 ? std::string("0") : std::to_string(lo)) + ", got " + with.at(key));
  out[key] = with.at(key);
  return okResult();
}

int64_t treeParameters(const ml::DTrees& trees) {
  // A node holds its value and a split holds a variable index and a threshold.
  return static_cast<int64_t>(trees.getNodes().size()) +
         2 * static_cast<int64_t>(trees.getSplits().size());
}

// Turns each row of `raw` (CV_64F, any finite values) into probabilities in place: exp(v - max)
// normalised, so large logits do not overflow. Returns the CV_32F copy.
cv::Mat softmaxRows(cv::Mat& raw) {
  for (int i = 0; i < raw.rows; ++i) {
    double* r = raw.ptr<double>(i);
    const double m = *std::max_element(r, r + raw.cols);
    double sum = 0.0;
    for (int c = 0; c < raw.cols; ++c) sum += (r[c] = std::exp(r[c] - m));
    for (int c = 0; c < raw.cols; ++c) r[c] /= sum;
  }
  cv::Mat out;
  raw.convertTo(out, CV_32F);
  return out;
}

// What every OpenCV family shares: validation, seeding, the file format and -1 on misuse.
class CvClassifier : public Classifier {
 public:
  CvClassifier(std::string id, uint64_t seed) : m_id(std::move(id)), m_seed(seed) {}

  std::string id() const override { return m_id; }
  HyperParams hyperParams() const override { return m_params; }
  // Parses the family's hyper-parameters (defaults for absent keys) and keeps the effective
  // values; an unknown key or a bad value is an error and leaves the classifier as it was.
  Result<void> configure(const HyperParams& params) {
    for (const auto& [key, value] : params) {
      const std::vector<std::string> known = knownParams();
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        std::string list;
        for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
        return Error("unknown hyper-parameter '" + key + "' for " + m_id + " (known: " + list +
                     ")");
      }
    }
    auto effective = parseParams(params);
    if (!effective.ok()) return effective.error().wrap(m_id);
    m_params = *effective;
    return okResult();
  }
  bool isTrained() const override { return m_trained; }
  int numClasses() const override { return m_numClasses; }
  int dims() const override { return m_dims; }
  int64_t parameterCount() const override { return m_parameterCount; }
  int64_t sizeBytes() const override { return m_sizeBytes; }

  using Classifier::train;
  Result<void> train(const cv::Mat& X, const std::vector<int>& y, int numClasses) override {
    EW_TRY(validateTrainingData(X, y, numClasses));
    m_trained = false;
    cv::theRNG().state = m_seed;
    try {
      auto r = doTrain(X, y, numClasses);
      if (!r.ok()) return r.error().wrap("training " + m_id);
    } catch (const cv::Exception& e) {
      return Error("OpenCV failed: " + std::string(e.what()), "training " + m_id);
    }
    m_numClasses = numClasses;
    m_dims = X.cols;
    m_trained = true;
    finishModel();
    return okResult();
  }

  int predict(const float* x, int dims) const override {
    if (!m_trained || x == nullptr || dims != m_dims) return -1;
    const cv::Mat row(1, dims, CV_32F, const_cast<float*>(x));  // read only
    return predictBatch(row).front();
  }

  std::vector<int> predictBatch(const cv::Mat& X) const override {
    if (!m_trained || X.cols != m_dims || X.type() != CV_32FC1 || X.rows == 0)
      return std::vector<int>(static_cast<size_t>(std::max(X.rows, 0)), -1);
    try {
      std::vector<int> out = predictRows(X);
      for (int& label : out)
        if (label < 0 || label >= m_numClasses) label = -1;
      return out;
    } catch (const cv::Exception& e) {
      qCWarning(lcTrain, "%s: prediction failed: %s", m_id.c_str(), e.what());
      return std::vector<int>(static_cast<size_t>(X.rows), -1);
    }
  }

  // Families with scores of their own (knn, rf, logreg, boost) override scoreRows(); the
  // others (svm) keep the interface's one-hot default. See cv_classifiers.h.
  Result<cv::Mat> predictScores(const cv::Mat& X) const override {
    if (!m_trained || X.cols != m_dims || X.type() != CV_32FC1 || !hasScores())
      return Classifier::predictScores(X);  // its errors for misuse, one-hot otherwise
    if (X.rows == 0) return cv::Mat(0, m_numClasses, CV_32F);
    try {
      cv::Mat scores = scoreRows(X);
      if (scores.rows != X.rows || scores.cols != m_numClasses || scores.type() != CV_32F)
        return Error("the model produced scores of the wrong shape", "scoring with " + m_id);
      return scores;
    } catch (const cv::Exception& e) {
      return Error("OpenCV failed: " + std::string(e.what()), "scoring with " + m_id);
    }
  }

  Result<void> save(const std::string& path) const override {
    if (!m_trained) return Error("the model is not trained", "saving " + m_id + " to " + path);
    return writeModelFile(path, modelFile());
  }

  Result<void> load(const std::string& path) override {
    auto file = readModelFile(path);
    if (!file.ok()) return file.error();
    const std::string context = "loading model " + path;
    if (file->familyId != m_id)
      return Error("the file holds a '" + file->familyId + "' model, not '" + m_id + "'", context);
    // Files written since hyper-parameters exist end with a part holding them; older files
    // (format 1 without it) were trained with the defaults of their time.
    std::vector<std::string> parts = file->parts;
    HyperParams stored = m_params;
    if (!parts.empty() && parts.back().rfind(kParamsMarker, 0) == 0) {
      auto parsed = decodeParams(parts.back());
      if (!parsed.ok()) return parsed.error().wrap(context);
      auto effective = parseParams(*parsed);
      if (!effective.ok()) return effective.error().wrap(context);
      stored = *effective;
      parts.pop_back();
    }
    const HyperParams previous = m_params;
    m_params = stored;  // loadParts may read them (logreg's format)
    auto r = loadParts(parts, file->numClasses, file->dims);
    if (!r.ok()) {
      m_params = previous;
      return r.error().wrap(context);
    }
    m_numClasses = file->numClasses;
    m_dims = file->dims;
    m_trained = true;
    finishModel();
    return okResult();
  }

 protected:
  virtual Result<void> doTrain(const cv::Mat& X, const std::vector<int>& y, int numClasses) = 0;
  // May throw cv::Exception; X is non-empty CV_32F with m_dims columns.
  virtual std::vector<int> predictRows(const cv::Mat& X) const = 0;
  virtual std::vector<std::string> saveParts() const = 0;
  virtual Result<void> loadParts(const std::vector<std::string>& parts, int numClasses,
                                 int dims) = 0;
  virtual int64_t countParameters() const = 0;
  // Whether scoreRows() gives this model's own class scores (rows summing to 1).
  virtual bool hasScores() const { return false; }
  // numClasses() CV_32F scores per row of X (non-empty, CV_32F, m_dims columns); may throw
  // cv::Exception.
  virtual cv::Mat scoreRows(const cv::Mat&) const { return {}; }
  virtual std::vector<std::string> knownParams() const = 0;
  // The effective values for `params` (already checked for unknown keys), or an error.
  virtual Result<HyperParams> parseParams(const HyperParams& params) const = 0;

  int intParam(const std::string& key) const { return std::stoi(m_params.at(key)); }
  double doubleParam(const std::string& key) const { return std::stod(m_params.at(key)); }

  static cv::Mat floatResponses(const std::vector<int>& y) {
    cv::Mat r(static_cast<int>(y.size()), 1, CV_32F);
    for (size_t i = 0; i < y.size(); ++i)
      r.at<float>(static_cast<int>(i)) = static_cast<float>(y[i]);
    return r;
  }
  static cv::Mat intResponses(const std::vector<int>& y) {
    return cv::Mat(static_cast<int>(y.size()), 1, CV_32S, const_cast<int*>(y.data())).clone();
  }
  // What getVarCount() reports for a model over `dims` features.
  virtual int varCountFor(int dims) const { return dims; }
  Result<void> checkVarCount(const ml::StatModel& m, int dims) const {
    if (m.getVarCount() != varCountFor(dims))
      return Error("the model expects " + std::to_string(m.getVarCount()) +
                   " features but its header says " + std::to_string(dims) +
                   "; the file is corrupt");
    return okResult();
  }

 private:
  ModelFile modelFile() const {
    ModelFile f;
    f.familyId = m_id;
    f.numClasses = m_numClasses;
    f.dims = m_dims;
    f.parameterCount = m_parameterCount;
    f.parts = saveParts();
    f.parts.push_back(encodeParams(m_params));
    return f;
  }
  void finishModel() {
    m_parameterCount = countParameters();
    m_sizeBytes = static_cast<int64_t>(encodeModelFile(modelFile()).size());
  }

  static constexpr const char* kParamsMarker = "EWPARAMS1\n";
  static std::string encodeParams(const HyperParams& params) {
    std::string out = kParamsMarker;
    for (const auto& [k, v] : params) out += k + "=" + v + "\n";
    return out;
  }
  static Result<HyperParams> decodeParams(const std::string& part) {
    HyperParams out;
    size_t pos = std::string(kParamsMarker).size();
    while (pos < part.size()) {
      const size_t end = part.find('\n', pos);
      const size_t eq = part.find('=', pos);
      if (end == std::string::npos || eq == std::string::npos || eq > end)
        return Error("the stored hyper-parameters are malformed; the file is corrupt");
      out[part.substr(pos, eq - pos)] = part.substr(eq + 1, end - eq - 1);
      pos = end + 1;
    }
    return out;
  }

  std::string m_id;
  uint64_t m_seed;
  HyperParams m_params;
  bool m_trained = false;
  int m_numClasses = 0;
  int m_dims = 0;
  int64_t m_parameterCount = 0;
  int64_t m_sizeBytes = 0;
};

// Families whose whole model is one cv::ml::StatModel predicting the class as a float.
template <typename Model>
class SingleModelClassifier : public CvClassifier {
 public:
  using CvClassifier::CvClassifier;

 protected:
  std::vector<int> predictRows(const cv::Mat& X) const override {
    cv::Mat responses;
    m_model->predict(X, responses);
    return toIntLabels(responses);
  }
  std::vector<std::string> saveParts() const override { return {serialize(*m_model)}; }
  Result<void> loadParts(const std::vector<std::string>& parts, int, int dims) override {
    if (parts.size() != 1)
      return Error("expected 1 model part, the file has " + std::to_string(parts.size()));
    auto model = deserialize<Model>(parts.front());
    if (!model.ok()) return model.error();
    EW_TRY(checkVarCount(**model, dims));
    m_model = *model;
    return okResult();
  }

  Ptr<Model> m_model;
};

class KnnClassifier : public SingleModelClassifier<ml::KNearest> {
 public:
  explicit KnnClassifier(uint64_t seed) : SingleModelClassifier("knn", seed) {}

 protected:
  std::vector<std::string> knownParams() const override { return {"k"}; }
  Result<HyperParams> parseParams(const HyperParams& in) const override {
    HyperParams out;
    EW_TRY(takeInt(out, in, "k", 3, 1, 1000));
    return out;
  }

  Result<void> doTrain(const cv::Mat& X, const std::vector<int>& y, int) override {
    const int k = intParam("k");
    if (k > X.rows)
      return Error("k = " + std::to_string(k) + " but there are only " + std::to_string(X.rows) +
                   " training samples");
    auto model = ml::KNearest::create();
    model->setDefaultK(k);
    model->setIsClassifier(true);
    model->setAlgorithmType(ml::KNearest::BRUTE_FORCE);
    if (!model->train(X, ml::ROW_SAMPLE, floatResponses(y)))
      return Error("KNearest refused the training data");
    m_model = model;
    m_samples = X.rows;
    return okResult();
  }
  std::vector<int> predictRows(const cv::Mat& X) const override {
    cv::Mat results;
    m_model->findNearest(X, m_model->getDefaultK(), results);
    return toIntLabels(results);
  }
  // The fraction of the k nearest neighbours of each class (distances play no part).
  bool hasScores() const override { return true; }
  cv::Mat scoreRows(const cv::Mat& X) const override {
    const int k = m_model->getDefaultK();
    cv::Mat results, neighbours;
    m_model->findNearest(X, k, results, neighbours);
    cv::Mat scores = cv::Mat::zeros(X.rows, numClasses(), CV_32F);
    for (int i = 0; i < X.rows; ++i)
      for (int j = 0; j < neighbours.cols; ++j) {
        const int c = cvRound(neighbours.at<float>(i, j));
        if (c >= 0 && c < numClasses()) scores.at<float>(i, c) += 1.0f / neighbours.cols;
      }
    return scores;
  }
  Result<void> loadParts(const std::vector<std::string>& parts, int numClasses, int dims) override {
    EW_TRY((SingleModelClassifier::loadParts(parts, numClasses, dims)));
    m_samples = -1;  // unknown until counted from the header
    return okResult();
  }
  int64_t countParameters() const override {
    // The stored training set; after load() it comes from the serialized "samples" matrix.
    if (m_samples >= 0) return static_cast<int64_t>(m_samples) * (m_model->getVarCount() + 1);
    cv::FileStorage fs(serialize(*m_model), cv::FileStorage::READ | cv::FileStorage::MEMORY);
    cv::Mat samples;
    fs.getFirstTopLevelNode()["samples"] >> samples;
    return static_cast<int64_t>(samples.rows) * (m_model->getVarCount() + 1);
  }

  int m_samples = 0;
};

class SvmClassifier : public SingleModelClassifier<ml::SVM> {
 public:
  SvmClassifier(bool rbf, uint64_t seed)
      : SingleModelClassifier(rbf ? "svm-rbf" : "svm-linear", seed), m_rbf(rbf) {}

 protected:
  std::vector<std::string> knownParams() const override {
    if (m_rbf) return {"C", "gamma"};
    return {"C"};
  }
  Result<HyperParams> parseParams(const HyperParams& in) const override {
    HyperParams out;
    EW_TRY(takeDouble(out, in, "C", m_rbf ? "10" : "1", 0.0, false));
    if (m_rbf) {
      const std::string gamma = paramString(in, "gamma", "scale");
      if (gamma != "scale") {
        auto r = takeDouble(out, in, "gamma", "scale", 0.0, false);
        if (!r.ok())
          return Error("hyper-parameter gamma must be \"scale\" or a number > 0, got " + gamma);
      } else {
        out["gamma"] = "scale";
      }
    }
    return out;
  }

  Result<void> doTrain(const cv::Mat& X, const std::vector<int>& y, int) override {
    auto model = ml::SVM::create();
    model->setType(ml::SVM::C_SVC);
    model->setC(doubleParam("C"));
    if (m_rbf) {
      model->setKernel(ml::SVM::RBF);
      if (hyperParams().at("gamma") == "scale") {
        // sklearn's gamma="scale": independent of how the features happen to be scaled.
        cv::Scalar mean, stddev;
        cv::meanStdDev(X.reshape(1, 1), mean, stddev);
        const double var = stddev[0] * stddev[0];
        model->setGamma(var > 0 ? 1.0 / (X.cols * var) : 1.0);
      } else {
        model->setGamma(doubleParam("gamma"));
      }
    } else {
      model->setKernel(ml::SVM::LINEAR);
    }
    model->setTermCriteria(
        cv::TermCriteria(cv::TermCriteria::MAX_ITER + cv::TermCriteria::EPS, 1000000, 1e-3));
    if (!model->train(X, ml::ROW_SAMPLE, intResponses(y)))
      return Error("SVM refused the training data");
    m_model = model;
    return okResult();
  }
  int64_t countParameters() const override {
    int64_t n = static_cast<int64_t>(m_model->getSupportVectors().total());
    // One-vs-one over the classes present in the training data, which may be fewer than
    // numClasses(); OpenCV only tells how many through its serialization.
    cv::FileStorage fs(serialize(*m_model), cv::FileStorage::READ | cv::FileStorage::MEMORY);
    const int functions = static_cast<int>(fs.getFirstTopLevelNode()["decision_functions"].size());
    for (int i = 0; i < functions; ++i) {
      cv::Mat alpha, svidx;
      m_model->getDecisionFunction(i, alpha, svidx);
      n += static_cast<int64_t>(alpha.total()) + 1;  // the weights and rho
    }
    return n;
  }

 private:
  bool m_rbf;
};

class RTreesClassifier : public SingleModelClassifier<ml::RTrees> {
 public:
  explicit RTreesClassifier(uint64_t seed) : SingleModelClassifier("rf", seed) {}

 protected:
  std::vector<std::string> knownParams() const override {
    return {"trees", "max_depth", "min_samples"};
  }
  Result<HyperParams> parseParams(const HyperParams& in) const override {
    HyperParams out;
    EW_TRY(takeInt(out, in, "trees", 100, 1, 10000));
    EW_TRY(takeInt(out, in, "max_depth", 25, 1, 1000));
    EW_TRY(takeInt(out, in, "min_samples", 1, 1, 1000000));
    return out;
  }

  Result<void> doTrain(const cv::Mat& X, const std::vector<int>& y, int) override {
    auto model = ml::RTrees::create();
    model->setMaxDepth(intParam("max_depth"));
    model->setMinSampleCount(intParam("min_samples"));
    model->setRegressionAccuracy(0);
    model->setUseSurrogates(false);
    model->setMaxCategories(16);
    model->setCVFolds(0);
    model->setCalculateVarImportance(false);
    model->setActiveVarCount(0);  // sqrt(dims), as sklearn's max_features="sqrt"
    model->setTermCriteria(cv::TermCriteria(cv::TermCriteria::MAX_ITER, intParam("trees"), 0));
    cv::Mat varType(X.cols + 1, 1, CV_8U, cv::Scalar(ml::VAR_ORDERED));
    varType.at<uchar>(X.cols) = ml::VAR_CATEGORICAL;
    auto data = ml::TrainData::create(X, ml::ROW_SAMPLE, intResponses(y), cv::noArray(),
                                      cv::noArray(), cv::noArray(), varType);
    if (!model->train(data)) return Error("RTrees refused the training data");
    m_model = model;
    return okResult();
  }
  int64_t countParameters() const override { return treeParameters(*m_model); }
  // The fraction of the trees voting for each class. getVotes() answers one column per class
  // seen in training, headed by the class label (row 0); classes never seen score 0.
  bool hasScores() const override { return true; }
  cv::Mat scoreRows(const cv::Mat& X) const override {
    cv::Mat votes;
    m_model->getVotes(X, votes, 0);
    cv::Mat scores = cv::Mat::zeros(X.rows, numClasses(), CV_32F);
    for (int i = 0; i < X.rows; ++i) {
      double total = 0.0;
      for (int j = 0; j < votes.cols; ++j) total += votes.at<int>(i + 1, j);
      for (int j = 0; j < votes.cols; ++j) {
        const int c = votes.at<int>(0, j);
        if (c >= 0 && c < numClasses() && total > 0)
          scores.at<float>(i, c) = static_cast<float>(votes.at<int>(i + 1, j) / total);
      }
    }
    return scores;
  }
};

// Multinomial (softmax) logistic regression, L2 penalty on the weights (not the biases), fit
// with L-BFGS: the objective of scikit-learn's default LogisticRegression (lbfgs, C = 1 / reg).
// OpenCV's own LogisticRegression (one-vs-rest, fixed-step gradient descent) stayed 5 points below
// scikit-learn on digits (0.849 vs 0.905) and took 3x longer; files it wrote (one part, an
// OpenCV model) still load and predict through it.
class LogRegClassifier : public CvClassifier {
 public:
  explicit LogRegClassifier(uint64_t seed) : CvClassifier("logreg", seed) {}

 protected:
  static constexpr const char* kSoftmaxMarker = "EWSOFTMAX1";

  std::vector<std::string> knownParams() const override { return {"iterations", "lr", "reg"}; }
  Result<HyperParams> parseParams(const HyperParams& in) const override {
    HyperParams out;
    EW_TRY(takeInt(out, in, "iterations", 1000, 1, 1000000));
    EW_TRY(takeDouble(out, in, "lr", "1", 0.0, false));
    EW_TRY(takeDouble(out, in, "reg", "1", 0.0, true));
    return out;
  }

  Result<void> doTrain(const cv::Mat& X, const std::vector<int>& y, int numClasses) override {
    const int n = X.rows, d = X.cols, k = numClasses;
    cv::Mat X64;
    X.convertTo(X64, CV_64F);
    // Centred per feature, scaled by one global standard deviation: better conditioned than raw
    // features, yet the penalty below is exactly scikit-learn's on the raw weights. (Scaling
    // each feature on its own lost 2 points on digits: near-constant border pixels blow up.)
    cv::Mat mean;
    cv::reduce(X64, mean, 0, cv::REDUCE_AVG, CV_64F);
    double sumSq = 0.0;
    for (int i = 0; i < n; ++i) {
      const double* x = X64.ptr<double>(i);
      for (int j = 0; j < d; ++j)
        sumSq += (x[j] - mean.at<double>(j)) * (x[j] - mean.at<double>(j));
    }
    const double sd = std::sqrt(sumSq / (static_cast<double>(n) * d));
    const double inv = sd > 1e-12 ? 1.0 / sd : 1.0;
    cv::Mat scale(1, d, CV_64F, cv::Scalar(inv));
    // Z = [standardized X | 1]: the last weight row is the bias.
    cv::Mat Z(n, d + 1, CV_64F, cv::Scalar(1.0));
    for (int i = 0; i < n; ++i) {
      const double* x = X64.ptr<double>(i);
      double* z = Z.ptr<double>(i);
      for (int j = 0; j < d; ++j) z[j] = (x[j] - mean.at<double>(j)) * scale.at<double>(j);
    }
    // W_raw = W * inv, so |W_raw|^2 = inv^2 |W|^2.
    const double reg = doubleParam("reg") * inv * inv;
    // f(W) = (1/n) [sum_i CE_i + reg/2 |W without bias|^2]; scaled by 1/n to keep steps O(1).
    auto objective = [&](const cv::Mat& W, cv::Mat& grad) {
      cv::Mat logits = Z * W;  // n x k
      cv::Mat P(n, k, CV_64F);
      double loss = 0.0;
      for (int i = 0; i < n; ++i) {
        const double* l = logits.ptr<double>(i);
        double* p = P.ptr<double>(i);
        const double m = *std::max_element(l, l + k);
        double sum = 0.0;
        for (int c = 0; c < k; ++c) sum += (p[c] = std::exp(l[c] - m));
        for (int c = 0; c < k; ++c) p[c] /= sum;
        const int yi = y[static_cast<size_t>(i)];
        loss += std::log(sum) + m - l[yi];
        p[yi] -= 1.0;
      }
      grad = Z.t() * P;
      const cv::Mat Wn = W.rowRange(0, d);
      loss += 0.5 * reg * Wn.dot(Wn);
      grad.rowRange(0, d) += reg * Wn;
      grad /= n;
      return loss / n;
    };
    cv::Mat W = cv::Mat::zeros(d + 1, k, CV_64F);
    lbfgs(objective, W, intParam("iterations"), doubleParam("lr"));
    m_mean = mean;
    m_scale = scale;
    m_weights = W;
    m_legacy.release();
    return okResult();
  }

  // Minimizes f from W in place: L-BFGS (10 pairs) with a backtracking (Armijo) line search
  // starting at step `lr`; stops when the largest gradient entry is below 1e-5 or the
  // objective no longer changes (relative 1e-10), as scikit-learn's lbfgs does (tol 1e-4 on
  // the unscaled objective).
  template <typename F>
  static void lbfgs(F&& f, cv::Mat& W, int iterations, double lr) {
    constexpr int kHistory = 10;
    std::vector<cv::Mat> S, Yd;
    std::vector<double> rho;
    cv::Mat g;
    double fx = f(W, g);
    for (int it = 0; it < iterations; ++it) {
      double gmax = 0.0;
      cv::minMaxLoc(cv::abs(g), nullptr, &gmax);
      if (gmax < 1e-5) break;
      // Two-loop recursion: direction = -H g.
      cv::Mat q = g.clone();
      std::vector<double> alpha(S.size());
      for (int i = static_cast<int>(S.size()) - 1; i >= 0; --i) {
        alpha[i] = rho[i] * S[i].dot(q);
        q -= alpha[i] * Yd[i];
      }
      if (!S.empty()) q *= S.back().dot(Yd.back()) / Yd.back().dot(Yd.back());
      for (size_t i = 0; i < S.size(); ++i) {
        const double beta = rho[i] * Yd[i].dot(q);
        q += (alpha[i] - beta) * S[i];
      }
      cv::Mat dir = -q;
      double slope = g.dot(dir);
      if (slope >= 0) {  // not a descent direction: restart from the gradient
        S.clear();
        Yd.clear();
        rho.clear();
        dir = -g;
        slope = -g.dot(g);
      }
      double step = S.empty() ? std::min(lr, lr / std::sqrt(g.dot(g))) : lr;
      cv::Mat Wn, gn;
      double fn = 0.0;
      bool accepted = false;
      for (int tries = 0; tries < 40; ++tries) {
        Wn = W + step * dir;
        fn = f(Wn, gn);
        if (fn <= fx + 1e-4 * step * slope) {
          accepted = true;
          break;
        }
        step *= 0.5;
      }
      if (!accepted) break;
      cv::Mat s = Wn - W, yv = gn - g;
      const double sy = s.dot(yv);
      if (sy > 1e-12) {
        if (static_cast<int>(S.size()) == kHistory) {
          S.erase(S.begin());
          Yd.erase(Yd.begin());
          rho.erase(rho.begin());
        }
        S.push_back(s);
        Yd.push_back(yv);
        rho.push_back(1.0 / sy);
      }
      const bool flat = std::abs(fx - fn) <= 1e-10 * std::max({std::abs(fx), std::abs(fn), 1.0});
      W = Wn;
      g = gn;
      fx = fn;
      if (flat) break;
    }
  }

  std::vector<int> predictRows(const cv::Mat& X) const override {
    if (!m_legacy.empty()) {
      cv::Mat responses;
      m_legacy->predict(X, responses);
      return toIntLabels(responses);
    }
    const int d = m_mean.cols, k = m_weights.cols;
    std::vector<int> out(static_cast<size_t>(X.rows), -1);
    std::vector<double> z(static_cast<size_t>(d + 1), 1.0);
    for (int i = 0; i < X.rows; ++i) {
      const float* x = X.ptr<float>(i);
      for (int j = 0; j < d; ++j)
        z[static_cast<size_t>(j)] = (x[j] - m_mean.at<double>(j)) * m_scale.at<double>(j);
      int best = 0;
      double bestLogit = -std::numeric_limits<double>::infinity();
      for (int c = 0; c < k; ++c) {
        double logit = 0.0;
        for (int j = 0; j <= d; ++j)
          logit += z[static_cast<size_t>(j)] * m_weights.at<double>(j, c);
        if (logit > bestLogit) {
          bestLogit = logit;
          best = c;
        }
      }
      out[static_cast<size_t>(i)] = best;
    }
    return out;
  }

  // softmax(z W): the model's own probabilities (scikit-learn's predict_proba for the same
  // fit). One matrix product, so scoring a pool of 50,000 rows takes milliseconds. Legacy
  // OpenCV models (one-vs-rest) keep the one-hot default.
  bool hasScores() const override { return m_legacy.empty(); }
  cv::Mat scoreRows(const cv::Mat& X) const override {
    const int d = m_mean.cols;
    cv::Mat Z(X.rows, d + 1, CV_64F, cv::Scalar(1.0));
    cv::Mat Xd;
    X.convertTo(Xd, CV_64F);
    cv::Mat centred = Z.colRange(0, d);
    cv::subtract(Xd, cv::repeat(m_mean, X.rows, 1), centred);
    cv::multiply(centred, cv::repeat(m_scale, X.rows, 1), centred);
    cv::Mat logits = Z * m_weights;
    return softmaxRows(logits);
  }

  std::vector<std::string> saveParts() const override {
    if (!m_legacy.empty()) return {serialize(*m_legacy)};
    cv::FileStorage fs(".yml",
                       cv::FileStorage::WRITE | cv::FileStorage::MEMORY | cv::FileStorage::BASE64);
    fs << "mean" << m_mean << "scale" << m_scale << "weights" << m_weights;
    return {kSoftmaxMarker, fs.releaseAndGetString()};
  }

  Result<void> loadParts(const std::vector<std::string>& parts, int numClasses, int dims) override {
    if (parts.size() == 1) {  // written before 2026-11-22 by OpenCV's LogisticRegression
      auto model = deserialize<ml::LogisticRegression>(parts.front());
      if (!model.ok()) return model.error();
      if ((*model)->getVarCount() != dims + 1)
        return Error("the model expects " + std::to_string((*model)->getVarCount() - 1) +
                     " features but its header says " + std::to_string(dims) +
                     "; the file is corrupt");
      m_legacy = *model;
      return okResult();
    }
    if (parts.size() != 2 || parts[0] != kSoftmaxMarker)
      return Error("expected a softmax model (2 parts), the file has " +
                   std::to_string(parts.size()) + " parts");
    cv::Mat mean, scale, weights;
    try {
      cv::FileStorage fs(parts[1], cv::FileStorage::READ | cv::FileStorage::MEMORY);
      fs["mean"] >> mean;
      fs["scale"] >> scale;
      fs["weights"] >> weights;
    } catch (const cv::Exception& e) {
      return Error("OpenCV could not read the model: " + std::string(e.what()));
    }
    if (mean.type() != CV_64F || scale.type() != CV_64F || weights.type() != CV_64F ||
        mean.rows != 1 || mean.cols != dims || scale.size() != mean.size() ||
        weights.rows != dims + 1 || weights.cols != numClasses)
      return Error("the softmax weights do not match " + std::to_string(dims) + " features and " +
                   std::to_string(numClasses) + " classes; the file is corrupt");
    m_mean = mean;
    m_scale = scale;
    m_weights = weights;
    m_legacy.release();
    return okResult();
  }

  int64_t countParameters() const override {
    if (!m_legacy.empty()) return static_cast<int64_t>(m_legacy->get_learnt_thetas().total());
    return static_cast<int64_t>(m_weights.total() + m_mean.total() + m_scale.total());
  }

 private:
  cv::Mat m_mean, m_scale, m_weights;  // 1 x d, 1 x d, (d + 1) x k, CV_64F
  Ptr<ml::LogisticRegression> m_legacy;
};

class BoostClassifier : public CvClassifier {
 public:
  explicit BoostClassifier(uint64_t seed) : CvClassifier("boost", seed) {}

 protected:
  std::vector<std::string> knownParams() const override { return {"rounds", "depth"}; }
  Result<HyperParams> parseParams(const HyperParams& in) const override {
    HyperParams out;
    EW_TRY(takeInt(out, in, "rounds", 50, 1, 10000));
    EW_TRY(takeInt(out, in, "depth", 2, 1, 64));
    return out;
  }

  Result<void> doTrain(const cv::Mat& X, const std::vector<int>& y, int numClasses) override {
    std::vector<Ptr<ml::Boost>> boosters;
    cv::Mat varType(X.cols + 1, 1, CV_8U, cv::Scalar(ml::VAR_ORDERED));
    varType.at<uchar>(X.cols) = ml::VAR_CATEGORICAL;
    for (int c = 0; c < numClasses; ++c) {
      cv::Mat responses(X.rows, 1, CV_32S);
      for (int i = 0; i < X.rows; ++i)
        responses.at<int>(i) = y[static_cast<size_t>(i)] == c ? 1 : 0;
      auto data = ml::TrainData::create(X, ml::ROW_SAMPLE, responses, cv::noArray(), cv::noArray(),
                                        cv::noArray(), varType);
      auto model = ml::Boost::create();
      // Gentle, not Real: with weight trimming (0.95) Real AdaBoost collapsed on the simulated
      // IMU windows (0.54 accuracy; Gentle and Discrete 1.00, scikit-learn 0.98) and Gentle is
      // also the best of the three on digits (0.864 vs Real 0.855). Models saved with Real
      // keep their type in the OpenCV part and load as they were.
      model->setBoostType(ml::Boost::GENTLE);
      model->setWeakCount(intParam("rounds"));
      model->setMaxDepth(intParam("depth"));
      model->setWeightTrimRate(0.95);
      model->setUseSurrogates(false);
      model->setCVFolds(0);
      if (!model->train(data))
        return Error("Boost refused the training data of class " + std::to_string(c));
      boosters.push_back(model);
    }
    m_boosters = std::move(boosters);
    return okResult();
  }

  std::vector<int> predictRows(const cv::Mat& X) const override {
    std::vector<float> best(static_cast<size_t>(X.rows), -std::numeric_limits<float>::infinity());
    std::vector<int> out(static_cast<size_t>(X.rows), -1);
    for (size_t c = 0; c < m_boosters.size(); ++c) {
      cv::Mat raw;
      // RAW_OUTPUT: the sum of the weak learners' votes; > 0 means "class c" (label 1).
      m_boosters[c]->predict(X, raw, ml::StatModel::RAW_OUTPUT);
      for (int i = 0; i < X.rows; ++i) {
        const float score = raw.at<float>(i);
        if (score > best[static_cast<size_t>(i)]) {
          best[static_cast<size_t>(i)] = score;
          out[static_cast<size_t>(i)] = static_cast<int>(c);
        }
      }
    }
    return out;
  }

  // softmax over the per-class raw scores (the sums of the weak learners' votes that
  // predictRows() compares); a calibrated probability it is not, an ordering it is.
  bool hasScores() const override { return true; }
  cv::Mat scoreRows(const cv::Mat& X) const override {
    cv::Mat raw(X.rows, static_cast<int>(m_boosters.size()), CV_64F);
    for (size_t c = 0; c < m_boosters.size(); ++c) {
      cv::Mat r;
      m_boosters[c]->predict(X, r, ml::StatModel::RAW_OUTPUT);
      for (int i = 0; i < X.rows; ++i) raw.at<double>(i, static_cast<int>(c)) = r.at<float>(i);
    }
    return softmaxRows(raw);
  }

  std::vector<std::string> saveParts() const override {
    std::vector<std::string> parts;
    for (const auto& b : m_boosters) parts.push_back(serialize(*b));
    return parts;
  }

  Result<void> loadParts(const std::vector<std::string>& parts, int numClasses, int dims) override {
    if (parts.size() != static_cast<size_t>(numClasses))
      return Error("expected one booster per class (" + std::to_string(numClasses) +
                   "), the file has " + std::to_string(parts.size()));
    std::vector<Ptr<ml::Boost>> boosters;
    for (const std::string& part : parts) {
      auto b = deserialize<ml::Boost>(part);
      if (!b.ok()) return b.error();
      EW_TRY(checkVarCount(**b, dims));
      boosters.push_back(*b);
    }
    m_boosters = std::move(boosters);
    return okResult();
  }

  int64_t countParameters() const override {
    int64_t n = 0;
    for (const auto& b : m_boosters) n += treeParameters(*b);
    return n;
  }

 private:
  std::vector<Ptr<ml::Boost>> m_boosters;
};

}  // namespace

std::vector<std::string> openCvClassifierIds() {
  return {"knn", "svm-linear", "svm-rbf", "rf", "logreg", "boost"};
}

Result<std::unique_ptr<Classifier>> createOpenCvClassifier(const std::string& id, uint64_t seed) {
  return createOpenCvClassifier(id, HyperParams{}, seed);
}

Result<std::unique_ptr<Classifier>> createOpenCvClassifier(const std::string& id,
                                                           const HyperParams& params,
                                                           uint64_t seed) {
  std::unique_ptr<CvClassifier> c;
  if (id == "knn")
    c = std::make_unique<KnnClassifier>(seed);
  else if (id == "svm-linear")
    c = std::make_unique<SvmClassifier>(false, seed);
  else if (id == "svm-rbf")
    c = std::make_unique<SvmClassifier>(true, seed);
  else if (id == "rf")
    c = std::make_unique<RTreesClassifier>(seed);
  else if (id == "logreg")
    c = std::make_unique<LogRegClassifier>(seed);
  else if (id == "boost")
    c = std::make_unique<BoostClassifier>(seed);
  if (!c) {
    std::string known;
    for (const std::string& k : openCvClassifierIds()) known += (known.empty() ? "" : ", ") + k;
    return Error("unknown OpenCV model '" + id + "' (known: " + known + ")");
  }
  EW_TRY(c->configure(params));
  return std::unique_ptr<Classifier>(std::move(c));
}

Result<std::unique_ptr<Classifier>> loadOpenCvClassifier(const std::string& path) {
  auto file = readModelFile(path);
  if (!file.ok()) return file.error();
  auto c = createOpenCvClassifier(file->familyId);
  if (!c.ok()) return c.error().wrap("loading model " + path);
  EW_TRY((*c)->load(path));
  return c;
}

}  // namespace edgewise::training
