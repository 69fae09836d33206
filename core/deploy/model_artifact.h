#pragma once
// Between deployments and models: the artifact and manifest of a stored model (golden vectors
// computed with the very file that is shipped) and the agent's self-test. Torch-free: models
// are reached through the Classifier interface and loadClassifier().

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset/features/feature_block.h"

#include "core/deploy/manifest.h"
#include "core/training/classifier.h"
#include "core/util/result.h"

namespace edgewise::deploy {

struct Artifact {
  Manifest manifest;  // signed
  std::string bytes;
};

inline constexpr int kGoldenVectors = 8;

// Fills goldenInputs with `count` seeded standard-normal rows of the model's dims and
// goldenOutputs with its class scores for them.
Result<void> addGoldenVectors(Manifest& manifest, const training::Classifier& model, int count,
                              uint64_t seed);

// The artifact of a model file (any family loadClassifier() reads), signed with key.
// modelId / name / variant / version describe it in the manifest.
Result<Artifact> artifactFromModelFile(const std::string& path, const SigningKey& key,
                                       const std::string& modelId, const std::string& modelName,
                                       const std::string& variant, const std::string& version,
                                       int chunkSize = kDefaultChunkSize);

// The artifact of model `modelId` stored in the project (its name, family, creation time).
Result<Artifact> artifactFromProject(const std::string& projectPath, int64_t modelId,
                                     const SigningKey& key, int chunkSize = kDefaultChunkSize);

// How a device builds the model's input row from its sensor stream: the manifest's optional
// "input" object, taken from the model's dataset lineage (docs/mqtt_conventions.md). Only time
// series models have one; the agent refuses to guess for the others.
struct ModelInput {
  std::string type = "timeseries";
  int window = 0;                     // samples per window at rateHz
  int stride = 0;                     // samples between the starts of two windows in training
  std::vector<std::string> channels;  // the sensor channels, in the model's order
  double rateHz = 0;
  std::string featureBlock;  // "" = the raw window (the default features of time series)
  features::Params featureParams;
  // "channel_major": the window transposed to {channels, window} (the raw default);
  // "flat": the feature block's output as it computes it.
  std::string layout = "channel_major";
};
std::string modelInputToJson(const ModelInput& input);
Result<ModelInput> modelInputFromJson(const std::string& json);

// The input description of a stored model from its dataset and feature spec (lineage);
// nullopt for models whose input is not a time series window (tabular, image, audio).
Result<std::optional<ModelInput>> modelInputOf(const std::string& projectPath, int64_t modelId);

// Computes model inputs exactly as the training data preparation does
// (core/training/service/data_prep.cpp, time series): the raw window channel-major, or the
// feature block's output. Create once per installed model; compute() is const and
// thread-safe.
class ModelInputBuilder {
 public:
  // Refuses unknown blocks or parameters and inputs whose size is not `dims` (the model's).
  static Result<std::unique_ptr<ModelInputBuilder>> create(const ModelInput& input, int dims);

  const ModelInput& input() const { return m_input; }
  int dims() const { return m_dims; }
  // window: input().window samples x channels, sample-major. NaN/Inf are an error.
  Result<std::vector<float>> compute(const float* window) const;
  // "ax[0]".."gz[99]" (raw), "ax_mean".."gz_zc" (stats), "f0".. (other blocks).
  const std::vector<std::string>& featureNames() const { return m_names; }

 private:
  ModelInput m_input;
  int m_dims = 0;
  std::unique_ptr<features::FeatureBlock> m_block;
  std::vector<std::string> m_names;
};

// Loads a deployed file by the manifest's kind (edgewise-model or torchscript).
Result<std::unique_ptr<training::Classifier>> loadDeployedModel(const std::string& path,
                                                                const Manifest& manifest);
// Every golden score within the tolerance and the same arg-max class per row.
Result<void> checkGoldenVectors(const training::Classifier& model, const Manifest& manifest);

}  // namespace edgewise::deploy
