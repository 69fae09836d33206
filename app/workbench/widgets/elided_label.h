#pragma once
// A one-line QLabel that elides its text ("Connected to tcp://very-long…") instead of
// demanding the whole text's width: status texts must never widen a pane or the window.
// text() still returns the full text; the tool tip shows it when it is cut.
#include <QLabel>

namespace edgewise::gui {

class ElidedLabel : public QLabel {
  Q_OBJECT
 public:
  explicit ElidedLabel(QWidget* parent = nullptr, Qt::TextElideMode mode = Qt::ElideRight);

  QSize minimumSizeHint() const override;
  // True when the last paint had to cut the text.
  bool isElided() const { return m_elided; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  Qt::TextElideMode m_mode;
  bool m_elided = false;
};

}  // namespace edgewise::gui
