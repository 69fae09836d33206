#include "plugins/decoders/json_fast_path.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "plugins/decoders/decode_util.h"

namespace edgewise::decoders {

namespace {

using capture::SampleBatch;

// Every recognised key; a key outside this list sends the payload to the tree path, which
// knows what to do with it (auto mode, "data"/"values" arrays, ...).
enum Key : uint32_t {
  kDevice,
  kDeviceId,
  kSeq,
  kSequence,
  kTs,
  kTimestamp,
  kTime,
  kT,
  kPub,
  kPublished,
  kRate,
  kRateHz,
  kChannels,
  kUnits,
  kActivity,
  kLabel,
  kState,
  kSamples,
  kUnknown
};

Key keyOf(std::string_view k) {
  switch (k.size()) {
    case 1:
      return k == "t" ? kT : kUnknown;
    case 2:
      return k == "ts" ? kTs : kUnknown;
    case 3:
      return k == "seq" ? kSeq : k == "pub" ? kPub : kUnknown;
    case 4:
      return k == "rate" ? kRate : k == "time" ? kTime : kUnknown;
    case 5:
      return k == "units" ? kUnits : k == "label" ? kLabel : k == "state" ? kState : kUnknown;
    case 6:
      return k == "device" ? kDevice : kUnknown;
    case 7:
      return k == "samples" ? kSamples : k == "rate_hz" ? kRateHz : kUnknown;
    case 8:
      return k == "channels"   ? kChannels
             : k == "sequence" ? kSequence
             : k == "activity" ? kActivity
                               : kUnknown;
    case 9:
      return k == "device_id"   ? kDeviceId
             : k == "timestamp" ? kTimestamp
             : k == "published" ? kPublished
                                : kUnknown;
    default:
      return kUnknown;
  }
}

// Synonyms: the tree path iterates keys in sorted order and the first time key wins while
// the last device/seq/... key wins; a payload with two of a group goes there to keep that.
uint32_t groupOf(Key k) {
  switch (k) {
    case kDevice:
    case kDeviceId:
      return 1u << 0;
    case kSeq:
    case kSequence:
      return 1u << 1;
    case kTs:
    case kTimestamp:
    case kTime:
    case kT:
      return 1u << 2;
    case kPub:
    case kPublished:
      return 1u << 3;
    case kRate:
    case kRateHz:
      return 1u << 4;
    case kChannels:
      return 1u << 5;
    case kUnits:
      return 1u << 6;
    case kActivity:
      return 1u << 7;
    case kLabel:
      return 1u << 8;
    case kState:
      return 1u << 9;
    case kSamples:
      return 1u << 10;
    case kUnknown:
      break;
  }
  return 0;
}

// A JSON number token, checked against the grammar (from_chars alone would also take "01",
// "1." or "+1", which JSON refuses).
struct Number {
  std::string_view text;
  bool integer = false;  // no fraction, no exponent
  bool negative = false;
};

class Scanner {
 public:
  explicit Scanner(std::string_view s) : m_p(s.data()), m_end(s.data() + s.size()) {}

  void skipSpace() {
    while (m_p != m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t')) ++m_p;
  }
  bool atEnd() const { return m_p == m_end; }
  // Consumes c (after whitespace) when it is next.
  bool eat(char c) {
    skipSpace();
    if (m_p != m_end && *m_p == c) {
      ++m_p;
      return true;
    }
    return false;
  }
  char peek() {
    skipSpace();
    return m_p != m_end ? *m_p : '\0';
  }

  // A string without escapes (escapes are rare in sensor payloads and go to the tree path).
  bool string(std::string_view& out) {
    if (!eat('"')) return false;
    const char* start = m_p;
    bool ascii = true;
    while (m_p != m_end) {
      const auto c = static_cast<unsigned char>(*m_p);
      if (c == '"') {
        out = std::string_view(start, static_cast<size_t>(m_p - start));
        ++m_p;
        return ascii || isValidUtf8(out);
      }
      if (c == '\\' || c < 0x20) return false;
      if (c >= 0x80) ascii = false;
      ++m_p;
    }
    return false;
  }

  bool number(Number& n) {
    skipSpace();
    const char* start = m_p;
    n.negative = m_p != m_end && *m_p == '-';
    if (n.negative) ++m_p;
    if (m_p == m_end) return false;
    if (*m_p == '0') {
      ++m_p;
    } else if (*m_p >= '1' && *m_p <= '9') {
      while (m_p != m_end && isDigit(*m_p)) ++m_p;
    } else {
      return false;
    }
    n.integer = true;
    if (m_p != m_end && *m_p == '.') {
      ++m_p;
      if (!digits()) return false;
      n.integer = false;
    }
    if (m_p != m_end && (*m_p == 'e' || *m_p == 'E')) {
      ++m_p;
      if (m_p != m_end && (*m_p == '+' || *m_p == '-')) ++m_p;
      if (!digits()) return false;
      n.integer = false;
    }
    n.text = std::string_view(start, static_cast<size_t>(m_p - start));
    return true;
  }

  // true, false or null.
  bool literal() {
    skipSpace();
    for (std::string_view word : {"true", "false", "null"}) {
      if (static_cast<size_t>(m_end - m_p) >= word.size() &&
          std::string_view(m_p, word.size()) == word) {
        m_p += word.size();
        return true;
      }
    }
    return false;
  }

 private:
  static bool isDigit(char c) { return c >= '0' && c <= '9'; }
  bool digits() {
    const char* start = m_p;
    while (m_p != m_end && isDigit(*m_p)) ++m_p;
    return m_p != start;
  }

  const char* m_p;
  const char* m_end;
};

// The double nlohmann makes of the token: integers become int64/uint64 first, so "-0" is +0.
bool toDouble(const Number& n, double& out) {
  const char* first = n.text.data();
  const auto [ptr, ec] = std::from_chars(first, first + n.text.size(), out);
  if (ec != std::errc() || ptr != first + n.text.size()) return false;  // out of range: tree
  if (n.integer && out == 0) out = 0.0;
  return true;
}

// Integer tokens that fit an int64, as nlohmann's integer types would hold them.
bool toInt64(const Number& n, int64_t& out) {
  if (!n.integer) return false;
  const char* first = n.text.data();
  const auto [ptr, ec] = std::from_chars(first, first + n.text.size(), out);
  return ec == std::errc() && ptr == first + n.text.size();
}

// A time value as the tree path reads it (timeFromNode); false for anything it would refuse.
bool timeValue(Scanner& s, std::optional<int64_t>& out) {
  Result<int64_t> r = Error("");
  if (s.peek() == '"') {
    std::string_view text;
    if (!s.string(text)) return false;
    r = epochUsFromString(text);
  } else {
    Number n;
    if (!s.number(n)) return false;
    int64_t i = 0;
    double d = 0;
    if (n.integer) {
      if (!toInt64(n, i)) return false;
      r = epochUsFromInteger(i);
    } else {
      if (!toDouble(n, d)) return false;
      r = epochUsFromNumber(d);
    }
  }
  if (!r.ok()) return false;
  out = *r;
  return true;
}

bool stringArray(Scanner& s, std::vector<std::string>& out, bool nullAllowed) {
  if (!s.eat('[')) return false;
  if (s.eat(']')) return true;
  do {
    std::string_view text;
    if (nullAllowed && s.peek() == 'n') {
      if (!s.literal()) return false;
      out.emplace_back();
    } else if (s.string(text)) {
      out.emplace_back(text);
    } else {
      return false;
    }
  } while (s.eat(','));
  return s.eat(']');
}

// One row of numbers into values; its length in width (0 = unknown yet, set by the first row).
bool sampleRow(Scanner& s, std::vector<float>& values, size_t& width) {
  if (!s.eat('[')) return false;
  size_t count = 0;
  if (!s.eat(']')) {
    do {
      Number n;
      double d = 0;
      if (!s.number(n) || !toDouble(n, d) || !isAcceptableValue(d)) return false;
      if (++count > kMaxChannels) return false;
      values.push_back(static_cast<float>(d));
    } while (s.eat(','));
    if (!s.eat(']')) return false;
  }
  if (width == 0) width = count;
  return count == width && count > 0;
}

}  // namespace

std::optional<SampleBatch> decodeSensorJsonFast(std::string_view payload,
                                                const capture::DecodeContext& ctx) {
  const capture::DecoderOptions& opt = optionsOf(ctx);
  // Field paths, a samples path and a timestamp path are the tree's business.
  if (!opt.fieldPaths.empty() || !opt.samplesPath.empty() || !opt.timestampPath.empty()) {
    return std::nullopt;
  }
  Scanner s(payload);
  if (!s.eat('{')) return std::nullopt;

  SampleBatch batch;
  std::optional<int64_t> firstUs;
  double rateHz = 0;
  std::vector<std::string> channels;
  std::vector<std::string> units;
  size_t width = 0;
  size_t n = 0;
  uint32_t seen = 0;
  if (s.eat('}')) return std::nullopt;  // no samples
  do {
    std::string_view keyText;
    if (!s.string(keyText) || !s.eat(':')) return std::nullopt;
    const Key key = keyOf(keyText);
    const uint32_t group = groupOf(key);
    if (group == 0 || (seen & group) != 0) return std::nullopt;
    seen |= group;
    switch (key) {
      case kDevice:
      case kDeviceId: {
        std::string_view text;
        if (!s.string(text)) return std::nullopt;  // numeric ids: the tree's dump() text
        batch.deviceId = std::string(text);
        break;
      }
      case kSeq:
      case kSequence: {
        Number num;
        int64_t v = 0;
        if (!s.number(num) || num.negative || !toInt64(num, v)) return std::nullopt;
        batch.sequence = v;
        break;
      }
      case kTs:
      case kTimestamp:
      case kTime:
      case kT:
        if (!timeValue(s, firstUs)) return std::nullopt;
        break;
      case kPub:
      case kPublished: {
        std::optional<int64_t> t;
        if (!timeValue(s, t)) return std::nullopt;
        batch.publishedUs = t;
        break;
      }
      case kRate:
      case kRateHz: {
        Number num;
        double r = -1;
        if (!s.number(num) || !toDouble(num, r) || !std::isfinite(r) || r < 0 || r > 1e9) {
          return std::nullopt;
        }
        rateHz = r;
        break;
      }
      case kChannels:
        if (!stringArray(s, channels, false)) return std::nullopt;
        break;
      case kUnits:
        if (!stringArray(s, units, true)) return std::nullopt;
        break;
      case kActivity:
      case kLabel:
      case kState: {
        // Annotations: any scalar, ignored (objects and arrays go to the tree).
        const char c = s.peek();
        std::string_view text;
        Number num;
        if (c == '"'                               ? !s.string(text)
            : (c == '-' || (c >= '0' && c <= '9')) ? !s.number(num)
                                                   : !s.literal()) {
          return std::nullopt;
        }
        break;
      }
      case kSamples: {
        if (!s.eat('[')) return std::nullopt;
        if (s.peek() == ']') return std::nullopt;  // empty: rare, the tree handles it
        // Sized for the usual layout (rows of equal width) after the first row.
        do {
          if (!sampleRow(s, batch.values, width)) return std::nullopt;
          if (++n == 1) batch.values.reserve(width * 16);
        } while (s.eat(','));
        if (!s.eat(']')) return std::nullopt;
        break;
      }
      case kUnknown:
        return std::nullopt;
    }
  } while (s.eat(','));
  if (!s.eat('}')) return std::nullopt;
  s.skipSpace();
  if (!s.atEnd() || n == 0) return std::nullopt;
  // The checks of the tree path's positional samples; their errors are its to word.
  if (!channels.empty() && channels.size() != width) return std::nullopt;
  if (!units.empty() && units.size() != width) return std::nullopt;

  rateHz = rateHz > 0 ? rateHz : std::max(0.0, opt.sampleRateHz);
  batch.sampleRateHz = rateHz;
  batch.channelNames =
      channels.empty() ? positionalNames(width, opt.channelNames, "ch") : std::move(channels);
  batch.units = std::move(units);
  fillTimestamps(batch, n, firstUs, ctx.arrivalUs, rateHz);
  fillDeviceFromTopic(batch, ctx.topic);
  return batch;
}

}  // namespace edgewise::decoders
