#include "cli/findings_text.hpp"

#include <fmt/format.h>

namespace dplan::cli {

std::string findings_as_text(Context& context, const std::vector<plugins::Finding>& findings,
                             const plugins::PluginRegistry* registry) {
    std::string text;
    for (const auto& finding : findings) {
        const auto* area_plugin = registry != nullptr ? registry->find_area(finding.area_id) : nullptr;
        std::string place =
            context.pick(area_plugin != nullptr ? area_plugin->area()->name : context.area_name(finding.area_id));
        if (finding.focus_point_index) {
            place += fmt::format(" · {} {}", context.pick({"重點", "focus point"}), *finding.focus_point_index + 1);
        }
        // A finding from a plugin that reviews another area's section names that plugin.
        const bool from_reviewer = !finding.plugin_id.empty() && finding.plugin_id != finding.area_id;
        const std::string source = from_reviewer ? finding.plugin_id + ": " + finding.rule_id : finding.rule_id;
        text += fmt::format("  [{}] {}: {} ({})\n", context.pick(plugins::severity_name(finding.severity)), place,
                            context.pick(finding.message), source);
    }
    return text;
}

}  // namespace dplan::cli
