// 康復服務 — Rehabilitation services.
// Inclusion through work (with employers) and through public understanding of mental health.
#include <dplan/sdk/plugin.hpp>

namespace {

using namespace dplan::sdk;

constexpr const char* synonyms[] = {
    "康復服務",       "復康服務",
    "殘疾人士服務",   "Rehabilitation services",
    "Rehabilitation", "Services for persons with disabilities",
};

constexpr const char* partners[] = {sector::ngo, sector::business, sector::health, sector::government};

constexpr Indicator indicators[] = {
    {"REH-01",
     output,
     {"職位配對", "Job matching placements"},
     "placements",
     {"殘疾人士或精神病康復者經配對獲聘的職位數目",
      "Jobs taken up by persons with disabilities or in mental recovery through matching"},
     30},
    {"REH-02",
     output,
     {"在職培訓名額", "On-the-job training places"},
     "placements",
     {"由僱主提供的在職培訓名額", "On-the-job training places offered by employers"},
     40},
    {"REH-03",
     output,
     {"精神健康公眾教育活動", "Mental health public education activities"},
     "activities",
     {"於社區舉辦、提升精神健康認識的活動數目", "Community activities that raise understanding of mental health"},
     8},
    {"REH-04",
     output,
     {"公眾教育出席人次", "Attendances at public education"},
     "attendances",
     {"精神健康公眾教育活動的出席人次", "Attendances at mental health public education activities"},
     800},
    {"REH-05",
     outcome,
     {"受訓者六個月後仍在職", "Trainees still employed after six months"},
     "percent",
     {"完成在職培訓六個月後仍然受僱的百分比", "Share of trainees still employed six months after training"},
     60},
    {"REH-06",
     outcome,
     {"對精神病康復者的接納度提升", "Greater acceptance of persons in mental recovery"},
     "percent",
     {"活動前後問卷顯示接納度提升的參加者百分比",
      "Share of participants whose acceptance score rises between the before and after surveys"},
     70},
};

// Employment focus points need employers at the table.
void employment_needs_business(const Section& section, const Findings& findings) {
    for (std::size_t i = 0; i < section.focus_point_count(); ++i) {
        const FocusPoint point = section.focus_point(i);
        if (point.mentions({"就業", "職位", "在職", "job", "employment", "Job"}) &&
            !point.has_partner(sector::business)) {
            findings.warning(
                "rehab-employment-business",
                {"涉及就業的工作計劃重點未有商界參與", "A focus point about employment names no business partner"},
                static_cast<std::int64_t>(i));
        }
    }
}

constexpr Rule rules[] = {{"rehab-employment-business", &employment_needs_business}};

constexpr AreaPlugin rehabilitation{
    .id = "rehabilitation",
    .name = {"康復服務", "Rehabilitation services"},
    .colour_rgba = 0x6AA84FFF,
    .heading_synonyms = synonyms,
    .objective_guidance = {"說明如何促進殘疾人士及精神病康復者融入社區，例如就業及社區接納。",
                           "Say how persons with disabilities and in mental recovery will take part in "
                           "community life, e.g. through work and community acceptance."},
    .focus_point_guidance = {"就業相關重點應寫明合作僱主或商界夥伴；公眾教育重點應寫明對象。",
                             "Employment points name the employers or business partners; public "
                             "education points name their audience."},
    .typical_partners = partners,
    .indicators = indicators,
    .rules = rules,
    .panel_title = {"康復服務", "Rehabilitation services"},
    .panel_items = standard_panel_items,
};

}  // namespace

DPLAN_AREA_PLUGIN(rehabilitation)
