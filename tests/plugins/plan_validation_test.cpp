// The plugins' checks and report text over real plans, through the real loaded libraries.
#include "services/plan_validation.hpp"

#include <gtest/gtest.h>

#include "plugin_fixture.hpp"
#include "support/sample_plan.hpp"

namespace dplan {
namespace {

using plugins::Finding;
using plugins::Severity;
using testing::PluginFolderTest;

class PlanValidationTest : public PluginFolderTest {};

std::vector<std::string> rule_ids(const std::vector<Finding>& findings, const std::string& area) {
    std::vector<std::string> ids;
    for (const auto& finding : findings) {
        if (finding.area_id == area) ids.push_back(finding.rule_id);
    }
    return ids;
}

bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

Plan plan_with_all_areas() {
    Plan plan = testing::sample_plan(1);
    plan.sections.push_back({0,
                             "rehabilitation",
                             {"促進融入社區", "Inclusion"},
                             {{0, {"開拓就業機會", "Open employment opportunities"}, {Sector::ngo}}}});
    plan.sections.push_back(
        {0, "youth", {"陪伴青少年", "Walk with youth"}, {{0, {"外展接觸青少年", "Outreach to youth"}, {Sector::ngo}}}});
    plan.sections.push_back({0, "volunteer", {"", ""}, {}});
    return plan;
}

TEST_F(PlanValidationTest, EachAreaRunsTheStandardRulesAndItsOwn) {
    sign_all();
    auto registry = load();
    const auto findings = validate_plan(plan_with_all_areas(), registry);

    // Standard rules, every area.
    EXPECT_TRUE(contains(rule_ids(findings, "family"), "objective-not-smart"));
    EXPECT_TRUE(contains(rule_ids(findings, "elderly"), "focus-point-no-partner"));
    EXPECT_TRUE(contains(rule_ids(findings, "volunteer"), "objective-missing"));
    EXPECT_TRUE(contains(rule_ids(findings, "volunteer"), "focus-points-missing"));
    // Each area's own rules.
    EXPECT_TRUE(contains(rule_ids(findings, "elderly"), "elderly-carer-support"));
    EXPECT_TRUE(contains(rule_ids(findings, "elderly"), "elderly-health-partner"));
    EXPECT_FALSE(contains(rule_ids(findings, "family"), "family-referral-partners")) << "has schools";
    EXPECT_TRUE(contains(rule_ids(findings, "rehabilitation"), "rehab-employment-business"));
    EXPECT_TRUE(contains(rule_ids(findings, "youth"), "youth-schools"));
    EXPECT_TRUE(has_errors(findings));

    for (const auto& finding : findings) {
        EXPECT_FALSE(finding.message.zh.empty()) << finding.rule_id;
        EXPECT_FALSE(finding.message.en.empty()) << finding.rule_id;
    }
    const auto no_partner = std::find_if(findings.begin(), findings.end(),
                                         [](const Finding& f) { return f.rule_id == "focus-point-no-partner"; });
    ASSERT_NE(no_partner, findings.end());
    EXPECT_EQ(no_partner->focus_point_index, std::optional<std::size_t>(0));
}

TEST_F(PlanValidationTest, ASectionWithoutAPluginSaysItWasNotChecked) {
    sign_all();
    auto registry = load();
    Plan plan = testing::sample_plan(1);
    plan.sections.push_back({0, "drug_outreach", {"目標", "Objective"}, {}});
    const auto ids = rule_ids(validate_plan(plan, registry), "drug_outreach");
    EXPECT_EQ(ids, std::vector<std::string>{"area-plugin-missing"});
}

TEST_F(PlanValidationTest, APluginThatFailsWhileValidatingIsDisabledAndTheOthersCarryOn) {
    add(testing::broken_plugins / "throwing_validation", "throwing_validation");
    sign_all();
    auto registry = load();
    ASSERT_NE(registry.find("throwing_validation"), nullptr) << "it loads: the fault is at run time";

    Plan plan = testing::sample_plan(1);
    plan.sections.push_back({0, "throwing_validation", {"目標", "Objective"}, {}});
    const auto findings = validate_plan(plan, registry);
    EXPECT_EQ(rule_ids(findings, "throwing_validation"), std::vector<std::string>{"plugin-failed"});
    EXPECT_FALSE(rule_ids(findings, "family").empty()) << "other plugins still ran";
    EXPECT_EQ(registry.find("throwing_validation"), nullptr);
    ASSERT_EQ(registry.refused().size(), 1u);
    EXPECT_NE(registry.refused()[0].reason.en.find("threw an exception"), std::string::npos);
}

TEST_F(PlanValidationTest, ReportTextGivesTheSectionAsACommitteePaperWouldInBothLanguages) {
    sign_all();
    auto registry = load();
    const Plan plan = testing::sample_plan(1);
    const auto* family = registry.find_area("family");
    ASSERT_NE(family, nullptr);
    const std::string zh = family->report(plan.sections[0], Language::zh);
    EXPECT_EQ(zh,
              "工作目標：家庭及兒童福利服務：鞏固家庭抗逆力\n工作計劃重點：\n"
              "• 與學校、診所建立轉介網絡；（合作界別：教育界、醫護界）\n• 推行親職教育（合作界別：非政府機構）\n");
    const std::string en = family->report(plan.sections[0], Language::en);
    EXPECT_NE(en.find("Objective: Family and child welfare: family resilience"), std::string::npos) << en;
    EXPECT_NE(en.find("• Parent education (Partners: NGOs)\n"), std::string::npos) << en;
}

// Issue 21 (6): a focus point written in one language reads in that language in the other
// language's paper, never as an empty bullet; a point with no text and no partners is left out.
TEST_F(PlanValidationTest, AFocusPointInOneLanguageIsNotAnEmptyBulletInTheOther) {
    sign_all();
    auto registry = load();
    const auto* family = registry.find_area("family");
    ASSERT_NE(family, nullptr);
    const PlanSection section{
        0,
        "family",
        {"目標", "Objective"},
        {{0, {"只有中文的重點", ""}, {Sector::ngo}}, {0, {"", ""}, {}}, {0, {"", "English only"}, {}}}};
    EXPECT_EQ(family->report(section, Language::en),
              "Objective: Objective\nFocus points:\n• 只有中文的重點 (Partners: NGOs)\n• English only\n");
    EXPECT_EQ(family->report(section, Language::zh),
              "工作目標：目標\n工作計劃重點：\n• 只有中文的重點（合作界別：非政府機構）\n• English only\n");
}

}  // namespace
}  // namespace dplan
