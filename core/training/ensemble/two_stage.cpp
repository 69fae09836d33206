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

}  // namespace edgewise::training
