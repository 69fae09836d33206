#include "app/workbench/panes/audit/drift_table_model.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <cmath>

#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>

#include "app/workbench/widgets/qcustomplot_include.h"

namespace edgewise::gui {

DriftTableAndPlots makeDriftTableAndPlots(QWidget* parent, const QString& prefix) {
  DriftTableAndPlots w;
  w.model = new DriftTableModel(parent);
  w.proxy = new QSortFilterProxyModel(parent);
  w.proxy->setSourceModel(w.model);
  w.proxy->setSortRole(DriftTableModel::SortRole);
  w.table = new QTableView(parent);
  w.table->setObjectName(prefix + QStringLiteral("Table"));
  w.table->setModel(w.proxy);
  w.table->setSortingEnabled(true);
  w.table->sortByColumn(DriftTableModel::PColumn, Qt::AscendingOrder);
  w.table->setSelectionBehavior(QAbstractItemView::SelectRows);
  w.table->setSelectionMode(QAbstractItemView::SingleSelection);
  w.table->verticalHeader()->setVisible(false);
  w.table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  w.table->horizontalHeader()->setStretchLastSection(true);
  w.histogram = new QCustomPlot(parent);
  w.histogram->setObjectName(prefix + QStringLiteral("Histogram"));
  w.timeline = new QCustomPlot(parent);
  w.timeline->setObjectName(prefix + QStringLiteral("Timeline"));
  for (QCustomPlot* p : {w.histogram, w.timeline}) p->setMinimumHeight(200);
  auto* plots = new QSplitter(Qt::Vertical, parent);
  plots->addWidget(w.histogram);
  plots->addWidget(w.timeline);
  w.split = new QSplitter(Qt::Horizontal, parent);
  w.split->addWidget(w.table);
  w.split->addWidget(plots);
  w.split->setStretchFactor(0, 2);
  w.split->setStretchFactor(1, 3);
  w.split->setSizes({780, 620});  // the table's seven columns without a scroll bar
  return w;
}

DriftTableModel::DriftTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void DriftTableModel::setFeatures(std::vector<audit::FeatureDrift> features) {
  beginResetModel();
  m_features = std::move(features);
  endResetModel();
}

int DriftTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_features.size());
}

int DriftTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QVariant DriftTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const audit::FeatureDrift& f = m_features[size_t(index.row())];
  auto pText = [](double p) {
    return std::isfinite(p) ? QString::number(p, 'g', 3) : QStringLiteral("\u2013");
  };
  switch (role) {
    case IndexRole:
      return index.row();
    case SortRole:
      switch (index.column()) {
        case FeatureColumn:
          return QString::fromStdString(f.feature);
        case KsColumn:
          return f.ksStatistic;
        case PColumn:
          return std::isfinite(f.ksPValue) ? f.ksPValue : 2.0;
        case AdjustedColumn:
          return std::isfinite(f.ksPAdjusted) ? f.ksPAdjusted : 2.0;
        case PsiColumn:
          return f.psi;
        case WassersteinColumn:
          return f.wasserstein;
        case DriftColumn:
          return f.drift ? 1 : 0;
      }
      return {};
    case Qt::DisplayRole:
      switch (index.column()) {
        case FeatureColumn:
          return QString::fromStdString(f.feature);
        case KsColumn:
          return QString::number(f.ksStatistic, 'f', 4);
        case PColumn:
          return pText(f.ksPValue);
        case AdjustedColumn:
          return pText(f.ksPAdjusted);
        case PsiColumn:
          return QStringLiteral("%1 (%2)").arg(QString::number(f.psi, 'f', 4),
                                               QString::number(f.psiThreshold, 'f', 3));
        case WassersteinColumn:
          return QString::number(f.wasserstein, 'g', 4);
        case DriftColumn:
          return f.drift ? tr("drift") : QString();
      }
      return {};
    case Qt::TextAlignmentRole:
      return index.column() == FeatureColumn ? int(Qt::AlignLeft | Qt::AlignVCenter)
                                             : int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::BackgroundRole:
      return f.drift ? QBrush(QColor(0xfd, 0xe2, 0xe1)) : QVariant();
    case Qt::ForegroundRole:
      return f.drift ? QBrush(QColor(0x8b, 0x1a, 0x1a)) : QVariant();
    case Qt::FontRole:
      if (f.drift) {
        QFont bold;
        bold.setBold(true);
        return bold;
      }
      return {};
    case Qt::ToolTipRole:
      if (index.column() == PsiColumn)
        return tr("PSI %1; for this window size PSI above %2 is unusual at level \u03b1 on "
                  "data without drift")
            .arg(f.psi, 0, 'f', 4)
            .arg(f.psiThreshold, 0, 'f', 4);
      return f.drift ? tr("Drifted: the KS p-value survives Benjamini-Hochberg at level \u03b1")
                     : QVariant();
  }
  return {};
}

QVariant DriftTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal) return {};
  if (role == Qt::DisplayRole) {
    switch (section) {
      case FeatureColumn:
        return tr("Feature");
      case KsColumn:
        return tr("KS statistic");
      case PColumn:
        return tr("p-value");
      case AdjustedColumn:
        return tr("Adjusted p");
      case PsiColumn:
        return tr("PSI (threshold)");
      case WassersteinColumn:
        return tr("Wasserstein");
      case DriftColumn:
        return tr("Drift");
    }
  }
  if (role == Qt::ToolTipRole) {
    switch (section) {
      case KsColumn:
        return tr(
            "Two-sample Kolmogorov-Smirnov statistic: the largest gap between the two "
            "empirical distribution functions");
      case PColumn:
        return tr("KS p-value as scipy.stats.ks_2samp computes it");
      case AdjustedColumn:
        return tr("p-value adjusted for testing every feature (Benjamini-Hochberg)");
      case PsiColumn:
        return tr(
            "Population stability index on reference-quantile bins, and the value it "
            "exceeds by chance with probability \u03b1 for this window size");
      case WassersteinColumn:
        return tr("Earth mover's distance, in the feature's own units");
      case DriftColumn:
        return tr("Drifted when the adjusted p-value is at most \u03b1");
    }
  }
  return {};
}

}  // namespace edgewise::gui
