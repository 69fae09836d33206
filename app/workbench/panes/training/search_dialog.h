#pragma once
// Asks how to search before a hyper-parameter search starts: the method (random search or
// successive halving), the time budget and the trial cap.

#include <QDialog>
#include <QString>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace edgewise::gui {

struct SearchSettings {
  QString method = QStringLiteral("random");  // "random" | "halving"
  double budgetSeconds = 60;
  int maxTrials = 20;
};

class SearchDialog : public QDialog {
  Q_OBJECT
 public:
  SearchDialog(const SearchSettings& settings, const QString& family, QWidget* parent = nullptr);
  SearchSettings settings() const;

 private:
  QComboBox* m_method = nullptr;
  QDoubleSpinBox* m_budget = nullptr;
  QSpinBox* m_trials = nullptr;
  QLabel* m_hint = nullptr;
};

}  // namespace edgewise::gui
