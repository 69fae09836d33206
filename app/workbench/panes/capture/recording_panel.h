#pragma once
// Record/Stop (Ctrl+R) with a name and a topic scope, live counters while recording, and
// the project's recordings table (sortable, rename in place or F2, Delete, Export CSV...).

#include <QStringList>
#include <QWidget>
#include <functional>

#include "core/store/recording_repository.h"
#include "core/util/result.h"

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace edgewise::gui {

class Workspace;
class RecordingsModel;
class ElidedLabel;

class RecordingPanel : public QWidget {
  Q_OBJECT
 public:
  enum class Scope { AllSubscribed, CheckedTopics };

  RecordingPanel(Workspace& workspace, QWidget* parent = nullptr);
  ~RecordingPanel() override;

  // Topics ticked in the topic tree (for Scope::CheckedTopics).
  void setCheckedTopicsProvider(std::function<QStringList()> provider);

  Result<int64_t> startRecording(const QStringList& topicFilters = {});
  Result<store::RecordingSummary> stopRecording();
  bool isRecording() const;
  void setRecordingName(const QString& name);
  void setScope(Scope scope);

  RecordingsModel* recordingsModel() const { return m_model; }
  QTableView* recordingsView() const { return m_view; }
  // Exports as a JobManager job (off the GUI thread); done(ok, message) arrives on the GUI
  // thread when it finished.
  void exportCsv(int64_t recordingId, const QString& path,
                 std::function<void(bool ok, const QString& message)> done = {});
  // Refreshes the counters (called by the pane's GUI timer).
  void updateStats();

 protected:
  void changeEvent(QEvent* event) override;

 Q_SIGNALS:
  void statusMessage(const QString& message);

 private:
  void onProjectChanged();
  void toggleRecording();
  void deleteSelected();
  void exportSelected();
  void updateUiState();
  void retranslateUi();
  int64_t selectedId() const;

  Workspace& m_workspace;
  std::function<QStringList()> m_checkedTopics;
  RecordingsModel* m_model = nullptr;
  QSortFilterProxyModel* m_proxy = nullptr;
  QTableView* m_view = nullptr;
  QPushButton* m_record = nullptr;
  QLineEdit* m_name = nullptr;
  QComboBox* m_scope = nullptr;
  ElidedLabel* m_stats = nullptr;
  QLabel* m_tableTitle = nullptr;
  QPushButton* m_rename = nullptr;
  QAction* m_deleteAction = nullptr;
  QPushButton* m_delete = nullptr;
  QPushButton* m_export = nullptr;
  qint64 m_startedMs = 0;
};

}  // namespace edgewise::gui
