#pragma once
// The project file: one SQLite database (WAL, foreign keys, numbered forward migrations).
// A Project is one connection; threads that write (the recorder) open their own connection
// to the same file with openAnotherConnection(). Not thread-safe: one thread per Project.

#include <cstdint>
#include <memory>
#include <string>

#include "core/util/result.h"

struct sqlite3;

namespace edgewise::store {

class RecordingRepository;
class QuarantineRepository;

enum class OpenMode { OpenExisting, CreateIfMissing };

class Project {
 public:
  // The schema version this build writes; older files are migrated forward on open, newer
  // ones are refused with a message ("made by a newer Edgewise").
  static int currentSchemaVersion();

  // Opens (or creates) a project file. Refuses files that are not SQLite, not Edgewise
  // projects, corrupt (quick_check fails) or from a newer schema, with a clear message.
  static Result<std::unique_ptr<Project>> open(const std::string& path,
                                               OpenMode mode = OpenMode::CreateIfMissing);
  ~Project();
  Project(const Project&) = delete;
  Project& operator=(const Project&) = delete;

  // Another connection to the same file, for use on another thread.
  Result<std::unique_ptr<Project>> openAnotherConnection() const;

  const std::string& path() const;
  int schemaVersion() const;
  sqlite3* handle() const;

  RecordingRepository& recordings();
  QuarantineRepository& quarantine();

  // Project-wide key/value metadata (name, created_at, demo recipe, ...).
  Result<std::string> meta(const std::string& key) const;  // error when absent
  Result<void> setMeta(const std::string& key, const std::string& value);

  // PRAGMA integrity_check: ok, or the first problems SQLite reports.
  Result<void> integrityCheck() const;

  // Runs fn inside BEGIN IMMEDIATE ... COMMIT (ROLLBACK when fn returns an error).
  template <typename Fn>
  Result<void> transaction(Fn&& fn);
  Result<void> begin();
  Result<void> commit();
  void rollback();

  struct Impl;

 private:
  explicit Project(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

template <typename Fn>
Result<void> Project::transaction(Fn&& fn) {
  EW_TRY(begin());
  Result<void> r = fn();
  if (!r.ok()) {
    rollback();
    return r;
  }
  return commit();
}

}  // namespace edgewise::store
