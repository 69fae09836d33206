// edgewise-cli audit: the Audit stage headless. `audit drift` compares a live window of
// features with the reference the model was trained on (core/audit/drift_monitor.h);
// robustness (audit_robustness.cpp) and latency (audit_latency.cpp) share the dispatcher.

#include <cmath>

#include <nlohmann/json.hpp>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "core/audit/drift_monitor.h"
#include "core/audit/feature_table.h"

namespace edgewise::cli {

using namespace Qt::StringLiterals;
using nlohmann::json;

namespace {

const char kAuditUsage[] =
    "Usage: edgewise-cli audit <drift|robustness|latency> [options]\n"
    "  drift       per-feature KS / PSI / Wasserstein and multivariate MMD of a live CSV\n"
    "              window against a reference CSV (FDR-controlled drift flags)\n"
    "  robustness  FGSM / PGD / DeepFool / CW robust accuracy per epsilon of a stored\n"
    "              model, sanity checks, IoT fault and label-flip poisoning curves\n"
    "  latency     local latency benchmark of a stored model: init, first inference,\n"
    "              p50 / p90 / p99 / max, mean +- std, cv, peak RSS\n"
    "Run 'edgewise-cli audit <subcommand> --help' for its options.\n";

// NaN (no p-value) prints as null: JSON has no NaN.
json number(double v) {
  return std::isfinite(v) ? json(v) : json(nullptr);
}

json reportJson(const audit::DriftReport& r, const QString& referencePath,
                const QString& livePath) {
  json features = json::array();
  json drifted = json::array();
  for (const audit::FeatureDrift& f : r.features) {
    features.push_back({{"feature", f.feature},
                        {"ks_stat", f.ksStatistic},
                        {"ks_p", number(f.ksPValue)},
                        {"ks_p_adjusted", number(f.ksPAdjusted)},
                        {"ks_method", f.ksMethod == audit::KsMethod::Exact ? "exact" : "asymp"},
                        {"psi", f.psi},
                        {"psi_threshold", number(f.psiThreshold)},
                        {"wasserstein", f.wasserstein},
                        {"drift", f.drift}});
    if (f.drift) drifted.push_back(f.feature);
  }
  json out{{"reference", referencePath.toStdString()},
           {"live", livePath.toStdString()},
           {"reference_rows", r.referenceRows},
           {"live_rows", r.liveRows},
           {"alpha", r.alpha},
           {"decision", "ks_bh"},
           {"features", features},
           {"drifted_features", drifted},
           {"drift", r.drift}};
  if (r.multivariate) {
    const audit::MultivariateDrift& m = *r.multivariate;
    out["multivariate"] = {{"mmd", m.mmd2},
                           {"statistic", "mmd2_unbiased"},
                           {"kernel", "rbf"},
                           {"bandwidth", m.bandwidth},
                           {"permutations", m.permutations},
                           {"p_value", number(m.pValue)},
                           {"reference_rows", m.referenceRows},
                           {"live_rows", m.liveRows},
                           {"drift", m.drift}};
  } else {
    out["multivariate"] = nullptr;
  }
  return out;
}

QString reportText(const audit::DriftReport& r) {
  QString text = u"reference %1 rows, live %2 rows, alpha %3 (KS with Benjamini-Hochberg)\n"_s
                     .arg(r.referenceRows)
                     .arg(r.liveRows)
                     .arg(r.alpha);
  text +=
      u"feature              ks_stat       ks_p  ks_p_adj     psi  psi_thr  wasserstein  drift\n"_s;
  for (const audit::FeatureDrift& f : r.features) {
    text += u"%1 %2 %3 %4 %5 %6 %7  %8\n"_s.arg(qs(f.feature), -18)
                .arg(f.ksStatistic, 9, 'f', 4)
                .arg(f.ksPValue, 10, 'g', 3)
                .arg(f.ksPAdjusted, 9, 'g', 3)
                .arg(f.psi, 7, 'f', 4)
                .arg(f.psiThreshold, 8, 'f', 4)
                .arg(f.wasserstein, 12, 'g', 4)
                .arg(f.drift ? u"DRIFT"_s : u"-"_s);
  }
  if (r.multivariate) {
    const audit::MultivariateDrift& m = *r.multivariate;
    text += u"multivariate: MMD^2 %1 (bandwidth %2, %3 + %4 rows), permutation p %5 (%6): %7\n"_s
                .arg(m.mmd2, 0, 'g', 4)
                .arg(m.bandwidth, 0, 'g', 4)
                .arg(m.referenceRows)
                .arg(m.liveRows)
                .arg(m.pValue, 0, 'g', 3)
                .arg(m.permutations)
                .arg(m.drift ? u"DRIFT"_s : u"no drift"_s);
  }
  text += r.drift ? u"drift: yes\n"_s : u"drift: no\n"_s;
  return text;
}

}  // namespace

int runAuditDrift(const QStringList& args) {
  CommandLine cl(u"audit drift"_s,
                 u"Drift of a live window against a reference, both CSV files with a header row "
                 "of feature names (the live file's columns are matched by name). Per feature: "
                 "two-sample Kolmogorov-Smirnov (p-values as scipy.stats.ks_2samp), PSI on 10 "
                 "reference-quantile bins with its threshold for this window size, Wasserstein-1; "
                 "a feature drifted when its KS p-value survives Benjamini-Hochberg at --alpha. "
                 "Multivariate: MMD^2 (RBF kernel, median bandwidth) with a permutation p-value. "
                 "See docs/audit_drift.md."_s);
  cl.addOption({u"reference"_s, u"Reference features (the training data), CSV."_s, u"FILE"_s});
  cl.addOption({u"live"_s, u"Live window, CSV with the reference's columns."_s, u"FILE"_s});
  cl.addOption({u"alpha"_s, u"FDR level of the drift decision, level of MMD (0.05)."_s, u"A"_s});
  cl.addOption({u"bins"_s, u"PSI bins (10)."_s, u"N"_s});
  cl.addOption({u"permutations"_s, u"MMD permutations (200; 0: no MMD)."_s, u"N"_s});
  cl.addOption({u"mmd-rows"_s, u"MMD rows per side, a seeded subset beyond (200)."_s, u"N"_s});
  cl.addOption({u"seed"_s, u"Seed of the MMD permutations and subsets (42)."_s, u"S"_s});
  cl.addOption({u"json"_s, u"Print JSON."_s});
  if (auto exit = cl.parse(args)) return *exit;

  for (const QString& required : {u"reference"_s, u"live"_s}) {
    if (!cl.isSet(required)) return cl.usageError(u"--"_s + required + u" FILE is required"_s);
  }
  auto alpha = cl.doubleValue(u"alpha"_s, 0.05, 1e-12, 0.5);
  auto bins = cl.intValue(u"bins"_s, 10, 2, 1000);
  auto permutations = cl.intValue(u"permutations"_s, 200, 0, 1000000);
  auto mmdRows = cl.intValue(u"mmd-rows"_s, 200, 2, 100000);
  auto seed = cl.intValue(u"seed"_s, 42, 0, INT64_MAX);
  for (const Error* e :
       {alpha.ok() ? nullptr : &alpha.error(), bins.ok() ? nullptr : &bins.error(),
        permutations.ok() ? nullptr : &permutations.error(),
        mmdRows.ok() ? nullptr : &mmdRows.error(), seed.ok() ? nullptr : &seed.error()}) {
    if (e) return cl.usageError(qs(e->message));
  }
  audit::DriftOptions options;
  options.alpha = *alpha;
  options.psiBins = static_cast<int>(*bins);
  options.multivariate = *permutations > 0;
  options.mmdPermutations = static_cast<int>(*permutations);
  options.mmdMaxRows = static_cast<size_t>(*mmdRows);
  options.seed = static_cast<uint64_t>(*seed);

  const QString referencePath = cl.value(u"reference"_s);
  const QString livePath = cl.value(u"live"_s);
  auto reference = audit::readFeatureCsv(referencePath.toStdString());
  if (!reference.ok()) return cl.failure(qs(reference.error().toString()));
  auto live = audit::readFeatureCsv(livePath.toStdString());
  if (!live.ok()) return cl.failure(qs(live.error().toString()));
  auto monitor = audit::DriftMonitor::create(*reference, options);
  if (!monitor.ok())
    return cl.failure(qs(monitor.error().wrap(referencePath.toStdString()).toString()));
  auto report = monitor->score(*live);
  if (!report.ok()) return cl.failure(qs(report.error().wrap(livePath.toStdString()).toString()));

  if (cl.isSet(u"json"_s)) {
    printOut(qs(reportJson(*report, referencePath, livePath).dump(2)) + u"\n"_s);
  } else {
    printOut(reportText(*report));
  }
  return kExitOk;
}

int runAudit(const QStringList& args) {
  if (args.isEmpty()) {
    printErr(QString::fromLatin1(kAuditUsage));
    return kExitUsage;
  }
  QStringList rest = args;
  const QString which = rest.takeFirst();
  if (which == u"drift") return runAuditDrift(rest);
  if (which == u"robustness") return runAuditRobustness(rest);
  if (which == u"latency") return runAuditLatency(rest);
  if (which == u"--help" || which == u"-h") {
    printOut(QString::fromLatin1(kAuditUsage));
    return kExitOk;
  }
  printErr(u"edgewise-cli audit: unknown subcommand '"_s + which + u"'\n"_s +
           QString::fromLatin1(kAuditUsage));
  return kExitUsage;
}

}  // namespace edgewise::cli
