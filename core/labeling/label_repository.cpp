#include "core/labeling/label_repository.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>

#include "core/store/project.h"
#include "core/store/sqlite_util.h"
#include "core/util/clock.h"

namespace edgewise::labeling {

using store::detail::Statement;
using store::detail::StatementLease;
using store::detail::WriteScope;

const char* sourceName(LabelSource s) {
  switch (s) {
    case LabelSource::Manual:
      return "manual";
    case LabelSource::Suggestion:
      return "suggestion";
    case LabelSource::Model:
      return "model";
    case LabelSource::Import:
      return "import";
  }
  return "manual";
}

std::optional<LabelSource> sourceFromName(const std::string& name) {
  if (name == "manual") return LabelSource::Manual;
  if (name == "suggestion") return LabelSource::Suggestion;
  if (name == "model") return LabelSource::Model;
  if (name == "import") return LabelSource::Import;
  return std::nullopt;
}

std::optional<std::string> normalizeColor(const std::string& color) {
  if (color.size() != 7 || color[0] != '#') return std::nullopt;
  std::string out = "#";
  for (size_t i = 1; i < 7; ++i) {
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(color[i])));
    if (!std::isxdigit(static_cast<unsigned char>(c))) return std::nullopt;
    out += c;
  }
  return out;
}

std::string defaultColor(int n) {
  static const char* kTab10[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                                 "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
  return kTab10[((n % 10) + 10) % 10];
}

struct LabelRepository::Impl {
  explicit Impl(store::Project& p) : project(p), cache(p.handle()) {}
  store::Project& project;
  store::detail::StatementCache cache;

  sqlite3* db() const { return project.handle(); }

  Result<StatementLease> stmt(const char* sql) { return cache.acquire(sql); }
};

namespace {

constexpr const char* kSegmentColumns =
    "id, recording_id, stream_id, start_us, end_us, class_id, annotator_id, created_us, "
    "updated_us, confidence, source";
constexpr const char* kItemColumns =
    "id, sample_id, class_id, annotator_id, created_us, updated_us, confidence, source";
constexpr const char* kAdjColumns =
    "id, sample_id, recording_id, start_us, end_us, class_id, adjudicator_id, "
    "accepted_annotator, created_us";

SegmentLabel readSegment(const Statement& q) {
  SegmentLabel s;
  s.id = q.int64(0);
  s.recordingId = q.int64(1);
  if (!q.isNull(2)) s.streamId = q.int64(2);
  s.startUs = q.int64(3);
  s.endUs = q.int64(4);
  s.classId = q.int64(5);
  s.annotatorId = q.int64(6);
  s.createdUs = q.int64(7);
  s.updatedUs = q.int64(8);
  if (!q.isNull(9)) s.confidence = q.real(9);
  s.source = sourceFromName(q.text(10)).value_or(LabelSource::Manual);
  return s;
}

ItemLabel readItem(const Statement& q) {
  ItemLabel s;
  s.id = q.int64(0);
  s.sampleId = q.int64(1);
  s.classId = q.int64(2);
  s.annotatorId = q.int64(3);
  s.createdUs = q.int64(4);
  s.updatedUs = q.int64(5);
  if (!q.isNull(6)) s.confidence = q.real(6);
  s.source = sourceFromName(q.text(7)).value_or(LabelSource::Manual);
  return s;
}

Adjudication readAdj(const Statement& q) {
  Adjudication a;
  a.id = q.int64(0);
  if (!q.isNull(1)) a.sampleId = q.int64(1);
  if (!q.isNull(2)) a.recordingId = q.int64(2);
  a.startUs = q.isNull(3) ? 0 : q.int64(3);
  a.endUs = q.isNull(4) ? 0 : q.int64(4);
  a.classId = q.int64(5);
  a.adjudicatorId = q.int64(6);
  if (!q.isNull(7)) a.acceptedAnnotatorId = q.int64(7);
  a.createdUs = q.int64(8);
  return a;
}

LabelClass readClass(const Statement& q) {
  LabelClass c;
  c.id = q.int64(0);
  c.name = q.text(1);
  c.color = q.text(2);
  c.shortcut = q.isNull(3) ? 0 : static_cast<int>(q.int64(3));
  c.order = static_cast<int>(q.int64(4));
  return c;
}

Annotator readAnnotator(const Statement& q) {
  Annotator a;
  a.id = q.int64(0);
  a.name = q.text(1);
  a.createdUs = q.int64(2);
  return a;
}

template <typename T, typename Reader>
Result<std::vector<T>> collect(StatementLease& q, Reader read, const std::string& ctx) {
  std::vector<T> out;
  for (;;) {
    Result<bool> row = q->step();
    if (!row.ok()) return row.error().wrap(ctx);
    if (!row.value()) break;
    out.push_back(read(*q));
  }
  return out;
}

void bindOptional(Statement& s, int index, const std::optional<int64_t>& v) {
  if (v)
    s.bind(index, *v);
  else
    s.bindNull(index);
}

int64_t nowOr(int64_t v) {
  return v ? v : util::wallClockUs();
}

}  // namespace

LabelRepository::LabelRepository(store::Project& project)
    : m_impl(std::make_unique<Impl>(project)) {}
LabelRepository::~LabelRepository() = default;

store::Project& LabelRepository::project() const {
  return m_impl->project;
}

// ---------------------------------------------------------------------------- classes

Result<std::vector<LabelClass>> LabelRepository::classes() const {
  auto s =
      m_impl->stmt("SELECT id, name, color, shortcut, ord FROM label_classes ORDER BY ord, id");
  if (!s.ok()) return s.error();
  return collect<LabelClass>(*s, readClass, "reading label classes");
}

Result<LabelClass> LabelRepository::classById(int64_t id) const {
  auto s = m_impl->stmt("SELECT id, name, color, shortcut, ord FROM label_classes WHERE id = ?1");
  if (!s.ok()) return s.error();
  (*s)->bind(1, id);
  auto rows = collect<LabelClass>(*s, readClass, "reading label class");
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return Error("no label class with id " + std::to_string(id));
  return rows->front();
}

Result<LabelClass> LabelRepository::classByName(const std::string& name) const {
  auto s = m_impl->stmt("SELECT id, name, color, shortcut, ord FROM label_classes WHERE name = ?1");
  if (!s.ok()) return s.error();
  (*s)->bind(1, std::string_view(name));
  auto rows = collect<LabelClass>(*s, readClass, "reading label class");
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return Error("no label class named '" + name + "'");
  return rows->front();
}

namespace {
Result<void> checkShortcut(const std::vector<LabelClass>& all, int64_t self, int shortcut) {
  if (shortcut < 0 || shortcut > 9) return Error("a shortcut is a key 1..9 (or none)");
  if (shortcut == 0) return okResult();
  for (const auto& c : all) {
    if (c.id != self && c.shortcut == shortcut) {
      return Error("key " + std::to_string(shortcut) + " is already the shortcut of '" + c.name +
                   "'");
    }
  }
  return okResult();
}
Result<void> checkName(const std::vector<LabelClass>& all, int64_t self, const std::string& name) {
  if (name.empty()) return Error("a label class needs a name");
  for (const auto& c : all) {
    if (c.id != self && c.name == name) return Error("a class named '" + name + "' exists");
  }
  return okResult();
}
}  // namespace

Result<LabelClass> LabelRepository::addClass(const std::string& name, const std::string& color,
                                             int shortcut) {
  const std::string ctx = "adding label class '" + name + "'";
  auto all = classes();
  if (!all.ok()) return all.error();
  if (auto r = checkName(*all, 0, name); !r.ok()) return r.error().wrap(ctx);
  if (auto r = checkShortcut(*all, 0, shortcut); !r.ok()) return r.error().wrap(ctx);
  LabelClass c;
  c.name = name;
  if (color.empty()) {
    c.color = defaultColor(static_cast<int>(all->size()));
  } else {
    auto n = normalizeColor(color);
    if (!n) return Error("color '" + color + "' is not #rrggbb", ctx);
    c.color = *n;
  }
  c.shortcut = shortcut;
  c.order = all->empty() ? 0 : all->back().order + 1;
  auto s =
      m_impl->stmt("INSERT INTO label_classes(name, color, shortcut, ord) VALUES(?1, ?2, ?3, ?4)");
  if (!s.ok()) return s.error();
  (*s)->bind(1, std::string_view(c.name)).bind(2, std::string_view(c.color)).bind(4, c.order);
  if (shortcut)
    (*s)->bind(3, shortcut);
  else
    (*s)->bindNull(3);
  if (auto r = (*s)->run(); !r.ok()) return r.error().wrap(ctx);
  c.id = sqlite3_last_insert_rowid(m_impl->db());
  return c;
}

Result<void> LabelRepository::restoreClassRow(const LabelClass& c) {
  auto s = m_impl->stmt(
      "UPDATE label_classes SET name = ?2, color = ?3, shortcut = ?4, ord = ?5 WHERE id = ?1");
  if (!s.ok()) return s.error();
  (*s)->bind(1, c.id).bind(2, std::string_view(c.name)).bind(3, std::string_view(c.color));
  if (c.shortcut)
    (*s)->bind(4, c.shortcut);
  else
    (*s)->bindNull(4);
  (*s)->bind(5, c.order);
  if (auto r = (*s)->run(); !r.ok()) return r.error().wrap("updating label class " + c.name);
  if (sqlite3_changes(m_impl->db()) != 1) return Error("no label class " + std::to_string(c.id));
  return okResult();
}

Result<LabelClass> LabelRepository::renameClass(int64_t id, const std::string& name) {
  auto old = classById(id);
  if (!old.ok()) return old.error();
  auto all = classes();
  if (!all.ok()) return all.error();
  if (auto r = checkName(*all, id, name); !r.ok()) return r.error().wrap("renaming class");
  LabelClass c = *old;
  c.name = name;
  EW_TRY(restoreClassRow(c));
  return old;
}

Result<LabelClass> LabelRepository::recolorClass(int64_t id, const std::string& color) {
  auto old = classById(id);
  if (!old.ok()) return old.error();
  auto n = normalizeColor(color);
  if (!n) return Error("color '" + color + "' is not #rrggbb", "recoloring " + old->name);
  LabelClass c = *old;
  c.color = *n;
  EW_TRY(restoreClassRow(c));
  return old;
}

Result<LabelClass> LabelRepository::setClassShortcut(int64_t id, int shortcut) {
  auto old = classById(id);
  if (!old.ok()) return old.error();
  auto all = classes();
  if (!all.ok()) return all.error();
  if (auto r = checkShortcut(*all, id, shortcut); !r.ok()) return r.error().wrap(old->name);
  LabelClass c = *old;
  c.shortcut = shortcut;
  EW_TRY(restoreClassRow(c));
  return old;
}

Result<std::vector<int64_t>> LabelRepository::reorderClasses(const std::vector<int64_t>& ids) {
  auto all = classes();
  if (!all.ok()) return all.error();
  std::vector<int64_t> before;
  for (const auto& c : *all) before.push_back(c.id);
  std::vector<int64_t> a = before, b = ids;
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  if (a != b) return Error("a new order must name every class exactly once", "reordering classes");
  WriteScope scope(m_impl->db());
  EW_TRY(scope.begin());
  for (size_t i = 0; i < ids.size(); ++i) {
    auto s = m_impl->stmt("UPDATE label_classes SET ord = ?2 WHERE id = ?1");
    if (!s.ok()) return s.error();
    (*s)->bind(1, ids[i]).bind(2, static_cast<int64_t>(i));
    EW_TRY((*s)->run());
  }
  EW_TRY(scope.commit());
  return before;
}

Result<int64_t> LabelRepository::classUsage(int64_t id) const {
  auto s = m_impl->stmt(
      "SELECT (SELECT count(*) FROM segment_labels WHERE class_id = ?1) + (SELECT count(*) FROM "
      "item_labels WHERE class_id = ?1) + (SELECT count(*) FROM adjudications WHERE class_id = "
      "?1)");
  if (!s.ok()) return s.error();
  (*s)->bind(1, id);
  auto row = (*s)->step();
  if (!row.ok()) return row.error();
  return (*s)->int64(0);
}

namespace {
Result<std::vector<int64_t>> idsWhere(LabelRepository::Impl& m, const char* sql, int64_t v) {
  auto s = m.stmt(sql);
  if (!s.ok()) return s.error();
  (*s)->bind(1, v);
  return collect<int64_t>(
      *s, [](const Statement& q) { return q.int64(0); }, "reading ids");
}
Result<void> setClassOf(LabelRepository::Impl& m, const char* table,
                        const std::vector<int64_t>& ids, int64_t classId) {
  const std::string sql = std::string("UPDATE ") + table + " SET class_id = ?2 WHERE id = ?1";
  auto s = m.stmt(sql.c_str());
  if (!s.ok()) return s.error();
  for (int64_t id : ids) {
    (*s)->bind(1, id).bind(2, classId);
    EW_TRY((*s)->run());
    (*s)->reset();
  }
  return okResult();
}
}  // namespace

Result<ClassRemoval> LabelRepository::removeClass(int64_t id, std::optional<int64_t> reassignTo) {
  auto c = classById(id);
  if (!c.ok()) return c.error();
  const std::string ctx = "removing label class '" + c->name + "'";
  auto all = classes();
  if (!all.ok()) return all.error();
  ClassRemoval out;
  out.removed = *c;
  out.orderBefore = *all;
  auto usage = classUsage(id);
  if (!usage.ok()) return usage.error();
  if (usage.value() > 0 && !reassignTo) {
    return Error(std::to_string(usage.value()) +
                     " labels use it; reassign them to another class to remove it",
                 ctx);
  }
  if (reassignTo && *reassignTo == id) return Error("cannot reassign a class to itself", ctx);
  if (reassignTo) {
    auto target = classById(*reassignTo);
    if (!target.ok()) return target.error().wrap(ctx);
  }
  WriteScope scope(m_impl->db());
  EW_TRY(scope.begin());
  if (reassignTo) {
    out.reassignedTo = *reassignTo;
    auto seg = idsWhere(*m_impl, "SELECT id FROM segment_labels WHERE class_id = ?1", id);
    auto items = idsWhere(*m_impl, "SELECT id FROM item_labels WHERE class_id = ?1", id);
    auto adj = idsWhere(*m_impl, "SELECT id FROM adjudications WHERE class_id = ?1", id);
    if (!seg.ok()) return seg.error();
    if (!items.ok()) return items.error();
    if (!adj.ok()) return adj.error();
    out.segmentIds = *seg;
    out.itemIds = *items;
    out.adjudicationIds = *adj;
    EW_TRY(setClassOf(*m_impl, "segment_labels", out.segmentIds, *reassignTo));
    EW_TRY(setClassOf(*m_impl, "item_labels", out.itemIds, *reassignTo));
    EW_TRY(setClassOf(*m_impl, "adjudications", out.adjudicationIds, *reassignTo));
  }
  auto del = m_impl->stmt("DELETE FROM label_classes WHERE id = ?1");
  if (!del.ok()) return del.error();
  (*del)->bind(1, id);
  if (auto r = (*del)->run(); !r.ok()) return r.error().wrap(ctx);
  // Keep orders dense.
  int order = 0;
  for (const auto& k : *all) {
    if (k.id == id) continue;
    LabelClass moved = k;
    moved.order = order++;
    if (moved.order != k.order) EW_TRY(restoreClassRow(moved));
  }
  EW_TRY(scope.commit());
  return out;
}

Result<void> LabelRepository::restoreClass(const ClassRemoval& removal) {
  WriteScope scope(m_impl->db());
  EW_TRY(scope.begin());
  const LabelClass& c = removal.removed;
  auto s = m_impl->stmt(
      "INSERT INTO label_classes(id, name, color, shortcut, ord) VALUES(?1, ?2, ?3, ?4, ?5)");
  if (!s.ok()) return s.error();
  (*s)->bind(1, c.id).bind(2, std::string_view(c.name)).bind(3, std::string_view(c.color));
  if (c.shortcut)
    (*s)->bind(4, c.shortcut);
  else
    (*s)->bindNull(4);
  (*s)->bind(5, c.order);
  if (auto r = (*s)->run(); !r.ok()) return r.error().wrap("restoring class " + c.name);
  EW_TRY(setClassOf(*m_impl, "segment_labels", removal.segmentIds, c.id));
  EW_TRY(setClassOf(*m_impl, "item_labels", removal.itemIds, c.id));
  EW_TRY(setClassOf(*m_impl, "adjudications", removal.adjudicationIds, c.id));
  for (const auto& k : removal.orderBefore) EW_TRY(restoreClassRow(k));
  return scope.commit();
}

// ---------------------------------------------------------------------------- annotators

Result<Annotator> LabelRepository::addAnnotator(const std::string& name) {
  if (name.empty()) return Error("an annotator needs a name");
  if (annotatorByName(name).ok()) return Error("an annotator named '" + name + "' exists");
  auto s = m_impl->stmt("INSERT INTO annotators(name, created_us) VALUES(?1, ?2)");
  if (!s.ok()) return s.error();
  Annotator a;
  a.name = name;
  a.createdUs = util::wallClockUs();
  (*s)->bind(1, std::string_view(name)).bind(2, a.createdUs);
  if (auto r = (*s)->run(); !r.ok()) return r.error().wrap("adding annotator " + name);
  a.id = sqlite3_last_insert_rowid(m_impl->db());
  return a;
}

Result<Annotator> LabelRepository::ensureAnnotator(const std::string& name) {
  auto a = annotatorByName(name);
  if (a.ok()) return a;
  return addAnnotator(name);
}

Result<std::vector<Annotator>> LabelRepository::annotators() const {
  auto s = m_impl->stmt("SELECT id, name, created_us FROM annotators ORDER BY id");
  if (!s.ok()) return s.error();
  return collect<Annotator>(*s, readAnnotator, "reading annotators");
}

Result<Annotator> LabelRepository::annotatorByName(const std::string& name) const {
  auto s = m_impl->stmt("SELECT id, name, created_us FROM annotators WHERE name = ?1");
  if (!s.ok()) return s.error();
  (*s)->bind(1, std::string_view(name));
  auto rows = collect<Annotator>(*s, readAnnotator, "reading annotators");
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return Error("no annotator named '" + name + "'");
  return rows->front();
}

Result<Annotator> LabelRepository::annotatorById(int64_t id) const {
  auto s = m_impl->stmt("SELECT id, name, created_us FROM annotators WHERE id = ?1");
  if (!s.ok()) return s.error();
  (*s)->bind(1, id);
  auto rows = collect<Annotator>(*s, readAnnotator, "reading annotators");
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return Error("no annotator with id " + std::to_string(id));
  return rows->front();
}

Result<int64_t> LabelRepository::startSession(int64_t annotatorId, int64_t startedUs) {
  auto s = m_impl->stmt("INSERT INTO annotation_sessions(annotator_id, started_us) VALUES(?1, ?2)");
  if (!s.ok()) return s.error();
  (*s)->bind(1, annotatorId).bind(2, nowOr(startedUs));
  if (auto r = (*s)->run(); !r.ok()) return r.error().wrap("starting an annotation session");
  return sqlite3_last_insert_rowid(m_impl->db());
}

namespace {
AnnotationSession readSession(const Statement& q) {
  AnnotationSession s;
  s.id = q.int64(0);
  s.annotatorId = q.int64(1);
  s.startedUs = q.int64(2);
  if (!q.isNull(3)) s.endedUs = q.int64(3);
  s.labelsMade = q.int64(4);
  return s;
}
}  // namespace

Result<AnnotationSession> LabelRepository::endSession(int64_t sessionId, int64_t endedUs) {
  auto s = m_impl->stmt(
      "SELECT id, annotator_id, started_us, ended_us, labels_made FROM annotation_sessions WHERE "
      "id = ?1");
  if (!s.ok()) return s.error();
  (*s)->bind(1, sessionId);
  auto rows = collect<AnnotationSession>(*s, readSession, "reading sessions");
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return Error("no annotation session " + std::to_string(sessionId));
  AnnotationSession session = rows->front();
  session.endedUs = nowOr(endedUs);
  if (*session.endedUs < session.startedUs) return Error("a session cannot end before it starts");
  auto count = m_impl->stmt(
      "SELECT (SELECT count(*) FROM segment_labels WHERE annotator_id = ?1 AND created_us BETWEEN "
      "?2 AND ?3) + (SELECT count(*) FROM item_labels WHERE annotator_id = ?1 AND created_us "
      "BETWEEN ?2 AND ?3)");
  if (!count.ok()) return count.error();
  (*count)->bind(1, session.annotatorId).bind(2, session.startedUs).bind(3, *session.endedUs);
  auto row = (*count)->step();
  if (!row.ok()) return row.error();
  session.labelsMade = (*count)->int64(0);
  (*count)->reset();
  auto up =
      m_impl->stmt("UPDATE annotation_sessions SET ended_us = ?2, labels_made = ?3 WHERE id = ?1");
  if (!up.ok()) return up.error();
  (*up)->bind(1, sessionId).bind(2, *session.endedUs).bind(3, session.labelsMade);
  EW_TRY((*up)->run());
  return session;
}

Result<std::vector<AnnotationSession>> LabelRepository::sessions(int64_t annotatorId) const {
  auto s = m_impl->stmt(
      "SELECT id, annotator_id, started_us, ended_us, labels_made FROM annotation_sessions WHERE "
      "annotator_id = ?1 ORDER BY started_us");
  if (!s.ok()) return s.error();
  (*s)->bind(1, annotatorId);
  return collect<AnnotationSession>(*s, readSession, "reading sessions");
}

Result<std::vector<AnnotatorStats>> LabelRepository::annotatorStats() const {
  auto all = annotators();
  if (!all.ok()) return all.error();
  std::vector<AnnotatorStats> out;
  for (const auto& a : *all) {
    auto ss = sessions(a.id);
    if (!ss.ok()) return ss.error();
    AnnotatorStats st;
    st.annotatorId = a.id;
    st.name = a.name;
    for (const auto& s : *ss) {
      if (!s.endedUs) continue;
      ++st.sessions;
      st.secondsSpent += (*s.endedUs - s.startedUs) / 1e6;
      st.labelsMade += s.labelsMade;
    }
    st.labelsPerHour = st.secondsSpent > 0 ? st.labelsMade / (st.secondsSpent / 3600.0) : 0.0;
    out.push_back(st);
  }
  return out;
}

// ---------------------------------------------------------------------------- segments

namespace {

Result<void> insertSegment(LabelRepository::Impl& m, SegmentLabel& row) {
  auto s = m.stmt(
      "INSERT INTO segment_labels(id, recording_id, stream_id, start_us, end_us, class_id, "
      "annotator_id, created_us, updated_us, confidence, source) VALUES(?1, ?2, ?3, ?4, ?5, ?6, "
      "?7, ?8, ?9, ?10, ?11)");
  if (!s.ok()) return s.error();
  Statement& q = **s;
  if (row.id)
    q.bind(1, row.id);
  else
    q.bindNull(1);
  q.bind(2, row.recordingId);
  bindOptional(q, 3, row.streamId);
  q.bind(4, row.startUs).bind(5, row.endUs).bind(6, row.classId).bind(7, row.annotatorId);
  q.bind(8, row.createdUs).bind(9, row.updatedUs);
  if (row.confidence)
    q.bind(10, *row.confidence);
  else
    q.bindNull(10);
  q.bind(11, std::string_view(sourceName(row.source)));
  if (auto r = q.run(); !r.ok()) return r.error().wrap("storing a segment label");
  if (!row.id) row.id = sqlite3_last_insert_rowid(m.db());
  return okResult();
}

Result<void> deleteSegment(LabelRepository::Impl& m, int64_t id) {
  auto s = m.stmt("DELETE FROM segment_labels WHERE id = ?1");
  if (!s.ok()) return s.error();
  (*s)->bind(1, id);
  return (*s)->run();
}

Result<void> updateSegment(LabelRepository::Impl& m, const SegmentLabel& row) {
  EW_TRY(deleteSegment(m, row.id));
  SegmentLabel copy = row;
  return insertSegment(m, copy);
}

Result<void> checkSegment(const SegmentLabel& s) {
  if (s.endUs <= s.startUs) {
    return Error("a segment must end after it starts (" + std::to_string(s.startUs) + " .. " +
                 std::to_string(s.endUs) + " us)");
  }
  if (s.confidence && !(*s.confidence >= 0.0 && *s.confidence <= 1.0)) {
    return Error("confidence must be within 0..1");
  }
  return okResult();
}

// Applies the overlap rule around `winner` (already stored), recording the changes.
Result<void> resolveOverlaps(LabelRepository::Impl& m, const SegmentLabel& winner, int64_t now,
                             SegmentEdit& edit) {
  const std::string sql = std::string("SELECT ") + kSegmentColumns +
                          " FROM segment_labels WHERE recording_id = ?1 AND annotator_id = ?2 "
                          "AND id != ?3 AND start_us < ?4 AND end_us > ?5 ORDER BY start_us";
  auto s = m.stmt(sql.c_str());
  if (!s.ok()) return s.error();
  (*s)->bind(1, winner.recordingId)
      .bind(2, winner.annotatorId)
      .bind(3, winner.id)
      .bind(4, winner.endUs)
      .bind(5, winner.startUs);
  auto hits = collect<SegmentLabel>(*s, readSegment, "reading overlapping segments");
  if (!hits.ok()) return hits.error();
  for (const SegmentLabel& old : *hits) {
    edit.before.push_back(old);
    if (winner.startUs <= old.startUs && winner.endUs >= old.endUs) {
      EW_TRY(deleteSegment(m, old.id));
    } else if (old.startUs < winner.startUs && old.endUs > winner.endUs) {
      SegmentLabel left = old, right = old;
      left.endUs = winner.startUs;
      left.updatedUs = now;
      right.id = 0;
      right.startUs = winner.endUs;
      right.updatedUs = now;
      EW_TRY(updateSegment(m, left));
      EW_TRY(insertSegment(m, right));
      edit.after.push_back(left);
      edit.after.push_back(right);
    } else {
      SegmentLabel cut = old;
      if (old.startUs < winner.startUs)
        cut.endUs = winner.startUs;
      else
        cut.startUs = winner.endUs;
      cut.updatedUs = now;
      EW_TRY(updateSegment(m, cut));
      edit.after.push_back(cut);
    }
  }
  return okResult();
}

}  // namespace

Result<SegmentLabel> LabelRepository::segment(int64_t id) const {
  const std::string sql =
      std::string("SELECT ") + kSegmentColumns + " FROM segment_labels WHERE id = ?1";
  auto s = m_impl->stmt(sql.c_str());
  if (!s.ok()) return s.error();
  (*s)->bind(1, id);
  auto rows = collect<SegmentLabel>(*s, readSegment, "reading segment");
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return Error("no segment label with id " + std::to_string(id));
  return rows->front();
}

Result<std::vector<SegmentLabel>> LabelRepository::segments(int64_t recordingId,
                                                            int64_t annotatorId) const {
  const std::string sql = std::string("SELECT ") + kSegmentColumns +
                          " FROM segment_labels WHERE recording_id = ?1 AND (?2 = 0 OR "
                          "annotator_id = ?2) ORDER BY start_us, annotator_id, id";
  auto s = m_impl->stmt(sql.c_str());
  if (!s.ok()) return s.error();
  (*s)->bind(1, recordingId).bind(2, annotatorId);
  return collect<SegmentLabel>(*s, readSegment, "reading segments");
}

Result<std::vector<SegmentLabel>> LabelRepository::allSegments() const {
  const std::string sql = std::string("SELECT ") + kSegmentColumns +
                          " FROM segment_labels ORDER BY recording_id, annotator_id, start_us, id";
  auto s = m_impl->stmt(sql.c_str());
  if (!s.ok()) return s.error();
  return collect<SegmentLabel>(*s, readSegment, "reading segments");
}

Result<SegmentEdit> LabelRepository::addSegment(const SegmentLabel& segment) {
  const std::string ctx = "adding a segment label";
  if (auto r = checkSegment(segment); !r.ok()) return r.error().wrap(ctx);
  const int64_t now = util::wallClockUs();
  SegmentLabel row = segment;
  row.id = 0;
  row.createdUs = segment.createdUs ? segment.createdUs : now;
  row.updatedUs = segment.updatedUs ? segment.updatedUs : row.createdUs;
  SegmentEdit edit;
  WriteScope scope(m_impl->db());
  EW_TRY(scope.begin());
  if (auto r = insertSegment(*m_impl, row); !r.ok()) return r.error().wrap(ctx);
  EW_TRY(resolveOverlaps(*m_impl, row, now, edit));
  edit.after.insert(edit.after.begin(), row);
  edit.target = row.id;
  EW_TRY(scope.commit());
  return edit;
}

Result<SegmentEdit> LabelRepository::moveSegment(int64_t id, int64_t startUs, int64_t endUs) {
  auto old = segment(id);
  if (!old.ok()) return old.error();
  SegmentLabel row = *old;
  row.startUs = startUs;
  row.endUs = endUs;
  row.updatedUs = util::wallClockUs();
  if (auto r = checkSegment(row); !r.ok()) return r.error().wrap("moving a segment label");
  SegmentEdit edit;
  edit.before.push_back(*old);
  WriteScope scope(m_impl->db());
  EW_TRY(scope.begin());
  EW_TRY(updateSegment(*m_impl, row));
  EW_TRY(resolveOverlaps(*m_impl, row, row.updatedUs, edit));
  edit.after.insert(edit.after.begin(), row);
  edit.target = id;
  EW_TRY(scope.commit());
  return edit;
}

Result<SegmentEdit> LabelRepository::setSegmentClass(int64_t id, int64_t classId) {
  auto old = segment(id);
  if (!old.ok()) return old.error();
  if (auto c = classById(classId); !c.ok()) return c.error().wrap("changing a segment's class");
  SegmentLabel row = *old;
  row.classId = classId;
  row.updatedUs = util::wallClockUs();
  WriteScope scope(m_impl->db());
  EW_TRY(scope.begin());
  EW_TRY(updateSegment(*m_impl, row));
  EW_TRY(scope.commit());
  SegmentEdit edit;
  edit.before.push_back(*old);
  edit.after.push_back(row);
  edit.target = id;
  return edit;
}

Result<SegmentEdit> LabelRepository::removeSegment(int64_t id) {
  auto old = segment(id);
  if (!old.ok()) return old.error();
  EW_TRY(deleteSegment(*m_impl, id));
  SegmentEdit edit;
  edit.before.push_back(*old);
  return edit;
}

namespace {
Result<void> swapRows(LabelRepository::Impl& m, const std::vector<SegmentLabel>& remove,
                      const std::vector<SegmentLabel>& insert) {
  WriteScope scope(m.db());
  EW_TRY(scope.begin());
  for (const auto& r : remove) EW_TRY(deleteSegment(m, r.id));
  for (auto r : insert) {
    if (auto w = insertSegment(m, r); !w.ok()) return w.error().wrap("undoing a label edit");
  }
  return scope.commit();
}
}  // namespace

Result<void> LabelRepository::revert(const SegmentEdit& edit) {
  return swapRows(*m_impl, edit.after, edit.before);
}

Result<void> LabelRepository::reapply(const SegmentEdit& edit) {
  return swapRows(*m_impl, edit.before, edit.after);
}

Result<void> LabelRepository::restoreSegment(const SegmentLabel& row) {
  if (row.id == 0) return Error("restoring a segment needs its id");
  SegmentLabel copy = row;
  return insertSegment(*m_impl, copy);
}

// ---------------------------------------------------------------------------- items

namespace {
Result<void> insertItem(LabelRepository::Impl& m, ItemLabel& row) {
  auto s = m.stmt(
      "INSERT INTO item_labels(id, sample_id, class_id, annotator_id, created_us, updated_us, "
      "confidence, source) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  if (!s.ok()) return s.error();
  Statement& q = **s;
  if (row.id)
    q.bind(1, row.id);
  else
    q.bindNull(1);
  q.bind(2, row.sampleId).bind(3, row.classId).bind(4, row.annotatorId);
  q.bind(5, row.createdUs).bind(6, row.updatedUs);
  if (row.confidence)
    q.bind(7, *row.confidence);
  else
    q.bindNull(7);
  q.bind(8, std::string_view(sourceName(row.source)));
  if (auto r = q.run(); !r.ok()) return r.error().wrap("storing an item label");
  if (!row.id) row.id = sqlite3_last_insert_rowid(m.db());
  return okResult();
}
Result<void> deleteItem(LabelRepository::Impl& m, int64_t id) {
  auto s = m.stmt("DELETE FROM item_labels WHERE id = ?1");
  if (!s.ok()) return s.error();
  (*s)->bind(1, id);
  return (*s)->run();
}
Result<std::optional<ItemLabel>> findItem(LabelRepository::Impl& m, int64_t sampleId,
                                          int64_t annotatorId) {
  const std::string sql = std::string("SELECT ") + kItemColumns +
                          " FROM item_labels WHERE sample_id = ?1 AND annotator_id = ?2";
  auto s = m.stmt(sql.c_str());
  if (!s.ok()) return s.error();
  (*s)->bind(1, sampleId).bind(2, annotatorId);
  auto rows = collect<ItemLabel>(*s, readItem, "reading item labels");
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return std::optional<ItemLabel>();
  return std::optional<ItemLabel>(rows->front());
}
}  // namespace

Result<ItemEdit> LabelRepository::setItemLabel(int64_t sampleId, int64_t classId,
                                               int64_t annotatorId, LabelSource source,
                                               std::optional<double> confidence) {
  auto existing = findItem(*m_impl, sampleId, annotatorId);
  if (!existing.ok()) return existing.error();
  const int64_t now = util::wallClockUs();
  ItemEdit edit;
  edit.before = *existing;
  ItemLabel row;
  if (*existing) {
    row = **existing;
  } else {
    row.sampleId = sampleId;
    row.annotatorId = annotatorId;
    row.createdUs = now;
  }
  row.classId = classId;
  row.updatedUs = now;
  row.source = source;
  row.confidence = confidence;
  WriteScope scope(m_impl->db());
  EW_TRY(scope.begin());
  if (*existing) EW_TRY(deleteItem(*m_impl, row.id));
  EW_TRY(insertItem(*m_impl, row));
  EW_TRY(scope.commit());
  edit.after = row;
  return edit;
}

Result<ItemEdit> LabelRepository::removeItemLabel(int64_t sampleId, int64_t annotatorId) {
  auto existing = findItem(*m_impl, sampleId, annotatorId);
  if (!existing.ok()) return existing.error();
  if (!*existing) return Error("the annotator has no label on sample " + std::to_string(sampleId));
  EW_TRY(deleteItem(*m_impl, (*existing)->id));
  ItemEdit edit;
  edit.before = *existing;
  return edit;
}

namespace {
Result<void> swapItem(LabelRepository::Impl& m, const std::optional<ItemLabel>& remove,
                      const std::optional<ItemLabel>& insert) {
  WriteScope scope(m.db());
  EW_TRY(scope.begin());
  if (remove) EW_TRY(deleteItem(m, remove->id));
  if (insert) {
    ItemLabel copy = *insert;
    EW_TRY(insertItem(m, copy));
  }
  return scope.commit();
}
}  // namespace

Result<void> LabelRepository::revert(const ItemEdit& edit) {
  return swapItem(*m_impl, edit.after, edit.before);
}
Result<void> LabelRepository::reapply(const ItemEdit& edit) {
  return swapItem(*m_impl, edit.before, edit.after);
}
Result<void> LabelRepository::restoreItem(const ItemLabel& row) {
  ItemLabel copy = row;
  return insertItem(*m_impl, copy);
}

Result<std::vector<ItemLabel>> LabelRepository::itemLabels(int64_t datasetId,
                                                           int64_t annotatorId) const {
  const std::string sql =
      "SELECT l.id, l.sample_id, l.class_id, l.annotator_id, l.created_us, l.updated_us, "
      "l.confidence, l.source FROM item_labels l JOIN dataset_samples s ON s.id = l.sample_id "
      "WHERE s.dataset_id = ?1 AND (?2 = 0 OR l.annotator_id = ?2) ORDER BY s.idx, "
      "l.annotator_id";
  auto s = m_impl->stmt(sql.c_str());
  if (!s.ok()) return s.error();
  (*s)->bind(1, datasetId).bind(2, annotatorId);
  return collect<ItemLabel>(*s, readItem, "reading item labels");
}

Result<std::vector<ItemLabel>> LabelRepository::allItemLabels() const {
  const std::string sql =
      std::string("SELECT ") + kItemColumns + " FROM item_labels ORDER BY sample_id, annotator_id";
  auto s = m_impl->stmt(sql.c_str());
  if (!s.ok()) return s.error();
  return collect<ItemLabel>(*s, readItem, "reading item labels");
}

// ---------------------------------------------------------------------------- adjudication

Result<void> LabelRepository::restoreAdjudication(const Adjudication& a) {
  auto s = m_impl->stmt(
      "INSERT INTO adjudications(id, sample_id, recording_id, start_us, end_us, class_id, "
      "adjudicator_id, accepted_annotator, created_us) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
      "?9)");
  if (!s.ok()) return s.error();
  Statement& q = **s;
  if (a.id)
    q.bind(1, a.id);
  else
    q.bindNull(1);
  bindOptional(q, 2, a.sampleId);
  bindOptional(q, 3, a.recordingId);
  if (a.recordingId) {
    q.bind(4, a.startUs).bind(5, a.endUs);
  } else {
    q.bindNull(4).bindNull(5);
  }
  q.bind(6, a.classId).bind(7, a.adjudicatorId);
  bindOptional(q, 8, a.acceptedAnnotatorId);
  q.bind(9, a.createdUs);
  if (auto r = q.run(); !r.ok()) return r.error().wrap("storing an adjudication");
  return okResult();
}

Result<Adjudication> LabelRepository::adjudicateItem(int64_t sampleId, int64_t classId,
                                                     int64_t adjudicatorId,
                                                     std::optional<int64_t> accepted) {
  Adjudication a;
  a.sampleId = sampleId;
  a.classId = classId;
  a.adjudicatorId = adjudicatorId;
  a.acceptedAnnotatorId = accepted;
  a.createdUs = util::wallClockUs();
  WriteScope scope(m_impl->db());
  EW_TRY(scope.begin());
  // One adjudication per item: a new decision replaces the previous one.
  auto del = m_impl->stmt("DELETE FROM adjudications WHERE sample_id = ?1");
  if (!del.ok()) return del.error();
  (*del)->bind(1, sampleId);
  EW_TRY((*del)->run());
  EW_TRY(restoreAdjudication(a));
  a.id = sqlite3_last_insert_rowid(m_impl->db());
  EW_TRY(scope.commit());
  return a;
}

Result<Adjudication> LabelRepository::adjudicateRange(int64_t recordingId, int64_t startUs,
                                                      int64_t endUs, int64_t classId,
                                                      int64_t adjudicatorId,
                                                      std::optional<int64_t> accepted) {
  if (endUs <= startUs) return Error("an adjudicated range must end after it starts");
  Adjudication a;
  a.recordingId = recordingId;
  a.startUs = startUs;
  a.endUs = endUs;
  a.classId = classId;
  a.adjudicatorId = adjudicatorId;
  a.acceptedAnnotatorId = accepted;
  a.createdUs = util::wallClockUs();
  EW_TRY(restoreAdjudication(a));
  a.id = sqlite3_last_insert_rowid(m_impl->db());
  return a;
}

Result<Adjudication> LabelRepository::acceptItemLabel(int64_t sampleId, int64_t annotatorId,
                                                      int64_t adjudicatorId) {
  auto item = findItem(*m_impl, sampleId, annotatorId);
  if (!item.ok()) return item.error();
  if (!*item) return Error("that annotator did not label sample " + std::to_string(sampleId));
  return adjudicateItem(sampleId, (*item)->classId, adjudicatorId, annotatorId);
}

Result<Adjudication> LabelRepository::acceptRangeLabel(int64_t recordingId, int64_t startUs,
                                                       int64_t endUs, int64_t annotatorId,
                                                       int64_t adjudicatorId) {
  auto segs = segments(recordingId, annotatorId);
  if (!segs.ok()) return segs.error();
  const int64_t mid = startUs + (endUs - startUs) / 2;
  for (const auto& s : *segs) {
    if (s.startUs <= mid && mid < s.endUs) {
      return adjudicateRange(recordingId, startUs, endUs, s.classId, adjudicatorId, annotatorId);
    }
  }
  return Error("that annotator has no label in the range");
}

Result<void> LabelRepository::removeAdjudication(int64_t id) {
  auto s = m_impl->stmt("DELETE FROM adjudications WHERE id = ?1");
  if (!s.ok()) return s.error();
  (*s)->bind(1, id);
  return (*s)->run();
}

Result<std::vector<Adjudication>> LabelRepository::itemAdjudications(int64_t datasetId) const {
  const std::string sql =
      "SELECT a.id, a.sample_id, a.recording_id, a.start_us, a.end_us, a.class_id, "
      "a.adjudicator_id, a.accepted_annotator, a.created_us FROM adjudications a JOIN "
      "dataset_samples s ON s.id = a.sample_id WHERE s.dataset_id = ?1 ORDER BY s.idx";
  auto s = m_impl->stmt(sql.c_str());
  if (!s.ok()) return s.error();
  (*s)->bind(1, datasetId);
  return collect<Adjudication>(*s, readAdj, "reading adjudications");
}

Result<std::vector<Adjudication>> LabelRepository::rangeAdjudications(int64_t recordingId) const {
  const std::string sql = std::string("SELECT ") + kAdjColumns +
                          " FROM adjudications WHERE recording_id = ?1 ORDER BY id";
  auto s = m_impl->stmt(sql.c_str());
  if (!s.ok()) return s.error();
  (*s)->bind(1, recordingId);
  return collect<Adjudication>(*s, readAdj, "reading adjudications");
}

Result<std::optional<Adjudication>> LabelRepository::itemAdjudicationOf(int64_t sampleId) const {
  const std::string sql =
      std::string("SELECT ") + kAdjColumns + " FROM adjudications WHERE sample_id = ?1";
  auto s = m_impl->stmt(sql.c_str());
  if (!s.ok()) return s.error();
  (*s)->bind(1, sampleId);
  auto rows = collect<Adjudication>(*s, readAdj, "reading adjudications");
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return std::optional<Adjudication>();
  return std::optional<Adjudication>(rows->front());
}

Result<std::vector<Adjudication>> LabelRepository::allAdjudications() const {
  const std::string sql = std::string("SELECT ") + kAdjColumns + " FROM adjudications ORDER BY id";
  auto s = m_impl->stmt(sql.c_str());
  if (!s.ok()) return s.error();
  return collect<Adjudication>(*s, readAdj, "reading adjudications");
}

}  // namespace edgewise::labeling
