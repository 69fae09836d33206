#include "app/workbench/workspace.h"

#include <QFileInfo>

#include "app/workbench/tr.h"
#include "core/util/log.h"

namespace edgewise::gui {

Workspace::Workspace(QObject* parent)
    : QObject(parent), m_capture(std::make_unique<capture::CaptureSession>()) {}

Workspace::~Workspace() {
  // The recorder writes through its own connection to the project file; stopping it first
  // commits what is queued before the GUI's connection goes away.
  if (m_capture->isRecording()) {
    auto stopped = m_capture->stopRecording();
    if (!stopped.ok()) {
      qCWarning(lcGui) << "stopping the recording on exit:"
                       << QString::fromStdString(stopped.error().toString());
    }
  }
}

QString Workspace::projectPath() const {
  return m_project ? QString::fromStdString(m_project->path()) : QString();
}

Result<void> Workspace::openProject(const QString& path, bool createIfMissing) {
  if (path.isEmpty()) return Error("No file name was given.", "opening a project");
  auto opened = store::Project::open(
      QFileInfo(path).absoluteFilePath().toStdString(),
      createIfMissing ? store::OpenMode::CreateIfMissing : store::OpenMode::OpenExisting);
  if (!opened.ok()) return opened.error();

  finishRecording();
  m_project = std::move(opened.value());
  m_capture->setQuarantineProject(m_project->path());
  Q_EMIT projectChanged();
  Q_EMIT recordingsChanged();
  Q_EMIT statusMessage(Tr::tr("Opened %1").arg(projectPath()), 4000);
  return okResult();
}

void Workspace::finishRecording() {
  if (!m_capture->isRecording()) return;
  auto stopped = m_capture->stopRecording();
  if (!stopped.ok()) {
    Q_EMIT statusMessage(Tr::tr("The recording could not be finished: %1")
                             .arg(QString::fromStdString(stopped.error().toString())),
                         8000);
  }
}

void Workspace::closeProject() {
  if (!m_project) return;
  finishRecording();
  m_capture->setQuarantineProject({});
  m_project.reset();
  Q_EMIT projectChanged();
  Q_EMIT recordingsChanged();
}

}  // namespace edgewise::gui
