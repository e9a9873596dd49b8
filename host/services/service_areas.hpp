// The service areas the loaded plugins provide, in the order papers and screens show them: the
// five standard areas first (family, elderly, rehabilitation, youth, volunteer), then others in
// loading order. The one home of that order.
#pragma once

#include <string_view>
#include <vector>

#include "plugins/plugin_registry.hpp"

namespace dplan {

inline constexpr std::string_view standard_area_ids[] = {"family", "elderly", "rehabilitation", "youth", "volunteer"};

std::vector<const plugins::LoadedPlugin*> service_area_plugins(const plugins::PluginRegistry& plugins);

}  // namespace dplan
