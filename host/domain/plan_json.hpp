// The plan's JSON form: revision snapshots and `plan export --format json` use it.
// Versioned ("format_version") and documented in docs/plan-json.md.
#pragma once

#include <string>
#include <string_view>

#include "domain/plan.hpp"

namespace dplan {

inline constexpr int plan_json_format_version = 1;
// A plan with every section filled is some tens of kilobytes; a file larger than this is not one.
inline constexpr std::size_t plan_json_largest = 8 * 1024 * 1024;

std::string plan_to_json(const Plan& plan);

// Throws InvalidInput naming the field (e.g. "sections[2].focus_points[0].partners[1]") and what
// was expected, or for text larger than plan_json_largest.
Plan plan_from_json(std::string_view json);

}  // namespace dplan
