#include "core/deploy/state_signature.h"

#include <nlohmann/json.hpp>

namespace edgewise::deploy {

std::string canonicalStateBytes(const std::string& json) {
  auto j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_object()) j.erase("sig");
  return std::string(kStateSignatureDomain) + j.dump();
}

std::string signStateJson(const std::string& json, const SecretKey& key) {
  auto j = nlohmann::json::parse(json, nullptr, false);
  if (!j.is_object()) return json;
  j.erase("sig");
  const auto sig = sign(std::string(kStateSignatureDomain) + j.dump(), key);
  j["sig"] = toHex(sig.data(), sig.size());
  return j.dump();
}

StateSignature verifyStateJson(const std::string& json, const PublicKey& key) {
  const auto j = nlohmann::json::parse(json, nullptr, false);
  if (!j.is_object() || !j.contains("sig") || !j["sig"].is_string()) return StateSignature::Missing;
  std::array<uint8_t, 64> sig{};
  if (!fromHex(j["sig"].get<std::string>(), sig.data(), sig.size())) return StateSignature::Bad;
  return verifySignature(canonicalStateBytes(json), sig, key) ? StateSignature::Valid
                                                              : StateSignature::Bad;
}

bool publicKeyFromHex(const std::string& hex, PublicKey* key) {
  return fromHex(hex, key->data(), key->size());
}

}  // namespace edgewise::deploy
