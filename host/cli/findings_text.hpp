// Validation findings as terminal lines: severity, area, focus point, message.
#pragma once

#include <string>
#include <vector>

#include "cli/context.hpp"
#include "plugins/contributions.hpp"

namespace dplan::cli {

// `registry` names the areas; by default, the plugins the context loaded.
std::string findings_as_text(Context& context, const std::vector<plugins::Finding>& findings,
                             const plugins::PluginRegistry* registry = nullptr);

}  // namespace dplan::cli
