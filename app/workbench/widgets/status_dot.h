#pragma once
// A small coloured dot plus text for the status bar (broker connection state).
#include <QColor>
#include <QWidget>

class QLabel;

namespace edgewise::gui {

class StatusDot : public QWidget {
  Q_OBJECT
 public:
  explicit StatusDot(QWidget* parent = nullptr);
  void setStatus(const QColor& color, const QString& text);
  QString text() const;

 private:
  QLabel* m_dot = nullptr;
  QLabel* m_text = nullptr;
  QColor m_color;
};

}  // namespace edgewise::gui
