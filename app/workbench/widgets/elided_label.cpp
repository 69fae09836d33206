#include "app/workbench/widgets/elided_label.h"

#include <QPainter>
#include <QStyle>

namespace edgewise::gui {

ElidedLabel::ElidedLabel(QWidget* parent, Qt::TextElideMode mode) : QLabel(parent), m_mode(mode) {
  setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  setTextFormat(Qt::PlainText);
}

QSize ElidedLabel::minimumSizeHint() const {
  // Room for a few characters and the ellipsis; the rest comes from the layout's stretch.
  const QSize full = QLabel::minimumSizeHint();
  return {std::min(full.width(), fontMetrics().horizontalAdvance(QLatin1Char('x')) * 8),
          full.height()};
}

void ElidedLabel::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  const QRect area = contentsRect().adjusted(margin(), margin(), -margin(), -margin());
  const QString shown = fontMetrics().elidedText(text(), m_mode, area.width());
  m_elided = shown != text();
  style()->drawItemText(&painter, area, QStyle::visualAlignment(layoutDirection(), alignment()),
                        palette(), isEnabled(), shown, foregroundRole());
}

}  // namespace edgewise::gui
