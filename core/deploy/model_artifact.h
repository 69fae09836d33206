#pragma once
// Between deployments and models: the artifact and manifest of a stored model (golden vectors
// computed with the very file that is shipped) and the agent's self-test. Torch-free: models
// are reached through the Classifier interface and loadClassifier().

#include <cstdint>
#include <memory>
#include <string>

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

// Loads a deployed file by the manifest's kind (edgewise-model or torchscript).
Result<std::unique_ptr<training::Classifier>> loadDeployedModel(const std::string& path,
                                                                const Manifest& manifest);
// Every golden score within the tolerance and the same arg-max class per row.
Result<void> checkGoldenVectors(const training::Classifier& model, const Manifest& manifest);

}  // namespace edgewise::deploy
