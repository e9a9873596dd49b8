#include "server/json_views.hpp"

#include "domain/plan_status.hpp"
#include "domain/sector.hpp"

namespace dplan::server {

namespace {

template <typename Value>
nlohmann::json optional_json(const std::optional<Value>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json bilingual_json(const Bilingual& text) { return {{"zh", text.zh}, {"en", text.en}}; }

nlohmann::json user_json(const User& user) {
    return {{"id", user.id},
            {"username", user.username},
            {"display_name", user.display_name},
            {"role", role_code(user.role)},
            {"district_id", optional_json(user.district_id)},
            {"organisation_id", optional_json(user.organisation_id)},
            {"version", user.version}};
}

nlohmann::json district_json(const District& district) {
    return {{"id", district.id},
            {"code", district.code},
            {"name", bilingual_json(district.name)},
            {"council", bilingual_json(district.council)},
            {"committee", bilingual_json(district.committee)},
            {"office", bilingual_json(district.office)}};
}

nlohmann::json plan_summary_json(const PlanSummary& plan) {
    return {{"id", plan.id},
            {"district_id", plan.district_id},
            {"district_code", plan.district_code},
            {"district_name", bilingual_json(plan.district_name)},
            {"financial_year", plan.financial_year},
            {"theme", bilingual_json(plan.theme)},
            {"status", status_code(plan.status)},
            {"version", plan.version},
            {"updated_at", plan.updated_at}};
}

nlohmann::json revision_json(const PlanRevision& revision) {
    return {{"number", revision.number},
            {"author_id", revision.author_id},
            {"author_name", revision.author_name},
            {"created_at", revision.created_at},
            {"reason", revision.reason}};
}

nlohmann::json comment_json(const ReviewComment& comment) {
    return {{"id", comment.id},
            {"plan_id", comment.plan_id},
            {"revision", comment.revision},
            {"area_id", optional_json(comment.area_id)},
            {"focus_point_id", optional_json(comment.focus_point_id)},
            {"parent_id", optional_json(comment.parent_id)},
            {"kind", comment_kind_code(comment.kind)},
            {"author_id", comment.author_id},
            {"author_name", comment.author_name},
            {"created_at", comment.created_at},
            {"body", comment.body}};
}

nlohmann::json decision_json(const Decision& decision) {
    return {{"id", decision.id},
            {"plan_id", decision.plan_id},
            {"revision", decision.revision},
            {"outcome", status_code(decision.outcome)},
            {"decided_on", decision.decided_on},
            {"meeting_ref", decision.meeting_ref},
            {"note", decision.note},
            {"recorder_name", decision.recorder_name},
            {"recorded_at", decision.recorded_at}};
}

nlohmann::json meeting_json(const Meeting& meeting) {
    auto attendees = nlohmann::json::array();
    for (const auto& attendee : meeting.attendees) {
        attendees.push_back({{"stakeholder_id", attendee.stakeholder_id},
                             {"name", bilingual_json(attendee.name)},
                             {"sector", sector_code(attendee.sector)},
                             {"attendance", attendance_code(attendee.attendance)}});
    }
    auto agenda = nlohmann::json::array();
    for (const auto& item : meeting.agenda) {
        agenda.push_back({{"id", item.id},
                          {"position", item.position},
                          {"title", bilingual_json(item.title)},
                          {"area_id", optional_json(item.area_id)},
                          {"focus_point_id", optional_json(item.focus_point_id)},
                          {"minutes", item.minutes}});
    }
    return {{"id", meeting.id},
            {"district_id", meeting.district_id},
            {"plan_id", optional_json(meeting.plan_id)},
            {"title", bilingual_json(meeting.title)},
            {"kind", meeting_kind_code(meeting.kind)},
            {"starts_at", meeting.starts_at},
            {"ends_at", meeting.ends_at},
            {"time_zone", meeting.time_zone},
            {"venue", meeting.venue},
            {"online_link", meeting.online_link},
            {"version", meeting.version},
            {"attendees", attendees},
            {"agenda", agenda}};
}

nlohmann::json action_json(const ActionItem& action) {
    return {{"id", action.id},
            {"meeting_id", action.meeting_id},
            {"description", action.description},
            {"owner_name", bilingual_json(action.owner_name)},
            {"due_date", action.due_date},
            {"status", action_status_code(action.status)},
            {"version", action.version}};
}

nlohmann::json view_json(const RaisedView& view) {
    return {{"id", view.id},          {"raised_by", bilingual_json(view.raised_by)}, {"area_id", view.area_id},
            {"text", view.text},      {"status", view_status_code(view.status)},     {"reason", view.reason},
            {"version", view.version}};
}

nlohmann::json meeting_record_json(const MeetingRecord& record) {
    auto views = nlohmann::json::array();
    for (const auto& view : record.views) views.push_back(view_json(view));
    auto decisions = nlohmann::json::array();
    for (const auto& decision : record.decisions) {
        decisions.push_back({{"id", decision.id},
                             {"text", decision.text},
                             {"plan_id", optional_json(decision.plan_id)},
                             {"plan_outcome", optional_json(decision.plan_outcome)}});
    }
    auto actions = nlohmann::json::array();
    for (const auto& action : record.actions) actions.push_back(action_json(action));
    return {{"meeting", meeting_json(record.meeting)},
            {"district", bilingual_json(record.district)},
            {"chair", bilingual_json(record.chair)},
            {"views", views},
            {"decisions", decisions},
            {"actions", actions}};
}

nlohmann::json programme_json(const Programme& programme) {
    return {{"id", programme.id},
            {"name", bilingual_json(programme.name)},
            {"organisation_id", optional_json(programme.organisation_id)},
            {"organisation_name", bilingual_json(programme.organisation_name)},
            {"district_id", optional_json(programme.district_id)},
            {"period_start", programme.period_start},
            {"period_end", programme.period_end},
            {"objectives", bilingual_json(programme.objectives)},
            {"areas", programme.areas},
            {"version", programme.version}};
}

nlohmann::json indicator_json(const Indicator& indicator) {
    return {{"id", indicator.id},
            {"programme_id", indicator.programme_id},
            {"code", indicator.code},
            {"kind", indicator_kind_code(indicator.kind)},
            {"description", bilingual_json(indicator.description)},
            {"unit", indicator.unit},
            {"target", optional_json(indicator.target)},
            {"actual", optional_json(indicator.actual)}};
}

nlohmann::json reading_json(const Reading& reading) {
    return {{"id", reading.id},
            {"value", reading.value},
            {"period_start", reading.period_start},
            {"period_end", reading.period_end},
            {"reported_by", reading.reported_by},
            {"reported_at", reading.reported_at},
            {"current", reading.current}};
}

}  // namespace dplan::server
