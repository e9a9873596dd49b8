// Where a plan stands in the committee cycle.
#pragma once

#include <optional>
#include <string_view>

#include "domain/bilingual.hpp"

namespace dplan {

enum class PlanStatus { draft, submitted, under_review, noted, endorsed, returned };

std::string_view status_code(PlanStatus status);
std::optional<PlanStatus> parse_status(std::string_view code);
Bilingual status_name(PlanStatus status);

}  // namespace dplan
