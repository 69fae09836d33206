#pragma once
// The Jobs pane: every long-running job of the workbench with its progress and a cancel
// button (ARCHITECTURE.md section 3: "one jobs view with progress bars").

#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace edgewise::gui {

class JobManager;
class JobTableModel;

class JobsPane : public QWidget {
  Q_OBJECT
 public:
  explicit JobsPane(JobManager& manager, QWidget* parent = nullptr);

  QTableView* table() const { return m_table; }
  JobTableModel* model() const { return m_model; }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslateUi();
  void updateSummary();

  JobManager& m_manager;
  JobTableModel* m_model = nullptr;
  QTableView* m_table = nullptr;
  QStackedWidget* m_stack = nullptr;
  QLabel* m_summary = nullptr;
  QLabel* m_empty = nullptr;
  QPushButton* m_clear = nullptr;
};

}  // namespace edgewise::gui
