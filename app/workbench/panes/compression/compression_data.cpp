#include "app/workbench/panes/compression/compression_data.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>

namespace edgewise::gui {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QString qs(const std::string& s) {
  return QString::fromStdString(s);
}

// A measure of the report ("size_bytes", "accuracy", "latency_us": {"p50", ..}, "mcu").
struct Measure {
  int64_t sizeBytes = 0;
  int64_t paramsNonzero = 0;
  double accuracy = kNaN;
  double p50Us = 0.0;
};

Measure measureOf(const QJsonObject& o) {
  Measure m;
  m.sizeBytes = static_cast<int64_t>(o.value(QStringLiteral("size_bytes")).toDouble(0));
  m.paramsNonzero = static_cast<int64_t>(o.value(QStringLiteral("params_nonzero")).toDouble(0));
  const QJsonValue acc = o.value(QStringLiteral("accuracy"));
  if (acc.isDouble()) m.accuracy = acc.toDouble();
  m.p50Us =
      o.value(QStringLiteral("latency_us")).toObject().value(QStringLiteral("p50")).toDouble(0);
  return m;
}

double ratio(double a, double b) {
  return b > 0 && a > 0 ? a / b : kNaN;
}

}  // namespace

VariantInfo::VariantInfo() : sizeRatio(kNaN), accuracyDeltaPoints(kNaN), latencyRatio(kNaN) {}

VariantInfo variantFromRecord(const training::ModelRecord& record,
                              const training::ModelRecord* parent) {
  VariantInfo v;
  v.id = record.id;
  v.name = qs(record.name);
  v.family = qs(record.family);
  v.origin = qs(record.origin);
  v.parentId = record.parentId;
  v.sizeBytes = record.sizeBytes;
  v.params = record.parameterCount;
  v.paramsNonzero = record.parameterCount;
  v.accuracy = record.metrics.accuracy;
  v.macroF1 = record.metrics.macroF1;
  v.p50Us = record.latencyP50Us;
  v.p99Us = record.latencyP99Us;
  v.metrics = record.metrics;
  for (const std::string& c : record.classNames) v.classNames << qs(c);
  auto recipe = record.hyperParams.find("recipe");
  if (record.origin == "compressed" && recipe != record.hyperParams.end())
    v.recipe = qs(recipe->second);

  const QJsonObject d = QJsonDocument::fromJson(QByteArray::fromStdString(record.details)).object();
  Measure parentMeasure;
  bool parentFromReport = false;
  if (!d.isEmpty()) {
    if (d.contains(QStringLiteral("recipe")))
      v.recipe = d.value(QStringLiteral("recipe")).toString();
    const Measure own = measureOf(d);
    if (own.sizeBytes > 0) v.sizeBytes = own.sizeBytes;
    if (d.contains(QStringLiteral("params_nonzero"))) v.paramsNonzero = own.paramsNonzero;
    if (d.contains(QStringLiteral("params")))
      v.params = static_cast<int64_t>(d.value(QStringLiteral("params")).toDouble(0));
    if (own.p50Us > 0) {
      v.p50Us = own.p50Us;
      const double p99 =
          d.value(QStringLiteral("latency_us")).toObject().value(QStringLiteral("p99")).toDouble(0);
      if (p99 > 0) v.p99Us = p99;
    }
    const QJsonObject mcu = d.value(QStringLiteral("mcu")).toObject();
    v.mcuFlashBytes = static_cast<int64_t>(mcu.value(QStringLiteral("flash_bytes")).toDouble(0));
    v.mcuRamBytes = static_cast<int64_t>(mcu.value(QStringLiteral("ram_bytes")).toDouble(0));
    for (const QJsonValue& w : d.value(QStringLiteral("warnings")).toArray())
      v.warnings << w.toString();
    for (const QJsonValue& n : d.value(QStringLiteral("notes")).toArray()) v.notes << n.toString();
    for (const QJsonValue& l : d.value(QStringLiteral("layer_sqnr_db")).toArray()) {
      const QJsonObject o = l.toObject();
      const QJsonValue db = o.value(QStringLiteral("sqnr_db"));
      v.layerSqnrDb.emplace_back(o.value(QStringLiteral("layer")).toString(),
                                 db.isDouble() ? db.toDouble() : kNaN);
    }
    if (d.value(QStringLiteral("parent")).isObject()) {
      parentMeasure = measureOf(d.value(QStringLiteral("parent")).toObject());
      parentFromReport = true;
    }
  }
  if (!parentFromReport && parent) {
    parentMeasure.sizeBytes = parent->sizeBytes;
    parentMeasure.accuracy = parent->metrics.accuracy;
    parentMeasure.p50Us = parent->latencyP50Us;
  }
  if (parentFromReport || parent) {
    v.sizeRatio =
        ratio(static_cast<double>(v.sizeBytes), static_cast<double>(parentMeasure.sizeBytes));
    v.latencyRatio = ratio(v.p50Us, parentMeasure.p50Us);
    if (std::isfinite(parentMeasure.accuracy))
      v.accuracyDeltaPoints = 100.0 * (v.accuracy - parentMeasure.accuracy);
  }
  return v;
}

std::vector<training::ModelRecord> lineageOf(const std::vector<training::ModelRecord>& all,
                                             int64_t root) {
  std::multimap<int64_t, size_t> children;  // parent -> index, in list order
  const training::ModelRecord* rootRecord = nullptr;
  for (size_t i = 0; i < all.size(); ++i) {
    if (all[i].id == root) rootRecord = &all[i];
    if (all[i].parentId) children.emplace(*all[i].parentId, i);
  }
  std::vector<training::ModelRecord> out;
  if (!rootRecord) return out;
  std::function<void(const training::ModelRecord&, int)> visit = [&](const training::ModelRecord& r,
                                                                     int depth) {
    out.push_back(r);
    if (depth > 64) return;  // a cycle cannot happen (parents exist first), but stay safe
    auto range = children.equal_range(r.id);
    for (auto it = range.first; it != range.second; ++it) visit(all[it->second], depth + 1);
  };
  visit(*rootRecord, 0);
  return out;
}

int64_t lineageRoot(const std::vector<training::ModelRecord>& all, int64_t id) {
  std::map<int64_t, std::optional<int64_t>> parentOf;
  for (const training::ModelRecord& r : all) parentOf[r.id] = r.parentId;
  int64_t current = id;
  for (int guard = 0; guard < 64; ++guard) {
    auto it = parentOf.find(current);
    if (it == parentOf.end() || !it->second || !parentOf.count(*it->second)) return current;
    current = *it->second;
  }
  return current;
}

std::vector<bool> paretoFront(const std::vector<ParetoPoint>& points) {
  std::vector<bool> front(points.size(), true);
  for (size_t i = 0; i < points.size(); ++i) {
    for (size_t j = 0; j < points.size() && front[i]; ++j) {
      if (i == j) continue;
      const ParetoPoint& a = points[j];
      const ParetoPoint& b = points[i];
      const bool noWorse = a.latency <= b.latency && a.accuracy >= b.accuracy;
      const bool better = a.latency < b.latency || a.accuracy > b.accuracy;
      if (noWorse && better) front[i] = false;
    }
  }
  return front;
}

std::vector<std::vector<double>> confusionDifference(const std::vector<std::vector<int64_t>>& a,
                                                     const std::vector<std::vector<int64_t>>& b) {
  if (a.size() != b.size()) return {};
  std::vector<std::vector<double>> out(a.size());
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].size() != b[i].size()) return {};
    double sa = 0, sb = 0;
    for (int64_t c : a[i]) sa += static_cast<double>(c);
    for (int64_t c : b[i]) sb += static_cast<double>(c);
    out[i].resize(a[i].size());
    for (size_t j = 0; j < a[i].size(); ++j) {
      const double ra = sa > 0 ? static_cast<double>(a[i][j]) / sa : 0.0;
      const double rb = sb > 0 ? static_cast<double>(b[i][j]) / sb : 0.0;
      out[i][j] = rb - ra;
    }
  }
  return out;
}

QString formatModelBytes(int64_t bytes) {
  const QLocale locale;
  if (bytes >= 1000 * 1000) return locale.toString(bytes / 1e6, 'f', 2) + QStringLiteral(" MB");
  if (bytes >= 1000) return locale.toString(bytes / 1e3, 'f', 1) + QStringLiteral(" kB");
  return locale.toString(static_cast<qlonglong>(bytes)) + QStringLiteral(" B");
}

}  // namespace edgewise::gui
