// A binary run from its build tree finds that tree's plugins and trusts its development key: CMake
// writes build-tree.json next to the binaries it builds (never installed), naming both. An
// installed binary has no marker beside it, so it never trusts a development key.
#pragma once

#include <string>
#include <vector>

namespace dplan {

// The plugin folders and trusted keys a front end loads with: those given on its command line;
// when none are given (and DPLAN_PLUGIN_PATH is unset), those of the build tree the running
// binary (/proc/self/exe) belongs to, if it does.
struct PluginSources {
    std::vector<std::string> plugin_dirs;
    std::vector<std::string> trusted_keys;
};

PluginSources with_build_tree(PluginSources given);

}  // namespace dplan
