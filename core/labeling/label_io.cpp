#include "core/labeling/label_io.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/labeling/agreement.h"
#include "core/store/project.h"
#include "core/store/recording_repository.h"
#include "core/store/sqlite_util.h"

namespace edgewise::labeling {

using nlohmann::json;

std::string formatSeconds(int64_t us) {
  const bool neg = us < 0;
  const uint64_t a = neg ? static_cast<uint64_t>(-(us + 1)) + 1 : static_cast<uint64_t>(us);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s%llu.%06llu", neg ? "-" : "",
                static_cast<unsigned long long>(a / 1000000),
                static_cast<unsigned long long>(a % 1000000));
  return buf;
}

std::optional<int64_t> parseSeconds(const std::string& text) {
  size_t i = 0;
  bool neg = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) neg = text[i++] == '-';
  int64_t whole = 0;
  size_t digits = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
    if (whole > 9000000000000LL) return std::nullopt;  // beyond ~285,000 years
    whole = whole * 10 + (text[i++] - '0');
    ++digits;
  }
  int64_t frac = 0;
  size_t fracDigits = 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      if (++fracDigits > 6) return std::nullopt;
      frac = frac * 10 + (text[i++] - '0');
    }
  }
  if (i != text.size() || digits + fracDigits == 0) return std::nullopt;
  for (size_t k = fracDigits; k < 6; ++k) frac *= 10;
  const int64_t us = whole * 1000000 + frac;
  return neg ? -us : us;
}

namespace {

struct Recordings {
  std::map<int64_t, store::RecordingSummary> byId;
  std::map<std::string, std::vector<int64_t>> byName;

  std::string ref(int64_t id) const {
    const auto& r = byId.at(id);
    return byName.at(r.name).size() == 1 ? r.name : "#" + std::to_string(id);
  }
  Result<int64_t> resolve(const std::string& text) const {
    auto it = byName.find(text);
    if (it != byName.end()) {
      if (it->second.size() == 1) return it->second.front();
      return Error("several recordings are named '" + text + "'; name it as #<id>");
    }
    if (text.size() > 1 && text[0] == '#') {
      try {
        const int64_t id = std::stoll(text.substr(1));
        if (byId.count(id)) return id;
      } catch (const std::exception&) {
      }
    }
    return Error("no recording named '" + text + "'");
  }
  int64_t origin(int64_t id) const { return byId.at(id).sampleCount > 0 ? byId.at(id).startUs : 0; }
};

Result<Recordings> loadRecordings(store::Project& project) {
  auto list = project.recordings().list();
  if (!list.ok()) return list.error();
  Recordings r;
  for (const auto& s : *list) {
    r.byId[s.id] = s;
    r.byName[s.name].push_back(s.id);
  }
  return r;
}

std::string csvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// One CSV line into fields (RFC 4180 quoting, no line breaks inside fields).
std::optional<std::vector<std::string>> splitCsv(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false, wasQuoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < line.size() && line[i + 1] == '"') {
          cur += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        cur += c;
      }
    } else if (c == '"' && cur.empty() && !wasQuoted) {
      quoted = wasQuoted = true;
    } else if (c == ',') {
      out.push_back(cur);
      cur.clear();
      wasQuoted = false;
    } else {
      cur += c;
    }
  }
  if (quoted) return std::nullopt;
  out.push_back(cur);
  return out;
}

Result<void> writeFileAtomically(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Error("cannot write " + tmp + " (check the folder and its permissions)");
    out << text;
    out.close();
    if (!out) {
      std::filesystem::remove(tmp);
      return Error("writing " + tmp + " failed (disk full?)");
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return Error("cannot replace " + path + ": " + ec.message());
  return okResult();
}

Result<std::string> readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Class and annotator lookups that create missing ones when allowed, counting what they made.
struct Resolver {
  LabelRepository& repo;
  const LabelImportOptions& options;
  LabelImportReport& report;
  std::map<std::string, int64_t> classes, annotators;

  Result<void> load() {
    auto cs = repo.classes();
    if (!cs.ok()) return cs.error();
    for (const auto& c : *cs) classes[c.name] = c.id;
    auto as = repo.annotators();
    if (!as.ok()) return as.error();
    for (const auto& a : *as) annotators[a.name] = a.id;
    return okResult();
  }
  // Error messages here are row rejections, not fatal.
  Result<int64_t> cls(const std::string& name, const std::string& color = {}, int shortcut = 0) {
    if (name.empty()) return Error("empty label");
    if (auto it = classes.find(name); it != classes.end()) return it->second;
    if (!options.createClasses) return Error("unknown label '" + name + "'");
    Result<LabelClass> c = repo.addClass(name, color, shortcut);
    if (!c.ok()) c = repo.addClass(name);  // the color or key may clash; the name matters
    if (!c.ok()) return c.error();
    ++report.classesCreated;
    classes[name] = c->id;
    return c->id;
  }
  Result<int64_t> annotator(const std::string& name) {
    if (name.empty()) return Error("empty annotator");
    if (auto it = annotators.find(name); it != annotators.end()) return it->second;
    if (!options.createAnnotators) return Error("unknown annotator '" + name + "'");
    auto a = repo.addAnnotator(name);
    if (!a.ok()) return a.error();
    ++report.annotatorsCreated;
    annotators[name] = a->id;
    return a->id;
  }
};

}  // namespace

// ---------------------------------------------------------------------------- CSV

Result<void> exportLabelsCsv(const LabelRepository& repo, const std::string& path,
                             const CsvExportOptions& options) {
  const std::string ctx = "exporting labels to " + path;
  auto recs = loadRecordings(repo.project());
  if (!recs.ok()) return recs.error().wrap(ctx);
  auto segs = repo.allSegments();
  if (!segs.ok()) return segs.error().wrap(ctx);
  auto classes = repo.classes();
  if (!classes.ok()) return classes.error().wrap(ctx);
  auto annotators = repo.annotators();
  if (!annotators.ok()) return annotators.error().wrap(ctx);
  std::map<int64_t, std::string> cname, aname;
  for (const auto& c : *classes) cname[c.id] = c.name;
  for (const auto& a : *annotators) aname[a.id] = a.name;
  std::string text = "recording,start,end,label,annotator\n";
  for (const auto& s : *segs) {
    if (options.recordingId && s.recordingId != *options.recordingId) continue;
    if (options.annotatorId && s.annotatorId != *options.annotatorId) continue;
    const int64_t o = recs->origin(s.recordingId);
    text += csvField(recs->ref(s.recordingId)) + ',' + formatSeconds(s.startUs - o) + ',' +
            formatSeconds(s.endUs - o) + ',' + csvField(cname[s.classId]) + ',' +
            csvField(aname[s.annotatorId]) + '\n';
  }
  if (auto r = writeFileAtomically(path, text); !r.ok()) return r.error().wrap(ctx);
  return okResult();
}

Result<LabelImportReport> importLabelsCsv(LabelRepository& repo, const std::string& path,
                                          const LabelImportOptions& options) {
  const std::string ctx = "importing labels from " + path;
  auto text = readFile(path);
  if (!text.ok()) return text.error().wrap(ctx);
  auto recs = loadRecordings(repo.project());
  if (!recs.ok()) return recs.error().wrap(ctx);
  std::istringstream in(*text);
  std::string line;
  if (!std::getline(in, line)) return Error("the file is empty", ctx);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.size() >= 3 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
  auto header = splitCsv(line);
  const std::vector<std::string> expected = {"recording", "start", "end", "label", "annotator"};
  if (!header || *header != expected) {
    return Error("the first line must be 'recording,start,end,label,annotator'", ctx);
  }
  LabelImportReport report;
  Resolver resolver{repo, options, report, {}, {}};
  store::detail::WriteScope scope(repo.project().handle());
  EW_TRY(scope.begin());
  if (auto r = resolver.load(); !r.ok()) return r.error().wrap(ctx);
  int64_t lineNo = 1;
  while (std::getline(in, line)) {
    ++lineNo;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    auto reject = [&](const std::string& why) { report.rejected.push_back({lineNo, why}); };
    auto f = splitCsv(line);
    if (!f) {
      reject("unterminated quote");
      continue;
    }
    if (f->size() != 5) {
      reject("expected 5 fields, found " + std::to_string(f->size()));
      continue;
    }
    auto rec = recs->resolve((*f)[0]);
    if (!rec.ok()) {
      reject(rec.error().message);
      continue;
    }
    auto start = parseSeconds((*f)[1]);
    auto end = parseSeconds((*f)[2]);
    if (!start || !end) {
      reject("start and end must be seconds with at most six decimals ('" + (*f)[1] + "', '" +
             (*f)[2] + "')");
      continue;
    }
    if (*end <= *start) {
      reject("end " + (*f)[2] + " is not after start " + (*f)[1]);
      continue;
    }
    auto cls = resolver.cls((*f)[3]);
    if (!cls.ok()) {
      reject(cls.error().message);
      continue;
    }
    auto ann = resolver.annotator((*f)[4]);
    if (!ann.ok()) {
      reject(ann.error().message);
      continue;
    }
    SegmentLabel s;
    s.recordingId = *rec;
    const int64_t o = recs->origin(*rec);
    s.startUs = *start + o;
    s.endUs = *end + o;
    s.classId = *cls;
    s.annotatorId = *ann;
    s.source = LabelSource::Import;
    auto added = repo.addSegment(s);
    if (!added.ok()) return added.error().wrap(ctx + ", line " + std::to_string(lineNo));
    ++report.segments;
  }
  if (auto r = scope.commit(); !r.ok()) return r.error().wrap(ctx);
  return report;
}

// ---------------------------------------------------------------------------- JSON

namespace {
json optionalReal(const std::optional<double>& v) {
  return v ? json(*v) : json(nullptr);
}

struct SampleRef {
  std::string dataset;
  int64_t idx = 0;
};

Result<std::map<int64_t, SampleRef>> sampleRefs(store::Project& p) {
  auto q = store::detail::Statement::prepare(
      p.handle(),
      "SELECT s.id, d.name, s.idx FROM dataset_samples s JOIN datasets d ON d.id = s.dataset_id "
      "WHERE s.id IN (SELECT sample_id FROM item_labels UNION SELECT sample_id FROM adjudications "
      "WHERE sample_id IS NOT NULL)");
  if (!q.ok()) return q.error();
  std::map<int64_t, SampleRef> out;
  for (;;) {
    auto row = q->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    out[q->int64(0)] = {q->text(1), q->int64(2)};
  }
  return out;
}

Result<std::optional<int64_t>> sampleId(store::Project& p, const std::string& dataset,
                                        int64_t idx) {
  auto q = store::detail::Statement::prepare(
      p.handle(),
      "SELECT s.id FROM dataset_samples s JOIN datasets d ON d.id = s.dataset_id WHERE d.name = "
      "?1 AND s.idx = ?2");
  if (!q.ok()) return q.error();
  q->bind(1, std::string_view(dataset)).bind(2, idx);
  auto row = q->step();
  if (!row.ok()) return row.error();
  if (!row.value()) return std::optional<int64_t>();
  return std::optional<int64_t>(q->int64(0));
}
}  // namespace

Result<void> exportLabelsJson(const LabelRepository& repo, const std::string& path) {
  const std::string ctx = "exporting labels to " + path;
  auto recs = loadRecordings(repo.project());
  if (!recs.ok()) return recs.error().wrap(ctx);
  auto classes = repo.classes();
  auto annotators = repo.annotators();
  auto segs = repo.allSegments();
  auto items = repo.allItemLabels();
  auto refs = sampleRefs(repo.project());
  if (!classes.ok()) return classes.error().wrap(ctx);
  if (!annotators.ok()) return annotators.error().wrap(ctx);
  if (!segs.ok()) return segs.error().wrap(ctx);
  if (!items.ok()) return items.error().wrap(ctx);
  if (!refs.ok()) return refs.error().wrap(ctx);
  std::map<int64_t, std::string> cname, aname, sname;
  json doc;
  doc["format"] = "edgewise-labels";
  doc["version"] = 1;
  json cl = json::array();
  for (const auto& c : *classes) {
    cname[c.id] = c.name;
    cl.push_back({{"name", c.name},
                  {"color", c.color},
                  {"shortcut", c.shortcut ? json(c.shortcut) : json(nullptr)},
                  {"order", c.order}});
  }
  doc["schema"] = {{"classes", cl}};
  json an = json::array();
  for (const auto& a : *annotators) {
    aname[a.id] = a.name;
    an.push_back({{"name", a.name}, {"created_us", a.createdUs}});
  }
  doc["annotators"] = an;
  for (const auto& [id, r] : recs->byId) {
    auto streams = repo.project().recordings().streams(id);
    if (!streams.ok()) return streams.error().wrap(ctx);
    for (const auto& s : *streams) sname[s.id] = s.spec.deviceId + "/" + s.spec.topic;
  }
  json sg = json::array();
  for (const auto& s : *segs) {
    sg.push_back({{"recording", recs->ref(s.recordingId)},
                  {"stream", s.streamId ? json(sname[*s.streamId]) : json(nullptr)},
                  {"start_us", s.startUs},
                  {"end_us", s.endUs},
                  {"label", cname[s.classId]},
                  {"annotator", aname[s.annotatorId]},
                  {"created_us", s.createdUs},
                  {"updated_us", s.updatedUs},
                  {"confidence", optionalReal(s.confidence)},
                  {"source", sourceName(s.source)}});
  }
  doc["segments"] = sg;
  json it = json::array();
  for (const auto& l : *items) {
    const SampleRef& ref = (*refs)[l.sampleId];
    it.push_back({{"dataset", ref.dataset},
                  {"sample_idx", ref.idx},
                  {"label", cname[l.classId]},
                  {"annotator", aname[l.annotatorId]},
                  {"created_us", l.createdUs},
                  {"updated_us", l.updatedUs},
                  {"confidence", optionalReal(l.confidence)},
                  {"source", sourceName(l.source)}});
  }
  doc["items"] = it;
  auto adjs = repo.allAdjudications();
  if (!adjs.ok()) return adjs.error().wrap(ctx);
  json ad = json::array();
  for (const auto& a : *adjs) {
    json j = {
        {"label", cname[a.classId]},
        {"adjudicator", aname[a.adjudicatorId]},
        {"accepted", a.acceptedAnnotatorId ? json(aname[*a.acceptedAnnotatorId]) : json(nullptr)},
        {"created_us", a.createdUs}};
    if (a.sampleId) {
      const SampleRef& ref = (*refs)[*a.sampleId];
      j["dataset"] = ref.dataset;
      j["sample_idx"] = ref.idx;
    } else {
      j["recording"] = recs->ref(*a.recordingId);
      j["start_us"] = a.startUs;
      j["end_us"] = a.endUs;
    }
    ad.push_back(j);
  }
  doc["adjudications"] = ad;
  if (auto r = writeFileAtomically(path, doc.dump(1) + "\n"); !r.ok()) return r.error().wrap(ctx);
  return okResult();
}

Result<LabelImportReport> importLabelsJson(LabelRepository& repo, const std::string& path,
                                           const LabelImportOptions& options) {
  const std::string ctx = "importing labels from " + path;
  auto text = readFile(path);
  if (!text.ok()) return text.error().wrap(ctx);
  const json doc = json::parse(*text, nullptr, false);
  if (doc.is_discarded()) return Error("not valid JSON", ctx);
  if (!doc.is_object() || doc.value("format", std::string()) != "edgewise-labels") {
    return Error("not an Edgewise labels file (\"format\": \"edgewise-labels\" missing)", ctx);
  }
  if (doc.value("version", 0) != 1) return Error("unsupported labels file version", ctx);
  auto recs = loadRecordings(repo.project());
  if (!recs.ok()) return recs.error().wrap(ctx);
  LabelImportReport report;
  Resolver resolver{repo, options, report, {}, {}};
  store::detail::WriteScope scope(repo.project().handle());
  EW_TRY(scope.begin());
  if (auto r = resolver.load(); !r.ok()) return r.error().wrap(ctx);
  try {
    // The schema first, so colors and shortcuts come along with the names.
    if (doc.contains("schema") && doc["schema"].contains("classes")) {
      const json& cl = doc["schema"]["classes"];
      for (size_t i = 0; i < cl.size(); ++i) {
        const json& c = cl[i];
        const std::string name = c.value("name", std::string());
        if (resolver.classes.count(name)) continue;
        const int key = c.contains("shortcut") && c["shortcut"].is_number_integer()
                            ? c["shortcut"].get<int>()
                            : 0;
        auto id = resolver.cls(name, c.value("color", std::string()), key);
        if (!id.ok())
          report.rejected.push_back({static_cast<int64_t>(i), "class: " + id.error().message});
      }
    }
    if (doc.contains("annotators")) {
      for (const json& a : doc["annotators"]) {
        const std::string name = a.value("name", std::string());
        if (!resolver.annotators.count(name) && options.createAnnotators) {
          (void)resolver.annotator(name);
        }
      }
    }
    std::map<std::string, int64_t> streamIds;  // "recId:device/topic"
    const json segs = doc.value("segments", json::array());
    for (size_t i = 0; i < segs.size(); ++i) {
      const json& s = segs[i];
      auto reject = [&](const std::string& why) {
        report.rejected.push_back({static_cast<int64_t>(i), "segment: " + why});
      };
      if (!s.is_object() || !s.contains("start_us") || !s.contains("end_us") ||
          !s["start_us"].is_number_integer() || !s["end_us"].is_number_integer()) {
        reject("needs integer start_us and end_us");
        continue;
      }
      auto rec = recs->resolve(s.value("recording", std::string()));
      if (!rec.ok()) {
        reject(rec.error().message);
        continue;
      }
      SegmentLabel row;
      row.recordingId = *rec;
      row.startUs = s["start_us"].get<int64_t>();
      row.endUs = s["end_us"].get<int64_t>();
      if (row.endUs <= row.startUs) {
        reject("end_us is not after start_us");
        continue;
      }
      auto cls = resolver.cls(s.value("label", std::string()));
      if (!cls.ok()) {
        reject(cls.error().message);
        continue;
      }
      auto ann = resolver.annotator(s.value("annotator", std::string()));
      if (!ann.ok()) {
        reject(ann.error().message);
        continue;
      }
      row.classId = *cls;
      row.annotatorId = *ann;
      row.createdUs = s.value("created_us", int64_t{0});
      row.updatedUs = s.value("updated_us", int64_t{0});
      if (s.contains("confidence") && s["confidence"].is_number()) {
        row.confidence = s["confidence"].get<double>();
      }
      auto src = sourceFromName(s.value("source", std::string("import")));
      if (!src) {
        reject("unknown source '" + s.value("source", std::string()) + "'");
        continue;
      }
      row.source = *src;
      if (s.contains("stream") && s["stream"].is_string()) {
        const std::string want = s["stream"].get<std::string>();
        auto streams = repo.project().recordings().streams(*rec);
        if (!streams.ok()) return streams.error().wrap(ctx);
        for (const auto& st : *streams) {
          if (st.spec.deviceId + "/" + st.spec.topic == want) row.streamId = st.id;
        }
        if (!row.streamId) {
          reject("recording has no stream '" + want + "'");
          continue;
        }
      }
      auto added = repo.addSegment(row);
      if (!added.ok()) {
        reject(added.error().message);
        continue;
      }
      ++report.segments;
    }
    const json items = doc.value("items", json::array());
    for (size_t i = 0; i < items.size(); ++i) {
      const json& s = items[i];
      auto reject = [&](const std::string& why) {
        report.rejected.push_back({static_cast<int64_t>(i), "item: " + why});
      };
      if (!s.is_object() || !s.contains("sample_idx") || !s["sample_idx"].is_number_integer()) {
        reject("needs an integer sample_idx");
        continue;
      }
      auto sid = sampleId(repo.project(), s.value("dataset", std::string()),
                          s["sample_idx"].get<int64_t>());
      if (!sid.ok()) return sid.error().wrap(ctx);
      if (!*sid) {
        reject("no sample " + std::to_string(s["sample_idx"].get<int64_t>()) + " in dataset '" +
               s.value("dataset", std::string()) + "'");
        continue;
      }
      auto cls = resolver.cls(s.value("label", std::string()));
      if (!cls.ok()) {
        reject(cls.error().message);
        continue;
      }
      auto ann = resolver.annotator(s.value("annotator", std::string()));
      if (!ann.ok()) {
        reject(ann.error().message);
        continue;
      }
      ItemLabel row;
      row.sampleId = **sid;
      row.classId = *cls;
      row.annotatorId = *ann;
      row.createdUs = s.value("created_us", int64_t{0});
      row.updatedUs = s.value("updated_us", int64_t{0});
      if (s.contains("confidence") && s["confidence"].is_number()) {
        row.confidence = s["confidence"].get<double>();
      }
      row.source =
          sourceFromName(s.value("source", std::string("import"))).value_or(LabelSource::Import);
      (void)repo.removeItemLabel(row.sampleId, row.annotatorId);  // the file's label wins
      if (auto r = repo.restoreItem(row); !r.ok()) {
        reject(r.error().message);
        continue;
      }
      ++report.items;
    }
    const json adjs = doc.value("adjudications", json::array());
    for (size_t i = 0; i < adjs.size(); ++i) {
      const json& j = adjs[i];
      auto reject = [&](const std::string& why) {
        report.rejected.push_back({static_cast<int64_t>(i), "adjudication: " + why});
      };
      if (!j.is_object()) {
        reject("not an object");
        continue;
      }
      Adjudication a;
      if (j.contains("sample_idx") && j["sample_idx"].is_number_integer()) {
        auto sid = sampleId(repo.project(), j.value("dataset", std::string()),
                            j["sample_idx"].get<int64_t>());
        if (!sid.ok()) return sid.error().wrap(ctx);
        if (!*sid) {
          reject("no such sample in dataset '" + j.value("dataset", std::string()) + "'");
          continue;
        }
        a.sampleId = **sid;
      } else if (j.contains("start_us") && j.contains("end_us") &&
                 j["start_us"].is_number_integer() && j["end_us"].is_number_integer()) {
        auto rec = recs->resolve(j.value("recording", std::string()));
        if (!rec.ok()) {
          reject(rec.error().message);
          continue;
        }
        a.recordingId = *rec;
        a.startUs = j["start_us"].get<int64_t>();
        a.endUs = j["end_us"].get<int64_t>();
        if (a.endUs <= a.startUs) {
          reject("end_us is not after start_us");
          continue;
        }
      } else {
        reject("needs dataset + sample_idx or recording + start_us + end_us");
        continue;
      }
      auto cls = resolver.cls(j.value("label", std::string()));
      auto by = resolver.annotator(j.value("adjudicator", std::string()));
      if (!cls.ok() || !by.ok()) {
        reject(!cls.ok() ? cls.error().message : by.error().message);
        continue;
      }
      a.classId = *cls;
      a.adjudicatorId = *by;
      if (j.contains("accepted") && j["accepted"].is_string()) {
        auto acc = resolver.annotator(j["accepted"].get<std::string>());
        if (acc.ok()) a.acceptedAnnotatorId = *acc;
      }
      a.createdUs = j.value("created_us", int64_t{0});
      if (a.sampleId) {
        // One adjudication per item: the file's decision replaces one already there.
        auto existing = repo.itemAdjudicationOf(*a.sampleId);
        if (!existing.ok()) return existing.error().wrap(ctx);
        if (*existing) EW_TRY(repo.removeAdjudication((*existing)->id));
      }
      if (auto r = repo.restoreAdjudication(a); !r.ok()) {
        reject(r.error().message);
        continue;
      }
      ++report.adjudications;
    }
  } catch (const json::exception& e) {
    return Error(std::string("malformed labels file: ") + e.what(), ctx);
  }
  if (auto r = scope.commit(); !r.ok()) return r.error().wrap(ctx);
  return report;
}

// ---------------------------------------------------------------------------- Edge Impulse

namespace {

std::string fileStem(const std::string& name) {
  std::string out;
  for (char c : name) {
    out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
  }
  return out.empty() ? std::string("recording") : out;
}

struct MsLabel {
  std::string label;
  int64_t start = 0;  // inclusive ms
  int64_t end = 0;    // inclusive ms
};

}  // namespace

Result<std::vector<std::string>> exportEdgeImpulse(const LabelRepository& repo,
                                                   const std::vector<int64_t>& recordingIds,
                                                   const std::string& dir,
                                                   const EdgeImpulseOptions& options) {
  const std::string ctx = "exporting Edge Impulse files to " + dir;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Error("cannot create " + dir + ": " + ec.message(), ctx);
  auto recs = loadRecordings(repo.project());
  if (!recs.ok()) return recs.error().wrap(ctx);
  auto classes = repo.classes();
  if (!classes.ok()) return classes.error().wrap(ctx);
  std::map<int64_t, std::string> cname;
  for (const auto& c : *classes) cname[c.id] = c.name;
  json files = json::array();
  json structured = json::object();
  std::vector<std::string> written;
  for (int64_t id : recordingIds) {
    if (!recs->byId.count(id)) return Error("no recording " + std::to_string(id), ctx);
    const store::RecordingSummary& rec = recs->byId.at(id);
    const int64_t origin = recs->origin(id);
    // Labels as [start, end) microseconds from the recording start.
    std::vector<std::pair<std::pair<int64_t, int64_t>, std::string>> spans;
    if (options.annotatorId) {
      auto segs = repo.segments(id, *options.annotatorId);
      if (!segs.ok()) return segs.error().wrap(ctx);
      for (const auto& s : *segs) {
        spans.push_back({{s.startUs - origin, s.endUs - origin}, cname[s.classId]});
      }
    } else {
      EffectivePolicy policy;
      policy.frameMs = options.frameMs;
      auto segs = effectiveSegments(repo, id, policy);
      if (!segs.ok()) return segs.error().wrap(ctx);
      for (const auto& s : *segs)
        spans.push_back({{s.startUs - origin, s.endUs - origin}, s.className});
    }
    // Values of the first time-series stream.
    json sensors = json::array(), values = json::array();
    double intervalMs = 0;
    std::string device = "edgewise";
    auto streams = repo.project().recordings().streams(id);
    if (!streams.ok()) return streams.error().wrap(ctx);
    for (const auto& st : *streams) {
      if (st.spec.kind != store::StreamKind::TimeSeries) continue;
      auto data = repo.project().recordings().readStream(st.id);
      if (!data.ok()) return data.error().wrap(ctx);
      device = st.spec.deviceId;
      for (size_t c = 0; c < static_cast<size_t>(data->channelCount); ++c) {
        const std::string name =
            c < st.spec.channelNames.size() ? st.spec.channelNames[c] : "ch" + std::to_string(c);
        const std::string unit = c < st.spec.units.size() ? st.spec.units[c] : std::string("N/A");
        sensors.push_back({{"name", name}, {"units", unit}});
      }
      const size_t n = data->timestampsUs.size();
      const auto cc = static_cast<size_t>(data->channelCount);
      for (size_t i = 0; i < n; ++i) {
        json row = json::array();
        for (size_t c = 0; c < cc; ++c) row.push_back(data->values[i * cc + c]);
        values.push_back(row);
      }
      if (n >= 2) {
        std::vector<int64_t> d;
        for (size_t i = 1; i < n; ++i)
          d.push_back(data->timestampsUs[i] - data->timestampsUs[i - 1]);
        std::nth_element(d.begin(), d.begin() + static_cast<std::ptrdiff_t>(d.size() / 2), d.end());
        intervalMs = d[d.size() / 2] / 1000.0;
      } else if (st.spec.sampleRateHz > 0) {
        intervalMs = 1000.0 / st.spec.sampleRateHz;
      }
      break;
    }
    json acq = {{"protected", {{"ver", "v1"}, {"alg", "none"}}},
                {"signature", std::string(64, '0')},
                {"payload",
                 {{"device_name", device},
                  {"device_type", "edgewise"},
                  {"interval_ms", intervalMs},
                  {"sensors", sensors},
                  {"values", values}}}};
    const std::string file = fileStem(rec.name) + "." + std::to_string(id) + ".json";
    if (auto r =
            writeFileAtomically((std::filesystem::path(dir) / file).string(), acq.dump() + "\n");
        !r.ok()) {
      return r.error().wrap(ctx);
    }
    written.push_back(file);
    // Contiguous inclusive millisecond ranges, gaps filled with gapLabel.
    int64_t totalUs = rec.sampleCount > 0 ? rec.endUs - rec.startUs : 0;
    for (const auto& s : spans) totalUs = std::max(totalUs, s.first.second);
    const int64_t totalMs = (totalUs + 999) / 1000;
    std::vector<MsLabel> ms;
    int64_t cursor = 0;
    for (const auto& [span, label] : spans) {
      const int64_t s = std::max<int64_t>(0, span.first) / 1000;
      const int64_t e = (std::max<int64_t>(0, span.second) + 999) / 1000 - 1;
      if (e < cursor) continue;
      if (s > cursor) ms.push_back({options.gapLabel, cursor, s - 1});
      ms.push_back({label, std::max(s, cursor), e});
      cursor = e + 1;
    }
    if (cursor < totalMs) ms.push_back({options.gapLabel, cursor, totalMs - 1});
    json labels = json::array();
    for (const auto& l : ms) {
      labels.push_back({{"label", l.label}, {"startIndex", l.start}, {"endIndex", l.end}});
    }
    json entry = {{"path", file}, {"name", rec.name}, {"category", options.category}};
    entry["label"] = labels.empty() ? json{{"type", "unlabeled"}}
                                    : json{{"type", "multi-label"}, {"labels", labels}};
    files.push_back(entry);
    structured[file] = labels;
  }
  const json info = {{"version", 1}, {"files", files}};
  const json sl = {{"version", 1}, {"type", "structured-labels"}, {"structuredLabels", structured}};
  if (auto r = writeFileAtomically((std::filesystem::path(dir) / "info.labels").string(),
                                   info.dump(1) + "\n");
      !r.ok()) {
    return r.error().wrap(ctx);
  }
  if (auto r = writeFileAtomically(
          (std::filesystem::path(dir) / "structured_labels.labels").string(), sl.dump(1) + "\n");
      !r.ok()) {
    return r.error().wrap(ctx);
  }
  return written;
}

Result<LabelImportReport> importEdgeImpulse(LabelRepository& repo, const std::string& labelsFile,
                                            const std::string& annotator,
                                            const std::string& gapLabel,
                                            const LabelImportOptions& options) {
  const std::string ctx = "importing Edge Impulse labels from " + labelsFile;
  auto text = readFile(labelsFile);
  if (!text.ok()) return text.error().wrap(ctx);
  const json doc = json::parse(*text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return Error("not valid JSON", ctx);
  auto recs = loadRecordings(repo.project());
  if (!recs.ok()) return recs.error().wrap(ctx);
  // (file path, sample name, labels) per entry.
  struct Entry {
    std::string path, name;
    json labels;
    std::string single;  // type "label"
  };
  std::vector<Entry> entries;
  try {
    if (doc.contains("files") && doc["files"].is_array()) {
      for (const json& f : doc["files"]) {
        Entry e;
        e.path = f.value("path", std::string());
        e.name = f.value("name", std::string());
        if (f.contains("label") && f["label"].is_object()) {
          const std::string type = f["label"].value("type", std::string());
          if (type == "multi-label") e.labels = f["label"].value("labels", json::array());
          if (type == "label") e.single = f["label"].value("label", std::string());
        }
        entries.push_back(std::move(e));
      }
    } else if (doc.value("type", std::string()) == "structured-labels" &&
               doc.contains("structuredLabels") && doc["structuredLabels"].is_object()) {
      for (const auto& [file, labels] : doc["structuredLabels"].items()) {
        entries.push_back({file, std::string(), labels, std::string()});
      }
    } else {
      return Error("neither an info.labels (\"files\") nor a structured labels file", ctx);
    }
  } catch (const json::exception& e) {
    return Error(std::string("malformed labels file: ") + e.what(), ctx);
  }
  LabelImportReport report;
  Resolver resolver{repo, options, report, {}, {}};
  store::detail::WriteScope scope(repo.project().handle());
  EW_TRY(scope.begin());
  if (auto r = resolver.load(); !r.ok()) return r.error().wrap(ctx);
  auto ann = resolver.annotator(annotator);
  if (!ann.ok()) return ann.error().wrap(ctx);
  for (size_t i = 0; i < entries.size(); ++i) {
    const Entry& e = entries[i];
    auto reject = [&](const std::string& why) {
      report.rejected.push_back({static_cast<int64_t>(i), e.path + ": " + why});
    };
    // Recording: by sample name, else the id in "<stem>.<id>.json", else the stem.
    std::optional<int64_t> rec;
    if (!e.name.empty()) {
      if (auto r = recs->resolve(e.name); r.ok()) rec = *r;
    }
    const std::string base = std::filesystem::path(e.path).filename().string();
    std::string stem = base;
    if (stem.size() > 5 && stem.compare(stem.size() - 5, 5, ".json") == 0) {
      stem.resize(stem.size() - 5);
    }
    if (!rec) {
      const size_t dot = stem.rfind('.');
      if (dot != std::string::npos) {
        try {
          const int64_t id = std::stoll(stem.substr(dot + 1));
          if (recs->byId.count(id)) rec = id;
        } catch (const std::exception&) {
        }
      }
    }
    if (!rec) {
      if (auto r = recs->resolve(stem); r.ok()) rec = *r;
    }
    if (!rec) {
      reject("no recording matches it");
      continue;
    }
    const int64_t origin = recs->origin(*rec);
    std::vector<MsLabel> ms;
    if (!e.single.empty()) {
      const store::RecordingSummary& r = recs->byId.at(*rec);
      const int64_t totalMs = r.sampleCount > 0 ? (r.endUs - r.startUs + 999) / 1000 : 0;
      if (totalMs <= 0) {
        reject("a whole-sample label needs a recording with samples");
        continue;
      }
      ms.push_back({e.single, 0, totalMs - 1});
    }
    bool bad = false;
    for (size_t k = 0; k < e.labels.size(); ++k) {
      const json& l = e.labels[k];
      if (!l.is_object() || !l.contains("startIndex") || !l.contains("endIndex") ||
          !l["startIndex"].is_number_integer() || !l["endIndex"].is_number_integer() ||
          !l.contains("label") || !l["label"].is_string()) {
        reject("label " + std::to_string(k) + " needs label, startIndex and endIndex");
        bad = true;
        break;
      }
      MsLabel m{l["label"].get<std::string>(), l["startIndex"].get<int64_t>(),
                l["endIndex"].get<int64_t>()};
      if (m.start < 0 || m.end < m.start) {
        reject("label " + std::to_string(k) + " has endIndex before startIndex");
        bad = true;
        break;
      }
      ms.push_back(std::move(m));
    }
    if (bad) continue;
    for (const auto& m : ms) {
      if (m.label == gapLabel) continue;
      auto cls = resolver.cls(m.label);
      if (!cls.ok()) {
        reject(cls.error().message);
        continue;
      }
      SegmentLabel s;
      s.recordingId = *rec;
      s.startUs = origin + m.start * 1000;
      s.endUs = origin + (m.end + 1) * 1000;
      s.classId = *cls;
      s.annotatorId = *ann;
      s.source = LabelSource::Import;
      auto added = repo.addSegment(s);
      if (!added.ok()) return added.error().wrap(ctx);
      ++report.segments;
    }
  }
  if (auto r = scope.commit(); !r.ok()) return r.error().wrap(ctx);
  return report;
}

}  // namespace edgewise::labeling
