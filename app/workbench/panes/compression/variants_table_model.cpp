#include "app/workbench/panes/compression/variants_table_model.h"

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QLocale>
#include <QStyle>
#include <cmath>

namespace edgewise::gui {

namespace {

QString num(double v, int decimals) {
  return std::isfinite(v) ? QLocale().toString(v, 'f', decimals) : QStringLiteral("\u2013");
}

QVariant sortNumber(double v) {
  // Unknown values sort below every known one.
  return std::isfinite(v) ? QVariant(v) : QVariant(-1e300);
}

}  // namespace

VariantsTableModel::VariantsTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void VariantsTableModel::setVariants(std::vector<VariantInfo> variants) {
  beginResetModel();
  m_variants = std::move(variants);
  endResetModel();
}

int VariantsTableModel::rowOf(int64_t id) const {
  for (size_t i = 0; i < m_variants.size(); ++i)
    if (m_variants[i].id == id) return static_cast<int>(i);
  return -1;
}

const VariantInfo* VariantsTableModel::variant(int row) const {
  if (row < 0 || row >= static_cast<int>(m_variants.size())) return nullptr;
  return &m_variants[static_cast<size_t>(row)];
}

const VariantInfo* VariantsTableModel::variantById(int64_t id) const {
  return variant(rowOf(id));
}

int VariantsTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_variants.size());
}

int VariantsTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QVariant VariantsTableModel::data(const QModelIndex& index, int role) const {
  const VariantInfo* v = variant(index.row());
  if (!v) return {};
  const int c = index.column();
  if (role == IdRole) return QVariant::fromValue<qlonglong>(v->id);
  if (role == SortRole) {
    switch (c) {
      case NameColumn:
        return v->name.toLower();
      case RecipeColumn:
        return v->recipe;
      case SizeColumn:
        return QVariant::fromValue<qlonglong>(v->sizeBytes);
      case SizeRatioColumn:
        return sortNumber(v->sizeRatio);
      case NonzeroColumn:
        return QVariant::fromValue<qlonglong>(v->paramsNonzero);
      case AccuracyColumn:
        return v->accuracy;
      case DeltaColumn:
        return sortNumber(v->accuracyDeltaPoints);
      case MacroF1Column:
        return v->macroF1;
      case P50Column:
        return v->p50Us;
      case P99Column:
        return v->p99Us;
      case LatencyRatioColumn:
        return sortNumber(v->latencyRatio);
      case FlashColumn:
        return QVariant::fromValue<qlonglong>(v->mcuFlashBytes);
      case RamColumn:
        return QVariant::fromValue<qlonglong>(v->mcuRamBytes);
      case WarningsColumn:
        return static_cast<int>(v->warnings.size());
      default:
        return {};
    }
  }
  if (role == Qt::DisplayRole) {
    switch (c) {
      case NameColumn:
        return v->name;
      case RecipeColumn:
        return v->recipe.isEmpty() ? tr("(parent: %1)").arg(v->family) : v->recipe;
      case SizeColumn:
        return formatModelBytes(v->sizeBytes);
      case SizeRatioColumn:
        return std::isfinite(v->sizeRatio) ? num(v->sizeRatio, 3) + QStringLiteral("\u00d7")
                                           : num(v->sizeRatio, 3);
      case NonzeroColumn:
        return QLocale().toString(static_cast<qlonglong>(v->paramsNonzero));
      case AccuracyColumn:
        return QString(num(100.0 * v->accuracy, 1) + QStringLiteral("%"));
      case DeltaColumn:
        return std::isfinite(v->accuracyDeltaPoints)
                   ? (v->accuracyDeltaPoints >= 0 ? QStringLiteral("+") : QString()) +
                         num(v->accuracyDeltaPoints, 2)
                   : num(v->accuracyDeltaPoints, 2);
      case MacroF1Column:
        return num(v->macroF1, 3);
      case P50Column:
        return num(v->p50Us, 1);
      case P99Column:
        return num(v->p99Us, 1);
      case LatencyRatioColumn:
        return std::isfinite(v->latencyRatio) ? num(v->latencyRatio, 2) + QStringLiteral("\u00d7")
                                              : num(v->latencyRatio, 2);
      case FlashColumn:
        return v->mcuFlashBytes > 0 ? formatModelBytes(v->mcuFlashBytes) : QStringLiteral("\u2013");
      case RamColumn:
        return v->mcuRamBytes > 0 ? formatModelBytes(v->mcuRamBytes) : QStringLiteral("\u2013");
      case WarningsColumn:
        return v->warnings.isEmpty() ? QString() : QString::number(v->warnings.size());
      default:
        return {};
    }
  }
  if (role == Qt::DecorationRole && c == WarningsColumn && !v->warnings.isEmpty())
    return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
  if (role == Qt::ToolTipRole) {
    if (c == WarningsColumn && !v->warnings.isEmpty()) return v->warnings.join(QLatin1Char('\n'));
    if (c == NameColumn && !v->notes.isEmpty()) return v->notes.join(QLatin1Char('\n'));
  }
  if (role == Qt::ForegroundRole) {
    if (c == DeltaColumn && std::isfinite(v->accuracyDeltaPoints) && v->accuracyDeltaPoints < -1.0)
      return QBrush(QColor(0xc6, 0x28, 0x28));
    if (c == LatencyRatioColumn && std::isfinite(v->latencyRatio) && v->latencyRatio > 1.0)
      return QBrush(QColor(0xc6, 0x28, 0x28));
  }
  if (role == Qt::TextAlignmentRole && c != NameColumn && c != RecipeColumn)
    return QVariant::fromValue<int>(Qt::AlignRight | Qt::AlignVCenter);
  return {};
}

QVariant VariantsTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal) return {};
  if (role == Qt::ToolTipRole) {
    switch (section) {
      case SizeRatioColumn:
        return tr("Model file size divided by the parent's");
      case DeltaColumn:
        return tr("Test accuracy minus the parent's, in percentage points");
      case LatencyRatioColumn:
        return tr("Single-sample p50 latency divided by the parent's (above 1: slower)");
      case FlashColumn:
      case RamColumn:
        return tr("Estimate for the C99 export on a microcontroller");
      default:
        return {};
    }
  }
  if (role != Qt::DisplayRole) return {};
  switch (section) {
    case NameColumn:
      return tr("Name");
    case RecipeColumn:
      return tr("Method / recipe");
    case SizeColumn:
      return tr("Size");
    case SizeRatioColumn:
      return tr("Size ratio");
    case NonzeroColumn:
      return tr("Non-zero params");
    case AccuracyColumn:
      return tr("Accuracy");
    case DeltaColumn:
      return tr("\u0394 points");
    case MacroF1Column:
      return tr("Macro-F1");
    case P50Column:
      return tr("p50 \u00b5s");
    case P99Column:
      return tr("p99 \u00b5s");
    case LatencyRatioColumn:
      return tr("Latency ratio");
    case FlashColumn:
      return tr("MCU flash");
    case RamColumn:
      return tr("MCU RAM");
    case WarningsColumn:
      return tr("Warnings");
    default:
      return {};
  }
}

}  // namespace edgewise::gui
