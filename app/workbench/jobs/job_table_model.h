#pragma once
// The jobs view's model: one row per job of a JobManager, in start order.

#include <QAbstractTableModel>
#include <QTimer>
#include <vector>

#include "app/workbench/jobs/job_manager.h"

namespace edgewise::gui {

class JobTableModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { kTitle, kProgress, kState, kElapsed, kMessage, kCancel, kColumnCount };
  static constexpr int kFractionRole = Qt::UserRole + 1;     // double 0..1 (progress column)
  static constexpr int kCancellableRole = Qt::UserRole + 2;  // bool (cancel column)
  static constexpr int kJobIdRole = Qt::UserRole + 3;        // int, any column
  static constexpr int kStateRole = Qt::UserRole + 4;        // JobState as int

  explicit JobTableModel(JobManager& manager, QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

  void cancelRow(int row);
  // After a language switch: headers and state names are re-read.
  void retranslate();

  static QString formatElapsed(qint64 ms);

 private:
  void reload();
  void refreshRow(int id);
  int rowOf(int id) const;

  JobManager& m_manager;
  std::vector<JobInfo> m_rows;
  QTimer m_elapsedTimer;
};

}  // namespace edgewise::gui
