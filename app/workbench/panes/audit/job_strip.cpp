#include "app/workbench/panes/audit/job_strip.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>

#include "app/workbench/workspace.h"
#include "core/store/project.h"

namespace edgewise::gui {

JobStrip::JobStrip(QWidget* parent) : QWidget(parent) {
  m_run = new QPushButton(this);
  m_run->setObjectName(QStringLiteral("auditRun"));
  m_cancel = new QPushButton(this);
  m_cancel->setObjectName(QStringLiteral("auditCancel"));
  m_cancel->setEnabled(false);
  m_progress = new QProgressBar(this);
  m_progress->setRange(0, 1000);
  m_progress->setVisible(false);
  m_progress->setMinimumWidth(160);
  m_progress->setMaximumWidth(360);
  m_status = new QLabel(parent ? parent : this);
  m_status->setObjectName(QStringLiteral("auditStatus"));
  m_status->setWordWrap(true);
  m_status->setVisible(false);
  m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_run);
  layout->addWidget(m_cancel);
  layout->addWidget(m_progress, 1);
  layout->addStretch(0);
  connect(m_run, &QPushButton::clicked, this, &JobStrip::runRequested);
  connect(m_cancel, &QPushButton::clicked, this, &JobStrip::cancel);
  // Esc cancels the running job of the view the focus is in.
  auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), parent ? parent : this);
  escape->setContext(Qt::WidgetWithChildrenShortcut);
  connect(escape, &QShortcut::activated, this, &JobStrip::cancel);
  connect(&JobManager::jobs(), &JobManager::jobProgress, this,
          [this](int id, double fraction, const QString& message) {
            if (id != m_jobId) return;
            m_progress->setValue(static_cast<int>(fraction * 1000));
            if (!message.isEmpty()) setStatus(message);
          });
  retranslateUi();
}

JobStrip::~JobStrip() {
  if (m_cancelFlag) m_cancelFlag->store(true);
  if (m_jobId != 0) JobManager::jobs().cancel(m_jobId);
}

void JobStrip::retranslateUi() {
  m_cancel->setText(tr("Cancel"));
  m_cancel->setToolTip(tr("Stop the running audit (Esc)"));
}

void JobStrip::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(event);
}

void JobStrip::setStatus(const QString& text, bool error) {
  m_lastStatus = text;
  m_status->setText(text);
  m_status->setVisible(!text.isEmpty());
  m_status->setStyleSheet(error ? QStringLiteral("QLabel { color: #c62828; font-weight: bold; }")
                                : QString());
}

bool JobStrip::start(const QString& title, Work work, Done done) {
  if (m_jobId != 0) {
    setStatus(tr("An audit of this kind is already running."), true);
    return false;
  }
  auto cancel = std::make_shared<std::atomic<bool>>(false);
  m_cancelFlag = cancel;
  m_jobId = JobManager::jobs().start(
      title, [cancel, work = std::move(work)](JobContext& context) -> Result<QString> {
        if (context.isCancelled()) return JobContext::cancelledError();
        Result<QString> r = work(context, *cancel);
        if (!r.ok() && (cancel->load() || context.isCancelled()))
          return JobContext::cancelledError();
        return r;
      });
  const int jobId = m_jobId;
  m_finished = connect(
      &JobManager::jobs(), &JobManager::jobFinished, this,
      [this, jobId, done = std::move(done)](int id, JobState state, const QString& message) {
        if (id != jobId) return;
        disconnect(m_finished);
        m_jobId = 0;
        m_cancelFlag.reset();
        m_run->setEnabled(true);
        m_cancel->setEnabled(false);
        m_progress->setVisible(false);
        done(state, message);
      });
  m_progress->setValue(0);
  m_progress->setVisible(true);
  m_run->setEnabled(false);
  m_cancel->setEnabled(true);
  setStatus(tr("Starting %1...").arg(title));
  return true;
}

std::shared_ptr<store::Project> JobStrip::workerConnection(Workspace& workspace, bool haveModel,
                                                           const QString& noModelText) {
  store::Project* project = workspace.project();
  if (!project) {
    setStatus(tr("Open or create a project first."), true);
    return nullptr;
  }
  if (!haveModel) {
    setStatus(noModelText, true);
    return nullptr;
  }
  auto opened = project->openAnotherConnection();
  if (!opened.ok()) {
    setStatus(QString::fromStdString(opened.error().toString()), true);
    return nullptr;
  }
  return std::shared_ptr<store::Project>(std::move(opened.value()));
}

std::function<void(double, const std::string&)> JobStrip::forward(JobContext& context,
                                                                  std::atomic<bool>& cancel) {
  return [&context, &cancel](double fraction, const std::string& message) {
    if (context.isCancelled()) cancel.store(true);
    context.setProgress(fraction, QString::fromStdString(message));
  };
}

void JobStrip::cancel() {
  if (m_jobId == 0) return;
  if (m_cancelFlag) m_cancelFlag->store(true);
  JobManager::jobs().cancel(m_jobId);
  setStatus(tr("Cancelling..."));
}

}  // namespace edgewise::gui
