#include "cli/findings_text.hpp"

#include <fmt/format.h>

namespace dplan::cli {

std::string findings_as_text(Context& context, const std::vector<plugins::Finding>& findings) {
    std::string text;
    for (const auto& finding : findings) {
        std::string place = context.pick(context.area_name(finding.area_id));
        if (finding.focus_point_index) {
            place += fmt::format(" · {} {}", context.pick({"重點", "focus point"}), *finding.focus_point_index + 1);
        }
        text += fmt::format("  [{}] {}: {} ({})\n", context.pick(plugins::severity_name(finding.severity)), place,
                            context.pick(finding.message), finding.rule_id);
    }
    return text;
}

}  // namespace dplan::cli
