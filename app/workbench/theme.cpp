#include "app/workbench/theme.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>
#include <QProxyStyle>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOption>

namespace edgewise::gui {

QString themeKey(Theme theme) {
  return theme == Theme::Dark ? QStringLiteral("dark") : QStringLiteral("light");
}

Theme themeFromKey(const QString& key) {
  return key == QLatin1String("dark") ? Theme::Dark : Theme::Light;
}

namespace {

const QColor kAccent(0x2a, 0x82, 0xda);
const QString kStyleName = QStringLiteral("edgewise-fusion");

// Fusion outlines check boxes with Window.darker(140), which on a dark palette is the colour
// of Base itself: an unchecked box in the topic tree or channel list vanished. No palette role
// feeds that outline, so the dark theme redraws the border in a colour that stands out from
// Base (the palette's Mid, lightened for dark palettes below).
class EdgewiseStyle : public QProxyStyle {
 public:
  EdgewiseStyle() : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion"))) {
    setObjectName(kStyleName);
  }

  void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                     const QWidget* widget) const override {
    QProxyStyle::drawPrimitive(element, option, painter, widget);
    if (element != PE_IndicatorCheckBox && element != PE_IndicatorItemViewItemCheck) return;
    if (option->palette.color(QPalette::Base).lightness() >= 128) return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setBrush(Qt::NoBrush);
    const bool on = option->state & (State_On | State_NoChange);
    QColor border = option->palette.color(QPalette::Mid);
    if (option->state & State_MouseOver) border = border.lighter(125);
    if (on) border = option->palette.color(QPalette::Highlight).lighter(115);
    if (!(option->state & State_Enabled)) border.setAlphaF(0.5);
    painter->setPen(QPen(border, 1));
    // The same square Fusion fills: its rect minus one pixel, on half-pixel coordinates.
    const QRectF box = QRectF(option->rect).adjusted(0.5, 0.5, -0.5, -0.5);
    painter->drawRect(box);
    painter->restore();
  }
};

QPalette lightPalette(QStyle* style) {
  QPalette p = style->standardPalette();
  p.setColor(QPalette::Window, QColor(0xf3, 0xf4, 0xf6));
  p.setColor(QPalette::Base, Qt::white);
  p.setColor(QPalette::AlternateBase, QColor(0xf7, 0xf8, 0xfa));
  p.setColor(QPalette::Highlight, kAccent);
  p.setColor(QPalette::HighlightedText, Qt::white);
  p.setColor(QPalette::Link, kAccent);
  p.setColor(QPalette::PlaceholderText, QColor(0x6b, 0x72, 0x80));
  return p;
}

QPalette darkPalette() {
  QPalette p;
  const QColor window(0x2b, 0x2d, 0x31);
  const QColor base(0x1f, 0x21, 0x24);
  const QColor text(0xe3, 0xe5, 0xe8);
  const QColor disabled(0x80, 0x84, 0x8a);
  p.setColor(QPalette::Window, window);
  p.setColor(QPalette::WindowText, text);
  p.setColor(QPalette::Base, base);
  p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2c));
  p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x42));
  p.setColor(QPalette::ToolTipText, text);
  p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9f, 0xa6));
  p.setColor(QPalette::Text, text);
  p.setColor(QPalette::Button, QColor(0x35, 0x38, 0x3d));
  p.setColor(QPalette::ButtonText, text);
  p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
  // Light/Midlight/Mid carry bevels, frames and the check-box borders (EdgewiseStyle):
  // clearly lighter than Base (0x1f2124) so edges read on the dark background.
  p.setColor(QPalette::Light, QColor(0x5c, 0x60, 0x67));
  p.setColor(QPalette::Midlight, QColor(0x48, 0x4b, 0x51));
  p.setColor(QPalette::Mid, QColor(0x7a, 0x7f, 0x87));
  p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
  p.setColor(QPalette::Shadow, QColor(0x0c, 0x0c, 0x0d));
  p.setColor(QPalette::Highlight, kAccent);
  p.setColor(QPalette::HighlightedText, Qt::white);
  p.setColor(QPalette::Link, QColor(0x5a, 0xa7, 0xf0));
  for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
    p.setColor(QPalette::Disabled, role, disabled);
  }
  p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x54, 0x5a));
  return p;
}

}  // namespace

void applyTheme(Theme theme) {
  auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
  if (!app) return;
  // Fusion paints from the palette alone, so both themes look the same on every desktop.
  if (QApplication::style()->objectName() != kStyleName) QApplication::setStyle(new EdgewiseStyle);
  QApplication::setPalette(theme == Theme::Dark ? darkPalette()
                                                : lightPalette(QApplication::style()));
}

}  // namespace edgewise::gui
