#pragma once
// The subcommands of edgewise-cli. Each takes the arguments after its name and returns the
// process exit code (0 ok, 1 failure, 2 usage error).

#include <QStringList>

#include "core/store/recording_repository.h"

namespace edgewise::cli {

int runRecord(const QStringList& args);
int runRecordings(const QStringList& args);
int runBench(const QStringList& args);
int runDemo(const QStringList& args);
int runExport(const QStringList& args);
int runImport(const QStringList& args);
int runTrain(const QStringList& args);
int runSearch(const QStringList& args);
int runEval(const QStringList& args);
int runModels(const QStringList& args);
int runExportModel(const QStringList& args);
int runImportModel(const QStringList& args);
int runCompress(const QStringList& args);
// Internal: peak RSS of a process serving a model (run by the compression service).
int runProbeModel(const QStringList& args);
// export --model (compress_command.cpp), dispatched by runExport.
int runExportStoredModel(const QStringList& args);
// bench compress (bench_compress.cpp), dispatched by runBench.
int runBenchCompress(const QStringList& args);
// bench train (bench_train.cpp), dispatched by runBench.
int runBenchTrain(const QStringList& args);
// bench active-learning (bench_active.cpp), dispatched by runBench.
int runBenchActiveLearning(const QStringList& args);
// bench drift (bench_drift.cpp), dispatched by runBench.
int runBenchDrift(const QStringList& args);
// bench robustness (bench_robustness.cpp), dispatched by runBench.
int runBenchRobustness(const QStringList& args);
// audit (audit_command.cpp) dispatches to its subcommands: drift (audit_command.cpp),
// robustness and latency (their own files).
int runAudit(const QStringList& args);
int runAuditDrift(const QStringList& args);
int runAuditRobustness(const QStringList& args);
int runAuditLatency(const QStringList& args);
// plan placement (plan_command.cpp): the edge/cloud placement planner of issue 6.
int runPlan(const QStringList& args);
int runPlanPlacement(const QStringList& args);

// deploy (deploy_command.cpp): a stored model to devices (docs/deploy_protocol.md).
int runDeploy(const QStringList& args);
// bench deploy (bench_deploy.cpp), dispatched from main() ahead of runBench.
int runBenchDeploy(const QStringList& args);

// "recording", "complete", "interrupted": the words used in output and JSON.
const char* recordingStatusName(store::RecordingStatus status);

}  // namespace edgewise::cli
