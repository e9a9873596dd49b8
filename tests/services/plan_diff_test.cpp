#include "services/plan_diff.hpp"

#include <gtest/gtest.h>

#include "support/sample_plan.hpp"

namespace dplan {
namespace {

TEST(PlanDiff, NamesWhatChangedInSectionsAndFocusPoints) {
    Plan before = testing::sample_plan(1);
    int id = 0;
    for (auto& section : before.sections) {
        for (auto& point : section.focus_points) point.id = ++id;
    }
    Plan after = before;
    after.theme.zh = "新主題";
    std::swap(after.sections[0].focus_points[0], after.sections[0].focus_points[1]);
    after.sections[0].focus_points[1].partners = {Sector::business};
    after.sections[1].focus_points.clear();
    after.sections[1].focus_points.push_back({0, {"新重點", "New point"}, {}});
    after.sections.push_back({0, "youth", {}, {}});

    std::vector<std::string> lines;
    for (const auto& change : diff_plans(before, after)) lines.push_back(change.where.en + ": " + change.what.en);
    const std::vector<std::string> expected{
        "theme: Chinese changed: 「「同心河畔」」 → 「新主題」",
        "family · focus point 1: moved from position 2 to 1",
        "family · focus point 2: moved from position 1 to 2",
        "family · focus point 2: partners: education, health → business",
        "elderly · focus point 1: added: \"New point\"",
        "elderly: focus point removed: \"Visit elders living alone\"",
        "youth: section added",
    };
    EXPECT_EQ(lines, expected);
    EXPECT_TRUE(diff_plans(before, before).empty());
}

}  // namespace
}  // namespace dplan
