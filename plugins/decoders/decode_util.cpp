#include "plugins/decoders/decode_util.h"

#include <QDateTime>
#include <QString>
#include <charconv>
#include <cmath>
#include <limits>

namespace edgewise::decoders {

const capture::DecoderOptions& optionsOf(const capture::DecodeContext& ctx) {
  static const capture::DecoderOptions kDefaults;
  return ctx.options ? *ctx.options : kDefaults;
}

std::string shortNumber(double v) {
  char buf[32];
  auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, ptr) : std::string("?");
}

Result<int64_t> epochUsFromNumber(double t) {
  if (!std::isfinite(t)) return Error("timestamp is not a finite number");
  const double a = std::fabs(t);
  double us;
  if (a < 1e11) {
    us = t * 1e6;
  } else if (a < 1e14) {
    us = t * 1e3;
  } else if (a < 1e17) {
    us = t;
  } else if (a < 9.2e18) {
    us = t / 1e3;
  } else {
    return Error("timestamp " + shortNumber(t) + " is too large for s, ms, us or ns");
  }
  return static_cast<int64_t>(std::llround(us));
}

Result<int64_t> epochUsFromInteger(int64_t t) {
  const int64_t a = t < 0 ? -(t + 1) : t;  // no overflow on INT64_MIN
  if (a < 100'000'000'000LL) return t * 1'000'000;
  if (a < 100'000'000'000'000LL) return t * 1'000;
  if (a < 100'000'000'000'000'000LL) return t;
  return t / 1'000;
}

Result<int64_t> epochUsFromString(std::string_view text) {
  if (text.empty()) return Error("timestamp is an empty string");
  double number = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, number);
  if (ec == std::errc() && ptr == end) return epochUsFromNumber(number);
  if (text.size() > 64) return Error("timestamp string is too long for an ISO-8601 date-time");
  const QString s = QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
  QDateTime dt = QDateTime::fromString(s, Qt::ISODateWithMs);
  if (!dt.isValid()) {
    return Error("timestamp '" + excerpt(text) +
                 "' is neither a number nor an ISO-8601 date-time (2025-11-22T09:38:00Z)");
  }
  // ISO strings without an offset are taken as UTC: devices rarely know their time zone.
  if (dt.timeSpec() == Qt::LocalTime) dt.setTimeSpec(Qt::UTC);
  return static_cast<int64_t>(dt.toMSecsSinceEpoch()) * 1000;
}

void fillTimestamps(capture::SampleBatch& batch, size_t n, std::optional<int64_t> firstUs,
                    int64_t arrivalUs, double rateHz) {
  batch.timestampsUs.resize(n);
  const double periodUs = rateHz > 0 ? 1e6 / rateHz : 0.0;
  if (firstUs) {
    for (size_t i = 0; i < n; ++i) {
      batch.timestampsUs[i] = *firstUs + static_cast<int64_t>(std::llround(i * periodUs));
    }
  } else {
    for (size_t i = 0; i < n; ++i) {
      batch.timestampsUs[i] =
          arrivalUs - static_cast<int64_t>(std::llround((n - 1 - i) * periodUs));
    }
  }
}

std::vector<std::string> positionalNames(size_t count, const std::vector<std::string>& names,
                                         std::string_view prefix) {
  if (names.size() == count) return names;
  std::vector<std::string> out;
  out.reserve(count);
  for (size_t i = 0; i < count; ++i) out.push_back(std::string(prefix) + std::to_string(i));
  return out;
}

std::string describeBadValue(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
  return shortNumber(v) + " (|value| > 1e30)";
}

void fillDeviceFromTopic(capture::SampleBatch& batch, std::string_view topic) {
  constexpr std::string_view kPrefix = "edgewise/";
  if (!batch.deviceId.empty() || topic.substr(0, kPrefix.size()) != kPrefix) return;
  const std::string_view rest = topic.substr(kPrefix.size());
  const size_t slash = rest.find('/');
  if (slash == std::string_view::npos || slash == 0) return;
  batch.deviceId.assign(rest.substr(0, slash));
}

bool isValidUtf8(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > n) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    static constexpr uint32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

std::string excerpt(std::string_view text, size_t n) {
  std::string out;
  for (size_t i = 0; i < text.size() && i < n; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    out += (c >= 0x20 && c < 0x7f) ? static_cast<char>(c) : '?';
  }
  if (text.size() > n) out += "...";
  return out;
}

}  // namespace edgewise::decoders
