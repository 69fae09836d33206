#pragma once
// Active-learning query strategies: which unlabeled rows of a pool an annotator should label
// next. Pure functions over the model's class scores (Classifier::predictScores, rows summing
// to 1) and the rows' features; no model, no state.
//
//   random            uniform among the unlabeled rows (the baseline)
//   least-confidence  highest 1 - max_c p_c
//   margin            smallest p_(1) - p_(2) (best minus second best)
//   entropy           highest -sum_c p_c log p_c
//   kcenter           greedy k-center (Sener & Savarese 2018): repeatedly the unlabeled row
//                     farthest (Euclidean) from the labeled rows and the rows already picked;
//                     ignores the scores. O(pool x (labeled + batch) x dims) from scratch;
//                     KCenterState keeps the min distances between rounds so a round costs
//                     O(pool x (new labels + batch) x dims).
//   hybrid            "diverse among the top-uncertain": the hybridFactor x batch rows with the
//                     smallest margin form the candidate set, then the batch is spread over
//                     them: by default k-means of the candidates into `batch` clusters and the
//                     most uncertain row of each (HybridDiversity::Cluster), or greedy k-center
//                     (distances to the labeled rows and the rows already picked), or k-means
//                     of their class scores. Pure uncertainty piles a batch onto one
//                     confusable pair of classes; k-center alone spends labels on far, easy
//                     outliers.
// Ties (equal uncertainty) go to the lower row index, so the same inputs give the same batch;
// random draws from the caller's generator, so a seed reproduces it.

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "core/util/result.h"

namespace edgewise::active {

enum class Strategy { Random, LeastConfidence, Margin, Entropy, KCenter, Hybrid };

// Every strategy, in the order above.
std::vector<Strategy> allStrategies();
// "random", "least-confidence", "margin", "entropy", "kcenter", "hybrid".
std::string strategyName(Strategy strategy);
// The reverse; an unknown name is an error listing the known ones.
Result<Strategy> parseStrategy(const std::string& name);
// Whether the strategy reads the scores (all but random and kcenter).
bool usesScores(Strategy strategy);
// Whether the strategy reads the features (kcenter, hybrid).
bool usesFeatures(Strategy strategy);

// Per-row uncertainty of `scores` (CV_32F, one row per sample), higher = more uncertain:
// least-confidence 1 - max, margin 1 - (p1 - p2), entropy -sum p log p (natural log).
// Other strategies: an error.
Result<std::vector<double>> uncertainty(Strategy strategy, const cv::Mat& scores);

// How hybrid makes its batch diverse among the candidates.
enum class HybridDiversity {
  KCenter,  // greedy k-center: the candidate farthest from the labeled rows and the picks
  Cluster,  // k-means of the candidates into `batch` clusters, the most uncertain of each
  // The same k-means on the candidates' class scores instead of their features: one pick per
  // kind of confusion (3-vs-5, 4-vs-9, ...) rather than per region of the input space.
  ClusterScores,
};

// The defaults are what measured best on digits (docs/active_learning.md): a small candidate
// set (2 x batch) spread by k-means; k-center over 10 x batch candidates spent labels on far,
// atypical rows.
struct SelectOptions {
  int hybridFactor = 2;  // hybrid: candidates = hybridFactor x batch most uncertain rows
  HybridDiversity hybridDiversity = HybridDiversity::Cluster;
};

// Incremental state of greedy k-center over one pool: each row's squared distance to the
// nearest labeled row. Rows labeled since the last call are folded in (O(pool x new x dims)).
class KCenterState {
 public:
  // Updates the distances for rows newly marked in labeledMask; returns them (0 for labeled
  // rows, +inf while nothing is labeled).
  const std::vector<float>& update(const cv::Mat& features,
                                   const std::vector<uint8_t>& labeledMask);
  void reset() {
    m_minDist.clear();
    m_known.clear();
  }

 private:
  std::vector<float> m_minDist;
  std::vector<uint8_t> m_known;  // rows already folded in
};

// Picks up to `batch` distinct unlabeled rows (fewer when fewer are unlabeled), in pick order.
// scores: CV_32F, pool rows (needed when usesScores); features: CV_32F, pool rows (needed when
// usesFeatures); labeledMask: one entry per pool row, non-zero = labeled. Errors: shapes that
// do not match, batch < 1. kcenterState (optional): reused between rounds over the same pool.
Result<std::vector<int>> selectBatch(Strategy strategy, const cv::Mat& scores,
                                     const cv::Mat& features,
                                     const std::vector<uint8_t>& labeledMask, int batch,
                                     std::mt19937_64& rng, const SelectOptions& options = {},
                                     KCenterState* kcenterState = nullptr);

// Greedy k-center among `candidates` (row indices of features): picks `batch` of them, each
// the candidate farthest from the labeled rows (minDist: squared distance per pool row, +inf
// when nothing is labeled) and from the rows already picked. With nothing labeled the first
// pick is candidates[first] (the caller draws it).
// k-means (deterministic seeds, Lloyd iterations) of `candidates` (in uncertainty order,
// most uncertain first) into `want` clusters; returns the first (most uncertain) member of
// each cluster, in that order. u is unused (the order carries it).
std::vector<int> clusterPicks(const cv::Mat& features, const std::vector<int>& candidates,
                              const std::vector<double>& u, size_t want);

std::vector<int> greedyKCenter(const cv::Mat& features, const std::vector<int>& candidates,
                               std::vector<float> minDist, int batch, size_t first = 0);

}  // namespace edgewise::active
