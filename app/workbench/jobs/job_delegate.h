#pragma once
// Paints the progress column as a progress bar and the last column as a cancel button (no
// index widgets: a delegate keeps a table of hundreds of jobs cheap).

#include <QStyledItemDelegate>

namespace edgewise::gui {

class JobDelegate : public QStyledItemDelegate {
  Q_OBJECT
 public:
  using QStyledItemDelegate::QStyledItemDelegate;

  void paint(QPainter* painter, const QStyleOptionViewItem& option,
             const QModelIndex& index) const override;
  QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
  bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                   const QModelIndex& index) override;

 Q_SIGNALS:
  void cancelClicked(int row);

 private:
  static QRect buttonRect(const QRect& cell);
  QPersistentModelIndex m_pressed;
};

}  // namespace edgewise::gui
