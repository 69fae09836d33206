// Deployments end to end: real edgewise-agent processes (model slots in a temp dir) against a
// real Mosquitto broker, driven by the Deployer. Models are real (OpenCV kNN trained here), so
// the agents' self-test loads them with loadClassifier() and checks the golden vectors.

#include <gtest/gtest.h>
#include <unistd.h>

#include <mqtt/async_client.h>
#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "core/deploy/deployer.h"
#include "core/deploy/device_slot.h"
#include "core/deploy/model_artifact.h"
#include "core/deploy/state_signature.h"
#include "core/training/service/model_factory.h"
#include "core/util/local_broker.h"
#include "tests/deploy/agent_fixture.h"

using namespace edgewise;
using namespace edgewise::deploy;
using namespace std::chrono_literals;

namespace {

// A trained kNN over `rows` random 8-dim samples of 3 classes, saved to path.
std::string trainModel(const std::string& path, int rows, uint64_t seed) {
  auto model = training::createClassifier("knn", {{"k", "3"}}, seed, {8});
  EXPECT_TRUE(model.ok());
  std::mt19937 rng(static_cast<uint32_t>(seed));
  std::normal_distribution<float> normal;
  cv::Mat X(rows, 8, CV_32F);
  std::vector<int> y(static_cast<size_t>(rows));
  for (int r = 0; r < rows; ++r) {
    y[static_cast<size_t>(r)] = r % 3;
    for (int c = 0; c < 8; ++c) X.at<float>(r, c) = normal(rng) + (c == r % 3 ? 2.0f : 0.0f);
  }
  EXPECT_TRUE((*model)->train(X, y, 3).ok());
  EXPECT_TRUE((*model)->save(path).ok());
  return path;
}

std::string linkTarget(const std::string& link) {
  char buf[512];
  const ssize_t n = ::readlink(link.c_str(), buf, sizeof buf);
  return n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
}

class DeployAgents : public ::testing::Test {
 protected:
  void SetUp() override {
    util::LocalBroker::Options o;
    o.persistence = false;
    ASSERT_TRUE(m_broker.start(o).ok());
    m_keyPath = m_tmp.filePath(QStringLiteral("project.edgewise.signing-key")).toStdString();
    auto key = generateSigningKey();
    ASSERT_TRUE(key.ok());
    m_key = *key;
    ASSERT_TRUE(saveSigningKey(m_key, m_keyPath).ok());
    m_stateDir = m_tmp.filePath(QStringLiteral("devices")).toStdString();
  }

  void TearDown() override {
    if (m_agent) {
      m_agent->terminate();
      m_agent->waitForFinished(15000);
    }
  }

  void startAgents(int count) {
    m_agent = deploy_test::startDeployAgents(m_broker.url(), QStringLiteral("dev-"), count,
                                             QString::fromStdString(m_stateDir),
                                             QString::fromStdString(m_keyPath + ".pub"));
    ASSERT_TRUE(m_agent);
    ASSERT_TRUE(deploy_test::waitForOnline(m_broker.url(), count)) << "agents did not come online";
  }

  std::vector<std::string> ids(int count) const {
    std::vector<std::string> out;
    for (int i = 1; i <= count; ++i) {
      char id[16];
      std::snprintf(id, sizeof id, "dev-%04d", i);
      out.push_back(id);
    }
    return out;
  }

  Artifact artifactOf(int rows, uint64_t seed, const std::string& modelId, int chunkSize) {
    const std::string path =
        m_tmp.filePath(QStringLiteral("model-%1.bin").arg(QString::fromStdString(modelId)))
            .toStdString();
    trainModel(path, rows, seed);
    auto a = artifactFromModelFile(path, m_key, modelId, "knn-" + modelId, "knn", "1", chunkSize);
    EXPECT_TRUE(a.ok()) << (a ? "" : a.error().toString());
    return *a;
  }

  std::vector<DeviceOutcome> deploy(const Artifact& a, const std::vector<std::string>& devices,
                                    DeployOptions o = {}, std::string json = {}) {
    o.brokerUrl = m_broker.url();
    o.deviceTimeoutS = 30;
    Deployer deployer(o);
    EXPECT_TRUE(deployer.connect().ok());
    return deployer.run(a.manifest, json.empty() ? manifestToJson(a.manifest) : json, a.bytes,
                        devices);
  }

  // The model id each device reports in its retained status.
  std::map<std::string, std::string> reportedModels() {
    std::map<std::string, std::string> out;
    auto devices = discoverDevices(m_broker.url(), 0.5);
    if (!devices) return out;
    for (const auto& d : *devices) {
      const auto j = nlohmann::json::parse(d.modelJson, nullptr, false);
      out[d.id] = j.is_object() ? j.value("model_id", std::string()) : "none";
    }
    return out;
  }

  QTemporaryDir m_tmp;
  util::LocalBroker m_broker;
  SigningKey m_key;
  std::string m_keyPath;
  std::string m_stateDir;
  std::unique_ptr<QProcess> m_agent;
};

}  // namespace

TEST_F(DeployAgents, DeploysToSeveralDevicesAndReportsTheModel) {
  ASSERT_NO_FATAL_FAILURE(startAgents(3));
  const Artifact a = artifactOf(600, 1, "11", 4096);
  ASSERT_GT(a.manifest.chunks, 3);
  const auto outcomes = deploy(a, ids(3));
  ASSERT_EQ(outcomes.size(), 3u);
  for (const auto& o : outcomes) {
    EXPECT_EQ(o.state, "succeeded") << o.device << ": " << o.reason;
    EXPECT_EQ(o.chunksSent, a.manifest.chunks) << o.device;
    const auto model = nlohmann::json::parse(o.modelJson);
    EXPECT_EQ(model.value("model_id", ""), "11");
    EXPECT_EQ(model.value("sha256", ""), a.manifest.sha256);
    std::ifstream in(m_stateDir + "/" + o.device + "/current/model.bin", std::ios::binary);
    EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), a.bytes);
  }
  const auto reported = reportedModels();
  for (const auto& id : ids(3)) EXPECT_EQ(reported.at(id), "11") << id;

  // Deploying the same artifact again is answered without a transfer.
  const auto again = deploy(a, ids(3));
  for (const auto& o : again) {
    EXPECT_EQ(o.state, "succeeded");
    EXPECT_EQ(o.chunksSent, 0);
  }
}

TEST_F(DeployAgents, RefusesBadSignaturesAndCorruptChunksAndKeepsTheRunningModel) {
  ASSERT_NO_FATAL_FAILURE(startAgents(2));
  const Artifact first = artifactOf(300, 2, "21", 4096);
  for (const auto& o : deploy(first, ids(2))) ASSERT_EQ(o.state, "succeeded") << o.reason;
  const std::string firstTarget = linkTarget(m_stateDir + "/dev-0001/current");

  // Signed by another key (another project, or an attacker).
  Artifact foreign = artifactOf(300, 3, "22", 4096);
  auto otherKey = generateSigningKey();
  signManifest(foreign.manifest, foreign.bytes, *otherKey);
  for (const auto& o : deploy(foreign, ids(2))) {
    EXPECT_EQ(o.state, "refused") << o.device;
    EXPECT_NE(o.reason.find("does not verify"), std::string::npos) << o.reason;
    EXPECT_EQ(o.chunksSent, 0) << "nothing is sent after a refused manifest";
  }

  // Unsigned.
  Artifact unsignedArtifact = artifactOf(300, 4, "23", 4096);
  unsignedArtifact.manifest.signature.clear();
  for (const auto& o : deploy(unsignedArtifact, ids(2))) {
    EXPECT_EQ(o.state, "refused");
    EXPECT_NE(o.reason.find("unsigned"), std::string::npos) << o.reason;
  }

  // Correctly signed, one chunk corrupted in transit.
  const Artifact good = artifactOf(300, 5, "24", 4096);
  DeployOptions corrupt;
  corrupt.corruptChunk = 1;
  for (const auto& o : deploy(good, ids(2), corrupt)) {
    EXPECT_EQ(o.state, "refused") << o.device;
    EXPECT_NE(o.reason.find("SHA-256"), std::string::npos) << o.reason;
  }

  EXPECT_EQ(linkTarget(m_stateDir + "/dev-0001/current"), firstTarget);
  const auto reported = reportedModels();
  for (const auto& id : ids(2)) EXPECT_EQ(reported.at(id), "21") << id;
}

TEST_F(DeployAgents, RollsBackWhenTheSelfTestFails) {
  ASSERT_NO_FATAL_FAILURE(startAgents(2));
  const Artifact first = artifactOf(300, 6, "31", 4096);
  for (const auto& o : deploy(first, ids(2))) ASSERT_EQ(o.state, "succeeded") << o.reason;

  // Properly signed, but the golden outputs are not what this model computes.
  Artifact wrong = artifactOf(300, 7, "32", 4096);
  for (auto& row : wrong.manifest.goldenOutputs)
    std::rotate(row.begin(), row.begin() + 1, row.end());
  signManifest(wrong.manifest, wrong.bytes, m_key);
  for (const auto& o : deploy(wrong, ids(2))) {
    EXPECT_EQ(o.state, "rolled_back") << o.device << ": " << o.reason;
    EXPECT_NE(o.reason.find("self-test"), std::string::npos) << o.reason;
    EXPECT_NE(o.reason.find("rolled back to model 31"), std::string::npos) << o.reason;
    EXPECT_EQ(nlohmann::json::parse(o.modelJson).value("model_id", ""), "31");
  }
  const auto reported = reportedModels();
  for (const auto& id : ids(2)) EXPECT_EQ(reported.at(id), "31") << id;
}

TEST_F(DeployAgents, ResumesAfterABrokerRestartMidTransfer) {
  ASSERT_NO_FATAL_FAILURE(startAgents(2));
  const Artifact a = artifactOf(3000, 8, "41", 2048);
  ASSERT_GE(a.manifest.chunks, 40);
  DeployOptions o;
  o.maxChunksPerSecond = 25;  // a slow link: the transfer takes a few seconds
  o.idleResendS = 1;
  o.brokerUrl = m_broker.url();
  o.deviceTimeoutS = 60;
  Deployer deployer(o);
  ASSERT_TRUE(deployer.connect().ok());
  std::vector<DeviceOutcome> outcomes;
  std::thread runner(
      [&] { outcomes = deployer.run(a.manifest, manifestToJson(a.manifest), a.bytes, ids(2)); });
  std::this_thread::sleep_for(1500ms);
  ASSERT_TRUE(m_broker.restart(500).ok());
  runner.join();
  ASSERT_EQ(outcomes.size(), 2u);
  for (const auto& d : outcomes) {
    EXPECT_EQ(d.state, "succeeded") << d.device << ": " << d.reason;
    EXPECT_GE(d.manifestsSent, 2) << "the manifest was sent again to learn the chunk map";
    // Resumed, not restarted: chunks stored before the restart were not sent again.
    EXPECT_LT(d.chunksSent, a.manifest.chunks + 2 * o.window) << d.device;
  }
  const auto reported = reportedModels();
  for (const auto& id : ids(2)) EXPECT_EQ(reported.at(id), "41") << id;
}

TEST_F(DeployAgents, FinishesATransferThatWasCompleteWhenTheAgentStopped) {
  // Every chunk staged, no verdict yet: what an agent killed right after the last chunk
  // leaves behind.
  const Artifact a = artifactOf(300, 9, "51", 4096);
  {
    DeviceSlot::Options o;
    o.dir = m_stateDir + "/dev-0001";
    o.trustedKey = m_key.publicKey;
    DeviceSlot slot(o);
    ASSERT_TRUE(slot.open().ok());
    ASSERT_EQ(slot.onManifest(manifestToJson(a.manifest)).state, SlotState::Receiving);
    for (int i = 0; i < a.manifest.chunks; ++i) {
      bool stored = false;
      slot.onChunk(a.manifest.deployment, i,
                   a.bytes.substr(static_cast<size_t>(i) * 4096,
                                  static_cast<size_t>(a.manifest.chunkBytes(i))),
                   &stored);
      ASSERT_TRUE(stored);
    }
    ASSERT_TRUE(slot.complete());
  }
  ASSERT_NO_FATAL_FAILURE(startAgents(1));
  const auto outcomes = deploy(a, ids(1));
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_EQ(outcomes[0].state, "succeeded") << outcomes[0].reason;
  EXPECT_EQ(outcomes[0].chunksSent, 0) << "resumed with every chunk already there";
  EXPECT_EQ(reportedModels().at("dev-0001"), "51");
}

TEST(RecommendedChunkSize, AboutAQuarterOfTheArtifactIn64kBStepsWithin64kBAnd1MB) {
  EXPECT_EQ(recommendedChunkSize(1), 64 * 1024);
  EXPECT_EQ(recommendedChunkSize(200 * 1024), 64 * 1024);
  EXPECT_EQ(recommendedChunkSize(1 << 20), 256 * 1024);
  EXPECT_EQ(recommendedChunkSize((1 << 20) + 1), 320 * 1024);
  EXPECT_EQ(recommendedChunkSize(int64_t{64} << 20), 1024 * 1024);
  EXPECT_EQ(chunkCountFor(1 << 20, recommendedChunkSize(1 << 20)), 4);
}

TEST_F(DeployAgents, AOneChunkByteBudgetStillDeliversEveryByte) {
  // maxUnackedBytes below one chunk: one chunk at a time over all devices, each handed to
  // the client only after the broker acknowledged the previous one.
  ASSERT_NO_FATAL_FAILURE(startAgents(3));
  const Artifact a = artifactOf(600, 10, "61", 4096);
  ASSERT_GT(a.manifest.chunks, 3);
  DeployOptions o;
  o.maxUnackedBytes = 1;
  const auto outcomes = deploy(a, ids(3), o);
  ASSERT_EQ(outcomes.size(), 3u);
  for (const auto& d : outcomes) {
    EXPECT_EQ(d.state, "succeeded") << d.device << ": " << d.reason;
    EXPECT_EQ(d.chunksSent, a.manifest.chunks) << d.device;
    std::ifstream in(m_stateDir + "/" + d.device + "/current/model.bin", std::ios::binary);
    EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), a.bytes) << d.device;
  }
}

TEST_F(DeployAgents, AClientStuckInAMalformedPacketLoopIsReplaced) {
  // The agent's test hook makes dev-0002 publish one QoS 1 message with an empty topic:
  // mosquitto drops the connection ("malformed packet") and the persistent session resends
  // it on every reconnect, the loop that a publication Paho C 1.3.11 freed too early caused
  // after broker restarts (docs/deploy_protocol.md). The agent must give the device a new
  // client (after 15 s down while dev-0001 is connected) and the device must take
  // deployments again.
  qputenv("EDGEWISE_AGENT_TEST_POISON_SESSION", "dev-0002");
  m_agent = deploy_test::startDeployAgents(m_broker.url(), QStringLiteral("dev-"), 2,
                                           QString::fromStdString(m_stateDir),
                                           QString::fromStdString(m_keyPath + ".pub"));
  qunsetenv("EDGEWISE_AGENT_TEST_POISON_SESSION");
  ASSERT_TRUE(m_agent);
  const auto malformed = [&] {
    QFile log(m_broker.logFile());
    if (!log.open(QIODevice::ReadOnly)) return 0;
    return static_cast<int>(
        log.readAll().count("Client dev-0002 disconnected due to malformed packet"));
  };
  const auto start = std::chrono::steady_clock::now();
  while (malformed() < 2 && std::chrono::steady_clock::now() - start < 20s) {
    std::this_thread::sleep_for(200ms);
  }
  ASSERT_GE(malformed(), 2) << "the poisoned session did not loop";
  // Replaced after 15 s down: both online again, and the loop has stopped.
  bool back = false;
  while (!back && std::chrono::steady_clock::now() - start < 60s) {
    back = deploy_test::waitForOnline(m_broker.url(), 2);
  }
  ASSERT_TRUE(back) << "dev-0002 did not come back";
  const int loops = malformed();
  const Artifact a = artifactOf(300, 11, "71", 4096);
  for (const auto& d : deploy(a, ids(2))) {
    EXPECT_EQ(d.state, "succeeded") << d.device << ": " << d.reason;
  }
  EXPECT_EQ(reportedModels().at("dev-0002"), "71");
  // At most the old client's last connect attempt (already under way when it was replaced).
  EXPECT_LE(malformed(), loops + 1) << "the old client kept looping";
}

namespace {

// Devices played by a test client (no agent): each announces `statusKey` in a retained status
// (none when empty) and answers a manifest at once with "succeeded" for its deployment, signed
// with `signWith` (unsigned when null): a forger who can publish on the device's topics.
struct FakeDevice {
  std::string id;
  std::string statusKey;
  const SigningKey* signWith = nullptr;
};

class FakeDevices {
 public:
  FakeDevices(const std::string& url, std::vector<FakeDevice> devices)
      : m_client(url, "test-fake-devices"), m_devices(std::move(devices)) {
    m_client.set_message_callback([this](mqtt::const_message_ptr msg) {
      const auto m = nlohmann::json::parse(msg->get_payload_str(), nullptr, false);
      for (const auto& d : m_devices) {
        if (msg->get_topic() != "edgewise/" + d.id + "/deploy/manifest" || !m.is_object()) continue;
        const nlohmann::json model = {{"model_id", m.value("model_id", "")},
                                      {"sha256", m.value("sha256", "")},
                                      {"deployment", m.value("deployment", "")}};
        std::string state =
            nlohmann::json{{"device", d.id},       {"deployment", m.value("deployment", "")},
                           {"state", "succeeded"}, {"reason", "installed"},
                           {"model", model},       {"ts", 1}}
                .dump();
        if (d.signWith) state = signStateJson(state, d.signWith->secretKey);
        m_client.publish("edgewise/" + d.id + "/deploy/state", state, 1, true);
      }
    });
    m_client.connect()->wait();
    for (const auto& d : m_devices) {
      nlohmann::json status = {{"device", d.id}, {"state", "online"}, {"agent_version", "9.9.9"}};
      if (!d.statusKey.empty()) status["public_key"] = d.statusKey;
      m_client.publish("edgewise/" + d.id + "/status", status.dump(), 1, true)->wait();
      m_client.subscribe("edgewise/" + d.id + "/deploy/manifest", 1)->wait();
    }
  }
  ~FakeDevices() { m_client.disconnect()->wait(); }

 private:
  mqtt::async_client m_client;
  std::vector<FakeDevice> m_devices;
};

std::string hexOf(const PublicKey& key) {
  return toHex(key.data(), key.size());
}

}  // namespace

// The Deployer checks the "sig" of terminal states (docs/deploy_protocol.md, "Trust"): a real
// agent's signed state is verified; a forged "succeeded" (another key, or no signature) of a
// device whose key is known is "unverified" and not counted as a success; a device without a
// known key (an old agent) still succeeds, reported "unsigned".
TEST_F(DeployAgents, ForgedTerminalStatesAreNotCountedAsSuccess) {
  ASSERT_NO_FATAL_FAILURE(startAgents(1));
  auto announced = generateSigningKey();
  auto forger = generateSigningKey();
  ASSERT_TRUE(announced.ok() && forger.ok());
  FakeDevices fakes(m_broker.url(), {{"fake-forged", hexOf(announced->publicKey), &*forger},
                                     {"fake-nosig", hexOf(announced->publicKey), nullptr},
                                     {"fake-signed", hexOf(announced->publicKey), &*announced},
                                     {"fake-oldagent", "", nullptr}});
  const Artifact a = artifactOf(300, 31, "31", 4096);
  const std::vector<std::string> devices = {"dev-0001", "fake-forged", "fake-nosig", "fake-signed",
                                            "fake-oldagent"};
  const auto outcomes = deploy(a, devices);
  ASSERT_EQ(outcomes.size(), 5u);
  std::map<std::string, DeviceOutcome> by;
  for (const auto& o : outcomes) by[o.device] = o;
  EXPECT_EQ(by["dev-0001"].state, "succeeded") << by["dev-0001"].reason;
  EXPECT_EQ(by["dev-0001"].signature, "verified");
  EXPECT_EQ(by["fake-forged"].state, "unverified");
  EXPECT_EQ(by["fake-forged"].signature, "unverified");
  EXPECT_EQ(by["fake-forged"].reason,
            "the device reported 'succeeded' with a signature that is not by its key (identity "
            "key " +
                keyId(announced->publicKey) + "); the state is not trusted");
  EXPECT_EQ(by["fake-forged"].modelJson, "null") << "a forged state's model is not taken";
  EXPECT_EQ(by["fake-nosig"].state, "unverified");
  EXPECT_EQ(by["fake-nosig"].reason,
            "the device reported 'succeeded' without a signature (identity key " +
                keyId(announced->publicKey) + "); the state is not trusted");
  EXPECT_EQ(by["fake-signed"].state, "succeeded");
  EXPECT_EQ(by["fake-signed"].signature, "verified");
  EXPECT_EQ(by["fake-oldagent"].state, "succeeded");
  EXPECT_EQ(by["fake-oldagent"].signature, "unsigned");

  // Totals and JSON: unverified devices are counted apart and never as succeeded.
  RolloutReport report;
  report.devices = outcomes;
  countOutcomes(report);
  EXPECT_EQ(report.succeeded, 3);
  EXPECT_EQ(report.unverified, 2);
  EXPECT_EQ(report.failed, 0);
  const auto j = nlohmann::json::parse(rolloutJson(report));
  EXPECT_EQ(j["totals"]["unverified"], 2);
  EXPECT_EQ(j["devices"][4]["signature"], "unsigned");

  // A key given by the caller (the inventory's pinned key) wins over the status: the real
  // agent's state, signed with its own key, is then unverified, and the reason names the key
  // the device announces.
  const std::string agentKey = [&] {
    auto d = discoverDevices(m_broker.url(), 0.5);
    for (const auto& info : *d)
      if (info.id == "dev-0001") return info.publicKey;
    return std::string();
  }();
  ASSERT_EQ(agentKey.size(), 64u);
  PublicKey agentPub{};
  ASSERT_TRUE(publicKeyFromHex(agentKey, &agentPub));
  DeployOptions pinned;
  pinned.deviceKeys["dev-0001"] = hexOf(announced->publicKey);
  const auto second = deploy(artifactOf(300, 32, "32", 4096), {"dev-0001"}, pinned);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].state, "unverified");
  EXPECT_NE(
      second[0].reason.find("the device announces another identity key (" + keyId(agentPub) + ")"),
      std::string::npos)
      << second[0].reason;
  pinned.deviceKeys["dev-0001"] = agentKey;
  const auto third = deploy(artifactOf(300, 33, "33", 4096), {"dev-0001"}, pinned);
  ASSERT_EQ(third.size(), 1u);
  EXPECT_EQ(third[0].state, "succeeded") << third[0].reason;
  EXPECT_EQ(third[0].signature, "verified");
}
