#include "view_models.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>

#include "domain/section_texts.hpp"

namespace dplan::gui {

std::vector<AreaCard> overview_cards(const Snapshot& snapshot) {
    std::vector<AreaCard> cards;
    if (!snapshot.plan) return cards;
    for (const auto& section : snapshot.plan->sections) {
        AreaCard card;
        card.area = {section.area_id, {section.area_id, section.area_id}, 0x808080ffu};
        for (const auto& area : snapshot.areas) {
            if (area.id == section.area_id) card.area = area;
        }
        card.objective = section.objective;
        card.focus_points = section.focus_points.size();
        std::set<Sector> sectors;
        for (const auto& point : section.focus_points) sectors.insert(point.partners.begin(), point.partners.end());
        card.sectors_engaged = sectors.size();
        for (const auto& finding : snapshot.findings) {
            if (finding.area_id != section.area_id) continue;
            if (finding.severity == plugins::Severity::error)
                ++card.errors;
            else if (finding.severity == plugins::Severity::warning)
                ++card.warnings;
            else
                ++card.notes;
        }
        for (const auto& bar : snapshot.bars) {
            if (bar.area_id == section.area_id) card.bars.push_back(bar);
        }
        cards.push_back(std::move(card));
    }
    return cards;
}

Bilingual achievement_text(bool outcome, std::optional<double> actual, std::optional<double> target) {
    if (!actual) return {};
    if (!target) return {"目標未訂明", "target not stated"};
    if (outcome) return outcome_against_target(*actual, *target);
    if (*target <= 0) return {"不適用", "n/a"};
    const std::string percent = format_percent(*actual / *target * 100.0);
    return {percent, percent};
}

Bilingual achievement_text(const Indicator& indicator) {
    return achievement_text(indicator.kind == IndicatorKind::outcome, indicator.actual, indicator.target);
}

Bilingual achievement_text(const IndicatorBar& bar) { return achievement_text(bar.outcome, bar.actual, bar.target); }

Bilingual achievement_text(const ShortfallRow& row) { return achievement_text(row.outcome, row.actual, row.target); }

namespace {
std::string lower(std::string text) {
    for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}
}  // namespace

std::vector<const AchievementGroup*> programme_rows(const Snapshot& snapshot, const std::string& filter,
                                                    ProgrammeColumn column, bool ascending) {
    std::vector<const AchievementGroup*> rows;
    const std::string needle = lower(filter);
    for (const auto& row : snapshot.programmes) {
        if (needle.empty() || lower(row.label.zh).find(needle) != std::string::npos ||
            lower(row.label.en).find(needle) != std::string::npos) {
            rows.push_back(&row);
        }
    }
    auto key = [column](const AchievementGroup* row) -> double {
        switch (column) {
            case ProgrammeColumn::met:
                return row->met;
            case ProgrammeColumn::below:
                return row->below;
            case ProgrammeColumn::not_applicable:
                return row->not_applicable;
            case ProgrammeColumn::not_reported:
                return row->not_reported;
            case ProgrammeColumn::mean:
                return row->mean_output_percent.value_or(-1);
            case ProgrammeColumn::name:
                break;
        }
        return 0;
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const AchievementGroup* a, const AchievementGroup* b) {
        if (column == ProgrammeColumn::name) return ascending ? a->label.zh < b->label.zh : a->label.zh > b->label.zh;
        return ascending ? key(a) < key(b) : key(a) > key(b);
    });
    return rows;
}

MeetingLists split_meetings(const Snapshot& snapshot, const std::string& today) {
    MeetingLists lists;
    for (const auto& detail : snapshot.meetings) {
        (detail.meeting.starts_at.substr(0, 10) >= today ? lists.upcoming : lists.past).push_back(&detail);
        for (const auto& action : detail.actions) lists.overdue_actions += action.overdue(today) ? 1 : 0;
    }
    std::reverse(lists.past.begin(), lists.past.end());
    return lists;
}

std::vector<ReviewThread> review_threads(const Snapshot& snapshot, const std::string& area_id) {
    std::vector<ReviewThread> threads;
    for (const auto& comment : snapshot.comments) {
        if (comment.parent_id) continue;
        if (comment.area_id.value_or("") != area_id) continue;
        ReviewThread thread{&comment, {}, false};
        for (const auto& response : snapshot.comments) {
            if (response.parent_id != comment.id) continue;
            thread.responses.push_back(&response);
            thread.resolved = thread.resolved || response.kind == CommentKind::resolution;
        }
        threads.push_back(std::move(thread));
    }
    return threads;
}

namespace {

// Whether the meeting's agenda discusses the area (by the area or one of its focus points), or names no area at all.
bool meeting_on_area(const Meeting& meeting, const Plan& plan, const std::string& area_id) {
    bool names_any = false;
    for (const auto& item : meeting.agenda) {
        for (const auto& section : plan.sections) {
            const bool on_section =
                item.area_id == section.area_id ||
                (item.focus_point_id && std::any_of(section.focus_points.begin(), section.focus_points.end(),
                                                    [&](const FocusPoint& p) { return p.id == *item.focus_point_id; }));
            if (!on_section) continue;
            names_any = true;
            if (section.area_id == area_id) return true;
        }
    }
    return !names_any;
}

}  // namespace

MatrixCellDetail matrix_cell_detail(const Snapshot& snapshot, std::size_t area_index, Sector sector) {
    MatrixCellDetail detail;
    if (!snapshot.plan || !snapshot.matrix || area_index >= snapshot.matrix->areas.size()) return detail;
    const std::string& area_id = snapshot.matrix->areas[area_index];
    detail.programmes = snapshot.matrix->cell(area_index, sector).programmes;
    for (const auto& section : snapshot.plan->sections) {
        if (section.area_id != area_id) continue;
        for (std::size_t p = 0; p < section.focus_points.size(); ++p) {
            const auto& point = section.focus_points[p];
            if (std::find(point.partners.begin(), point.partners.end(), sector) == point.partners.end()) continue;
            detail.focus_points.push_back({std::to_string(p + 1) + ". " + point.text.zh,
                                           point.text.en.empty() ? "" : std::to_string(p + 1) + ". " + point.text.en});
        }
    }
    for (const auto& record : snapshot.meetings) {
        const Meeting& meeting = record.meeting;
        if (meeting.plan_id != snapshot.plan->id || !meeting_on_area(meeting, *snapshot.plan, area_id)) continue;
        for (const auto& attendee : meeting.attendees) {
            if (attendee.attendance == Attendance::present && attendee.sector == sector)
                detail.present.push_back({attendee.name, meeting.title});
        }
    }
    return detail;
}

std::vector<std::string> trend_years(const Snapshot& snapshot) {
    std::set<std::string> years;
    for (const auto& row : snapshot.area_years) years.insert(row.financial_year);
    return {years.begin(), years.end()};
}

std::vector<AreaTrend> area_trends(const Snapshot& snapshot) {
    const auto years = trend_years(snapshot);
    std::vector<AreaTrend> trends;
    const auto trend_of = [&](const std::string& area_id) -> AreaTrend& {
        for (auto& trend : trends) {
            if (trend.area.id == area_id) return trend;
        }
        AreaTrend& trend = trends.emplace_back();
        trend.area = {area_id, {area_id, area_id}, 0x808080ffu};
        for (const auto& year : years) trend.years.push_back({year, 0, std::nullopt, 0, 0});
        return trend;
    };
    for (const auto& area : snapshot.areas) trend_of(area.id).area = area;
    for (const auto& row : snapshot.area_years) {
        auto& trend = trend_of(row.area_id);
        const auto at = std::lower_bound(years.begin(), years.end(), row.financial_year) - years.begin();
        TrendPoint& point = trend.years[static_cast<std::size_t>(at)];
        point.programmes = row.achieved.programmes;
        point.mean_output_percent = row.achieved.mean_output_percent;
        point.outcomes_met = row.achieved.outcomes_met;
        point.outcomes_reported = row.achieved.outcomes_reported;
    }
    return trends;
}

std::vector<IndicatorTrend> programme_trends(const Snapshot& snapshot) {
    std::vector<IndicatorTrend> trends;
    for (const auto& [indicator, readings] : snapshot.programme_readings) {
        IndicatorTrend trend{
            indicator.code, indicator.description, indicator.kind == IndicatorKind::outcome, indicator.target, {}};
        std::vector<const Reading*> current;
        for (const auto& reading : readings) {
            if (reading.current) current.push_back(&reading);
        }
        std::stable_sort(current.begin(), current.end(), [](const Reading* a, const Reading* b) {
            return std::tie(a->period_end, a->period_start) < std::tie(b->period_end, b->period_start);
        });
        double total = 0;
        for (const Reading* reading : current) {
            if (trend.outcome) {
                trend.points.push_back({reading->period_end, reading->value});
            } else if (indicator.target.value_or(0) > 0) {
                total += reading->value;
                trend.points.push_back({reading->period_end, total * 100.0 / *indicator.target});
            }
        }
        trends.push_back(std::move(trend));
    }
    return trends;
}

std::string text_to_render(const Snapshot& s) {
    std::string text;
    auto add = [&](const Bilingual& b) { text += b.zh + b.en; };
    for (const auto& [key, label] : Strings::table()) add(label);
    for (const auto& [keys, what] : keyboard_shortcuts()) text += keys, add(what);
    for (const auto& d : s.districts) add(d.name);
    for (const auto& p : s.plans) add(p.theme), add(p.district_name);
    if (s.edit_refused) add(*s.edit_refused);
    if (s.plan) {
        add(s.plan->theme);
        for (const auto& section : s.plan->sections) {
            for (const auto& text : section_texts) add(section.*text.member);
            for (const auto& point : section.focus_points) add(point.text);
        }
    }
    for (const auto& f : s.findings) add(f.message);
    for (const auto& r : s.revisions) text += r.reason + r.author_name;
    for (const auto& c : s.latest_changes) add(c.where), add(c.what);
    for (const auto& c : s.comments) text += c.body + c.author_name;
    for (const auto& d : s.decisions) text += d.note + d.meeting_ref;
    for (const auto& a : s.areas) add(a.name);
    for (const auto& p : s.panels) {
        add(p.title);
        for (const auto& line : p.lines) add(line.label), text += line.value;
    }
    for (const auto& b : s.bars) add(b.label), add(achievement_text(b));
    for (const auto& p : s.programmes) add(p.label);
    for (const auto& i : s.programme_indicators) add(i.description);
    for (const auto& r : s.shortfalls) add(r.programme), add(r.description), add(achievement_text(r));
    for (const auto& i : s.programme_indicators) add(achievement_text(i));
    for (const auto& m : s.meetings) {
        add(m.meeting.title);
        text += m.meeting.venue;
        for (const auto& a : m.meeting.attendees) add(a.name);
        for (const auto& item : m.meeting.agenda) add(item.title), text += item.minutes;
        for (const auto& v : m.views) add(v.raised_by), text += v.text + v.reason;
        for (const auto& a : m.actions) add(a.owner_name), text += a.description;
        for (const auto& d : m.decisions) text += d.text;
    }
    for (const auto& p : s.plugins) add(p.name), add(p.reason);
    for (const Sector sector : all_sectors) add(sector_name(sector));
    for (const auto severity : {plugins::Severity::note, plugins::Severity::warning, plugins::Severity::error}) {
        add(plugins::severity_name(severity));
    }
    for (const auto kind :
         {CommentKind::comment, CommentKind::reply, CommentKind::resolution, CommentKind::correction}) {
        add(comment_kind_name(kind));
    }
    for (const auto kind : {MeetingKind::planning_meeting, MeetingKind::committee_meeting, MeetingKind::working_group,
                            MeetingKind::seminar, MeetingKind::consultation_session}) {
        add(meeting_kind_name(kind));
    }
    for (const auto status : {Attendance::invited, Attendance::present, Attendance::apologies, Attendance::absent}) {
        add(attendance_name(status));
    }
    for (const auto status : {ViewStatus::open, ViewStatus::addressed, ViewStatus::not_adopted})
        add(view_status_name(status));
    for (const auto status : {ActionStatus::open, ActionStatus::done, ActionStatus::cancelled})
        add(action_status_name(status));
    for (const auto status : {PlanStatus::draft, PlanStatus::submitted, PlanStatus::under_review, PlanStatus::noted,
                              PlanStatus::endorsed, PlanStatus::returned}) {
        add(status_name(status));
    }
    return text;
}

}  // namespace dplan::gui
