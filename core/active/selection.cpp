#include "core/active/selection.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include <opencv2/core.hpp>

namespace edgewise::active {
namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();

float sqDistance(const float* a, const float* b, int d) {
  float s = 0.0f;
  for (int j = 0; j < d; ++j) {
    const float t = a[j] - b[j];
    s += t * t;
  }
  return s;
}

// minDist[i] = min(minDist[i], |x_i - x_l|^2) for every pool row i and every l in rows, by
// matrix products (|x|^2 + |l|^2 - 2 x.l): the cost that dominates k-center. Chunks of pool
// rows run in parallel (each writes only its own rows of minDist); the labeled rows go in
// blocks so a chunk's product stays small.
void foldIn(const cv::Mat& F, const std::vector<int>& rows, std::vector<float>& minDist) {
  if (rows.empty()) return;
  cv::Mat sq;
  cv::multiply(F, F, sq);
  cv::Mat norms;
  cv::reduce(sq, norms, 1, cv::REDUCE_SUM, CV_32F);
  const int m = static_cast<int>(rows.size());
  cv::Mat L(m, F.cols, CV_32F);
  std::vector<float> lnorms(rows.size());
  for (int k = 0; k < m; ++k) {
    F.row(rows[static_cast<size_t>(k)]).copyTo(L.row(k));
    lnorms[static_cast<size_t>(k)] = norms.at<float>(rows[static_cast<size_t>(k)]);
  }
  constexpr int kChunk = 1024;  // pool rows per task
  constexpr int kBlock = 256;   // labeled rows per product
  const int chunks = (F.rows + kChunk - 1) / kChunk;
  cv::parallel_for_(cv::Range(0, chunks), [&](const cv::Range& range) {
    cv::Mat G;
    for (int c = range.start; c < range.end; ++c) {
      const int r0 = c * kChunk, r1 = std::min(F.rows, r0 + kChunk);
      for (int l0 = 0; l0 < m; l0 += kBlock) {
        const int l1 = std::min(m, l0 + kBlock);
        cv::gemm(F.rowRange(r0, r1), L.rowRange(l0, l1), 1.0, cv::noArray(), 0.0, G, cv::GEMM_2_T);
        for (int i = r0; i < r1; ++i) {
          const float* g = G.ptr<float>(i - r0);
          const float ni = norms.at<float>(i);
          float best = minDist[static_cast<size_t>(i)];
          for (int k = l0; k < l1; ++k)
            best =
                std::min(best, std::max(0.0f, ni + lnorms[static_cast<size_t>(k)] - 2 * g[k - l0]));
          minDist[static_cast<size_t>(i)] = best;
        }
      }
    }
  });
  for (int r : rows) minDist[static_cast<size_t>(r)] = 0.0f;
}

std::vector<int> unlabeledRows(const std::vector<uint8_t>& mask) {
  std::vector<int> out;
  for (size_t i = 0; i < mask.size(); ++i)
    if (!mask[i]) out.push_back(static_cast<int>(i));
  return out;
}

// The `count` rows of `rows` with the highest u (ties: lower row index first), in that order.
std::vector<int> topUncertain(const std::vector<int>& rows, const std::vector<double>& u,
                              size_t count) {
  std::vector<int> order = rows;
  count = std::min(count, order.size());
  auto before = [&](int a, int b) {
    const double ua = u[static_cast<size_t>(a)], ub = u[static_cast<size_t>(b)];
    return ua != ub ? ua > ub : a < b;
  };
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(count), order.end(),
                    before);
  order.resize(count);
  return order;
}

}  // namespace

std::vector<int> clusterPicks(const cv::Mat& features, const std::vector<int>& candidates,
                              const std::vector<double>& u, size_t want) {
  const size_t n = candidates.size();
  if (n <= want) return candidates;
  const int d = features.cols;
  // Seeds: the most uncertain candidate (candidates come most uncertain first), then
  // repeatedly the candidate farthest from the seeds so far (deterministic k-means++ style).
  std::vector<size_t> seeds{0};
  std::vector<float> nearest(n, kInf);
  while (seeds.size() < want) {
    const float* s = features.ptr<float>(candidates[seeds.back()]);
    size_t far = 0;
    float farDist = -1.0f;
    for (size_t k = 0; k < n; ++k) {
      nearest[k] = std::min(nearest[k], sqDistance(features.ptr<float>(candidates[k]), s, d));
      if (nearest[k] > farDist) {
        farDist = nearest[k];
        far = k;
      }
    }
    seeds.push_back(far);
  }
  cv::Mat centers(static_cast<int>(want), d, CV_32F);
  for (size_t c = 0; c < want; ++c)
    features.row(candidates[seeds[c]]).copyTo(centers.row(static_cast<int>(c)));
  // Lloyd iterations: centers move to their members' means, so an outlier stays alone in its
  // cluster instead of pulling a pick away from the dense, confusable regions.
  std::vector<int> assign(n, -1);
  for (int iter = 0; iter < 20; ++iter) {
    bool changed = false;
    for (size_t k = 0; k < n; ++k) {
      const float* x = features.ptr<float>(candidates[k]);
      int best = 0;
      float bestDist = kInf;
      for (int c = 0; c < centers.rows; ++c) {
        const float v = sqDistance(x, centers.ptr<float>(c), d);
        if (v < bestDist) {
          bestDist = v;
          best = c;
        }
      }
      if (assign[k] != best) {
        assign[k] = best;
        changed = true;
      }
    }
    if (!changed) break;
    cv::Mat sums = cv::Mat::zeros(centers.rows, d, CV_32F);
    std::vector<int> counts(static_cast<size_t>(centers.rows), 0);
    for (size_t k = 0; k < n; ++k) {
      sums.row(assign[k]) += features.row(candidates[k]);
      ++counts[static_cast<size_t>(assign[k])];
    }
    for (int c = 0; c < centers.rows; ++c)
      if (counts[static_cast<size_t>(c)] > 0)
        centers.row(c) = sums.row(c) / static_cast<float>(counts[static_cast<size_t>(c)]);
  }
  // From each cluster its most uncertain member (candidates are in uncertainty order, so the
  // first member met); clusters ordered by that member's uncertainty.
  std::vector<int> picks;
  std::vector<uint8_t> done(static_cast<size_t>(centers.rows), 0);
  for (size_t k = 0; k < n && picks.size() < want; ++k) {
    if (done[static_cast<size_t>(assign[k])]) continue;
    done[static_cast<size_t>(assign[k])] = 1;
    picks.push_back(candidates[k]);
  }
  // Empty clusters (duplicates): fill with the most uncertain candidates not picked.
  for (size_t k = 0; k < n && picks.size() < want; ++k)
    if (std::find(picks.begin(), picks.end(), candidates[k]) == picks.end())
      picks.push_back(candidates[k]);
  (void)u;
  return picks;
}

std::vector<Strategy> allStrategies() {
  return {Strategy::Random,  Strategy::LeastConfidence, Strategy::Margin,
          Strategy::Entropy, Strategy::KCenter,         Strategy::Hybrid};
}

std::string strategyName(Strategy strategy) {
  switch (strategy) {
    case Strategy::Random:
      return "random";
    case Strategy::LeastConfidence:
      return "least-confidence";
    case Strategy::Margin:
      return "margin";
    case Strategy::Entropy:
      return "entropy";
    case Strategy::KCenter:
      return "kcenter";
    case Strategy::Hybrid:
      return "hybrid";
  }
  return "unknown";
}

Result<Strategy> parseStrategy(const std::string& name) {
  std::string known;
  for (Strategy s : allStrategies()) {
    if (strategyName(s) == name) return s;
    known += (known.empty() ? "" : ", ") + strategyName(s);
  }
  return Error("unknown active-learning strategy '" + name + "' (known: " + known + ")");
}

bool usesScores(Strategy strategy) {
  return strategy != Strategy::Random && strategy != Strategy::KCenter;
}

bool usesFeatures(Strategy strategy) {
  return strategy == Strategy::KCenter || strategy == Strategy::Hybrid;
}

Result<std::vector<double>> uncertainty(Strategy strategy, const cv::Mat& scores) {
  if (strategy != Strategy::LeastConfidence && strategy != Strategy::Margin &&
      strategy != Strategy::Entropy && strategy != Strategy::Hybrid)
    return Error(strategyName(strategy) + " is not an uncertainty strategy");
  if (scores.type() != CV_32FC1 || (scores.rows > 0 && scores.cols < 2))
    return Error("scores must be CV_32F with one column per class (>= 2)");
  std::vector<double> u(static_cast<size_t>(scores.rows));
  for (int i = 0; i < scores.rows; ++i) {
    const float* p = scores.ptr<float>(i);
    double first = -1.0, second = -1.0, entropy = 0.0;
    for (int c = 0; c < scores.cols; ++c) {
      const double v = p[c];
      if (v > first) {
        second = first;
        first = v;
      } else if (v > second) {
        second = v;
      }
      if (v > 0) entropy -= v * std::log(v);
    }
    double value = 0.0;
    switch (strategy) {
      case Strategy::LeastConfidence:
        value = 1.0 - first;
        break;
      case Strategy::Entropy:
        value = entropy;
        break;
      default:
        value = 1.0 - (first - second);
        break;  // margin (and hybrid's candidates)
    }
    u[static_cast<size_t>(i)] = value;
  }
  return u;
}

const std::vector<float>& KCenterState::update(const cv::Mat& features,
                                               const std::vector<uint8_t>& labeledMask) {
  if (m_minDist.size() != static_cast<size_t>(features.rows)) {
    m_minDist.assign(static_cast<size_t>(features.rows), kInf);
    m_known.assign(static_cast<size_t>(features.rows), 0);
  }
  std::vector<int> fresh;
  for (size_t i = 0; i < labeledMask.size() && i < m_known.size(); ++i)
    if (labeledMask[i] && !m_known[i]) {
      fresh.push_back(static_cast<int>(i));
      m_known[i] = 1;
    }
  foldIn(features, fresh, m_minDist);
  return m_minDist;
}

std::vector<int> greedyKCenter(const cv::Mat& features, const std::vector<int>& candidates,
                               std::vector<float> minDist, int batch, size_t first) {
  std::vector<int> picks;
  std::vector<uint8_t> taken(candidates.size(), 0);
  const int d = features.cols;
  while (static_cast<int>(picks.size()) < batch && picks.size() < candidates.size()) {
    size_t best = candidates.size();
    float bestDist = -1.0f;
    for (size_t k = 0; k < candidates.size(); ++k) {
      if (taken[k]) continue;
      const float v = minDist[static_cast<size_t>(candidates[k])];
      if (v > bestDist) {
        bestDist = v;
        best = k;
      }
    }
    // Nothing labeled and nothing picked: every distance is infinite, take the caller's start.
    if (std::isinf(bestDist) && picks.empty() && first < candidates.size() && !taken[first])
      best = first;
    taken[best] = 1;
    const int p = candidates[best];
    picks.push_back(p);
    const float* xp = features.ptr<float>(p);
    // Each candidate's distance to the new pick: independent entries, so in parallel.
    cv::parallel_for_(
        cv::Range(0, static_cast<int>(candidates.size())),
        [&](const cv::Range& range) {
          for (int k = range.start; k < range.end; ++k) {
            if (taken[static_cast<size_t>(k)]) continue;
            const int c = candidates[static_cast<size_t>(k)];
            float& m = minDist[static_cast<size_t>(c)];
            m = std::min(m, sqDistance(features.ptr<float>(c), xp, d));
          }
        },
        static_cast<double>(candidates.size()) / 4096.0);
  }
  return picks;
}

Result<std::vector<int>> selectBatch(Strategy strategy, const cv::Mat& scores,
                                     const cv::Mat& features,
                                     const std::vector<uint8_t>& labeledMask, int batch,
                                     std::mt19937_64& rng, const SelectOptions& options,
                                     KCenterState* kcenterState) {
  const std::string context = "selecting a batch (" + strategyName(strategy) + ")";
  if (batch < 1) return Error("the batch size must be >= 1", context);
  const int pool = static_cast<int>(labeledMask.size());
  if (usesScores(strategy) && (scores.rows != pool || scores.type() != CV_32FC1 || scores.cols < 2))
    return Error("scores must be CV_32F with " + std::to_string(pool) +
                     " rows (one per pool row) and one column per class",
                 context);
  if (usesFeatures(strategy) &&
      (features.rows != pool || features.type() != CV_32FC1 || features.cols < 1))
    return Error("features must be CV_32F with " + std::to_string(pool) + " rows", context);
  if (strategy == Strategy::Hybrid && options.hybridFactor < 1)
    return Error("the hybrid candidate factor must be >= 1", context);

  const std::vector<int> open = unlabeledRows(labeledMask);
  if (open.empty()) return std::vector<int>{};
  const size_t want = std::min(open.size(), static_cast<size_t>(batch));

  if (strategy == Strategy::Random) {
    std::vector<int> rows = open;
    for (size_t i = 0; i < want; ++i) {
      std::uniform_int_distribution<size_t> pick(i, rows.size() - 1);
      std::swap(rows[i], rows[pick(rng)]);
    }
    rows.resize(want);
    return rows;
  }

  auto minDistances = [&]() {
    if (kcenterState) return kcenterState->update(features, labeledMask);
    KCenterState fresh;
    return fresh.update(features, labeledMask);
  };

  if (strategy == Strategy::KCenter) {
    std::uniform_int_distribution<size_t> start(0, open.size() - 1);
    const size_t first = start(rng);  // used only while nothing is labeled
    return greedyKCenter(features, open, minDistances(), static_cast<int>(want), first);
  }

  auto u = uncertainty(strategy, scores);
  if (!u.ok()) return u.error().wrap(context);
  if (strategy != Strategy::Hybrid) return topUncertain(open, *u, want);

  const size_t candidates = std::min(open.size(), want * static_cast<size_t>(options.hybridFactor));
  const std::vector<int> pool2 = topUncertain(open, *u, candidates);
  if (options.hybridDiversity == HybridDiversity::Cluster)
    return clusterPicks(features, pool2, *u, want);
  if (options.hybridDiversity == HybridDiversity::ClusterScores)
    return clusterPicks(scores, pool2, *u, want);
  // With nothing labeled the most uncertain candidate starts the batch.
  return greedyKCenter(features, pool2, minDistances(), static_cast<int>(want), 0);
}

}  // namespace edgewise::active
