#pragma once
#include <gtest/gtest.h>

#include <QTemporaryDir>
#include <cstring>
#include <memory>
#include <string>

#include "core/dataset/data/dataset_repository.h"
#include "core/labeling/label_repository.h"
#include "core/store/project.h"
#include "core/store/recording_repository.h"

namespace edgewise::labeling::test {

#define EW_ASSERT_OK(r) ASSERT_TRUE((r).ok()) << (r).error().toString()
#define EW_EXPECT_OK(r) EXPECT_TRUE((r).ok()) << (r).error().toString()

class LabelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(m_dir.isValid());
    openProject();
  }
  void openProject() {
    m_repo.reset();
    m_project.reset();
    auto p = store::Project::open(path("labels.edgewise"));
    ASSERT_TRUE(p.ok()) << p.error().toString();
    m_project = std::move(p.value());
    m_repo = std::make_unique<LabelRepository>(*m_project);
  }
  std::string path(const char* name) const {
    return m_dir.filePath(QString::fromUtf8(name)).toStdString();
  }
  // A complete recording with one 2-channel stream: `samples` samples every stepUs from t0.
  int64_t makeRecording(const std::string& name, int samples = 1000, int64_t t0 = 1'000'000,
                        int64_t stepUs = 10'000) {
    auto& recs = m_project->recordings();
    auto id = recs.create(name, 1);
    EXPECT_TRUE(id.ok());
    store::StreamSpec spec;
    spec.deviceId = "imu-1";
    spec.topic = "edgewise/imu-1/acc";
    spec.decoderId = "json";
    spec.channelNames = {"x", "y"};
    spec.units = {"g", "g"};
    spec.sampleRateHz = 1e6 / static_cast<double>(stepUs);
    auto sid = recs.addStream(*id, spec);
    EXPECT_TRUE(sid.ok());
    store::ChunkData c;
    c.streamId = *sid;
    c.channelCount = 2;
    for (int i = 0; i < samples; ++i) {
      c.timestampsUs.push_back(t0 + i * stepUs);
      c.values.push_back(0.5f * static_cast<float>(i));
      c.values.push_back(-0.25f * static_cast<float>(i));
    }
    c.messageCount = 1;
    EXPECT_TRUE(recs.appendChunk(c).ok());
    EXPECT_TRUE(recs.finish(*id).ok());
    m_lastStream = *sid;
    return *id;
  }
  // A tabular dataset of n samples (1 feature); returns the sample ids in idx order.
  std::vector<int64_t> makeDataset(const std::string& name, int n) {
    dataset::DatasetRepository repo(*m_project);
    dataset::DatasetInfo info;
    info.name = name;
    info.kind = dataset::DatasetKind::Tabular;
    info.featureDims = 1;
    info.classNames = {"a"};
    std::vector<dataset::ParsedSample> samples(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
      float v = static_cast<float>(i);
      samples[static_cast<size_t>(i)].source = "row " + std::to_string(i);
      samples[static_cast<size_t>(i)].blob.resize(4);
      std::memcpy(samples[static_cast<size_t>(i)].blob.data(), &v, 4);
    }
    auto id = repo.create(info, samples);
    EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().toString());
    m_datasetId = *id;
    auto labels = repo.labels(*id);
    std::vector<int64_t> out;
    for (const auto& l : *labels) out.push_back(l.id);
    return out;
  }
  SegmentLabel seg(int64_t rec, int64_t s, int64_t e, int64_t cls, int64_t ann) {
    SegmentLabel x;
    x.recordingId = rec;
    x.startUs = s;
    x.endUs = e;
    x.classId = cls;
    x.annotatorId = ann;
    return x;
  }

  QTemporaryDir m_dir;
  std::unique_ptr<store::Project> m_project;
  std::unique_ptr<LabelRepository> m_repo;
  int64_t m_lastStream = 0;
  int64_t m_datasetId = 0;
};

}  // namespace edgewise::labeling::test
