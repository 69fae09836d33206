// edgewise-cli plan placement: the placement planner of issue 6 (core/placement) on the
// simulated set-up of Li, Ota and Dong (IEEE Network 2018, Figure 3). The tasks' layers are
// scaled from per-layer profiles measured here on real LibTorch models
// (training::profileStandardModels). Prints the number of tasks each algorithm deploys at the
// edge, for one instance or a sweep over the number of tasks or of edge servers.

#include <nlohmann/json.hpp>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "core/placement/measured_profiles.h"
#include "core/placement/profile_io.h"

namespace edgewise::cli {

using namespace Qt::StringLiterals;
using nlohmann::json;

namespace {

const char kPlanUsage[] =
    "Usage: edgewise-cli plan <subcommand> [options]\n"
    "\n"
    "Subcommands:\n"
    "  placement   split deep learning tasks between edge servers and the cloud (offline\n"
    "              and online algorithms vs fixed 1-5 layers, FIFO and low-bandwidth-first)\n";

Result<std::vector<int>> parseIntList(const QString& text, int min, int max) {
  std::vector<int> out;
  for (const QString& part : text.split(u',', Qt::SkipEmptyParts)) {
    bool ok = false;
    const int v = part.trimmed().toInt(&ok);
    if (!ok || v < min || v > max)
      return Error("'" + part.toStdString() + "' is not a whole number in [" + std::to_string(min) +
                   ", " + std::to_string(max) + "]");
    out.push_back(v);
  }
  if (out.empty()) return Error("the list is empty");
  return out;
}

json parametersJson(const placement::SimulationConfig& c) {
  return {{"input_bytes", {c.minInputBytes, c.maxInputBytes}},
          {"layers", {c.minLayers, c.maxLayers}},
          {"bandwidth_bps", {c.minBandwidthBps, c.maxBandwidthBps}},
          {"bandwidth_distribution", c.logUniformBandwidth ? "log-uniform" : "uniform"},
          {"latency_bound_s", c.latencyBound},
          {"cloud_speedup", c.cloudSpeedup},
          {"edge_seconds_per_mb", c.edgeSecondsPerMegabyte},
          {"request_rate_hz", c.requestRate},
          {"capacity_cores", {c.minCapacity, c.maxCapacity}},
          {"online_quantiles", {c.onlineLowQuantile, c.onlineHighQuantile}},
          {"calibration_tasks", c.calibrationTasks}};
}

json runJson(const placement::SimulationResult& r) {
  json deployed = json::object(), algorithms = json::array();
  for (const auto& a : r.algorithms) {
    deployed[a.algorithm] = a.deployed;
    algorithms.push_back({{"algorithm", a.algorithm},
                          {"deployed", a.deployed},
                          {"mean_edge_layers", a.meanEdgeLayers},
                          {"utilization", a.utilization},
                          {"violations", a.violations}});
  }
  return {{"tasks", r.config.tasks},
          {"edges", r.config.edges},
          {"seed", r.config.seed},
          {"deployable", r.deployable},
          {"online_expected_tasks", r.online.expectedTasks},
          {"online_history_tasks", r.online.demandHistory.size()},
          {"competitive_demand_bounds", {r.competitive.minDemand, r.competitive.maxDemand}},
          {"deployed", deployed},
          {"algorithms", algorithms}};
}

void printTableHeader(const QString& first) {
  QString line = first.leftJustified(8);
  for (const std::string& n : placement::algorithmNames())
    line += (n == "online-competitive" ? u"competitive"_s : qs(n))
                .rightJustified(n.size() > 8 ? 12 : 9);
  printOut(line + u"  deployable\n"_s);
}

void printTableRow(int key, const placement::SimulationResult& r) {
  QString line = QString::number(key).leftJustified(8);
  for (const std::string& n : placement::algorithmNames()) {
    const auto* a = r.find(n);
    line += QString::number(a ? a->deployed : 0).rightJustified(n.size() > 8 ? 12 : 9);
  }
  printOut(line + QString::number(r.deployable).rightJustified(12) + u"\n"_s);
}

}  // namespace

int runPlanPlacement(const QStringList& args) {
  CommandLine cl(u"plan placement"_s,
                 u"Edge/cloud placement of deep learning tasks (Li, Ota, Dong, IEEE Network "
                 "2018): how many tasks each algorithm deploys at the edge on a simulated "
                 "set-up whose layers are profiled on real LibTorch models. See "
                 "docs/placement.md."_s);
  cl.addOption({u"tasks"_s, u"Number of tasks (1000)."_s, u"N"_s});
  cl.addOption({u"edges"_s, u"Number of edge servers (50)."_s, u"E"_s});
  cl.addOption({u"seed"_s, u"Seed of the instance (1)."_s, u"S"_s});
  cl.addOption(
      {u"sweep-tasks"_s, u"Run for each number of tasks, e.g. 200,400,600,800,1000."_s, u"LIST"_s});
  cl.addOption(
      {u"sweep-edges"_s, u"Run for each number of edge servers, e.g. 20,30,...,90."_s, u"LIST"_s});
  cl.addOption({u"latency"_s, u"Latency bound in seconds (0.2)."_s, u"S"_s});
  cl.addOption({u"cloud-speedup"_s, u"How much faster the cloud runs a layer (10)."_s, u"X"_s});
  cl.addOption({u"edge-seconds-per-mb"_s,
                u"Edge compute of a whole model on a 1 MB input, mean over models (0.1)."_s,
                u"S"_s});
  cl.addOption(
      {u"uniform-bandwidth"_s, u"Draw link bandwidths uniformly instead of log-uniformly."_s});
  cl.addOption({u"profiles"_s, u"Add the layer profiles used to the JSON."_s});
  cl.addOption({u"save-profiles"_s, u"Write the measured layer profiles to FILE."_s, u"FILE"_s});
  cl.addOption({u"load-profiles"_s,
                u"Use the layer profiles in FILE (from --save-profiles) instead of measuring: "
                "the same seed then gives the same numbers on any machine."_s,
                u"FILE"_s});
  cl.addOption({u"json"_s, u"Print JSON."_s});
  if (auto exit = cl.parse(args)) return *exit;

  placement::SimulationConfig config;
  auto tasks = cl.intValue(u"tasks"_s, config.tasks, 0, 1'000'000);
  auto edges = cl.intValue(u"edges"_s, config.edges, 1, 100'000);
  auto seed = cl.intValue(u"seed"_s, 1, 0, INT64_MAX);
  auto latency = cl.doubleValue(u"latency"_s, config.latencyBound, 1e-6, 3600.0);
  auto speedup = cl.doubleValue(u"cloud-speedup"_s, config.cloudSpeedup, 1e-3, 1e6);
  auto perMb = cl.doubleValue(u"edge-seconds-per-mb"_s, config.edgeSecondsPerMegabyte, 1e-9, 1e6);
  for (const auto* r : {&tasks, &edges, &seed})
    if (!r->ok()) return cl.usageError(qs(r->error().toString()));
  for (const auto* r : {&latency, &speedup, &perMb})
    if (!r->ok()) return cl.usageError(qs(r->error().toString()));
  if (cl.isSet(u"sweep-tasks"_s) && cl.isSet(u"sweep-edges"_s))
    return cl.usageError(u"--sweep-tasks and --sweep-edges exclude each other"_s);
  config.tasks = static_cast<int>(*tasks);
  config.edges = static_cast<int>(*edges);
  config.seed = static_cast<uint64_t>(*seed);
  config.latencyBound = *latency;
  config.cloudSpeedup = *speedup;
  config.edgeSecondsPerMegabyte = *perMb;
  config.logUniformBandwidth = !cl.isSet(u"uniform-bandwidth"_s);

  QString sweepName;
  std::vector<int> sweep;
  if (cl.isSet(u"sweep-tasks"_s) || cl.isSet(u"sweep-edges"_s)) {
    const bool overTasks = cl.isSet(u"sweep-tasks"_s);
    sweepName = overTasks ? u"tasks"_s : u"edges"_s;
    auto list = parseIntList(cl.value(overTasks ? u"sweep-tasks"_s : u"sweep-edges"_s),
                             overTasks ? 0 : 1, overTasks ? 1'000'000 : 100'000);
    if (!list.ok())
      return cl.usageError(u"--sweep-"_s + sweepName + u": "_s + qs(list.error().toString()));
    sweep = *list;
  }

  const bool loaded = cl.isSet(u"load-profiles"_s);
  auto measured = loaded ? placement::loadProfiles(cl.value(u"load-profiles"_s).toStdString())
                         : placement::measureStandardProfiles(config.minLayers, config.maxLayers);
  if (!measured.ok()) return cl.failure(qs(measured.error().toString()));
  const std::vector<placement::ModelProfile>& profiles = *measured;
  if (cl.isSet(u"save-profiles"_s)) {
    auto saved = placement::saveProfiles(cl.value(u"save-profiles"_s).toStdString(), profiles);
    if (!saved.ok()) return cl.failure(qs(saved.error().toString()));
  }

  std::vector<placement::SimulationResult> runs;
  const std::vector<int> keys = sweep.empty() ? std::vector<int>{0} : sweep;
  for (int key : keys) {
    placement::SimulationConfig c = config;
    if (sweepName == u"tasks") c.tasks = key;
    if (sweepName == u"edges") c.edges = key;
    auto r = placement::simulate(c, profiles);
    if (!r.ok()) return cl.failure(qs(r.error().toString()));
    runs.push_back(std::move(*r));
  }

  if (cl.isSet(u"json"_s)) {
    json out = {{"command", "plan placement"}, {"parameters", parametersJson(config)}};
    if (sweep.empty()) {
      out.update(runJson(runs.front()));
    } else {
      out["sweep"] = sweepName.toStdString();
      out["values"] = sweep;
      out["seed"] = config.seed;
      out[sweepName == u"tasks" ? "edges" : "tasks"] =
          sweepName == u"tasks" ? config.edges : config.tasks;
      json list = json::array();
      for (const auto& r : runs) list.push_back(runJson(r));
      out["runs"] = list;
    }
    out["profiles_source"] = loaded ? cl.value(u"load-profiles"_s).toStdString() : "measured";
    if (cl.isSet(u"profiles"_s)) out["profiles"] = json::parse(placement::profilesToJson(profiles));
    printOut(qs(out.dump(2)) + u"\n"_s);
    return kExitOk;
  }

  const auto& c = config;
  printOut(
      u"placement on %1 link bandwidths %2-%3 Mb/s, inputs %4-%5 kB, %6-%7 layers, "
      "latency bound %8 s, cloud %9x faster, seed %10\n"_s
          .arg(c.logUniformBandwidth ? u"log-uniform"_s : u"uniform"_s)
          .arg(c.minBandwidthBps / 1e6)
          .arg(c.maxBandwidthBps / 1e6)
          .arg(c.minInputBytes / 1e3)
          .arg(c.maxInputBytes / 1e3)
          .arg(c.minLayers)
          .arg(c.maxLayers)
          .arg(c.latencyBound)
          .arg(c.cloudSpeedup)
          .arg(c.seed));
  printOut(loaded
               ? u"layer profiles of %1 models from %2\n"_s.arg(profiles.size())
                     .arg(cl.value(u"load-profiles"_s))
               : u"layer profiles measured now on %1 LibTorch models (mlp, cnn1d, cnn2d)\n"_s.arg(
                     profiles.size()));
  if (sweep.empty()) {
    const auto& r = runs.front();
    printOut(u"%1 tasks, %2 edge servers: %3 tasks can meet the bound at the edge\n"_s
                 .arg(r.config.tasks)
                 .arg(r.config.edges)
                 .arg(r.deployable));
    for (const auto& a : r.algorithms)
      printOut(u"  %1 %2 deployed at the edge, %3 layers there on average, %4% of capacity\n"_s
                   .arg(qs(a.algorithm).leftJustified(18))
                   .arg(a.deployed, 5)
                   .arg(a.meanEdgeLayers, 0, 'f', 2)
                   .arg(100.0 * a.utilization, 0, 'f', 1));
    return kExitOk;
  }
  printOut(sweepName == u"tasks" ? u"%1 edge servers\n"_s.arg(c.edges)
                                 : u"%1 tasks\n"_s.arg(c.tasks));
  printTableHeader(sweepName);
  for (size_t i = 0; i < runs.size(); ++i) printTableRow(sweep[i], runs[i]);
  return kExitOk;
}

int runPlan(const QStringList& args) {
  if (args.isEmpty()) {
    printErr(QString::fromLatin1(kPlanUsage));
    return kExitUsage;
  }
  QStringList rest = args;
  const QString which = rest.takeFirst();
  if (which == u"placement") return runPlanPlacement(rest);
  if (which == u"--help" || which == u"-h") {
    printOut(QString::fromLatin1(kPlanUsage));
    return kExitOk;
  }
  printErr(u"edgewise-cli plan: unknown subcommand '"_s + which + u"'\n"_s +
           QString::fromLatin1(kPlanUsage));
  return kExitUsage;
}

}  // namespace edgewise::cli
