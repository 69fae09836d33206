#include "test_store_common.h"

namespace edgewise::store::test {
namespace {

QuarantinedMessage message(int i, size_t payloadBytes = 4) {
  QuarantinedMessage m;
  m.arrivalUs = 1'000'000 + i;
  m.topic = "edgewise/dev-" + std::to_string(i) + "/imu";
  m.decoderId = "json";
  m.error = "expected a number at samples[0][2]";
  m.payload.assign(payloadBytes, static_cast<uint8_t>(i));
  m.payloadSize = static_cast<int64_t>(payloadBytes);
  return m;
}

TEST_F(StoreTest, QuarantineKeepsNewestFirstAndTruncatesPayloads) {
  auto p = Project::open(path("q.edgewise"));
  EW_ASSERT_OK(p);
  auto& q = (*p)->quarantine();
  EW_ASSERT_OK(q.add(message(1)));
  EW_ASSERT_OK(q.add(message(2, QuarantineRepository::kMaxPayloadBytes + 100)));
  EW_ASSERT_OK(q.add(message(3)));
  EXPECT_EQ(q.count().valueOr(-1), 3);
  auto list = q.list();
  EW_ASSERT_OK(list);
  ASSERT_EQ(list->size(), 3u);
  EXPECT_EQ((*list)[0].topic, "edgewise/dev-3/imu");
  EXPECT_EQ((*list)[1].topic, "edgewise/dev-2/imu");
  EXPECT_EQ((*list)[2].topic, "edgewise/dev-1/imu");
  EXPECT_EQ((*list)[2].arrivalUs, 1'000'001);
  EXPECT_EQ((*list)[2].decoderId, "json");
  EXPECT_EQ((*list)[2].error, "expected a number at samples[0][2]");
  EXPECT_EQ((*list)[2].payload, (std::vector<uint8_t>{1, 1, 1, 1}));
  EXPECT_EQ((*list)[1].payload.size(), static_cast<size_t>(QuarantineRepository::kMaxPayloadBytes));
  EXPECT_EQ((*list)[1].payloadSize, QuarantineRepository::kMaxPayloadBytes + 100);
  EXPECT_EQ(q.list(2)->size(), 2u);
  EW_ASSERT_OK(q.clear());
  EXPECT_EQ(q.count().valueOr(-1), 0);
}

TEST_F(StoreTest, QuarantineIsBoundedOldestPrunedFirst) {
  auto p = Project::open(path("qb.edgewise"));
  EW_ASSERT_OK(p);
  auto& q = (*p)->quarantine();
  constexpr int kExtra = 50;
  constexpr int kTotal = static_cast<int>(QuarantineRepository::kMaxRows) + kExtra;
  EW_ASSERT_OK((*p)->transaction([&]() -> Result<void> {
    for (int i = 0; i < kTotal; ++i) EW_TRY(q.add(message(i)));
    return okResult();
  }));
  EXPECT_EQ(q.count().valueOr(-1), QuarantineRepository::kMaxRows);
  auto all = q.list(kTotal);
  EW_ASSERT_OK(all);
  ASSERT_EQ(all->size(), static_cast<size_t>(QuarantineRepository::kMaxRows));
  EXPECT_EQ(all->front().arrivalUs, 1'000'000 + kTotal - 1);  // newest kept
  EXPECT_EQ(all->back().arrivalUs, 1'000'000 + kExtra);       // the first kExtra pruned
  // Still bounded when adding one by one outside a transaction.
  EW_ASSERT_OK(q.add(message(kTotal)));
  EXPECT_EQ(q.count().valueOr(-1), QuarantineRepository::kMaxRows);
  EXPECT_EQ(q.list(1)->front().arrivalUs, 1'000'000 + kTotal);
}

}  // namespace
}  // namespace edgewise::store::test
