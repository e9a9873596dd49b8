// Runs every service-area plugin's checks over a plan. A section whose plugin is missing, or
// whose plugin fails, gets a finding that says so instead of silently passing.
#pragma once

#include <vector>

#include "domain/plan.hpp"
#include "plugins/plugin_registry.hpp"

namespace dplan {

std::vector<plugins::Finding> validate_plan(const Plan& plan, plugins::PluginRegistry& registry);

bool has_errors(const std::vector<plugins::Finding>& findings);

}  // namespace dplan
