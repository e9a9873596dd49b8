// The five plugins this build made (DPLAN_BUILT_PLUGIN_DIR, set by tests/CMakeLists.txt), loaded
// unsigned: signatures are the loader tests' business, not the services'.
#pragma once

#include <memory>

#include "plugins/plugin_registry.hpp"

namespace dplan::testing {

inline std::unique_ptr<plugins::PluginRegistry> built_plugins() {
    plugins::LoaderOptions options;
    options.directories = {DPLAN_BUILT_PLUGIN_DIR};
    options.allow_unsigned = true;
    return std::make_unique<plugins::PluginRegistry>(plugins::PluginRegistry::load(options));
}

}  // namespace dplan::testing
