#include "app/workbench/jobs/job_manager.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QMutex>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <exception>

#include "app/workbench/tr.h"
#include "core/util/clock.h"
#include "core/util/log.h"
#include "core/util/soft_assert.h"

namespace edgewise::gui {

namespace {
JobManager* g_current = nullptr;
constexpr qint64 kProgressIntervalUs = 30'000;  // at most ~33 progress updates per second
}  // namespace

struct JobContext::Shared {
  int id = 0;
  QPointer<JobManager> manager;
  std::atomic<bool> cancel{false};
  QMutex mutex;  // guards the coalescing state below
  qint64 lastSentUs = 0;
  QString lastMessage;
};

void JobContext::setProgress(double fraction, const QString& message) {
  Shared& s = *m_shared;
  fraction = std::clamp(fraction, 0.0, 1.0);
  {
    QMutexLocker lock(&s.mutex);
    const qint64 now = util::monotonicUs();
    const bool newMessage = !message.isEmpty() && message != s.lastMessage;
    // A changed message or completion is always delivered; plain fraction updates are
    // coalesced so a job calling this per row costs the GUI thread nothing noticeable.
    if (!newMessage && fraction < 1.0 && now - s.lastSentUs < kProgressIntervalUs) return;
    s.lastSentUs = now;
    if (newMessage) s.lastMessage = message;
  }
  const int id = s.id;
  QPointer<JobManager> manager = s.manager;
  if (!manager) return;
  QMetaObject::invokeMethod(
      manager.data(),
      [manager, id, fraction, message] {
        if (manager) Q_EMIT manager->jobProgress(id, fraction, message);
      },
      Qt::QueuedConnection);
}

bool JobContext::isCancelled() const {
  return m_shared->cancel.load(std::memory_order_relaxed);
}

Error JobContext::cancelledError() {
  return Error("Cancelled by the user.");
}

bool JobManager::isFinished(JobState state) {
  return state == JobState::Succeeded || state == JobState::Failed || state == JobState::Cancelled;
}

QString toDisplayString(JobState state) {
  switch (state) {
    case JobState::Queued:
      return Tr::tr("Queued");
    case JobState::Running:
      return Tr::tr("Running");
    case JobState::Succeeded:
      return Tr::tr("Done");
    case JobState::Failed:
      return Tr::tr("Failed");
    case JobState::Cancelled:
      return Tr::tr("Cancelled");
  }
  return {};
}

JobManager::JobManager(QObject* parent) : QObject(parent) {
  qRegisterMetaType<edgewise::gui::JobState>();
  // Jobs are CPU work; leave one core to the GUI and the capture threads on small machines.
  m_pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
  connect(this, &JobManager::jobProgress, this, &JobManager::onProgress);
  g_current = this;
}

JobManager::~JobManager() {
  for (auto& [id, entry] : m_entries) entry.shared->cancel = true;
  m_pool.waitForDone();
  if (g_current == this) g_current = nullptr;
}

JobManager& JobManager::jobs() {
  EW_ASSERT(g_current != nullptr, {
    // Code run without a main window (a tool, a test) still gets a working manager.
    static JobManager* fallback = new JobManager(QCoreApplication::instance());
    return *fallback;
  });
  return *g_current;
}

int JobManager::start(const QString& title, JobFunction work) {
  const int id = m_nextId++;
  Entry entry;
  entry.info.id = id;
  entry.info.title = title;
  entry.info.state = JobState::Queued;
  entry.shared = std::make_shared<JobContext::Shared>();
  entry.shared->id = id;
  entry.shared->manager = this;
  entry.timer.start();
  auto shared = entry.shared;
  m_entries.emplace(id, std::move(entry));
  Q_EMIT jobAdded(id);

  QPointer<JobManager> self = this;
  // The future is not kept: completion is reported through onFinished().
  (void)QtConcurrent::run(&m_pool, [shared, self, id, work = std::move(work)] {
    auto post = [&](JobState state, const QString& message) {
      QMetaObject::invokeMethod(
          self.data(),
          [self, id, state, message] {
            if (self) self->onFinished(id, state, message);
          },
          Qt::QueuedConnection);
    };
    if (!self) return;
    if (shared->cancel) {
      post(JobState::Cancelled, Tr::tr("Cancelled before it started."));
      return;
    }
    QMetaObject::invokeMethod(
        self.data(),
        [self, id] {
          if (self) self->onStarted(id);
        },
        Qt::QueuedConnection);
    JobContext context;
    context.m_shared = shared;
    JobState state = JobState::Failed;
    QString message;
    try {
      Result<QString> result = work(context);
      if (result.ok()) {
        state = JobState::Succeeded;
        message = result.value();
      } else {
        state = shared->cancel ? JobState::Cancelled : JobState::Failed;
        message = QString::fromStdString(result.error().toString());
      }
    } catch (const std::exception& e) {
      // A job is a boundary: whatever escapes it becomes a failed job the user can read.
      qCWarning(lcGui) << "job" << id << "threw:" << e.what();
      state = JobState::Failed;
      message = Tr::tr("Unexpected error: %1").arg(QString::fromUtf8(e.what()));
    }
    post(state, message);
  });
  return id;
}

void JobManager::cancel(int id) {
  auto it = m_entries.find(id);
  if (it == m_entries.end() || isFinished(it->second.info.state)) return;
  it->second.shared->cancel = true;
}

void JobManager::cancelAll() {
  for (auto& [id, entry] : m_entries) cancel(id);
}

void JobManager::clearFinished() {
  for (auto it = m_entries.begin(); it != m_entries.end();) {
    it = isFinished(it->second.info.state) ? m_entries.erase(it) : std::next(it);
  }
  Q_EMIT jobsCleared();
}

bool JobManager::waitForAll(int timeoutMs) {
  QDeadlineTimer deadline(timeoutMs);
  while (runningCount() > 0) {
    if (deadline.hasExpired()) return false;
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    QThread::msleep(2);
  }
  return true;
}

std::vector<JobInfo> JobManager::snapshot() const {
  std::vector<JobInfo> out;
  out.reserve(m_entries.size());
  for (const auto& [id, entry] : m_entries) {
    JobInfo info = entry.info;
    if (!isFinished(info.state)) info.elapsedMs = entry.timer.elapsed();
    out.push_back(std::move(info));
  }
  return out;
}

std::optional<JobInfo> JobManager::job(int id) const {
  auto it = m_entries.find(id);
  if (it == m_entries.end()) return std::nullopt;
  JobInfo info = it->second.info;
  if (!isFinished(info.state)) info.elapsedMs = it->second.timer.elapsed();
  return info;
}

int JobManager::runningCount() const {
  int n = 0;
  for (const auto& [id, entry] : m_entries) n += isFinished(entry.info.state) ? 0 : 1;
  return n;
}

void JobManager::onStarted(int id) {
  auto it = m_entries.find(id);
  if (it == m_entries.end() || isFinished(it->second.info.state)) return;
  it->second.info.state = JobState::Running;
  it->second.timer.restart();
  Q_EMIT jobProgress(id, it->second.info.progress, it->second.info.message);
}

void JobManager::onProgress(int id, double fraction, const QString& message) {
  auto it = m_entries.find(id);
  if (it == m_entries.end()) return;
  it->second.info.progress = fraction;
  if (!message.isEmpty()) it->second.info.message = message;
}

void JobManager::onFinished(int id, JobState state, const QString& message) {
  auto it = m_entries.find(id);
  if (it == m_entries.end()) return;
  JobInfo& info = it->second.info;
  info.state = state;
  if (state == JobState::Succeeded) info.progress = 1.0;
  if (!message.isEmpty()) info.message = message;
  info.elapsedMs = it->second.timer.elapsed();
  qCInfo(lcGui) << "job" << id << info.title << toDisplayString(state) << message;
  Q_EMIT jobFinished(id, state, info.message);
}

}  // namespace edgewise::gui
