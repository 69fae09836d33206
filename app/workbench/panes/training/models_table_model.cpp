#include "app/workbench/panes/training/models_table_model.h"

#include <QDateTime>
#include <QLocale>

namespace edgewise::gui {

namespace {

// "12.3 KB", "4.1 MB" (SI, as file managers print them).
QString modelSizeText(int64_t bytes) {
  const QLocale locale;
  if (bytes < 1000) return ModelsTableModel::tr("%1 B").arg(bytes);
  if (bytes < 1000 * 1000)
    return ModelsTableModel::tr("%1 KB").arg(locale.toString(bytes / 1e3, 'f', 1));
  return ModelsTableModel::tr("%1 MB").arg(locale.toString(bytes / 1e6, 'f', 1));
}

}  // namespace

ModelsTableModel::ModelsTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ModelsTableModel::setModels(std::vector<training::ModelRecord> models) {
  beginResetModel();
  m_models = std::move(models);
  endResetModel();
}

int ModelsTableModel::rowOf(int64_t id) const {
  for (size_t i = 0; i < m_models.size(); ++i)
    if (m_models[i].id == id) return static_cast<int>(i);
  return -1;
}

const training::ModelRecord* ModelsTableModel::record(int row) const {
  if (row < 0 || row >= static_cast<int>(m_models.size())) return nullptr;
  return &m_models[size_t(row)];
}

int ModelsTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_models.size());
}

int ModelsTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QVariant ModelsTableModel::data(const QModelIndex& index, int role) const {
  const training::ModelRecord* m = record(index.row());
  if (!m) return {};
  const QLocale locale;
  if (role == IdRole) return QVariant::fromValue<qlonglong>(m->id);
  if (role == Qt::TextAlignmentRole) {
    return index.column() >= AccuracyColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                            : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
  }
  if (role == Qt::ToolTipRole) {
    QString tip = tr("%1 (%2), trained on %3 (version %4) with seed %5")
                      .arg(QString::fromStdString(m->name), QString::fromStdString(m->family),
                           QString::fromStdString(m->datasetName),
                           QString::fromStdString(m->snapshotId.substr(0, 8)))
                      .arg(m->seed);
    if (!m->datasetId) tip += QLatin1Char('\n') + tr("Its dataset has been removed.");
    return tip;
  }
  if (role == SortRole) {
    switch (index.column()) {
      case NameColumn:
        return QString::fromStdString(m->name);
      case FamilyColumn:
        return QString::fromStdString(m->family);
      case DatasetColumn:
        return QString::fromStdString(m->datasetName);
      case AccuracyColumn:
        return m->metrics.accuracy;
      case MacroF1Column:
        return m->metrics.macroF1;
      case ParamsColumn:
        return QVariant::fromValue<qlonglong>(m->parameterCount);
      case SizeColumn:
        return QVariant::fromValue<qlonglong>(m->sizeBytes);
      case LatencyColumn:
        return m->latencyP50Us;
      case TrainSecondsColumn:
        return m->trainSeconds;
      default:
        return {};
    }
  }
  if (role != Qt::DisplayRole) return {};
  switch (index.column()) {
    case NameColumn:
      return QString::fromStdString(m->name);
    case FamilyColumn:
      return QString::fromStdString(m->family);
    case DatasetColumn:
      return QString::fromStdString(m->datasetName);
    case AccuracyColumn:
      return QString(locale.toString(m->metrics.accuracy * 100.0, 'f', 1) + QLatin1Char('%'));
    case MacroF1Column:
      return locale.toString(m->metrics.macroF1, 'f', 3);
    case ParamsColumn:
      return locale.toString(qlonglong(m->parameterCount));
    case SizeColumn:
      return modelSizeText(m->sizeBytes);
    case LatencyColumn:
      return m->latencyP50Us >= 1000
                 ? tr("%1 ms").arg(locale.toString(m->latencyP50Us / 1e3, 'f', 2))
                 : tr("%1 \u00b5s").arg(locale.toString(m->latencyP50Us, 'f', 1));
    case TrainSecondsColumn:
      return tr("%1 s").arg(locale.toString(m->trainSeconds, 'f', 1));
    default:
      return {};
  }
}

QVariant ModelsTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal) return {};
  if (role == Qt::ToolTipRole) {
    switch (section) {
      case AccuracyColumn:
        return tr("Accuracy on the test split");
      case MacroF1Column:
        return tr("Unweighted mean of the per-class F1 scores (test split)");
      case ParamsColumn:
        return tr("Learned numbers the model holds");
      case SizeColumn:
        return tr("Size of the model file");
      case LatencyColumn:
        return tr("Median single-sample prediction time on this machine");
      case TrainSecondsColumn:
        return tr("Training time");
      default:
        return {};
    }
  }
  if (role != Qt::DisplayRole) return {};
  switch (section) {
    case NameColumn:
      return tr("Name");
    case FamilyColumn:
      return tr("Family");
    case DatasetColumn:
      return tr("Dataset");
    case AccuracyColumn:
      return tr("Accuracy");
    case MacroF1Column:
      return tr("Macro-F1");
    case ParamsColumn:
      return tr("Params");
    case SizeColumn:
      return tr("Size");
    case LatencyColumn:
      return tr("Latency p50");
    case TrainSecondsColumn:
      return tr("Train time");
    default:
      return {};
  }
}

}  // namespace edgewise::gui
