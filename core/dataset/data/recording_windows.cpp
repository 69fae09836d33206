#include "core/dataset/data/recording_windows.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/store/project.h"
#include "core/store/recording_repository.h"

namespace edgewise::dataset {

namespace {

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

std::string streamName(const store::StreamSpec& spec) {
  return spec.deviceId + "/" + spec.topic;
}

const float* RecordingWindows::valuesOf(const RecordingWindow& w) const {
  return streams[w.stream].values.data() + w.firstSample * static_cast<size_t>(channels);
}

int64_t RecordingWindows::offsetMs(const RecordingWindow& w) const {
  const WindowedStream& s = streams[w.stream];
  return std::llround(static_cast<double>(s.timestampsUs[w.firstSample] - s.originUs) / 1000.0);
}

std::string RecordingWindows::sourceOf(const RecordingWindow& w) const {
  const WindowedStream& s = streams[w.stream];
  return "recording " + std::to_string(s.recordingId) + " " + s.name + " @" +
         std::to_string(offsetMs(w));
}

Result<RecordingWindows> windowRecordings(store::Project& project,
                                          const std::vector<RecordingStreamRef>& sources,
                                          const RecordingWindowing& windowing) {
  const std::string ctx = "reading recordings";
  if (!(windowing.windowMs > 0.0) || !(windowing.strideMs > 0.0)) {
    return Error("window and stride must be positive (window " + fmt(windowing.windowMs) +
                     " ms, stride " + fmt(windowing.strideMs) + " ms)",
                 ctx);
  }
  store::RecordingRepository& recordings = project.recordings();
  RecordingWindows out;

  for (size_t index = 0; index < sources.size(); ++index) {
    const RecordingStreamRef& src = sources[index];
    const std::string where = "recording " + std::to_string(src.recordingId) +
                              (src.stream.empty() ? std::string() : " " + src.stream);
    auto reject = [&](const std::string& reason) {
      out.rejected.push_back({index, {where, reason}});
    };
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
      out.rejected.push_back({index, {streamWhere, reason}});
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
    if (out.length == 0) {
      out.length = static_cast<int>(std::lround(windowing.windowMs * rate / 1000.0));
      out.stride = static_cast<int>(std::lround(windowing.strideMs * rate / 1000.0));
      if (out.length < 1 || out.stride < 1) {
        return Error("at " + fmt(rate) + " Hz a window of " + fmt(windowing.windowMs) +
                         " ms or a stride of " + fmt(windowing.strideMs) +
                         " ms is less than one sample",
                     ctx);
      }
      out.channels = channels;
      out.rateHz = rate;
    } else {
      if (channels != out.channels) {
        rejectStream(std::to_string(channels) + " channels, the dataset's is " +
                     std::to_string(out.channels));
        continue;
      }
      if (std::abs(rate - out.rateHz) > 0.01 * out.rateHz) {
        rejectStream("sample rate " + fmt(rate) + " Hz, the dataset's is " + fmt(out.rateHz) +
                     " Hz");
        continue;
      }
    }
    const size_t length = static_cast<size_t>(out.length);
    if (n < length) {
      rejectStream(std::to_string(n) + " samples, shorter than one window of " +
                   std::to_string(out.length) + " samples (" + fmt(windowing.windowMs) + " ms)");
      continue;
    }
    WindowedStream stream;
    stream.source = index;
    stream.recordingId = src.recordingId;
    stream.streamId = chosen->id;
    stream.name = name;
    stream.originUs = rec->startUs > 0 ? rec->startUs : data->timestampsUs.front();
    stream.timestampsUs = std::move(data->timestampsUs);
    stream.values = std::move(data->values);
    const std::vector<int64_t>& ts = stream.timestampsUs;
    const int64_t periodUs = std::llround(1e6 / rate);
    const size_t streamIndex = out.streams.size();
    for (size_t start = 0; start + length <= n; start += static_cast<size_t>(out.stride)) {
      const size_t last = start + length - 1;
      out.windows.push_back(
          {streamIndex, start, ts[start], last + 1 < n ? ts[last + 1] : ts[last] + periodUs});
    }
    out.streams.push_back(std::move(stream));
  }
  return out;
}

}  // namespace edgewise::dataset
