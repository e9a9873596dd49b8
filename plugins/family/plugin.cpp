// 家庭及兒童福利服務 — Family and child welfare services.
// Early identification rests on referrals from schools, clinics and estate offices; parenting
// and child protection training are the usual levers.
#include <dplan/sdk/plugin.hpp>

namespace {

using namespace dplan::sdk;

constexpr const char* synonyms[] = {
    "家庭及兒童福利服務",       "家庭及兒童福利",  "家庭服務", "兒童福利服務", "Family and child welfare services",
    "Family and child welfare", "Family services",
};

constexpr const char* partners[] = {sector::ngo, sector::education, sector::health, sector::district_group,
                                    sector::government};

constexpr Indicator indicators[] = {
    {"FAM-01",
     output,
     {"親職教育講座", "Parent education talks"},
     "sessions",
     {"為區內家長舉辦的親職教育講座或工作坊節數", "Talks or workshops on parenting held for parents in the district"},
     12},
    {"FAM-02",
     output,
     {"親職教育出席人次", "Attendances at parent education"},
     "attendances",
     {"所有親職教育活動的出席人次總和", "Total attendances across all parent education activities"},
     300},
    {"FAM-03",
     output,
     {"經轉介網絡轉介的家庭", "Families referred through the referral network"},
     "households",
     {"由學校、診所或屋邨管理處轉介並獲接觸的家庭數目",
      "Families referred by schools, clinics or estate offices and contacted by a service unit"},
     40},
    {"FAM-04",
     output,
     {"前線同工識別虐兒及家暴培訓", "Child protection training for frontline workers"},
     "sessions",
     {"為前線同工舉辦、以識別虐兒及家暴個案為主題的培訓節數",
      "Training sessions for frontline workers on recognising child abuse and domestic violence"},
     6},
    {"FAM-05",
     outcome,
     {"家長管教信心提升", "Parents more confident in parenting"},
     "percent",
     {"完成親職教育後，自評管教信心有所提升的家長百分比",
      "Share of parents who rate their parenting confidence higher after the programme"},
     70},
    {"FAM-06",
     outcome,
     {"危機家庭三個月內獲支援", "Families in crisis supported within three months"},
     "percent",
     {"被識別為危機家庭後三個月內開始接受服務的百分比",
      "Share of families identified as in crisis who start receiving a service within three months"},
     80},
};

// Early identification works only when schools or clinics refer families.
void referral_partners(const Section& section, const Findings& findings) {
    if (section.focus_point_count() > 0 && !section.any_partner(sector::education) &&
        !section.any_partner(sector::health)) {
        findings.warning("family-referral-partners",
                         {"未有工作計劃重點與學校或醫護界合作；及早識別危機家庭有賴兩者轉介",
                          "No focus point works with schools or the health sector, which most early "
                          "referrals of families in crisis come from"});
    }
}

constexpr Rule rules[] = {{"family-referral-partners", &referral_partners}};

constexpr AreaPlugin family{
    .id = "family",
    .name = {"家庭及兒童福利服務", "Family and child welfare services"},
    .colour_rgba = 0xE07A5FFF,
    .heading_synonyms = synonyms,
    .objective_guidance = {"以一句說明本年度希望家庭及兒童得到的改變，例如鞏固家庭抗逆力、及早支援危機家庭。",
                           "State in one sentence the change sought for families and children this year, "
                           "e.g. stronger family resilience, earlier support for families in crisis."},
    .focus_point_guidance = {"每項重點寫明做法及合作界別，例如與學校、診所建立轉介網絡。",
                             "Each focus point says what will be done and with which sectors, e.g. a "
                             "referral network with schools and clinics."},
    .typical_partners = partners,
    .indicators = indicators,
    .rules = rules,
    .panel_title = {"家庭及兒童福利服務", "Family and child welfare"},
    .panel_items = standard_panel_items,
};

}  // namespace

DPLAN_AREA_PLUGIN(family)
