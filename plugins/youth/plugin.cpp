// 青少年服務 — Youth services.
// Reaching hidden and at-risk youth, life planning with schools, and equipping parents and
// teachers.
#include <dplan/sdk/plugin.hpp>

namespace {

using namespace dplan::sdk;

constexpr const char* synonyms[] = {
    "青少年服務",
    "青年服務",
    "兒童及青少年服務",
    "Youth services",
    "Services for young people",
    "Children and youth services",
};

constexpr const char* partners[] = {sector::ngo, sector::education, sector::district_group, sector::resident,
                                    sector::health};

constexpr Indicator indicators[] = {
    {"YTH-01",
     output,
     {"外展接觸青少年人次", "Outreach contacts with young people"},
     "contacts",
     {"透過線上或線下外展接觸隱蔽及高危青少年的人次",
      "Contacts with hidden or at-risk young people through online or street outreach"},
     200},
    {"YTH-02",
     output,
     {"網上短文", "Online articles"},
     "posts",
     {"於社交媒體發佈的精神健康或成長短文數目", "Short articles on wellbeing or growing up posted on social media"},
     10},
    {"YTH-03",
     output,
     {"生涯規劃小組", "Life planning group sessions"},
     "sessions",
     {"與學校合辦的生涯規劃或朋輩支援小組節數", "Life planning or peer support group sessions run with schools"},
     20},
    {"YTH-04",
     output,
     {"家長及教師工作坊", "Workshops for parents and teachers"},
     "sessions",
     {"認識青少年網絡成癮等議題的工作坊節數", "Workshops on issues such as internet addiction in young people"},
     6},
    {"YTH-05",
     outcome,
     {"青少年社交參與增加", "Young people with more social participation"},
     "percent",
     {"服務後社交參與量表分數上升的青少年百分比",
      "Share of young people whose social participation score rises after the service"},
     60},
    {"YTH-06",
     outcome,
     {"參加者情緒健康改善", "Participants with better emotional wellbeing"},
     "percent",
     {"前後測顯示情緒健康改善的參加者百分比", "Share of participants whose wellbeing score improves"},
     70},
};

void schools_engaged(const Section& section, const Findings& findings) {
    rules::expect_partner(
        section, findings, sector::education, "youth-schools",
        {"未有工作計劃重點與學校或教育界合作", "No focus point works with schools or the education sector"});
}

constexpr Rule rules[] = {{"youth-schools", &schools_engaged}};

constexpr AreaPlugin youth{
    .id = "youth",
    .name = {"青少年服務", "Youth services"},
    .colour_rgba = 0xF1C232FF,
    .heading_synonyms = synonyms,
    .objective_guidance = {"說明希望青少年得到的成長，例如正面價值觀、生涯方向、情緒健康。",
                           "Say what growth is sought for young people, e.g. positive values, life "
                           "direction, emotional wellbeing."},
    .focus_point_guidance = {"寫明接觸手法（線上、線下外展）及與學校、家長的合作。",
                             "Name the outreach methods (online, offline) and the work with schools and "
                             "parents."},
    .typical_partners = partners,
    .indicators = indicators,
    .rules = rules,
    .panel_title = {"青少年服務", "Youth services"},
    .panel_items = standard_panel_items,
};

}  // namespace

DPLAN_AREA_PLUGIN(youth)
