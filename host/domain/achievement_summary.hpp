// Achievement summed up per group (storage/achievement_queries.hpp computes it in SQL): how many
// indicators met their target, fell below it, are not applicable (an output with a zero target)
// or not yet reported, the mean achievement of outputs, and the indicators furthest below target.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/bilingual.hpp"

namespace dplan {

enum class AchievementGrouping { programme, organisation, area, plan, district, year };

// "programme", "organisation", "area", "plan", "district", "year".
std::string_view achievement_grouping_code(AchievementGrouping grouping);
std::optional<AchievementGrouping> parse_achievement_grouping(std::string_view code);

struct AchievementGroup {
    std::string key;     // programme/organisation/plan/district id, area id or financial year
    Bilingual label;     // empty for programmes without an organisation or district
    std::string detail;  // by plan: the plan's financial year
    int programmes = 0;
    int met = 0;
    int below = 0;
    int not_applicable = 0;
    int not_stated = 0;  // reported, but with no target to measure against
    int not_reported = 0;
    std::optional<double> mean_output_percent;
};

struct ShortfallRow {
    std::int64_t programme_id = 0;
    Bilingual programme;
    std::string code;
    std::string description;
    double target = 0;
    double actual = 0;
    double percent = 0;  // actual / target
};

// An indicator of a programme that serves a plan, with the area of the focus point it serves:
// what the dashboard's overview draws as bars.
struct PlanIndicator {
    std::string area_id;
    std::int64_t programme_id = 0;
    Bilingual programme;
    std::string code;
    std::string kind;              // "output" or "outcome"
    std::optional<double> target;  // empty: not stated
    std::optional<double> actual;
};

}  // namespace dplan
