#include "core/audit/fleet_latency.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/store/sqlite_util.h"
#include "core/util/percentile.h"

namespace edgewise::audit {

namespace {

bool measured(const TelemetryRow& r) {
  return !r.modelSha256.empty() && r.latencyP50Us > 0.0;
}

double median(std::vector<double> v) {
  return v.empty() ? 0.0 : util::percentile(std::move(v), 50.0);
}

}  // namespace

const std::vector<std::string>& latencyStages() {
  static const std::vector<std::string> kStages{"decode", "features", "inference", "publish"};
  return kStages;
}

std::vector<const LatencyRegression*> FleetLatency::regressions() const {
  std::vector<const LatencyRegression*> out;
  for (const auto& c : versionChanges)
    if (c.regression) out.push_back(&c);
  return out;
}

Result<std::vector<TelemetryRow>> loadTelemetry(sqlite3* db, const std::string& device,
                                                int64_t sinceUs) {
  auto st = store::detail::Statement::prepare(
      db,
      "SELECT device_id, ts_us, model_sha256, cpu_pct, latency_p50_us, latency_p99_us, "
      "predictions_per_s, stages FROM telemetry WHERE (?1 = '' OR device_id = ?1) AND ts_us >= ?2 "
      "ORDER BY device_id, ts_us");
  if (!st.ok()) return st.error().wrap("reading telemetry");
  st->bind(1, device).bind(2, sinceUs);
  std::vector<TelemetryRow> rows;
  for (;;) {
    Result<bool> more = st->step();
    if (!more.ok()) return more.error().wrap("reading telemetry");
    if (!*more) break;
    TelemetryRow r;
    r.device = st->text(0);
    r.tsUs = st->int64(1);
    r.modelSha256 = st->text(2);
    r.cpuPct = st->isNull(3) ? 0.0 : st->real(3);
    r.latencyP50Us = st->isNull(4) ? 0.0 : st->real(4);
    r.latencyP99Us = st->isNull(5) ? 0.0 : st->real(5);
    r.predictionsPerS = st->isNull(6) ? 0.0 : st->real(6);
    nlohmann::json stages = nlohmann::json::parse(st->text(7), nullptr, false);
    if (stages.is_object()) {
      for (auto it = stages.begin(); it != stages.end(); ++it)
        if (it.value().is_number()) r.stagesUs[it.key()] = it.value().get<double>();
    }
    rows.push_back(std::move(r));
  }
  return rows;
}

MannWhitney mannWhitneyGreater(const std::vector<double>& b, const std::vector<double>& a) {
  MannWhitney out;
  const size_t n1 = b.size(), n2 = a.size();
  if (n1 == 0 || n2 == 0) return out;
  std::vector<std::pair<double, int>> all;
  all.reserve(n1 + n2);
  for (double x : b) all.emplace_back(x, 0);
  for (double x : a) all.emplace_back(x, 1);
  std::sort(all.begin(), all.end(), [](const auto& l, const auto& r) { return l.first < r.first; });
  const size_t n = all.size();
  double rankSumB = 0.0, tieTerm = 0.0;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && all[j].first == all[i].first) ++j;
    const double rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2.0;  // average
    const double t = static_cast<double>(j - i);
    tieTerm += t * t * t - t;
    for (size_t k = i; k < j; ++k)
      if (all[k].second == 0) rankSumB += rank;
    i = j;
  }
  const double dn1 = static_cast<double>(n1), dn2 = static_cast<double>(n2),
               dn = static_cast<double>(n);
  out.u = rankSumB - dn1 * (dn1 + 1.0) / 2.0;
  const double mu = dn1 * dn2 / 2.0;
  const double var = dn1 * dn2 / 12.0 * ((dn + 1.0) - tieTerm / (dn * (dn - 1.0)));
  if (!(var > 0.0)) {
    out.pValue = 1.0;
    return out;
  }
  const double z = (out.u - mu - 0.5) / std::sqrt(var);  // continuity correction
  out.pValue = std::min(1.0, 0.5 * std::erfc(z / std::sqrt(2.0)));
  return out;
}

FleetLatency analyzeFleetLatency(const std::vector<TelemetryRow>& input,
                                 const LatencyRegressionRule& rule) {
  FleetLatency out;
  out.rule = rule;
  std::map<std::string, std::vector<const TelemetryRow*>> byDevice;
  for (const auto& r : input) byDevice[r.device].push_back(&r);
  for (auto& [device, rows] : byDevice) {
    std::sort(rows.begin(), rows.end(),
              [](const TelemetryRow* a, const TelemetryRow* b) { return a->tsUs < b->tsUs; });
    DeviceLatency dl;
    dl.device = device;
    dl.modelSha256 = rows.back()->modelSha256;
    dl.firstUs = rows.front()->tsUs;
    dl.lastUs = rows.back()->tsUs;
    std::vector<double> p50, p99, cpu;
    std::map<std::string, std::vector<double>> stages;
    for (const TelemetryRow* r : rows) {
      if (r->modelSha256 != dl.modelSha256 || !measured(*r)) continue;
      p50.push_back(r->latencyP50Us);
      p99.push_back(r->latencyP99Us);
      cpu.push_back(r->cpuPct);
      dl.p99MaxUs = std::max(dl.p99MaxUs, r->latencyP99Us);
      for (const auto& [stage, us] : r->stagesUs) stages[stage].push_back(us);
    }
    dl.heartbeats = p50.size();
    dl.p50Us = median(p50);
    dl.p99Us = median(p99);
    dl.cpuPct = median(cpu);
    for (auto& [stage, v] : stages) dl.stagesUs[stage] = median(v);
    out.devices.push_back(std::move(dl));

    // Version changes between two running models (an empty sha = no model: skipped over).
    std::vector<const TelemetryRow*> m;
    for (const TelemetryRow* r : rows)
      if (measured(*r)) m.push_back(r);
    for (size_t i = 1; i < m.size(); ++i) {
      if (m[i]->modelSha256 == m[i - 1]->modelSha256) continue;
      LatencyRegression c;
      c.device = device;
      c.beforeSha256 = m[i - 1]->modelSha256;
      c.afterSha256 = m[i]->modelSha256;
      c.switchedUs = m[i]->tsUs;
      std::vector<double> before, after;
      for (size_t k = i; k-- > 0 && before.size() < rule.heartbeats;) {
        if (m[k]->modelSha256 != c.beforeSha256) break;
        before.push_back(m[k]->latencyP50Us);
      }
      for (size_t k = i; k < m.size() && after.size() < rule.heartbeats; ++k) {
        if (m[k]->modelSha256 != c.afterSha256) break;
        after.push_back(m[k]->latencyP50Us);
      }
      c.beforeHeartbeats = before.size();
      c.afterHeartbeats = after.size();
      c.beforeP50Us = median(before);
      c.afterP50Us = median(after);
      c.ratio = c.beforeP50Us > 0.0 ? c.afterP50Us / c.beforeP50Us : 1.0;
      const MannWhitney mw = mannWhitneyGreater(after, before);
      c.uStatistic = mw.u;
      c.pValue = mw.pValue;
      c.regression = before.size() >= rule.minHeartbeats && after.size() >= rule.minHeartbeats &&
                     c.ratio > 1.0 + rule.minIncrease && c.pValue < rule.alpha;
      out.versionChanges.push_back(std::move(c));
    }
  }
  return out;
}

}  // namespace edgewise::audit
