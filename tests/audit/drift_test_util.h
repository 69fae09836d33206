#pragma once
// Helpers of the core/audit tests: the sample generator shared with make_drift_reference.py
// and the reference JSON.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace edgewise::audit::test {

// splitmix64 -> doubles in [0, 1) from the top 53 bits, as make_drift_reference.py.
std::vector<double> uniforms(uint64_t seed, size_t n);

// The sample a generator spec of the reference JSON describes (bit-identical to Python).
std::vector<double> generate(const nlohmann::json& spec);

// tests/audit/drift_reference.json, parsed.
const nlohmann::json& reference();

}  // namespace edgewise::audit::test
