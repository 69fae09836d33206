#pragma once
// Dependency-free C99 export of "mlp" / "cnn1d" models (float32 or static int8) for
// microcontrollers, with the feature code so the device computes the same input rows as the
// desktop (see docs/c_export.md). No LibTorch, no Qt: the network comes as a NetDescription
// (describeNet() in core/training/torch/torch_compress.h).

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/training/net_description.h"
#include "core/util/result.h"

namespace edgewise::training {

// What the device feeds the model and how the model's input row is made from it (the
// effective FeatureSpec of prepareData() plus the dataset's shape).
struct CFeatureSpec {
  std::string kind;   // "tabular" | "image" | "timeseries" | "audio"
  std::string block;  // "" = the kind's default, or "raw" / "stats"
  std::map<std::string, double> params;
  int channels = 1;           // image: 1 (gray) or 3 (BGR); timeseries: sensor channels
  int length = 0;             // timeseries samples per window; tabular: feature count
  int height = 0, width = 0;  // image
  double rateHz = 0.0;        // timeseries / audio

  // Values the device passes to ew_features(): raw samples / pixels.
  int64_t rawInputs() const;
};

struct McuEstimate {
  int64_t weightBytes = 0;      // weights (int8 or float32), scales, multipliers, biases, std.
  int64_t codeBytes = 0;        // inference + feature code (see codeMethod)
  int64_t flashBytes = 0;       // weightBytes + codeBytes
  int64_t activationBytes = 0;  // the two ping-pong activation buffers
  int64_t featureBytes = 0;     // raw input + feature row (+ int8 input row)
  int64_t ramBytes = 0;         // activationBytes + featureBytes
  std::string codeMethod;       // "measured: cc -Os -c ..." or "constant ..."
};

struct CExportOptions {
  std::string prefix = "edgewise";  // file names <prefix>_model.h, ...
  // C compiler used to measure the code size (empty: look for "cc" on PATH; "none": use the
  // documented constant).
  std::string compiler;
};

struct CExportResult {
  std::vector<std::string> files;  // absolute paths of the generated files
  McuEstimate estimate;
};

// Checks that the network and the features can be exported (clear message if not).
Result<void> checkExportable(const NetDescription& net, const CFeatureSpec& features);

// Writes <prefix>_model.h (API), <prefix>_weights.h (const arrays), <prefix>_model.c
// (inference: static buffers, no malloc, only <stdint.h>/<math.h>/<string.h>),
// <prefix>_features.{h,c} and README.md into outDir (created if missing).
Result<CExportResult> exportC99(const NetDescription& net, const CFeatureSpec& features,
                                const std::string& outDir, const CExportOptions& options = {});

// Flash and RAM on a microcontroller. codeBytes: the generated .c files compiled with
// `cc -Os -c` when a compiler is found (host object size, text + rodata minus the weights),
// else kCodeBytesConstant.
McuEstimate estimateMcu(const NetDescription& net, const CFeatureSpec& features,
                        const std::string& compiler = {});

// Fallback code size when no compiler is available (Cortex-M4 -Os size of the generated
// inference + feature code is 2-4 KiB; x86-64 -Os measured 3-5 KiB).
constexpr int64_t kCodeBytesConstant = 4096;

}  // namespace edgewise::training
