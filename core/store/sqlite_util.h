#pragma once
// Helpers over the SQLite C API: RAII prepared statements, a per-connection statement cache
// and a write scope that nests inside a caller's transaction. For repository classes only
// (core/store and the repositories of other core modules, e.g. core/dataset), so that every
// table is reached through a repository; panes, the CLI and the agent never include it.

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/util/result.h"

namespace edgewise::store::detail {

// An Error carrying SQLite's own message; "busy" gets a hint a user can act on.
Error sqliteError(sqlite3* db, const std::string& what);

// Runs one or more statements without results (DDL, PRAGMA setters, BEGIN/COMMIT).
Result<void> exec(sqlite3* db, const char* sql);

class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, sqlite3_stmt* stmt) : m_db(db), m_stmt(stmt) {}
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  static Result<Statement> prepare(sqlite3* db, std::string_view sql);

  // Parameters are 1-based like SQLite's. Bind errors surface in step().
  Statement& bind(int index, int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view text);
  Statement& bindBlob(int index, const void* data, size_t size);
  Statement& bindNull(int index);

  // true: a row is available; false: done.
  Result<bool> step();
  // Steps until done (for INSERT/UPDATE/DELETE).
  Result<void> run();
  // Resets and clears the bindings so the statement can be reused and holds no read snapshot.
  void reset();

  bool isNull(int column) const;
  int64_t int64(int column) const;
  double real(int column) const;
  std::string text(int column) const;
  const uint8_t* blobData(int column) const;
  size_t blobSize(int column) const;

  sqlite3_stmt* get() const { return m_stmt; }

 private:
  sqlite3* m_db = nullptr;
  sqlite3_stmt* m_stmt = nullptr;
};

// A cached statement borrowed for one use; reset on release so that a half-read SELECT never
// keeps a WAL read snapshot open (which would block checkpoints and hide newer commits).
class StatementLease {
 public:
  explicit StatementLease(Statement* s) : m_s(s) {}
  ~StatementLease() {
    if (m_s) m_s->reset();
  }
  StatementLease(StatementLease&& o) noexcept : m_s(o.m_s) { o.m_s = nullptr; }
  StatementLease& operator=(StatementLease&&) = delete;
  StatementLease(const StatementLease&) = delete;
  StatementLease& operator=(const StatementLease&) = delete;
  Statement* operator->() const { return m_s; }
  Statement& operator*() const { return *m_s; }

 private:
  Statement* m_s;
};

// Prepared statements keyed by their SQL text, prepared on first use. The recorder appends
// thousands of chunks per transaction; re-preparing each time would dominate the cost.
class StatementCache {
 public:
  explicit StatementCache(sqlite3* db) : m_db(db) {}
  Result<StatementLease> acquire(const char* sql);
  void clear() { m_statements.clear(); }

 private:
  sqlite3* m_db;
  std::unordered_map<std::string, std::unique_ptr<Statement>> m_statements;
};

// Makes a multi-statement write atomic: its own BEGIN IMMEDIATE transaction when the
// connection is in autocommit mode, otherwise a SAVEPOINT inside the caller's transaction so a
// failure undoes only this write. Rolls back unless commit() succeeded.
class WriteScope {
 public:
  explicit WriteScope(sqlite3* db) : m_db(db) {}
  ~WriteScope();
  WriteScope(const WriteScope&) = delete;
  WriteScope& operator=(const WriteScope&) = delete;
  Result<void> begin();
  Result<void> commit();

 private:
  sqlite3* m_db;
  bool m_active = false;
  bool m_ownTransaction = false;
};

// Single-value PRAGMA / SELECT helpers.
Result<int64_t> queryInt64(sqlite3* db, const char* sql);
Result<std::string> queryText(sqlite3* db, const char* sql);
// All rows of the first column as text (PRAGMA integrity_check / quick_check).
Result<std::vector<std::string>> queryTextColumn(sqlite3* db, const char* sql);

}  // namespace edgewise::store::detail
