#pragma once
// The run controls of one Audit view: a Run button, a Cancel button (Esc), a progress bar and
// a status line, driving one JobManager job at a time. The work gets the job's context and a
// cancel flag to hand to core functions (set by Cancel, by the Jobs pane's cancel and when the
// view is destroyed); `done` runs on the GUI thread when the job ends.

#include <QString>
#include <QWidget>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "app/workbench/jobs/job_manager.h"

class QLabel;
class QProgressBar;
class QPushButton;

namespace edgewise::store {
class Project;
}

namespace edgewise::gui {

class Workspace;

class JobStrip : public QWidget {
  Q_OBJECT
 public:
  using Work = std::function<Result<QString>(JobContext& context, std::atomic<bool>& cancel)>;
  using Done = std::function<void(JobState state, const QString& message)>;

  explicit JobStrip(QWidget* parent = nullptr);
  ~JobStrip() override;

  QPushButton* runButton() const { return m_run; }
  bool isRunning() const { return m_jobId != 0; }
  // False (and the reason in the status line) when a job of this strip is running.
  bool start(const QString& title, Work work, Done done);
  // Work that computes a T on the worker plus a one-line summary: on success the summary goes
  // to the status line and show(T) runs on the GUI thread; a cancel or an error shows
  // cancelledText / failedText (with %1 = the error). finished() tells the outcome.
  template <typename T>
  using TypedWork =
      std::function<Result<std::pair<T, QString>>(JobContext& context, std::atomic<bool>& cancel)>;
  template <typename T>
  bool start(const QString& title, TypedWork<T> work, std::function<void(T)> show,
             const QString& cancelledText, const QString& failedText);
  void cancel();

  // A connection to the open project for a worker; nullptr with the reason in the status line
  // when no project is open, when !haveModel (noModelText) or when it cannot be opened.
  std::shared_ptr<store::Project> workerConnection(Workspace& workspace, bool haveModel,
                                                   const QString& noModelText);
  // A core function's progress forwarded to the job; a cancel from the Jobs pane raises cancel.
  static std::function<void(double, const std::string&)> forward(JobContext& context,
                                                                 std::atomic<bool>& cancel);

  // The status line under the controls; errors in bold red. The layout of the parent view
  // places statusLabel() (so it can span the view's width).
  void setStatus(const QString& text, bool error = false);
  QString status() const { return m_lastStatus; }
  QLabel* statusLabel() const { return m_status; }

 Q_SIGNALS:
  void runRequested();
  void finished(bool ok);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslateUi();

  QPushButton* m_run = nullptr;
  QPushButton* m_cancel = nullptr;
  QProgressBar* m_progress = nullptr;
  QLabel* m_status = nullptr;
  QString m_lastStatus;
  int m_jobId = 0;
  std::shared_ptr<std::atomic<bool>> m_cancelFlag;
  QMetaObject::Connection m_finished;
};

template <typename T>
bool JobStrip::start(const QString& title, TypedWork<T> work, std::function<void(T)> show,
                     const QString& cancelledText, const QString& failedText) {
  auto result = std::make_shared<std::optional<T>>();
  return start(
      title,
      [work = std::move(work), result](JobContext& context,
                                       std::atomic<bool>& cancel) -> Result<QString> {
        Result<std::pair<T, QString>> r = work(context, cancel);
        if (!r.ok()) return r.error();
        *result = std::move(r->first);
        return r->second;
      },
      [this, result, show = std::move(show), cancelledText, failedText](JobState state,
                                                                        const QString& message) {
        const bool ok = state == JobState::Succeeded && result->has_value();
        if (ok) {
          setStatus(message);
          show(std::move(**result));
        } else if (state == JobState::Cancelled) {
          setStatus(cancelledText);
        } else {
          setStatus(failedText.arg(message), true);
        }
        Q_EMIT finished(ok);
      });
}

}  // namespace edgewise::gui
