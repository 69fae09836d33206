#include "app/cli/demo_training.h"

#include <map>

#include "core/dataset/data/dataset_repository.h"
#include "core/dataset/data/importers.h"
#include "core/dataset/data/simulated_dataset.h"
#include "core/store/project.h"
#include "core/training/service/model_registry.h"
#include "core/training/service/train_service.h"

namespace edgewise::cli {

namespace {

constexpr const char* kDemoDataset = "imu-activity";

std::string demoModelName(const std::string& family) {
  return "demo " + family + " on " + kDemoDataset;
}

}  // namespace

Result<nlohmann::json> runDemoTraining(const DemoTrainingOptions& options) {
  const auto say = [&options](const std::string& line) {
    if (options.say) options.say(line);
  };
  auto project = store::Project::open(options.projectPath);
  if (!project.ok()) return project.error();

  nlohmann::json out;
  {
    dataset::DatasetRepository datasets(**project);
    auto existing = datasets.findByName(kDemoDataset);
    if (!existing.ok()) {
      say("simulating the IMU activity dataset (5 classes x 60 windows of 2 s at 50 Hz)");
      auto parsed = dataset::simulateImuActivityDataset(60, 2.0, 50.0, 7);
      if (!parsed.ok()) return parsed.error().wrap("simulating the demo dataset");
      auto report = dataset::importDataset(**project, kDemoDataset, *parsed);
      if (!report.ok()) return report.error().wrap("importing the demo dataset");
      existing = datasets.findByName(kDemoDataset);
      if (!existing.ok()) return existing.error();
    }
    out["dataset"] = {{"name", existing->name},
                      {"kind", dataset::kindName(existing->kind)},
                      {"samples", existing->sampleCount},
                      {"classes", existing->classNames}};
  }

  training::ModelRegistry registry(**project);
  auto models = registry.list();
  if (!models.ok()) return models.error();
  std::map<std::string, training::ModelRecord> byName;
  for (const auto& m : *models) byName[m.name] = m;

  out["models"] = nlohmann::json::array();
  for (const std::string& family : options.families) {
    const std::string name = demoModelName(family);
    auto found = byName.find(name);
    training::ModelRecord record;
    if (found != byName.end() && options.skipExisting) {
      record = found->second;
    } else {
      if (found != byName.end()) {
        if (auto removed = registry.remove(found->second.id); !removed.ok()) return removed.error();
      }
      say("training " + family + " on " + kDemoDataset);
      training::TrainRequest request;
      request.datasetName = kDemoDataset;
      request.family = family;
      request.name = name;
      request.latencySeconds = 0.5;
      auto trained = training::trainAndRegister(**project, request);
      if (!trained.ok()) return trained.error().wrap("training " + family);
      record = std::move(*trained);
    }
    out["models"].push_back({{"family", record.family},
                             {"model_id", record.id},
                             {"accuracy", record.metrics.accuracy},
                             {"macro_f1", record.metrics.macroF1},
                             {"train_seconds", record.trainSeconds},
                             {"latency_p50_us", record.latencyP50Us},
                             {"params", record.parameterCount},
                             {"size_bytes", record.sizeBytes}});
    say(family + ": test accuracy " + std::to_string(record.metrics.accuracy));
  }
  return out;
}

}  // namespace edgewise::cli
