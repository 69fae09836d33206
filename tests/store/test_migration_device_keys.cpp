// Migration 9 (the devices' identity keys, trust on first use) on a file an Edgewise of schema 8
// wrote: the devices survive with no pinned and no changed key (their next status pins one),
// and the new columns take keys.
#include <sqlite3.h>

#include "core/store/migrations.h"
#include "tests/store/test_store_common.h"

namespace edgewise::store::test {

using detail::queryInt64;

TEST_F(StoreTest, Migration9GivesSchema8DevicesEmptyIdentityKeys) {
  ASSERT_GE(Project::currentSchemaVersion(), 9);
  EXPECT_EQ(std::string(detail::migrations()[8].description).rfind("devices: identity keys", 0),
            0u);
  const std::string file = path("v8.edgewise");
  ASSERT_EQ(writeOldProject(file, 8,
                            "INSERT INTO devices(id, device_class, tags, agent_version, "
                            "first_seen_us, last_seen_us, model) VALUES('imu-7', 'imu', "
                            "'[\"a\"]', '0.1.0', 10, 20, '{\"model_id\":\"3\"}');"),
            "");
  auto p = Project::open(file, OpenMode::OpenExisting);
  EW_ASSERT_OK(p);
  sqlite3* db = (*p)->handle();
  EXPECT_EQ(queryInt64(db, "PRAGMA user_version").valueOr(-1), Project::currentSchemaVersion());
  EXPECT_EQ(cellText(db,
                     "SELECT device_class || '/' || tags || '/' || agent_version || '/' || "
                     "first_seen_us || '/' || last_seen_us || '/' || model FROM devices"),
            "imu/[\"a\"]/0.1.0/10/20/{\"model_id\":\"3\"}");
  EXPECT_EQ(cellText(db, "SELECT '[' || public_key || '][' || changed_key || ']' FROM devices"),
            "[][]");
  ASSERT_EQ(sqlite3_exec(db,
                         "UPDATE devices SET public_key = 'aa', changed_key = 'bb' "
                         "WHERE id = 'imu-7'",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  EXPECT_EQ(cellText(db, "SELECT public_key || changed_key FROM devices"), "aabb");
  EXPECT_EQ(cellText(db, "PRAGMA integrity_check"), "ok");
}

}  // namespace edgewise::store::test
