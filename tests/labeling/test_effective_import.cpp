// What datasets use (issue 4: "the adjudicated label is what datasets use"): a recording
// labeled by two annotators with one adjudication, imported with its effective labels
// (labeling::effectiveRecordingLabels -> dataset::readRecordings): every window's class and
// the skipped windows, exactly.

#include <nlohmann/json.hpp>

#include <QProcess>

#include "core/dataset/data/importers.h"
#include "core/labeling/agreement.h"
#include "tests/labeling/test_labeling_common.h"

namespace edgewise::labeling::test {
namespace {

TEST_F(LabelTest, RecordingImportUsesEffectiveLabels) {
  auto walk = m_repo->addClass("walk");
  auto run = m_repo->addClass("run");
  auto idle = m_repo->addClass("idle");
  auto ann = m_repo->addAnnotator("ann");
  auto bob = m_repo->addAnnotator("bob");
  auto judge = m_repo->addAnnotator("judge");
  // 1000 samples every 10 ms from t0 = 1 s: frames of 100 ms over [t0, t0 + 10 s).
  const int64_t t0 = 1'000'000;
  const int64_t s = 1'000'000;
  const int64_t rec = makeRecording("labeled", 1000, t0, 10'000);
  // ann: walk [0, 3 s), run [3 s, 6 s). bob: walk [0, 2 s), run [2 s, 6 s), idle [8 s, 10 s).
  EW_ASSERT_OK(m_repo->addSegment(seg(rec, t0, t0 + 3 * s, walk->id, ann->id)));
  EW_ASSERT_OK(m_repo->addSegment(seg(rec, t0 + 3 * s, t0 + 6 * s, run->id, ann->id)));
  EW_ASSERT_OK(m_repo->addSegment(seg(rec, t0, t0 + 2 * s, walk->id, bob->id)));
  EW_ASSERT_OK(m_repo->addSegment(seg(rec, t0 + 2 * s, t0 + 6 * s, run->id, bob->id)));
  EW_ASSERT_OK(m_repo->addSegment(seg(rec, t0 + 8 * s, t0 + 10 * s, idle->id, bob->id)));
  // The judge settles [2 s, 2.4 s) as walk; [2.4 s, 3 s) stays unresolved (walk vs run).
  EW_ASSERT_OK(m_repo->adjudicateRange(rec, t0 + 2 * s, t0 + 2'400'000, walk->id, judge->id));

  auto labels = effectiveRecordingLabels(*m_repo, rec);
  EW_ASSERT_OK(labels);
  // walk [0, 2.4) (unanimous, then adjudicated), run [3, 6) (unanimous), idle [8, 10) (bob
  // only); unresolved [2.4, 3).
  ASSERT_EQ(labels->segments.size(), 3u);
  EXPECT_EQ(labels->segments[0].label, "walk");
  EXPECT_EQ(labels->segments[0].startUs, t0);
  EXPECT_EQ(labels->segments[0].endUs, t0 + 2'400'000);
  EXPECT_EQ(labels->segments[1].label, "run");
  EXPECT_EQ(labels->segments[1].startUs, t0 + 3 * s);
  EXPECT_EQ(labels->segments[1].endUs, t0 + 6 * s);
  EXPECT_EQ(labels->segments[2].label, "idle");
  EXPECT_EQ(labels->segments[2].startUs, t0 + 8 * s);
  EXPECT_EQ(labels->segments[2].endUs, t0 + 10 * s);
  ASSERT_EQ(labels->unresolved.size(), 1u);
  EXPECT_EQ(labels->unresolved[0].startUs, t0 + 2'400'000);
  EXPECT_EQ(labels->unresolved[0].endUs, t0 + 3 * s);

  // A second recording keeps the typed per-recording label: 2.5 s -> 4 windows of "idle".
  const int64_t typed = makeRecording("typed", 250, 20 * s, 10'000);
  const dataset::RecordingSource effective{rec, "ignored", ""};
  auto parsed = dataset::readRecordings(*m_project, {effective, {typed, "idle", ""}}, {1000, 500},
                                        {*labels, std::nullopt});
  EW_ASSERT_OK(parsed);
  // Windows [k * 0.5 s, k * 0.5 s + 1 s), k = 0..18, of the labeled recording:
  //   k 0-3 walk (k 3: 0.9 s walk, 0.1 s unresolved), k 4-5 skipped (unresolved overlaps,
  //   no class over half), k 6-10 run, k 11-15 skipped (k 11: exactly half run; k 15: half
  //   idle), k 16-18 idle. Then the typed recording's 4 idle windows.
  EXPECT_EQ(parsed->info.classNames, (std::vector<std::string>{"walk", "run", "idle"}));
  std::vector<int> got;
  std::vector<std::string> sources;
  for (const auto& sample : parsed->samples) {
    got.push_back(sample.label);
    sources.push_back(sample.source);
  }
  EXPECT_EQ(got, (std::vector<int>{0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2}));
  const std::string r = "recording " + std::to_string(rec) + " imu-1/edgewise/imu-1/acc @";
  EXPECT_EQ(sources[3], r + "1500");
  EXPECT_EQ(sources[4], r + "3000");
  EXPECT_EQ(sources[9], r + "8000");
  ASSERT_EQ(parsed->rejected.size(), 2u);
  EXPECT_EQ(parsed->rejected[0].source, "recording " + std::to_string(rec));
  EXPECT_EQ(parsed->rejected[0].reason,
            "5 windows skipped: no effective label covers more than half");
  EXPECT_EQ(parsed->rejected[1].reason,
            "2 windows skipped: no class covers more than half, an unresolved disagreement "
            "overlaps");

  // The same through `edgewise-cli import --effective-labels` (a child process on the file).
  QProcess cli;
  cli.start(qEnvironmentVariable("EDGEWISE_BIN_DIR") + QStringLiteral("/edgewise-cli"),
            {QStringLiteral("import"), QStringLiteral("--project"),
             QString::fromStdString(path("labels.edgewise")), QStringLiteral("--name"),
             QStringLiteral("cli"), QStringLiteral("--format"), QStringLiteral("recording"),
             QStringLiteral("--recording"), QString::number(rec), QStringLiteral("--recording"),
             QString::number(typed), QStringLiteral("--effective-labels"),
             QStringLiteral("--window-ms"), QStringLiteral("1000"), QStringLiteral("--stride-ms"),
             QStringLiteral("500"), QStringLiteral("--json")});
  ASSERT_TRUE(cli.waitForFinished(60000));
  ASSERT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().toStdString();
  const auto j = nlohmann::json::parse(cli.readAllStandardOutput().toStdString());
  // The typed recording has no effective labels: its 4 windows are skipped too.
  EXPECT_EQ(j.at("samples"), 12);
  EXPECT_EQ(j.at("per_class").at("walk"), 4);
  EXPECT_EQ(j.at("per_class").at("run"), 5);
  EXPECT_EQ(j.at("per_class").at("idle"), 3);
  ASSERT_EQ(j.at("rejected").size(), 3u);
  EXPECT_EQ(j.at("rejected")[2].at("reason"),
            "4 windows skipped: no effective label covers more than half");

  // Stored as a dataset: the counts per class.
  auto report = dataset::importDataset(*m_project, "effective", *parsed);
  EW_ASSERT_OK(report);
  EXPECT_EQ(report->samplesPerClass, (std::vector<int64_t>{4, 5, 7}));
  EXPECT_EQ(report->rejected.size(), 2u);

  // Without single-annotator labels bob's idle is unresolved too: k 15-18 skipped as such.
  EffectivePolicy strict;
  strict.acceptSingle = false;
  parsed = dataset::readRecordings(*m_project, {effective}, {1000, 500},
                                   {*effectiveRecordingLabels(*m_repo, rec, strict)});
  EW_ASSERT_OK(parsed);
  EXPECT_EQ(parsed->samples.size(), 9u);
  ASSERT_EQ(parsed->rejected.size(), 2u);
  EXPECT_EQ(parsed->rejected[0].reason,
            "4 windows skipped: no effective label covers more than half");
  EXPECT_EQ(parsed->rejected[1].reason,
            "6 windows skipped: no class covers more than half, an unresolved disagreement "
            "overlaps");

  // No effective label at all: nothing usable is an error that says why.
  const int64_t bare = makeRecording("bare", 300, 40 * s, 10'000);
  auto none = dataset::readRecordings(*m_project, {{bare, "", ""}}, {1000, 500},
                                      {*effectiveRecordingLabels(*m_repo, bare)});
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.error().toString().find("5 windows skipped: no effective label"),
            std::string::npos)
      << none.error().toString();
}

}  // namespace
}  // namespace edgewise::labeling::test
