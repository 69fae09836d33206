#pragma once
// Compression of the LibTorch families ("mlp", "cnn1d", "cnn2d"): int8 quantization through
// LibTorch's quantized engines, float16 weights, pruning, distillation, low-rank
// factorization. Every function takes a trained parent Classifier and returns a NEW
// Classifier (the variant); the parent is never modified. Torch-free header, like
// torch_models.h. Variants save/load through the usual model file (loadTorchClassifier /
// loadClassifier recognise them) and export to TorchScript with exportTorchScript().

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "core/training/classifier.h"
#include "core/training/net_description.h"
#include "core/util/result.h"

namespace edgewise::training {

// Per-layer quantization error: SQNR = 10 log10(sum y^2 / sum (y - y_q)^2) of the layer's
// output on the calibration rows, float model vs int8 model (both given the float input of
// that layer).
struct LayerError {
  std::string layer;
  double sqnrDb = 0.0;
};

struct CompressResult {
  std::unique_ptr<Classifier> model;    // the variant, trained and ready to predict/save
  int64_t paramsNonzero = 0;            // learned parameters that are not exactly zero
  std::vector<LayerError> layerErrors;  // static int8 only
  std::vector<std::string> notes;       // human-readable facts ("fc0: 256 -> 128 neurons")
  std::vector<TrainProgress> history;   // fine-tuning / distillation epochs (may be empty)
};

// Data for fine-tuning and distillation (training split; validation optional for early
// stopping), and how long to train. epochs = 0: no fine-tuning.
struct FineTuneOptions {
  const cv::Mat* X = nullptr;
  const std::vector<int>* y = nullptr;
  int epochs = 0;
  double lr = 1e-3;  // Adam
  int batchSize = 64;
  uint64_t seed = 42;
  // Magnitude pruning with epochs > 0: raise the sparsity along a cubic ramp
  // s_t = s (1 - (1 - t/R)^3) over the first 2/3 of the fine-tuning steps (R), re-masking
  // from the current weights, then hold the final mask (Zhu & Gupta 2017, "To prune, or not
  // to prune"). false: prune once, then fine-tune with that mask held.
  bool gradualPruning = true;
  TrainContext context;  // validation data, per-epoch progress, cancel
};

// ---- quantization -------------------------------------------------------------------------
// Names of the quantized engines this LibTorch supports ("qnnpack", "onednn", "fbgemm").
std::vector<std::string> quantizedEngines();

struct QuantizeOptions {
  std::string engine = "auto";  // auto = qnnpack when available, else onednn/fbgemm
  bool perChannel = true;       // per-output-channel weight scales (else per tensor)
};
// Post-training static int8: int8 weights, uint8 activations whose ranges are calibrated by
// running calibX (rows of the training split, already sampled by the caller) through the
// float model. Variant id: "<family>-int8".
Result<CompressResult> quantizeStaticInt8(const Classifier& model, const cv::Mat& calibX,
                                          const QuantizeOptions& options = {});
// Dynamic int8 for linear layers (weights int8, activations quantized on the fly); conv
// layers stay float. Variant id: "<family>-dint8".
Result<CompressResult> quantizeDynamicInt8(const Classifier& model,
                                           const QuantizeOptions& options = {});
// Weights stored as float16 (computed in float32). Variant id: "<family>-fp16".
Result<CompressResult> convertFloat16(const Classifier& model);

// ---- pruning ------------------------------------------------------------------------------
// Unstructured magnitude pruning: zeroes the fraction `sparsity` (0..1) of the weights with
// the smallest |w| (global over all conv/linear weights; biases and the standardisation are
// kept), then fine-tunes with the mask held fixed; with fineTune.gradualPruning (the default)
// the sparsity ramps up during fine-tuning instead. Either way exactly round(sparsity * n)
// weights end up zero. The variant has the parent's family id.
Result<CompressResult> pruneMagnitude(const Classifier& model, double sparsity,
                                      const FineTuneOptions& fineTune);
// Structured pruning: removes the fraction `fraction` of neurons (mlp hidden layers) or
// channels (conv layers) with the smallest L1 norm, building a smaller network of the same
// family (real smaller layers), then fine-tunes. The head and the input are kept.
Result<CompressResult> pruneStructured(const Classifier& model, double fraction,
                                       const FineTuneOptions& fineTune);

// ---- distillation -------------------------------------------------------------------------
struct DistillOptions {
  // Student width: the first hidden layer (mlp) / first conv layer gets `width` units, later
  // layers keep the parent's ratios (parent 256,128 with width 32 -> 32,16; minimum 2).
  int width = 32;
  int depth = 0;  // number of hidden/conv layers; 0 = the parent's depth
  // Softening of both teacher and student logits, and the weight of the soft (KL * T^2) loss
  // (1 - alpha on the labels). T = 2, alpha = 0.5 beat T = 4, alpha = 0.7 on all four bench
  // parents (digits mlp 56,28: 0.949 vs 0.931; digits cnn1d 6,12: 0.917 vs 0.909; IMU equal or
  // better), and T = 4 / 8 with alpha 0.3 / 0.9 as well.
  double temperature = 2.0;
  double alpha = 0.5;
  // Random pixel shifts of image inputs while distilling (the teacher labels each shifted
  // batch); -1 (default) = the teacher's own augment_shift, 0 = off. Digits mlp teacher
  // (shifts of 1), 56,28 student, T = 2, alpha = 0.5: 0.949 with, 0.913 without (with T = 4,
  // alpha = 0.7 it made no difference: 0.931 / 0.936); it costs ~1.7x the time.
  int augmentShift = -1;
};
// Trains a student of the teacher's family on fineTune.X/y (epochs = fineTune.epochs, 0 means
// 30) from the teacher's softened outputs plus the labels.
Result<CompressResult> distill(const Classifier& teacher, const DistillOptions& options,
                               const FineTuneOptions& fineTune);
// The widest student (first-layer width, as DistillOptions::width) of `depth` layers (0 = the
// teacher's depth) with at most maxParamRatio times the teacher's parameters; an error when
// even width 2 is too large. bench compress uses it with ratio 0.2 (>= 5x fewer parameters).
Result<int> widestStudent(const Classifier& teacher, int depth, double maxParamRatio);

// ---- low rank -----------------------------------------------------------------------------
// Replaces each linear layer W [out x in] by two (U_r S_r) [out x r] and V_r^T [r x in] from a
// truncated SVD, when that has fewer parameters. rank > 0: that rank (capped per layer);
// rank == 0: the smallest rank keeping `energy` of the squared singular values. Optional
// fine-tuning. Variant id: "<family>-lowrank".
Result<CompressResult> lowRankFactorize(const Classifier& model, int rank, double energy,
                                        const FineTuneOptions& fineTune);

// ---- inspection ---------------------------------------------------------------------------
// Learned parameters that are not exactly zero (any torch family or variant).
int64_t countNonzeroParameters(const Classifier& model);
// The layers and weights of an "mlp"/"cnn1d" model or of its static int8 / pruned / distilled
// variant, for the C99 export. Other families and variants are an error saying so.
Result<NetDescription> describeNet(const Classifier& model);
// Raw logits [rows x numClasses] (CV_32F) of any torch family or variant, for agreement
// checks against other implementations.
Result<cv::Mat> predictLogits(const Classifier& model, const cv::Mat& X);

}  // namespace edgewise::training
