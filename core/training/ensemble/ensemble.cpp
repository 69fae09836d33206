#include "core/training/ensemble/ensemble.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "core/training/ensemble/two_stage.h"
#include "core/training/model_file.h"
#include "core/training/opencv/cv_classifiers.h"

namespace edgewise::training {
namespace {

constexpr const char* kEnsembleHeader = "EWENSEMBLE1\n";

// The shortest text that reads back to the same double (exact in the file, "0.96" in lineage).
std::string formatWeight(double w) {
  char buf[64];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, w);
    if (std::strtod(buf, nullptr) == w) break;
  }
  return buf;
}

}  // namespace

Result<std::unique_ptr<Classifier>> loadDefaultMember(const std::string& path) {
  auto file = readModelFile(path);
  if (!file.ok())
    return file.error().wrap(
        "not an OpenCV, ensemble or two-stage model file (LibTorch members "
        "need the service's loader)");
  std::unique_ptr<Classifier> model;
  if (file->familyId == "ensemble")
    model = std::make_unique<Ensemble>();
  else if (file->familyId == "two-stage")
    model = std::make_unique<TwoStageClassifier>();
  else
    return loadOpenCvClassifier(path);
  EW_TRY(model->load(path));
  return model;
}

double weightFromValidation(const Classifier& member, const cv::Mat& valX,
                            const std::vector<int>& valY) {
  if (valY.empty() || valX.rows != static_cast<int>(valY.size())) return 0.0;
  const std::vector<int> predicted = member.predictBatch(valX);
  if (predicted.size() != valY.size()) return 0.0;
  size_t correct = 0;
  for (size_t i = 0; i < valY.size(); ++i) correct += predicted[i] == valY[i];
  return static_cast<double>(correct) / static_cast<double>(valY.size());
}

Result<std::string> classifierBytes(const Classifier& model) {
  QTemporaryDir dir;
  if (!dir.isValid())
    return Error("cannot create a temporary folder: " + dir.errorString().toStdString());
  const QString path = dir.filePath(QStringLiteral("member.model"));
  auto saved = model.save(path.toStdString());
  if (!saved.ok()) return saved.error().wrap("saving member " + model.id());
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly))
    return Error("cannot read back the saved member: " + f.errorString().toStdString());
  const QByteArray bytes = f.readAll();
  return std::string(bytes.constData(), static_cast<size_t>(bytes.size()));
}

Result<std::unique_ptr<Classifier>> classifierFromBytes(const std::string& bytes,
                                                        const MemberLoader& loader) {
  QTemporaryDir dir;
  if (!dir.isValid())
    return Error("cannot create a temporary folder: " + dir.errorString().toStdString());
  const QString path = dir.filePath(QStringLiteral("member.model"));
  {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes.data(), static_cast<qint64>(bytes.size())) !=
                                             static_cast<qint64>(bytes.size()))
      return Error("cannot write a temporary member file: " + f.errorString().toStdString());
  }
  return loader ? loader(path.toStdString()) : loadDefaultMember(path.toStdString());
}

Ensemble::Ensemble(MemberLoader loader) : m_loader(std::move(loader)) {}
Ensemble::~Ensemble() = default;

Result<void> Ensemble::addMember(std::unique_ptr<Classifier> member, double weight) {
  if (!member) return Error("no member given");
  if (!member->isTrained()) return Error("member " + member->id() + " is not trained");
  if (!std::isfinite(weight) || weight < 0)
    return Error("member weight must be a finite number >= 0, got " + formatWeight(weight));
  std::unique_lock lock(m_mutex);
  if (!m_members.empty() && (member->numClasses() != m_numClasses || member->dims() != m_dims))
    return Error("member " + member->id() + " has " + std::to_string(member->numClasses()) +
                 " classes and " + std::to_string(member->dims()) + " features, the ensemble " +
                 std::to_string(m_numClasses) + " and " + std::to_string(m_dims));
  if (m_members.empty()) {
    m_numClasses = member->numClasses();
    m_dims = member->dims();
  }
  m_members.push_back({std::move(member), weight});
  return okResult();
}

int Ensemble::memberCount() const {
  std::shared_lock lock(m_mutex);
  return static_cast<int>(m_members.size());
}

std::vector<double> Ensemble::weights() const {
  std::shared_lock lock(m_mutex);
  std::vector<double> out;
  for (const Member& m : m_members) out.push_back(m.weight);
  return out;
}

std::vector<std::string> Ensemble::memberIds() const {
  std::shared_lock lock(m_mutex);
  std::vector<std::string> out;
  for (const Member& m : m_members) out.push_back(m.model->id());
  return out;
}

std::vector<int> Ensemble::memberVotes(const float* x, int dims) const {
  std::shared_lock lock(m_mutex);
  std::vector<int> out;
  for (const Member& m : m_members) out.push_back(m.model->predict(x, dims));
  return out;
}

int Ensemble::vote(const std::vector<int>& answers, const std::vector<double>& weights) const {
  std::vector<double> score(static_cast<size_t>(m_numClasses), 0.0);
  bool any = false;
  for (size_t i = 0; i < answers.size(); ++i) {
    if (answers[i] < 0 || answers[i] >= m_numClasses) continue;
    score[static_cast<size_t>(answers[i])] += weights[i];
    any = true;
  }
  if (!any) return -1;
  // max_element returns the first maximum: ties go to the lowest class index.
  return static_cast<int>(std::max_element(score.begin(), score.end()) - score.begin());
}

int Ensemble::predict(const float* x, int dims) const {
  std::shared_lock lock(m_mutex);
  if (m_members.empty() || x == nullptr || dims != m_dims) return -1;
  std::vector<int> answers;
  std::vector<double> w;
  for (const Member& m : m_members) {
    answers.push_back(m.model->predict(x, dims));
    w.push_back(m.weight);
  }
  return vote(answers, w);
}

std::vector<int> Ensemble::predictBatch(const cv::Mat& X) const {
  std::shared_lock lock(m_mutex);
  const size_t rows = static_cast<size_t>(std::max(X.rows, 0));
  if (m_members.empty() || X.cols != m_dims || X.type() != CV_32FC1 || X.rows == 0)
    return std::vector<int>(rows, -1);
  std::vector<std::vector<int>> all;
  std::vector<double> w;
  for (const Member& m : m_members) {
    all.push_back(m.model->predictBatch(X));
    w.push_back(m.weight);
  }
  std::vector<int> out(rows, -1);
  std::vector<int> answers(all.size());
  for (size_t r = 0; r < rows; ++r) {
    for (size_t i = 0; i < all.size(); ++i) answers[i] = all[i].size() == rows ? all[i][r] : -1;
    out[r] = vote(answers, w);
  }
  return out;
}

Result<cv::Mat> Ensemble::predictScores(const cv::Mat& X) const {
  std::shared_lock lock(m_mutex);
  if (m_members.empty()) return Error("the ensemble has no members", "scoring with ensemble");
  if (X.cols != m_dims || X.type() != CV_32FC1)
    return Error("the data has " + std::to_string(X.cols) + " float columns, the model needs " +
                     std::to_string(m_dims),
                 "scoring with ensemble");
  const size_t rows = static_cast<size_t>(X.rows);
  std::vector<std::vector<int>> all;
  for (const Member& m : m_members) all.push_back(m.model->predictBatch(X));
  cv::Mat scores = cv::Mat::zeros(X.rows, m_numClasses, CV_32F);
  for (size_t r = 0; r < rows; ++r) {
    double total = 0.0;
    int answered = 0;
    for (size_t i = 0; i < all.size(); ++i) {
      const int c = all[i].size() == rows ? all[i][r] : -1;
      if (c < 0 || c >= m_numClasses) continue;
      total += m_members[i].weight;
      ++answered;
    }
    if (answered == 0)
      return Error("no member could predict row " + std::to_string(r), "scoring with ensemble");
    float* out = scores.ptr<float>(static_cast<int>(r));
    for (size_t i = 0; i < all.size(); ++i) {
      const int c = all[i].size() == rows ? all[i][r] : -1;
      if (c < 0 || c >= m_numClasses) continue;
      out[c] += static_cast<float>(total > 0 ? m_members[i].weight / total : 1.0 / answered);
    }
  }
  return scores;
}

std::vector<int> Ensemble::selectByValidation(const cv::Mat& valX, const std::vector<int>& valY) {
  std::unique_lock lock(m_mutex);
  std::vector<int> all(m_members.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
  if (m_members.empty() || valY.empty() || valX.rows != static_cast<int>(valY.size())) return all;
  std::vector<std::vector<int>> answers;
  for (const Member& m : m_members) answers.push_back(m.model->predictBatch(valX));
  auto score = [&](const std::vector<int>& chosen) {
    std::vector<int> votes(chosen.size());
    std::vector<double> w(chosen.size());
    size_t correct = 0;
    for (size_t r = 0; r < valY.size(); ++r) {
      for (size_t i = 0; i < chosen.size(); ++i) {
        const auto& a = answers[static_cast<size_t>(chosen[i])];
        votes[i] = a.size() == valY.size() ? a[r] : -1;
        w[i] = m_members[static_cast<size_t>(chosen[i])].weight;
      }
      correct += vote(votes, w) == valY[r];
    }
    return static_cast<double>(correct) / static_cast<double>(valY.size());
  };
  std::vector<int> chosen;
  double best = -1.0;
  while (chosen.size() < m_members.size()) {
    int pick = -1;
    double pickScore = best;
    for (int i : all) {
      if (std::find(chosen.begin(), chosen.end(), i) != chosen.end()) continue;
      std::vector<int> trial = chosen;
      trial.push_back(i);
      std::sort(trial.begin(), trial.end());
      const double s = score(trial);
      if (s > pickScore) {  // strictly better; the first such member on ties
        pickScore = s;
        pick = i;
      }
    }
    if (pick < 0) break;
    chosen.push_back(pick);
    std::sort(chosen.begin(), chosen.end());
    best = pickScore;
  }
  std::vector<Member> kept;
  for (int i : chosen) kept.push_back(std::move(m_members[static_cast<size_t>(i)]));
  m_members = std::move(kept);
  return chosen;
}

Result<void> Ensemble::train(const cv::Mat& X, const std::vector<int>& y, int numClasses) {
  return train(X, y, numClasses, TrainContext{});
}

Result<void> Ensemble::train(const cv::Mat& X, const std::vector<int>& y, int numClasses,
                             const TrainContext& context) {
  EW_TRY(validateTrainingData(X, y, numClasses));
  std::unique_lock lock(m_mutex);
  if (m_members.empty()) return Error("the ensemble has no members to train; add members first");
  const auto start = std::chrono::steady_clock::now();
  const bool haveVal = context.valX && context.valY && !context.valY->empty();
  for (size_t i = 0; i < m_members.size(); ++i) {
    if (context.cancelled()) return Error(kCancelledMessage);
    TrainContext inner;
    inner.valX = context.valX;
    inner.valY = context.valY;
    inner.cancel = context.cancel;
    auto r = m_members[i].model->train(X, y, numClasses, inner);
    if (!r.ok()) {
      if (r.error().message == kCancelledMessage) return r.error();
      return r.error().wrap("training ensemble member " + std::to_string(i + 1) + " (" +
                            m_members[i].model->id() + ")");
    }
    if (haveVal)
      m_members[i].weight = weightFromValidation(*m_members[i].model, *context.valX, *context.valY);
    if (context.progress) {
      TrainProgress step;
      step.epoch = static_cast<int>(i + 1);
      step.epochs = static_cast<int>(m_members.size());
      step.trainLoss = step.valLoss = std::nan("");
      step.trainAccuracy = weightFromValidation(*m_members[i].model, X, y);
      step.valAccuracy = haveVal ? m_members[i].weight : std::nan("");
      step.seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      step.message = "member " + m_members[i].model->id() + " trained";
      context.progress(step);
    }
  }
  m_numClasses = numClasses;
  m_dims = X.cols;
  return okResult();
}

HyperParams Ensemble::hyperParams() const {
  std::shared_lock lock(m_mutex);
  HyperParams out;
  std::string members, weights;
  for (const Member& m : m_members) {
    members += (members.empty() ? "" : ",") + m.model->id();
    weights += (weights.empty() ? "" : ",") + formatWeight(m.weight);
  }
  out["members"] = members;
  out["weights"] = weights;
  return out;
}

Result<void> Ensemble::save(const std::string& path) const {
  std::shared_lock lock(m_mutex);
  const std::string context = "saving ensemble to " + path;
  if (m_members.empty()) return Error("the ensemble has no members", context);
  ModelFile file;
  file.familyId = "ensemble";
  file.numClasses = m_numClasses;
  file.dims = m_dims;
  std::string header = kEnsembleHeader;
  for (const Member& m : m_members) {
    header += m.model->id() + " " + formatWeight(m.weight) + "\n";
    file.parameterCount += m.model->parameterCount();
  }
  file.parts.push_back(header);
  for (const Member& m : m_members) {
    auto bytes = classifierBytes(*m.model);
    if (!bytes.ok()) return bytes.error().wrap(context);
    file.parts.push_back(std::move(*bytes));
  }
  auto r = writeModelFile(path, file);
  if (!r.ok()) return r.error().wrap(context);
  return okResult();
}

Result<void> Ensemble::load(const std::string& path) {
  const std::string context = "loading ensemble " + path;
  auto file = readModelFile(path);
  if (!file.ok()) return file.error().wrap(context);
  if (file->familyId != "ensemble")
    return Error("the file holds a '" + file->familyId + "' model, not 'ensemble'", context);
  if (file->parts.empty() || file->parts[0].rfind(kEnsembleHeader, 0) != 0)
    return Error("the ensemble header is missing; the file is corrupt", context);
  std::istringstream header(file->parts[0].substr(std::string(kEnsembleHeader).size()));
  std::vector<std::pair<std::string, double>> entries;
  std::string line;
  while (std::getline(header, line)) {
    const size_t space = line.rfind(' ');
    if (space == std::string::npos)
      return Error("malformed member line in the ensemble header", context);
    char* end = nullptr;
    const double w = std::strtod(line.c_str() + space + 1, &end);
    if (*end != '\0' || !std::isfinite(w) || w < 0)
      return Error("malformed member weight in the ensemble header", context);
    entries.emplace_back(line.substr(0, space), w);
  }
  if (entries.empty() || entries.size() + 1 != file->parts.size())
    return Error("the header lists " + std::to_string(entries.size()) +
                     " members but the file holds " + std::to_string(file->parts.size() - 1),
                 context);
  std::vector<Member> members;
  for (size_t i = 0; i < entries.size(); ++i) {
    auto model = classifierFromBytes(file->parts[i + 1], m_loader);
    if (!model.ok())
      return model.error().wrap(context + ": member " + std::to_string(i + 1) + " (" +
                                entries[i].first + ")");
    if ((*model)->id() != entries[i].first || (*model)->numClasses() != file->numClasses ||
        (*model)->dims() != file->dims)
      return Error("member " + std::to_string(i + 1) + " is a " + (*model)->id() + " over " +
                       std::to_string((*model)->dims()) + " features and " +
                       std::to_string((*model)->numClasses()) +
                       " classes, which does not match the header; the file is corrupt",
                   context);
    members.push_back({std::move(*model), entries[i].second});
  }
  std::unique_lock lock(m_mutex);
  m_members = std::move(members);
  m_numClasses = file->numClasses;
  m_dims = file->dims;
  return okResult();
}

bool Ensemble::isTrained() const {
  return memberCount() > 0;
}

int Ensemble::numClasses() const {
  std::shared_lock lock(m_mutex);
  return m_numClasses;
}

int Ensemble::dims() const {
  std::shared_lock lock(m_mutex);
  return m_dims;
}

int64_t Ensemble::parameterCount() const {
  std::shared_lock lock(m_mutex);
  int64_t n = 0;
  for (const Member& m : m_members) n += m.model->parameterCount();
  return n;
}

int64_t Ensemble::sizeBytes() const {
  std::shared_lock lock(m_mutex);
  if (m_members.empty()) return 0;
  // The container's size follows from the part lengths alone; members report their own.
  ModelFile file;
  file.familyId = "ensemble";
  std::string header = kEnsembleHeader;
  for (const Member& m : m_members) header += m.model->id() + " " + formatWeight(m.weight) + "\n";
  file.parts.push_back(header);
  const int64_t base = static_cast<int64_t>(encodeModelFile(file).size());
  file.parts.push_back({});
  const int64_t perPart = static_cast<int64_t>(encodeModelFile(file).size()) - base;
  int64_t n = base;
  for (const Member& m : m_members) n += perPart + m.model->sizeBytes();
  return n;
}

// ---------------------------------------------------------------------------------------------

LazyEnsembleTrainer::LazyEnsembleTrainer(std::vector<MemberFactory> factories, cv::Mat trainX,
                                         std::vector<int> trainY, cv::Mat valX,
                                         std::vector<int> valY, int numClasses)
    : m_factories(std::move(factories)),
      m_trainX(std::move(trainX)),
      m_valX(std::move(valX)),
      m_trainY(std::move(trainY)),
      m_valY(std::move(valY)),
      m_numClasses(numClasses),
      m_ensemble(std::make_shared<Ensemble>()) {}

LazyEnsembleTrainer::~LazyEnsembleTrainer() {
  cancel();
  if (m_thread.joinable()) m_thread.join();
}

void LazyEnsembleTrainer::setProgressCallback(std::function<void(const Progress&)> callback) {
  m_progress = std::move(callback);
}

bool LazyEnsembleTrainer::trainOne(size_t index) {
  Progress p;
  p.total = static_cast<int>(m_factories.size());
  std::string error;
  auto made = m_factories[index] ? m_factories[index]()
                                 : Result<std::unique_ptr<Classifier>>(Error("no factory"));
  if (made.ok()) {
    std::unique_ptr<Classifier> model = std::move(*made);
    p.member = model->id();
    TrainContext context;
    if (!m_valY.empty()) {
      context.valX = &m_valX;
      context.valY = &m_valY;
    }
    context.cancel = &m_cancel;
    auto trained = model->train(m_trainX, m_trainY, m_numClasses, context);
    if (trained.ok()) {
      p.weight = m_valY.empty() ? 1.0 : weightFromValidation(*model, m_valX, m_valY);
      auto added = m_ensemble->addMember(std::move(model), p.weight);
      if (!added.ok()) error = added.error().toString();
    } else {
      error = trained.error().toString();
    }
  } else {
    error = made.error().toString();
  }
  ++m_done;
  if (!error.empty()) {
    ++m_failed;
    p.error = "member " + std::to_string(index + 1) +
              (p.member.empty() ? "" : " (" + p.member + ")") + ": " + error;
    std::lock_guard lock(m_errorsMutex);
    m_errors.push_back(p.error);
  }
  p.finished = m_done;
  p.failed = m_failed;
  if (m_progress) m_progress(p);
  return error.empty();
}

Result<std::shared_ptr<Ensemble>> LazyEnsembleTrainer::start() {
  if (m_started.exchange(true)) return Error("the lazy ensemble trainer was started already");
  EW_TRY(validateTrainingData(m_trainX, m_trainY, m_numClasses));
  if (m_factories.empty()) {
    m_finished = true;
    return Error("no ensemble members to train");
  }
  size_t next = 0;
  bool served = false;
  while (next < m_factories.size() && !served) {
    if (m_cancel.load()) break;
    served = trainOne(next++);
  }
  if (!served) {
    m_finished = true;
    if (m_cancel.load()) return Error(kCancelledMessage);
    std::string all;
    for (const std::string& e : errors()) all += (all.empty() ? "" : "; ") + e;
    return Error("no ensemble member could be trained: " + all);
  }
  m_thread = std::thread([this, next] { runRest(next); });
  return m_ensemble;
}

void LazyEnsembleTrainer::runRest(size_t from) {
  for (size_t i = from; i < m_factories.size() && !m_cancel.load(); ++i) trainOne(i);
  m_finished = true;
}

void LazyEnsembleTrainer::cancel() {
  m_cancel = true;
}

Result<void> LazyEnsembleTrainer::wait() {
  if (m_thread.joinable()) m_thread.join();
  if (m_cancel.load() && m_done < static_cast<int>(m_factories.size()))
    return Error(kCancelledMessage);
  return okResult();
}

std::vector<std::string> LazyEnsembleTrainer::errors() const {
  std::lock_guard lock(m_errorsMutex);
  return m_errors;
}

}  // namespace edgewise::training
