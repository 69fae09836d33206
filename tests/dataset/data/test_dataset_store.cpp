#include <sqlite3.h>

#include "core/dataset/data/dataset_repository.h"
#include "core/dataset/data/importers.h"
#include "core/store/migrations.h"
#include "core/store/project.h"
#include "core/store/recording_repository.h"
#include "core/store/sqlite_util.h"
#include "tests/dataset/data/dataset_test_util.h"

namespace edgewise::dataset::test {
namespace {

using DatasetStore = DatasetTest;
using store::detail::queryInt64;

ParsedDataset tinyTabular() {
  ParsedDataset p;
  p.info.kind = DatasetKind::Tabular;
  p.info.featureDims = 2;
  p.info.classNames = {"a", "b"};
  p.info.source = "test";
  for (int i = 0; i < 5; ++i) {
    ParsedSample s;
    s.label = i % 2;
    s.source = "row " + std::to_string(i);
    const float v[2] = {float(i), float(i) * 2};
    s.blob.assign(reinterpret_cast<const uint8_t*>(v), reinterpret_cast<const uint8_t*>(v) + 8);
    p.samples.push_back(s);
  }
  p.rejected.push_back({"row 9", "bad"});
  return p;
}

TEST_F(DatasetStore, ImportRoundTripAndDuplicateNameRefused) {
  auto project = store::Project::open(path("p.edgewise"));
  EW_ASSERT_OK(project);
  auto report = importDataset(**project, "tiny", tinyTabular());
  EW_ASSERT_OK(report);
  EXPECT_EQ(report->samplesPerClass, (std::vector<int64_t>{3, 2}));
  EXPECT_EQ(report->dataset.sampleCount, 5);
  EXPECT_EQ(report->rejected.size(), 1u);
  DatasetRepository repo(**project);
  auto info = repo.findByName("tiny");
  EW_ASSERT_OK(info);
  EXPECT_EQ(info->kind, DatasetKind::Tabular);
  EXPECT_EQ(info->featureDims, 2);
  EXPECT_EQ(info->classNames, (std::vector<std::string>{"a", "b"}));
  auto samples = repo.samples(info->id);
  EW_ASSERT_OK(samples);
  ASSERT_EQ(samples->size(), 5u);
  EXPECT_EQ((*samples)[3].idx, 3);
  EXPECT_EQ((*samples)[3].label, 1);
  EXPECT_EQ(floatsOf((*samples)[3].blob), (std::vector<float>{3.f, 6.f}));

  auto again = importDataset(**project, "tiny", tinyTabular());
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.error().message.find("already exists"), std::string::npos);
  EXPECT_EQ(queryInt64((*project)->handle(), "SELECT count(*) FROM dataset_samples").valueOr(-1),
            5);
}

TEST_F(DatasetStore, FatalErrorMidImportLeavesNoRows) {
  auto project = store::Project::open(path("p.edgewise"));
  EW_ASSERT_OK(project);
  ParsedDataset p = tinyTabular();
  p.samples[3].blob.resize(4);  // the 4th sample is written after three good ones
  auto r = importDataset(**project, "broken", p);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "row 3: 4 bytes, expected 8");
  ParsedDataset q = tinyTabular();
  q.samples[4].label = 7;
  auto r2 = importDataset(**project, "broken2", q);
  ASSERT_FALSE(r2.ok());
  EXPECT_EQ(r2.error().message, "row 4: label 7 is not one of the 2 classes");
  sqlite3* db = (*project)->handle();
  EXPECT_EQ(queryInt64(db, "SELECT count(*) FROM datasets").valueOr(-1), 0);
  EXPECT_EQ(queryInt64(db, "SELECT count(*) FROM dataset_samples").valueOr(-1), 0);
  // And the connection is usable afterwards (no transaction left open).
  EW_ASSERT_OK(importDataset(**project, "ok", tinyTabular()));
}

TEST_F(DatasetStore, NothingUsableFails) {
  auto project = store::Project::open(path("p.edgewise"));
  EW_ASSERT_OK(project);
  ParsedDataset p = tinyTabular();
  p.samples.clear();
  auto r = importDataset(**project, "empty", p);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "nothing usable to import: all 1 files/rows were rejected");
}

TEST_F(DatasetStore, MigratesSchema2FileKeepingData) {
  const std::string file = path("v2.edgewise");
  EW_ASSERT_OK(store::detail::createProjectAtVersion(file, 2));
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
    EXPECT_EQ(queryInt64(db, "PRAGMA user_version").valueOr(-1), 2);
    EXPECT_EQ(
        queryInt64(db, "SELECT count(*) FROM sqlite_schema WHERE name='datasets'").valueOr(-1), 0);
    ASSERT_EQ(sqlite3_exec(db,
                           "INSERT INTO recordings(id, name, status, created_us) "
                           "VALUES(1, 'old walk', 'complete', 99);"
                           "INSERT INTO quarantine(arrival_us, topic, decoder_id, error, "
                           "payload, payload_size) VALUES(5, 't', 'json', 'bad', x'00', 1);",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  auto project = store::Project::open(file, store::OpenMode::OpenExisting);
  EW_ASSERT_OK(project);
  EXPECT_EQ((*project)->schemaVersion(), store::Project::currentSchemaVersion());
  EXPECT_GE(store::Project::currentSchemaVersion(), 4);
  auto rec = (*project)->recordings().get(1);
  EW_ASSERT_OK(rec);
  EXPECT_EQ(rec->name, "old walk");
  EXPECT_EQ(queryInt64((*project)->handle(), "SELECT count(*) FROM quarantine").valueOr(-1), 1);
  auto report = importDataset(**project, "tiny", tinyTabular());
  EW_ASSERT_OK(report);
  EXPECT_EQ(report->dataset.sampleCount, 5);
  EW_ASSERT_OK((*project)->integrityCheck());
}

}  // namespace
}  // namespace edgewise::dataset::test
