// District Planner plugin SDK, C++ layer (header-only, C++20).
//
// Describe a service area as data, and this layer provides the C entry point, the extensions
// and their safety net: every call is noexcept at the boundary, an exception inside a rule
// becomes DPLAN_ERROR, and nothing but plain C crosses to the host.
//
//   constexpr dplan::sdk::AreaPlugin family{ .id = "family", .name = {...}, ... };
//   DPLAN_AREA_PLUGIN(family)
//
// The standard rules (objective present, focus points present and naming partners, objective
// measurable) run for every area; `rules` adds the area's own. A plugin may also review other
// areas' sections (`reviews_areas`), running `review_rules` there.
#pragma once

#include <cstdint>
#include <exception>
#include <span>
#include <string>
#include <string_view>

#include "dplan/sdk/indicators.h"
#include "dplan/sdk/panel.h"
#include "dplan/sdk/plugin.h"
#include "dplan/sdk/report.h"
#include "dplan/sdk/section_view.h"
#include "dplan/sdk/service_area.h"
#include "dplan/sdk/validation.h"

namespace dplan::sdk {

using Text = dplan_text;
using Indicator = dplan_indicator_definition;
using PanelItem = dplan_panel_item;

inline constexpr std::int32_t output = DPLAN_INDICATOR_OUTPUT;
inline constexpr std::int32_t outcome = DPLAN_INDICATOR_OUTCOME;

// Sector codes, as the host stores them.
namespace sector {
inline constexpr const char* ngo = "ngo";
inline constexpr const char* health = "health";
inline constexpr const char* education = "education";
inline constexpr const char* business = "business";
inline constexpr const char* district_group = "district_group";
inline constexpr const char* government = "government";
inline constexpr const char* resident = "resident";

// The sector's name as papers print it; the code itself when it is not a known sector.
inline std::string_view name(std::string_view code, dplan_language language) {
    struct Entry {
        std::string_view code, zh, en;
    };
    constexpr Entry names[] = {
        {"ngo", "非政府機構", "NGOs"},
        {"health", "醫護界", "Health"},
        {"education", "教育界", "Education"},
        {"business", "商界", "Business"},
        {"district_group", "地區團體", "District groups"},
        {"government", "政府部門", "Government"},
        {"resident", "居民", "Residents"},
    };
    for (const auto& entry : names) {
        if (entry.code == code) return language == DPLAN_LANGUAGE_ZH ? entry.zh : entry.en;
    }
    return code;
}
}  // namespace sector

// One focus point of the section being checked (host-owned; valid during the call).
class FocusPoint {
  public:
    explicit FocusPoint(const dplan_focus_point_view& view) : view_(view) {}
    std::string_view zh() const { return view_.text.zh ? view_.text.zh : ""; }
    std::string_view en() const { return view_.text.en ? view_.text.en : ""; }
    std::size_t partner_count() const { return view_.partner_sector_count; }
    std::string_view partner(std::size_t index) const { return view_.partner_sectors[index]; }
    bool has_partner(std::string_view code) const {
        for (std::size_t i = 0; i < view_.partner_sector_count; ++i) {
            if (code == view_.partner_sectors[i]) return true;
        }
        return false;
    }
    // True when either language's text contains one of `words`.
    bool mentions(std::initializer_list<std::string_view> words) const {
        for (auto word : words) {
            if (zh().find(word) != std::string_view::npos || en().find(word) != std::string_view::npos) {
                return true;
            }
        }
        return false;
    }

  private:
    const dplan_focus_point_view& view_;
};

// The plan section being checked or reported.
class Section {
  public:
    explicit Section(const dplan_section_view& view) : view_(view) {}
    std::string_view area_id() const { return view_.area_id ? view_.area_id : ""; }
    std::string_view objective_zh() const { return view_.objective.zh ? view_.objective.zh : ""; }
    std::string_view objective_en() const { return view_.objective.en ? view_.objective.en : ""; }
    std::size_t focus_point_count() const { return view_.focus_point_count; }
    FocusPoint focus_point(std::size_t index) const { return FocusPoint(view_.focus_points[index]); }
    std::size_t measurable_indicator_count() const { return view_.measurable_indicator_count; }

    bool any_partner(std::string_view code) const {
        for (std::size_t i = 0; i < focus_point_count(); ++i) {
            if (focus_point(i).has_partner(code)) return true;
        }
        return false;
    }
    bool any_mentions(std::initializer_list<std::string_view> words) const {
        for (std::size_t i = 0; i < focus_point_count(); ++i) {
            if (focus_point(i).mentions(words)) return true;
        }
        return false;
    }

  private:
    const dplan_section_view& view_;
};

// Where a rule reports what it found.
class Findings {
  public:
    explicit Findings(const dplan_findings_sink& sink) : sink_(sink) {}
    void error(const char* rule_id, Text message, std::int64_t focus_point = -1) const {
        sink_.add(sink_.context, DPLAN_SEVERITY_ERROR, rule_id, message, focus_point);
    }
    void warning(const char* rule_id, Text message, std::int64_t focus_point = -1) const {
        sink_.add(sink_.context, DPLAN_SEVERITY_WARNING, rule_id, message, focus_point);
    }
    void note(const char* rule_id, Text message, std::int64_t focus_point = -1) const {
        sink_.add(sink_.context, DPLAN_SEVERITY_NOTE, rule_id, message, focus_point);
    }

  private:
    const dplan_findings_sink& sink_;
};

using Rule = void (*)(const Section&, const Findings&);
using ReportWriter = void (*)(const Section&, dplan_language, std::string& out);

namespace rules {

inline void objective_missing(const Section& section, const Findings& findings) {
    if (section.objective_zh().empty() && section.objective_en().empty()) {
        findings.error("objective-missing", {"未有填寫工作目標", "The section has no objective"});
    }
}

inline void no_focus_points(const Section& section, const Findings& findings) {
    if (section.focus_point_count() == 0) {
        findings.error("focus-points-missing", {"未有任何工作計劃重點", "The section has no focus points"});
    }
}

inline void focus_point_without_partner(const Section& section, const Findings& findings) {
    for (std::size_t i = 0; i < section.focus_point_count(); ++i) {
        if (section.focus_point(i).partner_count() == 0) {
            findings.warning("focus-point-no-partner",
                             {"此工作計劃重點未有列明合作界別", "This focus point names no partner sector"},
                             static_cast<std::int64_t>(i));
        }
    }
}

inline void objective_not_measurable(const Section& section, const Findings& findings) {
    if (section.measurable_indicator_count() == 0) {
        findings.warning("objective-not-smart",
                         {"工作目標未有任何設定目標值的指標（不符合 SMART 原則）",
                          "The objective has no indicator with a target, so it is not measurable "
                          "(not SMART)"});
    }
}

inline constexpr Rule standard[] = {&objective_missing, &no_focus_points, &focus_point_without_partner,
                                    &objective_not_measurable};

// For an area's own rules: a warning when no focus point names `code` as a partner.
inline void expect_partner(const Section& section, const Findings& findings, const char* code, const char* rule_id,
                           Text message) {
    if (section.focus_point_count() > 0 && !section.any_partner(code)) {
        findings.warning(rule_id, message);
    }
}

}  // namespace rules

// The section as it reads in a committee paper: objective, then the focus points as bullets,
// each followed by its partner sectors: "…。（合作界別：醫護界、教育界）" / "… (Partners: Health, Education)".
inline void standard_report(const Section& section, dplan_language language, std::string& out) {
    const bool zh = language == DPLAN_LANGUAGE_ZH;
    out += zh ? "工作目標：" : "Objective: ";
    out += zh ? section.objective_zh() : section.objective_en();
    out += zh ? "\n工作計劃重點：\n" : "\nFocus points:\n";
    for (std::size_t i = 0; i < section.focus_point_count(); ++i) {
        const FocusPoint point = section.focus_point(i);
        out += "• ";
        out += zh ? point.zh() : point.en();
        for (std::size_t k = 0; k < point.partner_count(); ++k) {
            out += k > 0 ? (zh ? "、" : ", ") : (zh ? "（合作界別：" : " (Partners: ");
            out += sector::name(point.partner(k), language);
        }
        if (point.partner_count() > 0) out += zh ? "）" : ")";
        out += '\n';
    }
}

constexpr PanelItem heading(Text label) { return {DPLAN_PANEL_HEADING, label, nullptr}; }
constexpr PanelItem paragraph(Text label) { return {DPLAN_PANEL_TEXT, label, nullptr}; }
constexpr PanelItem metric(Text label, const char* metric_id) { return {DPLAN_PANEL_METRIC, label, metric_id}; }

// The panel most areas want: how full the section is and how many sectors it draws on.
inline constexpr PanelItem standard_panel_items[] = {
    metric({"工作計劃重點數目", "Focus points"}, "section.focus_point_count"),
    metric({"合作界別數目", "Partner sectors engaged"}, "section.partner_sector_count"),
    metric({"檢查結果", "Validation findings"}, "section.finding_count"),
};

// Everything a service-area plugin contributes, as data.
struct AreaPlugin {
    const char* id;
    Text name;
    std::uint32_t colour_rgba;
    std::span<const char* const> heading_synonyms;
    Text objective_guidance;
    Text focus_point_guidance;
    std::span<const char* const> typical_partners;
    std::span<const Indicator> indicators;
    std::span<const Rule> rules;  // in addition to rules::standard
    // Other areas whose sections this plugin also checks, with the rules it runs on them.
    std::span<const char* const> reviews_areas = {};
    std::span<const Rule> review_rules = {};
    Text panel_title;
    std::span<const PanelItem> panel_items;  // empty: no panel
    ReportWriter report = &standard_report;
};

namespace detail {

// Turns an AreaPlugin into the C entry and extensions. One instantiation per plugin library.
template <const AreaPlugin& P>
struct Adapter {
    static inline const dplan_host* host = nullptr;

    static constexpr dplan_service_area area{
        P.id,
        P.name,
        P.colour_rgba,
        P.heading_synonyms.data(),
        P.heading_synonyms.size(),
        P.objective_guidance,
        P.focus_point_guidance,
        P.typical_partners.data(),
        P.typical_partners.size(),
    };
    static constexpr dplan_panel panel{P.id, P.panel_title, P.panel_items.data(), P.panel_items.size()};

    static dplan_status init(const dplan_host* given) noexcept {
        host = given;
        return DPLAN_OK;
    }
    static void deinit() noexcept { host = nullptr; }

    static const dplan_service_area* describe() noexcept { return &area; }

    static std::size_t indicator_count() noexcept { return P.indicators.size(); }
    static const Indicator* indicator(std::size_t index) noexcept {
        return index < P.indicators.size() ? &P.indicators[index] : nullptr;
    }

    static dplan_status validate(const dplan_section_view* view, const dplan_findings_sink* sink) noexcept {
        if (view == nullptr || sink == nullptr || sink->add == nullptr) return DPLAN_INVALID_ARGUMENT;
        try {
            const Section section(*view);
            const Findings findings(*sink);
            if (section.area_id() == P.id) {
                for (Rule rule : rules::standard) rule(section, findings);
                for (Rule rule : P.rules) rule(section, findings);
            } else {
                for (Rule rule : P.review_rules) rule(section, findings);
            }
            return DPLAN_OK;
        } catch (...) {
            return DPLAN_ERROR;
        }
    }

    static dplan_status report(const dplan_section_view* view, std::int32_t language,
                               const dplan_text_sink* out) noexcept {
        if (view == nullptr || out == nullptr || out->write == nullptr) return DPLAN_INVALID_ARGUMENT;
        if (language != DPLAN_LANGUAGE_ZH && language != DPLAN_LANGUAGE_EN) return DPLAN_INVALID_ARGUMENT;
        try {
            std::string text;
            P.report(Section(*view), static_cast<dplan_language>(language), text);
            out->write(out->context, text.data(), text.size());
            return DPLAN_OK;
        } catch (...) {
            return DPLAN_ERROR;
        }
    }

    static std::size_t panel_count() noexcept { return P.panel_items.empty() ? 0 : 1; }
    static const dplan_panel* panel_at(std::size_t index) noexcept { return index < panel_count() ? &panel : nullptr; }

    static constexpr dplan_service_area_ext area_extension{&describe};
    static constexpr dplan_indicator_catalogue_ext catalogue_extension{&indicator_count, &indicator};
    static constexpr dplan_validation_ext validation_extension{&validate, P.reviews_areas.data(),
                                                               P.reviews_areas.size()};
    static constexpr dplan_report_ext report_extension{&report};
    static constexpr dplan_panel_ext panel_extension{&panel_count, &panel_at};

    static const void* get_extension(const char* id) noexcept {
        if (id == nullptr) return nullptr;
        const std::string_view wanted(id);
        if (wanted == DPLAN_EXT_SERVICE_AREA) return &area_extension;
        if (wanted == DPLAN_EXT_INDICATOR_CATALOGUE) return &catalogue_extension;
        if (wanted == DPLAN_EXT_VALIDATION) return &validation_extension;
        if (wanted == DPLAN_EXT_REPORT) return &report_extension;
        if (wanted == DPLAN_EXT_PANEL) return &panel_extension;
        return nullptr;
    }

    static constexpr dplan_plugin_entry entry{
        {DPLAN_SDK_VERSION_MAJOR, DPLAN_SDK_VERSION_MINOR}, P.id, &init, &deinit, &get_extension};
};

}  // namespace detail
}  // namespace dplan::sdk

// Exports the plugin's entry point. Use once, at global scope, in the plugin's main file.
#define DPLAN_AREA_PLUGIN(definition) \
    extern "C" DPLAN_EXPORT const dplan_plugin_entry dplan_entry = ::dplan::sdk::detail::Adapter<definition>::entry;
