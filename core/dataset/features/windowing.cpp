#include "core/dataset/features/windowing.h"

#include <cmath>
#include <string>

namespace edgewise::features {

Result<WindowPlan> planWindows(std::size_t totalSamples, double rateHz, double windowMs,
                               double strideMs) {
  if (!std::isfinite(rateHz) || rateHz <= 0)
    return Error("sample rate must be a positive number of Hz, got " + std::to_string(rateHz),
                 "planning windows");
  const double window = std::round(windowMs * rateHz / 1000.0);
  const double stride = std::round(strideMs * rateHz / 1000.0);
  if (!std::isfinite(window) || window < 1)
    return Error("window of " + std::to_string(windowMs) + " ms at " + std::to_string(rateHz) +
                     " Hz is shorter than one sample; use a longer window",
                 "planning windows");
  if (!std::isfinite(stride) || stride < 1)
    return Error("stride of " + std::to_string(strideMs) + " ms at " + std::to_string(rateHz) +
                     " Hz is shorter than one sample; use a longer stride",
                 "planning windows");
  WindowPlan plan;
  plan.windowSamples = static_cast<std::size_t>(window);
  plan.strideSamples = static_cast<std::size_t>(stride);
  for (std::size_t s = 0; s + plan.windowSamples <= totalSamples; s += plan.strideSamples)
    plan.starts.push_back(s);
  return plan;
}

}  // namespace edgewise::features
