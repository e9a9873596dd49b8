// 義工服務 — Volunteer services.
// A lasting volunteer network: companies and professionals, intergenerational teams, and
// recognising those who keep serving.
#include <dplan/sdk/plugin.hpp>

namespace {

using namespace dplan::sdk;

constexpr const char* synonyms[] = {
    "義工服務", "義務工作", "義工發展", "Volunteer services", "Volunteering", "Volunteer development",
};

constexpr const char* partners[] = {sector::business, sector::ngo, sector::district_group, sector::resident,
                                    sector::education};

constexpr Indicator indicators[] = {
    {"VOL-01",
     output,
     {"新登記義工", "Newly registered volunteers"},
     "persons",
     {"本年度新登記的義工人數", "Volunteers newly registered this year"},
     300},
    {"VOL-02",
     output,
     {"義工服務時數", "Volunteer service hours"},
     "hours",
     {"所有義工服務時數總和", "Total hours of volunteer service"},
     20000},
    {"VOL-03",
     output,
     {"跨代義工隊", "Intergenerational volunteer teams"},
     "groups",
     {"由長者及青少年共同組成的義工隊數目", "Volunteer teams made up of elders and young people together"},
     5},
    {"VOL-04",
     output,
     {"企業義工參與人次", "Corporate volunteer attendances"},
     "attendances",
     {"企業及專業人士參與義務工作的人次", "Attendances of company staff and professionals at volunteer work"},
     400},
    {"VOL-05",
     outcome,
     {"義工持續服務一年", "Volunteers still serving after a year"},
     "percent",
     {"登記一年後仍有參與服務的義工百分比", "Share of volunteers still serving a year after registering"},
     60},
    {"VOL-06",
     outcome,
     {"義工社區歸屬感提升", "Volunteers with a stronger sense of belonging"},
     "percent",
     {"問卷顯示對社區歸屬感提升的義工百分比", "Share of volunteers reporting a stronger sense of belonging"},
     75},
};

void business_engaged(const Section& section, const Findings& findings) {
    rules::expect_partner(section, findings, sector::business, "volunteer-business",
                          {"未有工作計劃重點與商界合作，企業義工是重要的義工來源",
                           "No focus point works with business, a major source of volunteers"});
}

// Volunteers stay when their service is recognised.
void recognition(const Section& section, const Findings& findings) {
    if (section.focus_point_count() > 0 && !section.any_mentions({"嘉許", "表揚", "recognition", "Recognition"})) {
        findings.note("volunteer-recognition",
                      {"未有工作計劃重點提及嘉許義工", "No focus point mentions recognising volunteers"});
    }
}

constexpr Rule rules[] = {{"volunteer-business", &business_engaged}, {"volunteer-recognition", &recognition}};

constexpr AreaPlugin volunteer{
    .id = "volunteer",
    .name = {"義工服務", "Volunteer services"},
    .colour_rgba = 0x8E7CC3FF,
    .heading_synonyms = synonyms,
    .objective_guidance = {"說明如何凝聚及維持義工網絡，例如吸納企業義工、發展跨代義工。",
                           "Say how the volunteer network will grow and last, e.g. corporate "
                           "volunteers, intergenerational teams."},
    .focus_point_guidance = {"寫明招募對象、服務形式及嘉許安排。",
                             "Name who is recruited, how they serve, and how they are recognised."},
    .typical_partners = partners,
    .indicators = indicators,
    .rules = rules,
    .panel_title = {"義工服務", "Volunteer services"},
    .panel_items = standard_panel_items,
};

}  // namespace

DPLAN_AREA_PLUGIN(volunteer)
