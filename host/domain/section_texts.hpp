// The texts a plan section holds besides its focus points, as one table. Plan JSON, `plan show`,
// `plan edit`, the diff, the three-way merge and the dashboard's editor go through this table, so
// a new section text is a line here plus what cannot be generic: its storage and its place in the
// committee paper (docs/architecture.md, "Adding a field to a plan section").
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "domain/bilingual.hpp"
#include "domain/plan.hpp"

namespace dplan {

struct SectionText {
    std::string_view key;  // the JSON key, `plan edit --KEY` / `--KEY-en`, the merge item's name
    Bilingual label;       // as users read it: 工作目標 / Objective
    Bilingual PlanSection::*member;
    // The objective alone: kept in plan_sections' own columns, written into the paper by the
    // area's plugin (the SDK's report), required in plan JSON. Every other text is a row of
    // plan_section_texts, printed by the host above the plugin's text, optional in JSON.
    bool builtin = false;
};

inline const std::array section_texts{
    SectionText{"objective", {"工作目標", "Objective"}, &PlanSection::objective, true},
    SectionText{"district_needs", {"地區需要", "District needs"}, &PlanSection::district_needs},
};

// Where a section's text is, as the diff and merge conflicts name it: "family · 工作目標" /
// "family · objective".
inline Bilingual section_text_place(const std::string& area_id, const SectionText& text) {
    std::string en = text.label.en;
    if (!en.empty() && en[0] >= 'A' && en[0] <= 'Z') en[0] = static_cast<char>(en[0] - 'A' + 'a');
    return {area_id + " · " + text.label.zh, area_id + " · " + en};
}

}  // namespace dplan
