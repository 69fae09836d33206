#pragma once
// The demo's Audit stage (issue 7): the first demo model deployed to two simulated devices,
// their predictions watched for drift, a sensor bias injected into one of them, the alarm
// detected and reported. Never fails the demo: a stage that cannot run says why in the report.

#include <QString>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "core/util/result.h"

namespace edgewise::cli {

void appendDemoAudit(const std::string& brokerUrl, const QString& projectPath,
                     const Result<nlohmann::json>& trained,
                     const std::function<void(const std::string&)>& say, nlohmann::json& report,
                     std::ostringstream& md);

}  // namespace edgewise::cli
