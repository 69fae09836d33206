#include "core/deploy/model_artifact.h"

#include <QDir>
#include <QTemporaryDir>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <random>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/dataset/data/dataset_repository.h"
#include "core/dataset/features/time_blocks.h"
#include "core/store/project.h"
#include "core/store/recording_repository.h"
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

// The channel names of a time series dataset. The IMU simulator's datasets carry the six IMU
// channels; datasets cut from recordings carry the names of the recorded streams (the first
// sample's stream: every stream of such a dataset has the same channel count); others are
// not named ("ch0"..).
std::vector<std::string> channelNamesOf(store::Project& project, const dataset::DatasetInfo& info) {
  if (info.seriesChannels == 6 && info.source.rfind("imu-sim", 0) == 0) {
    return {"ax", "ay", "az", "gx", "gy", "gz"};
  }
  if (info.source.rfind("recordings ", 0) == 0) {
    dataset::DatasetRepository datasets(project);
    auto samples = datasets.samples(info.id);
    // "recording <id> <device>/<topic> @<ms>" (recording_import.cpp)
    if (samples && !samples->empty()) {
      std::istringstream words(samples->front().source);
      std::string word;
      int64_t recordingId = 0;
      if (words >> word >> recordingId && word == "recording") {
        auto streams = project.recordings().streams(recordingId);
        if (streams) {
          for (const auto& stream : *streams) {
            if (static_cast<int>(stream.spec.channelNames.size()) == info.seriesChannels &&
                samples->front().source.find(" " + stream.spec.deviceId + "/" + stream.spec.topic +
                                             " @") != std::string::npos) {
              return stream.spec.channelNames;
            }
          }
        }
      }
    }
  }
  std::vector<std::string> names;
  for (int c = 0; c < info.seriesChannels; ++c) names.push_back("ch" + std::to_string(c));
  return names;
}

// The distance between two windows' starts in samples: "stride-ms=" of a dataset cut from
// recordings, else the window (the simulator's windows do not overlap).
int strideOf(const dataset::DatasetInfo& info) {
  const auto at = info.source.find("stride-ms=");
  if (at == std::string::npos) return info.seriesLength;
  const double ms = std::atof(info.source.c_str() + at + 10);
  const int stride = static_cast<int>(std::lround(ms * info.seriesRateHz / 1000.0));
  return stride > 0 ? stride : info.seriesLength;
}

Result<std::optional<ModelInput>> modelInputOfRecord(store::Project& project,
                                                     const training::ModelRecord& record) {
  if (record.datasetName.empty()) return std::optional<ModelInput>();
  dataset::DatasetRepository datasets(project);
  auto info = datasets.findByName(record.datasetName);
  // The dataset is gone: the lineage no longer says how the input was built.
  if (!info) return std::optional<ModelInput>();
  if (info->kind != dataset::DatasetKind::Timeseries) return std::optional<ModelInput>();
  ModelInput in;
  in.window = info->seriesLength;
  in.stride = strideOf(*info);
  in.channels = channelNamesOf(project, *info);
  in.rateHz = info->seriesRateHz;
  const std::string& block = record.features.blockId;
  in.featureBlock = block == "raw" ? std::string() : block;
  in.featureParams = record.features.params;
  in.layout = in.featureBlock.empty() ? "channel_major" : "flat";
  return std::optional<ModelInput>(std::move(in));
}

}  // namespace

std::string modelInputToJson(const ModelInput& in) {
  nlohmann::json j;
  j["type"] = in.type;
  j["window"] = in.window;
  j["stride"] = in.stride;
  j["channels"] = in.channels;
  j["rate_hz"] = in.rateHz;
  if (in.featureBlock.empty()) {
    j["features"] = nullptr;
  } else {
    j["features"] = {{"block", in.featureBlock}, {"params", in.featureParams}};
  }
  j["layout"] = in.layout;
  return j.dump();
}

Result<ModelInput> modelInputFromJson(const std::string& text) {
  const std::string ctx = "the manifest's input description";
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return Error("not a JSON object", ctx);
  ModelInput in;
  try {
    in.type = j.at("type").get<std::string>();
    in.window = j.at("window").get<int>();
    in.stride = j.value("stride", in.window);
    in.channels = j.at("channels").get<std::vector<std::string>>();
    in.rateHz = j.at("rate_hz").get<double>();
    in.layout = j.value("layout", std::string("channel_major"));
    const auto& f = j.at("features");
    if (f.is_object()) {
      in.featureBlock = f.at("block").get<std::string>();
      in.featureParams = f.value("params", features::Params());
    }
  } catch (const nlohmann::json::exception& e) {
    return Error(std::string("malformed: ") + e.what(), ctx);
  }
  if (in.type != "timeseries") return Error("input type '" + in.type + "' is not supported", ctx);
  if (in.window < 1 || in.stride < 1 || in.channels.empty() || !(in.rateHz > 0)) {
    return Error("window, stride, channels and rate_hz must be positive", ctx);
  }
  if (in.layout != "channel_major" && in.layout != "flat") {
    return Error("unknown layout '" + in.layout + "'", ctx);
  }
  return in;
}

Result<std::optional<ModelInput>> modelInputOf(const std::string& projectPath, int64_t modelId) {
  auto project = store::Project::open(projectPath, store::OpenMode::OpenExisting);
  if (!project) return project.error();
  training::ModelRegistry registry(**project);
  auto record = registry.get(modelId);
  if (!record) return record.error();
  return modelInputOfRecord(**project, *record);
}

Result<std::unique_ptr<ModelInputBuilder>> ModelInputBuilder::create(const ModelInput& input,
                                                                     int dims) {
  const std::string ctx = "building the model input";
  auto b = std::unique_ptr<ModelInputBuilder>(new ModelInputBuilder());
  b->m_input = input;
  b->m_dims = dims;
  const int channels = static_cast<int>(input.channels.size());
  int64_t produced = 0;
  if (input.featureBlock.empty()) {
    if (input.layout != "channel_major") {
      return Error("the raw window is only supported channel-major", ctx);
    }
    produced = static_cast<int64_t>(input.window) * channels;
    for (const auto& c : input.channels)
      for (int t = 0; t < input.window; ++t)
        b->m_names.push_back(c + "[" + std::to_string(t) + "]");
  } else {
    auto block =
        features::BlockRegistry::instance().create(input.featureBlock, input.featureParams);
    if (!block) return block.error().wrap(ctx);
    b->m_block = std::move(*block);
    auto d = b->m_block->outputDims(input.window, channels, input.rateHz);
    if (!d) return d.error().wrap(ctx);
    produced = 1;
    for (int v : *d) produced *= v;
    if (input.featureBlock == "stats") {
      static const char* kStats[] = {"mean", "std", "min", "max", "rms", "zc"};
      for (const auto& c : input.channels)
        for (const char* s : kStats) b->m_names.push_back(c + "_" + s);
    } else {
      for (int64_t i = 0; i < produced; ++i) b->m_names.push_back("f" + std::to_string(i));
    }
  }
  if (produced != dims) {
    return Error("the input description gives " + std::to_string(produced) +
                     " values, the model takes " + std::to_string(dims),
                 ctx);
  }
  if (static_cast<int64_t>(b->m_names.size()) != produced) b->m_names.resize(produced);
  return b;
}

Result<std::vector<float>> ModelInputBuilder::compute(const float* window) const {
  const int channels = static_cast<int>(m_input.channels.size());
  const int samples = m_input.window;
  if (m_block) {
    auto f = m_block->compute(window, samples, channels, m_input.rateHz);
    if (!f) return f.error();
    if (static_cast<int>(f->size()) != m_dims) {
      return Error("the feature block gave " + std::to_string(f->size()) + " values, expected " +
                   std::to_string(m_dims));
    }
    return f;
  }
  // The raw default of time series: channel-major, as data_prep lays out {C, L}.
  std::vector<float> out(static_cast<size_t>(m_dims));
  for (int t = 0; t < samples; ++t) {
    for (int c = 0; c < channels; ++c) {
      const float v = window[static_cast<size_t>(t) * channels + c];
      if (!std::isfinite(v)) return Error("the window holds NaN or Inf");
      out[static_cast<size_t>(c) * samples + t] = v;
    }
  }
  return out;
}

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
  if (!record->inputShape.empty()) a->manifest.inputShape = record->inputShape;
  a->manifest.classNames = record->classNames;
  auto input = modelInputOfRecord(**project, *record);
  if (!input) return input.error().wrap("describing the input of model " + record->name);
  if (*input) a->manifest.input = modelInputToJson(**input);
  signManifest(a->manifest, a->bytes, key);
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
