#pragma once
// The container of a saved OpenCV ml model: a small binary header of our own (magic, format
// version, family id, classes, dims, parameter count) and one or more payloads (OpenCV's own
// serialization of each cv::ml model), each with its length and an FNV-1a checksum. The
// header lets load() refuse a truncated, corrupt or foreign file with a clear message before
// OpenCV's parser ever sees it.

#include <cstdint>
#include <string>
#include <vector>

#include "core/util/result.h"

namespace edgewise::training {

struct ModelFile {
  std::string familyId;
  int32_t numClasses = 0;
  int32_t dims = 0;
  int64_t parameterCount = 0;
  std::vector<std::string> parts;
};

// The exact bytes writeModelFile() stores.
std::string encodeModelFile(const ModelFile& file);
Result<ModelFile> decodeModelFile(const std::string& bytes);

// Written atomically (QSaveFile): a failed write leaves an earlier file as it was.
Result<void> writeModelFile(const std::string& path, const ModelFile& file);
Result<ModelFile> readModelFile(const std::string& path);

}  // namespace edgewise::training
