#pragma once
// The trials of a hyper-parameter search: a table (searched parameters, validation accuracy,
// seconds, resource, rung) and a scatter plot of validation accuracy per trial, the best
// trial highlighted in both. Filled live, one trial at a time, and replaced by the search's
// final list when it ends.

#include <QString>
#include <QWidget>
#include <vector>

class QCustomPlot;
class QLabel;
class QTableWidget;

namespace edgewise::gui {

struct SearchTrialRow {
  QString params;  // "key=value, ..." of the parameters that were searched
  double valScore = 0.0;
  double seconds = 0.0;
  double resource = 1.0;
  int rung = 0;
  QString error;  // empty when the trial trained
};

class SearchTrialsView : public QWidget {
  Q_OBJECT
 public:
  explicit SearchTrialsView(QWidget* parent = nullptr);

  void clear();
  void addTrial(const SearchTrialRow& row);
  // The final list; best < 0 when no trial trained.
  void setTrials(const std::vector<SearchTrialRow>& rows, int best);
  void setSummary(const QString& text);

  int trialCount() const { return static_cast<int>(m_rows.size()); }
  int bestTrial() const { return m_best; }
  QTableWidget* table() const { return m_table; }
  QCustomPlot* plot() const { return m_plot; }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslateUi();
  void applyPalette();
  void fillRow(int row);
  void replot();

  QLabel* m_summary = nullptr;
  QTableWidget* m_table = nullptr;
  QCustomPlot* m_plot = nullptr;
  std::vector<SearchTrialRow> m_rows;
  int m_best = -1;
};

}  // namespace edgewise::gui
