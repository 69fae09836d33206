#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>

#include <filesystem>
#include <fstream>
#include <random>

#include "core/store/chunk_codec.h"
#include "core/store/migrations.h"
#include "core/store/sqlite_util.h"
#include "test_store_common.h"

namespace edgewise::store::test {
namespace {

using detail::queryInt64;
using detail::queryText;

// Runs SQL on a file through a plain connection, the way another tool would touch it.
void rawExec(const std::string& file, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  char* err = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
  EXPECT_EQ(rc, SQLITE_OK) << (err ? err : "");
  sqlite3_free(err);
  sqlite3_close(db);
}

void writeBytes(const std::string& file, const std::string& bytes) {
  std::ofstream out(file, std::ios::binary);
  out << bytes;
}

TEST_F(StoreTest, CreatesWithPragmasAndReopensWithMeta) {
  const std::string file = path("p.edgewise");
  {
    auto p = Project::open(file);
    EW_ASSERT_OK(p);
    EXPECT_EQ((*p)->schemaVersion(), Project::currentSchemaVersion());
    EXPECT_EQ((*p)->path(), file);
    sqlite3* db = (*p)->handle();
    EXPECT_EQ(queryText(db, "PRAGMA journal_mode").valueOr(""), "wal");
    EXPECT_EQ(queryInt64(db, "PRAGMA foreign_keys").valueOr(-1), 1);
    EXPECT_EQ(queryInt64(db, "PRAGMA synchronous").valueOr(-1), 1);  // NORMAL
    EXPECT_EQ(queryInt64(db, "PRAGMA application_id").valueOr(-1), 0x45444757);
    EXPECT_EQ(queryInt64(db, "PRAGMA user_version").valueOr(-1), Project::currentSchemaVersion());
    EXPECT_EQ(queryInt64(db, "PRAGMA busy_timeout").valueOr(-1), 5000);
    EW_EXPECT_OK((*p)->setMeta("name", "Gait study"));
    EW_EXPECT_OK((*p)->setMeta("name", "Gait study 2"));
    EW_EXPECT_OK((*p)->integrityCheck());
    EXPECT_TRUE((*p)->meta("created_us").ok());
  }
  auto p = Project::open(file, OpenMode::OpenExisting);
  EW_ASSERT_OK(p);
  EXPECT_EQ((*p)->meta("name").valueOr(""), "Gait study 2");
  auto missing = (*p)->meta("nope");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("no metadata 'nope'"), std::string::npos);
  // The created_us written by migration 1 is a plausible wall-clock time (after 2024).
  EXPECT_GT(std::stoll((*p)->meta("created_us").valueOr("0")), 1'704'067'200'000'000LL);
}

TEST_F(StoreTest, OpenExistingRefusesMissingFile) {
  const std::string file = path("absent.edgewise");
  auto p = Project::open(file, OpenMode::OpenExisting);
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.error().message.find("does not exist"), std::string::npos) << p.error().message;
  EXPECT_FALSE(std::filesystem::exists(file));
}

TEST_F(StoreTest, RefusesGarbageFile) {
  const std::string file = path("garbage.edgewise");
  std::mt19937 rng(7);
  std::string bytes(8192, '\0');
  for (char& c : bytes) c = static_cast<char>(rng());
  writeBytes(file, bytes);
  auto p = Project::open(file, OpenMode::OpenExisting);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().message, file + " is not an Edgewise project (not a SQLite database)");
  // Refusing must not touch the file.
  EXPECT_EQ(std::filesystem::file_size(file), 8192u);
}

// Opening a project a second time in the same process must leave the first connection's
// POSIX locks alone. Closing any descriptor of the file drops all of the process's locks on
// it; the old header check did that, another process then saw no reader, checkpointed and
// removed the WAL the first connection was still writing to, and the demo project ended up
// "malformed". Probe from a child process: with the first connection's shared lock intact,
// leaving WAL mode must be refused.
TEST_F(StoreTest, SecondOpenKeepsTheFirstConnectionsLocks) {
  const std::string file = path("locks.edgewise");
  auto first = Project::open(file, OpenMode::CreateIfMissing);
  ASSERT_TRUE(first.ok()) << first.error().toString();
  {
    auto second = Project::open(file, OpenMode::OpenExisting);
    ASSERT_TRUE(second.ok()) << second.error().toString();
  }
  // A separate program (not a fork: a forked child shares this process's SQLite lock table).
  const std::string probe =
      "/usr/bin/python3 -c \"import sqlite3,sys\n"
      "try:\n"
      "  m=sqlite3.connect(sys.argv[1], timeout=0).execute('PRAGMA "
      "journal_mode=DELETE').fetchone()[0]\n"
      "except sqlite3.OperationalError:\n"
      "  sys.exit(0)\n"
      "sys.exit(1 if m=='delete' else 2)\" '" +
      file + "'";
  const int status = std::system(probe.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0)
      << "another process could leave WAL mode while this process had the project open";
  auto mode = queryText((*first)->handle(), "PRAGMA journal_mode");
  ASSERT_TRUE(mode.ok());
  EXPECT_EQ(mode.value(), "wal");
}

TEST_F(StoreTest, RefusesShortTextFile) {
  const std::string file = path("notes.txt");
  writeBytes(file, "hello");
  auto p = Project::open(file);
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.error().message.find("not a SQLite database"), std::string::npos);
}

TEST_F(StoreTest, RefusesSqliteFileOfAnotherApplication) {
  const std::string file = path("other.db");
  rawExec(file, "CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT);");
  auto p = Project::open(file);
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.error().message.find("is not an Edgewise project (a SQLite database of another "
                                   "application, application_id 0x00000000)"),
            std::string::npos)
      << p.error().message;
  rawExec(file, "PRAGMA application_id = 1234;");
  p = Project::open(file);
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.error().message.find("0x000004d2"), std::string::npos) << p.error().message;
}

TEST_F(StoreTest, RefusesNewerSchema) {
  const std::string file = path("future.edgewise");
  EW_ASSERT_OK(Project::open(file));
  const int newer = Project::currentSchemaVersion() + 5;
  rawExec(file, "PRAGMA user_version = " + std::to_string(newer) + ";");
  auto p = Project::open(file);
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.error().message.find("made by a newer version of Edgewise (schema " +
                                   std::to_string(newer) + " > " +
                                   std::to_string(Project::currentSchemaVersion()) + ")"),
            std::string::npos)
      << p.error().message;
}

// Fills a project with enough chunks to span many pages, then closes it.
void fillProject(const std::string& file, int chunks) {
  auto p = Project::open(file);
  ASSERT_TRUE(p.ok());
  auto& recs = (*p)->recordings();
  auto rec = recs.create("r", 1);
  ASSERT_TRUE(rec.ok());
  StreamSpec spec;
  spec.channelNames = {"a", "b", "c", "d"};
  auto s = recs.addStream(rec.value(), spec);
  ASSERT_TRUE(s.ok());
  auto r = (*p)->transaction([&]() -> Result<void> {
    for (int i = 0; i < chunks; ++i)
      EW_TRY(recs.appendChunk(makeChunk(s.value(), 4, 20, i * 1000, 10, i)));
    return okResult();
  });
  ASSERT_TRUE(r.ok()) << r.error().toString();
}

TEST_F(StoreTest, RefusesTruncatedFile) {
  const std::string file = path("truncated.edgewise");
  fillProject(file, 500);
  const auto size = std::filesystem::file_size(file);
  ASSERT_GT(size, 100'000u);
  std::filesystem::resize_file(file, size / 2);
  auto p = Project::open(file, OpenMode::OpenExisting);
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.error().message.find("is damaged"), std::string::npos) << p.error().toString();
}

TEST_F(StoreTest, RefusesFileWithDamagedPages) {
  const std::string file = path("damaged.edgewise");
  fillProject(file, 500);
  {
    // Overwrites the b-tree page headers of pages 2..40 (page size 4096).
    std::fstream f(file, std::ios::binary | std::ios::in | std::ios::out);
    for (int page = 1; page < 40; ++page) {
      f.seekp(page * 4096);
      f.write("\xff\xff\xff\xff\xff\xff\xff\xff", 8);
    }
  }
  auto p = Project::open(file, OpenMode::OpenExisting);
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.error().message.find("is damaged"), std::string::npos) << p.error().toString();
}

TEST_F(StoreTest, MigratesSchema1FileKeepingData) {
  ASSERT_EQ(detail::migrations().size(), static_cast<size_t>(Project::currentSchemaVersion()));
  for (size_t i = 0; i < detail::migrations().size(); ++i) {
    EXPECT_EQ(detail::migrations()[i].version, static_cast<int>(i) + 1);
  }
  const std::string file = path("v1.edgewise");
  EW_ASSERT_OK(detail::createProjectAtVersion(file, 1));
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
    EXPECT_EQ(queryInt64(db, "PRAGMA user_version").valueOr(-1), 1);
    EXPECT_EQ(
        queryInt64(db, "SELECT count(*) FROM sqlite_schema WHERE name='quarantine'").valueOr(-1),
        0);
    // Data as an Edgewise of schema 1 wrote it, straight through SQL.
    ChunkData c = makeChunk(1, 2, 3, 1000, 10, 1.5f);
    c.sequences = {41};
    const std::vector<uint8_t> blob = detail::encodeChunk(c);
    ASSERT_EQ(sqlite3_exec(db,
                           "INSERT INTO recordings(id, name, status, created_us) "
                           "VALUES(1, 'old walk', 'complete', 99);"
                           "INSERT INTO streams(id, recording_id, device_id, topic, decoder_id, "
                           "kind, channel_count, channel_names, units, sample_rate_hz, "
                           "sample_count, message_count, chunk_count, size_bytes, start_us, "
                           "end_us, first_seq, last_seq) VALUES(1, 1, 'imu-1', 't', 'json', "
                           "'timeseries', 2, '[\"x\",\"y\"]', '[]', 100, 3, 1, 1, 0, 1000, "
                           "1020, 41, 41);",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    auto ins = detail::Statement::prepare(
        db,
        "INSERT INTO chunks(stream_id, seq_no, first_ts, last_ts, sample_count, message_count, "
        "blob) VALUES(1, 0, 1000, 1020, 3, 1, ?1)");
    ASSERT_TRUE(ins.ok());
    ins->bindBlob(1, blob.data(), blob.size());
    EW_ASSERT_OK(ins->run());
    ins = detail::Statement();
    sqlite3_close(db);
  }
  auto p = Project::open(file, OpenMode::OpenExisting);
  EW_ASSERT_OK(p);
  EXPECT_EQ((*p)->schemaVersion(), Project::currentSchemaVersion());
  EXPECT_EQ(queryInt64((*p)->handle(), "PRAGMA user_version").valueOr(-1),
            Project::currentSchemaVersion());
  auto rec = (*p)->recordings().get(1);
  EW_ASSERT_OK(rec);
  EXPECT_EQ(rec->name, "old walk");
  EXPECT_EQ(rec->status, RecordingStatus::Complete);
  EXPECT_EQ(rec->sampleCount, 3);
  auto streams = (*p)->recordings().streams(1);
  EW_ASSERT_OK(streams);
  ASSERT_EQ(streams->size(), 1u);
  EXPECT_EQ(streams->front().spec.channelNames, (std::vector<std::string>{"x", "y"}));
  auto data = (*p)->recordings().readStream(1);
  EW_ASSERT_OK(data);
  EXPECT_EQ(data->values, (std::vector<float>{1.5f, 1.75f, 2.0f, 2.25f, 2.5f, 2.75f}));
  EXPECT_EQ(data->sequences, std::vector<int64_t>{41});
  // Schema 2's table works on the migrated file.
  QuarantinedMessage m;
  m.topic = "t";
  m.payload = {1, 2, 3};
  m.payloadSize = 3;
  EW_EXPECT_OK((*p)->quarantine().add(m));
  EXPECT_EQ((*p)->quarantine().count().valueOr(-1), 1);
}

TEST_F(StoreTest, AnotherConnectionSeesWritesAndDoesNotMarkInterrupted) {
  const std::string file = path("two.edgewise");
  auto gui = Project::open(file);
  EW_ASSERT_OK(gui);
  auto recorder = (*gui)->openAnotherConnection();
  EW_ASSERT_OK(recorder);
  auto id = (*recorder)->recordings().create("live", 5);
  EW_ASSERT_OK(id);
  // A second connection opened while recording must not declare the recording crashed.
  auto third = (*gui)->openAnotherConnection();
  EW_ASSERT_OK(third);
  EXPECT_EQ((*third)->schemaVersion(), Project::currentSchemaVersion());
  auto rec = (*gui)->recordings().get(id.value());
  EW_ASSERT_OK(rec);
  EXPECT_EQ(rec->status, RecordingStatus::Recording);
  auto stream = (*recorder)->recordings().addStream(id.value(), StreamSpec{});
  EW_ASSERT_OK(stream);
  EW_ASSERT_OK((*recorder)->transaction([&] {
    return (*recorder)->recordings().appendChunk(makeChunk(stream.value(), 0, 4, 0, 1, 0));
  }));
  EXPECT_EQ((*gui)->recordings().get(id.value())->sampleCount, 4);
  EW_ASSERT_OK((*recorder)->recordings().finish(id.value()));
  EXPECT_EQ((*third)->recordings().get(id.value())->status, RecordingStatus::Complete);
}

TEST_F(StoreTest, OpenMarksCrashedRecordingsInterrupted) {
  const std::string file = path("crashed.edgewise");
  int64_t crashed = 0, done = 0;
  {
    auto p = Project::open(file);
    EW_ASSERT_OK(p);
    crashed = (*p)->recordings().create("crashed", 1).valueOr(-1);
    done = (*p)->recordings().create("done", 2).valueOr(-1);
    EW_ASSERT_OK((*p)->recordings().finish(done));
  }  // closed while "crashed" is still recording, as after a kill
  auto p = Project::open(file);
  EW_ASSERT_OK(p);
  EXPECT_EQ((*p)->recordings().get(crashed)->status, RecordingStatus::Interrupted);
  EXPECT_EQ((*p)->recordings().get(done)->status, RecordingStatus::Complete);
  EXPECT_EQ((*p)->recordings().markInterrupted().valueOr(-1), 0);
}

TEST_F(StoreTest, TransactionRollsBackWhenTheFunctionFails) {
  auto p = Project::open(path("tx.edgewise"));
  EW_ASSERT_OK(p);
  auto r = (*p)->transaction([&]() -> Result<void> {
    EW_TRY((*p)->recordings().create("kept?", 1));
    EW_TRY((*p)->setMeta("k", "v"));
    return Error("the user cancelled");
  });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "the user cancelled");
  EXPECT_TRUE((*p)->recordings().list()->empty());
  EXPECT_FALSE((*p)->meta("k").ok());
  // The connection is usable again after the rollback.
  EW_EXPECT_OK((*p)->transaction([&] { return (*p)->setMeta("k", "v2"); }));
  EXPECT_EQ((*p)->meta("k").valueOr(""), "v2");
}

}  // namespace
}  // namespace edgewise::store::test
