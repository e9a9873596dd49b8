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

// How a result reads, the same on every screen: an output as a share of its target ("130%"), an
// outcome as the rate achieved against the target rate ("58.3% against a target of 60%"). Empty
// when nothing is reported; "n/a" for an output with a zero target.
Bilingual achievement_text(bool outcome, std::optional<double> actual, std::optional<double> target);
Bilingual achievement_text(const Indicator& indicator);
Bilingual achievement_text(const IndicatorBar& bar);
Bilingual achievement_text(const ShortfallRow& row);

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

// What lies behind one cell of the cross-sector matrix, for the list a click on it opens.
struct MatrixCellDetail {
    std::vector<Bilingual> focus_points;  // "2. ..." of the area's focus points naming the sector as a partner
    struct Person {
        Bilingual name;
        Bilingual meeting;  // the meeting they were present at
    };
    std::vector<Person> present;  // people of the sector present at the plan's meetings on the area
    int programmes = 0;           // programmes on the area run by organisations of the sector
};

// Counted as services/collaboration counts the matrix: a meeting whose agenda names no area is on every area.
MatrixCellDetail matrix_cell_detail(const Snapshot& snapshot, std::size_t area_index, Sector sector);

// The trends view: how the selected district did, area by area, year after year.
struct TrendPoint {
    std::string financial_year;
    int programmes = 0;                         // 0: the area ran no programme that year
    std::optional<double> mean_output_percent;  // mean of outputs' share of their target
    int outcomes_met = 0, outcomes_reported = 0;
};

struct AreaTrend {
    AreaInfo area;
    std::vector<TrendPoint> years;  // every year the district reported in, oldest first
};

// The financial years the district reported in, oldest first.
std::vector<std::string> trend_years(const Snapshot& snapshot);
// One trend per loaded service area (standard order), then any other area the programmes serve.
std::vector<AreaTrend> area_trends(const Snapshot& snapshot);

// One programme across its readings: an output's share of its target as its readings add up, an
// outcome's rate at each reading. Superseded readings (corrected since) are left out.
struct ReadingPoint {
    std::string period_end;
    double value = 0;
};

struct IndicatorTrend {
    std::string code;
    Bilingual description;
    bool outcome = false;
    // Outcomes: the target rate; outputs: the target count. Empty: not stated.
    std::optional<double> target;
    std::vector<ReadingPoint> points;  // by period end; outputs without a target above zero have none
};

std::vector<IndicatorTrend> programme_trends(const Snapshot& snapshot);

// Every piece of text a frame may draw, for building the glyph atlas.
std::string text_to_render(const Snapshot& snapshot);

}  // namespace dplan::gui
