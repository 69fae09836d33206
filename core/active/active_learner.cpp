#include "core/active/active_learner.h"

#include <algorithm>
#include <chrono>
#include <numeric>

#include <opencv2/core.hpp>

#include "core/training/service/model_factory.h"

namespace edgewise::active {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

int argmaxRow(const cv::Mat& scores, int row, double* value) {
  const float* p = scores.ptr<float>(row);
  const int best = static_cast<int>(std::max_element(p, p + scores.cols) - p);
  if (value) *value = p[best];
  return best;
}

}  // namespace

std::string labelSourceName(LabelSource source) {
  switch (source) {
    case LabelSource::Annotator:
      return "annotator";
    case LabelSource::Accepted:
      return "accepted";
    case LabelSource::Correction:
      return "correction";
  }
  return "annotator";
}

ActiveLearner::ActiveLearner(cv::Mat pool, int numClasses, LearnerOptions options)
    : m_numClasses(numClasses),
      m_options(std::move(options)),
      m_pool(pool.clone()),
      m_label(static_cast<size_t>(pool.rows), -1),
      m_source(static_cast<size_t>(pool.rows), LabelSource::Annotator),
      m_rng(m_options.seed) {
  m_initialOrder.resize(static_cast<size_t>(pool.rows));
  std::iota(m_initialOrder.begin(), m_initialOrder.end(), 0);
  std::mt19937_64 shuffle(m_options.seed ^ 0x9e3779b97f4a7c15ULL);
  std::shuffle(m_initialOrder.begin(), m_initialOrder.end(), shuffle);
  m_worker = std::thread([this] { workerLoop(); });
}

ActiveLearner::~ActiveLearner() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
    m_pending = false;
    ++m_generation;
    m_cancelFlag = true;
  }
  m_cv.notify_all();
  if (m_worker.joinable()) m_worker.join();
}

void ActiveLearner::setRoundCallback(std::function<void(const RoundReport&)> callback) {
  std::lock_guard lock(m_mutex);
  m_callback = std::move(callback);
}

Result<void> ActiveLearner::addLabel(int row, int label, LabelSource source) {
  std::lock_guard lock(m_mutex);
  if (row < 0 || row >= m_pool.rows)
    return Error("row " + std::to_string(row) + " is outside the pool of " +
                 std::to_string(m_pool.rows));
  if (label < 0 || label >= m_numClasses)
    return Error("label " + std::to_string(label) + " is outside [0, " +
                 std::to_string(m_numClasses) + ")");
  LabelSource effective = source == LabelSource::Correction ? source : LabelSource::Annotator;
  if (m_model && row < m_scores.rows) {
    const int suggested = argmaxRow(m_scores, row, nullptr);
    if (suggested != label)
      effective = LabelSource::Correction;
    else if (source == LabelSource::Accepted)
      effective = LabelSource::Accepted;
  }
  const bool fresh = m_label[static_cast<size_t>(row)] < 0;
  m_label[static_cast<size_t>(row)] = label;
  m_source[static_cast<size_t>(row)] = effective;
  if (fresh && m_options.autoRetrain && ++m_sinceRetrain >= std::max(1, m_options.batch) &&
      trainingRowsLocked() >= 2)
    (void)requestLocked();  // >= 2 rows checked: cannot fail
  return okResult();
}

Result<void> ActiveLearner::removeLabel(int row) {
  std::lock_guard lock(m_mutex);
  if (row < 0 || row >= m_pool.rows || m_label[static_cast<size_t>(row)] < 0)
    return Error("row " + std::to_string(row) + " is not labeled");
  m_label[static_cast<size_t>(row)] = -1;
  m_source[static_cast<size_t>(row)] = LabelSource::Annotator;
  if (m_sinceRetrain > 0) --m_sinceRetrain;
  // k-center keeps folded-in rows as labeled: start its distances over at the next round.
  m_resetKCenter = true;
  return okResult();
}

Result<void> ActiveLearner::acceptSuggestion(int row) {
  int suggested = -1;
  {
    std::lock_guard lock(m_mutex);
    if (!m_model || row < 0 || row >= m_scores.rows)
      return Error("there is no suggestion for row " + std::to_string(row) + " yet");
    suggested = argmaxRow(m_scores, row, nullptr);
  }
  return addLabel(row, suggested, LabelSource::Accepted);
}

Result<int> ActiveLearner::addCorrection(const cv::Mat& features, int label) {
  std::lock_guard lock(m_mutex);
  if (features.rows != 1 || features.cols != m_pool.cols || features.type() != CV_32FC1)
    return Error("a correction must be one CV_32F row of " + std::to_string(m_pool.cols) +
                 " values");
  if (label < 0 || label >= m_numClasses)
    return Error("label " + std::to_string(label) + " is outside [0, " +
                 std::to_string(m_numClasses) + ")");
  m_extraX.push_back(features);
  m_extraY.push_back(label);
  return static_cast<int>(m_extraY.size());
}

int ActiveLearner::trainingRowsLocked() const {
  int n = 0;
  for (size_t i = 0; i < m_label.size(); ++i)
    if (m_label[i] >= 0 && (m_options.includeCorrections || m_source[i] != LabelSource::Correction))
      ++n;
  if (m_options.includeCorrections) n += static_cast<int>(m_extraY.size());
  return n;
}

Result<void> ActiveLearner::requestLocked() {
  if (trainingRowsLocked() < 2)
    return Error("at least 2 labeled rows are needed to train, there are " +
                 std::to_string(trainingRowsLocked()));
  m_pending = true;
  m_cv.notify_all();
  return okResult();
}

Result<void> ActiveLearner::requestRetrain() {
  std::lock_guard lock(m_mutex);
  return requestLocked();
}

void ActiveLearner::cancel() {
  std::lock_guard lock(m_mutex);
  ++m_generation;
  m_pending = false;
  m_cancelFlag = true;
  m_cv.notify_all();
}

bool ActiveLearner::busy() const {
  std::lock_guard lock(m_mutex);
  return m_running || m_pending;
}

bool ActiveLearner::waitIdle(int timeoutMs) const {
  std::unique_lock lock(m_mutex);
  return m_cv.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                       [this] { return !m_running && !m_pending; });
}

void ActiveLearner::workerLoop() {
  std::unique_lock lock(m_mutex);
  for (;;) {
    m_cv.wait(lock, [this] { return m_stop || m_pending; });
    if (m_stop) return;
    m_pending = false;
    m_running = true;
    m_cancelFlag = false;
    const uint64_t generation = m_generation;
    lock.unlock();
    runRound(generation);
    lock.lock();
    m_running = false;
    m_cv.notify_all();
  }
}

void ActiveLearner::runRound(uint64_t generation) {
  RoundReport report;
  cv::Mat pool, X;
  std::vector<int> y;
  std::vector<uint8_t> mask;
  {
    std::lock_guard lock(m_mutex);
    pool = m_pool;  // shared, read only: rows never change
    mask.assign(m_label.size(), 0);
    for (size_t i = 0; i < m_label.size(); ++i) {
      if (m_label[i] < 0) continue;
      mask[i] = 1;  // labeled either way: never queued again
      if (!m_options.includeCorrections && m_source[i] == LabelSource::Correction) continue;
      X.push_back(m_pool.row(static_cast<int>(i)));
      y.push_back(m_label[i]);
    }
    if (m_options.includeCorrections && !m_extraY.empty()) {
      X.push_back(m_extraX);
      y.insert(y.end(), m_extraY.begin(), m_extraY.end());
    }
    m_sinceRetrain = 0;
    if (m_resetKCenter) {
      m_kcenter.reset();  // a label was taken back: its row is no longer a center
      m_resetKCenter = false;
    }
  }
  report.trainedOn = static_cast<int>(y.size());

  std::shared_ptr<training::Classifier> model;
  cv::Mat scores;
  std::vector<QueueItem> queue;
  auto round = [&]() -> Result<void> {
    const std::vector<int> shape =
        m_options.inputShape.empty() ? std::vector<int>{pool.cols} : m_options.inputShape;
    auto made =
        training::createClassifier(m_options.family, m_options.params, m_options.seed, shape);
    if (!made.ok()) return made.error();
    model = std::move(made.value());
    training::TrainContext context;
    context.cancel = &m_cancelFlag;
    auto t0 = Clock::now();
    EW_TRY(model->train(X, y, m_numClasses, context));
    report.trainSeconds = secondsSince(t0);
    t0 = Clock::now();
    auto s = model->predictScores(pool);
    if (!s.ok()) return s.error();
    scores = *s;
    report.scoreSeconds = secondsSince(t0);
    if (m_cancelFlag.load()) return Error(training::kCancelledMessage);
    t0 = Clock::now();
    const int size = m_options.queueSize > 0 ? m_options.queueSize : std::max(1, m_options.batch);
    auto picked = selectBatch(m_options.strategy, scores, pool, mask, size, m_rng, m_options.select,
                              &m_kcenter);
    if (!picked.ok()) return picked.error();
    std::vector<double> u;
    if (usesScores(m_options.strategy)) {
      auto uu = uncertainty(
          m_options.strategy == Strategy::Hybrid ? Strategy::Margin : m_options.strategy, scores);
      if (uu.ok()) u = std::move(uu.value());
    }
    for (int r : *picked) {
      QueueItem item;
      item.row = r;
      item.suggestion = argmaxRow(scores, r, &item.confidence);
      if (!u.empty()) item.uncertainty = u[static_cast<size_t>(r)];
      queue.push_back(item);
    }
    report.selectSeconds = secondsSince(t0);
    return okResult();
  };
  Result<void> done = round();

  std::function<void(const RoundReport&)> callback;
  {
    std::lock_guard lock(m_mutex);
    if (generation != m_generation) {
      ++m_cancelled;  // cancelled while it ran: nothing is published
      return;
    }
    if (done.ok()) {
      m_model = std::move(model);
      m_scores = scores;
      m_queue = std::move(queue);
      report.version = ++m_version;
    } else {
      report.version = m_version;
      report.error = done.error().toString();
    }
    m_lastRound = report;
    callback = m_callback;
  }
  if (callback) callback(report);
}

std::vector<QueueItem> ActiveLearner::queue() const {
  std::lock_guard lock(m_mutex);
  std::vector<QueueItem> out;
  if (!m_model) {
    const size_t size = static_cast<size_t>(m_options.queueSize > 0 ? m_options.queueSize
                                                                    : std::max(1, m_options.batch));
    for (int r : m_initialOrder) {
      if (out.size() >= size) break;
      if (m_label[static_cast<size_t>(r)] < 0) out.push_back(QueueItem{r, -1, 0.0, 0.0});
    }
    return out;
  }
  for (const QueueItem& item : m_queue)
    if (m_label[static_cast<size_t>(item.row)] < 0) out.push_back(item);
  return out;
}

QueueItem ActiveLearner::suggestion(int row) const {
  std::lock_guard lock(m_mutex);
  QueueItem item;
  item.row = row;
  if (m_model && row >= 0 && row < m_scores.rows)
    item.suggestion = argmaxRow(m_scores, row, &item.confidence);
  return item;
}

int ActiveLearner::poolSize() const {
  std::lock_guard lock(m_mutex);
  return m_pool.rows;
}

int ActiveLearner::labeledCount() const {
  std::lock_guard lock(m_mutex);
  return static_cast<int>(
      std::count_if(m_label.begin(), m_label.end(), [](int l) { return l >= 0; }));
}

int ActiveLearner::correctionCount() const {
  std::lock_guard lock(m_mutex);
  int n = static_cast<int>(m_extraY.size());
  for (size_t i = 0; i < m_label.size(); ++i)
    n += m_label[i] >= 0 && m_source[i] == LabelSource::Correction;
  return n;
}

std::vector<LabeledRow> ActiveLearner::labels() const {
  std::lock_guard lock(m_mutex);
  std::vector<LabeledRow> out;
  for (size_t i = 0; i < m_label.size(); ++i)
    if (m_label[i] >= 0) out.push_back({static_cast<int>(i), m_label[i], m_source[i]});
  return out;
}

std::vector<uint8_t> ActiveLearner::labeledMask() const {
  std::lock_guard lock(m_mutex);
  std::vector<uint8_t> mask(m_label.size(), 0);
  for (size_t i = 0; i < m_label.size(); ++i) mask[i] = m_label[i] >= 0;
  return mask;
}

int ActiveLearner::modelVersion() const {
  std::lock_guard lock(m_mutex);
  return m_version;
}

std::shared_ptr<const training::Classifier> ActiveLearner::model() const {
  std::lock_guard lock(m_mutex);
  return m_model;
}

int ActiveLearner::cancelledRounds() const {
  std::lock_guard lock(m_mutex);
  return m_cancelled;
}

RoundReport ActiveLearner::lastRound() const {
  std::lock_guard lock(m_mutex);
  return m_lastRound;
}

}  // namespace edgewise::active
