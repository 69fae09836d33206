// Kappa statistics against hand-computed references and scikit-learn, frames, disagreements,
// adjudication and effective labels.
#include <QProcess>
#include <QStringList>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/labeling/agreement.h"
#include "test_labeling_common.h"

namespace edgewise::labeling::test {
namespace {

TEST(Kappa, CohenHandComputed2x2) {
  // 50 items, two raters, yes/no: both yes 20, A yes B no 5, A no B yes 10, both no 15.
  // p_o = 35/50 = 0.7; p_A(yes) = 0.5, p_B(yes) = 0.6; p_e = 0.5*0.6 + 0.5*0.4 = 0.5;
  // kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4 (the Wikipedia "Cohen's kappa" example).
  std::vector<int> a, b;
  auto add = [&](int x, int y, int n) {
    for (int i = 0; i < n; ++i) {
      a.push_back(x);
      b.push_back(y);
    }
  };
  add(1, 1, 20);
  add(1, 0, 5);
  add(0, 1, 10);
  add(0, 0, 15);
  auto k = cohenKappa(a, b);
  EW_ASSERT_OK(k);
  EXPECT_NEAR(k->observed, 0.7, 1e-15);
  EXPECT_NEAR(k->expected, 0.5, 1e-15);
  EXPECT_NEAR(k->kappa, 0.4, 1e-15);
  EXPECT_EQ(k->n, 50);
  // Unrated positions (-1) are left out: appending them changes nothing.
  a.push_back(-1);
  b.push_back(1);
  EXPECT_NEAR(cohenKappa(a, b)->kappa, 0.4, 1e-15);
  EXPECT_FALSE(cohenKappa({-1}, {0}).ok());
  EXPECT_DOUBLE_EQ(cohenKappa({2, 2, 2}, {2, 2, 2})->kappa, 1.0);
}

class SklearnReference : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(m_dir.isValid());
    const QString out = m_dir.filePath(QStringLiteral("kappa.json"));
    QProcess p;
    p.start(QString::fromUtf8(EDGEWISE_SYSTEM_PYTHON3),
            {QString::fromUtf8(EDGEWISE_KAPPA_SCRIPT), out});
    ASSERT_TRUE(p.waitForFinished(60000));
    if (p.exitCode() == 77)
      GTEST_SKIP() << "scikit-learn not installed for " EDGEWISE_SYSTEM_PYTHON3;
    ASSERT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
    std::ifstream in(out.toStdString());
    m_ref = nlohmann::json::parse(in);
  }
  QTemporaryDir m_dir;
  nlohmann::json m_ref;
};

TEST_F(SklearnReference, CohenMatchesCohenKappaScore) {
  ASSERT_EQ(m_ref["cohen"].size(), 20u);
  for (const auto& c : m_ref["cohen"]) {
    auto k = cohenKappa(c["a"].get<std::vector<int>>(), c["b"].get<std::vector<int>>());
    EW_ASSERT_OK(k);
    EXPECT_NEAR(k->kappa, c["kappa"].get<double>(), 1e-12);
  }
}

TEST_F(SklearnReference, FleissWorkedExample) {
  const auto& f = m_ref["fleiss"];
  auto r = fleissKappa(f["table"].get<std::vector<std::vector<int>>>());
  EW_ASSERT_OK(r);
  // Wikipedia / Fleiss (1971): P-bar = 0.378, P-bar_e = 0.213, kappa = 0.210.
  EXPECT_NEAR(r->kappa, 0.210, 5e-4);
  EXPECT_NEAR(r->observed, 0.378, 5e-4);
  EXPECT_NEAR(r->expected, 0.213, 5e-4);
  EXPECT_NEAR(r->kappa, f["kappa"].get<double>(), 1e-12);
  EXPECT_EQ(r->items, 10);
  EXPECT_EQ(r->raters, 14);
  for (size_t j = 0; j < 5; ++j) {
    EXPECT_NEAR(r->proportion[j], f["proportion"][j].get<double>(), 1e-12);
    EXPECT_NEAR(r->categoryKappa[j], f["category_kappa"][j].get<double>(), 1e-12);
    EXPECT_NEAR(r->specificAgreement[j], f["specific"][j].get<double>(), 1e-12);
  }
  EXPECT_NEAR(r->proportion[0], 0.143, 5e-4);
  EXPECT_NEAR(r->proportion[4], 0.229, 5e-4);
  EXPECT_FALSE(fleissKappa({{1, 1}, {3, 0}}).ok());  // rows with different rater counts
}

TEST_F(LabelTest, RecordingFramesAgreementDisagreementsAndEffectiveSegments) {
  auto walk = m_repo->addClass("walk");
  auto run = m_repo->addClass("run");
  auto ann = m_repo->addAnnotator("ann");
  auto bob = m_repo->addAnnotator("bob");
  auto judge = m_repo->addAnnotator("judge");
  // Recording: 1000 samples every 10 ms from t0 = 1 s -> frames of 100 ms over [1 s, 10.99 s).
  const int64_t t0 = 1'000'000;
  const int64_t rec = makeRecording("r", 1000, t0, 10'000);
  // ann: walk [0, 2 s), run [2 s, 4 s); bob: walk [0, 3 s), nothing after (offsets from t0).
  EW_ASSERT_OK(m_repo->addSegment(seg(rec, t0, t0 + 2'000'000, walk->id, ann->id)));
  EW_ASSERT_OK(m_repo->addSegment(seg(rec, t0 + 2'000'000, t0 + 4'000'000, run->id, ann->id)));
  EW_ASSERT_OK(m_repo->addSegment(seg(rec, t0, t0 + 3'000'000, walk->id, bob->id)));

  FrameOptions fo;
  fo.annotatorIds = {ann->id, bob->id};
  auto grid = frameGrid(*m_repo, rec, fo);
  EW_ASSERT_OK(grid);
  EXPECT_EQ(grid->originUs, t0);
  EXPECT_EQ(grid->frames, 100);  // 9.99 s -> 100 frames
  // Frames labeled by someone: 40. Both walk: 20; ann run / bob walk: 10; ann run / bob none: 10.
  auto rep = recordingAgreement(*m_repo, rec, fo);
  EW_ASSERT_OK(rep);
  ASSERT_EQ(rep->pairs.size(), 1u);
  // Categories walk, run, none. ann: walk 20, run 20; bob: walk 30, none 10.
  // p_o = 20/40 = 0.5; p_e = (20*30 + 20*0 + 0*10)/1600 = 0.375; kappa = 0.125/0.625 = 0.2.
  EXPECT_NEAR(rep->pairs[0].cohen.observed, 0.5, 1e-12);
  EXPECT_NEAR(rep->pairs[0].cohen.expected, 0.375, 1e-12);
  EXPECT_NEAR(rep->pairs[0].cohen.kappa, 0.2, 1e-12);
  EXPECT_EQ(rep->itemsRatedByAll, 40);
  ASSERT_TRUE(rep->fleiss.has_value());
  EXPECT_EQ(rep->perClass.size(), 3u);

  auto dis = recordingDisagreements(*m_repo, rec, fo);
  EW_ASSERT_OK(dis);
  ASSERT_EQ(dis->size(), 2u);  // [2 s, 3 s) run vs walk; [3 s, 4 s) run vs none
  EXPECT_EQ((*dis)[0].startUs, t0 + 2'000'000);
  EXPECT_EQ((*dis)[0].endUs, t0 + 3'000'000);
  EXPECT_EQ((*dis)[0].labels[0].classId, run->id);
  EXPECT_EQ((*dis)[0].labels[1].classId, walk->id);
  EXPECT_EQ((*dis)[1].labels[1].classId, 0);

  // Effective: [0,2) unanimous walk; [2,3) unresolved (1 vs 1); [3,4) single (ann) run.
  EffectivePolicy policy;
  policy.annotatorIds = {ann->id, bob->id};
  auto eff = effectiveSegments(*m_repo, rec, policy);
  EW_ASSERT_OK(eff);
  ASSERT_EQ(eff->size(), 2u);
  EXPECT_EQ((*eff)[0].startUs, t0);
  EXPECT_EQ((*eff)[0].endUs, t0 + 2'000'000);
  EXPECT_EQ((*eff)[0].className, "walk");
  EXPECT_EQ((*eff)[1].startUs, t0 + 3'000'000);
  EXPECT_EQ((*eff)[1].classId, run->id);
  policy.acceptSingle = false;
  EXPECT_EQ(effectiveSegments(*m_repo, rec, policy)->size(), 1u);
  policy.acceptSingle = true;

  // Adjudication: accept bob's walk for [2 s, 3 s) -> walk runs [0, 3 s) then run [3, 4 s).
  auto adj = m_repo->acceptRangeLabel(rec, t0 + 2'000'000, t0 + 3'000'000, bob->id, judge->id);
  EW_ASSERT_OK(adj);
  EXPECT_EQ(adj->classId, walk->id);
  EXPECT_EQ(*adj->acceptedAnnotatorId, bob->id);
  eff = effectiveSegments(*m_repo, rec, policy);
  ASSERT_EQ(eff->size(), 2u);
  EXPECT_EQ((*eff)[0].endUs, t0 + 3'000'000);
  EXPECT_EQ((*eff)[1].endUs, t0 + 4'000'000);
  dis = recordingDisagreements(*m_repo, rec, fo);
  ASSERT_EQ(dis->size(), 2u);
  EXPECT_EQ(*(*dis)[0].adjudicatedClassId, walk->id);
  // A later adjudication (new class) over [3 s, 4 s) wins there.
  EW_ASSERT_OK(m_repo->adjudicateRange(rec, t0 + 3'000'000, t0 + 4'000'000, walk->id, judge->id));
  eff = effectiveSegments(*m_repo, rec, policy);
  ASSERT_EQ(eff->size(), 1u);
  EXPECT_EQ((*eff)[0].endUs, t0 + 4'000'000);
}

TEST_F(LabelTest, DatasetItemsAgreementAdjudicationAndEffectiveOrder) {
  auto a = m_repo->addClass("a");
  auto b = m_repo->addClass("b");
  auto x = m_repo->addAnnotator("x");
  auto y = m_repo->addAnnotator("y");
  auto z = m_repo->addAnnotator("z");
  const auto s = makeDataset("d", 6);
  // s0: a a a (unanimous) s1: a a b (majority a) s2: a b - (unresolved 1:1)
  // s3: b - - (single) s4: unlabeled s5: a b b -> adjudicated a
  auto set = [&](int i, int64_t ann, int64_t cls) {
    ASSERT_TRUE(m_repo->setItemLabel(s[static_cast<size_t>(i)], cls, ann).ok());
  };
  set(0, x->id, a->id), set(0, y->id, a->id), set(0, z->id, a->id);
  set(1, x->id, a->id), set(1, y->id, a->id), set(1, z->id, b->id);
  set(2, x->id, a->id), set(2, y->id, b->id);
  set(3, x->id, b->id);
  set(5, x->id, a->id), set(5, y->id, b->id), set(5, z->id, b->id);
  auto judge = m_repo->addAnnotator("judge");
  EW_ASSERT_OK(m_repo->acceptItemLabel(s[5], x->id, judge->id));
  EXPECT_FALSE(m_repo->acceptItemLabel(s[4], x->id, judge->id).ok());
  // Replacing and undoing an item adjudication: read the old one first, restore it after.
  auto previous = m_repo->itemAdjudicationOf(s[5]);
  EW_ASSERT_OK(previous);
  ASSERT_TRUE(previous->has_value());
  auto replaced = m_repo->adjudicateItem(s[5], b->id, judge->id);
  EW_ASSERT_OK(replaced);
  EXPECT_EQ((*m_repo->itemAdjudicationOf(s[5]))->classId, b->id);
  EW_ASSERT_OK(m_repo->removeAdjudication(replaced->id));
  EW_ASSERT_OK(m_repo->restoreAdjudication(**previous));
  auto back = *m_repo->itemAdjudicationOf(s[5]);
  EXPECT_EQ(back->id, (*previous)->id);
  EXPECT_EQ(back->classId, a->id);
  EXPECT_EQ(*back->acceptedAnnotatorId, x->id);
  EXPECT_EQ(back->createdUs, (*previous)->createdUs);

  auto eff = effectiveItemLabels(*m_repo, m_datasetId, {});
  EW_ASSERT_OK(eff);
  ASSERT_EQ(eff->size(), 6u);
  const std::vector<std::pair<int64_t, Basis>> want = {
      {a->id, Basis::Unanimous}, {a->id, Basis::Majority}, {0, Basis::Unresolved},
      {b->id, Basis::Single},    {0, Basis::Unlabeled},    {a->id, Basis::Adjudicated}};
  for (size_t i = 0; i < 6; ++i) {
    EXPECT_EQ((*eff)[i].classId, want[i].first) << i;
    EXPECT_EQ((*eff)[i].basis, want[i].second) << i << " " << basisName((*eff)[i].basis);
  }
  EffectivePolicy strict;
  strict.acceptMajority = false;
  strict.acceptSingle = false;
  eff = effectiveItemLabels(*m_repo, m_datasetId, strict);
  EXPECT_EQ((*eff)[1].basis, Basis::Unresolved);
  EXPECT_EQ((*eff)[3].basis, Basis::Unresolved);
  EXPECT_EQ((*eff)[5].basis, Basis::Adjudicated);

  auto dis = datasetDisagreements(*m_repo, m_datasetId, {x->id, y->id, z->id});
  EW_ASSERT_OK(dis);
  ASSERT_EQ(dis->size(), 3u);  // s1, s2, s5
  EXPECT_EQ(*(*dis)[0].sampleId, s[1]);
  EXPECT_EQ(*(*dis)[2].adjudicatedClassId, a->id);

  // Pairwise Cohen on shared items; Fleiss on the 3 items rated by all of x, y, z.
  auto rep = datasetAgreement(*m_repo, m_datasetId, {x->id, y->id, z->id});
  EW_ASSERT_OK(rep);
  EXPECT_EQ(rep->itemsRatedByAll, 3);
  ASSERT_EQ(rep->pairs.size(), 3u);
  // x vs y on s0,s1,s2,s5: x = a a a a, y = a a b b: p_o = 0.5, p_e = 1*0.5 = 0.5 -> kappa 0.
  EXPECT_EQ(rep->pairs[0].cohen.n, 4);
  EXPECT_NEAR(rep->pairs[0].cohen.kappa, 0.0, 1e-15);
  // Fleiss on s0 (3,0), s1 (2,1), s5 (1,2): P_i = 1, 1/3, 1/3 -> P-bar = 5/9;
  // p = (6/9, 3/9) -> P_e = 5/9 -> kappa = 0.
  ASSERT_TRUE(rep->fleiss.has_value());
  EXPECT_NEAR(rep->fleiss->observed, 5.0 / 9.0, 1e-15);
  EXPECT_NEAR(rep->fleiss->kappa, 0.0, 1e-12);
}

}  // namespace
}  // namespace edgewise::labeling::test
