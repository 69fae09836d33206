// readRecordings: labeled recordings from the capture pane cut into windows of a time-series
// dataset (declared in importers.h).

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "core/dataset/data/importers.h"
#include "core/store/project.h"
#include "core/store/recording_repository.h"

namespace edgewise::dataset {

namespace {

std::string streamName(const store::StreamSpec& spec) {
  return spec.deviceId + "/" + spec.topic;
}

// Median interval between consecutive increasing timestamps, as a rate; 0 when unknown.
double rateFromTimestamps(const std::vector<int64_t>& ts) {
  std::vector<int64_t> dt;
  dt.reserve(ts.size());
  for (size_t i = 1; i < ts.size(); ++i) {
    if (ts[i] > ts[i - 1]) dt.push_back(ts[i] - ts[i - 1]);
  }
  if (dt.empty()) return 0.0;
  const size_t mid = dt.size() / 2;
  std::nth_element(dt.begin(), dt.begin() + static_cast<std::ptrdiff_t>(mid), dt.end());
  double median = static_cast<double>(dt[mid]);
  if (dt.size() % 2 == 0) {
    const int64_t lower =
        *std::max_element(dt.begin(), dt.begin() + static_cast<std::ptrdiff_t>(mid));
    median = (median + static_cast<double>(lower)) / 2.0;
  }
  return 1e6 / median;
}

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

}  // namespace

Result<ParsedDataset> readRecordings(store::Project& project,
                                     const std::vector<RecordingSource>& sources,
                                     const RecordingWindowing& windowing) {
  const std::string ctx = "reading recordings";
  if (sources.empty()) return Error("no recording given", ctx);
  if (!(windowing.windowMs > 0.0) || !(windowing.strideMs > 0.0)) {
    return Error("window and stride must be positive (window " + fmt(windowing.windowMs) +
                     " ms, stride " + fmt(windowing.strideMs) + " ms)",
                 ctx);
  }
  store::RecordingRepository& recordings = project.recordings();

  ParsedDataset out;
  out.info.kind = DatasetKind::Timeseries;
  out.info.source =
      "recordings window-ms=" + fmt(windowing.windowMs) + " stride-ms=" + fmt(windowing.strideMs);
  int length = 0;  // samples per window, fixed by the first usable stream
  int stride = 0;

  for (const RecordingSource& src : sources) {
    const std::string where = "recording " + std::to_string(src.recordingId) +
                              (src.stream.empty() ? std::string() : " " + src.stream);
    auto reject = [&](const std::string& reason) { out.rejected.push_back({where, reason}); };
    if (src.label.empty()) {
      reject("no label");
      continue;
    }
    Result<store::RecordingSummary> rec = recordings.get(src.recordingId);
    if (!rec.ok()) {
      reject("no such recording");
      continue;
    }
    Result<std::vector<store::StreamSummary>> streams = recordings.streams(src.recordingId);
    if (!streams.ok()) {
      reject(streams.error().toString());
      continue;
    }
    const store::StreamSummary* chosen = nullptr;
    if (src.stream.empty()) {
      for (const store::StreamSummary& s : *streams) {
        if (s.spec.kind != store::StreamKind::Image) {
          chosen = &s;
          break;
        }
      }
      if (chosen == nullptr) {
        reject(streams->empty() ? "has no streams" : "has only image streams, no time series");
        continue;
      }
    } else {
      for (const store::StreamSummary& s : *streams) {
        if (streamName(s.spec) == src.stream) {
          chosen = &s;
          break;
        }
      }
      if (chosen == nullptr) {
        std::string names;
        for (const store::StreamSummary& s : *streams)
          names += (names.empty() ? "" : ", ") + streamName(s.spec);
        reject("no stream " + src.stream + " (it has: " + (names.empty() ? "none" : names) + ")");
        continue;
      }
      if (chosen->spec.kind == store::StreamKind::Image) {
        reject("is an image stream, not a time series");
        continue;
      }
    }
    const std::string name = streamName(chosen->spec);
    const std::string streamWhere = "recording " + std::to_string(src.recordingId) + " " + name;
    auto rejectStream = [&](const std::string& reason) {
      out.rejected.push_back({streamWhere, reason});
    };
    Result<store::ChunkData> data = recordings.readStream(chosen->id);
    if (!data.ok()) {
      rejectStream(data.error().toString());
      continue;
    }
    const int channels = data->channelCount;
    const size_t n = data->timestampsUs.size();
    if (channels < 1 || data->values.size() != n * static_cast<size_t>(channels)) {
      rejectStream("has no values (" + std::to_string(channels) + " channels, " +
                   std::to_string(n) + " samples)");
      continue;
    }
    const double rate = chosen->spec.sampleRateHz > 0.0 ? chosen->spec.sampleRateHz
                                                        : rateFromTimestamps(data->timestampsUs);
    if (!(rate > 0.0)) {
      rejectStream("cannot tell its sample rate (no stored rate and fewer than two timestamps)");
      continue;
    }
    if (length == 0) {
      length = static_cast<int>(std::lround(windowing.windowMs * rate / 1000.0));
      stride = static_cast<int>(std::lround(windowing.strideMs * rate / 1000.0));
      if (length < 1 || stride < 1) {
        return Error("at " + fmt(rate) + " Hz a window of " + fmt(windowing.windowMs) +
                         " ms or a stride of " + fmt(windowing.strideMs) +
                         " ms is less than one sample",
                     ctx);
      }
      out.info.seriesChannels = channels;
      out.info.seriesLength = length;
      out.info.seriesRateHz = rate;
    } else {
      if (channels != out.info.seriesChannels) {
        rejectStream(std::to_string(channels) + " channels, the dataset's is " +
                     std::to_string(out.info.seriesChannels));
        continue;
      }
      if (std::abs(rate - out.info.seriesRateHz) > 0.01 * out.info.seriesRateHz) {
        rejectStream("sample rate " + fmt(rate) + " Hz, the dataset's is " +
                     fmt(out.info.seriesRateHz) + " Hz");
        continue;
      }
    }
    if (n < static_cast<size_t>(length)) {
      rejectStream(std::to_string(n) + " samples, shorter than one window of " +
                   std::to_string(length) + " samples (" + fmt(windowing.windowMs) + " ms)");
      continue;
    }
    auto cls = std::find(out.info.classNames.begin(), out.info.classNames.end(), src.label);
    const int label = static_cast<int>(cls - out.info.classNames.begin());
    if (cls == out.info.classNames.end()) out.info.classNames.push_back(src.label);

    const int64_t origin = rec->startUs > 0 ? rec->startUs : data->timestampsUs.front();
    const size_t windowFloats = static_cast<size_t>(length) * static_cast<size_t>(channels);
    for (size_t start = 0; start + static_cast<size_t>(length) <= n;
         start += static_cast<size_t>(stride)) {
      ParsedSample s;
      s.label = label;
      const int64_t ms =
          std::llround(static_cast<double>(data->timestampsUs[start] - origin) / 1000.0);
      s.source =
          "recording " + std::to_string(src.recordingId) + " " + name + " @" + std::to_string(ms);
      s.blob.resize(windowFloats * sizeof(float));
      std::memcpy(s.blob.data(), data->values.data() + start * static_cast<size_t>(channels),
                  s.blob.size());
      out.samples.push_back(std::move(s));
    }
  }
  if (out.samples.empty()) {
    std::string why;
    for (const Rejection& r : out.rejected) why += "; " + r.source + ": " + r.reason;
    return Error("no usable window" + why, ctx);
  }
  return out;
}

}  // namespace edgewise::dataset
