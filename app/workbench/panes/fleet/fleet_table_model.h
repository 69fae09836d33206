#pragma once
// The inventory table of the Fleet pane: one row per device the project knows or the live
// inventory hears, merged from the project's devices table (class, tags edited by the user),
// the FleetMonitor's snapshot (online, latest heartbeat) and the open drift alarms.

#include <QAbstractTableModel>
#include <QString>
#include <optional>
#include <vector>

namespace edgewise::gui {

struct FleetRow {
  QString id;
  bool online = false;
  bool live = false;  // heard by the monitor in this session
  QString offlineReason;
  QString deviceClass;
  QStringList tags;
  qint64 lastSeenUs = 0;
  QString hardware;  // "aarch64, 4 cores, 1024 MB, linux"
  QString model;     // "knn-a #3 (9f86d0…)"
  QString modelJson;
  QString agentVersion;
  std::optional<double> p50Us, p99Us, cpuPct;
  int driftAlarms = 0;
  // Identity keys (key ids, 16 hex digits): the pinned one, and a different one the device
  // announced since (its deploy states are not trusted until the user accepts it).
  QString keyId;
  QString changedKeyId;
};

class FleetTableModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column {
    Status,
    Device,
    Class,
    Tags,
    LastSeen,
    Hardware,
    Model,
    P50,
    P99,
    Cpu,
    Drift,
    ColumnCount
  };
  static constexpr int SortRole = Qt::UserRole + 1;

  explicit FleetTableModel(QObject* parent = nullptr);
  void setRows(std::vector<FleetRow> rows);
  const std::vector<FleetRow>& rows() const { return m_rows; }
  const FleetRow* row(int r) const;
  int rowOf(const QString& id) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation o, int role) const override;

  // The warning for a device whose identity key changed (list tooltip, detail).
  static QString keyChangedText(const FleetRow& r);
  // "12 s ago", "3 min ago", "2026-12-06 21:40"
  static QString ago(qint64 us, qint64 nowUs);

 private:
  std::vector<FleetRow> m_rows;
};

}  // namespace edgewise::gui
