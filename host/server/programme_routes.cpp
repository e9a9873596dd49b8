// Programmes, their indicators and readings, and the readings as CSV.
#include <fmt/format.h>

#include "server/api.hpp"
#include "server/json_views.hpp"

namespace dplan::server {

namespace {

std::string etag(int version) { return fmt::format("\"{}\"", version); }

ApiResponse probe_programme(RouteContext& context) {
    const auto programme = context.services.programmes().get(context.id());
    auto response = json_response(programme_json(programme));
    response.etag = etag(programme.version);
    return response;
}

ApiResponse list_programmes(RouteContext& context) {
    auto list = nlohmann::json::array();
    for (const auto& programme : context.services.programmes().list()) list.push_back(programme_json(programme));
    return json_response(list);
}

// With the programme's version as ETag: indicators are changed against it (If-Match).
ApiResponse indicators(RouteContext& context) {
    auto programmes = context.services.programmes();
    auto list = nlohmann::json::array();
    for (const auto& indicator : programmes.indicators(context.id())) list.push_back(indicator_json(indicator));
    auto response = json_response(list);
    response.etag = etag(programmes.get(context.id()).version);
    return response;
}

ApiResponse record_reading(RouteContext& context) {
    const auto& body = context.body();
    const auto indicator = context.services.programmes().record_reading(
        context.id(), context.text("code"), required_number(body, "value"), required_string(body, "period_start"),
        required_string(body, "period_end"));
    return json_response(indicator_json(indicator), 201);
}

ApiResponse reading_history(RouteContext& context) {
    auto list = nlohmann::json::array();
    for (const auto& reading : context.services.programmes().history(context.id(), context.text("code"))) {
        list.push_back(reading_json(reading));
    }
    return json_response(list);
}

// Defines the indicator, or redefines the one with this code, against the programme's version
// named by If-Match (412 with the current one when someone changed the programme first).
ApiResponse put_indicator(RouteContext& context) {
    const int seen = context.if_match_version();
    const auto& body = context.body();
    Indicator indicator;
    indicator.programme_id = context.id();
    indicator.code = context.text("code");
    indicator.kind = *parse_indicator_kind(required_choice(body, "kind", {"output", "outcome"}));
    indicator.description = {required_string(body, "description_zh"),
                             optional_string(body, "description_en").value_or("")};
    indicator.unit = required_string(body, "unit");
    const auto target = body.find("target");
    if (target != body.end() && target->is_null()) {
        indicator.target = std::nullopt;
    } else {
        indicator.target = required_number(body, "target");
    }
    auto programmes = context.services.programmes();
    try {
        programmes.put_indicator(indicator, seen);
    } catch (const Conflict& e) {
        auto response = error_response(412, "version_conflict", e.message());
        response.etag = etag(programmes.get(context.id()).version);
        return response;
    }
    for (const auto& defined : programmes.indicators(context.id())) {
        if (defined.code != indicator.code) continue;
        auto response = json_response(indicator_json(defined));
        response.etag = etag(programmes.get(context.id()).version);
        return response;
    }
    throw NotFound({"找不到剛定義的指標", "the indicator just defined was not found"});
}

ApiResponse readings_csv(RouteContext& context) {
    ApiResponse response;
    response.content_type = "text/csv; charset=utf-8";
    response.body = context.services.programmes().export_csv();
    response.content_disposition = "attachment; filename=\"readings.csv\"";
    return response;
}

}  // namespace

void add_programme_routes(Router& router) {
    router.add({"GET", "/api/programmes", true, list_programmes});
    router.add({"GET", "/api/programmes/{id}", true, probe_programme, probe_programme});
    router.add({"GET", "/api/programmes/{id}/indicators", true, indicators, probe_programme});
    router.add({"POST", "/api/programmes/{id}/indicators/{code}/readings", true, record_reading, probe_programme});
    router.add({"GET", "/api/readings.csv", true, readings_csv});
    router.add({"GET", "/api/programmes/{id}/indicators/{code}/readings", true, reading_history, probe_programme});
    router.add({"PUT", "/api/programmes/{id}/indicators/{code}", true, put_indicator, probe_programme});
}

}  // namespace dplan::server
