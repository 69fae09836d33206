// Corrective feedback rows (table feedback, migration 7; provenance migration 8): round trip,
// the float32 LE blob, filter by model, remove/restore, the provenance fields and their checks.
#include <cmath>
#include <limits>

#include "core/labeling/feedback_repository.h"
#include "core/store/sqlite_util.h"
#include "tests/labeling/test_labeling_common.h"

namespace edgewise::labeling::test {

TEST(Float32Le, BytesAreLittleEndianIeee754) {
  // 1.0f = 0x3f800000, -2.5f = 0xc0200000: the bytes in little-endian order.
  const std::vector<uint8_t> bytes = encodeFloat32Le({1.0f, -2.5f});
  const std::vector<uint8_t> expected = {0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x20, 0xc0};
  EXPECT_EQ(bytes, expected);
  auto back = decodeFloat32Le(bytes.data(), bytes.size());
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, (std::vector<float>{1.0f, -2.5f}));
  EXPECT_FALSE(decodeFloat32Le(bytes.data(), 7).ok());
}

TEST_F(LabelTest, FeedbackRoundTripFilterRemoveRestore) {
  FeedbackRepository fb(*m_project);
  auto annotator = m_repo->ensureAnnotator("ada");
  EW_ASSERT_OK(annotator);
  Feedback a;
  a.predicted = "walk";
  a.corrected = "run";
  a.confidence = 0.625;
  a.features = {0.5f, -1.25f, std::numeric_limits<float>::denorm_min(), 3e38f};
  a.annotatorId = annotator->id;
  a.tsUs = 1'700'000'000'000'000;
  auto stored = fb.add(a);
  EW_ASSERT_OK(stored);
  EXPECT_GT(stored->id, 0);
  EXPECT_GT(stored->createdUs, 0);

  Feedback b;
  b.deviceId = "imu-7";
  b.predicted = "idle";
  b.corrected = "walk";
  auto storedB = fb.add(b);  // no features, no confidence, no annotator
  EW_ASSERT_OK(storedB);

  Feedback bad;
  bad.predicted = "idle";
  EXPECT_FALSE(fb.add(bad).ok());  // no corrected class

  // Reopen: what was committed comes back bit for bit.
  openProject();
  FeedbackRepository fb2(*m_project);
  auto rows = fb2.list();
  EW_ASSERT_OK(rows);
  ASSERT_EQ(rows->size(), 2u);
  const Feedback& r = (*rows)[0];
  EXPECT_EQ(r.id, stored->id);
  EXPECT_EQ(r.predicted, "walk");
  EXPECT_EQ(r.corrected, "run");
  ASSERT_TRUE(r.confidence.has_value());
  EXPECT_DOUBLE_EQ(*r.confidence, 0.625);
  EXPECT_EQ(r.features, a.features);
  EXPECT_EQ(r.annotatorId, annotator->id);
  EXPECT_EQ(r.tsUs, a.tsUs);
  EXPECT_FALSE(r.modelId.has_value());
  EXPECT_EQ((*rows)[1].deviceId, "imu-7");
  EXPECT_TRUE((*rows)[1].features.empty());
  EXPECT_FALSE((*rows)[1].confidence.has_value());
  EXPECT_FALSE((*rows)[1].annotatorId.has_value());

  // The stored dims column is the number of values.
  auto dims = store::detail::queryInt64(
      m_project->handle(),
      ("SELECT dims FROM feedback WHERE id = " + std::to_string(stored->id)).c_str());
  EW_ASSERT_OK(dims);
  EXPECT_EQ(*dims, 4);

  auto none = fb2.list(int64_t{12345});
  EW_ASSERT_OK(none);
  EXPECT_TRUE(none->empty());

  EW_ASSERT_OK(fb2.remove(stored->id));
  EXPECT_FALSE(fb2.remove(stored->id).ok());
  EXPECT_EQ(*fb2.count(), 1);
  EW_ASSERT_OK(fb2.restore(r));
  auto again = fb2.get(stored->id);
  EW_ASSERT_OK(again);
  EXPECT_EQ(again->features, a.features);
  EXPECT_EQ(again->createdUs, r.createdUs);
  EXPECT_EQ(*fb2.count(), 2);
}

TEST_F(LabelTest, FeedbackProvenanceRoundTripAndChecks) {
  const std::vector<int64_t> samples = makeDataset("pool", 3);
  const int64_t pool = m_datasetId;
  const std::vector<int64_t> other = makeDataset("other", 1);
  FeedbackRepository fb(*m_project);
  Feedback q;
  q.origin = kFeedbackFromQueue;
  q.predicted = "a";
  q.corrected = "b";
  q.datasetId = pool;
  q.sampleId = samples[1];
  q.modelFamily = "logreg";
  q.modelVersion = 3;
  auto stored = fb.add(q);
  EW_ASSERT_OK(stored);
  Feedback d;
  d.origin = kFeedbackFromDevice;
  d.deviceId = "imu-2";
  d.predicted = "a";
  d.corrected = "b";
  auto storedD = fb.add(d);
  EW_ASSERT_OK(storedD);

  // A sample without its dataset, or of another dataset, is refused.
  Feedback noDataset = q;
  noDataset.datasetId.reset();
  EXPECT_FALSE(fb.add(noDataset).ok());
  Feedback wrongDataset = q;
  wrongDataset.sampleId = other[0];
  auto refused = fb.add(wrongDataset);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("not a sample of dataset"), std::string::npos)
      << refused.error().toString();
  EXPECT_EQ(*fb.count(), 2);

  openProject();  // what was committed comes back
  FeedbackRepository fb2(*m_project);
  auto r = fb2.get(stored->id);
  EW_ASSERT_OK(r);
  EXPECT_EQ(r->origin, "queue");
  EXPECT_EQ(r->datasetId, std::optional<int64_t>(pool));
  EXPECT_EQ(r->sampleId, std::optional<int64_t>(samples[1]));
  EXPECT_EQ(r->modelFamily, "logreg");
  EXPECT_EQ(r->modelVersion, std::optional<int64_t>(3));
  EXPECT_FALSE(r->modelId.has_value());
  auto dev = fb2.get(storedD->id);
  EW_ASSERT_OK(dev);
  EXPECT_EQ(dev->origin, "device");
  EXPECT_EQ(dev->deviceId, "imu-2");
  EXPECT_FALSE(dev->datasetId.has_value());
  EXPECT_FALSE(dev->sampleId.has_value());
  EXPECT_EQ(dev->modelFamily, "");
  EXPECT_FALSE(dev->modelVersion.has_value());

  // remove + restore keeps the provenance.
  EW_ASSERT_OK(fb2.remove(r->id));
  EW_ASSERT_OK(fb2.restore(*r));
  auto again = fb2.get(r->id);
  EW_ASSERT_OK(again);
  EXPECT_EQ(again->sampleId, r->sampleId);
  EXPECT_EQ(again->modelVersion, r->modelVersion);
  EXPECT_EQ(again->origin, "queue");
}

}  // namespace edgewise::labeling::test
