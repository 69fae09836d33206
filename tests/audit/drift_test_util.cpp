#include "tests/audit/drift_test_util.h"

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace edgewise::audit::test {

std::vector<double> uniforms(uint64_t seed, size_t n) {
  std::vector<double> out(n);
  uint64_t state = seed;
  for (size_t i = 0; i < n; ++i) {
    state += 0x9E3779B97F4A7C15ULL;
    uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z = z ^ (z >> 31);
    out[i] = static_cast<double>(z >> 11) * 0x1.0p-53;
  }
  return out;
}

std::vector<double> generate(const nlohmann::json& spec) {
  const std::string kind = spec.at("kind");
  const size_t n = spec.at("n");
  const uint64_t seed = spec.at("seed");
  const double scale = spec.value("scale", 1.0);
  const double shift = spec.value("shift", 0.0);
  std::vector<double> out(n);
  if (kind == "uniform") {
    const std::vector<double> u = uniforms(seed, n);
    for (size_t i = 0; i < n; ++i) out[i] = shift + scale * u[i];
  } else if (kind == "rounded") {
    const std::vector<double> u = uniforms(seed, n);
    const double levels = spec.at("levels");
    for (size_t i = 0; i < n; ++i) out[i] = std::floor(u[i] * levels) + shift;
  } else if (kind == "sum4") {
    const std::vector<double> u = uniforms(seed, 4 * n);
    for (size_t i = 0; i < n; ++i) {
      out[i] = (u[4 * i] + u[4 * i + 1] + u[4 * i + 2] + u[4 * i + 3] - 2.0) * scale + shift;
    }
  } else {
    throw std::runtime_error("unknown generator kind " + kind);
  }
  return out;
}

const nlohmann::json& reference() {
  static const nlohmann::json doc = [] {
    const char* dir = std::getenv("EDGEWISE_SOURCE_DIR");
    const std::string path = std::string(dir ? dir : ".") + "/tests/audit/drift_reference.json";
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open " + path);
    std::stringstream text;
    text << in.rdbuf();
    return nlohmann::json::parse(text.str());
  }();
  return doc;
}

}  // namespace edgewise::audit::test
