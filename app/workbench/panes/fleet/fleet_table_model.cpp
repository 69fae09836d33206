#include "app/workbench/panes/fleet/fleet_table_model.h"

#include <QColor>
#include <QDateTime>
#include <QIcon>
#include <QPainter>
#include <QPixmap>

#include "core/util/clock.h"

namespace edgewise::gui {

namespace {

QIcon dot(const QColor& color) {
  QPixmap pm(12, 12);
  pm.fill(Qt::transparent);
  QPainter p(&pm);
  p.setRenderHint(QPainter::Antialiasing);
  p.setBrush(color);
  p.setPen(color.darker(130));
  p.drawEllipse(1, 1, 10, 10);
  return QIcon(pm);
}

QString ms(const std::optional<double>& us) {
  if (!us) return {};
  // Three significant digits: a kNN answers in microseconds, a CNN in tens of milliseconds.
  return QString::number(*us / 1000.0, 'g', 3);
}

}  // namespace

FleetTableModel::FleetTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void FleetTableModel::setRows(std::vector<FleetRow> rows) {
  if (rows.size() == m_rows.size() && !rows.empty()) {
    bool sameIds = true;
    for (size_t i = 0; i < rows.size() && sameIds; ++i) sameIds = rows[i].id == m_rows[i].id;
    if (sameIds) {  // keep the selection and scroll position: only the values changed
      m_rows = std::move(rows);
      Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
      return;
    }
  }
  beginResetModel();
  m_rows = std::move(rows);
  endResetModel();
}

const FleetRow* FleetTableModel::row(int r) const {
  return r >= 0 && r < rowCount() ? &m_rows[static_cast<size_t>(r)] : nullptr;
}

int FleetTableModel::rowOf(const QString& id) const {
  for (size_t i = 0; i < m_rows.size(); ++i)
    if (m_rows[i].id == id) return static_cast<int>(i);
  return -1;
}

int FleetTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int FleetTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QString FleetTableModel::ago(qint64 us, qint64 nowUs) {
  if (us <= 0) return tr("never");
  const qint64 s = (nowUs - us) / 1000000;
  if (s < 0) return tr("just now");
  if (s < 60) return tr("%n s ago", nullptr, static_cast<int>(s));
  if (s < 3600) return tr("%n min ago", nullptr, static_cast<int>(s / 60));
  return QDateTime::fromMSecsSinceEpoch(us / 1000).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QVariant FleetTableModel::data(const QModelIndex& index, int role) const {
  const FleetRow* r = row(index.row());
  if (!r) return {};
  const int c = index.column();
  if (role == Qt::DecorationRole && c == Status) {
    static const QIcon on = dot(QColor(0x2e, 0xa0, 0x43)), off = dot(QColor(0xb0, 0xb0, 0xb0));
    return r->online ? on : off;
  }
  if (role == Qt::DecorationRole && c == Device && !r->changedKeyId.isEmpty()) {
    static const QIcon warning = dot(QColor(0xc0, 0x39, 0x2b));
    return warning;
  }
  if (role == Qt::ForegroundRole && c == Device && !r->changedKeyId.isEmpty())
    return QColor(0xc0, 0x39, 0x2b);
  if (role == Qt::DecorationRole && c == Drift && r->driftAlarms > 0) {
    static const QIcon alarm = dot(QColor(0xd9, 0x7b, 0x00));
    return alarm;
  }
  if (role == Qt::ToolTipRole) {
    if (c == Status) return r->online ? tr("online") : r->offlineReason;
    if (c == Model) return r->modelJson;
    if (c == Device && !r->changedKeyId.isEmpty()) return keyChangedText(*r);
    if (c == Device && !r->keyId.isEmpty()) return tr("Identity key %1").arg(r->keyId);
    if (c == Drift && r->driftAlarms > 0)
      return tr("%n unacknowledged drift alarm(s)", nullptr, r->driftAlarms);
    return {};
  }
  if (role == Qt::TextAlignmentRole && (c == P50 || c == P99 || c == Cpu))
    return QVariant(Qt::AlignRight | Qt::AlignVCenter);
  if (role == Qt::DisplayRole) {
    switch (c) {
      case Status:
        return r->online ? tr("online") : tr("offline");
      case Device:
        return r->id;
      case Class:
        return r->deviceClass;
      case Tags:
        return r->tags.join(QStringLiteral(", "));
      case LastSeen:
        return ago(r->lastSeenUs, util::wallClockUs());
      case Hardware:
        return r->hardware;
      case Model:
        return r->model.isEmpty() ? tr("none") : r->model;
      case P50:
        return ms(r->p50Us);
      case P99:
        return ms(r->p99Us);
      case Cpu:
        return r->cpuPct ? QString::number(*r->cpuPct, 'f', 1) : QString();
      case Drift:
        return r->driftAlarms > 0 ? QString::number(r->driftAlarms) : QString();
    }
  }
  if (role == SortRole) {
    switch (c) {
      case Status:
        return r->online ? 1 : 0;
      case LastSeen:
        return r->lastSeenUs;
      case P50:
        return r->p50Us.value_or(-1);
      case P99:
        return r->p99Us.value_or(-1);
      case Cpu:
        return r->cpuPct.value_or(-1);
      case Drift:
        return r->driftAlarms;
      default:
        return data(index, Qt::DisplayRole);
    }
  }
  return {};
}

QString FleetTableModel::keyChangedText(const FleetRow& r) {
  return tr("Identity key changed: the device now announces key %1 instead of %2. Its deploy "
            "states are not trusted until you accept the new key (context menu).")
      .arg(r.changedKeyId, r.keyId);
}

QVariant FleetTableModel::headerData(int section, Qt::Orientation o, int role) const {
  if (o != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case Status:
      return tr("Status");
    case Device:
      return tr("Device");
    case Class:
      return tr("Class");
    case Tags:
      return tr("Tags");
    case LastSeen:
      return tr("Last seen");
    case Hardware:
      return tr("Hardware");
    case Model:
      return tr("Model");
    case P50:
      return tr("p50 ms");
    case P99:
      return tr("p99 ms");
    case Cpu:
      return tr("CPU %");
    case Drift:
      return tr("Drift");
  }
  return {};
}

}  // namespace edgewise::gui
