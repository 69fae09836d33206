// The fleet repositories (round trips through a real project file) and the rollout planner on
// hand-made cases: fit, every skip reason, and the objective's choice among variants.

#include <gtest/gtest.h>

#include <QTemporaryDir>
#include <nlohmann/json.hpp>

#include "core/inventory/fleet_monitor.h"
#include "core/inventory/inventory_repository.h"
#include "core/inventory/rollout_planner.h"
#include "core/store/project.h"

using namespace edgewise;
using namespace edgewise::inventory;

namespace {

class InventoryRepo : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(m_dir.isValid());
    auto p = store::Project::open(m_dir.filePath(QStringLiteral("p.edgewise")).toStdString());
    ASSERT_TRUE(p.ok()) << p.error().toString();
    m_project = std::move(*p);
  }
  QTemporaryDir m_dir;
  std::unique_ptr<store::Project> m_project;
};

TEST_F(InventoryRepo, DeviceUpsertKeepsUserClassAndTags) {
  InventoryRepository repo(*m_project);
  DeviceRecord d;
  d.id = "imu-0001";
  d.deviceClass = "imu-gateway";
  d.tags = {"line-1"};
  d.hardwareJson = R"({"arch":"x86_64","cores":2,"ram_mb":512,"os":"linux"})";
  d.agentVersion = "0.1.0";
  d.firstSeenUs = d.lastSeenUs = 1000;
  ASSERT_TRUE(repo.upsertDevice(d).ok());
  ASSERT_TRUE(repo.setTags("imu-0001", {"line-2", "canary"}).ok());
  ASSERT_TRUE(repo.setDeviceClass("imu-0001", "imu-pi").ok());
  // A later status with the device's own class and tags does not undo the user's edits.
  d.lastSeenUs = 5000;
  d.agentVersion = "0.2.0";
  d.modelJson = R"({"model_id":"3","sha256":"ab"})";
  ASSERT_TRUE(repo.upsertDevice(d).ok());
  auto got = repo.device("imu-0001");
  ASSERT_TRUE(got.ok() && got->has_value());
  const DeviceRecord& r = **got;
  EXPECT_EQ(r.deviceClass, "imu-pi");
  EXPECT_EQ(r.tags, (std::vector<std::string>{"line-2", "canary"}));
  EXPECT_EQ(r.agentVersion, "0.2.0");
  EXPECT_EQ(r.firstSeenUs, 1000);
  EXPECT_EQ(r.lastSeenUs, 5000);
  EXPECT_EQ(r.modelJson, R"({"model_id":"3","sha256":"ab"})");
  EXPECT_NE(r.hardwareJson.find("\"ram_mb\":512"), std::string::npos);
  EXPECT_FALSE(repo.setTags("nope", {}).ok());
  auto all = repo.devices();
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 1u);
}

// Trust on first use (docs/deploy_protocol.md, "Trust"): the first announced identity key is
// pinned; a different one is flagged and kept apart until accepted; a status without a key
// (an old agent, a last will) changes neither; the pinned key again clears the flag.
TEST_F(InventoryRepo, DeviceKeyIsPinnedOnFirstSightAndAChangeIsFlaggedUntilAccepted) {
  InventoryRepository repo(*m_project);
  const std::string k1(64, 'a'), k2(64, 'b'), k3(64, 'c');
  const auto get = [&] {
    auto d = repo.device("imu-0001");
    EXPECT_TRUE(d.ok() && d->has_value());
    return d.ok() && d->has_value() ? **d : DeviceRecord{};
  };
  DeviceRecord d;
  d.id = "imu-0001";
  d.firstSeenUs = d.lastSeenUs = 1000;
  ASSERT_TRUE(repo.upsertDevice(d).ok());  // an old agent: no key
  EXPECT_EQ(get().publicKey, "");
  d.publicKey = k1;
  ASSERT_TRUE(repo.upsertDevice(d).ok());
  EXPECT_EQ(get().publicKey, k1);
  EXPECT_EQ(get().changedKey, "");
  d.publicKey = k2;
  ASSERT_TRUE(repo.upsertDevice(d).ok());
  EXPECT_EQ(get().publicKey, k1);
  EXPECT_EQ(get().changedKey, k2);
  d.publicKey.clear();
  ASSERT_TRUE(repo.upsertDevice(d).ok());
  EXPECT_EQ(get().publicKey, k1);
  EXPECT_EQ(get().changedKey, k2);
  d.publicKey = k1;
  ASSERT_TRUE(repo.upsertDevice(d).ok());
  EXPECT_EQ(get().changedKey, "");
  EXPECT_EQ(repo.acceptChangedKey("imu-0001").valueOr(true), false);
  d.publicKey = k3;
  ASSERT_TRUE(repo.upsertDevice(d).ok());
  EXPECT_EQ(get().changedKey, k3);
  EXPECT_EQ(repo.acceptChangedKey("imu-0001").valueOr(false), true);
  EXPECT_EQ(get().publicKey, k3);
  EXPECT_EQ(get().changedKey, "");
  EXPECT_EQ(repo.acceptChangedKey("nope").valueOr(true), false);

  // parseStatus takes a well-formed key only.
  bool online = false;
  auto parsed =
      parseStatus("imu-0001", R"({"state":"online","public_key":")" + k1 + "\"}", &online);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->publicKey, k1);
  parsed = parseStatus("imu-0001", R"({"state":"online","public_key":"zz"})", &online);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->publicKey, "");
}

TEST_F(InventoryRepo, TelemetryBatchAndRangeQuery) {
  InventoryRepository repo(*m_project);
  std::vector<TelemetryRow> rows;
  for (int i = 0; i < 10; ++i) {
    TelemetryRow t;
    t.deviceId = i % 2 ? "b" : "a";
    t.tsUs = 1000 * i;
    t.cpuPct = i * 1.5;
    t.latencyP50Us = 100.0 + i;
    t.latencyP99Us = 200.0 + i;
    if (i == 4) t.rssKb = 4096;
    rows.push_back(t);
  }
  ASSERT_TRUE(repo.insertTelemetry(rows).ok());
  ASSERT_TRUE(repo.insertTelemetry({rows[0]}).ok());  // duplicate (device, ts) ignored
  auto a = repo.telemetry("a", 2000, 9000);
  ASSERT_TRUE(a.ok());
  ASSERT_EQ(a->size(), 4u);  // device a: even ts; 2000, 4000, 6000, 8000
  EXPECT_EQ((*a)[0].tsUs, 2000);
  EXPECT_DOUBLE_EQ(*(*a)[3].latencyP50Us, 108.0);
}

TEST_F(InventoryRepo, TelemetryValues) {
  InventoryRepository repo(*m_project);
  TelemetryRow t;
  t.deviceId = "a";
  t.tsUs = 42;
  t.modelSha256 = "ff";
  t.cpuPct = 3.5;
  t.rssKb = 41234;
  t.latencyP50Us = 180;
  t.latencyP99Us = 420;
  t.predictionsPerS = 50;
  t.queueDepth = 0;
  t.stagesJson = R"({"decode":12.0})";
  TelemetryRow later = t;
  later.tsUs = 43;
  later.cpuPct.reset();
  ASSERT_TRUE(repo.insertTelemetry({t, later}).ok());
  auto all = repo.telemetry("a", 0, 100);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].tsUs, 42);
  EXPECT_DOUBLE_EQ(*(*all)[0].cpuPct, 3.5);
  EXPECT_EQ(*(*all)[0].rssKb, 41234);
  EXPECT_DOUBLE_EQ(*(*all)[0].latencyP99Us, 420);
  EXPECT_EQ((*all)[0].stagesJson, R"({"decode":12.0})");
  EXPECT_FALSE((*all)[1].cpuPct.has_value());
  auto latest = repo.latestTelemetry("a");
  ASSERT_TRUE(latest.ok() && latest->has_value());
  EXPECT_EQ((*latest)->tsUs, 43);
  auto limited = repo.telemetry("a", 0, 100, 1);
  ASSERT_TRUE(limited.ok());
  ASSERT_EQ(limited->size(), 1u);
  EXPECT_EQ((*limited)[0].tsUs, 43);  // the newest when limited
}

TEST_F(InventoryRepo, RequirementsCrud) {
  InventoryRepository repo(*m_project);
  Requirement r;
  r.deviceClass = "imu-pi";
  r.minAccuracy = 0.9;
  r.maxLatencyMs = 5;
  r.objective = "low_latency";
  auto id = repo.upsertRequirement(r);
  ASSERT_TRUE(id.ok()) << id.error().toString();
  r.maxRamKb = 256;
  r.maxLatencyMs.reset();
  auto id2 = repo.upsertRequirement(r);
  ASSERT_TRUE(id2.ok());
  EXPECT_EQ(*id, *id2);  // same class: updated in place
  Requirement star;
  star.deviceClass = "*";
  ASSERT_TRUE(repo.upsertRequirement(star).ok());
  Requirement bad;
  bad.deviceClass = "x";
  bad.objective = "fastest";
  EXPECT_FALSE(repo.upsertRequirement(bad).ok());
  bad.objective = "best_effort";
  bad.minAccuracy = 1.5;
  EXPECT_FALSE(repo.upsertRequirement(bad).ok());
  auto all = repo.requirements();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[1].deviceClass, "imu-pi");
  EXPECT_EQ(*(*all)[1].maxRamKb, 256);
  EXPECT_FALSE((*all)[1].maxLatencyMs.has_value());
  EXPECT_EQ((*all)[1].objective, "low_latency");
  EXPECT_EQ(requirementFor(*all, "imu-pi")->deviceClass, "imu-pi");
  EXPECT_EQ(requirementFor(*all, "other")->deviceClass, "*");
  ASSERT_TRUE(repo.removeRequirement("imu-pi").ok());
  EXPECT_EQ(repo.requirements()->size(), 1u);
}

TEST_F(InventoryRepo, DeploymentsAndHistory) {
  InventoryRepository repo(*m_project);
  DeploymentRecord d;
  d.id = "d-1";
  d.selector = "imu-*";
  d.canaryPct = 20;
  d.startedUs = 100;
  ASSERT_TRUE(repo.beginDeployment(d).ok());
  DeploymentDeviceRecord o;
  o.deploymentId = "d-1";
  o.deviceId = "imu-0001";
  o.stage = "canary";
  o.state = "succeeded";
  o.modelBefore = R"({"model_id":"1"})";
  o.modelAfter = R"({"model_id":"2"})";
  o.seconds = 1.25;
  ASSERT_TRUE(repo.recordDeviceOutcome(o).ok());
  o.deviceId = "imu-0002";
  o.stage = "rest";
  o.state = "skipped";
  o.reason = "halted after canary";
  o.seconds.reset();
  ASSERT_TRUE(repo.recordDeviceOutcome(o).ok());
  ASSERT_TRUE(repo.finishDeployment("d-1", "halted", R"({"succeeded":1})", 200).ok());
  DeploymentRecord r = d;
  r.id = "d-2";
  r.kind = "rollback";
  r.startedUs = 300;
  ASSERT_TRUE(repo.beginDeployment(r).ok());
  o.deploymentId = "d-2";
  o.deviceId = "imu-0001";
  o.state = "succeeded";
  o.reason.clear();
  ASSERT_TRUE(repo.recordDeviceOutcome(o).ok());

  auto got = repo.deployment("d-1");
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->state, "halted");
  EXPECT_EQ(*(*got)->finishedUs, 200);
  EXPECT_DOUBLE_EQ((*got)->canaryPct, 20);
  auto rows = repo.deploymentDevices("d-1");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].stage, "canary");
  EXPECT_DOUBLE_EQ(*(*rows)[0].seconds, 1.25);
  EXPECT_EQ((*rows)[1].reason, "halted after canary");
  auto history = repo.deviceHistory("imu-0001");
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].first.kind, "rollback");  // newest first
  EXPECT_EQ((*history)[1].second.modelAfter, R"({"model_id":"2"})");
  auto list = repo.deployments();
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, "d-2");
}

TEST_F(InventoryRepo, ParsesStatusAndTelemetry) {
  bool online = false;
  auto s = parseStatus("imu-0001",
                       R"({"device":"imu-0001","state":"online","agent_version":"0.1.0",
                       "device_class":"imu-pi","tags":["a","b"],
                       "hardware":{"arch":"aarch64","cores":4,"ram_mb":1024,"os":"linux"},
                       "model":{"model_id":"3","sha256":"9f"}})",
                       &online);
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(online);
  EXPECT_EQ(s->deviceClass, "imu-pi");
  EXPECT_EQ(s->tags.size(), 2u);
  EXPECT_EQ(planDeviceFrom(*s, true).ramMb, 1024);
  EXPECT_EQ(planDeviceFrom(*s, true).modelSha256, "9f");
  EXPECT_FALSE(parseStatus("x", "not json", &online).ok());
  EXPECT_FALSE(parseStatus("x", R"({"state":"sleepy"})", &online).ok());
  auto t = parseTelemetry("imu-0001", R"({"device":"imu-0001","ts":1796000000000000,
      "interval_s":5.0,"model_sha256":"9f","cpu_pct":3.1,"rss_kb":41234,
      "latency_us":{"p50":180.0,"p99":420.0,"max":900.0,"n":250},
      "stages_us":{"decode":12.0},"predictions_per_s":50.0,"queue_depth":2})");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->tsUs, 1796000000000000);
  EXPECT_DOUBLE_EQ(*t->latencyP99Us, 420.0);
  EXPECT_EQ(*t->queueDepth, 2);
  EXPECT_EQ(*t->rssKb, 41234);
  auto idle = parseTelemetry("imu-0001", R"({"ts":1,"cpu_pct":0.5,
      "latency_us":{"p50":0.0,"p99":0.0,"max":0.0,"n":0},"predictions_per_s":0.0})");
  ASSERT_TRUE(idle.ok());
  EXPECT_FALSE(idle->latencyP50Us.has_value());  // nothing classified: no latency, not 0
  EXPECT_DOUBLE_EQ(*idle->cpuPct, 0.5);
}

// ---- planner ----------------------------------------------------------------------------

ModelCandidate variant(int64_t id, const char* name, int64_t sizeBytes, double acc, double p50Us,
                       double p99Us, int64_t rss = 0) {
  ModelCandidate m;
  m.id = id;
  m.name = name;
  m.sizeBytes = sizeBytes;
  m.accuracy = acc;
  m.latencyP50Us = p50Us;
  m.latencyP99Us = p99Us;
  m.peakRssBytes = rss;
  return m;
}

PlanDevice dev(const char* id, const char* cls, int64_t ramMb, bool online = true,
               const char* agent = "0.1.0", std::vector<std::string> tags = {}) {
  PlanDevice d;
  d.id = id;
  d.deviceClass = cls;
  d.ramMb = ramMb;
  d.online = online;
  d.agentVersion = agent;
  d.tags = std::move(tags);
  return d;
}

// A float model and two compressed variants: big/accurate/slow, int8 mid, pruned small/fast.
std::vector<ModelCandidate> family() {
  return {variant(1, "mlp", 8 << 20, 0.95, 4000, 9000, 40 << 20),
          variant(2, "mlp-int8", 2 << 20, 0.93, 1500, 3000, 12 << 20),
          variant(3, "mlp-pruned", 1 << 20, 0.88, 800, 1200, 6 << 20)};
}

const PlanEntry& entry(const Plan& p, const std::string& id) {
  for (const auto& e : p.entries)
    if (e.device == id) return e;
  static PlanEntry none;
  ADD_FAILURE() << "no entry for " << id;
  return none;
}

TEST(Planner, BestEffortTakesTheMostAccurateThatFits) {
  std::vector<Requirement> reqs;
  Requirement r;
  r.deviceClass = "gw";
  r.maxLatencyMs = 5;  // excludes mlp (p99 9 ms)
  reqs.push_back(r);
  const auto plan = planRollout(family(), {dev("a", "gw", 512)}, reqs, {});
  const auto& e = entry(plan, "a");
  ASSERT_TRUE(e.deploy) << e.reason;
  EXPECT_EQ(*e.modelId, 2);
  EXPECT_NE(e.fit.find("p99 3 of 5 ms"), std::string::npos) << e.fit;
}

TEST(Planner, LowLatencyTakesTheFastest) {
  Requirement r;
  r.deviceClass = "*";
  r.objective = "low_latency";
  const auto plan = planRollout(family(), {dev("a", "gw", 512)}, {r}, {});
  ASSERT_TRUE(entry(plan, "a").deploy);
  EXPECT_EQ(*entry(plan, "a").modelId, 3);
  // With a minimum accuracy the fastest that is accurate enough.
  r.minAccuracy = 0.9;
  const auto plan2 = planRollout(family(), {dev("a", "gw", 512)}, {r}, {});
  EXPECT_EQ(*entry(plan2, "a").modelId, 2);
}

TEST(Planner, NoRequirementsMeansMostAccurate) {
  const auto plan = planRollout(family(), {dev("a", "", 0)}, {}, {});
  EXPECT_EQ(*entry(plan, "a").modelId, 1);
  EXPECT_EQ(entry(plan, "a").fit, "no limits");
}

TEST(Planner, DeviceRamDecides) {
  // 16 MB of RAM: the float model's 40 MB peak RSS does not fit, int8's 12 MB does.
  const auto plan = planRollout(family(), {dev("small", "", 16), dev("tiny", "", 4)}, {}, {});
  EXPECT_EQ(*entry(plan, "small").modelId, 2);
  const auto& tiny = entry(plan, "tiny");
  EXPECT_FALSE(tiny.deploy);
  EXPECT_NE(tiny.reason.find("no variant fits"), std::string::npos);
  EXPECT_NE(tiny.reason.find("mlp-pruned: needs 6.0 MB RAM (peak RSS), device has 4 MB"),
            std::string::npos)
      << tiny.reason;
}

TEST(Planner, ClassLimitsRamFlashAccuracy) {
  Requirement r;
  r.deviceClass = "mcu";
  r.maxFlashKb = 1024;  // only the pruned one (1 MB) fits
  const auto plan = planRollout(family(), {dev("m", "mcu", 0)}, {r}, {});
  EXPECT_EQ(*entry(plan, "m").modelId, 3);
  r.minAccuracy = 0.9;  // and it is not accurate enough
  const auto plan2 = planRollout(family(), {dev("m", "mcu", 0)}, {r}, {});
  EXPECT_FALSE(entry(plan2, "m").deploy);
  EXPECT_NE(entry(plan2, "m").reason.find("mlp-pruned: accuracy 0.880 < 0.9 required"),
            std::string::npos)
      << entry(plan2, "m").reason;
  EXPECT_NE(entry(plan2, "m").reason.find("mlp: needs 8192 kB flash, class allows 1024 kB"),
            std::string::npos)
      << entry(plan2, "m").reason;
  Requirement ram;
  ram.deviceClass = "mcu";
  ram.maxRamKb = 8 * 1024;
  const auto plan3 = planRollout(family(), {dev("m", "mcu", 0)}, {ram}, {});
  EXPECT_EQ(*entry(plan3, "m").modelId, 3);
}

TEST(Planner, UnknownAccuracyOrLatencyFailsALimit) {
  auto f = family();
  f[2].accuracy.reset();
  f[2].latencyP99Us = 0;
  Requirement r;
  r.deviceClass = "*";
  r.minAccuracy = 0.5;
  r.maxLatencyMs = 100;
  r.maxFlashKb = 1024;
  const auto plan = planRollout(f, {dev("a", "x", 0)}, {r}, {});
  EXPECT_FALSE(entry(plan, "a").deploy);
  EXPECT_NE(entry(plan, "a").reason.find("latency not measured"), std::string::npos);
}

TEST(Planner, SkipsOfflineOldAgentsAndSelects) {
  std::vector<PlanDevice> devices = {dev("imu-0001", "gw", 512, true, "0.1.0", {"line-1"}),
                                     dev("imu-0002", "gw", 512, false, "0.1.0", {"line-1"}),
                                     dev("imu-0003", "pi", 512, true, "0.0.9", {"line-2"}),
                                     dev("cam-0001", "pi", 512, true, "0.1.0", {"line-2"})};
  PlanSelection s;
  s.devices = "imu-*,ghost-1";
  const auto plan = planRollout(family(), devices, {}, s);
  ASSERT_EQ(plan.entries.size(), 3u);
  EXPECT_TRUE(entry(plan, "imu-0001").deploy);
  EXPECT_EQ(entry(plan, "imu-0002").reason, "not online");
  EXPECT_EQ(entry(plan, "imu-0003").reason, "agent 0.0.9 is older than the required 0.1.0");
  EXPECT_EQ(plan.unknown, std::vector<std::string>{"ghost-1"});
  EXPECT_EQ(plan.deployCount(), 1);
  EXPECT_EQ(plan.skipCount(), 2);

  PlanSelection byTag;
  byTag.tag = "line-2";
  EXPECT_EQ(planRollout(family(), devices, {}, byTag).entries.size(), 2u);
  PlanSelection byClass;
  byClass.deviceClass = "gw";
  EXPECT_EQ(planRollout(family(), devices, {}, byClass).entries.size(), 2u);
  PlanSelection byFilter;
  byFilter.filter = "CAM";
  const auto f = planRollout(family(), devices, {}, byFilter);
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].device, "cam-0001");
  PlanSelection both;
  both.tag = "line-2";
  both.deviceClass = "gw";
  EXPECT_TRUE(planRollout(family(), devices, {}, both).entries.empty());

  const auto j = nlohmann::json::parse(planToJson(plan));
  EXPECT_EQ(j["deploy"], 1);
  EXPECT_EQ(j["devices"][0]["model_id"], 1);
  EXPECT_TRUE(j["devices"][1]["model_id"].is_null());
}

}  // namespace
