#include "domain/plan_json.hpp"

#include <gtest/gtest.h>

#include "domain/error.hpp"
#include "domain/financial_year.hpp"
#include "support/sample_plan.hpp"

namespace dplan {
namespace {

TEST(PlanJson, RoundTripsEveryField) {
    Plan plan = testing::sample_plan(7);
    plan.id = 3;
    plan.version = 4;
    plan.status = PlanStatus::returned;
    plan.sections[0].focus_points[0].id = 11;
    const Plan back = plan_from_json(plan_to_json(plan));
    EXPECT_EQ(back.id, 3);
    EXPECT_EQ(back.district_id, 7);
    EXPECT_EQ(back.version, 4);
    EXPECT_EQ(back.status, PlanStatus::returned);
    EXPECT_EQ(back.theme, plan.theme);
    EXPECT_EQ(back.sections, plan.sections);
}

TEST(PlanJson, NamesTheFieldThatIsWrong) {
    Plan plan = testing::sample_plan(1);
    std::string json = plan_to_json(plan);
    const auto at = json.find("\"education\"");
    ASSERT_NE(at, std::string::npos);
    json.replace(at, 11, "\"schools\"");
    try {
        plan_from_json(json);
        FAIL() << "unknown sector accepted";
    } catch (const InvalidInput& e) {
        EXPECT_NE(e.message().en.find("sections[0].focus_points[0].partners[0]"), std::string::npos) << e.message().en;
    }
    EXPECT_THROW(plan_from_json("{\"format\": \"dplan.plan\", \"format_version\": 2}"), InvalidInput);
    EXPECT_THROW(plan_from_json("not json"), InvalidInput);
    EXPECT_THROW(plan_from_json("[]"), InvalidInput);
    // Found by the plan_json fuzz target: a number too large for a double ended the program.
    EXPECT_THROW(plan_from_json("2222E884"), InvalidInput);
    EXPECT_THROW(plan_from_json("{\"format\": \"dplan.plan\", \"format_version\": 1E400}"), InvalidInput);
}

// A key the format does not have is refused with its path, at every level: a misspelt optional
// text would otherwise be dropped and the plan saved without it.
TEST(PlanJson, AKeyTheFormatDoesNotHaveIsRefusedWithItsPath) {
    const auto refusal = [](const std::string& from, const std::string& to) {
        std::string json = plan_to_json(testing::sample_plan(1));
        const auto at = json.find(from);
        if (at == std::string::npos) return "not in the plan: " + from;
        json.replace(at, from.size(), to);
        try {
            plan_from_json(json);
            return std::string("accepted");
        } catch (const InvalidInput& e) {
            return e.message().en;
        }
    };
    EXPECT_EQ(refusal("\"theme\"", "\"themeZh\": 1, \"theme\""),
              "plan JSON has no field 'themeZh'; the fields here are: format, format_version, id, district_id, "
              "financial_year, paper_no, theme, purpose, advice_sought, council, committee, office, status, version, "
              "sections");
    EXPECT_NE(refusal("\"area\"", "\"objectiv\": {}, \"area\"").find("'sections[0].objectiv'"), std::string::npos);
    EXPECT_NE(refusal("\"partners\"", "\"partner\": [], \"partners\"").find("'sections[0].focus_points[0].partner'"),
              std::string::npos);
    EXPECT_NE(refusal("\"zh\"", "\"zh-HK\": \"\", \"zh\"").find(".zh-HK'; the fields here are: zh, en"),
              std::string::npos);
    EXPECT_NE(refusal("\"theme\"", "\"paper_no\": \"x\", \"theme\"").find("\"paper_no\" appears twice"),
              std::string::npos);
    const auto long_key = refusal("\"theme\"", "\"" + std::string(5000, 'k') + "\": 1, \"theme\"");
    EXPECT_LT(long_key.size(), 500u) << "the key is quoted, not echoed in full";
}

TEST(FinancialYear, AcceptsOnlyConsecutiveYearsInTheCommitteeForm) {
    EXPECT_TRUE(is_financial_year("2024-25"));
    EXPECT_TRUE(is_financial_year("1999-00"));
    EXPECT_FALSE(is_financial_year("2024-26"));
    EXPECT_FALSE(is_financial_year("2024/25"));
    EXPECT_FALSE(is_financial_year("24-25"));
    EXPECT_FALSE(is_financial_year("2024-2025"));
    EXPECT_THROW(require_financial_year("2024"), InvalidInput);
}

// Files are read whole, so a size limit keeps a hostile one from filling memory before parsing.
TEST(PlanJson, TextLargerThanTheLimitIsRefusedBeforeItIsParsed) {
    try {
        plan_from_json(std::string(plan_json_largest + 1, ' '));
        ADD_FAILURE() << "accepted";
    } catch (const InvalidInput& e) {
        EXPECT_EQ(e.message().en, "the JSON is 8388609 bytes, more than the limit of 8388608 bytes for a plan");
        EXPECT_EQ(e.message().zh, "JSON 有 8388609 位元組，超過計劃檔案的上限 8388608 位元組");
    }
}

}  // namespace
}  // namespace dplan
