#include "plugins/decoders/json_decoder.h"

#include "plugins/decoders/decode_util.h"
#include "plugins/decoders/json_fast_path.h"
#include "plugins/decoders/tree_batch.h"

namespace edgewise::decoders {

namespace {

bool isSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view trimmed(std::string_view s) {
  if (s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);  // UTF-8 BOM
  while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Nesting depth of [ and { outside strings; one linear pass, stops early when too deep.
// Done before parsing so that hostile nesting never reaches a recursive walk.
bool nestingWithin(std::string_view s, int limit) {
  int depth = 0;
  bool inString = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (inString) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        inString = false;
      }
    } else if (c == '"') {
      inString = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return false;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return true;
}

// Parses again with a SAX handler that only records the error: nlohmann reports the reason
// (byte position, offending token) without throwing that way.
struct ErrorCatcher : nlohmann::json_sax<Json> {
  explicit ErrorCatcher(std::string_view text) : payload(text) {}
  std::string_view payload;
  std::string message;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string& lastToken,
                   const nlohmann::detail::exception& ex) override {
    std::string what = ex.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..."
    const size_t bracket = what.find("] ");
    if (bracket != std::string::npos) what.erase(0, bracket + 2);
    message = "invalid JSON: " + what;
    // The lexer stops at the first letter of NaN / Infinity: name the usual culprit.
    const char at = position >= 1 && position <= payload.size() ? payload[position - 1] : '\0';
    if (at == 'N' || at == 'n' || at == 'I' || at == 'i') {
      message += " (NaN and Infinity are not JSON numbers; leave the sample out instead)";
    }
    (void)lastToken;
    return false;
  }
};

}  // namespace

int JsonDecoder::sniff(std::string_view payload) const {
  const std::string_view s = trimmed(payload);
  if (s.size() < 2) return 0;
  if (s.front() == '{') return s.back() == '}' ? 90 : 40;
  if (s.front() == '[') return s.back() == ']' ? 70 : 30;
  return 0;
}

Result<capture::SampleBatch> JsonDecoder::decode(std::string_view payload,
                                                 const capture::DecodeContext& ctx) const {
  try {
    if (payload.size() <= kMaxStructuredBytes) {
      if (auto batch = decodeSensorJsonFast(payload, ctx)) return std::move(*batch);
    }
    return decodeWithTree(payload, ctx);
  } catch (const std::exception& e) {
    // Only resource exhaustion gets here (bad_alloc); the scanner does not throw otherwise.
    return Error(std::string("JSON decoding failed: ") + e.what());
  }
}

Result<capture::SampleBatch> JsonDecoder::decodeWithTree(std::string_view payload,
                                                         const capture::DecodeContext& ctx) {
  try {
    if (trimmed(payload).empty()) return Error("empty payload, expected a JSON document");
    if (payload.size() > kMaxStructuredBytes) {
      return Error("JSON payload of " + std::to_string(payload.size()) +
                   " bytes exceeds the 16 MiB limit");
    }
    if (!nestingWithin(payload, kMaxDepth)) {
      return Error("JSON nesting is deeper than " + std::to_string(kMaxDepth) +
                   " levels; sensor payloads are flat");
    }
    const Json root = Json::parse(payload.begin(), payload.end(), nullptr, false);
    if (root.is_discarded()) {
      ErrorCatcher catcher(payload);
      Json::sax_parse(payload.begin(), payload.end(), &catcher);
      return Error(catcher.message.empty() ? std::string("invalid JSON") : catcher.message);
    }
    return batchFromTree(root, ctx);
  } catch (const std::exception& e) {
    // Only resource exhaustion gets here (bad_alloc); the parser itself does not throw.
    return Error(std::string("JSON decoding failed: ") + e.what());
  }
}

}  // namespace edgewise::decoders
