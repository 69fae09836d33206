#include "core/capture/topic_filter.h"

#include <vector>

namespace edgewise::capture {

namespace {

std::vector<std::string_view> splitLevels(std::string_view s) {
  std::vector<std::string_view> levels;
  size_t start = 0;
  while (true) {
    const auto slash = s.find('/', start);
    if (slash == std::string_view::npos) {
      levels.push_back(s.substr(start));
      return levels;
    }
    levels.push_back(s.substr(start, slash - start));
    start = slash + 1;
  }
}

}  // namespace

bool topicMatchesFilter(std::string_view filter, std::string_view topic) {
  if (filter.empty() || topic.empty()) return false;
  if (topic.front() == '$' && (filter.front() == '+' || filter.front() == '#')) return false;
  const auto f = splitLevels(filter);
  const auto t = splitLevels(topic);
  for (size_t i = 0; i < f.size(); ++i) {
    if (f[i] == "#") return true;  // also when t has no level i: "a/#" matches "a"
    if (i >= t.size()) return false;
    if (f[i] != "+" && f[i] != t[i]) return false;
  }
  return f.size() == t.size();
}

bool isValidTopicFilter(std::string_view filter) {
  if (filter.empty()) return false;
  const auto levels = splitLevels(filter);
  for (size_t i = 0; i < levels.size(); ++i) {
    const auto level = levels[i];
    if (level.find('#') != std::string_view::npos && (level != "#" || i + 1 != levels.size())) {
      return false;
    }
    if (level.find('+') != std::string_view::npos && level != "+") return false;
  }
  return true;
}

}  // namespace edgewise::capture
