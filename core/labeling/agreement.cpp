#include "core/labeling/agreement.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "core/dataset/data/dataset_repository.h"
#include "core/store/project.h"
#include "core/store/recording_repository.h"

namespace edgewise::labeling {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

Result<CohenResult> cohenKappa(const std::vector<int>& a, const std::vector<int>& b) {
  if (a.size() != b.size()) return Error("the two rating lists differ in length");
  std::map<int, int64_t> ca, cb;
  CohenResult r;
  int64_t agree = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] < 0 || b[i] < 0) continue;
    ++r.n;
    ++ca[a[i]];
    ++cb[b[i]];
    if (a[i] == b[i]) ++agree;
  }
  if (r.n == 0) return Error("no item was rated by both annotators");
  const double n = static_cast<double>(r.n);
  r.observed = agree / n;
  // sum over categories of p_a(c) * p_b(c), accumulated as counts to keep it exact longer.
  double pe = 0;
  for (const auto& [cat, count] : ca) {
    auto it = cb.find(cat);
    if (it != cb.end()) pe += static_cast<double>(count) * static_cast<double>(it->second);
  }
  r.expected = pe / (n * n);
  if (r.expected >= 1.0) {
    r.kappa = r.observed >= 1.0 ? 1.0 : 0.0;
  } else {
    r.kappa = (r.observed - r.expected) / (1.0 - r.expected);
  }
  return r;
}

Result<FleissResult> fleissKappa(const std::vector<std::vector<int>>& counts) {
  if (counts.empty()) return Error("no items to compute Fleiss' kappa on");
  const size_t k = counts.front().size();
  int raters = 0;
  for (int c : counts.front()) raters += c;
  if (raters < 2) return Error("Fleiss' kappa needs at least two ratings per item");
  FleissResult r;
  r.items = static_cast<int64_t>(counts.size());
  r.raters = raters;
  const double n = raters;
  const double N = static_cast<double>(counts.size());
  std::vector<double> colSum(k, 0.0), agreeSum(k, 0.0), disagreeSum(k, 0.0);
  double pSum = 0;
  for (const auto& row : counts) {
    if (row.size() != k) return Error("every item needs a count for every category");
    int total = 0;
    double sq = 0;
    for (size_t j = 0; j < k; ++j) {
      if (row[j] < 0) return Error("negative count in the rating table");
      total += row[j];
      sq += static_cast<double>(row[j]) * row[j];
      colSum[j] += row[j];
      agreeSum[j] += static_cast<double>(row[j]) * (row[j] - 1);
      disagreeSum[j] += static_cast<double>(row[j]) * (n - row[j]);
    }
    if (total != raters) return Error("every item must have the same number of ratings");
    pSum += (sq - n) / (n * (n - 1));
  }
  r.observed = pSum / N;
  r.expected = 0;
  r.proportion.resize(k);
  r.categoryKappa.resize(k);
  r.specificAgreement.resize(k);
  for (size_t j = 0; j < k; ++j) {
    const double p = colSum[j] / (N * n);
    r.proportion[j] = p;
    r.expected += p * p;
    const double q = 1.0 - p;
    r.categoryKappa[j] = (p > 0 && q > 0) ? 1.0 - disagreeSum[j] / (N * n * (n - 1) * p * q) : kNaN;
    r.specificAgreement[j] = colSum[j] > 0 ? agreeSum[j] / (colSum[j] * (n - 1)) : kNaN;
  }
  if (r.expected >= 1.0) {
    r.kappa = r.observed >= 1.0 ? 1.0 : 0.0;
  } else {
    r.kappa = (r.observed - r.expected) / (1.0 - r.expected);
  }
  return r;
}

AgreementReport computeAgreement(const RatingTable& table) {
  AgreementReport rep;
  rep.items = static_cast<int64_t>(table.ratings.size());
  const size_t m = table.annotatorIds.size();
  const size_t k = table.categoryClassIds.size();
  for (size_t i = 0; i < m; ++i) {
    for (size_t j = i + 1; j < m; ++j) {
      std::vector<int> a, b;
      for (const auto& row : table.ratings) {
        a.push_back(row[i]);
        b.push_back(row[j]);
      }
      Result<CohenResult> c = cohenKappa(a, b);
      if (!c.ok()) continue;  // the pair shares no item
      rep.pairs.push_back({table.annotatorIds[i], table.annotatorIds[j], c.value()});
    }
  }
  std::vector<std::vector<int>> counts;
  for (const auto& row : table.ratings) {
    if (std::any_of(row.begin(), row.end(), [](int v) { return v < 0; })) continue;
    std::vector<int> c(k, 0);
    for (int v : row) ++c[static_cast<size_t>(v)];
    counts.push_back(std::move(c));
  }
  rep.itemsRatedByAll = static_cast<int64_t>(counts.size());
  if (m >= 2 && !counts.empty()) {
    Result<FleissResult> f = fleissKappa(counts);
    if (f.ok()) {
      rep.fleiss = f.value();
      for (size_t j = 0; j < k; ++j) {
        rep.perClass.push_back({table.categoryClassIds[j], f->categoryKappa[j],
                                f->specificAgreement[j], f->proportion[j]});
      }
    }
  }
  return rep;
}

// ---------------------------------------------------------------------------- frames

namespace {

Result<std::vector<int64_t>> selectAnnotators(const LabelRepository& repo,
                                              const std::vector<int64_t>& wanted,
                                              const std::vector<int64_t>& present) {
  if (!wanted.empty()) return wanted;
  std::vector<int64_t> out = present;
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

Result<FrameGrid> frameGrid(const LabelRepository& repo, int64_t recordingId,
                            const FrameOptions& options) {
  const std::string ctx = "framing recording " + std::to_string(recordingId);
  if (!(options.frameMs > 0)) return Error("frame length must be above 0 ms", ctx);
  auto rec = repo.project().recordings().get(recordingId);
  if (!rec.ok()) return rec.error().wrap(ctx);
  auto segs = repo.segments(recordingId);
  if (!segs.ok()) return segs.error().wrap(ctx);
  std::vector<int64_t> present;
  for (const auto& s : *segs) present.push_back(s.annotatorId);
  auto ids = selectAnnotators(repo, options.annotatorIds, present);
  if (!ids.ok()) return ids.error();
  FrameGrid g;
  g.annotatorIds = *ids;
  g.frameUs = std::max<int64_t>(1, static_cast<int64_t>(std::llround(options.frameMs * 1000.0)));
  bool any = rec->sampleCount > 0;
  int64_t lo = rec->startUs, hi = rec->endUs;
  for (const auto& s : *segs) {
    if (!any) {
      lo = s.startUs;
      hi = s.endUs;
      any = true;
    }
    lo = std::min(lo, s.startUs);
    hi = std::max(hi, s.endUs);
  }
  g.originUs = lo;
  g.frames = any && hi > lo ? (hi - lo + g.frameUs - 1) / g.frameUs : 0;
  g.classOf.assign(g.annotatorIds.size(), std::vector<int64_t>(static_cast<size_t>(g.frames), 0));
  for (size_t a = 0; a < g.annotatorIds.size(); ++a) {
    for (const auto& s : *segs) {
      if (s.annotatorId != g.annotatorIds[a]) continue;
      // Frames whose midpoint lies in [start, end).
      const int64_t half = g.frameUs / 2;
      int64_t f0 = s.startUs - g.originUs - half;
      f0 = f0 <= 0 ? 0 : (f0 + g.frameUs - 1) / g.frameUs;
      for (int64_t f = f0; f < g.frames && g.frameMid(f) < s.endUs; ++f) {
        if (g.frameMid(f) >= s.startUs) g.classOf[a][static_cast<size_t>(f)] = s.classId;
      }
    }
  }
  return g;
}

namespace {

Result<std::map<int64_t, int>> classIndex(const LabelRepository& repo,
                                          std::vector<int64_t>& categoryClassIds) {
  auto classes = repo.classes();
  if (!classes.ok()) return classes.error();
  std::map<int64_t, int> index;
  for (const auto& c : *classes) {
    index[c.id] = static_cast<int>(categoryClassIds.size());
    categoryClassIds.push_back(c.id);
  }
  return index;
}

struct ItemTable {
  std::vector<int64_t> sampleIds;
  std::vector<int64_t> annotatorIds;
  std::vector<std::vector<int64_t>> classOf;  // [item][annotator], 0 = not rated
};

Result<ItemTable> itemTable(const LabelRepository& repo, int64_t datasetId,
                            const std::vector<int64_t>& wanted) {
  dataset::DatasetRepository datasets(repo.project());
  auto samples = datasets.labels(datasetId);
  if (!samples.ok()) return samples.error();
  auto labels = repo.itemLabels(datasetId);
  if (!labels.ok()) return labels.error();
  std::vector<int64_t> present;
  for (const auto& l : *labels) present.push_back(l.annotatorId);
  auto ids = selectAnnotators(repo, wanted, present);
  if (!ids.ok()) return ids.error();
  ItemTable t;
  t.annotatorIds = *ids;
  std::map<int64_t, size_t> row, col;
  for (const auto& s : *samples) {
    row[s.id] = t.sampleIds.size();
    t.sampleIds.push_back(s.id);
  }
  for (size_t a = 0; a < t.annotatorIds.size(); ++a) col[t.annotatorIds[a]] = a;
  t.classOf.assign(t.sampleIds.size(), std::vector<int64_t>(t.annotatorIds.size(), 0));
  for (const auto& l : *labels) {
    auto r = row.find(l.sampleId);
    auto c = col.find(l.annotatorId);
    if (r != row.end() && c != col.end()) t.classOf[r->second][c->second] = l.classId;
  }
  return t;
}

}  // namespace

Result<AgreementReport> datasetAgreement(const LabelRepository& repo, int64_t datasetId,
                                         const std::vector<int64_t>& annotatorIds) {
  auto t = itemTable(repo, datasetId, annotatorIds);
  if (!t.ok()) return t.error().wrap("agreement on dataset " + std::to_string(datasetId));
  RatingTable table;
  table.annotatorIds = t->annotatorIds;
  auto index = classIndex(repo, table.categoryClassIds);
  if (!index.ok()) return index.error();
  for (const auto& row : t->classOf) {
    std::vector<int> r;
    bool anyRated = false;
    for (int64_t c : row) {
      r.push_back(c ? index->at(c) : -1);
      anyRated = anyRated || c;
    }
    if (anyRated) table.ratings.push_back(std::move(r));
  }
  return computeAgreement(table);
}

Result<AgreementReport> recordingAgreement(const LabelRepository& repo, int64_t recordingId,
                                           const FrameOptions& options) {
  auto g = frameGrid(repo, recordingId, options);
  if (!g.ok()) return g.error();
  RatingTable table;
  table.annotatorIds = g->annotatorIds;
  auto index = classIndex(repo, table.categoryClassIds);
  if (!index.ok()) return index.error();
  const int none = static_cast<int>(table.categoryClassIds.size());
  table.categoryClassIds.push_back(0);
  for (int64_t f = 0; f < g->frames; ++f) {
    std::vector<int> r;
    bool anyLabeled = false;
    for (size_t a = 0; a < g->annotatorIds.size(); ++a) {
      const int64_t c = g->classOf[a][static_cast<size_t>(f)];
      r.push_back(c ? index->at(c) : none);
      anyLabeled = anyLabeled || c;
    }
    if (anyLabeled) table.ratings.push_back(std::move(r));
  }
  return computeAgreement(table);
}

// ---------------------------------------------------------------------------- effective

const char* basisName(Basis b) {
  switch (b) {
    case Basis::Adjudicated:
      return "adjudicated";
    case Basis::Unanimous:
      return "unanimous";
    case Basis::Single:
      return "single";
    case Basis::Majority:
      return "majority";
    case Basis::Unresolved:
      return "unresolved";
    case Basis::Unlabeled:
      return "unlabeled";
  }
  return "unlabeled";
}

Decision decide(const std::vector<int64_t>& labels, std::optional<int64_t> adjudicated,
                const EffectivePolicy& policy) {
  if (adjudicated) return {*adjudicated, Basis::Adjudicated};
  std::map<int64_t, int> votes;
  int raters = 0;
  for (int64_t c : labels) {
    if (!c) continue;
    ++votes[c];
    ++raters;
  }
  if (raters == 0) return {0, Basis::Unlabeled};
  if (votes.size() == 1) {
    if (raters >= 2) return {votes.begin()->first, Basis::Unanimous};
    if (policy.acceptSingle) return {votes.begin()->first, Basis::Single};
    return {0, Basis::Unresolved};
  }
  if (policy.acceptMajority) {
    for (const auto& [c, n] : votes) {
      if (2 * n > raters) return {c, Basis::Majority};
    }
  }
  return {0, Basis::Unresolved};
}

namespace {
bool disagrees(const std::vector<int64_t>& labels, bool noneCounts) {
  std::set<int64_t> distinct;
  int rated = 0;
  for (int64_t c : labels) {
    if (c) ++rated;
    if (c || noneCounts) distinct.insert(c);
  }
  return rated > 0 && distinct.size() > 1;
}

std::optional<int64_t> adjudicatedAt(const std::vector<Adjudication>& adj, int64_t t) {
  std::optional<int64_t> out;
  for (const auto& a : adj) {  // in creation order: a later one wins
    if (a.startUs <= t && t < a.endUs) out = a.classId;
  }
  return out;
}
}  // namespace

Result<std::vector<Disagreement>> datasetDisagreements(const LabelRepository& repo,
                                                       int64_t datasetId,
                                                       const std::vector<int64_t>& annotatorIds) {
  auto t = itemTable(repo, datasetId, annotatorIds);
  if (!t.ok()) return t.error();
  auto adj = repo.itemAdjudications(datasetId);
  if (!adj.ok()) return adj.error();
  std::map<int64_t, int64_t> adjudicated;
  for (const auto& a : *adj) adjudicated[*a.sampleId] = a.classId;
  std::vector<Disagreement> out;
  for (size_t i = 0; i < t->sampleIds.size(); ++i) {
    if (!disagrees(t->classOf[i], false)) continue;
    Disagreement d;
    d.sampleId = t->sampleIds[i];
    for (size_t a = 0; a < t->annotatorIds.size(); ++a) {
      d.labels.push_back({t->annotatorIds[a], t->classOf[i][a]});
    }
    if (auto it = adjudicated.find(t->sampleIds[i]); it != adjudicated.end()) {
      d.adjudicatedClassId = it->second;
    }
    out.push_back(std::move(d));
  }
  return out;
}

Result<std::vector<Disagreement>> recordingDisagreements(const LabelRepository& repo,
                                                         int64_t recordingId,
                                                         const FrameOptions& options) {
  auto g = frameGrid(repo, recordingId, options);
  if (!g.ok()) return g.error();
  auto adj = repo.rangeAdjudications(recordingId);
  if (!adj.ok()) return adj.error();
  std::vector<Disagreement> out;
  std::vector<int64_t> prev;
  std::optional<int64_t> prevAdj;
  for (int64_t f = 0; f < g->frames; ++f) {
    std::vector<int64_t> labels;
    for (size_t a = 0; a < g->annotatorIds.size(); ++a) {
      labels.push_back(g->classOf[a][static_cast<size_t>(f)]);
    }
    if (!disagrees(labels, true)) {
      prev.clear();
      continue;
    }
    const std::optional<int64_t> adjClass = adjudicatedAt(*adj, g->frameMid(f));
    if (!out.empty() && labels == prev && adjClass == prevAdj &&
        out.back().endUs == g->frameStart(f)) {
      out.back().endUs = g->frameStart(f + 1);
      continue;
    }
    Disagreement d;
    d.startUs = g->frameStart(f);
    d.endUs = g->frameStart(f + 1);
    for (size_t a = 0; a < g->annotatorIds.size(); ++a) {
      d.labels.push_back({g->annotatorIds[a], labels[a]});
    }
    d.adjudicatedClassId = adjClass;
    out.push_back(std::move(d));
    prev = labels;
    prevAdj = adjClass;
  }
  return out;
}

Result<std::vector<EffectiveItem>> effectiveItemLabels(const LabelRepository& repo,
                                                       int64_t datasetId,
                                                       const EffectivePolicy& policy) {
  auto t = itemTable(repo, datasetId, policy.annotatorIds);
  if (!t.ok()) return t.error();
  auto adj = repo.itemAdjudications(datasetId);
  if (!adj.ok()) return adj.error();
  std::map<int64_t, int64_t> adjudicated;
  for (const auto& a : *adj) adjudicated[*a.sampleId] = a.classId;
  std::vector<EffectiveItem> out;
  for (size_t i = 0; i < t->sampleIds.size(); ++i) {
    std::optional<int64_t> a;
    if (auto it = adjudicated.find(t->sampleIds[i]); it != adjudicated.end()) a = it->second;
    const Decision d = decide(t->classOf[i], a, policy);
    out.push_back({t->sampleIds[i], d.classId, d.basis});
  }
  return out;
}

namespace {

// The recording's frames decided as effectiveSegments says, merged into segments; with
// `unresolved` also the merged ranges of frames whose disagreement nothing decides.
Result<std::vector<EffectiveSegment>> decideFrames(const LabelRepository& repo, int64_t recordingId,
                                                   const EffectivePolicy& policy,
                                                   std::vector<dataset::TimeRange>* unresolved) {
  FrameOptions fo;
  fo.frameMs = policy.frameMs;
  fo.annotatorIds = policy.annotatorIds;
  auto g = frameGrid(repo, recordingId, fo);
  if (!g.ok()) return g.error();
  auto adj = repo.rangeAdjudications(recordingId);
  if (!adj.ok()) return adj.error();
  auto classes = repo.classes();
  if (!classes.ok()) return classes.error();
  std::map<int64_t, std::string> names;
  for (const auto& c : *classes) names[c.id] = c.name;
  std::vector<EffectiveSegment> out;
  std::vector<int64_t> labels(g->annotatorIds.size());
  for (int64_t f = 0; f < g->frames; ++f) {
    for (size_t a = 0; a < g->annotatorIds.size(); ++a) {
      labels[a] = g->classOf[a][static_cast<size_t>(f)];
    }
    const Decision d = decide(labels, adjudicatedAt(*adj, g->frameMid(f)), policy);
    const int64_t start = g->frameStart(f);
    if (d.basis == Basis::Unresolved && unresolved) {
      if (!unresolved->empty() && unresolved->back().endUs == start) {
        unresolved->back().endUs = g->frameStart(f + 1);
      } else {
        unresolved->push_back({start, g->frameStart(f + 1)});
      }
    }
    if (!d.classId) continue;
    if (!out.empty() && out.back().classId == d.classId && out.back().endUs == start) {
      out.back().endUs = g->frameStart(f + 1);
    } else {
      out.push_back({start, g->frameStart(f + 1), d.classId, names[d.classId]});
    }
  }
  return out;
}

}  // namespace

Result<std::vector<EffectiveSegment>> effectiveSegments(const LabelRepository& repo,
                                                        int64_t recordingId,
                                                        const EffectivePolicy& policy) {
  return decideFrames(repo, recordingId, policy, nullptr);
}

Result<dataset::RecordingLabels> effectiveRecordingLabels(const LabelRepository& repo,
                                                          int64_t recordingId,
                                                          const EffectivePolicy& policy) {
  dataset::RecordingLabels out;
  auto segments = decideFrames(repo, recordingId, policy, &out.unresolved);
  if (!segments.ok()) return segments.error();
  for (const EffectiveSegment& s : *segments)
    out.segments.push_back({s.startUs, s.endUs, s.className});
  return out;
}

}  // namespace edgewise::labeling
