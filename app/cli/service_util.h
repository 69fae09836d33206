#pragma once
// Helpers of the subcommands that run the training service (train, search, eval, compress,
// bench train, bench compress, bench active-learning): SIGINT/SIGTERM as the service's cancel
// flag, progress lines on stderr, the split / feature options, KEY=VALUE lists and the
// built-in benchmark datasets.

#include <QString>
#include <QStringList>

#include <atomic>
#include <map>
#include <string>
#include <thread>

#include "core/dataset/data/dataset_types.h"
#include "core/training/service/train_service.h"
#include "core/util/result.h"

namespace edgewise::cli {

// Turns SIGINT/SIGTERM (a flag set by the signal handler) into the service's cancel flag.
class CancelWatch {
 public:
  CancelWatch();
  ~CancelWatch();
  const std::atomic<bool>* flag() const { return &m_cancel; }

 private:
  std::atomic<bool> m_cancel{false};
  std::atomic<bool> m_done{false};
  std::thread m_thread;
};

// Progress lines on stderr, one per step or epoch (not per percent); nothing when quiet.
training::TrainProgressFn stderrProgress(bool quiet);

class CommandLine;

// "KEY=VALUE" items of a repeatable option; an item without '=' is an error naming --option.
Result<std::map<std::string, std::string>> keyValues(const QStringList& items, const char* option);

// --features, --feature-param, --split, --split-seed, and the PrepareOptions they give.
void addPrepareOptions(CommandLine& cl);
Result<training::PrepareOptions> prepareOptions(const CommandLine& cl);

// The datasets the benchmarks run without a project: "digits" (digits.png, by default the
// source tree's tests/data copy) or "imu" (the simulated IMU activity set, perClass windows per
// class, seed 42).
Result<dataset::ParsedDataset> builtinDataset(const QString& name, const QString& digitsFile,
                                              int perClass);

}  // namespace edgewise::cli
