// Migration 8 (feedback provenance) on a file an Edgewise of schema 7 wrote: the rows survive,
// their origin is taken from device_id (the queue's rows had none), the new columns are null or
// empty, and the foreign keys of the new columns act (a removed sample or dataset leaves the
// row with nulls, never a dangling id).
#include <sqlite3.h>

#include "core/store/migrations.h"
#include "tests/store/test_store_common.h"

namespace edgewise::store::test {

using detail::queryInt64;

TEST_F(StoreTest, Migration8GivesSchema7FeedbackItsOrigin) {
  ASSERT_GE(Project::currentSchemaVersion(), 8);
  EXPECT_EQ(std::string(detail::migrations()[7].description).rfind("feedback: provenance", 0), 0u);
  const std::string file = path("v7.edgewise");
  // As schema 7 wrote them: a queue correction (device_id '') and a device's.
  ASSERT_EQ(writeOldProject(file, 7,
                            "INSERT INTO feedback(id, device_id, ts_us, predicted, corrected, "
                            "confidence, dims, features, created_us) "
                            "VALUES(1, '', 10, '3', '8', 0.5, 1, x'0000803f', 11);"
                            "INSERT INTO feedback(id, device_id, model_sha256, ts_us, predicted, "
                            "corrected, created_us) VALUES(2, 'imu-7', 'ab12', 20, 'idle', "
                            "'walk', 21);"),
            "");
  auto p = Project::open(file, OpenMode::OpenExisting);
  EW_ASSERT_OK(p);
  sqlite3* db = (*p)->handle();
  EXPECT_EQ(queryInt64(db, "PRAGMA user_version").valueOr(-1), Project::currentSchemaVersion());
  EXPECT_EQ(queryInt64(db, "SELECT count(*) FROM feedback").valueOr(-1), 2);
  EXPECT_EQ(cellText(db, "SELECT origin FROM feedback WHERE id = 1"), "queue");
  EXPECT_EQ(cellText(db, "SELECT origin FROM feedback WHERE id = 2"), "device");
  EXPECT_EQ(cellText(db, "SELECT corrected || '/' || hex(features) FROM feedback WHERE id = 1"),
            "8/0000803F");
  EXPECT_EQ(cellText(db, "SELECT model_sha256 FROM feedback WHERE id = 2"), "ab12");
  for (const char* column : {"dataset_id", "sample_id", "model_version"})
    EXPECT_EQ(
        cellText(db, (std::string("SELECT ") + column + " FROM feedback WHERE id = 1").c_str()),
        "NULL")
        << column;
  EXPECT_EQ(cellText(db, "SELECT model_family FROM feedback WHERE id = 2"), "");
  EXPECT_EQ(queryInt64(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'feedback_by_sample'")
                .valueOr(-1),
            1);

  // The new columns on the migrated file: a row naming a sample; removing the sample, then
  // the dataset, sets them to null (foreign keys are on).
  ASSERT_EQ(sqlite3_exec(db,
                         "INSERT INTO datasets(id, name, created_us, kind, class_names) "
                         "VALUES(5, 'd', 1, 'tabular', '[\"a\",\"b\"]');"
                         "INSERT INTO dataset_samples(id, dataset_id, idx, label, source, blob) "
                         "VALUES(40, 5, 0, 0, 'row 0', x'00000000');"
                         "INSERT INTO feedback(id, origin, dataset_id, sample_id, model_family, "
                         "model_version, ts_us, predicted, corrected, created_us) "
                         "VALUES(3, 'queue', 5, 40, 'logreg', 2, 30, 'a', 'b', 31);",
                         nullptr, nullptr, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(db);
  EXPECT_EQ(cellText(db,
                     "SELECT dataset_id || ':' || sample_id || ':' || model_family || ':' || "
                     "model_version FROM feedback WHERE id = 3"),
            "5:40:logreg:2");
  EXPECT_NE(sqlite3_exec(db,
                         "INSERT INTO feedback(ts_us, predicted, corrected, created_us, "
                         "sample_id) VALUES(1, 'a', 'b', 1, 999)",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);  // no such sample
  ASSERT_EQ(
      sqlite3_exec(db, "DELETE FROM dataset_samples WHERE id = 40", nullptr, nullptr, nullptr),
      SQLITE_OK);
  EXPECT_EQ(cellText(db, "SELECT sample_id FROM feedback WHERE id = 3"), "NULL");
  EXPECT_EQ(cellText(db, "SELECT dataset_id FROM feedback WHERE id = 3"), "5");
  ASSERT_EQ(sqlite3_exec(db, "DELETE FROM datasets WHERE id = 5", nullptr, nullptr, nullptr),
            SQLITE_OK);
  EXPECT_EQ(cellText(db, "SELECT dataset_id FROM feedback WHERE id = 3"), "NULL");
  EXPECT_EQ(cellText(db, "PRAGMA integrity_check"), "ok");
}

}  // namespace edgewise::store::test
