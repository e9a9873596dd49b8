// The plugin's rules and report text, tested in process with the SDK's harness: no District
// Planner needed. Built by dplan_add_plugin_test() in CMakeLists.txt; run with ctest.
#include <gtest/gtest.h>

#include <dplan/sdk/testing.hpp>

namespace {

using namespace dplan::sdk::testing;

TEST(DrugOutreach, AYouthSectionReachingHiddenYouthWithoutDrugsGetsANote) {
    Harness plugin;
    const auto findings = plugin.validate({.area_id = "youth",
                                           .objective = {"支援隱蔽青年", "Support hidden youth"},
                                           .focus_points = {{{"接觸隱蔽青年", "Reach hidden youth"}, {"ngo"}}}});
    EXPECT_EQ(rule_ids(findings), std::vector<std::string>{"drug-outreach-youth"});
    EXPECT_EQ(findings[0].severity, Severity::note);
}

TEST(DrugOutreach, ARehabilitationSectionWithAHealthPartnerHasARouteToTreatment) {
    Harness plugin;
    TestSection section{.area_id = "rehabilitation",
                        .objective = {"康復", "Recovery"},
                        .focus_points = {{{"社區支援", "Community support"}, {"ngo"}}}};
    EXPECT_EQ(rule_ids(plugin.validate(section)), std::vector<std::string>{"drug-outreach-treatment-route"});
    section.focus_points[0].partners.push_back("health");
    EXPECT_TRUE(plugin.validate(section).empty());
}

TEST(DrugOutreach, ItsOwnSectionGetsTheStandardRules) {
    Harness plugin;
    const auto findings = plugin.validate({.area_id = "drug_outreach", .measurable_indicators = 0});
    EXPECT_EQ(rule_ids(findings),
              (std::vector<std::string>{"objective-missing", "focus-points-missing", "objective-not-smart"}));
}

TEST(DrugOutreach, ReportTextListsTheFocusPointsWithTheirPartners) {
    Harness plugin;
    const TestSection section{.area_id = "drug_outreach",
                              .objective = {"及早接觸", "Reach people early"},
                              .focus_points = {{{"街頭外展", "Street outreach"}, {"ngo", "health"}}}};
    EXPECT_EQ(plugin.report(section, DPLAN_LANGUAGE_EN),
              "Objective: Reach people early\nFocus points:\n• Street outreach (Partners: NGOs, Health)\n");
}

}  // namespace
