#include "core/store/quarantine_repository.h"

#include <algorithm>

#include "core/store/project.h"
#include "core/store/sqlite_util.h"

namespace edgewise::store {

using detail::StatementLease;

struct QuarantineRepository::Impl {
  explicit Impl(Project& p) : project(p), cache(p.handle()) {}
  Project& project;
  detail::StatementCache cache;
};

QuarantineRepository::QuarantineRepository(Project& project)
    : m_impl(std::make_unique<Impl>(project)) {}

QuarantineRepository::~QuarantineRepository() = default;

Result<void> QuarantineRepository::add(const QuarantinedMessage& message) {
  const char* ctx = "quarantining a malformed payload";
  detail::WriteScope scope(m_impl->project.handle());
  EW_TRY(scope.begin());
  Result<StatementLease> ins = m_impl->cache.acquire(
      "INSERT INTO quarantine(arrival_us, topic, decoder_id, error, payload, payload_size) "
      "VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
  if (!ins.ok()) return ins.error();
  const size_t kept = std::min(message.payload.size(), static_cast<size_t>(kMaxPayloadBytes));
  // payloadSize is the size the caller saw; a caller may already have truncated the bytes.
  const int64_t originalSize =
      std::max(message.payloadSize, static_cast<int64_t>(message.payload.size()));
  (*ins)
      ->bind(1, message.arrivalUs)
      .bind(2, message.topic)
      .bind(3, message.decoderId)
      .bind(4, message.error)
      .bindBlob(5, message.payload.data(), kept)
      .bind(6, originalSize);
  if (Result<void> r = (*ins)->run(); !r.ok()) return r.error().wrap(ctx);
  // Insertion order is arrival order, so the kMaxRows highest ids are the newest ones.
  Result<StatementLease> prune = m_impl->cache.acquire(
      "DELETE FROM quarantine WHERE id <= "
      "(SELECT id FROM quarantine ORDER BY id DESC LIMIT 1 OFFSET ?1)");
  if (!prune.ok()) return prune.error();
  (*prune)->bind(1, kMaxRows);
  if (Result<void> r = (*prune)->run(); !r.ok()) return r.error().wrap(ctx);
  return scope.commit();
}

Result<std::vector<QuarantinedMessage>> QuarantineRepository::list(int limit) const {
  Result<StatementLease> s = m_impl->cache.acquire(
      "SELECT id, arrival_us, topic, decoder_id, error, payload, payload_size FROM quarantine "
      "ORDER BY id DESC LIMIT ?1");
  if (!s.ok()) return s.error();
  StatementLease& q = *s;
  q->bind(1, static_cast<int64_t>(std::max(limit, 0)));
  std::vector<QuarantinedMessage> out;
  for (;;) {
    Result<bool> row = q->step();
    if (!row.ok()) return row.error().wrap("listing quarantined payloads");
    if (!row.value()) break;
    QuarantinedMessage m;
    m.id = q->int64(0);
    m.arrivalUs = q->int64(1);
    m.topic = q->text(2);
    m.decoderId = q->text(3);
    m.error = q->text(4);
    const uint8_t* p = q->blobData(5);
    m.payload.assign(p, p + q->blobSize(5));
    m.payloadSize = q->int64(6);
    out.push_back(std::move(m));
  }
  return out;
}

Result<int64_t> QuarantineRepository::count() const {
  Result<StatementLease> s = m_impl->cache.acquire("SELECT count(*) FROM quarantine");
  if (!s.ok()) return s.error();
  Result<bool> row = (*s)->step();
  if (!row.ok()) return row.error().wrap("counting quarantined payloads");
  return (*s)->int64(0);
}

Result<void> QuarantineRepository::clear() {
  Result<StatementLease> s = m_impl->cache.acquire("DELETE FROM quarantine");
  if (!s.ok()) return s.error();
  if (Result<void> r = (*s)->run(); !r.ok()) return r.error().wrap("clearing the quarantine");
  return okResult();
}

}  // namespace edgewise::store
