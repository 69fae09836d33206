#include "app/cli/service_util.h"

#include <chrono>
#include <cmath>
#include <memory>

#include "app/cli/cli_common.h"

namespace edgewise::cli {

using namespace Qt::StringLiterals;

CancelWatch::CancelWatch() {
  installStopHandlers();
  m_thread = std::thread([this] {
    while (!m_done.load()) {
      if (stopRequested()) m_cancel.store(true);
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
}

CancelWatch::~CancelWatch() {
  m_done.store(true);
  m_thread.join();
}

training::TrainProgressFn stderrProgress(bool quiet) {
  if (quiet) return {};
  auto last = std::make_shared<std::string>();
  return [last](double f, const std::string& msg, const training::TrainProgress* epoch) {
    if (msg == *last && !epoch) return;
    *last = msg;
    QString line = u"[%1%] "_s.arg(static_cast<int>(std::lround(f * 100)), 3) + qs(msg);
    if (epoch) {
      // Families without epochs report NaN for what they do not measure.
      if (std::isfinite(epoch->trainLoss))
        line += u" train loss %1"_s.arg(epoch->trainLoss, 0, 'f', 4);
      if (std::isfinite(epoch->trainAccuracy))
        line += u" train acc %1"_s.arg(epoch->trainAccuracy, 0, 'f', 4);
      if (std::isfinite(epoch->valLoss)) line += u" val loss %1"_s.arg(epoch->valLoss, 0, 'f', 4);
      if (std::isfinite(epoch->valAccuracy))
        line += u" val acc %1"_s.arg(epoch->valAccuracy, 0, 'f', 4);
    }
    printErr(line + u"\n"_s);
  };
}

}  // namespace edgewise::cli
