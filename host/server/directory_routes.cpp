// Districts and the loaded service-area plugins.
#include "plugins/loaded_plugin.hpp"
#include "server/api.hpp"
#include "server/json_views.hpp"

namespace dplan::server {

namespace {

ApiResponse districts(RouteContext& context) {
    auto list = nlohmann::json::array();
    for (const auto& district : context.services.districts().list()) list.push_back(district_json(district));
    return json_response(list);
}

ApiResponse plugins(RouteContext& context) {
    auto list = nlohmann::json::array();
    for (const auto& plugin : context.services.plugins().loaded()) {
        nlohmann::json entry{{"id", plugin->id()}, {"version", plugin->manifest().version}, {"area", nullptr}};
        if (plugin->area())
            entry["area"] = {{"id", plugin->area()->id}, {"name", bilingual_json(plugin->area()->name)}};
        list.push_back(entry);
    }
    return json_response(list);
}

}  // namespace

void add_directory_routes(Router& router) {
    router.add({"GET", "/api/districts", true, districts});
    router.add({"GET", "/api/plugins", true, plugins});
}

}  // namespace dplan::server
