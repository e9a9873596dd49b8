#include "plugins/contribution_reader.hpp"

#include <fmt/format.h>

#include <cmath>
#include <set>

#include "domain/indicator_unit.hpp"
#include "plugins/utf8.hpp"

namespace dplan::plugins {

namespace {
[[noreturn]] void invalid(std::string_view field, std::string_view problem) {
    throw InvalidPluginData({fmt::format("外掛提供的資料不正確：{}（{}）", field, problem),
                             fmt::format("returned invalid data: {} ({})", field, problem)});
}
}  // namespace

std::string plugin_string(const char* text, std::string_view field, bool required) {
    if (text == nullptr) invalid(field, "NULL");
    std::string value(text);
    if (!is_valid_utf8(value)) invalid(field, "not valid UTF-8");
    if (required && value.empty()) invalid(field, "empty");
    return value;
}

Bilingual plugin_text(const dplan_text& text, std::string_view field, bool required) {
    return {plugin_string(text.zh, fmt::format("{}.zh", field), required),
            plugin_string(text.en, fmt::format("{}.en", field), required)};
}

ServiceArea read_service_area(const dplan_service_area* area) {
    if (area == nullptr) invalid("service area", "describe() returned NULL");
    ServiceArea result;
    result.id = plugin_string(area->id, "service area id");
    result.name = plugin_text(area->name, "service area name");
    result.colour_rgba = area->colour_rgba;
    if (area->heading_synonym_count > 0 && area->heading_synonyms == nullptr) {
        invalid("heading_synonyms", "NULL with a non-zero count");
    }
    for (std::size_t i = 0; i < area->heading_synonym_count; ++i) {
        result.heading_synonyms.push_back(
            plugin_string(area->heading_synonyms[i], fmt::format("heading_synonyms[{}]", i)));
    }
    result.objective_guidance = plugin_text(area->objective_guidance, "objective_guidance", false);
    result.focus_point_guidance = plugin_text(area->focus_point_guidance, "focus_point_guidance", false);
    if (area->typical_partner_sector_count > 0 && area->typical_partner_sectors == nullptr) {
        invalid("typical_partner_sectors", "NULL with a non-zero count");
    }
    for (std::size_t i = 0; i < area->typical_partner_sector_count; ++i) {
        const auto field = fmt::format("typical_partner_sectors[{}]", i);
        const auto code = plugin_string(area->typical_partner_sectors[i], field);
        const auto sector = parse_sector(code);
        if (!sector) invalid(field, fmt::format("unknown sector '{}'", code));
        result.typical_partners.push_back(*sector);
    }
    return result;
}

std::vector<IndicatorDefinition> read_indicators(const dplan_indicator_catalogue_ext& catalogue) {
    if (catalogue.count == nullptr || catalogue.get == nullptr) invalid("indicator catalogue", "NULL function");
    std::vector<IndicatorDefinition> result;
    std::set<std::string> codes;
    const std::size_t count = catalogue.count();
    if (count > 10000) invalid("indicator catalogue", "more than 10000 indicators");
    for (std::size_t i = 0; i < count; ++i) {
        const auto field = fmt::format("indicators[{}]", i);
        const dplan_indicator_definition* definition = catalogue.get(i);
        if (definition == nullptr) invalid(field, "NULL");
        IndicatorDefinition indicator;
        indicator.code = plugin_string(definition->code, field + ".code");
        if (!codes.insert(indicator.code).second) invalid(field + ".code", "duplicate " + indicator.code);
        if (definition->kind != DPLAN_INDICATOR_OUTPUT && definition->kind != DPLAN_INDICATOR_OUTCOME) {
            invalid(field + ".kind", "neither output nor outcome");
        }
        indicator.kind = definition->kind == DPLAN_INDICATOR_OUTPUT ? IndicatorKind::output : IndicatorKind::outcome;
        indicator.name = plugin_text(definition->name, field + ".name");
        indicator.unit = plugin_string(definition->unit, field + ".unit");
        if (!is_indicator_unit(indicator.unit)) invalid(field + ".unit", "unknown unit " + indicator.unit);
        if (indicator.kind == IndicatorKind::outcome && indicator.unit != "percent") {
            invalid(field + ".unit", "outcome indicators are measured in percent");
        }
        indicator.definition = plugin_text(definition->definition, field + ".definition");
        indicator.typical_target = definition->typical_target;
        if (!std::isfinite(indicator.typical_target) || indicator.typical_target < 0) {
            invalid(field + ".typical_target", "not a finite number >= 0");
        }
        result.push_back(std::move(indicator));
    }
    return result;
}

std::vector<Panel> read_panels(const dplan_panel_ext& panels) {
    if (panels.count == nullptr || panels.get == nullptr) invalid("panels", "NULL function");
    std::vector<Panel> result;
    const std::size_t count = panels.count();
    if (count > 100) invalid("panels", "more than 100 panels");
    for (std::size_t i = 0; i < count; ++i) {
        const auto field = fmt::format("panels[{}]", i);
        const dplan_panel* panel = panels.get(i);
        if (panel == nullptr) invalid(field, "NULL");
        Panel copy;
        copy.id = plugin_string(panel->id, field + ".id");
        copy.title = plugin_text(panel->title, field + ".title");
        if (panel->item_count > 0 && panel->items == nullptr) invalid(field + ".items", "NULL");
        for (std::size_t k = 0; k < panel->item_count; ++k) {
            const auto item_field = fmt::format("{}.items[{}]", field, k);
            const dplan_panel_item& item = panel->items[k];
            PanelItem entry;
            entry.label = plugin_text(item.label, item_field + ".label");
            switch (item.kind) {
                case DPLAN_PANEL_HEADING:
                    entry.kind = PanelItemKind::heading;
                    break;
                case DPLAN_PANEL_TEXT:
                    entry.kind = PanelItemKind::text;
                    break;
                case DPLAN_PANEL_METRIC:
                    entry.kind = PanelItemKind::metric;
                    entry.metric = plugin_string(item.metric, item_field + ".metric");
                    if (!is_known_panel_metric(entry.metric)) {
                        invalid(item_field + ".metric", "unknown metric " + entry.metric);
                    }
                    break;
                default:
                    invalid(item_field + ".kind", "unknown kind");
            }
            copy.items.push_back(std::move(entry));
        }
        result.push_back(std::move(copy));
    }
    return result;
}

}  // namespace dplan::plugins
