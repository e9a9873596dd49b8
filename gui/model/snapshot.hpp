// Everything the dashboard's screens show for one selection (district, plan, filters), loaded in
// one go by a DashboardClient. Screens only read snapshots; they never query the database, so a
// frame costs the same whatever the data's size and a remote client can fill the same structure.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/achievement_summary.hpp"
#include "domain/district.hpp"
#include "domain/meeting.hpp"
#include "domain/plan.hpp"
#include "domain/programme.hpp"
#include "domain/review.hpp"
#include "domain/user.hpp"
#include "plugins/contributions.hpp"
#include "services/collaboration.hpp"
#include "services/panel_metrics.hpp"
#include "services/plan_diff.hpp"

namespace dplan::gui {

struct Selection {
    std::optional<std::int64_t> district_id;
    std::optional<std::int64_t> plan_id;
    std::optional<std::int64_t> programme_id;  // the programme whose indicators are shown
    bool all_programmes = false;               // the table: every district and year, not the plan's
    bool operator==(const Selection&) const = default;
};

struct AreaInfo {
    std::string id;
    Bilingual name;
    std::uint32_t colour_rgba = 0;
};

struct PluginStatus {
    std::string id;
    std::string version;
    Bilingual name;
    bool loaded = false;
    Bilingual reason;  // why it was refused
};

// An indicator of a programme serving the plan, for the overview's bar charts.
struct IndicatorBar {
    std::string area_id;
    Bilingual
        label;  // "同行新路計劃 1A-a" / "Walking Together 1A-a"; English empty when the programme has no English name
    // Outputs: actual / target × 100, drawn against the 100% line. Outcomes: the achieved rate itself,
    // drawn against a mark at the target rate.
    std::optional<double> percent;
    bool outcome = false;
    std::optional<double> actual;
    std::optional<double> target;  // empty: not stated
    bool met = false;
};

// One area's achievement in one financial year of the selected district, for the trends view.
struct AreaYear {
    std::string area_id;
    std::string financial_year;
    AchievementGroup achieved;
};

// An indicator of the chosen programme with every reading reported for it, for the trends view.
struct IndicatorReadings {
    Indicator indicator;
    std::vector<Reading> readings;
};

struct Snapshot {
    Selection selection;
    User actor;
    std::string source;  // the database URL without password
    std::vector<District> districts;
    std::vector<PlanSummary> plans;  // of the selected district
    std::optional<Plan> plan;
    std::optional<Bilingual> edit_refused;  // why this user may not edit the plan, in the service's words
    std::vector<plugins::Finding> findings;
    std::vector<PlanRevision> revisions;
    std::vector<PlanChange> latest_changes;  // the last revision against the one before
    std::vector<ReviewComment> comments;
    std::vector<Decision> decisions;
    std::vector<AreaInfo> areas;  // loaded service areas, standard order
    std::vector<RenderedPanel> panels;
    std::vector<IndicatorBar> bars;
    std::vector<AchievementGroup> programmes;     // achievement per programme for the filters
    std::vector<Indicator> programme_indicators;  // of selection.programme_id
    std::vector<ShortfallRow> shortfalls;
    std::vector<AreaYear> area_years;                   // the selected district, every year it reported in
    std::vector<IndicatorReadings> programme_readings;  // of selection.programme_id
    std::optional<CollaborationMatrix> matrix;
    std::vector<MeetingRecord> meetings;
    std::vector<PluginStatus> plugins;
    std::string change_stamp;
};

}  // namespace dplan::gui
