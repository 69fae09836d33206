#pragma once
// Field paths of JSON/CBOR channels: keys separated by '.', a key containing '.' written in
// brackets with quotes (accel["x.raw"], ["sensor.temp"]), array elements as [N] (accel[0]).

#include <string>
#include <string_view>
#include <vector>

#include "core/util/result.h"

namespace edgewise::decoders {

struct PathSegment {
  std::string key;
  bool isIndex = false;  // [N]: element N of an array (or key "N" of an object)
  size_t index = 0;
};

using FieldPath = std::vector<PathSegment>;

Result<FieldPath> parseFieldPath(std::string_view path);

}  // namespace edgewise::decoders
