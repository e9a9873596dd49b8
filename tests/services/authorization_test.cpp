// The permission table, driven for real: for every Operation the services offer, the call is made
// as every kind of user against objects of one district and organisation, on SQLite and MariaDB,
// and the outcome (allowed, or refused with PermissionDenied) is compared with the table below.
// An operation without a row fails the test, so a new operation cannot slip in unchecked.
#include "services/authorization.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <set>

#include "services/account_service.hpp"
#include "services/audit_service.hpp"
#include "services/collaboration.hpp"
#include "services/database_admin.hpp"
#include "services/directory_service.hpp"
#include "services/district_service.hpp"
#include "services/meeting_service.hpp"
#include "services/plan_workflow.hpp"
#include "services/programme_service.hpp"
#include "storage/district_repository.hpp"
#include "storage/organisation_repository.hpp"
#include "storage/stakeholder_repository.hpp"
#include "storage/user_repository.hpp"
#include "support/backend_test.hpp"
#include "support/built_plugins.hpp"
#include "support/sample_plan.hpp"

namespace dplan {
namespace {

// Who acts. "here" is the district and organisation the objects belong to.
enum class Actor {
    system,
    admin,
    officer_here,
    officer_elsewhere,
    member_here,
    member_elsewhere,
    ngo_here,
    ngo_elsewhere,
    viewer,
};

constexpr Actor all_actors[] = {Actor::system,       Actor::admin,
                                Actor::officer_here, Actor::officer_elsewhere,
                                Actor::member_here,  Actor::member_elsewhere,
                                Actor::ngo_here,     Actor::ngo_elsewhere,
                                Actor::viewer};

std::string actor_name(Actor actor) {
    static const std::map<Actor, std::string> names{{Actor::system, "system"},
                                                    {Actor::admin, "admin"},
                                                    {Actor::officer_here, "officer_here"},
                                                    {Actor::officer_elsewhere, "officer_elsewhere"},
                                                    {Actor::member_here, "member_here"},
                                                    {Actor::member_elsewhere, "member_elsewhere"},
                                                    {Actor::ngo_here, "ngo_here"},
                                                    {Actor::ngo_elsewhere, "ngo_elsewhere"},
                                                    {Actor::viewer, "viewer"}};
    return names.at(actor);
}

using enum Actor;
const std::set<Actor> everyone(std::begin(all_actors), std::end(all_actors));

// The expected policy, written out independently of services/authorization.cpp. Objects are in
// district "here", programmes run by organisation "here", meetings attended by its people, and
// plans submitted unless the operation needs a draft.
const std::map<Operation, std::set<Actor>> allowed{
    {Operation::list_plans, {system, admin, officer_here, member_here, ngo_here, ngo_elsewhere, viewer}},
    {Operation::read_plan, {system, admin, officer_here, member_here, ngo_here, ngo_elsewhere, viewer}},
    {Operation::create_plan, {system, admin, officer_here}},
    {Operation::edit_plan, {system, admin, officer_here}},
    {Operation::submit_plan, {system, admin, officer_here}},
    {Operation::start_review, {system, admin, member_here}},
    {Operation::comment_on_plan, {system, admin, officer_here, member_here}},
    {Operation::decide_plan, {system, admin, member_here}},
    {Operation::read_meeting, {system, admin, officer_here, member_here, ngo_here}},
    {Operation::create_meeting, {system, admin, officer_here}},
    {Operation::edit_meeting, {system, admin, officer_here}},
    {Operation::raise_view, {system, admin, officer_here, member_here, ngo_here}},
    {Operation::respond_to_view, {system, admin, officer_here}},
    {Operation::manage_actions, {system, admin, officer_here}},
    {Operation::decide_meeting, {system, admin, officer_here, member_here}},
    {Operation::read_programme, {system, admin, officer_here, member_here, ngo_here}},
    {Operation::create_programme, {system, admin, officer_here, ngo_here}},
    {Operation::edit_programme, {system, admin, officer_here, ngo_here}},
    {Operation::record_reading, {system, admin, officer_here, ngo_here}},
    {Operation::read_directory,
     {system, admin, officer_here, officer_elsewhere, member_here, member_elsewhere, ngo_here, ngo_elsewhere}},
    {Operation::edit_directory, {system, admin, officer_here, officer_elsewhere}},
    {Operation::read_districts, everyone},
    {Operation::manage_districts, {system, admin}},
    {Operation::manage_users, {system, admin}},
    {Operation::read_collaboration, {system, admin, officer_here, member_here}},
    {Operation::inspect_database, everyone},
    {Operation::administer_database, {system, admin}},
    {Operation::read_audit_log, {system, admin}},
};

class AuthorizationTest : public testing::BackendTest {
  protected:
    void SetUp() override {
        BackendTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        migrate();
        here = testing::create_sample_district(db());
        elsewhere = DistrictRepository(db()).get_by_code("north").id;
        organisation = DirectoryService(db(), system_user())
                           .add_organisation({0, {"河畔服務社", "Riverside Services"}, Sector::ngo});
        other_organisation =
            DirectoryService(db(), system_user()).add_organisation({0, {"北岸服務社", "North Services"}, Sector::ngo});
        member_of_organisation = DirectoryService(db(), system_user())
                                     .add_stakeholder({0, {"何社工", "Mr Ho"}, organisation, {}, Sector::ngo, ""});
        users[system] = system_user();
        users[admin] = make_user("admin", Role::admin, {}, {});
        users[officer_here] = make_user("officer.here", Role::officer, here, {});
        users[officer_elsewhere] = make_user("officer.elsewhere", Role::officer, elsewhere, {});
        users[member_here] = make_user("member.here", Role::committee_member, here, {});
        users[member_elsewhere] = make_user("member.elsewhere", Role::committee_member, elsewhere, {});
        users[ngo_here] = make_user("ngo.here", Role::ngo, {}, organisation);
        users[ngo_elsewhere] = make_user("ngo.elsewhere", Role::ngo, {}, other_organisation);
        users[viewer] = make_user("viewer", Role::viewer, {}, {});
        registry = testing::built_plugins();
    }

    User make_user(const std::string& name, Role role, std::optional<std::int64_t> district,
                   std::optional<std::int64_t> org) {
        User user{0, name, name, role, district, org, "test"};
        user.id = AccountService(db(), system_user()).add_user(user, "");
        return user;
    }

    // Fresh objects for each call, made by the system account, so every call starts alike.
    PlanWorkflow plans(Actor actor) { return PlanWorkflow(db(), *registry, users.at(actor)); }
    std::int64_t draft_plan() { return plans(system).create(testing::sample_plan(here), "draft"); }
    std::int64_t submitted_plan() {
        const auto id = draft_plan();
        plans(system).submit(id);
        return id;
    }
    MeetingService meetings(Actor actor) { return MeetingService(db(), *registry, users.at(actor)); }
    Meeting meeting_on(std::int64_t plan_id) {
        Meeting meeting;
        meeting.district_id = here;
        meeting.plan_id = plan_id;
        meeting.title = {"規劃會議", "Planning meeting"};
        meeting.starts_at = meeting.ends_at = "2024-03-12T14:30";
        meeting.attendees = {{member_of_organisation, {}, Sector::ngo, Attendance::present, {}}};
        meeting.agenda = {{0, 0, {"家庭服務", "Family services"}, "family", std::nullopt, ""}};
        return meeting;
    }
    std::int64_t meeting() { return meetings(system).create(meeting_on(submitted_plan())); }
    ProgrammeService programmes(Actor actor) { return ProgrammeService(db(), users.at(actor)); }
    Programme programme_here() {
        Programme programme;
        programme.name = {fmt::format("服務計劃 {}", ++serial), ""};
        programme.period_start = "2024-04-01";
        programme.period_end = "2025-03-31";
        programme.district_id = here;
        programme.organisation_id = organisation;
        return programme;
    }
    std::int64_t programme() {
        const auto id = programmes(system).create(programme_here());
        programmes(system).put_indicator(indicator_of(id));
        return id;
    }
    static Indicator indicator_of(std::int64_t programme_id) {
        Indicator indicator;
        indicator.programme_id = programme_id;
        indicator.code = "1A";
        indicator.unit = "sessions";
        indicator.target = 8;
        return indicator;
    }

    // Runs the operation as `actor`; true when allowed, false when refused with PermissionDenied.
    bool attempt(Operation operation, Actor actor) {
        const std::map<Operation, std::function<void()>> drivers{
            {Operation::list_plans,
             [&] {
                 const auto id = submitted_plan();
                 const auto seen = plans(actor).list({});
                 if (std::none_of(seen.begin(), seen.end(), [&](const PlanSummary& p) { return p.id == id; })) {
                     throw PermissionDenied({"看不見", "not listed"});
                 }
             }},
            {Operation::read_plan, [&] { plans(actor).get(submitted_plan()); }},
            {Operation::create_plan, [&] { plans(actor).create(testing::sample_plan(here), "new"); }},
            {Operation::edit_plan,
             [&] {
                 Plan plan = plans(system).get(draft_plan());
                 plan.theme.en = "Changed";
                 plans(actor).save(plan, "edit");
             }},
            {Operation::submit_plan, [&] { plans(actor).submit(draft_plan()); }},
            {Operation::start_review, [&] { plans(actor).start_review(submitted_plan()); }},
            {Operation::comment_on_plan, [&] { plans(actor).comment(submitted_plan(), {}, "意見"); }},
            {Operation::decide_plan,
             [&] { plans(actor).decide(submitted_plan(), PlanStatus::endorsed, "2024-06-18", "", ""); }},
            {Operation::read_meeting, [&] { meetings(actor).record(meeting()); }},
            {Operation::create_meeting, [&] { meetings(actor).create(meeting_on(submitted_plan())); }},
            {Operation::edit_meeting, [&] { meetings(actor).set_minutes(meeting(), 1, "紀錄"); }},
            {Operation::raise_view,
             [&] {
                 meetings(actor).raise_view({0,
                                             meeting(),
                                             std::nullopt,
                                             member_of_organisation,
                                             std::nullopt,
                                             std::nullopt,
                                             {},
                                             "family",
                                             "意見",
                                             ViewStatus::open,
                                             "",
                                             {}});
             }},
            {Operation::respond_to_view,
             [&] {
                 const auto view = meetings(system).raise_view({0,
                                                                meeting(),
                                                                std::nullopt,
                                                                member_of_organisation,
                                                                std::nullopt,
                                                                std::nullopt,
                                                                {},
                                                                "family",
                                                                "意見",
                                                                ViewStatus::open,
                                                                "",
                                                                {}});
                 meetings(actor).decline_view(view, "資源所限");
             }},
            {Operation::manage_actions,
             [&] {
                 meetings(actor).add_action({0, meeting(), "跟進", {}, {}, "2024-10-31", ActionStatus::open});
             }},
            {Operation::decide_meeting, [&] { meetings(actor).decide(meeting(), "備悉", std::nullopt); }},
            {Operation::read_programme, [&] { programmes(actor).get(programme()); }},
            {Operation::create_programme, [&] { programmes(actor).create(programme_here()); }},
            {Operation::edit_programme,
             [&] {
                 Indicator indicator = indicator_of(programme());
                 indicator.target = 10;
                 programmes(actor).put_indicator(indicator);
             }},
            {Operation::record_reading,
             [&] { programmes(actor).record_reading(programme(), "1A", 3, "2024-04-01", "2024-04-30"); }},
            {Operation::read_directory, [&] { DirectoryService(db(), users.at(actor)).organisations(); }},
            {Operation::edit_directory,
             [&] {
                 DirectoryService(db(), users.at(actor))
                     .add_organisation({0, {fmt::format("機構 {}", ++serial), ""}, Sector::business});
             }},
            {Operation::read_districts, [&] { DistrictService(db(), users.at(actor)).list(); }},
            {Operation::manage_districts,
             [&] {
                 DistrictService(db(), users.at(actor))
                     .add({0, fmt::format("district_{}", ++serial), {fmt::format("地區 {}", serial), ""}, {}, {}, {}});
             }},
            {Operation::manage_users,
             [&] {
                 AccountService(db(), users.at(actor))
                     .add_user({0, fmt::format("new.{}", ++serial), "", Role::viewer, {}, {}, ""}, "");
             }},
            {Operation::read_collaboration,
             [&] { CollaborationService(db(), users.at(actor)).matrix(submitted_plan()); }},
            {Operation::inspect_database, [&] { DatabaseAdmin(db(), users.at(actor)).status(); }},
            {Operation::administer_database, [&] { DatabaseAdmin(db(), users.at(actor)).migrate(); }},
            {Operation::read_audit_log, [&] { AuditService(db(), users.at(actor)).list({}); }},
        };
        const auto driver = drivers.find(operation);
        if (driver == drivers.end()) {
            ADD_FAILURE() << "no driver for operation " << operation_code(operation);
            return false;
        }
        try {
            driver->second();
            return true;
        } catch (const PermissionDenied& refused) {
            EXPECT_FALSE(refused.message().zh.empty() || refused.message().en.empty())
                << "refusals speak both languages";
            return false;
        }
    }

    std::int64_t here = 0, elsewhere = 0, organisation = 0, other_organisation = 0, member_of_organisation = 0;
    int serial = 0;
    std::map<Actor, User> users;
    std::unique_ptr<plugins::PluginRegistry> registry;
};

TEST_P(AuthorizationTest, EveryOperationAllowsExactlyTheRolesInTheTable) {
    for (const Operation operation : all_operations) {
        const auto row = allowed.find(operation);
        if (row == allowed.end()) {
            ADD_FAILURE() << "operation " << operation_code(operation) << " has no row in the permission table";
            continue;
        }
        for (const Actor actor : all_actors) {
            const bool expected = row->second.contains(actor);
            EXPECT_EQ(attempt(operation, actor), expected) << operation_code(operation) << " as " << actor_name(actor)
                                                           << " should be " << (expected ? "allowed" : "refused");
        }
    }
}

TEST_P(AuthorizationTest, ListsAreFilteredToWhatTheReaderMaySee) {
    const auto draft = draft_plan();
    const auto submitted = submitted_plan();
    const auto count = [&](Actor actor, std::int64_t id) {
        const auto seen = plans(actor).list({});
        return std::count_if(seen.begin(), seen.end(), [&](const PlanSummary& p) { return p.id == id; });
    };
    EXPECT_EQ(count(officer_here, draft), 1);
    EXPECT_EQ(count(member_here, draft), 0) << "committee members see submitted plans only";
    EXPECT_EQ(count(viewer, draft), 0);
    EXPECT_EQ(count(viewer, submitted), 1);
    EXPECT_EQ(count(officer_elsewhere, submitted), 0);

    const auto programme_id = programme();
    const auto programmes_seen = [&](Actor actor) { return programmes(actor).list().size(); };
    EXPECT_EQ(programmes_seen(ngo_here), 1u);
    EXPECT_EQ(programmes_seen(ngo_elsewhere), 0u);
    EXPECT_EQ(programmes_seen(officer_elsewhere), 0u);
    EXPECT_EQ(programmes(ngo_elsewhere).summary(AchievementGrouping::programme, {}).size(), 0u)
        << "summaries are scoped in SQL too";
    EXPECT_EQ(programmes(ngo_here).summary(AchievementGrouping::programme, {}).size(), 1u);
    EXPECT_THROW(programmes(viewer).list(), PermissionDenied);

    const auto meeting_id = meeting();
    meetings(system).add_action({0, meeting_id, "跟進", {}, {}, "2024-10-31", ActionStatus::open});
    EXPECT_EQ(meetings(officer_elsewhere).list({}).size(), 0u);
    EXPECT_EQ(meetings(officer_elsewhere).actions({}).size(), 0u) << "other districts' action items stay hidden";
    EXPECT_EQ(meetings(officer_here).actions({}).size(), 1u);
    EXPECT_EQ(meetings(ngo_here).list({}).size(), 1u) << "their people attend";
    EXPECT_EQ(meetings(ngo_elsewhere).list({}).size(), 0u);
    (void)programme_id;
}

TEST_P(AuthorizationTest, AProgrammeCannotBeLinkedToAnotherDistrictsFrozenPlan) {
    Programme theirs = programme_here();
    theirs.district_id = elsewhere;
    theirs.organisation_id.reset();
    const auto programme_id = programmes(officer_elsewhere).create(theirs);
    const Plan plan = plans(system).get(submitted_plan());
    const auto point = plan.sections.front().focus_points.front().id;
    EXPECT_THROW(programmes(officer_elsewhere).link_focus_point(programme_id, point), PermissionDenied);
    // Not even an administrator links to a frozen plan: it is no longer being drafted.
    EXPECT_THROW(programmes(admin).link_focus_point(programme_id, point), InvalidInput);
}

DPLAN_INSTANTIATE_BACKEND_TESTS(AuthorizationTest);

}  // namespace
}  // namespace dplan
