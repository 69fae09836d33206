#include "core/deploy/model_artifact.h"

#include <QDir>
#include <QTemporaryDir>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <random>
#include <sstream>

#include "core/store/project.h"
#include "core/training/service/model_factory.h"
#include "core/training/service/model_registry.h"
#include "core/training/torch/torch_models.h"
#include "core/util/clock.h"

namespace edgewise::deploy {

namespace {

Result<std::string> readBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error("cannot read " + path, "building the artifact");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string isoTime(int64_t us) {
  const std::time_t t = static_cast<std::time_t>(us / 1'000'000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

Result<void> addGoldenVectors(Manifest& m, const training::Classifier& model, int count,
                              uint64_t seed) {
  const int dims = model.dims();
  if (!model.isTrained() || dims <= 0) {
    return Error("the model is not trained", "computing golden vectors");
  }
  std::mt19937_64 rng(seed);
  std::normal_distribution<float> normal(0.0f, 1.0f);
  cv::Mat X(count, dims, CV_32F);
  for (int r = 0; r < count; ++r) {
    for (int c = 0; c < dims; ++c) X.at<float>(r, c) = normal(rng);
  }
  auto scores = model.predictScores(X);
  if (!scores) return scores.error().wrap("computing golden vectors");
  m.goldenInputs.clear();
  m.goldenOutputs.clear();
  for (int r = 0; r < count; ++r) {
    m.goldenInputs.emplace_back(X.ptr<float>(r), X.ptr<float>(r) + dims);
    m.goldenOutputs.emplace_back(scores->ptr<float>(r), scores->ptr<float>(r) + scores->cols);
  }
  m.numClasses = scores->cols;
  return {};
}

Result<Artifact> artifactFromModelFile(const std::string& path, const SigningKey& key,
                                       const std::string& modelId, const std::string& modelName,
                                       const std::string& variant, const std::string& version,
                                       int chunkSize) {
  auto bytes = readBytes(path);
  if (!bytes) return bytes.error();
  auto model = training::loadClassifier(path);
  if (!model) return model.error().wrap("building the artifact of " + path);
  Artifact a;
  a.bytes = std::move(*bytes);
  Manifest& m = a.manifest;
  m.deployment = newDeploymentId();
  m.modelId = modelId;
  m.modelName = modelName;
  m.variant = variant.empty() ? (*model)->id() : variant;
  m.version = version;
  m.kind = "edgewise-model";
  m.chunkSize = chunkSize;
  m.inputShape = {(*model)->dims()};
  m.createdUs = util::wallClockUs();
  EW_TRY(addGoldenVectors(m, **model, kGoldenVectors, 20261206));
  signManifest(m, a.bytes, key);
  return a;
}

Result<Artifact> artifactFromProject(const std::string& projectPath, int64_t modelId,
                                     const SigningKey& key, int chunkSize) {
  auto project = store::Project::open(projectPath, store::OpenMode::OpenExisting);
  if (!project) return project.error();
  training::ModelRegistry registry(**project);
  auto record = registry.get(modelId);
  if (!record) return record.error();
  QTemporaryDir tmp;
  if (!tmp.isValid()) return Error("cannot create a temporary dir", "building the artifact");
  const std::string file = tmp.filePath(QStringLiteral("model.bin")).toStdString();
  EW_TRY(registry.exportFile(modelId, file));
  auto a = artifactFromModelFile(
      file, key, std::to_string(modelId), record->name,
      record->family + (record->origin == "trained" ? std::string() : "/" + record->origin),
      isoTime(record->createdUs), chunkSize);
  if (!a) return a.error();
  if (!record->inputShape.empty()) {
    a->manifest.inputShape = record->inputShape;
    signManifest(a->manifest, a->bytes, key);
  }
  return a;
}

Result<std::unique_ptr<training::Classifier>> loadDeployedModel(const std::string& path,
                                                                const Manifest& m) {
  if (m.kind == "torchscript") return training::importTorchScript(path, m.numClasses, m.inputShape);
  if (m.kind == "edgewise-model") return training::loadClassifier(path);
  return Error("unknown artifact kind '" + m.kind + "'", "loading the model");
}

Result<void> checkGoldenVectors(const training::Classifier& model, const Manifest& m) {
  if (m.goldenInputs.empty()) return Error("the manifest has no golden vectors", "self-test");
  const int dims = static_cast<int>(m.goldenInputs.front().size());
  if (model.dims() != dims) {
    return Error("the model takes " + std::to_string(model.dims()) + " inputs, the golden " +
                     "vectors have " + std::to_string(dims),
                 "self-test");
  }
  cv::Mat X(static_cast<int>(m.goldenInputs.size()), dims, CV_32F);
  for (int r = 0; r < X.rows; ++r) {
    const auto& row = m.goldenInputs[static_cast<size_t>(r)];
    if (static_cast<int>(row.size()) != dims) return Error("ragged golden inputs", "self-test");
    std::copy(row.begin(), row.end(), X.ptr<float>(r));
  }
  auto scores = model.predictScores(X);
  if (!scores) return scores.error().wrap("self-test");
  for (int r = 0; r < X.rows; ++r) {
    const auto& want = m.goldenOutputs[static_cast<size_t>(r)];
    if (static_cast<int>(want.size()) != scores->cols) {
      return Error("the model gives " + std::to_string(scores->cols) + " scores, expected " +
                       std::to_string(want.size()),
                   "self-test");
    }
    const float* got = scores->ptr<float>(r);
    int argGot = 0, argWant = 0;
    for (int c = 0; c < scores->cols; ++c) {
      if (got[c] > got[argGot]) argGot = c;
      if (want[static_cast<size_t>(c)] > want[static_cast<size_t>(argWant)]) argWant = c;
      const double diff = std::fabs(static_cast<double>(got[c]) - want[static_cast<size_t>(c)]);
      if (!(diff <= m.tolerance)) {
        char msg[160];
        std::snprintf(msg, sizeof msg,
                      "golden vector %d, class %d: score %.6g, expected %.6g (tolerance %.3g)", r,
                      c, static_cast<double>(got[c]),
                      static_cast<double>(want[static_cast<size_t>(c)]), m.tolerance);
        return Error(msg, "self-test");
      }
    }
    if (argGot != argWant) {
      return Error("golden vector " + std::to_string(r) + ": class " + std::to_string(argGot) +
                       ", expected " + std::to_string(argWant),
                   "self-test");
    }
  }
  return {};
}

}  // namespace edgewise::deploy
