#pragma once
// The runtime state the panes share (not saved): the open project, the capture session with
// its broker connection and live buffers. Created in main(), passed by reference to panes.
// Panes never call each other; they talk through this object's signals.

#include <QObject>
#include <QString>
#include <memory>

#include "core/capture/capture_session.h"
#include "core/store/project.h"
#include "core/util/result.h"

namespace edgewise::gui {

class Workspace : public QObject {
  Q_OBJECT
 public:
  explicit Workspace(QObject* parent = nullptr);
  ~Workspace() override;

  capture::CaptureSession& capture() { return *m_capture; }

  // The GUI thread's connection to the open project (nullptr when none is open).
  store::Project* project() const { return m_project.get(); }
  QString projectPath() const;

  // Opens (or creates) a project: on success emits projectChanged(); on failure the
  // previous project stays open and the error says why.
  Result<void> openProject(const QString& path, bool createIfMissing);
  void closeProject();

  // Called by whoever changed recordings (capture pane after stop, rename, delete, import).
  void notifyRecordingsChanged() { Q_EMIT recordingsChanged(); }
  // Called by whoever added, changed or removed a dataset (the import dialog).
  void notifyDatasetsChanged() { Q_EMIT datasetsChanged(); }
  // Asks the Labeling pane to open a recording at a time range (e.g. drifted windows the
  // Audit pane recorded); reason is shown to the annotator.
  void requestLabeling(qint64 recordingId, qint64 startUs, qint64 endUs, const QString& reason) {
    Q_EMIT labelingRequested(recordingId, startUs, endUs, reason);
  }
  // Called by whoever changed the project's models, devices or deployments.
  void notifyModelsChanged() { Q_EMIT modelsChanged(); }
  void notifyFleetChanged() { Q_EMIT fleetChanged(); }

 Q_SIGNALS:
  void projectChanged();
  void recordingsChanged();
  // The project's datasets changed (an import); a project switch emits projectChanged().
  void datasetsChanged();
  void labelingRequested(qint64 recordingId, qint64 startUs, qint64 endUs, const QString& reason);
  void modelsChanged();
  // Devices, deployments, requirements or telemetry changed in the project.
  void fleetChanged();
  void statusMessage(const QString& message, int timeoutMs);

 private:
  // A running recording belongs to the project being left: commit and finish it first.
  void finishRecording();

  std::unique_ptr<capture::CaptureSession> m_capture;
  std::unique_ptr<store::Project> m_project;
};

}  // namespace edgewise::gui
