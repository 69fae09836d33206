#pragma once
// Helpers of the subcommands that run the training service (train, search, eval, compress,
// bench compress): SIGINT/SIGTERM as the service's cancel flag, progress lines on stderr.

#include <atomic>
#include <thread>

#include "core/training/service/train_service.h"

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

}  // namespace edgewise::cli
