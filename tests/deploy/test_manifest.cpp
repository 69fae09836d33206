// Keys, signatures and manifests: what a device accepts and what it refuses.

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <QTemporaryDir>
#include <nlohmann/json.hpp>

#include "core/deploy/manifest.h"
#include "core/deploy/signing.h"

using namespace edgewise::deploy;

namespace {

Manifest sampleManifest() {
  Manifest m;
  m.deployment = "d-0123456789abcdef";
  m.modelId = "7";
  m.modelName = "mlp-imu";
  m.variant = "mlp";
  m.version = "2026-12-06T19:00:00Z";
  m.chunkSize = 1000;
  m.inputShape = {3};
  m.numClasses = 2;
  m.goldenInputs = {{0.1f, -2.5f, 1e-7f}, {3.25f, 0.0f, -0.333333f}};
  m.goldenOutputs = {{0.9f, 0.1f}, {0.123456789f, 0.876543211f}};
  m.createdUs = 1796000000000000;
  return m;
}

}  // namespace

TEST(Signing, KnownSha256) {
  // Reference: `printf abc | sha256sum` (coreutils).
  EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Signing, KeysRoundTripThroughFiles) {
  QTemporaryDir dir;
  const std::string path = dir.filePath(QStringLiteral("p.signing-key")).toStdString();
  auto key = generateSigningKey();
  ASSERT_TRUE(key.ok());
  ASSERT_TRUE(saveSigningKey(*key, path).ok());
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_FALSE(saveSigningKey(*key, path).ok()) << "must not overwrite a key";
  auto loaded = loadSigningKey(path);
  ASSERT_TRUE(loaded.ok()) << loaded.error().toString();
  EXPECT_EQ(loaded->secretKey, key->secretKey);
  EXPECT_EQ(loaded->publicKey, key->publicKey);
  auto pub = loadPublicKey(path + ".pub");
  ASSERT_TRUE(pub.ok());
  EXPECT_EQ(*pub, key->publicKey);
  EXPECT_FALSE(loadPublicKey(path).ok()) << "a secret key is not a public key";
}

TEST(Manifest, SignedManifestVerifiesAfterTheWire) {
  auto key = generateSigningKey();
  ASSERT_TRUE(key.ok());
  Manifest m = sampleManifest();
  const std::string artifact(2500, 'x');
  signManifest(m, artifact, *key);
  EXPECT_EQ(m.chunks, 3);
  EXPECT_EQ(m.chunkBytes(2), 500);
  const std::string json = manifestToJson(m);
  auto back = parseVerifiedManifest(json, key->publicKey);
  ASSERT_TRUE(back.ok()) << back.error().toString();
  EXPECT_EQ(back->sha256, sha256Hex(artifact));
  EXPECT_EQ(back->goldenInputs, m.goldenInputs) << "floats survive the JSON exactly";
  EXPECT_EQ(back->goldenOutputs, m.goldenOutputs);
  // Re-serialising what was received signs the same bytes (member order, number format).
  EXPECT_EQ(canonicalManifestBytes(manifestToJson(*back)), canonicalManifestBytes(json));
}

// The optional input description and class names: absent when empty (older manifests keep
// their bytes), round-trip and are covered by the signature when present.
TEST(Manifest, InputDescriptionAndClassNamesAreOptionalAndSigned) {
  auto key = generateSigningKey();
  ASSERT_TRUE(key.ok());
  Manifest plain = sampleManifest();
  signManifest(plain, std::string(10, 'x'), *key);
  const auto plainJson = nlohmann::json::parse(manifestToJson(plain));
  EXPECT_FALSE(plainJson.contains("input"));
  EXPECT_FALSE(plainJson.contains("class_names"));

  Manifest m = sampleManifest();
  m.classNames = {"idle", "walk"};
  m.input = R"({"type":"timeseries","window":100,"stride":100,"channels":["ax","ay"],"rate_hz":50,)"
            R"("features":{"block":"stats","params":{}},"layout":"flat"})";
  signManifest(m, std::string(10, 'x'), *key);
  const std::string json = manifestToJson(m);
  auto back = parseVerifiedManifest(json, key->publicKey);
  ASSERT_TRUE(back.ok()) << back.error().toString();
  EXPECT_EQ(back->classNames, m.classNames);
  EXPECT_EQ(nlohmann::json::parse(back->input), nlohmann::json::parse(m.input));
  EXPECT_EQ(canonicalManifestBytes(manifestToJson(*back)), canonicalManifestBytes(json));

  // A device must not be told a different window or rate than the one that was signed.
  auto j = nlohmann::json::parse(json);
  j["input"]["rate_hz"] = 100;
  EXPECT_FALSE(parseVerifiedManifest(j.dump(), key->publicKey).ok());
  j = nlohmann::json::parse(json);
  j["class_names"][0] = "fall";
  EXPECT_FALSE(parseVerifiedManifest(j.dump(), key->publicKey).ok());
  j = nlohmann::json::parse(json);
  j["input"] = "not an object";
  EXPECT_FALSE(parseManifest(j.dump()).ok());
}

TEST(Manifest, RefusesUnsignedTamperedAndForeign) {
  auto key = generateSigningKey();
  auto other = generateSigningKey();
  ASSERT_TRUE(key.ok() && other.ok());
  Manifest m = sampleManifest();
  signManifest(m, std::string(2500, 'x'), *key);
  const std::string good = manifestToJson(m);

  Manifest unsigned_ = m;
  unsigned_.signature.clear();
  auto r = parseVerifiedManifest(manifestToJson(unsigned_), key->publicKey);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("unsigned"), std::string::npos);

  // Another artifact hash under the old signature.
  auto j = nlohmann::json::parse(good);
  j["sha256"] = sha256Hex("evil");
  r = parseVerifiedManifest(j.dump(), key->publicKey);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("does not verify"), std::string::npos);

  // A golden value changed by one ulp.
  j = nlohmann::json::parse(good);
  j["golden"]["outputs"][0][0] = std::nextafter(j["golden"]["outputs"][0][0].get<double>(), 2.0);
  EXPECT_FALSE(parseVerifiedManifest(j.dump(), key->publicKey).ok());

  // An extra member is covered by the signature too.
  j = nlohmann::json::parse(good);
  j["extra"] = 1;
  EXPECT_FALSE(parseVerifiedManifest(j.dump(), key->publicKey).ok());

  r = parseVerifiedManifest(good, other->publicKey);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find(keyId(key->publicKey)), std::string::npos)
      << "names the key that signed it: " << r.error().message;

  EXPECT_FALSE(parseVerifiedManifest("not json", key->publicKey).ok());
  EXPECT_TRUE(parseVerifiedManifest(good, key->publicKey).ok());
}

TEST(Manifest, DeploymentIdMustBeSafe) {
  auto key = generateSigningKey();
  Manifest m = sampleManifest();
  m.deployment = "../../etc";
  signManifest(m, "abc", *key);
  EXPECT_FALSE(parseVerifiedManifest(manifestToJson(m), key->publicKey).ok());
  EXPECT_EQ(newDeploymentId().size(), 18u);
}

TEST(Manifest, VersionsCompareNumerically) {
  EXPECT_EQ(compareVersions("0.1.0", "0.1.0"), 0);
  EXPECT_EQ(compareVersions("0.1", "0.1.0"), 0);
  EXPECT_LT(compareVersions("0.9.3", "0.10.0"), 0);
  EXPECT_GT(compareVersions("1.0.0", "0.99"), 0);
}
