// Plugins written with the C++ layer, as an NGO author writes them, each with one mistake that
// the host used to let through or report badly (issue 21). BROKEN_<FAULT> is defined by
// CMakeLists.txt; BROKEN_ID names the plugin.
#include <dplan/sdk/plugin.hpp>
#include <stdexcept>

#ifndef BROKEN_ID
#error "BROKEN_ID must name the plugin id"
#endif

namespace {
using namespace dplan::sdk;

constexpr const char* synonyms[] = {"自助組織支援", "Self-help organisations support"};
constexpr const char* partners[] = {sector::ngo};

#ifdef BROKEN_UNKNOWN_UNITS
// Two indicators in units the host does not know, and one that is fine.
constexpr Indicator indicators[] = {
    {"SH-01", output, {"支援的自助組織", "Self-help organisations supported"}, "organisations", {"數目", "Count"}, 12},
    {"SH-02", output, {"活動節數", "Sessions"}, "sessions", {"節數", "Sessions held"}, 40},
    {"SH-03", output, {"義工人數", "Volunteers"}, "volunteers", {"人數", "Volunteers taking part"}, 30},
};
#else
constexpr Indicator indicators[] = {
    {"SH-01", output, {"活動節數", "Sessions"}, "sessions", {"節數", "Sessions held"}, 40},
};
#endif

// Throws on every section it reviews: `plugin check` must run it on another area's section.
void rehabilitation_review(const Section& section, const Findings&) {
    if (section.area_id() == "rehabilitation") throw std::runtime_error("no rehabilitation section expected");
}
[[maybe_unused]] constexpr Rule review_rules[] = {{"self-help-rehabilitation", &rehabilitation_review}};

#ifdef BROKEN_REVIEWS_TYPO
constexpr const char* reviewed[] = {"rehab"};  // meant "rehabilitation"
#else
constexpr const char* reviewed[] = {"rehabilitation"};
#endif

#ifdef BROKEN_REVIEW_THROWS
constexpr std::span<const Rule> review_rule_list = review_rules;
#else
constexpr std::span<const Rule> review_rule_list = {};
#endif

constexpr AreaPlugin broken{
    .id = BROKEN_ID,
    .name = {"自助組織支援", "Self-help organisations support"},
    .colour_rgba = 0x7A5C99FF,
    .heading_synonyms = synonyms,
    .objective_guidance = {"", ""},
    .focus_point_guidance = {"", ""},
    .typical_partners = partners,
    .indicators = indicators,
    .rules = {},
    .reviews_areas = reviewed,
    .review_rules = review_rule_list,
    .panel_title = {"自助組織", "Self-help organisations"},
    .panel_items = standard_panel_items,
};
}  // namespace

DPLAN_AREA_PLUGIN(broken)
