#include "domain/achievement_summary.hpp"

#include <array>

namespace dplan {

namespace {
constexpr std::array<std::string_view, 6> grouping_codes = {"programme", "organisation", "area",
                                                            "plan",      "district",     "year"};
}  // namespace

std::string_view achievement_grouping_code(AchievementGrouping grouping) {
    return grouping_codes[static_cast<std::size_t>(grouping)];
}

std::optional<AchievementGrouping> parse_achievement_grouping(std::string_view code) {
    for (std::size_t i = 0; i < grouping_codes.size(); ++i) {
        if (grouping_codes[i] == code) return static_cast<AchievementGrouping>(i);
    }
    return std::nullopt;
}

}  // namespace dplan
