#pragma once
// The project's Ed25519 signing key (libsodium) and SHA-256, the two primitives of the
// deployment protocol (docs/deploy_protocol.md).

#include <array>
#include <cstdint>
#include <string>

#include "core/util/result.h"

namespace edgewise::deploy {

using PublicKey = std::array<uint8_t, 32>;
using SecretKey = std::array<uint8_t, 64>;  // libsodium layout: seed followed by public key

struct SigningKey {
  PublicKey publicKey{};
  SecretKey secretKey{};
};

// A fresh key pair from the system's random source.
Result<SigningKey> generateSigningKey();

// Writes the secret key to `path` (hex, mode 0600) and the public key to `path + ".pub"`
// (hex), each atomically. Refuses to overwrite an existing secret key file.
Result<void> saveSigningKey(const SigningKey& key, const std::string& path);
Result<SigningKey> loadSigningKey(const std::string& path);
// Reads a public key file (64 hex digits, surrounding white space ignored).
Result<PublicKey> loadPublicKey(const std::string& path);
// The project's key: `<projectPath>.signing-key`, created on first use.
std::string projectKeyPath(const std::string& projectPath);
Result<SigningKey> loadOrCreateProjectKey(const std::string& projectPath);

// The first 8 bytes of the public key in hex (names a key in messages).
std::string keyId(const PublicKey& key);

// Detached Ed25519 signature (64 bytes) and its check.
std::array<uint8_t, 64> sign(const std::string& message, const SecretKey& key);
bool verifySignature(const std::string& message, const std::array<uint8_t, 64>& signature,
                     const PublicKey& key);

// SHA-256 of bytes, and of a file read in blocks; lower-case hex.
std::string sha256Hex(const std::string& bytes);
Result<std::string> sha256FileHex(const std::string& path);

std::string toHex(const uint8_t* data, size_t size);
// Decodes exactly `size` bytes of hex; false on bad digits or length.
bool fromHex(const std::string& hex, uint8_t* out, size_t size);

}  // namespace edgewise::deploy
