// Tests of the training service: data preparation per dataset kind, the model registry
// (schema 4), the train/evaluate pipeline, cancel and corrupt stored models. Real project
// files in a temporary folder, real OpenCV and LibTorch models.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <QTemporaryDir>
#include <opencv2/core.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <sstream>
#include <thread>

#include "core/dataset/data/dataset_repository.h"
#include "core/dataset/data/importers.h"
#include "core/dataset/data/simulated_dataset.h"
#include "core/dataset/features/feature_block.h"
#include "core/store/migrations.h"
#include "core/store/project.h"
#include "core/store/sqlite_util.h"
#include "core/training/service/data_prep.h"
#include "core/training/service/model_factory.h"
#include "core/training/service/model_registry.h"
#include "core/training/service/train_service.h"

namespace edgewise::training {
namespace {

#define EW_ASSERT_OK(r) ASSERT_TRUE((r).ok()) << (r).error().toString()

using dataset::DatasetInfo;
using dataset::DatasetKind;
using dataset::ParsedSample;

std::string digitsPng() {
  return qEnvironmentVariable("EDGEWISE_TEST_DATA").toStdString() + "/digits.png";
}

std::vector<float> floatsOf(const std::vector<uint8_t>& blob) {
  std::vector<float> f(blob.size() / sizeof(float));
  std::memcpy(f.data(), blob.data(), f.size() * sizeof(float));
  return f;
}

class Service : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(m_dir.isValid());
    auto p = store::Project::open(path("p.edgewise"));
    EW_ASSERT_OK(p);
    m_project = std::move(p.value());
  }
  std::string path(const std::string& name) const {
    return m_dir.filePath(QString::fromStdString(name)).toStdString();
  }
  void importDigits() {
    auto parsed = dataset::readDigitsPng(digitsPng());
    ASSERT_TRUE(parsed.ok()) << parsed.error().toString();
    auto r = dataset::importDataset(*m_project, "digits", *parsed);
    ASSERT_TRUE(r.ok()) << r.error().toString();
  }
  void importImu(int perClass = 40) {
    auto parsed = dataset::simulateImuActivityDataset(perClass, 2.0, 50.0, 7);
    ASSERT_TRUE(parsed.ok()) << parsed.error().toString();
    auto r = dataset::importDataset(*m_project, "imu", *parsed);
    ASSERT_TRUE(r.ok()) << r.error().toString();
  }
  int64_t createDataset(const DatasetInfo& info, const std::vector<ParsedSample>& samples) {
    dataset::DatasetRepository repo(*m_project);
    auto id = repo.create(info, samples);
    EXPECT_TRUE(id.ok()) << id.error().toString();
    return id.ok() ? *id : 0;
  }
  sqlite3* db() { return m_project->handle(); }

  QTemporaryDir m_dir;
  std::unique_ptr<store::Project> m_project;
};

// ---- data preparation ----------------------------------------------------------------------

TEST_F(Service, ImagePixelsAreScaledChannelMajor) {
  // 3-channel 4x5 images whose bytes are distinct, so any transposition error shows.
  DatasetInfo info;
  info.name = "color";
  info.kind = DatasetKind::Image;
  info.imageHeight = 4;
  info.imageWidth = 5;
  info.imageChannels = 3;
  info.classNames = {"a", "b"};
  std::vector<ParsedSample> samples;
  for (int i = 0; i < 20; ++i) {
    ParsedSample s;
    s.label = i % 2;
    s.source = "img" + std::to_string(i);
    for (int k = 0; k < 60; ++k) s.blob.push_back(static_cast<uint8_t>((k * 7 + i * 3) % 256));
    samples.push_back(s);
  }
  createDataset(info, samples);
  PrepareOptions opt;
  auto data = prepareData(*m_project, "color", opt);
  EW_ASSERT_OK(data);
  EXPECT_EQ(data->inputShape, (std::vector<int>{3, 4, 5}));
  EXPECT_EQ(data->dims(), 60);
  EXPECT_EQ(data->train.rows() + data->val.rows() + data->test.rows(), 20);
  dataset::DatasetRepository repo(*m_project);
  for (const SplitMatrix* m : {&data->train, &data->val, &data->test}) {
    for (int r = 0; r < m->rows(); ++r) {
      auto s = repo.sample(m->sampleIds[static_cast<size_t>(r)]);
      EW_ASSERT_OK(s);
      EXPECT_EQ(m->y[static_cast<size_t>(r)], s->label);
      for (int c = 0; c < 3; ++c)
        for (int y = 0; y < 4; ++y)
          for (int x = 0; x < 5; ++x) {
            const float want =
                static_cast<float>(s->blob[static_cast<size_t>((y * 5 + x) * 3 + c)]) / 255.0f;
            ASSERT_FLOAT_EQ(m->X.at<float>(r, c * 20 + y * 5 + x), want);
          }
    }
  }
}

TEST_F(Service, DigitsDefaultFeaturesAndImageBlock) {
  importDigits();
  PrepareOptions opt;
  auto data = prepareData(*m_project, "digits", opt);
  EW_ASSERT_OK(data);
  EXPECT_EQ(data->inputShape, (std::vector<int>{1, 20, 20}));
  EXPECT_EQ(data->numClasses(), 10);
  // Stratified 70/15/15 of 500 per class: 350/75/75.
  EXPECT_EQ(data->train.rows(), 3500);
  EXPECT_EQ(data->val.rows(), 750);
  EXPECT_EQ(data->test.rows(), 750);
  double maxV = 0;
  cv::minMaxLoc(data->train.X, nullptr, &maxV);
  EXPECT_LE(maxV, 1.0);
  EXPECT_GT(maxV, 0.9);

  opt.features.blockId = "image";
  opt.features.params = {{"width", 10}, {"height", 8}};
  auto resized = prepareData(*m_project, "digits", opt);
  EW_ASSERT_OK(resized);
  EXPECT_EQ(resized->inputShape, (std::vector<int>{1, 8, 10}));
  EXPECT_EQ(resized->features.blockId, "image");
  EXPECT_EQ(resized->features.params.at("in_width"), 20);
  EXPECT_EQ(resized->features.params.at("width"), 10);
  // Same version (same split params) and therefore the same sample order.
  EXPECT_EQ(resized->version.snapshotId, data->version.snapshotId);
  EXPECT_EQ(resized->test.sampleIds, data->test.sampleIds);

  opt.features.blockId = "mfcc";
  auto bad = prepareData(*m_project, "digits", opt);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("does not apply to a image dataset"), std::string::npos)
      << bad.error().toString();
}

TEST_F(Service, TimeseriesIsChannelMajorAndBlocksFlatten) {
  importImu(10);
  auto data = prepareData(*m_project, "imu", {});
  EW_ASSERT_OK(data);
  EXPECT_EQ(data->inputShape, (std::vector<int>{6, 100}));
  dataset::DatasetRepository repo(*m_project);
  const SplitMatrix& m = data->train;
  ASSERT_GT(m.rows(), 0);
  for (int r : {0, m.rows() - 1}) {
    auto s = repo.sample(m.sampleIds[static_cast<size_t>(r)]);
    EW_ASSERT_OK(s);
    const std::vector<float> f = floatsOf(s->blob);
    ASSERT_EQ(f.size(), 600u);
    for (int c = 0; c < 6; ++c)
      for (int t = 0; t < 100; ++t) ASSERT_EQ(m.X.at<float>(r, c * 100 + t), f[t * 6 + c]);
  }
  PrepareOptions opt;
  opt.features.blockId = "stats";
  auto stats = prepareData(*m_project, "imu", opt);
  EW_ASSERT_OK(stats);
  ASSERT_EQ(stats->inputShape.size(), 1u);
  auto block = features::BlockRegistry::instance().create("stats");
  EW_ASSERT_OK(block);
  auto dims = (*block)->outputDims(100, 6, 50.0);
  EW_ASSERT_OK(dims);
  EXPECT_EQ(stats->inputShape[0], (*dims)[0] * (*dims)[1]);
  // The row is the block's output for that window.
  auto s = repo.sample(stats->train.sampleIds[0]);
  EW_ASSERT_OK(s);
  const std::vector<float> w = floatsOf(s->blob);
  auto f = (*block)->compute(w.data(), 100, 6, 50.0);
  EW_ASSERT_OK(f);
  for (size_t i = 0; i < f->size(); ++i)
    ASSERT_FLOAT_EQ(stats->train.X.at<float>(0, static_cast<int>(i)), (*f)[i]);
}

TEST_F(Service, AudioIsPaddedOrCroppedToOneSecondOfMfcc) {
  DatasetInfo info;
  info.name = "tones";
  info.kind = DatasetKind::Audio;
  info.audioRateHz = 8000;
  info.classNames = {"low", "high"};
  std::vector<ParsedSample> samples;
  for (int i = 0; i < 10; ++i) {
    ParsedSample s;
    s.label = i % 2;
    s.source = "tone" + std::to_string(i);
    const int n = i < 5 ? 5000 : 12000;  // shorter and longer than 1 s
    const double f0 = s.label ? 1500.0 : 300.0;
    for (int k = 0; k < n; ++k) {
      const int16_t v = static_cast<int16_t>(8000.0 * std::sin(2 * M_PI * f0 * k / 8000.0));
      s.blob.push_back(static_cast<uint8_t>(v & 0xff));
      s.blob.push_back(static_cast<uint8_t>((v >> 8) & 0xff));
    }
    samples.push_back(s);
  }
  createDataset(info, samples);
  PrepareOptions opt;
  opt.split = {0.6, 0.2, 0.2, 1};
  auto data = prepareData(*m_project, "tones", opt);
  EW_ASSERT_OK(data);
  // frame_length 256, hop 128: 1 + (8000 - 256) / 128 = 61 frames of 13 coefficients.
  EXPECT_EQ(data->inputShape, (std::vector<int>{1, 61, 13}));
  EXPECT_EQ(data->features.blockId, "mfcc");
  EXPECT_EQ(data->features.params.at("n_mfcc"), 13);
  auto block = features::BlockRegistry::instance().create("mfcc");
  EW_ASSERT_OK(block);
  dataset::DatasetRepository repo(*m_project);
  for (int r = 0; r < data->train.rows(); ++r) {
    auto s = repo.sample(data->train.sampleIds[static_cast<size_t>(r)]);
    EW_ASSERT_OK(s);
    std::vector<float> w(8000, 0.0f);
    const size_t have = std::min<size_t>(8000, s->blob.size() / 2);
    for (size_t k = 0; k < have; ++k) {
      int16_t v;
      std::memcpy(&v, s->blob.data() + 2 * k, 2);
      w[k] = v / 32768.0f;
    }
    auto f = (*block)->compute(w.data(), 8000, 1, 8000.0);
    EW_ASSERT_OK(f);
    ASSERT_EQ(f->size(), 61u * 13u);
    for (size_t i = 0; i < f->size(); ++i)
      ASSERT_FLOAT_EQ(data->train.X.at<float>(r, static_cast<int>(i)), (*f)[i]) << i;
  }
}

TEST_F(Service, TabularRowsAsStoredAndMismatchedSampleNamed) {
  DatasetInfo info;
  info.name = "tab";
  info.kind = DatasetKind::Tabular;
  info.featureDims = 3;
  info.classNames = {"x", "y"};
  std::vector<ParsedSample> samples;
  for (int i = 0; i < 12; ++i) {
    ParsedSample s;
    s.label = i % 2;
    s.source = "row " + std::to_string(i);
    const float v[3] = {static_cast<float>(i), 0.5f * i, -1.0f * i};
    s.blob.resize(sizeof v);
    std::memcpy(s.blob.data(), v, sizeof v);
    samples.push_back(s);
  }
  const int64_t id = createDataset(info, samples);
  auto data = prepareData(*m_project, "tab", {});
  EW_ASSERT_OK(data);
  EXPECT_EQ(data->inputShape, (std::vector<int>{3}));
  for (int r = 0; r < data->train.rows(); ++r) {
    const float i = data->train.X.at<float>(r, 0);
    EXPECT_FLOAT_EQ(data->train.X.at<float>(r, 1), 0.5f * i);
    EXPECT_FLOAT_EQ(data->train.X.at<float>(r, 2), -i);
  }
  // A sample whose blob changed size behind the repository's back: a clear error naming it.
  const std::string sql =
      "UPDATE dataset_samples SET blob = x'0000803f' WHERE dataset_id = " + std::to_string(id) +
      " AND idx = 4";
  ASSERT_EQ(sqlite3_exec(db(), sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  auto bad = prepareData(*m_project, "tab", {});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().toString().find("row 4: 4 bytes, expected 12"), std::string::npos)
      << bad.error().toString();
}

TEST_F(Service, SampleViewShowsImageAndSeries) {
  importDigits();
  importImu(5);
  dataset::DatasetRepository repo(*m_project);
  auto digits = repo.findByName("digits");
  EW_ASSERT_OK(digits);
  auto samples = repo.samples(digits->id);
  EW_ASSERT_OK(samples);
  const dataset::StoredSample& s = (*samples)[1234];
  auto v = loadSampleView(*m_project, s.id);
  EW_ASSERT_OK(v);
  EXPECT_EQ(v->kind, DatasetKind::Image);
  EXPECT_EQ(v->image.rows, 20);
  EXPECT_EQ(v->image.cols, 20);
  EXPECT_EQ(v->image.type(), CV_8UC1);
  EXPECT_EQ(v->image.at<uint8_t>(3, 7), s.blob[3 * 20 + 7]);
  EXPECT_EQ(v->className, std::to_string(s.label));

  auto imu = repo.findByName("imu");
  EW_ASSERT_OK(imu);
  auto imuSamples = repo.samples(imu->id);
  EW_ASSERT_OK(imuSamples);
  auto sv = loadSampleView(*m_project, (*imuSamples)[7].id);
  EW_ASSERT_OK(sv);
  ASSERT_EQ(sv->series.size(), 6u);
  ASSERT_EQ(sv->series[2].size(), 100u);
  const std::vector<float> f = floatsOf((*imuSamples)[7].blob);
  EXPECT_EQ(sv->series[2][10], f[10 * 6 + 2]);
  EXPECT_EQ(sv->rateHz, 50.0);
  EXPECT_EQ(sv->className, "walk");  // 5 per class: idx 5..9 are walk

  EXPECT_FALSE(loadSampleView(*m_project, 999999).ok());
}

// ---- registry ------------------------------------------------------------------------------

TEST_F(Service, RegistryRoundTripGivesIdenticalPredictions) {
  importDigits();
  auto data = prepareData(*m_project, "digits", {});
  EW_ASSERT_OK(data);
  ModelRegistry registry(*m_project);
  for (const std::string family : {"knn", "rf", "mlp"}) {
    SCOPED_TRACE(family);
    HyperParams params;
    if (family == "rf") params = {{"trees", "20"}};
    if (family == "mlp") params = {{"epochs", "2"}, {"hidden", "32"}};
    auto model = createClassifier(family, params, 3, data->inputShape);
    EW_ASSERT_OK(model);
    TrainContext ctx;
    ctx.valX = &data->val.X;
    ctx.valY = &data->val.y;
    EW_ASSERT_OK((*model)->train(data->train.X, data->train.y, data->numClasses(), ctx));
    const std::string file = path(family + ".model");
    EW_ASSERT_OK((*model)->save(file));
    ModelRecord rec;
    rec.name = family + " test";
    rec.family = (*model)->id();
    rec.datasetId = data->dataset.id;
    rec.datasetName = "digits";
    rec.snapshotId = data->version.snapshotId;
    rec.features = data->features;
    rec.inputShape = data->inputShape;
    rec.classNames = data->dataset.classNames;
    rec.hyperParams = (*model)->hyperParams();
    rec.seed = 3;
    auto metrics = computeMetrics(data->test.y, (*model)->predictBatch(data->test.X), 10);
    EW_ASSERT_OK(metrics);
    rec.metrics = *metrics;
    TrainProgress p;
    p.epoch = 1;
    p.epochs = 2;
    p.trainLoss = 0.5;
    p.valLoss = std::nan("");
    rec.history = {p};
    rec.parameterCount = (*model)->parameterCount();
    rec.trainSeconds = 1.25;
    rec.latencyP50Us = 10;
    rec.latencyP99Us = 30;
    auto id = registry.add(rec, file);
    EW_ASSERT_OK(id);

    auto back = registry.get(*id);
    EW_ASSERT_OK(back);
    EXPECT_EQ(back->name, rec.name);
    EXPECT_EQ(back->family, family);
    EXPECT_EQ(back->datasetId, rec.datasetId);
    EXPECT_EQ(back->snapshotId, rec.snapshotId);
    EXPECT_EQ(back->inputShape, rec.inputShape);
    EXPECT_EQ(back->classNames, rec.classNames);
    EXPECT_EQ(back->hyperParams, rec.hyperParams);
    EXPECT_EQ(back->seed, 3u);
    EXPECT_DOUBLE_EQ(back->metrics.accuracy, rec.metrics.accuracy);
    EXPECT_DOUBLE_EQ(back->metrics.macroF1, rec.metrics.macroF1);
    EXPECT_EQ(back->metrics.confusion, rec.metrics.confusion);
    ASSERT_EQ(back->metrics.perClass.size(), 10u);
    EXPECT_DOUBLE_EQ(back->metrics.perClass[4].f1, rec.metrics.perClass[4].f1);
    ASSERT_EQ(back->history.size(), 1u);
    EXPECT_EQ(back->history[0].trainLoss, 0.5);
    EXPECT_TRUE(std::isnan(back->history[0].valLoss));
    EXPECT_EQ(back->sizeBytes, (*model)->sizeBytes());
    EXPECT_EQ(back->origin, "trained");
    EXPECT_FALSE(back->parentId.has_value());

    auto loaded = registry.load(*id);
    EW_ASSERT_OK(loaded);
    EXPECT_EQ((*loaded)->id(), family);
    EXPECT_EQ((*loaded)->predictBatch(data->test.X), (*model)->predictBatch(data->test.X));
  }
  auto list = registry.list();
  EW_ASSERT_OK(list);
  ASSERT_EQ(list->size(), 3u);
  EXPECT_EQ(list->front().family, "mlp");  // newest first
  EW_ASSERT_OK(registry.rename(list->front().id, "renamed"));
  EXPECT_EQ(registry.get(list->front().id)->name, "renamed");
  EW_ASSERT_OK(registry.exportFile(list->back().id, path("exported.model")));
  auto exported = loadClassifier(path("exported.model"));
  EW_ASSERT_OK(exported);
  EXPECT_EQ((*exported)->id(), "knn");
  EW_ASSERT_OK(registry.remove(list->back().id));
  EXPECT_EQ(registry.list()->size(), 2u);
  EXPECT_FALSE(registry.get(list->back().id).ok());
  EXPECT_FALSE(registry.remove(list->back().id).ok());
}

TEST_F(Service, CorruptStoredModelIsRefusedWithAMessage) {
  importImu(10);
  TrainRequest req;
  req.datasetName = "imu";
  req.family = "knn";
  req.latencySeconds = 0.01;
  auto rec = trainAndRegister(*m_project, req);
  EW_ASSERT_OK(rec);
  const std::string sql = "UPDATE models SET file = substr(file, 1, length(file) / 2) WHERE id = " +
                          std::to_string(rec->id);
  ASSERT_EQ(sqlite3_exec(db(), sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  ModelRegistry registry(*m_project);
  auto loaded = registry.load(rec->id);
  ASSERT_FALSE(loaded.ok());
  const std::string msg = loaded.error().toString();
  EXPECT_NE(msg.find("loading model " + std::to_string(rec->id)), std::string::npos) << msg;
  EXPECT_NE(msg.find("damaged"), std::string::npos) << msg;
  auto ev = evaluateModel(*m_project, rec->id);
  EXPECT_FALSE(ev.ok());
}

TEST_F(Service, MigratesSchema3ProjectWithDatasets) {
  const std::string file = path("v3.edgewise");
  EW_ASSERT_OK(store::detail::createProjectAtVersion(file, 3));
  {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(file.c_str(), &raw), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(raw,
                           "INSERT INTO datasets(id, name, created_us, kind, feature_dims, "
                           "class_names) VALUES(1, 'old', 5, 'tabular', 1, '[\"a\",\"b\"]');"
                           "INSERT INTO dataset_samples(dataset_id, idx, label, source, blob) "
                           "VALUES(1, 0, 0, 'r0', x'0000803f'), (1, 1, 1, 'r1', x'00000040'),"
                           "(1, 2, 0, 'r2', x'00004040'), (1, 3, 1, 'r3', x'00008040');",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    EXPECT_EQ(store::detail::queryInt64(raw, "PRAGMA user_version").valueOr(-1), 3);
    sqlite3_close(raw);
  }
  auto p = store::Project::open(file, store::OpenMode::OpenExisting);
  EW_ASSERT_OK(p);
  EXPECT_EQ((*p)->schemaVersion(), store::Project::currentSchemaVersion());
  dataset::DatasetRepository repo(**p);
  auto old = repo.findByName("old");
  EW_ASSERT_OK(old);
  EXPECT_EQ(old->sampleCount, 4);
  EXPECT_EQ(old->seriesChannels, 0);
  EXPECT_EQ(old->seriesRateHz, 0.0);
  auto data = prepareData(**p, "old", PrepareOptions{{1.0, 0.0, 0.0, 1}, {}});
  EW_ASSERT_OK(data);
  EXPECT_EQ(data->train.rows(), 4);
  ModelRegistry registry(**p);
  EXPECT_TRUE(registry.list()->empty());
  auto knn = createClassifier("knn", {{"k", "1"}}, 1, data->inputShape);
  EW_ASSERT_OK(knn);
  EW_ASSERT_OK((*knn)->train(data->train.X, data->train.y, 2));
  EW_ASSERT_OK((*knn)->save(path("k.model")));
  ModelRecord rec;
  rec.family = "knn";
  rec.datasetId = old->id;
  auto id = registry.add(rec, path("k.model"));
  EW_ASSERT_OK(id);
  EW_ASSERT_OK((*p)->integrityCheck());
  // Removing the dataset keeps the model, with its dataset id cleared (lineage by name stays).
  EW_ASSERT_OK(repo.remove(old->id));
  auto kept = registry.get(*id);
  EW_ASSERT_OK(kept);
  EXPECT_FALSE(kept->datasetId.has_value());
}

// ---- pipeline ------------------------------------------------------------------------------

TEST_F(Service, TrainAndEvaluateAgree) {
  importImu(30);
  TrainRequest req;
  req.datasetName = "imu";
  req.family = "rf";
  req.params = {{"trees", "30"}};
  req.latencySeconds = 0.05;
  std::vector<std::string> messages;
  double lastFraction = -1;
  bool monotonic = true;
  auto rec =
      trainAndRegister(*m_project, req, [&](double f, const std::string& m, const TrainProgress*) {
        if (f < lastFraction) monotonic = false;
        lastFraction = f;
        messages.push_back(m);
      });
  EW_ASSERT_OK(rec);
  EXPECT_TRUE(monotonic);
  EXPECT_EQ(lastFraction, 1.0);
  EXPECT_EQ(messages.front(), "preparing data");
  EXPECT_EQ(rec->name, "rf on imu");
  EXPECT_EQ(rec->hyperParams.at("trees"), "30");
  EXPECT_EQ(rec->inputShape, (std::vector<int>{6, 100}));
  EXPECT_GT(rec->metrics.accuracy, 0.6);  // 5 classes: chance is 0.2
  EXPECT_GT(rec->sizeBytes, 0);
  EXPECT_GT(rec->latencyP50Us, 0.0);
  EXPECT_GE(rec->latencyP99Us, rec->latencyP50Us);
  ASSERT_EQ(rec->history.size(), 1u);

  auto ev = evaluateModel(*m_project, rec->id, {}, nullptr, 0.05);
  EW_ASSERT_OK(ev);
  EXPECT_DOUBLE_EQ(ev->metrics.accuracy, rec->metrics.accuracy);
  EXPECT_EQ(ev->metrics.confusion, rec->metrics.confusion);
  EXPECT_EQ(ev->truth.size(), 5u * 30u - 5u * (21u + 5u));  // 30 per class: 21/4-5/rest
  EXPECT_EQ(ev->predicted.size(), ev->truth.size());
  EXPECT_EQ(ev->sampleIds.size(), ev->truth.size());
  int correct = 0;
  for (size_t i = 0; i < ev->truth.size(); ++i) correct += ev->truth[i] == ev->predicted[i];
  EXPECT_DOUBLE_EQ(static_cast<double>(correct) / ev->truth.size(), ev->metrics.accuracy);
  EXPECT_GE(ev->latency.runs, 50);
}

TEST_F(Service, CancelAtAnyStepStoresNothing) {
  importDigits();
  for (const std::string when : {"preparing data", "training", "epoch", "measuring latency"}) {
    SCOPED_TRACE(when);
    std::atomic<bool> cancel{false};
    TrainRequest req;
    req.datasetName = "digits";
    req.family = when == "epoch" ? "mlp" : "knn";
    req.params = when == "epoch" ? HyperParams{{"epochs", "50"}, {"hidden", "16"}} : HyperParams{};
    req.latencySeconds = 0.05;
    bool sawEpoch = false;
    auto r = trainAndRegister(
        *m_project, req,
        [&](double, const std::string& m, const TrainProgress* e) {
          if (e) sawEpoch = true;
          if (when == "epoch" ? e != nullptr : m == when) cancel = true;
        },
        &cancel);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message, "cancelled");
    if (when == "epoch") {
      EXPECT_TRUE(sawEpoch);
    }
    EXPECT_EQ(store::detail::queryInt64(db(), "SELECT count(*) FROM models").valueOr(-1), 0);
  }
}

TEST_F(Service, FactoryKnowsFamiliesShapesAndEnsembles) {
  const std::vector<std::string> families = modelFamilies();
  ASSERT_EQ(families.size(), 10u);
  EXPECT_EQ(families.front(), "mlp");
  EXPECT_EQ(families.back(), "ensemble");
  EXPECT_TRUE(checkFamilyForShape("cnn2d", {1, 20, 20}).ok());
  EXPECT_FALSE(checkFamilyForShape("cnn2d", {6, 100}).ok());
  EXPECT_FALSE(checkFamilyForShape("cnn1d", {30}).ok());
  EXPECT_TRUE(checkFamilyForShape("cnn1d", {1, 20, 20}).ok());  // grey image: rows = channels
  EXPECT_FALSE(checkFamilyForShape("cnn1d", {3, 20, 20}).ok());
  EXPECT_TRUE(checkFamilyForShape("knn", {6, 100}).ok());
  EXPECT_EQ(defaultHyperParams("knn").at("k"), "3");
  EXPECT_EQ(defaultHyperParams("ensemble").at("members"), "knn,svm-rbf,rf,mlp");
  EXPECT_TRUE(defaultHyperParams("mlp").count("epochs"));
  auto unknown = createClassifier("xgboost", {}, 1, {4});
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("unknown model family 'xgboost'"), std::string::npos);
  EXPECT_FALSE(createClassifier("ensemble", {{"members", "knn,ensemble"}}, 1, {4}).ok());
  EXPECT_FALSE(createClassifier("ensemble", {{"rf.trees", "3"}, {"members", "knn"}}, 1, {4}).ok());

  // An ensemble of knn + rf on the IMU windows: weights are validation accuracies, it saves as
  // an "ensemble" file that loadClassifier reads back with identical predictions.
  importImu(20);
  auto data = prepareData(*m_project, "imu", {});
  EW_ASSERT_OK(data);
  auto ens = createClassifier("ensemble", {{"members", "knn,rf"}, {"rf.trees", "10"}}, 5,
                              data->inputShape);
  EW_ASSERT_OK(ens);
  TrainContext ctx;
  ctx.valX = &data->val.X;
  ctx.valY = &data->val.y;
  int reports = 0;
  bool otherThread = false;
  const std::thread::id caller = std::this_thread::get_id();
  ctx.progress = [&](const TrainProgress&) {
    ++reports;
    if (std::this_thread::get_id() != caller) otherThread = true;
  };
  EW_ASSERT_OK((*ens)->train(data->train.X, data->train.y, 5, ctx));
  EXPECT_EQ(reports, 2);
  EXPECT_FALSE(otherThread) << "progress must arrive on the thread that called train()";
  EXPECT_TRUE((*ens)->isTrained());
  EXPECT_EQ((*ens)->hyperParams().at("members"), "knn,rf");
  EW_ASSERT_OK((*ens)->save(path("ens.model")));
  auto back = loadClassifier(path("ens.model"));
  EW_ASSERT_OK(back);
  EXPECT_EQ((*back)->id(), "ensemble");
  EXPECT_EQ((*back)->predictBatch(data->test.X), (*ens)->predictBatch(data->test.X));
}

// Validation-driven member selection: the ensemble's validation accuracy (recomputed here from
// its predictions) is at least every member's, the kept members and weights are recorded, and
// select=none keeps all members.
TEST_F(Service, EnsembleSelectionOnValidationBeatsOrMatchesBestMember) {
  importImu(30);
  auto data = prepareData(*m_project, "imu", {});
  EW_ASSERT_OK(data);
  const HyperParams params = {
      {"members", "knn,svm-linear,logreg,rf"}, {"rf.trees", "10"}, {"logreg.iterations", "50"}};
  auto ens = createClassifier("ensemble", params, 3, data->inputShape);
  EW_ASSERT_OK(ens);
  TrainContext ctx;
  ctx.valX = &data->val.X;
  ctx.valY = &data->val.y;
  EW_ASSERT_OK((*ens)->train(data->train.X, data->train.y, 5, ctx));
  const HyperParams hp = (*ens)->hyperParams();
  ASSERT_TRUE(hp.count("member_val_accuracy") && hp.count("kept") && hp.count("weights") &&
              hp.count("val_accuracy"));
  EXPECT_EQ(hp.at("select"), "validation");
  // member_val_accuracy: "knn:0.9,svm-linear:0.8,...", one entry per member, in order.
  std::vector<std::pair<std::string, double>> memberVal;
  {
    std::stringstream ss(hp.at("member_val_accuracy"));
    std::string item;
    while (std::getline(ss, item, ',')) {
      const size_t colon = item.find(':');
      ASSERT_NE(colon, std::string::npos) << item;
      memberVal.emplace_back(item.substr(0, colon), std::stod(item.substr(colon + 1)));
    }
  }
  ASSERT_EQ(memberVal.size(), 4u);
  EXPECT_EQ(memberVal[0].first, "knn");
  EXPECT_EQ(memberVal[3].first, "rf");
  const std::vector<int> pred = (*ens)->predictBatch(data->val.X);
  int correct = 0;
  for (size_t i = 0; i < pred.size(); ++i) correct += pred[i] == data->val.y[i];
  const double valAcc = static_cast<double>(correct) / static_cast<double>(pred.size());
  EXPECT_DOUBLE_EQ(std::stod(hp.at("val_accuracy")), valAcc);
  for (const auto& [id, acc] : memberVal) EXPECT_GE(valAcc, acc) << "member " << id;
  // The kept members are a non-empty subset, in member order, one weight each.
  const std::string kept = hp.at("kept");
  ASSERT_FALSE(kept.empty());
  const size_t keptCount = static_cast<size_t>(std::count(kept.begin(), kept.end(), ',')) + 1;
  const std::string w = hp.at("weights");
  EXPECT_EQ(static_cast<size_t>(std::count(w.begin(), w.end(), ',')) + 1, keptCount);
  EXPECT_LE(keptCount, 4u);
  // The saved file holds only the kept members.
  EW_ASSERT_OK((*ens)->save(path("sel.model")));
  auto back = loadClassifier(path("sel.model"));
  EW_ASSERT_OK(back);
  EXPECT_EQ((*back)->hyperParams().at("members"), kept);
  EXPECT_EQ((*back)->predictBatch(data->val.X), pred);
  // A recorded parameter set creates an ensemble again (the outcome keys are ignored).
  EXPECT_TRUE(createClassifier("ensemble", hp, 3, data->inputShape).ok());
  EXPECT_FALSE(createClassifier("ensemble", {{"select", "best"}}, 3, data->inputShape).ok());

  HyperParams all = params;
  all["select"] = "none";
  auto none = createClassifier("ensemble", all, 3, data->inputShape);
  EW_ASSERT_OK(none);
  EW_ASSERT_OK((*none)->train(data->train.X, data->train.y, 5, ctx));
  EXPECT_EQ((*none)->hyperParams().at("kept"), "knn,svm-linear,logreg,rf");
}

// The selection lands in the registry's lineage: the stored record (read back from the
// project) holds the kept members, their weights and the validation accuracies, and the stored
// model file serves only the kept members.
TEST_F(Service, RegisteredEnsembleRecordsItsSelection) {
  importImu(20);
  TrainRequest req;
  req.datasetName = "imu";
  req.family = "ensemble";
  req.params = {{"members", "knn,logreg"}, {"logreg.iterations", "30"}};
  req.latencySeconds = 0.01;
  auto rec = trainAndRegister(*m_project, req);
  EW_ASSERT_OK(rec);
  ModelRegistry registry(*m_project);
  auto back = registry.get(rec->id);
  EW_ASSERT_OK(back);
  const HyperParams& hp = back->hyperParams;
  ASSERT_TRUE(hp.count("kept") && hp.count("weights") && hp.count("val_accuracy") &&
              hp.count("member_val_accuracy"))
      << "stored hyper_params lack the selection";
  EXPECT_EQ(hp.at("members"), "knn,logreg");
  auto model = registry.load(rec->id);
  EW_ASSERT_OK(model);
  EXPECT_EQ((*model)->hyperParams().at("members"), hp.at("kept"));
  EXPECT_EQ((*model)->hyperParams().at("weights"), hp.at("weights"));
}

TEST_F(Service, LatencyStatsAreOrdered) {
  importImu(5);
  auto data = prepareData(*m_project, "imu", {});
  EW_ASSERT_OK(data);
  auto knn = createClassifier("knn", {}, 1, data->inputShape);
  EW_ASSERT_OK(knn);
  EW_ASSERT_OK((*knn)->train(data->train.X, data->train.y, 5));
  const LatencyStats s = measureLatency(**knn, data->train.X, 0.05, 80);
  EXPECT_GE(s.runs, 80);
  EXPECT_GT(s.p50Us, 0.0);
  EXPECT_LE(s.p50Us, s.p90Us);
  EXPECT_LE(s.p90Us, s.p99Us);
  EXPECT_LE(s.p99Us, s.maxUs);
  EXPECT_GT(s.meanUs, 0.0);
  EXPECT_NEAR(s.cv, s.stdUs / s.meanUs, 1e-12);
}

TEST(ServiceJson, MetricsAndFeatureSpecRoundTrip) {
  Metrics m;
  m.accuracy = 0.75;
  m.macroF1 = std::nan("");
  m.confusion = {{3, 1}, {0, 4}};
  m.perClass = {{1.0, 0.75, 0.857, 4}, {0.8, 1.0, 0.889, 4}};
  auto back = metricsFromJson(metricsToJson(m));
  EW_ASSERT_OK(back);
  EXPECT_EQ(back->accuracy, 0.75);
  EXPECT_TRUE(std::isnan(back->macroF1));
  EXPECT_EQ(back->confusion, m.confusion);
  EXPECT_EQ(back->perClass[1].support, 4);
  EXPECT_EQ(back->perClass[0].f1, 0.857);
  FeatureSpec spec{"mfcc", {{"n_mfcc", 20}, {"hop", 64}}};
  auto s = featureSpecFromJson(featureSpecToJson(spec));
  EW_ASSERT_OK(s);
  EXPECT_EQ(*s, spec);
  EXPECT_FALSE(featureSpecFromJson("[1]").ok());
}

}  // namespace
}  // namespace edgewise::training

namespace edgewise::training {
namespace {

TEST_F(Service, TorchScriptExportImportKeepsPredictions) {
  importImu(20);
  TrainRequest req;
  req.datasetName = "imu";
  req.family = "mlp";
  req.params = {{"epochs", "3"}, {"hidden", "16"}};
  req.latencySeconds = 0.02;
  auto rec = trainAndRegister(*m_project, req);
  EW_ASSERT_OK(rec);
  const std::string pt = path("mlp.pt");
  EW_ASSERT_OK(exportModel(*m_project, rec->id, "torchscript", pt));
  auto bad = exportModel(*m_project, rec->id, "onnx", pt);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("unknown export format 'onnx'"), std::string::npos);

  ImportRequest imp;
  imp.file = pt;
  imp.datasetName = "imu";
  auto imported = importTorchScriptModel(*m_project, imp);
  EW_ASSERT_OK(imported);
  EXPECT_EQ(imported->origin, "imported");
  EXPECT_EQ(imported->family, "torchscript");
  EXPECT_EQ(imported->name, "mlp.pt");
  EXPECT_EQ(imported->hyperParams.at("source_file"), pt);
  EXPECT_EQ(imported->snapshotId, rec->snapshotId);
  EXPECT_EQ(imported->metrics.confusion, rec->metrics.confusion);

  auto a = evaluateModel(*m_project, rec->id, {}, nullptr, 0.01);
  auto b = evaluateModel(*m_project, imported->id, {}, nullptr, 0.01);
  EW_ASSERT_OK(a);
  EW_ASSERT_OK(b);
  EXPECT_EQ(a->predicted, b->predicted);
  EXPECT_EQ(a->sampleIds, b->sampleIds);

  ImportRequest missing = imp;
  missing.file = path("nothing.pt");
  EXPECT_FALSE(importTorchScriptModel(*m_project, missing).ok());
  EXPECT_EQ(ModelRegistry(*m_project).list()->size(), 2u);
}

}  // namespace
}  // namespace edgewise::training

namespace edgewise::training {
namespace {

TEST_F(Service, TimeseriesDatasetShapeIsChecked) {
  DatasetInfo info;
  info.name = "ts";
  info.kind = DatasetKind::Timeseries;
  info.classNames = {"a"};
  ParsedSample s;
  s.source = "w0";
  s.blob.resize(4 * 3 * sizeof(float));
  dataset::DatasetRepository repo(*m_project);
  auto noShape = repo.create(info, {s});
  ASSERT_FALSE(noShape.ok());
  EXPECT_NE(noShape.error().message.find("needs channels, window length and rate"),
            std::string::npos);
  info.seriesChannels = 3;
  info.seriesLength = 4;
  info.seriesRateHz = 25.0;
  ParsedSample wrong = s;
  wrong.source = "w1";
  wrong.blob.resize(40);
  auto bad = repo.create(info, {s, wrong});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("w1: 40 bytes, expected 48"), std::string::npos)
      << bad.error().toString();
  auto good = repo.create(info, {s});
  EW_ASSERT_OK(good);
  auto back = repo.get(*good);
  EW_ASSERT_OK(back);
  EXPECT_EQ(back->seriesChannels, 3);
  EXPECT_EQ(back->seriesLength, 4);
  EXPECT_EQ(back->seriesRateHz, 25.0);
}

}  // namespace
}  // namespace edgewise::training

namespace edgewise::training {
namespace {

TEST_F(Service, EvaluatingAModelWhoseDatasetIsGoneFailsClearly) {
  importImu(10);
  TrainRequest req;
  req.datasetName = "imu";
  req.family = "knn";
  req.latencySeconds = 0.01;
  auto rec = trainAndRegister(*m_project, req);
  EW_ASSERT_OK(rec);
  dataset::DatasetRepository repo(*m_project);
  EW_ASSERT_OK(repo.remove(*rec->datasetId));
  auto ev = evaluateModel(*m_project, rec->id);
  ASSERT_FALSE(ev.ok());
  EXPECT_NE(ev.error().message.find("no dataset version " + rec->snapshotId), std::string::npos)
      << ev.error().toString();
  // The model itself and its lineage by name stay.
  auto kept = ModelRegistry(*m_project).get(rec->id);
  EW_ASSERT_OK(kept);
  EXPECT_EQ(kept->datasetName, "imu");
  EXPECT_FALSE(kept->datasetId.has_value());
  EW_ASSERT_OK(ModelRegistry(*m_project).load(rec->id));
}

}  // namespace
}  // namespace edgewise::training
