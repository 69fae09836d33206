#pragma once
// Small POSIX file helpers shared by the key store and the device slot.

#include <sys/types.h>

#include <string>

#include "core/util/result.h"

namespace edgewise::deploy {

// Temporary file, fsync, rename: readers and a crash see the old content or the new one.
Result<void> writeFileAtomic(const std::string& path, const std::string& bytes, mode_t mode = 0644);
Result<std::string> readWholeFile(const std::string& path);

}  // namespace edgewise::deploy
