#include "app/workbench/panes/placeholder_pane.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

#include "app/workbench/tr.h"

using namespace Qt::StringLiterals;

namespace edgewise::gui {

PlaceholderPane::PlaceholderPane(PlaceholderContent content, QWidget* parent)
    : QWidget(parent), m_content(std::move(content)) {
  setObjectName(QStringLiteral("placeholderPane"));

  m_icon = new QLabel(this);
  m_icon->setPixmap(QIcon(m_content.iconPath).pixmap(QSize(56, 56)));
  m_icon->setFixedSize(64, 64);
  m_icon->setAlignment(Qt::AlignCenter);

  m_title = new QLabel(this);
  QFont titleFont = m_title->font();
  titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
  titleFont.setWeight(QFont::DemiBold);
  m_title->setFont(titleFont);

  // A small "coming" badge so nobody mistakes the pane for a broken one.
  m_badge = new QLabel(this);
  m_badge->setObjectName(QStringLiteral("placeholderBadge"));
  m_badge->setStyleSheet(
      QStringLiteral("QLabel#placeholderBadge { border: 1px solid palette(mid); border-radius: 8px;"
                     " padding: 1px 8px; color: palette(highlight); }"));

  m_summary = new QLabel(this);
  m_summary->setObjectName(QStringLiteral("placeholderSummary"));
  m_summary->setWordWrap(true);
  m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

  m_features = new QLabel(this);
  m_features->setWordWrap(true);
  m_features->setTextFormat(Qt::RichText);
  m_features->setForegroundRole(QPalette::PlaceholderText);

  auto* titleColumn = new QVBoxLayout;
  titleColumn->setSpacing(4);
  titleColumn->addWidget(m_title);
  auto* badgeRow = new QHBoxLayout;
  badgeRow->addWidget(m_badge);
  badgeRow->addStretch(1);
  titleColumn->addLayout(badgeRow);

  auto* heading = new QHBoxLayout;
  heading->setSpacing(14);
  heading->addWidget(m_icon, 0, Qt::AlignTop);
  heading->addLayout(titleColumn, 1);

  auto* line = new QFrame(this);
  line->setFrameShape(QFrame::HLine);
  line->setFrameShadow(QFrame::Sunken);

  auto* card = new QVBoxLayout;
  card->setSpacing(12);
  card->addLayout(heading);
  card->addWidget(line);
  card->addWidget(m_summary);
  card->addWidget(m_features);

  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(28, 24, 28, 24);
  outer->addLayout(card);
  outer->addStretch(1);
  retranslateUi();
}

QString PlaceholderPane::summaryText() const {
  return m_summary->text();
}

void PlaceholderPane::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(event);
}

void PlaceholderPane::retranslateUi() {
  m_title->setText(m_content.title ? m_content.title() : QString());
  m_badge->setText(Tr::tr("Planned"));
  m_summary->setText(m_content.summary ? m_content.summary() : QString());
  QString list;
  if (m_content.features) {
    const QStringList features = m_content.features();
    if (!features.isEmpty()) {
      list = u"<p style='margin-bottom:4px'><b>"_s + Tr::tr("What it will do").toHtmlEscaped() +
             u"</b></p><ul style='margin-left:-20px'>"_s;
      for (const QString& f : features)
        list += u"<li style='margin-bottom:3px'>"_s + f.toHtmlEscaped() + u"</li>"_s;
      list += u"</ul>"_s;
    }
  }
  m_features->setText(list);
}

}  // namespace edgewise::gui
