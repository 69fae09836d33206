#pragma once
// The variants of one model (the model itself, then everything derived from it) as a table:
// name, recipe, size, ratio to the parent, non-zero parameters, accuracy, delta vs parent in
// points, macro-F1, p50 / p99 latency, latency ratio, MCU flash / RAM and a warnings icon.
// Sort through a QSortFilterProxyModel on SortRole (numbers sort as numbers).

#include <QAbstractTableModel>
#include <vector>

#include "app/workbench/panes/compression/compression_data.h"

namespace edgewise::gui {

class VariantsTableModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column {
    NameColumn,
    RecipeColumn,
    SizeColumn,
    SizeRatioColumn,
    NonzeroColumn,
    AccuracyColumn,
    DeltaColumn,
    MacroF1Column,
    P50Column,
    P99Column,
    LatencyRatioColumn,
    FlashColumn,
    RamColumn,
    WarningsColumn,
    ColumnCount
  };
  static constexpr int SortRole = Qt::UserRole + 1;
  static constexpr int IdRole = Qt::UserRole + 2;

  explicit VariantsTableModel(QObject* parent = nullptr);

  void setVariants(std::vector<VariantInfo> variants);
  const std::vector<VariantInfo>& variants() const { return m_variants; }
  int rowOf(int64_t id) const;  // -1 when absent
  const VariantInfo* variant(int row) const;
  const VariantInfo* variantById(int64_t id) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

 private:
  std::vector<VariantInfo> m_variants;
};

}  // namespace edgewise::gui
