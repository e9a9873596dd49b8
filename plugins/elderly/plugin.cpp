// 安老服務 — Elderly services.
// Ageing in place: visits and health checks with the health sector, gerontechnology, and
// support for the carers who make living at home possible.
#include <dplan/sdk/plugin.hpp>

namespace {

using namespace dplan::sdk;

constexpr const char* synonyms[] = {
    "安老服務", "長者服務", "安老", "Elderly services", "Services for elders", "Elderly care services",
};

constexpr const char* partners[] = {sector::ngo, sector::health, sector::district_group, sector::resident,
                                    sector::business};

constexpr Indicator indicators[] = {
    {"ELD-01",
     output,
     {"探訪獨居及雙老長者", "Visits to elders living alone or in elderly couples"},
     "visits",
     {"義工或職員上門探訪獨居及雙老長者的次數",
      "Home visits by volunteers or staff to elders living alone or in elderly couples"},
     500},
    {"ELD-02",
     output,
     {"長者健康檢查", "Elders given health checks"},
     "persons",
     {"於社區接受基本健康檢查的長者人數", "Elders who received a basic health check in the community"},
     200},
    {"ELD-03",
     output,
     {"樂齡科技工作坊", "Gerontechnology workshops"},
     "sessions",
     {"教授長者使用視像通話、網上預約等科技的工作坊節數",
      "Workshops teaching elders video calls, online booking and similar technology"},
     10},
    {"ELD-04",
     output,
     {"護老者支援小組", "Carer support group sessions"},
     "sessions",
     {"為護老者舉辦的支援小組及喘息活動節數", "Support group and respite sessions held for carers"},
     16},
    {"ELD-05",
     outcome,
     {"護老者照顧壓力減輕", "Carers with less caring stress"},
     "percent",
     {"參加支援後照顧壓力量表分數下降的護老者百分比",
      "Share of carers whose caring-stress score falls after taking part"},
     70},
    {"ELD-06",
     outcome,
     {"長者能自行使用網上服務", "Elders using online services on their own"},
     "percent",
     {"完成工作坊後能獨立完成一次網上預約的長者百分比",
      "Share of elders who complete an online booking unaided after the workshops"},
     60},
};

// Most elders who age in place rely on a family carer; plans that forget carers fall short.
void carer_support(const Section& section, const Findings& findings) {
    if (section.focus_point_count() > 0 && !section.any_mentions({"護老者", "照顧者", "carer", "Carer"})) {
        findings.note("elderly-carer-support",
                      {"未有工作計劃重點提及支援護老者", "No focus point mentions support for carers"});
    }
}

void health_partner(const Section& section, const Findings& findings) {
    rules::expect_partner(section, findings, sector::health, "elderly-health-partner",
                          {"未有工作計劃重點與醫護界合作", "No focus point works with the health sector"});
}

constexpr Rule rules[] = {{"elderly-carer-support", &carer_support}, {"elderly-health-partner", &health_partner}};

constexpr AreaPlugin elderly{
    .id = "elderly",
    .name = {"安老服務", "Elderly services"},
    .colour_rgba = 0x3D85C6FF,
    .heading_synonyms = synonyms,
    .objective_guidance = {"說明如何支援長者居家安老及積極生活，並顧及其照顧者。",
                           "Say how elders will be supported to age in place and live actively, "
                           "including their carers."},
    .focus_point_guidance = {"寫明服務對象（如獨居、雙老長者、護老者）及合作的醫護或地區夥伴。",
                             "Name who is served (elders living alone, elderly couples, carers) and the "
                             "health or district partners."},
    .typical_partners = partners,
    .indicators = indicators,
    .rules = rules,
    .panel_title = {"安老服務", "Elderly services"},
    .panel_items = standard_panel_items,
};

}  // namespace

DPLAN_AREA_PLUGIN(elderly)
