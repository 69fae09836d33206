#include "core/store/sqlite_util.h"

#include <utility>

namespace edgewise::store::detail {

Error sqliteError(sqlite3* db, const std::string& what) {
  const int code = db ? sqlite3_extended_errcode(db) : SQLITE_ERROR;
  std::string message = db ? sqlite3_errmsg(db) : "no database connection";
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      message +=
          " (another connection kept the project locked for more than 5 s; close other "
          "programs writing to it and retry)";
      break;
    case SQLITE_FULL:
      message += " (free some disk space and retry)";
      break;
    case SQLITE_READONLY:
      message += " (the project file or its folder is not writable)";
      break;
    default:
      break;
  }
  return Error(message, what);
}

Result<void> exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    sqlite3_free(err);  // sqlite3_errmsg(db) carries the same text
    return sqliteError(db, std::string("executing ") + sql);
  }
  return okResult();
}

Statement::~Statement() {
  sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_stmt(std::exchange(other.m_stmt, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(m_stmt);
    m_db = std::exchange(other.m_db, nullptr);
    m_stmt = std::exchange(other.m_stmt, nullptr);
  }
  return *this;
}

Result<Statement> Statement::prepare(sqlite3* db, std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                         &stmt, nullptr) != SQLITE_OK) {
    return sqliteError(db, "preparing \"" + std::string(sql) + "\"");
  }
  return Statement(db, stmt);
}

Statement& Statement::bind(int index, int64_t value) {
  sqlite3_bind_int64(m_stmt, index, value);
  return *this;
}

Statement& Statement::bind(int index, double value) {
  sqlite3_bind_double(m_stmt, index, value);
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  sqlite3_bind_text64(m_stmt, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}

Statement& Statement::bindBlob(int index, const void* data, size_t size) {
  // SQLITE_STATIC: callers keep the buffer alive until step() returns.
  sqlite3_bind_blob64(m_stmt, index, size ? data : "", size, SQLITE_STATIC);
  return *this;
}

Statement& Statement::bindNull(int index) {
  sqlite3_bind_null(m_stmt, index);
  return *this;
}

Result<bool> Statement::step() {
  const int rc = sqlite3_step(m_stmt);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return sqliteError(m_db, std::string("running \"") + sqlite3_sql(m_stmt) + "\"");
}

Result<void> Statement::run() {
  for (;;) {
    Result<bool> r = step();
    if (!r.ok()) return r.error();
    if (!r.value()) return okResult();
  }
}

void Statement::reset() {
  sqlite3_reset(m_stmt);
  sqlite3_clear_bindings(m_stmt);
}

bool Statement::isNull(int column) const {
  return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}
int64_t Statement::int64(int column) const {
  return sqlite3_column_int64(m_stmt, column);
}
double Statement::real(int column) const {
  return sqlite3_column_double(m_stmt, column);
}
std::string Statement::text(int column) const {
  const auto* p = sqlite3_column_text(m_stmt, column);
  const int n = sqlite3_column_bytes(m_stmt, column);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(n)) : std::string();
}
const uint8_t* Statement::blobData(int column) const {
  return static_cast<const uint8_t*>(sqlite3_column_blob(m_stmt, column));
}
size_t Statement::blobSize(int column) const {
  return static_cast<size_t>(sqlite3_column_bytes(m_stmt, column));
}

Result<StatementLease> StatementCache::acquire(const char* sql) {
  auto it = m_statements.find(sql);
  if (it == m_statements.end()) {
    Result<Statement> prepared = Statement::prepare(m_db, sql);
    if (!prepared.ok()) return prepared.error();
    it = m_statements.emplace(sql, std::make_unique<Statement>(std::move(prepared).value())).first;
  }
  return StatementLease(it->second.get());
}

WriteScope::~WriteScope() {
  if (!m_active) return;
  // Best effort: if the rollback itself fails the connection is closing or broken, and the
  // caller already gets the original error.
  if (m_ownTransaction) {
    sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
  } else {
    sqlite3_exec(m_db, "ROLLBACK TO ew_write; RELEASE ew_write", nullptr, nullptr, nullptr);
  }
}

Result<void> WriteScope::begin() {
  m_ownTransaction = sqlite3_get_autocommit(m_db) != 0;
  EW_TRY(exec(m_db, m_ownTransaction ? "BEGIN IMMEDIATE" : "SAVEPOINT ew_write"));
  m_active = true;
  return okResult();
}

Result<void> WriteScope::commit() {
  EW_TRY(exec(m_db, m_ownTransaction ? "COMMIT" : "RELEASE ew_write"));
  m_active = false;
  return okResult();
}

Result<int64_t> queryInt64(sqlite3* db, const char* sql) {
  Result<Statement> s = Statement::prepare(db, sql);
  if (!s.ok()) return s.error();
  Result<bool> row = s->step();
  if (!row.ok()) return row.error();
  if (!row.value()) return Error("no result", std::string("running \"") + sql + "\"");
  return s->int64(0);
}

Result<std::string> queryText(sqlite3* db, const char* sql) {
  Result<Statement> s = Statement::prepare(db, sql);
  if (!s.ok()) return s.error();
  Result<bool> row = s->step();
  if (!row.ok()) return row.error();
  if (!row.value()) return Error("no result", std::string("running \"") + sql + "\"");
  return s->text(0);
}

Result<std::vector<std::string>> queryTextColumn(sqlite3* db, const char* sql) {
  Result<Statement> s = Statement::prepare(db, sql);
  if (!s.ok()) return s.error();
  std::vector<std::string> rows;
  for (;;) {
    Result<bool> row = s->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    rows.push_back(s->text(0));
  }
  return rows;
}

}  // namespace edgewise::store::detail
