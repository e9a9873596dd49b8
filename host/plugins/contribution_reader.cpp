#include "plugins/contribution_reader.hpp"

#include <fmt/format.h>

#include <cmath>
#include <set>

#include "domain/indicator_unit.hpp"
#include "domain/sector.hpp"
#include "plugins/utf8.hpp"

namespace dplan::plugins {

namespace {

[[noreturn]] void invalid(std::string_view field, const Bilingual& problem) {
    throw InvalidPluginData({fmt::format("外掛提供的資料不正確：{}（{}）", field, problem.zh),
                             fmt::format("returned invalid data: {} ({})", field, problem.en)});
}

const Bilingual null_pointer{"為 NULL", "NULL"};
const Bilingual null_function{"函式為 NULL", "NULL function"};
const Bilingual null_with_count{"為 NULL，但數目不是零", "NULL with a non-zero count"};

// Values outside a closed list (sectors, units, metrics): every one is collected, so an author
// fixes them all at once, and the error lists what is allowed.
class UnknownValues {
  public:
    UnknownValues(Bilingual what, std::string allowed) : what_(std::move(what)), allowed_(std::move(allowed)) {}
    void add(std::string field, std::string value) { found_.push_back(fmt::format("{} = \"{}\"", field, value)); }
    void throw_if_any() const {
        if (found_.empty()) return;
        throw InvalidPluginData({fmt::format("外掛提供的資料不正確：有 {} 項{}不在允許之列：{}。允許的有：{}",
                                             found_.size(), what_.zh, fmt::join(found_, "；"), allowed_),
                                 fmt::format("returned invalid data: unknown {} ({}): {}. Allowed: {}", what_.en,
                                             found_.size(), fmt::join(found_, "; "), allowed_)});
    }

  private:
    Bilingual what_;
    std::string allowed_;
    std::vector<std::string> found_;
};

std::string sector_codes() {
    std::vector<std::string_view> codes;
    for (const Sector sector : all_sectors) codes.push_back(sector_code(sector));
    return fmt::format("{}", fmt::join(codes, ", "));
}

}  // namespace

std::string plugin_string(const char* text, std::string_view field, bool required) {
    if (text == nullptr) invalid(field, null_pointer);
    std::string value(text);
    if (!is_valid_utf8(value)) invalid(field, {"不是有效的 UTF-8", "not valid UTF-8"});
    if (required && value.empty()) invalid(field, {"空白", "empty"});
    return value;
}

Bilingual plugin_text(const dplan_text& text, std::string_view field, bool required) {
    return {plugin_string(text.zh, fmt::format("{}.zh", field), required),
            plugin_string(text.en, fmt::format("{}.en", field), required)};
}

ServiceArea read_service_area(const dplan_service_area* area) {
    if (area == nullptr) invalid("service area", {"describe() 傳回 NULL", "describe() returned NULL"});
    ServiceArea result;
    result.id = plugin_string(area->id, "service area id");
    result.name = plugin_text(area->name, "service area name");
    result.colour_rgba = area->colour_rgba;
    if (area->heading_synonym_count > 0 && area->heading_synonyms == nullptr) {
        invalid("heading_synonyms", null_with_count);
    }
    for (std::size_t i = 0; i < area->heading_synonym_count; ++i) {
        result.heading_synonyms.push_back(
            plugin_string(area->heading_synonyms[i], fmt::format("heading_synonyms[{}]", i)));
    }
    result.objective_guidance = plugin_text(area->objective_guidance, "objective_guidance", false);
    result.focus_point_guidance = plugin_text(area->focus_point_guidance, "focus_point_guidance", false);
    if (area->typical_partner_sector_count > 0 && area->typical_partner_sectors == nullptr) {
        invalid("typical_partner_sectors", null_with_count);
    }
    UnknownValues unknown({"合作界別代號", "sector codes"}, sector_codes());
    for (std::size_t i = 0; i < area->typical_partner_sector_count; ++i) {
        const auto field = fmt::format("typical_partner_sectors[{}]", i);
        const auto code = plugin_string(area->typical_partner_sectors[i], field);
        if (const auto sector = parse_sector(code)) {
            result.typical_partners.push_back(*sector);
        } else {
            unknown.add(field, code);
        }
    }
    unknown.throw_if_any();
    return result;
}

std::vector<IndicatorDefinition> read_indicators(const dplan_indicator_catalogue_ext& catalogue) {
    if (catalogue.count == nullptr || catalogue.get == nullptr) invalid("indicator catalogue", null_function);
    std::vector<IndicatorDefinition> result;
    std::set<std::string> codes;
    const std::size_t count = catalogue.count();
    if (count > 10000) invalid("indicator catalogue", {"多於 10000 項指標", "more than 10000 indicators"});
    UnknownValues unknown({"單位", "units"}, fmt::format("{}", fmt::join(indicator_units, ", ")));
    for (std::size_t i = 0; i < count; ++i) {
        const auto field = fmt::format("indicators[{}]", i);
        const dplan_indicator_definition* definition = catalogue.get(i);
        if (definition == nullptr) invalid(field, null_pointer);
        IndicatorDefinition indicator;
        indicator.code = plugin_string(definition->code, field + ".code");
        if (!codes.insert(indicator.code).second) {
            invalid(field + ".code",
                    {fmt::format("代號 {} 重複", indicator.code), fmt::format("duplicate code {}", indicator.code)});
        }
        if (definition->kind != DPLAN_INDICATOR_OUTPUT && definition->kind != DPLAN_INDICATOR_OUTCOME) {
            invalid(field + ".kind", {"既不是 DPLAN_INDICATOR_OUTPUT 也不是 DPLAN_INDICATOR_OUTCOME",
                                      "neither DPLAN_INDICATOR_OUTPUT nor DPLAN_INDICATOR_OUTCOME"});
        }
        indicator.kind = definition->kind == DPLAN_INDICATOR_OUTPUT ? IndicatorKind::output : IndicatorKind::outcome;
        indicator.name = plugin_text(definition->name, field + ".name");
        indicator.unit = plugin_string(definition->unit, field + ".unit");
        if (!is_indicator_unit(indicator.unit)) {
            unknown.add(field + ".unit", indicator.unit);
        } else if (indicator.kind == IndicatorKind::outcome && indicator.unit != "percent") {
            invalid(field + ".unit", {"成效指標須以 percent 計算", "outcome indicators are measured in percent"});
        }
        indicator.definition = plugin_text(definition->definition, field + ".definition");
        indicator.typical_target = definition->typical_target;
        if (!std::isfinite(indicator.typical_target) || indicator.typical_target < 0) {
            invalid(field + ".typical_target", {"應為不小於 0 的有限數值", "not a finite number >= 0"});
        }
        result.push_back(std::move(indicator));
    }
    unknown.throw_if_any();
    return result;
}

std::vector<Panel> read_panels(const dplan_panel_ext& panels) {
    if (panels.count == nullptr || panels.get == nullptr) invalid("panels", null_function);
    std::vector<Panel> result;
    const std::size_t count = panels.count();
    if (count > 100) invalid("panels", {"多於 100 個面板", "more than 100 panels"});
    UnknownValues unknown({"面板指標", "metrics"}, fmt::format("{}", fmt::join(known_panel_metrics, ", ")));
    for (std::size_t i = 0; i < count; ++i) {
        const auto field = fmt::format("panels[{}]", i);
        const dplan_panel* panel = panels.get(i);
        if (panel == nullptr) invalid(field, null_pointer);
        Panel copy;
        copy.id = plugin_string(panel->id, field + ".id");
        copy.title = plugin_text(panel->title, field + ".title");
        if (panel->item_count > 0 && panel->items == nullptr) invalid(field + ".items", null_with_count);
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
                    if (!is_known_panel_metric(entry.metric)) unknown.add(item_field + ".metric", entry.metric);
                    break;
                default:
                    invalid(item_field + ".kind", {"不是已知的面板項目類別", "not a known panel item kind"});
            }
            copy.items.push_back(std::move(entry));
        }
        result.push_back(std::move(copy));
    }
    unknown.throw_if_any();
    return result;
}

}  // namespace dplan::plugins
