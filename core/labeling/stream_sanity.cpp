#include "core/labeling/stream_sanity.h"

#include <algorithm>
#include <cstdio>

#include "core/store/chunk_codec.h"
#include "core/store/project.h"
#include "core/store/sqlite_util.h"

namespace edgewise::labeling {

std::string TimestampReport::summary() const {
  if (clean()) return {};
  std::string out;
  auto add = [&](const std::string& part) { out += (out.empty() ? "" : ", ") + part; };
  char buf[160];
  if (gapCount) {
    std::snprintf(buf, sizeof buf, "%lld gaps (> %g x %.3g ms, first at sample %lld)",
                  static_cast<long long>(gapCount), gapFactor, medianIntervalUs / 1000.0,
                  static_cast<long long>(firstGaps.empty() ? 0 : firstGaps.front().index));
    add(buf);
  }
  if (duplicateCount) {
    std::snprintf(
        buf, sizeof buf, "%lld duplicate timestamps (first at sample %lld)",
        static_cast<long long>(duplicateCount),
        static_cast<long long>(firstDuplicates.empty() ? 0 : firstDuplicates.front().index));
    add(buf);
  }
  if (nonMonotonicCount) {
    std::snprintf(
        buf, sizeof buf, "%lld timestamps out of order (first at sample %lld)",
        static_cast<long long>(nonMonotonicCount),
        static_cast<long long>(firstNonMonotonic.empty() ? 0 : firstNonMonotonic.front().index));
    add(buf);
  }
  return out;
}

TimestampReport scanTimestamps(const std::vector<int64_t>& ts, double gapFactor,
                               size_t maxExamples) {
  TimestampReport r;
  r.samples = static_cast<int64_t>(ts.size());
  r.gapFactor = gapFactor;
  std::vector<int64_t> positive;
  for (size_t i = 1; i < ts.size(); ++i) {
    if (ts[i] > ts[i - 1]) positive.push_back(ts[i] - ts[i - 1]);
  }
  if (!positive.empty()) {
    auto mid = positive.begin() + static_cast<std::ptrdiff_t>(positive.size() / 2);
    std::nth_element(positive.begin(), mid, positive.end());
    r.medianIntervalUs = *mid;
    if (positive.size() % 2 == 0) {
      const int64_t below = *std::max_element(positive.begin(), mid);
      r.medianIntervalUs = (below + *mid) / 2;
    }
  }
  for (size_t i = 1; i < ts.size(); ++i) {
    const TimestampIssue issue{static_cast<int64_t>(i), ts[i - 1], ts[i]};
    const int64_t d = ts[i] - ts[i - 1];
    if (d == 0) {
      ++r.duplicateCount;
      if (r.firstDuplicates.size() < maxExamples) r.firstDuplicates.push_back(issue);
    } else if (d < 0) {
      ++r.nonMonotonicCount;
      if (r.firstNonMonotonic.size() < maxExamples) r.firstNonMonotonic.push_back(issue);
    } else if (r.medianIntervalUs > 0 &&
               static_cast<double>(d) > gapFactor * static_cast<double>(r.medianIntervalUs)) {
      ++r.gapCount;
      r.gapTotalUs += d - r.medianIntervalUs;
      if (r.firstGaps.size() < maxExamples) r.firstGaps.push_back(issue);
    }
  }
  return r;
}

Result<TimestampReport> scanStream(store::Project& project, int64_t streamId, double gapFactor,
                                   size_t maxExamples) {
  const std::string ctx = "checking timestamps of stream " + std::to_string(streamId);
  auto q = store::detail::Statement::prepare(
      project.handle(), "SELECT seq_no, blob FROM chunks WHERE stream_id = ?1 ORDER BY seq_no");
  if (!q.ok()) return q.error().wrap(ctx);
  q->bind(1, streamId);
  std::vector<int64_t> ts;
  for (;;) {
    Result<bool> row = q->step();
    if (!row.ok()) return row.error().wrap(ctx);
    if (!row.value()) break;
    auto c = store::detail::decodeChunk(q->blobData(1), q->blobSize(1));
    if (!c.ok()) return c.error().wrap(ctx + ", chunk " + std::to_string(q->int64(0)));
    ts.insert(ts.end(), c->timestampsUs.begin(), c->timestampsUs.end());
  }
  return scanTimestamps(ts, gapFactor, maxExamples);
}

}  // namespace edgewise::labeling
