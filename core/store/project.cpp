#include "core/store/project.h"

#include <sqlite3.h>

#include <QString>
#include <cstdio>
#include <filesystem>

#include "core/store/migrations.h"
#include "core/store/quarantine_repository.h"
#include "core/store/recording_repository.h"
#include "core/store/sqlite_util.h"
#include "core/util/log.h"

namespace edgewise::store {

using detail::exec;
using detail::queryInt64;
using detail::sqliteError;

struct Project::Impl {
  sqlite3* db = nullptr;
  std::string path;
  int schemaVersion = 0;
  std::unique_ptr<detail::StatementCache> statements;
  std::unique_ptr<RecordingRepository> recordings;
  std::unique_ptr<QuarantineRepository> quarantine;

  ~Impl() {
    // Repositories and cached statements first: their prepared statements must be finalized
    // before the connection is closed.
    recordings.reset();
    quarantine.reset();
    statements.reset();
    sqlite3_close_v2(db);
  }
};

namespace {

constexpr int kBusyTimeoutMs = 5000;

Error notOurs(const std::string& path, const std::string& why) {
  return Error(path + " is not an Edgewise project (" + why + ")", "opening project");
}

// Turns SQLite's errors while reading the header pages into messages naming the file.
Error readError(sqlite3* db, const std::string& path, const Error& e) {
  const int code = db ? sqlite3_errcode(db) : SQLITE_ERROR;
  if (code == SQLITE_NOTADB) return notOurs(path, "not a SQLite database");
  if (code == SQLITE_CORRUPT) {
    return Error(
        path + " is damaged (" + e.message + "); restore it from a backup or a copy of the project",
        "opening project");
  }
  return e.wrap("opening project " + path);
}

Result<sqlite3*> openConnection(const std::string& path, bool create) {
  sqlite3* db = nullptr;
  // NOMUTEX: a Project is used by one thread at a time (see project.h).
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    Error e = readError(db, path, sqliteError(db, "opening"));
    sqlite3_close_v2(db);
    return e;
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  // synchronous=NORMAL in WAL mode: a committed transaction survives a crash of the process
  // (kill -9); only a power loss may lose the last commits, never corrupt the file.
  Result<void> r = exec(db, "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;");
  if (!r.ok()) {
    Error e = readError(db, path, r.error());
    sqlite3_close_v2(db);
    return e;
  }
  return db;
}

}  // namespace

int Project::currentSchemaVersion() {
  return detail::migrations().back().version;
}

Project::Project(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {
  m_impl->statements = std::make_unique<detail::StatementCache>(m_impl->db);
  m_impl->recordings = std::make_unique<RecordingRepository>(*this);
  m_impl->quarantine = std::make_unique<QuarantineRepository>(*this);
}

Project::~Project() = default;

Result<std::unique_ptr<Project>> Project::open(const std::string& path, OpenMode mode) {
  std::error_code ec;
  const bool exists = std::filesystem::exists(path, ec);
  if (!exists && mode == OpenMode::OpenExisting) {
    return Error("project file " + path + " does not exist", "opening project");
  }
  // No peeking at the header with our own file descriptor: closing any descriptor of the file
  // drops every POSIX lock this process holds on it, including those of another open
  // connection (the recorder's, the drift watcher's), and SQLite's locking is then silently
  // gone (this corrupted the demo project while `deploy` wrote to it from another process).
  // A foreign file fails the first read below with SQLITE_NOTADB, which readError() names.

  Result<sqlite3*> conn = openConnection(path, mode == OpenMode::CreateIfMissing);
  if (!conn.ok()) return conn.error();
  auto impl = std::make_unique<Impl>();
  impl->db = conn.value();
  impl->path = path;
  sqlite3* db = impl->db;

  Result<int64_t> appId = queryInt64(db, "PRAGMA application_id");
  if (!appId.ok()) return readError(db, path, appId.error());
  Result<int64_t> version = queryInt64(db, "PRAGMA user_version");
  if (!version.ok()) return readError(db, path, version.error());
  Result<int64_t> objects = queryInt64(db, "SELECT count(*) FROM sqlite_schema");
  if (!objects.ok()) return readError(db, path, objects.error());

  const bool fresh = appId.value() == 0 && version.value() == 0 && objects.value() == 0;
  if (!fresh && appId.value() != detail::kApplicationId) {
    char id[16];
    std::snprintf(id, sizeof id, "0x%08x", static_cast<unsigned>(appId.value()));
    return notOurs(path,
                   std::string("a SQLite database of another application, application_id ") + id);
  }
  if (version.value() > currentSchemaVersion()) {
    return Error(path + " was made by a newer version of Edgewise (schema " +
                     std::to_string(version.value()) + " > " +
                     std::to_string(currentSchemaVersion()) + "); update Edgewise to open it",
                 "opening project");
  }
  if (!fresh) {
    // quick_check (not the full integrity_check) keeps opening big projects fast while still
    // catching damaged pages before anything is written on top of them.
    Result<std::vector<std::string>> check = detail::queryTextColumn(db, "PRAGMA quick_check");
    if (!check.ok()) return readError(db, path, check.error());
    if (check.value().empty() || check.value().front() != "ok") {
      return Error(path + " is damaged (" +
                       (check.value().empty() ? std::string("no result") : check.value().front()) +
                       "); restore it from a backup or a copy of the project",
                   "opening project");
    }
  }
  Result<std::string> journal = detail::queryText(db, "PRAGMA journal_mode=WAL");
  if (!journal.ok()) return readError(db, path, journal.error());
  if (journal.value() != "wal") {
    return Error("cannot switch " + path + " to WAL mode (journal mode is " + journal.value() +
                     "); is it on a network file system?",
                 "opening project");
  }
  if (Result<void> m = detail::migrate(db, currentSchemaVersion()); !m.ok()) {
    return m.error().wrap("opening project " + path);
  }
  impl->schemaVersion = currentSchemaVersion();

  std::unique_ptr<Project> project(new Project(std::move(impl)));
  // open() is the editing open (GUI, CLI, a standalone recorder): it assumes no other process
  // is recording into this file, so a row still "recording" was left by a crash. A recorder
  // thread writes through openAnotherConnection(), which never marks anything.
  Result<int> marked = project->recordings().markInterrupted();
  if (!marked.ok()) return marked.error().wrap("opening project " + path);
  if (marked.value() > 0) {
    qCInfo(lcStore) << "marked" << marked.value() << "crashed recording(s) as interrupted in"
                    << QString::fromStdString(path);
  }
  return project;
}

Result<std::unique_ptr<Project>> Project::openAnotherConnection() const {
  Result<sqlite3*> conn = openConnection(m_impl->path, false);
  if (!conn.ok()) return conn.error();
  auto impl = std::make_unique<Impl>();
  impl->db = conn.value();
  impl->path = m_impl->path;
  impl->schemaVersion = m_impl->schemaVersion;
  return std::unique_ptr<Project>(new Project(std::move(impl)));
}

const std::string& Project::path() const {
  return m_impl->path;
}
int Project::schemaVersion() const {
  return m_impl->schemaVersion;
}
sqlite3* Project::handle() const {
  return m_impl->db;
}
RecordingRepository& Project::recordings() {
  return *m_impl->recordings;
}
QuarantineRepository& Project::quarantine() {
  return *m_impl->quarantine;
}

Result<std::string> Project::meta(const std::string& key) const {
  Result<detail::StatementLease> s =
      m_impl->statements->acquire("SELECT value FROM meta WHERE key = ?1");
  if (!s.ok()) return s.error();
  (*s)->bind(1, key);
  Result<bool> row = (*s)->step();
  if (!row.ok()) return row.error().wrap("reading project metadata");
  if (!row.value()) return Error("the project has no metadata '" + key + "'", "reading metadata");
  return (*s)->text(0);
}

Result<void> Project::setMeta(const std::string& key, const std::string& value) {
  Result<detail::StatementLease> s = m_impl->statements->acquire(
      "INSERT INTO meta(key, value) VALUES(?1, ?2) "
      "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  if (!s.ok()) return s.error();
  (*s)->bind(1, key).bind(2, value);
  Result<void> r = (*s)->run();
  if (!r.ok()) return r.error().wrap("writing project metadata '" + key + "'");
  return okResult();
}

Result<void> Project::integrityCheck() const {
  Result<std::vector<std::string>> rows =
      detail::queryTextColumn(m_impl->db, "PRAGMA integrity_check(20)");
  if (!rows.ok()) return rows.error().wrap("checking " + m_impl->path);
  if (rows.value().size() == 1 && rows.value().front() == "ok") return okResult();
  std::string problems;
  for (const auto& line : rows.value()) problems += (problems.empty() ? "" : "; ") + line;
  return Error(m_impl->path + " is damaged: " + problems, "integrity check");
}

Result<void> Project::begin() {
  return exec(m_impl->db, "BEGIN IMMEDIATE");
}

Result<void> Project::commit() {
  Result<void> r = exec(m_impl->db, "COMMIT");
  if (!r.ok()) {
    // A failed COMMIT (disk full, busy) can leave the transaction open; end it so the
    // connection is usable again and nothing half-done is kept.
    rollback();
  }
  return r;
}

void Project::rollback() {
  if (sqlite3_get_autocommit(m_impl->db)) return;  // nothing open (SQLite may have rolled back)
  if (!exec(m_impl->db, "ROLLBACK").ok()) {
    qCWarning(lcStore) << "ROLLBACK failed:" << sqlite3_errmsg(m_impl->db);
  }
}

}  // namespace edgewise::store
