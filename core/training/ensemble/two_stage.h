#pragma once
// Two-stage serving for event detection on mostly-background streams: a cheap binary gate
// (background vs event) answers most samples; only samples the gate calls "event" reach the
// main classifier.

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "core/training/classifier.h"
#include "core/training/ensemble/ensemble.h"
#include "core/util/result.h"

namespace edgewise::training {

class TwoStageClassifier : public Classifier {
 public:
  // gate: any family, trained here on labels 0 = background, 1 = event. main: any family,
  // trained on every sample and class (so it can still answer "background" when the gate
  // lets one through) unless mainOnEventsOnly. Both may be untrained (train() trains them) or
  // both trained (then the classifier is ready; numClasses/dims come from main).
  TwoStageClassifier(std::unique_ptr<Classifier> gate, std::unique_ptr<Classifier> main,
                     int backgroundClass, bool mainOnEventsOnly = false);
  // An empty two-stage model to load() into.
  explicit TwoStageClassifier(MemberLoader loader = {});

  std::string id() const override { return "two-stage"; }

  int backgroundClass() const { return m_backgroundClass; }
  const Classifier* gate() const { return m_gate.get(); }
  const Classifier* mainClassifier() const { return m_main.get(); }

  // Samples seen and samples passed on to the main classifier since construction or the last
  // resetCounters() (atomics: predict may run on several threads).
  int64_t samplesSeen() const { return m_seen.load(); }
  int64_t samplesToMain() const { return m_toMain.load(); }
  void resetCounters();

  using Classifier::train;
  Result<void> train(const cv::Mat& X, const std::vector<int>& y, int numClasses) override;
  HyperParams hyperParams() const override;

  int predict(const float* x, int dims) const override;
  std::vector<int> predictBatch(const cv::Mat& X) const override;

  // One container file (family "two-stage"): settings, the gate's and main's own file bytes.
  Result<void> save(const std::string& path) const override;
  Result<void> load(const std::string& path) override;

  bool isTrained() const override;
  int numClasses() const override;
  int dims() const override;
  int64_t parameterCount() const override;
  int64_t sizeBytes() const override;

 private:
  MemberLoader m_loader;
  std::unique_ptr<Classifier> m_gate;
  std::unique_ptr<Classifier> m_main;
  int m_backgroundClass = 0;
  bool m_mainOnEventsOnly = false;
  mutable std::atomic<int64_t> m_seen{0};
  mutable std::atomic<int64_t> m_toMain{0};
};

struct ServingStats {
  double accuracy = 0.0;
  double meanUs = 0.0;  // single-sample predict() latency, microseconds
  double p50Us = 0.0;
  double p99Us = 0.0;
};

struct ServingComparison {
  ServingStats oneStage;
  ServingStats twoStage;
  int samples = 0;
};

// Runs every row of X through predict() one at a time on both models and times each call.
ServingComparison compareServing(const Classifier& oneStage, const Classifier& twoStage,
                                 const cv::Mat& X, const std::vector<int>& y);

struct LabelledRows {
  cv::Mat X;
  std::vector<int> y;
};

// A stream of `count` rows drawn (with replacement, seeded) from (X, y) so that a fraction
// `backgroundFraction` of them is of backgroundClass, the rest spread over the other classes.
Result<LabelledRows> makeBackgroundHeavyStream(const cv::Mat& X, const std::vector<int>& y,
                                               int backgroundClass, double backgroundFraction,
                                               int count, uint64_t seed);

// Choosing a gate: each candidate is trained on (X, y != backgroundClass) and scored on the
// validation rows: binary accuracy and mean single-sample predict() latency.
struct GateCandidate {
  std::string name;                                           // e.g. "rf:trees=10,max_depth=8"
  std::function<Result<std::unique_ptr<Classifier>>()> make;  // an untrained classifier
};

struct GateTrial {
  std::string name;
  double valAccuracy = 0.0;  // background vs event on the validation rows
  double eventRecall = 0.0;  // events the gate passes on (the rest are answered wrongly)
  double meanUs = 0.0;       // mean predict() latency on validation rows
  double trainSeconds = 0.0;
  std::string error;  // why the candidate could not be trained (then it is not chosen)
};

struct GateChoice {
  std::vector<GateTrial> trials;     // one per candidate, in order
  int chosen = -1;                   // index into trials
  bool metAccuracy = false;          // the chosen one reached minAccuracy
  std::unique_ptr<Classifier> gate;  // the chosen candidate, trained
};

// Picks the cheapest (lowest mean latency) candidate whose validation gate accuracy is at least
// minAccuracy; when none reaches it, the most accurate one. Latency is measured on up to
// latencyRows validation rows. An error when no candidate trains or the data lacks background
// or event rows.
Result<GateChoice> chooseGate(const std::vector<GateCandidate>& candidates, const cv::Mat& X,
                              const std::vector<int>& y, const cv::Mat& valX,
                              const std::vector<int>& valY, int backgroundClass,
                              double minAccuracy = 0.99, int latencyRows = 500);

}  // namespace edgewise::training
