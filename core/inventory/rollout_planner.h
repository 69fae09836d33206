#pragma once
// The rollout plan: for each selected device, which variant of a model to deploy, or why the
// device is skipped. A pure function of the model family (the model and its compressed
// variants), the devices and the requirements per device class; no I/O.
//
// Fit of a variant on a device (every limit that is set must hold):
//   RAM    the variant's peak RSS (or, when not measured, its file size) <= the device's
//          hardware.ram_mb and <= the class's max_ram_kb
//   flash  the file size <= max_flash_kb
//   latency the variant's measured p99 (workbench) <= max_latency_ms
//   accuracy the variant's test accuracy >= min_accuracy (unknown accuracy fails a minimum)
// Choice among the variants that fit: best_effort takes the highest accuracy (then the lower
// p50), low_latency the lowest p50 (then the higher accuracy).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/inventory/inventory_repository.h"

namespace edgewise::inventory {

struct PlanDevice {
  std::string id;
  std::string deviceClass;
  std::vector<std::string> tags;
  bool online = false;
  std::string agentVersion;
  int64_t ramMb = 0;        // 0: unknown (the RAM check is skipped for the device's own RAM)
  std::string modelSha256;  // what runs now ("" none)
};

struct PlanSelection {
  std::string devices;      // comma list of ids and globs; empty: every device
  std::string tag;          // empty: any
  std::string deviceClass;  // empty: any
  std::string filter;       // case-insensitive substring of id, class or a tag; empty: any
  std::string minAgentVersion = "0.1.0";
};

struct PlanEntry {
  std::string device;
  std::string deviceClass;
  bool deploy = false;             // false: skipped
  std::optional<int64_t> modelId;  // the chosen variant
  std::string variantName;
  std::string fit;     // "ram 12 of 512 MB, p99 0.4 of 5 ms, accuracy 0.93 >= 0.9"
  std::string reason;  // why skipped
};

struct Plan {
  std::vector<PlanEntry> entries;    // selected devices in id order
  std::vector<std::string> unknown;  // ids named exactly that are not known at all
  int deployCount() const;
  int skipCount() const;
};

// The requirement for a class: its own row, else '*', else none.
std::optional<Requirement> requirementFor(const std::vector<Requirement>& requirements,
                                          const std::string& deviceClass);

// Devices matching the selection (every criterion that is set), in id order.
std::vector<PlanDevice> selectPlanDevices(const std::vector<PlanDevice>& devices,
                                          const PlanSelection& selection,
                                          std::vector<std::string>* unknownIds);

// Why `variant` does not fit the device under `requirement` ("" when it fits); fit receives
// the one-line summary of the checks.
std::string checkFit(const ModelCandidate& variant, const PlanDevice& device,
                     const std::optional<Requirement>& requirement, std::string* fit);

Plan planRollout(const std::vector<ModelCandidate>& family, const std::vector<PlanDevice>& devices,
                 const std::vector<Requirement>& requirements, const PlanSelection& selection);

// {"devices":[{"device","class","deploy","model_id","variant","fit","reason"}],"deploy":n,
//  "skipped":n,"unknown":[..]}
std::string planToJson(const Plan& plan);

// A PlanDevice from the stored device record (hardware.ram_mb, model.sha256).
PlanDevice planDeviceFrom(const DeviceRecord& record, bool online);

}  // namespace edgewise::inventory
