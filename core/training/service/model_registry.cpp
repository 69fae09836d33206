#include "core/training/service/model_registry.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QString>
#include <QTemporaryDir>

#include <cmath>
#include <limits>

#include <nlohmann/json.hpp>

#include "core/store/project.h"
#include "core/store/sqlite_util.h"
#include "core/training/service/model_factory.h"
#include "core/util/clock.h"

namespace edgewise::training {

using nlohmann::json;
using store::detail::Statement;
using store::detail::StatementLease;

namespace {

// NaN/Inf are not JSON: stored as null and read back as NaN.
json num(double v) {
  return std::isfinite(v) ? json(v) : json(nullptr);
}
double numOf(const json& j, const char* key) {
  if (!j.contains(key) || !j[key].is_number()) return std::numeric_limits<double>::quiet_NaN();
  return j[key].get<double>();
}

std::string historyToJson(const std::vector<TrainProgress>& history) {
  json a = json::array();
  for (const TrainProgress& p : history) {
    a.push_back({{"epoch", p.epoch},
                 {"epochs", p.epochs},
                 {"train_loss", num(p.trainLoss)},
                 {"train_accuracy", num(p.trainAccuracy)},
                 {"val_loss", num(p.valLoss)},
                 {"val_accuracy", num(p.valAccuracy)},
                 {"seconds", num(p.seconds)},
                 {"message", p.message}});
  }
  return a.dump();
}

std::vector<TrainProgress> historyFromJson(const std::string& text) {
  std::vector<TrainProgress> out;
  const json a = json::parse(text, nullptr, false);
  if (!a.is_array()) return out;
  for (const json& e : a) {
    if (!e.is_object()) continue;
    TrainProgress p;
    p.epoch = e.value("epoch", 0);
    p.epochs = e.value("epochs", 0);
    p.trainLoss = numOf(e, "train_loss");
    p.trainAccuracy = numOf(e, "train_accuracy");
    p.valLoss = numOf(e, "val_loss");
    p.valAccuracy = numOf(e, "val_accuracy");
    p.seconds = numOf(e, "seconds");
    p.message = e.value("message", std::string());
    out.push_back(std::move(p));
  }
  return out;
}

constexpr const char* kColumns =
    "id, name, family, created_us, dataset_id, dataset_name, snapshot_id, feature_spec, "
    "input_shape, class_names, hyper_params, seed, metrics, history, params, size_bytes, "
    "train_seconds, latency_p50_us, latency_p99_us, parent_id, origin, details";

Result<ModelRecord> readRecord(Statement& q) {
  ModelRecord r;
  r.id = q.int64(0);
  r.name = q.text(1);
  r.family = q.text(2);
  r.createdUs = q.int64(3);
  if (!q.isNull(4)) r.datasetId = q.int64(4);
  r.datasetName = q.text(5);
  r.snapshotId = q.text(6);
  const std::string ctx = "reading model " + std::to_string(r.id);
  Result<FeatureSpec> spec = featureSpecFromJson(q.text(7));
  if (!spec.ok()) return spec.error().wrap(ctx);
  r.features = spec.value();
  const json shape = json::parse(q.text(8), nullptr, false);
  if (shape.is_array())
    for (const json& d : shape) r.inputShape.push_back(d.is_number() ? d.get<int>() : 0);
  const json names = json::parse(q.text(9), nullptr, false);
  if (names.is_array())
    for (const json& n : names) r.classNames.push_back(n.is_string() ? n.get<std::string>() : "");
  const json hp = json::parse(q.text(10), nullptr, false);
  if (hp.is_object())
    for (const auto& [k, v] : hp.items())
      r.hyperParams[k] = v.is_string() ? v.get<std::string>() : v.dump();
  r.seed = static_cast<uint64_t>(q.int64(11));
  Result<Metrics> m = metricsFromJson(q.text(12));
  if (!m.ok()) return m.error().wrap(ctx);
  r.metrics = m.value();
  r.history = historyFromJson(q.text(13));
  r.parameterCount = q.int64(14);
  r.sizeBytes = q.int64(15);
  r.trainSeconds = q.real(16);
  r.latencyP50Us = q.real(17);
  r.latencyP99Us = q.real(18);
  if (!q.isNull(19)) r.parentId = q.int64(19);
  r.origin = q.text(20);
  r.details = q.text(21);
  if (r.details.empty()) r.details = "{}";
  return r;
}

QString qs(const std::string& s) {
  return QString::fromStdString(s);
}

}  // namespace

std::string metricsToJson(const Metrics& m) {
  json j;
  j["accuracy"] = num(m.accuracy);
  j["macro_f1"] = num(m.macroF1);
  j["confusion"] = m.confusion;
  json pc = json::array();
  for (const ClassMetrics& c : m.perClass)
    pc.push_back({{"precision", num(c.precision)},
                  {"recall", num(c.recall)},
                  {"f1", num(c.f1)},
                  {"support", c.support}});
  j["per_class"] = pc;
  return j.dump();
}

Result<Metrics> metricsFromJson(const std::string& text) {
  const json j = json::parse(text, nullptr, false);
  if (!j.is_object()) return Error("metrics are not a JSON object");
  Metrics m;
  if (j.empty()) return m;
  m.accuracy = numOf(j, "accuracy");
  m.macroF1 = numOf(j, "macro_f1");
  if (j.contains("confusion") && j["confusion"].is_array()) {
    for (const json& row : j["confusion"]) {
      std::vector<int64_t> r;
      if (row.is_array())
        for (const json& v : row) r.push_back(v.is_number() ? v.get<int64_t>() : 0);
      m.confusion.push_back(std::move(r));
    }
  }
  if (j.contains("per_class") && j["per_class"].is_array()) {
    for (const json& c : j["per_class"]) {
      ClassMetrics cm;
      cm.precision = numOf(c, "precision");
      cm.recall = numOf(c, "recall");
      cm.f1 = numOf(c, "f1");
      cm.support =
          c.contains("support") && c["support"].is_number() ? c["support"].get<int64_t>() : 0;
      m.perClass.push_back(cm);
    }
  }
  return m;
}

struct ModelRegistry::Impl {
  explicit Impl(store::Project& p) : project(p), cache(p.handle()) {}
  store::Project& project;
  store::detail::StatementCache cache;

  // The stored file bytes of a model.
  Result<QByteArray> fileBytes(int64_t id) {
    Result<StatementLease> s = cache.acquire("SELECT file FROM models WHERE id = ?1");
    if (!s.ok()) return s.error();
    (*s)->bind(1, id);
    Result<bool> row = (*s)->step();
    if (!row.ok()) return row.error().wrap("reading model " + std::to_string(id));
    if (!row.value()) return Error("no model with id " + std::to_string(id) + " in this project");
    return QByteArray(reinterpret_cast<const char*>((*s)->blobData(0)),
                      static_cast<qsizetype>((*s)->blobSize(0)));
  }
};

ModelRegistry::ModelRegistry(store::Project& project) : m_impl(std::make_unique<Impl>(project)) {}
ModelRegistry::~ModelRegistry() = default;

Result<int64_t> ModelRegistry::add(const ModelRecord& record, const std::string& modelFilePath) {
  const std::string ctx = "storing model '" + record.name + "'";
  QFile f(qs(modelFilePath));
  if (!f.open(QIODevice::ReadOnly))
    return Error("cannot read model file " + modelFilePath + ": " + f.errorString().toStdString(),
                 ctx);
  const QByteArray bytes = f.readAll();
  if (bytes.isEmpty()) return Error("model file " + modelFilePath + " is empty", ctx);
  if (record.family.empty()) return Error("a model needs a family", ctx);

  store::detail::WriteScope scope(m_impl->project.handle());
  EW_TRY(scope.begin());
  if (record.parentId) {
    if (Result<ModelRecord> parent = get(*record.parentId); !parent.ok())
      return Error("parent model " + std::to_string(*record.parentId) + " does not exist", ctx);
  }
  Result<StatementLease> ins = m_impl->cache.acquire(
      "INSERT INTO models(name, family, created_us, dataset_id, dataset_name, snapshot_id, "
      "feature_spec, input_shape, class_names, hyper_params, seed, metrics, history, params, "
      "size_bytes, train_seconds, latency_p50_us, latency_p99_us, parent_id, origin, file, "
      "details) "
      "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
      "?19, ?20, ?21, ?22)");
  if (!ins.ok()) return ins.error();
  const std::string features = featureSpecToJson(record.features);
  const std::string shape = json(record.inputShape).dump();
  const std::string names = json(record.classNames).dump();
  const std::string hp = json(record.hyperParams).dump();
  const std::string metrics = metricsToJson(record.metrics);
  const std::string history = historyToJson(record.history);
  const std::string name = record.name.empty() ? record.family : record.name;
  Statement& q = **ins;
  q.bind(1, std::string_view(name))
      .bind(2, std::string_view(record.family))
      .bind(3, record.createdUs ? record.createdUs : util::wallClockUs());
  if (record.datasetId)
    q.bind(4, *record.datasetId);
  else
    q.bindNull(4);
  q.bind(5, std::string_view(record.datasetName))
      .bind(6, std::string_view(record.snapshotId))
      .bind(7, std::string_view(features))
      .bind(8, std::string_view(shape))
      .bind(9, std::string_view(names))
      .bind(10, std::string_view(hp))
      .bind(11, static_cast<int64_t>(record.seed))
      .bind(12, std::string_view(metrics))
      .bind(13, std::string_view(history))
      .bind(14, record.parameterCount)
      .bind(15, static_cast<int64_t>(bytes.size()))
      .bind(16, record.trainSeconds)
      .bind(17, record.latencyP50Us)
      .bind(18, record.latencyP99Us);
  if (record.parentId)
    q.bind(19, *record.parentId);
  else
    q.bindNull(19);
  q.bind(20, std::string_view(record.origin.empty() ? std::string("trained") : record.origin))
      .bindBlob(21, bytes.constData(), static_cast<size_t>(bytes.size()));
  const json details = json::parse(record.details, nullptr, false);
  if (!record.details.empty() && !details.is_object())
    return Error("the model details are not a JSON object", ctx);
  q.bind(22, std::string_view(record.details.empty() ? std::string("{}") : record.details));
  if (Result<void> r = q.run(); !r.ok()) return r.error().wrap(ctx);
  const int64_t id = sqlite3_last_insert_rowid(m_impl->project.handle());
  EW_TRY(scope.commit());
  return id;
}

Result<std::vector<ModelRecord>> ModelRegistry::list() const {
  Result<StatementLease> s = m_impl->cache.acquire(
      (std::string("SELECT ") + kColumns + " FROM models ORDER BY id DESC").c_str());
  if (!s.ok()) return s.error();
  std::vector<ModelRecord> out;
  for (;;) {
    Result<bool> row = (*s)->step();
    if (!row.ok()) return row.error().wrap("listing models");
    if (!row.value()) break;
    Result<ModelRecord> r = readRecord(**s);
    if (!r.ok()) return r.error();
    out.push_back(std::move(r.value()));
  }
  return out;
}

Result<ModelRecord> ModelRegistry::get(int64_t id) const {
  Result<StatementLease> s = m_impl->cache.acquire(
      (std::string("SELECT ") + kColumns + " FROM models WHERE id = ?1").c_str());
  if (!s.ok()) return s.error();
  (*s)->bind(1, id);
  Result<bool> row = (*s)->step();
  if (!row.ok()) return row.error().wrap("reading model " + std::to_string(id));
  if (!row.value()) return Error("no model with id " + std::to_string(id) + " in this project");
  return readRecord(**s);
}

Result<std::unique_ptr<Classifier>> ModelRegistry::load(int64_t id) const {
  const std::string ctx = "loading model " + std::to_string(id);
  Result<QByteArray> bytes = m_impl->fileBytes(id);
  if (!bytes.ok()) return bytes.error();
  QTemporaryDir dir;
  if (!dir.isValid()) return Error("cannot create a temporary directory", ctx);
  const std::string path = dir.filePath(QStringLiteral("model.bin")).toStdString();
  {
    QFile f(qs(path));
    if (!f.open(QIODevice::WriteOnly) || f.write(*bytes) != bytes->size() || !f.flush())
      return Error("cannot write a temporary model file: " + f.errorString().toStdString(), ctx);
  }
  Result<std::unique_ptr<Classifier>> model = loadClassifier(path);
  if (!model.ok()) return model.error().wrap(ctx + " (the stored file is damaged)");
  return model;
}

Result<void> ModelRegistry::exportFile(int64_t id, const std::string& path) const {
  const std::string ctx = "exporting model " + std::to_string(id) + " to " + path;
  Result<QByteArray> bytes = m_impl->fileBytes(id);
  if (!bytes.ok()) return bytes.error().wrap(ctx);
  QSaveFile f(qs(path));
  if (!f.open(QIODevice::WriteOnly)) return Error(f.errorString().toStdString(), ctx);
  if (f.write(*bytes) != bytes->size()) return Error(f.errorString().toStdString(), ctx);
  if (!f.commit()) return Error(f.errorString().toStdString(), ctx);
  return okResult();
}

Result<void> ModelRegistry::rename(int64_t id, const std::string& name) {
  if (name.empty()) return Error("a model name cannot be empty");
  Result<StatementLease> s = m_impl->cache.acquire("UPDATE models SET name = ?2 WHERE id = ?1");
  if (!s.ok()) return s.error();
  (*s)->bind(1, id).bind(2, std::string_view(name));
  EW_TRY((*s)->run());
  if (sqlite3_changes(m_impl->project.handle()) == 0)
    return Error("no model with id " + std::to_string(id) + " in this project");
  return okResult();
}

Result<void> ModelRegistry::remove(int64_t id) {
  Result<StatementLease> s = m_impl->cache.acquire("DELETE FROM models WHERE id = ?1");
  if (!s.ok()) return s.error();
  (*s)->bind(1, id);
  EW_TRY((*s)->run());
  if (sqlite3_changes(m_impl->project.handle()) == 0)
    return Error("no model with id " + std::to_string(id) + " in this project");
  return okResult();
}

}  // namespace edgewise::training
