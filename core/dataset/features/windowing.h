#pragma once
// Windowing of multi-channel time series: window size and stride in milliseconds.

#include <cstddef>
#include <vector>

#include "core/util/result.h"

namespace edgewise::features {

struct WindowPlan {
  std::size_t windowSamples = 0;
  std::size_t strideSamples = 0;
  // First sample of every window. A window is emitted only if it fits completely: the last
  // partial window is dropped (a model always sees windows of one length).
  std::vector<std::size_t> starts;
};

// windowSamples = round(windowMs * rateHz / 1000), strideSamples likewise; both must be >= 1.
// starts = 0, stride, 2*stride, ... while start + windowSamples <= totalSamples (empty when
// the series is shorter than one window; that is not an error).
Result<WindowPlan> planWindows(std::size_t totalSamples, double rateHz, double windowMs,
                               double strideMs);

}  // namespace edgewise::features
