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
    const auto position = context.number("position");
    auto meetings = context.services.meetings();
    try {
        meetings.set_minutes(context.id(), position, required_string(context.body(), "minutes"), seen);
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

// The meeting's view or action item named by {item}. An id from another meeting answers 404,
// whatever that meeting is, so ids of meetings the caller may not see tell nothing.
RaisedView view_of_meeting(RouteContext& context) {
    for (const auto& view : context.services.meetings().record(context.id()).views) {
        if (view.id == context.id("item")) return view;
    }
    throw NotFound({"這個會議沒有這項意見", "this meeting has no such view"});
}

ActionItem action_of_meeting(RouteContext& context) {
    for (const auto& action : context.services.meetings().record(context.id()).actions) {
        if (action.id == context.id("item")) return action;
    }
    throw NotFound({"這個會議沒有這項跟進事項", "this meeting has no such action item"});
}

ApiResponse with_version(ApiResponse response, int version) {
    response.etag = fmt::format("\"{}\"", version);
    return response;
}

ApiResponse view_record(RouteContext& context) {
    const auto view = view_of_meeting(context);
    return with_version(json_response(view_json(view)), view.version);
}

ApiResponse action_record(RouteContext& context) {
    const auto action = action_of_meeting(context);
    return with_version(json_response(action_json(action)), action.version);
}

// A change to one view or action item, made against that item's version named by If-Match:
// 412 with the item's current version when someone changed it first, else 204 with the version
// the change left (as the service returns it: read back, it could already be someone else's).
// Items have versions of their own, so changes to different items of one meeting never collide.
template <typename Item, typename Change>
ApiResponse change_item(RouteContext& context, Item (*current)(RouteContext&), Change&& change) {
    current(context);  // 404 unless the item is one of this meeting's
    const int seen = context.if_match_version();
    int version = 0;
    try {
        version = change(context.services.meetings(), seen);
    } catch (const Conflict& e) {
        return with_version(error_response(412, "version_conflict", e.message()), current(context).version);
    }
    return with_version(ApiResponse{204, {}, {}, {}, {}, false}, version);
}

// Each change reads its body inside the change, so an item of another meeting is a 404 and a
// missing If-Match a 428 whatever the body says.
ApiResponse set_action_status(RouteContext& context) {
    return change_item(context, action_of_meeting, [&](MeetingService meetings, int seen) {
        const auto status = required_choice(context.body(), "status", {"open", "done", "cancelled"});
        return meetings.set_action_status(context.id("item"), *parse_action_status(status), seen);
    });
}

ApiResponse address_view(RouteContext& context) {
    return change_item(context, view_of_meeting, [&](MeetingService meetings, int seen) {
        const auto& body = context.body();
        ViewResponse response;
        response.focus_point_id = optional_id(body, "focus_point_id");
        response.plan_id = optional_id(body, "plan_id");
        response.revision = optional_number(body, "revision");
        return meetings.address_view(context.id("item"), response, seen);
    });
}

ApiResponse decline_view(RouteContext& context) {
    return change_item(context, view_of_meeting, [&](MeetingService meetings, int seen) {
        return meetings.decline_view(context.id("item"), required_string(context.body(), "reason"), seen);
    });
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
    router.add({"GET", "/api/meetings/{id}/views/{item}", true, view_record, probe_meeting});
    router.add({"GET", "/api/meetings/{id}/actions/{item}", true, action_record, probe_meeting});
    router.add({"GET", "/api/actions", true, actions});
    router.add({"PUT", "/api/meetings/{id}/agenda/{position}/minutes", true, set_minutes, probe_meeting});
    router.add({"POST", "/api/meetings/{id}/actions", true, add_action, probe_meeting});
    router.add({"PUT", "/api/meetings/{id}/actions/{item}/status", true, set_action_status, probe_meeting});
    router.add({"POST", "/api/meetings/{id}/views/{item}/address", true, address_view, probe_meeting});
    router.add({"POST", "/api/meetings/{id}/views/{item}/decline", true, decline_view, probe_meeting});
}

}  // namespace dplan::server
