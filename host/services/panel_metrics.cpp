#include "services/panel_metrics.hpp"

#include <set>

#include "services/plan_validation.hpp"

namespace dplan {

namespace {

std::string metric_value(const std::string& metric, const PlanSection& section,
                         const std::vector<plugins::Finding>& findings) {
    if (metric == "section.focus_point_count") return std::to_string(section.focus_points.size());
    if (metric == "section.partner_sector_count") {
        std::set<Sector> sectors;
        for (const auto& point : section.focus_points) sectors.insert(point.partners.begin(), point.partners.end());
        return std::to_string(sectors.size());
    }
    std::size_t count = 0;  // section.finding_count: the loader accepts no other metric
    for (const auto& finding : findings) count += finding.area_id == section.area_id ? 1 : 0;
    return std::to_string(count);
}

}  // namespace

std::vector<RenderedPanel> render_panels(Database& db, const Plan& plan, plugins::PluginRegistry& registry) {
    const auto findings = validate_stored_plan(db, plan, registry);
    std::vector<RenderedPanel> panels;
    for (const auto& section : plan.sections) {
        const auto* plugin = registry.find_area(section.area_id);
        if (plugin == nullptr) continue;
        for (const auto& panel : plugin->panels()) {
            RenderedPanel rendered{section.area_id, panel.title, {}};
            for (const auto& item : panel.items) {
                rendered.lines.push_back(
                    {item.kind, item.label,
                     item.kind == plugins::PanelItemKind::metric ? metric_value(item.metric, section, findings) : ""});
            }
            panels.push_back(std::move(rendered));
        }
    }
    return panels;
}

}  // namespace dplan
