#pragma once
// Layer profiles as JSON, so that a simulation can be repeated exactly on any machine: the
// profiles measured once are saved (edgewise-cli plan placement --save-profiles) and loaded
// instead of measured again (--load-profiles; the tests' fixture, the recorded benchmark).
//
// Format: [{"model": "cnn2d-7", "input_bytes": 49152, "total_seconds": ...,
//           "layers": [{"seconds": 1.2e-4, "output_bytes": 65536}, ...]}, ...]
// ("total_seconds" is written for readers and ignored when loading).

#include <string>
#include <vector>

#include "core/placement/simulation.h"
#include "core/util/result.h"

namespace edgewise::placement {

std::string profilesToJson(const std::vector<ModelProfile>& profiles);
Result<std::vector<ModelProfile>> profilesFromJson(const std::string& text);

Result<std::vector<ModelProfile>> loadProfiles(const std::string& path);
Result<void> saveProfiles(const std::string& path, const std::vector<ModelProfile>& profiles);

}  // namespace edgewise::placement
