#pragma once
// The signed manifest of a deployment (docs/deploy_protocol.md): what the artifact is, its
// size and SHA-256, how it is chunked, the golden vectors of the self-test and the minimum
// agent version, signed with the project's Ed25519 key over canonical bytes.

#include <cstdint>
#include <string>
#include <vector>

#include "core/deploy/signing.h"
#include "core/util/result.h"

namespace edgewise::deploy {

inline constexpr const char* kManifestFormat = "edgewise-deploy/1";
inline constexpr int kDefaultChunkSize = 64 * 1024;

struct Manifest {
  std::string deployment;  // unique id of this deployment ("d-" + 16 hex digits)
  std::string modelId;
  std::string modelName;
  std::string variant;  // the family or compression variant ("mlp", "mlp-int8", ...)
  std::string version;
  std::string kind = "edgewise-model";  // or "torchscript"
  int64_t size = 0;
  std::string sha256;
  int chunkSize = kDefaultChunkSize;
  int chunks = 0;
  std::vector<int> inputShape;
  int numClasses = 0;
  std::vector<std::vector<float>> goldenInputs;
  std::vector<std::vector<float>> goldenOutputs;  // class scores per input
  double tolerance = 1e-4;
  // Optional (absent from the JSON when empty, so older manifests and their signatures are
  // unchanged): the class names of the model's outputs, and how the device builds the model's
  // input from its sensor stream, a JSON object (see ModelInput in model_artifact.h and
  // docs/mqtt_conventions.md), e.g. {"type":"timeseries","window":100,"stride":100,
  // "channels":["ax",..],"rate_hz":50,"features":{"block":"stats","params":{}},"layout":"flat"}.
  std::vector<std::string> classNames;
  std::string input;
  std::string minAgentVersion = "0.1.0";
  int64_t createdUs = 0;
  std::string keyId;
  std::string signature;  // 128 hex digits; empty: unsigned

  // Bytes of chunk i: chunkSize except for the last one.
  int64_t chunkBytes(int index) const;
};

// A new deployment id: "d-" followed by 16 random hex digits.
std::string newDeploymentId();
int chunkCountFor(int64_t size, int chunkSize);

// Fills size, sha256, chunks and keyId from the artifact and the key, then signs.
void signManifest(Manifest& manifest, const std::string& artifact, const SigningKey& key);

// The JSON sent on the wire (with the signature when there is one).
std::string manifestToJson(const Manifest& manifest);
// What the signature covers: a domain prefix and the JSON object without "signature",
// keys sorted, no white space.
std::string canonicalManifestBytes(const std::string& json);

// Parses without checking the signature (for a refusal message that names the deployment).
Result<Manifest> parseManifest(const std::string& json);
// Parses, then checks the signature over the received bytes against the trusted key and
// the fields for consistency. Errors say what is wrong ("unsigned", "signature does not
// verify with the trusted key a1b2...", "size and chunks disagree").
Result<Manifest> parseVerifiedManifest(const std::string& json, const PublicKey& trusted);

// Dotted version comparison ("0.10.0" > "0.9.3"): <0, 0, >0. Non-numeric parts compare as 0.
int compareVersions(const std::string& a, const std::string& b);

}  // namespace edgewise::deploy
