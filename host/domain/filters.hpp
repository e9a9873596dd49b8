// What a front end asks a list for. Each filter also carries the reader's scope, which the
// service layer sets (a front end's value is overwritten), and the repositories apply in SQL.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/read_scope.hpp"

namespace dplan {

struct PlanFilter {
    std::optional<std::int64_t> district_id = {};
    std::optional<std::string> financial_year = {};
    ReadScope scope = {};
};

struct MeetingFilter {
    std::optional<std::int64_t> district_id = {};
    std::optional<std::int64_t> plan_id = {};
    std::optional<std::int64_t> meeting_id = {};
    ReadScope scope = {};
};

struct AchievementFilter {
    std::optional<std::string> area_id = {};
    std::optional<std::int64_t> district_id = {};
    std::optional<std::string> financial_year = {};  // the year programmes report in (their period's end)
    std::optional<std::int64_t> plan_id = {};        // programmes linked to the plan's focus points
    ReadScope scope = {};
};

}  // namespace dplan
