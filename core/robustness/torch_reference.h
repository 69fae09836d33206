#pragma once
// The check behind issue 7's target "FGSM and PGD robust accuracy equals a reference
// implementation written with python3-torch on the same TorchScript model and data within 1
// point": exports a trained torch model to TorchScript, attacks the imported TorchScript model
// here and runs tests/robustness/attack_ref.py (python3-torch) on the same file and rows.
// PGD starts at the clean row on both sides (no random start), so both are deterministic.
// Used by test_robustness and `edgewise-cli bench robustness`.

#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "core/training/classifier.h"
#include "core/training/torch/attacks.h"
#include "core/util/result.h"

namespace edgewise::robustness {

struct ReferenceCase {
  std::vector<double> eps;
  training::AttackNorm norm = training::AttackNorm::Linf;
  int steps = 10;
  double stepRelative = 0.25;  // PGD step / eps
  bool clip = false;           // valid range [lo, hi]
  float lo = 0.0f, hi = 1.0f;
};

struct ReferenceComparison {
  bool skipped = false;  // python3-torch is not installed (the script exits 77)
  std::vector<double> eps;
  double clean = 0.0, refClean = 0.0;
  std::vector<double> fgsm, pgd;        // this implementation, on the TorchScript model
  std::vector<double> refFgsm, refPgd;  // attack_ref.py
  double maxDiffPoints = 0.0;           // max |ours - reference| over both curves, points
};

// dir: an existing empty folder for model.pt, inputs.f32, labels.i64 and meta.json.
// python: the interpreter with torch (/usr/bin/python3); script: attack_ref.py.
Result<ReferenceComparison> compareWithTorchReference(const training::Classifier& model,
                                                      const cv::Mat& X, const std::vector<int>& y,
                                                      const ReferenceCase& c,
                                                      const std::string& python,
                                                      const std::string& script,
                                                      const std::string& dir);

}  // namespace edgewise::robustness
