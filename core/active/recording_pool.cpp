#include "core/active/recording_pool.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <set>

#include "core/dataset/data/dataset_repository.h"
#include "core/store/project.h"
#include "core/training/service/model_registry.h"

namespace edgewise::active {

Result<RecordingPool> prepareRecordingPool(store::Project& project,
                                           const RecordingPoolOptions& options,
                                           const std::function<void(double)>& progress,
                                           const std::atomic<bool>* cancel) {
  const std::string ctx = "preparing the recording pool";
  if (options.streams.empty()) return Error("no recording chosen", ctx);
  if (options.classNames.size() < 2)
    return Error(
        "the pool needs at least two classes to label with; add them to the project's label "
        "schema (Labeling pane, Timeline tab)",
        ctx);
  if (std::set<std::string>(options.classNames.begin(), options.classNames.end()).size() !=
      options.classNames.size())
    return Error("a class is named twice", ctx);
  Result<dataset::RecordingWindows> windows =
      dataset::windowRecordings(project, options.streams, options.windowing);
  if (!windows.ok()) return windows.error().wrap(ctx);
  RecordingPool pool;
  for (const dataset::RecordingWindows::Rejected& r : windows->rejected)
    pool.rejected.push_back(r.rejection);
  if (windows->windows.empty()) {
    std::string why;
    for (const dataset::Rejection& r : pool.rejected) why += "; " + r.source + ": " + r.reason;
    return Error("no usable window" + why, ctx);
  }

  dataset::DatasetInfo info;
  info.name = "recordings";
  info.kind = dataset::DatasetKind::Timeseries;
  info.seriesChannels = windows->channels;
  info.seriesLength = windows->length;
  info.seriesRateHz = windows->rateHz;
  info.classNames = options.classNames;
  info.source = "recordings";
  const size_t bytes =
      static_cast<size_t>(windows->length) * static_cast<size_t>(windows->channels) * sizeof(float);
  std::vector<dataset::StoredSample> samples(windows->windows.size());
  for (size_t r = 0; r < samples.size(); ++r) {
    dataset::StoredSample& s = samples[r];
    const dataset::RecordingWindow& w = windows->windows[r];
    s.id = static_cast<int64_t>(r);
    s.idx = static_cast<int64_t>(r);
    s.label = 0;  // unknown: the queue asks for it
    s.source = windows->sourceOf(w);
    s.blob.resize(bytes);
    std::memcpy(s.blob.data(), windows->valuesOf(w), bytes);
  }
  Result<training::PreparedData> data =
      training::prepareSamples(info, samples, options.features, progress, cancel);
  if (!data.ok()) return data.error().wrap(ctx);
  pool.windows = std::move(windows.value());
  pool.data = std::move(data.value());
  return pool;
}

std::vector<int64_t> coveringClasses(const dataset::RecordingWindows& windows,
                                     std::vector<LabeledSpan> spans) {
  std::sort(spans.begin(), spans.end(), [](const LabeledSpan& a, const LabeledSpan& b) {
    return a.recordingId != b.recordingId ? a.recordingId < b.recordingId : a.startUs < b.startUs;
  });
  std::vector<int64_t> out(windows.windows.size(), 0);
  for (size_t i = 0; i < windows.windows.size(); ++i) {
    const dataset::RecordingWindow& w = windows.windows[i];
    const int64_t rec = windows.streams[w.stream].recordingId;
    // The first span of the recording that ends after the window starts (the spans do not
    // overlap, so their ends are in start order too).
    auto it = std::partition_point(spans.begin(), spans.end(), [&](const LabeledSpan& s) {
      return s.recordingId < rec || (s.recordingId == rec && s.endUs <= w.startUs);
    });
    std::vector<std::pair<int64_t, int64_t>> cover;  // (class, covered µs) in span order
    int64_t covered = 0;
    for (; it != spans.end() && it->recordingId == rec && it->startUs < w.endUs; ++it) {
      const int64_t part = std::min(it->endUs, w.endUs) - std::max(it->startUs, w.startUs);
      if (part <= 0) continue;
      covered += part;
      auto c = std::find_if(cover.begin(), cover.end(),
                            [&](const auto& p) { return p.first == it->classId; });
      if (c == cover.end())
        cover.emplace_back(it->classId, part);
      else
        c->second += part;
    }
    if (cover.empty() || covered < w.endUs - w.startUs) continue;
    out[i] = std::max_element(cover.begin(), cover.end(), [](const auto& a, const auto& b) {
               return a.second < b.second;
             })->first;
  }
  return out;
}

namespace {

// "key=value" in a dataset's source text, as a positive number.
std::optional<double> sourceNumber(const std::string& source, const std::string& key) {
  const std::string needle = key + "=";
  for (size_t at = source.find(needle); at != std::string::npos; at = source.find(needle, at + 1)) {
    if (at > 0 && source[at - 1] != ' ') continue;
    const char* begin = source.c_str() + at + needle.size();
    char* end = nullptr;
    const double v = std::strtod(begin, &end);
    if (end != begin && v > 0) return v;
  }
  return std::nullopt;
}

void takeWindowing(const dataset::DatasetInfo& d, RecordingPoolDefaults& out) {
  std::optional<double> window = sourceNumber(d.source, "window-ms");
  if (!window && d.seriesLength > 0 && d.seriesRateHz > 0)
    window = 1000.0 * d.seriesLength / d.seriesRateHz;
  if (!window) return;
  out.windowMs = *window;
  out.strideMs = sourceNumber(d.source, "stride-ms").value_or(*window / 2.0);
}

}  // namespace

RecordingPoolDefaults recordingPoolDefaults(store::Project& project) {
  RecordingPoolDefaults out;
  dataset::DatasetRepository datasets(project);
  training::ModelRegistry models(project);
  if (auto list = models.list(); list.ok()) {
    for (const training::ModelRecord& m : *list) {  // newest first
      if (!m.datasetId) continue;
      auto d = datasets.get(*m.datasetId);
      if (!d.ok() || d->kind != dataset::DatasetKind::Timeseries) continue;
      takeWindowing(*d, out);
      out.features = m.features;
      out.fromModel = m.id;
      out.fromDataset = d->name;
      return out;
    }
  }
  if (auto list = datasets.list(); list.ok()) {
    for (auto d = list->rbegin(); d != list->rend(); ++d) {  // newest (highest id) first
      if (d->kind != dataset::DatasetKind::Timeseries) continue;
      takeWindowing(*d, out);
      out.fromDataset = d->name;
      return out;
    }
  }
  return out;
}

}  // namespace edgewise::active
