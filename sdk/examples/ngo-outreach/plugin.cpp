// 社區藥物濫用者外展服務 — an NGO's community drug-abuser outreach line.
// Its own section reports outreach, counselling and family support; it also reviews the youth
// and rehabilitation sections, where hidden drug misuse is usually first seen.
#include <dplan/sdk/plugin.hpp>

namespace {

using namespace dplan::sdk;

constexpr const char* synonyms[] = {"社區藥物濫用者外展服務", "藥物濫用者外展", "禁毒外展",
                                    "Community outreach for people who misuse drugs", "Drug outreach"};

constexpr const char* partners[] = {sector::ngo, sector::health, sector::education, sector::government};

constexpr Indicator indicators[] = {
    {"DRG-01",
     output,
     {"外展接觸人次", "Outreach contacts"},
     "contacts",
     {"外展社工於街頭、網上或熱點接觸懷疑濫藥人士的人次",
      "Contacts by outreach workers with people suspected of misusing drugs, on the street, online or at hot spots"},
     600},
    {"DRG-02",
     output,
     {"臨床心理學家面談", "Clinical psychologist sessions"},
     "sessions",
     {"由臨床心理學家提供的評估及輔導面談節數", "Assessment and counselling sessions given by a clinical psychologist"},
     120},
    {"DRG-03",
     output,
     {"戒毒動機活動", "Motivation activities"},
     "activities",
     {"提升戒毒及求助動機的小組或活動數目",
      "Groups or activities that build motivation to stop using and to seek help"},
     24},
    {"DRG-04",
     output,
     {"家屬支援小組節數", "Family support group sessions"},
     "sessions",
     {"為濫藥人士家屬舉辦的支援小組節數", "Support group sessions for the families of people who misuse drugs"},
     20},
    {"DRG-05",
     outcome,
     {"服務使用者減少或停止濫藥", "Service users who reduce or stop drug use"},
     "percent",
     {"接受服務六個月後自報及尿液測試顯示減少或停止濫藥的百分比",
      "Share of service users whose self-report and urine tests show reduced or no drug use after six months"},
     60},
    {"DRG-06",
     outcome,
     {"家屬照顧壓力減輕", "Families with less caring stress"},
     "percent",
     {"參加支援小組後壓力量表分數下降的家屬百分比", "Share of family members whose stress score falls after the group"},
     70},
};

// Drug misuse among hidden youth is easy to miss; a youth section that reaches hidden youth
// without saying how drug misuse is picked up is worth a second look.
void youth_hidden_drug_use(const Section& section, const Findings& findings) {
    if (section.area_id() != "youth") return;
    if (section.any_mentions({"隱蔽", "高危", "hidden", "at-risk"}) &&
        !section.any_mentions({"藥物", "毒品", "濫藥", "drug", "substance"})) {
        findings.note("drug-outreach-youth",
                      {"青少年部分有接觸隱蔽及高危青少年，但未有提及識別濫藥；可考慮與禁毒外展服務合作",
                       "The youth section reaches hidden and at-risk youth but does not say how drug misuse "
                       "is picked up; consider working with a drug outreach service"});
    }
}

// Recovery from drug misuse is part of rehabilitation; a section without a health partner
// leaves no route to treatment.
void rehabilitation_treatment_route(const Section& section, const Findings& findings) {
    if (section.area_id() == "rehabilitation" && !section.any_partner(sector::health)) {
        findings.note("drug-outreach-treatment-route",
                      {"康復部分未有醫護界夥伴，濫藥者難以轉介接受治療",
                       "The rehabilitation section has no health partner, so people who misuse drugs have "
                       "no route to treatment"});
    }
}

constexpr const char* reviewed[] = {"youth", "rehabilitation"};
constexpr Rule review_rules[] = {{"drug-outreach-youth", &youth_hidden_drug_use},
                                 {"drug-outreach-treatment-route", &rehabilitation_treatment_route}};

constexpr AreaPlugin drug_outreach{
    .id = "drug_outreach",
    .name = {"社區藥物濫用者外展服務", "Community outreach for people who misuse drugs"},
    .colour_rgba = 0xC27BA0FF,
    .heading_synonyms = synonyms,
    .objective_guidance = {"說明如何及早接觸濫藥人士並支援其家人。",
                           "Say how people who misuse drugs will be reached early and their families supported."},
    .focus_point_guidance = {"寫明外展手法、臨床心理服務及家屬支援，以及合作的醫護和學校夥伴。",
                             "Name the outreach methods, clinical psychology and family support, and the health "
                             "and school partners."},
    .typical_partners = partners,
    .indicators = indicators,
    .rules = {},
    .reviews_areas = reviewed,
    .review_rules = review_rules,
    .panel_title = {"禁毒外展", "Drug outreach"},
    .panel_items = standard_panel_items,
};

}  // namespace

DPLAN_AREA_PLUGIN(drug_outreach)
