// How a plan section reads in a committee paper: the labels and punctuation that
// `standard_report` writes and the host's paper import reads back. They are defined once, here, so
// a paper District Planner prints always imports again, whoever wrote the section's text.
#pragma once

#include <string_view>

#include "dplan/sdk/report.h"

namespace dplan::sdk::paper {

struct Label {
    std::string_view zh, en;
    constexpr std::string_view in(dplan_language language) const { return language == DPLAN_LANGUAGE_ZH ? zh : en; }
};

inline constexpr Label objective{"工作目標", "Objective"};
inline constexpr Label focus_points{"工作計劃重點", "Focus points"};
// What follows a label on its line: "工作目標：…" / "Objective: …".
inline constexpr Label label_colon{"：", ": "};
// A focus point is one bullet line.
inline constexpr std::string_view bullet = "• ";

// The partner sectors closing a focus point: "…。（合作界別：醫護界、教育界）" / "… (Partners: Health, Education)".
struct PartnerList {
    std::string_view open, separator, close;
};
inline constexpr PartnerList partners_zh{"（合作界別：", "、", "）"};
inline constexpr PartnerList partners_en{" (Partners: ", ", ", ")"};
constexpr const PartnerList& partners(dplan_language language) {
    return language == DPLAN_LANGUAGE_ZH ? partners_zh : partners_en;
}

}  // namespace dplan::sdk::paper
