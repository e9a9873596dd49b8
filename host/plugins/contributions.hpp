// What plugins contribute, as the host keeps it: copied out of the plugin at load time and
// checked, so the rest of the host never holds a pointer into plugin memory.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/bilingual.hpp"
#include "domain/sector.hpp"

namespace dplan::plugins {

struct ServiceArea {
    std::string id;
    Bilingual name;
    std::uint32_t colour_rgba = 0;
    std::vector<std::string> heading_synonyms;
    Bilingual objective_guidance;
    Bilingual focus_point_guidance;
    std::vector<Sector> typical_partners;
};

enum class IndicatorKind { output, outcome };

struct IndicatorDefinition {
    std::string code;
    IndicatorKind kind = IndicatorKind::output;
    Bilingual name;
    std::string unit;
    Bilingual definition;
    double typical_target = 0;
};

enum class Severity { note, warning, error };

struct Finding {
    std::string plugin_id;
    std::string area_id;
    Severity severity = Severity::note;
    std::string rule_id;
    Bilingual message;
    std::optional<std::size_t> focus_point_index;  // empty: the section as a whole
};

Bilingual severity_name(Severity severity);

enum class PanelItemKind { heading, text, metric };

struct PanelItem {
    PanelItemKind kind = PanelItemKind::text;
    Bilingual label;
    std::string metric;
};

struct Panel {
    std::string id;
    Bilingual title;
    std::vector<PanelItem> items;
};

// Metric ids the host computes for declared panels (see sdk/include/dplan/sdk/panel.h).
inline constexpr std::array<std::string_view, 3> known_panel_metrics{
    "section.focus_point_count", "section.partner_sector_count", "section.finding_count"};
bool is_known_panel_metric(std::string_view metric);

}  // namespace dplan::plugins
