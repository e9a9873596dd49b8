// Runs every service-area plugin's checks over a plan. A section whose plugin is missing, or
// whose plugin fails, gets a finding that says so instead of silently passing.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "domain/plan.hpp"
#include "plugins/plugin_registry.hpp"

namespace dplan {

class Database;

// `measurable` counts, per area id, the indicators with a target in programmes linked to the
// section's focus points (ProgrammeRepository::measurable_indicators); missing areas count 0.
std::vector<plugins::Finding> validate_plan(const Plan& plan, plugins::PluginRegistry& registry,
                                            const std::map<std::string, std::size_t>& measurable = {});

// The same for a stored plan, with its sections' measurable indicators counted from the database.
std::vector<plugins::Finding> validate_stored_plan(Database& db, const Plan& plan, plugins::PluginRegistry& registry);

bool has_errors(const std::vector<plugins::Finding>& findings);

}  // namespace dplan
