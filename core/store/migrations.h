#pragma once
// Numbered forward migrations of the project schema. Internal to core/store; tests use
// createProjectAtVersion() to build files as an older Edgewise would have written them.

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/util/result.h"

namespace edgewise::store::detail {

// PRAGMA application_id of every project file: 'EDGW'.
inline constexpr int32_t kApplicationId = 0x45444757;

struct Migration {
  int version;              // user_version after this migration
  const char* description;  // for the log
  const char* sql;
};

// In order, versions 1..N without holes; the last one is Project::currentSchemaVersion().
const std::vector<Migration>& migrations();

// Applies the migrations above the file's user_version up to targetVersion, each in its own
// BEGIN IMMEDIATE transaction together with its user_version bump, so a crash mid-way leaves
// the file at the last completed version. Re-reads user_version inside the transaction so two
// processes opening a new file at once do not both run the same migration.
Result<void> migrate(sqlite3* db, int targetVersion);

// Test hook: creates a new project file whose schema stops at `version`.
Result<void> createProjectAtVersion(const std::string& path, int version);

}  // namespace edgewise::store::detail
