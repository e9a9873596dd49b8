#include "storage/plan_repository.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "domain/plan_json.hpp"
#include "domain/user.hpp"
#include "support/arrange.hpp"
#include "support/backend_test.hpp"
#include "support/sample_plan.hpp"

namespace dplan {
namespace {

using testing::BackendTest;
using testing::create_sample_district;
using testing::sample_plan;

class PlanRepositoryTest : public BackendTest {
  protected:
    void SetUp() override {
        BackendTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        migrate();
        district_id = create_sample_district(db());
    }

    int count(const std::string& table) {
        int rows = 0;
        db().session() << "SELECT count(*) FROM " + table, soci::into(rows);
        return rows;
    }

    std::int64_t district_id = 0;
};

// Compares what users wrote, ignoring the ids storage assigns.
void expect_same_content(const Plan& actual, const Plan& expected) {
    EXPECT_EQ(actual.financial_year, expected.financial_year);
    EXPECT_EQ(actual.paper_no, expected.paper_no);
    EXPECT_EQ(actual.theme, expected.theme);
    EXPECT_EQ(actual.purpose, expected.purpose);
    EXPECT_EQ(actual.advice_sought, expected.advice_sought);
    ASSERT_EQ(actual.sections.size(), expected.sections.size());
    for (std::size_t s = 0; s < expected.sections.size(); ++s) {
        const auto& a = actual.sections[s];
        const auto& e = expected.sections[s];
        EXPECT_EQ(a.area_id, e.area_id);
        EXPECT_EQ(a.objective, e.objective);
        ASSERT_EQ(a.focus_points.size(), e.focus_points.size()) << e.area_id;
        for (std::size_t p = 0; p < e.focus_points.size(); ++p) {
            EXPECT_EQ(a.focus_points[p].text, e.focus_points[p].text);
            // Partners are a set; storage returns them in the standard sector order.
            auto expected_partners = e.focus_points[p].partners;
            std::sort(expected_partners.begin(), expected_partners.end());
            EXPECT_EQ(a.focus_points[p].partners, expected_partners);
        }
    }
}

TEST_P(PlanRepositoryTest, StoresAndReadsBackAPlanWithChineseTextIntact) {
    PlanRepository plans(db());
    const Plan written = sample_plan(district_id);
    const auto id = testing::arrange(db(), [&] { return plans.create(written, system_user_id, "first draft 初稿"); });

    const Plan read = plans.get(id);
    expect_same_content(read, written);
    EXPECT_EQ(read.theme.zh, "「同心河畔」");
    EXPECT_EQ(read.sections[0].objective.zh, "家庭及兒童福利服務：鞏固家庭抗逆力");
    EXPECT_EQ(read.sections[1].objective.zh, "推動積極樂頤年（𠮷祥）");  // beyond the BMP
    EXPECT_EQ(read.status, PlanStatus::draft);
    EXPECT_EQ(read.version, 1);
    EXPECT_FALSE(read.created_at.empty());
    for (const auto& section : read.sections) {
        EXPECT_NE(section.id, 0);
        for (const auto& point : section.focus_points) EXPECT_NE(point.id, 0);
    }
}

TEST_P(PlanRepositoryTest, EveryCreateAndSaveWritesARevisionWithAFullSnapshot) {
    PlanRepository plans(db());
    const auto id =
        testing::arrange(db(), [&] { return plans.create(sample_plan(district_id), system_user_id, "first draft"); });
    Plan plan = plans.get(id);
    plan.sections[0].objective.zh = "新目標";
    EXPECT_EQ(
        testing::arrange(db(), [&] { return plans.save(plan, system_user_id, "view raised at the planning meeting"); }),
        2);

    const auto revisions = plans.revisions(id);
    ASSERT_EQ(revisions.size(), 2u);
    EXPECT_EQ(revisions[0].number, 1);
    EXPECT_EQ(revisions[0].reason, "first draft");
    EXPECT_EQ(revisions[1].number, 2);
    EXPECT_EQ(revisions[1].reason, "view raised at the planning meeting");
    EXPECT_EQ(revisions[1].author_name, "District Planner");

    std::string snapshot;
    const long long key = id;
    db().session() << "SELECT snapshot FROM plan_revisions WHERE plan_id = :id AND number = 2", soci::use(key),
        soci::into(snapshot);
    const Plan from_snapshot = plan_from_json(snapshot);
    EXPECT_EQ(from_snapshot.sections[0].objective.zh, "新目標");
    EXPECT_EQ(from_snapshot.version, 2);
}

TEST_P(PlanRepositoryTest, SaveKeepsFocusPointIdsAndAppliesAddReorderAndRemove) {
    PlanRepository plans(db());
    const auto id =
        testing::arrange(db(), [&] { return plans.create(sample_plan(district_id), system_user_id, "first draft"); });
    Plan plan = plans.get(id);
    auto& family = plan.sections[0].focus_points;
    const auto first_id = family[0].id;
    const auto second_id = family[1].id;
    std::swap(family[0], family[1]);
    family[0].partners = {Sector::business, Sector::ngo};
    family.push_back({0, {"新重點", "New point"}, {Sector::resident}});
    plan.sections[1].focus_points.clear();

    testing::arrange(db(), [&] { return plans.save(plan, system_user_id, "reorder"); });
    const Plan saved = plans.get(id);
    ASSERT_EQ(saved.sections[0].focus_points.size(), 3u);
    EXPECT_EQ(saved.sections[0].focus_points[0].id, second_id);
    EXPECT_EQ(saved.sections[0].focus_points[1].id, first_id);
    EXPECT_EQ(saved.sections[0].focus_points[0].partners, (std::vector<Sector>{Sector::ngo, Sector::business}));
    EXPECT_EQ(saved.sections[0].focus_points[2].text.zh, "新重點");
    EXPECT_TRUE(saved.sections[1].focus_points.empty());
    EXPECT_EQ(count("focus_points"), 3);
}

TEST_P(PlanRepositoryTest, AStaleSaveIsRefusedNamingWhatChangedAndOverwritesNothing) {
    PlanRepository plans(db());
    const auto id =
        testing::arrange(db(), [&] { return plans.create(sample_plan(district_id), system_user_id, "first draft"); });
    Plan mine = plans.get(id);
    Plan theirs = plans.get(id);

    // The other editor works through a second connection, as another process would.
    auto other_connection = test_database().open_another();
    theirs.theme.zh = "他們的主題";
    testing::arrange(*other_connection, [&] {
        return PlanRepository(*other_connection).save(theirs, system_user_id, "committee comments");
    });

    mine.theme.zh = "我的主題";
    try {
        testing::arrange(db(), [&] { return plans.save(mine, system_user_id, "my edit"); });
        FAIL() << "a stale save must be refused";
    } catch (const Conflict& e) {
        EXPECT_NE(e.message().en.find("committee comments"), std::string::npos) << e.message().en;
        EXPECT_NE(e.message().en.find("version 1"), std::string::npos) << e.message().en;
    }
    const Plan stored = plans.get(id);
    EXPECT_EQ(stored.theme.zh, "他們的主題");
    EXPECT_EQ(stored.version, 2);
    EXPECT_EQ(plans.revisions(id).size(), 2u);
}

TEST_P(PlanRepositoryTest, InvalidPlansAreRefusedAndNothingIsWritten) {
    PlanRepository plans(db());
    Plan bad_year = sample_plan(district_id);
    bad_year.financial_year = "2024/25";
    EXPECT_THROW(testing::arrange(db(), [&] { return plans.create(bad_year, system_user_id, "x"); }), InvalidInput);

    Plan twice = sample_plan(district_id);
    twice.sections.push_back(twice.sections[0]);
    EXPECT_THROW(testing::arrange(db(), [&] { return plans.create(twice, system_user_id, "x"); }), InvalidInput);

    Plan unknown_district = sample_plan(district_id + 1000);
    EXPECT_THROW(testing::arrange(db(), [&] { return plans.create(unknown_district, system_user_id, "x"); }),
                 StorageError);

    EXPECT_EQ(count("plans"), 0);
    EXPECT_EQ(count("plan_sections"), 0);
    EXPECT_EQ(count("focus_points"), 0);
    EXPECT_EQ(count("plan_revisions"), 0);
}

TEST_P(PlanRepositoryTest, AFailedSaveRollsBackEverything) {
    PlanRepository plans(db());
    const auto id =
        testing::arrange(db(), [&] { return plans.create(sample_plan(district_id), system_user_id, "first draft"); });
    Plan plan = plans.get(id);
    plan.theme.zh = "不應保存";
    plan.sections[0].focus_points[0].id = 999999;  // not a focus point of this section
    EXPECT_THROW(testing::arrange(db(), [&] { return plans.save(plan, system_user_id, "bad"); }), InvalidInput);

    const Plan stored = plans.get(id);
    EXPECT_EQ(stored.theme.zh, "「同心河畔」");
    EXPECT_EQ(stored.version, 1);
    EXPECT_EQ(plans.revisions(id).size(), 1u);
}

TEST_P(PlanRepositoryTest, UnknownPlanIdIsNotFound) {
    PlanRepository plans(db());
    EXPECT_FALSE(plans.find(424242).has_value());
    EXPECT_THROW(plans.get(424242), NotFound);
}

TEST_P(PlanRepositoryTest, ListsPlansFilteredByDistrictAndYear) {
    PlanRepository plans(db());
    testing::arrange(db(), [&] { return plans.create(sample_plan(district_id), system_user_id, "a"); });
    Plan older = sample_plan(district_id);
    older.financial_year = "2023-24";
    testing::arrange(db(), [&] { return plans.create(older, system_user_id, "b"); });

    EXPECT_EQ(plans.list({}).size(), 2u);
    const auto this_year = plans.list({.district_id = district_id, .financial_year = "2024-25"});
    ASSERT_EQ(this_year.size(), 1u);
    EXPECT_EQ(this_year[0].district_name.zh, "河畔區");
    EXPECT_EQ(this_year[0].theme.zh, "「同心河畔」");
    EXPECT_TRUE(plans.list({.district_id = district_id + 1, .financial_year = std::nullopt}).empty());
}

DPLAN_INSTANTIATE_BACKEND_TESTS(PlanRepositoryTest);

}  // namespace
}  // namespace dplan
