#pragma once
#include <string_view>

namespace edgewise::capture {

// MQTT 3.1.1 topic-filter matching: '+' is one level, a trailing '#' is this level and
// everything below (so "a/#" matches "a"); wildcards at the first level never match topics
// starting with '$' (broker internals such as $SYS).
bool topicMatchesFilter(std::string_view filter, std::string_view topic);

// True when the filter is syntactically valid ('#' only last and alone in its level, '+'
// alone in its level, not empty).
bool isValidTopicFilter(std::string_view filter);

}  // namespace edgewise::capture
