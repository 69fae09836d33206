// readRecordings: labeled recordings from the capture pane cut into windows of a time-series
// dataset (declared in importers.h). The windowing itself is windowRecordings().

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "core/dataset/data/importers.h"

namespace edgewise::dataset {

Result<ParsedDataset> readRecordings(store::Project& project,
                                     const std::vector<RecordingSource>& sources,
                                     const RecordingWindowing& windowing,
                                     const std::vector<std::optional<RecordingLabels>>& effective) {
  const std::string ctx = "reading recordings";
  if (sources.empty()) return Error("no recording given", ctx);
  if (!effective.empty() && effective.size() != sources.size())
    return Error("effective labels for " + std::to_string(effective.size()) + " of " +
                     std::to_string(sources.size()) + " recordings",
                 ctx);
  auto labelsOf = [&](size_t i) { return effective.empty() ? nullptr : &effective[i]; };
  // A source without a label is refused before its recording is read; the others are windowed
  // together (one window length, one channel count, one rate).
  std::vector<RecordingStreamRef> refs;
  std::vector<size_t> sourceOf;  // refs index -> sources index
  std::vector<RecordingWindows::Rejected> unlabeled;
  for (size_t i = 0; i < sources.size(); ++i) {
    const RecordingSource& src = sources[i];
    if (src.label.empty() && !(labelsOf(i) && *labelsOf(i))) {
      unlabeled.push_back({i,
                           {"recording " + std::to_string(src.recordingId) +
                                (src.stream.empty() ? std::string() : " " + src.stream),
                            "no label"}});
      continue;
    }
    refs.push_back({src.recordingId, src.stream});
    sourceOf.push_back(i);
  }
  Result<RecordingWindows> windows = windowRecordings(project, refs, windowing);
  if (!windows.ok()) return windows.error();
  for (RecordingWindows::Rejected& r : windows->rejected) r.source = sourceOf[r.source];
  std::vector<RecordingWindows::Rejected> rejected = std::move(windows->rejected);
  rejected.insert(rejected.end(), unlabeled.begin(), unlabeled.end());
  std::stable_sort(rejected.begin(), rejected.end(),
                   [](const auto& a, const auto& b) { return a.source < b.source; });

  char buf[96];
  std::snprintf(buf, sizeof buf, "recordings window-ms=%g stride-ms=%g", windowing.windowMs,
                windowing.strideMs);
  ParsedDataset out;
  out.info.kind = DatasetKind::Timeseries;
  out.info.source = buf;
  out.info.seriesChannels = windows->channels;
  out.info.seriesLength = windows->length;
  out.info.seriesRateHz = windows->rateHz;
  for (const RecordingWindows::Rejected& r : rejected) out.rejected.push_back(r.rejection);

  const size_t windowFloats =
      static_cast<size_t>(windows->length) * static_cast<size_t>(windows->channels);
  out.samples.reserve(windows->windows.size());
  std::map<std::pair<size_t, WindowLabel::State>, int64_t> skipped;  // (source, why) -> windows
  for (const RecordingWindow& w : windows->windows) {
    const size_t source = sourceOf[windows->streams[w.stream].source];
    std::string label = sources[source].label;
    if (const auto* labels = labelsOf(source); labels && *labels) {
      WindowLabel wl = labelWindow(**labels, w.startUs, w.endUs);
      if (wl.state != WindowLabel::State::Labeled) {
        ++skipped[{source, wl.state}];
        continue;
      }
      label = std::move(wl.label);
    }
    auto cls = std::find(out.info.classNames.begin(), out.info.classNames.end(), label);
    ParsedSample s;
    s.label = static_cast<int>(cls - out.info.classNames.begin());
    if (cls == out.info.classNames.end()) out.info.classNames.push_back(label);
    s.source = windows->sourceOf(w);
    s.blob.resize(windowFloats * sizeof(float));
    std::memcpy(s.blob.data(), windows->valuesOf(w), s.blob.size());
    out.samples.push_back(std::move(s));
  }
  for (const auto& [key, n] : skipped) {
    const RecordingSource& src = sources[key.first];
    out.rejected.push_back(
        {"recording " + std::to_string(src.recordingId) +
             (src.stream.empty() ? std::string() : " " + src.stream),
         std::to_string(n) + (n == 1 ? " window skipped: " : " windows skipped: ") +
             (key.second == WindowLabel::State::Unresolved
                  ? "no class covers more than half, an unresolved disagreement overlaps"
                  : "no effective label covers more than half")});
  }
  if (out.samples.empty()) {
    std::string why;
    for (const Rejection& r : out.rejected) why += "; " + r.source + ": " + r.reason;
    return Error("no usable window" + why, ctx);
  }
  return out;
}

}  // namespace edgewise::dataset
