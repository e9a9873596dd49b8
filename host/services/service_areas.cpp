#include "services/service_areas.hpp"

#include <algorithm>
#include <iterator>
#include <string_view>

namespace dplan {

namespace {

std::size_t area_rank(const std::string& id) {
    const auto found = std::find(std::begin(standard_area_ids), std::end(standard_area_ids), id);
    return static_cast<std::size_t>(found - std::begin(standard_area_ids));
}

}  // namespace

std::vector<const plugins::LoadedPlugin*> service_area_plugins(const plugins::PluginRegistry& plugins) {
    std::vector<const plugins::LoadedPlugin*> areas;
    for (const auto& plugin : plugins.loaded()) {
        if (plugin->area()) areas.push_back(plugin.get());
    }
    std::stable_sort(areas.begin(), areas.end(),
                     [](const auto* a, const auto* b) { return area_rank(a->area()->id) < area_rank(b->area()->id); });
    return areas;
}

}  // namespace dplan
