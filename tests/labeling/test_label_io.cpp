// CSV / JSON / Edge Impulse round trips and bad input.
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/labeling/label_io.h"
#include "test_labeling_common.h"

namespace edgewise::labeling::test {
namespace {

void writeText(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}
std::string readText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(Seconds, FormatAndParseAreExact) {
  EXPECT_EQ(formatSeconds(0), "0.000000");
  EXPECT_EQ(formatSeconds(12'000'250), "12.000250");
  EXPECT_EQ(formatSeconds(-500'000), "-0.500000");
  EXPECT_EQ(*parseSeconds("12.000250"), 12'000'250);
  EXPECT_EQ(*parseSeconds("3"), 3'000'000);
  EXPECT_EQ(*parseSeconds("-0.5"), -500'000);
  EXPECT_EQ(*parseSeconds(".25"), 250'000);
  EXPECT_FALSE(parseSeconds("1.0000001").has_value());
  EXPECT_FALSE(parseSeconds("1e3").has_value());
  EXPECT_FALSE(parseSeconds("").has_value());
  EXPECT_FALSE(parseSeconds("abc").has_value());
  for (int64_t us : {int64_t{1}, int64_t{999'999}, int64_t{123'456'789'012}, int64_t{-7}}) {
    EXPECT_EQ(*parseSeconds(formatSeconds(us)), us);
  }
}

class LabelIoTest : public LabelTest {
 protected:
  // Two recordings, two annotators, three classes, a few segments with odd microseconds.
  void fill() {
    m_walk = m_repo->addClass("walk", "#ff0000", 1)->id;
    m_run = m_repo->addClass("run, fast", "#00ff00", 2)->id;  // a comma: quoted in CSV
    m_idle = m_repo->addClass("idle")->id;
    m_r1 = makeRecording("walk 1");
    m_r2 = makeRecording("walk 2", 500, 5'000'000, 20'000);
    m_ann = m_repo->addAnnotator("ann")->id;
    m_bob = m_repo->addAnnotator("bob")->id;
    auto add = [&](int64_t rec, int64_t s, int64_t e, int64_t c, int64_t a) {
      ASSERT_TRUE(m_repo->addSegment(seg(rec, s, e, c, a)).ok());
    };
    add(m_r1, 1'000'001, 2'500'003, m_walk, m_ann);
    add(m_r1, 2'500'003, 4'000'000, m_run, m_ann);
    add(m_r1, 1'200'000, 3'000'000, m_walk, m_bob);
    add(m_r2, 5'000'000, 6'000'000, m_idle, m_bob);
  }
  // The rows a CSV carries, by names and offsets from each recording's start.
  static std::vector<std::string> rows(LabelRepository& repo) {
    std::vector<std::string> out;
    auto recs = repo.project().recordings().list();
    for (const auto& s : *repo.allSegments()) {
      std::string name;
      int64_t origin = 0;
      for (const auto& r : *recs) {
        if (r.id == s.recordingId) name = r.name, origin = r.startUs;
      }
      out.push_back(name + "|" + std::to_string(s.startUs - origin) + "|" +
                    std::to_string(s.endUs - origin) + "|" + repo.classById(s.classId)->name + "|" +
                    repo.annotatorById(s.annotatorId)->name);
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  // A second project with the same recordings (as the labels' destination).
  std::unique_ptr<store::Project> otherProject(const char* file) {
    auto p = store::Project::open(path(file));
    EXPECT_TRUE(p.ok());
    std::swap(m_project, p.value());
    auto saved = std::move(m_repo);
    m_repo = std::make_unique<LabelRepository>(*m_project);
    makeRecording("walk 1");
    makeRecording("walk 2", 500, 5'000'000, 20'000);
    std::swap(m_project, p.value());
    m_repo = std::move(saved);
    return std::move(p.value());
  }
  int64_t m_walk = 0, m_run = 0, m_idle = 0, m_r1 = 0, m_r2 = 0, m_ann = 0, m_bob = 0;
};

TEST_F(LabelIoTest, CsvRoundTripIsExact) {
  fill();
  const std::string file = path("labels.csv");
  EW_ASSERT_OK(exportLabelsCsv(*m_repo, file));
  const std::string text = readText(file);
  EXPECT_EQ(text.substr(0, text.find('\n')), "recording,start,end,label,annotator");
  EXPECT_NE(text.find("walk 1,0.000001,1.500003,walk,ann"), std::string::npos) << text;
  EXPECT_NE(text.find("\"run, fast\""), std::string::npos);
  auto other = otherProject("other.edgewise");
  LabelRepository repo2(*other);
  auto report = importLabelsCsv(repo2, file);
  EW_ASSERT_OK(report);
  EXPECT_EQ(report->segments, 4);
  EXPECT_EQ(report->classesCreated, 3);
  EXPECT_EQ(report->annotatorsCreated, 2);
  EXPECT_TRUE(report->rejected.empty());
  EXPECT_EQ(rows(repo2), rows(*m_repo));
  // Export again from the copy: the same bytes.
  const std::string file2 = path("labels2.csv");
  EW_ASSERT_OK(exportLabelsCsv(repo2, file2));
  EXPECT_EQ(readText(file2), text);
}

TEST_F(LabelIoTest, CsvBadRowsAreReportedAndFatalErrorsImportNothing) {
  fill();
  const size_t before = m_repo->allSegments()->size();
  const std::string bad = path("bad.csv");
  writeText(bad,
            "recording,start,end,label,annotator\n"
            "walk 1,1.0,2.0,walk,carl\n"     // ok (new annotator)
            "nowhere,1.0,2.0,walk,ann\n"     // unknown recording
            "walk 1,2.0,1.0,walk,ann\n"      // end before start
            "walk 1,1.0000001,2,walk,ann\n"  // more than microseconds
            "walk 1,1,2,walk\n"              // 4 fields
            "walk 1,x,2,walk,ann\n"          // not a number
            "\"walk 1,1,2,walk,ann\n"        // unterminated quote
            "walk 2,2.5,2.75,jump,bob\n");   // ok (new class, no overlap)
  auto report = importLabelsCsv(*m_repo, bad);
  EW_ASSERT_OK(report);
  EXPECT_EQ(report->segments, 2);
  ASSERT_EQ(report->rejected.size(), 6u);
  EXPECT_EQ(report->rejected[0].row, 3);
  EXPECT_NE(report->rejected[0].reason.find("no recording named 'nowhere'"), std::string::npos);
  EXPECT_NE(report->rejected[1].reason.find("not after start"), std::string::npos);
  EXPECT_NE(report->rejected[2].reason.find("six decimals"), std::string::npos);
  EXPECT_NE(report->rejected[3].reason.find("expected 5 fields"), std::string::npos);
  EXPECT_NE(report->rejected[5].reason.find("quote"), std::string::npos);
  EXPECT_EQ(m_repo->allSegments()->size(), before + 2);

  // Unknown classes refused when creation is off.
  LabelImportOptions strict;
  strict.createClasses = false;
  writeText(bad, "recording,start,end,label,annotator\nwalk 2,0,1,swim,bob\n");
  auto r2 = importLabelsCsv(*m_repo, bad, strict);
  EW_ASSERT_OK(r2);
  EXPECT_EQ(r2->segments, 0);
  ASSERT_EQ(r2->rejected.size(), 1u);
  EXPECT_NE(r2->rejected[0].reason.find("unknown label 'swim'"), std::string::npos);

  // Fatal: wrong header, missing file. Nothing is imported.
  writeText(bad, "rec,begin,end\nwalk 1,1,2\n");
  auto fatal = importLabelsCsv(*m_repo, bad);
  ASSERT_FALSE(fatal.ok());
  EXPECT_NE(fatal.error().message.find("first line"), std::string::npos);
  EXPECT_FALSE(importLabelsCsv(*m_repo, path("missing.csv")).ok());
  EXPECT_EQ(m_repo->allSegments()->size(), before + 2);
}

TEST_F(LabelIoTest, JsonRoundTripKeepsEveryField) {
  fill();
  SegmentLabel s = seg(m_r2, 7'000'000, 7'500'000, m_run, m_ann);
  s.confidence = 0.625;
  s.source = LabelSource::Model;
  s.streamId = m_lastStream;
  EW_ASSERT_OK(m_repo->addSegment(s));
  const auto samples = makeDataset("digits", 3);
  EW_ASSERT_OK(m_repo->setItemLabel(samples[2], m_idle, m_bob, LabelSource::Suggestion, 0.5));
  EW_ASSERT_OK(m_repo->adjudicateItem(samples[2], m_walk, m_ann, m_bob));
  EW_ASSERT_OK(m_repo->adjudicateRange(m_r1, 1'500'000, 2'000'000, m_run, m_bob));
  const std::string file = path("labels.json");
  EW_ASSERT_OK(exportLabelsJson(*m_repo, file));

  auto other = otherProject("other.edgewise");
  {
    LabelRepository tmp(*other);
    (void)tmp;
  }
  // The destination needs the dataset too (items are matched by dataset name and index).
  std::swap(m_project, other);
  makeDataset("digits", 3);
  std::swap(m_project, other);
  LabelRepository repo2(*other);
  auto report = importLabelsJson(repo2, file);
  EW_ASSERT_OK(report);
  EXPECT_TRUE(report->rejected.empty()) << report->rejected.front().reason;
  EXPECT_EQ(report->segments, 5);
  EXPECT_EQ(report->items, 1);
  EXPECT_EQ(report->adjudications, 2);
  auto a1 = *m_repo->allAdjudications(), a2 = *repo2.allAdjudications();
  ASSERT_EQ(a2.size(), 2u);
  EXPECT_EQ(a2[0].createdUs, a1[0].createdUs);
  EXPECT_EQ(repo2.annotatorById(*a2[0].acceptedAnnotatorId)->name, "bob");
  EXPECT_EQ(a2[1].startUs, 1'500'000);
  EXPECT_EQ(repo2.classById(a2[1].classId)->name, "run, fast");
  // Classes with colors, keys and order; segments and items field by field except ids.
  auto c1 = *m_repo->classes(), c2 = *repo2.classes();
  ASSERT_EQ(c1.size(), c2.size());
  for (size_t i = 0; i < c1.size(); ++i) {
    EXPECT_EQ(c1[i].name, c2[i].name);
    EXPECT_EQ(c1[i].color, c2[i].color);
    EXPECT_EQ(c1[i].shortcut, c2[i].shortcut);
    EXPECT_EQ(c1[i].order, c2[i].order);
  }
  auto s1 = *m_repo->allSegments(), s2 = *repo2.allSegments();
  ASSERT_EQ(s1.size(), s2.size());
  for (size_t i = 0; i < s1.size(); ++i) {
    SegmentLabel a = s1[i], b = s2[i];
    EXPECT_EQ(a.startUs, b.startUs);
    EXPECT_EQ(a.endUs, b.endUs);
    EXPECT_EQ(a.createdUs, b.createdUs);
    EXPECT_EQ(a.updatedUs, b.updatedUs);
    EXPECT_EQ(a.confidence, b.confidence);
    EXPECT_EQ(a.source, b.source);
    EXPECT_EQ(a.streamId.has_value(), b.streamId.has_value());
    EXPECT_EQ(m_repo->classById(a.classId)->name, repo2.classById(b.classId)->name);
  }
  auto i2 = *repo2.allItemLabels();
  ASSERT_EQ(i2.size(), 1u);
  EXPECT_EQ(i2[0].source, LabelSource::Suggestion);
  EXPECT_EQ(*i2[0].confidence, 0.5);
  EXPECT_EQ(i2[0].createdUs, m_repo->allItemLabels()->front().createdUs);
  // Export from the copy gives the same document (ids are not in it).
  const std::string file2 = path("labels2.json");
  EW_ASSERT_OK(exportLabelsJson(repo2, file2));
  auto j1 = nlohmann::json::parse(readText(file)), j2 = nlohmann::json::parse(readText(file2));
  j1.erase("annotators");  // creation times of the annotators differ
  j2.erase("annotators");
  EXPECT_EQ(j1, j2);

  // Bad input.
  writeText(file2, "{not json");
  EXPECT_FALSE(importLabelsJson(repo2, file2).ok());
  writeText(file2, R"({"format": "other"})");
  EXPECT_NE(importLabelsJson(repo2, file2).error().message.find("edgewise-labels"),
            std::string::npos);
  writeText(file2, R"({"format": "edgewise-labels", "version": 1, "segments": [
      {"recording": "walk 1", "start_us": 5, "end_us": 2, "label": "walk", "annotator": "ann"},
      {"recording": "walk 1", "start_us": "5", "end_us": 9, "label": "walk", "annotator": "ann"},
      {"recording": "walk 1", "start_us": 1, "end_us": 9, "label": "walk", "annotator": "ann",
       "source": "guess"}]})");
  auto r = importLabelsJson(repo2, file2);
  EW_ASSERT_OK(r);
  EXPECT_EQ(r->segments, 0);
  ASSERT_EQ(r->rejected.size(), 3u);
  EXPECT_NE(r->rejected[2].reason.find("unknown source"), std::string::npos);
}

TEST_F(LabelIoTest, EdgeImpulseRoundTripOnWholeMilliseconds) {
  m_walk = m_repo->addClass("walk")->id;
  m_run = m_repo->addClass("run")->id;
  m_r1 = makeRecording("walk 1", 1000, 1'000'000, 10'000);  // 9.99 s
  m_ann = m_repo->addAnnotator("ann")->id;
  const int64_t t0 = 1'000'000;
  EW_ASSERT_OK(m_repo->addSegment(seg(m_r1, t0 + 500'000, t0 + 2'000'000, m_walk, m_ann)));
  EW_ASSERT_OK(m_repo->addSegment(seg(m_r1, t0 + 2'000'000, t0 + 3'250'000, m_run, m_ann)));
  const std::string dir = path("ei");
  EdgeImpulseOptions eo;
  eo.annotatorId = m_ann;
  auto files = exportEdgeImpulse(*m_repo, {m_r1}, dir, eo);
  EW_ASSERT_OK(files);
  ASSERT_EQ(files->size(), 1u);
  EXPECT_EQ(files->front(), "walk_1." + std::to_string(m_r1) + ".json");
  // Data acquisition file: payload with interval, sensors and values.
  auto acq = nlohmann::json::parse(readText(dir + "/" + files->front()));
  EXPECT_EQ(acq["protected"]["ver"], "v1");
  EXPECT_EQ(acq["protected"]["alg"], "none");
  EXPECT_DOUBLE_EQ(acq["payload"]["interval_ms"].get<double>(), 10.0);
  EXPECT_EQ(acq["payload"]["sensors"][1]["name"], "y");
  EXPECT_EQ(acq["payload"]["values"].size(), 1000u);
  EXPECT_DOUBLE_EQ(acq["payload"]["values"][4][0].get<double>(), 2.0);
  // info.labels: contiguous inclusive ms ranges, gaps filled.
  auto info = nlohmann::json::parse(readText(dir + "/info.labels"));
  const auto& labels = info["files"][0]["label"]["labels"];
  EXPECT_EQ(info["files"][0]["label"]["type"], "multi-label");
  ASSERT_EQ(labels.size(), 4u);
  EXPECT_EQ(labels[0],
            (nlohmann::json{{"label", "unlabeled"}, {"startIndex", 0}, {"endIndex", 499}}));
  EXPECT_EQ(labels[1],
            (nlohmann::json{{"label", "walk"}, {"startIndex", 500}, {"endIndex", 1999}}));
  EXPECT_EQ(labels[2],
            (nlohmann::json{{"label", "run"}, {"startIndex", 2000}, {"endIndex", 3249}}));
  EXPECT_EQ(labels[3]["endIndex"], 9989);
  auto structured = nlohmann::json::parse(readText(dir + "/structured_labels.labels"));
  EXPECT_EQ(structured["type"], "structured-labels");
  EXPECT_EQ(structured["structuredLabels"][files->front()], labels);

  // Import both files back under another annotator: the same segments.
  const auto mine = *m_repo->segments(m_r1, m_ann);
  for (const char* f : {"info.labels", "structured_labels.labels"}) {
    const std::string who = std::string("ei-") + f;
    auto report = importEdgeImpulse(*m_repo, dir + "/" + f, who);
    EW_ASSERT_OK(report);
    EXPECT_EQ(report->segments, 2);
    EXPECT_TRUE(report->rejected.empty());
    auto back = *m_repo->segments(m_r1, m_repo->annotatorByName(who)->id);
    ASSERT_EQ(back.size(), mine.size());
    for (size_t i = 0; i < back.size(); ++i) {
      EXPECT_EQ(back[i].startUs, mine[i].startUs);
      EXPECT_EQ(back[i].endUs, mine[i].endUs);
      EXPECT_EQ(back[i].classId, mine[i].classId);
    }
  }
  // Bad input: unknown file, reversed range; not a labels file at all.
  writeText(dir + "/bad.labels", R"({"version": 1, "files": [
      {"path": "nothing.json", "name": "nothing", "label": {"type": "multi-label", "labels": []}},
      {"path": "x.json", "name": "walk 1", "label": {"type": "multi-label",
       "labels": [{"label": "walk", "startIndex": 10, "endIndex": 5}]}}]})");
  auto bad = importEdgeImpulse(*m_repo, dir + "/bad.labels", "ann");
  EW_ASSERT_OK(bad);
  EXPECT_EQ(bad->segments, 0);
  ASSERT_EQ(bad->rejected.size(), 2u);
  EXPECT_NE(bad->rejected[0].reason.find("no recording"), std::string::npos);
  EXPECT_NE(bad->rejected[1].reason.find("endIndex before startIndex"), std::string::npos);
  writeText(dir + "/bad.labels", R"({"version": 1})");
  EXPECT_FALSE(importEdgeImpulse(*m_repo, dir + "/bad.labels", "ann").ok());
}

}  // namespace
}  // namespace edgewise::labeling::test
