#include "core/robustness/sanity.h"

#include <cmath>
#include <cstdio>

namespace edgewise::robustness {

namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

std::string points(double acc) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f %%", 100.0 * acc);
  return buf;
}

}  // namespace

SanityReport checkSanity(const std::vector<const training::RobustnessCurve*>& curves,
                         const training::RobustnessCurve* fgsm,
                         const training::RobustnessCurve* pgd, double hugeEps, double hugeAccuracy,
                         const SanityOptions& o) {
  SanityReport report;
  auto add = [&](SanityCheck c, const std::string& warning) {
    if (!c.passed) report.warnings.push_back(warning);
    report.checks.push_back(std::move(c));
  };

  for (const training::RobustnessCurve* c : curves) {
    if (!c) continue;
    const std::string name = training::attackName(c->kind);
    SanityCheck check{"monotone_" + name, true, "accuracy never rises with epsilon"};
    double previous = c->cleanAccuracy, previousEps = 0.0;
    for (size_t i = 0; i < c->eps.size() && check.passed; ++i) {
      if (c->accuracy[i] > previous + o.tolerance) {
        check.passed = false;
        check.detail = name + " accuracy rises from " + points(previous) + " at eps " +
                       num(previousEps) + " to " + points(c->accuracy[i]) + " at eps " +
                       num(c->eps[i]);
      }
      previous = c->accuracy[i];
      previousEps = c->eps[i];
    }
    add(check, check.detail +
                   ": a larger epsilon contains every smaller perturbation, so the attack is not "
                   "finding them (gradient masking, or too few PGD steps)");
  }

  if (fgsm && pgd) {
    SanityCheck check{"pgd_at_least_fgsm", true, "PGD is at least as strong as FGSM"};
    int compared = 0;
    for (size_t i = 0; i < pgd->eps.size(); ++i)
      for (size_t j = 0; j < fgsm->eps.size(); ++j) {
        if (pgd->eps[i] != fgsm->eps[j]) continue;
        ++compared;
        if (check.passed && pgd->accuracy[i] > fgsm->accuracy[j] + o.tolerance) {
          check.passed = false;
          check.detail = "at eps " + num(pgd->eps[i]) + " PGD leaves " + points(pgd->accuracy[i]) +
                         " but FGSM only " + points(fgsm->accuracy[j]);
        }
      }
    if (compared == 0) {
      check.detail = "no epsilon in common; not compared";
    }
    add(check, check.detail +
                   ": an iterated attack that loses to its own first step points to a loss "
                   "surface the gradient does not describe (gradient masking)");
  }

  if (std::isfinite(hugeEps)) {
    SanityCheck check{"large_eps_breaks", hugeAccuracy <= o.nearZero,
                      "PGD at eps " + num(hugeEps) + " leaves " + points(hugeAccuracy)};
    add(check, check.detail + " (expected <= " + points(o.nearZero) +
                   "): an epsilon that covers the whole input range should fool the model on "
                   "nearly every row; the model looks gradient-masked");
  }

  for (const training::RobustnessCurve* c : curves) {
    if (!c) continue;
    SanityCheck check{
        "nonzero_gradients", c->zeroGradientFraction <= o.maxZeroGradientFraction,
        points(c->zeroGradientFraction) + " of the clean rows have an exactly zero input gradient"};
    add(check, check.detail +
                   ": saturated softmax or a non-differentiable step; gradient "
                   "attacks cannot move those rows (use logits / a margin loss)");
    break;  // the same rows and model for every curve
  }

  for (const SanityCheck& c : report.checks)
    if (!c.passed) report.gradientMaskingSuspected = true;
  return report;
}

}  // namespace edgewise::robustness
