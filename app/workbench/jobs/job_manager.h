#pragma once
// Long work off the GUI thread (ARCHITECTURE.md section 3 and 4): a job is a function that
// reports progress (0..1 plus a message) and checks an atomic cancel flag; it runs on a
// thread pool through QtConcurrent and its progress and result come back as queued signals.
//
// One JobManager is owned by the main window; panes reach it through JobManager::jobs().

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "core/util/result.h"

namespace edgewise::gui {

enum class JobState { Queued, Running, Succeeded, Failed, Cancelled };

// What a running job sees. Thread-safe; called from the worker thread.
class JobContext {
 public:
  // fraction in [0, 1]; an empty message keeps the previous one. Cheap to call often: the
  // updates are coalesced so a tight loop cannot flood the GUI thread.
  void setProgress(double fraction, const QString& message = {});
  bool isCancelled() const;
  // The error a job returns when it noticed isCancelled(); the job then ends Cancelled.
  static Error cancelledError();

 private:
  friend class JobManager;
  struct Shared;
  std::shared_ptr<Shared> m_shared;
};

// The work: returns a short summary on success ("Exported 12,000 rows to x.csv").
using JobFunction = std::function<Result<QString>(JobContext& context)>;

struct JobInfo {
  int id = 0;
  QString title;
  JobState state = JobState::Queued;
  double progress = 0;   // 0..1
  QString message;       // the latest progress message, the summary or the error
  qint64 elapsedMs = 0;  // so far while running; total once finished
};

class JobManager : public QObject {
  Q_OBJECT
 public:
  explicit JobManager(QObject* parent = nullptr);
  ~JobManager() override;  // cancels every job and waits for the workers

  // The manager the main window owns (the most recently constructed one still alive).
  static JobManager& jobs();

  int start(const QString& title, JobFunction work);
  void cancel(int id);
  void cancelAll();
  // Removes finished jobs from the list (running ones stay).
  void clearFinished();
  // Waits (processing events, so the queued signals arrive) until no job runs.
  bool waitForAll(int timeoutMs);

  std::vector<JobInfo> snapshot() const;  // in start order
  std::optional<JobInfo> job(int id) const;
  int runningCount() const;

  static bool isFinished(JobState state);

 Q_SIGNALS:
  void jobAdded(int id);
  void jobProgress(int id, double fraction, const QString& message);
  void jobFinished(int id, edgewise::gui::JobState state, const QString& message);
  void jobsCleared();

 private:
  struct Entry {
    JobInfo info;
    std::shared_ptr<JobContext::Shared> shared;
    QElapsedTimer timer;
  };
  void onProgress(int id, double fraction, const QString& message);
  void onStarted(int id);
  void onFinished(int id, JobState state, const QString& message);

  std::map<int, Entry> m_entries;
  int m_nextId = 1;
  QThreadPool m_pool;
};

QString toDisplayString(JobState state);

}  // namespace edgewise::gui

Q_DECLARE_METATYPE(edgewise::gui::JobState)
