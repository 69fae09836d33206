#include "core/deploy/manifest.h"

#include <sodium.h>

#include <cstdlib>

#include <nlohmann/json.hpp>
#include <sstream>

namespace edgewise::deploy {

namespace {

using nlohmann::json;

constexpr const char* kSignaturePrefix = "edgewise-manifest/1\n";

json matrixToJson(const std::vector<std::vector<float>>& rows) {
  json out = json::array();
  for (const auto& row : rows) {
    json r = json::array();
    // float -> double is exact, and the JSON text round-trips the double exactly.
    for (float v : row) r.push_back(static_cast<double>(v));
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<std::vector<float>> matrixFromJson(const json& j) {
  std::vector<std::vector<float>> rows;
  for (const auto& r : j) {
    std::vector<float> row;
    for (const auto& v : r) row.push_back(static_cast<float>(v.get<double>()));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

int64_t Manifest::chunkBytes(int index) const {
  if (index < 0 || index >= chunks) return 0;
  const int64_t start = static_cast<int64_t>(index) * chunkSize;
  return std::min<int64_t>(chunkSize, size - start);
}

std::string newDeploymentId() {
  if (sodium_init() < 0) std::abort();  // no random source: nothing safe to do
  uint8_t bytes[8];
  randombytes_buf(bytes, sizeof bytes);
  return "d-" + toHex(bytes, sizeof bytes);
}

int chunkCountFor(int64_t size, int chunkSize) {
  if (size <= 0 || chunkSize <= 0) return 0;
  return static_cast<int>((size + chunkSize - 1) / chunkSize);
}

void signManifest(Manifest& m, const std::string& artifact, const SigningKey& key) {
  m.size = static_cast<int64_t>(artifact.size());
  m.sha256 = sha256Hex(artifact);
  m.chunks = chunkCountFor(m.size, m.chunkSize);
  m.keyId = keyId(key.publicKey);
  m.signature.clear();
  const auto sig = sign(canonicalManifestBytes(manifestToJson(m)), key.secretKey);
  m.signature = toHex(sig.data(), sig.size());
}

std::string manifestToJson(const Manifest& m) {
  json j;
  j["format"] = kManifestFormat;
  j["deployment"] = m.deployment;
  j["model_id"] = m.modelId;
  j["model_name"] = m.modelName;
  j["variant"] = m.variant;
  j["version"] = m.version;
  j["kind"] = m.kind;
  j["size"] = m.size;
  j["sha256"] = m.sha256;
  j["chunk_size"] = m.chunkSize;
  j["chunks"] = m.chunks;
  j["input_shape"] = m.inputShape;
  j["num_classes"] = m.numClasses;
  j["golden"] = {{"inputs", matrixToJson(m.goldenInputs)},
                 {"outputs", matrixToJson(m.goldenOutputs)},
                 {"tolerance", m.tolerance}};
  if (!m.classNames.empty()) j["class_names"] = m.classNames;
  if (!m.input.empty()) {
    json input = json::parse(m.input, nullptr, false);
    if (input.is_object()) j["input"] = std::move(input);
  }
  j["min_agent_version"] = m.minAgentVersion;
  j["created_us"] = m.createdUs;
  j["key_id"] = m.keyId;
  if (!m.signature.empty()) j["signature"] = m.signature;
  return j.dump();
}

std::string canonicalManifestBytes(const std::string& text) {
  json j = json::parse(text, nullptr, false);
  if (j.is_object()) j.erase("signature");
  // nlohmann::json keeps object keys sorted and dump() writes no white space.
  return std::string(kSignaturePrefix) + j.dump();
}

Result<Manifest> parseManifest(const std::string& text) {
  const json j = json::parse(text, nullptr, false);
  if (!j.is_object()) return Error("the manifest is not a JSON object", "manifest");
  Manifest m;
  try {
    if (j.value("format", std::string()) != kManifestFormat) {
      return Error("unknown manifest format '" + j.value("format", std::string()) +
                       "' (this agent reads " + kManifestFormat + ")",
                   "manifest");
    }
    m.deployment = j.at("deployment").get<std::string>();
    m.modelId = j.at("model_id").get<std::string>();
    m.modelName = j.value("model_name", std::string());
    m.variant = j.value("variant", std::string());
    m.version = j.value("version", std::string());
    m.kind = j.at("kind").get<std::string>();
    m.size = j.at("size").get<int64_t>();
    m.sha256 = j.at("sha256").get<std::string>();
    m.chunkSize = j.at("chunk_size").get<int>();
    m.chunks = j.at("chunks").get<int>();
    m.inputShape = j.value("input_shape", std::vector<int>());
    m.numClasses = j.value("num_classes", 0);
    const json& golden = j.at("golden");
    m.goldenInputs = matrixFromJson(golden.at("inputs"));
    m.goldenOutputs = matrixFromJson(golden.at("outputs"));
    m.tolerance = golden.at("tolerance").get<double>();
    if (j.contains("class_names"))
      m.classNames = j.at("class_names").get<std::vector<std::string>>();
    if (j.contains("input")) {
      if (!j.at("input").is_object()) return Error("\"input\" is not a JSON object", "manifest");
      m.input = j.at("input").dump();
    }
    m.minAgentVersion = j.value("min_agent_version", std::string("0"));
    m.createdUs = j.value("created_us", int64_t{0});
    m.keyId = j.value("key_id", std::string());
    m.signature = j.value("signature", std::string());
  } catch (const json::exception& e) {
    return Error(std::string("malformed manifest: ") + e.what(), "manifest");
  }
  // The id becomes a topic level and a directory name.
  const bool idOk =
      !m.deployment.empty() && m.deployment.size() <= 64 &&
      m.deployment.find_first_not_of(
          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") == std::string::npos;
  if (!idOk) return Error("the deployment id must be 1-64 of [A-Za-z0-9_-]", "manifest");
  return m;
}

Result<Manifest> parseVerifiedManifest(const std::string& text, const PublicKey& trusted) {
  auto m = parseManifest(text);
  if (!m) return m.error();
  if (m->signature.empty()) return Error("unsigned manifest refused", "manifest");
  std::array<uint8_t, 64> sig{};
  if (!fromHex(m->signature, sig.data(), sig.size())) {
    return Error("the signature is not 128 hex digits", "manifest");
  }
  if (!verifySignature(canonicalManifestBytes(text), sig, trusted)) {
    return Error("the signature does not verify with the trusted key " + keyId(trusted) +
                     " (manifest names key " + (m->keyId.empty() ? "none" : m->keyId) +
                     "): tampered, or signed by another project",
                 "manifest");
  }
  if (m->size <= 0 || m->chunkSize <= 0 || m->chunks != chunkCountFor(m->size, m->chunkSize)) {
    return Error("size " + std::to_string(m->size) + ", chunk size " +
                     std::to_string(m->chunkSize) + " and chunks " + std::to_string(m->chunks) +
                     " disagree",
                 "manifest");
  }
  if (m->sha256.size() != 64) return Error("sha256 is not 64 hex digits", "manifest");
  if (m->goldenInputs.size() != m->goldenOutputs.size()) {
    return Error("golden inputs and outputs differ in count", "manifest");
  }
  return m;
}

int compareVersions(const std::string& a, const std::string& b) {
  std::istringstream sa(a), sb(b);
  std::string pa, pb;
  for (;;) {
    const bool ha = static_cast<bool>(std::getline(sa, pa, '.'));
    const bool hb = static_cast<bool>(std::getline(sb, pb, '.'));
    if (!ha && !hb) return 0;
    const long va = ha ? std::strtol(pa.c_str(), nullptr, 10) : 0;
    const long vb = hb ? std::strtol(pb.c_str(), nullptr, 10) : 0;
    if (va != vb) return va < vb ? -1 : 1;
  }
}

}  // namespace edgewise::deploy
