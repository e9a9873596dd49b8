// A three-way merge of a plan: the revision an editor started from (base), what they made of it
// (mine) and what was stored meanwhile (theirs). The dashboard uses it when a save is refused as
// stale, the CLI to say which items a stale edit would conflict on; the collaboration server will
// use the same code.
//
// Rules, item by item, so that nobody's change is dropped without being shown:
// - Text is merged per field and per language (theme, purpose, advice sought, paper number, each
//   section's texts (section_texts.hpp: objective, ...), each focus point's text): a side that changed it wins; both
//   changed it to the same text is no conflict; both changed it differently is a conflict.
// - Partner sectors are a set: additions and removals from both sides are all kept.
// - Focus points are matched by id (new ones have id 0 and come only from their own side). A point
//   removed on one side and edited (text or partners) on the other is a conflict; removed on one
//   side and only moved, or left alone, on the other is removed.
// - Order: every pair of points whose order either side swapped keeps the swapped order; new
//   points follow the point they followed on their side. When the swaps of both sides cannot all
//   hold at once, the section's order is a conflict.
// - Sections are matched by area; one removed on one side and changed on the other is a conflict.
// A conflict is settled by a resolution (either side's value, or the user's own text for text
// items); until then the merged plan holds theirs, the stored value. The merged plan carries
// theirs' version and status, so it can be saved against the latest version.
#pragma once

#include <compare>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/bilingual.hpp"
#include "domain/plan.hpp"

namespace dplan {

enum class MergeField {
    paper_no,
    theme,
    purpose,
    advice_sought,
    council,  // the letterhead: council, committee and office
    committee,
    office,
    section_text,       // of the section `area_id`: the section_texts entry `text_key` (objective, ...)
    focus_point_text,   // of the point `focus_point_id`
    focus_point,        // the point as a whole: removed on one side, changed on the other
    focus_point_order,  // the order of the section's points
    section,            // the section as a whole: removed on one side, changed on the other
};

// Which item of the plan: the field, and where it applies, the section, focus point and language.
struct MergeItem {
    MergeField field = MergeField::theme;
    std::string area_id;
    std::int64_t focus_point_id = 0;
    Language language = Language::zh;  // text fields only
    std::string text_key;              // section_text only

    auto operator<=>(const MergeItem&) const = default;
};

// True for the items a user can settle by writing their own text.
bool is_text_item(const MergeItem& item);

// One side's value of a conflicting item, as a user reads it. `present` is false where that side
// removed the item. Text items show the text itself in both languages.
struct MergeValue {
    bool present = true;
    Bilingual shown;

    bool operator==(const MergeValue&) const = default;
};

struct MergeConflict {
    MergeItem item;
    Bilingual where;  // "family · objective (English)"
    MergeValue base, mine, theirs;
};

enum class MergeSide { mine, theirs };

// How a user settled a conflict: one side's value, or, for text items, their own text.
struct MergeResolution {
    MergeSide side = MergeSide::theirs;
    std::optional<std::string> text;

    bool operator==(const MergeResolution&) const = default;
};

using MergeResolutions = std::map<MergeItem, MergeResolution>;

struct PlanMerge {
    Plan plan;
    std::vector<MergeConflict> conflicts;  // every conflict, settled by `resolutions` or not
};

PlanMerge merge_plans(const Plan& base, const Plan& mine, const Plan& theirs, const MergeResolutions& resolutions = {});

// For a refused save: a heading, then each conflict on its own line with base, mine and theirs.
Bilingual describe_conflicts(const std::vector<MergeConflict>& conflicts);

}  // namespace dplan
