#pragma once
// The project's recordings as a table (name, status, started, duration, streams, samples,
// messages, size). The name is editable in place (rename in the project).

#include <QAbstractTableModel>
#include <vector>

#include "core/store/recording_repository.h"

namespace edgewise::store {
class Project;
}

namespace edgewise::gui {

class RecordingsModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column {
    NameColumn,
    StatusColumn,
    StartedColumn,
    DurationColumn,
    StreamsColumn,
    SamplesColumn,
    MessagesColumn,
    SizeColumn,
    ColumnCount
  };
  enum Role { IdRole = Qt::UserRole + 1, SortRole };

  explicit RecordingsModel(QObject* parent = nullptr);

  // nullptr: no project open (the table is empty).
  void setProject(store::Project* project);
  Result<void> refresh();
  // Headers and status texts in the current language (after a QEvent::LanguageChange).
  void retranslate();

  int64_t idAt(int row) const;
  int rowForId(int64_t id) const;
  const store::RecordingSummary* summary(int row) const;

  Result<void> rename(int64_t id, const QString& name);
  Result<void> remove(int64_t id);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

 Q_SIGNALS:
  // After a rename or delete made here (the pane forwards it to the workspace).
  void recordingsEdited();
  void errorOccurred(const QString& message);

 private:
  store::Project* m_project = nullptr;
  std::vector<store::RecordingSummary> m_rows;
};

}  // namespace edgewise::gui
