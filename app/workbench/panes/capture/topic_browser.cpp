#include "app/workbench/panes/capture/topic_browser.h"

#include <QClipboard>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>

#include "app/workbench/panes/capture/capture_format.h"
#include "app/workbench/panes/capture/topic_tree_model.h"
#include "app/workbench/widgets/elided_label.h"
#include "core/capture/decoder_registry.h"

namespace edgewise::gui {

namespace {
// Decoders whose payloads do not describe their own layout.
bool needsLayout(const QString& id) {
  return id.startsWith(QStringLiteral("raw")) || id.startsWith(QStringLiteral("pcm")) ||
         id == QStringLiteral("csv");
}
}  // namespace

TopicBrowser::TopicBrowser(capture::CaptureSession& session, QWidget* parent)
    : QWidget(parent), m_session(session) {
  m_model = new TopicTreeModel(this);
  m_proxy = new QSortFilterProxyModel(this);
  m_proxy->setSourceModel(m_model);
  m_proxy->setRecursiveFilteringEnabled(true);
  m_proxy->setFilterRole(TopicTreeModel::FullTopicRole);
  m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
  m_proxy->setSortRole(TopicTreeModel::SortRole);

  m_filter = new QLineEdit(this);
  m_filter->setObjectName(QStringLiteral("topicFilter"));
  m_filter->setClearButtonEnabled(true);
  connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
    m_proxy->setFilterFixedString(text);
    if (!text.isEmpty()) m_view->expandAll();
  });

  m_view = new QTreeView(this);
  m_view->setObjectName(QStringLiteral("topicTree"));
  m_view->setModel(m_proxy);
  m_view->setUniformRowHeights(true);
  m_view->setAlternatingRowColors(true);
  m_view->setSortingEnabled(true);
  m_view->sortByColumn(TopicTreeModel::TopicColumn, Qt::AscendingOrder);
  m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
  m_view->setContextMenuPolicy(Qt::CustomContextMenu);
  m_view->header()->setStretchLastSection(true);
  m_view->setColumnWidth(TopicTreeModel::TopicColumn, 150);
  for (int c = TopicTreeModel::MessagesColumn; c <= TopicTreeModel::ErrorsColumn; ++c)
    m_view->setColumnWidth(c, c == TopicTreeModel::ErrorsColumn ? 52 : 64);
  m_view->setColumnWidth(TopicTreeModel::DecoderColumn, 64);
  connect(m_view, &QTreeView::customContextMenuRequested, this, &TopicBrowser::showContextMenu);
  connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex& idx) {
    Q_EMIT plotRequested({idx.data(TopicTreeModel::FullTopicRole).toString()});
  });

  m_summary = new ElidedLabel(this);
  m_summary->setObjectName(QStringLiteral("topicSummary"));

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_filter);
  layout->addWidget(m_view, 1);
  layout->addWidget(m_summary);
  retranslateUi();
}

void TopicBrowser::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(event);
}

void TopicBrowser::retranslateUi() {
  m_filter->setPlaceholderText(tr("Filter topics"));
  m_model->retranslate();
  // Narrow numeric columns, but never narrower than their (translated) header.
  for (int c = TopicTreeModel::MessagesColumn; c <= TopicTreeModel::DecoderColumn; ++c) {
    const int base = c == TopicTreeModel::ErrorsColumn ? 52 : 64;
    m_view->setColumnWidth(c, std::max(base, m_view->header()->sectionSizeHint(c)));
  }
  if (m_model->topicCount() > 0) refresh();
}

void TopicBrowser::refresh() {
  m_model->update(m_session.topicStats());
  if (!m_expandedOnce && m_model->topicCount() > 0) {
    // First topics: open the tree two levels deep (edgewise/<device>) so leaves show.
    m_expandedOnce = true;
    m_view->expandToDepth(1);
  }
  const capture::SessionCounters c = m_session.counters();
  m_summary->setText(tr("%1 topics, %2 messages, %3 decode errors")
                         .arg(m_model->topicCount())
                         .arg(formatCount(c.received), formatCount(c.decodeErrors)));
}

QStringList TopicBrowser::selectedTopics() const {
  QStringList out;
  for (const QModelIndex& idx : m_view->selectionModel()->selectedRows())
    out << idx.data(TopicTreeModel::FullTopicRole).toString();
  return out;
}

void TopicBrowser::setDecoder(const QString& topic, const QString& decoderId,
                              const capture::DecoderOptions& options) {
  if (decoderId.isEmpty()) {
    m_session.clearDecoderOverride(topic.toStdString());
    Q_EMIT statusMessage(tr("%1: decoder chosen automatically").arg(topic));
    return;
  }
  m_session.setDecoderOverride(topic.toStdString(), decoderId.toStdString(), options);
  Q_EMIT statusMessage(tr("%1: decoded as %2").arg(topic, decoderId));
}

void TopicBrowser::chooseDecoder(const QString& topic, const QString& decoderId) {
  capture::DecoderOptions options;
  if (needsLayout(decoderId)) {
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Decoder layout for %1").arg(topic));
    auto* channels = new QSpinBox(&dialog);
    channels->setRange(1, 1024);
    channels->setValue(1);
    auto* rate = new QDoubleSpinBox(&dialog);
    rate->setRange(0, 1e6);
    rate->setDecimals(1);
    rate->setSuffix(tr(" Hz"));
    rate->setSpecialValueText(tr("unknown"));
    rate->setValue(decoderId.startsWith(QStringLiteral("pcm")) ? 16000 : 0);
    auto* names = new QLineEdit(&dialog);
    names->setPlaceholderText(tr("ax, ay, az (optional)"));
    auto* form = new QFormLayout(&dialog);
    form->addRow(tr("Channels:"), channels);
    form->addRow(tr("Sample rate:"), rate);
    form->addRow(tr("Channel names:"), names);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted) return;
    options.channelCount = channels->value();
    options.sampleRateHz = rate->value();
    for (const QString& n : names->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
      options.channelNames.push_back(n.trimmed().toStdString());
  }
  setDecoder(topic, decoderId, options);
}

void TopicBrowser::showContextMenu(const QPoint& pos) {
  const QModelIndex idx = m_view->indexAt(pos);
  if (!idx.isValid()) return;
  const QString topic = idx.data(TopicTreeModel::FullTopicRole).toString();
  const bool isTopic = idx.data(TopicTreeModel::IsTopicRole).toBool();
  QMenu menu(this);
  QStringList plotTopics = selectedTopics();
  if (!plotTopics.contains(topic)) plotTopics = {topic};
  menu.addAction(tr("Plot"), this, [this, plotTopics] { Q_EMIT plotRequested(plotTopics); });
  menu.addAction(tr("Record this topic"), this,
                 [this, topic] { Q_EMIT recordTopicRequested(topic); });
  QMenu* decoders = menu.addMenu(tr("Decoder"));
  decoders->setEnabled(isTopic || m_model->rowCount() > 0);
  decoders->addAction(tr("Automatic"), this, [this, topic] { setDecoder(topic, QString()); });
  decoders->addSeparator();
  const auto stats = m_model->statsFor(topic);
  for (const capture::PayloadDecoder* d : capture::DecoderRegistry::instance().all()) {
    const QString id = toQString(d->id());
    QAction* a =
        decoders->addAction(toQString(d->name()) + QStringLiteral(" (") + id + QLatin1Char(')') +
                            (needsLayout(id) ? QStringLiteral("...") : QString()));
    a->setCheckable(true);
    a->setChecked(stats && toQString(stats->decoderId) == id);
    connect(a, &QAction::triggered, this, [this, topic, id] { chooseDecoder(topic, id); });
  }
  menu.addSeparator();
  menu.addAction(tr("Copy topic"), this, [topic] { QGuiApplication::clipboard()->setText(topic); });
  menu.exec(m_view->viewport()->mapToGlobal(pos));
}

}  // namespace edgewise::gui
