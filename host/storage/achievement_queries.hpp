// Achievement summed up in SQL, grouped by programme, organisation, service area, plan, district
// or financial year: how many indicators met their target, fell below it, are not applicable
// (an output with a zero target) or not yet reported, the mean achievement of outputs, and the
// indicators furthest below target. It reads each indicator's stored achieved value (kept up to
// date with its readings), so the cost grows with indicators, not with millions of readings.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/achievement_summary.hpp"
#include "domain/filters.hpp"
#include "storage/database.hpp"

namespace dplan {

// A programme serving two areas or linked to two plans counts in each of them.
std::vector<AchievementGroup> summarise_achievement(Database& db, AchievementGrouping grouping,
                                                    const AchievementFilter& filter);
std::vector<ShortfallRow> furthest_below_target(Database& db, const AchievementFilter& filter, int limit);

}  // namespace dplan
