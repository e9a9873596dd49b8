// The plan's JSON form: revision snapshots and `plan export --format json` use it.
// Versioned ("format_version") and documented in docs/plan-json.md.
#pragma once

#include <string>
#include <string_view>

#include "domain/plan.hpp"

namespace dplan {

inline constexpr int plan_json_format_version = 1;

std::string plan_to_json(const Plan& plan);

// Throws InvalidInput naming the field (e.g. "sections[2].focus_points[0].partners[1]") and what
// was expected.
Plan plan_from_json(std::string_view json);

}  // namespace dplan
