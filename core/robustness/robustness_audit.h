#pragma once
// The robustness audit of one model as one call, for the CLI (`audit robustness`, `bench
// robustness`) and later the Audit pane: an evasion attack as a robust-accuracy curve over
// epsilon with the sanity checks (FGSM and PGD curves, PGD at a huge epsilon), the IoT fault
// curves and the label-flip poisoning curve, all on the test split of the model's own dataset
// version. Runs on the caller's thread (a worker) with its own Project connection.
//
// Epsilon units ("eps_unit"): "raw" = the model's input units; for image datasets with the
// default features that is pixels / 255, so eps 0.1 = 25.5 grey levels, and attacked images
// are clipped to [0, 1]. "std" = per-channel standard deviations of the training split (a
// timeseries channel, an image row, a feature), for inputs with mixed physical units (IMU:
// m/s^2 and rad/s) and no fixed range; nothing is clipped. "auto" picks raw for images
// with default features, std otherwise.

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/robustness/faults.h"
#include "core/robustness/poisoning.h"
#include "core/robustness/sanity.h"
#include "core/training/service/data_prep.h"
#include "core/training/service/model_registry.h"
#include "core/training/torch/attacks.h"
#include "core/util/result.h"

namespace edgewise::store {
class Project;
}

namespace edgewise::robustness {

struct RobustnessRequest {
  int64_t modelId = 0;
  // The evasion attack; nullopt = no attack (faults / poisoning only, any model family).
  std::optional<training::AttackKind> attack = training::AttackKind::Fgsm;
  training::AttackNorm norm = training::AttackNorm::Linf;
  std::vector<double> eps;       // empty: defaultEpsilons(unit, norm)
  std::string epsUnit = "auto";  // auto | raw | std (see above)
  int steps = 20;                // PGD / DeepFool / CW iterations
  double stepRelative = 0.0;     // PGD step / eps; 0 = 2.5 / steps
  bool randomStart = true;       // PGD
  bool sanity = true;            // FGSM + PGD curves and PGD at a huge epsilon
  bool faults = false;
  std::vector<FaultKind> faultKinds;  // empty: allFaults()
  bool poison = false;
  std::vector<double> poisonFractions;  // empty: defaultPoisonFractions()
  int maxRows = 0;  // 0 = the whole test split; else an evenly spaced subset of that many
  // Adversarial examples kept for display: clean-correct rows stratified across the classes
  // (stratifiedRows, by seed), attacked apart from the curve with the same attack and epsilons.
  int examples = 4;
  uint64_t seed = 42;
};

// The audit's figures of one class (the true label) of the evaluated rows.
struct ClassFigures {
  int label = 0;
  int rows = 0;
  double cleanAccuracy = 0.0;
  int examples = 0;  // adversarial examples of this class in the report
};

struct RobustnessReport {
  int64_t modelId = 0;
  std::string modelName, family, datasetName;
  std::vector<int> inputShape;
  std::string epsUnit;  // raw | std (resolved)
  bool clipped = false;
  float clipMin = 0.0f, clipMax = 0.0f;
  int rows = 0;  // test rows evaluated
  double cleanAccuracy = 0.0;
  std::vector<ClassFigures> perClass;  // by label, ascending
  double inferenceSeconds = 0.0;       // predictBatch() over the rows once: the attacks' baseline
  std::optional<training::RobustnessCurve> attack;     // the requested one
  std::optional<training::RobustnessCurve> fgsm, pgd;  // sanity (may repeat `attack`)
  double hugeEps = std::numeric_limits<double>::quiet_NaN();
  double hugeAccuracy = std::numeric_limits<double>::quiet_NaN();
  SanityReport sanity;
  std::vector<FaultCurve> faults;
  std::optional<PoisonCurve> poison;
  std::vector<std::string> warnings;  // sanity failures and anything else a user should read
  double seconds = 0.0;
};

using ProgressFn = std::function<void(double fraction, const std::string& message)>;

// Six epsilons per unit and norm (raw linf: 0.01 .. 0.3 in pixel units).
std::vector<double> defaultEpsilons(const std::string& unit, training::AttackNorm norm);

// The model, its data and how to rebuild it (for poisoning), without a project.
struct AuditSubject {
  const training::Classifier* model = nullptr;
  const training::PreparedData* data = nullptr;
  int64_t modelId = 0;
  std::string name;
  std::string family;            // for retraining; "" = cannot retrain
  training::HyperParams params;  // effective hyper-parameters of the model
  uint64_t seed = 42;
};

// The rows an audit evaluates: the test split (else validation, else training) or maxRows
// evenly spaced rows of it (maxRows > 0).
void auditRows(const training::PreparedData& data, int maxRows, cv::Mat* X, std::vector<int>* y);

// `count` rows among those with eligible[r] (all when empty), spread over the classes of
// `labels`: round robin over the classes in an order shuffled by the seed, each class's rows in
// an order shuffled by the seed, until count rows are picked or none is left. count = k times
// the number of classes (with enough eligible rows each) gives exactly k rows per class.
// Deterministic on every platform (its own Fisher-Yates on std::mt19937_64).
std::vector<int> stratifiedRows(const std::vector<int>& labels, const std::vector<bool>& eligible,
                                int count, uint64_t seed);

// Runs the request on a loaded model and its prepared data (request.modelId is ignored).
Result<RobustnessReport> auditModel(const AuditSubject& subject, const RobustnessRequest& request,
                                    const ProgressFn& progress = {},
                                    const std::atomic<bool>* cancel = nullptr);

// A stored model with its dataset version prepared as it was trained (the AuditSubject's
// storage). Unknown model, a dataset that changed since: errors saying so.
struct LoadedSubject {
  std::unique_ptr<training::Classifier> model;
  training::PreparedData data;
  training::ModelRecord record;
  AuditSubject subject() const;
};
Result<LoadedSubject> loadSubject(store::Project& project, int64_t modelId,
                                  const std::atomic<bool>* cancel = nullptr);

// loadSubject(request.modelId), then auditModel(). A gradient attack on a model without input
// gradients is refused before any data is prepared.
Result<RobustnessReport> auditRobustness(store::Project& project, const RobustnessRequest& request,
                                         const ProgressFn& progress = {},
                                         const std::atomic<bool>* cancel = nullptr);

// The report as JSON: clean_accuracy, curve [{eps, robust_accuracy, seconds}], sanity,
// faults, poison, examples (original / adversarial / perturbation rows).
std::string robustnessReportToJson(const RobustnessReport& report, bool withExamples = true);

}  // namespace edgewise::robustness
