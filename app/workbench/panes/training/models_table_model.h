#pragma once
// Every model in the project's registry as a table (name, family, dataset, accuracy,
// macro-F1, parameters, size, latency p50, training time). Sort through a
// QSortFilterProxyModel on SortRole (numbers sort as numbers).

#include <QAbstractTableModel>
#include <vector>

#include "core/training/service/model_registry.h"

namespace edgewise::gui {

class ModelsTableModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column {
    NameColumn,
    FamilyColumn,
    DatasetColumn,
    AccuracyColumn,
    MacroF1Column,
    ParamsColumn,
    SizeColumn,
    LatencyColumn,
    TrainSecondsColumn,
    ColumnCount
  };
  static constexpr int SortRole = Qt::UserRole + 1;
  static constexpr int IdRole = Qt::UserRole + 2;

  explicit ModelsTableModel(QObject* parent = nullptr);

  void setModels(std::vector<training::ModelRecord> models);
  const std::vector<training::ModelRecord>& models() const { return m_models; }
  int rowOf(int64_t id) const;  // -1 when absent
  const training::ModelRecord* record(int row) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

 private:
  std::vector<training::ModelRecord> m_models;
};

}  // namespace edgewise::gui
