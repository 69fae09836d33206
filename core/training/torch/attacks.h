#pragma once
// Evasion attacks on the LibTorch families ("mlp", "cnn1d", "cnn2d") and on TorchScript
// models ("torchscript"): FGSM, PGD (L-inf and L2), DeepFool and Carlini-Wagner L2, and
// robust-accuracy curves over epsilon. Torch-free header, like torch_models.h; the LibTorch
// code is in attacks.cpp.
//
// Units. The networks standardize their input inside forward(); the attacks perturb the RAW
// input rows (what predictBatch() takes). A perturbation is delta = scale (.) u, with
// `scale` one positive number per column (empty: all 1), and every norm and epsilon is
// measured on u. scale = 1 makes epsilon raw units (pixels / 255 for images: eps 0.1 is
// 25.5 grey levels); scale = the per-channel standard deviation of the training data makes
// epsilon "standard deviations of that sensor" (mixed-unit IMU windows). The perturbed row is
// clipped to [clipMin, clipMax] when that range is finite (images: [0, 1]).
//
// Robust accuracy is the fraction of rows the model gets right both on the clean row and on
// the attacked row (a row misclassified clean counts as broken at every epsilon), so the
// curve starts at or below the clean accuracy.

#include <atomic>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "core/training/classifier.h"
#include "core/util/result.h"

namespace edgewise::training {

enum class AttackKind { Fgsm, Pgd, DeepFool, CarliniWagner };
enum class AttackNorm { Linf, L2 };

// "fgsm", "pgd", "deepfool", "cw" and back; unknown text is an error listing the names.
std::string attackName(AttackKind kind);
Result<AttackKind> parseAttackKind(const std::string& text);
std::string normName(AttackNorm norm);  // "linf", "l2"
Result<AttackNorm> parseAttackNorm(const std::string& text);

struct AttackOptions {
  AttackKind kind = AttackKind::Fgsm;
  // FGSM: linf steps along sign(grad) (Goodfellow et al. 2015), l2 along grad / ||grad||_2
  // (the "fast gradient method"). PGD: the ball projected onto. DeepFool: the norm minimised.
  // CW is L2 only (an L-inf request is an error).
  AttackNorm norm = AttackNorm::Linf;
  // PGD iterations (Madry et al. 2018); DeepFool / CW: maximum iterations (0 = 50 / 100).
  int steps = 20;
  // PGD step as a fraction of epsilon; 0 = 2.5 / steps (Madry et al.'s rule).
  double stepRelative = 0.0;
  // PGD starts at a uniform random point of the ball (L2: uniform direction, radius eps * r
  // with r uniform in [0, 1]) drawn from `seed`; false starts at the clean row.
  bool randomStart = true;
  uint64_t seed = 42;
  double overshoot = 0.02;  // DeepFool (Moosavi-Dezfooli et al. 2016)
  int cwSearchSteps = 5;    // CW: binary search steps over the constant c
  double cwInitialC = 1.0;  // CW: first c
  double cwLearningRate = 0.01;
  double cwConfidence = 0.0;  // CW's kappa
  std::vector<float> scale;   // per column, see the header comment; empty = 1
  float clipMin = -std::numeric_limits<float>::infinity();
  float clipMax = std::numeric_limits<float>::infinity();
  int batchSize = 256;
  const std::atomic<bool>* cancel = nullptr;  // polled between batches: Error("cancelled")
};

// One attacked row for display: the clean row, the attacked row and their difference (raw
// units), its label and the predictions before and after.
struct AdversarialExample {
  int row = 0;  // index into X
  int label = 0;
  int cleanPrediction = 0;
  int adversarialPrediction = 0;
  double eps = 0.0;  // the epsilon it was attacked with
  std::vector<float> original, adversarial, perturbation;
};

struct RobustnessCurve {
  AttackKind kind = AttackKind::Fgsm;
  AttackNorm norm = AttackNorm::Linf;
  int rows = 0;
  double cleanAccuracy = 0.0;
  std::vector<double> eps;       // ascending, as given (sorted)
  std::vector<double> accuracy;  // robust accuracy per eps
  std::vector<double> seconds;   // attack time per eps (DeepFool / CW: one run, split evenly)
  // DeepFool / CW: the mean norm (u units) of the smallest perturbation found on the rows
  // they broke, and the fraction of clean-correct rows they did not break at all.
  double meanMinimalNorm = std::numeric_limits<double>::quiet_NaN();
  double unbrokenFraction = std::numeric_limits<double>::quiet_NaN();
  // Clean rows whose loss gradient with respect to the input is exactly zero (a sign of
  // saturated softmax / gradient masking when large).
  double zeroGradientFraction = 0.0;
  std::vector<AdversarialExample> examples;
};

// Whether gradient attacks can run on this model: ok for trained mlp / cnn1d / cnn2d models
// (and their pruned / distilled variants, which keep the family) and TorchScript models; an
// error naming the reason otherwise (OpenCV ml families, ensembles, quantized variants).
Result<void> checkAttackable(const Classifier& model);

// Attacks every row of X (CV_32F, model.dims() columns; labels y) at each epsilon (>= 0, any
// order; the curve is sorted ascending). `examples`: up to that many clean-correct rows (the
// first ones), each attacked at the smallest epsilon that fools the model (the largest when
// none does). DeepFool and CW run once per row and the curve reads off each row's minimal
// perturbation (broken at eps when its norm <= eps).
Result<RobustnessCurve> attackCurve(const Classifier& model, const cv::Mat& X,
                                    const std::vector<int>& y, const std::vector<double>& eps,
                                    const AttackOptions& options, int examples = 4);

// The attacked rows of one attack at one epsilon (FGSM / PGD; DeepFool / CW return their
// minimal adversarial rows, eps ignored), with the model's predictions on them.
struct AttackedRows {
  cv::Mat X;
  std::vector<int> predicted;
  std::vector<double> norms;  // per row: the perturbation's norm in u units
};
Result<AttackedRows> attackRows(const Classifier& model, const cv::Mat& X,
                                const std::vector<int>& y, double eps,
                                const AttackOptions& options);

}  // namespace edgewise::training
