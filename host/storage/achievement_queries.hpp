// Achievement summed up in SQL (so it stays fast at national scale): per programme, the
// indicators met, below target and not yet reported, the mean achievement of outputs, and the
// indicators furthest below target. Only each indicator's newest reading counts.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/bilingual.hpp"
#include "storage/database.hpp"

namespace dplan {

struct AchievementFilter {
    std::optional<std::string> area_id;
    std::optional<std::int64_t> district_id;
    std::optional<std::string> financial_year;  // programmes running at any time in it
};

struct ProgrammeAchievement {
    std::int64_t programme_id = 0;
    Bilingual name;
    int met = 0;
    int below = 0;
    int not_reported = 0;
    std::optional<double> mean_output_percent;
};

struct ShortfallRow {
    Bilingual programme;
    std::string code;
    std::string description;
    double target = 0;
    double actual = 0;
    double percent = 0;  // actual / target
};

std::vector<ProgrammeAchievement> achievement_by_programme(Database& db, const AchievementFilter& filter);
std::vector<ShortfallRow> furthest_below_target(Database& db, const AchievementFilter& filter, int limit);

}  // namespace dplan
