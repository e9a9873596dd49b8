// Meetings with their agenda and attendance, the views raised, decisions and action items.
// Every change to a meeting bumps its version; a change made against an older version is refused
// (Conflict), so two people editing the same minutes never overwrite each other unseen.
#pragma once

#include <optional>
#include <vector>

#include "domain/filters.hpp"
#include "domain/meeting.hpp"
#include "storage/database.hpp"

namespace dplan {

class MeetingRepository {
  public:
    explicit MeetingRepository(Database& db) : db_(db) {}

    // Stores the meeting, its agenda (positions 1, 2, ...) and its invitees.
    std::int64_t create(const Meeting& meeting);
    Meeting get(std::int64_t id);                            // with attendees and agenda; NotFound
    std::vector<Meeting> list(const MeetingFilter& filter);  // without attendees and agenda, by start time

    // Each takes the version the caller saw (nullopt: the current one) and bumps it.
    void set_attendance(std::int64_t meeting_id, std::int64_t stakeholder_id, Attendance attendance,
                        std::optional<int> seen_version);
    int add_agenda_item(std::int64_t meeting_id, const AgendaItem& item, std::optional<int> seen_version);  // position
    void set_minutes(std::int64_t meeting_id, int position, const std::string& minutes,
                     std::optional<int> seen_version);

    std::int64_t add_view(const RaisedView& view);
    std::vector<RaisedView> views(const MeetingFilter& filter);  // of meetings matching, oldest first
    RaisedView view(std::int64_t id);                            // NotFound
    // Views and action items have versions of their own: `seen_version` (the item's) refuses a
    // change made against an older one. A change to an item bumps its meeting's version too,
    // unchecked: the meeting's version counts every change to the meeting record.
    // Each returns the item's new version.
    int address_view(std::int64_t view_id, const ViewResponse& response, std::optional<int> seen_version);
    int decline_view(std::int64_t view_id, const std::string& reason, std::optional<int> seen_version);

    std::int64_t add_decision(const MeetingDecision& decision);
    std::vector<MeetingDecision> decisions(std::int64_t meeting_id);

    std::int64_t add_action(const ActionItem& action);
    int set_action_status(std::int64_t action_id, ActionStatus status, std::optional<int> seen_version);
    std::vector<ActionItem> actions(const MeetingFilter& filter);  // by due date
    ActionItem action(std::int64_t id);                            // NotFound

  private:
    void touch(std::int64_t meeting_id, std::optional<int> seen_version);
    // Checks an item's `seen_version` against `current` and bumps it, in one step with the check.
    void bump_item_version(const char* table, const Bilingual& noun, std::int64_t item_id, int current,
                           std::optional<int> seen_version);
    void insert_agenda_item(std::int64_t meeting_id, int position, const AgendaItem& item);

    Database& db_;
};

}  // namespace dplan
