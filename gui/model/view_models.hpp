// What each screen shows for a snapshot, computed without a window so it can be tested: the
// overview's area cards, the programme table's sorting and filtering, meetings split into
// upcoming and past, review threads, and the text the font atlas must cover.
#pragma once

#include <string>
#include <vector>

#include "snapshot.hpp"
#include "strings.hpp"

namespace dplan::gui {

struct AreaCard {
    AreaInfo area;
    Bilingual objective;
    std::size_t focus_points = 0;
    std::size_t sectors_engaged = 0;
    int errors = 0, warnings = 0, notes = 0;
    std::vector<IndicatorBar> bars;
};

std::vector<AreaCard> overview_cards(const Snapshot& snapshot);

enum class ProgrammeColumn { name, met, below, not_applicable, not_reported, mean };

// Rows whose label contains `filter` (either language, case-insensitive for ASCII), sorted.
std::vector<const AchievementGroup*> programme_rows(const Snapshot& snapshot, const std::string& filter,
                                                    ProgrammeColumn column, bool ascending);

struct MeetingLists {
    std::vector<const MeetingRecord*> upcoming;  // soonest first
    std::vector<const MeetingRecord*> past;      // latest first
    std::size_t overdue_actions = 0;
};

MeetingLists split_meetings(const Snapshot& snapshot, const std::string& today);

struct ReviewThread {
    const ReviewComment* root = nullptr;
    std::vector<const ReviewComment*> responses;
    bool resolved = false;
};

// Threads pinned to `area_id` (empty: the whole plan), oldest first.
std::vector<ReviewThread> review_threads(const Snapshot& snapshot, const std::string& area_id);

// Every piece of text a frame may draw, for building the glyph atlas.
std::string text_to_render(const Snapshot& snapshot);

}  // namespace dplan::gui
