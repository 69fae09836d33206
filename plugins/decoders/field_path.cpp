#include "plugins/decoders/field_path.h"

namespace edgewise::decoders {

namespace {

Error pathError(std::string_view path, size_t pos, const std::string& what) {
  return Error("field path '" + std::string(path) + "' at character " + std::to_string(pos + 1) +
               ": " + what);
}

}  // namespace

Result<FieldPath> parseFieldPath(std::string_view path) {
  FieldPath out;
  if (path.empty()) return Error("field path is empty");
  size_t i = 0;
  bool expectKey = true;  // at the start and after '.'
  while (i < path.size()) {
    const char c = path[i];
    if (c == '[') {
      ++i;
      PathSegment seg;
      if (i < path.size() && path[i] == '"') {
        ++i;
        bool closed = false;
        while (i < path.size()) {
          const char k = path[i++];
          if (k == '\\' && i < path.size()) {
            seg.key += path[i++];
          } else if (k == '"') {
            closed = true;
            break;
          } else {
            seg.key += k;
          }
        }
        if (!closed) return pathError(path, i, "unterminated quoted key");
      } else {
        const size_t start = i;
        while (i < path.size() && path[i] >= '0' && path[i] <= '9') ++i;
        if (i == start || i - start > 9) {
          return pathError(path, start, "expected [\"key\"] or an index [N]");
        }
        seg.key.assign(path.substr(start, i - start));
        seg.isIndex = true;
        seg.index = std::stoul(seg.key);
      }
      if (i >= path.size() || path[i] != ']') return pathError(path, i, "expected ']'");
      ++i;
      out.push_back(std::move(seg));
      expectKey = false;
    } else if (c == '.') {
      if (expectKey) return pathError(path, i, "empty key");
      ++i;
      expectKey = true;
      if (i == path.size()) return pathError(path, i - 1, "path ends with '.'");
    } else {
      if (!expectKey) return pathError(path, i, "expected '.' or '[' after ']'");
      const size_t start = i;
      while (i < path.size() && path[i] != '.' && path[i] != '[') ++i;
      PathSegment seg;
      seg.key.assign(path.substr(start, i - start));
      out.push_back(std::move(seg));
      expectKey = false;
    }
  }
  return out;
}

}  // namespace edgewise::decoders
