#pragma once
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <QTemporaryDir>
#include <string>

#include "core/store/migrations.h"
#include "core/store/project.h"
#include "core/store/quarantine_repository.h"
#include "core/store/recording_repository.h"
#include "core/store/sqlite_util.h"

namespace edgewise::store::test {

// Fails the current test with the error's message when r is not ok.
#define EW_ASSERT_OK(r) ASSERT_TRUE((r).ok()) << (r).error().toString()
#define EW_EXPECT_OK(r) EXPECT_TRUE((r).ok()) << (r).error().toString()

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }
  std::string path(const char* name) const {
    return m_dir.filePath(QString::fromUtf8(name)).toStdString();
  }
  QTemporaryDir m_dir;
};

// The first column of the first row of `sql` as text ("NULL", "no row", "error: ..."), for
// migration tests that read a file with plain SQL.
inline std::string cellText(sqlite3* db, const char* sql) {
  auto q = detail::Statement::prepare(db, sql);
  if (!q.ok()) return "error: " + q.error().toString();
  auto row = q->step();
  if (!row.ok() || !*row) return "no row";
  return q->isNull(0) ? "NULL" : q->text(0);
}

// Writes `file` as an Edgewise of schema `version` would have, with the rows `sql` inserts;
// "" on success, else what failed. The test then opens it with Project::open to migrate it.
inline std::string writeOldProject(const std::string& file, int version, const char* sql) {
  if (auto made = detail::createProjectAtVersion(file, version); !made)
    return made.error().toString();
  sqlite3* db = nullptr;
  if (sqlite3_open(file.c_str(), &db) != SQLITE_OK) return "cannot open " + file;
  std::string error;
  if (detail::queryInt64(db, "PRAGMA user_version").valueOr(-1) != version)
    error = "user_version is not " + std::to_string(version);
  else if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
    error = sqlite3_errmsg(db);
  sqlite3_close(db);
  return error;
}

// A chunk of `samples` samples x `channels` channels with deterministic values.
inline ChunkData makeChunk(int64_t streamId, int channels, int samples, int64_t t0, int64_t stepUs,
                           float base) {
  ChunkData c;
  c.streamId = streamId;
  c.channelCount = channels;
  for (int i = 0; i < samples; ++i) {
    c.timestampsUs.push_back(t0 + i * stepUs);
    for (int ch = 0; ch < channels; ++ch) c.values.push_back(base + i * 0.5f + ch * 0.25f);
  }
  c.messageCount = 1;
  return c;
}

}  // namespace edgewise::store::test
