// Stakeholder meetings: listing, the whole record, the iCalendar invitation, raising views, and
// action items.
#include <fmt/format.h>

#include <algorithm>

#include "domain/timestamp.hpp"
#include "server/api.hpp"
#include "server/json_views.hpp"

namespace dplan::server {

namespace {

ApiResponse probe_meeting(RouteContext& context) {
    return json_response(meeting_json(context.services.meetings().get(context.id())));
}

MeetingFilter meeting_filter(RouteContext& context) {
    MeetingFilter filter;
    if (const auto district = context.query("district")) {
        filter.district_id = context.services.districts().find(*district).id;
    }
    return filter;
}

ApiResponse list_meetings(RouteContext& context) {
    auto list = nlohmann::json::array();
    for (const auto& meeting : context.services.meetings().list(meeting_filter(context))) {
        list.push_back(meeting_json(meeting));
    }
    return json_response(list);
}

ApiResponse meeting_record(RouteContext& context) {
    const auto record = context.services.meetings().record(context.id());
    auto response = json_response(meeting_record_json(record));
    response.etag = fmt::format("\"{}\"", record.meeting.version);
    return response;
}

ApiResponse calendar(RouteContext& context) {
    std::string stamp = now_utc_iso8601();  // 2024-11-23T12:00:00.000Z -> 20241123T120000Z
    std::erase(stamp, '-');
    std::erase(stamp, ':');
    ApiResponse response;
    response.content_type = "text/calendar; charset=utf-8";
    response.body = context.services.meetings().calendar(context.id(), stamp.substr(0, 15) + "Z");
    response.content_disposition = fmt::format("attachment; filename=\"meeting-{}.ics\"", context.id());
    return response;
}

ApiResponse raise_view(RouteContext& context) {
    const auto& body = context.body();
    RaisedView view;
    view.meeting_id = context.id();
    view.agenda_item_id = optional_id(body, "agenda_item_id");
    view.stakeholder_id = optional_id(body, "stakeholder_id");
    view.area_id = required_string(body, "area_id");
    view.text = required_string(body, "text");
    const auto id = context.services.meetings().raise_view(view);
    return json_response({{"id", id}}, 201);
}

// One agenda item's minutes, against the meeting version the caller saw (If-Match).
ApiResponse set_minutes(RouteContext& context) {
    const int seen = context.if_match_version();
    const auto position = context.id("position");
    auto meetings = context.services.meetings();
    try {
        meetings.set_minutes(context.id(), static_cast<int>(position), required_string(context.body(), "minutes"),
                             seen);
    } catch (const Conflict& e) {
        auto response = error_response(412, "version_conflict", e.message());
        response.etag = fmt::format("\"{}\"", meetings.get(context.id()).version);
        return response;
    }
    return meeting_record(context);
}

ApiResponse add_action(RouteContext& context) {
    const auto& body = context.body();
    ActionItem action;
    action.meeting_id = context.id();
    action.description = required_string(body, "description");
    action.due_date = required_string(body, "due_date");
    action.owner_id = optional_id(body, "owner_id");
    return json_response({{"id", context.services.meetings().add_action(action)}}, 201);
}

ApiResponse set_action_status(RouteContext& context) {
    const auto status = *parse_action_status(required_choice(context.body(), "status", {"open", "done", "cancelled"}));
    context.services.meetings().set_action_status(context.id(), status);
    return ApiResponse{204, {}, {}, {}, {}, false};
}

ApiResponse address_view(RouteContext& context) {
    const auto& body = context.body();
    ViewResponse response;
    response.focus_point_id = optional_id(body, "focus_point_id");
    response.plan_id = optional_id(body, "plan_id");
    if (const auto revision = optional_id(body, "revision")) response.revision = static_cast<int>(*revision);
    context.services.meetings().address_view(context.id(), response);
    return ApiResponse{204, {}, {}, {}, {}, false};
}

ApiResponse decline_view(RouteContext& context) {
    context.services.meetings().decline_view(context.id(), required_string(context.body(), "reason"));
    return ApiResponse{204, {}, {}, {}, {}, false};
}

// Views and action items are reached by their own id: one the caller may not act on is not
// theirs to know about either.
ApiResponse private_object(RouteContext&) { throw NotFound({"找不到", "not found"}); }

ApiResponse actions(RouteContext& context) {
    auto list = nlohmann::json::array();
    for (const auto& action : context.services.meetings().actions(meeting_filter(context))) {
        list.push_back(action_json(action));
    }
    return json_response(list);
}

}  // namespace

void add_meeting_routes(Router& router) {
    router.add({"GET", "/api/meetings", true, list_meetings});
    router.add({"GET", "/api/meetings/{id}", true, meeting_record, probe_meeting});
    router.add({"GET", "/api/meetings/{id}/calendar.ics", true, calendar, probe_meeting});
    router.add({"POST", "/api/meetings/{id}/views", true, raise_view, probe_meeting});
    router.add({"GET", "/api/actions", true, actions});
    router.add({"PUT", "/api/meetings/{id}/agenda/{position}/minutes", true, set_minutes, probe_meeting});
    router.add({"POST", "/api/meetings/{id}/actions", true, add_action, probe_meeting});
    router.add({"PUT", "/api/actions/{id}/status", true, set_action_status, private_object});
    router.add({"POST", "/api/views/{id}/address", true, address_view, private_object});
    router.add({"POST", "/api/views/{id}/decline", true, decline_view, private_object});
}

}  // namespace dplan::server
