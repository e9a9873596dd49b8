// The meeting operations every front end uses: each checks who may do it and what it refers to,
// then writes in one transaction. A committee decision on a plan is recorded on the meeting and
// moves the plan through its workflow in the same transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/filters.hpp"
#include "domain/meeting.hpp"
#include "domain/plan_status.hpp"
#include "domain/user.hpp"
#include "plugins/plugin_registry.hpp"

namespace dplan {

class Database;
class MeetingRepository;

class MeetingService {
  public:
    MeetingService(Database& db, plugins::PluginRegistry& plugins, User actor);

    std::int64_t create(const Meeting& meeting);
    Meeting get(std::int64_t meeting_id);
    // The meetings this user may read, filtered in SQL; without attendees and agenda.
    std::vector<Meeting> list(MeetingFilter filter);
    // Everything about one meeting: the meeting, its district and chair, views, decisions, actions.
    MeetingRecord record(std::int64_t meeting_id);
    // Action items of the meetings this user may read, by due date.
    std::vector<ActionItem> actions(MeetingFilter filter);
    // The meeting as an iCalendar file; `stamp` is the UTC creation time, e.g. "20241123T120000Z".
    std::string calendar(std::int64_t meeting_id, const std::string& stamp);

    void set_attendance(std::int64_t meeting_id, std::int64_t stakeholder_id, Attendance attendance,
                        std::optional<int> seen_version = std::nullopt);
    // Several people's attendance in one transaction: all of it or none.
    void record_attendance(std::int64_t meeting_id, const std::vector<std::pair<std::int64_t, Attendance>>& changes,
                           std::optional<int> seen_version = std::nullopt);
    int add_agenda_item(std::int64_t meeting_id, const AgendaItem& item,
                        std::optional<int> seen_version = std::nullopt);
    void set_minutes(std::int64_t meeting_id, int position, const std::string& minutes,
                     std::optional<int> seen_version = std::nullopt);

    std::int64_t raise_view(const RaisedView& view);
    // The view is addressed in the plan: by a focus point, or by a revision of the meeting's plan.
    // `seen_version`: the view's version the change was made against (Conflict when stale).
    // Each returns the view's version after the change.
    int address_view(std::int64_t view_id, const ViewResponse& response,
                     std::optional<int> seen_version = std::nullopt);
    // Declining again for the same reason changes nothing: no new version, no audit entry.
    int decline_view(std::int64_t view_id, const std::string& reason, std::optional<int> seen_version = std::nullopt);

    // Records the decision; with a plan outcome (noted, endorsed, returned) also decides the plan,
    // dated the meeting's day and referring to the meeting.
    std::int64_t decide(std::int64_t meeting_id, const std::string& text, std::optional<PlanStatus> plan_outcome);

    std::int64_t add_action(const ActionItem& action);
    // `seen_version`: the item's version the change was made against (Conflict when stale).
    // Returns the item's version after it; the status it already has changes nothing (no new
    // version, which would refuse other editors' changes, and no empty audit entry).
    int set_action_status(std::int64_t action_id, ActionStatus status, std::optional<int> seen_version = std::nullopt);

  private:
    MeetingRepository repository();
    // Records the change in the audit log, inside the write that makes it.
    void audit(const std::string& action, const std::string& object_type, std::int64_t object_id, std::string changes);
    void check_area(const std::string& area_id) const;
    void check_focus_point(const Meeting& meeting, std::int64_t focus_point_id);

    Database& db_;
    plugins::PluginRegistry& plugins_;
    User actor_;
};

}  // namespace dplan
