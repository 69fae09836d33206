#include "core/training/service/model_factory.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <mutex>
#include <sstream>
#include <thread>

#include "core/training/ensemble/ensemble.h"
#include "core/training/ensemble/two_stage.h"
#include "core/training/model_file.h"
#include "core/training/opencv/cv_classifiers.h"
#include "core/training/torch/torch_models.h"

namespace edgewise::training {

namespace {

constexpr const char* kDefaultMembers = "knn,svm-rbf,rf,mlp";

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::vector<std::string> splitList(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  std::string item;
  while (std::getline(ss, item, ',')) {
    item.erase(0, item.find_first_not_of(" \t"));
    item.erase(item.find_last_not_of(" \t") + 1);
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

// What an ensemble's training records in its hyper-parameters; accepted and ignored when an
// ensemble is created from a recorded parameter set.
constexpr const char* kOutcomeKeys[] = {"member_val_accuracy", "kept", "weights", "val_accuracy"};

// Shortest text that reads back to the same double.
std::string shortDouble(double v) {
  char buf[32];
  for (int prec = 1; prec <= 17; ++prec) {
    std::snprintf(buf, sizeof buf, "%.*g", prec, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  return buf;
}

std::string shapeText(const std::vector<int>& shape) {
  std::string s = "{";
  for (size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
  return s + "}";
}

// The "ensemble" family before training: which members to make. train() trains them with
// LazyEnsembleTrainer (each weighted by its validation accuracy) and from then on serves
// through the resulting Ensemble; save() writes that Ensemble's file, so loadClassifier()
// gives back an Ensemble.
class EnsembleFamily : public Classifier {
 public:
  EnsembleFamily(std::vector<std::string> members, HyperParams memberParams, HyperParams all,
                 uint64_t seed, std::vector<int> inputShape)
      : m_members(std::move(members)),
        m_memberParams(std::move(memberParams)),
        m_all(std::move(all)),
        m_seed(seed),
        m_inputShape(std::move(inputShape)) {}

  std::string id() const override { return "ensemble"; }

  Result<void> train(const cv::Mat& X, const std::vector<int>& y, int numClasses) override {
    return train(X, y, numClasses, TrainContext{});
  }

  Result<void> train(const cv::Mat& X, const std::vector<int>& y, int numClasses,
                     const TrainContext& context) override {
    EW_TRY(validateTrainingData(X, y, numClasses));
    m_ensemble.reset();
    if (context.cancelled()) return Error(kCancelledMessage);
    std::vector<MemberFactory> factories;
    for (size_t i = 0; i < m_members.size(); ++i) {
      const std::string family = m_members[i];
      HyperParams params;
      const std::string prefix = family + ".";
      for (const auto& [k, v] : m_memberParams)
        if (k.rfind(prefix, 0) == 0) params[k.substr(prefix.size())] = v;
      const uint64_t seed = m_seed + i;
      const std::vector<int> shape = m_inputShape;
      factories.push_back([family, params, seed, shape]() {
        return createClassifier(family, params, seed, shape);
      });
    }
    const bool haveVal = context.valX && context.valY && context.valX->rows > 0;
    const cv::Mat valX = haveVal ? *context.valX : X;
    const std::vector<int> valY = haveVal ? *context.valY : y;
    // Members after the first finish on the trainer's thread; their reports are queued and
    // delivered here, so context.progress runs on the calling thread like every family's.
    struct Queue {
      std::mutex mutex;
      std::vector<TrainProgress> items;
    };
    auto queue = std::make_shared<Queue>();
    auto drain = [&queue, &context]() {
      std::vector<TrainProgress> items;
      {
        std::lock_guard<std::mutex> lock(queue->mutex);
        items.swap(queue->items);
      }
      if (context.progress)
        for (const TrainProgress& p : items) context.progress(p);
    };
    LazyEnsembleTrainer trainer(std::move(factories), X, y, valX, valY, numClasses);
    const auto t0 = std::chrono::steady_clock::now();
    const int total = static_cast<int>(m_members.size());
    trainer.setProgressCallback([queue, total, t0](const LazyEnsembleTrainer::Progress& p) {
      TrainProgress tp;
      tp.epoch = p.finished;
      tp.epochs = total;
      tp.trainLoss = tp.trainAccuracy = tp.valLoss = std::numeric_limits<double>::quiet_NaN();
      tp.valAccuracy = p.error.empty() ? p.weight : std::numeric_limits<double>::quiet_NaN();
      tp.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      tp.message = p.error.empty()
                       ? "member " + p.member + " trained, weight " + std::to_string(p.weight)
                       : "member " + p.member + " failed: " + p.error;
      std::lock_guard<std::mutex> lock(queue->mutex);
      queue->items.push_back(std::move(tp));
    });
    Result<std::shared_ptr<Ensemble>> started = trainer.start();
    drain();
    if (!started.ok()) return started.error();
    while (!trainer.finished()) {
      if (context.cancelled()) {
        trainer.cancel();
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      drain();
    }
    Result<void> done = trainer.wait();
    drain();
    if (context.cancelled()) return Error(kCancelledMessage);
    if (!done.ok()) return done.error();
    m_errors = trainer.errors();
    m_ensemble = started.value();
    recordSelection(haveVal, valX, valY);
    return okResult();
  }

  HyperParams hyperParams() const override { return m_all; }

  // With validation data and select=validation (the default), greedy forward selection
  // (Ensemble::selectByValidation) keeps the members whose vote scores best on validation, so
  // the ensemble's validation accuracy is at least its best member's. The outcome is recorded
  // in hyperParams() (the registry's lineage): every member's validation accuracy, the kept
  // members, their weights and the ensemble's validation accuracy.
  void recordSelection(bool haveVal, const cv::Mat& valX, const std::vector<int>& valY) {
    for (const char* k : kOutcomeKeys) m_all.erase(k);
    const std::vector<std::string> ids = m_ensemble->memberIds();
    const std::vector<double> weights = m_ensemble->weights();
    std::string memberVal;
    for (size_t i = 0; i < ids.size(); ++i)
      memberVal += (memberVal.empty() ? "" : ",") + ids[i] + ":" + shortDouble(weights[i]);
    if (haveVal) m_all["member_val_accuracy"] = memberVal;
    if (haveVal && m_all["select"] != "none") m_ensemble->selectByValidation(valX, valY);
    const HyperParams kept = m_ensemble->hyperParams();
    m_all["kept"] = kept.count("members") ? kept.at("members") : "";
    m_all["weights"] = kept.count("weights") ? kept.at("weights") : "";
    if (haveVal) {
      const std::vector<int> pred = m_ensemble->predictBatch(valX);
      size_t correct = 0;
      for (size_t r = 0; r < valY.size() && r < pred.size(); ++r) correct += pred[r] == valY[r];
      m_all["val_accuracy"] =
          shortDouble(valY.empty() ? 0.0 : static_cast<double>(correct) / valY.size());
    }
  }

  int predict(const float* x, int dims) const override {
    return m_ensemble ? m_ensemble->predict(x, dims) : -1;
  }
  std::vector<int> predictBatch(const cv::Mat& X) const override {
    if (!m_ensemble) return std::vector<int>(static_cast<size_t>(X.rows), -1);
    return m_ensemble->predictBatch(X);
  }
  Result<void> save(const std::string& path) const override {
    if (!m_ensemble) return Error("the ensemble is not trained", "saving " + path);
    return m_ensemble->save(path);
  }
  Result<void> load(const std::string& path) override {
    auto e = std::make_shared<Ensemble>(MemberLoader(&loadClassifier));
    EW_TRY(e->load(path));
    m_ensemble = std::move(e);
    return okResult();
  }
  bool isTrained() const override { return m_ensemble && m_ensemble->isTrained(); }
  int numClasses() const override { return m_ensemble ? m_ensemble->numClasses() : 0; }
  int dims() const override { return m_ensemble ? m_ensemble->dims() : 0; }
  int64_t parameterCount() const override { return m_ensemble ? m_ensemble->parameterCount() : 0; }
  int64_t sizeBytes() const override { return m_ensemble ? m_ensemble->sizeBytes() : 0; }

 private:
  std::vector<std::string> m_members;
  HyperParams m_memberParams;
  HyperParams m_all;
  uint64_t m_seed;
  std::vector<int> m_inputShape;
  std::shared_ptr<Ensemble> m_ensemble;
  std::vector<std::string> m_errors;
};

// A small shape that every torch family accepts, to ask it for its default parameters.
std::vector<int> probeShape(const std::string& family) {
  if (family == "cnn1d") return {1, 32};
  if (family == "cnn2d") return {1, 8, 8};
  return {16};
}

}  // namespace

std::vector<std::string> modelFamilies() {
  return {"mlp",     "cnn1d", "cnn2d",  "knn",   "svm-linear",
          "svm-rbf", "rf",    "logreg", "boost", "ensemble"};
}

std::string familyDescription(const std::string& family) {
  if (family == "mlp") return "multi-layer perceptron (LibTorch)";
  if (family == "cnn1d") return "1-D convolutional network over channels x time (LibTorch)";
  if (family == "cnn2d") return "2-D convolutional network over images (LibTorch)";
  if (family == "knn") return "k-nearest neighbours (OpenCV)";
  if (family == "svm-linear") return "linear support vector machine (OpenCV)";
  if (family == "svm-rbf") return "RBF-kernel support vector machine (OpenCV)";
  if (family == "rf") return "random forest (OpenCV RTrees)";
  if (family == "logreg") return "logistic regression, one-vs-rest (OpenCV)";
  if (family == "boost") return "AdaBoost, one per class against the rest (OpenCV)";
  if (family == "ensemble")
    return "weighted vote of several families (default knn, svm-rbf, rf, mlp), weights = "
           "validation accuracy";
  return {};
}

bool isEpochFamily(const std::string& family) {
  return family == "mlp" || family == "cnn1d" || family == "cnn2d";
}

Result<void> checkFamilyForShape(const std::string& family, const std::vector<int>& inputShape) {
  if (!contains(modelFamilies(), family)) return Error("unknown model family '" + family + "'");
  if (inputShape.empty()) return Error("the input shape is empty");
  for (int d : inputShape)
    if (d <= 0) return Error("the input shape " + shapeText(inputShape) + " has an empty axis");
  // cnn1d also takes a single-channel image {1, H, W}: its H rows become the channels (as the
  // torch family does).
  const bool singleChannelImage = inputShape.size() == 3 && inputShape[0] == 1;
  if (family == "cnn1d" && inputShape.size() != 2 && !singleChannelImage)
    return Error("cnn1d takes samples shaped {channels, length} or {1, height, width}, these are " +
                 shapeText(inputShape) +
                 "; use a time-series dataset with raw windows, a grey image, or another family");
  if (family == "cnn2d" && inputShape.size() != 3)
    return Error("cnn2d takes samples shaped {channels, height, width}, these are " +
                 shapeText(inputShape) + "; use an image dataset (or mfcc/logmel features)");
  return okResult();
}

HyperParams defaultHyperParams(const std::string& family) {
  if (family == "ensemble") return {{"members", kDefaultMembers}};
  if (isEpochFamily(family)) {
    auto c = createTorchClassifier(family, {}, 42, probeShape(family));
    if (c.ok()) return c.value()->hyperParams();
    // Fallback while the torch families are unavailable: the documented defaults.
    HyperParams p = {{"epochs", "20"},      {"batch_size", "64"},   {"lr", "0.001"},
                     {"optimizer", "adam"}, {"weight_decay", "0"},  {"schedule", "none"},
                     {"patience", "0"},     {"class_weights", "0"}, {"dropout", "0"}};
    if (family == "mlp")
      p["hidden"] = "256,128";
    else
      p["channels"] = "16,32";
    return p;
  }
  if (contains(openCvClassifierIds(), family)) {
    auto c = createOpenCvClassifier(family, HyperParams{}, 42);
    if (c.ok()) return c.value()->hyperParams();
  }
  return {};
}

namespace {

bool isImageShape(const std::vector<int>& shape) {
  return shape.size() == 3 && shape[1] >= 8 && shape[2] >= 8;
}

// Only the values that differ from defaultHyperParams(family) for this shape.
HyperParams dataOverrides(const std::string& family, const std::vector<int>& inputShape) {
  if (family == "mlp" && isImageShape(inputShape))
    return {{"augment_shift", "1"},
            {"standardize", "global"},
            {"dropout", "0.2"},
            {"patience", "10"},
            {"epochs", "30"}};
  return {};
}

}  // namespace

HyperParams defaultHyperParams(const std::string& family, const std::vector<int>& inputShape) {
  HyperParams p = defaultHyperParams(family);
  if (p.empty()) return p;
  for (const auto& [k, v] : dataOverrides(family, inputShape)) p[k] = v;
  return p;
}

HyperParams withDataDefaults(const std::string& family, const std::vector<int>& inputShape,
                             const HyperParams& params) {
  HyperParams p = dataOverrides(family, inputShape);
  for (const auto& [k, v] : params) p[k] = v;
  return p;
}

Result<std::unique_ptr<Classifier>> createClassifier(const std::string& family,
                                                     const HyperParams& params, uint64_t seed,
                                                     const std::vector<int>& inputShape) {
  const std::string ctx = "creating a " + family + " model";
  if (!contains(modelFamilies(), family)) {
    std::string list;
    for (const std::string& f : modelFamilies()) list += (list.empty() ? "" : ", ") + f;
    return Error("unknown model family '" + family + "'; known: " + list, ctx);
  }
  EW_TRY(checkFamilyForShape(family, inputShape));
  if (isEpochFamily(family)) {
    auto c = createTorchClassifier(family, params, seed, inputShape);
    if (!c.ok()) return c.error().wrap(ctx);
    return std::move(c.value());
  }
  if (family == "ensemble") {
    HyperParams memberParams;
    std::string membersText = kDefaultMembers;
    for (const auto& [k, v] : params) {
      if (k == "members")
        membersText = v;
      else if (k == "select") {
        if (v != "validation" && v != "none")
          return Error("ensemble select must be validation or none, not '" + v + "'", ctx);
      } else if (std::find_if(std::begin(kOutcomeKeys), std::end(kOutcomeKeys),
                              [&k](const char* o) { return k == o; }) != std::end(kOutcomeKeys))
        continue;  // a recorded outcome of an earlier training
      else if (k.find('.') != std::string::npos)
        memberParams[k] = v;
      else
        return Error("unknown ensemble parameter '" + k +
                         "'; use members=knn,rf,... and <member>.<param>=value",
                     ctx);
    }
    const std::vector<std::string> members = splitList(membersText);
    if (members.empty()) return Error("an ensemble needs at least one member", ctx);
    for (const std::string& m : members) {
      if (m == "ensemble" || !contains(modelFamilies(), m))
        return Error("'" + m + "' cannot be an ensemble member", ctx);
      if (Result<void> fit = checkFamilyForShape(m, inputShape); !fit.ok())
        return fit.error().wrap(ctx + ": member " + m);
    }
    for (const auto& [k, v] : memberParams) {
      const std::string owner = k.substr(0, k.find('.'));
      if (!contains(members, owner))
        return Error("parameter '" + k + "' is for '" + owner + "', which is not a member", ctx);
    }
    HyperParams all = memberParams;
    std::string joined;
    for (const std::string& m : members) joined += (joined.empty() ? "" : ",") + m;
    all["members"] = joined;
    all["select"] = params.count("select") ? params.at("select") : "validation";
    return std::unique_ptr<Classifier>(
        std::make_unique<EnsembleFamily>(members, memberParams, all, seed, inputShape));
  }
  auto c = createOpenCvClassifier(family, params, seed);
  if (!c.ok()) return c.error().wrap(ctx);
  return std::move(c.value());
}

Result<std::unique_ptr<Classifier>> loadClassifier(const std::string& path) {
  const std::string ctx = "loading model " + path;
  if (isTorchModelFile(path)) {
    auto c = loadTorchClassifier(path);
    if (!c.ok()) return c.error().wrap(ctx);
    return std::move(c.value());
  }
  Result<ModelFile> header = readModelFile(path);
  if (!header.ok()) return header.error().wrap(ctx);
  std::unique_ptr<Classifier> model;
  if (header->familyId == "ensemble") {
    model = std::make_unique<Ensemble>(MemberLoader(&loadClassifier));
  } else if (header->familyId == "two-stage") {
    model = std::make_unique<TwoStageClassifier>(MemberLoader(&loadClassifier));
  } else {
    auto c = loadOpenCvClassifier(path);
    if (!c.ok()) return c.error().wrap(ctx);
    return std::move(c.value());
  }
  if (Result<void> r = model->load(path); !r.ok()) return r.error().wrap(ctx);
  return model;
}

}  // namespace edgewise::training
