#pragma once
// The Queue tab's "Recordings…" pool: which recordings (and which of their time-series
// streams), the window length and stride, the feature block the model sees and the classes to
// label with (the project's label schema). Starting values come from the project
// (active::recordingPoolDefaults: its newest time-series model or dataset). The table shows how
// many windows each recording gives; the dialog says what is missing (a recording to pool, two
// classes) or wrong (a window longer than every chosen recording) before it lets the user start.

#include <QDialog>

#include "core/active/recording_pool.h"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QSpinBox;
class QTableWidget;

namespace edgewise::labeling {
class LabelRepository;
}

namespace edgewise::gui {

class RecordingPoolDialog : public QDialog {
  Q_OBJECT
 public:
  RecordingPoolDialog(store::Project& project, labeling::LabelRepository& labels,
                      QWidget* parent = nullptr);

  // What the table and fields say now.
  active::RecordingPoolOptions options() const;
  // Empty when the pool can start, else why not (shown in the dialog).
  QString problem() const { return m_problem; }
  // The windows the chosen recordings give (what the table's Windows column adds up to).
  int expectedWindows() const { return m_expected; }

  // For tests and scripted use. The stream is "device/topic" (empty: keep the row's choice);
  // false when the recording is not listed or has no such time-series stream.
  bool setRecordingChecked(qint64 recordingId, bool checked, const QString& stream = QString());
  void setWindowing(int windowMs, int strideMs);
  bool setFeatureBlock(const QString& blockId);
  bool setClassChecked(const QString& name, bool checked);

 private:
  void update();

  store::Project& m_project;
  QTableWidget* m_recordings = nullptr;
  QSpinBox* m_windowMs = nullptr;
  QSpinBox* m_strideMs = nullptr;
  QComboBox* m_features = nullptr;
  QListWidget* m_classes = nullptr;
  QLabel* m_summary = nullptr;
  QDialogButtonBox* m_buttons = nullptr;
  training::FeatureSpec m_defaultFeatures;
  QString m_problem;
  int m_expected = 0;
};

}  // namespace edgewise::gui
