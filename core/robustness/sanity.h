#pragma once
// The sanity checks of an adversarial evaluation (Carlini et al., "On Evaluating Adversarial
// Robustness", 2019): when one fails, the reported robust accuracy is probably an
// overestimate, most often because the model masks its gradients (saturated softmax,
// non-differentiable preprocessing, randomness) or the attack is too weak.

#include <string>
#include <vector>

#include "core/training/torch/attacks.h"

namespace edgewise::robustness {

struct SanityCheck {
  std::string name;  // monotone_<attack>, pgd_at_least_fgsm, large_eps_breaks, nonzero_gradients
  bool passed = true;
  std::string detail;  // the numbers behind the verdict, for the report
};

struct SanityReport {
  std::vector<SanityCheck> checks;
  // One line per failed check, saying what it suggests.
  std::vector<std::string> warnings;
  bool gradientMaskingSuspected = false;
};

struct SanityOptions {
  double tolerance = 0.01;  // accuracy may rise by this much (1 point) before it counts
  double nearZero = 0.10;   // "near zero" accuracy at the very large epsilon
  double maxZeroGradientFraction = 0.10;
};

// curves: every curve computed (each checked for monotonicity, starting from its clean
// accuracy); fgsm / pgd (may be null): compared eps by eps on the epsilons they share;
// hugeEps / hugeAccuracy: PGD at an epsilon that covers the valid range (NaN: not run).
SanityReport checkSanity(const std::vector<const training::RobustnessCurve*>& curves,
                         const training::RobustnessCurve* fgsm,
                         const training::RobustnessCurve* pgd, double hugeEps, double hugeAccuracy,
                         const SanityOptions& options = {});

}  // namespace edgewise::robustness
