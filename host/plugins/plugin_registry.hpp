// Finds, checks and loads plugins, and keeps the ones that run and the reasons for the others.
//
// Checks, in order, each with its own reason when it fails; no plugin code runs before step 7:
//   1 plugin.json reads and is complete      5 the signature is by a trusted key
//   2 its SDK version fits this host          6 no plugin with the same id is loaded
//   3 the library file is there               7 Boost.DLL's library_info finds `dplan_entry`
//   4 the library's SHA-256 matches           8 the entry's SDK version and id match, init()
//                                               succeeds, and its contributions are valid
// Plugins whose dependencies are not loaded are refused too.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "plugins/loaded_plugin.hpp"

namespace dplan::plugins {

struct LoaderOptions {
    std::vector<std::filesystem::path> directories;  // each holds plugin folders, or is one
    std::vector<std::string> trusted_public_keys;    // hex
    bool allow_unsigned = false;                     // development only; logged as a warning
};

struct RefusedPlugin {
    std::filesystem::path directory;
    std::string id;  // empty when the manifest could not be read
    Bilingual reason;
};

class PluginRegistry {
public:
    static PluginRegistry load(const LoaderOptions& options);

    const std::vector<std::unique_ptr<LoadedPlugin>>& loaded() const { return loaded_; }
    const std::vector<RefusedPlugin>& refused() const { return refused_; }

    const LoadedPlugin* find(std::string_view id) const;
    // The plugin that provides service area `area_id`.
    const LoadedPlugin* find_area(std::string_view area_id) const;

    // Takes a plugin that failed at run time out of service, keeping the reason.
    void disable(std::string_view id, Bilingual reason);

private:
    std::vector<std::unique_ptr<LoadedPlugin>> loaded_;
    std::vector<RefusedPlugin> refused_;
};

// <prefix>/lib/dplan/plugins and ~/.local/share/dplan/plugins.
std::vector<std::filesystem::path> default_plugin_directories();

// Public keys (*.pub) in /etc/dplan/trusted-keys and ~/.config/dplan/trusted-keys.
std::vector<std::filesystem::path> default_trusted_key_files();

// What every front end loads: the given folders, then $DPLAN_PLUGIN_PATH (':'-separated), then
// the default folders; the given public key files, then the default ones.
LoaderOptions standard_loader_options(const std::vector<std::string>& plugin_dirs,
                                      const std::vector<std::string>& trusted_key_files, bool allow_unsigned);

}  // namespace dplan::plugins
