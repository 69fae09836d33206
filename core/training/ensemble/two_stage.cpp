#include "core/training/ensemble/two_stage.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <random>
#include <sstream>

#include "core/training/model_file.h"

namespace edgewise::training {
namespace {

constexpr const char* kTwoStageHeader = "EWTWOSTAGE1\n";

double percentile(std::vector<double> sorted, double q) {
  if (sorted.empty()) return 0.0;
  std::sort(sorted.begin(), sorted.end());
  // Linear interpolation between closest ranks (NumPy's default).
  const double pos = q * static_cast<double>(sorted.size() - 1);
  const size_t lo = static_cast<size_t>(std::floor(pos));
  const size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (pos - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

ServingStats serve(const Classifier& model, const cv::Mat& X, const std::vector<int>& y) {
  ServingStats s;
  std::vector<double> us;
  us.reserve(static_cast<size_t>(X.rows));
  size_t correct = 0;
  for (int i = 0; i < X.rows; ++i) {
    const float* row = X.ptr<float>(i);
    const auto t0 = std::chrono::steady_clock::now();
    const int label = model.predict(row, X.cols);
    const auto t1 = std::chrono::steady_clock::now();
    us.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
    correct += label == y[static_cast<size_t>(i)];
  }
  if (us.empty()) return s;
  s.accuracy = static_cast<double>(correct) / static_cast<double>(us.size());
  s.meanUs = std::accumulate(us.begin(), us.end(), 0.0) / static_cast<double>(us.size());
  s.p50Us = percentile(us, 0.50);
  s.p99Us = percentile(us, 0.99);
  return s;
}

}  // namespace

TwoStageClassifier::TwoStageClassifier(std::unique_ptr<Classifier> gate,
                                       std::unique_ptr<Classifier> main, int backgroundClass,
                                       bool mainOnEventsOnly)
    : m_gate(std::move(gate)),
      m_main(std::move(main)),
      m_backgroundClass(backgroundClass),
      m_mainOnEventsOnly(mainOnEventsOnly) {}

TwoStageClassifier::TwoStageClassifier(MemberLoader loader) : m_loader(std::move(loader)) {}

void TwoStageClassifier::resetCounters() {
  m_seen = 0;
  m_toMain = 0;
}

Result<void> TwoStageClassifier::train(const cv::Mat& X, const std::vector<int>& y,
                                       int numClasses) {
  EW_TRY(validateTrainingData(X, y, numClasses));
  if (!m_gate || !m_main) return Error("a two-stage model needs a gate and a main classifier");
  if (m_backgroundClass < 0 || m_backgroundClass >= numClasses)
    return Error("background class " + std::to_string(m_backgroundClass) + " is outside [0, " +
                 std::to_string(numClasses) + ")");
  std::vector<int> gateY(y.size());
  size_t events = 0;
  for (size_t i = 0; i < y.size(); ++i) events += (gateY[i] = y[i] != m_backgroundClass ? 1 : 0);
  if (events == 0 || events == y.size())
    return Error("the gate needs both background and event samples in the training data");
  auto gated = m_gate->train(X, gateY, 2);
  if (!gated.ok()) return gated.error().wrap("training the two-stage gate (" + m_gate->id() + ")");
  if (m_mainOnEventsOnly) {
    cv::Mat eventX;
    std::vector<int> eventY;
    for (size_t i = 0; i < y.size(); ++i) {
      if (!gateY[i]) continue;
      eventX.push_back(X.row(static_cast<int>(i)));
      eventY.push_back(y[i]);
    }
    auto r = m_main->train(eventX, eventY, numClasses);
    if (!r.ok())
      return r.error().wrap("training the two-stage main classifier (" + m_main->id() + ")");
  } else {
    auto r = m_main->train(X, y, numClasses);
    if (!r.ok())
      return r.error().wrap("training the two-stage main classifier (" + m_main->id() + ")");
  }
  return okResult();
}

HyperParams TwoStageClassifier::hyperParams() const {
  HyperParams out;
  out["background_class"] = std::to_string(m_backgroundClass);
  out["main_on_events_only"] = m_mainOnEventsOnly ? "1" : "0";
  if (m_gate) {
    out["gate"] = m_gate->id();
    for (const auto& [k, v] : m_gate->hyperParams()) out["gate." + k] = v;
  }
  if (m_main) {
    out["main"] = m_main->id();
    for (const auto& [k, v] : m_main->hyperParams()) out["main." + k] = v;
  }
  return out;
}

int TwoStageClassifier::predict(const float* x, int dims) const {
  if (!isTrained() || x == nullptr || dims != this->dims()) return -1;
  m_seen.fetch_add(1, std::memory_order_relaxed);
  const int gate = m_gate->predict(x, dims);
  if (gate < 0) return -1;
  if (gate == 0) return m_backgroundClass;
  m_toMain.fetch_add(1, std::memory_order_relaxed);
  return m_main->predict(x, dims);
}

std::vector<int> TwoStageClassifier::predictBatch(const cv::Mat& X) const {
  const size_t rows = static_cast<size_t>(std::max(X.rows, 0));
  if (!isTrained() || X.cols != dims() || X.type() != CV_32FC1 || X.rows == 0)
    return std::vector<int>(rows, -1);
  const std::vector<int> gate = m_gate->predictBatch(X);
  std::vector<int> out(rows, -1);
  cv::Mat events;
  std::vector<size_t> eventRows;
  for (size_t i = 0; i < rows; ++i) {
    if (gate[i] == 0) {
      out[i] = m_backgroundClass;
    } else if (gate[i] == 1) {
      events.push_back(X.row(static_cast<int>(i)));
      eventRows.push_back(i);
    }
  }
  m_seen.fetch_add(static_cast<int64_t>(rows), std::memory_order_relaxed);
  m_toMain.fetch_add(static_cast<int64_t>(eventRows.size()), std::memory_order_relaxed);
  if (!eventRows.empty()) {
    const std::vector<int> main = m_main->predictBatch(events);
    for (size_t j = 0; j < eventRows.size(); ++j) out[eventRows[j]] = main[j];
  }
  return out;
}

Result<void> TwoStageClassifier::save(const std::string& path) const {
  const std::string context = "saving two-stage model to " + path;
  if (!isTrained()) return Error("the two-stage model is not trained", context);
  ModelFile file;
  file.familyId = "two-stage";
  file.numClasses = numClasses();
  file.dims = dims();
  file.parameterCount = parameterCount();
  file.parts.push_back(std::string(kTwoStageHeader) + std::to_string(m_backgroundClass) + " " +
                       (m_mainOnEventsOnly ? "1" : "0") + " " + m_gate->id() + " " + m_main->id() +
                       "\n");
  for (const Classifier* c : {m_gate.get(), m_main.get()}) {
    auto bytes = classifierBytes(*c);
    if (!bytes.ok()) return bytes.error().wrap(context);
    file.parts.push_back(std::move(*bytes));
  }
  auto r = writeModelFile(path, file);
  if (!r.ok()) return r.error().wrap(context);
  return okResult();
}

Result<void> TwoStageClassifier::load(const std::string& path) {
  const std::string context = "loading two-stage model " + path;
  auto file = readModelFile(path);
  if (!file.ok()) return file.error().wrap(context);
  if (file->familyId != "two-stage")
    return Error("the file holds a '" + file->familyId + "' model, not 'two-stage'", context);
  if (file->parts.size() != 3 || file->parts[0].rfind(kTwoStageHeader, 0) != 0)
    return Error("the two-stage header is missing; the file is corrupt", context);
  std::istringstream header(file->parts[0].substr(std::string(kTwoStageHeader).size()));
  int background = -1, eventsOnly = -1;
  std::string gateId, mainId;
  if (!(header >> background >> eventsOnly >> gateId >> mainId) || background < 0 ||
      background >= file->numClasses || (eventsOnly != 0 && eventsOnly != 1))
    return Error("the two-stage header is malformed; the file is corrupt", context);
  auto gate = classifierFromBytes(file->parts[1], m_loader);
  if (!gate.ok()) return gate.error().wrap(context + ": gate");
  auto main = classifierFromBytes(file->parts[2], m_loader);
  if (!main.ok()) return main.error().wrap(context + ": main classifier");
  if ((*gate)->id() != gateId || (*main)->id() != mainId || (*gate)->numClasses() != 2 ||
      (*gate)->dims() != file->dims || (*main)->dims() != file->dims ||
      (*main)->numClasses() != file->numClasses)
    return Error("the gate or main classifier does not match the header; the file is corrupt",
                 context);
  m_gate = std::move(*gate);
  m_main = std::move(*main);
  m_backgroundClass = background;
  m_mainOnEventsOnly = eventsOnly == 1;
  return okResult();
}

bool TwoStageClassifier::isTrained() const {
  return m_gate && m_main && m_gate->isTrained() && m_main->isTrained() &&
         m_gate->dims() == m_main->dims();
}
int TwoStageClassifier::numClasses() const {
  return m_main ? m_main->numClasses() : 0;
}
int TwoStageClassifier::dims() const {
  return m_main ? m_main->dims() : 0;
}
int64_t TwoStageClassifier::parameterCount() const {
  return (m_gate ? m_gate->parameterCount() : 0) + (m_main ? m_main->parameterCount() : 0);
}
int64_t TwoStageClassifier::sizeBytes() const {
  if (!isTrained()) return 0;
  ModelFile file;
  file.familyId = "two-stage";
  file.parts = {std::string(kTwoStageHeader) + std::to_string(m_backgroundClass) + " 0 " +
                    m_gate->id() + " " + m_main->id() + "\n",
                {},
                {}};
  return static_cast<int64_t>(encodeModelFile(file).size()) + m_gate->sizeBytes() +
         m_main->sizeBytes();
}

ServingComparison compareServing(const Classifier& oneStage, const Classifier& twoStage,
                                 const cv::Mat& X, const std::vector<int>& y) {
  ServingComparison out;
  if (X.type() != CV_32FC1 || X.rows != static_cast<int>(y.size())) return out;
  out.samples = X.rows;
  // Warm caches once so neither model pays first-call costs inside the measurement.
  if (X.rows > 0) {
    (void)oneStage.predict(X.ptr<float>(0), X.cols);
    (void)twoStage.predict(X.ptr<float>(0), X.cols);
  }
  out.oneStage = serve(oneStage, X, y);
  out.twoStage = serve(twoStage, X, y);
  return out;
}

Result<LabelledRows> makeBackgroundHeavyStream(const cv::Mat& X, const std::vector<int>& y,
                                               int backgroundClass, double backgroundFraction,
                                               int count, uint64_t seed) {
  if (X.rows != static_cast<int>(y.size()) || X.rows == 0)
    return Error("the labelled set is empty or its rows and labels differ");
  if (!(backgroundFraction >= 0.0 && backgroundFraction <= 1.0))
    return Error("the background fraction must be in [0, 1]");
  if (count <= 0) return Error("the stream needs at least one sample");
  std::vector<int> background, events;
  for (size_t i = 0; i < y.size(); ++i)
    (y[i] == backgroundClass ? background : events).push_back(static_cast<int>(i));
  const int wantBackground = static_cast<int>(std::lround(backgroundFraction * count));
  if (wantBackground > 0 && background.empty())
    return Error("the set has no sample of the background class " +
                 std::to_string(backgroundClass));
  if (wantBackground < count && events.empty())
    return Error("the set has no event (non-background) sample");
  std::mt19937_64 rng(seed);
  std::vector<int> picks;
  for (int i = 0; i < count; ++i) {
    const std::vector<int>& pool = i < wantBackground ? background : events;
    picks.push_back(pool[std::uniform_int_distribution<size_t>(0, pool.size() - 1)(rng)]);
  }
  std::shuffle(picks.begin(), picks.end(), rng);
  LabelledRows out;
  out.X.create(count, X.cols, X.type());
  for (int i = 0; i < count; ++i) {
    X.row(picks[static_cast<size_t>(i)]).copyTo(out.X.row(i));
    out.y.push_back(y[static_cast<size_t>(picks[static_cast<size_t>(i)])]);
  }
  return out;
}

Result<GateChoice> chooseGate(const std::vector<GateCandidate>& candidates, const cv::Mat& X,
                              const std::vector<int>& y, const cv::Mat& valX,
                              const std::vector<int>& valY, int backgroundClass, double minAccuracy,
                              int latencyRows) {
  if (candidates.empty()) return Error("no gate candidates");
  if (valX.rows == 0 || valX.rows != static_cast<int>(valY.size()) || valX.type() != CV_32FC1)
    return Error("choosing a gate needs validation rows with labels");
  std::vector<int> gateY(y.size()), valGateY(valY.size());
  for (size_t i = 0; i < y.size(); ++i) gateY[i] = y[i] != backgroundClass ? 1 : 0;
  for (size_t i = 0; i < valY.size(); ++i) valGateY[i] = valY[i] != backgroundClass ? 1 : 0;
  const auto valEvents = std::count(valGateY.begin(), valGateY.end(), 1);
  if (valEvents == 0 || valEvents == static_cast<long>(valGateY.size()))
    return Error("the validation rows need both background and event samples");
  GateChoice out;
  std::vector<std::unique_ptr<Classifier>> trained;
  for (const GateCandidate& c : candidates) {
    GateTrial t;
    t.name = c.name;
    auto model = c.make ? c.make() : Result<std::unique_ptr<Classifier>>(Error("no factory"));
    if (!model.ok()) {
      t.error = model.error().toString();
      out.trials.push_back(t);
      trained.emplace_back();
      continue;
    }
    const auto t0 = std::chrono::steady_clock::now();
    Result<void> r = (*model)->train(X, gateY, 2);
    t.trainSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!r.ok()) {
      t.error = r.error().toString();
      out.trials.push_back(t);
      trained.emplace_back();
      continue;
    }
    const std::vector<int> pred = (*model)->predictBatch(valX);
    size_t correct = 0, passed = 0;
    for (size_t i = 0; i < valGateY.size(); ++i) {
      correct += pred[i] == valGateY[i];
      passed += valGateY[i] == 1 && pred[i] == 1;
    }
    t.valAccuracy = static_cast<double>(correct) / static_cast<double>(valGateY.size());
    t.eventRecall = static_cast<double>(passed) / static_cast<double>(valEvents);
    const int rows = std::min(valX.rows, std::max(latencyRows, 1));
    (void)(*model)->predict(valX.ptr<float>(0), valX.cols);  // first-call costs outside
    double us = 0.0;
    for (int i = 0; i < rows; ++i) {
      const auto a = std::chrono::steady_clock::now();
      (void)(*model)->predict(valX.ptr<float>(i), valX.cols);
      us += std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - a).count();
    }
    t.meanUs = us / rows;
    out.trials.push_back(t);
    trained.push_back(std::move(model.value()));
  }
  int cheapest = -1, mostAccurate = -1;
  for (size_t i = 0; i < out.trials.size(); ++i) {
    const GateTrial& t = out.trials[i];
    if (!t.error.empty()) continue;
    const int k = static_cast<int>(i);
    if (t.valAccuracy >= minAccuracy &&
        (cheapest < 0 || t.meanUs < out.trials[static_cast<size_t>(cheapest)].meanUs))
      cheapest = k;
    if (mostAccurate < 0 ||
        t.valAccuracy > out.trials[static_cast<size_t>(mostAccurate)].valAccuracy ||
        (t.valAccuracy == out.trials[static_cast<size_t>(mostAccurate)].valAccuracy &&
         t.meanUs < out.trials[static_cast<size_t>(mostAccurate)].meanUs))
      mostAccurate = k;
  }
  if (mostAccurate < 0) {
    std::string why;
    for (const GateTrial& t : out.trials)
      why += (why.empty() ? "" : "; ") + t.name + ": " + t.error;
    return Error("no gate candidate could be trained: " + why);
  }
  out.metAccuracy = cheapest >= 0;
  out.chosen = cheapest >= 0 ? cheapest : mostAccurate;
  out.gate = std::move(trained[static_cast<size_t>(out.chosen)]);
  return out;
}

}  // namespace edgewise::training
