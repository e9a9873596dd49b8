#include "services/demo.hpp"

#include "domain/organisation.hpp"
#include "domain/plan.hpp"
#include "domain/user.hpp"
#include "services/audit_trail.hpp"
#include "services/demo_meetings.hpp"
#include "services/indicator_import.hpp"
#include "storage/district_repository.hpp"
#include "storage/organisation_repository.hpp"
#include "storage/plan_repository.hpp"
#include "storage/programme_repository.hpp"

namespace dplan {

namespace {

using enum Sector;

// Long because it is the demo plan's text, which reads best as one piece of data.
Plan riverside_plan(std::int64_t district_id) {
    Plan plan;
    plan.district_id = district_id;
    plan.financial_year = "2024-25";
    plan.paper_no = "3/24-25";
    plan.theme = {"Hand in Hand•同心河畔", "Hand in Hand • Riverside Together"};
    plan.purpose = {
        "本文件旨在向河畔區議會社區服務及福利委員會介紹社署河畔區福利辦事處 2024-25 年度福利工作計劃，並聽取委員意見。",
        "This paper presents the 2024-25 district welfare plan of the Riverside District Social "
        "Welfare Office to the Community Services and Welfare Committee of the Riverside District "
        "Council and seeks Members' views."};
    plan.advice_sought = {"請委員備悉文件內容並提供意見。",
                          "Members are invited to note the content of this paper and give their views."};
    plan.sections = {
        {0,
         "family",
         {"鞏固家庭抗逆力，及早識別及支援面對危機的家庭",
          "Strengthen family resilience and identify and support families in crisis early"},
         {{0,
           {"與學校、診所及屋邨管理處建立轉介網絡，讓需要支援的家庭能及早得到服務。",
            "Build a referral network with schools, clinics and estate management offices so that "
            "families in need are served early."},
           {education, health, district_group}},
          {0,
           {"推行社區親職教育活動，提升家長管教技巧及情緒管理能力。",
            "Run community parent education to improve parenting skills and emotional management."},
           {ngo, resident}},
          {0,
           {"加強對前線同工的培訓，提升識別虐兒及家暴個案的敏感度。",
            "Train frontline workers to recognise child abuse and domestic violence sooner."},
           {ngo, government}}}},
        {0,
         "elderly",
         {"推動積極樂頤年，支援居家安老及其照顧者", "Promote active ageing and support ageing in place and carers"},
         {{0,
           {"聯同區內長者中心及醫護界別，為獨居及雙老家庭提供定期探訪及健康檢查。",
            "With elderly centres and the health sector, visit and health-check elders living "
            "alone or in elderly couples regularly."},
           {ngo, health}},
          {0,
           {"推廣樂齡科技應用，協助長者使用視像通話及網上預約服務。",
            "Promote gerontechnology and help elders use video calls and online booking."},
           {ngo, business}},
          {0,
           {"為護老者舉辦喘息活動及支援小組，減輕照顧壓力。",
            "Hold respite activities and support groups for carers to relieve caring stress."},
           {ngo}}}},
        {0,
         "rehabilitation",
         {"促進殘疾人士及精神病康復者融入社區",
          "Help persons with disabilities and persons in mental recovery take part in community life"},
         {{0,
           {"與商界合作開拓職位配對及在職培訓機會。",
            "Work with business to open job matching and on-the-job training."},
           {business, ngo}},
          {0,
           {"透過公眾教育活動，提升社區對精神健康的認識及接納。",
            "Raise understanding and acceptance of mental health through public education."},
           {health, district_group}}}},
        {0,
         "youth",
         {"陪伴青少年建立正面價值觀及生涯方向",
          "Walk with young people as they build positive values and life direction"},
         {{0,
           {"結合線上及線下外展手法，接觸隱蔽及高危青少年。",
            "Reach hidden and at-risk youth through online and offline outreach."},
           {ngo}},
          {0,
           {"與學校合作推行生涯規劃及朋輩支援計劃。", "Run life planning and peer support programmes with schools."},
           {education, ngo}},
          {0,
           {"為家長及老師舉辦工作坊，認識青少年網絡成癮的徵兆。",
            "Hold workshops for parents and teachers on the signs of internet addiction in youth."},
           {education, resident}}}},
        {0,
         "volunteer",
         {"凝聚社區力量，發展可持續的義工網絡", "Bring the community together and grow a lasting volunteer network"},
         {{0,
           {"鼓勵企業及專業人士以專長參與義務工作。",
            "Encourage companies and professionals to volunteer their expertise."},
           {business}},
          {0,
           {"發展跨代義工隊，促進長者與青少年共同服務社區。",
            "Form intergenerational volunteer teams where elders and youth serve together."},
           {ngo, resident}},
          {0,
           {"設立義工嘉許機制，肯定義工的持續付出。", "Set up a volunteer recognition scheme for sustained service."},
           {district_group, government}}}},
    };
    return plan;
}

const Organisation demo_organisations[] = {
    {0, {"河畔家庭服務中心", "Riverside Family Services Centre"}, ngo},
    {0, {"河畔長者地區中心", "Riverside District Elderly Community Centre"}, ngo},
    {0, {"河畔醫院聯網", "Riverside Hospital Cluster"}, health},
    {0, {"河畔中學校長會", "Riverside Secondary School Heads Association"}, education},
    {0, {"河畔商會", "Riverside Chamber of Commerce"}, business},
    {0, {"河畔互助委員會聯會", "Federation of Riverside Mutual Aid Committees"}, district_group},
    {0, {"河畔青少年綜合服務中心", "Riverside Integrated Youth Services Centre"}, ngo},
};

// The indicators an NGO reported for its youth programme (shared/samples/riverside-indicators.csv).
constexpr std::string_view demo_indicators =
    "programme,indicator_code,kind,description,unit,target,actual,period_start,period_end\n"
    "同行新路計劃,1A-a,output,社區講座,sessions,8,8,2023-04-01,2025-03-31\n"
    "同行新路計劃,1A-b,output,講座出席人數,persons,200,260,2023-04-01,2025-03-31\n"
    "同行新路計劃,1B-a,output,網上短文,posts,10,12,2023-04-01,2025-03-31\n"
    "同行新路計劃,1B-b,output,網上接觸人次,contacts,2000,2150,2023-04-01,2025-03-31\n"
    "同行新路計劃,2,output,外展接觸青少年人次,contacts,200,180,2023-04-01,2025-03-31\n"
    "同行新路計劃,3-a,output,家長小組參加者,persons,20,25,2023-04-01,2025-03-31\n"
    "同行新路計劃,3-b,output,家長小組出席人次,attendances,120,140,2023-04-01,2025-03-31\n"
    "同行新路計劃,O1,outcome,參加者情緒健康改善,percent,70,74.5,2023-04-01,2025-03-31\n"
    "同行新路計劃,O2,outcome,家長支援子女信心提升,percent,70,81.0,2023-04-01,2025-03-31\n"
    "同行新路計劃,O3,outcome,青少年社交參與增加,percent,60,58.3,2023-04-01,2025-03-31\n";

}  // namespace

Plan demo_plan() { return riverside_plan(0); }

DemoResult load_demo(Database& db, const User& actor) {
    DistrictRepository districts(db);
    PlanRepository plans(db);
    if (auto existing = districts.find_by_code("riverside")) {
        auto found = plans.list({.district_id = existing->id, .financial_year = "2024-25"});
        if (!found.empty()) return {found.front().id, false};
    }
    return db.write("load demo data", [&] {
        std::int64_t district_id = 0;
        if (auto existing = districts.find_by_code("riverside")) {
            district_id = existing->id;
        } else {
            // Fictional, so not among the 18 districts every database holds.
            district_id = districts.create({0,
                                            "riverside",
                                            {"河畔區", "Riverside"},
                                            {"河畔區議會", "Riverside District Council"},
                                            {"社區服務及福利委員會", "Community Services and Welfare Committee"},
                                            {"社會福利署河畔區福利辦事處",
                                             "Social Welfare Department, Riverside District Social Welfare Office"}});
        }
        OrganisationRepository organisations(db);
        for (const auto& organisation : demo_organisations) {
            if (!organisations.find_by_name(organisation.name.zh)) organisations.create(organisation);
        }
        // The letterhead a plan created in the workflow gets: its district's.
        Plan plan = riverside_plan(district_id);
        const District district = districts.get(district_id);
        plan.council = district.council;
        plan.committee = district.committee;
        plan.office = district.office;
        const auto plan_id = plans.create(plan, system_user_id, "Demo data / 示範資料");
        ProgrammeRepository programmes(db);
        Programme programme;
        programme.name = {"同行新路計劃", "Walking a New Road Together"};
        programme.organisation_id = organisations.find_by_name("河畔青少年綜合服務中心").value().id;
        programme.district_id = district_id;
        programme.period_start = "2023-04-01";
        programme.period_end = "2025-03-31";
        programme.objectives = {"提高青少年及家長對隱蔽吸毒的認識，及早識別高危青少年並提供輔導",
                                "Raise young people's and parents' awareness of hidden drug abuse, and identify and "
                                "counsel youth at risk early"};
        programme.areas = {"youth"};
        const auto programme_id = programmes.create(programme);
        import_indicator_csv(
            db, demo_indicators, actor, [](const Programme&) {}, false);
        // The programme serves the youth outreach focus point, which makes that objective measurable.
        programmes.link_focus_point(programme_id, plans.get(plan_id).section("youth")->focus_points.front().id);
        load_demo_meetings(db, plans.get(plan_id));
        // One entry for the whole demo: its district, organisations, plan, programme and meetings
        // are all the demo's own, made up together.
        record_audit(db, actor,
                     {"load demo data", "plan", std::to_string(plan_id),
                      changed_fields(nullptr, {{"district_id", district_id},
                                               {"plan_id", plan_id},
                                               {"programme_id", programme_id},
                                               {"source", "Demo data / 示範資料"}})});
        return DemoResult{plan_id, true};
    });
}

}  // namespace dplan
