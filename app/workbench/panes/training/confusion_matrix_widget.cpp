#include "app/workbench/panes/training/confusion_matrix_widget.h"

#include <QFontMetrics>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>

namespace edgewise::gui {

namespace {
constexpr int kAxisTitle = 18;  // room for "true" / "predicted"
}

ConfusionMatrixWidget::ConfusionMatrixWidget(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("confusionMatrix"));
  setMouseTracking(true);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void ConfusionMatrixWidget::setMatrix(const std::vector<std::vector<int64_t>>& counts,
                                      const QStringList& classNames) {
  m_counts = counts;
  m_names = classNames;
  m_selTrue = m_selPred = -1;
  update();
}

void ConfusionMatrixWidget::setEmptyText(const QString& text) {
  m_emptyText = text;
  update();
}

void ConfusionMatrixWidget::selectCell(int trueClass, int predicted) {
  const int n = static_cast<int>(m_counts.size());
  if (trueClass < 0 || predicted < 0 || trueClass >= n || predicted >= n) return;
  m_selTrue = trueClass;
  m_selPred = predicted;
  update();
  Q_EMIT cellClicked(trueClass, predicted);
}

QRect ConfusionMatrixWidget::gridRect() const {
  const int n = static_cast<int>(m_counts.size());
  if (n == 0) return {};
  const QFontMetrics fm(font());
  int labelWidth = 0;
  for (const QString& name : m_names) labelWidth = std::max(labelWidth, fm.horizontalAdvance(name));
  labelWidth = std::min(labelWidth + 6, width() / 4);
  const int left = kAxisTitle + labelWidth;
  const int top = kAxisTitle + fm.height() + 2;
  const int side = std::max(0, std::min(width() - left - 4, height() - top - 4));
  const int cell = side / n;
  return QRect(left, top, cell * n, cell * n);
}

QRect ConfusionMatrixWidget::cellRect(int t, int p) const {
  const int n = static_cast<int>(m_counts.size());
  if (t < 0 || p < 0 || t >= n || p >= n) return {};
  const QRect g = gridRect();
  const int cell = g.width() / n;
  return QRect(g.left() + p * cell, g.top() + t * cell, cell, cell);
}

bool ConfusionMatrixWidget::cellAt(const QPoint& pos, int* t, int* p) const {
  const int n = static_cast<int>(m_counts.size());
  const QRect g = gridRect();
  if (n == 0 || !g.contains(pos) || g.width() < n) return false;
  const int cell = g.width() / n;
  *p = std::min(n - 1, (pos.x() - g.left()) / cell);
  *t = std::min(n - 1, (pos.y() - g.top()) / cell);
  return true;
}

void ConfusionMatrixWidget::mousePressEvent(QMouseEvent* event) {
  int t = 0, p = 0;
  if (event->button() == Qt::LeftButton && cellAt(event->position().toPoint(), &t, &p)) {
    selectCell(t, p);
    return;
  }
  QWidget::mousePressEvent(event);
}

void ConfusionMatrixWidget::mouseMoveEvent(QMouseEvent* event) {
  int t = 0, p = 0;
  if (cellAt(event->position().toPoint(), &t, &p)) {
    const QString trueName = t < m_names.size() ? m_names[t] : QString::number(t);
    const QString predName = p < m_names.size() ? m_names[p] : QString::number(p);
    setToolTip(tr("True %1, predicted %2: %n sample(s). Click to list them.", nullptr,
                  static_cast<int>(m_counts[t][p]))
                   .arg(trueName, predName));
  } else {
    setToolTip(QString());
  }
  QWidget::mouseMoveEvent(event);
}

void ConfusionMatrixWidget::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.setRenderHint(QPainter::Antialiasing, false);
  const QPalette pal = palette();
  const int n = static_cast<int>(m_counts.size());
  if (n == 0) {
    painter.setPen(pal.color(QPalette::PlaceholderText));
    painter.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap,
                     m_emptyText);
    return;
  }
  const QRect g = gridRect();
  const int cell = g.width() / n;
  if (cell <= 0) return;
  const QFontMetrics fm(font());

  // Axis titles.
  painter.setPen(pal.color(QPalette::WindowText));
  painter.drawText(QRect(g.left(), 0, g.width(), kAxisTitle), Qt::AlignCenter, tr("predicted"));
  painter.save();
  painter.translate(0, g.center().y());
  painter.rotate(-90);
  painter.drawText(QRect(-g.height() / 2, 0, g.height(), kAxisTitle), Qt::AlignCenter, tr("true"));
  painter.restore();

  const QColor hot(200, 40, 40);    // errors
  const QColor good(30, 120, 200);  // the diagonal
  const QColor base = pal.color(QPalette::Base);
  for (int t = 0; t < n; ++t) {
    int64_t rowSum = 0;
    for (int64_t c : m_counts[t]) rowSum += c;
    const QString name = t < m_names.size() ? m_names[t] : QString::number(t);
    painter.setPen(pal.color(QPalette::WindowText));
    painter.drawText(QRect(kAxisTitle, g.top() + t * cell, g.left() - kAxisTitle - 4, cell),
                     Qt::AlignRight | Qt::AlignVCenter,
                     fm.elidedText(name, Qt::ElideRight, g.left() - kAxisTitle - 4));
    painter.drawText(QRect(g.left() + t * cell, kAxisTitle, cell, fm.height()), Qt::AlignCenter,
                     fm.elidedText(name, Qt::ElideRight, cell));
    for (int p = 0; p < n; ++p) {
      const QRect r = cellRect(t, p);
      const int64_t count = p < static_cast<int>(m_counts[t].size()) ? m_counts[t][p] : 0;
      const double rate = rowSum > 0 ? double(count) / double(rowSum) : 0.0;
      // Off-diagonal cells stand out from a low rate already: errors matter at 2 %.
      const double strength = t == p ? rate : std::min(1.0, std::sqrt(rate) * 1.6);
      const QColor tint = t == p ? good : hot;
      const QColor fill =
          QColor::fromRgbF(float(base.redF() + (tint.redF() - base.redF()) * strength),
                           float(base.greenF() + (tint.greenF() - base.greenF()) * strength),
                           float(base.blueF() + (tint.blueF() - base.blueF()) * strength));
      painter.fillRect(r, count == 0 ? base : fill);
      painter.setPen(pal.color(QPalette::Mid));
      painter.drawRect(r.adjusted(0, 0, -1, -1));
      if (count > 0 && cell >= fm.height()) {
        painter.setPen(fill.lightnessF() < 0.55 ? Qt::white : Qt::black);
        painter.drawText(r, Qt::AlignCenter,
                         fm.elidedText(QString::number(count), Qt::ElideRight, cell));
      }
    }
  }
  if (m_selTrue >= 0 && m_selPred >= 0) {
    QPen pen(pal.color(QPalette::Highlight), 3);
    painter.setPen(pen);
    painter.drawRect(cellRect(m_selTrue, m_selPred).adjusted(1, 1, -2, -2));
  }
}

}  // namespace edgewise::gui
