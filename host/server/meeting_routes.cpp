// Stakeholder meetings: listing, the whole record, the iCalendar invitation, raising views, and
// action items.
#include <fmt/format.h>

#include <algorithm>

#include "domain/sector.hpp"
#include "domain/timestamp.hpp"
#include "server/api.hpp"
#include "server/api_error.hpp"
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
    view.organisation_id = optional_id(body, "organisation_id");
    if (const auto sector = optional_string(body, "sector")) {
        view.sector = parse_sector(*sector);
        if (!view.sector) {
            throw ApiError(400, "invalid_field",
                           {fmt::format("欄位「sector」不是已知界別：「{}」", *sector),
                            fmt::format("field 'sector' is not a known sector: '{}'", *sector)});
        }
    }
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

// A change to one of the meeting's views or action items, made against the meeting's version
// named by If-Match: 412 with the current version when someone changed the meeting first.
template <typename Change>
ApiResponse change_in_meeting(RouteContext& context, Change&& change) {
    const int seen = context.if_match_version();
    auto meetings = context.services.meetings();
    try {
        change(meetings, seen);
    } catch (const Conflict& e) {
        auto response = error_response(412, "version_conflict", e.message());
        response.etag = fmt::format("\"{}\"", meetings.get(context.id()).version);
        return response;
    }
    ApiResponse response{204, {}, {}, {}, {}, false};
    response.etag = fmt::format("\"{}\"", meetings.get(context.id()).version);
    return response;
}

// The item must be one of this meeting's: an id from another meeting answers 404, whatever that
// meeting is, so ids of meetings the caller may not see tell nothing.
void require_view_of_meeting(RouteContext& context) {
    for (const auto& view : context.services.meetings().record(context.id()).views) {
        if (view.id == context.id("item")) return;
    }
    throw NotFound({"這個會議沒有這項意見", "this meeting has no such view"});
}

void require_action_of_meeting(RouteContext& context) {
    for (const auto& action : context.services.meetings().record(context.id()).actions) {
        if (action.id == context.id("item")) return;
    }
    throw NotFound({"這個會議沒有這項跟進事項", "this meeting has no such action item"});
}

ApiResponse set_action_status(RouteContext& context) {
    require_action_of_meeting(context);
    const auto status = *parse_action_status(required_choice(context.body(), "status", {"open", "done", "cancelled"}));
    return change_in_meeting(context, [&](MeetingService& meetings, int seen) {
        meetings.set_action_status(context.id("item"), status, seen);
    });
}

ApiResponse address_view(RouteContext& context) {
    require_view_of_meeting(context);
    const auto& body = context.body();
    ViewResponse response;
    response.focus_point_id = optional_id(body, "focus_point_id");
    response.plan_id = optional_id(body, "plan_id");
    if (const auto revision = optional_id(body, "revision")) response.revision = static_cast<int>(*revision);
    return change_in_meeting(context, [&](MeetingService& meetings, int seen) {
        meetings.address_view(context.id("item"), response, seen);
    });
}

ApiResponse decline_view(RouteContext& context) {
    require_view_of_meeting(context);
    const auto reason = required_string(context.body(), "reason");
    return change_in_meeting(
        context, [&](MeetingService& meetings, int seen) { meetings.decline_view(context.id("item"), reason, seen); });
}

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
    router.add({"PUT", "/api/meetings/{id}/actions/{item}/status", true, set_action_status, probe_meeting});
    router.add({"POST", "/api/meetings/{id}/views/{item}/address", true, address_view, probe_meeting});
    router.add({"POST", "/api/meetings/{id}/views/{item}/decline", true, decline_view, probe_meeting});
}

}  // namespace dplan::server
