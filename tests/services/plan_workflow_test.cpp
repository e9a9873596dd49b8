// The planning cycle on SQLite and MariaDB, with the real service-area plugins doing the checks.
#include "services/plan_workflow.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "services/account_service.hpp"
#include "services/authorization.hpp"
#include "services/plan_validation.hpp"
#include "storage/district_repository.hpp"
#include "storage/plan_repository.hpp"
#include "storage/programme_repository.hpp"
#include "storage/review_repository.hpp"
#include "storage/user_repository.hpp"
#include "support/arrange.hpp"
#include "support/backend_test.hpp"
#include "support/built_plugins.hpp"
#include "support/sample_plan.hpp"

namespace dplan {
namespace {

class PlanWorkflowTest : public testing::BackendTest {
  protected:
    void SetUp() override {
        BackendTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        migrate();
        district_id = testing::create_sample_district(db());
        other_district_id = DistrictRepository(db()).get_by_code("north").id;
        officer = make_user("chan", Role::officer, district_id);
        outsider = make_user("lee", Role::officer, other_district_id);
        member = make_user("wong", Role::committee_member, district_id);
        viewer = make_user("ngo.staff", Role::viewer, std::nullopt);
        registry = testing::built_plugins();
    }

    User make_user(const std::string& name, Role role, std::optional<std::int64_t> district) {
        User user{0, name, name, role, district, std::nullopt, "test"};
        user.id = AccountService(db(), system_user()).add_user(user, "");
        return user;
    }

    PlanWorkflow as(const User& user) { return PlanWorkflow(db(), *registry, user); }

    // A plan that passes every plugin's error checks.
    std::int64_t create_valid_plan() {
        Plan plan = testing::sample_plan(district_id);
        return as(officer).create(plan, "first draft");
    }

    std::int64_t district_id = 0, other_district_id = 0;
    User officer, outsider, member, viewer;
    std::unique_ptr<plugins::PluginRegistry> registry;
};

TEST_P(PlanWorkflowTest, TheWholeCycleKeepsEveryRevisionCommentAndDecision) {
    const auto id = create_valid_plan();
    Plan plan = as(officer).get(id);
    plan.sections[0].objective.zh = "按規劃會議意見修訂的目標";
    as(officer).save(plan, "view raised at the planning meeting");
    as(officer).submit(id);
    EXPECT_EQ(as(member).get(id).submitted_revision, std::optional<int>(2));

    as(member).start_review(id);
    const auto comment = as(member).comment(id, {"family", std::nullopt}, "請補充成效指標");
    as(officer).respond(comment, CommentKind::reply, "會於下一版補充");
    as(member).decide(id, PlanStatus::returned, "2024-06-18", "SSC meeting 3", "");
    EXPECT_EQ(as(officer).get(id).status, PlanStatus::returned);

    plan = as(officer).get(id);
    plan.theme.en = "Together";
    as(officer).save(plan, "committee comments");
    as(officer).respond(comment, CommentKind::resolution, "已於第 3 版補充");
    as(officer).submit(id);
    as(member).decide(id, PlanStatus::endorsed, "2024-07-02", "SSC meeting 4", "");

    PlanRepository plans(db());
    const Plan final_plan = plans.get(id);
    EXPECT_EQ(final_plan.status, PlanStatus::endorsed);
    EXPECT_EQ(final_plan.submitted_revision, std::optional<int>(3));
    EXPECT_EQ(plans.revisions(id).size(), 3u);
    EXPECT_EQ(plans.revision(id, 1).sections[0].objective.zh, "家庭及兒童福利服務：鞏固家庭抗逆力");
    EXPECT_EQ(plans.revision(id, 2).sections[0].objective.zh, "按規劃會議意見修訂的目標");

    const auto changes = plans.status_changes(id);
    ASSERT_EQ(changes.size(), 5u);
    EXPECT_EQ(changes[2].to, PlanStatus::returned);
    EXPECT_EQ(changes[4].to, PlanStatus::endorsed);

    ReviewRepository reviews(db());
    const auto comments = reviews.comments(id);
    ASSERT_EQ(comments.size(), 3u);
    EXPECT_EQ(comments[0].revision, 2) << "pinned to the revision it was written on";
    EXPECT_EQ(comments[0].area_id, std::optional<std::string>("family"));
    EXPECT_EQ(comments[1].kind, CommentKind::reply);
    EXPECT_EQ(comments[2].kind, CommentKind::resolution);
    EXPECT_EQ(comments[2].revision, 3);
    const auto decisions = reviews.decisions(id);
    ASSERT_EQ(decisions.size(), 2u);
    EXPECT_EQ(decisions[0].outcome, PlanStatus::returned);
    EXPECT_EQ(decisions[0].revision, 2);
    EXPECT_EQ(decisions[1].outcome, PlanStatus::endorsed);
    EXPECT_EQ(decisions[1].meeting_ref, "SSC meeting 4");
}

TEST_P(PlanWorkflowTest, IllegalTransitionsAreRefusedWithAClearMessageAndChangeNothing) {
    const auto id = create_valid_plan();
    EXPECT_THROW(as(member).start_review(id), PermissionDenied) << "members do not see drafts";
    EXPECT_THROW(as(officer).decide(id, PlanStatus::endorsed, "2024-06-18", "", ""), PermissionDenied);
    as(officer).submit(id);
    try {
        as(officer).submit(id);
        FAIL() << "a submitted plan was submitted again";
    } catch (const InvalidInput& e) {
        EXPECT_NE(e.message().en.find("only draft or returned plans can"), std::string::npos) << e.message().en;
    }
    Plan plan = as(officer).get(id);
    plan.theme.zh = "不應保存";
    try {
        as(officer).save(plan, "too late");
        FAIL() << "a submitted plan was edited";
    } catch (const InvalidInput& e) {
        EXPECT_NE(e.message().en.find("frozen"), std::string::npos) << e.message().en;
    }
    EXPECT_THROW(as(member).decide(id, PlanStatus::endorsed, "2024-02-30", "", ""), InvalidInput);
    EXPECT_THROW(as(member).decide(id, PlanStatus::draft, "2024-06-18", "", ""), InvalidInput);

    const Plan stored = PlanRepository(db()).get(id);
    EXPECT_EQ(stored.status, PlanStatus::submitted);
    EXPECT_EQ(stored.theme.zh, "「同心河畔」");
    EXPECT_TRUE(ReviewRepository(db()).decisions(id).empty());
    as(member).decide(id, PlanStatus::noted, "2024-06-18", "", "");
    EXPECT_THROW(as(member).decide(id, PlanStatus::endorsed, "2024-06-19", "", ""), InvalidInput);
}

TEST_P(PlanWorkflowTest, APlanWithValidationErrorsCannotBeSubmitted) {
    Plan plan = testing::sample_plan(district_id);
    plan.sections[1].objective = {"", ""};
    const auto id = as(officer).create(plan, "draft");
    try {
        as(officer).submit(id);
        FAIL() << "submitted with errors";
    } catch (const InvalidInput& e) {
        EXPECT_NE(e.message().en.find("has 1 error(s)"), std::string::npos) << e.message().en;
        EXPECT_NE(e.message().en.find("The section has no objective"), std::string::npos) << e.message().en;
    }
    EXPECT_EQ(PlanRepository(db()).get(id).status, PlanStatus::draft);
    EXPECT_TRUE(PlanRepository(db()).status_changes(id).empty());
}

TEST_P(PlanWorkflowTest, RolesDecideWhoReadsEditsCommentsAndDecides) {
    const auto id = create_valid_plan();
    EXPECT_THROW(as(outsider).get(id), PermissionDenied);
    EXPECT_THROW(as(viewer).get(id), PermissionDenied) << "drafts are the office's";
    Plan plan = as(officer).get(id);
    plan.theme.zh = "外區改動";
    EXPECT_THROW(as(outsider).save(plan, "x"), PermissionDenied);
    Plan other = testing::sample_plan(district_id);
    EXPECT_THROW(as(outsider).create(other, "x"), PermissionDenied);

    as(officer).submit(id);
    EXPECT_NO_THROW(as(viewer).get(id));
    EXPECT_THROW(as(viewer).comment(id, {}, "x"), PermissionDenied);
    const auto comment = as(member).comment(id, {}, "整體意見");
    EXPECT_THROW(as(officer).respond(comment, CommentKind::correction, "改寫別人的評論"), PermissionDenied);

    // A correction is a new entry; the original stays as written.
    as(member).respond(comment, CommentKind::correction, "整體意見（更正）");
    const auto comments = ReviewRepository(db()).comments(id);
    ASSERT_EQ(comments.size(), 2u);
    EXPECT_EQ(comments[0].body, "整體意見");
    EXPECT_EQ(comments[1].body, "整體意見（更正）");
    EXPECT_EQ(comments[1].parent_id, std::optional<std::int64_t>(comment));
}

TEST_P(PlanWorkflowTest, CommentsMustPointAtSomethingInThePlan) {
    const auto id = create_valid_plan();
    EXPECT_THROW(as(officer).comment(id, {}, "on a draft"), InvalidInput);
    as(officer).submit(id);
    EXPECT_THROW(as(member).comment(id, {"drug_outreach", std::nullopt}, "x"), InvalidInput);
    EXPECT_THROW(as(member).comment(id, {"family", 999999}, "x"), InvalidInput);
    EXPECT_THROW(as(member).comment(id, {}, "   "), InvalidInput);
    const auto point = as(member).get(id).sections[0].focus_points[0].id;
    EXPECT_NO_THROW(as(member).comment(id, {"family", point}, "這點很好"));
    EXPECT_THROW(as(member).respond(424242, CommentKind::reply, "x"), NotFound);
}

TEST_P(PlanWorkflowTest, NewPlansGetOneSectionPerLoadedAreaInTheStandardOrder) {
    Plan draft;
    draft.district_id = district_id;
    draft.financial_year = "2025-26";
    const auto id = as(officer).create(draft, "new");
    const Plan plan = as(officer).get(id);
    std::vector<std::string> areas;
    for (const auto& section : plan.sections) areas.push_back(section.area_id);
    EXPECT_EQ(areas, (std::vector<std::string>{"family", "elderly", "rehabilitation", "youth", "volunteer"}));
}

// Issue 21: a plugin installed after a plan was drafted gets its section through add_area, which
// needs the same rights as any edit of the draft.
TEST_P(PlanWorkflowTest, AddAreaGivesADraftAnEmptySectionForALoadedAreaAndNeedsEditRights) {
    Plan draft;
    draft.district_id = district_id;
    draft.financial_year = "2025-26";
    draft.sections = {{0, "family", {"目標", "Objective"}, {}}};
    const auto id = as(officer).create(draft, "new");

    EXPECT_THROW(as(outsider).add_area(id, "youth", ""), PermissionDenied);
    EXPECT_THROW(as(member).add_area(id, "youth", ""), PermissionDenied);
    try {
        as(officer).add_area(id, "rehab", "");
        FAIL() << "an area no plugin provides was added";
    } catch (const InvalidInput& e) {
        EXPECT_NE(e.message().en.find("no loaded plugin provides service area 'rehab'; areas that can be added: "
                                      "family, elderly, rehabilitation, youth, volunteer"),
                  std::string::npos)
            << e.message().en;
    }
    EXPECT_THROW(as(officer).add_area(id, "family", ""), InvalidInput) << "it has one already";
    EXPECT_EQ(as(officer).get(id).sections.size(), 1u) << "refusals change nothing";

    const int version = as(officer).add_area(id, "youth", "");
    const Plan plan = as(officer).get(id);
    EXPECT_EQ(plan.version, version);
    ASSERT_EQ(plan.sections.size(), 2u);
    EXPECT_EQ(plan.sections[1].area_id, "youth");
    EXPECT_TRUE(plan.sections[1].objective.empty());
    EXPECT_EQ(as(officer).history(id).revisions.back().reason, "Added the youth section / 加入「youth」部分");
    const auto findings = as(officer).findings(id);
    EXPECT_TRUE(std::any_of(findings.begin(), findings.end(), [](const plugins::Finding& f) {
        return f.area_id == "youth" && f.rule_id == "objective-missing";
    })) << "the new section is checked by its plugin";
}

TEST_P(PlanWorkflowTest, LinkedProgrammeIndicatorsMakeAnObjectiveMeasurable) {
    const auto id = create_valid_plan();
    const Plan plan = as(officer).get(id);
    auto smart_warnings = [&](const std::string& area) {
        int count = 0;
        for (const auto& finding : validate_stored_plan(db(), plan, *registry)) {
            count += finding.area_id == area && finding.rule_id == "objective-not-smart" ? 1 : 0;
        }
        return count;
    };
    EXPECT_EQ(smart_warnings("family"), 1);
    ProgrammeRepository programmes(db());
    Programme parents;
    parents.name = {"親子計劃", "Parents"};
    parents.district_id = district_id;
    parents.period_start = "2024-04-01";
    parents.period_end = "2025-03-31";
    parents.areas = {"family"};
    const auto programme = testing::arrange(db(), [&] {
        const auto created = programmes.create(parents);
        programmes.put_indicator(
            {0, created, "1", IndicatorKind::output, {"講座", ""}, "sessions", 8, std::nullopt, std::nullopt});
        programmes.link_focus_point(created, plan.sections[0].focus_points[1].id);
        programmes.link_focus_point(created, plan.sections[0].focus_points[1].id);  // twice is harmless
        return created;
    });
    EXPECT_EQ(programmes.measurable_indicators(id).at("family"), 1u);
    EXPECT_EQ(smart_warnings("family"), 0);
    EXPECT_EQ(smart_warnings("elderly"), 1) << "other sections are unaffected";
    EXPECT_THROW(programmes.link_focus_point(programme, 987654), NotFound);
}

DPLAN_INSTANTIATE_BACKEND_TESTS(PlanWorkflowTest);

}  // namespace
}  // namespace dplan
