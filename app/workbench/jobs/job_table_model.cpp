#include "app/workbench/jobs/job_table_model.h"

#include <QApplication>
#include <QPalette>

#include "app/workbench/tr.h"

namespace edgewise::gui {

JobTableModel::JobTableModel(JobManager& manager, QObject* parent)
    : QAbstractTableModel(parent), m_manager(manager) {
  m_rows = m_manager.snapshot();
  connect(&m_manager, &JobManager::jobAdded, this, [this](int id) {
    auto info = m_manager.job(id);
    if (!info) return;
    const int row = static_cast<int>(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.push_back(*info);
    endInsertRows();
  });
  connect(&m_manager, &JobManager::jobProgress, this, [this](int id) { refreshRow(id); });
  connect(&m_manager, &JobManager::jobFinished, this, [this](int id) { refreshRow(id); });
  connect(&m_manager, &JobManager::jobsCleared, this, &JobTableModel::reload);

  // Elapsed time of running jobs ticks even when a job reports no progress for a while.
  m_elapsedTimer.setInterval(250);
  connect(&m_elapsedTimer, &QTimer::timeout, this, [this] {
    for (const JobInfo& info : m_rows) {
      if (!JobManager::isFinished(info.state)) refreshRow(info.id);
    }
  });
  m_elapsedTimer.start();
}

int JobTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int JobTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : kColumnCount;
}

QString JobTableModel::formatElapsed(qint64 ms) {
  const qint64 s = ms / 1000;
  if (s < 60) return Tr::tr("%1 s").arg(QString::number(ms / 1000.0, 'f', 1));
  if (s < 3600) {
    return Tr::tr("%1:%2 min").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
  }
  return Tr::tr("%1:%2 h").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QVariant JobTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= static_cast<int>(m_rows.size())) return {};
  const JobInfo& job = m_rows[static_cast<size_t>(index.row())];
  if (role == kJobIdRole) return job.id;
  if (role == kStateRole) return static_cast<int>(job.state);
  switch (index.column()) {
    case kTitle:
      if (role == Qt::DisplayRole || role == Qt::ToolTipRole) return job.title;
      break;
    case kProgress:
      if (role == kFractionRole) return job.progress;
      if (role == Qt::DisplayRole)
        return QString(QString::number(qRound(job.progress * 100)) + u" %");
      break;
    case kState:
      if (role == Qt::DisplayRole) return toDisplayString(job.state);
      if (role == Qt::ForegroundRole) {
        if (job.state == JobState::Failed) return QColor(0xd0, 0x3a, 0x3a);
        if (job.state == JobState::Succeeded) return QColor(0x2f, 0x9e, 0x5b);
        if (job.state == JobState::Cancelled) {
          return QApplication::palette().color(QPalette::Disabled, QPalette::Text);
        }
      }
      break;
    case kElapsed:
      if (role == Qt::DisplayRole) return formatElapsed(job.elapsedMs);
      if (role == Qt::TextAlignmentRole) return int(Qt::AlignRight | Qt::AlignVCenter);
      break;
    case kMessage:
      if (role == Qt::DisplayRole || role == Qt::ToolTipRole) return job.message;
      break;
    case kCancel:
      if (role == kCancellableRole) return !JobManager::isFinished(job.state);
      if (role == Qt::ToolTipRole) return Tr::tr("Cancel this job");
      break;
    default:
      break;
  }
  return {};
}

QVariant JobTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case kTitle:
      return Tr::tr("Job");
    case kProgress:
      return Tr::tr("Progress");
    case kState:
      return Tr::tr("State");
    case kElapsed:
      return Tr::tr("Elapsed");
    case kMessage:
      return Tr::tr("Details");
    case kCancel:
      return QString();
    default:
      return {};
  }
}

void JobTableModel::cancelRow(int row) {
  if (row < 0 || row >= static_cast<int>(m_rows.size())) return;
  m_manager.cancel(m_rows[static_cast<size_t>(row)].id);
}

void JobTableModel::retranslate() {
  Q_EMIT headerDataChanged(Qt::Horizontal, 0, kColumnCount - 1);
  if (!m_rows.empty()) Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, kColumnCount - 1));
}

void JobTableModel::reload() {
  beginResetModel();
  m_rows = m_manager.snapshot();
  endResetModel();
}

int JobTableModel::rowOf(int id) const {
  for (size_t i = 0; i < m_rows.size(); ++i) {
    if (m_rows[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

void JobTableModel::refreshRow(int id) {
  const int row = rowOf(id);
  auto info = m_manager.job(id);
  if (row < 0 || !info) return;
  m_rows[static_cast<size_t>(row)] = *info;
  Q_EMIT dataChanged(index(row, 0), index(row, kColumnCount - 1));
}

}  // namespace edgewise::gui
