// Fills in the metrics that plugins' declared panels ask for (sdk/include/dplan/sdk/panel.h),
// for one plan. The CLI prints them; the dashboard will draw the same values.
#pragma once

#include <string>
#include <vector>

#include "domain/plan.hpp"
#include "plugins/plugin_registry.hpp"

namespace dplan {

class Database;

struct PanelLine {
    plugins::PanelItemKind kind;
    Bilingual label;
    std::string value;  // metrics only
};

struct RenderedPanel {
    std::string area_id;
    Bilingual title;
    std::vector<PanelLine> lines;
};

// One panel per plugin panel whose area has a section in the plan.
std::vector<RenderedPanel> render_panels(Database& db, const Plan& plan, plugins::PluginRegistry& registry);

}  // namespace dplan
