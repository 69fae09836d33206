#pragma once
// Signed terminal deploy states (docs/deploy_protocol.md, "Device identity and signed terminal
// states"): the one canonicalisation the agent signs with and the Deployer checks against.

#include <string>

#include "core/deploy/signing.h"

namespace edgewise::deploy {

// What the "sig" of a terminal deploy/state message covers: this prefix and the JSON object
// without "sig", keys sorted, no white space (as canonicalManifestBytes does for manifests).
inline constexpr const char* kStateSignatureDomain = "edgewise-deploy-state-v1\n";
std::string canonicalStateBytes(const std::string& json);

// The state message (a JSON object) with "sig" appended: the device's detached signature over
// canonicalStateBytes(json). A payload that is not an object comes back unchanged.
std::string signStateJson(const std::string& json, const SecretKey& key);

enum class StateSignature { Valid, Missing, Bad };
// Checks the "sig" of a state message against the device's public key.
StateSignature verifyStateJson(const std::string& json, const PublicKey& key);

// 64 hex digits -> key; false when malformed.
bool publicKeyFromHex(const std::string& hex, PublicKey* key);

}  // namespace edgewise::deploy
