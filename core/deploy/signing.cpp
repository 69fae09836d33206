#include "core/deploy/signing.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/deploy/file_util.h"

namespace edgewise::deploy {

namespace {

bool sodiumReady() {
  static const bool ready = sodium_init() >= 0;
  return ready;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

Result<std::string> readText(const std::string& path) {
  auto text = readWholeFile(path);
  if (!text) return text.error().wrap("reading key");
  return trim(*text);
}

}  // namespace

std::string toHex(const uint8_t* data, size_t size) {
  static const char* digits = "0123456789abcdef";
  std::string out(size * 2, '0');
  for (size_t i = 0; i < size; ++i) {
    out[2 * i] = digits[data[i] >> 4];
    out[2 * i + 1] = digits[data[i] & 15];
  }
  return out;
}

bool fromHex(const std::string& hex, uint8_t* out, size_t size) {
  if (hex.size() != size * 2) return false;
  const auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (size_t i = 0; i < size; ++i) {
    const int hi = nibble(hex[2 * i]);
    const int lo = nibble(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return false;
    out[i] = static_cast<uint8_t>(hi << 4 | lo);
  }
  return true;
}

Result<SigningKey> generateSigningKey() {
  if (!sodiumReady()) return Error("libsodium could not be initialised", "generating key");
  SigningKey key;
  crypto_sign_keypair(key.publicKey.data(), key.secretKey.data());
  return key;
}

Result<void> saveSigningKey(const SigningKey& key, const std::string& path) {
  if (::access(path.c_str(), F_OK) == 0) {
    return Error(path + " already exists; remove it first to replace the key", "saving key");
  }
  EW_TRY(writeFileAtomic(path + ".pub", toHex(key.publicKey.data(), key.publicKey.size()) + "\n",
                         0644));
  return writeFileAtomic(path, toHex(key.secretKey.data(), key.secretKey.size()) + "\n", 0600);
}

Result<SigningKey> loadSigningKey(const std::string& path) {
  auto text = readText(path);
  if (!text) return text.error();
  SigningKey key;
  if (!fromHex(*text, key.secretKey.data(), key.secretKey.size())) {
    return Error(path + " is not a secret key (128 hex digits expected)", "reading key");
  }
  // The public key is the second half of libsodium's secret key.
  std::memcpy(key.publicKey.data(), key.secretKey.data() + 32, 32);
  return key;
}

Result<PublicKey> loadPublicKey(const std::string& path) {
  auto text = readText(path);
  if (!text) return text.error();
  PublicKey key{};
  if (!fromHex(*text, key.data(), key.size())) {
    return Error(path + " is not a public key (64 hex digits expected)", "reading key");
  }
  return key;
}

std::string projectKeyPath(const std::string& projectPath) {
  return projectPath + ".signing-key";
}

Result<SigningKey> loadOrCreateProjectKey(const std::string& projectPath) {
  const std::string path = projectKeyPath(projectPath);
  if (::access(path.c_str(), F_OK) == 0) return loadSigningKey(path);
  auto key = generateSigningKey();
  if (!key) return key.error();
  EW_TRY(saveSigningKey(*key, path));
  return key;
}

std::string keyId(const PublicKey& key) {
  return toHex(key.data(), 8);
}

std::array<uint8_t, 64> sign(const std::string& message, const SecretKey& key) {
  sodiumReady();
  std::array<uint8_t, 64> sig{};
  crypto_sign_detached(sig.data(), nullptr, reinterpret_cast<const uint8_t*>(message.data()),
                       message.size(), key.data());
  return sig;
}

bool verifySignature(const std::string& message, const std::array<uint8_t, 64>& signature,
                     const PublicKey& key) {
  if (!sodiumReady()) return false;
  return crypto_sign_verify_detached(signature.data(),
                                     reinterpret_cast<const uint8_t*>(message.data()),
                                     message.size(), key.data()) == 0;
}

std::string sha256Hex(const std::string& bytes) {
  sodiumReady();
  uint8_t digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  return toHex(digest, sizeof digest);
}

Result<std::string> sha256FileHex(const std::string& path) {
  sodiumReady();
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return Error("cannot open " + path + ": " + std::strerror(errno), "hashing");
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  std::string buffer(1 << 16, '\0');
  for (;;) {
    const ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n < 0) {
      const int err = errno;
      ::close(fd);
      return Error("cannot read " + path + ": " + std::strerror(err), "hashing");
    }
    if (n == 0) break;
    crypto_hash_sha256_update(&state, reinterpret_cast<const uint8_t*>(buffer.data()),
                              static_cast<size_t>(n));
  }
  ::close(fd);
  uint8_t digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&state, digest);
  return toHex(digest, sizeof digest);
}

}  // namespace edgewise::deploy
