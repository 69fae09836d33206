#pragma once
// Requirements ("policies") per device class: minimum accuracy, maximum latency, RAM and
// flash, and the objective (best effort: most accurate; low latency: fastest) the rollout
// planner applies. Class '*' applies to every class without its own row.

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;

namespace edgewise::store {
class Project;
}

namespace edgewise::gui {

class RequirementsDialog : public QDialog {
  Q_OBJECT
 public:
  RequirementsDialog(store::Project& project, QWidget* parent = nullptr);

  QTableWidget* table() const { return m_table; }
  // Writes the table to the project; false with the reason shown when a row is invalid.
  bool save();

 public Q_SLOTS:
  void addRow();
  void removeSelected();

 private:
  void load();
  void insertRow(const QString& cls, const QString& acc, const QString& lat, const QString& ram,
                 const QString& flash, const QString& objective);

  store::Project& m_project;
  QTableWidget* m_table = nullptr;
  QLabel* m_status = nullptr;
  QStringList m_loadedClasses;
};

}  // namespace edgewise::gui
