#pragma once
// The compression lab as one call, for the Compression pane, the CLI and `bench compress`:
// load a stored model, apply a recipe (one method or a chain "prune:0.8+int8"), measure the
// variant and its parent the same way in the same run, and store the variant in the registry
// with lineage (parent_id, origin "compressed", details = the report as JSON). Runs on the
// caller's thread (a worker) with a Project connection opened for that thread.

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/training/metrics.h"
#include "core/training/service/model_registry.h"
#include "core/training/service/train_service.h"
#include "core/training/torch/torch_compress.h"
#include "core/util/result.h"

namespace edgewise::store {
class Project;
}

namespace edgewise::training {

// One step of a recipe, parsed from "int8", "dynamic-int8", "fp16", "prune:0.8",
// "prune-structured:0.5", "distill:32", "lowrank:16" (or "lowrank:0.9" = energy).
struct CompressStep {
  std::string method;   // int8 | dynamic-int8 | fp16 | prune | prune-structured | distill | lowrank
  double amount = 0.0;  // sparsity, fraction, width, rank or energy
  int depth = 0;        // distill only: student hidden/conv layers ("distill:64x1"); 0 = parent's
  std::string text() const;  // canonical text ("prune:0.8")
};
// "prune:0.8+int8" -> two steps. Unknown methods, missing or out-of-range amounts and chains
// that make no sense (anything after int8/dynamic-int8/fp16) are errors with the reason.
Result<std::vector<CompressStep>> parseRecipe(const std::string& text);
// The methods with a one-line description each, for the GUI and --help.
std::vector<std::pair<std::string, std::string>> compressionMethods();

struct CompressRequest {
  int64_t modelId = 0;
  std::string recipe;            // parseRecipe() text
  int finetuneEpochs = 0;        // pruning / low rank fine-tuning; distillation: 0 means 30
  int calibrationSamples = 256;  // static int8: rows of the training split
  double temperature = 2.0;      // distillation (see DistillOptions)
  double alpha = 0.5;            // distillation
  std::string engine = "auto";   // quantized engine
  std::string name;              // empty: "<parent name> <recipe>"
  double latencySeconds = 1.0;   // per model (variant and parent)
  uint64_t seed = 42;
};

// Size, accuracy and speed of one model, measured identically for parent and variant.
struct VariantMeasure {
  int64_t modelId = 0;
  std::string name;
  std::string family;
  int64_t sizeBytes = 0;  // model file on disk
  int64_t params = 0;     // learned parameters
  int64_t paramsNonzero = 0;
  double accuracy = 0.0;  // test split
  double macroF1 = 0.0;
  Metrics metrics;
  LatencyStats latency;      // single-sample, >= latencySeconds and >= 50 runs, warm-up
  int64_t peakRssBytes = 0;  // of a child process that loads the model and runs the test split
  // Microcontroller estimate of the C99 export (0 when the model cannot be exported to C).
  int64_t mcuFlashBytes = 0;
  int64_t mcuRamBytes = 0;
};

struct CompressReport {
  VariantMeasure variant;
  VariantMeasure parent;
  std::string recipe;                   // canonical
  std::vector<LayerError> layerErrors;  // SQNR per layer (static int8)
  std::vector<std::string> notes;       // what the method did
  std::vector<std::string> warnings;    // e.g. "the int8 variant is slower than its parent"
  std::vector<TrainProgress> history;   // fine-tuning / distillation
  double seconds = 0.0;                 // whole call
};
// Report <-> JSON (the CLI prints this; ModelRecord::details stores it).
std::string compressReportToJson(const CompressReport& report);

// Progress: fraction 0..1 and the step ("loading", "quantizing", "fine-tuning 3/10",
// "measuring latency", "saving"). Cancel at any step: Error("cancelled"), nothing stored.
Result<CompressReport> compressAndRegister(store::Project& project, const CompressRequest& request,
                                           const TrainProgressFn& progress = {},
                                           const std::atomic<bool>* cancel = nullptr);

// Measures a stored model (parent or variant) exactly as compressAndRegister does.
Result<VariantMeasure> measureModel(store::Project& project, int64_t modelId,
                                    double latencySeconds = 1.0);

}  // namespace edgewise::training
