#include "app/workbench/jobs/jobs_pane.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include "app/workbench/jobs/job_delegate.h"
#include "app/workbench/jobs/job_manager.h"
#include "app/workbench/jobs/job_table_model.h"
#include "app/workbench/tr.h"

namespace edgewise::gui {

JobsPane::JobsPane(JobManager& manager, QWidget* parent) : QWidget(parent), m_manager(manager) {
  setObjectName(QStringLiteral("jobsPane"));
  m_model = new JobTableModel(manager, this);

  m_table = new QTableView(this);
  m_table->setObjectName(QStringLiteral("jobsTable"));
  m_table->setModel(m_model);
  auto* delegate = new JobDelegate(m_table);
  m_table->setItemDelegate(delegate);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::SingleSelection);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->setMouseTracking(true);
  m_table->setShowGrid(false);
  m_table->setAlternatingRowColors(true);
  m_table->verticalHeader()->hide();
  m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 14);
  QHeaderView* header = m_table->horizontalHeader();
  header->setHighlightSections(false);
  header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
  header->setSectionResizeMode(JobTableModel::kTitle, QHeaderView::Interactive);
  header->setSectionResizeMode(JobTableModel::kProgress, QHeaderView::Fixed);
  header->setSectionResizeMode(JobTableModel::kState, QHeaderView::ResizeToContents);
  header->setSectionResizeMode(JobTableModel::kElapsed, QHeaderView::ResizeToContents);
  header->setSectionResizeMode(JobTableModel::kMessage, QHeaderView::Stretch);
  header->setSectionResizeMode(JobTableModel::kCancel, QHeaderView::ResizeToContents);
  m_table->setColumnWidth(JobTableModel::kTitle, 240);
  m_table->setColumnWidth(JobTableModel::kProgress, 180);
  connect(delegate, &JobDelegate::cancelClicked, m_model, &JobTableModel::cancelRow);

  m_empty = new QLabel(this);
  m_empty->setObjectName(QStringLiteral("jobsEmpty"));
  m_empty->setAlignment(Qt::AlignCenter);
  m_empty->setWordWrap(true);
  m_empty->setForegroundRole(QPalette::PlaceholderText);

  m_stack = new QStackedWidget(this);
  m_stack->addWidget(m_empty);
  m_stack->addWidget(m_table);

  m_summary = new QLabel(this);
  m_summary->setObjectName(QStringLiteral("jobsSummary"));
  m_clear = new QPushButton(this);
  m_clear->setObjectName(QStringLiteral("jobsClearFinished"));
  connect(m_clear, &QPushButton::clicked, &m_manager, &JobManager::clearFinished);

  auto* bar = new QHBoxLayout;
  bar->setContentsMargins(8, 4, 8, 0);
  bar->addWidget(m_summary, 1);
  bar->addWidget(m_clear);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(4);
  layout->addLayout(bar);
  layout->addWidget(m_stack, 1);

  connect(m_model, &QAbstractItemModel::rowsInserted, this, &JobsPane::updateSummary);
  connect(m_model, &QAbstractItemModel::modelReset, this, &JobsPane::updateSummary);
  connect(&m_manager, &JobManager::jobFinished, this, &JobsPane::updateSummary);
  connect(&m_manager, &JobManager::jobProgress, this, &JobsPane::updateSummary);
  retranslateUi();
}

void JobsPane::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(event);
}

void JobsPane::retranslateUi() {
  m_empty->setText(
      Tr::tr("No jobs yet.\nLong work such as exports, training and deployments "
             "appears here with its progress and a cancel button."));
  m_clear->setText(Tr::tr("Clear Finished"));
  m_model->retranslate();
  updateSummary();
}

void JobsPane::updateSummary() {
  const int total = m_model->rowCount();
  const int running = m_manager.runningCount();
  m_stack->setCurrentWidget(total == 0 ? static_cast<QWidget*>(m_empty) : m_table);
  m_summary->setText(Tr::tr("%1 running, %2 finished").arg(running).arg(total - running));
  m_clear->setEnabled(total > running);
}

}  // namespace edgewise::gui
