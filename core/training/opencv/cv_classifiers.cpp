#include "core/training/opencv/cv_classifiers.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <opencv2/core.hpp>
#include <opencv2/ml.hpp>

#include <QLoggingCategory>
#include "core/training/opencv/model_file.h"

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

int64_t treeParameters(const ml::DTrees& trees) {
  // A node holds its value and a split holds a variable index and a threshold.
  return static_cast<int64_t>(trees.getNodes().size()) +
         2 * static_cast<int64_t>(trees.getSplits().size());
}

// What every OpenCV family shares: validation, seeding, the file format and -1 on misuse.
class CvClassifier : public Classifier {
 public:
  CvClassifier(std::string id, uint64_t seed) : m_id(std::move(id)), m_seed(seed) {}

  std::string id() const override { return m_id; }
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
    auto r = loadParts(file->parts, file->numClasses, file->dims);
    if (!r.ok()) return r.error().wrap(context);
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
    return f;
  }
  void finishModel() {
    m_parameterCount = countParameters();
    m_sizeBytes = static_cast<int64_t>(encodeModelFile(modelFile()).size());
  }

  std::string m_id;
  uint64_t m_seed;
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
  static constexpr int kK = 3;

  Result<void> doTrain(const cv::Mat& X, const std::vector<int>& y, int) override {
    auto model = ml::KNearest::create();
    model->setDefaultK(kK);
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
  Result<void> doTrain(const cv::Mat& X, const std::vector<int>& y, int) override {
    auto model = ml::SVM::create();
    model->setType(ml::SVM::C_SVC);
    if (m_rbf) {
      model->setKernel(ml::SVM::RBF);
      model->setC(10.0);
      // sklearn's gamma="scale": independent of how the features happen to be scaled.
      cv::Scalar mean, stddev;
      cv::meanStdDev(X.reshape(1, 1), mean, stddev);
      const double var = stddev[0] * stddev[0];
      model->setGamma(var > 0 ? 1.0 / (X.cols * var) : 1.0);
    } else {
      model->setKernel(ml::SVM::LINEAR);
      model->setC(1.0);
    }
    model->setTermCriteria(
        cv::TermCriteria(cv::TermCriteria::MAX_ITER + cv::TermCriteria::EPS, 10000, 1e-3));
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
  static constexpr int kTrees = 100;

  Result<void> doTrain(const cv::Mat& X, const std::vector<int>& y, int) override {
    auto model = ml::RTrees::create();
    model->setMaxDepth(25);
    model->setMinSampleCount(1);
    model->setRegressionAccuracy(0);
    model->setUseSurrogates(false);
    model->setMaxCategories(16);
    model->setCVFolds(0);
    model->setCalculateVarImportance(false);
    model->setActiveVarCount(0);  // sqrt(dims), as sklearn's max_features="sqrt"
    model->setTermCriteria(cv::TermCriteria(cv::TermCriteria::MAX_ITER, kTrees, 0));
    cv::Mat varType(X.cols + 1, 1, CV_8U, cv::Scalar(ml::VAR_ORDERED));
    varType.at<uchar>(X.cols) = ml::VAR_CATEGORICAL;
    auto data = ml::TrainData::create(X, ml::ROW_SAMPLE, intResponses(y), cv::noArray(),
                                      cv::noArray(), cv::noArray(), varType);
    if (!model->train(data)) return Error("RTrees refused the training data");
    m_model = model;
    return okResult();
  }
  int64_t countParameters() const override { return treeParameters(*m_model); }
};

class LogRegClassifier : public SingleModelClassifier<ml::LogisticRegression> {
 public:
  explicit LogRegClassifier(uint64_t seed) : SingleModelClassifier("logreg", seed) {}

 protected:
  Result<void> doTrain(const cv::Mat& X, const std::vector<int>& y, int) override {
    auto model = ml::LogisticRegression::create();
    // Measured on digits (400 pixels in [0, 1], 2,000 samples): smaller rates or fewer
    // steps stay far below 80% accuracy, OpenCV's defaults (0.001, 100) near chance.
    model->setLearningRate(5.0);
    model->setIterations(1500);
    model->setRegularization(ml::LogisticRegression::REG_L2);
    model->setTrainMethod(ml::LogisticRegression::MINI_BATCH);
    model->setMiniBatchSize(128);
    if (!model->train(X, ml::ROW_SAMPLE, floatResponses(y)))
      return Error("LogisticRegression refused the training data");
    m_model = model;
    return okResult();
  }
  int64_t countParameters() const override {
    return static_cast<int64_t>(m_model->get_learnt_thetas().total());
  }
  int varCountFor(int dims) const override { return dims + 1; }  // thetas include the bias
};

class BoostClassifier : public CvClassifier {
 public:
  explicit BoostClassifier(uint64_t seed) : CvClassifier("boost", seed) {}

 protected:
  static constexpr int kWeakCount = 50;

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
      model->setBoostType(ml::Boost::REAL);
      model->setWeakCount(kWeakCount);
      model->setMaxDepth(2);
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
  std::unique_ptr<Classifier> c;
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
  return c;
}

Result<std::unique_ptr<Classifier>> createOpenCvClassifier(const std::string& id,
                                                           const HyperParams& params,
                                                           uint64_t seed) {
  if (!params.empty()) return Error("OpenCV hyper-parameters: not implemented yet");
  return createOpenCvClassifier(id, seed);
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
