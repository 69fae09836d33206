// The devices' own inference end to end (issues 6 and 7): a project with an IMU model trained
// on the simulator's dataset, deployed by the Deployer to real edgewise-agent processes
// against a real Mosquitto broker; predictions, telemetry, feedback and drift commands are
// read back over MQTT. Also: the agent's model input equals the training rows.

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/utsname.h>

#include <mqtt/async_client.h>
#include <QProcess>
#include <QTemporaryDir>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/dataset/data/importers.h"
#include "core/dataset/data/simulated_dataset.h"
#include "core/deploy/deployer.h"
#include "core/deploy/model_artifact.h"
#include "core/deploy/signing.h"
#include "core/fleet/imu_simulator.h"
#include "core/store/project.h"
#include "core/store/recording_repository.h"
#include "core/training/service/data_prep.h"
#include "core/training/service/model_factory.h"
#include "core/training/service/model_registry.h"
#include "core/training/service/train_service.h"
#include "core/util/local_broker.h"

using namespace edgewise;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

QString agentPath() {
  return qEnvironmentVariable("EDGEWISE_BIN_DIR") + QStringLiteral("/edgewise-agent");
}

// One project for the whole suite: the simulator's IMU dataset (50 Hz, 2 s windows) and an
// MLP on the "stats" features (36 values), plus the default raw-window kNN.
struct Shared {
  QTemporaryDir dir;
  std::string project;
  int64_t statsModel = 0;
  int64_t rawModel = 0;
  deploy::SigningKey key;
  std::string keyPath;
  std::string statsModelFile;
};
Shared* g = nullptr;

class DeviceInferenceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    g = new Shared;
    g->project = g->dir.filePath(QStringLiteral("p.edgewise")).toStdString();
    auto project = store::Project::open(g->project);
    ASSERT_TRUE(project.ok()) << project.error().toString();
    auto parsed = dataset::simulateImuActivityDataset(60, 2.0, 50.0, 7);
    ASSERT_TRUE(parsed.ok());
    ASSERT_TRUE(dataset::importDataset(**project, "imu", *parsed).ok());
    training::TrainRequest stats;
    stats.datasetName = "imu";
    stats.family = "mlp";
    stats.prepare.features.blockId = "stats";
    stats.latencySeconds = 0.05;
    auto m1 = training::trainAndRegister(**project, stats);
    ASSERT_TRUE(m1.ok()) << m1.error().toString();
    g->statsModel = m1->id;
    training::TrainRequest raw;
    raw.datasetName = "imu";
    raw.family = "knn";
    raw.latencySeconds = 0.05;
    auto m2 = training::trainAndRegister(**project, raw);
    ASSERT_TRUE(m2.ok()) << m2.error().toString();
    g->rawModel = m2->id;
    training::ModelRegistry registry(**project);
    g->statsModelFile = g->dir.filePath(QStringLiteral("stats-model.bin")).toStdString();
    ASSERT_TRUE(registry.exportFile(g->statsModel, g->statsModelFile).ok());
    auto key = deploy::generateSigningKey();
    ASSERT_TRUE(key.ok());
    g->key = *key;
    g->keyPath = g->dir.filePath(QStringLiteral("p.edgewise.signing-key")).toStdString();
    ASSERT_TRUE(deploy::saveSigningKey(g->key, g->keyPath).ok());
  }
  static void TearDownTestSuite() {
    delete g;
    g = nullptr;
  }

  void SetUp() override {
    ASSERT_TRUE(g && g->statsModel > 0) << "suite set-up failed";
    ASSERT_TRUE(m_broker.start().ok());
  }
  void TearDown() override {
    for (auto& p : m_agents) {
      p->terminate();
      p->waitForFinished(15000);
    }
  }

  void startAgent(const QString& prefix, QStringList extra) {
    auto p = std::make_unique<QProcess>();
    p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const QString state = m_tmp.filePath(QStringLiteral("state"));
    p->start(
        agentPath(),
        QStringList{QStringLiteral("--simulate"), QStringLiteral("imu"), QStringLiteral("--broker"),
                    QString::fromStdString(m_broker.url()), QStringLiteral("--prefix"), prefix,
                    QStringLiteral("--state-dir"), state, QStringLiteral("--trusted-key"),
                    QString::fromStdString(g->keyPath + ".pub")} +
            extra);
    ASSERT_TRUE(p->waitForStarted(5000));
    m_agents.push_back(std::move(p));
  }

  // One device reading a real source (--source stdin-csv | mqtt:<topic>) instead of --simulate.
  QProcess* startSourceAgent(const QString& source, const QString& deviceId, QStringList extra) {
    auto p = std::make_unique<QProcess>();
    p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p->start(
        agentPath(),
        QStringList{QStringLiteral("--source"), source, QStringLiteral("--device-id"), deviceId,
                    QStringLiteral("--broker"), QString::fromStdString(m_broker.url()),
                    QStringLiteral("--state-dir"), QString::fromStdString(stateDir()),
                    QStringLiteral("--trusted-key"), QString::fromStdString(g->keyPath + ".pub")} +
            extra);
    EXPECT_TRUE(p->waitForStarted(5000));
    m_agents.push_back(std::move(p));
    return m_agents.back().get();
  }

  std::string stateDir() const { return m_tmp.filePath(QStringLiteral("state")).toStdString(); }

  // Deploys model `id` of the shared project to `devices`; every one must succeed.
  deploy::Artifact deployModel(int64_t id, const std::vector<std::string>& devices) {
    auto a = deploy::artifactFromProject(g->project, id, g->key);
    EXPECT_TRUE(a.ok()) << (a ? "" : a.error().toString());
    deploy::DeployOptions o;
    o.brokerUrl = m_broker.url();
    o.deviceTimeoutS = 30;
    deploy::Deployer deployer(o);
    EXPECT_TRUE(deployer.connect().ok());
    for (const auto& outcome :
         deployer.run(a->manifest, deploy::manifestToJson(a->manifest), a->bytes, devices)) {
      EXPECT_EQ(outcome.state, "succeeded") << outcome.device << ": " << outcome.reason;
    }
    return *a;
  }

  QTemporaryDir m_tmp;
  util::LocalBroker m_broker;
  std::vector<std::unique_ptr<QProcess>> m_agents;
};

// Everything under edgewise/#, by topic. Paho's thread only appends under the mutex.
class Listener {
 public:
  explicit Listener(const std::string& url) : m_client(url, "test-listener") {
    m_client.set_message_callback([this](mqtt::const_message_ptr msg) {
      std::lock_guard<std::mutex> lock(m_mutex);
      m_messages[msg->get_topic()].push_back(msg->get_payload_str());
      m_cv.notify_all();
    });
    m_client.connect()->wait_for(10s);
    m_client.subscribe("edgewise/#", 1)->wait_for(10s);
  }
  ~Listener() {
    try {
      m_client.disconnect()->wait_for(5s);
    } catch (const mqtt::exception&) {
      // Already gone with the broker: nothing to close.
    }
  }

  // Waits until `topic` has at least n messages; returns them (parsed).
  std::vector<json> waitFor(const std::string& topic, size_t n, std::chrono::seconds timeout) {
    std::unique_lock<std::mutex> lock(m_mutex);
    m_cv.wait_for(lock, timeout, [&] { return m_messages[topic].size() >= n; });
    std::vector<json> out;
    for (const auto& p : m_messages[topic]) out.push_back(json::parse(p, nullptr, false));
    return out;
  }
  void publish(const std::string& topic, const std::string& payload) {
    m_client.publish(topic, payload.data(), payload.size(), 1, false)->wait_for(5s);
  }
  size_t count(const std::string& topic) {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_messages[topic].size();
  }

 private:
  mqtt::async_client m_client;
  std::mutex m_mutex;
  std::condition_variable m_cv;
  std::map<std::string, std::vector<std::string>> m_messages;
};

}  // namespace

// The agent computes exactly the rows the model was trained on: for stored samples, the
// ModelInputBuilder over the sample's window equals prepareData()'s row (raw default and
// stats), bit for bit.
TEST_F(DeviceInferenceTest, ModelInputEqualsTheTrainingRows) {
  auto project = store::Project::open(g->project, store::OpenMode::OpenExisting);
  ASSERT_TRUE(project.ok());
  for (int64_t id : {g->statsModel, g->rawModel}) {
    auto input = deploy::modelInputOf(g->project, id);
    ASSERT_TRUE(input.ok()) << input.error().toString();
    ASSERT_TRUE(input->has_value());
    const deploy::ModelInput& in = **input;
    EXPECT_EQ(in.window, 100);
    EXPECT_DOUBLE_EQ(in.rateHz, 50.0);
    EXPECT_EQ(in.channels, (std::vector<std::string>{"ax", "ay", "az", "gx", "gy", "gz"}));
    training::PrepareOptions po;
    po.features.blockId = id == g->statsModel ? "stats" : "";
    auto data = training::prepareData(**project, "imu", po);
    ASSERT_TRUE(data.ok()) << data.error().toString();
    EXPECT_EQ(in.featureBlock, id == g->statsModel ? "stats" : "");
    auto builder = deploy::ModelInputBuilder::create(in, data->dims());
    ASSERT_TRUE(builder.ok()) << builder.error().toString();
    EXPECT_EQ(static_cast<int>((*builder)->featureNames().size()), data->dims());
    for (int r = 0; r < 5; ++r) {
      auto view = training::loadSampleView(**project, data->test.sampleIds[static_cast<size_t>(r)]);
      ASSERT_TRUE(view.ok());
      std::vector<float> window;
      for (size_t t = 0; t < view->series[0].size(); ++t)
        for (const auto& ch : view->series) window.push_back(ch[t]);
      auto row = (*builder)->compute(window.data());
      ASSERT_TRUE(row.ok());
      for (int c = 0; c < data->dims(); ++c)
        ASSERT_EQ((*row)[static_cast<size_t>(c)], data->test.X.at<float>(r, c))
            << "model " << id << " row " << r << " col " << c;
    }
  }
  EXPECT_EQ(
      (*deploy::ModelInputBuilder::create(**deploy::modelInputOf(g->project, g->statsModel), 36))
          ->featureNames()
          .front(),
      "ax_mean");
  // A description that does not give the model's input size is refused.
  EXPECT_FALSE(
      deploy::ModelInputBuilder::create(**deploy::modelInputOf(g->project, g->statsModel), 35)
          .ok());
}

// The loop record -> dataset -> model -> device: a model trained on windows cut from recorded
// IMU streams describes its input with the recorded channel names and the cutting stride.
TEST(ModelInputOfRecordings, TakesChannelsAndStrideFromTheRecordedStreams) {
  QTemporaryDir dir;
  const std::string path = dir.filePath(QStringLiteral("r.edgewise")).toStdString();
  auto project = store::Project::open(path);
  ASSERT_TRUE(project.ok()) << project.error().toString();
  store::RecordingRepository& recordings = (*project)->recordings();
  std::vector<dataset::RecordingSource> sources;
  const std::pair<fleet::Activity, const char*> classes[] = {{fleet::Activity::Idle, "idle"},
                                                             {fleet::Activity::Run, "run"}};
  for (const auto& [activity, label] : classes) {
    auto rec = recordings.create(std::string("rec ") + label, 1796000000000000);
    ASSERT_TRUE(rec.ok()) << rec.error().toString();
    store::StreamSpec spec;
    spec.deviceId = "imu-0001";
    spec.topic = "edgewise/imu-0001/imu";
    spec.decoderId = "json";
    spec.channelNames = {"ax", "ay", "az", "gx", "gy", "gz"};
    spec.sampleRateHz = 50;
    auto stream = recordings.addStream(*rec, spec);
    ASSERT_TRUE(stream.ok()) << stream.error().toString();
    fleet::ImuSimulator sim(0, 3, 50);
    sim.forceActivity(activity);
    store::ChunkData chunk;
    chunk.streamId = *stream;
    chunk.channelCount = 6;
    for (int i = 0; i < 50 * 20; ++i) {
      chunk.timestampsUs.push_back(1796000000000000 + i * 20'000);
      const auto s = sim.next(1).front();
      chunk.values.insert(chunk.values.end(), s.begin(), s.end());
    }
    chunk.messageCount = 100;
    ASSERT_TRUE(recordings.appendChunk(chunk).ok());
    ASSERT_TRUE(recordings.finish(*rec).ok());
    sources.push_back({*rec, label, ""});
  }
  auto parsed = dataset::readRecordings(**project, sources, {2000, 500});
  ASSERT_TRUE(parsed.ok()) << parsed.error().toString();
  ASSERT_TRUE(dataset::importDataset(**project, "recorded", *parsed).ok());
  training::TrainRequest request;
  request.datasetName = "recorded";
  request.family = "knn";
  request.prepare.features.blockId = "stats";
  request.latencySeconds = 0.05;
  auto model = training::trainAndRegister(**project, request);
  ASSERT_TRUE(model.ok()) << model.error().toString();
  auto input = deploy::modelInputOf(path, model->id);
  ASSERT_TRUE(input.ok()) << input.error().toString();
  ASSERT_TRUE(input->has_value());
  EXPECT_EQ((*input)->channels, (std::vector<std::string>{"ax", "ay", "az", "gx", "gy", "gz"}));
  EXPECT_EQ((*input)->window, 100);
  EXPECT_EQ((*input)->stride, 25);  // 500 ms at 50 Hz
  EXPECT_DOUBLE_EQ((*input)->rateHz, 50.0);
  EXPECT_EQ((*input)->featureBlock, "stats");
}

TEST_F(DeviceInferenceTest, StatusCarriesClassTagsAndHardware) {
  Listener listener(m_broker.url());
  startAgent(QStringLiteral("hw-"),
             {QStringLiteral("--count"), QStringLiteral("1"), QStringLiteral("--device-class"),
              QStringLiteral("wearable"), QStringLiteral("--tags"), QStringLiteral("lab, eu"),
              QStringLiteral("--ram-mb"), QStringLiteral("512")});
  const auto status = listener.waitFor("edgewise/hw-0001/status", 1, 15s);
  ASSERT_FALSE(status.empty());
  const json& s = status.back();
  EXPECT_EQ(s.value("device_class", ""), "wearable");
  EXPECT_EQ(s.at("tags"), json::array({"lab", "eu"}));
  utsname u{};
  ASSERT_EQ(uname(&u), 0);
  EXPECT_EQ(s.at("hardware").value("arch", ""), u.machine);
  EXPECT_EQ(s.at("hardware").value("cores", 0),
            static_cast<int>(std::thread::hardware_concurrency()));
  EXPECT_EQ(s.at("hardware").value("ram_mb", 0), 512);
  EXPECT_EQ(s.at("hardware").value("os", "").rfind(u.sysname, 0), 0u);
}

// Deployed at 100 Hz (the model was trained at 50 Hz: every 2nd sample): the device's class is
// the workbench's own prediction of the published features, the accuracy against the
// simulator's truth is high, telemetry is plausible and feedback is stored and acknowledged.
TEST_F(DeviceInferenceTest, PredictsLikeTheWorkbenchAndReportsTelemetryAndFeedback) {
  Listener listener(m_broker.url());
  startAgent(QStringLiteral("inf-"),
             {QStringLiteral("--count"), QStringLiteral("2"), QStringLiteral("--rate"),
              QStringLiteral("100"), QStringLiteral("--predict-every"), QStringLiteral("0.5"),
              QStringLiteral("--telemetry-s"), QStringLiteral("1")});
  ASSERT_FALSE(listener.waitFor("edgewise/inf-0002/status", 1, 15s).empty());
  const deploy::Artifact a = deployModel(g->statsModel, {"inf-0001", "inf-0002"});
  ASSERT_FALSE(a.manifest.input.empty());
  EXPECT_EQ(a.manifest.classNames.size(), 5u);

  const auto predictions = listener.waitFor("edgewise/inf-0001/predictions", 40, 40s);
  ASSERT_GE(predictions.size(), 40u);
  auto model = training::loadClassifier(g->statsModelFile);
  ASSERT_TRUE(model.ok());
  int correct = 0;
  int64_t previousSeq = -1;
  for (const json& p : predictions) {
    ASSERT_TRUE(p.is_object());
    const auto features = p.at("features").get<std::vector<float>>();
    ASSERT_EQ(features.size(), 36u);
    cv::Mat X(1, 36, CV_32F, const_cast<float*>(features.data()));
    auto scores = (*model)->predictScores(X);
    ASSERT_TRUE(scores.ok());
    int cls = 0;
    for (int c = 1; c < scores->cols; ++c)
      if (scores->at<float>(0, c) > scores->at<float>(0, cls)) cls = c;
    EXPECT_EQ(p.at("class").get<int>(), cls);
    EXPECT_NEAR(p.at("confidence").get<double>(), scores->at<float>(0, cls), 1e-5);
    EXPECT_EQ(p.at("label"), a.manifest.classNames[static_cast<size_t>(cls)]);
    EXPECT_EQ(p.value("model_sha256", ""), a.manifest.sha256);
    // 2 s windows every 0.5 s at 50 Hz: seq counts hops of 25 samples.
    const int64_t seq = p.at("seq").get<int64_t>();
    EXPECT_GT(seq, previousSeq);
    previousSeq = seq;
    const int64_t span =
        p.at("window_end_us").get<int64_t>() - p.at("window_start_us").get<int64_t>();
    EXPECT_NEAR(static_cast<double>(span), 1.98e6, 1e3);  // 99 model-rate periods of 20 ms
    correct += p.at("label") == p.at("truth") ? 1 : 0;
    if (p.contains("feature_names")) {
      EXPECT_EQ(p.at("feature_names").at(0), "ax_mean");
    }
  }
  const double accuracy = static_cast<double>(correct) / static_cast<double>(predictions.size());
  EXPECT_GE(accuracy, 0.75) << correct << " of " << predictions.size();

  // Telemetry: the last heartbeats cover intervals with predictions.
  const auto telemetry = listener.waitFor("edgewise/inf-0001/telemetry", 4, 20s);
  ASSERT_GE(telemetry.size(), 4u);
  const json& t = telemetry.back();
  EXPECT_EQ(t.value("model_sha256", ""), a.manifest.sha256);
  EXPECT_TRUE(t.at("inference_error").is_null());
  const json& lat = t.at("latency_us");
  EXPECT_GT(lat.value("n", 0), 0);
  EXPECT_GT(lat.value("p50", 0.0), 0.0);
  EXPECT_LE(lat.value("p50", 0.0), lat.value("p99", 0.0));
  EXPECT_LE(lat.value("p99", 0.0), lat.value("max", 0.0));
  EXPECT_LT(lat.value("p50", 1e9), 50'000.0);  // an MLP of 36 inputs: well under 50 ms
  // One window per 0.5 s, averaged over the last three heartbeats (a loaded machine may move
  // a window into the next interval).
  double windows = 0;
  double seconds = 0;
  for (size_t i = telemetry.size() - 3; i < telemetry.size(); ++i) {
    windows += telemetry[i].value("predictions_per_s", 0.0) * telemetry[i].value("interval_s", 0.0);
    seconds += telemetry[i].value("interval_s", 0.0);
  }
  EXPECT_NEAR(windows / seconds, 2.0, 0.7);
  EXPECT_GT(t.value("rss_kb", 0), 10'000);
  EXPECT_GE(t.value("cpu_pct", -1.0), 0.0);
  EXPECT_LT(t.value("cpu_pct", 1e9), 100.0);
  EXPECT_GT(t.at("stages_us").value("features", 0.0), 0.0);
  EXPECT_GE(t.value("queue_depth", -1), 0);

  // Feedback on a window the device still keeps, and on one it never had.
  const json& chosen = predictions[predictions.size() - 3];
  const int64_t seq = chosen.at("seq").get<int64_t>();
  listener.publish("edgewise/inf-0001/feedback",
                   json{{"seq", seq}, {"label", "run"}, {"annotator", "ana"}}.dump());
  listener.publish("edgewise/inf-0001/feedback",
                   json{{"seq", 99'999'999}, {"label", "run"}}.dump());
  const auto acks = listener.waitFor("edgewise/inf-0001/feedback/ack", 2, 10s);
  ASSERT_EQ(acks.size(), 2u);
  EXPECT_EQ(acks[0].at("seq"), seq);
  EXPECT_EQ(acks[0].at("stored"), true);
  EXPECT_EQ(acks[1].at("stored"), false);
  EXPECT_FALSE(acks[1].value("error", "").empty());
  std::ifstream in(stateDir() + "/inf-0001/feedback.jsonl");
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  const json stored = json::parse(line);
  EXPECT_EQ(stored.at("seq"), seq);
  EXPECT_EQ(stored.at("label"), "run");
  EXPECT_EQ(stored.at("annotator"), "ana");
  EXPECT_EQ(stored.at("features"), chosen.at("features"));
  EXPECT_EQ(stored.at("predicted_label"), chosen.at("label"));
  EXPECT_EQ(stored.at("feature_names").size(), 36u);
  EXPECT_FALSE(std::getline(in, line)) << "the refused feedback was stored";
}

// A model whose input cannot be built from the stream (trained at 50 Hz, sensor at 30 Hz):
// the device says why in its telemetry and publishes no predictions.
TEST_F(DeviceInferenceTest, ReportsAnInputItCannotBuildAndPublishesNothing) {
  Listener listener(m_broker.url());
  startAgent(QStringLiteral("bad-"),
             {QStringLiteral("--count"), QStringLiteral("1"), QStringLiteral("--rate"),
              QStringLiteral("30"), QStringLiteral("--telemetry-s"), QStringLiteral("1")});
  ASSERT_FALSE(listener.waitFor("edgewise/bad-0001/status", 1, 15s).empty());
  deployModel(g->statsModel, {"bad-0001"});
  const size_t before = listener.count("edgewise/bad-0001/telemetry");
  const auto telemetry = listener.waitFor("edgewise/bad-0001/telemetry", before + 3, 15s);
  ASSERT_GE(telemetry.size(), before + 3);
  const json& t = telemetry.back();
  ASSERT_TRUE(t.at("inference_error").is_string());
  EXPECT_NE(t.at("inference_error").get<std::string>().find("50 Hz"), std::string::npos)
      << t.dump();
  EXPECT_EQ(t.at("latency_us").value("n", -1), 0);
  EXPECT_EQ(listener.count("edgewise/bad-0001/predictions"), 0u);
}

// Two agents play the same simulated device (same seed and index, different prefixes): one
// with --inject-drift bias:ax:2.0 from the start. Windows with the same seq hold the same
// samples, so the drifted device's ax mean, min and max are exactly 2.0 higher and its ax std
// unchanged; after clear_drift they are equal again, after an inject_drift command on gx the
// gx mean is 0.5 higher.
TEST_F(DeviceInferenceTest, InjectedDriftShiftsTheFeaturesByTheAmount) {
  Listener listener(m_broker.url());
  const QStringList common{QStringLiteral("--count"),         QStringLiteral("1"),
                           QStringLiteral("--rate"),          QStringLiteral("50"),
                           QStringLiteral("--seed"),          QStringLiteral("7"),
                           QStringLiteral("--predict-every"), QStringLiteral("0.5")};
  startAgent(QStringLiteral("ref-"), common);
  startAgent(QStringLiteral("drf-"), common + QStringList{QStringLiteral("--inject-drift"),
                                                          QStringLiteral("bias:ax:2.0@0")});
  ASSERT_FALSE(listener.waitFor("edgewise/ref-0001/status", 1, 15s).empty());
  ASSERT_FALSE(listener.waitFor("edgewise/drf-0001/status", 1, 15s).empty());
  deployModel(g->statsModel, {"ref-0001", "drf-0001"});

  // Features by seq of both devices; compares the windows both have.
  const auto paired = [&](size_t atLeast, int64_t fromSeq) {
    std::vector<std::pair<std::vector<float>, std::vector<float>>> out;
    for (int attempt = 0; attempt < 60 && out.size() < atLeast; ++attempt) {
      out.clear();
      const auto ref = listener.waitFor("edgewise/ref-0001/predictions", 0, 0s);
      const auto drf = listener.waitFor("edgewise/drf-0001/predictions", 0, 0s);
      std::map<int64_t, std::vector<float>> bySeq;
      for (const json& p : ref)
        bySeq[p.at("seq").get<int64_t>()] = p.at("features").get<std::vector<float>>();
      for (const json& p : drf) {
        const int64_t seq = p.at("seq").get<int64_t>();
        if (seq < fromSeq) continue;
        auto it = bySeq.find(seq);
        if (it != bySeq.end())
          out.emplace_back(it->second, p.at("features").get<std::vector<float>>());
      }
      if (out.size() < atLeast) std::this_thread::sleep_for(500ms);
    }
    return out;
  };
  // stats layout: channel c, statistic k at c * 6 + k (mean, std, min, max, rms, zc).
  const auto pairs = paired(6, 0);
  ASSERT_GE(pairs.size(), 6u);
  for (const auto& [ref, drf] : pairs) {
    EXPECT_NEAR(drf[0] - ref[0], 2.0, 1e-4);  // ax mean
    EXPECT_NEAR(drf[1], ref[1], 1e-4);        // ax std
    EXPECT_NEAR(drf[2] - ref[2], 2.0, 1e-4);  // ax min
    EXPECT_NEAR(drf[3] - ref[3], 2.0, 1e-4);  // ax max
    for (int k = 6; k < 36; ++k)
      EXPECT_EQ(drf[static_cast<size_t>(k)], ref[static_cast<size_t>(k)]);
  }

  // The heartbeat says which drift is injected (the truth a demo compares the audit with).
  const auto drfTelemetry = listener.waitFor("edgewise/drf-0001/telemetry", 1, 10s);
  ASSERT_FALSE(drfTelemetry.empty());
  EXPECT_DOUBLE_EQ(drfTelemetry.back().at("drift").at("bias").value("ax", 0.0), 2.0);
  EXPECT_TRUE(drfTelemetry.back().at("drift").at("mix").is_null());
  const auto refTelemetry = listener.waitFor("edgewise/ref-0001/telemetry", 1, 10s);
  ASSERT_FALSE(refTelemetry.empty());
  EXPECT_TRUE(refTelemetry.back().at("drift").is_null());

  const auto lastSeq = [&](const std::string& device) {
    const auto p = listener.waitFor("edgewise/" + device + "/predictions", 0, 0s);
    return p.empty() ? int64_t{0} : p.back().at("seq").get<int64_t>();
  };
  listener.publish("edgewise/drf-0001/cmd", R"({"cmd":"clear_drift"})");
  auto acks = listener.waitFor("edgewise/drf-0001/cmd/ack", 1, 10s);
  ASSERT_EQ(acks.size(), 1u);
  EXPECT_EQ(acks[0].at("cmd"), "clear_drift");
  EXPECT_EQ(acks[0].at("ok"), true);
  // Windows that start after the ack: a 2 s window is 4 hops of 0.5 s; one more for margin.
  int64_t from = lastSeq("drf-0001") + 5;
  for (const auto& [ref, drf] : paired(3, from)) {
    EXPECT_EQ(drf, ref);
  }
  EXPECT_GE(paired(3, from).size(), 3u);

  listener.publish("edgewise/drf-0001/cmd",
                   R"({"cmd":"inject_drift","kind":"bias","channel":"gx","amount":0.5})");
  listener.publish("edgewise/drf-0001/cmd",
                   R"({"cmd":"inject_drift","kind":"bias","channel":"qq","amount":1})");
  acks = listener.waitFor("edgewise/drf-0001/cmd/ack", 3, 10s);
  ASSERT_EQ(acks.size(), 3u);
  EXPECT_EQ(acks[1].at("ok"), true);
  EXPECT_EQ(acks[2].at("ok"), false);
  EXPECT_NE(acks[2].value("error", "").find("qq"), std::string::npos);
  from = lastSeq("drf-0001") + 5;
  const auto shifted = paired(3, from);
  ASSERT_GE(shifted.size(), 3u);
  for (const auto& [ref, drf] : shifted) {
    EXPECT_NEAR(drf[18] - ref[18], 0.5, 1e-4);  // gx mean
    EXPECT_NEAR(drf[19], ref[19], 1e-4);        // gx std
    EXPECT_EQ(drf[0], ref[0]);                  // ax no longer drifted
  }
}

namespace {

// The stats model's class and input for one window of the simulator (rows in IMU order),
// computed the workbench's way: ModelInputBuilder + loadClassifier().
struct Reference {
  int cls = -1;
  std::vector<float> features;
};
Reference referenceOf(const std::vector<float>& window) {
  Reference out;
  auto input = deploy::modelInputOf(g->project, g->statsModel);
  auto builder = deploy::ModelInputBuilder::create(**input, 36);
  auto row = (*builder)->compute(window.data());
  auto model = training::loadClassifier(g->statsModelFile);
  if (!row.ok() || !model.ok()) return out;
  out.features = *row;
  cv::Mat X(1, 36, CV_32F, out.features.data());
  auto scores = (*model)->predictScores(X);
  if (!scores.ok()) return out;
  out.cls = 0;
  for (int c = 1; c < scores->cols; ++c)
    if (scores->at<float>(0, c) > scores->at<float>(0, out.cls)) out.cls = c;
  return out;
}

// n windows of 100 samples at 50 Hz (the model's), one activity each.
std::vector<std::vector<float>> simulatedWindows(const std::vector<fleet::Activity>& activities) {
  fleet::ImuSimulator sim(3, 11, 50);
  std::vector<std::vector<float>> windows;
  for (fleet::Activity a : activities) {
    sim.forceActivity(a);
    std::vector<float> w(100 * 6);
    sim.nextInto(w.data(), 100);
    windows.push_back(std::move(w));
  }
  return windows;
}

}  // namespace

// A device fed CSV on stdin (channels in another order, an extra column, time stamps, one bad
// line): every prediction equals the workbench's on the same window; the bad line is counted.
TEST_F(DeviceInferenceTest, StdinCsvDevicePredictsLikeTheWorkbench) {
  Listener listener(m_broker.url());
  QProcess* agent = startSourceAgent(
      QStringLiteral("stdin-csv"), QStringLiteral("csv-1"),
      {QStringLiteral("--rate"), QStringLiteral("50"), QStringLiteral("--predict-every"),
       QStringLiteral("2"), QStringLiteral("--telemetry-s"), QStringLiteral("1")});
  agent->write("ts,gz,temp,ay,ax,az,gy,gx\n");
  const auto status = listener.waitFor("edgewise/csv-1/status", 1, 15s);
  ASSERT_FALSE(status.empty());
  EXPECT_EQ(status.back().value("sensor", ""), "stdin-csv");
  const deploy::Artifact a = deployModel(g->statsModel, {"csv-1"});

  using A = fleet::Activity;
  const auto windows = simulatedWindows({A::Idle, A::Walk, A::Run, A::Idle, A::Run, A::Walk});
  std::string csv;
  int64_t ts = 1796000000000000;
  for (size_t w = 0; w < windows.size(); ++w) {
    if (w == 2) csv += "1796000000000000,0.1,oops,0.3\n";      // bad: too few columns
    if (w == 3) csv += "1796000000000000,0.1,20,x,0,0,0,0\n";  // bad: not a number
    for (int i = 0; i < 100; ++i, ts += 20'000) {
      const float* s = &windows[w][static_cast<size_t>(i) * 6];  // ax ay az gx gy gz
      char line[256];
      std::snprintf(line, sizeof line, "%lld,%.9g,21.5,%.9g,%.9g,%.9g,%.9g,%.9g\n",
                    static_cast<long long>(ts), s[5], s[1], s[0], s[2], s[4], s[3]);
      csv += line;
    }
  }
  agent->write(csv.data(), static_cast<qint64>(csv.size()));
  // Without an event loop QProcess writes one chunk per wait: wait until all of it is out.
  for (int i = 0; i < 200 && agent->bytesToWrite() > 0; ++i) agent->waitForBytesWritten(1000);
  ASSERT_EQ(agent->bytesToWrite(), 0);

  const auto predictions = listener.waitFor("edgewise/csv-1/predictions", windows.size(), 40s);
  ASSERT_EQ(predictions.size(), windows.size());
  for (const json& p : predictions) {
    const int64_t seq = p.at("seq").get<int64_t>();  // window seq covers rows (seq-1)*100..
    ASSERT_GE(seq, 1);
    ASSERT_LE(seq, static_cast<int64_t>(windows.size()));
    // %.9g round-trips floats, so the device's input is exactly the simulator's window.
    const Reference ref = referenceOf(windows[static_cast<size_t>(seq - 1)]);
    ASSERT_GE(ref.cls, 0);
    EXPECT_EQ(p.at("class").get<int>(), ref.cls) << "window " << seq;
    EXPECT_EQ(p.at("features").get<std::vector<float>>(), ref.features) << "window " << seq;
    EXPECT_TRUE(p.at("truth").is_null());
    EXPECT_EQ(p.value("model_sha256", ""), a.manifest.sha256);
    EXPECT_EQ(p.at("window_start_us").get<int64_t>(), 1796000000000000 + (seq - 1) * 2'000'000);
  }
  // Both bad lines are counted; the device is still running.
  bool counted = false;
  for (int i = 0; i < 20 && !counted; ++i) {
    const auto t = listener.waitFor("edgewise/csv-1/telemetry", static_cast<size_t>(i + 1), 5s);
    counted = !t.empty() && t.back().value("bad_input", 0) == 2;
  }
  EXPECT_TRUE(counted);
  EXPECT_EQ(agent->state(), QProcess::Running);

  // The terminal deploy state is signed with the device's identity key.
  const auto states = listener.waitFor("edgewise/csv-1/deploy/state", 1, 5s);
  json terminal;
  for (const json& st : states)
    if (st.value("state", "") == "succeeded") terminal = st;
  ASSERT_TRUE(terminal.is_object());
  const auto status2 = listener.waitFor("edgewise/csv-1/status", 1, 5s);
  deploy::PublicKey pub{};
  ASSERT_TRUE(deploy::fromHex(status2.back().value("public_key", ""), pub.data(), pub.size()));
  std::array<uint8_t, 64> sig{};
  ASSERT_TRUE(deploy::fromHex(terminal.value("sig", ""), sig.data(), sig.size()));
  json unsigned_ = terminal;
  unsigned_.erase("sig");
  EXPECT_TRUE(deploy::verifySignature(std::string("edgewise-deploy-state-v1\n") + unsigned_.dump(),
                                      sig, pub));
  unsigned_["state"] = "rolled_back";
  EXPECT_FALSE(deploy::verifySignature(std::string("edgewise-deploy-state-v1\n") + unsigned_.dump(),
                                       sig, pub));
}

// A device reading JSON sensor messages from a local topic classifies them.
TEST_F(DeviceInferenceTest, MqttSourceDevicePredictsTheRightClass) {
  Listener listener(m_broker.url());
  startSourceAgent(
      QStringLiteral("mqtt:lab/bench-imu/data"), QStringLiteral("mq-1"),
      {QStringLiteral("--rate"), QStringLiteral("50"), QStringLiteral("--predict-every"),
       QStringLiteral("2"), QStringLiteral("--telemetry-s"), QStringLiteral("1")});
  ASSERT_FALSE(listener.waitFor("edgewise/mq-1/status", 1, 15s).empty());
  const deploy::Artifact a = deployModel(g->statsModel, {"mq-1"});
  using A = fleet::Activity;
  const auto windows = simulatedWindows({A::Run, A::Run, A::Run, A::Run});
  int64_t seq = 0;
  for (const auto& w : windows) {
    for (int m = 0; m < 2; ++m) {  // 50 samples per message
      json samples = json::array();
      for (int i = 0; i < 50; ++i) {
        const float* s = &w[static_cast<size_t>(m * 50 + i) * 6];
        samples.push_back({s[0], s[1], s[2], s[3], s[4], s[5]});
      }
      listener.publish("lab/bench-imu/data",
                       json{{"device", "bench-imu"},
                            {"seq", seq},
                            {"ts", 1796000000000000 + seq * 1'000'000},
                            {"rate", 50},
                            {"channels", {"ax", "ay", "az", "gx", "gy", "gz"}},
                            {"samples", samples}}
                           .dump());
      ++seq;
    }
  }
  listener.publish("lab/bench-imu/data", "{\"samples\": 3}");
  const auto predictions = listener.waitFor("edgewise/mq-1/predictions", windows.size(), 30s);
  ASSERT_EQ(predictions.size(), windows.size());
  int run = 0;
  for (const json& p : predictions) {
    const int64_t s = p.at("seq").get<int64_t>();
    ASSERT_GE(s, 1);
    ASSERT_LE(s, static_cast<int64_t>(windows.size()));
    EXPECT_EQ(p.at("class").get<int>(), referenceOf(windows[static_cast<size_t>(s - 1)]).cls);
    run += p.value("label", "") == "run" ? 1 : 0;
  }
  EXPECT_GE(run, 3) << "of " << predictions.size();
  EXPECT_EQ(a.manifest.classNames.size(), 5u);
  bool counted = false;
  for (int i = 0; i < 20 && !counted; ++i) {
    const auto t = listener.waitFor("edgewise/mq-1/telemetry", static_cast<size_t>(i + 1), 5s);
    counted = !t.empty() && t.back().value("bad_input", 0) == 1;
  }
  EXPECT_TRUE(counted);
}

// Each device's Ed25519 identity: created on first start (0600), kept across restarts, in the
// retained status.
TEST_F(DeviceInferenceTest, IdentityKeyPersistsAcrossRestarts) {
  std::string firstKey;
  for (int run = 0; run < 2; ++run) {
    Listener listener(m_broker.url());
    startAgent(QStringLiteral("id-"), {QStringLiteral("--count"), QStringLiteral("2")});
    const auto s1 = listener.waitFor("edgewise/id-0001/status", 1, 15s);
    const auto s2 = listener.waitFor("edgewise/id-0002/status", 1, 15s);
    ASSERT_FALSE(s1.empty());
    ASSERT_FALSE(s2.empty());
    const std::string key = s1.back().value("public_key", "");
    ASSERT_EQ(key.size(), 64u);
    deploy::PublicKey pub{};
    ASSERT_TRUE(deploy::fromHex(key, pub.data(), pub.size()));
    EXPECT_EQ(s1.back().value("key_id", ""), deploy::keyId(pub));
    EXPECT_NE(s2.back().value("public_key", ""), key);  // each device its own
    if (run == 0) {
      firstKey = key;
    } else {
      EXPECT_EQ(key, firstKey);
    }
    struct stat st {};
    ASSERT_EQ(::stat((stateDir() + "/id-0001/identity.key").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    auto loaded = deploy::loadSigningKey(stateDir() + "/id-0001/identity.key");
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded->publicKey, pub);
    for (auto& p : m_agents) {
      p->terminate();
      p->waitForFinished(15000);
    }
    m_agents.clear();
  }
}
