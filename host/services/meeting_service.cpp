#include "services/meeting_service.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "domain/contact_address.hpp"
#include "domain/period.hpp"
#include "services/audit_trail.hpp"
#include "services/authorization.hpp"
#include "services/icalendar.hpp"
#include "services/plan_workflow.hpp"
#include "services/subjects.hpp"
#include "services/time_zone.hpp"
#include "storage/database.hpp"
#include "storage/district_repository.hpp"
#include "storage/meeting_repository.hpp"
#include "storage/plan_repository.hpp"
#include "storage/stakeholder_repository.hpp"

namespace dplan {

namespace {

nlohmann::json agenda_fields(const AgendaItem& item) {
    return {{"title", audit_value(item.title)},
            {"area_id", audit_value(item.area_id)},
            {"focus_point_id", audit_value(item.focus_point_id)},
            {"minutes", item.minutes}};
}

nlohmann::json meeting_fields(const Meeting& meeting) {
    nlohmann::json fields = {{"district_id", meeting.district_id},  {"plan_id", audit_value(meeting.plan_id)},
                             {"title", audit_value(meeting.title)}, {"kind", meeting_kind_code(meeting.kind)},
                             {"starts_at", meeting.starts_at},      {"ends_at", meeting.ends_at},
                             {"time_zone", meeting.time_zone},      {"venue", meeting.venue},
                             {"online_link", meeting.online_link},  {"chair_id", audit_value(meeting.chair_id)}};
    for (const auto& attendee : meeting.attendees) {
        fields["attendance"][std::to_string(attendee.stakeholder_id)] = attendance_code(attendee.attendance);
    }
    for (const auto& item : meeting.agenda) fields["agenda"][std::to_string(item.position)] = agenda_fields(item);
    return fields;
}

}  // namespace

MeetingService::MeetingService(Database& db, plugins::PluginRegistry& plugins, User actor)
    : db_(db), plugins_(plugins), actor_(std::move(actor)) {}

MeetingRepository MeetingService::repository() { return MeetingRepository(db_); }

void MeetingService::audit(const std::string& action, const std::string& object_type, std::int64_t object_id,
                           std::string changes) {
    record_audit(db_, actor_, {action, object_type, std::to_string(object_id), std::move(changes)});
}

void MeetingService::check_area(const std::string& area_id) const {
    for (const auto& plugin : plugins_.loaded()) {
        if (plugin->area() && plugin->area()->id == area_id) return;
    }
    throw InvalidInput({fmt::format("沒有已載入的服務範疇「{}」", area_id),
                        fmt::format("no loaded service area '{}' (see 'dplan plugins list')", area_id)});
}

void MeetingService::check_focus_point(const Meeting& meeting, std::int64_t focus_point_id) {
    if (!meeting.plan_id) {
        throw InvalidInput({"會議未連結計劃，不能指向工作計劃重點",
                            "the meeting is not linked to a plan, so it cannot point at a focus point"});
    }
    for (const auto& section : PlanRepository(db_).get(*meeting.plan_id).sections) {
        for (const auto& point : section.focus_points) {
            if (point.id == focus_point_id) return;
        }
    }
    throw InvalidInput({fmt::format("工作計劃重點 {} 不屬於計劃 {}", focus_point_id, *meeting.plan_id),
                        fmt::format("focus point {} is not in plan {} (see 'dplan plan show {} --ids')", focus_point_id,
                                    *meeting.plan_id, *meeting.plan_id)});
}

std::int64_t MeetingService::create(const Meeting& input) {
    Meeting meeting = input;
    authorize(actor_, Operation::create_meeting, district_subject(meeting.district_id));
    if (meeting.title.zh.empty() && meeting.title.en.empty()) {
        throw InvalidInput({"會議須有名稱", "a meeting needs a title (--title-zh or --title-en)"});
    }
    meeting.starts_at = require_local_time(meeting.starts_at);
    meeting.ends_at = require_local_time(meeting.ends_at);
    if (ends_before_start(meeting.starts_at, meeting.ends_at)) {
        throw InvalidInput(
            {fmt::format("會議結束時間（{}）早於開始時間（{}）", meeting.ends_at, meeting.starts_at),
             fmt::format("the meeting ends ({}) before it starts ({})", meeting.ends_at, meeting.starts_at)});
    }
    if (!meeting.online_link.empty()) require_web_address(meeting.online_link);
    if (!is_time_zone(meeting.time_zone)) {
        throw InvalidInput(
            {fmt::format("不明時區「{}」", meeting.time_zone),
             fmt::format("unknown time zone '{}'; use an IANA name such as Asia/Hong_Kong", meeting.time_zone)});
    }
    if (meeting.plan_id) {
        const Plan plan = PlanRepository(db_).get(*meeting.plan_id);
        if (plan.district_id != meeting.district_id) {
            throw InvalidInput({"計劃不屬於會議所在地區", fmt::format("plan {} belongs to another district", plan.id)});
        }
    }
    StakeholderRepository stakeholders(db_);
    if (meeting.chair_id) stakeholders.get(*meeting.chair_id);
    for (const auto& attendee : meeting.attendees) stakeholders.get(attendee.stakeholder_id);
    for (const auto& item : meeting.agenda) {
        if (item.area_id) check_area(*item.area_id);
        if (item.focus_point_id) check_focus_point(meeting, *item.focus_point_id);
    }
    return db_.write("create meeting", [&] {
        const auto id = repository().create(meeting);
        audit("create meeting", "meeting", id, changed_fields(nullptr, meeting_fields(repository().get(id))));
        return id;
    });
}

Meeting MeetingService::get(std::int64_t meeting_id) {
    Meeting meeting = repository().get(meeting_id);
    authorize(actor_, Operation::read_meeting, meeting_subject(meeting));
    return meeting;
}

std::vector<Meeting> MeetingService::list(MeetingFilter filter) {
    filter.scope = authorize_list(actor_, Operation::read_meeting);
    return repository().list(filter);
}

MeetingRecord MeetingService::record(std::int64_t meeting_id) {
    MeetingRecord record;
    record.meeting = get(meeting_id);
    record.district = DistrictRepository(db_).get(record.meeting.district_id).name;
    if (record.meeting.chair_id) record.chair = StakeholderRepository(db_).get(*record.meeting.chair_id).name;
    record.views = repository().views({.meeting_id = meeting_id});
    record.decisions = repository().decisions(meeting_id);
    record.actions = repository().actions({.meeting_id = meeting_id});
    return record;
}

std::vector<ActionItem> MeetingService::actions(MeetingFilter filter) {
    filter.scope = authorize_list(actor_, Operation::read_meeting);
    return repository().actions(filter);
}

std::string MeetingService::calendar(std::int64_t meeting_id, const std::string& stamp) {
    const Meeting meeting = get(meeting_id);
    std::vector<Stakeholder> people;
    StakeholderRepository stakeholders(db_);
    for (const auto& attendee : meeting.attendees) people.push_back(stakeholders.get(attendee.stakeholder_id));
    if (meeting.chair_id) people.push_back(stakeholders.get(*meeting.chair_id));
    return meeting_icalendar(meeting, people, stamp);
}

void MeetingService::set_attendance(std::int64_t meeting_id, std::int64_t stakeholder_id, Attendance attendance,
                                    std::optional<int> seen_version) {
    const Meeting meeting = repository().get(meeting_id);
    authorize(actor_, Operation::edit_meeting, meeting_subject(meeting));
    StakeholderRepository(db_).get(stakeholder_id);
    db_.write("record attendance", [&] {
        std::optional<std::string> before;
        for (const auto& attendee : repository().get(meeting_id).attendees) {
            if (attendee.stakeholder_id == stakeholder_id) before = std::string(attendance_code(attendee.attendance));
        }
        repository().set_attendance(meeting_id, stakeholder_id, attendance, seen_version);
        audit("record attendance", "meeting", meeting_id,
              changed_fields({{"attendance", {{std::to_string(stakeholder_id), audit_value(before)}}}},
                             {{"attendance", {{std::to_string(stakeholder_id), attendance_code(attendance)}}}}));
    });
}

void MeetingService::record_attendance(std::int64_t meeting_id,
                                       const std::vector<std::pair<std::int64_t, Attendance>>& changes,
                                       std::optional<int> seen_version) {
    authorize(actor_, Operation::edit_meeting, meeting_subject(repository().get(meeting_id)));
    if (changes.empty()) return;  // nothing to write, nothing to record
    db_.write("record attendance", [&] {
        for (const auto& [stakeholder_id, attendance] : changes) {
            set_attendance(meeting_id, stakeholder_id, attendance, seen_version);
            if (seen_version) ++*seen_version;  // each change bumps the meeting's version
        }
    });
}

int MeetingService::add_agenda_item(std::int64_t meeting_id, const AgendaItem& item, std::optional<int> seen_version) {
    const Meeting meeting = repository().get(meeting_id);
    authorize(actor_, Operation::edit_meeting, meeting_subject(meeting));
    if (item.title.zh.empty() && item.title.en.empty())
        throw InvalidInput({"議程項目須有標題", "an agenda item needs a title"});
    if (item.area_id) check_area(*item.area_id);
    if (item.focus_point_id) check_focus_point(meeting, *item.focus_point_id);
    return db_.write("add agenda item", [&] {
        const int position = repository().add_agenda_item(meeting_id, item, seen_version);
        audit("add agenda item", "meeting", meeting_id,
              changed_fields(nullptr, {{"agenda", {{std::to_string(position), agenda_fields(item)}}}}));
        return position;
    });
}

void MeetingService::set_minutes(std::int64_t meeting_id, int position, const std::string& minutes,
                                 std::optional<int> seen_version) {
    const Meeting meeting = repository().get(meeting_id);
    authorize(actor_, Operation::edit_meeting, meeting_subject(meeting));
    const std::string field = fmt::format("/agenda/{}/minutes", position);
    db_.write("record minutes", [&] {
        std::optional<std::string> before;
        for (const auto& item : repository().get(meeting_id).agenda) {
            if (item.position == position) before = item.minutes;
        }
        repository().set_minutes(meeting_id, position, minutes, seen_version);
        audit("record minutes", "meeting", meeting_id,
              nlohmann::json{{field, {{"before", audit_value(before)}, {"after", minutes}}}}.dump());
    });
}

std::int64_t MeetingService::raise_view(const RaisedView& view) {
    const Meeting meeting = repository().get(view.meeting_id);
    authorize(actor_, Operation::raise_view, meeting_subject(meeting));
    if (view.text.empty()) throw InvalidInput({"意見內容不可留空", "the view's text is empty"});
    check_area(view.area_id);
    if (!view.stakeholder_id && !view.organisation_id && !view.sector) {
        throw InvalidInput(
            {"須註明提出意見的人、機構或界別", "say who raised the view: a stakeholder, an organisation or a sector"});
    }
    if (view.stakeholder_id) {
        const Stakeholder who = StakeholderRepository(db_).get(*view.stakeholder_id);
        // NGO staff speak for their own organisation and its people, never in someone else's name.
        if (actor_.role == Role::ngo && who.organisation_id != actor_.organisation_id) {
            throw PermissionDenied({fmt::format("用戶「{}」只可代表所屬機構或其人員提出意見", actor_.username),
                                    fmt::format("user '{}' may raise views only for their own organisation or its "
                                                "people",
                                                actor_.username)});
        }
    }
    if (actor_.role == Role::ngo && view.organisation_id && view.organisation_id != actor_.organisation_id) {
        throw PermissionDenied(
            {fmt::format("用戶「{}」只可代表所屬機構或其人員提出意見", actor_.username),
             fmt::format("user '{}' may raise views only for their own organisation or its people", actor_.username)});
    }
    if (view.agenda_item_id) {
        bool found = false;
        for (const auto& item : meeting.agenda) found = found || item.id == *view.agenda_item_id;
        if (!found) throw InvalidInput({"議程項目不屬於此會議", "the agenda item is not on this meeting's agenda"});
    }
    return db_.write("record view", [&] {
        const auto id = repository().add_view(view);
        audit("raise view", "view", id,
              changed_fields(nullptr,
                             {{"meeting_id", view.meeting_id},
                              {"agenda_item_id", audit_value(view.agenda_item_id)},
                              {"stakeholder_id", audit_value(view.stakeholder_id)},
                              {"organisation_id", audit_value(view.organisation_id)},
                              {"sector", view.sector ? nlohmann::json(sector_code(*view.sector)) : nlohmann::json()},
                              {"area_id", view.area_id},
                              {"text", view.text}}));
        return id;
    });
}

int MeetingService::address_view(std::int64_t view_id, const ViewResponse& response, std::optional<int> seen_version) {
    const RaisedView view = repository().view(view_id);
    const Meeting meeting = repository().get(view.meeting_id);
    authorize(actor_, Operation::respond_to_view, meeting_subject(meeting));
    if (!response.focus_point_id && !response.plan_id && !response.revision) {
        throw InvalidInput({"須指出回應的工作計劃重點或計劃修訂版本",
                            "give the focus point or the plan revision that responds to the view"});
    }
    if (response.focus_point_id) check_focus_point(meeting, *response.focus_point_id);
    // Everything given is checked, not only what the view needs: a plan stored beside a focus
    // point could be one the user may not read.
    if (response.plan_id || response.revision) {
        if (!response.plan_id || !response.revision) {
            throw InvalidInput({"計劃修訂版本須同時註明計劃及修訂版本編號",
                                "a plan revision needs both the plan and the revision number"});
        }
        if (response.plan_id != meeting.plan_id) {
            throw InvalidInput({"意見只可由此會議所屬計劃的修訂版本回應",
                                "a view can be addressed only by a revision of the meeting's own plan"});
        }
        try {
            PlanRepository(db_).revision(*response.plan_id, *response.revision);
        } catch (const NotFound&) {
            throw InvalidInput({fmt::format("計劃 {} 沒有第 {} 版", *response.plan_id, *response.revision),
                                fmt::format("plan {} has no revision {}", *response.plan_id, *response.revision)});
        }
    }
    // The same response again changes nothing (a view may have several, never the same twice).
    const bool already =
        view.status == ViewStatus::addressed && std::ranges::find(view.responses, response) != view.responses.end();
    if (already && (!seen_version || *seen_version == view.version)) return view.version;
    return db_.write("record response to view", [&] {
        const ViewStatus before = repository().view(view_id).status;
        const int version = repository().address_view(view_id, response, seen_version);
        audit("address view", "view", view_id,
              changed_fields({{"status", view_status_code(before)}},
                             {{"status", view_status_code(ViewStatus::addressed)},
                              {"response",
                               {{"focus_point_id", audit_value(response.focus_point_id)},
                                {"plan_id", audit_value(response.plan_id)},
                                {"revision", audit_value(response.revision)}}}}));
        return version;
    });
}

int MeetingService::decline_view(std::int64_t view_id, const std::string& reason, std::optional<int> seen_version) {
    const RaisedView view = repository().view(view_id);
    authorize(actor_, Operation::respond_to_view, meeting_subject(repository().get(view.meeting_id)));
    if (reason.empty()) throw InvalidInput({"不採納意見須註明原因", "a view that is not adopted needs a reason"});
    const bool unchanged = view.status == ViewStatus::not_adopted && view.reason == reason;
    if (unchanged && (!seen_version || *seen_version == view.version)) return view.version;
    return db_.write("record view not adopted", [&] {
        const RaisedView before = repository().view(view_id);
        const int version = repository().decline_view(view_id, reason, seen_version);
        audit("decline view", "view", view_id,
              changed_fields({{"status", view_status_code(before.status)}, {"reason", before.reason}},
                             {{"status", view_status_code(ViewStatus::not_adopted)}, {"reason", reason}}));
        return version;
    });
}

std::int64_t MeetingService::decide(std::int64_t meeting_id, const std::string& text,
                                    std::optional<PlanStatus> plan_outcome) {
    const Meeting meeting = repository().get(meeting_id);
    authorize(actor_, Operation::decide_meeting, meeting_subject(meeting));
    if (text.empty()) throw InvalidInput({"決定內容不可留空", "the decision's text is empty"});
    if (plan_outcome && !meeting.plan_id) {
        throw InvalidInput(
            {"會議未連結計劃，不能就計劃作決定", "the meeting is not linked to a plan, so it cannot decide on one"});
    }
    return db_.write("record meeting decision", [&] {
        MeetingDecision decision{0, meeting_id, text, std::nullopt, std::nullopt};
        if (plan_outcome) {
            PlanWorkflow(db_, plugins_, actor_)
                .decide(*meeting.plan_id, *plan_outcome, meeting.starts_at.substr(0, 10),
                        fmt::format("{} {}", meeting.title.zh, meeting.title.en), text);
            decision.plan_id = meeting.plan_id;
            decision.plan_outcome = std::string(status_code(*plan_outcome));
        }
        const auto id = repository().add_decision(decision);
        audit("record meeting decision", "meeting", meeting_id,
              changed_fields(nullptr, {{"decision",
                                        {{"id", id},
                                         {"text", text},
                                         {"plan_id", audit_value(decision.plan_id)},
                                         {"plan_outcome", audit_value(decision.plan_outcome)}}}}));
        return id;
    });
}

std::int64_t MeetingService::add_action(const ActionItem& action) {
    const Meeting meeting = repository().get(action.meeting_id);
    authorize(actor_, Operation::manage_actions, meeting_subject(meeting));
    if (action.description.empty())
        throw InvalidInput({"跟進事項內容不可留空", "the action item's description is empty"});
    require_iso_date(action.due_date);
    if (action.owner_id) StakeholderRepository(db_).get(*action.owner_id);
    return db_.write("record action item", [&] {
        const auto id = repository().add_action(action);
        audit("add action item", "action_item", id,
              changed_fields(nullptr, {{"meeting_id", action.meeting_id},
                                       {"description", action.description},
                                       {"owner_id", audit_value(action.owner_id)},
                                       {"due_date", action.due_date},
                                       {"status", action_status_code(action.status)}}));
        return id;
    });
}

int MeetingService::set_action_status(std::int64_t action_id, ActionStatus status, std::optional<int> seen_version) {
    const ActionItem action = repository().action(action_id);
    authorize(actor_, Operation::manage_actions, meeting_subject(repository().get(action.meeting_id)));
    // Already so, as the caller saw it: nothing to change. Seen stale, the write says so.
    if (action.status == status && (!seen_version || *seen_version == action.version)) return action.version;
    return db_.write("update action item", [&] {
        const ActionStatus before = repository().action(action_id).status;  // as stored when this write began
        const int version = repository().set_action_status(action_id, status, seen_version);
        audit("update action item", "action_item", action_id,
              changed_fields({{"status", action_status_code(before)}}, {{"status", action_status_code(status)}}));
        return version;
    });
}

}  // namespace dplan
