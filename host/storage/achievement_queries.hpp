// Achievement summed up in SQL, grouped by programme, organisation, service area, plan, district
// or financial year: how many indicators met their target, fell below it, are not applicable
// (an output with a zero target) or not yet reported, the mean achievement of outputs, and the
// indicators furthest below target. It reads each indicator's stored achieved value (kept up to
// date with its readings), so the cost grows with indicators, not with millions of readings.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/bilingual.hpp"
#include "storage/database.hpp"

namespace dplan {

enum class AchievementGrouping { programme, organisation, area, plan, district, year };

// "programme", "organisation", "area", "plan", "district", "year".
std::string_view achievement_grouping_code(AchievementGrouping grouping);
std::optional<AchievementGrouping> parse_achievement_grouping(std::string_view code);

struct AchievementFilter {
    std::optional<std::string> area_id = {};
    std::optional<std::int64_t> district_id = {};
    std::optional<std::string> financial_year = {};  // the year programmes report in (their period's end)
    std::optional<std::int64_t> plan_id = {};         // programmes linked to the plan's focus points
};

struct AchievementGroup {
    std::string key;  // programme/organisation/plan/district id, area id or financial year
    Bilingual label;  // empty for programmes without an organisation or district
    std::string detail;  // by plan: the plan's financial year
    int programmes = 0;
    int met = 0;
    int below = 0;
    int not_applicable = 0;
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

// A programme serving two areas or linked to two plans counts in each of them.
std::vector<AchievementGroup> summarise_achievement(Database& db, AchievementGrouping grouping,
                                                    const AchievementFilter& filter);
std::vector<ShortfallRow> furthest_below_target(Database& db, const AchievementFilter& filter, int limit);

}  // namespace dplan
