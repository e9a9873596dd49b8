// Finds, checks and loads plugins, and keeps the ones that run and the reasons for the others.
//
// Checks, in order, each with its own reason when it fails; no plugin code runs before step 9:
//   1 nobody but root or this user can change the folder or its files
//   2 plugin.json reads and is complete; no folder of higher precedence has a plugin of its id
//   3 its SDK version fits this host
//   4 the library is there, and every shared object in the folder is listed in plugin.json
//   5 plugin.sig signs the very bytes of plugin.json that were parsed, by a trusted key that
//     may sign this id
// then, plugin by plugin in dependency order, just before it is loaded:
//   6 each library (bundled ones, then the plugin's) is copied into sealed memory and its
//     SHA-256 checked there
//   7 Boost.DLL's library_info finds `dplan_entry` in the sealed copy
//   8 (tests only) the hook in LoaderOptions runs
//   9 the sealed copies are loaded; the entry's SDK version and id match, init() succeeds, and
//     its contributions are valid
// Plugins whose dependencies are not loaded are refused too.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "plugins/loaded_plugin.hpp"
#include "plugins/trusted_keys.hpp"

namespace dplan::plugins {

struct LoaderOptions {
    // Each holds plugin folders, or is one. By precedence: the first folder to hold a plugin of
    // an id keeps that id, and a plugin of the same id in a later folder is refused.
    std::vector<std::filesystem::path> directories;
    std::vector<TrustedKey> trusted_keys;
    std::vector<RefusedKey> refused_keys;  // key files that could not be used, reported with the plugins
    bool allow_unsigned = false;           // development only; logged as a warning
    // Tests only: called between a plugin's library check (step 7) and its load (step 9).
    std::function<void(const PluginManifest&)> after_library_check;
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
    const std::vector<RefusedKey>& refused_keys() const { return refused_keys_; }

    const LoadedPlugin* find(std::string_view id) const;
    // The plugin that provides service area `area_id`.
    const LoadedPlugin* find_area(std::string_view area_id) const;

    // Takes a plugin that failed at run time out of service, keeping the reason.
    void disable(std::string_view id, Bilingual reason);

  private:
    std::vector<std::unique_ptr<LoadedPlugin>> loaded_;
    std::vector<RefusedPlugin> refused_;
    std::vector<RefusedKey> refused_keys_;
};

// What every front end loads, by precedence: the system folder <prefix>/lib/dplan/plugins, the
// given folders, $DPLAN_PLUGIN_PATH (':'-separated), ~/.local/share/dplan/plugins; the given
// public key files (a bare key there may sign any id), then the key folders (see
// default_trusted_key_folders()).
LoaderOptions standard_loader_options(const std::vector<std::string>& plugin_dirs,
                                      const std::vector<std::string>& trusted_key_files, bool allow_unsigned);

}  // namespace dplan::plugins
