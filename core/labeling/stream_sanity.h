#pragma once
// Timestamp sanity of a recorded stream, for the timeline's warning banner: gaps (an interval
// above gapFactor x the median interval), duplicate timestamps and non-monotonic order, each
// with a count and the first positions. Positions are sample indices in arrival order (the
// order the recorder stored them), which is the order that can be non-monotonic:
// RecordingRepository::readStream() returns samples already merged into time order.

#include <cstdint>
#include <string>
#include <vector>

#include "core/util/result.h"

namespace edgewise::store {
class Project;
}

namespace edgewise::labeling {

struct TimestampIssue {
  int64_t index = 0;       // sample index of the later sample of the pair
  int64_t previousUs = 0;  // timestamp before it
  int64_t timestampUs = 0;
};

struct TimestampReport {
  int64_t samples = 0;
  int64_t medianIntervalUs = 0;  // over positive intervals; 0 when fewer than two
  double gapFactor = 3.0;
  int64_t gapCount = 0;
  int64_t gapTotalUs = 0;  // time inside gaps beyond one median interval each
  int64_t duplicateCount = 0;
  int64_t nonMonotonicCount = 0;          // a timestamp below the one before it
  std::vector<TimestampIssue> firstGaps;  // at most maxExamples each
  std::vector<TimestampIssue> firstDuplicates;
  std::vector<TimestampIssue> firstNonMonotonic;
  bool clean() const { return gapCount == 0 && duplicateCount == 0 && nonMonotonicCount == 0; }
  // One line for the GUI banner / CLI, empty when clean: "3 gaps (> 3 x 10 ms), ...".
  std::string summary() const;
};

TimestampReport scanTimestamps(const std::vector<int64_t>& timestampsUs, double gapFactor = 3.0,
                               size_t maxExamples = 10);

// Reads the stream's chunks in the order they were stored and scans their timestamps.
Result<TimestampReport> scanStream(store::Project& project, int64_t streamId,
                                   double gapFactor = 3.0, size_t maxExamples = 10);

}  // namespace edgewise::labeling
