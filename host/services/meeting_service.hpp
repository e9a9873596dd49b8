// The meeting operations every front end uses: each checks who may do it and what it refers to,
// then writes in one transaction. A committee decision on a plan is recorded on the meeting and
// moves the plan through its workflow in the same transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/meeting.hpp"
#include "domain/plan_status.hpp"
#include "domain/user.hpp"
#include "plugins/plugin_registry.hpp"
#include "storage/database.hpp"
#include "storage/meeting_repository.hpp"

namespace dplan {

class MeetingService {
public:
    MeetingService(Database& db, plugins::PluginRegistry& plugins, User actor);

    std::int64_t create(const Meeting& meeting);
    Meeting get(std::int64_t meeting_id);
    std::vector<Meeting> list(const MeetingFilter& filter);

    void set_attendance(std::int64_t meeting_id, std::int64_t stakeholder_id, Attendance attendance,
                        std::optional<int> seen_version = std::nullopt);
    int add_agenda_item(std::int64_t meeting_id, const AgendaItem& item, std::optional<int> seen_version = std::nullopt);
    void set_minutes(std::int64_t meeting_id, int position, const std::string& minutes,
                     std::optional<int> seen_version = std::nullopt);

    std::int64_t raise_view(const RaisedView& view);
    // The view is addressed in the plan: by a focus point, or by a revision of the meeting's plan.
    void address_view(std::int64_t view_id, const ViewResponse& response);
    void decline_view(std::int64_t view_id, const std::string& reason);

    // Records the decision; with a plan outcome (noted, endorsed, returned) also decides the plan,
    // dated the meeting's day and referring to the meeting.
    std::int64_t decide(std::int64_t meeting_id, const std::string& text, std::optional<PlanStatus> plan_outcome);

    std::int64_t add_action(const ActionItem& action);
    void set_action_status(std::int64_t action_id, ActionStatus status);

private:
    void check_area(const std::string& area_id) const;
    void check_focus_point(const Meeting& meeting, std::int64_t focus_point_id);

    Database& db_;
    plugins::PluginRegistry& plugins_;
    User actor_;
    MeetingRepository meetings_;
};

}  // namespace dplan
