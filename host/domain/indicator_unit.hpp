// The units indicators are counted in. Output indicators count things; outcome indicators are
// percentages.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "domain/bilingual.hpp"

namespace dplan {

inline constexpr std::array<std::string_view, 14> indicator_units{
    "sessions", "persons", "attendances", "contacts",  "posts",      "percent",    "hours",
    "groups",   "cases",   "households",  "referrals", "placements", "activities", "visits"};

bool is_indicator_unit(std::string_view unit);

// "sessions" -> 節 / sessions; unknown units come back as they are in both languages.
Bilingual indicator_unit_name(std::string_view unit);

}  // namespace dplan
