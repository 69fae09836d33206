#include "app/workbench/widgets/status_dot.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>

namespace edgewise::gui {

StatusDot::StatusDot(QWidget* parent) : QWidget(parent) {
  m_dot = new QLabel(this);
  m_text = new QLabel(this);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(6, 0, 6, 0);
  layout->setSpacing(6);
  layout->addWidget(m_dot);
  layout->addWidget(m_text);
}

void StatusDot::setStatus(const QColor& color, const QString& text) {
  if (color != m_color) {
    m_color = color;
    const qreal dpr = devicePixelRatioF();
    QPixmap pixmap(QSize(10, 10) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(1, 1, 8, 8));
    m_dot->setPixmap(pixmap);
  }
  m_text->setText(text);
}

QString StatusDot::text() const {
  return m_text->text();
}

}  // namespace edgewise::gui
