#include "services/demo_meetings.hpp"

#include <functional>

#include "storage/meeting_repository.hpp"
#include "storage/organisation_repository.hpp"
#include "storage/stakeholder_repository.hpp"

namespace dplan {

namespace {

struct DemoPerson {
    Bilingual name;
    const char* organisation;  // Chinese name, or nullptr
    Sector sector;
    const char* email;
};

const DemoPerson people[] = {
    {{"陳志明主席", "Mr Chan Chi-ming (Chairman)"}, "河畔互助委員會聯會", Sector::district_group, "chan.cm@example.hk"},
    {{"李美儀姑娘", "Ms Lee Mei-yee"}, "河畔家庭服務中心", Sector::ngo, "mylee@example.hk"},
    {{"黃家樂醫生", "Dr Wong Ka-lok"}, "河畔醫院聯網", Sector::health, "klwong@example.hk"},
    {{"張惠芬校長", "Ms Cheung Wai-fan (Principal)"}, "河畔中學校長會", Sector::education, ""},
    {{"何國強先生", "Mr Ho Kwok-keung"}, "河畔商會", Sector::business, "kkho@example.hk"},
    {{"林淑儀女士", "Ms Lam Suk-yee"}, nullptr, Sector::resident, ""},
    {{"周浩然先生", "Mr Chow Ho-yin"}, "河畔青少年綜合服務中心", Sector::ngo, "hychow@example.hk"},
    {{"吳慧敏女士", "Ms Ng Wai-man (District Social Welfare Officer)"}, nullptr, Sector::government, "wmng@example.hk"},
};

// The people of the demo, as stakeholders; their ids in the order of `people`.
std::vector<std::int64_t> add_people(Database& db) {
    OrganisationRepository organisations(db);
    StakeholderRepository stakeholders(db);
    std::vector<std::int64_t> ids;
    for (const auto& person : people) {
        Stakeholder stakeholder;
        stakeholder.name = person.name;
        stakeholder.sector = person.sector;
        stakeholder.email = person.email;
        if (person.organisation != nullptr)
            stakeholder.organisation_id = organisations.find_by_name(person.organisation).value().id;
        ids.push_back(stakeholders.create(stakeholder));
    }
    return ids;
}

using Person = std::function<std::int64_t(int)>;  // the n-th person of `people`, from 1

// The planning meeting: attendance, agenda with minutes, a view of each kind, action items.
void add_planning_meeting(MeetingRepository& meetings, const Plan& plan, const Person& person) {
    const auto family_point = plan.section("family")->focus_points.front().id;
    Meeting planning;
    planning.district_id = plan.district_id;
    planning.plan_id = plan.id;
    planning.title = {"2024-25 年度地區福利規劃會議", "District Welfare Planning Meeting 2024-25"};
    planning.kind = MeetingKind::planning_meeting;
    planning.starts_at = "2024-03-12T14:30";
    planning.ends_at = "2024-03-12T17:00";
    planning.venue = "河畔社區會堂 Riverside Community Hall";
    planning.chair_id = person(8);
    for (int n = 1; n <= 8; ++n) {
        planning.attendees.push_back(
            {person(n), {}, Sector::resident, n == 6 ? Attendance::apologies : Attendance::present, {}});
    }
    planning.agenda = {
        {0,
         0,
         {"家庭及兒童福利服務", "Family and child welfare"},
         "family",
         std::nullopt,
         "與會者同意加強學校、診所及屋邨管理處的轉介網絡；醫院聯網代表建議及早識別產後情緒困擾的母親。"},
        {0,
         0,
         {"青少年服務", "Youth services"},
         "youth",
         std::nullopt,
         "討論隱蔽吸毒青少年的外展工作；商會代表提出可提供實習機會。"},
        {0, 0, {"長者服務", "Elderly services"}, "elderly", std::nullopt, "居民代表關注長者夜間支援。"},
    };
    const auto planning_id = meetings.create(planning);
    const Meeting stored = meetings.get(planning_id);

    RaisedView addressed;
    addressed.meeting_id = planning_id;
    addressed.agenda_item_id = stored.agenda[0].id;
    addressed.stakeholder_id = person(3);
    addressed.area_id = "family";
    addressed.text = "建議與診所合作，及早識別產後情緒困擾的母親並轉介支援。";
    meetings.address_view(meetings.add_view(addressed), {family_point, std::nullopt, std::nullopt}, std::nullopt);

    RaisedView open;
    open.meeting_id = planning_id;
    open.agenda_item_id = stored.agenda[1].id;
    open.stakeholder_id = person(5);
    open.area_id = "youth";
    open.text = "商界可為參與外展計劃的青少年提供暑期實習機會。";
    meetings.add_view(open);

    RaisedView declined;
    declined.meeting_id = planning_id;
    declined.agenda_item_id = stored.agenda[2].id;
    declined.stakeholder_id = person(6);
    declined.area_id = "elderly";
    declined.text = "希望長者地區中心增設夜間服務。";
    meetings.decline_view(meetings.add_view(declined), "本年度資源所限；已轉介地區康健中心研究夜間支援。",
                          std::nullopt);

    meetings.add_action(
        {0, planning_id, "整理學校、診所及屋邨管理處的轉介聯絡名單", person(2), {}, "2024-04-30", ActionStatus::done});
    meetings.add_action(
        {0, planning_id, "與商會商討青少年暑期實習安排", person(7), {}, "2024-05-31", ActionStatus::open});
    meetings.add_action(
        {0, planning_id, "年中檢討青少年外展成效並向委員會匯報", person(7), {}, "2027-01-31", ActionStatus::open});
}

// The committee meeting that noted the plan.
void add_committee_meeting(MeetingRepository& meetings, const Plan& plan, const Person& person) {
    Meeting committee;
    committee.district_id = plan.district_id;
    committee.plan_id = plan.id;
    committee.title = {"社區服務及福利委員會 2024 年第三次會議",
                       "Community Services and Welfare Committee, third meeting of 2024"};
    committee.kind = MeetingKind::committee_meeting;
    committee.starts_at = "2024-06-18T14:30";
    committee.ends_at = "2024-06-18T16:30";
    committee.venue = "河畔區議會會議室 Riverside District Council Conference Room";
    committee.chair_id = person(1);
    for (const int n : {1, 3, 4, 5, 8})
        committee.attendees.push_back({person(n), {}, Sector::resident, Attendance::present, {}});
    committee.attendees.push_back({person(2), {}, Sector::resident, Attendance::absent, {}});
    committee.agenda = {{0,
                         0,
                         {"討論文件第 3/24-25 號：河畔區 2024-25 年度福利工作計劃",
                          "Paper No. 3/24-25: Riverside District Welfare Plan 2024-25"},
                         std::nullopt,
                         std::nullopt,
                         "社署代表介紹計劃；委員就青少年及長者服務提出意見。"}};
    const auto committee_id = meetings.create(committee);
    meetings.add_decision(
        {0, committee_id, "委員備悉文件內容，並請社署於年中匯報青少年外展成效。", std::nullopt, std::nullopt});
}

// The consultation on next year's plan, still to come.
void add_consultation(MeetingRepository& meetings, const Plan& plan, const Person& person) {
    Meeting consultation;
    consultation.district_id = plan.district_id;
    consultation.plan_id = plan.id;
    consultation.title = {"2025-26 年度計劃地區諮詢會", "District consultation on the 2025-26 plan"};
    consultation.kind = MeetingKind::consultation_session;
    consultation.starts_at = "2027-01-20T19:00";
    consultation.ends_at = "2027-01-20T21:00";
    consultation.online_link = "https://meet.example.hk/riverside-2025";
    consultation.chair_id = person(8);
    for (const int n : {2, 5, 6, 7})
        consultation.attendees.push_back({person(n), {}, Sector::resident, Attendance::invited, {}});
    consultation.agenda = {{0, 0, {"來年服務重點", "Priorities for next year"}, std::nullopt, std::nullopt, ""}};
    meetings.create(consultation);
}

}  // namespace

void load_demo_meetings(Database& db, const Plan& plan) {
    const auto ids = add_people(db);
    const Person person = [&ids](int n) { return ids[static_cast<std::size_t>(n - 1)]; };
    MeetingRepository meetings(db);
    add_planning_meeting(meetings, plan, person);
    add_committee_meeting(meetings, plan, person);
    add_consultation(meetings, plan, person);
}

}  // namespace dplan
