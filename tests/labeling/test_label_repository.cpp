// Label schema, annotators and sessions, segment / item labels with their inverse operations,
// the overlap rule, per-annotator isolation and persistence across reopening the file.
#include <algorithm>

#include "test_labeling_common.h"

namespace edgewise::labeling::test {
namespace {

// The label tables came with schema 6; schema 7 added the fleet tables and feedback, schema 8
// the feedback's provenance, schema 9 the devices' identity keys.
TEST_F(LabelTest, SchemaHasLabelTables) {
  EXPECT_EQ(store::Project::currentSchemaVersion(), 9);
  EXPECT_EQ(m_project->schemaVersion(), 9);
  auto c = m_repo->addClass("walk");
  EW_ASSERT_OK(c);
  EXPECT_EQ(c->color, "#1f77b4");
  EXPECT_EQ(c->order, 0);
}

TEST_F(LabelTest, ClassEditsValidateAndRenameUpdatesEveryLabel) {
  auto walk = m_repo->addClass("walk", "#FF0000", 1);
  auto run = m_repo->addClass("run", "#00ff00", 2);
  EW_ASSERT_OK(walk);
  EW_ASSERT_OK(run);
  EXPECT_EQ(walk->color, "#ff0000");
  EXPECT_FALSE(m_repo->addClass("walk").ok());
  EXPECT_FALSE(m_repo->addClass("jump", "red").ok());
  EXPECT_FALSE(m_repo->addClass("jump", "#123456", 1).ok());  // key 1 taken
  EXPECT_FALSE(m_repo->addClass("jump", "#123456", 10).ok());
  EXPECT_FALSE(m_repo->renameClass(walk->id, "run").ok());

  const int64_t rec = makeRecording("r1");
  auto ann = m_repo->addAnnotator("ann");
  auto bob = m_repo->addAnnotator("bob");
  EW_ASSERT_OK(ann);
  EW_ASSERT_OK(bob);
  for (int i = 0; i < 5; ++i) {
    EW_ASSERT_OK(m_repo->addSegment(seg(rec, 1'000'000 + i * 1'000'000, 1'500'000 + i * 1'000'000,
                                        walk->id, i % 2 ? ann->id : bob->id)));
  }
  const auto samples = makeDataset("d", 3);
  EW_ASSERT_OK(m_repo->setItemLabel(samples[0], walk->id, ann->id));

  auto old = m_repo->renameClass(walk->id, "stroll");
  EW_ASSERT_OK(old);
  EXPECT_EQ(old->name, "walk");
  auto segs = m_repo->segments(rec);
  ASSERT_EQ(segs->size(), 5u);
  for (const auto& s : *segs) {
    EXPECT_EQ(m_repo->classById(s.classId)->name, "stroll");
  }
  EXPECT_EQ(m_repo->classById(m_repo->itemLabels(m_datasetId)->front().classId)->name, "stroll");
  EXPECT_FALSE(m_repo->classByName("walk").ok());
  // Undo the rename.
  EW_ASSERT_OK(m_repo->restoreClassRow(*old));
  EXPECT_EQ(m_repo->classById(walk->id)->name, "walk");

  // Recolor, shortcut, reorder with their inverses.
  auto beforeColor = m_repo->recolorClass(run->id, "#0000FF");
  EW_ASSERT_OK(beforeColor);
  EXPECT_EQ(m_repo->classById(run->id)->color, "#0000ff");
  EXPECT_FALSE(m_repo->setClassShortcut(run->id, 1).ok());
  EW_ASSERT_OK(m_repo->setClassShortcut(run->id, 0));
  EXPECT_EQ(m_repo->classById(run->id)->shortcut, 0);
  auto prevOrder = m_repo->reorderClasses({run->id, walk->id});
  EW_ASSERT_OK(prevOrder);
  EXPECT_EQ(*prevOrder, (std::vector<int64_t>{walk->id, run->id}));
  EXPECT_EQ(m_repo->classes()->front().id, run->id);
  EXPECT_FALSE(m_repo->reorderClasses({run->id}).ok());
}

TEST_F(LabelTest, RemoveClassRefusedWhileUsedUnlessReassignedAndRestoreIsExact) {
  auto walk = m_repo->addClass("walk", "#ff0000", 1);
  auto run = m_repo->addClass("run", "#00ff00", 2);
  auto idle = m_repo->addClass("idle");
  const int64_t rec = makeRecording("r");
  auto ann = m_repo->addAnnotator("ann");
  auto e1 = m_repo->addSegment(seg(rec, 1'000'000, 2'000'000, walk->id, ann->id));
  auto e2 = m_repo->addSegment(seg(rec, 3'000'000, 4'000'000, run->id, ann->id));
  EW_ASSERT_OK(e1);
  EW_ASSERT_OK(e2);
  const auto samples = makeDataset("d", 2);
  EW_ASSERT_OK(m_repo->setItemLabel(samples[1], walk->id, ann->id));
  EW_ASSERT_OK(m_repo->adjudicateItem(samples[1], walk->id, ann->id));
  const auto classesBefore = *m_repo->classes();
  const auto segsBefore = *m_repo->segments(rec);

  auto refused = m_repo->removeClass(walk->id);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("3 labels use it"), std::string::npos)
      << refused.error().toString();
  EW_ASSERT_OK(m_repo->removeClass(idle->id));  // unused: fine
  auto removal = m_repo->removeClass(walk->id, run->id);
  EW_ASSERT_OK(removal);
  EXPECT_EQ(removal->segmentIds.size(), 1u);
  EXPECT_EQ(removal->itemIds.size(), 1u);
  EXPECT_EQ(removal->adjudicationIds.size(), 1u);
  for (const auto& s : *m_repo->segments(rec)) EXPECT_EQ(s.classId, run->id);
  EXPECT_EQ(m_repo->classes()->size(), 1u);
  EXPECT_EQ(m_repo->classes()->front().order, 0);

  EW_ASSERT_OK(m_repo->restoreClass(*removal));
  EXPECT_EQ(*m_repo->segments(rec), segsBefore);
  auto after = *m_repo->classes();
  // idle stays removed; walk and run are back exactly (id, name, color, key, order).
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after[0], classesBefore[0]);
  EXPECT_EQ(after[1], classesBefore[1]);
  EXPECT_EQ(m_repo->itemLabels(m_datasetId)->front().classId, walk->id);
}

TEST_F(LabelTest, OverlapRuleTrimsSplitsRemovesAndRevertRestoresExactRows) {
  auto a = m_repo->addClass("a");
  auto b = m_repo->addClass("b");
  const int64_t rec = makeRecording("r");
  auto ann = m_repo->addAnnotator("ann");
  auto other = m_repo->addAnnotator("other");
  // ann: [1,3) [4,5) [6,9) ; other: [0,10)  (seconds)
  auto s1 = m_repo->addSegment(seg(rec, 1'000'000, 3'000'000, a->id, ann->id));
  auto s2 = m_repo->addSegment(seg(rec, 4'000'000, 5'000'000, a->id, ann->id));
  auto s3 = m_repo->addSegment(seg(rec, 6'000'000, 9'000'000, a->id, ann->id));
  auto o1 = m_repo->addSegment(seg(rec, 0, 10'000'000, a->id, other->id));
  EW_ASSERT_OK(s1);
  EW_ASSERT_OK(o1);
  const auto before = *m_repo->segments(rec);

  // New [2,7): trims s1 to [1,2), removes s2, trims s3 to [7,9); other's label untouched.
  auto edit = m_repo->addSegment(seg(rec, 2'000'000, 7'000'000, b->id, ann->id));
  EW_ASSERT_OK(edit);
  auto mine = *m_repo->segments(rec, ann->id);
  ASSERT_EQ(mine.size(), 3u);
  EXPECT_EQ(mine[0].startUs, 1'000'000);
  EXPECT_EQ(mine[0].endUs, 2'000'000);
  EXPECT_EQ(mine[1].id, edit->target);
  EXPECT_EQ(mine[2].startUs, 7'000'000);
  EXPECT_EQ(mine[2].endUs, 9'000'000);
  EXPECT_EQ(m_repo->segments(rec, other->id)->front(), o1->after.front());
  EXPECT_EQ(edit->before.size(), 3u);

  EW_ASSERT_OK(m_repo->revert(*edit));
  EXPECT_EQ(*m_repo->segments(rec), before);
  EW_ASSERT_OK(m_repo->reapply(*edit));
  EXPECT_EQ(*m_repo->segments(rec, ann->id), mine);
  EW_ASSERT_OK(m_repo->revert(*edit));

  // Inside s3 [6,9): split into [6,7.5) (same id) and [8,9) (new id).
  auto split = m_repo->addSegment(seg(rec, 7'500'000, 8'000'000, b->id, ann->id));
  EW_ASSERT_OK(split);
  mine = *m_repo->segments(rec, ann->id);
  ASSERT_EQ(mine.size(), 5u);
  EXPECT_EQ(mine[2].id, s3->target);
  EXPECT_EQ(mine[2].endUs, 7'500'000);
  EXPECT_EQ(mine[4].startUs, 8'000'000);
  EXPECT_EQ(mine[4].endUs, 9'000'000);
  EXPECT_NE(mine[4].id, s3->target);
  EW_ASSERT_OK(m_repo->revert(*split));
  EXPECT_EQ(*m_repo->segments(rec), before);

  // Move s2 onto s1 (covers it completely), change class, remove: each reverts exactly.
  auto moved = m_repo->moveSegment(s2->target, 500'000, 3'500'000);
  EW_ASSERT_OK(moved);
  EXPECT_EQ(m_repo->segments(rec, ann->id)->size(), 2u);
  EXPECT_FALSE(m_repo->segment(s1->target).ok());
  EW_ASSERT_OK(m_repo->revert(*moved));
  EXPECT_EQ(*m_repo->segments(rec), before);
  auto recl = m_repo->setSegmentClass(s1->target, b->id);
  EW_ASSERT_OK(recl);
  EXPECT_EQ(m_repo->segment(s1->target)->classId, b->id);
  EW_ASSERT_OK(m_repo->revert(*recl));
  auto removed = m_repo->removeSegment(s3->target);
  EW_ASSERT_OK(removed);
  EXPECT_FALSE(m_repo->segment(s3->target).ok());
  EW_ASSERT_OK(m_repo->restoreSegment(removed->before.front()));
  EXPECT_EQ(*m_repo->segments(rec), before);

  // Touching segments do not overlap; bad ranges are refused.
  EW_ASSERT_OK(m_repo->addSegment(seg(rec, 3'000'000, 4'000'000, b->id, ann->id)));
  EXPECT_EQ(m_repo->segments(rec, ann->id)->size(), 4u);
  EXPECT_FALSE(m_repo->addSegment(seg(rec, 5, 5, b->id, ann->id)).ok());
  EXPECT_FALSE(m_repo->moveSegment(s1->target, 9, 2).ok());
}

TEST_F(LabelTest, ItemLabelsPerAnnotatorNeverOverwrittenAndUndoable) {
  auto a = m_repo->addClass("a");
  auto b = m_repo->addClass("b");
  auto ann = m_repo->addAnnotator("ann");
  auto bob = m_repo->addAnnotator("bob");
  EXPECT_FALSE(m_repo->addAnnotator("ann").ok());
  const auto samples = makeDataset("d", 4);
  EW_ASSERT_OK(m_repo->setItemLabel(samples[0], a->id, ann->id));
  auto bobs = m_repo->setItemLabel(samples[0], b->id, bob->id, LabelSource::Model, 0.75);
  EW_ASSERT_OK(bobs);
  EXPECT_FALSE(bobs->before.has_value());
  auto labels = *m_repo->itemLabels(m_datasetId);
  ASSERT_EQ(labels.size(), 2u);
  EXPECT_EQ(labels[0].classId, a->id);  // ann's label is still there
  EXPECT_EQ(labels[1].classId, b->id);
  EXPECT_EQ(labels[1].source, LabelSource::Model);
  EXPECT_DOUBLE_EQ(*labels[1].confidence, 0.75);

  auto change = m_repo->setItemLabel(samples[0], b->id, ann->id);
  EW_ASSERT_OK(change);
  ASSERT_TRUE(change->before.has_value());
  EXPECT_EQ(change->before->classId, a->id);
  EXPECT_EQ(m_repo->itemLabels(m_datasetId, bob->id)->front(), labels[1]);
  EW_ASSERT_OK(m_repo->revert(*change));
  EXPECT_EQ(*m_repo->itemLabels(m_datasetId), labels);
  auto rm = m_repo->removeItemLabel(samples[0], bob->id);
  EW_ASSERT_OK(rm);
  EXPECT_EQ(m_repo->itemLabels(m_datasetId)->size(), 1u);
  EW_ASSERT_OK(m_repo->revert(*rm));
  EXPECT_EQ(*m_repo->itemLabels(m_datasetId), labels);
}

TEST_F(LabelTest, LabelsSurviveReopeningTheProject) {
  auto a = m_repo->addClass("walk", "#abcdef", 3);
  auto ann = m_repo->addAnnotator("ann");
  const int64_t rec = makeRecording("r");
  SegmentLabel s = seg(rec, 1'234'567, 2'345'678, a->id, ann->id);
  s.streamId = m_lastStream;
  s.confidence = 0.5;
  s.source = LabelSource::Suggestion;
  EW_ASSERT_OK(m_repo->addSegment(s));
  const auto samples = makeDataset("d", 2);
  EW_ASSERT_OK(m_repo->setItemLabel(samples[1], a->id, ann->id));
  auto session = m_repo->startSession(ann->id, 1000);
  EW_ASSERT_OK(session);
  const auto segs = *m_repo->segments(rec);
  const auto items = *m_repo->itemLabels(m_datasetId);
  const auto classes = *m_repo->classes();
  openProject();
  EXPECT_EQ(*m_repo->segments(rec), segs);
  EXPECT_EQ(*m_repo->itemLabels(m_datasetId), items);
  EXPECT_EQ(*m_repo->classes(), classes);
  EXPECT_EQ(m_repo->segments(rec)->front().streamId, m_lastStream);
  EXPECT_EQ(m_repo->annotatorByName("ann")->id, ann->id);
  EXPECT_EQ(m_repo->sessions(ann->id)->size(), 1u);
  EW_EXPECT_OK(m_project->integrityCheck());
}

TEST_F(LabelTest, SessionsGiveTimeSpentAndLabelsPerHour) {
  auto a = m_repo->addClass("a");
  auto ann = m_repo->addAnnotator("ann");
  auto bob = m_repo->addAnnotator("bob");
  const int64_t rec = makeRecording("r");
  // Labels created at known times inside a 30-minute session: 6 labels -> 12 per hour.
  const int64_t t0 = 1'700'000'000'000'000;
  auto sid = m_repo->startSession(ann->id, t0);
  EW_ASSERT_OK(sid);
  for (int i = 0; i < 6; ++i) {
    SegmentLabel s = seg(rec, i * 1'000'000, i * 1'000'000 + 500'000, a->id, ann->id);
    s.createdUs = t0 + (i + 1) * 60'000'000;
    EW_ASSERT_OK(m_repo->addSegment(s));
  }
  SegmentLabel late = seg(rec, 20'000'000, 21'000'000, a->id, ann->id);
  late.createdUs = t0 + 3 * 3600'000'000LL;  // after the session: not counted
  EW_ASSERT_OK(m_repo->addSegment(late));
  auto ended = m_repo->endSession(*sid, t0 + 1800'000'000);
  EW_ASSERT_OK(ended);
  EXPECT_EQ(ended->labelsMade, 6);
  auto stats = m_repo->annotatorStats();
  EW_ASSERT_OK(stats);
  ASSERT_EQ(stats->size(), 2u);
  EXPECT_EQ((*stats)[0].name, "ann");
  EXPECT_DOUBLE_EQ((*stats)[0].secondsSpent, 1800.0);
  EXPECT_DOUBLE_EQ((*stats)[0].labelsPerHour, 12.0);
  EXPECT_EQ((*stats)[1].sessions, 0);
  EXPECT_DOUBLE_EQ((*stats)[1].labelsPerHour, 0.0);
  EXPECT_EQ(bob->name, "bob");
}

}  // namespace
}  // namespace edgewise::labeling::test
