#pragma once
// The training stage of `edgewise-cli demo`: a simulated IMU activity dataset in the demo
// project and models trained on it through the same service the Training pane uses.

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/util/result.h"

namespace edgewise::cli {

struct DemoTrainingOptions {
  std::string projectPath;
  std::vector<std::string> families;  // trained in this order; an existing demo model of a
                                      // family is replaced, so reruns do not pile up rows
  bool skipExisting = false;          // keep a family's demo model when it is already there
  std::function<void(const std::string&)> say;
};

// Imports "imu-activity" (60 windows per class, 2 s at 50 Hz) when missing, trains the
// families and returns {"dataset": {...}, "models": [{"family","model_id","accuracy",
// "macro_f1","train_seconds","latency_p50_us","params","size_bytes"}]}.
Result<nlohmann::json> runDemoTraining(const DemoTrainingOptions& options);

}  // namespace edgewise::cli
