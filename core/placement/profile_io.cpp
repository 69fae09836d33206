#include "core/placement/profile_io.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace edgewise::placement {

using nlohmann::json;

std::string profilesToJson(const std::vector<ModelProfile>& profiles) {
  json out = json::array();
  for (const ModelProfile& p : profiles) {
    json layers = json::array();
    double total = 0.0;
    for (const Layer& l : p.layers) {
      layers.push_back({{"seconds", l.edgeSeconds}, {"output_bytes", l.outputBytes}});
      total += l.edgeSeconds;
    }
    out.push_back({{"model", p.name},
                   {"input_bytes", p.inputBytes},
                   {"total_seconds", total},
                   {"layers", layers}});
  }
  return out.dump(2) + "\n";
}

Result<std::vector<ModelProfile>> profilesFromJson(const std::string& text) {
  try {
    const json j = json::parse(text);
    if (!j.is_array()) return Error("a profile list must be a JSON array");
    std::vector<ModelProfile> out;
    for (const json& m : j) {
      ModelProfile p;
      p.name = m.at("model").get<std::string>();
      p.inputBytes = m.at("input_bytes").get<double>();
      for (const json& l : m.at("layers"))
        p.layers.push_back({l.at("seconds").get<double>(), l.at("output_bytes").get<double>()});
      out.push_back(std::move(p));
    }
    return out;
  } catch (const json::exception& e) {
    return Error(std::string("not a profile list: ") + e.what());
  }
}

Result<std::vector<ModelProfile>> loadProfiles(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error("cannot open the file", "reading profiles from " + path);
  std::ostringstream text;
  text << in.rdbuf();
  auto profiles = profilesFromJson(text.str());
  if (!profiles.ok()) return profiles.error().wrap("reading profiles from " + path);
  return profiles;
}

Result<void> saveProfiles(const std::string& path, const std::vector<ModelProfile>& profiles) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << profilesToJson(profiles);
  out.close();
  if (!out) return Error("cannot write the file", "writing profiles to " + path);
  return okResult();
}

}  // namespace edgewise::placement
