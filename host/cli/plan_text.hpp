// The plan as terminal text, laid out in the order of a committee paper.
#pragma once

#include <functional>
#include <string>

#include "cli/context.hpp"
#include "domain/district.hpp"
#include "domain/plan.hpp"

namespace dplan::cli {

// Names a service area for display; the plugins know the names.
using AreaNamer = std::function<Bilingual(const std::string& area_id)>;

std::string plan_as_text(const Context& context, const Plan& plan, const District& district, const AreaNamer& area_name,
                         bool show_ids = false);

}  // namespace dplan::cli
