// Turns `plan edit` options (AREA=TEXT, POINT_ID=ngo,health, ...) into changes to a plan, and
// explains a stale edit.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "domain/error.hpp"
#include "domain/plan.hpp"

namespace dplan::cli {

struct PlanEdits {
    std::string theme_zh, theme_en, purpose_zh, purpose_en, advice_zh, advice_en, paper_no;
    std::string council_zh, council_en, committee_zh, committee_en, office_zh, office_en;  // the letterhead
    // By section_texts' key ("objective"): AREA=TEXT, from --KEY (Chinese) and --KEY-en.
    std::map<std::string, std::vector<std::string>, std::less<>> section_text_zh, section_text_en;
    std::vector<std::string> add_point;           // AREA=TEXT (Chinese)
    std::vector<std::string> point_zh, point_en;  // POINT_ID=TEXT
    std::vector<std::string> partners;            // POINT_ID=ngo,health ("" clears)
    std::vector<std::string> remove_point;        // POINT_ID
    std::vector<std::string> move_point;          // POINT_ID=POSITION (1-based)

    bool empty() const;
};

// Throws InvalidInput naming the option and value that do not fit the plan.
void apply_edits(Plan& plan, const PlanEdits& edits);

// A save refused as stale, told in full: the refusal, then the items the edit would conflict on,
// found by merging the edit made on `seen` (the revision the user edited) with `latest`; or, when
// nothing conflicts, that the same command with the latest --version will do.
Conflict explain_stale_edit(const Conflict& refused, const Plan& seen, const PlanEdits& edits, const Plan& latest);

}  // namespace dplan::cli
