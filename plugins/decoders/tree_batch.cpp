#include "plugins/decoders/tree_batch.h"

#include <cmath>
#include <limits>
#include <optional>
#include <string_view>

#include "plugins/decoders/decode_util.h"

namespace edgewise::decoders {

namespace {

using capture::SampleBatch;

bool isTimeKey(std::string_view k) {
  return k == "ts" || k == "timestamp" || k == "time" || k == "t";
}

// docs/mqtt_conventions.md: keys that describe the message, never channels.
bool isMetadataKey(std::string_view k) {
  return isTimeKey(k) || k == "device" || k == "device_id" || k == "seq" || k == "sequence" ||
         k == "pub" || k == "published" || k == "rate" || k == "rate_hz" || k == "channels" ||
         k == "units" || k == "activity" || k == "label" || k == "state";
}

// Lower rank wins when a payload has several candidate sample arrays.
int samplesKeyRank(std::string_view k) {
  if (k == "samples") return 0;
  if (k == "data") return 1;
  if (k == "values") return 2;
  return -1;
}

std::vector<std::string> singleName(const capture::DecoderOptions& opt) {
  return opt.channelNames.size() == 1 ? opt.channelNames : std::vector<std::string>{"value"};
}

std::string inQuotes(std::string_view s) {
  return "'" + std::string(s) + "'";
}

Result<int64_t> timeFromNode(const Json& v, std::string_view key) {
  Result<int64_t> r = Error("");
  if (v.is_number_unsigned()) {
    const auto u = v.get<uint64_t>();
    if (u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
      return Error(inQuotes(key) + " = " + std::to_string(u) + " is too large for a timestamp");
    }
    r = epochUsFromInteger(static_cast<int64_t>(u));
  } else if (v.is_number_integer()) {
    r = epochUsFromInteger(v.get<int64_t>());
  } else if (v.is_number_float()) {
    r = epochUsFromNumber(v.get<double>());
  } else if (v.is_string()) {
    r = epochUsFromString(v.get_ref<const std::string&>());
  } else {
    return Error(inQuotes(key) + " must be a number (s, ms, us or ns) or an ISO-8601 string, not " +
                 std::string(v.type_name()));
  }
  if (!r.ok()) return Error(inQuotes(key) + ": " + r.error().message);
  return r;
}

Result<std::vector<std::string>> stringArray(const Json& v, std::string_view key) {
  if (!v.is_array()) {
    return Error(inQuotes(key) + " must be an array of strings, not " + std::string(v.type_name()));
  }
  std::vector<std::string> out;
  out.reserve(v.size());
  for (size_t i = 0; i < v.size(); ++i) {
    const Json& e = v[i];
    if (e.is_string()) {
      out.push_back(e.get_ref<const std::string&>());
    } else if (e.is_null() && key == "units") {
      out.emplace_back();  // a channel without unit
    } else {
      return Error(std::string(key) + "[" + std::to_string(i) + "] must be a string, not " +
                   std::string(e.type_name()));
    }
  }
  return out;
}

// Numbers as double; booleans count only when asked for by a field path.
bool numberOf(const Json& v, double& out, bool allowBool) {
  if (v.is_number()) {
    out = v.get<double>();
    return true;
  }
  if (allowBool && v.is_boolean()) {
    out = v.get<bool>() ? 1.0 : 0.0;
    return true;
  }
  return false;
}

Error badValue(const std::string& where, double v) {
  return Error(where + " = " + describeBadValue(v) + " is not a usable sample value");
}

// Appends every numeric leaf under node (objects flattened with '.', arrays as [i]).
Result<void> collectLeaves(const Json& node, std::string& name, int depth,
                           std::vector<std::string>* names, std::vector<float>& values) {
  if (depth > kMaxDepth)
    return Error("nesting deeper than " + std::to_string(kMaxDepth) + " levels");
  if (node.is_object()) {
    for (const auto& [k, v] : node.get_ref<const Json::object_t&>()) {
      const size_t len = name.size();
      if (!name.empty()) name += '.';
      name += k;
      EW_TRY(collectLeaves(v, name, depth + 1, names, values));
      name.resize(len);
    }
  } else if (node.is_array()) {
    const auto& a = node.get_ref<const Json::array_t&>();
    for (size_t i = 0; i < a.size(); ++i) {
      const size_t len = name.size();
      name += '[';
      name += std::to_string(i);
      name += ']';
      EW_TRY(collectLeaves(a[i], name, depth + 1, names, values));
      name.resize(len);
    }
  } else if (node.is_number()) {
    if (names && names->size() >= kMaxChannels) {
      return Error("more than " + std::to_string(kMaxChannels) +
                   " numeric fields; select the channels with field paths");
    }
    const double d = node.get<double>();
    if (!isAcceptableValue(d)) return badValue(inQuotes(name), d);
    values.push_back(static_cast<float>(d));
    if (names) names->push_back(name);
  }
  return okResult();
}

struct Meta {
  std::optional<int64_t> firstUs;
  double rateHz = 0;
  std::vector<std::string> channels;
  std::vector<std::string> units;
  const Json* samples = nullptr;
  std::string samplesName;
};

Result<void> readMetadata(const Json& root, const capture::DecoderOptions& opt, SampleBatch& batch,
                          Meta& meta) {
  int bestRank = 99;
  for (const auto& [k, v] : root.get_ref<const Json::object_t&>()) {
    if (opt.samplesPath.empty()) {
      const int rank = samplesKeyRank(k);
      if (rank >= 0 && rank < bestRank && v.is_array()) {
        bestRank = rank;
        meta.samples = &v;
        meta.samplesName = k;
      }
    }
    if (!isMetadataKey(k)) continue;
    if (isTimeKey(k)) {
      if (opt.timestampPath.empty() && !meta.firstUs) {
        auto t = timeFromNode(v, k);
        EW_TRY(t);
        meta.firstUs = *t;
      }
    } else if (k == "device" || k == "device_id") {
      if (v.is_string()) {
        batch.deviceId = v.get_ref<const std::string&>();
      } else if (v.is_number_integer()) {
        batch.deviceId = v.dump();
      } else {
        return Error(inQuotes(k) + " must be a string, not " + std::string(v.type_name()));
      }
    } else if (k == "seq" || k == "sequence") {
      double d = 0;
      if (v.is_number_unsigned() &&
          v.get<uint64_t>() <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
        batch.sequence = static_cast<int64_t>(v.get<uint64_t>());
      } else if (v.is_number_integer() && !v.is_number_unsigned() && v.get<int64_t>() >= 0) {
        batch.sequence = v.get<int64_t>();
      } else if (v.is_number_float() && (d = v.get<double>()) >= 0 && d < 9e15 &&
                 d == std::floor(d)) {
        batch.sequence = static_cast<int64_t>(d);
      } else {
        return Error(inQuotes(k) + " must be a non-negative integer, got " +
                     (v.is_number() ? v.dump() : std::string(v.type_name())));
      }
    } else if (k == "pub" || k == "published") {
      auto t = timeFromNode(v, k);
      EW_TRY(t);
      batch.publishedUs = *t;
    } else if (k == "rate" || k == "rate_hz") {
      double r = -1;
      if (!v.is_number() || !std::isfinite(r = v.get<double>()) || r < 0 || r > 1e9) {
        return Error(inQuotes(k) + " must be a sample rate in Hz (0 < rate <= 1e9), got " +
                     (v.is_number() ? v.dump() : std::string(v.type_name())));
      }
      meta.rateHz = r;
    } else if (k == "channels") {
      auto names = stringArray(v, k);
      EW_TRY(names);
      meta.channels = std::move(*names);
    } else if (k == "units") {
      auto units = stringArray(v, k);
      EW_TRY(units);
      meta.units = std::move(*units);
    }
    // activity / label / state: annotations for other tools, not channels.
  }
  if (!opt.timestampPath.empty()) {
    auto path = parseFieldPath(opt.timestampPath);
    if (!path.ok()) return path.error().wrap("timestamp path");
    const Json* node = resolvePath(root, *path);
    if (!node) return Error("timestamp field " + inQuotes(opt.timestampPath) + " not found");
    auto t = timeFromNode(*node, opt.timestampPath);
    EW_TRY(t);
    meta.firstUs = *t;
  }
  if (!opt.samplesPath.empty()) {
    auto path = parseFieldPath(opt.samplesPath);
    if (!path.ok()) return path.error().wrap("samples path");
    const Json* node = resolvePath(root, *path);
    if (!node) return Error("samples field " + inQuotes(opt.samplesPath) + " not found");
    if (!node->is_array()) {
      return Error("samples field " + inQuotes(opt.samplesPath) + " must be an array, not " +
                   std::string(node->type_name()));
    }
    meta.samples = node;
    meta.samplesName = opt.samplesPath;
  }
  return okResult();
}

Result<std::vector<FieldPath>> parsePaths(const std::vector<std::string>& paths) {
  std::vector<FieldPath> out;
  out.reserve(paths.size());
  for (const auto& p : paths) {
    auto fp = parseFieldPath(p);
    EW_TRY(fp);
    out.push_back(std::move(*fp));
  }
  return out;
}

std::string at(const std::string& samplesName, size_t i) {
  return samplesName + "[" + std::to_string(i) + "]";
}

// samples: [[v, v, ...], ...] with names from "channels", the options or ch0..chN.
Result<void> positionalSamples(const Json& samples, const Meta& meta,
                               const capture::DecoderOptions& opt, SampleBatch& batch) {
  const auto& arr = samples.get_ref<const Json::array_t&>();
  const size_t width = arr[0].size();
  if (width > kMaxChannels) {
    return Error(at(meta.samplesName, 0) + " has " + std::to_string(width) + " values; at most " +
                 std::to_string(kMaxChannels) + " channels are supported");
  }
  if (!meta.channels.empty() && meta.channels.size() != width) {
    return Error(at(meta.samplesName, 0) + " has " + std::to_string(width) + " values, expected " +
                 std::to_string(meta.channels.size()) + " (one per name in 'channels')");
  }
  std::vector<std::string> allNames =
      meta.channels.empty() ? positionalNames(width, opt.channelNames, "ch") : meta.channels;
  if (!meta.units.empty() && meta.units.size() != width) {
    return Error("'units' has " + std::to_string(meta.units.size()) + " entries, expected " +
                 std::to_string(width));
  }
  std::vector<size_t> pick;
  if (!opt.fieldPaths.empty()) {
    for (const auto& p : opt.fieldPaths) {
      auto fp = parseFieldPath(p);
      EW_TRY(fp);
      size_t idx = width;
      if (fp->size() == 1) {
        const PathSegment& s = fp->front();
        if (s.isIndex) {
          idx = s.index < width ? s.index : width;
        } else {
          for (size_t c = 0; c < width; ++c) {
            if (allNames[c] == s.key) idx = c;
          }
        }
      }
      if (idx >= width) {
        std::string list;
        for (const auto& n : allNames) list += (list.empty() ? "" : ", ") + n;
        return Error("field path " + inQuotes(p) + " names no channel of the samples (" + list +
                     ")");
      }
      pick.push_back(idx);
    }
  } else {
    for (size_t c = 0; c < width; ++c) pick.push_back(c);
  }
  batch.channelNames.reserve(pick.size());
  for (size_t j = 0; j < pick.size(); ++j) {
    batch.channelNames.push_back(opt.fieldPaths.empty() ? allNames[pick[j]] : opt.fieldPaths[j]);
    if (!meta.units.empty()) batch.units.push_back(meta.units[pick[j]]);
  }
  batch.values.reserve(arr.size() * pick.size());
  for (size_t i = 0; i < arr.size(); ++i) {
    const Json& s = arr[i];
    if (!s.is_array()) {
      return Error(at(meta.samplesName, i) + " is " + std::string(s.type_name()) +
                   ", expected an array of " + std::to_string(width) + " numbers");
    }
    const auto& row = s.get_ref<const Json::array_t&>();
    if (row.size() != width) {
      return Error(at(meta.samplesName, i) + " has " + std::to_string(row.size()) +
                   " values, expected " + std::to_string(width));
    }
    for (size_t c = 0; c < width; ++c) {
      double d = 0;
      if (!numberOf(row[c], d, false)) {
        return Error(at(meta.samplesName, i) + "[" + std::to_string(c) + "] is " +
                     std::string(row[c].type_name()) + ", expected a number");
      }
      if (!isAcceptableValue(d)) {
        return badValue(at(meta.samplesName, i) + "[" + std::to_string(c) + "]", d);
      }
    }
    for (size_t c : pick) batch.values.push_back(static_cast<float>(row[c].get<double>()));
  }
  return okResult();
}

// samples: [{"ax": .., "ay": ..}, ...]; a time key inside a sample is that sample's time.
Result<void> objectSamples(const Json& samples, const Meta& meta,
                           const capture::DecoderOptions& opt, SampleBatch& batch,
                           std::vector<int64_t>& perSampleUs) {
  const auto& arr = samples.get_ref<const Json::array_t&>();
  std::vector<FieldPath> paths;
  if (!opt.fieldPaths.empty()) {
    auto p = parsePaths(opt.fieldPaths);
    EW_TRY(p);
    paths = std::move(*p);
    batch.channelNames = opt.fieldPaths;
  }
  std::vector<std::string> names;
  std::string name;
  bool firstHasTime = false;
  for (size_t i = 0; i < arr.size(); ++i) {
    const Json& s = arr[i];
    if (!s.is_object()) {
      return Error(at(meta.samplesName, i) + " is " + std::string(s.type_name()) +
                   ", expected an object like " + at(meta.samplesName, 0));
    }
    bool hasTime = false;
    for (const auto& [k, v] : s.get_ref<const Json::object_t&>()) {
      if (!isTimeKey(k)) continue;
      auto t = timeFromNode(v, k);
      if (!t.ok()) return t.error().wrap(at(meta.samplesName, i));
      perSampleUs.push_back(*t);
      hasTime = true;
      break;
    }
    if (i == 0) firstHasTime = hasTime;
    if (hasTime != firstHasTime) {
      return Error(at(meta.samplesName, i) + (hasTime ? " has" : " has no") +
                   " timestamp, unlike " + at(meta.samplesName, 0));
    }
    if (!paths.empty()) {
      for (size_t c = 0; c < paths.size(); ++c) {
        const Json* node = resolvePath(s, paths[c]);
        double d = 0;
        if (!node) {
          return Error(at(meta.samplesName, i) + " has no field " + inQuotes(opt.fieldPaths[c]));
        }
        if (!numberOf(*node, d, true)) {
          return Error(at(meta.samplesName, i) + "." + opt.fieldPaths[c] + " is " +
                       std::string(node->type_name()) + ", expected a number");
        }
        if (!isAcceptableValue(d))
          return badValue(at(meta.samplesName, i) + "." + opt.fieldPaths[c], d);
        batch.values.push_back(static_cast<float>(d));
      }
      continue;
    }
    names.clear();
    const size_t before = batch.values.size();
    for (const auto& [k, v] : s.get_ref<const Json::object_t&>()) {
      if (isTimeKey(k)) continue;
      name = k;
      auto r = collectLeaves(v, name, 2, &names, batch.values);
      if (!r.ok()) return r.error().wrap(at(meta.samplesName, i));
    }
    if (i == 0) {
      batch.channelNames = names;
      continue;
    }
    const size_t count = batch.values.size() - before;
    if (count != batch.channelNames.size()) {
      return Error(at(meta.samplesName, i) + " has " + std::to_string(count) +
                   " numeric fields, expected " + std::to_string(batch.channelNames.size()) +
                   " like " + at(meta.samplesName, 0));
    }
    for (size_t c = 0; c < count; ++c) {
      if (names[c] != batch.channelNames[c]) {
        return Error(at(meta.samplesName, i) + " has field " + inQuotes(names[c]) + " where " +
                     at(meta.samplesName, 0) + " has " + inQuotes(batch.channelNames[c]));
      }
    }
  }
  return okResult();
}

// samples: [v, v, ...]: one channel, or interleaved when 'channels' names several.
Result<void> scalarSamples(const Json& samples, const Meta& meta,
                           const capture::DecoderOptions& opt, SampleBatch& batch) {
  const auto& arr = samples.get_ref<const Json::array_t&>();
  const size_t width = meta.channels.empty() ? 1 : meta.channels.size();
  if (arr.size() % width != 0) {
    return Error(meta.samplesName + " has " + std::to_string(arr.size()) +
                 " numbers, not a multiple of the " + std::to_string(width) + " channels");
  }
  batch.channelNames = meta.channels.empty() ? singleName(opt) : meta.channels;
  batch.values.reserve(arr.size());
  for (size_t i = 0; i < arr.size(); ++i) {
    double d = 0;
    if (!numberOf(arr[i], d, false)) {
      return Error(at(meta.samplesName, i) + " is " + std::string(arr[i].type_name()) +
                   ", expected a number like " + at(meta.samplesName, 0));
    }
    if (!isAcceptableValue(d)) return badValue(at(meta.samplesName, i), d);
    batch.values.push_back(static_cast<float>(d));
  }
  return okResult();
}

}  // namespace

const Json* resolvePath(const Json& root, const FieldPath& path) {
  const Json* node = &root;
  for (const PathSegment& seg : path) {
    if (node->is_object()) {
      const auto& obj = node->get_ref<const Json::object_t&>();
      auto it = obj.find(seg.key);
      if (it == obj.end()) return nullptr;
      node = &it->second;
    } else if (node->is_array() && seg.isIndex) {
      if (seg.index >= node->size()) return nullptr;
      node = &(*node)[seg.index];
    } else {
      return nullptr;
    }
  }
  return node;
}

Result<SampleBatch> batchFromTree(const Json& root, const capture::DecodeContext& ctx) {
  const capture::DecoderOptions& opt = optionsOf(ctx);
  SampleBatch batch;
  Meta meta;
  std::vector<int64_t> perSampleUs;

  if (root.is_object()) {
    EW_TRY(readMetadata(root, opt, batch, meta));
  } else if (root.is_array()) {
    meta.samples = &root;
  }
  meta.rateHz = meta.rateHz > 0 ? meta.rateHz : std::max(0.0, opt.sampleRateHz);
  batch.sampleRateHz = meta.rateHz;

  size_t n = 0;
  if (meta.samples) {
    const Json& samples = *meta.samples;
    n = samples.size();
    if (n > 0) {
      const Json& first = samples[0];
      if (first.is_array()) {
        EW_TRY(positionalSamples(samples, meta, opt, batch));
      } else if (first.is_object()) {
        EW_TRY(objectSamples(samples, meta, opt, batch, perSampleUs));
      } else if (first.is_number()) {
        EW_TRY(scalarSamples(samples, meta, opt, batch));
        n = batch.values.size() / batch.channelNames.size();
      } else {
        return Error(at(meta.samplesName, 0) + " is " + std::string(first.type_name()) +
                     ", expected an array of numbers, an object or a number");
      }
    } else {
      batch.channelNames = meta.channels;
    }
  } else if (root.is_number()) {
    double d = root.get<double>();
    if (!isAcceptableValue(d)) return badValue("the document", d);
    batch.channelNames = singleName(opt);
    batch.values.push_back(static_cast<float>(d));
    n = 1;
  } else if (root.is_object()) {
    if (!opt.fieldPaths.empty()) {
      auto paths = parsePaths(opt.fieldPaths);
      EW_TRY(paths);
      for (size_t c = 0; c < paths->size(); ++c) {
        const Json* node = resolvePath(root, (*paths)[c]);
        double d = 0;
        if (!node)
          return Error("field " + inQuotes(opt.fieldPaths[c]) + " not found in the payload");
        if (!numberOf(*node, d, true)) {
          return Error("field " + inQuotes(opt.fieldPaths[c]) + " is " +
                       std::string(node->type_name()) + ", expected a number");
        }
        if (!isAcceptableValue(d)) return badValue(inQuotes(opt.fieldPaths[c]), d);
        batch.values.push_back(static_cast<float>(d));
      }
      batch.channelNames = opt.fieldPaths;
    } else {
      std::string name;
      for (const auto& [k, v] : root.get_ref<const Json::object_t&>()) {
        if (isMetadataKey(k)) continue;
        name = k;
        EW_TRY(collectLeaves(v, name, 1, &batch.channelNames, batch.values));
      }
      if (!opt.timestampPath.empty()) {
        for (size_t c = 0; c < batch.channelNames.size(); ++c) {
          if (batch.channelNames[c] == opt.timestampPath) {
            batch.channelNames.erase(batch.channelNames.begin() + static_cast<ptrdiff_t>(c));
            batch.values.erase(batch.values.begin() + static_cast<ptrdiff_t>(c));
            break;
          }
        }
      }
    }
    n = batch.channelNames.empty() ? 0 : 1;
  }
  // Anything else (a string, null, a status object without numbers) has no samples.
  if (batch.channelNames.empty()) {
    n = 0;
    perSampleUs.clear();
    batch.values.clear();
  }

  if (batch.units.empty() && !meta.units.empty() && n > 0) {
    if (meta.units.size() != batch.channelNames.size()) {
      return Error("'units' has " + std::to_string(meta.units.size()) + " entries but there are " +
                   std::to_string(batch.channelNames.size()) + " channels");
    }
    batch.units = meta.units;
  }
  if (!perSampleUs.empty()) {
    batch.timestampsUs = std::move(perSampleUs);
  } else {
    fillTimestamps(batch, n, meta.firstUs, ctx.arrivalUs, meta.rateHz);
  }
  fillDeviceFromTopic(batch, ctx.topic);
  return batch;
}

}  // namespace edgewise::decoders
