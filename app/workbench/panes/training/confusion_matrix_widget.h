#pragma once
// A confusion matrix as a clickable heat map: rows are true classes, columns predictions,
// the colour is the row-normalised rate (so rare classes read as well as common ones) and
// every cell prints its count. Clicking a cell emits cellClicked(trueClass, predicted).

#include <QString>
#include <QStringList>
#include <QWidget>
#include <cstdint>
#include <vector>

namespace edgewise::gui {

class ConfusionMatrixWidget : public QWidget {
  Q_OBJECT
 public:
  explicit ConfusionMatrixWidget(QWidget* parent = nullptr);

  // counts[t][p]: samples of true class t predicted as p. Empty clears the widget.
  void setMatrix(const std::vector<std::vector<int64_t>>& counts, const QStringList& classNames);
  const std::vector<std::vector<int64_t>>& matrix() const { return m_counts; }
  void setEmptyText(const QString& text);

  // The selected cell (-1, -1 when none).
  int selectedTrue() const { return m_selTrue; }
  int selectedPredicted() const { return m_selPred; }
  void selectCell(int trueClass, int predicted);  // emits cellClicked
  // Where cell (t, p) is drawn, in widget coordinates (empty when out of range).
  QRect cellRect(int trueClass, int predicted) const;

  QSize sizeHint() const override { return {360, 320}; }
  QSize minimumSizeHint() const override { return {160, 140}; }

 Q_SIGNALS:
  void cellClicked(int trueClass, int predicted);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;

 private:
  QRect gridRect() const;
  bool cellAt(const QPoint& pos, int* t, int* p) const;

  std::vector<std::vector<int64_t>> m_counts;
  QStringList m_names;
  QString m_emptyText;
  int m_selTrue = -1;
  int m_selPred = -1;
};

}  // namespace edgewise::gui
