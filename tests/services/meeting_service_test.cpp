// Stakeholder meetings on SQLite and MariaDB: the full cycle from planning a meeting to the trace
// of every view, with the real plugins deciding which service areas exist.
#include "services/meeting_service.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "services/account_service.hpp"
#include "services/authorization.hpp"
#include "services/collaboration.hpp"
#include "services/directory_service.hpp"
#include "services/icalendar.hpp"
#include "services/plan_workflow.hpp"
#include "storage/district_repository.hpp"
#include "storage/meeting_repository.hpp"
#include "storage/organisation_repository.hpp"
#include "storage/plan_repository.hpp"
#include "storage/stakeholder_repository.hpp"
#include "storage/user_repository.hpp"
#include "support/backend_test.hpp"
#include "support/built_plugins.hpp"
#include "support/sample_plan.hpp"

namespace dplan {
namespace {

class MeetingServiceTest : public testing::BackendTest {
  protected:
    void SetUp() override {
        BackendTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        migrate();
        district_id = testing::create_sample_district(db());
        officer = make_user("chan", Role::officer, district_id);
        member = make_user("wong", Role::committee_member, district_id);
        registry = testing::built_plugins();
        plan_id = PlanWorkflow(db(), *registry, officer).create(testing::sample_plan(district_id), "first draft");
        const auto hospital = DirectoryService(db(), system_user())
                                  .add_organisation({0, {"河畔醫院", "Riverside Hospital"}, Sector::health});
        doctor = DirectoryService(db(), system_user())
                     .add_stakeholder({0, {"黃醫生", "Dr Wong"}, hospital, {}, Sector::ngo, "wong@example.hk"});
        // NGO staff of the hospital: its people take part in the district's meetings.
        ngo = make_user("ngo.staff", Role::ngo, std::nullopt, hospital);
        resident = DirectoryService(db(), system_user())
                       .add_stakeholder({0, {"林女士", "Ms Lam"}, std::nullopt, {}, Sector::resident, ""});
        chair = DirectoryService(db(), system_user())
                    .add_stakeholder({0, {"陳主席", "Chairman Chan"}, std::nullopt, {}, Sector::district_group, ""});
    }

    User make_user(const std::string& name, Role role, std::optional<std::int64_t> district,
                   std::optional<std::int64_t> organisation = std::nullopt) {
        User user{0, name, name, role, district, organisation, "test"};
        user.id = AccountService(db(), system_user()).add_user(user, "");
        return user;
    }
    MeetingService as(const User& user) { return MeetingService(db(), *registry, user); }

    Meeting planning_meeting() {
        Meeting meeting;
        meeting.district_id = district_id;
        meeting.plan_id = plan_id;
        meeting.title = {"地區福利規劃會議", "District welfare planning meeting"};
        meeting.starts_at = "2024-03-12T14:30";
        meeting.ends_at = "2024-03-12 17:00";
        meeting.venue = "河畔社區會堂";
        meeting.chair_id = chair;
        meeting.attendees = {{doctor, {}, Sector::resident, Attendance::invited, {}},
                             {resident, {}, Sector::resident, Attendance::invited, {}}};
        meeting.agenda = {{0, 0, {"家庭服務", "Family services"}, "family", std::nullopt, ""},
                          {0, 0, {"長者服務", "Elderly services"}, "elderly", std::nullopt, ""}};
        return meeting;
    }

    std::int64_t district_id = 0, plan_id = 0, doctor = 0, resident = 0, chair = 0;
    User officer, member, ngo;
    User system_actor() { return {system_user_id, "system", "system", Role::system, {}, {}, ""}; }
    std::unique_ptr<plugins::PluginRegistry> registry;
};

TEST_P(MeetingServiceTest, AFullCycleFromInvitationToTrace) {
    const auto id = as(officer).create(planning_meeting());
    as(officer).set_attendance(id, doctor, Attendance::present);
    as(officer).set_attendance(id, resident, Attendance::apologies);
    as(officer).set_minutes(id, 1, "同意加強與診所的轉介。");
    const Meeting meeting = as(officer).get(id);
    EXPECT_EQ(meeting.ends_at, "2024-03-12T17:00") << "a space is accepted for the T";
    ASSERT_EQ(meeting.agenda.size(), 2u);
    EXPECT_EQ(meeting.agenda[0].minutes, "同意加強與診所的轉介。");
    EXPECT_EQ(meeting.attendees[0].sector, Sector::health) << "a stakeholder takes the organisation's sector";

    // Views on two areas, one by an NGO account.
    const auto family_view = as(ngo).raise_view({0,
                                                 id,
                                                 meeting.agenda[0].id,
                                                 doctor,
                                                 std::nullopt,
                                                 std::nullopt,
                                                 {},
                                                 "family",
                                                 "及早識別產後情緒困擾的母親",
                                                 ViewStatus::open,
                                                 "",
                                                 {}});
    const auto elderly_view = as(officer).raise_view({0,
                                                      id,
                                                      std::nullopt,
                                                      resident,
                                                      std::nullopt,
                                                      std::nullopt,
                                                      {},
                                                      "elderly",
                                                      "增設夜間長者服務",
                                                      ViewStatus::open,
                                                      "",
                                                      {}});

    // One is addressed by a new revision of the plan, the other is not adopted with a reason.
    PlanWorkflow workflow(db(), *registry, officer);
    Plan plan = workflow.get(plan_id);
    plan.sections[0].focus_points.push_back(
        {0, {"與診所合作識別產後情緒困擾的母親", "Work with clinics on post-natal distress"}, {Sector::health}});
    workflow.save(plan, "view raised at the planning meeting");
    const int revision = workflow.get(plan_id).version;
    as(officer).address_view(family_view, {std::nullopt, plan_id, revision});
    EXPECT_THROW(as(officer).decline_view(elderly_view, ""), InvalidInput) << "a reason is required";
    as(officer).decline_view(elderly_view, "資源所限");

    // The committee endorses the plan at its meeting: the plan moves with the decision.
    workflow.submit(plan_id);
    Meeting committee = planning_meeting();
    committee.title = {"委員會會議", "Committee meeting"};
    committee.kind = MeetingKind::committee_meeting;
    committee.starts_at = "2024-06-18T14:30";
    committee.ends_at = "2024-06-18T16:30";
    committee.agenda = {};
    const auto committee_id = as(officer).create(committee);
    EXPECT_THROW(as(officer).decide(committee_id, "通過", PlanStatus::endorsed), PermissionDenied)
        << "officers record minutes; the committee decides on the plan";
    as(member).decide(committee_id, "委員通過計劃", PlanStatus::endorsed);
    EXPECT_EQ(PlanRepository(db()).get(plan_id).status, PlanStatus::endorsed);
    const auto decisions = MeetingRepository(db()).decisions(committee_id);
    ASSERT_EQ(decisions.size(), 1u);
    EXPECT_EQ(decisions[0].plan_outcome, std::optional<std::string>("endorsed"));

    // Action items: the open one past its due date is overdue, the done one is not.
    const auto late = as(officer).add_action({0, id, "整理轉介名單", doctor, {}, "2024-04-30", ActionStatus::open});
    const auto done = as(officer).add_action({0, id, "通知居民", resident, {}, "2024-04-01", ActionStatus::open});
    as(officer).add_action({0, id, "年中檢討", doctor, {}, "2024-09-30", ActionStatus::open});
    as(officer).set_action_status(done, ActionStatus::done);
    std::vector<std::int64_t> overdue;
    for (const auto& action : MeetingRepository(db()).actions({.plan_id = plan_id})) {
        if (action.overdue("2024-07-01")) overdue.push_back(action.id);
    }
    EXPECT_EQ(overdue, std::vector<std::int64_t>{late});

    // The trace names what happened to each view.
    const auto trace = CollaborationService(db(), system_actor()).trace(plan_id);
    ASSERT_EQ(trace.size(), 2u);
    EXPECT_EQ(trace[0].view.status, ViewStatus::addressed);
    EXPECT_EQ(trace[0].view.raised_by.en, "Dr Wong");
    ASSERT_EQ(trace[0].responses.size(), 1u);
    EXPECT_NE(trace[0].responses[0].en.find(fmt::format("revision {}: view raised at the planning meeting", revision)),
              std::string::npos)
        << trace[0].responses[0].en;
    EXPECT_EQ(trace[1].view.status, ViewStatus::not_adopted);
    EXPECT_EQ(trace[1].view.reason, "資源所限");

    // The matrix: health is engaged in family (partner named, doctor present); residents in
    // elderly are not (Ms Lam sent apologies).
    const auto matrix = CollaborationService(db(), system_actor()).matrix(plan_id);
    const auto family =
        static_cast<std::size_t>(std::find(matrix.areas.begin(), matrix.areas.end(), "family") - matrix.areas.begin());
    EXPECT_GE(matrix.cell(family, Sector::health).partners, 1);
    EXPECT_EQ(matrix.cell(family, Sector::health).attendance, 1) << "present at one meeting, only invited to the other";
    const auto elderly =
        static_cast<std::size_t>(std::find(matrix.areas.begin(), matrix.areas.end(), "elderly") - matrix.areas.begin());
    EXPECT_EQ(matrix.cell(elderly, Sector::resident).attendance, 0);
}

TEST_P(MeetingServiceTest, BadInputIsRefusedWithAClearMessageAndNothingIsStored) {
    auto refused = [&](Meeting meeting, const std::string& expected) {
        try {
            as(officer).create(meeting);
            ADD_FAILURE() << "accepted: " << expected;
        } catch (const Error& e) {
            EXPECT_NE(e.message().en.find(expected), std::string::npos) << e.message().en;
            EXPECT_FALSE(e.message().zh.empty());
        }
    };
    Meeting meeting = planning_meeting();
    meeting.starts_at = "12/3/2024 2pm";
    refused(meeting, "time '12/3/2024 2pm' is not valid");
    meeting = planning_meeting();
    meeting.ends_at = "2024-03-12T09:00";
    refused(meeting, "the meeting ends (2024-03-12T09:00) before it starts");
    meeting = planning_meeting();
    meeting.time_zone = "Mars/Olympus";
    refused(meeting, "unknown time zone 'Mars/Olympus'");
    meeting = planning_meeting();
    meeting.agenda[0].area_id = "astrology";
    refused(meeting, "no loaded service area 'astrology'");
    meeting = planning_meeting();
    meeting.agenda[0].focus_point_id = 999999;
    refused(meeting, "focus point 999999 is not in plan");
    EXPECT_TRUE(MeetingRepository(db()).list({}).empty());

    EXPECT_THROW(as(ngo).create(planning_meeting()), PermissionDenied);
    const auto id = as(officer).create(planning_meeting());
    EXPECT_THROW(as(officer).raise_view({0,
                                         id,
                                         std::nullopt,
                                         std::nullopt,
                                         std::nullopt,
                                         std::nullopt,
                                         {},
                                         "family",
                                         "匿名",
                                         ViewStatus::open,
                                         "",
                                         {}}),
                 InvalidInput)
        << "a view needs someone who raised it";
    EXPECT_THROW(as(officer).address_view(12345, {std::nullopt, plan_id, 1}), NotFound);
    EXPECT_THROW(as(officer).add_action({0, id, "事項", doctor, {}, "next week", ActionStatus::open}), InvalidInput);
}

TEST_P(MeetingServiceTest, NgoStaffSpeakOnlyForTheirOwnAndViewsAreAnsweredOnlyByTheMeetingsPlan) {
    const auto id = as(officer).create(planning_meeting());
    RaisedView view{0,  id,       std::nullopt, doctor,           std::nullopt, std::nullopt,
                    {}, "family", "加強轉介",   ViewStatus::open, "",           {}};
    const auto own = as(ngo).raise_view(view);  // the hospital's doctor, by the hospital's staff
    view.stakeholder_id = resident;             // a resident with no organisation: not theirs to speak for
    EXPECT_THROW(as(ngo).raise_view(view), PermissionDenied);
    const auto other =
        DirectoryService(db(), system_user()).add_organisation({0, {"北岸服務社", "North Services"}, Sector::ngo});
    view.stakeholder_id = std::nullopt;
    view.organisation_id = other;
    EXPECT_THROW(as(ngo).raise_view(view), PermissionDenied);

    // Another plan's revision cannot answer the view, even one the officer may read.
    const auto another_plan =
        PlanWorkflow(db(), *registry, officer).create(testing::sample_plan(district_id), "another draft");
    EXPECT_THROW(as(officer).address_view(own, {std::nullopt, another_plan, 1}), InvalidInput);
    // Nor beside a focus point, where it went unchecked and was stored (found by an outsider).
    const auto point = PlanWorkflow(db(), *registry, officer).get(plan_id).sections.at(0).focus_points.at(0).id;
    EXPECT_THROW(as(officer).address_view(own, {point, another_plan, 1}), InvalidInput);
    EXPECT_THROW(as(officer).address_view(own, {point, std::nullopt, 1}), InvalidInput);
    EXPECT_THROW(as(officer).address_view(own, {std::nullopt, plan_id, 99}), InvalidInput) << "no such revision";
    as(officer).address_view(own, {std::nullopt, plan_id, 1});
}

TEST_P(MeetingServiceTest, AStaleVersionIsRefusedAndTheMinutesAreKept) {
    const auto id = as(officer).create(planning_meeting());
    const int seen = as(officer).get(id).version;
    as(officer).set_minutes(id, 1, "甲的紀錄", seen);
    try {
        as(officer).set_minutes(id, 1, "乙的紀錄", seen);
        ADD_FAILURE() << "a stale version was accepted";
    } catch (const Conflict& e) {
        EXPECT_NE(e.message().en.find(fmt::format("you saw version {}, it is now version {}", seen, seen + 1)),
                  std::string::npos)
            << e.message().en;
    }
    EXPECT_EQ(as(officer).get(id).agenda[0].minutes, "甲的紀錄");
    EXPECT_THROW(as(officer).set_minutes(id, 9, "沒有此項", std::nullopt), NotFound);
}

TEST_P(MeetingServiceTest, AnItemsStaleVersionIsRefusedWhileOtherItemsOfTheMeetingChange) {
    const auto id = as(officer).create(planning_meeting());
    const auto first = as(officer).add_action({0, id, "聯絡診所", std::nullopt, {}, "2025-04-01"});
    const auto second = as(officer).add_action({0, id, "預備問卷", std::nullopt, {}, "2025-04-01"});
    const int meeting_version = as(officer).get(id).version;
    as(officer).set_action_status(first, ActionStatus::done, 1);
    as(officer).set_action_status(second, ActionStatus::cancelled, 1);  // another item: its own version
    try {
        as(officer).set_action_status(first, ActionStatus::open, 1);
        ADD_FAILURE() << "a stale version was accepted";
    } catch (const Conflict& e) {
        EXPECT_NE(e.message().en.find("action item"), std::string::npos) << e.message().en;
        EXPECT_NE(e.message().en.find("you saw version 1, it is now version 2"), std::string::npos) << e.message().en;
    }
    const auto record = as(officer).record(id);
    EXPECT_EQ(record.actions.at(0).status, ActionStatus::done);
    EXPECT_EQ(record.actions.at(0).version, 2);
    EXPECT_EQ(record.meeting.version, meeting_version + 2) << "each change bumps the meeting's version too";
    // The status it already has: nothing changes, not even the version (found by an outsider).
    EXPECT_EQ(as(officer).set_action_status(first, ActionStatus::done, 2), 2);
    EXPECT_EQ(as(officer).set_action_status(first, ActionStatus::done), 2);
    EXPECT_EQ(as(officer).record(id).meeting.version, meeting_version + 2);
    EXPECT_THROW(as(officer).set_action_status(first, ActionStatus::done, 1), Conflict) << "seen stale, still told";

    RaisedView view{0,  id,       std::nullopt, doctor,           std::nullopt, std::nullopt,
                    {}, "family", "加強轉介",   ViewStatus::open, "",           {}};
    const auto view_id = as(officer).raise_view(view);
    as(officer).decline_view(view_id, "資源所限", 1);
    EXPECT_THROW(as(officer).address_view(view_id, {std::nullopt, plan_id, 1}, 1), Conflict);
    EXPECT_EQ(as(officer).record(id).views.at(0).status, ViewStatus::not_adopted);
}

// A focus point a meeting's record points at cannot be edited away: the save is refused by
// name (it was the database's refusal, a 503 "try again" that never succeeded), the plan kept.
TEST_P(MeetingServiceTest, AFocusPointAMeetingCitesCannotBeRemoved) {
    const auto id = as(officer).create(planning_meeting());
    const auto view = as(officer).raise_view(
        {0, id, std::nullopt, doctor, std::nullopt, std::nullopt, {}, "family", "加強轉介", ViewStatus::open, "", {}});
    PlanWorkflow workflow(db(), *registry, officer);
    const Plan before = workflow.get(plan_id);
    const auto point = before.sections.at(0).focus_points.at(0).id;
    const int addressed = as(officer).address_view(view, {point, std::nullopt, std::nullopt});
    EXPECT_EQ(as(officer).address_view(view, {point, std::nullopt, std::nullopt}), addressed)
        << "the same response again changes nothing";
    EXPECT_EQ(as(officer).record(id).views.at(0).responses.size(), 1u);

    Plan without_point = before;
    without_point.sections.at(0).focus_points.erase(without_point.sections.at(0).focus_points.begin());
    try {
        workflow.save(without_point, "drop a focus point");
        ADD_FAILURE() << "a cited focus point was removed";
    } catch (const InvalidInput& e) {
        EXPECT_NE(e.message().en.find(fmt::format("focus point {} ", point)), std::string::npos) << e.message().en;
        EXPECT_NE(e.message().en.find(fmt::format("meeting {} refers to it", id)), std::string::npos) << e.message().en;
    }
    Plan without_section = before;
    without_section.sections.erase(without_section.sections.begin());
    EXPECT_THROW(workflow.save(without_section, "drop a section"), InvalidInput);
    EXPECT_EQ(workflow.get(plan_id).version, before.version) << "nothing was saved";
}

TEST_P(MeetingServiceTest, TheCalendarFileHasUtcTimesAttendeesAndEscapedChineseText) {
    const auto id = as(officer).create(planning_meeting());
    as(officer).set_attendance(id, doctor, Attendance::present);
    const std::string folded_ics = as(officer).calendar(id, "20241123T120000Z");
    std::string ics;  // unfolded: a CRLF followed by a space continues the line
    for (std::size_t i = 0; i < folded_ics.size(); ++i) {
        if (folded_ics.compare(i, 3, "\r\n ") == 0) {
            i += 2;
            continue;
        }
        ics += folded_ics[i];
    }
    EXPECT_NE(ics.find("DTSTART:20240312T063000Z\r\n"), std::string::npos) << "14:30 in Hong Kong is 06:30 UTC\n"
                                                                           << ics;
    EXPECT_NE(ics.find("SUMMARY:地區福利規劃會議 District welfare planning meeting\r\n"), std::string::npos) << ics;
    EXPECT_NE(ics.find("PARTSTAT=ACCEPTED:mailto:wong@example.hk"), std::string::npos) << ics;
    EXPECT_NE(ics.find("PARTSTAT=NEEDS-ACTION:urn:x-dplan:stakeholder:"), std::string::npos) << ics;
    for (std::size_t start = 0, end = 0; (end = folded_ics.find("\r\n", start)) != std::string::npos; start = end + 2) {
        EXPECT_LE(end - start, 75u) << "lines are at most 75 octets";
    }
}

// Names are free text: a line break or a quote in one must not end the line or the parameter and
// start a property of its own. Addresses are checked where they are entered.
TEST_P(MeetingServiceTest, HostileNamesAndAddressesCannotForgeCalendarLines) {
    const auto intruder =
        DirectoryService(db(), system_user())
            .add_stakeholder(
                {0, {"何\"先生\r\nBEGIN:VALARM", "Mr Ho"}, std::nullopt, {}, Sector::resident, "ho@example.hk"});
    Meeting meeting = planning_meeting();
    meeting.title.zh = "會議\r\nATTENDEE:mailto:evil@example.com";
    meeting.attendees.push_back({intruder, {}, Sector::resident, Attendance::invited, {}});
    meeting.online_link = "https://meet.example.hk/riverside?pwd=1&lang=zh";
    const auto id = as(officer).create(meeting);
    const std::string folded = as(officer).calendar(id, "20241123T120000Z");
    std::string ics;  // unfolded
    for (std::size_t start = 0, end = 0; (end = folded.find("\r\n", start)) != std::string::npos; start = end + 2) {
        const std::string line = folded.substr(start, end - start);
        EXPECT_EQ(line.find_first_of("\r\n"), std::string::npos) << "a bare CR or LF inside a line: " << line;
        ics += line.starts_with(" ") ? line.substr(1) : (ics.empty() ? "" : "\r\n") + line;
    }
    ics += "\r\n";
    std::vector<std::string> names;  // the property name of every line
    for (std::size_t start = 0, end = 0; (end = ics.find("\r\n", start)) != std::string::npos; start = end + 2) {
        const std::string line = ics.substr(start, end - start);
        names.push_back(line.substr(0, line.find_first_of(":;")));
    }
    EXPECT_EQ(std::count(names.begin(), names.end(), "BEGIN"), 2) << ics;
    EXPECT_EQ(std::count(names.begin(), names.end(), "ATTENDEE"), 3) << ics;
    EXPECT_NE(ics.find("CN=\"何'先生 BEGIN:VALARM\""), std::string::npos) << ics;
    EXPECT_NE(ics.find("URL:https://meet.example.hk/riverside?pwd=1&lang=zh\r\n"), std::string::npos) << ics;

    for (const char* link : {"javascript:alert(1)", "https://meet.example.hk/a b", "https://meet.example.hk/\"x\"",
                             "https://meet.example.hk/\r\nATTENDEE:x", "meet.example.hk"}) {
        meeting.online_link = link;
        EXPECT_THROW(as(officer).create(meeting), InvalidInput) << link;
    }
    for (const char* email : {"ho@example", "ho example.hk", "ho@example.hk\r\nX", "\"ho\"@example.hk", "@example.hk",
                              "ho..x@example.hk"}) {
        EXPECT_THROW(DirectoryService(db(), system_user())
                         .add_stakeholder({0, {"何先生", ""}, std::nullopt, {}, Sector::resident, email}),
                     InvalidInput)
            << email;
    }
}

DPLAN_INSTANTIATE_BACKEND_TESTS(MeetingServiceTest);

}  // namespace
}  // namespace dplan
