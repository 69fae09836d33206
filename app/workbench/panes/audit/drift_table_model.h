#pragma once
// The per-feature drift table of the Drift view: KS statistic and p-value, the
// Benjamini-Hochberg adjusted p, PSI (with its threshold for the window size), Wasserstein-1
// and the drift flag; drifted rows are tinted. SortRole gives numbers, so a proxy sorts
// p-values numerically.

#include <QAbstractTableModel>
#include <QString>
#include <vector>

#include "core/audit/drift_monitor.h"

namespace edgewise::gui {

class DriftTableModel;

}  // namespace edgewise::gui

class QCustomPlot;
class QSortFilterProxyModel;
class QSplitter;
class QTableView;
class QWidget;

namespace edgewise::gui {

// The table and the two plots of a drift view (Files and Live devices), laid out side by side:
// the table sorted by p-value through a numeric proxy, histogram above timeline. Object names
// are <prefix>Table, <prefix>Histogram, <prefix>Timeline.
struct DriftTableAndPlots {
  DriftTableModel* model = nullptr;
  QSortFilterProxyModel* proxy = nullptr;
  QTableView* table = nullptr;
  QCustomPlot* histogram = nullptr;
  QCustomPlot* timeline = nullptr;
  QSplitter* split = nullptr;
};
DriftTableAndPlots makeDriftTableAndPlots(QWidget* parent, const QString& prefix);

class DriftTableModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column {
    FeatureColumn,
    KsColumn,
    PColumn,
    AdjustedColumn,
    PsiColumn,
    WassersteinColumn,
    DriftColumn,
    ColumnCount
  };
  static constexpr int SortRole = Qt::UserRole + 1;
  static constexpr int IndexRole = Qt::UserRole + 2;  // the feature's reference column

  explicit DriftTableModel(QObject* parent = nullptr);

  void setFeatures(std::vector<audit::FeatureDrift> features);
  const std::vector<audit::FeatureDrift>& features() const { return m_features; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

 private:
  std::vector<audit::FeatureDrift> m_features;
};

}  // namespace edgewise::gui
