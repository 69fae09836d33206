#include "app/workbench/jobs/job_delegate.h"

#include <QApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QStyleOptionButton>
#include <QStyleOptionProgressBar>

#include "app/workbench/jobs/job_table_model.h"
#include "app/workbench/tr.h"

namespace edgewise::gui {

QRect JobDelegate::buttonRect(const QRect& cell) {
  return cell.adjusted(4, 3, -4, -3);
}

void JobDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                        const QModelIndex& index) const {
  QStyle* style = option.widget ? option.widget->style() : QApplication::style();
  if (index.column() == JobTableModel::kProgress) {
    // Background (selection) first, then the bar inset so rows do not touch.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);

    QStyleOptionProgressBar bar;
    bar.rect = option.rect.adjusted(4, 4, -4, -4);
    bar.minimum = 0;
    bar.maximum = 1000;
    bar.progress = qRound(index.data(JobTableModel::kFractionRole).toDouble() * 1000);
    bar.text = index.data(Qt::DisplayRole).toString();
    bar.textVisible = true;
    bar.textAlignment = Qt::AlignCenter;
    bar.state = option.state | QStyle::State_Horizontal;
    bar.palette = option.palette;
    const auto state = static_cast<JobState>(index.data(JobTableModel::kStateRole).toInt());
    if (state == JobState::Failed) {
      bar.palette.setColor(QPalette::Highlight, QColor(0xd0, 0x3a, 0x3a));
    } else if (state == JobState::Cancelled) {
      bar.palette.setColor(QPalette::Highlight, option.palette.color(QPalette::Mid));
    } else if (state == JobState::Succeeded) {
      bar.palette.setColor(QPalette::Highlight, QColor(0x2f, 0x9e, 0x5b));
    }
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, option.widget);
    return;
  }
  if (index.column() == JobTableModel::kCancel) {
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);
    if (!index.data(JobTableModel::kCancellableRole).toBool()) return;
    QStyleOptionButton button;
    button.rect = buttonRect(option.rect);
    button.text = Tr::tr("Cancel");
    button.state = QStyle::State_Enabled | QStyle::State_Raised;
    if (m_pressed == index) button.state |= QStyle::State_Sunken;
    if (option.state & QStyle::State_MouseOver) button.state |= QStyle::State_MouseOver;
    button.palette = option.palette;
    style->drawControl(QStyle::CE_PushButton, &button, painter, option.widget);
    return;
  }
  QStyledItemDelegate::paint(painter, option, index);
}

QSize JobDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
  QSize size = QStyledItemDelegate::sizeHint(option, index);
  if (index.column() == JobTableModel::kProgress) size.setWidth(std::max(size.width(), 160));
  if (index.column() == JobTableModel::kCancel) {
    const int text = option.fontMetrics.horizontalAdvance(Tr::tr("Cancel"));
    size.setWidth(text + 36);
  }
  size.setHeight(std::max(size.height(), option.fontMetrics.height() + 14));
  return size;
}

bool JobDelegate::editorEvent(QEvent* event, QAbstractItemModel* model,
                              const QStyleOptionViewItem& option, const QModelIndex& index) {
  if (index.column() != JobTableModel::kCancel ||
      !index.data(JobTableModel::kCancellableRole).toBool()) {
    return QStyledItemDelegate::editorEvent(event, model, option, index);
  }
  if (event->type() == QEvent::MouseButtonPress) {
    auto* mouse = static_cast<QMouseEvent*>(event);
    if (buttonRect(option.rect).contains(mouse->position().toPoint())) {
      m_pressed = index;
      return true;
    }
  } else if (event->type() == QEvent::MouseButtonRelease) {
    auto* mouse = static_cast<QMouseEvent*>(event);
    const bool wasPressed = m_pressed == index;
    m_pressed = QPersistentModelIndex();
    if (wasPressed && buttonRect(option.rect).contains(mouse->position().toPoint())) {
      Q_EMIT cancelClicked(index.row());
      return true;
    }
  }
  return QStyledItemDelegate::editorEvent(event, model, option, index);
}

}  // namespace edgewise::gui
