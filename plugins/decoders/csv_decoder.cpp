#include "plugins/decoders/csv_decoder.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "plugins/decoders/decode_util.h"

namespace edgewise::decoders {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool parseNumber(std::string_view field, double& out) {
  field = trim(field);
  if (!field.empty() && field.front() == '+') field.remove_prefix(1);
  if (field.empty()) return false;
  const char* end = field.data() + field.size();
  auto [ptr, ec] = std::from_chars(field.data(), end, out);
  // from_chars reports ERANGE for 1e400: treat as a number so the range check names it.
  if (ec == std::errc::result_out_of_range && ptr == end) {
    out = field.front() == '-' ? -HUGE_VAL : HUGE_VAL;
    return true;
  }
  return ec == std::errc() && ptr == end;
}

// Calls f(field) for each field of line; returns the number of fields.
template <typename F>
size_t forEachField(std::string_view line, char delimiter, F&& f) {
  size_t count = 0;
  size_t start = 0;
  while (true) {
    const size_t pos = line.find(delimiter, start);
    const std::string_view field =
        line.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start);
    if (!f(field, count)) return count;
    ++count;
    if (pos == std::string_view::npos) return count;
    start = pos + 1;
  }
}

// Next non-empty line (without '\r'), advancing pos; false at the end.
bool nextLine(std::string_view text, size_t& pos, std::string_view& line, size_t& lineNo) {
  while (pos < text.size()) {
    const size_t nl = text.find('\n', pos);
    const size_t end = nl == std::string_view::npos ? text.size() : nl;
    line = trim(text.substr(pos, end - pos));
    pos = end + 1;
    ++lineNo;
    if (!line.empty()) return true;
  }
  return false;
}

bool isTimeName(std::string_view n) {
  if (n.size() > 9) return false;
  std::string lower;
  for (char c : n) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return lower == "ts" || lower == "timestamp" || lower == "time" || lower == "t";
}

bool isTextByte(unsigned char c) {
  return c >= 0x20 || c == '\t' || c == '\r' || c == '\n';
}

std::string unquote(std::string_view s) {
  s = trim(s);
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
  return std::string(s);
}

char pickDelimiter(std::string_view firstLine, char configured) {
  // Only the default ',' is second-guessed: "1;2;3" and tab-separated lines are common.
  if (configured != ',' || firstLine.find(',') != std::string_view::npos) return configured;
  if (firstLine.find(';') != std::string_view::npos) return ';';
  if (firstLine.find('\t') != std::string_view::npos) return '\t';
  return configured;
}

}  // namespace

int CsvDecoder::sniff(std::string_view payload) const {
  const std::string_view s = payload.substr(0, 4096);
  if (s.empty()) return 0;
  size_t digits = 0;
  for (unsigned char c : s) {
    if (c >= 0x7f || !isTextByte(c)) return 0;
    digits += (c >= '0' && c <= '9');
  }
  if (digits == 0) return 0;
  size_t pos = 0, lineNo = 0;
  std::string_view line;
  if (!nextLine(s, pos, line, lineNo)) return 0;
  const char delim = pickDelimiter(line, ',');
  auto allNumbers = [&](std::string_view l) {
    bool ok = true;
    double d;
    forEachField(l, delim, [&](std::string_view f, size_t) { return ok = parseNumber(f, d); });
    return ok;
  };
  if (allNumbers(line)) return 70;
  // A header line, then numbers.
  if (nextLine(s, pos, line, lineNo) && allNumbers(line)) return 60;
  return 0;
}

Result<capture::SampleBatch> CsvDecoder::decode(std::string_view payload,
                                                const capture::DecodeContext& ctx) const {
  const capture::DecoderOptions& opt = optionsOf(ctx);
  if (payload.size() > kMaxStructuredBytes) {
    return Error("CSV payload of " + std::to_string(payload.size()) +
                 " bytes exceeds the 16 MiB limit");
  }
  for (size_t i = 0; i < payload.size(); ++i) {
    if (!isTextByte(static_cast<unsigned char>(payload[i]))) {
      return Error("byte " + std::to_string(i) + " is a control character; CSV payloads are text");
    }
  }
  size_t pos = 0, lineNo = 0;
  std::string_view line;
  if (!nextLine(payload, pos, line, lineNo)) return Error("empty payload, expected CSV lines");

  const char delim = pickDelimiter(line, opt.csvDelimiter);
  capture::SampleBatch batch;
  std::vector<std::string> header;
  double scratch = 0;
  // A header has a field that is text; "1,,3" is a data line with a missing value.
  bool hasText = false;
  forEachField(line, delim, [&](std::string_view f, size_t) {
    hasText = !trim(f).empty() && !parseNumber(f, scratch);
    return !hasText;
  });
  const bool hasHeader = hasText;
  if (hasHeader) {
    if (std::count(line.begin(), line.end(), delim) >= static_cast<long>(kMaxChannels) + 1) {
      return Error("the CSV header has more than " + std::to_string(kMaxChannels) + " columns");
    }
    if (!isValidUtf8(line)) return Error("the CSV header line is not valid UTF-8");
    forEachField(line, delim, [&](std::string_view f, size_t) {
      header.push_back(unquote(f));
      return true;
    });
  }

  // Timestamp column: the options name it ("ts" or "[0]"), else a header called ts/time/...
  long tsColumn = -1;
  if (!opt.timestampPath.empty()) {
    const std::string& tp = opt.timestampPath;
    if (tp.size() > 2 && tp.front() == '[' && tp.back() == ']') {
      tsColumn = std::strtol(tp.c_str() + 1, nullptr, 10);
    } else {
      for (size_t c = 0; c < header.size(); ++c) {
        if (header[c] == tp) tsColumn = static_cast<long>(c);
      }
      if (tsColumn < 0) {
        return Error("timestamp column '" + tp + "' is not in the CSV header");
      }
    }
  } else {
    for (size_t c = 0; c < header.size(); ++c) {
      if (isTimeName(header[c])) {
        tsColumn = static_cast<long>(c);
        break;
      }
    }
  }

  std::vector<double> tsValues;
  size_t width = 0;
  bool first = true;
  if (hasHeader) {
    width = header.size();
    first = false;
    if (!nextLine(payload, pos, line, lineNo)) {
      return Error("CSV payload has a header line but no data lines");
    }
  }
  do {
    size_t bad = std::string::npos;
    bool notNumber = false;
    std::string_view badField;
    double badValue = 0;
    const size_t count = forEachField(line, delim, [&](std::string_view f, size_t c) {
      double d = 0;
      if (!parseNumber(f, d)) {
        bad = c;
        notNumber = true;
        badField = trim(f);
        return false;
      }
      if (static_cast<long>(c) == tsColumn) {
        tsValues.push_back(d);
        return true;
      }
      if (!isAcceptableValue(d)) {
        bad = c;
        badValue = d;
        return false;
      }
      batch.values.push_back(static_cast<float>(d));
      return true;
    });
    if (bad != std::string::npos) {
      const std::string where =
          "line " + std::to_string(lineNo) + " column " + std::to_string(bad + 1);
      if (notNumber) {
        return Error(where + " is '" + excerpt(badField) + "', expected a number");
      }
      return Error(where + " = " + describeBadValue(badValue) + " is not a usable sample value");
    }
    if (first) {
      width = count;
      first = false;
      if (width > kMaxChannels + 1) {
        return Error("line " + std::to_string(lineNo) + " has " + std::to_string(width) +
                     " values; at most " + std::to_string(kMaxChannels) +
                     " channels are supported");
      }
    } else if (count != width) {
      return Error("line " + std::to_string(lineNo) + " has " + std::to_string(count) +
                   " values, expected " + std::to_string(width));
    }
  } while (nextLine(payload, pos, line, lineNo));

  if (tsColumn >= static_cast<long>(width)) {
    return Error("timestamp column " + std::to_string(tsColumn + 1) + " is beyond the " +
                 std::to_string(width) + " columns");
  }
  const size_t channels = tsColumn >= 0 ? width - 1 : width;
  if (channels == 0) return Error("CSV payload has only a timestamp column, no values");
  const size_t n = batch.values.size() / channels;
  if (hasHeader) {
    for (size_t c = 0; c < header.size(); ++c) {
      if (static_cast<long>(c) != tsColumn) batch.channelNames.push_back(header[c]);
    }
  } else {
    batch.channelNames = positionalNames(channels, opt.channelNames, "ch");
  }
  batch.sampleRateHz = std::max(0.0, opt.sampleRateHz);
  if (!tsValues.empty()) {
    batch.timestampsUs.reserve(n);
    for (double t : tsValues) {
      auto us = epochUsFromNumber(t);
      if (!us.ok()) return us.error().wrap("CSV timestamp column");
      batch.timestampsUs.push_back(*us);
    }
  } else {
    fillTimestamps(batch, n, std::nullopt, ctx.arrivalUs, batch.sampleRateHz);
  }
  fillDeviceFromTopic(batch, ctx.topic);
  return batch;
}

}  // namespace edgewise::decoders
