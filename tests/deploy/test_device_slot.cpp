// The device slot on a real state dir: receive, verify, install atomically, self-test, roll
// back, refuse, resume after a restart, recover from a crash between install and verdict.

#include <gtest/gtest.h>
#include <unistd.h>

#include <QTemporaryDir>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/deploy/device_slot.h"

using namespace edgewise;
using namespace edgewise::deploy;

namespace {

std::string readAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class SlotTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto key = generateSigningKey();
    ASSERT_TRUE(key.ok());
    m_key = *key;
    m_dir = m_tmp.filePath(QStringLiteral("dev")).toStdString();
  }

  // The self-test accepts a file whose first byte is 'M' (a stand-in for a model runtime).
  std::unique_ptr<DeviceSlot> openSlot(std::string version = "0.1.0") {
    DeviceSlot::Options o;
    o.dir = m_dir;
    o.trustedKey = m_key.publicKey;
    o.agentVersion = std::move(version);
    o.selfTest = [this](const std::string& path, const Manifest&) -> Result<void> {
      ++selfTests;
      const std::string bytes = readAll(path);
      if (bytes.empty() || bytes[0] != 'M') return Error("golden vectors differ", "self-test");
      return {};
    };
    auto slot = std::make_unique<DeviceSlot>(o);
    EXPECT_TRUE(slot->open().ok());
    return slot;
  }

  std::pair<Manifest, std::string> makeDeployment(const std::string& artifact,
                                                  const std::string& modelId) {
    Manifest m;
    m.deployment = newDeploymentId();
    m.modelId = modelId;
    m.chunkSize = 100;
    m.goldenInputs = {{1.0f}};
    m.goldenOutputs = {{1.0f}};
    signManifest(m, artifact, m_key);
    return {m, manifestToJson(m)};
  }

  SlotStatus sendAll(DeviceSlot& slot, const Manifest& m, const std::string& artifact) {
    for (int i = 0; i < m.chunks; ++i) {
      bool stored = false;
      slot.onChunk(
          m.deployment, i,
          artifact.substr(static_cast<size_t>(i) * 100, static_cast<size_t>(m.chunkBytes(i))),
          &stored);
      EXPECT_TRUE(stored) << i;
    }
    EXPECT_TRUE(slot.complete());
    return slot.finish();
  }

  // Installs a first model "model 1" and returns its artifact.
  std::string installFirst(DeviceSlot& slot) {
    const std::string artifact = "M" + std::string(349, 'a');
    auto [m, json] = makeDeployment(artifact, "1");
    EXPECT_EQ(slot.onManifest(json).state, SlotState::Receiving);
    EXPECT_EQ(sendAll(slot, m, artifact).state, SlotState::Succeeded);
    return artifact;
  }

  QTemporaryDir m_tmp;
  std::string m_dir;
  SigningKey m_key;
  int selfTests = 0;
};

}  // namespace

TEST_F(SlotTest, InstallsAndKeepsThePreviousModel) {
  auto slot = openSlot();
  EXPECT_FALSE(slot->current().has_value());
  const std::string first = installFirst(*slot);
  ASSERT_TRUE(slot->current().has_value());
  EXPECT_EQ(slot->current()->modelId, "1");
  EXPECT_EQ(readAll(slot->current()->path), first);

  const std::string second = "M" + std::string(250, 'b');
  auto [m, json] = makeDeployment(second, "2");
  const SlotStatus receiving = slot->onManifest(json);
  EXPECT_EQ(receiving.chunks, 3);
  std::vector<std::string> seen;
  for (int i = 0; i < m.chunks; ++i) {
    bool stored = false;
    slot->onChunk(m.deployment, i, second.substr(static_cast<size_t>(i) * 100, 100), &stored);
  }
  const SlotStatus done =
      slot->finish([&](const SlotStatus& s) { seen.push_back(slotStateName(s.state)); });
  EXPECT_EQ(done.state, SlotState::Succeeded) << done.reason;
  EXPECT_EQ(seen, (std::vector<std::string>{"verifying", "installing", "self_test"}));
  EXPECT_EQ(slot->current()->modelId, "2");
  EXPECT_EQ(readAll(slot->current()->path), second);
  ASSERT_TRUE(slot->previous().has_value());
  EXPECT_EQ(slot->previous()->modelId, "1");
  EXPECT_EQ(readAll(slot->previous()->path), first);
  EXPECT_FALSE(::access((m_dir + "/staging").c_str(), F_OK) == 0) << "staging cleaned up";

  // The same manifest again repeats the verdict without installing anything.
  EXPECT_EQ(slot->onManifest(json).state, SlotState::Succeeded);
  EXPECT_EQ(selfTests, 2);
}

TEST_F(SlotTest, SelfTestFailureRollsBack) {
  auto slot = openSlot();
  installFirst(*slot);
  const std::string bad = "X" + std::string(120, 'c');  // loads, but fails the golden vectors
  auto [m, json] = makeDeployment(bad, "3");
  slot->onManifest(json);
  const SlotStatus s = sendAll(*slot, m, bad);
  EXPECT_EQ(s.state, SlotState::RolledBack);
  EXPECT_NE(s.reason.find("golden vectors differ"), std::string::npos) << s.reason;
  EXPECT_NE(s.reason.find("rolled back to model 1"), std::string::npos) << s.reason;
  EXPECT_EQ(slot->current()->modelId, "1");
  EXPECT_FALSE(::access((m_dir + "/models/" + m.deployment).c_str(), F_OK) == 0);
  EXPECT_FALSE(::access((m_dir + "/pending.json").c_str(), F_OK) == 0);
}

TEST_F(SlotTest, RefusesBadSignatureCorruptionAndOldAgents) {
  auto slot = openSlot();
  const std::string first = installFirst(*slot);
  const std::string next = "M" + std::string(200, 'd');

  // Signed by another key.
  auto other = generateSigningKey();
  Manifest foreign;
  foreign.deployment = newDeploymentId();
  foreign.modelId = "9";
  foreign.chunkSize = 100;
  signManifest(foreign, next, *other);
  SlotStatus s = slot->onManifest(manifestToJson(foreign));
  EXPECT_EQ(s.state, SlotState::Refused);
  EXPECT_EQ(s.deployment, foreign.deployment);
  EXPECT_NE(s.reason.find("does not verify"), std::string::npos) << s.reason;

  // A flipped byte in one chunk: every chunk stored, the hash refuses it.
  auto [m, json] = makeDeployment(next, "4");
  slot->onManifest(json);
  std::string corrupted = next;
  corrupted[150] ^= 0x20;
  s = sendAll(*slot, m, corrupted);
  EXPECT_EQ(s.state, SlotState::Refused);
  EXPECT_NE(s.reason.find("SHA-256"), std::string::npos) << s.reason;

  // A chunk of the wrong length.
  auto [m2, json2] = makeDeployment(next, "5");
  slot->onManifest(json2);
  bool stored = true;
  s = slot->onChunk(m2.deployment, 0, std::string(99, 'M'), &stored);
  EXPECT_FALSE(stored);
  EXPECT_EQ(s.state, SlotState::Refused);

  // Needs a newer agent.
  Manifest newer;
  newer.deployment = newDeploymentId();
  newer.modelId = "6";
  newer.minAgentVersion = "9.0";
  newer.chunkSize = 100;
  signManifest(newer, next, m_key);
  s = slot->onManifest(manifestToJson(newer));
  EXPECT_EQ(s.state, SlotState::Refused);
  EXPECT_NE(s.reason.find("9.0"), std::string::npos);

  // Through all of it the first model kept running.
  EXPECT_EQ(slot->current()->modelId, "1");
  EXPECT_EQ(readAll(slot->current()->path), first);
  EXPECT_EQ(selfTests, 1);
}

TEST_F(SlotTest, ResumesAStagedTransferAfterARestart) {
  const std::string artifact = "M" + std::string(549, 'e');
  auto [m, json] = makeDeployment(artifact, "7");
  {
    auto slot = openSlot();
    slot->onManifest(json);
    for (int i : {0, 1, 4}) {
      bool stored = false;
      slot->onChunk(m.deployment, i, artifact.substr(static_cast<size_t>(i) * 100, 100), &stored);
      ASSERT_TRUE(stored);
    }
  }
  auto slot = openSlot();
  const SlotStatus s = slot->onManifest(json);
  EXPECT_EQ(s.state, SlotState::Receiving);
  EXPECT_EQ(s.haveCount, 3);
  EXPECT_EQ(s.have, (std::vector<std::pair<int, int>>{{0, 1}, {4, 4}}));
  for (int i : {2, 3, 5}) {
    bool stored = false;
    slot->onChunk(
        m.deployment, i,
        artifact.substr(static_cast<size_t>(i) * 100, static_cast<size_t>(m.chunkBytes(i))),
        &stored);
  }
  ASSERT_TRUE(slot->complete());
  EXPECT_EQ(slot->finish().state, SlotState::Succeeded);
  EXPECT_EQ(readAll(slot->current()->path), artifact);
}

TEST_F(SlotTest, ACrashBeforeTheVerdictRollsBackOnRestart) {
  {
    auto slot = openSlot();
    installFirst(*slot);
  }
  const std::string second = "M" + std::string(99, 'f');
  auto [m, json] = makeDeployment(second, "8");
  {
    DeviceSlot::Options o;
    o.dir = m_dir;
    o.trustedKey = m_key.publicKey;
    // The self-test copies the state dir as it is mid-install (what a kill -9 leaves).
    o.selfTest = [this](const std::string&, const Manifest&) -> Result<void> {
      const std::string snapshot = m_tmp.filePath(QStringLiteral("snapshot")).toStdString();
      EXPECT_EQ(std::system(("cp -a " + m_dir + " " + snapshot).c_str()), 0);
      return Error("irrelevant");
    };
    DeviceSlot slot(o);
    ASSERT_TRUE(slot.open().ok());
    slot.onManifest(json);
    sendAll(slot, m, second);
  }
  // Restart from the mid-install snapshot: current -> the new model, pending.json present.
  m_dir = m_tmp.filePath(QStringLiteral("snapshot")).toStdString();
  ASSERT_TRUE(::access((m_dir + "/pending.json").c_str(), F_OK) == 0);
  auto slot = openSlot();
  EXPECT_EQ(slot->status().state, SlotState::RolledBack);
  EXPECT_NE(slot->status().reason.find("before the self-test finished"), std::string::npos);
  ASSERT_TRUE(slot->current().has_value());
  EXPECT_EQ(slot->current()->modelId, "1");
  EXPECT_EQ(slot->onManifest(json).state, SlotState::RolledBack) << "the verdict is remembered";
}
