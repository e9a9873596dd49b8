// Stakeholder meetings: who was invited and came, what was on the agenda and minuted, the views
// raised and what was done about each, decisions and action items.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/bilingual.hpp"
#include "domain/sector.hpp"

namespace dplan {

// A person who takes part in planning; their sector is their organisation's when they have one.
struct Stakeholder {
    std::int64_t id = 0;
    Bilingual name;
    std::optional<std::int64_t> organisation_id;
    Bilingual organisation_name;  // filled in when read
    Sector sector = Sector::resident;
    std::string email;
};

enum class MeetingKind { planning_meeting, committee_meeting, working_group, seminar, consultation_session };
enum class Attendance { invited, present, apologies, absent };
enum class ViewStatus { open, addressed, not_adopted };
enum class ActionStatus { open, done, cancelled };

std::string_view meeting_kind_code(MeetingKind kind);
std::optional<MeetingKind> parse_meeting_kind(std::string_view code);
Bilingual meeting_kind_name(MeetingKind kind);
std::string_view attendance_code(Attendance attendance);
std::optional<Attendance> parse_attendance(std::string_view code);
Bilingual attendance_name(Attendance attendance);
std::string_view view_status_code(ViewStatus status);
std::optional<ViewStatus> parse_view_status(std::string_view code);
Bilingual view_status_name(ViewStatus status);
std::string_view action_status_code(ActionStatus status);
std::optional<ActionStatus> parse_action_status(std::string_view code);
Bilingual action_status_name(ActionStatus status);

struct Attendee {
    std::int64_t stakeholder_id = 0;
    Bilingual name;
    Sector sector = Sector::resident;
    Attendance attendance = Attendance::invited;
    std::optional<std::int64_t> organisation_id;  // their organisation, if any
};

struct AgendaItem {
    std::int64_t id = 0;
    int position = 0;  // 1, 2, 3 ...
    Bilingual title;
    std::optional<std::string> area_id;          // the plan section it discusses
    std::optional<std::int64_t> focus_point_id;  // or one focus point of it
    std::string minutes;
};

struct Meeting {
    std::int64_t id = 0;
    std::int64_t district_id = 0;
    std::optional<std::int64_t> plan_id;
    Bilingual title;
    MeetingKind kind = MeetingKind::planning_meeting;
    std::string starts_at;  // local time "YYYY-MM-DDTHH:MM" in time_zone
    std::string ends_at;
    std::string time_zone = "Asia/Hong_Kong";
    std::string venue;
    std::string online_link;
    std::optional<std::int64_t> chair_id;
    int version = 0;  // bumped by every change; a change against an older version is refused
    std::vector<Attendee> attendees;
    std::vector<AgendaItem> agenda;
};

// What responds to a view: a focus point of a plan, or a revision of it.
struct ViewResponse {
    std::optional<std::int64_t> focus_point_id;
    std::optional<std::int64_t> plan_id;
    std::optional<int> revision;
    bool operator==(const ViewResponse&) const = default;
};

struct RaisedView {
    std::int64_t id = 0;
    std::int64_t meeting_id = 0;
    std::optional<std::int64_t> agenda_item_id;
    std::optional<std::int64_t> stakeholder_id;
    std::optional<std::int64_t> organisation_id;
    std::optional<Sector> sector;
    Bilingual raised_by;  // the person's, else the organisation's, else the sector's name
    std::string area_id;
    std::string text;
    ViewStatus status = ViewStatus::open;
    std::string reason;  // why it was not adopted
    std::vector<ViewResponse> responses;
    int version = 1;  // bumped by every change to the view
};

struct MeetingDecision {
    std::int64_t id = 0;
    std::int64_t meeting_id = 0;
    std::string text;
    std::optional<std::int64_t> plan_id;
    std::optional<std::string> plan_outcome;  // noted, endorsed, returned
};

struct ActionItem {
    std::int64_t id = 0;
    std::int64_t meeting_id = 0;
    std::string description;
    std::optional<std::int64_t> owner_id;
    Bilingual owner_name;
    std::string due_date;  // YYYY-MM-DD
    ActionStatus status = ActionStatus::open;
    int version = 1;  // bumped by every change to the item

    // Open and due before `today` (YYYY-MM-DD).
    bool overdue(std::string_view today) const { return status == ActionStatus::open && due_date < today; }
};

// "2024-06-18T14:30" (also accepts a space instead of the T); throws InvalidInput otherwise.
std::string require_local_time(std::string_view text);

// A meeting with everything recorded about it, as the minutes, the CLI and the dashboard show it.
struct MeetingRecord {
    Meeting meeting;
    Bilingual district;
    Bilingual chair;
    std::vector<RaisedView> views;
    std::vector<MeetingDecision> decisions;
    std::vector<ActionItem> actions;
};

}  // namespace dplan
