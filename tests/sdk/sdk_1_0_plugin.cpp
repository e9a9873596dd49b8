// A plugin as an NGO built it against SDK 1.0, compiled from the pinned 1.0 headers in
// tests/sdk/sdk-1.0 (never the current ones): every 1.x host must keep loading and running it.
#include <dplan/sdk/plugin.hpp>
#include <stdexcept>

static_assert(DPLAN_SDK_VERSION_MAJOR == 1 && DPLAN_SDK_VERSION_MINOR == 0, "built from the SDK 1.0 headers");

namespace {
using namespace dplan::sdk;

constexpr const char* synonyms[] = {"舊版外掛服務", "A plugin from SDK 1.0"};
constexpr const char* partners[] = {sector::ngo};
constexpr Indicator indicators[] = {
    {"OZ-01", output, {"活動節數", "Sessions"}, "sessions", {"節數", "Sessions held"}, 10},
};

void schools_named(const Section& section, const Findings& findings) {
    rules::expect_partner(section, findings, sector::education, "one-zero-schools",
                          {"未有學校參與", "No school takes part"});
}
constexpr Rule rules_list[] = {&schools_named};

// A 1.0 rule that throws: the 1.0 layer cannot say which rule failed, and the host copes.
void rehabilitation_review(const Section&, const Findings&) { throw std::runtime_error("a 1.0 rule failed"); }
constexpr Rule review_rules[] = {&rehabilitation_review};
constexpr const char* reviewed[] = {"rehabilitation"};

constexpr AreaPlugin one_zero{
    .id = "sdk_one_zero",
    .name = {"舊版外掛服務", "A plugin from SDK 1.0"},
    .colour_rgba = 0x336699FF,
    .heading_synonyms = synonyms,
    .objective_guidance = {"", ""},
    .focus_point_guidance = {"", ""},
    .typical_partners = partners,
    .indicators = indicators,
    .rules = rules_list,
    .reviews_areas = reviewed,
    .review_rules = review_rules,
    .panel_title = {"舊版外掛", "SDK 1.0 plugin"},
    .panel_items = standard_panel_items,
};
}  // namespace

DPLAN_AREA_PLUGIN(one_zero)
