#include "core/inventory/rollout_planner.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>

#include "core/deploy/deployer.h"
#include "core/deploy/manifest.h"

namespace edgewise::inventory {

using json = nlohmann::json;

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string fmt(const char* format, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

std::string mb(int64_t bytes) {
  if (bytes < 1024 * 1024) return fmt("%.0f kB", std::ceil(static_cast<double>(bytes) / 1024.0));
  return fmt("%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
}

}  // namespace

int Plan::deployCount() const {
  return static_cast<int>(
      std::count_if(entries.begin(), entries.end(), [](const PlanEntry& e) { return e.deploy; }));
}
int Plan::skipCount() const {
  return static_cast<int>(entries.size()) - deployCount();
}

std::optional<Requirement> requirementFor(const std::vector<Requirement>& requirements,
                                          const std::string& deviceClass) {
  for (const auto& r : requirements)
    if (r.deviceClass == deviceClass && !deviceClass.empty()) return r;
  for (const auto& r : requirements)
    if (r.deviceClass == "*") return r;
  return std::nullopt;
}

std::vector<PlanDevice> selectPlanDevices(const std::vector<PlanDevice>& devices,
                                          const PlanSelection& selection,
                                          std::vector<std::string>* unknownIds) {
  std::set<std::string> byId;
  if (!selection.devices.empty()) {
    // deploy::selectDevices matches online devices only; here every known device matches
    // (an offline one is planned as skipped), so an id it reports missing is unknown.
    std::vector<deploy::DeviceInfo> known;
    for (const auto& d : devices) {
      deploy::DeviceInfo info;
      info.id = d.id;
      info.online = true;
      known.push_back(info);
    }
    std::vector<std::string> missing;
    for (auto& id : deploy::selectDevices(selection.devices, known, &missing)) byId.insert(id);
    if (unknownIds) unknownIds->insert(unknownIds->end(), missing.begin(), missing.end());
  }
  std::vector<PlanDevice> out;
  const std::string filter = lower(selection.filter);
  for (const auto& d : devices) {
    if (!selection.devices.empty() && !byId.count(d.id)) continue;
    if (!selection.tag.empty() &&
        std::find(d.tags.begin(), d.tags.end(), selection.tag) == d.tags.end())
      continue;
    if (!selection.deviceClass.empty() && d.deviceClass != selection.deviceClass) continue;
    if (!filter.empty()) {
      bool hit = lower(d.id).find(filter) != std::string::npos ||
                 lower(d.deviceClass).find(filter) != std::string::npos;
      for (const auto& t : d.tags) hit = hit || lower(t).find(filter) != std::string::npos;
      if (!hit) continue;
    }
    out.push_back(d);
  }
  std::sort(out.begin(), out.end(),
            [](const PlanDevice& a, const PlanDevice& b) { return a.id < b.id; });
  return out;
}

std::string checkFit(const ModelCandidate& v, const PlanDevice& device,
                     const std::optional<Requirement>& req, std::string* fit) {
  std::vector<std::string> parts;
  const int64_t ramBytes = v.peakRssBytes > 0 ? v.peakRssBytes : v.sizeBytes;
  const char* ramWhat = v.peakRssBytes > 0 ? "peak RSS" : "size";
  if (device.ramMb > 0) {
    const int64_t have = device.ramMb * 1024 * 1024;
    if (ramBytes > have)
      return "needs " + mb(ramBytes) + " RAM (" + ramWhat + "), device has " +
             std::to_string(device.ramMb) + " MB";
    parts.push_back("ram " + mb(ramBytes) + " of " + std::to_string(device.ramMb) + " MB");
  }
  if (req && req->maxRamKb) {
    if (ramBytes > *req->maxRamKb * 1024)
      return "needs " + std::to_string((ramBytes + 1023) / 1024) + " kB RAM (" + ramWhat +
             "), class allows " + std::to_string(*req->maxRamKb) + " kB";
    parts.push_back("ram <= " + std::to_string(*req->maxRamKb) + " kB");
  }
  if (req && req->maxFlashKb) {
    if (v.sizeBytes > *req->maxFlashKb * 1024)
      return "needs " + std::to_string((v.sizeBytes + 1023) / 1024) + " kB flash, class allows " +
             std::to_string(*req->maxFlashKb) + " kB";
    parts.push_back("flash " + std::to_string((v.sizeBytes + 1023) / 1024) + " of " +
                    std::to_string(*req->maxFlashKb) + " kB");
  }
  if (req && req->maxLatencyMs) {
    if (v.latencyP99Us <= 0)
      return "latency not measured, class allows p99 " + fmt("%g", *req->maxLatencyMs) + " ms";
    const double ms = v.latencyP99Us / 1000.0;
    if (ms > *req->maxLatencyMs)
      return "p99 " + fmt("%.3g", ms) + " ms > " + fmt("%g", *req->maxLatencyMs) + " ms allowed";
    parts.push_back("p99 " + fmt("%.3g", ms) + " of " + fmt("%g", *req->maxLatencyMs) + " ms");
  }
  if (req && req->minAccuracy) {
    if (!v.accuracy) return "accuracy unknown, class needs " + fmt("%.3g", *req->minAccuracy);
    if (*v.accuracy + 1e-12 < *req->minAccuracy)
      return "accuracy " + fmt("%.3f", *v.accuracy) + " < " + fmt("%.3g", *req->minAccuracy) +
             " required";
    parts.push_back("accuracy " + fmt("%.3f", *v.accuracy) +
                    " >= " + fmt("%.3g", *req->minAccuracy));
  }
  if (fit) {
    fit->clear();
    for (size_t i = 0; i < parts.size(); ++i) *fit += (i ? ", " : "") + parts[i];
    if (fit->empty()) *fit = "no limits";
  }
  return {};
}

Plan planRollout(const std::vector<ModelCandidate>& family, const std::vector<PlanDevice>& devices,
                 const std::vector<Requirement>& requirements, const PlanSelection& selection) {
  Plan plan;
  const auto selected = selectPlanDevices(devices, selection, &plan.unknown);
  for (const PlanDevice& d : selected) {
    PlanEntry e;
    e.device = d.id;
    e.deviceClass = d.deviceClass;
    if (!d.online) {
      e.reason = "not online";
      plan.entries.push_back(e);
      continue;
    }
    if (!d.agentVersion.empty() && !selection.minAgentVersion.empty() &&
        deploy::compareVersions(d.agentVersion, selection.minAgentVersion) < 0) {
      e.reason =
          "agent " + d.agentVersion + " is older than the required " + selection.minAgentVersion;
      plan.entries.push_back(e);
      continue;
    }
    const auto req = requirementFor(requirements, d.deviceClass);
    const bool lowLatency = req && req->objective == "low_latency";
    const ModelCandidate* best = nullptr;
    std::string bestFit;
    std::vector<std::string> why;
    for (const ModelCandidate& v : family) {
      std::string fit;
      const std::string no = checkFit(v, d, req, &fit);
      if (!no.empty()) {
        why.push_back(v.name + ": " + no);
        continue;
      }
      bool better = best == nullptr;
      if (!better) {
        const double accV = v.accuracy.value_or(-1), accB = best->accuracy.value_or(-1);
        const double latV = v.latencyP50Us > 0 ? v.latencyP50Us : 1e300;
        const double latB = best->latencyP50Us > 0 ? best->latencyP50Us : 1e300;
        better = lowLatency ? (latV < latB || (latV == latB && accV > accB))
                            : (accV > accB || (accV == accB && latV < latB));
      }
      if (better) {
        best = &v;
        bestFit = fit;
      }
    }
    if (!best) {
      e.reason = family.empty() ? std::string("no model") : "no variant fits: ";
      for (size_t i = 0; i < why.size(); ++i) e.reason += (i ? "; " : "") + why[i];
    } else {
      e.deploy = true;
      e.modelId = best->id;
      e.variantName = best->name;
      e.fit = bestFit +
              (req ? std::string(lowLatency ? " (low latency)" : " (best effort)") : std::string());
    }
    plan.entries.push_back(e);
  }
  return plan;
}

std::string planToJson(const Plan& plan) {
  json devices = json::array();
  for (const auto& e : plan.entries) {
    devices.push_back({{"device", e.device},
                       {"class", e.deviceClass},
                       {"deploy", e.deploy},
                       {"model_id", e.modelId ? json(*e.modelId) : json(nullptr)},
                       {"variant", e.variantName},
                       {"fit", e.fit},
                       {"reason", e.reason}});
  }
  return json({{"devices", devices},
               {"deploy", plan.deployCount()},
               {"skipped", plan.skipCount()},
               {"unknown", plan.unknown}})
      .dump();
}

PlanDevice planDeviceFrom(const DeviceRecord& r, bool online) {
  PlanDevice d;
  d.id = r.id;
  d.deviceClass = r.deviceClass;
  d.tags = r.tags;
  d.online = online;
  d.agentVersion = r.agentVersion;
  const json hw = json::parse(r.hardwareJson, nullptr, false);
  if (hw.is_object() && hw.contains("ram_mb") && hw["ram_mb"].is_number())
    d.ramMb = hw["ram_mb"].get<int64_t>();
  const json m = json::parse(r.modelJson, nullptr, false);
  if (m.is_object() && m.contains("sha256") && m["sha256"].is_string())
    d.modelSha256 = m["sha256"].get<std::string>();
  return d;
}

}  // namespace edgewise::inventory
