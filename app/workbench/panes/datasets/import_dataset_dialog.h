#pragma once
// File > Import dataset...: pick a format (digits.png, IDX, CSV with a label column, image
// folder, WAV folder, a simulated IMU activity dataset made on the spot, or the project's own
// recordings from the capture pane, labelled per recording or by the Labeling pane's effective
// labels, and cut into windows) and its files, name the dataset, and import it as a JobManager
// job. The core writes a dataset in one transaction, so a failed or cancelled import leaves
// nothing behind; the dialog then shows the report (samples per class, rejected files).

#include <QDialog>
#include <QString>
#include <memory>
#include <optional>

#include "core/dataset/data/dataset_types.h"

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableWidget;
class QTableWidgetItem;

namespace edgewise::store {
class Project;
}

namespace edgewise::gui {

class Workspace;

class ImportDatasetDialog : public QDialog {
  Q_OBJECT
 public:
  enum class Format { Digits = 0, Idx, Csv, ImageFolder, WavFolder, SimulatedImu, Recordings };
  // Format::Recordings: the label typed per recording, or the Labeling pane's effective labels
  // (each window takes the class covering more than half of it, dataset::labelWindow).
  enum class LabelSource { Typed = 0, Effective };

  explicit ImportDatasetDialog(Workspace& workspace, QWidget* parent = nullptr);

  // For tests and scripted use: fill the form without the file pickers.
  void setFormat(Format format);
  void setSource(const QString& pathOrDir);  // digits, CSV, image/WAV folder
  void setIdxFiles(const QString& images, const QString& labels);
  void setCsvLabelColumn(const QString& column);
  void setDatasetName(const QString& name);
  // Format::SimulatedImu: dataset::simulateImuActivityDataset's arguments.
  void setSimulation(int windowsPerClass, double windowSeconds, double rateHz, int seed);
  // Format::Recordings: the table lists the project's recordings (refreshed when the project or
  // its recordings change). A recording with an empty label is not imported; the stream is
  // "device/topic" (empty: keep the row's current choice). False when the id is not listed or
  // the stream is not one of its time-series streams.
  bool setRecordingLabel(qint64 recordingId, const QString& label,
                         const QString& stream = QString());
  void setRecordingWindowing(int windowMs, int strideMs);
  void setLabelSource(LabelSource source);
  // LabelSource::Effective: whether the recording is imported (by default every recording with
  // effective labels or unresolved disagreements is). False when the id is not listed.
  bool setRecordingIncluded(qint64 recordingId, bool included);
  void refreshRecordings();

  // Starts the import job; false (with the reason shown) when the form is incomplete.
  bool startImport();
  bool isRunning() const { return m_jobId != 0; }
  // The last successful import, if any.
  const std::optional<dataset::ImportReport>& report() const { return m_report; }
  QString lastError() const { return m_lastError; }

 Q_SIGNALS:
  void importFinished(bool ok);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslateUi();
  void updateForm();
  void browse(QLineEdit* edit, bool directory, const QString& filter);
  void showReport(const dataset::ImportReport& report);
  // The effective-labels cell of a recording: seconds per class and unresolved, checked when
  // there is any.
  QTableWidgetItem* effectiveLabelsItem(store::Project& project, qint64 recordingId);
  void finished(int id, bool ok, const QString& message);

  Workspace& m_workspace;
  QFormLayout* m_form = nullptr;
  QComboBox* m_format = nullptr;
  QLabel* m_formatLabel = nullptr;
  QLabel* m_sourceLabel = nullptr;
  QLineEdit* m_source = nullptr;
  QPushButton* m_browse = nullptr;
  QLabel* m_labelsLabel = nullptr;
  QLineEdit* m_labels = nullptr;  // IDX labels file
  QPushButton* m_browseLabels = nullptr;
  QLabel* m_columnLabel = nullptr;
  QLineEdit* m_column = nullptr;     // CSV label column
  QLabel* m_windowsLabel = nullptr;  // simulated IMU activity
  QSpinBox* m_windows = nullptr;
  QLabel* m_secondsLabel = nullptr;
  QDoubleSpinBox* m_seconds = nullptr;
  QLabel* m_rateLabel = nullptr;
  QDoubleSpinBox* m_rate = nullptr;
  QLabel* m_seedLabel = nullptr;
  QSpinBox* m_seed = nullptr;
  QLabel* m_recordingsLabel = nullptr;  // recordings from the capture pane
  QTableWidget* m_recordings = nullptr;
  QLabel* m_labelSourceLabel = nullptr;
  QComboBox* m_labelSource = nullptr;
  QLabel* m_windowMsLabel = nullptr;
  QSpinBox* m_windowMs = nullptr;
  QLabel* m_strideMsLabel = nullptr;
  QSpinBox* m_strideMs = nullptr;
  QLabel* m_nameLabel = nullptr;
  QLineEdit* m_name = nullptr;
  QLabel* m_hint = nullptr;
  QProgressBar* m_progress = nullptr;
  QLabel* m_status = nullptr;
  QTableWidget* m_classes = nullptr;
  QTableWidget* m_rejected = nullptr;
  QLabel* m_classesTitle = nullptr;
  QLabel* m_rejectedTitle = nullptr;
  QDialogButtonBox* m_buttons = nullptr;
  QPushButton* m_import = nullptr;

  int m_jobId = 0;
  std::optional<dataset::ImportReport> m_report;
  std::shared_ptr<std::optional<dataset::ImportReport>> m_pending;
  QString m_lastError;
};

}  // namespace edgewise::gui
