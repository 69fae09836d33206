#include "app/workbench/panes/capture/quarantine_view.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include "app/workbench/panes/capture/capture_format.h"
#include "core/store/project.h"
#include "core/store/quarantine_repository.h"

namespace edgewise::gui {

QuarantineView::QuarantineView(QWidget* parent) : QWidget(parent) {
  m_total = new QLabel(this);
  // Wrapped: the German and Chinese totals are long and must not widen the pane.
  m_total->setWordWrap(true);
  m_total->setObjectName(QStringLiteral("quarantineTotal"));
  m_table = new QTableWidget(0, 5, this);
  m_table->setObjectName(QStringLiteral("quarantineTable"));
  m_table->horizontalHeader()->setStretchLastSection(true);
  m_table->verticalHeader()->hide();
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setAlternatingRowColors(true);
  m_table->setColumnWidth(0, 140);
  m_table->setColumnWidth(1, 180);
  m_table->setColumnWidth(2, 60);
  m_table->setColumnWidth(3, 260);
  m_detail = new QPlainTextEdit(this);
  m_detail->setReadOnly(true);
  m_detail->setFont(QFont(QStringLiteral("monospace")));
  connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) {
    m_detail->setPlainText(row >= 0 && m_table->item(row, 4)
                               ? m_table->item(row, 3)->text() + QStringLiteral("\n\n") +
                                     m_table->item(row, 4)->data(Qt::UserRole).toString()
                               : QString());
  });
  auto* splitter = new QSplitter(Qt::Vertical, this);
  splitter->addWidget(m_table);
  splitter->addWidget(m_detail);
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_total);
  layout->addWidget(splitter, 1);
  retranslateUi();
  refresh(nullptr, 0);
}

void QuarantineView::changeEvent(QEvent* event) {
  // The totals line is rewritten by the pane's next refresh (it knows the project).
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(event);
}

void QuarantineView::retranslateUi() {
  m_table->setHorizontalHeaderLabels(
      {tr("Time"), tr("Topic"), tr("Decoder"), tr("Error"), tr("Payload")});
  m_detail->setPlaceholderText(tr("Select a row to see its error and payload"));
}

int QuarantineView::rowCount() const {
  return m_table->rowCount();
}

QString QuarantineView::preview(const std::vector<uint8_t>& bytes, int maxBytes) {
  const size_t n = std::min(bytes.size(), static_cast<size_t>(maxBytes));
  size_t printable = 0;
  for (size_t i = 0; i < n; ++i)
    if ((bytes[i] >= 0x20 && bytes[i] < 0x7f) || bytes[i] == '\n' || bytes[i] == '\t') ++printable;
  QString out;
  if (n > 0 && printable * 10 >= n * 9) {
    out = QString::fromUtf8(reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(n));
    out.replace(QLatin1Char('\n'), QLatin1Char(' '));
  } else {
    out = QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(n))
            .toHex(' '));
  }
  if (bytes.size() > n) out += QStringLiteral(" \u2026");
  return out;
}

void QuarantineView::refresh(store::Project* project, int64_t sessionErrors) {
  if (!project) {
    m_table->setRowCount(0);
    m_storedCount = 0;
    m_newestId = -1;
    m_total->setText(tr("No project open: malformed payloads are counted (%1 this session) "
                        "but not kept.")
                         .arg(formatCount(sessionErrors)));
    return;
  }
  auto count = project->quarantine().count();
  m_storedCount = count.ok() ? count.value() : 0;
  m_total->setText(tr("%1 malformed payloads kept in the project, %2 decode errors this session")
                       .arg(formatCount(m_storedCount), formatCount(sessionErrors)));
  auto rows = project->quarantine().list(kShownRows);
  if (!rows.ok()) {
    m_total->setText(
        tr("Could not read the quarantine: %1").arg(toQString(rows.error().toString())));
    return;
  }
  const auto& list = rows.value();
  const int64_t newest = list.empty() ? 0 : list.front().id;
  if (newest == m_newestId && m_table->rowCount() == static_cast<int>(list.size())) return;
  m_newestId = newest;
  m_table->setRowCount(static_cast<int>(list.size()));
  for (int i = 0; i < static_cast<int>(list.size()); ++i) {
    const auto& m = list[static_cast<size_t>(i)];
    auto* time = new QTableWidgetItem(formatTimeUs(m.arrivalUs));
    auto* topic = new QTableWidgetItem(toQString(m.topic));
    auto* decoder = new QTableWidgetItem(toQString(m.decoderId));
    auto* error = new QTableWidgetItem(toQString(m.error));
    error->setForeground(QColor(0xe5, 0x48, 0x4d));
    error->setToolTip(toQString(m.error));
    auto* payload = new QTableWidgetItem(preview(m.payload));
    payload->setFont(QFont(QStringLiteral("monospace")));
    payload->setData(Qt::UserRole,
                     QString(preview(m.payload, 4096) + tr("\n(%1 bytes)").arg(m.payloadSize)));
    m_table->setItem(i, 0, time);
    m_table->setItem(i, 1, topic);
    m_table->setItem(i, 2, decoder);
    m_table->setItem(i, 3, error);
    m_table->setItem(i, 4, payload);
  }
}

}  // namespace edgewise::gui
