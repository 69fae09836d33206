#pragma once
// The Compression pane's data without widgets: a model record seen as a variant (its own
// measures and the ones relative to its parent, read from the compression report stored in
// ModelRecord::details), the Pareto front of (latency, accuracy), the lineage below a model
// and the confusion difference of two variants. Pure functions, unit-tested on hand-made
// input.

#include <QString>
#include <QStringList>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/training/service/model_registry.h"

namespace edgewise::gui {

struct VariantInfo {
  int64_t id = 0;
  QString name;
  QString family;
  QString origin;
  QString recipe;  // canonical recipe of a compressed variant, empty for others
  std::optional<int64_t> parentId;
  int64_t sizeBytes = 0;
  int64_t params = 0;
  int64_t paramsNonzero = 0;
  double accuracy = 0.0;  // 0..1, test split
  double macroF1 = 0.0;
  double p50Us = 0.0;
  double p99Us = 0.0;
  int64_t mcuFlashBytes = 0;  // 0: unknown / not exportable to C
  int64_t mcuRamBytes = 0;
  // Relative to the parent as measured in the same run (the report's "parent"), else to the
  // parent's record; NaN without a parent.
  double sizeRatio;
  double accuracyDeltaPoints;
  double latencyRatio;
  QStringList warnings;
  QStringList notes;
  std::vector<std::pair<QString, double>> layerSqnrDb;  // static int8
  training::Metrics metrics;
  QStringList classNames;
  VariantInfo();
};

// parent may be null (no parent or not in the project any more).
VariantInfo variantFromRecord(const training::ModelRecord& record,
                              const training::ModelRecord* parent);

// The variants of the model root: root itself, then every model whose parent chain leads to
// root (depth first, children newest first as list() gives them).
std::vector<training::ModelRecord> lineageOf(const std::vector<training::ModelRecord>& all,
                                             int64_t root);
// The root of a model's chain (itself when it has no parent in all).
int64_t lineageRoot(const std::vector<training::ModelRecord>& all, int64_t id);

struct ParetoPoint {
  double latency = 0.0;   // smaller is better
  double accuracy = 0.0;  // larger is better
};
// true for points no other point dominates (latency <= and accuracy >=, one strictly).
// Equal points are both on the front.
std::vector<bool> paretoFront(const std::vector<ParetoPoint>& points);

// Row-normalised confusion (each true-class row sums to 1; an empty row stays 0) of b minus
// that of a: positive cells are where b sends more of the class than a. Empty when the shapes
// differ.
std::vector<std::vector<double>> confusionDifference(const std::vector<std::vector<int64_t>>& a,
                                                     const std::vector<std::vector<int64_t>>& b);

// "1.2 MB", "340 kB", "512 B".
QString formatModelBytes(int64_t bytes);

}  // namespace edgewise::gui
