#include "app/workbench/panes/capture/recordings_model.h"

#include <QBrush>
#include <QColor>

#include "app/workbench/panes/capture/capture_format.h"
#include "core/store/project.h"

namespace edgewise::gui {

RecordingsModel::RecordingsModel(QObject* parent) : QAbstractTableModel(parent) {}

void RecordingsModel::setProject(store::Project* project) {
  m_project = project;
  (void)refresh();
}

Result<void> RecordingsModel::refresh() {
  std::vector<store::RecordingSummary> rows;
  if (m_project) {
    auto listed = m_project->recordings().list();
    if (!listed.ok()) {
      Q_EMIT errorOccurred(
          tr("Could not list the recordings: %1").arg(toQString(listed.error().toString())));
      return listed.error();
    }
    rows = std::move(listed.value());
  }
  // Rows are matched by id so a refresh keeps the view's selection where ids survive.
  beginResetModel();
  m_rows = std::move(rows);
  endResetModel();
  return {};
}

int64_t RecordingsModel::idAt(int row) const {
  return row >= 0 && row < rowCount() ? m_rows[static_cast<size_t>(row)].id : 0;
}

int RecordingsModel::rowForId(int64_t id) const {
  for (size_t i = 0; i < m_rows.size(); ++i)
    if (m_rows[i].id == id) return static_cast<int>(i);
  return -1;
}

const store::RecordingSummary* RecordingsModel::summary(int row) const {
  return row >= 0 && row < rowCount() ? &m_rows[static_cast<size_t>(row)] : nullptr;
}

Result<void> RecordingsModel::rename(int64_t id, const QString& name) {
  if (!m_project) return Error(tr("No project is open.").toStdString());
  const QString trimmed = name.trimmed();
  if (trimmed.isEmpty()) return Error(tr("A recording needs a name.").toStdString());
  Result<void> r = m_project->recordings().rename(id, trimmed.toStdString());
  if (!r.ok()) {
    Q_EMIT errorOccurred(
        tr("Could not rename the recording: %1").arg(toQString(r.error().toString())));
    return r;
  }
  const int row = rowForId(id);
  if (row >= 0) {
    m_rows[static_cast<size_t>(row)].name = trimmed.toStdString();
    Q_EMIT dataChanged(index(row, NameColumn), index(row, NameColumn));
  }
  Q_EMIT recordingsEdited();
  return {};
}

Result<void> RecordingsModel::remove(int64_t id) {
  if (!m_project) return Error(tr("No project is open.").toStdString());
  Result<void> r = m_project->recordings().remove(id);
  if (!r.ok()) {
    Q_EMIT errorOccurred(
        tr("Could not delete the recording: %1").arg(toQString(r.error().toString())));
    return r;
  }
  const int row = rowForId(id);
  if (row >= 0) {
    beginRemoveRows({}, row, row);
    m_rows.erase(m_rows.begin() + row);
    endRemoveRows();
  }
  Q_EMIT recordingsEdited();
  return {};
}

int RecordingsModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RecordingsModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecordingsModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const auto& r = m_rows[static_cast<size_t>(index.row())];
  const int col = index.column();
  if (role == Qt::DisplayRole || role == Qt::EditRole) {
    switch (col) {
      case NameColumn:
        return toQString(r.name);
      case StatusColumn:
        return recordingStatusText(r.status);
      case StartedColumn:
        return formatTimeUs(r.startUs > 0 ? r.startUs : r.createdUs);
      case DurationColumn:
        return formatDuration(r.durationSeconds());
      case StreamsColumn:
        return r.streamCount;
      case SamplesColumn:
        return formatCount(r.sampleCount);
      case MessagesColumn:
        return formatCount(r.messageCount);
      case SizeColumn:
        return formatBytes(r.sizeBytes);
    }
  }
  if (role == SortRole) {
    switch (col) {
      case NameColumn:
        return toQString(r.name).toLower();
      case StatusColumn:
        return static_cast<int>(r.status);
      case StartedColumn:
        return static_cast<qlonglong>(r.startUs > 0 ? r.startUs : r.createdUs);
      case DurationColumn:
        return r.durationSeconds();
      case StreamsColumn:
        return r.streamCount;
      case SamplesColumn:
        return static_cast<qlonglong>(r.sampleCount);
      case MessagesColumn:
        return static_cast<qlonglong>(r.messageCount);
      case SizeColumn:
        return static_cast<qlonglong>(r.sizeBytes);
    }
  }
  if (role == IdRole) return static_cast<qlonglong>(r.id);
  if (role == Qt::TextAlignmentRole && col >= DurationColumn)
    return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
  if (role == Qt::ForegroundRole && col == StatusColumn) {
    if (r.status == store::RecordingStatus::Interrupted) return QBrush(QColor(0xe5, 0x48, 0x4d));
    if (r.status == store::RecordingStatus::Recording) return QBrush(QColor(0xe0, 0xa8, 0x00));
  }
  if (role == Qt::ToolTipRole && col == StatusColumn &&
      r.status == store::RecordingStatus::Interrupted)
    return tr("The application stopped while recording; everything committed before is kept.");
  return {};
}

bool RecordingsModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (!index.isValid() || role != Qt::EditRole || index.column() != NameColumn) return false;
  return rename(idAt(index.row()), value.toString()).ok();
}

Qt::ItemFlags RecordingsModel::flags(const QModelIndex& index) const {
  if (!index.isValid()) return Qt::NoItemFlags;
  Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
  if (index.column() == NameColumn) f |= Qt::ItemIsEditable;
  return f;
}

void RecordingsModel::retranslate() {
  Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
  if (rowCount() > 0) Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

QVariant RecordingsModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case NameColumn:
      return tr("Name");
    case StatusColumn:
      return tr("Status");
    case StartedColumn:
      return tr("Started");
    case DurationColumn:
      return tr("Duration");
    case StreamsColumn:
      return tr("Streams");
    case SamplesColumn:
      return tr("Samples");
    case MessagesColumn:
      return tr("Messages");
    case SizeColumn:
      return tr("Size");
  }
  return {};
}

}  // namespace edgewise::gui
